/*
 * ui_reader.c: the reader pane. Owns the layout of the open report for the
 * pane's width and the top line; draws whole lines with their role's style.
 * Positions given and returned are byte offsets into the report's text.
 */
#include "ui_reader.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "quote.h"
#include "report.h"
#include "text.h"
#include "width.h"

/* The text margin on each side at the least; the layout gets the width less
 * two, or the measure when that is narrower. */
#define MARGIN 1

static size_t last_page_top(const struct reader *rd)
{
    size_t nr = rd->layout ? rd->layout->nr : 0, h = rd->pane.h > 0 ? (size_t)rd->pane.h : 1;

    return nr > h ? nr - h : 0;
}

/* The offset line i stands for: a blank line stands for the text after it. */
static size_t line_offset(const struct layout *l, size_t i)
{
    if (!l->nr)
        return 0;
    for (size_t k = i; k < l->nr; k++)
        if (l->v[k].role != LINE_BLANK)
            return l->v[k].off;
    return l->v[i < l->nr ? i : l->nr - 1].off;
}

/* Line i at the top, and the anchor where its text starts. */
static void set_top(struct reader *rd, size_t i)
{
    rd->top = i;
    rd->anchor = line_offset(rd->layout, i);
    rd->pane.dirty = true;
}

/* Scroll so that the cursor's line shows. */
static void cursor_in_sight(struct reader *rd)
{
    size_t line, h = rd->pane.h > 0 ? (size_t)rd->pane.h : 1;

    rd->pane.dirty = true;
    if (!rd->layout)
        return;
    line = layout_line_of(rd->layout, rd->cursor);
    if (line < rd->top)
        set_top(rd, line);
    else if (line >= rd->top + h)
        set_top(rd, line - h + 1);
}

void ui_reader_relayout(struct reader *rd)
{
    /* the anchor, not the top line's start: that starts before the anchor
     * at most widths, and twenty resizes would walk back five lines */
    size_t off = rd->anchor == SIZE_MAX ? 0 : rd->anchor;
    bool blank_top =
        rd->layout && rd->top < rd->layout->nr && rd->layout->v[rd->top].role == LINE_BLANK;

    if (!rd->report)
        return;
    rd->opts.width = rd->pane.w - 2 * MARGIN;
    if (rd->measure > 0 && rd->opts.width > rd->measure)
        rd->opts.width = rd->measure;
    if (rd->opts.width < 1)
        rd->opts.width = 1;
    /* The column is centred in the pane, not set against its left edge: on
     * a wide terminal a left-set column of 72 leaves a wide empty field on
     * the right and the text at the screen's edge, where the eye has to
     * turn for every line; centred, the text sits where one looks and the
     * spare width is an even margin on both sides, as a page has. */
    rd->left = MARGIN + (rd->pane.w - 2 * MARGIN - rd->opts.width) / 2;
    if (rd->left < MARGIN)
        rd->left = MARGIN;
    rd->layout = layout_cache_get(&rd->cache, rd->report, &rd->opts);
    rd->top = layout_line_of(rd->layout, off);
    /* the blank line before a block was on top: keep it there */
    if (blank_top && rd->top > 0 && rd->layout->v[rd->top - 1].role == LINE_BLANK)
        rd->top--;
    rd->pane.dirty = true;
    if (rd->visual) /* a shorter pane or longer lines: the cursor stays in sight */
        cursor_in_sight(rd);
}

void ui_reader_init(struct reader *rd, int ambiguous, int indent)
{
    memset(rd, 0, sizeof(*rd));
    rd->opts.ambiguous = ambiguous;
    rd->opts.indent = indent;
    rd->current = -1;
    rd->left = MARGIN;
}

void ui_reader_set_measure(struct reader *rd, int cols)
{
    rd->measure = cols > 0 ? cols : 0;
    if (rd->layout)
        ui_reader_relayout(rd);
}

int ui_reader_text_column(const struct reader *rd)
{
    return rd->left;
}

struct pane *ui_reader_pane(struct reader *rd)
{
    return &rd->pane;
}

void ui_reader_open(struct reader *rd, const struct report *r, size_t off)
{
    if (rd->report != r) {
        layout_cache_release(&rd->cache);
        rd->visual = false; /* its offsets were into the other text */
    }
    rd->report = r;
    rd->layout = NULL;
    rd->top = 0;
    rd->anchor = off;
    ui_reader_relayout(rd);
}

void ui_reader_goto_line(struct reader *rd, size_t i)
{
    if (!rd->layout) {
        if (i == 0)
            rd->anchor = SIZE_MAX;
        return;
    }
    set_top(rd, i < rd->layout->nr ? i : (rd->layout->nr ? rd->layout->nr - 1 : 0));
}

