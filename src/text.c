/*
 * text.c: character classes for Chinese text. The tables are ranges of code
 * points; they decide what joins without a space and what ends a sentence.
 */
#include "text.h"

#include "util.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

size_t text_count(const char *s, size_t n)
{
    size_t cont = 0, i = 0;

    /* Every byte but a continuation byte (10xxxxxx) starts a character; count
     * those eight at a time: bit 7 set and bit 6 clear. */
    for (; i + 8 <= n; i += 8) {
        uint64_t w;

        memcpy(&w, s + i, 8);
        w = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;    /* 1 in each such byte */
        cont += (size_t)((w * 0x0101010101010101ull) >> 56); /* their sum */
    }
    for (; i < n; i++)
        cont += ((unsigned char)s[i] & 0xC0) == 0x80;
    return n - cont;
}

/* Whether a character that starts with byte b may be a blank (text_is_blank):
 * 20 09, C2 A0, E3 80 80, or the same written too long (C0 E0 F0). */
static bool blank_lead(unsigned char b)
{
    return b == 0x20 || b == 0x09 || b == 0xC2 || b == 0xE3 || b == 0xC0 || b == 0xE0 || b == 0xF0;
}

void text_trim(const char **s, size_t *n)
{
    uint32_t cp;
    size_t l;

    /* Most lines have no blank at either end, and show it by the first byte
     * of their first and last characters */
    if (*n && !blank_lead((unsigned char)(*s)[0]) &&
        !blank_lead((unsigned char)(*s)[text_prev(*s, *n)]))
        return;

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

    /* Most lines end with a Han character, CJK punctuation or an ASCII
     * character: read it in place, and walk back only past blanks and
     * closing marks. */
    if (n >= 3) {
        const unsigned char *u = (const unsigned char *)s + n - 3;

        if ((u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
            cp = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
            if (cp != 0x3000 && !(skip_closing && text_is_closing(cp)))
                return cp;
        }
    }
    if (n && (unsigned char)s[n - 1] < 0x80) {
        cp = (unsigned char)s[n - 1];
        if (!text_is_blank(cp) && !(skip_closing && text_is_closing(cp)))
            return cp;
    }
    cp = 0;

    while (n > 0) {
        size_t p = text_prev(s, n);

        text_next(s + p, n - p, &cp);
        if (!(skip_closing && text_is_closing(cp)) && !text_is_blank(cp))
            return cp;
        n = p;
    }
    return 0;
}

const char *text_find(const char *s, size_t n, const char *w, size_t k)
{
    const char *p, *end = s + n;

    if (k == 0)
        return s;
    if (n < k)
        return NULL;
    for (p = s + k - 1; (p = memchr(p, w[k - 1], (size_t)(end - p))) != NULL; p++)
        if (memcmp(p - (k - 1), w, k - 1) == 0)
            return p - (k - 1);
    return NULL;
}

static void charset_set(struct charset *cs, uint32_t cp)
{
    if (cp < 0x10000)
        cs->bits[cp >> 6] |= (uint64_t)1 << (cp & 63);
}

void charset_init(struct charset *cs, const char *members)
{
    size_t n = strlen(members);
    uint32_t cp;

    memset(cs, 0, sizeof(*cs));
    for (size_t i = 0; i < n;) {
        i += text_next(members + i, n - i, &cp);
        charset_set(cs, cp);
    }
}

void phrase_set_add(struct phrase_set *ps, const char *const *v, size_t n)
{
    if (!ps->nr_lists && !ps->nr_entries)
        memset(ps->head, 0xFF, sizeof(ps->head)); /* every chain empty (-1) */
    if (ps->nr_lists == PHRASE_SET_LISTS)
        die("phrase set: more than %d lists", PHRASE_SET_LISTS); /* a programming error */
    ps->lists[ps->nr_lists] = v;
    ps->sizes[ps->nr_lists++] = n;
    for (size_t i = 0; i < n; i++) {
        const char *p = v[i];
        size_t pn = strlen(p), l;
        uint32_t a, b, h;

        if (!pn)
            continue;
        l = text_next(p, pn, &a);
        if (l >= pn) {
            charset_set(&ps->singles, a);
            continue;
        }
        text_next(p + l, pn - l, &b);
        h = phrase_pair_hash(a, b);
        charset_set(&ps->pairs, h);
        if (ps->nr_entries == PHRASE_SET_MAX)
            die("phrase set: more than %d phrases", PHRASE_SET_MAX); /* a programming error */
        {
            size_t e = ps->nr_entries++;

            ps->entry[e].text = p;
            ps->entry[e].len = (uint16_t)pn;
            ps->entry[e].list = (uint8_t)(ps->nr_lists - 1);
            ps->entry[e].next = ps->head[h & 0xFF];
            ps->head[h & 0xFF] = (int16_t)e;
        }
    }
}

bool phrase_set_find(const struct phrase_set *ps, const char *s, size_t n)
{
    return phrase_set_find_in(ps, -1, s, n);
}

bool phrase_set_find_in(const struct phrase_set *ps, int list, const char *s, size_t n)
{
    uint32_t a = 0, b;
    size_t prev = 0;

    for (size_t i = 0; i < n;) {
        size_t l = text_next(s + i, n - i, &b);

        if (charset_has(&ps->singles, b) && list <= 0) {
            /* one-character phrases belong to the first list */
            return true;
        }
        if (i > 0 && charset_has(&ps->pairs, phrase_pair_hash(a, b)))
            for (int e = ps->head[phrase_pair_hash(a, b) & 0xFF]; e >= 0; e = ps->entry[e].next) {
                size_t pl = ps->entry[e].len;

                if ((list < 0 || ps->entry[e].list == list) && pl <= n - prev &&
                    memcmp(s + prev, ps->entry[e].text, pl) == 0)
                    return true;
            }
        a = b;
        prev = i;
        i += l;
    }
    return false;
}

unsigned phrase_set_lists(const struct phrase_set *ps, const char *s, size_t n)
{
    uint32_t a = 0, b;
    size_t prev = 0;
    unsigned mask = 0;

    for (size_t i = 0; i < n;) {
        size_t l = text_next(s + i, n - i, &b);

        if (i > 0 && charset_has(&ps->pairs, phrase_pair_hash(a, b)))
            for (int e = ps->head[phrase_pair_hash(a, b) & 0xFF]; e >= 0; e = ps->entry[e].next) {
                size_t pl = ps->entry[e].len;

                if (!(mask >> ps->entry[e].list & 1) && pl <= n - prev &&
                    memcmp(s + prev, ps->entry[e].text, pl) == 0)
                    mask |= 1u << ps->entry[e].list;
            }
        a = b;
        prev = i;
        i += l;
    }
    return mask;
}

void phrase_group_add(struct phrase_group *g, const struct phrase_set *ps)
{
    if (g->nr == PHRASE_GROUP_MAX)
        die("phrase group: more than %d sets", PHRASE_GROUP_MAX); /* a programming error */
    g->sets[g->nr++] = ps;
    for (size_t i = 0; i < ARRAY_SIZE(g->pairs.bits); i++) {
        g->pairs.bits[i] |= ps->pairs.bits[i];
        g->singles.bits[i] |= ps->singles.bits[i];
        g->wide_singles = g->wide_singles || (i >= 0x800 / 64 && ps->singles.bits[i]);
    }
}

/* The lists of ps whose phrases start at s + at (a pair with hash h there). */
static unsigned lists_at(const struct phrase_set *ps, uint32_t h, const char *s, size_t n,
                         size_t at)
{
    unsigned mask = 0;

    for (int e = ps->head[h & 0xFF]; e >= 0; e = ps->entry[e].next) {
        size_t pl = ps->entry[e].len;

        if (pl <= n - at && memcmp(s + at, ps->entry[e].text, pl) == 0)
            mask |= 1u << ps->entry[e].list;
    }
    return mask;
}

/* What phrase_group_lists() does at a pair of characters a, b whose hash is
 * in g->pairs, b at s + i and a at s + prev: the lists of the phrases that
 * start at a. Most pairs never come here. */
static void group_pair(const struct phrase_group *g, uint32_t a, uint32_t b, const char *s,
                       size_t n, size_t prev, unsigned masks[PHRASE_GROUP_MAX], unsigned *pairs)
{
    uint32_t h = phrase_pair_hash(a, b);

    for (size_t k = 0; k < g->nr; k++)
        if (charset_has(&g->sets[k]->pairs, h)) {
            *pairs |= 1u << k;
            masks[k] |= lists_at(g->sets[k], h, s, n, prev);
        }
}

/* The same for a character b that is a phrase alone in some set. */
static void group_single(const struct phrase_group *g, uint32_t b, unsigned masks[PHRASE_GROUP_MAX])
{
    for (size_t k = 0; k < g->nr; k++)
        if (charset_has(&g->sets[k]->singles, b))
            masks[k] |= PHRASE_SET_SINGLE;
}

void phrase_group_lists(const struct phrase_group *g, const char *s, size_t n,
                        unsigned masks[PHRASE_GROUP_MAX], unsigned *pairs)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t a = 0, b;
    size_t prev = 0, i = 0;

    memset(masks, 0, sizeof(unsigned) * PHRASE_GROUP_MAX);
    *pairs = 0;
    while (i < n) {
        /* a run of 3-byte characters (Han, CJK punctuation): most of a line,
         * decoded here and each pair tested against the hashes at once */
        const unsigned char *p = u + i, *last = u + n - (n >= 2 ? 2 : n); /* p < last: 3 bytes */
        const unsigned char *at = u + prev;
        const uint64_t *bits = g->pairs.bits;
        bool wide = g->wide_singles;

        while (p < last && (*p & 0xF0) == 0xE0) {
            uint32_t h;

            b = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            h = phrase_pair_hash(a, b);
            if ((bits[h >> 6] >> (h & 63) & 1) && p > u)
                group_pair(g, a, b, s, n, (size_t)(at - u), masks, pairs);
            if (wide && charset_has(&g->singles, b))
                group_single(g, b, masks);
            a = b;
            at = p;
            p += 3;
        }
        prev = (size_t)(at - u);
        i = (size_t)(p - u);
        if (i >= n)
            break;
        {
            size_t l = text_next(s + i, n - i, &b);

            if (i > 0 && charset_has(&g->pairs, phrase_pair_hash(a, b)))
                group_pair(g, a, b, s, n, prev, masks, pairs);
            if (charset_has(&g->singles, b))
                group_single(g, b, masks);
            a = b;
            prev = i;
            i += l;
        }
    }
}

