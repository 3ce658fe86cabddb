/*
 * bench_tokenize: the speed of the library index's tokenizer over a library:
 * the terms alone (tokenize_terms), then the same texts inserted into a
 * contentless FTS5 table in a new database file, in one transaction, as the
 * first index run does; that file's size; and what a few queries' MATCH
 * costs on it, with how many candidates and how many reports have a hit.
 * Used by hand, not by the tests.
 * Usage: [BENCH_BLOCK=N] [BENCH_FTS_OPTIONS=...] [BENCH_FTS_CONFIG=SQL]
 *        bench_tokenize DB-FILE PATH...
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "decode.h"
#include "library.h"
#include "search.h"
#include "tokenize.h"
#include "util.h"
#include "bench.h"

/* Queries of the kinds a reader types: a word, a character, a name, a
 * number with a unit, words with a space that counts. */
static const char *const queries[] = {"法官",    "法",  "人民法院", "审判执行",        "2023年",
                                      "2023 年", "icp", "法 院",    "扎实推进队伍建设"};

struct count {
    size_t terms, bytes;
};

static int count_term(void *ctx, const char *term, size_t len, size_t start, size_t end,
                      int colocated)
{
    struct count *c = ctx;

    (void)term;
    (void)start;
    (void)end;
    (void)colocated;
    c->terms++;
    c->bytes += len;
    return 0;
}

static void check(sqlite3 *db, int rc, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        fprintf(stderr, "bench_tokenize: %s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

int main(int argc, char **argv)
{
    struct path_list paths = {0};
    struct msgs m = {0};
    struct err err;
    struct decoded *texts;
    struct count c = {0};
    size_t total = 0;
    double best = 1e9, s;
    sqlite3 *db;
    sqlite3_stmt *st;
    struct stat sb;
    struct sbuf sql = SBUF_INIT, body = SBUF_INIT;
    /* BENCH_BLOCK: reports a row (candidates are then whole rows) */
    size_t block = getenv("BENCH_BLOCK") ? strtoul(getenv("BENCH_BLOCK"), NULL, 10) : 1;

    if (argc < 3 || !block) {
        fputs("usage: bench_tokenize DB-FILE PATH...\n", stderr);
        return 2;
    }
    for (int i = 2; i < argc; i++)
        if (library_collect(argv[i], &paths, &m, &err) < 0) {
            fprintf(stderr, "bench_tokenize: %s\n", err.msg);
            return 1;
        }
    texts = xcalloc(paths.nr, sizeof(*texts));
    for (size_t i = 0; i < paths.nr; i++) {
        char *raw;
        size_t n;

        if (util_read_file(paths.v[i], &raw, &n, &err) < 0 ||
            decode_take(raw, n, NULL, &texts[i], &err) < 0) {
            fprintf(stderr, "bench_tokenize: %s\n", err.msg);
            return 1;
        }
        total += texts[i].len;
    }
    for (int run = 0; run < 3; run++) {
        s = bench_now();
        c.terms = c.bytes = 0;
        for (size_t i = 0; i < paths.nr; i++)
            tokenize_terms(texts[i].text, texts[i].len, count_term, &c);
        s = bench_now() - s;
        if (s < best)
            best = s;
    }
    printf("%zu files, %.1f MB, %zu terms (%.1f MB of them)\n", paths.nr, total / 1e6, c.terms,
           c.bytes / 1e6);
    printf("terms alone: %.3f s, %.0f MB/s\n", best, total / 1e6 / best);

    unlink(argv[1]);
    check(NULL, sqlite3_open(argv[1], &db), argv[1]);
    check(db, tokenize_register(db), "register");
    /* BENCH_FTS_OPTIONS: more of the table's options, e.g. columnsize=0 */
    sbuf_addf(&sql,
              "PRAGMA journal_mode=WAL; CREATE VIRTUAL TABLE t USING fts5(body, content='', "
              "detail=none, tokenize='" TOKENIZE_NAME "'%s%s)",
              getenv("BENCH_FTS_OPTIONS") ? ", " : "",
              getenv("BENCH_FTS_OPTIONS") ? getenv("BENCH_FTS_OPTIONS") : "");
    check(db, sqlite3_exec(db, sql.buf, NULL, NULL, NULL), "create");
    sbuf_release(&sql);
    if (getenv("BENCH_FTS_CONFIG")) /* e.g. INSERT INTO t(t, rank) VALUES('hashsize', N) */
        check(db, sqlite3_exec(db, getenv("BENCH_FTS_CONFIG"), NULL, NULL, NULL), "config");
    check(db, sqlite3_prepare_v2(db, "INSERT INTO t(rowid, body) VALUES (?1, ?2)", -1, &st, NULL),
          "insert");
    s = bench_now();
    check(db, sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), "begin");
    for (size_t i = 0; i < paths.nr; i += block) { /* row i + 1: reports i to i + block - 1 */
        sbuf_reset(&body);
        for (size_t j = i; j < i + block && j < paths.nr; j++)
            sbuf_add(&body, texts[j].text, texts[j].len);
        sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
        sqlite3_bind_text(st, 2, body.buf, (int)body.len, SQLITE_STATIC);
        check(db, sqlite3_step(st), "insert");
        sqlite3_reset(st);
    }
    check(db, sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), "commit");
    s = bench_now() - s;
    sqlite3_finalize(st);
    check(db, sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), "checkpoint");
    stat(argv[1], &sb);
    printf("FTS5 insert (%zu reports a row): %.3f s, %.0f MB/s; database %.1f MB (%.2f of the "
           "text)\n",
           block, s, total / 1e6 / s, sb.st_size / 1e6, (double)sb.st_size / (double)total);
    check(db, sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1", -1, &st, NULL),
          "match");
    for (size_t k = 0; k < ARRAY_SIZE(queries); k++) {
        struct search_query q;
        struct sbuf expr = SBUF_INIT;
        size_t cands = 0, hits = 0, all = 0;

        search_compile(&q, queries[k], strlen(queries[k]));
        s = bench_now();
        if (tokenize_match_expr(&q, &expr) == 0) {
            sqlite3_bind_text(st, 1, expr.buf, -1, SQLITE_STATIC);
            while (sqlite3_step(st) == SQLITE_ROW) {
                size_t i = (size_t)sqlite3_column_int64(st, 0) - 1;

                for (size_t j = i; j < i + block && j < paths.nr; j++, cands++)
                    hits += search_has(&q, texts[j].text, texts[j].len);
            }
            sqlite3_reset(st);
        }
        s = bench_now() - s;
        for (size_t i = 0; i < paths.nr; i++) /* the promise, over the whole library */
            all += search_has(&q, texts[i].text, texts[i].len);
        printf("%s: %s: %.1f ms with the matcher, %zu candidates, %zu with a hit (of %zu)\n",
               queries[k], expr.buf ? expr.buf : "(every report)", s * 1000, cands, hits, all);
        if (all != hits && expr.buf) {
            fprintf(stderr, "bench_tokenize: %s: reports with a hit that are no candidates\n",
                    queries[k]);
            return 1;
        }
        sbuf_release(&expr);
        search_query_release(&q);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    sbuf_release(&body);
    for (size_t i = 0; i < paths.nr; i++)
        free(texts[i].text);
    free(texts);
    path_list_release(&paths);
    msgs_release(&m);
    return 0;
}
