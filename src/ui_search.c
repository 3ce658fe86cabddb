/*
 * ui_search.c: the search controller: the query and its hits, the prompts
 * (search as typed, library search, filter) and their history, and the list
 * of matches, filled by a library search a batch at a time between keys
 * (results_stream.c). Moves the reader and filters the court list and
 * outline only through their functions; never opens a report or moves the
 * focus.
 */
#include "ui_search.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report.h"
#include "results.h"
#include "results_stream.h"
#include "ui_courts.h"
#include "ui_outline.h"
#include "ui_reader.h"
#include "ui_status.h"

static void stream_release(struct ui_search *s);

void ui_search_init(struct ui_search *s, struct reader *rd, struct courts_pane *cp,
                    struct outline_pane *op, struct ui_status *st, struct report **reports,
                    size_t nr_reports, const char *state_file, struct msgs *msgs)
{
    memset(s, 0, sizeof(*s));
    s->reader = rd;
    s->courts = cp;
    s->outline = op;
    s->status = st;
    s->reports = reports;
    s->nr_reports = nr_reports;
    s->dir = 1;
    if (state_file) {
        struct err err;

        s->history_file = state_history_path(state_file);
        if (state_history_load(&s->history, s->history_file, &err) < 0)
            msgs_add(msgs, "%s", err.msg);
    }
}

void ui_search_release(struct ui_search *s)
{
    if (s->asking)
        prompt_release(&s->prompt);
    search_query_release(&s->query);
    for (int i = 0; i < 2; i++) {
        search_query_release(&s->filter[i]);
        sbuf_release(&s->filter_text[i]);
    }
    search_hits_release(&s->hits);
    sbuf_release(&s->query_text);
    sbuf_release(&s->saved_query);
    state_history_release(&s->history);
    free(s->history_file);
    stream_release(s);
    sbuf_release(&s->progress);
    ui_results_release(&s->results);
}

void ui_search_opened(struct ui_search *s)
{
    const struct report *r = ui_reader_report(s->reader);

    search_hits_release(&s->hits);
    if (s->has_query && r)
        search_text(&s->query, r->text, r->len, &s->hits);
    ui_reader_set_hits(s->reader, s->has_query && !s->unlit ? &s->hits : NULL);
}

/* Make text (len bytes) the query, a regular expression when regex; an
 * empty one clears it, and so does one that is no regular expression (said
 * on the message line). */
static void set_query(struct ui_search *s, const char *text, size_t len, bool regex)
{
    struct err err;

    search_query_release(&s->query);
    s->unlit = false; /* a new search lights its matches */
    sbuf_reset(&s->query_text);
    sbuf_add(&s->query_text, text, len);
    s->query_regex = regex;
    if (!regex) {
        s->has_query = search_compile(&s->query, text, len) == 0;
    } else {
        s->has_query = search_compile_regex(&s->query, text, len, &err) == 0;
        if (!s->has_query && len) /* "not a regular expression: …" */
            ui_status_say(s->status, "%c%s", toupper((unsigned char)err.msg[0]), err.msg + 1);
    }
    ui_search_opened(s);
}

bool ui_search_active(const struct ui_search *s)
{
    return s->has_query;
}

long ui_search_match(const struct ui_search *s, size_t *of)
{
    *of = s->hits.nr;
    return s->has_query ? ui_reader_current(s->reader) : -1;
}

/* Make hit i the current one and bring it into view. */
static unsigned goto_hit(struct ui_search *s, long i)
{
    const struct search_hit *h = &s->hits.v[i];

    ui_reader_set_current(s->reader, i);
    ui_reader_show(s->reader, h->off, h->len);
    return SEARCH_MOVED;
}

/* The hit nearest byte off in direction dir, wrapping round the report
 * with a message; none (and a message) when there is none. */
static unsigned find_hit(struct ui_search *s, size_t off, int dir)
{
    long i;

    if (!s->hits.nr) {
        ui_status_say(s->status, "Pattern not found: %s", s->query_text.buf);
        return 0;
    }
    i = search_hit_near(&s->hits, off, dir);
    if (i < 0) {
        i = dir > 0 ? 0 : (long)s->hits.nr - 1;
        ui_status_say(s->status, dir > 0 ? "Search reached the end; continued from the top"
                                         : "Search reached the top; continued from the end");
    }
    return goto_hit(s, i);
}

unsigned ui_search_goto(struct ui_search *s, size_t off)
{
    return find_hit(s, off, 1);
}

