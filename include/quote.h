/*
 * quote.h: a quotation taken from a report: the characters and sentences a
 * selection moves by, the text between two byte offsets as it is pasted,
 * and the citation after it, expanded from a format the user sets. Never
 * includes curses; never prints.
 */
#ifndef COURTREAD_QUOTE_H
#define COURTREAD_QUOTE_H

#include <stdbool.h>
#include <stddef.h>

struct report;
struct sbuf;

/* Where a quotation comes from; NULL or "" for a field the report lacks. */
struct quote_source {
    const char *title, *court, *date, *source, *file;
};

/* The citation when the config file sets none: after the quotation, on a
 * line of its own, as a Chinese article cites its source. */
#define QUOTE_CITATION_DEFAULT "——《%t》%[，%c%]%[，%d%]%[，%s%]"

/* The character after the one at off (len at the end), and the one before
 * (0 at the start); a block's end ('\n') is stepped over, as it is not shown. */
size_t quote_char_next(const char *text, size_t len, size_t off);
size_t quote_char_prev(const char *text, size_t off);

/* The last character of the sentence that holds the character after off
 * (so from a sentence's last character, the next sentence's): its end
 * mark and the closing quotes after it. A sentence ends at 。！？… or at
 * . ! ? before a space, and at the end of its block. */
size_t quote_sentence_end(const char *text, size_t len, size_t off);

/* The start of the sentence that holds off, or of the one before when off
 * is a sentence's start (0 at the start of the text). */
size_t quote_sentence_start(const char *text, size_t len, size_t off);

/* Bytes [*from, *to) of r's text: the block b (a paragraph), or the
 * section of heading b (b and the blocks up to the next heading of its
 * level or above; the head of the report, before its first heading, when b
 * is -1). False when there is no such text. */
bool quote_block_range(const struct report *r, long b, bool section, size_t *from, size_t *to);

/* Append the citation fmt makes for src to out. %t title (the file's name
 * when there is none), %c court, %d date, %s source, %f file, %n a new
 * line, %% a %. Text between %[ and %] is left out when a field in it is
 * empty (so a separator goes with the field it separates). */
void quote_cite(const char *fmt, const struct quote_source *src, struct sbuf *out);

/* Append bytes [from, to) of text as a quotation to out: blocks apart by a
 * blank line, blanks trimmed at both ends; then, when fmt expands to
 * something, a new line and the citation. Returns the characters of the
 * quotation (the citation not counted). */
size_t quote_compose(const char *text, size_t from, size_t to, const char *fmt,
                     const struct quote_source *src, struct sbuf *out);

/* The characters of the quotation of bytes [from, to) (what
 * quote_compose() returns), without writing it. */
size_t quote_count(const char *text, size_t from, size_t to);

#endif
