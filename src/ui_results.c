/*
 * ui_results.c: the results view: what each match is shown with, and the
 * list's selection. Two screen rows per result.
 */
#include "ui_results.h"

#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "report.h"
#include "util.h"

#define ROWS_PER 2

size_t ui_results_fit(int h)
{
    int n = (h - 1) / ROWS_PER; /* the first row is the heading */

    return n > 0 ? (size_t)n : 1;
}

/* Entries (results) that fit in the pane. */
static int fits(const struct results_view *rv)
{
    return (int)ui_results_fit(rv->pane.h);
}

void ui_results_set(struct results_view *rv, struct results *res, const char *query,
                    struct report **reports, const char *encoding)
{
    results_release(&rv->results);
    rv->results = *res;
    memset(res, 0, sizeof(*res));
    free(rv->query);
    rv->query = xstrdup(query);
    rv->reports = reports;
    rv->encoding = encoding;
    free(rv->note);
    rv->note = NULL;
    rv->list.sel = rv->list.scroll = 0;
    rv->pane.dirty = true;
}

void ui_results_append(struct results_view *rv, struct results *more)
{
    if (!more->nr)
        return;
    /* the rows on the screen change only while it is not full; the
     * heading's count is drawn again with the note */
    if (rv->results.nr < rv->list.scroll + (size_t)fits(rv))
        rv->pane.dirty = true;
    ALLOC_GROW(rv->results.v, rv->results.nr + more->nr, rv->results.alloc);
    memcpy(rv->results.v + rv->results.nr, more->v, more->nr * sizeof(*more->v));
    rv->results.nr += more->nr;
    more->nr = 0;
}

void ui_results_note(struct results_view *rv, const char *note)
{
    free(rv->note);
    rv->note = note ? xstrdup(note) : NULL;
    rv->pane.dirty = true;
}

void ui_results_select(struct results_view *rv, size_t i)
{
    ui_list_select(&rv->list, rv->results.nr, i, fits(rv));
    rv->pane.dirty = true;
}

void ui_results_resized(struct results_view *rv)
{
    size_t rows = (size_t)fits(rv);

    /* taller: no rows left empty below the last result; shorter: the
     * selection stays in sight */
    if (rv->list.scroll + rows > rv->results.nr)
        rv->list.scroll = rv->results.nr > rows ? rv->results.nr - rows : 0;
    ui_results_select(rv, rv->list.sel);
}

long ui_results_find(const struct results_view *rv, size_t report, int dir)
{
    size_t first = SIZE_MAX, last = 0;

    for (size_t i = 0; i < rv->results.nr; i++)
        if (rv->results.v[i].report == report) {
            if (first == SIZE_MAX)
                first = i;
            last = i;
        }
    if (first == SIZE_MAX)
        return -1;
    if (dir > 0)
        return last + 1 < rv->results.nr ? (long)last + 1 : 0;
    return first ? (long)first - 1 : (long)rv->results.nr - 1;
}

const struct result *ui_results_get(const struct results_view *rv, size_t i)
{
    return i < rv->results.nr ? &rv->results.v[i] : NULL;
}

struct pane *ui_results_pane(struct results_view *rv)
{
    return &rv->pane;
}

bool ui_results_made(const struct results_view *rv)
{
    return rv->query != NULL;
}

const char *ui_results_query(const struct results_view *rv)
{
    return rv->query;
}

/* A page is the results that fit (two rows each), no line of context. */
bool ui_results_key(struct results_view *rv, enum action a)
{
    size_t to;

    if (!ui_list_key(rv->list.sel, fits(rv), a, &to))
        return false;
    ui_results_select(rv, to);
    return true;
}

long ui_results_at(const struct results_view *rv, int y)
{
    return y < 1 ? -1 : ui_list_at(&rv->list, rv->results.nr, (y - 1) / ROWS_PER);
}

const struct result *ui_results_selected(const struct results_view *rv)
{
    return rv->results.nr ? &rv->results.v[rv->list.sel] : NULL;
}

/* The reports read for a drawing (fill_shown()), and which of them are no
 * longer what was searched: their files changed since. */
struct shown {
    size_t *filled, nr;
    size_t *changed, nr_changed;
};

/* Whether hit h can be shown in report i (r): read in full, as it was when
 * it was searched. */
static bool hit_in(const struct shown *sh, size_t i, const struct report *r,
                   const struct search_hit *h)
{
    for (size_t k = 0; k < sh->nr_changed; k++)
        if (sh->changed[k] == i)
            return false;
    return !r->card && h->off <= r->len && h->len <= r->len - h->off &&
           (h->off == r->len || ((unsigned char)r->text[h->off] & 0xC0) != 0x80) &&
           (h->off + h->len == r->len || ((unsigned char)r->text[h->off + h->len] & 0xC0) != 0x80);
}

/* Row y: the snippet of result res, its match highlighted. */
static void draw_snippet(struct results_view *rv, const struct shown *sh, int y,
                         const struct result *res, attr_t a)
{
    const struct report *r = rv->reports[res->report];
    struct sbuf sb = SBUF_INIT;
    size_t hl_off, hl_len;
    int col = 4, w = rv->pane.w - 1;

    if (!hit_in(sh, res->report, r, &res->hit)) {
        ui_draw_str(rv->pane.win, y, col, w - col,
                    r->card ? "(the report cannot be read again)"
                            : "(the report changed since the search: Enter opens it as it is)",
                    a);
        return;
    }
    /* context a wide character's two columns can afford before the match */
    results_snippet(r, &res->hit, (size_t)(w > 30 ? (w - 4) / 5 : 5), &sb, &hl_off, &hl_len);
    col += ui_draw_text(rv->pane.win, y, col, w - col, sb.buf, hl_off, a);
    col += ui_draw_text(rv->pane.win, y, col, w - col, sb.buf + hl_off, hl_len,
                        ui_attr(ROLE_CURRENT_MATCH));
    ui_draw_text(rv->pane.win, y, col, w - col, sb.buf + hl_off + hl_len, sb.len - hl_off - hl_len,
                 a);
    sbuf_release(&sb);
}