/* Whether hit i shows on the screen. */
static bool hit_visible(const struct ui_search *s, long i)
{
    return i >= 0 && (size_t)i < s->hits.nr && ui_reader_in_view(s->reader, s->hits.v[i].off);
}

/* Whether the list of matches is the query's. */
static bool list_is_query(const struct ui_search *s)
{
    return ui_results_made(&s->results) && s->results_regex == s->query_regex &&
           s->query_text.buf && !strcmp(ui_results_query(&s->results), s->query_text.buf);
}

/* n or N past the open report's last or first match: the next or previous
 * report's in the list of matches, when the list is this query's and holds
 * another report. */
static unsigned next_report(struct ui_search *s, int dir)
{
    const struct report *r = ui_reader_report(s->reader);
    const struct result *res;
    long i = -1;

    for (size_t k = 0; r && k < s->nr_reports && list_is_query(s); k++)
        if (s->reports[k] == r) {
            i = ui_results_find(&s->results, k, dir);
            break;
        }
    res = i >= 0 ? ui_results_get(&s->results, (size_t)i) : NULL;
    if (!res || s->reports[res->report] == r)
        return 0;
    s->next_match = i;
    ui_results_select(&s->results, (size_t)i); /* R comes back to it */
    if (dir > 0 ? i == 0 : !ui_results_get(&s->results, (size_t)i + 1))
        ui_status_say(s->status, dir > 0
                                     ? "Matches reached the last report; continued from the first"
                                     : "Matches reached the first report; continued from the last");
    else
        ui_status_say(s->status,
                      dir > 0 ? "The next report's matches" : "The previous report's matches");
    return SEARCH_OPEN;
}

unsigned ui_search_step(struct ui_search *s, int dir)
{
    long cur = ui_reader_current(s->reader);
    size_t from;
    unsigned open;

    if (!s->has_query) {
        ui_status_say(s->status, "No search yet: / searches forward, ? backward");
        return 0;
    }
    if (s->unlit) { /* n and N light the matches again */
        s->unlit = false;
        ui_reader_set_hits(s->reader, &s->hits);
    }
    dir *= s->dir;
    if (hit_visible(s, cur))
        from = dir > 0 ? s->hits.v[cur].off + 1 : s->hits.v[cur].off;
    else
        from = ui_reader_offset(s->reader);
    if (search_hit_near(&s->hits, from, dir) < 0 && (open = next_report(s, dir)))
        return open;
    return find_hit(s, from, dir);
}

const struct result *ui_search_next_match(const struct ui_search *s)
{
    return ui_results_get(&s->results, (size_t)s->next_match);
}

static bool filtering(enum ui_ask kind)
{
    return kind == ASK_FILTER_COURTS || kind == ASK_FILTER_OUTLINE;
}

void ui_search_start(struct ui_search *s, enum ui_ask kind, int dir)
{
    s->asking = kind;
    prompt_init(&s->prompt, filtering(kind) ? NULL : &s->history);
    s->origin_top = ui_reader_top(s->reader);
    sbuf_reset(&s->saved_query);
    sbuf_add(&s->saved_query, s->query_text.buf ? s->query_text.buf : "", s->query_text.len);
    s->saved_dir = s->dir;
    s->saved_regex = s->query_regex;
    if (kind == ASK_SEARCH)
        s->dir = dir;
}

const struct prompt *ui_search_prompt(const struct ui_search *s, const char **lead)
{
    static const char *const label[] = {"", "/", "Search all reports: ", "Filter: ", "Filter: "};
    static const char *const regex_label[] = {
        "", "Regex /", "Search all reports, regex: ", "Filter: ", "Filter: "};

    if (lead && s->asking == ASK_SEARCH && s->dir < 0)
        *lead = s->regex ? "Regex ?" : "?";
    else if (lead)
        *lead = (s->regex ? regex_label : label)[s->asking];
    return s->asking ? &s->prompt : NULL;
}

/* The filter of the pane being filtered, from the prompt's text. Each pane
 * keeps its own: the court list holds on to its query and filters with it
 * again when a court folds. */
