/*
 * textmap.h: a report's text, blocks and fields as a recipe over the decoded
 * file they were parsed from: runs of the file's text copied, and the few
 * bytes the parser made itself (a space between two joined Latin words, a
 * block's line end). The library index keeps one per report, so that a
 * search, or the browser opening a report, rebuilds a report parsed before
 * from its file in a copy, not a parse. Never prints.
 */
#ifndef COURTREAD_TEXTMAP_H
#define COURTREAD_TEXTMAP_H

#include <stdbool.h>
#include <stddef.h>

struct report;
struct sbuf;

/*
 * Append to out the map of r, parsed from src (n bytes, as decode left
 * them). False, with nothing appended, when a map would not pay: the text
 * is too far from the file's (a line of letters set apart by spaces is a
 * copy per letter) to be kept in less than half its size, or the map
 * found does not rebuild r exactly (it is checked).
 */
bool textmap_make(const struct report *r, const char *src, size_t n, struct sbuf *out);

/*
 * The report that map rebuilds over src (n bytes, decoded as when the map
 * was made): its text, blocks and fields, with path, and no courts (the
 * index's card has them). NULL when the map does not fit src (the file is
 * not the one it was made from) or is not one textmap_make() writes: every
 * run is in bounds and on character boundaries, and every byte of its own
 * is valid UTF-8 with no control character, so what it rebuilds is as
 * clean as a parse of src.
 */
struct report *textmap_apply(const char *path, const char *src, size_t n, const char *map,
                             size_t len);

#endif
