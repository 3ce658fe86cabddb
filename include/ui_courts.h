/*
 * ui_courts.h: the court list pane: the court tree, each court with its
 * number of reports; an expanded court lists its reports (title and date).
 * Also the order of all reports as the list shows them (for J and K).
 */
#ifndef COURTREAD_UI_COURTS_H
#define COURTREAD_UI_COURTS_H

#include "court_tree.h"
#include "search.h"
#include "ui_draw.h"

struct report;

enum court_row_kind { ROW_COURT, ROW_REPORT };

struct courts_row {
    enum court_row_kind kind;
    size_t index; /* a court node, or a report */
    int depth;
};

struct courts_pane {
    struct pane pane;
    const struct court_tree *tree;
    struct report *const *reports;
    size_t nr_reports;
    struct court_rows courts; /* every court, in order */
    bool *expanded;           /* per court node */
    size_t *court_of;         /* per report: its court node */
    size_t *order;            /* reports in list order */
    size_t *rank;             /* per report: its place in order */
    struct courts_row *rows;  /* what is shown */
    size_t nr, alloc;
    struct ui_list list;               /* over rows */
    const struct search_query *filter; /* show only what matches; NULL: all */
};

void ui_courts_init(struct courts_pane *cp, const struct court_tree *t,
                    struct report *const *reports, size_t nr_reports);

/* Show only the courts whose names match q, and the reports whose titles
 * do (under their courts, unfolded), each in its place under the courts
 * above it; NULL shows everything again. q must outlive its use. */
void ui_courts_filter(struct courts_pane *cp, const struct search_query *q);

/* Expand or fold the court at the selection. */
void ui_courts_toggle(struct courts_pane *cp);

/* Expand the court of report i and select it. */
void ui_courts_show_report(struct courts_pane *cp, size_t i);

/* The pane: a list pane of rows (ui_draw.h moves, scrolls and places it). */
struct pane *ui_courts_pane(struct courts_pane *cp);

/* A click on row y of the pane: select that row; a second click on a
 * selected court expands or folds it. False when no row is there. */
bool ui_courts_click(struct courts_pane *cp, int y);

/* The selected row. */
const struct courts_row *ui_courts_selected(const struct courts_pane *cp);

/* The k-th report in list order (k < the number of reports). */
size_t ui_courts_nth(const struct courts_pane *cp, size_t k);

/* The report n places after report i in list order (n may be negative), or
 * -1 past either end. */
long ui_courts_step(const struct courts_pane *cp, size_t i, long n);

/* The name of report i's court. */
const char *ui_courts_name_of(const struct courts_pane *cp, size_t i);

void ui_courts_draw(struct courts_pane *cp, bool focused, long open_report);
void ui_courts_release(struct courts_pane *cp);

#endif