static void apply_filter(struct ui_search *s)
{
    const struct sbuf *t = &s->prompt.text;
    int i = s->asking == ASK_FILTER_COURTS ? 0 : 1;

    search_query_release(&s->filter[i]);
    s->has_filter[i] = search_compile(&s->filter[i], t->buf, t->len) == 0;
    sbuf_reset(&s->filter_text[i]);
    if (s->has_filter[i])
        sbuf_add(&s->filter_text[i], t->buf, t->len);
    s->filtered = s->asking;
    if (i == 0) {
        ui_courts_filter(s->courts, s->has_filter[i] ? &s->filter[i] : NULL);
    } else {
        ui_outline_filter(s->outline, s->has_filter[i] ? &s->filter[i] : NULL);
        s->filtered_report = ui_reader_report(s->reader);
    }
}

const char *ui_search_filter(const struct ui_search *s, enum ui_ask kind)
{
    int i = kind == ASK_FILTER_COURTS ? 0 : 1;

    if (!s->has_filter[i] || (i == 1 && s->filtered_report != ui_reader_report(s->reader)))
        return NULL;
    return s->filter_text[i].buf;
}

/* Search as the query is typed: from where the prompt started. */
static unsigned search_as_typed(struct ui_search *s)
{
    set_query(s, s->prompt.text.buf, s->prompt.text.len, s->regex);
    ui_reader_goto_line(s->reader, s->origin_top);
    if (!s->has_query || !ui_reader_laid_out(s->reader))
        return 0;
    return find_hit(s, ui_reader_offset(s->reader), s->dir);
}

/* A batch of the library search: short, so that a key waits no longer. */
#define BATCH_US 4000
/* How often the status line's count of a search going on changes: the
 * terminal is sent a line that often, not a line a batch. */
#define PROGRESS_MS 100

