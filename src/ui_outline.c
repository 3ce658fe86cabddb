/*
 * ui_outline.c: the outline pane's entries (the title, then each heading
 * block), its selection and scrolling, and drawing.
 */
#include "ui_outline.h"

#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "search.h"
#include "util.h"

/* The entries of op->report that pass q (all when q is NULL). */
static void collect(struct outline_pane *op, const struct search_query *q)
{
    const struct report *r = op->report;
    long title = -1;

    op->nr = 0;
    if (!r)
        return;
    for (size_t b = 0; b < r->nr_blocks && title < 0; b++)
        if (r->blocks[b].kind == BLOCK_TITLE)
            title = (long)b;
    ALLOC_GROW(op->blocks, op->nr + 1, op->alloc);
    op->blocks[op->nr++] = title;
    for (size_t b = 0; b < r->nr_blocks; b++)
        if (r->blocks[b].kind == BLOCK_HEADING &&
            (!q || search_has(q, report_block_text(r, &r->blocks[b]), r->blocks[b].len))) {
            ALLOC_GROW(op->blocks, op->nr + 1, op->alloc);
            op->blocks[op->nr++] = (long)b;
        }
}

void ui_outline_filter(struct outline_pane *op, const struct search_query *q)
{
    collect(op, q);
    op->list.sel = op->list.scroll = op->current = 0;
    op->pane.dirty = true;
}

void ui_outline_set(struct outline_pane *op, const struct report *r)
{
    op->report = r;
    op->nr = 0;
    op->list.sel = op->list.scroll = op->current = 0;
    op->pane.dirty = true;
    collect(op, NULL);
}

void ui_outline_init(struct outline_pane *op)
{
    memset(op, 0, sizeof(*op));
    ui_pane_list(&op->pane, &op->list, &op->nr);
}

struct pane *ui_outline_pane(struct outline_pane *op)
{
    return &op->pane;
}

void ui_outline_select_current(struct outline_pane *op)
{
    ui_pane_select(&op->pane, op->current);
}

bool ui_outline_click(struct outline_pane *op, int y)
{
    long i = ui_pane_row(&op->pane, y);

    if (i < 0)
        return false;
    ui_pane_select(&op->pane, (size_t)i);
    return true;
}

void ui_outline_follow(struct outline_pane *op, long block, bool keep_sel)
{
    size_t cur = 0;

    for (size_t i = 1; i < op->nr; i++)
        if (op->blocks[i] == block)
            cur = i;
    if (cur != op->current)
        op->pane.dirty = true;
    op->current = cur;
    if (!keep_sel && op->list.sel != cur)
        ui_pane_select(&op->pane, cur);
}

long ui_outline_block(const struct outline_pane *op)
{
    return op->nr ? op->blocks[op->list.sel] : -1;
}

bool ui_outline_on_title(const struct outline_pane *op)
{
    return op->list.sel == 0;
}

size_t ui_outline_count(const struct outline_pane *op)
{
    return op->nr;
}

long ui_outline_entry(const struct outline_pane *op, size_t i)
{
    return i < op->nr ? op->blocks[i] : -1;
}

long ui_outline_section(const struct outline_pane *op, int n, size_t *count)
{
    const struct report *r = op->report;
    int top = 2;
    long found = -1;

    *count = 0;
    if (!r)
        return -1;
    /* the top level is the smallest heading level in the report */
    for (size_t i = 1; i < op->nr; i++)
        if (r->blocks[op->blocks[i]].level < top)
            top = r->blocks[op->blocks[i]].level;
    for (size_t i = 1; i < op->nr; i++)
        if (r->blocks[op->blocks[i]].level == top && ++*count == (size_t)n)
            found = op->blocks[i];
    return found;
}

void ui_outline_draw(struct outline_pane *op, bool focused)
{
    WINDOW *w = op->pane.win;
    const struct report *r = op->report;

    if (!w)
        return;
    for (int y = 0; y < op->pane.h; y++) {
        size_t i = op->list.scroll + (size_t)y;
        attr_t a = ui_attr(ROLE_OUTLINE);
        int col;

        if (r && i < op->nr) {
            long b = op->blocks[i];
            int depth = i == 0 ? 0 : r->blocks[b].level;

            if (i == op->current)
                a = ui_attr(ROLE_CURRENT_SECTION);
            if (i == op->list.sel)
                a = focused ? ui_attr(ROLE_SELECTED) : a | A_UNDERLINE;
            ui_draw_fill(w, y, 0, op->pane.w, a);
            ui_draw_str(w, y, 0, 1, i == op->current ? "▸" : " ", a);
            col = depth ? 2 * depth + 1 : 2; /* the title, then sections by level */
            if (i == 0 && b < 0)
                ui_draw_str(w, y, col, op->pane.w - col, "(untitled)", a);
            else if (i == 0)
                ui_draw_str(w, y, col, op->pane.w - col, r->title ? r->title : "", a);
            else
                ui_draw_text(w, y, col, op->pane.w - col, report_block_text(r, &r->blocks[b]),
                             r->blocks[b].len, a);
        } else {
            ui_draw_fill(w, y, 0, op->pane.w, a);
        }
    }
    wnoutrefresh(w);
    op->pane.dirty = false;
}

void ui_outline_release(struct outline_pane *op)
{
    free(op->blocks);
    ui_pane_hide(&op->pane);
    op->blocks = NULL;
    op->nr = op->alloc = 0;
}
