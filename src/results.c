/*
 * results.c: hits across reports and their context (court, title, section,
 * snippet). Curses-free: the results pane and --search both use it.
 */
#include "results.h"

#include <stdlib.h>
#include <string.h>

#include "court_tree.h"
#include "report.h"
#include "util.h"

size_t results_add(struct results *out, const struct search_query *q, const struct report *r,
                   size_t index)
{
    struct search_hits h = {0};
    size_t n;

    search_text(q, r->text, r->len, &h);
    for (size_t i = 0; i < h.nr; i++) {
        ALLOC_GROW(out->v, out->nr + 1, out->alloc);
        out->v[out->nr].report = index;
        out->v[out->nr].hit = h.v[i];
        out->nr++;
    }
    n = h.nr; /* the release zeroes it */
    search_hits_release(&h);
    return n;
}

void results_release(struct results *res)
{
    free(res->v);
    memset(res, 0, sizeof(*res));
}

const char *results_court(const struct report *r)
{
    /* a report about a group of courts names courts, but none is its own */
    return r->main_court && r->nr_courts ? r->courts[0] : COURT_TREE_OTHER;
}

/* Step n characters from byte i towards lo (back) or hi (forward). */
static size_t step_chars(const char *t, size_t i, size_t lo, size_t hi, size_t n, int dir)
{
    while (n-- && (dir < 0 ? i > lo : i < hi)) {
        if (dir < 0) {
            i--;
            while (i > lo && ((unsigned char)t[i] & 0xC0) == 0x80)
                i--;
        } else {
            i++;
            while (i < hi && ((unsigned char)t[i] & 0xC0) == 0x80)
                i++;
        }
    }
    return i;
}

void results_snippet(const struct report *r, const struct search_hit *h, size_t context,
                     struct sbuf *out, size_t *hl_off, size_t *hl_len)
{
    const struct block *b = r->nr_blocks ? &r->blocks[report_block_at(r, h->off)] : NULL;
    size_t lo = b ? b->off : 0, hi = b ? b->off + b->len : r->len;
    size_t end = h->off + h->len, from, to, start;

    if (end > hi) /* a query with a newline: the snippet ends with the hit */
        hi = end;
    from = step_chars(r->text, h->off, lo, hi, context, -1);
    to = step_chars(r->text, end, lo, hi, context, 1);
    if (from > lo)
        sbuf_addstr(out, "…");
    start = out->len;
    *hl_off = start + (h->off - from);
    *hl_len = h->len;
    sbuf_add(out, r->text + from, to - from);
    for (size_t i = start; i < out->len; i++) /* one line, one tab-separated field */
        if (out->buf[i] == '\n' || out->buf[i] == '\t')
            out->buf[i] = ' ';
    if (to < hi)
        sbuf_addstr(out, "…");
}

void results_format(const struct report *r, const struct search_hit *h, struct sbuf *out)
{
    long sec = report_section_of(r, report_block_at(r, h->off));
    size_t hl_off, hl_len;

    /* no printf: this runs once per match of a whole library */
    sbuf_add_printable(out, r->path, strlen(r->path)); /* a file's name can hold anything */
    sbuf_addch(out, '\t');
    sbuf_addstr(out, results_court(r));
    sbuf_addch(out, '\t');
    sbuf_addstr(out, r->title ? r->title : "");
    sbuf_addch(out, '\t');
    if (sec >= 0)
        sbuf_add(out, report_block_text(r, &r->blocks[sec]), r->blocks[sec].len);
    sbuf_addch(out, '\t');
    results_snippet(r, h, 30, out, &hl_off, &hl_len);
    sbuf_addch(out, '\n');
}
