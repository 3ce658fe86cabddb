/*
 * ui_overlay.c: a titled box over the panes with rows of two columns, the
 * second wrapped to the box's width; scrolled by the caller's count.
 */
#include "ui_overlay.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "ui_draw.h"
#include "util.h"

/* One row of the box: a left part (maybe empty) and a piece of a right part. */
struct row {
    const char *left, *right;
    size_t left_len, right_len;
};

/* The bytes of s (len) that fit in cols columns, whole characters; at
 * least one character, so that a row always moves on. */
static size_t fit(const char *s, size_t len, int cols)
{
    size_t n = 0;

    while (n < len) {
        int k = u8_mblen((const uint8_t *)s + n, len - n);
        size_t next = n + (size_t)(k > 0 ? k : 1);

        if (n && ui_text_cols(s, next) > cols)
            break;
        n = next;
    }
    return n;
}

/* The rows of text for a right column of room columns; returns how many
 * (rows may be NULL to count). */
static size_t make_rows(const struct sbuf *text, int room, struct row *rows)
{
    size_t nr = 0;

    for (const char *p = text->buf; p && *p;) {
        const char *nl = strchr(p, '\n'), *tab;
        size_t len;

        if (!nl)
            nl = p + strlen(p);
        tab = memchr(p, '\t', (size_t)(nl - p));
        if (tab) {
            const char *r = tab + 1;
            size_t rlen = (size_t)(nl - r);
            bool first = true;

            do {
                len = fit(r, rlen, room);
                if (rows)
                    rows[nr] = (struct row){p, r, first ? (size_t)(tab - p) : 0, len};
                nr++;
                first = false;
                r += len;
                rlen -= len;
            } while (rlen);
        }
        p = *nl ? nl + 1 : nl;
    }
    return nr;
}

bool ui_overlay_draw(const char *title, const struct sbuf *text, int width, int keyw,
                     size_t *scroll, const char *foot)
{
    int h = LINES - 2, w = COLS < width ? COLS : width, y0, x0 = (COLS - w) / 2, nrows, room;
    attr_t a = ui_attr(ROLE_HELP), border = ui_attr(ROLE_BORDER);
    struct row *rows;
    size_t n;
    WINDOW *win;

    if (w < 40)
        keyw = w / 3;
    room = w - keyw - 4 > 1 ? w - keyw - 4 : 1;
    n = make_rows(text, room, NULL);
    rows = xcalloc(n ? n : 1, sizeof(*rows));
    make_rows(text, room, rows);
    if (h > (int)n + 3)
        h = (int)n + 3;
    if (h < 3)
        h = 3;
    y0 = (LINES - 2 - h) / 2;
    nrows = h - 3 > 1 ? h - 3 : 1;
    if (*scroll + (size_t)nrows > n)
        *scroll = n > (size_t)nrows ? n - (size_t)nrows : 0;
    win = newwin(h, w, y0 < 0 ? 0 : y0, x0);
    if (!win) {
        free(rows);
        return true;
    }
    for (int y = 0; y < h; y++)
        ui_draw_fill(win, y, 0, w, a);
    wattrset(win, border);
    box(win, 0, 0);
    wattrset(win, A_NORMAL);
    ui_draw_str(win, 0, 2, w - 4, title, border | A_BOLD);
    for (int y = 0; y < nrows && *scroll + (size_t)y < n; y++) {
        const struct row *r = &rows[*scroll + (size_t)y];

        ui_draw_text(win, y + 1, 2, keyw - 1, r->left, r->left_len, a | A_BOLD);
        ui_draw_text(win, y + 1, 2 + keyw, room, r->right, r->right_len, a);
    }
    ui_draw_str(win, h - 2, 2, w - 4, foot, a | A_DIM);
    wnoutrefresh(win);
    delwin(win);
    free(rows);
    return n <= (size_t)nrows;
}
