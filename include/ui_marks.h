/*
 * ui_marks.h: the browser's reading positions: marks a-z and A-Z (m and '),
 * the place before the last jump ('' goes back to it), and where each
 * report was left, kept in the state file between runs. Positions are a
 * report's index and a byte offset into its text. Draws nothing.
 */
#ifndef COURTREAD_UI_MARKS_H
#define COURTREAD_UI_MARKS_H

#include <stdbool.h>
#include <stddef.h>

#include "keys.h"
#include "state.h"

struct msgs;
struct report;
struct ui_status;

struct position {
    long report; /* -1: not set */
    size_t off;
};

struct ui_marks {
    struct position marks[52], prev;
    struct state state;
    const char *state_file; /* NULL: nothing is read or kept */
    struct ui_status *status;
};

/* No marks; the positions saved in state_file (may be NULL), a failure to
 * read it said in msgs; messages go to st. */
void ui_marks_init(struct ui_marks *m, const char *state_file, struct ui_status *st,
                   struct msgs *msgs);
void ui_marks_release(struct ui_marks *m);

/* Where r was left (SIZE_MAX: not known). */
size_t ui_marks_saved(const struct ui_marks *m, const struct report *r);

/* Remember that r (the one read last) is being left at byte off. */
void ui_marks_remember(struct ui_marks *m, const struct report *r, size_t off);

/* Remember r at off, then write the state file; a failure is said. */
void ui_marks_save(struct ui_marks *m, const struct report *r, size_t off);

/* The index of the report read last among nr reports, or -1. */
long ui_marks_last(const struct ui_marks *m, struct report *const *reports, size_t nr);

/* A jump leaves from: '' comes back here. */
void ui_marks_leave(struct ui_marks *m, struct position from);

/* The letter (or ') typed after m (pending ACT_MARK) or ' (ACT_GOTO_MARK)
 * at position here (report -1: none open): sets a mark, or gives in *to
 * the position to jump to (true). Messages say what was done or why not. */
bool ui_marks_key(struct ui_marks *m, enum action pending, int key, struct position here,
                  struct position *to);

#endif
