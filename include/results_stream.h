/*
 * results_stream.h: a search of the library run a batch of reports at a
 * time, so that the browser shows the first matches and takes keys while
 * the rest are searched. The reports are searched in an order fixed at the
 * start, each read in full from its card when its batch comes (a card again
 * when nothing in it matched); run to the end, it finds what results_add()
 * over the same reports in the same order finds, match for match. Never
 * prints, never includes curses.
 */
#ifndef COURTREAD_RESULTS_STREAM_H
#define COURTREAD_RESULTS_STREAM_H

#include <stdbool.h>
#include <stddef.h>

#include "search.h"

struct report;
struct results;

struct results_stream {
    struct report **slots; /* the library's: a card is read in full in its place */
    size_t *order;         /* the slots to search, in the order their matches are listed */
    size_t nr;
    size_t done;   /* how many of order are searched */
    size_t unread; /* of those, how many could not be read again */
    size_t found;  /* their matches */
    struct search_query query;
    const char *encoding; /* to read the cards: --encoding, or NULL */
    size_t batch;         /* reports in results_stream_run()'s next batch */
};

/* Search slots[order[0 .. nr-1]] for q; order (from malloc) and q are
 * taken over. */
void results_stream_init(struct results_stream *st, struct report **slots, size_t *order, size_t nr,
                         struct search_query *q, const char *encoding);

/* Search the next n reports (fewer at the end), their cards read in full
 * on every core first, and append their matches to out; returns how many
 * matches that added. A card read in which nothing matched is made a card
 * again (library_unfill()); a report read before stays as it was. */
size_t results_stream_step(struct results_stream *st, size_t n, struct results *out);

/* One batch (results_stream_step()), its size made larger or smaller from
 * one call to the next so that a batch takes about budget_us microseconds
 * whatever a report costs (a card to read, or a report read before). */
size_t results_stream_run(struct results_stream *st, long budget_us, struct results *out);

/* Whether every report is searched. */
bool results_stream_done(const struct results_stream *st);

void results_stream_release(struct results_stream *st);

#endif
