/*
 * report.h: the document model. A report is its clean text (paragraphs joined,
 * noise removed) cut into blocks, plus the fields a reader looks for: title,
 * subtitle, byline, date, courts, author. Blocks hold byte offsets into the
 * report's text, so layout and search can refer to positions that survive a
 * re-layout. Built by report_parse(); never touches the terminal.
 */
#ifndef COURTREAD_REPORT_H
#define COURTREAD_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum block_kind {
    BLOCK_TITLE,
    BLOCK_SUBTITLE,
    BLOCK_BYLINE,
    BLOCK_DATE,
    BLOCK_CAPTION,
    BLOCK_HEADING,
    BLOCK_PARA,
    BLOCK_AUTHOR,
    BLOCK_SOURCE, /* where the report came from (report->source), at its head */
};

struct block {
    enum block_kind kind;
    int level;  /* headings: 1 for a section, 2 for a sub-section */
    size_t off; /* into report->text */
    size_t len;
};

struct report {
    char *path;
    char *text; /* blocks' text, each followed by '\n' */
    size_t len;
    struct block *blocks;
    size_t nr_blocks, alloc_blocks;

    /* Fields; NULL when the report does not have them. */
    char *title;
    char *subtitle;
    char *byline;
    char *date;   /* YYYY-MM-DD */
    char *source; /* where the report came from: 人民法院报, a site's name (来源：…) */
    char *author;
    /* Why each line got its kind (--explain); NULL unless REPORT_EXPLAIN asked. */
    char *explain;

    /* Named courts, full names, in order of first mention, except that when
     * main_court is true courts[0] is the one the report is mainly about (a
     * report about a group of courts with no single one named has none). */
    bool main_court;
    char **courts;
    size_t nr_courts, alloc_courts;
    /* For each court, the court it was named under ("X法院Y法庭"), or -1. */
    int *court_parent;

    /* Only a card of the report (the library index's): path, fields and
     * courts, no text or blocks; library_fill() reads the rest. */
    bool card;
    /* A card's row in the library index (0: none), where library_fill()
     * finds its text map. */
    long long id;

    /* util_hash() of the file's bytes as library_load() read them (0 when
     * not loaded from a file): the index tells by it whether a file written
     * too recently to trust its time has changed. */
    uint64_t sum;

    /* textmap_make() of the report and its file, when the loader was asked
     * for it (the index keeps it); NULL when there is none. */
    char *map;
    size_t map_len;
};

/*
 * Parse clean text (from decode_bytes) into a report. markdown selects the
 * Markdown rules (# headings). Caller frees with report_free().
 */
struct report *report_parse(const char *path, const char *text, size_t len, bool markdown);

/* Build the tables every parse reads (the rules' phrases, the kinds'
 * weights, the gazetteer's index of names: some 5 ms), which the first parse
 * does otherwise while the others wait; for a thread of its own while the
 * caller does something else. Thread-safe. */
void report_prepare(void);

/* Parts of the model a caller can do without, to save the time (--dump shows
 * no courts). */
enum report_skip {
    REPORT_SKIP_COURTS = 1 << 0,
    /* not a part left out but one added: r->explain, a line per line of the
     * text with its kind, the best scores and the features that weighed most */
    REPORT_EXPLAIN = 1 << 1,
};
/* report_parse(), leaving out the parts in skip (a mask of enum report_skip):
 * with REPORT_SKIP_COURTS, courts stay empty. */
struct report *report_parse_skip(const char *path, const char *text, size_t len, bool markdown,
                                 unsigned skip);
/* The block that holds byte off of the text (the one before, when off
 * falls between blocks); 0 for a report without blocks. */
size_t report_block_at(const struct report *r, size_t off);

/* The heading that block b falls under (b itself when it is one), or -1
 * before the first heading. */
long report_section_of(const struct report *r, size_t b);

/* A copy of r that the caller owns (free with report_free()). */
struct report *report_dup(const struct report *r);

/* r's courts (main_court, courts, court_parent) copied into d, which has
 * none. */
void report_copy_courts(struct report *d, const struct report *r);

/* A card of r (report->card): its path, fields and courts, with no text or
 * blocks, that the caller owns (free with report_free()). */
struct report *report_card(const struct report *r);

void report_free(struct report *r);

/* The block's text (not NUL-terminated; use block->len). */
static inline const char *report_block_text(const struct report *r, const struct block *b)
{
    return r->text + b->off;
}

#endif
