/*
 * layout.c: display lines for a report at a width. Each block's text is
 * wrapped greedily over break opportunities from libunistring
 * (u8_possible_linebreaks, UAX #14), tailored for Chinese typesetting:
 *  - kinsoku: no line starts with ，。、；：？！）」』”’》〉】… and no line ends
 *    with （「『“‘《〈【;
 *  - —— and …… are never split, grapheme clusters (u8_grapheme_breaks) never;
 *  - the quotes “ ” ‘ ’ of Chinese text are Chinese punctuation: a break is
 *    allowed around them as around other punctuation, within the kinsoku
 *    rules, where UAX #14 would glue them to both neighbours (its class QU)
 *    into long unbreakable runs;
 *  - spaces hang at the end of a line and are not counted;
 *  - a word wider than the line is broken by force, at the last place that
 *    keeps the kinsoku rules.
 */
#include "layout.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unilbrk.h>

#include "report.h"
#include "text.h"
#include "util.h"
#include "width.h"

/* Characters that may not start a line (and their half-width forms). */
static bool no_start(uint32_t c)
{
    switch (c) {
    case 0xFF0C:
    case 0x3002:
    case 0x3001:
    case 0xFF1B:
    case 0xFF1A:
    case 0xFF1F:
    case 0xFF01:
    case 0xFF09:
    case 0x300D:
    case 0x300F:
    case 0x201D:
    case 0x2019:
    case 0x300B:
    case 0x3009:
    case 0x3011:
    case 0x3015:
    case 0x2026:
    case 0x2025:
    case 0x22EF:
    case 0x00B7:
    case 0x30FB:
    case 0xFF05:
    case 0x3017:
    case 0x3019:
    case 0xFF3D:
    case 0xFF5D:
    case 0xFF0E:
    case 0x3005:
    case ',':
    case '.':
    case ';':
    case ':':
    case '?':
    case '!':
    case ')':
    case ']':
    case '}':
    case '%':
        return true;
    default:
        return false;
    }
}

/* Characters that may not end a line. */
static bool no_end(uint32_t c)
{
    switch (c) {
    case 0xFF08:
    case 0x300C:
    case 0x300E:
    case 0x201C:
    case 0x2018:
    case 0x300A:
    case 0x3008:
    case 0x3010:
    case 0x3014:
    case 0x3016:
    case 0x3018:
    case 0xFF3B:
    case 0xFF5B:
    case '(':
    case '[':
    case '{':
        return true;
    default:
        return false;
    }
}

static bool opening_quote(uint32_t c)
{
    return c == 0x201C || c == 0x2018;
}

static bool closing_quote(uint32_t c)
{
    return c == 0x201D || c == 0x2019;
}

/* Whether a line may end between characters p and c. */
static inline bool kinsoku_ok(uint32_t p, uint32_t c)
{
    return !no_start(c) && !no_end(p) && !(c == p && (c == 0x2014 || c == 0x2026 || c == 0x22EF));
}

/*
 * Whether the grapheme clusters of a text are its code points: no combining
 * marks, joiners, variation selectors, emoji, regional indicators or Hangul
 * jamo. The common case for Chinese reports; u8_grapheme_breaks() is skipped.
 */
static bool simple_cluster_char(uint32_t c)
{
    /* U+302A to U+302F, the ideographic tone marks, combine with what precedes */
    return c < 0x300 || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x3029) ||
           (c >= 0x3030 && c <= 0x3098) || (c >= 0x309B && c <= 0x30FF) ||
           (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xFF01 && c <= 0xFF9D) ||
           (c >= 0x25A0 && c <= 0x25FF) || (c >= 0x2460 && c <= 0x24FF) || c == 0xFFFD;
}

/*
 * Characters whose line-breaking class in UAX #14 is plain for Chinese text:
 * Han (ID, a break on both sides), CJK and full-width punctuation and the
 * quotes and dashes of Chinese text, whose exceptions the kinsoku tailoring
 * applies anyway. Between two of them a break is possible; around anything
 * else (Latin words, digits, spaces, other scripts) libunistring decides.
 */
static bool plain_cjk(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3001 && c <= 0x3004) ||
           (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301B) ||
           (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
           (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF60) ||
           (c >= 0x2018 && c <= 0x201F) || c == 0x2014 || c == 0x2026 || c == 0x00B7 ||
           (c >= 0x3400 && c <= 0x4DBF);
}