/* The reports of the rows on screen that are cards (the search left them
 * so: the library stays out of memory) read in full for their sections
 * and snippets, a copy of each file by its text map; which they are, for
 * unfill() after the drawing, and which hash otherwise than when they were
 * searched (the card keeps the sum of the bytes searched). */
static void fill_shown(struct results_view *rv, struct shown *sh)
{
    size_t n = (size_t)(fits(rv) > 0 ? fits(rv) : 1);

    memset(sh, 0, sizeof(*sh));
    sh->filled = xmalloc(n * sizeof(*sh->filled));
    sh->changed = xmalloc(n * sizeof(*sh->changed));
    for (int e = 0; e < fits(rv); e++) {
        size_t i = rv->list.scroll + (size_t)e, r;
        struct report **slot;
        struct err err;
        uint64_t searched;

        if (i >= rv->results.nr)
            break;
        r = rv->results.v[i].report;
        slot = &rv->reports[r];
        searched = (*slot)->sum;
        if (!(*slot)->card || library_fill(slot, rv->encoding, &err) < 0)
            continue;
        sh->filled[sh->nr++] = r;
        if (searched && (*slot)->sum != searched)
            sh->changed[sh->nr_changed++] = r;
    }
}

static void unfill(struct results_view *rv, struct shown *sh)
{
    for (size_t k = 0; k < sh->nr; k++)
        library_unfill(&rv->reports[sh->filled[k]]);
    free(sh->filled);
    free(sh->changed);
}

void ui_results_draw(struct results_view *rv)
{
    WINDOW *w = rv->pane.win;
    struct sbuf sb = SBUF_INIT;
    size_t nr_reports = 0, last = SIZE_MAX;
    struct shown sh;

    if (!w)
        return;
    fill_shown(rv, &sh);
    for (size_t i = 0; i < rv->results.nr; i++)
        if (rv->results.v[i].report != last) {
            nr_reports++;
            last = rv->results.v[i].report;
        }
    sbuf_addf(&sb, " %zu match%s of “%s” in %zu report%s", rv->results.nr,
              rv->results.nr == 1 ? "" : "es", rv->query ? rv->query : "", nr_reports,
              nr_reports == 1 ? "" : "s");
    if (rv->note)
        sbuf_addf(&sb, " %s", rv->note);
    ui_draw_fill(w, 0, 0, rv->pane.w, ui_attr(ROLE_TITLE));
    ui_draw_text(w, 0, 0, rv->pane.w, sb.buf, sb.len, ui_attr(ROLE_TITLE));
    if (rv->results.nr) { /* which is selected, of how many, at the right as less has it */
        int n;

        sbuf_reset(&sb);
        sbuf_addf(&sb, " %zu/%zu ", rv->list.sel + 1, rv->results.nr);
        n = (int)sb.len; /* ASCII: a byte a column */
        if (n < rv->pane.w)
            ui_draw_text(w, 0, rv->pane.w - n, n, sb.buf, sb.len, ui_attr(ROLE_TITLE));
    }
    for (int row = 1; row < rv->pane.h; row++)
        ui_draw_fill(w, row, 0, rv->pane.w, ui_attr(ROLE_BODY));
    for (int e = 0; e < fits(rv); e++) {
        size_t i = rv->list.scroll + (size_t)e;
        int y = 1 + e * ROWS_PER;
        const struct result *res;
        const struct report *r;
        long sec;
        attr_t a;

        if (i >= rv->results.nr || y + 1 >= rv->pane.h + 1)
            break;
        res = &rv->results.v[i];
        r = rv->reports[res->report];
        sec = hit_in(&sh, res->report, r, &res->hit)
                  ? report_section_of(r, report_block_at(r, res->hit.off))
                  : -1;
        a = i == rv->list.sel ? ui_attr(ROLE_SELECTED) : ui_attr(ROLE_COURT);
        sbuf_reset(&sb);
        sbuf_addf(&sb, " %s · %s", results_court(r), r->title ? r->title : r->path);
        if (sec >= 0) {
            sbuf_addstr(&sb, " · ");
            sbuf_add(&sb, report_block_text(r, &r->blocks[sec]), r->blocks[sec].len);
        }
        ui_draw_fill(w, y, 0, rv->pane.w, a);
        ui_draw_text(w, y, 0, rv->pane.w, sb.buf, sb.len, a);
        if (y + 1 < rv->pane.h)
            draw_snippet(rv, &sh, y + 1, res, ui_attr(ROLE_BODY));
    }
    if (!rv->results.nr)
        ui_draw_str(w, 2, 2, rv->pane.w - 2, "Nothing matched.", ui_attr(ROLE_BODY));
    unfill(rv, &sh);
    sbuf_release(&sb);
    wnoutrefresh(w);
    rv->pane.dirty = false;
}

void ui_results_release(struct results_view *rv)
{
    results_release(&rv->results);
    free(rv->query);
    free(rv->note);
    ui_pane_hide(&rv->pane);
    memset(rv, 0, sizeof(*rv));
}
