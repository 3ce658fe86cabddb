/*
 * ui_results.h: the list of matches across the library, shown over the
 * panes: two rows per match (court · title · section, then the match in a
 * snippet of its paragraph, highlighted), a selection, scrolling.
 */
#ifndef COURTREAD_UI_RESULTS_H
#define COURTREAD_UI_RESULTS_H

#include "results.h"
#include "ui_draw.h"

struct report;

struct results_view {
    struct pane pane;
    struct results results;
    struct report **reports; /* a card among them read in full while its rows show */
    const char *encoding;    /* to read them: --encoding, or NULL */
    char *query;             /* as typed */
    char *note; /* after the count: the search still going on, or stopped; NULL: none */
    struct ui_list list;
};

/* Show res (taken over) for query over reports (read with encoding). */
void ui_results_set(struct results_view *rv, struct results *res, const char *query,
                    struct report **reports, const char *encoding);

/* Add more (emptied) at the end of the list: the matches of a search
 * still going on. */
void ui_results_append(struct results_view *rv, struct results *more);

/* Say note after the count in the heading (NULL: nothing). */
void ui_results_note(struct results_view *rv, const char *note);

/* The results a pane of h rows shows at once. */
size_t ui_results_fit(int h);

/* The pane was placed anew: no rows left empty, the selection in sight. */
void ui_results_resized(struct results_view *rv);

/* The result n (dir 1) or N (dir -1) goes to past report's matches: the
 * first of the next report in the list or the last of the one before,
 * round the ends; -1 when report has no match in the list. */
long ui_results_find(const struct results_view *rv, size_t report, int dir);

/* Result i, or NULL past the end. */
const struct result *ui_results_get(const struct results_view *rv, size_t i);

/* The pane's window (placed and hidden by the caller). */
struct pane *ui_results_pane(struct results_view *rv);

/* Whether a list of matches has been made. */
bool ui_results_made(const struct results_view *rv);

/* The query of the list of matches, as typed (NULL before the first). */
const char *ui_results_query(const struct results_view *rv);

/* A movement action (keys.h) moves the selection; false for others. */
bool ui_results_key(struct results_view *rv, enum action a);

void ui_results_select(struct results_view *rv, size_t i);

/* The result at row y of the pane, or -1. */
long ui_results_at(const struct results_view *rv, int y);

/* The selected result, or NULL when there are none. */
const struct result *ui_results_selected(const struct results_view *rv);

void ui_results_draw(struct results_view *rv);
void ui_results_release(struct results_view *rv);

#endif