/*
 * ASCII digits between Chinese characters (2023年, 为14项, 第1，) are the other
 * common case, and UAX #14 is plain there too: no break inside a number, a
 * break between a number and Han or the punctuation below (the kinsoku rules
 * keep 。，、 off the line start). Quotes, ·, ～ and the like are left to
 * libunistring.
 */
enum plain_class { PLAIN_NO, PLAIN_CJK, PLAIN_DIGIT, PLAIN_NEXT_TO_DIGIT, PLAIN_IS, PLAIN_EX };

static bool digit_neighbour(uint32_t c)
{
    switch (c) {
    case 0xFF0C:
    case 0x3002:
    case 0x3001:
    case 0xFF1B:
    case 0xFF1A:
    case 0xFF1F:
    case 0xFF01:
    case 0xFF08:
    case 0xFF09:
    case 0x3010:
    case 0x3011:
    case 0x300A:
    case 0x300B:
    case 0x300C:
    case 0x300D:
    case 0x300E:
    case 0x300F:
        return true;
    default:
        return false;
    }
}

#define UC_BREAK_UNDEFINED (-1)

/* The UAX #14 answer between two characters of these classes, when it does not
 * need libunistring; UC_BREAK_UNDEFINED when it does. */
static inline int settled(uint8_t a, uint8_t b)
{
    if (a == PLAIN_NO || b == PLAIN_NO)
        return UC_BREAK_UNDEFINED;
    /* half-width , . ; : (IS) and ! ? (EX), as reports typed on Latin keyboards
     * have them: never a break before them; after them, one before Han or the
     * punctuation above; none inside a number (1,000 and 2.5) */
    if (b == PLAIN_IS || b == PLAIN_EX)
        return UC_BREAK_PROHIBITED;
    if (a == PLAIN_IS || a == PLAIN_EX)
        return b == PLAIN_NEXT_TO_DIGIT            ? UC_BREAK_POSSIBLE
               : b == PLAIN_DIGIT && a == PLAIN_IS ? UC_BREAK_PROHIBITED
                                                   : UC_BREAK_UNDEFINED;
    if (a == PLAIN_DIGIT && b == PLAIN_DIGIT)
        return UC_BREAK_PROHIBITED;
    if (a == PLAIN_DIGIT || b == PLAIN_DIGIT)
        return a == PLAIN_NEXT_TO_DIGIT || b == PLAIN_NEXT_TO_DIGIT ? UC_BREAK_POSSIBLE
                                                                    : UC_BREAK_UNDEFINED;
    return UC_BREAK_POSSIBLE;
}

/* A block decoded once: its characters and where each starts, and per byte
 * the break opportunities and grapheme-cluster boundaries. Reused. */
struct chars {
    uint32_t *cp;
    size_t *pos;     /* pos[nc] is the length */
    uint8_t *cbrk;   /* 1: a line may start at character k */
    uint8_t *plain;  /* enum plain_class of cp[k] */
    uint8_t *han;    /* 1 for a Han character (U+4E00..U+9FFF) */
    size_t *special; /* the boundaries that are not between two Han characters */
    size_t nr_special;
    char *brk, *gb;
    size_t nc, alloc_chars, alloc_bytes;
};

/*
 * Decode a block once, and find its UAX #14 break opportunities: between two
 * plain CJK characters a break is possible; over the stretches that hold
 * anything else libunistring decides (into ch->brk), with the plain
 * characters on either side as context. Most of a Chinese report is plain,
 * and libunistring is the costly step of a layout. Boundaries between two Han
 * characters are settled here (cbrk 1); the others are listed in ch->special
 * for the kinsoku tailoring.
 */
