/*
 * ui_search.h: the browser's search controller: the query and its hits in
 * the open report (n and N walk them), the prompts on the bottom line (a
 * search as typed, a search of the library, a filter of the court list or
 * the outline) with their history, and the list of matches across the
 * library. It drives the panes through their functions; what it cannot do
 * (focus, opening a report, the outline following the reader) it returns
 * to the dispatcher (ui.c).
 */
#ifndef COURTREAD_UI_SEARCH_H
#define COURTREAD_UI_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "keys.h"
#include "prompt.h"
#include "results_stream.h"
#include "search.h"
#include "state.h"
#include "ui_results.h"
#include "util.h"

struct courts_pane;
struct msgs;
struct outline_pane;
struct reader;
struct report;
struct ui_status;

/* What the bottom line's prompt is for. */
enum ui_ask { ASK_NONE, ASK_SEARCH, ASK_LIBRARY, ASK_FILTER_COURTS, ASK_FILTER_OUTLINE };

/* What a search did that the dispatcher finishes. */
enum {
    SEARCH_MOVED = 1,  /* the reader shows another place: the outline follows */
    SEARCH_SCREEN = 2, /* the list of matches was shown or closed: draw everything */
    SEARCH_OPEN = 4,   /* n or N went past the report's matches: open
                          ui_search_next_match() */
};

struct ui_search {
    /* the panes driven, and where messages go */
    struct reader *reader;
    struct courts_pane *courts;
    struct outline_pane *outline;
    struct ui_status *status;
    struct report **reports; /* cards read in full here when searched */
    size_t nr_reports;
    const char *encoding; /* to read them: --encoding, or NULL */
    bool (*candidates)(void *ctx, const struct search_query *q, bool *mask, struct sbuf *note);
    void *candidates_ctx;

    /* the query (also the library search's), its hits in the open report,
     * the direction n goes */
    struct sbuf query_text;
    struct search_query query;
    bool has_query;
    bool query_regex; /* the query is a regular expression */
    bool regex;       /* the prompts read regular expressions (^R toggles) */
    struct search_hits hits;
    int dir;
    /* the prompt, and what Esc goes back to */
    enum ui_ask asking;
    struct prompt prompt;
    size_t origin_top;
    struct sbuf saved_query;
    int saved_dir;
    bool saved_regex;
    struct state_history history;
    char *history_file;
    /* the filters of the court list [0] and outline [1], their text, and
     * the report the outline's is of (a report opened is shown whole) */
    struct search_query filter[2];
    bool has_filter[2];
    struct sbuf filter_text[2];
    const struct report *filtered_report;
    enum ui_ask filtered; /* the pane filtered last (ASK_FILTER_*), or ASK_NONE */
    bool unlit;           /* the highlight is cleared (ESC-u) until n, N or a new search */
    /* matches across the library */
    struct results_view results;
    bool results_regex; /* the list's query was a regular expression */
    bool show_results;
    long next_match; /* the list's match n or N goes on to (SEARCH_OPEN) */
    /* a library search going on, a batch of reports at a time between keys
     * (ui_search_work()); its matches are listed as soon as they fill the
     * list's first screen */
    bool searching;
    struct results_stream stream;
    struct results found; /* its matches, until they are listed */
    bool listed;          /* the list of matches is its */
    char *stream_query;   /* its query as typed */
    bool stream_regex;
    char *stream_note;     /* what the index said of it, said again when it ends */
    int results_key;       /* the key that shows the list again (R), for messages */
    struct sbuf progress;  /* "searching… …" for the status line */
    long long progress_ms; /* when that was said */
};

/* The text the court list (ASK_FILTER_COURTS) or the outline
 * (ASK_FILTER_OUTLINE) is filtered by, or NULL when it shows everything. */
const char *ui_search_filter(const struct ui_search *s, enum ui_ask kind);

/* Start with no query over the panes given; the history is kept beside
 * state_file (NULL: none), a failure to read it said in msgs. */
void ui_search_init(struct ui_search *s, struct reader *rd, struct courts_pane *cp,
                    struct outline_pane *op, struct ui_status *st, struct report **reports,
                    size_t nr_reports, const char *state_file, struct msgs *msgs);
void ui_search_release(struct ui_search *s);

/* The reader opened another report: find the query in it. */
void ui_search_opened(struct ui_search *s);

/* Whether there is a query for n and N. */
bool ui_search_active(const struct ui_search *s);

/* The current match (from 0) in the open report and how many there are,
 * or -1 when none stands out. */
long ui_search_match(const struct ui_search *s, size_t *of);

/* n (dir 1) and N (dir -1): the next match in the search's direction,
 * from the one shown or from the top of the reader; past the report's last
 * (first) match, when the list of matches is this query's, the next
 * (previous) report's first (last) match there (SEARCH_OPEN), else round
 * the report. SEARCH_* flags. */
unsigned ui_search_step(struct ui_search *s, int dir);

/* The match SEARCH_OPEN asks to open (its report, then ui_search_goto()). */
const struct result *ui_search_next_match(const struct ui_search *s);

/* Go to the first match at or after byte off of the open report. */
unsigned ui_search_goto(struct ui_search *s, size_t off);

/* Open the prompt for kind; dir is a search's direction. */
void ui_search_start(struct ui_search *s, enum ui_ask kind, int dir);

/* The prompt being typed and what leads it, or NULL. */
const struct prompt *ui_search_prompt(const struct ui_search *s, const char **lead);

/* A key while the prompt is open; ^R switches a search between text and
 * regular expression. SEARCH_* flags. */
unsigned ui_search_prompt_key(struct ui_search *s, int key);

/* Whether the list of matches is shown. */
bool ui_search_results_shown(const struct ui_search *s);

/* Show the list of matches again; false (and a message) when there is none. */
bool ui_search_results_show(struct ui_search *s);

/* A key while the list of matches is shown: movement moves in it, Esc, q
 * and R close it, s asks for a new search. The match to open (Enter, which
 * closes the list), or NULL; *flags gets SEARCH_* flags. */
const struct result *ui_search_results_key(struct ui_search *s, enum action a, int key,
                                           unsigned *flags);

/* Place the list of matches over the panes (h rows, w columns) if shown. */
void ui_search_place(struct ui_search *s, int h, int w);

/* Hide the list's window (the terminal is too small). */
void ui_search_hide(struct ui_search *s);

/* Clear the highlight of the matches (ESC-u); n, N and a new search bring
 * it back. false when there is no search. */
bool ui_search_unlight(struct ui_search *s);

/* Drop a filter kept on the court list or outline (Esc, ^C), the one kept
 * last first; false when there is none. */
bool ui_search_drop_filter(struct ui_search *s);

/* Whether a library search is going on: call ui_search_work() while no
 * key waits. */
bool ui_search_running(const struct ui_search *s);

/* Search the next batch of reports (a few milliseconds): the list of
 * matches is shown once they fill its first screen, or when the search
 * ends with any; the end says what it found as a whole search does.
 * SEARCH_* flags. */
unsigned ui_search_work(struct ui_search *s);

/* Esc or ^C: stop the library search going on (what is listed stays);
 * false when none is. */
bool ui_search_stop(struct ui_search *s);

/* What the status line says of the library search going on, or NULL. */
const char *ui_search_progress(const struct ui_search *s);

/* Report i was loaded again (its text changed): the list of matches, made
 * from the old text, goes, and a library search going on stops. */
void ui_search_reloaded(struct ui_search *s, size_t i);

/* Draw the list of matches when it changed, or always when all. */
void ui_search_draw(struct ui_search *s, bool all);

#endif
