/*
 * ui_draw.c: clipped UTF-8 drawing with the layout's widths, panes as
 * windows, and theme styles as curses attributes. The colour pairs are the
 * UI's state: set once per theme (the one place besides ui_term.c that keeps
 * it).
 */
#include "ui_draw.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <unistr.h>
#include <wchar.h>

#include "width.h"

static attr_t role_attr[NR_ROLES];
static int draw_ambiguous = 1;

void ui_list_select(struct ui_list *l, size_t nr, size_t i, int h)
{
    size_t rows = h > 0 ? (size_t)h : 1;

    if (!nr)
        return;
    l->sel = i < nr ? i : nr - 1;
    if (l->sel < l->scroll)
        l->scroll = l->sel;
    else if (l->sel >= l->scroll + rows)
        l->scroll = l->sel - rows + 1;
}

void ui_list_scroll(struct ui_list *l, size_t nr, long n, int h)
{
    long s = (long)l->scroll + n, max = (long)nr - h;

    l->scroll = (size_t)(s > max ? (max > 0 ? max : 0) : s < 0 ? 0 : s);
}

long ui_list_at(const struct ui_list *l, size_t nr, int y)
{
    size_t i = l->scroll + (size_t)y;

    return y >= 0 && i < nr ? (long)i : -1;
}

long ui_key_step(enum action a, int page)
{
    switch (a) {
    case ACT_DOWN:
        return 1;
    case ACT_UP:
        return -1;
    case ACT_PAGE_DOWN:
        return page;
    case ACT_PAGE_UP:
        return -page;
    case ACT_HALF_DOWN:
        return (page + 1) / 2;
    case ACT_HALF_UP:
        return -(page + 1) / 2;
    case ACT_TOP:
        return LONG_MIN;
    case ACT_BOTTOM:
        return LONG_MAX;
    default:
        return 0;
    }
}

bool ui_list_key(size_t sel, int page, enum action a, size_t *to)
{
    long n = ui_key_step(a, page), i;

    if (!n)
        return false;
    if (n == LONG_MIN || n == LONG_MAX) {
        *to = n == LONG_MIN ? 0 : SIZE_MAX;
        return true;
    }
    i = (long)sel + n;
    *to = i < 0 ? 0 : (size_t)i;
    return true;
}

void ui_pane_list(struct pane *p, struct ui_list *l, const size_t *nr)
{
    p->list = l;
    p->nr = nr;
}

void ui_pane_select(struct pane *p, size_t i)
{
    ui_list_select(p->list, *p->nr, i, p->h);
    p->dirty = true;
}

void ui_pane_resized(struct pane *p)
{
    ui_pane_select(p, p->list->sel);
}

bool ui_pane_key(struct pane *p, enum action a)
{
    size_t to;

    if (!ui_list_key(p->list->sel, ui_pane_page(p), a, &to))
        return false;
    ui_pane_select(p, to);
    return true;
}

void ui_pane_scroll(struct pane *p, long n)
{
    ui_list_scroll(p->list, *p->nr, n, p->h);
    p->dirty = true;
}

long ui_pane_row(const struct pane *p, int y)
{
    return ui_list_at(p->list, *p->nr, y);
}

void ui_pane_touch(struct pane *p)
{
    p->dirty = true;
}

bool ui_pane_stale(const struct pane *p)
{
    return p->win && p->dirty;
}

bool ui_pane_at(const struct pane *p, int y, int x, int *row)
{
    if (!p->win || x < p->x || x >= p->x + p->w || y < p->y || y >= p->y + p->h)
        return false;
    *row = y - p->y;
    return true;
}

int ui_pane_page(const struct pane *p)
{
    return p->h > 2 ? p->h - 1 : 1; /* keep one line of context */
}

void ui_pane_hide(struct pane *p)
{
    if (p->win)
        delwin(p->win);
    p->win = NULL;
    p->h = p->w = 0;
}

void ui_pane_place(struct pane *p, int y, int x, int h, int w)
{
    if (h <= 0 || w <= 0) {
        ui_pane_hide(p);
        return;
    }
    if (!p->win || p->y != y || p->x != x || p->h != h || p->w != w) {
        if (p->win)
            delwin(p->win);
        p->win = newwin(h, w, y, x);
        p->y = y;
        p->x = x;
        p->h = h;
        p->w = w;
    }
    p->dirty = true;
}

