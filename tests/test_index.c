/* Unit tests for index.c: the library index's round trip, files changed,
 * removed, renamed and written too recently to trust their time, a damaged
 * or foreign index, two processes writing at once, and the candidates of a
 * search. The reports are about fictional courts. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "index.h"
#include "library.h"
#include "outline.h"
#include "report.h"
#include "search.h"
#include "util.h"

static char dir[] = "/tmp/courtread-index-XXXXXX";
static char lib[600], db[600];

static const char report_a[] = "霁川市鹤汀区人民法院调解一起邻里纠纷\n"
                               "\n"
                               "本报讯 近日，霁川市鹤汀区人民法院法官走进村头，就地调解一起纠纷。\n"
                               "\n"
                               "一、就地开庭\n"
                               "\n"
                               "承办法官把法庭搬到田间地头，双方当场签下协议。\n";
static const char report_b[] = "青岚县人民法院召开审判委员会会议\n"
                               "\n"
                               "青岚县人民法院审判委员会日前开会，讨论了十二件疑难案件。\n";
static const char report_c[] = "松柳镇调解室一年调处纠纷一百二十件\n"
                               "\n"
                               "松柳镇调解室今年调处纠纷一百二十件，无一件转为诉讼。\n";

static void path_of(char *out, size_t n, const char *name)
{
    snprintf(out, n, "%s/%s", lib, name);
}

static void put(const char *name, const char *data)
{
    char path[700];
    FILE *f;

    path_of(path, sizeof(path), name);
    f = fopen(path, "wb");
    assert_non_null(f);
    fputs(data, f);
    fclose(f);
}

/* Set a file's time back, so the index trusts it (not written "just now"). */
static void age(const char *name, long seconds)
{
    char path[700];
    struct timespec ts[2];

    path_of(path, sizeof(path), name);
    clock_gettime(CLOCK_REALTIME, &ts[0]);
    ts[0].tv_sec -= seconds;
    ts[1] = ts[0];
    assert_int_equal(utimensat(AT_FDCWD, path, ts, 0), 0);
}

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(dir))
        return -1;
    snprintf(lib, sizeof(lib), "%s/lib", dir);
    snprintf(db, sizeof(db), "%s/index.db", dir);
    return mkdir(lib, 0755);
}

static int teardown(void **state)
{
    char cmd[700];

    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd);
}

/* Each test starts from a library of a, b, c (a time old enough to
 * trust) and no index. */
static int fresh(void **state)
{
    char cmd[700];

    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'/* '%s'/index.db*", lib, dir);
    if (system(cmd) != 0)
        return -1;
    put("a.txt", report_a);
    put("b.txt", report_b);
    put("c.txt", report_c);
    age("a.txt", 3600);
    age("b.txt", 3600);
    age("c.txt", 3600);
    return 0;
}

/* One sync of the library, as a run does: the paths, and the entries. */
struct run {
    struct path_list paths;
    struct index_entries e;
    struct msgs msgs;
};

static void sync_lib(struct run *r, bool reindex)
{
    const char *roots[] = {lib, NULL};
    struct index_sync_opts so = {NULL, 1, reindex, roots, 0, false, false};
    struct err err;
    struct index *ix;

    memset(r, 0, sizeof(*r));
    assert_int_equal(library_collect(lib, &r->paths, &r->msgs, &err), 0);
    ix = index_open(db, &r->msgs, &err);
    assert_non_null(ix);
    index_sync(ix, &r->paths, &so, &r->e, &r->msgs);
    index_close(ix);
}

static void run_release(struct run *r)
{
    index_entries_release(&r->e);
    path_list_release(&r->paths);
    msgs_release(&r->msgs);
}

/* The entry of the file named name. */
static const struct index_entry *entry(const struct run *r, const char *name)
{
    for (size_t i = 0; i < r->paths.nr; i++) {
        const char *slash = strrchr(r->paths.v[i], '/');

        if (!strcmp(slash ? slash + 1 : r->paths.v[i], name))
            return &r->e.v[i];
    }
    fail_msg("no entry for %s", name);
    return NULL;
}

