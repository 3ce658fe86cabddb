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
 * costs no memory in proportion to the library. When the query has Han
 * characters, the scan jumps between occurrences of a run of them with
 * memmem(), one search per spelling of the run when its characters have
 * other forms (at most SEARCH_SPELLINGS of them).
 *
 * The contract (tests/fuzz/fuzz_search.c checks it against a plain
 * matcher on any query and text): the hits are the leftmost matches, not
 * overlapping one another, each starting at a character and spanning whole
 * characters, every character compared as search_fold() folds it, the
 * spaces (search_is_gap()) before query character k passed over when
 * gap[k] (search_gap_ignored() of characters k-1 and k), and no hit ends
 * between a character and a mark that combines with it; a match may start inside the anchor of a
 * try that failed (谢谢， in 谢谢谢，).
 * search_has() is true exactly when search_text() finds a hit.
 */
#ifndef COURTREAD_SEARCH_H
#define COURTREAD_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct err;

/* Characters of the query looked for as bytes at most. */
#define SEARCH_ANCHOR_MAX 16
/* Spellings of that run looked for at most (国际: 国际 國際 国際 國际). */
#define SEARCH_SPELLINGS 8

struct search_spelling {
    char utf8[4 * SEARCH_ANCHOR_MAX];
    size_t len;
};

struct search_query {
    uint32_t *cps; /* the query, folded, without the spaces that do not count */
    bool *gap;     /* gap[k]: spaces in the text before cps[k] are passed over */
    size_t n;
    bool case_sensitive; /* the query has a capital letter */
    bool han;            /* the query has a Han character */
    size_t anchor;       /* the first of a run of Han characters, or SIZE_MAX */
    struct search_spelling spelling[SEARCH_SPELLINGS]; /* the run's spellings */
    size_t nr_spellings;
    bool lead[256]; /* without an anchor: the first bytes of every character
                       that folds to the query's first */
    void *regex;    /* a compiled regular expression (pcre2_code), or NULL */
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
 * half-width ones, U+3000 as a space, (unless case_sensitive) Latin
 * letters in lower case, and a Han character as the key of its forms. */
uint32_t search_fold(uint32_t c, bool case_sensitive);

/* Whether c is a space that does not count between a Chinese character and
 * a digit or Latin letter (the space, the ideographic space, no-break and
 * thin spaces, the tab). */
bool search_is_gap(uint32_t c);

/* Whether spaces between folded characters a and b do not count: one is a
 * Han character, the other an ASCII digit or letter. */
bool search_gap_ignored(uint32_t a, uint32_t b);

/* Compile len bytes of UTF-8 query s; -1 when it is empty. Release with
 * search_query_release(). */
int search_compile(struct search_query *q, const char *s, size_t len);

/* Compile len bytes of UTF-8 s as a regular expression (PCRE2, UTF mode,
 * ^ and $ at line ends, caseless unless s has a capital); -1 with err
 * saying what is wrong and where when it is empty or not one. */
int search_compile_regex(struct search_query *q, const char *s, size_t len, struct err *err);
void search_query_release(struct search_query *q);

/* Append every match of q in text (len bytes, valid UTF-8), in order and
 * not overlapping, to out. A match never ends inside a character cluster
 * (before a combining mark); a regular expression's empty matches are no
 * hits. */
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
