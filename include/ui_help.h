/*
 * ui_help.h: the help overlay over the panes: the keys of every action, as
 * bound, and what they do.
 */
#ifndef COURTREAD_UI_HELP_H
#define COURTREAD_UI_HELP_H

#include <stdbool.h>
#include <stddef.h>

#include "keys.h"

struct ui_help {
    bool shown;
    size_t scroll; /* the first line shown */
};

/* Show help from its first line. */
void ui_help_open(struct ui_help *hp);

bool ui_help_shown(const struct ui_help *hp);

/* A key while help is shown: a movement scrolls it (true), anything else
 * closes it (false: the screen is to be drawn again). */
bool ui_help_key(struct ui_help *hp, enum action a);

/* Draw help for keys over the panes. */
void ui_help_draw(struct ui_help *hp, const struct keymap *keys);

#endif