static void chars_decode(struct chars *ch, const char *s, size_t n, bool *simple)
{
    size_t run = SIZE_MAX; /* the character a stretch starts at (its context) */
    bool phan = false;

    if (n + 1 > ch->alloc_chars) {
        ch->alloc_chars = n + 1;
        ch->cp = xrealloc(ch->cp, ch->alloc_chars * sizeof(*ch->cp));
        ch->pos = xrealloc(ch->pos, ch->alloc_chars * sizeof(*ch->pos));
        ch->cbrk = xrealloc(ch->cbrk, ch->alloc_chars);
        ch->plain = xrealloc(ch->plain, ch->alloc_chars);
        ch->han = xrealloc(ch->han, ch->alloc_chars);
        ch->special = xrealloc(ch->special, ch->alloc_chars * sizeof(*ch->special));
    }
    if (n + 1 > ch->alloc_bytes) {
        ch->alloc_bytes = n + 1;
        ch->brk = xrealloc(ch->brk, ch->alloc_bytes);
        ch->gb = xrealloc(ch->gb, ch->alloc_bytes);
    }
    *simple = true;
    ch->nc = ch->nr_special = 0;
    for (size_t i = 0; i < n;) {
        size_t k = ch->nc++;
        const unsigned char *u = (const unsigned char *)s + i;
        uint32_t c;
        bool han;

        if (phan && run == SIZE_MAX && (u[0] & 0xF0) == 0xE0 && i + 2 < n) {
            /* a Han character after a Han character: the most common case */
            c = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
            if (c >= 0x4E00 && c <= 0x9FFF) {
                ch->pos[k] = i;
                ch->cp[k] = c;
                ch->plain[k] = PLAIN_NEXT_TO_DIGIT;
                ch->han[k] = 1;
                ch->cbrk[k] = 1;
                i += 3;
                continue;
            }
        }
        ch->pos[k] = i;
        i += text_next(s + i, n - i, &c);
        ch->cp[k] = c;
        han = c >= 0x4E00 && c <= 0x9FFF;
        ch->han[k] = han;
        ch->plain[k] = han                                            ? PLAIN_NEXT_TO_DIGIT
                       : c >= '0' && c <= '9'                         ? PLAIN_DIGIT
                       : c == ',' || c == '.' || c == ';' || c == ':' ? PLAIN_IS
                       : c == '!' || c == '?'                         ? PLAIN_EX
                       : digit_neighbour(c)                           ? PLAIN_NEXT_TO_DIGIT
                       : plain_cjk(c)                                 ? PLAIN_CJK
                                                                      : PLAIN_NO;
        if (!han && !simple_cluster_char(c))
            *simple = false;
        if (k == 0) {
            ch->cbrk[0] = 0;
        } else if (han && phan) {
            ch->cbrk[k] = 1; /* UAX #14 and kinsoku allow a break between two Han */
        } else {
            ch->special[ch->nr_special++] = k;
        }
        phan = han;
        if (k > 0 && settled(ch->plain[k - 1], ch->plain[k]) == UC_BREAK_UNDEFINED) {
            if (run == SIZE_MAX)
                run = k - 1;
        } else if (run != SIZE_MAX) { /* a stretch ends, with this plain character */
            u8_possible_linebreaks((const uint8_t *)s + ch->pos[run], i - ch->pos[run], "UTF-8",
                                   ch->brk + ch->pos[run]);
            run = SIZE_MAX;
        }
    }
    if (run != SIZE_MAX)
        u8_possible_linebreaks((const uint8_t *)s + ch->pos[run], n - ch->pos[run], "UTF-8",
                               ch->brk + ch->pos[run]);
    ch->pos[ch->nc] = n;
}

static void chars_release(struct chars *ch)
{
    free(ch->cp);
    free(ch->pos);
    free(ch->cbrk);
    free(ch->plain);
    free(ch->han);
    free(ch->special);
    free(ch->brk);
    free(ch->gb);
}

/* Whether the characters before k are spaces after one that may not end a
 * line: e-paper text writes “ 一保两促” with a space inside the quote, and
 * the line must not end with that quote once the space hangs. */
static bool quote_then_spaces(const struct chars *ch, size_t k)
{
    size_t j = k;

    while (j > 0 && ch->cp[j - 1] == ' ')
        j--;
    return j < k && j > 0 && no_end(ch->cp[j - 1]);
}

/* The kinsoku tailoring of the break opportunities, for the boundaries that
 * are not between two Han characters: ch->cbrk[k] is 1 when a line may start
 * at character k. */
static void opportunities(const char *s, size_t n, struct chars *ch, bool simple)
{
    if (!simple)
        u8_grapheme_breaks((const uint8_t *)s, n, ch->gb);
    for (size_t x = 0; x < ch->nr_special; x++) {
        size_t k = ch->special[x];
        uint32_t p = ch->cp[k - 1], c = ch->cp[k];
        bool han = c >= 0x4E00 && c <= 0x9FFF;
        int b = settled(ch->plain[k - 1], ch->plain[k]);

        if (b == UC_BREAK_UNDEFINED)
            b = ch->brk[ch->pos[k]];

        if ((!simple && !ch->gb[ch->pos[k]]) || !kinsoku_ok(p, c) || quote_then_spaces(ch, k))
            b = UC_BREAK_PROHIBITED;
        else if (b == UC_BREAK_PROHIBITED &&
                 ((opening_quote(c) && text_is_cjk(p)) || (closing_quote(p) && han)))
            b = UC_BREAK_POSSIBLE; /* 说“好”他 may break around the quotes */
        else if (b == UC_BREAK_MANDATORY || b == UC_BREAK_CR_BEFORE_LF)
            b = UC_BREAK_POSSIBLE; /* blocks hold no line ends; be safe */
        ch->cbrk[k] = b == UC_BREAK_POSSIBLE;
    }
}

