/*
 * ui_frame.c: the panes' places for the terminal's size (LINES and COLS)
 * and what is drawn between them. Places the panes' windows; what they show
 * is theirs to work out again for their new size.
 */
#include "ui_frame.h"

#include <stdio.h>
#include <string.h>

#include "config.h"
#include "ui_draw.h"

/* The reader gets at least this many columns before a side pane is shown
 * beside it; below it the panes collapse (the court list first). */
#define READER_COMFORT 40
/* Smaller than this, nothing is drawn but a message. */
#define MIN_COLS  20
#define MIN_LINES 5

void ui_frame_init(struct ui_frame *fr, int courts_width, int outline_width)
{
    memset(fr, 0, sizeof(*fr));
    fr->want[0] = fr->want[1] = true;
    fr->width[0] = courts_width;
    fr->width[1] = outline_width;
    fr->side = FOCUS_OUTLINE;
    fr->border[0] = fr->border[1] = -1;
}

bool ui_frame_place(struct ui_frame *fr, enum focus *focus, struct pane *const *panes)
{
    int h = LINES - 2, w = COLS, cw = fr->width[0], ow = fr->width[1], x = 0, sw[2];
    bool c = fr->want[0], o = fr->want[1];

    memset(fr->shown, 0, sizeof(fr->shown));
    fr->too_small = COLS < MIN_COLS || LINES < MIN_LINES;
    if ((*focus == FOCUS_COURTS && !c) || (*focus == FOCUS_OUTLINE && !o))
        *focus = FOCUS_READER;
    if (*focus != FOCUS_READER)
        fr->side = *focus;
    if (!fr->want[fr->side])
        fr->side = fr->side == FOCUS_COURTS ? FOCUS_OUTLINE : FOCUS_COURTS;
    if (fr->too_small) {
        for (int f = 0; f < NR_FOCUS; f++)
            ui_pane_hide(panes[f]);
        return false;
    }
    if (c && o && w >= cw + ow + 2 + READER_COMFORT) {
        fr->shown[FOCUS_COURTS] = fr->shown[FOCUS_OUTLINE] = true;
    } else if ((c || o) && w >= CONFIG_PANE_MIN + 1 + READER_COMFORT) {
        int *side_w = &fr->width[fr->side];

        fr->shown[fr->side] = true;
        if (fr->side == FOCUS_COURTS)
            cw = *side_w < w - 1 - READER_COMFORT ? *side_w : w - 1 - READER_COMFORT;
        else
            ow = *side_w < w - 1 - READER_COMFORT ? *side_w : w - 1 - READER_COMFORT;
    }
    fr->shown[FOCUS_READER] = true;
    if (!fr->shown[FOCUS_COURTS] && !fr->shown[FOCUS_OUTLINE] && *focus != FOCUS_READER) {
        /* one pane at a time: the focused one fills the screen */
        fr->shown[FOCUS_READER] = false;
        fr->shown[*focus] = true;
        cw = ow = w;
    }
    sw[0] = cw;
    sw[1] = ow;
    for (int f = FOCUS_COURTS; f <= FOCUS_OUTLINE; f++) {
        fr->border[f] = -1;
        if (fr->shown[f]) {
            ui_pane_place(panes[f], 0, x, h, sw[f]);
            x += sw[f];
            if (sw[f] < w)
                fr->border[f] = x++;
        } else {
            ui_pane_hide(panes[f]);
        }
    }
    if (fr->shown[FOCUS_READER])
        ui_pane_place(panes[FOCUS_READER], 0, x, h, w - x);
    else
        ui_pane_hide(panes[FOCUS_READER]);
    return true;
}

bool ui_frame_shown(const struct ui_frame *fr, enum focus f)
{
    return fr->shown[f];
}

bool ui_frame_too_small(const struct ui_frame *fr)
{
    return fr->too_small;
}

int ui_frame_wanted(const struct ui_frame *fr, enum focus *v)
{
    int n = 0;

    if (fr->want[0])
        v[n++] = FOCUS_COURTS;
    if (fr->want[1])
        v[n++] = FOCUS_OUTLINE;
    v[n++] = FOCUS_READER;
    return n;
}

bool ui_frame_toggle(struct ui_frame *fr, int side)
{
    fr->want[side] = !fr->want[side];
    if (fr->want[side])
        fr->side = side ? FOCUS_OUTLINE : FOCUS_COURTS;
    return fr->want[side];
}

void ui_frame_widen(struct ui_frame *fr, enum focus focus, int delta)
{
    int *w = &fr->width[focus == FOCUS_COURTS ? 0 : 1];

    *w += delta;
    if (*w < CONFIG_PANE_MIN)
        *w = CONFIG_PANE_MIN;
    if (*w > CONFIG_PANE_MAX)
        *w = CONFIG_PANE_MAX;
}

/* The column of the line beside pane focus, and whether the pane is to its
 * left; -1 when there is none (one pane at a time). A side pane's is the
 * line on its right, the reader's the line on its left: one line for each
 * pane, so the outline and the reader never mark the same one alike. */
static int focus_line(const struct ui_frame *fr, enum focus focus, bool *pane_left)
{
    *pane_left = focus != FOCUS_READER;
    if (focus != FOCUS_READER)
        return fr->shown[focus] && fr->shown[FOCUS_READER] ? fr->border[focus] : -1;
    if (!fr->shown[FOCUS_READER])
        return -1;
    return fr->shown[FOCUS_OUTLINE]  ? fr->border[FOCUS_OUTLINE]
           : fr->shown[FOCUS_COURTS] ? fr->border[FOCUS_COURTS]
                                     : -1;
}

void ui_frame_draw(const struct ui_frame *fr, enum focus focus)
{
    attr_t b = ui_attr(ROLE_BORDER), fa = ui_attr(ROLE_FOCUS_BORDER);
    bool pane_left;
    int x = focus_line(fr, focus, &pane_left);

    erase();
    for (int f = FOCUS_COURTS; f <= FOCUS_OUTLINE; f++)
        if (fr->shown[f] && fr->border[f] >= 0)
            mvwvline_set(stdscr, 0, fr->border[f], WACS_VLINE, LINES - 2);
    for (int y = 0; y < LINES - 2; y++) {
        mvwchgat(stdscr, y, 0, -1, b & ~A_COLOR, (short)PAIR_NUMBER(b), NULL);
        if (x >= 0)
            mvwchgat(stdscr, y, x, 1, fa & ~A_COLOR, (short)PAIR_NUMBER(fa), NULL);
    }
    /* the pointer, as tmux's pane-border-indicators: with no colour (mono,
     * NO_COLOR) a bold line alone is easy to miss; halfway down, where the
     * top line's text and the last rows of the lists are not */
    if (x >= 0)
        ui_draw_str(stdscr, (LINES - 2) / 2, x, 1, pane_left ? "◂" : "▸", fa);
    wnoutrefresh(stdscr);
}

void ui_frame_draw_too_small(void)
{
    char msg[64];

    snprintf(msg, sizeof(msg), "too small (%dx%d): enlarge", COLS, LINES);
    erase();
    ui_draw_str(stdscr, 0, 0, COLS, msg, A_NORMAL);
    wnoutrefresh(stdscr);
    doupdate();
}
