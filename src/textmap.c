/*
 * textmap.c: a report's text and blocks as runs of the decoded file they
 * came from and bytes of the map's own, found by walking the text and the
 * file together; and the report rebuilt from the two.
 */
#include "textmap.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "report.h"
#include "text.h"
#include "util.h"

/* The map's first byte: another layout is not read. */
#define MAP_VERSION 1
/* The shortest run copied from the file: one Han character. Shorter, and
 * the bytes are the map's own (an op costs two or three bytes). */
#define MIN_RUN 3
/* How far ahead in the file the text's next byte is looked for first: what
 * the parser leaves out between two lines it joins (a line end, an indent,
 * a column's spaces, a page number). */
#define NEAR 64
/* Then how far either way its next bytes are looked for: text the parser
 * moved (a caption after the paragraph a picture cut in two) or left out
 * (web-page furniture, a byline it took as a field); then farther (the
 * whole of a report of some size: a title or caption it moved). */
#define WINDOW 4096
#define FAR    65536
/* The bytes those looks may take, per byte of text and over: a file of
 * many articles has a title, a byline and a date moved for each; then what
 * is not found near is the map's own. */
#define FAR_PER_BYTE 8
#define FAR_MORE     (2 << 20)
/* The bytes of the text looked for away from where the file is read. */
#define ANCHOR 12
/* The work a map may take near where the file is read, in bytes compared
 * per byte of text (and a little over), before it is given up: text made
 * of short runs (letters set apart by spaces) would look for each. */
#define WORK_PER_BYTE 16

/* The fields a map holds, in its order. */
static const size_t field_at[] = {
    offsetof(struct report, title),  offsetof(struct report, subtitle),
    offsetof(struct report, byline), offsetof(struct report, date),
    offsetof(struct report, source), offsetof(struct report, author),
};

static const char *field(const struct report *r, size_t k)
{
    return *(char *const *)((const char *)r + field_at[k]);
}

/* ---- writing ---- */

static void put_varint(struct sbuf *out, uint64_t v)
{
    while (v >= 0x80) {
        sbuf_addch(out, (char)(v | 0x80));
        v >>= 7;
    }
    sbuf_addch(out, (char)v);
}

/* A run of the file: its length and lowest bit 0, then how far it starts
 * from where the one before ended (zigzag: it may be behind). */
static void put_copy(struct sbuf *out, size_t at, size_t len, size_t *end)
{
    int64_t d = (int64_t)at - (int64_t)*end;

    put_varint(out, (uint64_t)len << 1);
    put_varint(out, d < 0 ? ((uint64_t)(-(d + 1)) << 1) | 1 : (uint64_t)d << 1);
    *end = at + len;
}

/* Bytes of the map's own: their length and lowest bit 1, then them. */
static void put_own(struct sbuf *out, const char *s, size_t len)
{
    if (!len)
        return;
    put_varint(out, ((uint64_t)len << 1) | 1);
    sbuf_add(out, s, len);
}

/* How many bytes from src[s] and t[i] on are the same, in whole characters
 * of t (so that a run starts and ends where characters do, in both). */
static size_t same(const char *src, size_t n, size_t s, const char *t, size_t tn, size_t i)
{
    size_t k = 0;

    while (s + k < n && i + k < tn && src[s + k] == t[i + k])
        k++;
    while (k && i + k < tn && ((unsigned char)t[i + k] & 0xC0) == 0x80)
        k--;
    return k;
}

/* The length of the blank at s (a space, tab, line end or ideographic
 * space), or 0. */
static size_t blank(const char *s, size_t n)
{
    if (*s == ' ' || *s == '\t' || *s == '\n')
        return 1;
    return n >= 3 && !memcmp(s, "\u3000", 3) ? 3 : 0;
}

/* The first place in src[lo, hi) that t[i..] goes on from, for at least
 * want bytes; counts the bytes looked at in *work. */
static bool look_in(const char *src, size_t n, size_t lo, size_t hi, const char *t, size_t tn,
                    size_t i, size_t want, size_t *at, size_t *len, size_t *work)
{
    const char *p;

    *work += hi - lo;
    p = hi - lo >= want ? memmem(src + lo, hi - lo, t + i, want) : NULL;
    if (!p)
        return false;
    *at = (size_t)(p - src);
    *len = same(src, n, *at, t, tn, i);
    return *len >= want;
}

/* A look farther afield (FAR either way), while the budget in *far_left
 * (bytes) allows. */
static bool far_look(const char *src, size_t n, size_t s, const char *t, size_t tn, size_t i,
                     size_t want, size_t *at, size_t *len, size_t *far_left)
{
    size_t lo = s > FAR ? s - FAR : 0, hi = n - s > FAR ? s + FAR : n;

    if (n <= 2 * WINDOW || hi - lo > *far_left)
        return false;
    *far_left -= hi - lo;
    return look_in(src, n, lo, hi, t, tn, i, want, at, len, &(size_t){0});
}

