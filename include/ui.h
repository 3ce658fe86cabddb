/*
 * ui.h: the three-pane browser (court list, outline, reader) over a loaded
 * library. The caller loads the reports and the court tree; ui_run() owns
 * the terminal until the user quits, the terminal goes away or a signal
 * asks it to stop, and always restores it.
 */
#ifndef COURTREAD_UI_H
#define COURTREAD_UI_H

#include <stddef.h>

#include <stdbool.h>

struct config;
struct court_tree;
struct msgs;
struct report;
struct sbuf;
struct search_query;

/* Which of the library's reports query q can be in (mask[i] for report
 * i), from the library index; false when it cannot say (every report is
 * searched then). What the user is to know of it (the index still being
 * filled, say) goes into note, for the status line. */
typedef bool (*ui_candidates_fn)(void *ctx, const struct search_query *q, bool *mask,
                                 struct sbuf *note);

struct ui_setup {
    /* the library's reports: cards (report->card: path, fields and courts)
     * until they are opened or searched, then read in full in their place */
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
    ui_candidates_fn candidates;   /* NULL: every report is searched */
    void *candidates_ctx;
    /* called once the first screen is drawn, with candidates_ctx: work
     * that must not delay it starts there (NULL: none) */
    void (*shown)(void *ctx);
};

/* Check the locale can show Chinese (switching to a UTF-8 one if needed);
 * -1 with a message in why when it cannot. Call before ui_run(). (In
 * ui_term.c, with the rest of the terminal's set-up.) */
int ui_locale(char *why, size_t n);

/* Run the browser; returns the exit status. */
int ui_run(const struct ui_setup *setup);

#endif
