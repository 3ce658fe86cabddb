/*
 * search.c: the matcher. Folds characters as it walks the original text
 * (see search.h); never prints, never touches the terminal.
 */
#include "search.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unistr.h>

#include "hanzi_variants.h"
#include "text.h"
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
    if (hanzi_variants_han(c))
        return hanzi_variants_key(c); /* 發 and 髮 as 发 */
    if (!case_sensitive && c < 0x2E80)
        return uc_tolower(c); /* Latin, Greek, Cyrillic letters */
    return c;
}

bool search_is_gap(uint32_t c)
{
    /* the blanks of the text, and the typographic spaces of a web page */
    return text_is_blank(c) || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F;
}

bool search_gap_ignored(uint32_t a, uint32_t b)
{
    return (hanzi_variants_han(a) && text_is_ascii_alnum(b)) ||
           (text_is_ascii_alnum(a) && hanzi_variants_han(b));
}

/* Whether c is found by its bytes alone, given every form of it: c and its
 * forms are not folded from anything else. Han characters and most CJK
 * punctuation are; ASCII (which has full-width twins), letters with case,
 * and the targets of search_fold()'s table are not. */
static bool by_bytes(uint32_t c)
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
 * U+FFEF), U+3000 to U+3002, U+300C, U+300D, or a form of a Han character;
 * the rest fold to themselves. */
static void first_bytes(struct search_query *q)
{
    static const uint32_t cjk[] = {0x3000, 0x3001, 0x3002, 0x300C, 0x300D};
    uint32_t f = q->cps[0], forms[HANZI_VARIANTS_MAX];
    size_t n;

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
    n = hanzi_variants_han(f) ? hanzi_variants_of(f, forms, ARRAY_SIZE(forms)) : 0;
    for (size_t i = 0; i < n && i < ARRAY_SIZE(forms); i++)
        mark_lead(q, forms[i]);
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

/* How many forms folded character c has (1 for most). */
static size_t nr_forms(uint32_t c)
{
    uint32_t forms[HANZI_VARIANTS_MAX];

    return hanzi_variants_han(c) ? hanzi_variants_of(c, forms, ARRAY_SIZE(forms)) : 1;
}

/* Every spelling of the run of n characters from cps: the cartesian
 * product of their forms, which the caller keeps within SEARCH_SPELLINGS. */
static void spell(struct search_query *q, const uint32_t *cps, size_t n)
{
    struct search_spelling next[SEARCH_SPELLINGS];

    q->nr_spellings = 1;
    q->spelling[0].len = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t forms[HANZI_VARIANTS_MAX] = {cps[k]};
        size_t nf =
            hanzi_variants_han(cps[k]) ? hanzi_variants_of(cps[k], forms, ARRAY_SIZE(forms)) : 1;

        for (size_t j = 0; j < q->nr_spellings; j++)
            for (size_t f = 0; f < nf; f++) {
                struct search_spelling *to = &next[j * nf + f];

                *to = q->spelling[j];
                to->len += (size_t)u8_uctomb((uint8_t *)to->utf8 + to->len, forms[f], 4);
            }
        q->nr_spellings *= nf;
        memcpy(q->spelling, next, q->nr_spellings * sizeof(next[0]));
    }
}

/* The anchor: the longest run of characters found by their bytes whose
 * spellings stay within SEARCH_SPELLINGS (the longer, the fewer false
 * starts; the fewer spellings, the fewer scans). */
static void choose_anchor(struct search_query *q)
{
    size_t best = 0, best_sp = 0;

    for (size_t k = 0; k < q->n; k++) {
        size_t run = 0, sp = 1;

        while (k + run < q->n && by_bytes(q->cps[k + run]) && run < SEARCH_ANCHOR_MAX &&
               sp * nr_forms(q->cps[k + run]) <= SEARCH_SPELLINGS) {
            sp *= nr_forms(q->cps[k + run]);
            run++;
        }
        if (run > best || (run == best && run && sp < best_sp)) {
            best = run;
            best_sp = sp;
            q->anchor = k;
        }
    }
    if (best)
        spell(q, q->cps + q->anchor, best);
}

