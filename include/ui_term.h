/*
 * ui_term.h: the terminal under the browser: curses started with the
 * theme's colours and always restored (on quitting, on a fatal error, on a
 * crash), the signals that ask the browser to stop, and input read as
 * keys.h keys, resizes and mouse events. ui_locale() (ui.h) lives here too.
 */
#ifndef COURTREAD_UI_TERM_H
#define COURTREAD_UI_TERM_H

#include <stdbool.h>

struct ui_setup;

enum ui_input_kind {
    INPUT_KEY,    /* key: a keys.h key, or -1 for a key with no name there */
    INPUT_RESIZE, /* the terminal changed size */
    INPUT_MOUSE,  /* a click (button 1) or the wheel, at y, x; or nothing */
    INPUT_STOP,   /* a signal asked to stop, or the terminal went away */
    INPUT_NONE,   /* ui_term_poll(): no input waits */
};

enum ui_mouse { MOUSE_NONE, MOUSE_CLICK, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN };

struct ui_input {
    enum ui_input_kind kind;
    int key;
    enum ui_mouse mouse;
    int y, x;   /* of the screen */
    int clicks; /* a click: 1, or 2 or 3 come as one */
};

/* Catch the signals, load the theme (its complaints go to setup->msgs)
 * and start curses. */
void ui_term_start(const struct ui_setup *setup);

/* Give the terminal back as it was; a no-op when curses is not on. */
void ui_term_stop(void);

/* Wait for the next input. */
void ui_term_read(struct ui_input *in);

/* The input that waits, without waiting: INPUT_NONE when there is none. */
void ui_term_poll(struct ui_input *in);

/* The signal that asked the browser to stop, or 0. */
int ui_term_signal(void);

/* The key ^C comes in as (SIGINT is caught: it never stops the browser). */
#define KEY_CTRL_C 3

/* Hand the terminal to another program (an editor, a shell command): the
 * screen and modes as they were before curses started, the mouse off.
 * ui_term_take_back() restores the browser's and redraws the screen; a ^C
 * typed meanwhile was the program's and is forgotten. */
void ui_term_lend(void);
void ui_term_take_back(void);

/* While the terminal is lent: print prompt and wait for one key (read
 * whole, not echoed). -1 when a signal asked to stop or input ended. */
int ui_term_wait_key(const char *prompt);

#endif
