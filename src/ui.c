/*
 * ui.c: the browser's loop and dispatch: reads input (and while a library
 * search goes on, runs its next batch when no key waits), routes a key to the
 * prompt, a mark's letter, help, the list of matches or an action, and
 * carries out each action through the panes' and helpers' functions (which
 * pane has the focus, which report is open, the outline following the
 * reader). Owns no pane's fields: the panes, the search controller and the
 * helpers each keep their own (ui_*.h).
 */
#include "ui.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "keys.h"
#include "library.h"
#include "quote.h"
#include "report.h"
#include "results.h"
#include "ui_copy.h"
#include "ui_count.h"
#include "ui_courts.h"
#include "ui_draw.h"
#include "ui_frame.h"
#include "ui_help.h"
#include "ui_info.h"
#include "ui_marks.h"
#include "ui_outline.h"
#include "ui_reader.h"
#include "ui_search.h"
#include "ui_shell.h"
#include "ui_status.h"
#include "ui_term.h"
#include "util.h"

/* Lines the mouse wheel scrolls. */
#define WHEEL_LINES 3

struct ui {
    const struct ui_setup *setup;
    const struct keymap *keys;
    struct courts_pane courts;
    struct outline_pane outline;
    struct reader reader;
    struct ui_status status;
    struct pane *pane[NR_FOCUS]; /* the panes' windows, in screen order */
    struct ui_frame frame;
    enum focus focus;
    bool screen_dirty;
    long open;           /* the report in the reader, or -1 */
    enum action pending; /* ACT_MARK or ACT_GOTO_MARK waiting for its letter, or ACT_NONE */
    struct ui_help help;
    struct ui_marks marks;
    struct ui_search search;
    struct ui_copy copy;
    struct ui_count count; /* the N of N% */
    struct ui_info info;   /* = and ^G */
    struct ui_shell shell; /* the editor, and | with its prompt */
    bool meta;             /* Esc was typed: the next key may be M-key (ESC-u) */
    /* the reports before and after the open one in the list, read ahead
     * while no key waits */
    struct ahead {
        long report; /* or -1 */
        enum { AHEAD_NONE, AHEAD_TODO, AHEAD_READ } state;
    } ahead[2];
};

/* ---- positions ---- */

/* The report open, or NULL. */
static const struct report *open_one(const struct ui *u)
{
    return u->open >= 0 ? u->setup->reports[u->open] : NULL;
}

static struct position here(const struct ui *u)
{
    struct position p = {u->open, u->open >= 0 ? ui_reader_offset(&u->reader) : 0};

    return p;
}

/* The reader now shows another place: the outline follows. */
static void follow(struct ui *u)
{
    ui_outline_follow(&u->outline, ui_reader_section(&u->reader), u->focus == FOCUS_OUTLINE);
}

/* The neighbours of report i, to be read ahead (those read ahead for the
 * report open before, and not opened, become cards again). */
static void plan_ahead(struct ui *u, size_t i)
{
    for (int k = 0; k < 2; k++) {
        struct ahead *a = &u->ahead[k];

        if (a->state == AHEAD_READ && a->report != (long)i)
            library_unfill(&u->setup->reports[a->report]);
        a->report = ui_courts_step(&u->courts, i, k ? 1 : -1);
        a->state = a->report >= 0 ? AHEAD_TODO : AHEAD_NONE;
    }
}

/* Read one neighbour of the open report ahead, so that the next report
 * opens at once. */
static void read_ahead(struct ui *u)
{
    for (int k = 0; k < 2; k++) {
        struct ahead *a = &u->ahead[k];
        struct report **slot;
        struct err err;

        if (a->state != AHEAD_TODO)
            continue;
        slot = &u->setup->reports[a->report];
        /* one read already stays so; a card that cannot be read stays
         * one, and opening it says why */
        a->state = (*slot)->card && library_fill(slot, u->setup->encoding, &err) == 0 ? AHEAD_READ
                                                                                      : AHEAD_NONE;
        return;
    }
}

static bool reading_ahead(const struct ui *u)
{
    return u->ahead[0].state == AHEAD_TODO || u->ahead[1].state == AHEAD_TODO;
}

