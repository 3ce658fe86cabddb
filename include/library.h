/*
 * library.h: which files are reports. Walks files and directories
 * (recursively, in byte order of names, surviving symlink loops) and keeps
 * .txt and .md files; loads one report (read, decode, parse). Problems become
 * messages "PATH: reason" in a struct msgs; nothing is printed here.
 */
#ifndef COURTREAD_LIBRARY_H
#define COURTREAD_LIBRARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct msgs;
struct report;
struct err;
struct sbuf;

struct path_list {
    char **v;
    size_t nr, alloc;
};

/*
 * Add the reports at path: the file itself, or the .txt and .md files under a
 * directory. Returns -1 when path does not exist (a usage error; err says
 * why), else 0; unreadable directories become messages.
 */
int library_collect(const char *path, struct path_list *out, struct msgs *msgs, struct err *err);
void path_list_release(struct path_list *l);

/* Whether the file name says Markdown (.md, .markdown). */
bool library_is_markdown(const char *path);

/*
 * Read, decode and parse one report; opts may be NULL for the defaults.
 * Returns NULL with err set when it cannot be read or is not text.
 */
/* How to load: an encoding to force (NULL to detect) and the parts of the
 * model to leave out (enum report_skip). */
struct load_opts {
    const char *encoding;
    unsigned skip;
    bool sum; /* set report->sum (util_hash() of the file's bytes) */
    bool map; /* set report->map (textmap_make()): for the index to keep */
    /* library_load_each(): per path, a text map (textmap.c) to rebuild the
     * report from, in a copy instead of a parse, while the file's bytes
     * are still those it was made of; a path without one (or no array) is
     * parsed. A report rebuilt has no courts: the caller has them. */
    const struct load_map *maps;
};

/* A report's text map and the util_hash() of the bytes it was made of. */
struct load_map {
    const char *map; /* NULL: none */
    size_t len;
    uint64_t sum;
    const struct report *courts; /* whose courts a report rebuilt takes, or NULL */
};

struct report *library_load(const char *path, const struct load_opts *opts, struct err *err);

/* Where library_fill() and library_fill_each() find a card's text map (by
 * its report->id): a copy they free, with the sum of the bytes it was made
 * of, or NULL. The browser sets the index's; without one, cards are parsed.
 * Called in the thread that fills. */
typedef char *(*library_map_fn)(void *ctx, const struct report *card, size_t *len, uint64_t *sum);
void library_set_map_source(library_map_fn fn, void *ctx);

/* When *slot is a card (report->card), read the report in full from its
 * file into *slot (rebuilt from its text map when it has one, with the
 * card's courts, and report->sum set), freeing the card: 0, or -1 with err
 * set (the card stays). */
int library_fill(struct report **slot, const char *encoding, struct err *err);

/* When *slot is a report filled from a card of the index (report->id),
 * make it a card again, freeing its text: for a caller that read it only
 * to search it, and fills it again (a copy of its file, by its map) when
 * it is shown. */
void library_unfill(struct report **slot);

/* library_fill() of slots[which[0 .. n-1]] (each slot once), on every core: the cards among
 * them read in full, in their places; a card that cannot be read stays. */
void library_fill_each(struct report **slots, const size_t *which, size_t n, const char *encoding);

/*
 * Called for each report in path order, in the thread that called
 * library_load_each(): r is the parsed report or NULL with err saying why
 * it could not be loaded. fn returns true when it keeps r (it then owns
 * it); otherwise library_load_each() frees r, in the thread that made it.
 */
typedef bool (*library_fn)(void *ctx, size_t index, const char *path, struct report *r,
                           struct sbuf *prepared, const char *err);
/* Work done on each loaded report (path index) in the worker thread,
 * before delivery (it must only read ctx): text to print, say, into out. */
typedef void (*library_prep)(const void *ctx, size_t index, const struct report *r,
                             struct sbuf *out);

/*
 * Load every path with up to threads worker threads, run prep (when not
 * NULL) on each report there, and deliver them to fn in order, in this
 * thread. At most a bounded window of reports is in memory at once.
 */
/* The workers for library_load_each() on this machine: one fewer than the
 * cores, as the calling thread loads as well (a worker more only switches:
 * 0.56 s → 0.52 s for the bench library's --outline on two cores), 1 at
 * least, 7 at most. */
int library_workers(void);

void library_load_each(const struct path_list *paths, const struct load_opts *opts, int threads,
                       library_prep prep, library_fn fn, void *ctx);

#endif