struct wrapper {
    struct layout *l;
    struct chars *ch;
    uint32_t block;
    uint8_t role;
    size_t base;    /* the block's offset in the text */
    uint8_t prefix; /* of the first line */
    size_t first_pcols, rest_pcols;
};

static void emit(struct wrapper *w, size_t from, size_t to, size_t cols, bool first)
{
    struct layout *l = w->l;
    struct layout_line *ln;

    ALLOC_GROW(l->v, l->nr + 1, l->alloc);
    ln = &l->v[l->nr++];
    ln->off = w->base + from;
    ln->len = to - from;
    ln->cols = (uint32_t)(cols + (first ? w->first_pcols : w->rest_pcols));
    ln->block = w->block;
    ln->role = w->role;
    ln->prefix = first ? w->prefix : PREFIX_NONE;
}

/* Columns of characters [a, b). */
static size_t cols_of(const struct chars *ch, size_t a, size_t b, int amb)
{
    size_t c = 0;

    for (size_t k = a; k < b; k++)
        c += (size_t)width_fast(ch->cp[k], amb);
    return c;
}

/* Whether character k is a space of its own, not the base of a mark that
 * combines with it (a space before a tone mark U+302A is one cluster):
 * only such spaces hang at a line end or go at a line start. */
static bool lone_space(const struct chars *ch, size_t k, bool simple)
{
    return ch->cp[k] == ' ' && (simple || k + 1 >= ch->nc || ch->gb[ch->pos[k + 1]]);
}

/* Wrap s[0..n) into lines of at most width columns (first_width for the first).
 * Positions below are character indices into w->ch. */
static void wrap(struct wrapper *w, const char *s, size_t n, size_t first_width, size_t width)
{
    struct chars *ch = w->ch;
    int amb = w->l->opts.ambiguous;
    size_t ls = 0, k, avail = first_width, nc;
    size_t col = 0, ccol = 0, cend = 0;              /* columns so far; of the content; its end */
    size_t bpos = 0, bcol = 0, bccol = 0, bcend = 0; /* the last opportunity */
    bool first = true, simple;

    chars_decode(ch, s, n, &simple);
    opportunities(s, n, ch, simple);
    nc = ch->nc;
    while (ls < nc && lone_space(ch, ls, simple))
        ls++;
    cend = ls;
    for (k = ls; k < nc;) {
        size_t j = k, cw = 0, m = 0;

        /* a run of Han characters that fits: every boundary inside it is an
         * opportunity, so take it whole and remember only its last one */
        if (simple && k > ls && col + 2 <= avail) {
            size_t lim = (avail - col) / 2;
            const uint8_t *z;

            if (lim > nc - k)
                lim = nc - k;
            if (lim <= 32) { /* short: a loop beats the call */
                while (m < lim && ch->han[k + m])
                    m++;
            } else {
                z = memchr(ch->han + k, 0, lim); /* the first that is not Han */
                m = z ? (size_t)(z - (ch->han + k)) : lim;
            }
        }
        if (m >= 2) {
            bpos = k + m - 1;
            bcol = bccol = col + 2 * (m - 1);
            bcend = k + m - 1;
            col += 2 * m;
            ccol = col;
            cend = k + m;
            k += m;
            continue;
        }

        /* one grapheme cluster [k, j) */
        if (simple) {
            cw = (size_t)width_fast(ch->cp[j++], amb);
        } else {
            do {
                cw += (size_t)width_fast(ch->cp[j], amb);
                j++;
            } while (j < nc && !ch->gb[ch->pos[j]]);
        }
        if (ch->cbrk[k] && k > ls) {
            bpos = k;
            bcol = col;
            bccol = ccol;
            bcend = cend;
        }
        if (ch->cp[k] == ' ' && j == k + 1) { /* spaces hang */
            col += 1;
            k = j;
            continue;
        }
        if (col + cw > avail && k > ls) {
            if (bpos > ls) {
                emit(w, ch->pos[ls], ch->pos[bcend], bccol, first);
                col -= bcol;
                ccol -= bcol;
                ls = bpos;
            } else {
                /* nothing to break at: force, where the kinsoku rules allow */
                size_t p = k, e;

                while (p > ls &&
                       !((simple || ch->gb[ch->pos[p]]) && kinsoku_ok(ch->cp[p - 1], ch->cp[p])))
                    p--;
                if (p == ls && first && avail < width) {
                    /* the prefix left too little room: start the text on the
                     * next line, which is wider */
                    emit(w, ch->pos[ls], ch->pos[ls], 0, true);
                    first = false;
                    avail = width;
                    bpos = 0;
                    continue;
                }
                if (p == ls)
                    p = k;
                /* spaces before the break hang: not in the line, not counted */
                for (e = p; e > ls && lone_space(ch, e - 1, simple); e--)
                    ;
                emit(w, ch->pos[ls], ch->pos[e], cols_of(ch, ls, e, amb), first);
                col = ccol = cols_of(ch, p, k, amb);
                ls = p;
            }
            first = false;
            avail = width;
            bpos = 0;
            while (ls < k && lone_space(ch, ls, simple)) { /* spaces at a line start go */
                ls++;
                col--;
            }
            ccol = col;
            /* the character that overflowed is looked at again against the
             * new line: what moved down with it may leave it no room there */
            continue;
        }
        col += cw;
        ccol = col;
        cend = j;
        k = j;
    }
    if (cend > ls || first)
        emit(w, ch->pos[ls], ch->pos[cend > ls ? cend : ls], ccol, first);
}

