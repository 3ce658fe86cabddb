/*
 * ui_frame.h: where the panes go for the terminal's size: the court list,
 * outline and reader side by side when they fit, the side pane in focus
 * when only one fits beside the reader, the focused pane alone on a narrow
 * screen; the lines between them; and a message instead when the screen is
 * too small for anything. Which side panes are wanted and how wide they are
 * is kept here; the focus is the dispatcher's.
 */
#ifndef COURTREAD_UI_FRAME_H
#define COURTREAD_UI_FRAME_H

#include <stdbool.h>

struct pane;

/* The panes in screen order. */
enum focus { FOCUS_COURTS, FOCUS_OUTLINE, FOCUS_READER, NR_FOCUS };

struct ui_frame {
    bool want[2];    /* the court list and outline are wanted (toggles) */
    int width[2];    /* their widths */
    enum focus side; /* the side pane shown when only one fits */
    bool shown[NR_FOCUS];
    int border[2]; /* the column of the line right of the court list, outline; -1: none */
    bool too_small;
};

/* Both side panes wanted, courts_width and outline_width wide. */
void ui_frame_init(struct ui_frame *fr, int courts_width, int outline_width);

/* Place panes (in screen order) on the screen, above its two bottom lines;
 * *focus moves to the reader when its pane is not wanted. false when the
 * screen is too small: every pane is hidden. */
bool ui_frame_place(struct ui_frame *fr, enum focus *focus, struct pane *const *panes);

/* Whether pane f is on the screen. */
bool ui_frame_shown(const struct ui_frame *fr, enum focus f);

/* Whether the screen is too small for the panes. */
bool ui_frame_too_small(const struct ui_frame *fr);

/* The wanted panes in screen order; returns how many. */
int ui_frame_wanted(const struct ui_frame *fr, enum focus *v);

/* Show or hide side pane side (0 the court list, 1 the outline); returns
 * whether it is now wanted. Place the panes again after. */
bool ui_frame_toggle(struct ui_frame *fr, int side);

/* Widen (or narrow, delta < 0) the side pane in focus, or the outline,
 * within the configured bounds. Place the panes again after. */
void ui_frame_widen(struct ui_frame *fr, enum focus focus, int delta);

/* Clear the screen with the lines between the panes; the line beside pane
 * focus stands out, with a pointer towards the pane halfway down. */
void ui_frame_draw(const struct ui_frame *fr, enum focus focus);

/* Say on the screen that it is too small. */
void ui_frame_draw_too_small(void);

#endif
