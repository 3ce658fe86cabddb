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

#include "keys.h"
#include "theme.h"

/* A list's selected entry and the entry on its first row. */
struct ui_list {
    size_t sel, scroll;
};

struct pane {
    WINDOW *win; /* NULL while hidden */
    int y, x, h, w;
    bool dirty;           /* draw it at the next refresh */
    struct ui_list *list; /* a list pane's: one entry a row, over *nr entries */
    const size_t *nr;
};

/* Select entry i (clamped to the nr entries) and scroll so that it shows
 * in h rows. */
void ui_list_select(struct ui_list *l, size_t nr, size_t i, int h);

/* Scroll by n rows (the selection stays), within nr entries in h rows. */
void ui_list_scroll(struct ui_list *l, size_t nr, long n, int h);

/* The entry at row y, or -1. */
long ui_list_at(const struct ui_list *l, size_t nr, int y);

/* How far a movement action (down, up, page, half a page) moves, a page
 * being page rows: negative up; LONG_MIN for top, LONG_MAX for bottom; 0
 * for an action that is not a movement. */
long ui_key_step(enum action a, int page);

/* The entry a movement action takes a list to from entry sel (SIZE_MAX:
 * the last); false for an action that is not a movement. */
bool ui_list_key(size_t sel, int page, enum action a, size_t *to);

/* Make p a list pane: l over *nr entries, one a row (the panes that own
 * them keep both). The rest of these are for list panes. */
void ui_pane_list(struct pane *p, struct ui_list *l, const size_t *nr);

/* Select entry i (clamped) and scroll it into sight. */
void ui_pane_select(struct pane *p, size_t i);

/* The pane was placed anew: keep the selection in sight. */
void ui_pane_resized(struct pane *p);

/* A movement action moves the selection; false for other actions. */
bool ui_pane_key(struct pane *p, enum action a);

/* Scroll by n rows (the mouse wheel); the selection stays. */
void ui_pane_scroll(struct pane *p, long n);

/* The entry at row y, or -1. */
long ui_pane_row(const struct pane *p, int y);

/* Make pane's window for the place given (or hide it when w or h is 0). */
void ui_pane_place(struct pane *p, int y, int x, int h, int w);
void ui_pane_hide(struct pane *p);

/* Draw p again at the next refresh. */
void ui_pane_touch(struct pane *p);

/* Whether p is shown and wants drawing. */
bool ui_pane_stale(const struct pane *p);

/* Whether screen position y, x falls in p; *row is then its row in p. */
bool ui_pane_at(const struct pane *p, int y, int x, int *row);

/* Rows a page moves in p: one less than its height, for context. */
int ui_pane_page(const struct pane *p);

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
