/*
 * index.c: the library index on SQLite. A table of files (identity, and the
 * fields, courts and outline the parser made) and a full-text table (FTS5,
 * contentless, detail=none) of the reports' text in character pairs
 * (tokenize.c). What is read back is checked as any file's text is: a
 * damaged or foreign index never reaches the model or the terminal.
 */
#include "index.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <gnu/libc-version.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "library.h"
#include "outline.h"
#include "report.h"
#include "search.h"
#include "text.h"
#include "tokenize.h"
#include "util.h"

#define APPLICATION_ID 0x43524458 /* "CRDX" */
#define SCHEMA_VERSION 1
/* A file whose time is this close to the moment it was read can change again
 * within the tick of its clock unseen (a file system's times are only as
 * fine as the kernel's tick): whether it changed is told by its bytes. */
#define RACY_NS (2LL * 1000000000LL)
/* Rows of the full-text table left by files changed or gone, at most (and
 * no more than there are live ones), before the table is emptied, to be
 * filled again as searches need it: a contentless table cannot take a row
 * out without its old text. */
#define DEAD_MAX 2000
/* Reports added to the full-text table per transaction: another instance
 * waits for the write lock no longer than that takes. */
#define TEXT_BATCH 256
/* How long a writer waits for another instance's transaction. */
#define BUSY_MS 10000

struct index {
    sqlite3 *db;
    char *file;
    long long prog;       /* the running program: another parses otherwise */
    sqlite3_stmt *map_of; /* index_map_of()'s, made at its first call */
};

