/*
 * ui_width.c: wcwidth() for ncursesw, from width.c. The one mutable global
 * of the UI's width: wcwidth() takes no context, and the setting is made once
 * at start-up before curses draws anything.
 */
#include "ui_width.h"

#include <stdint.h>
#include <wchar.h>

#include "width.h"

static int ambiguous = 1;

void ui_width_set_ambiguous(int amb)
{
    ambiguous = amb == 2 ? 2 : 1;
}

/* Replaces libc's for the whole program (only curses calls it). */
int wcwidth(wchar_t c)
{
    if (c == 0)
        return 0;
    if (c < 0x20 || (c >= 0x7F && c < 0xA0))
        return -1; /* not printable, as libc says */
    return width_of((uint32_t)c, ambiguous);
}