static attr_t curses_attrs(unsigned a)
{
    attr_t r = A_NORMAL;

    if (a & ATTR_BOLD)
        r |= A_BOLD;
    if (a & ATTR_DIM)
        r |= A_DIM;
    if (a & ATTR_UNDERLINE)
        r |= A_UNDERLINE;
    if (a & ATTR_REVERSE)
        r |= A_REVERSE;
#ifdef A_ITALIC
    if (a & ATTR_ITALIC)
        r |= A_ITALIC;
#endif
    if (a & ATTR_STANDOUT)
        r |= A_STANDOUT;
    return r;
}

void ui_draw_theme(const struct theme *t, int ambiguous)
{
    bool color = false;

    draw_ambiguous = ambiguous;
    if (has_colors()) {
        start_color(); /* sets COLORS */
        use_default_colors();
        color = COLORS >= 8;
    }
    for (int r = 0; r < NR_ROLES; r++) {
        const struct style *s = &t->role[r];
        attr_t a = curses_attrs(s->attrs);

        if (color && (s->fg >= 0 || s->bg >= 0) && r + 1 < COLOR_PAIRS) {
            init_pair((short)(r + 1), (short)theme_color_fit(s->fg, COLORS),
                      (short)theme_color_fit(s->bg, COLORS));
            a |= COLOR_PAIR(r + 1);
        }
        role_attr[r] = a;
    }
}

attr_t ui_attr(enum theme_role role)
{
    return role_attr[role];
}

/* The next character cell of s: a base and its combining marks. Returns
 * the bytes used; *cols is its width (0 for a mark with no base). */
static size_t next_cell(const char *s, size_t len, wchar_t *wc, int *nwc, int *cols)
{
    size_t i = 0;
    ucs4_t c;
    int n = u8_mbtouc(&c, (const uint8_t *)s, len);

    i = (size_t)(n > 0 ? n : 1);
    *nwc = 0;
    wc[(*nwc)++] = (wchar_t)c;
    *cols = width_fast(c, draw_ambiguous);
    while (i < len) {
        ucs4_t m;
        int k = u8_mbtouc(&m, (const uint8_t *)s + i, len - i);

        if (width_fast(m, draw_ambiguous) != 0 || m < 0x20 || *nwc >= CCHARW_MAX - 1)
            break;
        wc[(*nwc)++] = (wchar_t)m;
        i += (size_t)(k > 0 ? k : 1);
    }
    wc[*nwc] = 0;
    return i;
}

int ui_draw_text(WINDOW *win, int y, int x, int max, const char *s, size_t len, attr_t attrs)
{
    int col = 0;

    wmove(win, y, x);
    while (len) {
        wchar_t wc[CCHARW_MAX + 1];
        int nwc, w;
        size_t used = next_cell(s, len, wc, &nwc, &w);
        cchar_t cc;

        s += used;
        len -= used;
        if (w <= 0 || wc[0] < 0x20)
            continue; /* a mark without a base, or a control: nothing to draw */
        if (col + w > max)
            break;
        setcchar(&cc, wc, attrs & ~A_COLOR, (short)PAIR_NUMBER(attrs), NULL);
        wadd_wch(win, &cc);
        col += w;
    }
    return col;
}

int ui_draw_clipped(WINDOW *win, int y, int x, int max, const char *s, size_t len, attr_t attrs)
{
    static const char ellipsis[] = "…";
    int ew = ui_text_cols(ellipsis, sizeof(ellipsis) - 1), col;

    if (ui_text_cols(s, len) <= max)
        return ui_draw_text(win, y, x, max, s, len, attrs);
    if (max < ew)
        return 0;
    /* a wide character that does not fit before … leaves a column blank */
    col = ui_draw_text(win, y, x, max - ew, s, len, attrs);
    return col + ui_draw_text(win, y, x + col, ew, ellipsis, sizeof(ellipsis) - 1, attrs);
}

int ui_draw_str(WINDOW *win, int y, int x, int max, const char *s, attr_t attrs)
{
    return ui_draw_text(win, y, x, max, s, strlen(s), attrs);
}

void ui_draw_fill(WINDOW *win, int y, int x, int n, attr_t attrs)
{
    if (n <= 0)
        return;
    mvwhline(win, y, x, ' ' | attrs, n);
}

int ui_text_cols(const char *s, size_t len)
{
    return (int)width_of_text(s, len, draw_ambiguous);
}