/* Open report i at byte off; SIZE_MAX: where it was last read. */
static void open_report(struct ui *u, size_t i, size_t off)
{
    const struct report *r;
    struct err err;

    /* a card from the index until now: read in full */
    if (library_fill(&u->setup->reports[i], u->setup->encoding, &err) < 0) {
        ui_status_say(&u->status, "courtread: %s: %s", u->setup->reports[i]->path, err.msg);
        return;
    }
    r = u->setup->reports[i];
    if ((long)i != u->open) {
        ui_marks_remember(&u->marks, open_one(u), ui_reader_offset(&u->reader));
        if (off == SIZE_MAX)
            off = ui_marks_saved(&u->marks, r);
        u->open = (long)i;
        plan_ahead(u, i);
        ui_reader_open(&u->reader, r, off);
        ui_outline_set(&u->outline, r);
        ui_search_opened(&u->search);
        if (u->focus != FOCUS_COURTS)
            ui_courts_show_report(&u->courts, i);
        ui_pane_touch(u->pane[FOCUS_COURTS]);
    } else if (off != SIZE_MAX) {
        ui_reader_goto_offset(&u->reader, off);
    }
    follow(u);
}

/* Go to a position, remembering where we were for ''. */
static void jump(struct ui *u, struct position p)
{
    struct position from = here(u);

    if (p.report < 0)
        return;
    open_report(u, (size_t)p.report, p.off);
    ui_marks_leave(&u->marks, from);
}

static void jump_line(struct ui *u, size_t line)
{
    ui_marks_leave(&u->marks, here(u));
    ui_reader_goto_line(&u->reader, line);
    follow(u);
}

/* ---- where the panes go ---- */

static void place_panes(struct ui *u)
{
    u->screen_dirty = true;
    if (!ui_frame_place(&u->frame, &u->focus, u->pane)) {
        ui_search_hide(&u->search);
        ui_status_hide(&u->status);
        return;
    }
    /* the selections stay in sight in panes of the new height */
    ui_pane_resized(u->pane[FOCUS_COURTS]);
    ui_pane_resized(u->pane[FOCUS_OUTLINE]);
    ui_search_place(&u->search, LINES - 2, COLS);
    ui_status_place(&u->status, LINES, COLS);
    if (ui_frame_shown(&u->frame, FOCUS_READER))
        ui_reader_relayout(&u->reader);
}

/* ---- drawing ---- */

static void draw_status(struct ui *u)
{
    struct status_info info = {.section = -1, .match = -1, .help_key = u->keys->keys[ACT_HELP][0]};
    struct sbuf count = SBUF_INIT;

    if (u->open >= 0) {
        info.report = u->setup->reports[u->open];
        info.court = ui_courts_name_of(&u->courts, (size_t)u->open);
        info.section = ui_reader_section(&u->reader);
        info.percent = ui_reader_percent(&u->reader);
    }
    info.match = ui_search_match(&u->search, &info.matches);
    info.filter[0] = ui_search_filter(&u->search, ASK_FILTER_COURTS);
    info.filter[1] = ui_search_filter(&u->search, ASK_FILTER_OUTLINE);
    info.progress = ui_search_progress(&u->search);
    ui_count_show(&u->count, &count);
    info.pending = count.buf;
    ui_status_draw(&u->status, &info);
    sbuf_release(&count);
}

/* The message line, or the prompt being typed on it. */
static void draw_message(struct ui *u)
{
    const char *lead;
    const struct prompt *p = ui_search_prompt(&u->search, &lead);

    if (!p)
        p = ui_shell_prompt(&u->shell, &lead);

    ui_status_draw_message(&u->status, lead, p);
}

/* Whether an overlay (help, the report's information) covers the panes. */
static bool overlay_shown(const struct ui *u)
{
    return ui_help_shown(&u->help) || ui_info_shown(&u->info);
}

static void draw_overlay(struct ui *u)
{
    if (ui_help_shown(&u->help))
        ui_help_draw(&u->help, u->keys);
    else if (ui_info_shown(&u->info))
        ui_info_draw(&u->info);
}

static void draw(struct ui *u)
{
    if (ui_frame_too_small(&u->frame)) {
        ui_frame_draw_too_small();
        return;
    }
    if ((u->screen_dirty || overlay_shown(u)) && !ui_search_results_shown(&u->search)) {
        ui_frame_draw(&u->frame, u->focus);
        for (int f = 0; f < NR_FOCUS; f++)
            ui_pane_touch(u->pane[f]);
        u->screen_dirty = overlay_shown(u);
    }
    if (ui_search_results_shown(&u->search)) {
        ui_search_draw(&u->search, u->screen_dirty || overlay_shown(u));
        u->screen_dirty = overlay_shown(u);
        draw_status(u);
        draw_overlay(u);
        draw_message(u);
        doupdate();
        return;
    }
    if (ui_pane_stale(u->pane[FOCUS_COURTS]))
        ui_courts_draw(&u->courts, u->focus == FOCUS_COURTS, u->open);
    if (ui_pane_stale(u->pane[FOCUS_OUTLINE]))
        ui_outline_draw(&u->outline, u->focus == FOCUS_OUTLINE);
    if (ui_pane_stale(u->pane[FOCUS_READER]))
        ui_reader_draw(&u->reader);
    draw_status(u);
    draw_overlay(u);
    draw_message(u); /* last: the cursor stays on the prompt */
    doupdate();
}