static long long now_ms(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

bool ui_search_running(const struct ui_search *s)
{
    return s->searching;
}

const char *ui_search_progress(const struct ui_search *s)
{
    return s->searching ? s->progress.buf : NULL;
}

/* The status line's count, and the list's heading, brought up to date. */
static void say_progress(struct ui_search *s)
{
    sbuf_reset(&s->progress);
    sbuf_addf(&s->progress, "searching… %zu match%s in %zu of %zu reports", s->stream.found,
              s->stream.found == 1 ? "" : "es", s->stream.done, s->stream.nr);
    s->progress_ms = now_ms();
    if (s->listed)
        ui_results_note(&s->results, "so far");
}

/* The search's matches found so far become the list of matches, shown. */
static void list_found(struct ui_search *s)
{
    ui_results_set(&s->results, &s->found, s->stream_query, s->reports, s->encoding);
    s->results_regex = s->stream_regex;
    s->listed = true;
    s->show_results = true;
    ui_pane_place(ui_results_pane(&s->results), 0, 0, LINES - 2, COLS);
}

/* The library search is over (or stopped): what it kept goes. */
static void stream_release(struct ui_search *s)
{
    results_stream_release(&s->stream);
    results_release(&s->found);
    free(s->stream_query);
    free(s->stream_note);
    s->stream_query = s->stream_note = NULL;
    s->searching = s->listed = false;
}

/* Stop the library search going on: a list of its matches stays, saying
 * how far it went. */
static void stop_stream(struct ui_search *s)
{
    if (s->listed) {
        struct sbuf note = SBUF_INIT;

        sbuf_addf(&note, "(stopped after %zu of %zu reports)", s->stream.done, s->stream.nr);
        ui_results_note(&s->results, note.buf);
        sbuf_release(&note);
    }
    stream_release(s);
}

bool ui_search_stop(struct ui_search *s)
{
    if (!s->searching)
        return false;
    ui_status_say(s->status, "Search stopped after %zu of %zu reports", s->stream.done,
                  s->stream.nr);
    stop_stream(s);
    return true;
}

/* Every report searched: said as a search of the whole library at once
 * says it. */
static unsigned end_stream(struct ui_search *s)
{
    unsigned done = 0;

    if (s->stream_note) /* said first: a report unread, or no match, says more */
        ui_status_say(s->status, "%s", s->stream_note);
    if (s->stream.unread)
        ui_status_say(s->status, "%zu report%s could not be read again", s->stream.unread,
                      s->stream.unread == 1 ? "" : "s");
    if (s->listed) {
        ui_results_note(&s->results, NULL);
        if (!s->show_results) { /* closed meanwhile, or a match opened */
            struct sbuf k = SBUF_INIT;

            keys_name(s->results_key, &k);
            ui_status_say(s->status, "%zu match%s of “%s”: %s lists them", s->stream.found,
                          s->stream.found == 1 ? "" : "es", s->stream_query,
                          s->results_key ? k.buf : "R");
            sbuf_release(&k);
        }
    } else if (s->found.nr) {
        list_found(s);
        done = SEARCH_SCREEN;
    } else { /* the list of matches before stays */
        ui_status_say(s->status, "Pattern not found: %s", s->stream_query);
    }
    stream_release(s);
    return done;
}

unsigned ui_search_work(struct ui_search *s)
{
    struct results more = {0};
    unsigned done = 0;

    if (!s->searching)
        return 0;
    results_stream_run(&s->stream, BATCH_US, s->listed ? &more : &s->found);
    if (s->listed) {
        ui_results_append(&s->results, &more);
        results_release(&more);
    } else if (s->found.nr >= ui_results_fit(LINES - 2) && !results_stream_done(&s->stream)) {
        list_found(s); /* its first screen: the rest come below it */
        say_progress(s);
        done = SEARCH_SCREEN;
    }
    if (results_stream_done(&s->stream))
        return done | end_stream(s);
    if (now_ms() - s->progress_ms >= PROGRESS_MS)
        say_progress(s);
    return done;
}

/* Start a search of the library for the prompt's text: the reports the
 * index says the query can be in, in the court list's order, their
 * matches listed in that order; ui_search_work() does it. */
static unsigned search_library(struct ui_search *s)
{
    const struct sbuf *t = &s->prompt.text;
    struct sbuf note = SBUF_INIT;
    struct search_query q;
    struct err err;
    size_t *order, nr = 0;
    bool *mask;

    set_query(s, t->buf, t->len, s->regex);
    s->dir = 1;
    if (!s->has_query)
        return 0;
    /* its own query: a search in the report meanwhile sets s->query */
    if ((s->regex ? search_compile_regex(&q, t->buf, t->len, &err)
                  : search_compile(&q, t->buf, t->len)) < 0)
        return 0;
    if (s->searching) /* a new search replaces the one going on */
        stop_stream(s);
    mask = xmalloc((s->nr_reports ? s->nr_reports : 1) * sizeof(*mask));
    if (!s->candidates || !s->candidates(s->candidates_ctx, &s->query, mask, &note))
        memset(mask, 1, s->nr_reports * sizeof(*mask));
    if (note.len) /* said first: the end may say more */
        ui_status_say(s->status, "%s", note.buf);
    order = xmalloc((s->nr_reports ? s->nr_reports : 1) * sizeof(*order));
    for (size_t k = 0; k < s->nr_reports; k++) {
        size_t i = ui_courts_nth(s->courts, k);

        if (mask[i])
            order[nr++] = i;
    }
    free(mask);
    results_stream_init(&s->stream, s->reports, order, nr, &q, s->encoding);
    s->searching = true;
    s->listed = false;
    s->stream_query = xstrdup(t->buf);
    s->stream_regex = s->regex;
    s->stream_note = note.len ? sbuf_detach(&note, NULL) : NULL;
    sbuf_release(&note);
    say_progress(s);
    return 0;
}

/* The prompt is done: Enter (accept) or Esc. */
static unsigned end_prompt(struct ui_search *s, bool accept)
{
    enum ui_ask kind = s->asking;
    unsigned done = 0;

    if (accept && s->prompt.text.len && !filtering(kind)) {
        state_history_add(&s->history, s->prompt.text.buf);
        if (s->history_file) {
            struct err err;

            if (state_history_save(&s->history, s->history_file, &err) < 0)
                ui_status_say(s->status, "courtread: cannot save the search history: %s", err.msg);
        }
    }
    if (kind == ASK_LIBRARY && accept) {
        done = search_library(s);
    } else if (kind == ASK_SEARCH && !accept) { /* back to where it was */
        set_query(s, s->saved_query.buf ? s->saved_query.buf : "", s->saved_query.len,
                  s->saved_regex);
        s->dir = s->saved_dir;
        ui_reader_goto_line(s->reader, s->origin_top);
        done = SEARCH_MOVED;
    } else if (filtering(kind) && !accept) {
        sbuf_reset(&s->prompt.text);
        apply_filter(s);
    } else if (kind == ASK_SEARCH && ui_reader_current(s->reader) >= 0) {
        ui_status_say(s->status, "%ld/%zu", ui_reader_current(s->reader) + 1, s->hits.nr);
    } else if (kind == ASK_SEARCH && s->has_query && !s->hits.nr) {
        ui_status_say(s->status, "Pattern not found: %s", s->query_text.buf);
    } else if (kind == ASK_SEARCH && s->prompt.text.len && !s->has_query) {
        set_query(s, s->prompt.text.buf, s->prompt.text.len, s->regex); /* say why again */
    }
    s->asking = ASK_NONE;
    prompt_release(&s->prompt);
    return done;
}

unsigned ui_search_prompt_key(struct ui_search *s, int key)
{
    if (key == 0x12 && (s->asking == ASK_SEARCH || s->asking == ASK_LIBRARY)) { /* ^R, as in less */
        s->regex = !s->regex;
        ui_status_clear(s->status);
        return s->asking == ASK_SEARCH ? search_as_typed(s) : 0;
    }
    switch (prompt_key(&s->prompt, key)) {
    case PROMPT_EDITED:
        ui_status_clear(s->status);
        if (s->asking == ASK_SEARCH)
            return search_as_typed(s);
        if (filtering(s->asking))
            apply_filter(s);
        return 0;
    case PROMPT_ACCEPT:
        return end_prompt(s, true);
    case PROMPT_CANCEL:
        return end_prompt(s, false);
    default:
        return 0;
    }
}

bool ui_search_results_shown(const struct ui_search *s)
{
    return s->show_results;
}

bool ui_search_results_show(struct ui_search *s)
{
    if (!ui_results_made(&s->results)) {
        ui_status_say(s->status, "No list of matches yet: s searches all reports");
        return false;
    }
    s->show_results = true;
    ui_pane_place(ui_results_pane(&s->results), 0, 0, LINES - 2, COLS);
    ui_results_resized(&s->results);
    return true;
}

const struct result *ui_search_results_key(struct ui_search *s, enum action a, int key,
                                           unsigned *flags)
{
    const struct result *res;

    *flags = 0;
    if (ui_results_key(&s->results, a))
        return NULL;
    switch (a) {
    case ACT_OPEN:
        res = ui_results_selected(&s->results);
        if (!res)
            return NULL;
        s->show_results = false;
        *flags = SEARCH_SCREEN;
        return res;
    case ACT_SEARCH_LIBRARY:
        ui_search_start(s, ASK_LIBRARY, 1);
        return NULL;
    case ACT_QUIT:
    case ACT_RESULTS:
        break;
    default:
        if (key != 0x1b)
            return NULL;
        if (ui_search_stop(s)) /* the first Esc stops a search going on; the list stays */
            return NULL;
    }
    s->show_results = false; /* q, R and Esc close the list */
    *flags = SEARCH_SCREEN;
    return NULL;
}

void ui_search_place(struct ui_search *s, int h, int w)
{
    if (!s->show_results)
        return;
    ui_pane_place(ui_results_pane(&s->results), 0, 0, h, w);
    ui_results_resized(&s->results);
}

void ui_search_hide(struct ui_search *s)
{
    ui_pane_hide(ui_results_pane(&s->results));
}

void ui_search_draw(struct ui_search *s, bool all)
{
    if (s->show_results && (all || ui_pane_stale(ui_results_pane(&s->results))))
        ui_results_draw(&s->results);
}

bool ui_search_unlight(struct ui_search *s)
{
    if (!s->has_query)
        return false;
    s->unlit = true;
    ui_reader_set_hits(s->reader, NULL);
    return true;
}

bool ui_search_drop_filter(struct ui_search *s)
{
    /* the pane filtered last first; a second Esc drops the other's */
    int last = s->filtered == ASK_FILTER_OUTLINE ? 1 : 0;

    for (int k = 0; k < 2; k++) {
        int i = k ? !last : last;
        enum ui_ask kind = i ? ASK_FILTER_OUTLINE : ASK_FILTER_COURTS;

        if (!ui_search_filter(s, kind))
            continue;
        search_query_release(&s->filter[i]);
        s->has_filter[i] = false;
        sbuf_reset(&s->filter_text[i]);
        s->filtered = ASK_NONE;
        if (i == 0)
            ui_courts_filter(s->courts, NULL);
        else
            ui_outline_filter(s->outline, NULL);
        return true;
    }
    return false;
}

void ui_search_reloaded(struct ui_search *s, size_t i)
{
    bool listed = false;

    if (s->searching) /* it may have searched the old text */
        stop_stream(s);
    for (size_t k = 0; k < s->results.results.nr && !listed; k++)
        listed = s->results.results.v[k].report == i;
    if (listed) {
        ui_results_release(&s->results);
        s->show_results = false;
    }
    ui_search_opened(s);
}