/* Where in src text t[i..] goes on, as a run: at s (MIN_RUN bytes or more,
 * past blanks), or a little after it, near it either way, or farther
 * (ANCHOR bytes or more, or all that is left of t: a shorter run than that,
 * away from where the file was being read, is as likely a chance likeness
 * as the place); *len is the run's length. Counts the bytes looked at near
 * in *work, and those farther in *far_left's budget. */
static bool find_run(const char *src, size_t n, size_t s, const char *t, size_t tn, size_t i,
                     size_t *at, size_t *len, size_t *work, size_t *far_from, size_t *far_left)
{
    size_t want = tn - i < ANCHOR ? tn - i : ANCHOR;

    /* past blanks: the line end and indent between two lines joined, the
     * spaces between the letters of a line set justified */
    for (size_t k = s, b; k < n && k - s <= NEAR; k += b) {
        if ((*len = same(src, n, k, t, tn, i)) >= MIN_RUN) {
            *at = k;
            return true;
        }
        if (src[k] == t[i])
            return false; /* the file has it next, in a run too short to copy */
        if (!(b = blank(src + k, n - k)))
            break;
        *work += b;
    }
    /* not looked for away from here again within bytes that were not
     * found there: text of the parser's own (a date it wrote out) is
     * looked for once, not once a character */
    if (want < MIN_RUN || i < *far_from)
        return false;
    if (look_in(src, n, s, n - s > NEAR ? s + NEAR : n, t, tn, i, want, at, len, work) ||
        look_in(src, n, s > WINDOW ? s - WINDOW : 0, n - s > WINDOW ? s + WINDOW : n, t, tn, i,
                want, at, len, work) ||
        far_look(src, n, s, t, tn, i, want, at, len, far_left))
        return true;
    *far_from = i + want;
    return false;
}

/* Take t[i]'s character as the map's own; when the file has it next (past
 * blanks), reading the file goes on after it there. Its length. */
static size_t own_char(const char *src, size_t n, size_t *s, const char *t, size_t tn, size_t i)
{
    uint32_t c;
    size_t len = text_next(t + i, tn - i, &c), k = *s, b;

    while (k < n && k - *s <= NEAR && (b = blank(src + k, n - k)))
        k += b;
    if (n - k >= len && !memcmp(src + k, t + i, len))
        *s = k + len;
    return len;
}

/* The runs and own bytes that make t of src; false when it takes more
 * work than is worth it. */
static bool put_text(struct sbuf *out, const char *src, size_t n, const char *t, size_t tn)
{
    size_t s = 0, i = 0, end = 0, own = 0, work = 0, far_from = 0;
    size_t limit = tn * WORK_PER_BYTE + 4 * WINDOW, far_left = tn * FAR_PER_BYTE + FAR_MORE;

    while (i < tn) {
        size_t at, len;

        if (work > limit)
            return false;
        if (find_run(src, n, s, t, tn, i, &at, &len, &work, &far_from, &far_left)) {
            put_own(out, t + own, i - own);
            put_copy(out, at, len, &end);
            s = at + len;
            i += len;
            own = i;
        } else {
            i += own_char(src, n, &s, t, tn, i);
        }
    }
    put_own(out, t + own, i - own);
    return true;
}

bool textmap_make(const struct report *r, const char *src, size_t n, struct sbuf *out)
{
    size_t start = out->len, end = 0;
    struct report *back;
    bool same_report;

    sbuf_addch(out, MAP_VERSION);
    put_varint(out, n);
    put_varint(out, r->len);
    for (size_t k = 0; k < ARRAY_SIZE(field_at); k++) {
        const char *f = field(r, k);

        put_varint(out, f ? strlen(f) + 1 : 0);
        if (f)
            sbuf_addstr(out, f);
    }
    put_varint(out, r->nr_blocks);
    for (size_t b = 0; b < r->nr_blocks; b++) {
        const struct block *bl = &r->blocks[b];

        put_varint(out, (uint64_t)bl->kind | (uint64_t)bl->level << 4);
        put_varint(out, bl->off - end); /* blocks come in order of their text */
        put_varint(out, bl->len);
        end = bl->off + bl->len;
    }
    if (!put_text(out, src, n, r->text, r->len) || out->len - start > r->len / 2 + 64)
        goto drop;
    /* kept only when it rebuilds r: a run or an op gone wrong would
     * show another text than the parse's, silently */
    back = textmap_apply(r->path, src, n, out->buf + start, out->len - start);
    same_report = back && back->len == r->len && !memcmp(back->text, r->text, r->len) &&
                  back->nr_blocks == r->nr_blocks;
    for (size_t b = 0; b < r->nr_blocks && same_report; b++) {
        const struct block *x = &back->blocks[b], *y = &r->blocks[b];

        same_report =
            x->kind == y->kind && x->level == y->level && x->off == y->off && x->len == y->len;
    }
    for (size_t k = 0; k < ARRAY_SIZE(field_at) && same_report; k++) {
        const char *a = field(back, k), *b = field(r, k);

        same_report = a == b || (a && b && !strcmp(a, b));
    }
    report_free(back);
    if (same_report)
        return true;
drop:
    out->len = start;
    if (out->buf)
        out->buf[start] = '\0';
    return false;
}