/* ---- actions ---- */

static void set_focus(struct ui *u, enum focus f)
{
    bool collapsed = !ui_frame_shown(&u->frame, f);

    if (f == u->focus)
        return;
    u->focus = f;
    u->screen_dirty = true; /* the line beside the focused pane moves (curses sends only that) */
    ui_pane_touch(u->pane[FOCUS_COURTS]);
    ui_pane_touch(u->pane[FOCUS_OUTLINE]);
    if (f == FOCUS_OUTLINE)
        ui_outline_select_current(&u->outline);
    if (f == FOCUS_COURTS && u->open >= 0)
        ui_courts_show_report(&u->courts, (size_t)u->open);
    if (collapsed || !ui_frame_shown(&u->frame, FOCUS_READER))
        place_panes(u);
}

static void move_focus(struct ui *u, int step, bool wrap)
{
    enum focus v[NR_FOCUS];
    int n = ui_frame_wanted(&u->frame, v), i = 0;

    while (i < n && v[i] != u->focus)
        i++;
    i += step;
    if (wrap)
        i = (i + n) % n;
    if (i >= 0 && i < n)
        set_focus(u, v[i]);
}

/* The report row at the court list's selection was reached: show it. */
static void courts_moved(struct ui *u)
{
    const struct courts_row *row = ui_courts_selected(&u->courts);

    if (row && row->kind == ROW_REPORT)
        open_report(u, row->index, SIZE_MAX);
}

static void outline_moved(struct ui *u)
{
    long b = ui_outline_block(&u->outline);
    const struct report *r = ui_reader_report(&u->reader);

    if (!r)
        return;
    if (ui_outline_on_title(&u->outline)) /* the title entry: the top, byline and all */
        ui_reader_goto_line(&u->reader, 0);
    else
        ui_reader_goto_offset(&u->reader, r->blocks[b].off);
    follow(u);
}

/* A movement action in the focused pane: a list moves its selection (the
 * court list opens a report it reaches, the outline's section shows), the
 * reader scrolls (its top and end are jumps that '' returns from). */
static void move_in(struct ui *u, enum action a)
{
    switch (u->focus) {
    case FOCUS_COURTS:
        ui_pane_key(u->pane[FOCUS_COURTS], a);
        courts_moved(u);
        break;
    case FOCUS_OUTLINE:
        ui_pane_key(u->pane[FOCUS_OUTLINE], a);
        outline_moved(u);
        break;
    default:
        if (a == ACT_TOP || a == ACT_BOTTOM)
            ui_marks_leave(&u->marks, here(u));
        ui_reader_key(&u->reader, a);
        follow(u);
    }
}

/* The next (dir 1) or previous (dir -1) heading in the outline from the
 * top of the reader. */
static void section_step(struct ui *u, int dir)
{
    const struct report *r = ui_reader_report(&u->reader);
    size_t top = ui_reader_top(&u->reader);
    long best = -1;

    if (!r || !ui_reader_laid_out(&u->reader))
        return;
    for (size_t i = 1; i < ui_outline_count(&u->outline); i++) {
        long line = ui_reader_line_of(&u->reader, r->blocks[ui_outline_entry(&u->outline, i)].off);

        if (dir > 0 && (size_t)line > top) {
            best = line;
            break;
        }
        if (dir < 0 && (size_t)line < top)
            best = line;
    }
    if (best < 0 && dir < 0 && top > 0)
        best = 0; /* before the first heading: the top */
    if (best < 0) {
        ui_status_say(&u->status, dir > 0 ? "No next section" : "No previous section");
        return;
    }
    jump_line(u, (size_t)best);
}

static void section_n(struct ui *u, int n)
{
    size_t count;
    long b = ui_outline_section(&u->outline, n, &count);

    if (!ui_reader_laid_out(&u->reader))
        return;
    if (b < 0) {
        if (count)
            ui_status_say(&u->status, "No section %d: this report has %zu", n, count);
        else
            ui_status_say(&u->status, "This report has no sections");
        return;
    }
    jump_line(u,
              (size_t)ui_reader_line_of(&u->reader, ui_reader_report(&u->reader)->blocks[b].off));
}