/* Whether the character at s[i] is one decode never leaves in a text:
 * a control other than the line end (ESC, BEL, C0), DEL, a C1 control
 * (U+0080 to U+009F, C2 80 to C2 9F), a bidi control (see decode.h). */
static bool control_at(const unsigned char *u, size_t n, size_t i, bool tabs)
{
    size_t left = n - i;

    u += i;
    if ((*u < 0x20 && *u != '\n' && !(tabs && *u == '\t')) || *u == 0x7F)
        return true;
    if (*u == 0xC2)
        return left > 1 && u[1] >= 0x80 && u[1] <= 0x9F;
    if (*u == 0xD8) /* U+061C */
        return left > 1 && u[1] == 0x9C;
    if (*u == 0xE2 && left > 2)
        return (u[1] == 0x80 && (u[2] == 0x8E || u[2] == 0x8F || (u[2] >= 0xAA && u[2] <= 0xAE))) ||
               (u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9);
    return false;
}

/* Words of eight bytes with no byte below 0x20 and none of 0x7F, 0xC2,
 * 0xD8, 0xE2 are passed over at once: Chinese text is mostly such words;
 * the others are looked at byte by byte. */
bool text_has_controls(const char *s, size_t n, bool tabs)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;

#ifdef __SSE2__
    /* sixteen bytes at a time where every x86-64 has the instructions */
    const __m128i c1f = _mm_set1_epi8(0x1F), c7f = _mm_set1_epi8(0x7F),
                  cc2 = _mm_set1_epi8((char)0xC2), cd8 = _mm_set1_epi8((char)0xD8),
                  ce2 = _mm_set1_epi8((char)0xE2);

    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
        __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, c1f), v); /* below 0x20 */
        __m128i hit = _mm_or_si128(
            _mm_or_si128(low, _mm_cmpeq_epi8(v, c7f)),
            _mm_or_si128(_mm_cmpeq_epi8(v, cc2),
                         _mm_or_si128(_mm_cmpeq_epi8(v, cd8), _mm_cmpeq_epi8(v, ce2))));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);

        while (mask) {
            if (control_at(u, n, i + (size_t)__builtin_ctz(mask), tabs))
                return true;
            mask &= mask - 1;
        }
    }
#endif

    for (; i + 8 <= n; i += 8) {
        uint64_t w, flag = 0;
        static const unsigned char look[] = {0x7F, 0xC2, 0xD8, 0xE2};

        memcpy(&w, s + i, 8);
        flag = (w - ones * 0x20) & ~w & highs; /* a byte below 0x20 (or a false alarm) */
        for (size_t k = 0; k < sizeof(look); k++) {
            uint64_t x = w ^ (ones * look[k]);

            flag |= (x - ones) & ~x & highs; /* a byte equal to look[k] */
        }
        while (flag) { /* each byte flagged (the trick flags no fewer than there are) */
            if (control_at(u, n, i + (size_t)__builtin_ctzll(flag) / 8, tabs))
                return true;
            flag &= flag - 1;
        }
    }
    for (; i < n; i++)
        if (control_at(u, n, i, tabs))
            return true;
    return false;
}
