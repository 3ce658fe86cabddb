/*
 * fuzz_tokenize.c: a query and a text from any bytes, as fuzz_search.c
 * makes them (the first byte says how long the query is; both valid UTF-8
 * as decode leaves text). Checks tokenize.h's promise through a real FTS5
 * table: when search_has() finds the query in the text, the query's MATCH
 * expression finds the text's row; and every term is one or two
 * characters of the text's span.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "fuzz.h"
#include "search.h"
#include "tokenize.h"
#include "util.h"

/* One table for every input, emptied before each (a harness's state). */
static sqlite3 *db;
static sqlite3_stmt *insert, *match, *empty;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK || tokenize_register(db) != SQLITE_OK ||
        sqlite3_exec(db,
                     "CREATE VIRTUAL TABLE t USING fts5(body, content='', detail=none, "
                     "tokenize='" TOKENIZE_NAME "')",
                     NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "INSERT INTO t(rowid, body) VALUES (1, ?1)", -1, &insert, NULL) ||
        sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1", -1, &match, NULL) ||
        sqlite3_prepare_v2(db, "INSERT INTO t(t) VALUES ('delete-all')", -1, &empty, NULL)) {
        fprintf(stderr, "fuzz_tokenize: %s\n", sqlite3_errmsg(db));
        abort();
    }
    return 0;
}

/* tokenize_term_fn: a term is 1 to 8 bytes from a span inside the text */
static int check_term(void *ctx, const char *term, size_t len, size_t start, size_t end,
                      int colocated)
{
    size_t text_len = *(const size_t *)ctx;

    (void)term;
    (void)colocated;
    FUZZ_CHECK(len >= 1 && len <= 8, "a term of %zu bytes", len);
    FUZZ_CHECK(start < end && end <= text_len, "a term from %zu to %zu of %zu", start, end,
               text_len);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct decoded dec;
    struct search_query q;
    struct sbuf expr = SBUF_INIT;
    size_t qlen, tlen;
    const char *t;
    int rc;

    if (fuzz_query_text(data, size, &dec, &qlen) < 0)
        return 0;
    if (search_compile(&q, dec.text, qlen) < 0) {
        free(dec.text);
        return 0;
    }
    t = dec.text + qlen;
    tlen = dec.len - qlen;
    tokenize_terms(t, tlen, check_term, &tlen);
    if (tokenize_match_expr(&q, &expr) == 0) {
        bool found = false;

        sqlite3_step(empty);
        sqlite3_reset(empty);
        sqlite3_bind_text(insert, 1, t, (int)tlen, SQLITE_STATIC);
        FUZZ_CHECK(sqlite3_step(insert) == SQLITE_DONE, "insert: %s", sqlite3_errmsg(db));
        sqlite3_reset(insert);
        sqlite3_bind_text(match, 1, expr.buf, (int)expr.len, SQLITE_STATIC);
        while ((rc = sqlite3_step(match)) == SQLITE_ROW)
            found = true;
        FUZZ_CHECK(rc == SQLITE_DONE, "%s: %s", expr.buf, sqlite3_errmsg(db));
        sqlite3_reset(match);
        FUZZ_CHECK(found || !search_has(&q, t, tlen), "found, but %s is no candidate", expr.buf);
    }
    sbuf_release(&expr);
    search_query_release(&q);
    free(dec.text);
    return 0;
}