static void report_step(struct ui *u, long n)
{
    long i = u->open >= 0 ? ui_courts_step(&u->courts, (size_t)u->open, n) : 0;

    if (i < 0 || (size_t)i >= u->setup->nr_reports) {
        ui_status_say(&u->status, n > 0 ? "This is the last report" : "This is the first report");
        return;
    }
    ui_marks_leave(&u->marks, here(u));
    open_report(u, (size_t)i, SIZE_MAX);
    ui_courts_show_report(&u->courts, (size_t)i);
}

/* The letter after m or '. */
static void mark_key(struct ui *u, enum action pending, int key)
{
    struct position to;

    if (ui_marks_key(&u->marks, pending, key, here(u), &to))
        jump(u, to);
}

static void resize_side(struct ui *u, int delta)
{
    ui_frame_widen(&u->frame, u->focus, delta);
    place_panes(u);
}

static void toggle(struct ui *u, int side)
{
    bool shown = ui_frame_toggle(&u->frame, side);

    place_panes(u);
    ui_status_say(&u->status, "%s %s", side ? "Outline" : "Court list", shown ? "shown" : "hidden");
}

static void open_selected(struct ui *u)
{
    if (u->focus == FOCUS_COURTS) {
        const struct courts_row *row = ui_courts_selected(&u->courts);

        if (!row)
            return;
        if (row->kind == ROW_COURT) {
            ui_courts_toggle(&u->courts);
            return;
        }
        ui_marks_leave(&u->marks, here(u));
        open_report(u, row->index, SIZE_MAX);
    } else if (u->focus == FOCUS_OUTLINE) {
        ui_marks_leave(&u->marks, here(u));
        outline_moved(u);
    }
    set_focus(u, FOCUS_READER);
}

/* One pane at a time and the reader is not it: a section or search key
 * shows it. */
static void show_reader(struct ui *u)
{
    if (!ui_frame_shown(&u->frame, FOCUS_READER))
        set_focus(u, FOCUS_READER);
}

/* y and Y: the selection to the clipboard; or, with none, show the
 * paragraph or section that a second y copies. */
static void copy(struct ui *u, bool section)
{
    show_reader(u);
    ui_copy(&u->copy, &u->reader,
            u->open >= 0 ? ui_courts_name_of(&u->courts, (size_t)u->open) : "", section,
            &u->status);
}

/* What a search did that is the dispatcher's to finish. */
static void searched(struct ui *u, unsigned done)
{
    if (done & SEARCH_OPEN) { /* n or N went on to another report's match */
        const struct result *res = ui_search_next_match(&u->search);

        ui_marks_leave(&u->marks, here(u));
        open_report(u, res->report, res->hit.off);
        ui_courts_show_report(&u->courts, res->report);
        done |= ui_search_goto(&u->search, res->hit.off);
    }
    if (done & SEARCH_MOVED)
        follow(u);
    if (done & SEARCH_SCREEN)
        u->screen_dirty = true;
}

/* n (dir 1) and N (dir -1). */
static void search_step(struct ui *u, int dir)
{
    if (ui_search_active(&u->search))
        show_reader(u);
    searched(u, ui_search_step(&u->search, dir));
}

/* A match chosen in the list of matches: its report, at the match. */
static void open_result(struct ui *u, const struct result *res)
{
    struct sbuf k = SBUF_INIT;

    ui_marks_leave(&u->marks, here(u));
    open_report(u, res->report, res->hit.off);
    ui_courts_show_report(&u->courts, res->report);
    set_focus(u, FOCUS_READER);
    searched(u, ui_search_goto(&u->search, res->hit.off));
    keys_name(u->keys->keys[ACT_RESULTS][0], &k);
    ui_status_say(&u->status, "n and N go through this report's matches; %s returns to the list",
                  k.buf ? k.buf : "R");
    sbuf_release(&k);
}

/* A key while the list of matches is shown (help and redraw work as ever). */
static void results_key(struct ui *u, enum action a, int key)
{
    unsigned done;
    const struct result *res = ui_search_results_key(&u->search, a, key, &done);

    searched(u, done);
    if (res)
        open_result(u, res);
}

/* ---- keys that hold: N%, =, the editor, |, Esc and ^C ---- */

/* % after a count: that far through the report, by its text (as less goes
 * by its file's bytes); '' returns to where the reader was before the
 * count's first digit, which may itself have jumped to a section. */
