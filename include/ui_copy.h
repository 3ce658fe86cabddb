/*
 * ui_copy.h: quoting from the reader (v, y, Y): a selection made with the
 * movement keys, the paragraph or section y shows before it copies it, and
 * the copy (the quotation and its citation) sent out by OSC 52 and/or a
 * command, the message saying which was done.
 */
#ifndef COURTREAD_UI_COPY_H
#define COURTREAD_UI_COPY_H

#include <stdbool.h>

#include "keys.h"

struct config;
struct reader;
struct ui_status;

struct ui_copy {
    const struct config *cfg; /* [copy] and the citation */
    bool tmux_told;           /* the first OSC 52 copy under tmux said how to let it through */
};

void ui_copy_init(struct ui_copy *cp, const struct config *cfg);

/* v: start a selection at the reader's cursor; v again ends it. */
void ui_copy_visual(struct ui_copy *cp, struct reader *rd, struct ui_status *st);

/* A key while there is a selection: a movement action moves its cursor
 * end (true); false for the others. */
bool ui_copy_visual_key(struct ui_copy *cp, struct reader *rd, enum action a, struct ui_status *st);

/* Esc: end the selection; false when there was none. */
bool ui_copy_cancel(struct reader *rd, struct ui_status *st);

/* y and Y: copy the selection and its citation (court: the report's
 * court) and end it; with no selection, select the paragraph at the
 * cursor (section: its section) for a second y to copy. */
void ui_copy(struct ui_copy *cp, struct reader *rd, const char *court, bool section,
             struct ui_status *st);

#endif
