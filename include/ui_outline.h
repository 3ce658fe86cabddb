/*
 * ui_outline.h: the outline pane: the open report's title and its sections,
 * indented by level, with the section being read marked.
 */
#ifndef COURTREAD_UI_OUTLINE_H
#define COURTREAD_UI_OUTLINE_H

#include "ui_draw.h"

struct report;
struct search_query;

struct outline_pane {
    struct pane pane;
    const struct report *report;
    long *blocks; /* entry i is block blocks[i]; entry 0 is the title (-1: none) */
    size_t nr, alloc;
    struct ui_list list; /* over the entries */
    size_t current;      /* the entry of the section being read */
};

/* Show r's outline, the title selected. */
void ui_outline_set(struct outline_pane *op, const struct report *r);

/* Show only the sections whose headings match q (the title stays first);
 * NULL shows them all again. */
void ui_outline_filter(struct outline_pane *op, const struct search_query *q);

/* Mark the section being read (a heading block, or -1 before the first);
 * the selection follows it unless keep_sel. */
void ui_outline_follow(struct outline_pane *op, long block, bool keep_sel);

/* An empty outline. */
void ui_outline_init(struct outline_pane *op);

/* The pane: a list pane of entries (ui_draw.h moves, scrolls and places it). */
struct pane *ui_outline_pane(struct outline_pane *op);

/* Select the section being read. */
void ui_outline_select_current(struct outline_pane *op);

/* A click on row y of the pane selects that entry; false when none is there. */
bool ui_outline_click(struct outline_pane *op, int y);

/* The block of the selected entry, or -1 for a report without a title. */
long ui_outline_block(const struct outline_pane *op);

/* Whether the title (the first entry) is selected. */
bool ui_outline_on_title(const struct outline_pane *op);

/* The entries shown, and the block of entry i (0: the title, or -1). */
size_t ui_outline_count(const struct outline_pane *op);
long ui_outline_entry(const struct outline_pane *op, size_t i);

/* The block of the n-th section (1-based) of the top level, or -1. */
long ui_outline_section(const struct outline_pane *op, int n, size_t *count);

void ui_outline_draw(struct outline_pane *op, bool focused);
void ui_outline_release(struct outline_pane *op);

#endif