static void percent(struct ui *u)
{
    const struct report *r = ui_reader_report(&u->reader);
    struct position from;
    unsigned long n;

    if (!ui_count_take(&u->count, &n, &from)) {
        ui_status_say(&u->status, "Type a number first: 50%% goes halfway through the report");
        return;
    }
    if (!r)
        return;
    show_reader(u);
    ui_reader_goto_percent(&u->reader, n);
    follow(u);
    ui_marks_leave(&u->marks, from);
}

/* = and ^G: the report's information, its file read again. */
static void show_info(struct ui *u)
{
    const struct report *r = open_one(u);

    if (!r)
        ui_status_say(&u->status, "No report is open");
    else
        ui_info_show(&u->info, r, u->setup->encoding, &u->reader);
}

/* The open report's file changed (in the editor): load it again, at the
 * same place in its text as far as it still goes. */
static void reload(struct ui *u)
{
    size_t i = (size_t)u->open, off = ui_reader_offset(&u->reader);
    struct report *old = u->setup->reports[i], *r;
    struct load_opts opts = {.encoding = u->setup->encoding};
    struct err err;

    r = library_load(old->path, &opts, &err);
    if (!r) {
        ui_status_say(&u->status, "courtread: %s", err.msg);
        return;
    }
    u->setup->reports[i] = r;
    u->open = -1; /* open it anew: the reader, outline and matches drop the old text */
    open_report(u, i, off < r->len ? off : r->len);
    ui_search_reloaded(&u->search, i);
    report_free(old);
    ui_status_say(&u->status, "The report changed: loaded again");
}

/* The editor on the open report's file at the line the reader's top comes
 * from; the browser comes back as it was, the report loaded again when the
 * file changed. */
static void edit(struct ui *u)
{
    const struct report *r = open_one(u);
    bool changed = false;
    struct err err;
    int rc;

    if (!r)
        return;
    rc = ui_shell_edit_report(r, u->setup->encoding, ui_reader_offset(&u->reader), &changed, &err);
    place_panes(u); /* the terminal may have changed size meanwhile */
    if (rc < 0)
        ui_status_say(&u->status, "courtread: %s", err.msg);
    else if (rc)
        ui_status_say(&u->status, "The editor exited with status %d", rc);
    if (changed)
        reload(u);
}

/* A key in |'s prompt; Enter runs the command on the report or section. */
static void pipe_key(struct ui *u, int key)
{
    const struct report *r = open_one(u);
    size_t off = 0, end = 0, len;
    struct err err;
    bool section;
    char *cmd;
    int rc;

    if (ui_shell_key(&u->shell, key, &cmd, &section) != SHELL_RUN)
        return;
    if (!r) {
        free(cmd);
        return;
    }
    if (section && quote_block_range(r, ui_reader_section(&u->reader), true, &off, &end))
        len = end - off;
    else
        off = 0, len = r->len;
    rc = ui_shell_pipe(cmd, r->text + off, len, &err);
    place_panes(u);
    if (rc < 0)
        ui_status_say(&u->status, "courtread: %s", err.msg);
    else if (rc)
        ui_status_say(&u->status, "The command exited with status %d", rc);
    else
        ui_status_say(&u->status, "Piped the %s to: %s", section ? "section" : "report", cmd);
    free(cmd);
}

/* Esc or ^C with no prompt, list or overlay open: drop the count or the
 * kept filter. ^C with nothing to cancel says how to quit (it is not a way
 * to quit: a ^C meant for a prompt must not lose the session); Esc may
 * begin a key such as ESC-u. */
static void cancel(struct ui *u, bool interrupt)
{
    struct sbuf q = SBUF_INIT;

    u->meta = !interrupt;
    if (ui_search_stop(&u->search)) /* a library search going on */
        return;
    if (ui_copy_cancel(&u->reader, &u->status)) /* a selection, or a y waiting for its second */
        return;
    if (ui_count_clear(&u->count))
        return;
    if (ui_search_drop_filter(&u->search)) {
        ui_status_say(&u->status, "Filter cleared");
        return;
    }
    if (!interrupt)
        return;
    keys_name(u->keys->keys[ACT_QUIT][0], &q);
    ui_status_say(&u->status, "Press %s to quit", u->keys->keys[ACT_QUIT][0] ? q.buf : "q");
    sbuf_release(&q);
}

/* A digit typed at the top: part of a count (50%) as well as what it is
 * bound to (a section). true when that is all it is. */
