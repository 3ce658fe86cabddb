/*
 * state.h: what courtread remembers between runs, in
 * $XDG_STATE_HOME/courtread/state (default ~/.local/state/courtread/state):
 * the last report open and the reading position (a byte offset into the
 * report's text) of each report read, most recent first; and, beside it,
 * the history of search queries. Saved atomically:
 * a temporary file renamed over the old one, so a crash leaves either the
 * old state or the new, never half of one.
 */
#ifndef COURTREAD_STATE_H
#define COURTREAD_STATE_H

#include <stdbool.h>
#include <stddef.h>

struct err;

/* Positions kept; the oldest are dropped beyond this. */
#define STATE_MAX_POSITIONS 5000

struct state_pos {
    char *path;
    size_t off;
    bool touched; /* set in this run (state_set), so saved over the file's */
};

struct state {
    char *last; /* the report open at the end of the last run, or NULL */
    struct state_pos *v;
    size_t nr, alloc;
};

/* The state file's path; NULL when neither XDG_STATE_HOME nor HOME is set.
 * Caller frees. */
char *state_default_path(void);

/* Read file into s (which must be empty). A missing file is an empty state;
 * a line that cannot be read is skipped. -1 with err set when the file
 * exists but cannot be read. */
int state_load(struct state *s, const char *file, struct err *err);

/* The position saved for path; false when there is none. */
bool state_get(const struct state *s, const char *path, size_t *off);

/* Remember off for path, as the most recent; the position counts as this
 * run's (saved over the file's) when it is new or differs from the one
 * loaded. */
void state_set(struct state *s, const char *path, size_t off);

void state_set_last(struct state *s, const char *path);

/* Write s to file (creating its folder), atomically, merged with the file as
 * it is now: the positions this run changed (newest first), then the file's
 * others, so two copies running at once lose nothing. The read, merge and
 * write hold state_lock(), so copies quitting at the same moment take
 * turns. A file that exists but cannot be read is never replaced: -1 with
 * err naming it. */
int state_save(const struct state *s, const char *file, struct err *err);

void state_release(struct state *s);

/* Wait for and take the lock on file (an flock() on FILE.lock, made when
 * missing, whose folder must exist): returns what state_unlock() takes, or
 * -1 with err set. The lock goes when its process does, so a crash never
 * leaves it held. */
int state_lock(const char *file, struct err *err);
void state_unlock(int lock);

/* Write len bytes of buf to file atomically: a temporary file in the same
 * folder (made when missing), flushed to disk, renamed over file. */
int state_write(const char *file, const char *buf, size_t len, struct err *err);

/* Search queries, kept in the file "history" beside the state file: the
 * oldest first, a query typed again moves to the end, at most this many. */
#define STATE_HISTORY_MAX 200

struct state_history {
    char **v;
    size_t nr, alloc;
};

/* The history file beside state_file. Caller frees. */
char *state_history_path(const char *state_file);
int state_history_load(struct state_history *h, const char *file, struct err *err);
void state_history_add(struct state_history *h, const char *query);
int state_history_save(const struct state_history *h, const char *file, struct err *err);
void state_history_release(struct state_history *h);

#endif
