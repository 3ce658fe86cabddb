/*
 * results_stream.c: a library search a batch at a time: the batch's cards
 * read in full (library_fill_each()), then each report searched in order.
 * Curses-free; the browser's search controller (ui_search.c) drives it.
 */
#include "results_stream.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "library.h"
#include "report.h"
#include "results.h"
#include "util.h"

/* The first batch: small, for the first screen of matches comes soon
 * whatever a report costs; results_stream_run() grows it from there. */
#define FIRST_BATCH 8
/* At most: a batch of reports read before costs microseconds apiece. */
#define MAX_BATCH 4096

void results_stream_init(struct results_stream *st, struct report **slots, size_t *order, size_t nr,
                         struct search_query *q, const char *encoding)
{
    memset(st, 0, sizeof(*st));
    st->slots = slots;
    st->order = order;
    st->nr = nr;
    st->query = *q;
    memset(q, 0, sizeof(*q));
    st->encoding = encoding;
    st->batch = FIRST_BATCH;
}

size_t results_stream_step(struct results_stream *st, size_t n, struct results *out)
{
    size_t start = st->done, end = start + (n < st->nr - start ? n : st->nr - start);
    size_t *cards = xmalloc((end - start ? end - start : 1) * sizeof(*cards)), nr_cards = 0;
    bool *was_card = xmalloc(end - start ? end - start : 1);
    size_t before = out->nr;

    for (size_t k = start; k < end; k++) {
        was_card[k - start] = st->slots[st->order[k]]->card;
        if (was_card[k - start])
            cards[nr_cards++] = st->order[k];
    }
    if (nr_cards) /* a thread is started for each batch of cards: none for none */
        library_fill_each(st->slots, cards, nr_cards, st->encoding);
    free(cards);
    for (; st->done < end; st->done++) {
        size_t i = st->order[st->done];
        struct err err;

        /* a card that stayed: its file went or changed into what cannot
         * be read (library_fill() says why, which is not shown) */
        if (library_fill(&st->slots[i], st->encoding, &err) < 0) {
            st->unread++;
            continue;
        }
        /* read only to be searched: a card again, so that a search keeps
         * none of the library in memory (the list of matches reads the
         * reports of the rows it shows again, a copy of each file by its
         * text map) */
        results_add(out, &st->query, st->slots[i], i);
        if (was_card[st->done - start])
            library_unfill(&st->slots[i]);
    }
    free(was_card);
    st->found += out->nr - before;
    return out->nr - before;
}

static long elapsed_us(const struct timespec *from)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - from->tv_sec) * 1000000L + (now.tv_nsec - from->tv_nsec) / 1000;
}

size_t results_stream_run(struct results_stream *st, long budget_us, struct results *out)
{
    struct timespec t0;
    size_t added;
    long us;

    clock_gettime(CLOCK_MONOTONIC, &t0);
    added = results_stream_step(st, st->batch, out);
    us = elapsed_us(&t0);
    /* twice or half: a few batches find the size, and one slow report
     * (a long one, a busy machine) does not shrink the next batch to one */
    if (us < budget_us / 2 && st->batch < MAX_BATCH)
        st->batch *= 2;
    else if (us > budget_us * 2 && st->batch > 1)
        st->batch /= 2;
    return added;
}

bool results_stream_done(const struct results_stream *st)
{
    return st->done >= st->nr;
}

void results_stream_release(struct results_stream *st)
{
    free(st->order);
    search_query_release(&st->query);
    memset(st, 0, sizeof(*st));
}
