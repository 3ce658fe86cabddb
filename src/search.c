/*
 * search.c: the matcher. Folds characters as it walks the original text
 * (see search.h); never prints, never touches the terminal.
 */
#include "search.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unistr.h>

#include "util.h"
#include "width.h"

uint32_t search_fold(uint32_t c, bool case_sensitive)
{
    if (c < 0x80) {
        if (!case_sensitive && c >= 'A' && c <= 'Z')
            return c + 32;
        return c;
    }
    if (c >= 0xFF01 && c <= 0xFF5E) /* full-width ASCII */
        return search_fold(c - 0xFEE0, case_sensitive);
    if (c == 0x3000) /* the ideographic space */
        return ' ';
    switch (c) { /* full-width signs and half-width CJK punctuation */
    case 0xFFE0:
        return 0xA2; /* ￠ */
    case 0xFFE1:
        return 0xA3; /* ￡ */
    case 0xFFE5:
        return 0xA5; /* ￥ */
    case 0xFF61:
        return 0x3002; /* ｡ */
    case 0xFF62:
        return 0x300C; /* ｢ */
    case 0xFF63:
        return 0x300D; /* ｣ */
    case 0xFF64:
        return 0x3001; /* ､ */
    default:
        break;
    }
    if (!case_sensitive && c < 0x2E80)
        return uc_tolower(c); /* Latin, Greek, Cyrillic letters */
    return c;
}

/* Whether only c itself folds to c: then its bytes can be looked for as they
 * are. Han characters and most CJK punctuation are; ASCII (which has
 * full-width twins), letters with case, and the targets above are not. */
static bool fold_unique(uint32_t c)
{
    return c >= 0x2E80 && c != 0x3000 && c != 0x3001 && c != 0x3002 && c != 0x300C && c != 0x300D &&
           !(c >= 0xFF00 && c <= 0xFFEF);
}

static void mark_lead(struct search_query *q, uint32_t c)
{
    uint8_t buf[4];

    if (u8_uctomb(buf, c, 4) > 0)
        q->lead[buf[0]] = true;
}

/* Which bytes can start a character that folds to the query's first: every
 * character that folds to another is below U+2E80, full-width (U+FF00 to
 * U+FFEF), or U+3000 to U+3002, U+300C, U+300D; the rest fold to
 * themselves. */
static void first_bytes(struct search_query *q)
{
    static const uint32_t cjk[] = {0x3000, 0x3001, 0x3002, 0x300C, 0x300D};
    uint32_t f = q->cps[0];

    memset(q->lead, 0, sizeof(q->lead));
    mark_lead(q, f);
    for (uint32_t c = 0; c < 0x2E80; c++)
        if (search_fold(c, q->case_sensitive) == f)
            mark_lead(q, c);
    for (uint32_t c = 0xFF00; c < 0xFFF0; c++)
        if (search_fold(c, q->case_sensitive) == f)
            mark_lead(q, c);
    for (size_t i = 0; i < ARRAY_SIZE(cjk); i++)
        if (search_fold(cjk[i], q->case_sensitive) == f)
            mark_lead(q, cjk[i]);
}

static bool has_capital(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        ucs4_t c;
        int n = u8_mbtouc(&c, (const uint8_t *)s + i, len - i);
        uint32_t h = search_fold(c, true); /* Ａ counts as A */

        if (uc_tolower(h) != h)
            return true;
        i += (size_t)(n > 0 ? n : 1);
    }
    return false;
}

int search_compile(struct search_query *q, const char *s, size_t len)
{
    memset(q, 0, sizeof(*q));
    q->anchor = SIZE_MAX;
    if (!len)
        return -1;
    q->case_sensitive = has_capital(s, len);
    q->cps = xmalloc(len * sizeof(*q->cps));
    for (size_t i = 0; i < len;) {
        ucs4_t c;
        int n = u8_mbtouc(&c, (const uint8_t *)s + i, len - i);

        q->cps[q->n] = search_fold(c, q->case_sensitive);
        q->n++;
        i += (size_t)(n > 0 ? n : 1);
    }
    /* the anchor: the longest run of characters only themselves fold to,
     * looked for as bytes (the longer, the fewer false starts) */
    for (size_t k = 0, best = 0; k < q->n;) {
        size_t run = 0;

        while (k + run < q->n && fold_unique(q->cps[k + run]) && run < SEARCH_ANCHOR_MAX)
            run++;
        if (run > best) {
            best = run;
            q->anchor = k;
            q->anchor_len = 0;
            for (size_t j = k; j < k + run; j++)
                q->anchor_len +=
                    (size_t)u8_uctomb((uint8_t *)q->anchor_utf8 + q->anchor_len, q->cps[j], 4);
        }
        k += run ? run : 1;
    }
    if (q->anchor == SIZE_MAX)
        first_bytes(q);
    return 0;
}