static bool count_key(struct ui *u, int key, enum action a)
{
    bool digit = key >= '0' && key <= '9';

    if (digit && (a == ACT_NONE || (a >= ACT_SECTION_1 && a <= ACT_SECTION_9))) {
        ui_count_digit(&u->count, key - '0', here(u));
        return a == ACT_NONE;
    }
    if (a != ACT_PERCENT)
        ui_count_clear(&u->count);
    return false;
}

/* Do action a; false to quit. */
static bool act(struct ui *u, enum action a)
{
    /* a selection: the movement keys move its end; the keys that are not
     * its own end it first */
    if (ui_reader_visual(&u->reader)) {
        if (ui_copy_visual_key(&u->copy, &u->reader, a, &u->status)) {
            follow(u);
            return true;
        }
        if (a != ACT_COPY_PARAGRAPH && a != ACT_COPY_SECTION && a != ACT_VISUAL && a != ACT_HELP &&
            a != ACT_REDRAW)
            ui_reader_visual_end(&u->reader);
    }
    switch (a) {
    case ACT_DOWN:
    case ACT_UP:
    case ACT_PAGE_DOWN:
    case ACT_PAGE_UP:
    case ACT_HALF_DOWN:
    case ACT_HALF_UP:
    case ACT_TOP:
    case ACT_BOTTOM:
        move_in(u, a);
        break;
    case ACT_FOCUS_NEXT:
    case ACT_FOCUS_PREV:
    case ACT_FOCUS_LEFT:
    case ACT_FOCUS_RIGHT: /* Tab and S-Tab go round, h and l stop at the ends */
        move_focus(u, a == ACT_FOCUS_NEXT || a == ACT_FOCUS_RIGHT ? 1 : -1,
                   a == ACT_FOCUS_NEXT || a == ACT_FOCUS_PREV);
        break;
    case ACT_OPEN:
        open_selected(u);
        break;
    case ACT_SECTION_NEXT:
    case ACT_SECTION_PREV:
        show_reader(u);
        section_step(u, a == ACT_SECTION_NEXT ? 1 : -1);
        break;
    case ACT_SECTION_1:
    case ACT_SECTION_2:
    case ACT_SECTION_3:
    case ACT_SECTION_4:
    case ACT_SECTION_5:
    case ACT_SECTION_6:
    case ACT_SECTION_7:
    case ACT_SECTION_8:
    case ACT_SECTION_9:
        show_reader(u);
        section_n(u, a - ACT_SECTION_1 + 1);
        break;
    case ACT_REPORT_NEXT:
    case ACT_REPORT_PREV:
        report_step(u, a == ACT_REPORT_NEXT ? 1 : -1);
        break;
    case ACT_SEARCH_FORWARD:
    case ACT_SEARCH_BACKWARD:
        if (a == ACT_SEARCH_FORWARD && u->focus != FOCUS_READER) {
            ui_search_start(&u->search,
                            u->focus == FOCUS_COURTS ? ASK_FILTER_COURTS : ASK_FILTER_OUTLINE, 1);
        } else {
            ui_search_start(&u->search, ASK_SEARCH, a == ACT_SEARCH_FORWARD ? 1 : -1);
            show_reader(u);
        }
        break;
    case ACT_SEARCH_NEXT:
    case ACT_SEARCH_PREV:
        search_step(u, a == ACT_SEARCH_NEXT ? 1 : -1);
        break;
    case ACT_SEARCH_LIBRARY:
        ui_search_start(&u->search, ASK_LIBRARY, 1);
        break;
    case ACT_RESULTS:
        if (ui_search_results_show(&u->search))
            u->screen_dirty = true;
        break;
    case ACT_MARK:
    case ACT_GOTO_MARK:
        u->pending = a;
        ui_status_say(&u->status,
                      a == ACT_MARK ? "Mark: type a letter" : "Go to mark: type a letter, or '");
        break;
    case ACT_COPY_PARAGRAPH:
    case ACT_COPY_SECTION:
        copy(u, a == ACT_COPY_SECTION);
        break;
    case ACT_VISUAL:
        set_focus(u, FOCUS_READER);
        ui_copy_visual(&u->copy, &u->reader, &u->status);
        break;
    case ACT_SENTENCE_NEXT:
    case ACT_SENTENCE_PREV:
        ui_status_say(&u->status, "( and ) move the end of a selection: v starts one");
        break;
    case ACT_TOGGLE_COURTS:
    case ACT_TOGGLE_OUTLINE:
        toggle(u, a == ACT_TOGGLE_OUTLINE);
        break;
    case ACT_WIDER:
    case ACT_NARROWER:
        resize_side(u, a == ACT_WIDER ? 2 : -2);
        break;
    case ACT_PERCENT:
        percent(u);
        break;
    case ACT_INFO:
        show_info(u);
        break;
    case ACT_EDIT:
        edit(u);
        break;
    case ACT_PIPE:
        if (u->open >= 0)
            ui_shell_ask(&u->shell);
        else
            ui_status_say(&u->status, "No report is open");
        break;
    case ACT_CLEAR_HIGHLIGHT:
        ui_status_say(&u->status, ui_search_unlight(&u->search)
                                      ? "Highlight cleared: n and N show it again"
                                      : "No search to clear");
        break;
    case ACT_HELP:
        ui_help_open(&u->help);
        break;
    case ACT_REDRAW:
        clearok(curscr, TRUE);
        u->screen_dirty = true;
        break;
    case ACT_QUIT:
        return false;
    default:
        break;
    }
    return true;
}