int search_compile(struct search_query *q, const char *s, size_t len)
{
    uint32_t *all;
    size_t n = 0;

    memset(q, 0, sizeof(*q));
    q->anchor = SIZE_MAX;
    if (!len)
        return -1;
    q->case_sensitive = has_capital(s, len);
    all = xmalloc(len * sizeof(*all));
    for (size_t i = 0; i < len;) {
        ucs4_t c;
        int m = u8_mbtouc(&c, (const uint8_t *)s + i, len - i);

        all[n++] = search_fold(c, q->case_sensitive);
        i += (size_t)(m > 0 ? m : 1);
    }
    q->cps = xmalloc(n * sizeof(*q->cps));
    q->gap = xcalloc(n, sizeof(*q->gap));
    for (size_t i = 0; i < n; i++) {
        size_t j = i;

        /* spaces the text's are passed over for are the query's too */
        while (j < n && search_is_gap(all[j]))
            j++;
        if (j > i && i && j < n && search_gap_ignored(all[i - 1], all[j]))
            i = j;
        q->cps[q->n] = all[i];
        q->han = q->han || hanzi_variants_han(all[i]);
        q->gap[q->n] = q->n && search_gap_ignored(q->cps[q->n - 1], q->cps[q->n]);
        q->n++;
    }
    free(all);
    choose_anchor(q);
    if (q->anchor == SIZE_MAX)
        first_bytes(q);
    return 0;
}

int search_compile_regex(struct search_query *q, const char *s, size_t len, struct err *err)
{
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MULTILINE;
    PCRE2_UCHAR msg[256];
    PCRE2_SIZE at;
    int code;

    memset(q, 0, sizeof(*q));
    q->anchor = SIZE_MAX;
    if (!len) {
        err_set(err, "an empty regular expression");
        return -1;
    }
    q->case_sensitive = has_capital(s, len);
    if (!q->case_sensitive)
        opts |= PCRE2_CASELESS;
    q->regex = pcre2_compile((PCRE2_SPTR)s, len, opts, &code, &at, NULL);
    if (!q->regex) {
        pcre2_get_error_message(code, msg, sizeof(msg));
        err_set(err, "not a regular expression: %s (at character %zu)", (const char *)msg,
                u8_mbsnlen((const uint8_t *)s, at) + 1);
        return -1;
    }
    pcre2_jit_compile(q->regex, PCRE2_JIT_COMPLETE); /* without a JIT it interprets */
    return 0;
}

void search_query_release(struct search_query *q)
{
    free(q->cps);
    free(q->gap);
    pcre2_code_free(q->regex);
    memset(q, 0, sizeof(*q));
}

/* The next character of text at *i, folded for q; moves *i past it. A
 * query without Han characters matches none, whatever their forms: they
 * are compared as they are (and the classes of forms are not built for it). */
static inline uint32_t next_folded(const struct search_query *q, const char *text, size_t len,
                                   size_t *i)
{
    unsigned char b = (unsigned char)text[*i];
    ucs4_t c;
    int n;

    if (b < 0x80) {
        (*i)++;
        return !q->case_sensitive && b >= 'A' && b <= 'Z' ? (uint32_t)b + 32 : b;
    }
    n = u8_mbtouc(&c, (const uint8_t *)text + *i, len - *i);
    *i += (size_t)(n > 0 ? n : 1);
    return !q->han && hanzi_variants_han(c) ? c : search_fold(c, q->case_sensitive);
}

/* The byte after the spaces at i that do not count. */
static size_t skip_gap(const char *text, size_t len, size_t i)
{
    while (i < len) {
        ucs4_t c;
        int n = u8_mbtouc(&c, (const uint8_t *)text + i, len - i);

        if (!search_is_gap(c))
            break;
        i += (size_t)(n > 0 ? n : 1);
    }
    return i;
}

/* The end of a match of q starting at byte s, or 0 when there is none. */
static size_t match_at(const struct search_query *q, const char *text, size_t len, size_t s)
{
    size_t i = s;

    for (size_t k = 0; k < q->n; k++) {
        if (q->gap[k])
            i = skip_gap(text, len, i);
        if (i >= len || next_folded(q, text, len, &i) != q->cps[k])
            return 0;
    }
    if (width_joins_at(text, len, i)) /* it would be split from its mark */
        return 0;
    return i;
}

