/*
 * ui_width.h: curses measures the screen with the same widths as the layout.
 * ncursesw counts a character's cells with libc's wcwidth(); the executable
 * defines wcwidth() itself (ui_width.c), and the dynamic linker gives
 * libncursesw that one, so a line the layout made W columns wide takes W
 * cells on screen, with ambiguous characters 1 or 2 wide as set here
 * (TECH-NOTES §3, §8).
 */
#ifndef COURTREAD_UI_WIDTH_H
#define COURTREAD_UI_WIDTH_H

/* Columns of East Asian Ambiguous characters for curses: 1 or 2. */
void ui_width_set_ambiguous(int ambiguous);

#endif
