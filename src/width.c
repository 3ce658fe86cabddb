/*
 * width.c: character widths from libunistring's uc_width() for the "UTF-8"
 * encoding (ambiguous = 1), widened by our own East Asian Ambiguous table when
 * the terminal draws those characters double: uc_width() with a CJK encoding
 * would also widen Greek, Cyrillic and box drawing (TECH-NOTES §3).
 */
#include "width.h"

#include <unistr.h>
#include <uniwidth.h>

#include "text.h"
#include "width_ambiguous.h"

bool width_is_ambiguous(uint32_t cp)
{
    size_t lo = 0, hi = sizeof(ambiguous_ranges) / sizeof(ambiguous_ranges[0]);

    if (cp < 0xA1)
        return false;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;

        if (cp < ambiguous_ranges[mid].first)
            hi = mid;
        else if (cp > ambiguous_ranges[mid].last)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

int width_of(uint32_t cp, int ambiguous)
{
    int w;

    if (cp < 0x7F)
        return cp >= 0x20;
    if (cp >= 0x4E00 && cp <= 0x9FFF)
        return 2; /* the common case */
    if (cp == 0x00AD)
        return ambiguous; /* soft hyphen: terminals draw it */
    w = uc_width(cp, "UTF-8");
    if (w < 0)
        return 0;
    if (w == 1 && ambiguous == 2 && width_is_ambiguous(cp))
        return 2;
    return w;
}

size_t width_of_text(const char *s, size_t n, int ambiguous)
{
    size_t w = 0;
    uint32_t cp;

    for (size_t i = 0; i < n;) {
        i += text_next(s + i, n - i, &cp);
        w += (size_t)width_fast(cp, ambiguous);
    }
    return w;
}

bool width_joins_at(const char *s, size_t len, size_t i)
{
    ucs4_t c;

    if (i >= len || (unsigned char)s[i] < 0x80)
        return false;
    u8_mbtouc(&c, (const uint8_t *)s + i, len - i);
    return c >= 0x300 && width_of(c, 1) == 0 && c != 0x200B && c != 0xFEFF;
}
