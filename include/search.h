/*
 * search.h: finding a query in a report's text the way a Chinese reader
 * expects. Full-width and half-width forms are one (，/,  １２３/123  ＡＢ/AB,
 * the ideographic space and the space), Latin letters match in either case
 * unless the query has a capital (smart case), and since a report's text has
 * its paragraphs joined, a match may span the line breaks of the file.
 *
 * The text is never copied into a normalised form: the matcher folds each
 * character of the original text as it compares, so a hit is already a span
 * of the original bytes (the "map back" is the walk itself), and a query
 * costs no memory in proportion to the library. When the query has
 * characters no other one folds to (Han ones), the scan jumps between
 * occurrences of the longest run of them with memmem().
 *
 * The contract (tests/fuzz/fuzz_search.c checks it against a plain
 * matcher on any query and text): the hits are the leftmost matches, not
 * overlapping one another, each starting at a character and spanning whole
 * characters, every character compared as search_fold() folds it, and no
 * hit ends between a character and a mark that combines with it; a match
 * may start inside the anchor of a try that failed (谢谢， in 谢谢谢，).
 * search_has() is true exactly when search_text() finds a hit.
 */
#ifndef COURTREAD_SEARCH_H
#define COURTREAD_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Characters of the query looked for as bytes at most. */
#define SEARCH_ANCHOR_MAX 16

struct search_query {
    uint32_t *cps; /* the query, folded */
    size_t n;
    bool case_sensitive; /* the query has a capital letter */
    size_t anchor;       /* the first of a run of characters only themselves
                            fold to (Han ones), or SIZE_MAX */
    char anchor_utf8[4 * SEARCH_ANCHOR_MAX];
    size_t anchor_len;
    bool lead[256]; /* without an anchor: the first bytes of every character
                       that folds to the query's first */
};

/* A span of the searched text, in bytes. */
struct search_hit {
    size_t off, len;
};

struct search_hits {
    struct search_hit *v;
    size_t nr, alloc;
};

/* The character c as the matcher compares it: full-width forms as their
 * half-width ones, U+3000 as a space, and (unless case_sensitive) Latin
 * letters in lower case. */
uint32_t search_fold(uint32_t c, bool case_sensitive);

/* Compile len bytes of UTF-8 query s; -1 when it is empty. Release with
 * search_query_release(). */
int search_compile(struct search_query *q, const char *s, size_t len);
void search_query_release(struct search_query *q);

/* Append every match of q in text (len bytes), in order and not
 * overlapping, to out. A match never ends inside a character cluster
 * (before a combining mark). */
void search_text(const struct search_query *q, const char *text, size_t len,
                 struct search_hits *out);

/* Whether q matches anywhere in text. */
bool search_has(const struct search_query *q, const char *text, size_t len);

/* The first hit that starts at or after off (dir > 0), or the last that
 * starts before off (dir < 0); -1 when there is none. */
long search_hit_near(const struct search_hits *h, size_t off, int dir);

/* The first hit that ends after off: where to start drawing from. */
size_t search_hit_from(const struct search_hits *h, size_t off);

void search_hits_release(struct search_hits *h);

#endif
