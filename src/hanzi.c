/*
 * hanzi.c: one-for-one traditional ↔ simplified characters and which script
 * a text is written in, by binary search in the generated tables
 * (hanzi_data.c, from OpenCC). No I/O.
 */
#include "hanzi.h"

#include <unistr.h>

#include "hanzi_data.h"

/* What pairs map c to, or c itself. */
static uint32_t map(const struct hanzi_pair *pairs, size_t n, uint32_t c)
{
    size_t lo = 0, hi = n;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;

        if (pairs[mid].from < c)
            lo = mid + 1;
        else if (pairs[mid].from > c)
            hi = mid;
        else
            return pairs[mid].to;
    }
    return c;
}

static bool has_char(const uint32_t *chars, size_t n, uint32_t c)
{
    size_t lo = 0, hi = n;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;

        if (chars[mid] < c)
            lo = mid + 1;
        else if (chars[mid] > c)
            hi = mid;
        else
            return true;
    }
    return false;
}

/* Only the CJK blocks have entries: others need no search. */
static bool is_han(uint32_t c)
{
    return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x323AF);
}

uint32_t hanzi_simplify(uint32_t c)
{
    return is_han(c) ? map(hanzi_simplify_pairs, hanzi_simplify_pairs_count, c) : c;
}

uint32_t hanzi_traditional(uint32_t c)
{
    return is_han(c) ? map(hanzi_traditional_pairs, hanzi_traditional_pairs_count, c) : c;
}

/* Once one script leads by this many characters, the rest of the text will
 * not turn it: a report in traditional characters has them in every line,
 * and a name quoted in the other script is a handful. A report in simplified
 * characters has one of its own every few characters (们 这 国 会 发 …), so
 * the lead is there within a hundred or two: most reports are told by their
 * first lines, not their first 2 KB. */
#define DECISIVE_LEAD 24

static bool bmp_has(const uint64_t *bits, uint32_t c)
{
    uint32_t i = c - HANZI_BMP_FIRST;

    return bits[i / 64] >> (i % 64) & 1;
}

/*
 * Count the characters only one script uses from p on, over ASCII and the
 * Han of U+3400..U+9FFF, until something else, the end or a decisive lead;
 * returns where it stopped. The tight loop a report's head is read in:
 * nearly every character of Chinese text is one of these.
 */
static const uint8_t *count_han(const uint8_t *p, const uint8_t *end, size_t *traditional,
                                size_t *simplified)
{
    size_t trad = *traditional, simp = *simplified;

    while (end - p >= 3) {
        uint32_t i;

        if (*p < 0x80) {
            p++;
            continue;
        }
        if ((unsigned)(*p - 0xE3) > 0xE9 - 0xE3 || ((p[1] ^ 0x80) | (p[2] ^ 0x80)) >= 0x40)
            break;
        /* the code point less the marker bits, then less HANZI_BMP_FIRST */
        i = (uint32_t)p[0] * 4096 + (uint32_t)p[1] * 64 + p[2] - 0xE2080u;
        p += 3;
        if (i < HANZI_BMP_FIRST)
            continue;
        i -= HANZI_BMP_FIRST;
        /* counted whatever they are: most characters are both scripts' (法,
         * 院, 的) and add nothing, and a test for those would go either way
         * at every fourth character or so, where the lead's test below
         * nearly never goes the other way */
        trad += hanzi_only_traditional_bmp[i / 64] >> (i % 64) & 1;
        simp += hanzi_only_simplified_bmp[i / 64] >> (i % 64) & 1;
        if (trad >= simp + DECISIVE_LEAD || simp >= trad + DECISIVE_LEAD)
            break;
    }
    *traditional = trad;
    *simplified = simp;
    return p;
}

bool hanzi_is_traditional(const char *s, size_t n)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + n;
    size_t traditional = 0, simplified = 0;

    while (p < end) {
        ucs4_t c;
        int len;

        p = count_han(p, end, &traditional, &simplified);
        if (p >= end || traditional >= simplified + DECISIVE_LEAD ||
            simplified >= traditional + DECISIVE_LEAD)
            break;
        if (*p < 0x80) { /* ASCII: most bytes of a web page's furniture */
            p++;
            continue;
        }
        /* characters of three bytes by hand (the Han of U+3400..U+9FFF,
         * CJK punctuation, full-width forms); the rest, and what may be
         * malformed (E0: overlong, ED: surrogates), by libunistring */
        if ((unsigned)(*p - 0xE1) <= 0xEF - 0xE1 && *p != 0xED && end - p >= 3 &&
            ((p[1] ^ 0x80) | (p[2] ^ 0x80)) < 0x40) { /* two continuation bytes */
            c = (ucs4_t)(p[0] & 0x0F) << 12 | (ucs4_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
            p += 3;
            if (c >= HANZI_BMP_FIRST && c < HANZI_BMP_END) {
                bool trad = bmp_has(hanzi_only_traditional_bmp, c);
                bool simp = bmp_has(hanzi_only_simplified_bmp, c);

                /* most characters are both scripts' (法, 院, 的): the lead
                 * can only change at one of the others */
                if (!trad && !simp)
                    continue;
                traditional += trad;
                simplified += simp;
            } else if (is_han(c)) { /* the compatibility ideographs */
                traditional += has_char(hanzi_only_traditional, hanzi_only_traditional_count, c);
                simplified += has_char(hanzi_only_simplified, hanzi_only_simplified_count, c);
            } else {
                continue; /* punctuation: no script's own */
            }
        } else {
            len = u8_mbtouc(&c, p, (size_t)(end - p));
            p += len > 0 ? len : 1;
            if (is_han(c)) {
                traditional += has_char(hanzi_only_traditional, hanzi_only_traditional_count, c);
                simplified += has_char(hanzi_only_simplified, hanzi_only_simplified_count, c);
            }
        }
        if (traditional >= simplified + DECISIVE_LEAD || simplified >= traditional + DECISIVE_LEAD)
            break;
    }
    return traditional > simplified;
}
