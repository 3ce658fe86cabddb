/*
 * prompt.h: the one-line editor of the bottom line's prompts (search
 * queries): UTF-8 text with a cursor at a character boundary, moved and
 * deleted by whole characters (a base with its combining marks), so
 * double-width characters and text typed through an input method edit as
 * the reader sees them; and history, walked with Up and Down. Keys are
 * keys.h keys; nothing here draws.
 */
#ifndef COURTREAD_PROMPT_H
#define COURTREAD_PROMPT_H

#include <stddef.h>

#include "util.h"

struct state_history;

struct prompt {
    struct sbuf text;
    size_t cursor; /* a byte offset into text */
    const struct state_history *history;
    size_t hist_pos;   /* history->nr while on the line being typed */
    struct sbuf typed; /* the line being typed, kept while walking history */
};

enum prompt_result {
    PROMPT_EDITED,  /* the text changed */
    PROMPT_MOVED,   /* only the cursor moved */
    PROMPT_ACCEPT,  /* Enter */
    PROMPT_CANCEL,  /* Esc or C-g */
    PROMPT_IGNORED, /* a key the prompt has no use for */
};

/* Start an empty prompt over history h (which may be NULL). */
void prompt_init(struct prompt *p, const struct state_history *h);
void prompt_release(struct prompt *p);

/* Characters (printable code points) are inserted at the cursor; Left,
 * Right, Home/C-a, End/C-e move; Backspace and Delete remove a character;
 * C-u removes everything before the cursor, C-w the word before it; Up and
 * Down walk the history; Enter accepts; Esc and C-g cancel. */
enum prompt_result prompt_key(struct prompt *p, int key);

#endif