void ui_reader_goto_offset(struct reader *rd, size_t off)
{
    if (rd->layout) {
        ui_reader_goto_line(rd, layout_line_of(rd->layout, off));
        rd->anchor = off; /* exactly there, for the next re-layout */
    } else {
        rd->anchor = off;
    }
}

void ui_reader_goto_end(struct reader *rd)
{
    ui_reader_goto_line(rd, last_page_top(rd));
}

void ui_reader_goto_percent(struct reader *rd, unsigned long n)
{
    const struct report *r = rd->report;
    long line;

    if (!r)
        return;
    if (n >= 100) {
        ui_reader_goto_end(rd);
        return;
    }
    line = ui_reader_line_of(rd, r->len / 100 * n + r->len % 100 * n / 100);
    if (line >= 0)
        ui_reader_goto_line(rd, (size_t)line);
}

void ui_reader_scroll(struct reader *rd, long n)
{
    size_t last = last_page_top(rd), top = rd->top;

    if (!rd->layout)
        return;
    if (n < 0)
        top = (size_t)-n > top ? 0 : top - (size_t)-n;
    else if (top < last)
        top = top + (size_t)n > last ? last : top + (size_t)n;
    if (top != rd->top)
        set_top(rd, top);
}

bool ui_reader_key(struct reader *rd, enum action a)
{
    long n = ui_key_step(a, ui_pane_page(&rd->pane));

    if (n == LONG_MIN)
        ui_reader_goto_line(rd, 0);
    else if (n == LONG_MAX)
        ui_reader_goto_end(rd);
    else if (n)
        ui_reader_scroll(rd, n);
    return n != 0;
}

const struct report *ui_reader_report(const struct reader *rd)
{
    return rd->report;
}

bool ui_reader_laid_out(const struct reader *rd)
{
    return rd->layout != NULL;
}

size_t ui_reader_top(const struct reader *rd)
{
    return rd->top;
}

long ui_reader_line_of(const struct reader *rd, size_t off)
{
    return rd->layout ? (long)layout_line_of(rd->layout, off) : -1;
}

bool ui_reader_in_view(const struct reader *rd, size_t off)
{
    size_t line;

    if (!rd->layout)
        return false;
    line = layout_line_of(rd->layout, off);
    return line >= rd->top && line < rd->top + (size_t)rd->pane.h;
}

void ui_reader_set_hits(struct reader *rd, const struct search_hits *hits)
{
    rd->hits = hits;
    rd->current = -1;
    rd->pane.dirty = true;
}

void ui_reader_set_current(struct reader *rd, long i)
{
    rd->current = i;
    rd->pane.dirty = true;
}

long ui_reader_current(const struct reader *rd)
{
    return rd->current;
}

void ui_reader_show(struct reader *rd, size_t off, size_t len)
{
    size_t first, last, h = rd->pane.h > 0 ? (size_t)rd->pane.h : 1;

    if (!rd->layout) {
        rd->anchor = off;
        return;
    }
    first = layout_line_of(rd->layout, off);
    last = layout_line_of(rd->layout, off + (len ? len - 1 : 0));
    if (first >= rd->top && last < rd->top + h)
        return;
    ui_reader_goto_line(rd, first > h / 3 ? first - h / 3 : 0);
}

size_t ui_reader_offset(const struct reader *rd)
{
    return rd->anchor == SIZE_MAX ? 0 : rd->anchor;
}

long ui_reader_section(const struct reader *rd)
{
    const struct report *r = rd->report;
    const struct layout *l = rd->layout;
    size_t top;

    if (!r || !l || !l->nr)
        return -1;
    top = rd->top < l->nr ? rd->top : l->nr - 1;
    /* the section of the first text line on screen */
    while (top + 1 < l->nr && l->v[top].role == LINE_BLANK)
        top++;
    return report_section_of(r, l->v[top].block);
}

long ui_reader_paragraph(const struct reader *rd)
{
    const struct report *r = rd->report;
    const struct layout *l = rd->layout;

    if (!r || !l || !l->nr)
        return -1;
    for (size_t i = rd->top; i < l->nr; i++) {
        const struct block *b = &r->blocks[l->v[i].block];

        if (l->v[i].role != LINE_BLANK && b->kind == BLOCK_PARA)
            return (long)l->v[i].block;
    }
    return -1;
}

int ui_reader_percent(const struct reader *rd)
{
    size_t nr = rd->layout ? rd->layout->nr : 0, bottom = rd->top + (size_t)rd->pane.h;

    if (!nr || bottom >= nr)
        return 100;
    return (int)(bottom * 100 / nr);
}

/* ---- the cursor and the selection ---- */

/* The first line at or after i (dir 1) or before it (dir -1) that shows
 * text; i itself when there is none that way. */
