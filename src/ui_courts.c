/*
 * ui_courts.c: the court list: which rows are shown (courts always, the
 * reports of expanded courts), the selection, and drawing.
 */
#include "ui_courts.h"

#include <stdio.h>
#include <stdlib.h>

#include "report.h"
#include "util.h"

static void add_row(struct courts_pane *cp, enum court_row_kind kind, size_t index, int depth)
{
    ALLOC_GROW(cp->rows, cp->nr + 1, cp->alloc);
    cp->rows[cp->nr].kind = kind;
    cp->rows[cp->nr].index = index;
    cp->rows[cp->nr].depth = depth;
    cp->nr++;
}

static bool title_matches(const struct courts_pane *cp, size_t report)
{
    const struct report *r = cp->reports[report];

    return r->title && search_has(cp->filter, r->title, strlen(r->title));
}

enum { SHOW_COURT = 1, SHOW_TITLES = 2 };

/*
 * Under a filter, what each court node shows: SHOW_TITLES when titles of its
 * reports match, SHOW_COURT when it or anything under it matches, so that a
 * court found deep in the tree shows in its place, under its ancestors.
 * Caller frees.
 */
static unsigned char *filter_marks(const struct courts_pane *cp)
{
    unsigned char *m = xcalloc(cp->tree->nr ? cp->tree->nr : 1, 1);

    /* the rows list parents before children: from the end, children first */
    for (size_t i = cp->courts.nr; i-- > 0;) {
        size_t k = cp->courts.v[i].node;
        const struct court_node *n = &cp->tree->v[k];

        for (size_t r = 0; r < n->nr_reports && !(m[k] & SHOW_TITLES); r++)
            if (title_matches(cp, n->reports[r]))
                m[k] |= SHOW_TITLES | SHOW_COURT;
        if (search_has(cp->filter, n->name, strlen(n->name)))
            m[k] |= SHOW_COURT;
        if ((m[k] & SHOW_COURT) && n->parent >= 0)
            m[n->parent] |= SHOW_COURT;
    }
    return m;
}

static void rebuild(struct courts_pane *cp)
{
    unsigned char *marks = cp->filter ? filter_marks(cp) : NULL;

    cp->nr = 0;
    for (size_t i = 0; i < cp->courts.nr; i++) {
        const struct court_row *c = &cp->courts.v[i];
        const struct court_node *n = &cp->tree->v[c->node];

        if (marks && !(marks[c->node] & SHOW_COURT))
            continue;
        add_row(cp, ROW_COURT, c->node, c->depth);
        for (size_t r = 0; r < n->nr_reports; r++)
            if (marks ? (marks[c->node] & SHOW_TITLES) && title_matches(cp, n->reports[r])
                      : cp->expanded[c->node])
                add_row(cp, ROW_REPORT, n->reports[r], c->depth + 1);
    }
    free(marks);
    if (cp->list.sel >= cp->nr)
        cp->list.sel = cp->nr ? cp->nr - 1 : 0;
    cp->pane.dirty = true;
}

void ui_courts_init(struct courts_pane *cp, const struct court_tree *t,
                    struct report *const *reports, size_t nr_reports)
{
    size_t k = 0;

    cp->tree = t;
    cp->reports = reports;
    cp->nr_reports = nr_reports;
    court_tree_rows(t, &cp->courts);
    cp->expanded = xcalloc(t->nr ? t->nr : 1, sizeof(*cp->expanded));
    cp->court_of = xcalloc(nr_reports ? nr_reports : 1, sizeof(*cp->court_of));
    cp->order = xcalloc(nr_reports ? nr_reports : 1, sizeof(*cp->order));
    cp->rank = xcalloc(nr_reports ? nr_reports : 1, sizeof(*cp->rank));
    for (size_t i = 0; i < cp->courts.nr; i++) {
        const struct court_node *n = &t->v[cp->courts.v[i].node];

        for (size_t r = 0; r < n->nr_reports; r++)
            if (n->reports[r] < nr_reports && k < nr_reports) {
                cp->court_of[n->reports[r]] = cp->courts.v[i].node;
                cp->rank[n->reports[r]] = k;
                cp->order[k++] = n->reports[r];
            }
    }
    cp->list.sel = cp->list.scroll = 0;
    ui_pane_list(&cp->pane, &cp->list, &cp->nr);
    rebuild(cp);
}

const struct courts_row *ui_courts_selected(const struct courts_pane *cp)
{
    return cp->nr ? &cp->rows[cp->list.sel] : NULL;
}

struct pane *ui_courts_pane(struct courts_pane *cp)
{
    return &cp->pane;
}

bool ui_courts_click(struct courts_pane *cp, int y)
{
    long row = ui_pane_row(&cp->pane, y);
    bool again;

    if (row < 0)
        return false;
    again = (size_t)row == cp->list.sel;
    ui_pane_select(&cp->pane, (size_t)row);
    if (again && cp->rows[row].kind == ROW_COURT)
        ui_courts_toggle(cp);
    return true;
}

void ui_courts_filter(struct courts_pane *cp, const struct search_query *q)
{
    cp->filter = q;
    cp->list.sel = cp->list.scroll = 0;
    rebuild(cp);
}

void ui_courts_toggle(struct courts_pane *cp)
{
    const struct courts_row *row = ui_courts_selected(cp);

    if (!row || row->kind != ROW_COURT)
        return;
    cp->expanded[row->index] = !cp->expanded[row->index];
    rebuild(cp);
}

