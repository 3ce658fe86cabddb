/*
 * ui_reader.h: the reader pane: a report laid out for the pane's width,
 * drawn from a top line. The position is kept as a byte offset into the
 * report's text (the anchor), so a re-layout at another width shows the
 * same text at the top.
 */
#ifndef COURTREAD_UI_READER_H
#define COURTREAD_UI_READER_H

#include "layout.h"
#include "search.h"
#include "ui_draw.h"

struct report;

struct reader {
    struct pane pane;
    const struct report *report; /* NULL when nothing is open */
    struct layout_opts opts;     /* width is set from the pane and the measure */
    int measure;                 /* the widest column of text; 0: the pane's width */
    int left;                    /* the pane's column where the text starts */
    struct layout_cache cache;
    const struct layout *layout; /* NULL while the pane is hidden */
    size_t top;                  /* the line at the top of the pane */
    size_t anchor; /* the offset at the top (SIZE_MAX: the start): set by every move, kept
                      exactly across re-layouts, which map it to a line */
    const struct search_hits *hits; /* highlighted; NULL for none */
    long current;                   /* the hit that stands out, or -1 */
    bool visual;                    /* a selection is being made (v, or y showing what it copies) */
    size_t mark, cursor; /* its two ends, each the start of a character (byte offsets, so a
                            re-layout keeps them); the selection holds both characters */
};

/* An empty reader laying text out with ambiguous-width characters
 * ambiguous columns wide and paragraphs indented by indent. */
void ui_reader_init(struct reader *rd, int ambiguous, int indent);

/* Set the text in a column at most cols wide (the measure; 0: as wide as
 * the pane), centred in the pane when it is wider. */
void ui_reader_set_measure(struct reader *rd, int cols);

/* The pane's column where the text starts (the left margin). */
int ui_reader_text_column(const struct reader *rd);

/* The pane's window (placed and hidden by the caller). */
struct pane *ui_reader_pane(struct reader *rd);

/* Show r from the line that holds byte off (SIZE_MAX: from the top). */
void ui_reader_open(struct reader *rd, const struct report *r, size_t off);

/* Lay out again for the pane's current width, keeping the text at the top. */
void ui_reader_relayout(struct reader *rd);

/* Scroll by n lines (negative: up); stops at the top and at the last page. */
void ui_reader_scroll(struct reader *rd, long n);

/* A movement action (keys.h) scrolls, or goes to the top or the end;
 * false for other actions. */
bool ui_reader_key(struct reader *rd, enum action a);

/* Put line i at the top, even past the last page (a heading goes to the top). */
void ui_reader_goto_line(struct reader *rd, size_t i);

/* Put the line that holds byte off at the top. */
void ui_reader_goto_offset(struct reader *rd, size_t off);

/* Put the end of the report on the last row. */
void ui_reader_goto_end(struct reader *rd);
/* To the line that holds byte n% of the text through (the end from 100 on). */
void ui_reader_goto_percent(struct reader *rd, unsigned long n);

/* Scroll so that bytes off..off+len show, a third of the way down when the
 * view has to move. */
void ui_reader_show(struct reader *rd, size_t off, size_t len);

/* The report shown, or NULL. */
const struct report *ui_reader_report(const struct reader *rd);

/* Whether the report is laid out (the pane is shown). */
bool ui_reader_laid_out(const struct reader *rd);

/* The line at the top. */
size_t ui_reader_top(const struct reader *rd);

/* The line that holds byte off, or -1 while nothing is laid out. */
long ui_reader_line_of(const struct reader *rd, size_t off);

/* Whether the line that holds byte off is on the screen. */
bool ui_reader_in_view(const struct reader *rd, size_t off);

/* Highlight hits (NULL: none), none of them current; they must outlive
 * their use. */
void ui_reader_set_hits(struct reader *rd, const struct search_hits *hits);

/* Make hit i the one that stands out (-1: none); and which one it is. */
void ui_reader_set_current(struct reader *rd, long i);
long ui_reader_current(const struct reader *rd);

/* The byte offset of the text at the top (what is saved and restored). */
size_t ui_reader_offset(const struct reader *rd);

/* The block of the section being read (the last heading at or above the
 * top line), or -1 before the first heading. */
long ui_reader_section(const struct reader *rd);

/* How far the last row shown is through the report: 0..100. */
int ui_reader_percent(const struct reader *rd);

/* The paragraph at the top (or the first one below it), or -1. */
long ui_reader_paragraph(const struct reader *rd);

/* The cursor: the selection's moving end, or (with no selection) the
 * first character of the top line. */
size_t ui_reader_cursor(const struct reader *rd);

/* Start a selection of the one character at the cursor; or select bytes
 * [from, to) (blanks and block ends at its edges left out), the cursor at
 * its last character and in sight. Ended by ui_reader_visual_end() and by
 * opening another report. */
void ui_reader_visual_start(struct reader *rd);
void ui_reader_select(struct reader *rd, size_t from, size_t to);
void ui_reader_visual_end(struct reader *rd);
bool ui_reader_visual(const struct reader *rd);

/* The selection's bytes [*from, *to); false when there is none. */
bool ui_reader_selection(const struct reader *rd, size_t *from, size_t *to);

/* Move the cursor by a movement action (keys.h): by a character (focus
 * left and right, as h and l), a line (j, k, keeping the column), a page,
 * a sentence (sentence_next and _prev) or to the top or end, scrolling to
 * keep it in sight; false for other actions. */
bool ui_reader_cursor_key(struct reader *rd, enum action a);

void ui_reader_draw(struct reader *rd);
void ui_reader_release(struct reader *rd);

#endif