/* ---- reading ---- */

struct reader {
    const unsigned char *p, *end;
    bool bad;
};

static uint64_t get_varint(struct reader *rd)
{
    uint64_t v = 0;

    for (int shift = 0; shift < 64 && rd->p < rd->end; shift += 7) {
        unsigned char c = *rd->p++;

        v |= (uint64_t)(c & 0x7F) << shift;
        if (!(c & 0x80))
            return v;
    }
    rd->bad = true;
    return 0;
}

/* The next len bytes of the map's own, fit to be a report's text (valid
 * UTF-8, no control but the line end); NULL when they are not. */
static const char *get_own(struct reader *rd, uint64_t len, bool line_ends)
{
    const char *s = (const char *)rd->p;

    if (rd->bad || len > (uint64_t)(rd->end - rd->p) || u8_check(rd->p, len) ||
        text_has_controls(s, len, false) || (!line_ends && memchr(s, '\n', len))) {
        rd->bad = true;
        return NULL;
    }
    rd->p += len;
    return s;
}

static bool boundary(const char *s, size_t n, size_t at)
{
    return at == n || ((unsigned char)s[at] & 0xC0) != 0x80;
}

/* The text: runs of src and bytes of the map's own, tn bytes of them. */
static bool get_text(struct reader *rd, const char *src, size_t n, char *t, size_t tn)
{
    size_t i = 0, end = 0;

    while (i < tn && !rd->bad) {
        uint64_t op = get_varint(rd), len = op >> 1;

        if (len == 0 || len > tn - i)
            return false;
        if (op & 1) {
            const char *s = get_own(rd, len, true);

            if (!s)
                return false;
            memcpy(t + i, s, len);
        } else {
            uint64_t d = get_varint(rd), back = (d >> 1) + (d & 1);
            uint64_t at = d & 1 ? end - back : end + (d >> 1);

            if ((d & 1 && back > end) || at > n || len > n - at || !boundary(src, n, at) ||
                !boundary(src, n, at + len))
                return false;
            memcpy(t + i, src + at, len);
            end = at + len;
        }
        i += len;
    }
    return !rd->bad && i == tn;
}

struct report *textmap_apply(const char *path, const char *src, size_t n, const char *map,
                             size_t len)
{
    struct reader rd = {(const unsigned char *)map, (const unsigned char *)map + len, false};
    struct report *r;
    uint64_t tn, nb;
    size_t end = 0;

    if (!len || *rd.p++ != MAP_VERSION || get_varint(&rd) != n)
        return NULL; /* another file, or the same one changed */
    tn = get_varint(&rd);
    if (rd.bad || tn > (uint64_t)n * 2 + len) /* no map makes more than that */
        return NULL;
    r = xcalloc(1, sizeof(*r));
    r->path = xstrdup(path);
    r->text = xmalloc(tn + 1);
    r->len = tn;
    r->text[tn] = '\0';
    for (size_t k = 0; k < ARRAY_SIZE(field_at) && !rd.bad; k++) {
        uint64_t fl = get_varint(&rd);
        const char *f = fl ? get_own(&rd, fl - 1, false) : NULL;

        if (f)
            *(char **)((char *)r + field_at[k]) = xstrndup(f, fl - 1);
    }
    nb = get_varint(&rd);
    if (rd.bad || nb > len) /* each takes three bytes of it at least */
        goto bad;
    r->blocks = xmalloc((nb ? nb : 1) * sizeof(*r->blocks));
    r->alloc_blocks = nb ? nb : 1;
    for (; r->nr_blocks < nb; r->nr_blocks++) {
        struct block *b = &r->blocks[r->nr_blocks];
        uint64_t kl = get_varint(&rd), gap = get_varint(&rd), bl = get_varint(&rd);

        if (rd.bad || (kl & 15) > BLOCK_SOURCE || kl >> 4 > 2 || gap > tn - end ||
            bl > tn - end - gap)
            goto bad;
        b->kind = (enum block_kind)(kl & 15);
        b->level = (int)(kl >> 4);
        b->off = end + gap;
        b->len = bl;
        end = b->off + b->len;
    }
    if (!get_text(&rd, src, n, r->text, tn) || rd.p != rd.end)
        goto bad;
    for (size_t b = 0; b < r->nr_blocks; b++) /* blocks cut where characters start */
        if (!boundary(r->text, tn, r->blocks[b].off) ||
            !boundary(r->text, tn, r->blocks[b].off + r->blocks[b].len))
            goto bad;
    return r;
bad:
    report_free(r);
    return NULL;
}
