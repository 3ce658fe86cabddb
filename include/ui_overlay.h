/*
 * ui_overlay.h: a box drawn over the panes (help, the report's
 * information): a title, rows of "left<TAB>right" text (a right part too
 * long for the box goes on in the rows below it), scrolled, and a line of
 * hints at its foot. Draws only; the caller keeps what is shown.
 */
#ifndef COURTREAD_UI_OVERLAY_H
#define COURTREAD_UI_OVERLAY_H

#include <stdbool.h>
#include <stddef.h>

struct sbuf;

/* Draw text (lines "left<TAB>right\n"; a line without a tab is left out)
 * in a box at most width columns wide, the left parts in a column keyw
 * wide, from row *scroll (clamped to what there is). Returns whether every
 * row fits (nothing to scroll). */
bool ui_overlay_draw(const char *title, const struct sbuf *text, int width, int keyw,
                     size_t *scroll, const char *foot);

#endif
