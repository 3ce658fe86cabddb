/*
 * quote.c: a quotation and its citation. Owns what a sentence is for a
 * selection (where it ends and starts) and how quoted text and the
 * citation format are written out; knows nothing of the screen.
 */
#include "quote.h"

#include <string.h>

#include "report.h"
#include "text.h"
#include "util.h"

/* Blanks between sentences and at a block's start: spaces, tabs, the
 * ideographic space of an indented paragraph. */
static bool blank_at(const char *text, size_t len, size_t i)
{
    uint32_t cp;

    text_next(text + i, len - i, &cp);
    return text_is_blank(cp);
}

static size_t skip_blanks(const char *text, size_t len, size_t i)
{
    while (i < len) {
        uint32_t cp;
        size_t n = text_next(text + i, len - i, &cp);

        if (!text_is_blank(cp))
            break;
        i += n;
    }
    return i;
}

size_t quote_char_next(const char *text, size_t len, size_t off)
{
    uint32_t cp;
    size_t n;

    if (off >= len)
        return off;
    n = off + text_next(text + off, len - off, &cp);
    while (n < len && text[n] == '\n')
        n++;
    return n < len ? n : off;
}

size_t quote_char_prev(const char *text, size_t off)
{
    size_t p = off;

    while (p > 0) {
        p = text_prev(text, p);
        if (text[p] != '\n')
            return p;
    }
    return off;
}

/* A full stop, question or exclamation mark ends a sentence: the Chinese
 * ones always, the ASCII ones before a space or the end (not "3.5" or
 * "www.court.gov.cn"). A semicolon does not: it joins clauses. */
static bool ends_sentence(const char *text, size_t len, size_t i, uint32_t cp, size_t n)
{
    switch (cp) {
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0x2026: /* … */
        return true;
    case '.':
    case '!':
    case '?':
        return i + n >= len || text[i + n] == ' ' || text[i + n] == '\n';
    default:
        return false;
    }
}

/* The last character of the sentence that holds byte i. */
static size_t end_from(const char *text, size_t len, size_t i)
{
    size_t start = i;

    while (i < len && text[i] != '\n') {
        uint32_t cp;
        size_t n = text_next(text + i, len - i, &cp);

        if (ends_sentence(text, len, i, cp, n)) {
            /* the marks after it (？！, ……) and the quotes it closes (。”) */
            size_t q = i + n;

            while (q < len && text[q] != '\n') {
                size_t m = text_next(text + q, len - q, &cp);

                if (!text_is_closing(cp) && !ends_sentence(text, len, q, cp, m))
                    break;
                q += m;
            }
            return text_prev(text, q);
        }
        i += n;
    }
    /* the end of the block: its last character that is not blank */
    while (i > start) {
        size_t p = text_prev(text, i);

        if (!blank_at(text, len, p) || p == start)
            return p;
        i = p;
    }
    return start;
}

size_t quote_sentence_end(const char *text, size_t len, size_t off)
{
    size_t i = quote_char_next(text, len, off);

    if (i == off)
        return off;
    return end_from(text, len, skip_blanks(text, len, i));
}

/* The start of the block that holds byte i. */
static size_t block_start(const char *text, size_t i)
{
    while (i > 0 && text[i - 1] != '\n')
        i--;
    return i;
}

size_t quote_sentence_start(const char *text, size_t len, size_t off)
{
    size_t b, s, best;

    if (off == 0 || off > len)
        return 0;
    b = block_start(text, off);
    s = skip_blanks(text, len, b);
    if (s >= off) { /* at the block's first sentence: the last one of the block before */
        if (b == 0)
            return 0;
        b = block_start(text, b - 1);
        s = skip_blanks(text, len, b);
    }
    best = s;
    while (s < len && text[s] != '\n') {
        uint32_t cp;
        size_t e = end_from(text, len, s);
        size_t n = skip_blanks(text, len, e + text_next(text + e, len - e, &cp));

        if (n >= len || text[n] == '\n' || n >= off)
            break;
        best = s = n;
    }
    return best;
}

