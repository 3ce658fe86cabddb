/*
 * layout.h: a report laid out for reading at a width: display lines, each a
 * span of bytes of the report's text plus a role (title, heading, caption,
 * body …) and a prefix the reader adds (paragraph indent, caption mark,
 * heading mark). Chinese line breaking: UAX #14 break opportunities tailored
 * with kinsoku rules, grapheme clusters kept whole, forced breaks only when a
 * word is wider than the line. Never includes curses; never prints.
 *
 * Lines hold byte offsets, so a position in the text survives a re-layout:
 * layout_line_of() maps it back to a line at any width.
 *
 * The contract, for any text at any width, ambiguous width and indent
 * (tests/fuzz/fuzz_layout.c checks it on any input): no line is wider than
 * the width once its hanging spaces are left out, save a line of a single
 * grapheme cluster wider than the width itself; within a block the lines'
 * offsets increase and every letter, digit and Han character of the block
 * is in its lines once, in order; a cluster (a character and its marks, a
 * space and the tone mark on it) is never split; layout_line_of() of a
 * line's offset is that line. No line ends with an opening quote or bracket,
 * nor starts with closing punctuation, unless nothing else fits the width.
 */
#ifndef COURTREAD_LAYOUT_H
#define COURTREAD_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

struct report;
struct sbuf;

enum line_role {
    LINE_BLANK,
    LINE_TITLE,
    LINE_SUBTITLE,
    LINE_BYLINE,
    LINE_DATE,
    LINE_CAPTION,
    LINE_HEADING,
    LINE_BODY,
    LINE_AUTHOR,
};

enum line_prefix {
    PREFIX_NONE,
    PREFIX_INDENT,   /* a paragraph's first line: opts.indent ideographic spaces */
    PREFIX_CAPTION,  /* "▣ " */
    PREFIX_HEADING1, /* "◆ " */
    PREFIX_HEADING2, /* "◇ " */
};

struct layout_opts {
    int width;     /* columns; a line never holds less than one character */
    int ambiguous; /* columns of East Asian Ambiguous characters: 1 or 2 */
    int indent;    /* ideographic spaces before a paragraph's first line: 0..4 */
};

struct layout_line {
    size_t off, len; /* the text shown, in report->text */
    uint32_t cols;   /* columns of prefix and text */
    uint32_t block;  /* the block it belongs to (blank lines: the one before) */
    uint8_t role;    /* enum line_role */
    uint8_t prefix;  /* enum line_prefix */
};

struct layout {
    const struct report *report;
    struct layout_opts opts;
    struct layout_line *v;
    size_t nr, alloc;
};

/* Lay out r for opts. Caller frees with layout_free(); r must outlive it. */
struct layout *layout_build(const struct report *r, const struct layout_opts *opts);
void layout_free(struct layout *l);

/* The prefix text of a line (static or owned by l); sets *cols. */
const char *layout_prefix(const struct layout *l, const struct layout_line *ln, size_t *len,
                          size_t *cols);
/* The line that shows byte off of the text (the nearest one before it when off
 * falls between lines). */
size_t layout_line_of(const struct layout *l, size_t off);
/* Append line i as plain text (prefix and text, no newline) to out. */
void layout_line_text(const struct layout *l, size_t i, struct sbuf *out);
/* Append every line, each ended by a newline, to out: what --dump prints. */
void layout_text(const struct layout *l, struct sbuf *out);

/* A layout kept for the last options asked: rebuilt only when they change. */
struct layout_cache {
    struct layout *layout;
};
const struct layout *layout_cache_get(struct layout_cache *c, const struct report *r,
                                      const struct layout_opts *opts);
void layout_cache_release(struct layout_cache *c);

#endif