/* The number statement gives. */
static long long count_of(const char *statement)
{
    sqlite3 *h;
    sqlite3_stmt *st;
    long long n = -1;

    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(h, statement, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(h);
    return n;
}

static long long rows(void)
{
    return count_of("SELECT count(*) FROM file");
}

static void sql(const char *statement)
{
    sqlite3 *h;

    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, statement, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
}

/* What the index gives is what parsing gives, and a second run parses
 * nothing (the rows keep their ids: a parse writes a new row). */
static void test_round_trip(void **state)
{
    struct run one, two;

    (void)state;
    sync_lib(&one, false);
    assert_int_equal(one.msgs.nr, 0);
    assert_int_equal(one.e.nr, 3);
    for (size_t i = 0; i < one.paths.nr; i++) {
        struct err err;
        struct report *r = library_load(one.paths.v[i], NULL, &err);
        struct sbuf want = SBUF_INIT;

        assert_non_null(r);
        outline_format(r, &want);
        assert_string_equal(one.e.v[i].outline, want.buf);
        assert_string_equal(one.e.v[i].card->title, r->title);
        assert_int_equal(one.e.v[i].card->nr_courts, r->nr_courts);
        assert_true(one.e.v[i].id > 0);
        sbuf_release(&want);
        report_free(r);
    }
    sync_lib(&two, false);
    assert_int_equal(two.msgs.nr, 0);
    for (size_t i = 0; i < two.e.nr; i++) {
        assert_int_equal(two.e.v[i].id, one.e.v[i].id);
        assert_string_equal(two.e.v[i].outline, one.e.v[i].outline);
        assert_string_equal(two.e.v[i].card->title, one.e.v[i].card->title);
        assert_int_equal(two.e.v[i].card->main_court, one.e.v[i].card->main_court);
        for (size_t k = 0; k < two.e.v[i].card->nr_courts; k++) {
            assert_string_equal(two.e.v[i].card->courts[k], one.e.v[i].card->courts[k]);
            assert_int_equal(two.e.v[i].card->court_parent[k], one.e.v[i].card->court_parent[k]);
        }
    }
    assert_string_equal(entry(&two, "a.txt")->card->courts[0], "霁川市鹤汀区人民法院");
    run_release(&one);
    run_release(&two);
}

/* A run that needs only some parts of the entries reads only those. */
static void test_skip(void **state)
{
    const char *roots[] = {lib, NULL};
    struct index_sync_opts so = {NULL,  1,    false, roots, INDEX_SKIP_FIELDS | INDEX_SKIP_COURTS,
                                 false, false};
    struct run one, two;
    struct err err;
    struct index *ix;

    (void)state;
    sync_lib(&one, false);
    memset(&two, 0, sizeof(two));
    assert_int_equal(library_collect(lib, &two.paths, &two.msgs, &err), 0);
    ix = index_open(db, &two.msgs, &err);
    index_sync(ix, &two.paths, &so, &two.e, &two.msgs);
    index_close(ix);
    assert_string_equal(entry(&two, "a.txt")->outline, entry(&one, "a.txt")->outline);
    assert_null(entry(&two, "a.txt")->card->title);
    assert_int_equal(entry(&two, "a.txt")->card->nr_courts, 0);
    assert_int_equal(entry(&two, "a.txt")->id, entry(&one, "a.txt")->id);
    run_release(&two);

    so.skip = INDEX_SKIP_OUTLINE;
    memset(&two, 0, sizeof(two));
    assert_int_equal(library_collect(lib, &two.paths, &two.msgs, &err), 0);
    ix = index_open(db, &two.msgs, &err);
    index_sync(ix, &two.paths, &so, &two.e, &two.msgs);
    index_close(ix);
    assert_string_equal(entry(&two, "a.txt")->outline, "");
    assert_string_equal(entry(&two, "a.txt")->card->title, entry(&one, "a.txt")->card->title);
    assert_string_equal(entry(&two, "a.txt")->card->courts[0], "霁川市鹤汀区人民法院");
    run_release(&one);
    run_release(&two);
}

/* A changed file is parsed again, the others not; --reindex parses all. */
static void test_changed(void **state)
{
    struct run one, two, three;

    (void)state;
    sync_lib(&one, false);
    put("b.txt", "青岚县人民法院发布白皮书\n\n青岚县人民法院今天发布了白皮书。\n");
    sync_lib(&two, false);
    assert_int_not_equal(entry(&two, "b.txt")->id, entry(&one, "b.txt")->id);
    assert_string_equal(entry(&two, "b.txt")->card->title, "青岚县人民法院发布白皮书");
    assert_int_equal(entry(&two, "a.txt")->id, entry(&one, "a.txt")->id);
    assert_int_equal(rows(), 3);
    sync_lib(&three, true);
    assert_int_not_equal(entry(&three, "a.txt")->id, entry(&two, "a.txt")->id);
    assert_int_equal(rows(), 3);
    run_release(&one);
    run_release(&two);
    run_release(&three);
}

/* A file rewritten with the same size and time as before, just after it
 * was indexed: its time cannot tell, its bytes do. */
static void test_racy(void **state)
{
    char path[700];
    struct stat st;
    struct timespec ts[2];
    struct run one, two, three;

    (void)state;
    put("b.txt", report_b); /* now: racy */
    path_of(path, sizeof(path), "b.txt");
    assert_int_equal(stat(path, &st), 0);
    sync_lib(&one, false);
    sync_lib(&two, false); /* unchanged: kept, by its bytes */
    assert_int_equal(entry(&two, "b.txt")->id, entry(&one, "b.txt")->id);
    /* the same number of bytes, another word, the time put back */
    put("b.txt", "青岚县人民法院召开审判委员会全会\n"
                 "\n"
                 "青岚县人民法院审判委员会日前开会，讨论了十二件疑难案件。\n");
    ts[0] = st.st_atim;
    ts[1] = st.st_mtim;
    assert_int_equal(utimensat(AT_FDCWD, path, ts, 0), 0);
    sync_lib(&three, false);
    assert_int_not_equal(entry(&three, "b.txt")->id, entry(&one, "b.txt")->id);
    assert_string_equal(entry(&three, "b.txt")->card->title, "青岚县人民法院召开审判委员会全会");
    run_release(&one);
    run_release(&two);
    run_release(&three);
}

/* A removed file's row goes; a renamed one keeps its row under the new
 * name, unparsed, unless the new name is parsed otherwise (Markdown). */
static void test_removed_and_renamed(void **state)
{
    char from[700], to[700];
    struct run one, two;

    (void)state;
    sync_lib(&one, false);
    assert_int_equal(rows(), 3);
    path_of(from, sizeof(from), "c.txt");
    assert_int_equal(unlink(from), 0);
    path_of(from, sizeof(from), "b.txt");
    path_of(to, sizeof(to), "renamed.txt");
    assert_int_equal(rename(from, to), 0);
    sync_lib(&two, false);
    assert_int_equal(two.e.nr, 2);
    assert_int_equal(entry(&two, "renamed.txt")->id, entry(&one, "b.txt")->id);
    assert_string_equal(entry(&two, "renamed.txt")->card->path, to);
    assert_int_equal(rows(), 2);
    run_release(&one);
    /* renamed to a Markdown name: parsed as Markdown, a row of its own */
    path_of(from, sizeof(from), "renamed.txt");
    path_of(to, sizeof(to), "renamed.md");
    assert_int_equal(rename(from, to), 0);
    sync_lib(&one, false);
    assert_true(entry(&one, "renamed.md")->id > entry(&two, "renamed.txt")->id);
    assert_int_equal(rows(), 2);
    run_release(&one);
    run_release(&two);
}

/* A file that is not a report is remembered as such, and said each time. */
static void test_failed(void **state)
{
    struct run one, two;

    (void)state;
    put("empty.txt", "");
    age("empty.txt", 3600);
    sync_lib(&one, false);
    sync_lib(&two, false);
    assert_non_null(entry(&two, "empty.txt")->failed);
    assert_string_equal(entry(&two, "empty.txt")->failed, entry(&one, "empty.txt")->failed);
    assert_int_equal(entry(&two, "empty.txt")->id, entry(&one, "empty.txt")->id);
    run_release(&one);
    run_release(&two);
}

/* Garbage where the index was, or someone else's database: made anew, with
 * a message naming the file; never trusted. */
static void test_damaged(void **state)
{
    struct run one;
    FILE *f;
    sqlite3 *h;

    (void)state;
    f = fopen(db, "wb");
    assert_non_null(f);
    for (int i = 0; i < 4096; i++)
        fputc("SQLite format 3\0garbage"[i % 24], f);
    fclose(f);
    sync_lib(&one, false);
    assert_int_equal(one.msgs.nr, 1);
    assert_non_null(strstr(one.msgs.v[0], db));
    assert_int_equal(one.e.nr, 3);
    assert_int_equal(rows(), 3);
    run_release(&one);

    unlink(db);
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    assert_int_equal(
        sqlite3_exec(h, "CREATE TABLE file(x); INSERT INTO file VALUES(1)", NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_close(h);
    sync_lib(&one, false);
    assert_int_equal(one.msgs.nr, 1);
    assert_int_equal(rows(), 3);
    run_release(&one);
}

/* A row that could not have been written by the index (a control
 * character in a field, a court's parent that is no court) is not used:
 * the file is parsed again. */
static void test_bad_row(void **state)
{
    struct run one, two;

    (void)state;
    sync_lib(&one, false);
    sql("UPDATE file SET title = '标题' || char(27) || '[31m' WHERE path LIKE '%/b.txt';"
        "UPDATE file SET parents = '7' WHERE path LIKE '%/a.txt';");
    sync_lib(&two, false);
    assert_string_equal(entry(&two, "b.txt")->card->title, "青岚县人民法院召开审判委员会会议");
    assert_int_not_equal(entry(&two, "b.txt")->id, entry(&one, "b.txt")->id);
    assert_int_not_equal(entry(&two, "a.txt")->id, entry(&one, "a.txt")->id);
    assert_int_equal(entry(&two, "c.txt")->id, entry(&one, "c.txt")->id);
    run_release(&one);
    run_release(&two);
}

/* Two processes bringing the index up to date at once, again and again,
 * one of them after each file changes: both finish, with no message, and
 * the index holds every file once. */
static void test_two_writers(void **state)
{
    pid_t pid[2];

    (void)state;
    for (int p = 0; p < 2; p++) {
        pid[p] = fork();
        assert_true(pid[p] >= 0);
        if (pid[p] == 0) {
            int bad = 0;

            /* no cmocka asserts here: a failed one would carry on with
             * the parent's tests in this process */
            for (int k = 0; k < 8; k++) {
                const char *roots[] = {lib, NULL};
                struct index_sync_opts so = {NULL, 1, false, roots, 0, false, false};
                struct run r = {0};
                struct err err;
                struct index *ix;

                if (p == 1) { /* a changed file each time */
                    char text[200], path[700];
                    FILE *f;

                    snprintf(text, sizeof(text), "青岚县人民法院第%d次会议\n\n会议讨论了案件。\n",
                             k);
                    path_of(path, sizeof(path), "b.txt");
                    if ((f = fopen(path, "wb"))) {
                        fputs(text, f);
                        fclose(f);
                    }
                }
                bad |= library_collect(lib, &r.paths, &r.msgs, &err) < 0;
                ix = index_open(db, &r.msgs, &err);
                bad |= !ix;
                index_sync(ix, &r.paths, &so, &r.e, &r.msgs);
                index_close(ix);
                for (size_t i = 0; i < r.msgs.nr; i++)
                    fprintf(stderr, "process %d: %s\n", p, r.msgs.v[i]);
                bad |= r.msgs.nr != 0 || r.e.nr != 3;
                run_release(&r);
            }
            _exit(bad);
        }
    }
    for (int p = 0; p < 2; p++) {
        int status;

        assert_int_equal(waitpid(pid[p], &status, 0), pid[p]);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
    assert_int_equal(rows(), 3);
}

/* The candidates of a query: the reports it can be in; a regular
 * expression is looked for everywhere. */
static void test_candidates(void **state)
{
    const char *roots[] = {lib, NULL};
    struct index_sync_opts so = {NULL, 1, false, roots, 0, false, false};
    struct run r;
    struct err err;
    struct index *ix;
    bool mask[3];
    struct search_query q;

    (void)state;
    sync_lib(&r, false);
    ix = index_open(db, &r.msgs, &err);
    assert_non_null(ix);

    search_compile(&q, "法官", strlen("法官"));
    index_candidates(ix, &r.paths, &r.e, &q, &so, mask, &r.msgs);
    search_query_release(&q);
    assert_true(mask[0]);  /* a.txt */
    assert_false(mask[1]); /* b.txt */
    assert_false(mask[2]); /* c.txt */

    search_compile(&q, "调", strlen("调")); /* one character: a and c */
    index_candidates(ix, &r.paths, &r.e, &q, &so, mask, &r.msgs);
    search_query_release(&q);
    assert_true(mask[0]);
    assert_false(mask[1]);
    assert_true(mask[2]);

    assert_int_equal(search_compile_regex(&q, "审.委", strlen("审.委"), &err), 0);
    index_candidates(ix, &r.paths, &r.e, &q, &so, mask, &r.msgs);
    search_query_release(&q);
    assert_true(mask[0] && mask[1] && mask[2]);

    /* a changed file's old words are no longer found for it */
    put("b.txt", "青岚县人民法院法官培训\n\n青岚县人民法院组织法官培训。\n");
    index_close(ix);
    run_release(&r);
    sync_lib(&r, false);
    ix = index_open(db, &r.msgs, &err);
    search_compile(&q, "审判委员", strlen("审判委员"));
    index_candidates(ix, &r.paths, &r.e, &q, &so, mask, &r.msgs);
    search_query_release(&q);
    assert_false(mask[0] || mask[1] || mask[2]);
    search_compile(&q, "法官", strlen("法官"));
    index_candidates(ix, &r.paths, &r.e, &q, &so, mask, &r.msgs);
    search_query_release(&q);
    assert_true(mask[0] && mask[1] && !mask[2]);
    assert_int_equal(r.msgs.nr, 0);
    index_close(ix);
    run_release(&r);
}

/* A sync for a search puts the reports' text into the full-text table as
 * it parses them: the candidates need no second parse, and are the same. */
static void test_text_in_sync(void **state)
{
    const char *roots[] = {lib, NULL};
    struct index_sync_opts so = {NULL, 1, false, roots, 0, true, false};
    struct run r = {0};
    struct err err;
    struct index *ix;
    struct search_query q;
    bool mask[3];

    (void)state;
    assert_int_equal(library_collect(lib, &r.paths, &r.msgs, &err), 0);
    ix = index_open(db, &r.msgs, &err);
    assert_non_null(ix);
    index_sync(ix, &r.paths, &so, &r.e, &r.msgs);
    for (size_t i = 0; i < r.e.nr; i++)
        assert_true(r.e.v[i].fts);
    search_compile(&q, "法官", strlen("法官"));
    index_candidates(ix, &r.paths, &r.e, &q, &so, mask, &r.msgs);
    search_query_release(&q);
    assert_true(mask[0]);
    assert_false(mask[1] || mask[2]);
    assert_int_equal(r.msgs.nr, 0);
    index_close(ix);
    run_release(&r);
}

/* The reports of r's entries, each loaded as a search loads them: from the
 * entry's text map when it has one. */
static bool loaded_as(void *ctx, size_t k, const char *path, struct report *rep,
                      struct sbuf *prepared, const char *err)
{
    struct report **out = ctx;

    (void)path;
    (void)prepared;
    (void)err;
    out[k] = rep;
    return true;
}

static void load_mapped(struct run *r, struct report **out)
{
    struct load_map *maps = xcalloc(r->e.nr, sizeof(*maps));
    struct load_opts lo = {.skip = REPORT_SKIP_COURTS, .maps = maps};

    for (size_t i = 0; i < r->e.nr; i++)
        maps[i] = (struct load_map){r->e.v[i].map, r->e.v[i].map_len, r->e.v[i].sum, NULL};
    library_load_each(&r->paths, &lo, 1, NULL, loaded_as, out);
    free(maps);
}

/* A search's sync keeps each report's text map; the next search reads it
 * with the rows (or index_maps() does, for reports filled later), and a
 * report rebuilt from it is the report a parse makes. A file whose bytes
 * are no longer the map's is parsed. An index of schema 1 (before maps)
 * takes their column and is kept. */
static void test_maps(void **state)
{
    const char *roots[] = {lib, NULL};
    struct index_sync_opts so = {NULL, 1, false, roots, 0, true, false};
    struct run r = {0};
    struct err err;
    struct index *ix;
    struct report *got[3];
    bool all[3] = {true, true, true};

    (void)state;
    for (int round = 0; round < 3; round++) {
        memset(&r, 0, sizeof(r));
        assert_int_equal(library_collect(lib, &r.paths, &r.msgs, &err), 0);
        ix = index_open(db, &r.msgs, &err);
        assert_non_null(ix);
        so.text = round != 2; /* the last: a sync for the outlines, then the maps asked */
        index_sync(ix, &r.paths, &so, &r.e, &r.msgs);
        index_maps(ix, &r.e, all);
        assert_int_equal(r.msgs.nr, 0);
        load_mapped(&r, got);
        for (size_t i = 0; i < r.e.nr; i++) {
            struct report *parsed = library_load(r.paths.v[i], NULL, &err);

            assert_non_null(r.e.v[i].map); /* made by the parse, or read back */
            assert_true(r.e.v[i].map_known);
            assert_non_null(got[i]);
            assert_int_equal(got[i]->len, parsed->len);
            assert_memory_equal(got[i]->text, parsed->text, parsed->len);
            assert_int_equal(got[i]->nr_blocks, parsed->nr_blocks);
            assert_string_equal(got[i]->title, parsed->title);
            report_free(parsed);
        }
        for (size_t k = 0; k < r.e.nr; k++)
            report_free(got[k]);
        index_close(ix);
        if (round < 2)
            run_release(&r);
    }
    /* b's bytes change, its size and time kept: the map is not used */
    {
        char path[700];
        char *same = xstrdup(report_b);
        char *at = strstr(same, "十二");

        memcpy(at, "二十", strlen("二十"));
        put("b.txt", same);
        age("b.txt", 3600);
        load_mapped(&r, got);
        path_of(path, sizeof(path), "b.txt");
        for (size_t i = 0; i < r.e.nr; i++)
            if (!strcmp(r.paths.v[i], path))
                assert_non_null(strstr(got[i]->text, "二十件")); /* parsed anew */
        for (size_t k = 0; k < r.e.nr; k++)
            report_free(got[k]);
        free(same);
    }
    run_release(&r);
    /* the index of a courtread before maps: no map column; opened, it takes
     * one, keeps its rows and its schema (that courtread goes on using it) */
    sql("ALTER TABLE file DROP COLUMN map");
    sync_lib(&r, false);
    assert_int_equal(r.msgs.nr, 0);
    assert_int_equal(rows(), 3);
    sql("UPDATE file SET map = NULL");
    assert_int_equal(count_of("PRAGMA user_version"), 1);
    run_release(&r);
}

/* Whether the index has report id's text in its full-text table. */
static bool filled(long long id)
{
    sqlite3 *h;
    sqlite3_stmt *st;
    bool in = false;

    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(h, "SELECT fts FROM file WHERE id = ?1", -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW)
        in = sqlite3_column_int(st, 0) == 1;
    sqlite3_finalize(st);
    sqlite3_close(h);
    return in;
}

/* The candidates of query, without filling the table: every report that
 * holds it (as the reports a, b, c say in has), and no report whose text
 * is in the table and lacks it. */
static void check_partly(struct index *ix, struct run *r, const char *query, const bool has[3])
{
    const char *roots[] = {lib, NULL};
    struct index_sync_opts so = {NULL, 1, false, roots, 0, false, true};
    const char *names[] = {"a.txt", "b.txt", "c.txt"};
    bool mask[3];
    struct search_query q;

    search_compile(&q, query, strlen(query));
    index_candidates(ix, &r->paths, &r->e, &q, &so, mask, &r->msgs);
    search_query_release(&q);
    for (int k = 0; k < 3; k++) {
        const struct index_entry *e = entry(r, names[k]);
        size_t i = (size_t)(e - r->e.v);

        if (has[k] && !mask[i])
            fail_msg("%s holds %s, yet is no candidate", names[k], query);
        if (!has[k] && mask[i] && filled(e->id))
            fail_msg("%s is in the table and lacks %s, yet is a candidate", names[k], query);
    }
}

/* While a thread fills the table, a search does not fill it and stays
 * exact: the reports not in it yet are candidates, read and searched. */
static void test_candidates_partly_filled(void **state)
{
    const char *roots[] = {lib, NULL};
    struct index_sync_opts so = {NULL, 1, false, roots, 0, false, false};
    static const bool judge[3] = {true, false, false};   /* 法官 */
    static const bool council[3] = {false, true, false}; /* 审判委员 */
    struct run r;
    struct err err;
    struct index *ix;
    struct index_fill *f;
    struct index_entry some[2];
    char *some_paths[2];
    struct path_list some_list = {some_paths, 2, 2};
    struct index_entries some_entries = {some, 2};
    size_t in, of;

    (void)state;
    sync_lib(&r, false);
    ix = index_open(db, &r.msgs, &err);
    assert_non_null(ix);
    assert_false(filled(entry(&r, "a.txt")->id));

    /* a and c in the table, b not yet */
    some[0] = *entry(&r, "a.txt");
    some[1] = *entry(&r, "c.txt");
    some_paths[0] = r.paths.v[entry(&r, "a.txt") - r.e.v];
    some_paths[1] = r.paths.v[entry(&r, "c.txt") - r.e.v];
    f = index_fill_start(ix, &some_list, &some_entries, &so);
    assert_non_null(f);
    index_fill_end(f, false);
    assert_true(filled(entry(&r, "a.txt")->id));
    assert_false(filled(entry(&r, "b.txt")->id));
    assert_true(filled(entry(&r, "c.txt")->id));
    check_partly(ix, &r, "法官", judge);
    check_partly(ix, &r, "审判委员", council);
    assert_false(filled(entry(&r, "b.txt")->id)); /* the search did not fill it */

    /* a fill asked to stop at once keeps what it put in, and the
     * candidates stay exact whatever that was */
    f = index_fill_start(ix, &r.paths, &r.e, &so);
    assert_non_null(f);
    index_fill_stop(f);
    index_fill_end(f, true);
    check_partly(ix, &r, "法官", judge);
    check_partly(ix, &r, "审判委员", council);

    /* filled to the end, the table narrows every query */
    f = index_fill_start(ix, &r.paths, &r.e, &so);
    index_fill_end(f, false);
    assert_true(filled(entry(&r, "b.txt")->id));
    check_partly(ix, &r, "审判委员", council);
    assert_false(index_fill_progress(NULL, &in, &of));
    assert_int_equal(r.msgs.nr, 0);
    index_close(ix);
    run_release(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_round_trip, fresh),
        cmocka_unit_test_setup(test_skip, fresh),
        cmocka_unit_test_setup(test_changed, fresh),
        cmocka_unit_test_setup(test_racy, fresh),
        cmocka_unit_test_setup(test_removed_and_renamed, fresh),
        cmocka_unit_test_setup(test_failed, fresh),
        cmocka_unit_test_setup(test_damaged, fresh),
        cmocka_unit_test_setup(test_bad_row, fresh),
        cmocka_unit_test_setup(test_two_writers, fresh),
        cmocka_unit_test_setup(test_candidates, fresh),
        cmocka_unit_test_setup(test_text_in_sync, fresh),
        cmocka_unit_test_setup(test_candidates_partly_filled, fresh),
        cmocka_unit_test_setup(test_maps, fresh),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