static size_t text_line(const struct layout *l, size_t i, int dir)
{
    size_t k = i;

    while (k < l->nr) {
        if (l->v[k].role != LINE_BLANK && l->v[k].len)
            return k;
        if (dir < 0 && k == 0)
            break;
        k = dir > 0 ? k + 1 : k - 1;
    }
    return i;
}

size_t ui_reader_cursor(const struct reader *rd)
{
    const struct layout *l = rd->layout;

    if (rd->visual)
        return rd->cursor;
    if (!l || !l->nr)
        return ui_reader_offset(rd);
    return l->v[text_line(l, rd->top < l->nr ? rd->top : l->nr - 1, 1)].off;
}

void ui_reader_visual_start(struct reader *rd)
{
    if (!rd->report)
        return;
    rd->cursor = rd->mark = ui_reader_cursor(rd);
    rd->visual = true;
    cursor_in_sight(rd);
}

/* Whether the character at byte i shows: not a block's end nor a blank. */
static bool shows_at(const char *text, size_t len, size_t i)
{
    uint32_t cp;

    text_next(text + i, len - i, &cp);
    return cp != '\n' && !text_is_blank(cp);
}

void ui_reader_select(struct reader *rd, size_t from, size_t to)
{
    const struct report *r = rd->report;
    size_t last = to;

    if (!r || to > r->len)
        return;
    while (from < to && !shows_at(r->text, r->len, from)) {
        uint32_t cp;

        from += text_next(r->text + from, r->len - from, &cp);
    }
    if (from >= to)
        return;
    do
        last = text_prev(r->text, last);
    while (last > from && !shows_at(r->text, r->len, last));
    rd->mark = from;
    rd->cursor = last;
    rd->visual = true;
    cursor_in_sight(rd);
}

void ui_reader_visual_end(struct reader *rd)
{
    if (rd->visual)
        rd->pane.dirty = true;
    rd->visual = false;
}

bool ui_reader_visual(const struct reader *rd)
{
    return rd->visual;
}

bool ui_reader_selection(const struct reader *rd, size_t *from, size_t *to)
{
    const struct report *r = rd->report;
    size_t hi;
    uint32_t cp;

    if (!rd->visual || !r)
        return false;
    *from = rd->mark < rd->cursor ? rd->mark : rd->cursor;
    hi = rd->mark < rd->cursor ? rd->cursor : rd->mark;
    *to = hi < r->len ? hi + text_next(r->text + hi, r->len - hi, &cp) : r->len;
    return true;
}

/* The character of line i at the column col of its text (its last one
 * when the line is shorter). */
static size_t at_column(const struct reader *rd, size_t i, size_t col)
{
    const struct layout_line *ln = &rd->layout->v[i];
    const char *text = rd->report->text;
    size_t off = ln->off, end = ln->off + ln->len, c = 0;

    while (off < end) {
        uint32_t cp;
        size_t n = text_next(text + off, end - off, &cp);

        c += (size_t)width_fast(cp, rd->opts.ambiguous);
        if (c > col || off + n >= end || text[off + n] == '\n')
            break;
        off += n;
    }
    return off;
}

/* The cursor n lines down (up when negative), at the same column. */
static size_t line_move(const struct reader *rd, long n)
{
    const struct layout *l = rd->layout;
    size_t i = layout_line_of(l, rd->cursor), to, col;

    col =
        width_of_text(rd->report->text + l->v[i].off,
                      rd->cursor > l->v[i].off ? rd->cursor - l->v[i].off : 0, rd->opts.ambiguous);
    if (n == LONG_MIN) {
        to = text_line(l, 0, 1);
        col = 0;
    } else if (n == LONG_MAX) {
        to = text_line(l, l->nr - 1, -1);
        col = SIZE_MAX;
    } else if (n < 0) {
        to = text_line(l, (size_t)-n > i ? 0 : i - (size_t)-n, -1);
    } else {
        to = text_line(l, i + (size_t)n < l->nr ? i + (size_t)n : l->nr - 1, 1);
    }
    if (l->v[to].role == LINE_BLANK || !l->v[to].len) /* none that way: the other */
        to = text_line(l, to, n < 0 ? 1 : -1);
    if (l->v[to].role == LINE_BLANK || !l->v[to].len)
        return rd->cursor;
    return at_column(rd, to, col);
}

bool ui_reader_cursor_key(struct reader *rd, enum action a)
{
    const struct report *r = rd->report;
    long n;

    if (!rd->visual || !r || !rd->layout || !rd->layout->nr)
        return false;
    switch (a) {
    case ACT_FOCUS_LEFT:
        rd->cursor = quote_char_prev(r->text, rd->cursor);
        break;
    case ACT_FOCUS_RIGHT:
        rd->cursor = quote_char_next(r->text, r->len, rd->cursor);
        break;
    case ACT_SENTENCE_NEXT:
        rd->cursor = quote_sentence_end(r->text, r->len, rd->cursor);
        break;
    case ACT_SENTENCE_PREV:
        rd->cursor = quote_sentence_start(r->text, r->len, rd->cursor);
        break;
    default:
        n = ui_key_step(a, ui_pane_page(&rd->pane));
        if (!n)
            return false;
        rd->cursor = line_move(rd, n);
    }
    cursor_in_sight(rd);
    return true;
}