static void mouse(struct ui *u, const struct ui_input *ev)
{
    int f = 0, row = 0;

    if (ev->mouse == MOUSE_NONE || overlay_shown(u))
        return;
    while (f < NR_FOCUS && !ui_pane_at(u->pane[f], ev->y, ev->x, &row))
        f++;
    if (f == NR_FOCUS)
        return;
    if (ev->mouse != MOUSE_CLICK) {
        long n = ev->mouse == MOUSE_WHEEL_UP ? -WHEEL_LINES : WHEEL_LINES;

        if (f == FOCUS_READER) {
            ui_reader_scroll(&u->reader, n);
            follow(u);
        } else if (f == FOCUS_COURTS) {
            ui_pane_scroll(u->pane[FOCUS_COURTS], n);
        } else {
            ui_pane_scroll(u->pane[FOCUS_OUTLINE], n);
        }
        return;
    }
    for (int i = 0; i < ev->clicks; i++) {
        set_focus(u, (enum focus)f);
        if (f == FOCUS_COURTS && ui_courts_click(&u->courts, row))
            courts_moved(u);
        else if (f == FOCUS_OUTLINE && ui_outline_click(&u->outline, row))
            outline_moved(u);
    }
}

static void first_message(struct ui *u)
{
    struct msgs *m = u->setup->msgs;

    if (!m || !m->nr)
        return;
    ui_status_say(&u->status, "courtread: %s", m->v[0]);
    if (m->nr > 1)
        ui_status_add(&u->status, " (and %zu more, printed on exit)", m->nr - 1);
}

/* Open the report read last, where it was left; else the first one. */
static void open_first(struct ui *u)
{
    const struct ui_setup *s = u->setup;

    long last = ui_marks_last(&u->marks, s->reports, s->nr_reports);

    u->focus = FOCUS_COURTS;
    if (last >= 0) {
        u->focus = FOCUS_READER;
        open_report(u, (size_t)last, SIZE_MAX);
        ui_courts_show_report(&u->courts, (size_t)last);
        return;
    }
    if (s->nr_reports) {
        size_t first = ui_courts_nth(&u->courts, 0);

        open_report(u, first, SIZE_MAX);
        ui_courts_show_report(&u->courts, first);
        ui_pane_select(u->pane[FOCUS_COURTS], 0);
    }
}

