/*
 * keys.h: what each key does. Actions have names (the [keys] section of the
 * config file binds them), a line of help, and default keys in less and vi
 * habits. Keys are Unicode code points, or KEYC_* for keys that are not
 * characters; the UI translates curses' codes into these, so this module
 * never includes curses.
 */
#ifndef COURTREAD_KEYS_H
#define COURTREAD_KEYS_H

#include <stddef.h>

struct sbuf;

/* Keys that are not characters, above the last Unicode code point. */
enum {
    KEYC_BASE = 0x110000,
    KEYC_UP = KEYC_BASE,
    KEYC_DOWN,
    KEYC_LEFT,
    KEYC_RIGHT,
    KEYC_PGUP,
    KEYC_PGDN,
    KEYC_HOME,
    KEYC_END,
    KEYC_BTAB, /* Shift-Tab */
    KEYC_BACKSPACE,
    KEYC_DELETE,
    KEYC_F1, /* KEYC_F1 + n - 1 is Fn, up to F12 */
    KEYC_F12 = KEYC_F1 + 11,
    KEYC_END_OF_KEYS,
};

/* A key typed after Esc (or with Alt, which sends Esc first), as less reads
 * ESC-u: KEYC_META | key, named "M-u". */
#define KEYC_META 0x20000000

/* X(id, name, default keys, help): the actions, in the order help lists them. */
#define KEY_ACTIONS(X)                                                                             \
    X(DOWN, "down", "j Down C-n C-e", "move down / scroll one line down")                          \
    X(UP, "up", "k Up C-p C-y", "move up / scroll one line up")                                    \
    X(PAGE_DOWN, "page_down", "Space f PgDn C-f", "one page down")                                 \
    X(PAGE_UP, "page_up", "b PgUp C-b", "one page up")                                             \
    X(HALF_DOWN, "half_down", "d C-d", "half a page down")                                         \
    X(HALF_UP, "half_up", "u C-u", "half a page up")                                               \
    X(TOP, "top", "g Home <", "to the top")                                                        \
    X(BOTTOM, "bottom", "G End >", "to the end")                                                   \
    X(FOCUS_NEXT, "focus_next", "Tab", "focus the next pane")                                      \
    X(FOCUS_PREV, "focus_prev", "S-Tab", "focus the previous pane")                                \
    X(FOCUS_LEFT, "focus_left", "h Left", "focus the pane to the left")                            \
    X(FOCUS_RIGHT, "focus_right", "l Right", "focus the pane to the right")                        \
    X(OPEN, "open", "Enter", "open the court, report or section")                                  \
    X(SECTION_NEXT, "section_next", "]", "next section")                                           \
    X(SECTION_PREV, "section_prev", "[", "previous section")                                       \
    X(SECTION_1, "section_1", "1", "section 1")                                                    \
    X(SECTION_2, "section_2", "2", "section 2")                                                    \
    X(SECTION_3, "section_3", "3", "section 3")                                                    \
    X(SECTION_4, "section_4", "4", "section 4")                                                    \
    X(SECTION_5, "section_5", "5", "section 5")                                                    \
    X(SECTION_6, "section_6", "6", "section 6")                                                    \
    X(SECTION_7, "section_7", "7", "section 7")                                                    \
    X(SECTION_8, "section_8", "8", "section 8")                                                    \
    X(SECTION_9, "section_9", "9", "section 9")                                                    \
    X(REPORT_NEXT, "report_next", "J", "next report")                                              \
    X(REPORT_PREV, "report_prev", "K", "previous report")                                          \
    X(SEARCH_FORWARD, "search_forward", "/", "search forward (court list, outline: filter)")       \
    X(SEARCH_BACKWARD, "search_backward", "?", "search backward")                                  \
    X(SEARCH_NEXT, "search_next", "n", "the next match (in the search's direction)")               \
    X(SEARCH_PREV, "search_prev", "N", "the previous match")                                       \
    X(SEARCH_LIBRARY, "search_library", "s", "search all reports: a list of matches")              \
    X(RESULTS, "results", "R", "back to the list of matches")                                      \
    X(MARK, "mark", "m", "mark the position: then a letter")                                       \
    X(GOTO_MARK, "goto_mark", "'", "go to a mark: then a letter, or ' for the last position")      \
    X(COPY_PARAGRAPH, "copy_paragraph", "y", "copy the selection; none: show the paragraph")       \
    X(COPY_SECTION, "copy_section", "Y", "as y, the section")                                      \
    X(VISUAL, "visual", "v", "select: h l j k ( ) extend, y copies, Esc ends")                     \
    X(SENTENCE_NEXT, "sentence_next", ")", "in a selection: to the sentence's end")                \
    X(SENTENCE_PREV, "sentence_prev", "(", "in a selection: to the sentence's start")              \
    X(TOGGLE_COURTS, "toggle_courts", "c F2", "show or hide the court list")                       \
    X(TOGGLE_OUTLINE, "toggle_outline", "o F3", "show or hide the outline")                        \
    X(WIDER, "wider", "+", "widen the court list or outline")                                      \
    X(NARROWER, "narrower", "-", "narrow the court list or outline")                               \
    X(PERCENT, "percent", "%", "go to N% of the report, N typed first (50%)")                      \
    X(INFO, "info", "= C-g", "the report's file, date, source, courts, size and position")         \
    X(EDIT, "edit", "e", "open the report in $VISUAL or $EDITOR at this place")                    \
    X(PIPE, "pipe", "|", "pipe the report (Tab: the section) to a shell command")                  \
    X(CLEAR_HIGHLIGHT, "clear_highlight", "M-u", "clear the search highlight (n shows it again)")  \
    X(HELP, "help", "F1 H", "this help")                                                           \
    X(REDRAW, "redraw", "C-l", "redraw the screen")                                                \
    X(QUIT, "quit", "q", "quit")

enum action {
#define KEY_ENUM(id, name, keys, help) ACT_##id,
    KEY_ACTIONS(KEY_ENUM)
#undef KEY_ENUM
        NR_ACTIONS,
    ACT_NONE = -1,
};

#define KEYS_PER_ACTION 8

struct keymap {
    int keys[NR_ACTIONS][KEYS_PER_ACTION]; /* 0 ends a list */
};

/* The default bindings. */
void keys_init(struct keymap *m);

/* The action bound to key, or ACT_NONE. */
enum action keys_lookup(const struct keymap *m, int key);

/* The action called name, or ACT_NONE. */
enum action keys_action(const char *name);
const char *keys_action_name(enum action a);
const char *keys_action_help(enum action a);

/*
 * Bind action to the keys in spec (names separated by spaces), replacing its
 * keys; a key taken from another action is removed there. Returns -1 with a
 * reason in why (of size n) when a name is not a key, or names one that can
 * never reach the program (C-c and C-z, which the terminal turns into
 * signals; C-m, which arrives as Enter); nothing changes then.
 */
int keys_bind(struct keymap *m, enum action a, const char *spec, char *why, size_t n);

/* The key called name ("j", "Space", "C-l", "PgDn", "F1", "中", "M-u" or
 * "Esc-u" for u after Esc), or -1. */
int keys_parse(const char *name);

/* Append the name of key, as keys_parse() reads it, to out. */
void keys_name(int key, struct sbuf *out);

/* Append the names of an action's keys, separated by spaces, to out. */
void keys_names(const struct keymap *m, enum action a, struct sbuf *out);

#endif