static const char schema[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;"
    /* ids never reused: the full-text table may hold a dead row's id */
    "CREATE TABLE file(id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " path TEXT NOT NULL, enc TEXT NOT NULL,"
    " dev INTEGER NOT NULL, ino INTEGER NOT NULL, size INTEGER NOT NULL,"
    " mtime INTEGER NOT NULL, sum INTEGER NOT NULL, seen INTEGER NOT NULL,"
    " prog INTEGER NOT NULL, failed TEXT,"
    " title TEXT, subtitle TEXT, byline TEXT, date TEXT, source TEXT, author TEXT,"
    " main_court INTEGER NOT NULL DEFAULT 0, courts TEXT, parents TEXT, outline TEXT,"
    " fts INTEGER NOT NULL DEFAULT 0, map BLOB,"
    " UNIQUE(path, enc));"
    "CREATE VIRTUAL TABLE body USING fts5(text, content='', detail=none,"
    " tokenize='" TOKENIZE_NAME "');"
    /* pending terms kept in memory before a segment is written: 16 MB
     * instead of 1 MB fills the table from a library some 15 % faster */
    "INSERT INTO body(body, rank) VALUES('hashsize', 16777216);"
    "INSERT INTO meta VALUES('dead', 0), ('fts_prog', 0);";

static bool damage(int rc)
{
    rc &= 0xFF;
    return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB || rc == SQLITE_FORMAT;
}

/* The running program's file, as a number: the index is only as good as
 * the parser that wrote it, and a rebuilt or upgraded courtread may parse
 * (or fold for the full-text table) otherwise; and the C library's
 * version, whose iconv decodes GBK and GB18030 (an upgrade may map a
 * character otherwise, and a text map is of the text decoded). */
static long long program_identity(void)
{
    struct stat st;
    uint64_t v[5] = {0};
    const char *libc = gnu_get_libc_version();

    if (stat("/proc/self/exe", &st) == 0) {
        v[0] = (uint64_t)st.st_size;
        v[1] = (uint64_t)st.st_ino;
        v[2] = (uint64_t)st.st_mtim.tv_sec;
        v[3] = (uint64_t)st.st_mtim.tv_nsec;
    }
    v[4] = util_hash(libc, strlen(libc));
    return (long long)(util_hash(v, sizeof(v)) >> 1);
}

char *index_default_file(void)
{
    return util_xdg_path("XDG_CACHE_HOME", ".cache", INDEX_FILE);
}

static long long pragma_int(sqlite3 *db, const char *sql, int *rc)
{
    sqlite3_stmt *st;
    long long v = 0;

    *rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (*rc != SQLITE_OK)
        return 0;
    *rc = sqlite3_step(st);
    if (*rc == SQLITE_ROW) {
        v = sqlite3_column_int64(st, 0);
        *rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return v;
}

/* End the transaction begun: COMMIT when rc says all went well, else
 * ROLLBACK; the first error. */
static int end_transaction(sqlite3 *db, int rc)
{
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

/* The files of the search cache the index replaced (courtread 0.1's
 * search-*.cache, as large as a library each): gone when an index is made
 * in their folder. */
static void remove_old_caches(const char *file)
{
    char *dir = xstrdup(file), *slash = strrchr(dir, '/');
    DIR *d;
    struct dirent *de;

    if (slash)
        *slash = '\0';
    d = slash ? opendir(dir) : NULL;
    while (d && (de = readdir(d))) {
        size_t n = strlen(de->d_name);

        if (!strncmp(de->d_name, "search-", 7) && n > 13 && !strcmp(de->d_name + n - 6, ".cache")) {
            struct sbuf sb = SBUF_INIT;

            sbuf_addf(&sb, "%s/%s", dir, de->d_name);
            unlink(sb.buf);
            sbuf_release(&sb);
        }
    }
    if (d)
        closedir(d);
    free(dir);
}

/* Make the tables in a new, empty file (another instance may be making
 * them at the same moment: whoever takes the write lock first does). */
static int create(sqlite3 *db)
{
    int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    struct sbuf sql = SBUF_INIT;

    if (rc != SQLITE_OK)
        return rc;
    if (pragma_int(db, "PRAGMA application_id", &rc) == 0 && rc == SQLITE_OK) {
        sbuf_addf(&sql, "%sPRAGMA application_id = %d; PRAGMA user_version = %d;", schema,
                  APPLICATION_ID, SCHEMA_VERSION);
        rc = sqlite3_exec(db, sql.buf, NULL, NULL, NULL);
        sbuf_release(&sql);
    }
    return end_transaction(db, rc);
}

/* Whether the file table has the text maps' column. */
static bool has_maps(sqlite3 *db, int *rc)
{
    return pragma_int(db, "SELECT count(*) FROM pragma_table_info('file') WHERE name = 'map'",
                      rc) == 1;
}

/* An index of the courtread before text maps takes their column, and stays
 * of the same schema: the column is added, nothing else changes, so that
 * courtread goes on using it (its rows are another program's, parsed
 * again; it writes no maps, and its rows have none). */
static int add_maps(sqlite3 *db)
{
    int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

    if (rc != SQLITE_OK)
        return rc;
    if (!has_maps(db, &rc) && rc == SQLITE_OK) /* another may have added it */
        rc = sqlite3_exec(db, "ALTER TABLE file ADD COLUMN map BLOB", NULL, NULL, NULL);
    return end_transaction(db, rc);
}

/* Open file as an index: 0, or 1 when it is damaged or not one of ours
 * (the caller sets it aside), or -1 with err set. */
static int open_once(struct index *ix, struct err *err, int *busy)
{
    int rc = sqlite3_open_v2(ix->file, &ix->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    long long app, version;

    if (rc != SQLITE_OK)
        goto fail;
    sqlite3_busy_timeout(ix->db, BUSY_MS);
    if ((rc = tokenize_register(ix->db)) != SQLITE_OK)
        goto fail;
    /* WAL: readers and one writer at once, across instances */
    rc = sqlite3_exec(ix->db,
                      "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL;"
                      " PRAGMA synchronous = NORMAL",
                      NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        goto fail;
    app = pragma_int(ix->db, "PRAGMA application_id", &rc);
    if (rc == SQLITE_OK)
        version = pragma_int(ix->db, "PRAGMA user_version", &rc);
    if (rc != SQLITE_OK)
        goto fail;
    if (app == 0 && version == 0) {
        long long tables = pragma_int(ix->db, "SELECT count(*) FROM sqlite_schema", &rc);

        if (rc != SQLITE_OK)
            goto fail;
        if (tables) /* a database, but someone else's */
            return 1;
        if ((rc = create(ix->db)) != SQLITE_OK)
            goto fail;
        remove_old_caches(ix->file);
        app = pragma_int(ix->db, "PRAGMA application_id", &rc);
        version = pragma_int(ix->db, "PRAGMA user_version", &rc);
    }
    if (app != APPLICATION_ID || version != SCHEMA_VERSION)
        return 1;
    if (!has_maps(ix->db, &rc) && (rc != SQLITE_OK || (rc = add_maps(ix->db)) != SQLITE_OK))
        goto fail;
    return 0;
fail:
    if (damage(rc))
        return 1;
    *busy = (rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED;
    err_set(err, "%s: %s", ix->file, ix->db ? sqlite3_errmsg(ix->db) : sqlite3_errstr(rc));
    return -1;
}

/* open_once(), again while another instance holds a lock that SQLite's
 * wait does not cover (two instances making a new index, or turning on
 * WAL, at the same moment), for as long as the wait for a writer. */
static int open_file(struct index *ix, struct err *err)
{
    for (int waited = 0;; waited += 10) {
        int busy = 0, rc = open_once(ix, err, &busy);

        if (rc >= 0 || !busy || waited >= BUSY_MS)
            return rc;
        sqlite3_close(ix->db);
        ix->db = NULL;
        sqlite3_sleep(10);
    }
}

static void close_db(struct index *ix)
{
    sqlite3_finalize(ix->map_of);
    ix->map_of = NULL;
    sqlite3_close(ix->db);
    ix->db = NULL;
}

/* Remove the index's file and its journal: always safe, the next run
 * makes a new one. */
static void remove_files(const char *file)
{
    static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
    struct sbuf sb = SBUF_INIT;

    for (size_t i = 0; i < ARRAY_SIZE(ext); i++) {
        sbuf_reset(&sb);
        sbuf_addf(&sb, "%s%s", file, ext[i]);
        unlink(sb.buf);
    }
    sbuf_release(&sb);
}

/* Set the index aside and make a new one. */
static int remake(struct index *ix, struct msgs *msgs, struct err *err)
{
    close_db(ix);
    msgs_add(msgs, "%s: damaged or not an index of this courtread: made anew", ix->file);
    remove_files(ix->file);
    return open_file(ix, err) == 0 ? 0 : -1;
}

/* Whether the folder the cache folder goes under is there: XDG_CACHE_HOME,
 * else HOME (a HOME that does not exist, as for a system user, has no
 * cache). */
static bool base_exists(void)
{
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    struct stat st;

    if (xdg && *xdg == '/')
        return true; /* made when missing (util_make_parent()) */
    return home && *home && stat(home, &st) == 0 && S_ISDIR(st.st_mode);
}

struct index *index_open(const char *file, struct msgs *msgs, struct err *err)
{
    struct index *ix = xcalloc(1, sizeof(*ix));
    int rc;

    ix->file = file ? xstrdup(file) : index_default_file();
    if (!ix->file) {
        err_set(err, "no folder for the index: neither XDG_CACHE_HOME nor HOME is set");
        free(ix);
        return NULL;
    }
    if (!file && !base_exists()) {
        err->msg[0] = '\0'; /* no cache folder at all: no index, nothing to say */
        free(ix->file);
        free(ix);
        return NULL;
    }
    if (!file && util_make_parent(ix->file, "XDG_CACHE_HOME", err) < 0) {
        free(ix->file);
        free(ix);
        return NULL;
    }
    rc = open_file(ix, err);
    if (rc == 1)
        rc = remake(ix, msgs, err);
    if (rc < 0) {
        if (!err->msg[0])
            err_set(err, "%s: cannot be made", ix->file);
        index_close(ix);
        return NULL;
    }
    ix->prog = program_identity();
    return ix;
}

void index_close(struct index *ix)
{
    if (!ix)
        return;
    close_db(ix);
    free(ix->file);
    free(ix);
}

/* ---- rows ---- */

/* A row of the file table as read, with the columns a view needs. */
struct row {
    long long id, dev, ino, size, mtime, sum, seen, prog;
    bool fts, used;
    char *path;
    char *failed, *fields[6], *courts, *parents, *outline;
    int main_court;
    char *map;
    size_t map_len;
};

enum {
    COL_ID,
    COL_PATH,
    COL_DEV,
    COL_INO,
    COL_SIZE,
    COL_MTIME,
    COL_SUM,
    COL_SEEN,
    COL_PROG,
    COL_FTS,
    COL_FAILED,
    COL_FIELDS,
    COL_MAIN = COL_FIELDS + 6,
    COL_COURTS,
    COL_PARENTS,
    COL_OUTLINE,
    COL_MAP
};

static const char select_rows[] =
    "SELECT id, path, dev, ino, size, mtime, sum, seen, prog, fts, failed,"
    " CASE WHEN ?3 THEN title END, CASE WHEN ?3 THEN subtitle END, CASE WHEN ?3 THEN byline END,"
    " CASE WHEN ?3 THEN date END, CASE WHEN ?3 THEN source END, CASE WHEN ?3 THEN author END,"
    " CASE WHEN ?4 THEN main_court ELSE 0 END, CASE WHEN ?4 THEN courts END,"
    " CASE WHEN ?4 THEN parents END, CASE WHEN ?2 THEN outline END, CASE WHEN ?5 THEN map END"
    " FROM file WHERE enc = ?1";

static char *column_dup(sqlite3_stmt *st, int col)
{
    const unsigned char *s = sqlite3_column_text(st, col);

    return s ? xstrndup((const char *)s, (size_t)sqlite3_column_bytes(st, col)) : NULL;
}

/* A copy of a blob column (a text map), or NULL when it is empty. */
static char *blob_dup(sqlite3_stmt *st, int col, size_t *len)
{
    const void *blob = sqlite3_column_blob(st, col);
    int n = sqlite3_column_bytes(st, col);
    char *v;

    if (!blob || n <= 0)
        return NULL;
    v = xmalloc((size_t)n);
    memcpy(v, blob, (size_t)n);
    *len = (size_t)n;
    return v;
}

static void row_release(struct row *r)
{
    free(r->path);
    free(r->failed);
    for (size_t k = 0; k < ARRAY_SIZE(r->fields); k++)
        free(r->fields[k]);
    free(r->courts);
    free(r->parents);
    free(r->outline);
    free(r->map);
}

/* The rows read for one encoding, found by path. */
struct rows {
    struct row *v;
    size_t nr, alloc;
    long *slots; /* open addressing by path: index into v, or -1 */
    size_t nr_slots;
};

static size_t path_hash(const char *s)
{
    return (size_t)util_hash(s, strlen(s));
}

static void rows_index(struct rows *rs)
{
    rs->nr_slots = 16;
    while (rs->nr_slots < rs->nr * 2)
        rs->nr_slots *= 2;
    rs->slots = xmalloc(rs->nr_slots * sizeof(*rs->slots));
    for (size_t i = 0; i < rs->nr_slots; i++)
        rs->slots[i] = -1;
    for (size_t i = 0; i < rs->nr; i++) {
        size_t h = path_hash(rs->v[i].path) & (rs->nr_slots - 1);

        while (rs->slots[h] >= 0)
            h = (h + 1) & (rs->nr_slots - 1);
        rs->slots[h] = (long)i;
    }
}

static struct row *rows_find(const struct rows *rs, const char *path)
{
    size_t h;

    if (!rs->nr_slots)
        return NULL;
    h = path_hash(path) & (rs->nr_slots - 1);

    for (; rs->slots[h] >= 0; h = (h + 1) & (rs->nr_slots - 1))
        if (!strcmp(rs->v[rs->slots[h]].path, path))
            return &rs->v[rs->slots[h]];
    return NULL;
}

static void rows_release(struct rows *rs)
{
    for (size_t i = 0; i < rs->nr; i++)
        row_release(&rs->v[i]);
    free(rs->v);
    free(rs->slots);
}

/* The rows of encoding enc, without the parts in skip (INDEX_SKIP_*), with
 * their text maps when maps. */
static int read_rows(struct index *ix, const char *enc, unsigned skip, bool maps, struct rows *rs)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(ix->db, select_rows, -1, &st, NULL);

    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_text(st, 1, enc, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, !(skip & INDEX_SKIP_OUTLINE));
    sqlite3_bind_int(st, 3, !(skip & INDEX_SKIP_FIELDS));
    sqlite3_bind_int(st, 4, !(skip & INDEX_SKIP_COURTS));
    sqlite3_bind_int(st, 5, maps);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct row *r;

        ALLOC_GROW(rs->v, rs->nr + 1, rs->alloc);
        r = &rs->v[rs->nr++];
        memset(r, 0, sizeof(*r));
        r->id = sqlite3_column_int64(st, COL_ID);
        r->path = column_dup(st, COL_PATH);
        if (!r->path)
            r->path = xstrdup("");
        r->dev = sqlite3_column_int64(st, COL_DEV);
        r->ino = sqlite3_column_int64(st, COL_INO);
        r->size = sqlite3_column_int64(st, COL_SIZE);
        r->mtime = sqlite3_column_int64(st, COL_MTIME);
        r->sum = sqlite3_column_int64(st, COL_SUM);
        r->seen = sqlite3_column_int64(st, COL_SEEN);
        r->prog = sqlite3_column_int64(st, COL_PROG);
        r->fts = sqlite3_column_int64(st, COL_FTS) != 0;
        r->failed = column_dup(st, COL_FAILED);
        for (int k = 0; k < 6; k++)
            r->fields[k] = column_dup(st, COL_FIELDS + k);
        r->main_court = sqlite3_column_int(st, COL_MAIN);
        r->courts = column_dup(st, COL_COURTS);
        r->parents = column_dup(st, COL_PARENTS);
        r->outline = column_dup(st, COL_OUTLINE);
        r->map = blob_dup(st, COL_MAP, &r->map_len);
    }
    sqlite3_finalize(st);
    rows_index(rs);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* ---- from a row to an entry, checked ---- */

/* A field fit to show: no line end, nothing decode would have removed. */
static bool clean_field(const char *s)
{
    return !s || (!strchr(s, '\n') && !text_has_controls(s, strlen(s), false));
}

/* The courts of a row: names a line each, parents as numbers. False when
 * they are not what index_sync() writes. */
static bool unpack_courts(const struct row *w, struct report *c)
{
    const char *s = w->courts, *p = w->parents;
    size_t n = 0;

    if (!s || !*s)
        return !p || !*p;
    for (const char *q = s; *q; q++)
        n += *q == '\n';
    if (n == 0 || s[strlen(s) - 1] != '\n' || !p)
        return false;
    c->courts = xcalloc(n, sizeof(*c->courts));
    c->court_parent = xcalloc(n, sizeof(*c->court_parent));
    c->nr_courts = c->alloc_courts = n;
    for (size_t i = 0; i < n; i++) {
        const char *end = strchr(s, '\n');
        char *stop;
        long v;

        c->courts[i] = xstrndup(s, (size_t)(end - s));
        s = end + 1;
        errno = 0;
        v = strtol(p, &stop, 10);
        if (stop == p || errno || v < -1 || v >= (long)n || v == (long)i)
            return false;
        c->court_parent[i] = (int)v;
        p = stop;
        if (!*c->courts[i] || !clean_field(c->courts[i]))
            return false;
    }
    /* each chain of parents ends, as court_find_report() makes them */
    for (size_t i = 0; i < n; i++) {
        size_t steps = 0;

        for (long j = c->court_parent[i]; j != -1; j = c->court_parent[j])
            if (++steps > n)
                return false;
    }
    return !*p;
}

/* Fill e from row w, for a report known as path; false when the row is
 * not one index_sync() can have written (then the file is parsed again). */
static bool entry_from_row(struct index_entry *e, struct row *w, const char *path)
{
    struct report *c = xcalloc(1, sizeof(*c));
    char **fields[] = {&c->title, &c->subtitle, &c->byline, &c->date, &c->source, &c->author};

    e->id = w->id;
    e->fts = w->fts;
    e->sum = (uint64_t)w->sum;
    e->map = w->map; /* taken: a row is used once */
    e->map_len = w->map_len;
    w->map = NULL;
    c->path = xstrdup(path);
    c->text = xstrdup("");
    c->card = true;
    e->card = c;
    if (w->failed) {
        e->failed = xstrdup(w->failed);
        return clean_field(w->failed) && *w->failed;
    }
    for (size_t k = 0; k < ARRAY_SIZE(fields); k++) { /* taken: a row is used once */
        *fields[k] = w->fields[k];
        w->fields[k] = NULL;
        if (!clean_field(*fields[k]))
            return false;
    }
    c->main_court = w->main_court == 1;
    if (w->main_court < 0 || w->main_court > 1 || !unpack_courts(w, c) ||
        (c->main_court && !c->nr_courts))
        return false;
    e->outline = w->outline ? w->outline : xstrdup("");
    w->outline = NULL;
    return !text_has_controls(e->outline, strlen(e->outline), true);
}

static void entry_release(struct index_entry *e)
{
    free(e->failed);
    free(e->outline);
    free(e->map);
    report_free(e->card);
    report_free(e->report);
    memset(e, 0, sizeof(*e));
}

void index_entries_release(struct index_entries *es)
{
    for (size_t i = 0; i < es->nr; i++)
        entry_release(&es->v[i]);
    free(es->v);
    es->v = NULL;
    es->nr = 0;
}

/* ---- bringing it up to date ---- */

static long long now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* A file as it was when it was looked at, before it was read. */
struct seen_file {
    bool ok; /* stat() worked */
    long long dev, ino, size, mtime, seen;
};

/* A file as it is now: dirfd and name when the folder is open (no walk of
 * the whole path for each of a library's files), else path. */
static void look(int dirfd, const char *name, const char *path, struct seen_file *f)
{
    struct stat st;

    f->seen = now_ns();
    f->ok = (dirfd >= 0 ? fstatat(dirfd, name, &st, 0) : stat(path, &st)) == 0;
    if (!f->ok)
        return;
    f->dev = (long long)st.st_dev;
    f->ino = (long long)st.st_ino;
    f->size = (long long)st.st_size;
    f->mtime = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
}

static bool same_file(const struct row *w, const struct seen_file *f)
{
    return f->ok && w->dev == f->dev && w->ino == f->ino && w->size == f->size &&
           w->mtime == f->mtime;
}

/* Whether the file's bytes hash as they did when the row was written. */
static bool same_bytes(const char *path, long long sum)
{
    char *raw;
    size_t n;
    struct err err;
    bool same;

    if (util_read_file(path, &raw, &n, &err) < 0)
        return false;
    same = (long long)util_hash(raw, n) == sum;
    free(raw);
    return same;
}

/* The keys of a sync's files, in blocks freed together: a library's keys
 * without a malloc() and a free() each. */
struct keys {
    struct keys_block {
        struct keys_block *next;
        size_t used, size;
        char data[];
    } * head;
};

static char *keys_add(struct keys *ks, const char *a, size_t an, const char *b, size_t bn)
{
    struct keys_block *kb = ks->head;
    size_t n = an + bn + 1;
    char *p;

    if (!kb || kb->size - kb->used < n) {
        size_t size = n > 65536 ? n : 65536;

        kb = xmalloc(sizeof(*kb) + size);
        kb->next = ks->head;
        kb->used = 0;
        kb->size = size;
        ks->head = kb;
    }
    p = kb->data + kb->used;
    memcpy(p, a, an);
    memcpy(p + an, b, bn);
    p[an + bn] = '\0';
    kb->used += n;
    return p;
}

static void keys_release(struct keys *ks)
{
    while (ks->head) {
        struct keys_block *next = ks->head->next;

        free(ks->head);
        ks->head = next;
    }
}

/* A row's key: the real path of the file's folder and the file's own name
 * (the folder resolved, and opened, once for all its files; a file that is
 * itself a link is known by the link's name). */
struct keyer {
    char *dir, *real; /* the last folder resolved, with a '/' at the end */
    int fd;           /* it, open (O_PATH), or -1 */
    struct keys keys;
};

static const char *key_of(struct keyer *k, const char *path, const char **name)
{
    const char *slash = strrchr(path, '/');
    size_t dn = slash ? (size_t)(slash - path) : 0;

    if (!k->dir || strlen(k->dir) != dn || strncmp(k->dir, path, dn)) {
        char buf[PATH_MAX];
        char *dir = slash ? xstrndup(path, dn ? dn : 1) : xstrdup(".");
        struct sbuf sb = SBUF_INIT;

        free(k->dir);
        free(k->real);
        if (k->fd >= 0)
            close(k->fd);
        k->dir = xstrndup(path, dn);
        sbuf_addstr(&sb, realpath(dir, buf) ? buf : dir);
        if (sb.len == 0 || sb.buf[sb.len - 1] != '/')
            sbuf_addch(&sb, '/');
        k->real = sbuf_detach(&sb, NULL);
        k->fd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
        free(dir);
    }
    *name = slash ? slash + 1 : path;
    return keys_add(&k->keys, k->real, strlen(k->real), *name, strlen(*name));
}

static void keyer_release(struct keyer *k)
{
    free(k->dir);
    free(k->real);
    if (k->fd >= 0)
        close(k->fd);
    keys_release(&k->keys);
}

static int text_check(struct index *ix, bool *emptied);

/* What one report of a sync needs, besides its entry. */
struct job {
    const char *key;    /* NULL: standard input, never stored */
    struct seen_file f; /* the file before it was read */
    struct row *row;    /* its row, or NULL */
    enum { KEEP, PARSE, RENAME, SEEN } what;
    long long sum; /* of the bytes parsed */
};

static int bind_opt(sqlite3_stmt *st, int col, const char *s)
{
    return s ? sqlite3_bind_text(st, col, s, -1, SQLITE_STATIC) : sqlite3_bind_null(st, col);
}

/* A report's text map (NULL when it has none) as column col of st. */
static int bind_map(sqlite3_stmt *st, int col, const struct report *r)
{
    return r->map ? sqlite3_bind_blob(st, col, r->map, (int)r->map_len, SQLITE_STATIC)
                  : sqlite3_bind_null(st, col);
}

static int step_done(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);

    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* Write a parsed report's row, in place of the old one (whose id, with
 * its words in the full-text table, goes dead). */
static int write_row(sqlite3 *db, sqlite3_stmt *del, sqlite3_stmt *ins, const char *enc,
                     long long prog, const struct job *j, struct index_entry *e, long long *dead)
{
    const struct report *c = e->card;
    const char *const fields[] = {c->title, c->subtitle, c->byline, c->date, c->source, c->author};
    struct sbuf courts = SBUF_INIT, parents = SBUF_INIT;
    int rc;

    if (j->row) {
        sqlite3_bind_int64(del, 1, j->row->id);
        if ((rc = step_done(del)) != SQLITE_OK)
            return rc;
        *dead += j->row->fts;
    }
    for (size_t i = 0; i < c->nr_courts; i++) {
        sbuf_addstr(&courts, c->courts[i]);
        sbuf_addch(&courts, '\n');
        sbuf_addf(&parents, "%s%d", i ? " " : "", c->court_parent ? c->court_parent[i] : -1);
    }
    sqlite3_bind_text(ins, 1, j->key, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 2, enc, -1, SQLITE_STATIC);
    sqlite3_bind_int64(ins, 3, j->f.dev);
    sqlite3_bind_int64(ins, 4, j->f.ino);
    sqlite3_bind_int64(ins, 5, j->f.size);
    sqlite3_bind_int64(ins, 6, j->f.mtime);
    sqlite3_bind_int64(ins, 7, j->sum);
    sqlite3_bind_int64(ins, 8, j->f.seen);
    sqlite3_bind_int64(ins, 9, prog);
    bind_opt(ins, 10, e->failed);
    for (int k = 0; k < 6; k++)
        bind_opt(ins, 11 + k, e->failed ? NULL : fields[k]);
    sqlite3_bind_int(ins, 17, c->main_court);
    bind_opt(ins, 18, courts.buf);
    bind_opt(ins, 19, parents.buf);
    bind_opt(ins, 20, e->outline);
    rc = step_done(ins);
    if (rc == SQLITE_OK) {
        e->id = sqlite3_last_insert_rowid(db);
        e->fts = false;
    }
    sbuf_release(&courts);
    sbuf_release(&parents);
    return rc;
}

/* The transaction of a sync: rows written as the reports are parsed. */
struct writer {
    sqlite3 *db;
    sqlite3_stmt *del, *ins, *ren, *upd;
    sqlite3_stmt *put, *mark; /* the text into the full-text table (NULL: not) */
    long long dead;           /* rows of the full-text table left by rows gone */
    int rc;                   /* the first error */
    bool begun;
};

struct sync_ctx {
    struct index_entries *out;
    struct job *jobs;
    size_t *of;       /* parse list index → path index */
    struct writer *w; /* the sync's transaction, or NULL */
    const char *enc;
    long long prog;
};

static void prep_outline(const void *ctx, size_t index, const struct report *r, struct sbuf *out)
{
    (void)ctx;
    (void)index;
    outline_format(r, out);
}

static bool took_parse(void *arg, size_t k, const char *path, struct report *r,
                       struct sbuf *prepared, const char *err)
{
    struct sync_ctx *ctx = arg;
    size_t i = ctx->of[k];
    struct index_entry *e = &ctx->out->v[i];

    (void)path;
    struct job *j = &ctx->jobs[i];
    struct writer *w = ctx->w;

    if (!r) {
        e->failed = xstrdup(err ? err : "cannot be read");
        e->card = xcalloc(1, sizeof(*e->card));
        e->card->path = xstrdup(path);
        e->card->text = xstrdup("");
    } else {
        e->card = report_card(r);
        e->outline = prepared->buf ? sbuf_detach(prepared, NULL) : xstrdup("");
        j->sum = (long long)r->sum;
        e->sum = r->sum;
    }
    if (j->key && j->f.ok && w && w->rc == SQLITE_OK)
        w->rc = write_row(w->db, w->del, w->ins, ctx->enc, ctx->prog, j, e, &w->dead);
    if (r && j->key && j->f.ok && w && w->put && w->rc == SQLITE_OK) {
        /* a search follows: its text into the full-text table now, not
         * parsed again for it */
        sqlite3_bind_int64(w->put, 1, e->id);
        sqlite3_bind_text(w->put, 2, r->text, (int)r->len, SQLITE_STATIC);
        if ((w->rc = step_done(w->put)) == SQLITE_OK) {
            sqlite3_bind_int64(w->mark, 1, e->id);
            bind_map(w->mark, 2, r);
            w->rc = step_done(w->mark);
        }
        e->fts = w->rc == SQLITE_OK;
    }
    if (r && r->map) { /* the search that follows reads it by its map */
        e->map = r->map;
        e->map_len = r->map_len;
        r->map = NULL;
    }
    if (r && !j->key) { /* standard input: kept, as it cannot be read again */
        e->report = r;
        return true;
    }
    return false;
}

static int meta_add(sqlite3 *db, const char *key, long long by)
{
    sqlite3_stmt *st;
    int rc =
        sqlite3_prepare_v2(db, "UPDATE meta SET value = value + ?1 WHERE key = ?2", -1, &st, NULL);

    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_int64(st, 1, by);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
    rc = step_done(st);
    sqlite3_finalize(st);
    return rc;
}

/* Whether a row of a file no longer there, under one of the folders walked,
 * is to go. */
static bool gone(const struct row *w, char *const *roots)
{
    struct stat st;

    for (size_t i = 0; roots && roots[i]; i++) {
        size_t n = strlen(roots[i]);

        if (!strncmp(w->path, roots[i], n) && w->path[n] == '/')
            return lstat(w->path, &st) < 0 && errno == ENOENT;
    }
    return false;
}

static void writer_begin(struct writer *w, sqlite3 *db, bool text)
{
    memset(w, 0, sizeof(*w));
    w->db = db;
    if ((w->rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK)
        return;
    w->begun = true;
    if (text && ((w->rc = sqlite3_prepare_v2(db, "INSERT INTO body(rowid, text) VALUES(?1, ?2)", -1,
                                             &w->put, NULL)) ||
                 (w->rc = sqlite3_prepare_v2(db, "UPDATE file SET fts = 1, map = ?2 WHERE id = ?1",
                                             -1, &w->mark, NULL))))
        return;
    if ((w->rc = sqlite3_prepare_v2(db, "DELETE FROM file WHERE id = ?1", -1, &w->del, NULL)) ||
        (w->rc = sqlite3_prepare_v2(db,
                                    "INSERT OR REPLACE INTO file(path, enc, dev, ino, size, mtime,"
                                    " sum, seen, prog, failed, title, subtitle, byline, date,"
                                    " source, author, main_court, courts, parents, outline)"
                                    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                                    " ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
                                    -1, &w->ins, NULL)) ||
        (w->rc = sqlite3_prepare_v2(db, "UPDATE file SET path = ?1 WHERE id = ?2", -1, &w->ren,
                                    NULL)) ||
        (w->rc =
             sqlite3_prepare_v2(db, "UPDATE file SET seen = ?1 WHERE id = ?2", -1, &w->upd, NULL)))
        return;
}

/* The rest of what the sync found (renames, files seen old enough to be
 * told by their time, rows of files gone), then COMMIT; the first error. */
static int writer_finish(struct writer *w, struct job *jobs, struct index_entries *out,
                         struct rows *rs, char *const *roots)
{
    int rc = w->rc;

    for (size_t i = 0; i < out->nr && rc == SQLITE_OK; i++) {
        struct job *j = &jobs[i];

        if (j->key && j->what == RENAME) {
            sqlite3_bind_text(w->ren, 1, j->key, -1, SQLITE_STATIC);
            sqlite3_bind_int64(w->ren, 2, j->row->id);
            rc = step_done(w->ren);
        } else if (j->key && j->what == SEEN) {
            sqlite3_bind_int64(w->upd, 1, j->f.seen);
            sqlite3_bind_int64(w->upd, 2, j->row->id);
            rc = step_done(w->upd);
        }
    }
    for (size_t i = 0; i < rs->nr && rc == SQLITE_OK; i++) {
        struct row *r = &rs->v[i];

        if (r->used || !gone(r, roots))
            continue;
        sqlite3_bind_int64(w->del, 1, r->id);
        rc = step_done(w->del);
        w->dead += r->fts;
    }
    if (rc == SQLITE_OK && w->dead)
        rc = meta_add(w->db, "dead", w->dead);
    sqlite3_finalize(w->del);
    sqlite3_finalize(w->ins);
    sqlite3_finalize(w->ren);
    sqlite3_finalize(w->upd);
    sqlite3_finalize(w->put);
    sqlite3_finalize(w->mark);
    if (w->begun)
        rc = end_transaction(w->db, rc);
    if (rc != SQLITE_OK)
        for (size_t i = 0; i < out->nr; i++) /* rows that are not there after all */
            if (jobs[i].what == PARSE) {
                out->v[i].id = 0;
                out->v[i].fts = false;
            }
    return rc;
}

static int by_inode(const void *a, const void *b)
{
    const struct row *x = *(struct row *const *)a, *y = *(struct row *const *)b;

    return x->ino < y->ino ? -1 : x->ino > y->ino;
}

/* The rows no path took, by inode: where a renamed file's row is found. */
struct orphans {
    struct row **v;
    size_t nr;
};

static void orphans_make(struct orphans *o, struct rows *rs)
{
    o->v = xcalloc(rs->nr ? rs->nr : 1, sizeof(*o->v));
    for (size_t i = 0; i < rs->nr; i++)
        if (!rs->v[i].used && !rs->v[i].failed)
            o->v[o->nr++] = &rs->v[i];
    qsort(o->v, o->nr, sizeof(*o->v), by_inode);
}

/* A row no path took whose file is the new path's under another name, the
 * old name gone: a rename or a move. Not one that changes whether the name
 * says Markdown (a.txt to a.md): the parse, and so the row, is another. */
static struct row *renamed_from(const struct orphans *o, const struct seen_file *f,
                                const char *path, long long prog)
{
    size_t lo = 0, hi = o->nr;
    struct stat st;

    while (lo < hi) { /* the first row of the inode */
        size_t mid = lo + (hi - lo) / 2;

        if (o->v[mid]->ino < f->ino)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < o->nr && o->v[lo]->ino == f->ino; lo++) {
        struct row *w = o->v[lo];

        if (!w->used && w->prog == prog && same_file(w, f) &&
            library_is_markdown(w->path) == library_is_markdown(path) && lstat(w->path, &st) < 0 &&
            errno == ENOENT)
            return w;
    }
    return NULL;
}

static char **real_roots(const char *const *roots)
{
    size_t n = 0;
    char **v;
    char buf[PATH_MAX];

    while (roots && roots[n])
        n++;
    v = xcalloc(n + 1, sizeof(*v));
    for (size_t i = 0, k = 0; i < n; i++)
        if (realpath(roots[i], buf))
            v[k++] = xstrdup(buf);
    return v;
}

static void free_strings(char **v)
{
    for (size_t i = 0; v && v[i]; i++)
        free(v[i]);
    free(v);
}

/* Say an error of the index once; damage is said by the caller. */
static void say(struct index *ix, struct msgs *msgs, int rc, const char *doing)
{
    msgs_add(msgs, "%s: %s: %s", ix->file, doing, sqlite3_errstr(rc));
}

static int sync_once(struct index *ix, const struct path_list *paths,
                     const struct index_sync_opts *opts, struct index_entries *out,
                     struct msgs *msgs)
{
    const char *enc = opts->encoding ? opts->encoding : "";
    struct rows rs = {0};
    struct job *jobs = xcalloc(paths->nr ? paths->nr : 1, sizeof(*jobs));
    struct path_list todo = {0};
    struct sync_ctx ctx = {out,  jobs, xcalloc(paths->nr ? paths->nr : 1, sizeof(size_t)),
                           NULL, enc,  ix->prog};
    struct writer wr;
    struct keyer k = {.fd = -1};
    char **roots = real_roots(opts->roots);
    struct orphans orphans = {0};
    bool dirty = false;
    bool emptied;
    /* the full-text table first made this binary's, when it is to be filled */
    int rc = ix->db && opts->text ? text_check(ix, &emptied) : SQLITE_OK;

    if (rc == SQLITE_OK && ix->db)
        rc = read_rows(ix, enc, opts->skip, opts->text, &rs);

    out->v = xcalloc(paths->nr ? paths->nr : 1, sizeof(*out->v));
    out->nr = paths->nr;
    for (size_t i = 0; i < paths->nr; i++) /* parsed, unless the index has them */
        jobs[i].what = PARSE;
    for (size_t i = 0; i < paths->nr && rc == SQLITE_OK; i++) {
        const char *path = paths->v[i];
        struct job *j = &jobs[i];
        struct row *w;

        if (!strcmp(path, "-"))
            continue; /* standard input: new text each time */
        const char *name;

        j->key = key_of(&k, path, &name);
        look(k.fd, name, path, &j->f);
        w = j->row = rows_find(&rs, j->key);
        if (w && !w->used && !opts->reindex && w->prog == ix->prog && same_file(w, &j->f) &&
            (w->mtime + RACY_NS <= w->seen || same_bytes(path, w->sum))) {
            w->used = true;
            if (entry_from_row(&out->v[i], w, path)) {
                /* a racy file seen unchanged, now old enough to be told by its time */
                j->what =
                    w->mtime + RACY_NS <= w->seen || j->f.mtime + RACY_NS > j->f.seen ? KEEP : SEEN;
                dirty |= j->what == SEEN;
                continue;
            }
            entry_release(&out->v[i]);
        }
        if (w)
            w->used = true;
    }
    /* new names of files the index has under an old one */
    orphans_make(&orphans, &rs);
    for (size_t i = 0; i < paths->nr && rc == SQLITE_OK; i++) {
        struct job *j = &jobs[i];
        struct row *w;

        if (j->what != PARSE || !j->key || j->row || !j->f.ok || opts->reindex)
            continue;
        w = renamed_from(&orphans, &j->f, j->key, ix->prog);
        if (w && w->mtime + RACY_NS <= w->seen && entry_from_row(&out->v[i], w, paths->v[i])) {
            w->used = true;
            j->row = w;
            j->what = RENAME;
            dirty = true;
        } else if (w) {
            entry_release(&out->v[i]);
        }
    }
    for (size_t i = 0; i < paths->nr; i++) {
        if (jobs[i].what != PARSE)
            continue;
        ctx.of[todo.nr] = i;
        ALLOC_GROW(todo.v, todo.nr + 1, todo.alloc);
        todo.v[todo.nr++] = paths->v[i];
    }
    dirty |= todo.nr > 0;
    for (size_t i = 0; i < rs.nr && !dirty && rc == SQLITE_OK; i++)
        dirty = !rs.v[i].used && gone(&rs.v[i], roots);
    /* the rows written as the reports come, while the next are parsed */
    if (rc == SQLITE_OK && dirty && ix->db) {
        writer_begin(&wr, ix->db, opts->text);
        ctx.w = &wr;
    }
    if (todo.nr) {
        struct load_opts lo = {.encoding = opts->encoding, .sum = true, .map = opts->text};

        library_load_each(&todo, &lo, opts->threads, prep_outline, took_parse, &ctx);
    }
    if (ctx.w)
        rc = writer_finish(&wr, jobs, out, &rs, roots);
    for (size_t i = 0; i < out->nr; i++) {
        out->v[i].map_known = opts->text; /* read with the rows, or made now */
        if (out->v[i].card)
            out->v[i].card->id = out->v[i].id; /* where library_fill() finds its map */
    }
    free(jobs);
    free(ctx.of);
    free(todo.v); /* the strings are paths' */
    keyer_release(&k);
    free_strings(roots);
    free(orphans.v);
    rows_release(&rs);
    if (rc != SQLITE_OK && !damage(rc))
        say(ix, msgs, rc, "cannot be written");
    return rc;
}

void index_sync(struct index *ix, const struct path_list *paths, const struct index_sync_opts *opts,
                struct index_entries *out, struct msgs *msgs)
{
    struct index none = {0}; /* no index: every report parsed, nothing kept */
    struct err err;
    int rc;

    if (!ix)
        ix = &none;
    rc = sync_once(ix, paths, opts, out, msgs);

    if (!damage(rc))
        return;
    /* found damaged on the way: a new index, and the library into it */
    index_entries_release(out);
    if (remake(ix, msgs, &err) < 0) {
        msgs_add(msgs, "%s", err.msg);
        close_db(ix);
    }
    if (ix->db)
        sync_once(ix, paths, opts, out, msgs);
}

/* ---- the full-text table ---- */

static long long meta_get(sqlite3 *db, const char *key, int *rc)
{
    sqlite3_stmt *st;
    long long v = 0;

    *rc = sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?1", -1, &st, NULL);
    if (*rc != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    *rc = sqlite3_step(st);
    if (*rc == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    *rc = *rc == SQLITE_ROW || *rc == SQLITE_DONE ? SQLITE_OK : *rc;
    sqlite3_finalize(st);
    return v;
}

/* Empty the full-text table when another program filled it (its folding
 * may differ from this one's) or when dead rows outnumber the live ones;
 * the reports go in again as searches need them. Whether it was emptied,
 * in *emptied. */
static int text_check(struct index *ix, bool *emptied)
{
    sqlite3 *db = ix->db;
    int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    long long prog, dead, live;

    *emptied = false;
    if (rc != SQLITE_OK)
        return rc;
    prog = meta_get(db, "fts_prog", &rc);
    if (rc == SQLITE_OK)
        dead = meta_get(db, "dead", &rc);
    if (rc == SQLITE_OK)
        live = pragma_int(db, "SELECT count(*) FROM file WHERE fts = 1", &rc);
    if (rc == SQLITE_OK && (prog != ix->prog || (dead > DEAD_MAX && dead > live))) {
        struct sbuf sql = SBUF_INIT;

        sbuf_addf(&sql,
                  "INSERT INTO body(body) VALUES('delete-all');"
                  "UPDATE file SET fts = 0 WHERE fts = 1;"
                  "UPDATE meta SET value = 0 WHERE key = 'dead';"
                  "UPDATE meta SET value = %lld WHERE key = 'fts_prog';",
                  ix->prog);
        rc = sqlite3_exec(db, sql.buf, NULL, NULL, NULL);
        sbuf_release(&sql);
        *emptied = rc == SQLITE_OK;
    }
    rc = end_transaction(db, rc);
    *emptied &= rc == SQLITE_OK;
    return rc;
}

/* The reports whose text is to go into the full-text table: a copy of what
 * the entries say of them, so that a thread of its own can fill the table
 * while the entries stay the caller's. */
struct fill_list {
    struct path_list paths; /* the strings are the caller's */
    long long *ids;
    uint64_t *sums; /* of the bytes its row was made of */
    bool *fts;      /* its text was in the table at the sync */
    size_t *of;     /* the entry of each */
};

static void fill_list_make(struct fill_list *l, const struct path_list *paths,
                           const struct index_entries *e)
{
    size_t n = e->nr ? e->nr : 1;

    memset(l, 0, sizeof(*l));
    l->ids = xcalloc(n, sizeof(*l->ids));
    l->sums = xcalloc(n, sizeof(*l->sums));
    l->fts = xcalloc(n, sizeof(*l->fts));
    l->of = xcalloc(n, sizeof(*l->of));
    for (size_t i = 0; i < e->nr; i++) {
        if (!e->v[i].id || e->v[i].failed)
            continue; /* standard input, never kept; a file that cannot be read */
        ALLOC_GROW(l->paths.v, l->paths.nr + 1, l->paths.alloc);
        l->ids[l->paths.nr] = e->v[i].id;
        l->sums[l->paths.nr] = e->v[i].sum;
        l->fts[l->paths.nr] = e->v[i].fts;
        l->of[l->paths.nr] = i;
        l->paths.v[l->paths.nr++] = paths->v[i];
    }
}

/* Keep the reports whose text is not in the table: all of them when it was
 * just emptied. */
static void fill_list_todo(struct fill_list *l, bool emptied)
{
    size_t k = 0;

    for (size_t i = 0; i < l->paths.nr; i++) {
        if (l->fts[i] && !emptied)
            continue;
        l->paths.v[k] = l->paths.v[i];
        l->ids[k] = l->ids[i];
        l->sums[k] = l->sums[i];
        l->of[k++] = l->of[i];
    }
    l->paths.nr = k;
}

static void fill_list_release(struct fill_list *l)
{
    free(l->paths.v);
    free(l->ids);
    free(l->sums);
    free(l->fts);
    free(l->of);
}

/* Putting parsed reports' text into the full-text table. */
struct filler {
    sqlite3 *db;
    const struct fill_list *l;
    size_t at;               /* the list index of the first report loaded */
    struct index_entries *e; /* entries told their text is in, or NULL */
    sqlite3_stmt *mark, *put;
    const atomic_bool *stop; /* asked to stop, or NULL */
    atomic_size_t *done;     /* reports dealt with, or NULL */
    size_t in_batch;
    int rc;
};

static bool asked_to_stop(const struct filler *f)
{
    return f->stop && atomic_load(f->stop);
}

/* Entry e's text went in (in), with r's map when mapped: the entry takes
 * the map, which its search uses, rather than read it back. */
static void took_map(struct index_entry *e, bool in, struct report *r, bool mapped)
{
    e->fts = in;
    free(e->map); /* the row's before: it has r's now, or none */
    e->map = NULL;
    e->map_len = 0;
    if (in && mapped && r->map) {
        e->map = r->map;
        e->map_len = r->map_len;
        r->map = NULL;
    }
    e->map_known = true;
}

static bool took_text(void *arg, size_t k, const char *path, struct report *r,
                      struct sbuf *prepared, const char *err)
{
    struct filler *f = arg;
    size_t i = f->at + k;

    (void)path;
    (void)prepared;
    (void)err;
    if (f->done)
        atomic_fetch_add(f->done, 1);
    if (!r || f->rc != SQLITE_OK || asked_to_stop(f))
        return false; /* said by the caller's own reading, if it reads it */
    if (f->in_batch == 0)
        f->rc = sqlite3_exec(f->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (f->rc != SQLITE_OK)
        return false;
    /* another instance may have put it in meanwhile: once only */
    sqlite3_bind_int64(f->mark, 1, f->l->ids[i]);
    /* its map, when these are the bytes its row was made of (a file
     * changed since is parsed again at the next sync) */
    if (r->sum == f->l->sums[i])
        bind_map(f->mark, 2, r);
    f->rc = step_done(f->mark);
    /* not marked: gone, or put in by another: either way a candidate still */
    if (f->rc == SQLITE_OK && sqlite3_changes(f->db) == 1) {
        sqlite3_bind_int64(f->put, 1, f->l->ids[i]);
        sqlite3_bind_text(f->put, 2, r->text, (int)r->len, SQLITE_STATIC);
        f->rc = step_done(f->put);
        if (f->e)
            took_map(&f->e->v[f->l->of[i]], f->rc == SQLITE_OK, r, r->sum == f->l->sums[i]);
    }
    if (++f->in_batch == TEXT_BATCH && f->rc == SQLITE_OK) {
        f->rc = sqlite3_exec(f->db, "COMMIT", NULL, NULL, NULL);
        f->in_batch = 0;
    }
    return false;
}

/* Put the text of the reports of l not yet in the full-text table into it
 * (marking e's entries when e is not NULL), loading chunk reports at a time
 * and stopping between two chunks when *stop is set; the reports dealt with
 * are counted in *done, how many there are to deal with in *todo. */
static int fill_text(struct index *ix, struct fill_list *l, struct index_entries *e,
                     const char *encoding, int threads, size_t chunk, const atomic_bool *stop,
                     atomic_size_t *done, atomic_size_t *todo)
{
    struct filler f = {ix->db, l, 0, e, NULL, NULL, stop, done, 0, SQLITE_OK};
    struct load_opts lo = {
        .encoding = encoding, .skip = REPORT_SKIP_COURTS, .sum = true, .map = true};
    bool emptied;
    int rc = text_check(ix, &emptied);

    if (rc != SQLITE_OK)
        return rc;
    for (size_t i = 0; e && emptied && i < e->nr; i++)
        e->v[i].fts = false;
    fill_list_todo(l, emptied);
    if (todo)
        atomic_store(todo, l->paths.nr);
    if (!l->paths.nr)
        return SQLITE_OK;
    if ((rc = sqlite3_prepare_v2(ix->db,
                                 "UPDATE file SET fts = 1, map = ?2 WHERE id = ?1 AND fts = 0", -1,
                                 &f.mark, NULL)) == SQLITE_OK &&
        (rc = sqlite3_prepare_v2(ix->db, "INSERT INTO body(rowid, text) VALUES(?1, ?2)", -1, &f.put,
                                 NULL)) == SQLITE_OK) {
        for (; f.at < l->paths.nr && f.rc == SQLITE_OK && !asked_to_stop(&f); f.at += chunk) {
            size_t n = l->paths.nr - f.at < chunk ? l->paths.nr - f.at : chunk;
            struct path_list some = {l->paths.v + f.at, n, n};

            library_load_each(&some, &lo, threads, NULL, took_text, &f);
            if (f.in_batch) { /* short of a batch (a report unread): seen at once all the same */
                f.rc = end_transaction(ix->db, f.rc);
                f.in_batch = 0;
            }
        }
        rc = f.rc;
    }
    sqlite3_finalize(f.mark);
    sqlite3_finalize(f.put);
    return rc;
}

/* Put the text of every entry not yet in the full-text table into it. */
static int text_fill(struct index *ix, const struct path_list *paths, struct index_entries *e,
                     const struct index_sync_opts *opts)
{
    struct fill_list l;
    int rc;

    fill_list_make(&l, paths, e);
    rc = fill_text(ix, &l, e, opts->encoding, opts->threads, SIZE_MAX, NULL, NULL, NULL);
    fill_list_release(&l);
    return rc;
}

/* ---- the full-text table filled in the background ---- */

/* The nice value of the thread that fills and its workers: a key in the
 * browser, or its first screen, takes the core from them at once. */
#define FILL_NICE 10

struct index_fill {
    pthread_t tid;
    struct index own; /* a connection of its own to the index's file */
    struct fill_list l;
    char *encoding;
    int threads;
    bool started;
    atomic_bool stop, running;
    atomic_size_t done, todo; /* reports put in, of how many to put in */
    size_t of;                /* the reports that can be put in */
};

/* The thread's wait for another instance's write lock: as long as any
 * writer waits, but not once it is asked to stop (quitting the browser
 * would wait for it). */
static int fill_busy(void *arg, int tries)
{
    struct index_fill *f = arg;

    if (atomic_load(&f->stop) || tries * 10 >= BUSY_MS)
        return 0;
    sqlite3_sleep(10);
    return 1;
}

static void *fill_thread(void *arg)
{
    struct index_fill *f = arg;
    struct err err;

    /* Linux: a thread's own nice value, inherited by the workers it makes */
    setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), FILL_NICE);
    if (open_file(&f->own, &err) == 0 && /* never remade here: the caller's index */
        sqlite3_busy_handler(f->own.db, fill_busy, f) == SQLITE_OK)
        fill_text(&f->own, &f->l, NULL, f->encoding, f->threads, TEXT_BATCH, &f->stop, &f->done,
                  &f->todo);
    close_db(&f->own);
    atomic_store(&f->running, false);
    return NULL;
}

struct index_fill *index_fill_start(struct index *ix, const struct path_list *paths,
                                    const struct index_entries *e,
                                    const struct index_sync_opts *opts)
{
    static const int crash[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
    struct index_fill *f;
    sigset_t mask, was;
    size_t todo = 0;
    int rc;

    if (!ix || !ix->db)
        return NULL;
    f = xcalloc(1, sizeof(*f));
    fill_list_make(&f->l, paths, e);
    for (size_t i = 0; i < f->l.paths.nr; i++)
        todo += !f->l.fts[i];
    f->of = f->l.paths.nr;
    atomic_init(&f->stop, false);
    atomic_init(&f->running, true);
    atomic_init(&f->done, 0);
    atomic_init(&f->todo, todo);
    f->own.file = xstrdup(ix->file);
    f->own.prog = ix->prog;
    f->encoding = opts->encoding ? xstrdup(opts->encoding) : NULL;
    f->threads = opts->threads;
    /* the signals are the caller's thread's: a resize or a ^C must
     * interrupt its wait for a key, not land here (a crash is the thread's
     * own, and stays caught) */
    sigfillset(&mask);
    for (size_t i = 0; i < ARRAY_SIZE(crash); i++)
        sigdelset(&mask, crash[i]);
    pthread_sigmask(SIG_SETMASK, &mask, &was);
    rc = pthread_create(&f->tid, NULL, fill_thread, f);
    pthread_sigmask(SIG_SETMASK, &was, NULL);
    f->started = rc == 0;
    if (!f->started) {
        index_fill_end(f, false);
        return NULL;
    }
    return f;
}

bool index_fill_progress(const struct index_fill *f, size_t *in, size_t *of)
{
    size_t todo, done;

    if (!f || !atomic_load(&f->running))
        return false;
    todo = atomic_load(&f->todo);
    done = atomic_load(&f->done);
    *of = f->of;
    *in = f->of - todo + (done < todo ? done : todo);
    return true;
}

void index_fill_stop(struct index_fill *f)
{
    if (f)
        atomic_store(&f->stop, true);
}

void index_fill_end(struct index_fill *f, bool stop)
{
    if (!f)
        return;
    if (stop)
        index_fill_stop(f);
    if (f->started)
        pthread_join(f->tid, NULL);
    fill_list_release(&f->l);
    free(f->own.file);
    free(f->encoding);
    free(f);
}

static int by_id(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;

    return x < y ? -1 : x > y;
}

void index_candidates(struct index *ix, const struct path_list *paths, struct index_entries *e,
                      const struct search_query *q, const struct index_sync_opts *opts, bool *mask,
                      struct msgs *msgs)
{
    /* Without filling, the table is asked which of its rows the query
     * cannot be in, in one statement: one snapshot of the reports whose
     * text is in and of their words, whatever another thread or instance
     * commits meanwhile; the rest are candidates. */
    static const char *const sql[] = {"SELECT rowid FROM body WHERE body MATCH ?1",
                                      "SELECT id FROM file WHERE fts = 1 AND id NOT IN"
                                      " (SELECT rowid FROM body WHERE body MATCH ?1)"};
    struct sbuf expr = SBUF_INIT;
    sqlite3_stmt *st = NULL;
    long long *ids = NULL;
    size_t nr = 0, alloc = 0;
    int rc = SQLITE_OK;

    for (size_t i = 0; i < e->nr; i++)
        mask[i] = !e->v[i].failed;
    if (!ix || !ix->db || tokenize_match_expr(q, &expr) < 0)
        return; /* every report a candidate */
    if (!opts->no_fill)
        rc = text_fill(ix, paths, e, opts);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(ix->db, sql[opts->no_fill], -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, expr.buf, (int)expr.len, SQLITE_STATIC);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            ALLOC_GROW(ids, nr + 1, alloc);
            ids[nr++] = sqlite3_column_int64(st, 0);
        }
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        sqlite3_finalize(st);
    }
    if (rc == SQLITE_OK) {
        if (nr) /* (qsort() and bsearch() of no array at all are undefined) */
            qsort(ids, nr, sizeof(*ids), by_id);
        for (size_t i = 0; i < e->nr; i++) {
            bool found;

            /* standard input, and a report whose text could not go in, are read */
            if (!mask[i] || !e->v[i].id)
                continue;
            found = nr && bsearch(&e->v[i].id, ids, nr, sizeof(*ids), by_id);
            mask[i] = opts->no_fill ? !found : !e->v[i].fts || found;
        }
    } else {
        say(ix, msgs, rc, "cannot be searched");
    }
    free(ids);
    sbuf_release(&expr);
}

char *index_map_of(struct index *ix, long long id, size_t *len, uint64_t *sum)
{
    sqlite3_stmt *st;
    char *map = NULL;

    if (!ix || !ix->db ||
        (!ix->map_of && sqlite3_prepare_v2(ix->db, "SELECT map, sum FROM file WHERE id = ?1", -1,
                                           &ix->map_of, NULL) != SQLITE_OK))
        return NULL;
    st = ix->map_of;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW && (map = blob_dup(st, 0, len)))
        *sum = (uint64_t)sqlite3_column_int64(st, 1);
    sqlite3_reset(st);
    return map;
}

void index_maps(struct index *ix, struct index_entries *e, const bool *mask)
{
    for (size_t i = 0; i < e->nr; i++) {
        struct index_entry *en = &e->v[i];
        uint64_t sum;

        if (!mask[i] || !en->id || en->map_known)
            continue;
        en->map_known = true;
        en->map = index_map_of(ix, en->id, &en->map_len, &sum);
    }
}