int ui_run(const struct ui_setup *setup)
{
    struct ui u;

    memset(&u, 0, sizeof(u));
    u.setup = setup;
    u.keys = &setup->cfg->keys;
    u.open = -1;
    u.pending = ACT_NONE;
    ui_frame_init(&u.frame, setup->cfg->courts_width, setup->cfg->outline_width);
    ui_reader_init(&u.reader, setup->ambiguous, setup->cfg->indent);
    ui_reader_set_measure(&u.reader, setup->reader_width);
    ui_outline_init(&u.outline);
    u.pane[FOCUS_COURTS] = ui_courts_pane(&u.courts);
    u.pane[FOCUS_OUTLINE] = ui_outline_pane(&u.outline);
    u.pane[FOCUS_READER] = ui_reader_pane(&u.reader);
    ui_copy_init(&u.copy, setup->cfg);
    ui_marks_init(&u.marks, setup->state_file, &u.status, setup->msgs);
    ui_search_init(&u.search, &u.reader, &u.courts, &u.outline, &u.status, setup->reports,
                   setup->nr_reports, setup->state_file, setup->msgs);
    u.search.encoding = setup->encoding;
    u.search.candidates = setup->candidates;
    u.search.candidates_ctx = setup->candidates_ctx;
    u.search.results_key = u.keys->keys[ACT_RESULTS][0];
    ui_courts_init(&u.courts, setup->tree, setup->reports, setup->nr_reports);
    ui_shell_init(&u.shell);
    ui_term_start(setup);
    u.focus = FOCUS_READER; /* open_first() moves it to the court list if nothing is restored */
    place_panes(&u);
    open_first(&u);
    place_panes(&u);
    first_message(&u);
    for (bool shown = false; !ui_term_signal(); shown = true) {
        struct ui_input in;
        int key;
        enum action a;
        bool interrupt, meta;

        draw(&u);
        if (!shown && setup->shown)
            setup->shown(setup->candidates_ctx);
        /* a library search goes on a batch at a time while no key waits;
         * then the open report's neighbours are read ahead */
        if (ui_search_running(&u.search)) {
            ui_term_poll(&in);
            if (in.kind == INPUT_NONE) {
                searched(&u, ui_search_work(&u.search));
                continue;
            }
        } else if (reading_ahead(&u)) {
            ui_term_poll(&in);
            if (in.kind == INPUT_NONE) {
                read_ahead(&u);
                continue;
            }
        } else {
            ui_term_read(&in);
        }
        if (in.kind == INPUT_STOP)
            break;
        if (in.kind == INPUT_RESIZE) {
            place_panes(&u);
            continue;
        }
        ui_status_clear(&u.status); /* a message lasts until the next key */
        if (in.kind == INPUT_MOUSE) {
            if (!ui_search_prompt(&u.search, NULL) && !ui_search_results_shown(&u.search) &&
                !ui_shell_prompt(&u.shell, NULL))
                mouse(&u, &in);
            continue;
        }
        key = in.key;
        interrupt = key == KEY_CTRL_C; /* ^C cancels as Esc does */
        if (interrupt)
            key = 0x1b;
        meta = u.meta;
        u.meta = false;
        if (ui_shell_prompt(&u.shell, NULL)) {
            pipe_key(&u, key);
            continue;
        }
        if (ui_search_prompt(&u.search, NULL)) {
            if (key >= 0)
                searched(&u, ui_search_prompt_key(&u.search, key));
            continue;
        }
        if (u.pending != ACT_NONE) {
            enum action pending = u.pending;

            u.pending = ACT_NONE;
            ui_status_clear(&u.status);
            if (key != 0x1b)
                mark_key(&u, pending, key);
            continue;
        }
        a = key < 0 ? ACT_NONE : keys_lookup(u.keys, key);
        if (ui_help_shown(&u.help)) {
            if (!ui_help_key(&u.help, a))
                u.screen_dirty = true;
            continue;
        }
        if (ui_info_shown(&u.info)) {
            if (!ui_info_key(&u.info, a))
                u.screen_dirty = true;
            continue;
        }
        if (ui_search_results_shown(&u.search) && !ui_frame_too_small(&u.frame) && a != ACT_HELP &&
            a != ACT_REDRAW) {
            results_key(&u, a, key);
            continue;
        }
        if (ui_frame_too_small(&u.frame) && a != ACT_QUIT)
            continue;
        if (key == 0x1b) {
            cancel(&u, interrupt);
            continue;
        }
        if (meta && key >= 0 && keys_lookup(u.keys, KEYC_META | key) != ACT_NONE)
            a = keys_lookup(u.keys, KEYC_META | key);
        if (count_key(&u, key, a))
            continue;
        if (a == ACT_NONE) {
            if (key >= 0) {
                struct sbuf name = SBUF_INIT;

                keys_name(key, &name);
                ui_status_say(&u.status, "%s is not bound to anything (F1 lists the keys)",
                              name.buf);
                sbuf_release(&name);
            }
            continue;
        }
        if (!act(&u, a))
            break;
    }
    ui_marks_save(&u.marks, open_one(&u), ui_reader_offset(&u.reader));
    ui_shell_release(&u.shell);
    ui_info_release(&u.info);
    ui_search_release(&u.search);
    ui_courts_release(&u.courts);
    ui_outline_release(&u.outline);
    ui_reader_release(&u.reader);
    ui_status_hide(&u.status);
    ui_term_stop();
    if (strncmp(ui_status_said(&u.status), "courtread: cannot save", 22) == 0)
        fprintf(stderr, "%s\n", ui_status_said(&u.status));
    ui_status_release(&u.status);
    ui_marks_release(&u.marks);
    /* SIGTERM and SIGHUP end the program as signals do */
    return ui_term_signal() == SIGTERM || ui_term_signal() == SIGHUP ? 128 + ui_term_signal() : 0;
}