static void blank(struct layout *l, uint32_t block, size_t off)
{
    struct layout_line *ln;

    ALLOC_GROW(l->v, l->nr + 1, l->alloc);
    ln = &l->v[l->nr++];
    memset(ln, 0, sizeof(*ln));
    ln->off = off;
    ln->block = block;
    ln->role = LINE_BLANK;
}

static const char *prefix_text(const struct layout *l, enum line_prefix p, size_t *len)
{
    static const char indents[] = "\u3000\u3000\u3000\u3000";

    switch (p) {
    case PREFIX_INDENT:
        *len = (size_t)l->opts.indent * 3;
        return indents;
    case PREFIX_CAPTION:
        *len = strlen("▣ ");
        return "▣ ";
    case PREFIX_HEADING1:
        *len = strlen("◆ ");
        return "◆ ";
    case PREFIX_HEADING2:
        *len = strlen("◇ ");
        return "◇ ";
    default:
        *len = 0;
        return "";
    }
}

const char *layout_prefix(const struct layout *l, const struct layout_line *ln, size_t *len,
                          size_t *cols)
{
    const char *p = prefix_text(l, (enum line_prefix)ln->prefix, len);

    if (cols)
        *cols = width_of_text(p, *len, l->opts.ambiguous);
    return p;
}

/* Whether a heading carries its own mark (■ 巡回审判上海岛). */
static bool has_mark(const char *s, size_t n)
{
    uint32_t c = text_first(s, n);

    return c == 0x25A0 || c == 0x25A1 || c == 0x25C6 || c == 0x25C7 || c == 0x25B2 || c == 0x25CF ||
           c == 0x2605 || c == 0x2606 || c == 0x25B6 || c == 0x25BA || c == 0x25CE || c == 0x2756 ||
           c == 0x3010;
}

struct layout *layout_build(const struct report *r, const struct layout_opts *opts)
{
    static const uint8_t roles[] = {
        [BLOCK_TITLE] = LINE_TITLE,     [BLOCK_SUBTITLE] = LINE_SUBTITLE,
        [BLOCK_BYLINE] = LINE_BYLINE,   [BLOCK_DATE] = LINE_DATE,
        [BLOCK_CAPTION] = LINE_CAPTION, [BLOCK_HEADING] = LINE_HEADING,
        [BLOCK_PARA] = LINE_BODY,       [BLOCK_AUTHOR] = LINE_AUTHOR,
        [BLOCK_SOURCE] = LINE_DATE, /* drawn as the date's companion */
    };
    struct layout *l = xcalloc(1, sizeof(*l));
    struct chars ch = {0};
    size_t width;

