/*
 * ui_count.h: the number typed before a key, as less and vi read "50%":
 * its digits, and where the reader was before the first of them (where ''
 * goes back to after the jump). Knows nothing of the keys that use it.
 */
#ifndef COURTREAD_UI_COUNT_H
#define COURTREAD_UI_COUNT_H

#include <stdbool.h>

#include "ui_marks.h"

struct sbuf;

/* Larger counts stop growing (no key wants more than a percentage). */
#define UI_COUNT_MAX 9999999UL

struct ui_count {
    bool on;
    unsigned long n;
    struct position from; /* where the reader was before the first digit */
};

/* Digit d (0-9) typed at position here: the first one starts the count. */
void ui_count_digit(struct ui_count *c, int d, struct position here);

/* The count and where it started, taken (the count is then cleared);
 * false when no digit was typed. */
bool ui_count_take(struct ui_count *c, unsigned long *n, struct position *from);

/* Forget the count; false when there was none. */
bool ui_count_clear(struct ui_count *c);

/* Append the count as the status line shows it (nothing when there is none). */
void ui_count_show(const struct ui_count *c, struct sbuf *out);

#endif
