/*
 * ui_marks.c: marks, the place before the last jump, and the reading
 * positions of the state file. Knows reports only by their paths; opening
 * one and jumping are the dispatcher's (ui.c).
 */
#include "ui_marks.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "ui_status.h"
#include "util.h"

void ui_marks_init(struct ui_marks *m, const char *state_file, struct ui_status *st,
                   struct msgs *msgs)
{
    memset(m, 0, sizeof(*m));
    m->state_file = state_file;
    m->status = st;
    m->prev.report = -1;
    for (size_t i = 0; i < ARRAY_SIZE(m->marks); i++)
        m->marks[i].report = -1;
    if (state_file) {
        struct err err;

        if (state_load(&m->state, state_file, &err) < 0)
            msgs_add(msgs, "%s", err.msg);
    }
}

void ui_marks_release(struct ui_marks *m)
{
    state_release(&m->state);
}

/* The path a report is remembered by: absolute, so any working folder
 * finds it. Caller frees. */
static char *state_key(const struct report *r)
{
    char buf[PATH_MAX];

    return xstrdup(realpath(r->path, buf) ? buf : r->path);
}

size_t ui_marks_saved(const struct ui_marks *m, const struct report *r)
{
    size_t off = SIZE_MAX;
    char *key;

    if (!m->state_file)
        return SIZE_MAX;
    key = state_key(r);
    if (!state_get(&m->state, key, &off))
        off = SIZE_MAX;
    free(key);
    return off;
}

void ui_marks_remember(struct ui_marks *m, const struct report *r, size_t off)
{
    char *key;

    if (!r || !m->state_file)
        return;
    if (!strcmp(r->path, "-"))
        return; /* standard input: new text each time, no place to return to */
    key = state_key(r);
    state_set(&m->state, key, off);
    state_set_last(&m->state, key);
    free(key);
}

void ui_marks_save(struct ui_marks *m, const struct report *r, size_t off)
{
    struct err err;

    if (!m->state_file)
        return;
    ui_marks_remember(m, r, off);
    if (state_save(&m->state, m->state_file, &err) < 0)
        ui_status_say(m->status, "courtread: cannot save the reading position: %s", err.msg);
}

long ui_marks_last(const struct ui_marks *m, struct report *const *reports, size_t nr)
{
    const char *last = m->state.last, *slash, *base;

    if (!m->state_file || !last)
        return -1;
    slash = strrchr(last, '/');
    base = slash ? slash + 1 : last;
    for (size_t i = 0; i < nr; i++) {
        const char *p = strrchr(reports[i]->path, '/');
        char *key;
        bool same;

        /* the file name first: resolving every path of a big library
         * would cost thousands of system calls at start-up (a report
         * reached through a link of another name is not reopened) */
        if (strcmp(p ? p + 1 : reports[i]->path, base))
            continue;
        key = state_key(reports[i]);
        same = !strcmp(key, last);
        free(key);
        if (same)
            return (long)i;
    }
    return -1;
}

void ui_marks_leave(struct ui_marks *m, struct position from)
{
    m->prev = from;
}

static int mark_index(int key)
{
    if (key >= 'a' && key <= 'z')
        return key - 'a';
    if (key >= 'A' && key <= 'Z')
        return 26 + key - 'A';
    return -1;
}

bool ui_marks_key(struct ui_marks *m, enum action pending, int key, struct position here,
                  struct position *to)
{
    int i = mark_index(key);

    if (pending == ACT_GOTO_MARK && key == '\'') {
        if (m->prev.report < 0) {
            ui_status_say(m->status, "No previous position");
            return false;
        }
        *to = m->prev;
        return true;
    }
    if (i < 0) {
        ui_status_say(m->status, "Marks are letters a-z and A-Z");
        return false;
    }
    if (pending == ACT_MARK) {
        if (here.report < 0)
            return false;
        m->marks[i] = here;
        ui_status_say(m->status, "Mark %c set", key);
        return false;
    }
    if (m->marks[i].report < 0) {
        ui_status_say(m->status, "Mark %c is not set", key);
        return false;
    }
    *to = m->marks[i];
    return true;
}
