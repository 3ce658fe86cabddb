/*
 * text.c: character classes for Chinese text. The tables are ranges of code
 * points; they decide what joins without a space and what ends a sentence.
 */
#include "text.h"

#include <string.h>

size_t text_prev(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

size_t text_put(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

bool text_is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x323AF) || cp == 0x3007;
}

bool text_is_cjk(uint32_t cp)
{
    return text_is_han(cp) || (cp >= 0x3000 && cp <= 0x30FF) || /* CJK punct, kana */
           (cp >= 0xFF00 && cp <= 0xFFEF) ||                     /* full-width forms */
           (cp >= 0xAC00 && cp <= 0xD7AF) ||                     /* hangul */
           (cp >= 0xFE30 && cp <= 0xFE4F) ||                     /* CJK compatibility forms */
           (cp >= 0x2018 && cp <= 0x201F) ||                     /* “ ” ‘ ’ used as CJK quotes */
           cp == 0x2014 || cp == 0x2026 || cp == 0x00B7 || cp == 0x25CF || cp == 0x25A0;
}

bool text_is_blank(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0x00A0;
}

bool text_is_sentence_end(uint32_t cp)
{
    switch (cp) {
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0xFF1B: /* ； */
    case 0x2026: /* … */
    case 0xFF0E: /* ． */
    case '!':
    case '?':
    case ';':
    case '.':
        return true;
    default:
        return false;
    }
}

bool text_is_closing(uint32_t cp)
{
    switch (cp) {
    case 0x201D: /* ” */
    case 0x2019: /* ’ */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
    case 0xFF09: /* ） */
    case 0x300B: /* 》 */
    case 0x3011: /* 】 */
    case ')':
    case '"':
        return true;
    default:
        return false;
    }
}

bool text_is_ascii_alnum(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

size_t text_count(const char *s, size_t n)
{
    size_t c = 0;

    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

void text_trim(const char **s, size_t *n)
{
    uint32_t cp;
    size_t l;

    while (*n > 0 && (l = text_next(*s, *n, &cp)) && text_is_blank(cp)) {
        *s += l;
        *n -= l;
    }
    while (*n > 0) {
        size_t p = text_prev(*s, *n);

        text_next(*s + p, *n - p, &cp);
        if (!text_is_blank(cp))
            break;
        *n = p;
    }
}

uint32_t text_last(const char *s, size_t n, bool skip_closing)
{
    uint32_t cp = 0;

    while (n > 0) {
        size_t p = text_prev(s, n);

        text_next(s + p, n - p, &cp);
        if (!(skip_closing && text_is_closing(cp)) && !text_is_blank(cp))
            return cp;
        n = p;
    }
    return 0;
}

uint32_t text_first(const char *s, size_t n)
{
    uint32_t cp = 0;

    if (n)
        text_next(s, n, &cp);
    return cp;
}

bool text_starts(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);

    return n >= k && memcmp(s, needle, k) == 0;
}

bool text_ends(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);

    return n >= k && memcmp(s + n - k, needle, k) == 0;
}

bool text_has(const char *s, size_t n, const char *needle)
{
    return memmem(s, n, needle, strlen(needle)) != NULL;
}