static enum theme_role line_role(enum line_role r)
{
    switch (r) {
    case LINE_TITLE:
        return ROLE_TITLE;
    case LINE_SUBTITLE:
    case LINE_BYLINE:
    case LINE_DATE:
    case LINE_AUTHOR:
        return ROLE_META;
    case LINE_CAPTION:
        return ROLE_CAPTION;
    case LINE_HEADING:
        return ROLE_HEADING;
    default:
        return ROLE_BODY;
    }
}

/* The column after the last one text may take. */
static int text_end(const struct reader *rd)
{
    int end = rd->left + rd->opts.width;

    return end < rd->pane.w - MARGIN ? end : rd->pane.w - MARGIN;
}

/* Where the span from off up to to ends if the selection [sel_from,
 * sel_to) starts or ends inside it, and its style there: reversed inside
 * the selection, the cursor's character bold and underlined (and not
 * reversed, so it shows at either end). */
static size_t selection_span(const struct reader *rd, size_t off, size_t to, size_t sel_from,
                             size_t sel_to, attr_t *at)
{
    uint32_t cp;
    size_t cur = rd->cursor, cur_end;

    if (sel_to <= sel_from)
        return to;
    if (off < sel_from)
        return to < sel_from ? to : sel_from;
    if (off >= sel_to)
        return to;
    cur_end = cur + text_next(rd->report->text + cur, rd->report->len - cur, &cp);
    if (off < cur) {
        *at |= A_REVERSE;
        to = to < cur ? to : cur;
    } else if (off < cur_end) {
        *at |= A_BOLD | A_UNDERLINE;
        to = to < cur_end ? to : cur_end;
    } else {
        *at |= A_REVERSE;
    }
    return to < sel_to ? to : sel_to;
}

/* Draw len bytes of text at byte off of the report from column col, in a,
 * with the search hits over it in their styles; returns the next column. */
static int draw_span(struct reader *rd, int y, int col, size_t off, size_t len, attr_t a)
{
    WINDOW *w = rd->pane.win;
    const struct search_hits *h = rd->hits;
    const char *text = rd->report->text;
    size_t end = off + len, i = h ? search_hit_from(h, off) : 0, sel_from = 0, sel_to = 0;

    ui_reader_selection(rd, &sel_from, &sel_to); /* none: [0, 0) */
    while (off < end) {
        size_t to = end;
        attr_t at = a;

        while (h && i < h->nr && h->v[i].off + h->v[i].len <= off)
            i++;
        if (h && i < h->nr && h->v[i].off <= off) { /* inside hit i */
            to = h->v[i].off + h->v[i].len < end ? h->v[i].off + h->v[i].len : end;
            at = ui_attr((long)i == rd->current ? ROLE_CURRENT_MATCH : ROLE_MATCH);
        } else if (h && i < h->nr && h->v[i].off < end) { /* up to the next hit */
            to = h->v[i].off;
        }
        to = selection_span(rd, off, to, sel_from, sel_to, &at);
        col += ui_draw_text(w, y, col, text_end(rd) - col, text + off, to - off, at);
        off = to;
    }
    return col;
}

void ui_reader_draw(struct reader *rd)
{
    WINDOW *w = rd->pane.win;
    const struct layout *l = rd->layout;
    attr_t body = ui_attr(ROLE_BODY);

    if (!w)
        return;
    wbkgdset(w, ' ' | body);
    for (int y = 0; y < rd->pane.h; y++) {
        size_t i = rd->top + (size_t)y;
        int col = rd->left;

        ui_draw_fill(w, y, 0, rd->pane.w, body);
        if (!l || i >= l->nr)
            continue;
        {
            const struct layout_line *ln = &l->v[i];
            attr_t a = ui_attr(line_role(ln->role));
            size_t plen, pcols;
            const char *prefix = layout_prefix(l, ln, &plen, &pcols);

            if (plen)
                col += ui_draw_text(w, y, col, text_end(rd) - col, prefix, plen, a);
            draw_span(rd, y, col, ln->off, ln->len, a);
        }
    }
    if (!rd->report)
        ui_draw_str(w, 0, MARGIN, rd->pane.w - MARGIN, "(no report)", body);
    wnoutrefresh(w);
    rd->pane.dirty = false;
}

void ui_reader_release(struct reader *rd)
{
    layout_cache_release(&rd->cache);
    ui_pane_hide(&rd->pane);
    rd->layout = NULL;
    rd->report = NULL;
}
