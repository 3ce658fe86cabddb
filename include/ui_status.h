/*
 * ui_status.h: the browser's two bottom lines: the status line (a library
 * search going on, the report open, its court and section, the match and
 * how far through it is) and the message line, which holds the last
 * message until the next key, or a prompt being typed.
 */
#ifndef COURTREAD_UI_STATUS_H
#define COURTREAD_UI_STATUS_H

#include "ui_draw.h"
#include "util.h"

struct prompt;
struct report;

struct ui_status {
    struct pane status, message;
    struct sbuf msg;
};

/* What the status line shows. */
struct status_info {
    const struct report *report; /* NULL: no report open */
    const char *court;           /* the report's court */
    long section;                /* the heading block being read, or -1 */
    long match;                  /* the current match (from 0), or -1 */
    size_t matches;              /* of how many */
    int percent;                 /* how far through the report */
    int help_key;                /* the key that shows help, or 0 */
    const char *filter[2];       /* what the court list, outline are filtered by; NULL: not */
    const char *pending;         /* a count being typed (the 50 of 50%), or NULL */
    const char *progress;        /* a library search going on: how far, or NULL */
};

/* Say something on the message line (replacing what was there), or add to it. */
void ui_status_say(struct ui_status *st, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ui_status_add(struct ui_status *st, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Clear the message (a message lasts until the next key). */
void ui_status_clear(struct ui_status *st);

/* The message shown ("" for none). */
const char *ui_status_said(const struct ui_status *st);

/* Place the two lines at the bottom of a screen of lines x cols. */
void ui_status_place(struct ui_status *st, int lines, int cols);
void ui_status_hide(struct ui_status *st);

void ui_status_draw(struct ui_status *st, const struct status_info *info);

/* The message line: the message, or prompt p after its lead (the text
 * scrolled left when it does not fit, the cursor where p's is) when p is
 * not NULL. Drawn last, so that the cursor stays there. */
void ui_status_draw_message(struct ui_status *st, const char *lead, const struct prompt *p);

void ui_status_release(struct ui_status *st);

#endif