    l->report = r;
    l->opts = *opts;
    if (l->opts.ambiguous != 2)
        l->opts.ambiguous = 1;
    if (l->opts.indent < 0)
        l->opts.indent = 0;
    if (l->opts.indent > 4)
        l->opts.indent = 4;
    width = opts->width < 1 ? 1 : (size_t)opts->width;
    for (size_t b = 0; b < r->nr_blocks; b++) {
        const struct block *bl = &r->blocks[b];
        const char *s = report_block_text(r, bl);
        struct wrapper w = {l, &ch, (uint32_t)b, roles[bl->kind], bl->off, PREFIX_NONE, 0, 0};
        enum block_kind next = b + 1 < r->nr_blocks ? r->blocks[b + 1].kind : BLOCK_PARA;
        size_t plen, pcols = 0;

        if (bl->kind == BLOCK_PARA && l->opts.indent)
            w.prefix = PREFIX_INDENT;
        else if (bl->kind == BLOCK_CAPTION)
            w.prefix = PREFIX_CAPTION;
        else if (bl->kind == BLOCK_HEADING && !has_mark(s, bl->len))
            w.prefix = bl->level > 1 ? PREFIX_HEADING2 : PREFIX_HEADING1;
        if (w.prefix != PREFIX_NONE) {
            const char *p = prefix_text(l, (enum line_prefix)w.prefix, &plen);

            pcols = width_of_text(p, plen, l->opts.ambiguous);
            if (pcols + 2 > width) { /* no room for it: leave it out */
                w.prefix = PREFIX_NONE;
                pcols = 0;
            }
        }
        w.first_pcols = pcols;
        wrap(&w, s, bl->len, width - pcols, width);
        /* one blank line between blocks; the head of the report (title,
         * subtitle, byline, date, source) stays together */
        if (b + 1 < r->nr_blocks &&
            !((bl->kind == BLOCK_TITLE || bl->kind == BLOCK_SUBTITLE || bl->kind == BLOCK_BYLINE ||
               bl->kind == BLOCK_DATE || bl->kind == BLOCK_SOURCE) &&
              (next == BLOCK_SUBTITLE || next == BLOCK_BYLINE || next == BLOCK_DATE ||
               next == BLOCK_SOURCE)))
            blank(l, (uint32_t)b, bl->off + bl->len);
    }
    chars_release(&ch);
    return l;
}

void layout_free(struct layout *l)
{
    if (!l)
        return;
    free(l->v);
    free(l);
}

size_t layout_line_of(const struct layout *l, size_t off)
{
    size_t lo = 0, hi = l->nr;

    /* the last line starting at or before off */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;

        if (l->v[mid].off <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!lo)
        return 0;
    lo--;
    while (lo > 0 && l->v[lo].role == LINE_BLANK && l->v[lo - 1].off + l->v[lo - 1].len >= off)
        lo--;
    return lo;
}

void layout_line_text(const struct layout *l, size_t i, struct sbuf *out)
{
    const struct layout_line *ln = &l->v[i];
    size_t plen;
    const char *p = layout_prefix(l, ln, &plen, NULL);

    sbuf_add(out, p, plen);
    sbuf_add(out, l->report->text + ln->off, ln->len);
}

void layout_text(const struct layout *l, struct sbuf *out)
{
    size_t need = 0;
    char *o;

    for (size_t i = 0; i < l->nr; i++) {
        size_t plen;

        prefix_text(l, (enum line_prefix)l->v[i].prefix, &plen);
        need += plen + l->v[i].len + 1;
    }
    sbuf_grow(out, need);
    o = out->buf + out->len;
    for (size_t i = 0; i < l->nr; i++) { /* one copy a piece, no checks */
        const struct layout_line *ln = &l->v[i];
        size_t plen;
        const char *p = prefix_text(l, (enum line_prefix)ln->prefix, &plen);

        memcpy(o, p, plen);
        o += plen;
        memcpy(o, l->report->text + ln->off, ln->len);
        o += ln->len;
        *o++ = '\n';
    }
    out->len += need;
    out->buf[out->len] = '\0';
}

const struct layout *layout_cache_get(struct layout_cache *c, const struct report *r,
                                      const struct layout_opts *opts)
{
    struct layout *l = c->layout;

    if (l && l->report == r && l->opts.width == opts->width &&
        l->opts.ambiguous == (opts->ambiguous == 2 ? 2 : 1) && l->opts.indent == opts->indent)
        return l;
    layout_free(l);
    c->layout = layout_build(r, opts);
    return c->layout;
}

void layout_cache_release(struct layout_cache *c)
{
    layout_free(c->layout);
    c->layout = NULL;
}