void ui_courts_show_report(struct courts_pane *cp, size_t i)
{
    if (i >= cp->nr_reports)
        return;
    if (!cp->expanded[cp->court_of[i]]) {
        cp->expanded[cp->court_of[i]] = true;
        rebuild(cp);
    }
    for (size_t r = 0; r < cp->nr; r++)
        if (cp->rows[r].kind == ROW_REPORT && cp->rows[r].index == i)
            ui_pane_select(&cp->pane, r);
}

size_t ui_courts_nth(const struct courts_pane *cp, size_t k)
{
    return cp->order[k];
}

long ui_courts_step(const struct courts_pane *cp, size_t i, long n)
{
    long k = (long)cp->rank[i] + n;

    return i < cp->nr_reports && k >= 0 && (size_t)k < cp->nr_reports ? (long)cp->order[k] : -1;
}

const char *ui_courts_name_of(const struct courts_pane *cp, size_t i)
{
    return i < cp->nr_reports ? cp->tree->v[cp->court_of[i]].name : "";
}

/* Where a row of depth starts in a pane w wide: two columns a level, one in a
 * narrow pane, never past a third of it (a deep court's name matters more
 * than its indent). */
static int indent_of(int depth, int w)
{
    int x = 1 + (w >= 30 ? 2 : 1) * depth, most = w / 3 > 1 ? w / 3 : 1;

    return x < most ? x : most;
}

/*
 * A court: its fold mark (+ folded, - unfolded, · when it has no reports of
 * its own to unfold), its name cut short with … where it does not fit, and its
 * count on the right, always in sight.
 */
static void draw_court(const struct courts_pane *cp, int y, size_t i, attr_t a, attr_t quiet)
{
    const struct courts_row *row = &cp->rows[i];
    const struct court_node *n = &cp->tree->v[row->index];
    bool open = i + 1 < cp->nr && cp->rows[i + 1].kind == ROW_REPORT;
    char count[24];
    int w = cp->pane.w, x = indent_of(row->depth, w);
    int cw = snprintf(count, sizeof(count), "%zu", n->nr_reports), right = w - cw - 1;

    if (right - 1 - (x + 2) < 4)
        x = 1; /* too narrow for the indent: the name first */
    if (n->nr_reports)
        ui_draw_str(cp->pane.win, y, x, 1, open ? "-" : "+", a);
    else /* · may be two columns wide: the name starts after two anyway */
        ui_draw_str(cp->pane.win, y, x, 2, "·", quiet);
    ui_draw_clipped(cp->pane.win, y, x + 2, right - 1 - (x + 2), n->name, strlen(n->name), a);
    if (right > x + 2)
        ui_draw_str(cp->pane.win, y, right, cw, count, quiet);
}

/* The last path component: what a report without a title is called. */
static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');

    return s ? s + 1 : path;
}

/*
 * A report under its unfolded court: a › where a court has its fold mark,
 * the title (cut short with …) in the report role, the date on the right
 * when there is room for both.
 */
static void draw_report(const struct courts_pane *cp, int y, size_t i, attr_t a, attr_t quiet)
{
    const struct courts_row *row = &cp->rows[i];
    const struct report *r = cp->reports[row->index];
    const char *title = r->title ? r->title : base_name(r->path);
    int w = cp->pane.w, x = indent_of(row->depth, w), end = w - 1;
    int dw = r->date ? ui_text_cols(r->date, strlen(r->date)) : 0;

    if (end - (x + 2) < 4)
        x = 1;
    if (r->date && end - (x + 2) - dw - 1 >= 10) { /* ten columns of title at least */
        end -= dw;
        ui_draw_str(cp->pane.win, y, end, dw, r->date, quiet);
        end--;
    }
    ui_draw_str(cp->pane.win, y, x, 1, "›", quiet);
    ui_draw_clipped(cp->pane.win, y, x + 2, end - (x + 2), title, strlen(title), a);
}

void ui_courts_draw(struct courts_pane *cp, bool focused, long open_report)
{
    WINDOW *w = cp->pane.win;

    if (!w)
        return;
    for (int y = 0; y < cp->pane.h; y++) {
        size_t i = cp->list.scroll + (size_t)y;
        const struct courts_row *row = i < cp->nr ? &cp->rows[i] : NULL;
        bool report = row && row->kind == ROW_REPORT;
        attr_t a = ui_attr(report ? ROLE_REPORT : ROLE_COURT), quiet;

        if (report && (long)row->index == open_report)
            a = (a & ~A_DIM) | A_BOLD; /* bold and dim cancel out on many terminals */
        /* counts, dates and marks stay in the background, but not on the
         * selection's bar */
        quiet = a | A_DIM;
        if (row && i == cp->list.sel) {
            a = focused ? ui_attr(ROLE_SELECTED) : a | A_UNDERLINE;
            quiet = focused ? a : quiet | A_UNDERLINE;
        }
        ui_draw_fill(w, y, 0, cp->pane.w, a);
        if (report)
            draw_report(cp, y, i, a, quiet);
        else if (row)
            draw_court(cp, y, i, a, quiet);
    }
    wnoutrefresh(w);
    cp->pane.dirty = false;
}

void ui_courts_release(struct courts_pane *cp)
{
    court_rows_release(&cp->courts);
    free(cp->expanded);
    free(cp->court_of);
    free(cp->order);
    free(cp->rank);
    free(cp->rows);
    ui_pane_hide(&cp->pane);
    memset(cp, 0, sizeof(*cp));
}
