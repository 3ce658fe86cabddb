/*
 * ui.h: the three-pane browser (court list, outline, reader) over a loaded
 * library. The caller loads the reports and the court tree; ui_run() owns
 * the terminal until the user quits, the terminal goes away or a signal
 * asks it to stop, and always restores it.
 */
#ifndef COURTREAD_UI_H
#define COURTREAD_UI_H

#include <stddef.h>

struct config;
struct court_tree;
struct msgs;
struct report;

struct ui_setup {
    struct report **reports;
    size_t nr_reports;
    const struct court_tree *tree;
    const struct config *cfg;
    const char *theme;             /* --theme NAME|FILE, or NULL */
    const char *const *theme_dirs; /* folders of themes, NULL-terminated */
    const char *state_file;        /* NULL: no state is read or kept */
    int ambiguous;                 /* 1 or 2 */
    int reader_width;              /* the reader's measure (--width, reader_width); 0: whole */
    struct msgs *msgs;             /* shown on the bottom line at start */
    const char *encoding;          /* --encoding, to read a report again; NULL: detect */
};

/* Check the locale can show Chinese (switching to a UTF-8 one if needed);
 * -1 with a message in why when it cannot. Call before ui_run(). (In
 * ui_term.c, with the rest of the terminal's set-up.) */
int ui_locale(char *why, size_t n);

/* Run the browser; returns the exit status. */
int ui_run(const struct ui_setup *setup);

#endif
