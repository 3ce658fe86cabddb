/*
 * width.h: how many terminal columns a character takes. East Asian Wide and
 * Fullwidth take 2, combining marks and zero-width characters 0, East Asian
 * Ambiguous ones (“ ” · ● — … ■) 1 or 2 as the caller says: terminals differ.
 * The UI makes curses measure with the same function.
 */
#ifndef COURTREAD_WIDTH_H
#define COURTREAD_WIDTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

bool width_is_ambiguous(uint32_t cp);
/* Columns of one code point; ambiguous is 1 or 2. Controls take 0. */
int width_of(uint32_t cp, int ambiguous);
/* width_of() with the common cases inline: ASCII and Han. */
static inline int width_fast(uint32_t cp, int ambiguous)
{
    if (cp >= 0x20 && cp < 0x7F)
        return 1;
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3000 && cp <= 0x3029) ||
        (cp >= 0x3030 && cp <= 0x303E) || (cp >= 0xFF01 && cp <= 0xFF60))
        return 2; /* Han, CJK punctuation, full-width forms */
    if (cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == 0x2014 ||
        cp == 0x2026)
        return ambiguous; /* “ ” ‘ ’ — … */
    return width_of(cp, ambiguous);
}

/* Whether the character at byte i of s (len bytes) joins the one before it
 * on screen: a combining mark or another zero-width character, but not a
 * zero-width space or byte-order mark. The prompt edits, and search
 * matches, whole characters with their marks. */
bool width_joins_at(const char *s, size_t len, size_t i);

/* Columns of a UTF-8 string (the sum over its code points). */
size_t width_of_text(const char *s, size_t n, int ambiguous);

#endif