bool quote_block_range(const struct report *r, long b, bool section, size_t *from, size_t *to)
{
    size_t first, end;

    if (!r || !r->nr_blocks || b >= (long)r->nr_blocks || (b < 0 && !section))
        return false;
    first = b >= 0 ? (size_t)b : 0;
    end = first + 1;
    if (section) {
        int level = b >= 0 ? r->blocks[b].level : 0;

        while (end < r->nr_blocks &&
               !(r->blocks[end].kind == BLOCK_HEADING && (b < 0 || r->blocks[end].level <= level)))
            end++;
    }
    *from = r->blocks[first].off;
    *to = r->blocks[end - 1].off + r->blocks[end - 1].len;
    return *to > *from;
}

/* The last part of a path: a report without a title is cited by its file. */
static const char *base_name(const char *path)
{
    const char *slash = path ? strrchr(path, '/') : NULL;

    return slash ? slash + 1 : path;
}

void quote_cite(const char *fmt, const struct quote_source *src, struct sbuf *out)
{
    struct sbuf group = SBUF_INIT;
    bool in_group = false, group_empty = false;

    for (const char *p = fmt ? fmt : ""; *p; p++) {
        struct sbuf *to = in_group ? &group : out;
        const char *v = NULL;

        if (*p != '%' || !p[1]) {
            sbuf_addch(to, *p);
            continue;
        }
        switch (*++p) {
        case 't':
            v = src->title && *src->title ? src->title : base_name(src->file);
            break;
        case 'c':
            v = src->court;
            break;
        case 'd':
            v = src->date;
            break;
        case 's':
            v = src->source;
            break;
        case 'f':
            v = src->file;
            break;
        case 'n':
            sbuf_addch(to, '\n');
            continue;
        case '[':
            if (!in_group) {
                in_group = true;
                group_empty = false;
                sbuf_reset(&group);
                continue;
            }
            sbuf_addstr(to, "%[");
            continue;
        case ']':
            if (in_group) {
                in_group = false;
                if (!group_empty && group.len)
                    sbuf_add(out, group.buf, group.len);
                continue;
            }
            sbuf_addstr(to, "%]");
            continue;
        case '%':
            sbuf_addch(to, '%');
            continue;
        default: /* not a field: the text as written */
            sbuf_addch(to, '%');
            sbuf_addch(to, *p);
            continue;
        }
        if (v && *v)
            sbuf_addstr(to, v);
        else
            group_empty = true;
    }
    if (in_group && !group_empty && group.len) /* a %[ never closed: closed at the end */
        sbuf_add(out, group.buf, group.len);
    sbuf_release(&group);
}

/* Bytes [from, to) less the blanks and block ends at either end: they are
 * no part of a quotation. Sets *n to the length; returns the start. */
static const char *trimmed(const char *text, size_t from, size_t to, size_t *len)
{
    const char *s = text + from;
    size_t n = to > from ? to - from : 0;

    while (n && (*s == '\n' || blank_at(s, n, 0))) {
        uint32_t cp;
        size_t k = text_next(s, n, &cp);

        s += k;
        n -= k;
    }
    while (n) {
        size_t p = text_prev(s, n);

        if (s[p] != '\n' && !blank_at(s, n, p))
            break;
        n = p;
    }
    *len = n;
    return s;
}

size_t quote_count(const char *text, size_t from, size_t to)
{
    size_t n, newlines = 0;
    const char *s = trimmed(text, from, to, &n), *nl = s;

    while ((nl = memchr(nl, '\n', (size_t)(s + n - nl))) != NULL) {
        newlines++;
        nl++;
    }
    return text_count(s, n) - newlines;
}

size_t quote_compose(const char *text, size_t from, size_t to, const char *fmt,
                     const struct quote_source *src, struct sbuf *out)
{
    struct sbuf cite = SBUF_INIT;
    size_t n, start = out->len;
    const char *s = trimmed(text, from, to, &n);

    while (n) { /* a blank line between paragraphs */
        const char *nl = memchr(s, '\n', n);
        size_t k = nl ? (size_t)(nl - s) + 1 : n;

        sbuf_add(out, s, k);
        if (nl)
            sbuf_addch(out, '\n');
        s += k;
        n -= k;
    }
    quote_cite(fmt, src, &cite);
    if (cite.len) {
        if (out->len > start)
            sbuf_addch(out, '\n');
        sbuf_add(out, cite.buf, cite.len);
    }
    sbuf_release(&cite);
    return quote_count(text, from, to);
}