/* The start of the character before byte i (i > 0). */
static size_t char_before(const char *text, size_t i)
{
    i--;
    while (i && ((unsigned char)text[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* Where a match must start for the query's character at to be at byte i:
 * its characters before at, matched backwards with the same spaces passed
 * over; SIZE_MAX when they are not there. match_at() checks the rest. */
static size_t match_back(const struct search_query *q, const char *text, size_t len, size_t i,
                         size_t at)
{
    for (size_t k = at; k-- > 0;) {
        size_t j;

        if (q->gap[k + 1])
            while (i) {
                ucs4_t c;

                j = char_before(text, i);
                u8_mbtouc(&c, (const uint8_t *)text + j, len - j);
                if (!search_is_gap(c))
                    break;
                i = j;
            }
        if (!i)
            return SIZE_MAX;
        j = char_before(text, i);
        if (next_folded(q, text, len, &(size_t){j}) != q->cps[k])
            return SIZE_MAX;
        i = j;
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

/* The next occurrence of spelling sp at or after byte from, or SIZE_MAX. */
static size_t find_spelling(const struct search_spelling *sp, const char *text, size_t len,
                            size_t from)
{
    const char *p = from < len ? memmem(text + from, len - from, sp->utf8, sp->len) : NULL;

    return p ? (size_t)(p - text) : SIZE_MAX;
}

/* Find matches by the anchor: jump between occurrences of its spellings,
 * nearest first; stop after the first when first_only. */
static void scan_anchor(const struct search_query *q, const char *text, size_t len,
                        struct search_hits *out, bool first_only, bool *found)
{
    size_t at[SEARCH_SPELLINGS], last_end = 0;

    for (size_t j = 0; j < q->nr_spellings; j++)
        at[j] = find_spelling(&q->spelling[j], text, len, 0);
    for (;;) {
        size_t p = SIZE_MAX, s, e, from;
        int step;

        for (size_t j = 0; j < q->nr_spellings; j++)
            if (at[j] < p)
                p = at[j];
        if (p == SIZE_MAX)
            return;
        /* on a failed try step one character, not the whole anchor: in
         * 谢谢谢， the match of 谢谢， starts inside the first try's anchor */
        step = u8_mblen((const uint8_t *)text + p, len - p);
        from = p + (step > 0 ? (size_t)step : 1);
        s = match_back(q, text, len, p, q->anchor);
        if (s != SIZE_MAX && s >= last_end && (e = match_at(q, text, len, s))) {
            *found = true;
            if (first_only)
                return;
            add_hit(out, s, e);
            last_end = e;
            if (from < e)
                from = e;
        }
        for (size_t j = 0; j < q->nr_spellings; j++)
            if (at[j] < from)
                at[j] = find_spelling(&q->spelling[j], text, len, from);
    }
}

/* Find a regular expression's matches: the empty ones are passed over. */
static void scan_regex(const struct search_query *q, const char *text, size_t len,
                       struct search_hits *out, bool first_only, bool *found)
{
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    /* checked once here, not by PCRE2 at each match from the match on */
    uint32_t check = u8_check((const uint8_t *)text, len) ? 0 : PCRE2_NO_UTF_CHECK;
    size_t from = 0;

    if (!md)
        die("out of memory");
    while (from <= len) {
        PCRE2_SIZE *ov;
        int rc = pcre2_match(q->regex, (PCRE2_SPTR)text, len, from, check, md, NULL);

        if (rc < 0) /* no match, or a limit reached: nothing more */
            break;
        ov = pcre2_get_ovector_pointer(md);
        if (ov[1] > ov[0]) {
            *found = true;
            if (first_only)
                break;
            add_hit(out, ov[0], ov[1]);
            from = ov[1];
        } else { /* an empty match: try from the next character */
            int step = ov[0] < len ? u8_mblen((const uint8_t *)text + ov[0], len - ov[0]) : 1;

            from = ov[0] + (step > 0 ? (size_t)step : 1);
        }
    }
    pcre2_match_data_free(md);
}

/* Find matches; stop after the first when first_only. */
static void scan(const struct search_query *q, const char *text, size_t len,
                 struct search_hits *out, bool first_only, bool *found)
{
    *found = false;
    if (q->regex) {
        scan_regex(q, text, len, out, first_only, found);
        return;
    }
    if (!q->n)
        return;
    if (q->anchor != SIZE_MAX) {
        scan_anchor(q, text, len, out, first_only, found);
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