void search_query_release(struct search_query *q)
{
    free(q->cps);
    memset(q, 0, sizeof(*q));
}

/* The next character of text at *i, folded; moves *i past it. */
static inline uint32_t next_folded(const char *text, size_t len, size_t *i, bool cs)
{
    unsigned char b = (unsigned char)text[*i];
    ucs4_t c;
    int n;

    if (b < 0x80) {
        (*i)++;
        return !cs && b >= 'A' && b <= 'Z' ? (uint32_t)b + 32 : b;
    }
    n = u8_mbtouc(&c, (const uint8_t *)text + *i, len - *i);
    *i += (size_t)(n > 0 ? n : 1);
    return search_fold(c, cs);
}

/* The end of a match of q starting at byte s, or 0 when there is none. */
static size_t match_at(const struct search_query *q, const char *text, size_t len, size_t s)
{
    size_t i = s;

    for (size_t k = 0; k < q->n; k++) {
        if (i >= len || next_folded(text, len, &i, q->case_sensitive) != q->cps[k])
            return 0;
    }
    if (width_joins_at(text, len, i)) /* it would be split from its mark */
        return 0;
    return i;
}

/* Step back n characters from byte i; SIZE_MAX when the text starts first. */
static size_t back_chars(const char *text, size_t i, size_t n)
{
    while (n--) {
        if (!i)
            return SIZE_MAX;
        i--;
        while (i && ((unsigned char)text[i] & 0xC0) == 0x80)
            i--;
    }
    return i;
}

static void add_hit(struct search_hits *out, size_t off, size_t end)
{
    ALLOC_GROW(out->v, out->nr + 1, out->alloc);
    out->v[out->nr].off = off;
    out->v[out->nr].len = end - off;
    out->nr++;
}

/* Find matches; stop after the first when first_only. */
static void scan(const struct search_query *q, const char *text, size_t len,
                 struct search_hits *out, bool first_only, bool *found)
{
    size_t last_end = 0;

    *found = false;
    if (!q->n)
        return;
    if (q->anchor != SIZE_MAX) {
        /* jump between occurrences of a character only itself matches */
        const char *p = text, *end = text + len;

        while ((p = memmem(p, (size_t)(end - p), q->anchor_utf8, q->anchor_len))) {
            size_t s = back_chars(text, (size_t)(p - text), q->anchor), e;
            int step = u8_mblen((const uint8_t *)p, (size_t)(end - p));

            /* on a failed try step one character, not the whole anchor: in
             * 谢谢谢， the match of 谢谢， starts inside the first try's anchor */
            p += step > 0 ? (size_t)step : 1;
            if (s == SIZE_MAX || s < last_end)
                continue;
            e = match_at(q, text, len, s);
            if (!e)
                continue;
            *found = true;
            if (first_only)
                return;
            add_hit(out, s, e);
            last_end = e;
            if ((size_t)(p - text) < e)
                p = text + e;
        }
        return;
    }
    /* no anchor: stop only at bytes that can start the first character */
    for (size_t i = 0; i < len; i++) {
        size_t e;

        if (!q->lead[(unsigned char)text[i]] || !(e = match_at(q, text, len, i)))
            continue;
        *found = true;
        if (first_only)
            return;
        add_hit(out, i, e);
        i = e - 1;
    }
}

void search_text(const struct search_query *q, const char *text, size_t len,
                 struct search_hits *out)
{
    bool found;

    scan(q, text, len, out, false, &found);
}

bool search_has(const struct search_query *q, const char *text, size_t len)
{
    bool found;

    scan(q, text, len, NULL, true, &found);
    return found;
}

size_t search_hit_from(const struct search_hits *h, size_t off)
{
    size_t lo = 0, hi = h->nr;

    while (lo < hi) { /* the first hit ending after off */
        size_t mid = (lo + hi) / 2;

        if (h->v[mid].off + h->v[mid].len <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

long search_hit_near(const struct search_hits *h, size_t off, int dir)
{
    size_t lo = 0, hi = h->nr;

    if (dir > 0) {
        /* the first hit starting at or after off */
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;

            if (h->v[mid].off < off)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo < h->nr ? (long)lo : -1;
    }
    while (lo < hi) { /* the last hit starting before off */
        size_t mid = (lo + hi) / 2;

        if (h->v[mid].off < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? (long)lo - 1 : -1;
}

void search_hits_release(struct search_hits *h)
{
    free(h->v);
    memset(h, 0, sizeof(*h));
}
