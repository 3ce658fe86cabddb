/*
 * results.h: search hits across a library, and what a hit is shown with:
 * the report's court and title, the section it falls in, and a snippet of
 * its paragraph around it. Used by --search and by the browser's results
 * pane; never prints.
 */
#ifndef COURTREAD_RESULTS_H
#define COURTREAD_RESULTS_H

#include <stddef.h>

#include "search.h"

struct report;
struct sbuf;

struct result {
    size_t report; /* the caller's index of the report */
    struct search_hit hit;
};

struct results {
    struct result *v;
    size_t nr, alloc;
};

/* Add every hit of q in r (known to the caller as index) to out; returns
 * how many. */
size_t results_add(struct results *out, const struct search_query *q, const struct report *r,
                   size_t index);

void results_release(struct results *res);

/* The name of r's court: the one it is mainly about, or 其他. */
const char *results_court(const struct report *r);

/*
 * Append a one-line snippet of the paragraph around hit h to out: at most
 * about context characters either side, "…" where it is cut. *hl_off and
 * *hl_len say where the hit is within what was appended.
 */
void results_snippet(const struct report *r, const struct search_hit *h, size_t context,
                     struct sbuf *out, size_t *hl_off, size_t *hl_len);

/* Append the --search line of hit h in r: path, court, title, section and
 * snippet, separated by tabs, and a newline. */
void results_format(const struct report *r, const struct search_hit *h, struct sbuf *out);

#endif
