/*
 * ui_draw.h: the one header that includes curses. A pane is a curses window
 * with its place on the screen; text is drawn clipped to a width by the
 * same widths the layout uses, whole lines at a time (ncurses corrupts a
 * line when half of a wide character is overwritten). Styles come from the
 * theme as curses attributes and colour pairs.
 */
#ifndef COURTREAD_UI_DRAW_H
#define COURTREAD_UI_DRAW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "theme.h"

struct pane {
    WINDOW *win; /* NULL while hidden */
    int y, x, h, w;
    bool dirty; /* draw it at the next refresh */
};

/* A list's selected entry and the entry on its first row. */
struct ui_list {
    size_t sel, scroll;
};

/* Select entry i (clamped to the nr entries) and scroll so that it shows
 * in h rows. */
void ui_list_select(struct ui_list *l, size_t nr, size_t i, int h);

/* Scroll by n rows (the selection stays), within nr entries in h rows. */
void ui_list_scroll(struct ui_list *l, size_t nr, long n, int h);

/* The entry at row y, or -1. */
long ui_list_at(const struct ui_list *l, size_t nr, int y);

/* Make pane's window for the place given (or hide it when w or h is 0). */
void ui_pane_place(struct pane *p, int y, int x, int h, int w);
void ui_pane_hide(struct pane *p);

/* Set up colour pairs for theme t on this terminal. */
void ui_draw_theme(const struct theme *t, int ambiguous);

/* The curses attributes (colour pair included) of a role. */
attr_t ui_attr(enum theme_role role);

/* Draw len bytes of UTF-8 s at (y, x) of win with attrs, at most max
 * columns; returns the columns drawn. Wide characters that do not fit are
 * left out, combining marks go with their base. */
int ui_draw_text(WINDOW *win, int y, int x, int max, const char *s, size_t len, attr_t attrs);

/* ui_draw_text(), ending with … when s does not fit in max columns (what a
 * name cut short looks like); nothing when not even … fits. Returns the
 * columns drawn. */
int ui_draw_clipped(WINDOW *win, int y, int x, int max, const char *s, size_t len, attr_t attrs);

/* ui_draw_text() of a NUL-terminated string. */
int ui_draw_str(WINDOW *win, int y, int x, int max, const char *s, attr_t attrs);

/* Fill columns from x to x + n - 1 of row y with spaces in attrs. */
void ui_draw_fill(WINDOW *win, int y, int x, int n, attr_t attrs);

/* Columns of s (len bytes) as drawn. */
int ui_text_cols(const char *s, size_t len);

#endif
