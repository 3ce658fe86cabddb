/*
 * index.h: the library index, one SQLite database per user
 * ($XDG_CACHE_HOME/courtread/index.db). A row per report file, keyed by its
 * real path and the encoding it was read in, holds the file's identity and
 * what the parser made of it that the library's views need (the fields, the
 * courts, the outline); a full-text table over the reports' text (FTS5, our
 * own tokenizer of character pairs) finds the reports a query can be in.
 * Only new and changed files are parsed; any number of libraries share the
 * one index. Never prints: problems become messages.
 */
#ifndef COURTREAD_INDEX_H
#define COURTREAD_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct err;
struct msgs;
struct path_list;
struct report;
struct search_query;

/* The index's file name in its folder. */
#define INDEX_FILE "index.db"

struct index;
struct index_fill;

/*
 * Open (making it when there is none) the index at file, or at the default
 * place when file is NULL. A damaged or foreign file is set aside and a new
 * one made, with a message in msgs naming it. NULL with err set when there
 * can be no index (a folder that cannot be written, a full disk), or with
 * err->msg empty when there is no cache folder at all (neither
 * XDG_CACHE_HOME nor HOME there): the caller then parses every report.
 */
struct index *index_open(const char *file, struct msgs *msgs, struct err *err);
void index_close(struct index *ix);

/* The default index file (NULL when neither XDG_CACHE_HOME nor HOME is
 * set). Caller frees. */
char *index_default_file(void);

/* What the index knows of one report of a library. */
struct index_entry {
    long long id;  /* its row; 0 for a report not in the index (standard input) */
    bool fts;      /* its text is in the full-text table */
    char *failed;  /* why the file could not be loaded, or NULL */
    char *outline; /* outline_format() of the report */
    /* Its fields and courts, with path (as given) but no text or blocks:
     * enough for the court tree and a list of reports. */
    struct report *card;
    /* Standard input's report, parsed whole: it cannot be read twice. */
    struct report *report;
    /* util_hash() of the file's bytes when it was parsed, and (once
     * index_maps() has read it, or a sync or a fill for a search made it) the
     * report's text map: a load_map for library_load_each() */
    uint64_t sum;
    char *map;
    size_t map_len;
    bool map_known; /* map is what the index has (NULL: none) */
};

struct index_entries {
    struct index_entry *v; /* one per path, in path order */
    size_t nr;
};

/* Parts of an entry a caller can do without: less to read and check. */
enum index_skip {
    INDEX_SKIP_OUTLINE = 1 << 0, /* entry->outline */
    INDEX_SKIP_FIELDS = 1 << 1,  /* the card's title, date, source and the rest */
    INDEX_SKIP_COURTS = 1 << 2,  /* the card's courts */
};

/* How to bring the index up to date. */
struct index_sync_opts {
    const char *encoding;     /* forced, or NULL to detect */
    int threads;              /* parser threads */
    bool reindex;             /* parse every file again */
    const char *const *roots; /* the folders walked (NULL-terminated), whose
                                 rows of files no longer there go */
    unsigned skip;            /* parts of the entries not needed (INDEX_SKIP_*):
                                 empty for the reports from the index */
    bool text;                /* a search follows: the text of the reports
                                 parsed goes into the full-text table */
    bool no_fill;             /* index_candidates() leaves the full-text table
                                 to index_fill_start()'s thread */
};

/*
 * Bring the index up to date for paths: files new or changed since (or
 * written too recently to trust their time, and whose bytes changed) are
 * parsed, on opts->threads threads, and their rows written in one
 * transaction; a renamed file keeps its row. Fills out, one entry per path.
 * Standard input ("-") is parsed and never stored; with ix NULL (no index)
 * every report is. Problems with the index
 * (full disk, a lock held too long) become messages; the entries are still
 * made.
 */
void index_sync(struct index *ix, const struct path_list *paths, const struct index_sync_opts *opts,
                struct index_entries *out, struct msgs *msgs);
void index_entries_release(struct index_entries *e);

/*
 * Which of the entries query q can match, as a mask (true: a candidate).
 * Reports whose text is not yet in the full-text table are parsed (on
 * opts->threads threads) and added first; with opts->no_fill they are not,
 * and are candidates (the table says which reports it has, as it is at the
 * moment of asking). Every entry is a candidate when the index cannot
 * narrow the query (a regular expression, a query of no character pair) or
 * cannot be read.
 */
void index_candidates(struct index *ix, const struct path_list *paths, struct index_entries *e,
                      const struct search_query *q, const struct index_sync_opts *opts, bool *mask,
                      struct msgs *msgs);

/* Read the text maps (textmap.c) of the entries in mask that have one in
 * the index into them, for their reports to be rebuilt from their files
 * without a parse; those a sync for a search or index_candidates() gave
 * them already are not read again. An entry without a map (none, or the
 * index could not be read) is parsed. */
void index_maps(struct index *ix, struct index_entries *e, const bool *mask);

/* The text map of row id (a card's report->id) and the util_hash() of the
 * bytes it was made of: a copy the caller frees, or NULL when there is
 * none or it cannot be read (the report is parsed). */
char *index_map_of(struct index *ix, long long id, size_t *len, uint64_t *sum);

/*
 * Fill the full-text table in the background, for a program that must not
 * wait for it (the browser): a thread with a connection of its own to the
 * index's file puts the text of every entry not yet in the table into it,
 * parsing on opts->threads threads at a lower priority, and commits every
 * few hundred reports, so index_candidates() with opts->no_fill sees each
 * batch as it lands. It blocks every signal but a crash's, never prints,
 * and does not read e after this returns; paths' strings must outlive it.
 * NULL when there is no index or no thread.
 */
struct index_fill *index_fill_start(struct index *ix, const struct path_list *paths,
                                    const struct index_entries *e,
                                    const struct index_sync_opts *opts);

/* While it runs: the reports whose text is in the table (by what the
 * entries said and it has put in since), of all that can be; false once
 * it is done. */
bool index_fill_progress(const struct index_fill *f, size_t *in, size_t *of);

/* Ask it to stop after the report it is at, without waiting: what it put
 * in is kept. NULL is a no-op. */
void index_fill_stop(struct index_fill *f);

/* Wait for it to finish or, with stop, to stop (index_fill_stop(): the
 * batches it loads are small, so this waits a fraction of a second), then
 * free it. NULL is a no-op. */
void index_fill_end(struct index_fill *f, bool stop);

#endif
