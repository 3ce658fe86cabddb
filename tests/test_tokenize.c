/* Unit tests for tokenize.c: the index's folding (widths, case, simplified
 * and traditional forms, the spaces that do and do not count), its pairs,
 * the MATCH expression and its quoting, and a round trip through SQLite's
 * FTS5 showing that the candidates are a superset of what the matcher
 * finds, on chosen and on random queries and texts. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hanzi.h"
#include "hanzi_variants.h"
#include "library.h"
#include "report.h"
#include "search.h"
#include "text.h"
#include "tokenize.h"
#include "util.h"

/* tokenize_term_fn: terms joined by |, a colocated one marked + */
static int join_term(void *ctx, const char *term, size_t len, size_t start, size_t end,
                     int colocated)
{
    struct sbuf *sb = ctx;

    assert_true(start < end);
    if (sb->len)
        sbuf_addch(sb, '|');
    if (colocated)
        sbuf_addch(sb, '+');
    sbuf_add(sb, term, len);
    return 0;
}

/* The terms of text as join_term() writes them; the caller frees. */
static char *terms_of(const char *text)
{
    struct sbuf sb = SBUF_INIT;

    assert_int_equal(tokenize_terms(text, strlen(text), join_term, &sb), 0);
    return sb.buf ? sbuf_detach(&sb, NULL) : xstrdup("");
}

static void assert_terms(const char *text, const char *want)
{
    char *got = terms_of(text);

    assert_string_equal(got, want);
    free(got);
}

static void assert_same_terms(const char *a, const char *b)
{
    char *ta = terms_of(a), *tb = terms_of(b);

    assert_string_equal(ta, tb);
    free(ta);
    free(tb);
}

/* The index folds each character as the matcher does without case, for
 * every code point: a word character is its term alone, folded; a space
 * the matcher passes over is one in the index too; and folding is
 * idempotent, also after the query's case-keeping fold, so the
 * expression's folded text folds to itself. */
static void test_fold_is_search_fold(void **state)
{
    (void)state;
    for (uint32_t c = 1; c < 0x110000; c++) {
        char in[16], want[8];
        size_t n, m;
        struct sbuf sb = SBUF_INIT;
        uint32_t f = search_fold(c, false);

        if (c >= 0xD800 && c < 0xE000)
            continue;
        assert_int_equal(search_fold(f, false), f);
        assert_int_equal(search_fold(search_fold(c, true), false), f);
        n = text_put(in, c);
        m = text_put(want, f);
        tokenize_terms(in, n, join_term, &sb);
        if (sb.len && (sb.len != m || memcmp(sb.buf, want, m)))
            fail_msg("U+%04X folds to U+%04X in the index, not as search_fold()", c, f);
        if (!sb.len && (hanzi_variants_han(c) || text_is_ascii_alnum(f)))
            fail_msg("U+%04X is no term", c);
        sbuf_reset(&sb);
        /* between a digit and a Chinese character */
        memmove(in + 1, in, n);
        in[0] = '1';
        memcpy(in + n + 1, "法", 3);
        tokenize_terms(in, n + 4, join_term, &sb);
        if (search_is_gap(c) && strcmp(sb.buf, "1|+1法|法"))
            fail_msg("U+%04X is a space to the matcher: %s", c, sb.buf);
        sbuf_release(&sb);
    }
}

static void test_pairs(void **state)
{
    (void)state;
    assert_terms("", "");
    assert_terms("法", "法");
    assert_terms("法官院", "法官|官院|院");
    /* no pair with a line break, a space or punctuation: a character that
     * no word character follows is a term alone */
    assert_terms("法官\n", "法官|官");
    assert_terms("法\n院\n", "法|院");
    assert_terms("甲，乙。", "甲|乙");
    assert_terms("“法官”在", "法官|官|在");
    assert_terms("。，\n", "");
    /* a combining mark is a character too */
    assert_terms("e\xCC\x81t", "e\xCC\x81|\xCC\x81t|t");
    /* four-byte characters */
    assert_terms("\xF0\xA0\x80\x80法", "\xF0\xA0\x80\x80法|法");
}

static void test_widths_and_case(void **state)
{
    (void)state;
    assert_terms("ＡＢｃ１", "ab|bc|c1|1");
    assert_terms("Court", "co|ou|ur|rt|t");
    assert_terms("ÉTÉ", "ét|té|é");
    assert_terms("〇Ｂ", "〇b|b");
    assert_same_terms("第３庭", "第3庭");
    assert_same_terms("ＡＢＣ公司", "abc公司");
}

static void test_simplified_and_traditional(void **state)
{
    (void)state;
    assert_same_terms("國際", "国际");
    assert_same_terms("國際", "国際");
    assert_same_terms("白鷺灘縣人民法院審理", "白鹭滩县人民法院审理");
    assert_same_terms("糾紛", "纠纷");
}

/* Spaces between a Chinese character and a digit or letter do not count:
 * the pair across them is a term too, at the place of the term before it.
 * Spaces that count (between two Chinese characters, two letters) part
 * terms as punctuation does. */
static void test_spaces(void **state)
{
    (void)state;
    assert_terms("12 次", "12|2|+2次|次");
    assert_terms("12次", "12|2次|次");
    assert_terms("次 12", "次|+次1|12|2");
    assert_terms("12\xE3\x80\x80 \t次", "12|2|+2次|次"); /* U+3000 is a space */
    assert_terms("Ｘ\xC2\xA0法", "x|+x法|法");           /* a no-break space */
    assert_terms("法 院", "法|院");
    assert_terms("a b", "a|b");
    assert_terms(" 法", "法"); /* nothing before the spaces */
    assert_terms("法 ", "法");
    assert_terms("第 ３ 庭", "第|+第3|3|+3庭|庭");
    assert_terms("12，次", "12|2|次"); /* not across punctuation */
}

/* The expression tokenize_match_expr() writes for query; "-1" when none. */
static char *expr_of(const char *query, size_t len)
{
    struct search_query q;
    struct sbuf sb = SBUF_INIT;
    int rc;

    assert_int_equal(search_compile(&q, query, len), 0);
    rc = tokenize_match_expr(&q, &sb);
    search_query_release(&q);
    if (rc < 0) {
        assert_int_equal(sb.len, 0);
        sbuf_release(&sb);
        return xstrdup("-1");
    }
    return sbuf_detach(&sb, NULL);
}

static void assert_expr(const char *query, const char *want)
{
    char *got = expr_of(query, strlen(query));

    assert_string_equal(got, want);
    free(got);
}

/* Queries a and b have one expression (and it is not -1). */
static void assert_same_expr(const char *a, const char *b)
{
    char *ea = expr_of(a, strlen(a)), *eb = expr_of(b, strlen(b));

    assert_string_not_equal(ea, "-1");
    assert_string_equal(ea, eb);
    free(ea);
    free(eb);
}

static void test_match_expr(void **state)
{
    struct search_query q;
    struct sbuf sb = SBUF_INIT;
    struct err err;
    char *e;

    (void)state;
    assert_expr("法官", "\"法官\"");
    assert_expr("法", "\"法\" *");
    assert_expr("法官院", "\"法官\" AND \"官院\"");
    assert_expr("ABC", "\"ab\" AND \"bc\""); /* the index has no case */
    assert_expr("Ａ", "\"a\" *");
    assert_expr("12 次", "\"12\" AND \"2次\"");
    /* pairs of word characters only; without any, the characters */
    assert_expr("法 院", "\"法\" * AND \"院\" *");
    assert_expr(" 法", "\"法\" *");
    assert_expr("法院。", "\"法院\"");
    assert_expr("“法”", "\"法\" *");
    assert_expr("，", "-1");
    assert_expr("\n", "-1");
    assert_same_expr("谢谢谢", "谢谢"); /* one pair once */
    assert_same_expr("國際", "国际");
    assert_same_expr("ＡＢ", "ab");
    /* FTS5's syntax stays out of the expression: its strings hold word
     * characters only, and AND in one is a word */
    assert_expr("a\"b", "\"a\" * AND \"b\" *");
    assert_expr("\"", "-1");
    assert_expr("a*b(c)", "\"a\" * AND \"b\" * AND \"c\" *");
    assert_expr("a AND", "\"an\" AND \"nd\"");
    /* FTS5 reads an expression up to a NUL: none goes into one */
    e = expr_of("a\0b", 3);
    assert_string_equal(e, "\"a\" * AND \"b\" *");
    free(e);
    /* a long query asks for TOKENIZE_MAX_TERMS pairs, its first and last
     * among them */
    e = expr_of("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥",
                strlen("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"));
    {
        size_t ands = 0;

        for (const char *p = e; (p = strstr(p, " AND ")); p++)
            ands++;
        assert_int_equal(ands, TOKENIZE_MAX_TERMS - 1);
        assert_non_null(strstr(e, "\"甲乙\""));
        assert_non_null(strstr(e, "\"戌亥\""));
    }
    free(e);
    /* a regular expression: every report is a candidate */
    assert_int_equal(search_compile_regex(&q, "法.", strlen("法."), &err), 0);
    assert_int_equal(tokenize_match_expr(&q, &sb), -1);
    assert_int_equal(sb.len, 0);
    search_query_release(&q);
    sbuf_release(&sb);
}

/* A contentless FTS5 table over our tokenizer, as the library index has. */
static sqlite3 *open_index(void)
{
    sqlite3 *db;

    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(tokenize_register(db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "CREATE VIRTUAL TABLE t USING fts5(body, content='', "
                                  "detail=none, tokenize='" TOKENIZE_NAME "')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    return db;
}

static void add_text(sqlite3 *db, sqlite3_int64 rowid, const char *text, size_t len)
{
    sqlite3_stmt *st;

    assert_int_equal(
        sqlite3_prepare_v2(db, "INSERT INTO t(rowid, body) VALUES (?1, ?2)", -1, &st, NULL),
        SQLITE_OK);
    sqlite3_bind_int64(st, 1, rowid);
    sqlite3_bind_text(st, 2, text, (int)len, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
}

/* The rows (1 to 64) expression expr matches, as bits. */
static uint64_t rows_matching(sqlite3 *db, const char *expr)
{
    sqlite3_stmt *st;
    uint64_t rows = 0;
    int rc;

    assert_int_equal(sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1", -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(st, 0);

        assert_true(id >= 1 && id <= 64);
        rows |= (uint64_t)1 << (id - 1);
    }
    if (rc != SQLITE_DONE)
        fail_msg("%s: %s", expr, sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return rows;
}

/* The candidates of query (len bytes) among texts, as bits; every row
 * when there is no expression. *found: the rows search_has() finds;
 * *pairs: whether the expression asks for pairs (not prefixes). */
static uint64_t candidates(sqlite3 *db, const char *query, size_t len, const char *const *texts,
                           size_t nr, uint64_t *found, bool *pairs)
{
    struct search_query q;
    struct sbuf expr = SBUF_INIT;
    uint64_t rows;

    assert_int_equal(search_compile(&q, query, len), 0);
    *found = 0;
    for (size_t i = 0; i < nr; i++)
        if (search_has(&q, texts[i], strlen(texts[i])))
            *found |= (uint64_t)1 << i;
    rows = tokenize_match_expr(&q, &expr) < 0 ? ~(uint64_t)0 >> (64 - nr) : 0;
    *pairs = expr.buf && !strstr(expr.buf, "\" *");
    if (expr.buf)
        rows = rows_matching(db, expr.buf);
    if (*found & ~rows)
        fail_msg("query '%.*s', expression %s: rows %#llx found, %#llx candidates", (int)len, query,
                 expr.buf, (unsigned long long)*found, (unsigned long long)rows);
    search_query_release(&q);
    sbuf_release(&expr);
    return rows;
}

/* Reports written for this test, about fictional courts. */
static const char *const texts[] = {
    "白鹭滩县人民法院审理了一起合同纠纷案。\n",
    "白鷺灘縣人民法院審理了一起合同糾紛案。\n",
    "该案于2024 年 3 月开庭，原告第12 次提出申请。\n",
    "ＡＢＣ公司诉XYZ公司，法 院 二 字 之 间 有 空 格。\n",
    "The court said \"no\" to the appeal; 上诉被驳回。\n",
    "e\xCC\x81tude\t与 café\n第３庭\xE3\x80\x80宣判\n",
    "国际贸易公司依法维权\n",
};

static void test_round_trip(void **state)
{
    /* each query and the rows (bits from text 0) its candidates are:
     * exactly the rows with a hit unless the comment says */
    static const struct {
        const char *query;
        uint64_t rows;
    } cases[] = {
        {"人民法院", 0x3},
        {"白鹭滩县", 0x3},
        {"白鷺灘縣", 0x3},
        {"審理", 0x3},
        {"法院", 0x3},
        {"法 院", 0xb}, /* the characters only: 0 and 1 have 法院 */
        {"法", 0x4b},
        {"2024年", 0x4},
        {"2024 年", 0x4},
        {"２０２４年３月", 0x4},
        {"12次", 0x4},
        {"第12 次", 0x4},
        /* spaces at a query's ends are compared: the pairs with them */
        {" 月开庭", 0x4},
        {"第12 ", 0x4},
        {"abc", 0x8},
        {"ＡＢＣ", 0x8},
        {"ABC公司", 0x8},
        {"xyz 公司", 0x8},
        {"\"no\"", 0x10},
        {"no", 0x10},
        {"驳回", 0x10},
        {"駁回。", 0x10},
        {"e", 0x30},
        {"cafe\xCC\x81", 0}, /* café is one character here */
        {"café", 0x20},
        {"e\xCC\x81", 0x20},
        {"第3庭", 0x20},
        {"庭 宣判", 0x20}, /* U+3000 is a space, and counts between Chinese characters */
        {"tude与", 0x20},
        {"tude 与", 0x20},
        {"庭宣判", 0},
        {" 月", 0x4},
        /* no word character: every row */
        {" ", 0x7f},
        {"\n", 0x7f},
        {"。\n", 0x7f},
        {"國際", 0x40},
        {"依法维权\n", 0x40},
        {"不存在", 0},
        {"合同纠纷案件", 0},
        /* a candidate without a hit: the matcher checks case and marks */
        {"The Court", 0x10},
    };
    sqlite3 *db = open_index();
    uint64_t found;
    bool pairs;

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(texts); i++)
        add_text(db, (sqlite3_int64)i + 1, texts[i], strlen(texts[i]));
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        uint64_t rows = candidates(db, cases[i].query, strlen(cases[i].query), texts,
                                   ARRAY_SIZE(texts), &found, &pairs);

        if (rows != cases[i].rows)
            fail_msg("'%s': candidates %#llx, not %#llx", cases[i].query, (unsigned long long)rows,
                     (unsigned long long)cases[i].rows);
    }
    /* a control character in a query is no error */
    candidates(db, "a\x01", 2, texts, ARRAY_SIZE(texts), &found, &pairs);
    sqlite3_close(db);
}

/* A contentless table forgets a row only when given its text again (the
 * 'delete' command of SQLite 3.40): the same text makes the same terms. */
static void test_delete(void **state)
{
    sqlite3 *db = open_index();
    sqlite3_stmt *st;

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(texts); i++)
        add_text(db, (sqlite3_int64)i + 1, texts[i], strlen(texts[i]));
    assert_int_equal(rows_matching(db, "\"人民\""), 0x3);
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "INSERT INTO t(t, rowid, body) VALUES ('delete', 1, ?1)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, texts[0], -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    assert_int_equal(rows_matching(db, "\"人民\""), 0x2);
    assert_int_equal(rows_matching(db, "\"白\" *"), 0x2);
    assert_int_equal(
        sqlite3_exec(db, "INSERT INTO t(t) VALUES ('integrity-check')", NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_close(db);
}

/* The characters of the random texts and queries: Chinese in both scripts,
 * full- and half-width letters and digits in both cases, the spaces, a
 * combining mark, the Kelvin sign (K in lower case), a quote, a line break. */
static const char *const alphabet[] = {
    "法", "院",           "国", "國",       "际",           "際", "A",  "a",  "Ａ", "ａ", "1", "１",
    " ",  "\xE3\x80\x80", "\t", "\xCC\x81", "\xE2\x84\xAA", "k",  "\"", "\n", "，", ",",  "e", "庭",
};

static uint32_t next_random(uint64_t *seed)
{
    *seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(*seed >> 33);
}

static void random_string(uint64_t *seed, size_t n, struct sbuf *out)
{
    for (size_t i = 0; i < n; i++)
        sbuf_addstr(out, alphabet[next_random(seed) % ARRAY_SIZE(alphabet)]);
}

/* search_has(q, text) means the row of text is a candidate, for a few
 * thousand random queries over 64 random texts (fixed seed), half of them
 * cut from a text and so mostly found; and the pairs leave most rows out. */
static void test_superset_random(void **state)
{
    sqlite3 *db = open_index();
    const char *tv[64];
    uint64_t seed = 13, found, rows;
    size_t with_hits = 0, with_pairs = 0, cands = 0, hits = 0;
    bool pairs;

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(tv); i++) {
        struct sbuf sb = SBUF_INIT;

        random_string(&seed, 4 + next_random(&seed) % 60, &sb);
        sbuf_addch(&sb, '\n');
        add_text(db, (sqlite3_int64)i + 1, sb.buf, sb.len);
        tv[i] = sbuf_detach(&sb, NULL);
    }
    for (int i = 0; i < 4000; i++) {
        struct sbuf sb = SBUF_INIT;

        if (i % 2) {
            random_string(&seed, 1 + next_random(&seed) % 6, &sb);
        } else { /* a piece of a text, on character bounds */
            const char *t = tv[next_random(&seed) % ARRAY_SIZE(tv)];
            size_t len = strlen(t), s = next_random(&seed) % len, e;

            while (s && (t[s] & 0xC0) == 0x80)
                s--;
            e = s + 1 + next_random(&seed) % 16;
            if (e > len)
                e = len;
            while (e < len && (t[e] & 0xC0) == 0x80)
                e++;
            sbuf_add(&sb, t + s, e - s);
        }
        rows = candidates(db, sb.buf, sb.len, tv, ARRAY_SIZE(tv), &found, &pairs);
        with_hits += found != 0;
        if (pairs) { /* how many candidates have no hit, where pairs decide */
            with_pairs++;
            cands += (size_t)__builtin_popcountll(rows);
            hits += (size_t)__builtin_popcountll(found);
        }
        sbuf_release(&sb);
    }
    /* the test can fail: many queries are found, and the candidates are
     * not every row */
    assert_true(with_hits > 1500);
    assert_true(with_pairs > 2000);
    /* a quarter of the rows at most, on average: with this small alphabet
     * a pair is in many texts (some 7 of 64 rows where 2 have a hit) */
    assert_true(cands * 4 < with_pairs * ARRAY_SIZE(tv));
    for (size_t i = 0; i < ARRAY_SIZE(tv); i++)
        free((char *)tv[i]);
    sqlite3_close(db);
}

/* query (len bytes) respelled: each Chinese character in its
 * traditional form, each ASCII letter or digit full-width and (every
 * other one) in capitals, and an ideographic space between a Chinese
 * character and a letter or digit, where spaces do not count. */
static void respell(const char *query, size_t len, struct sbuf *out)
{
    uint32_t prev = 0;

    for (size_t i = 0, k = 0; i < len; k++) {
        uint32_t c;
        char buf[4];

        i += text_next(query + i, len - i, &c);
        if (search_gap_ignored(search_fold(prev, false), search_fold(c, false)))
            sbuf_addstr(out, "\xE3\x80\x80");
        prev = c;
        if (c < 0x80 && text_is_ascii_alnum(c))
            c = (k % 2 && c >= 'a' && c <= 'z' ? c - 32 : c) + 0xFEE0;
        else
            c = hanzi_traditional(c);
        sbuf_add(out, buf, text_put(buf, c));
    }
}

/* The samples as the index gets them (each report's clean text): pieces
 * of each, as they are and respelled, are found in their report (nearly
 * all: not where a mark follows, or capitals meet small letters), and
 * every report they are found in is a candidate. */
static void test_superset_samples(void **state)
{
    struct path_list paths = {0};
    struct msgs m = {0};
    struct err err;
    struct report *r[8];
    const char *tv[8];
    sqlite3 *db = open_index();
    uint64_t seed = 7, found;
    size_t tries = 0, hits = 0, respelled = 0;
    bool pairs;

    (void)state;
    assert_int_equal(library_collect("samples", &paths, &m, &err), 0);
    assert_true(paths.nr >= 4 && paths.nr <= ARRAY_SIZE(r));
    for (size_t p = 0; p < paths.nr; p++) {
        assert_non_null(r[p] = library_load(paths.v[p], NULL, &err));
        tv[p] = r[p]->text;
        add_text(db, (sqlite3_int64)p + 1, r[p]->text, r[p]->len);
    }
    for (size_t p = 0; p < paths.nr; p++)
        for (int i = 0; i < 200; i++) {
            const char *t = r[p]->text;
            size_t s = next_random(&seed) % r[p]->len, e;
            struct sbuf sb = SBUF_INIT;

            while (s && (t[s] & 0xC0) == 0x80)
                s--;
            e = s + 1 + next_random(&seed) % 30;
            if (e > r[p]->len)
                e = r[p]->len;
            while (e < r[p]->len && (t[e] & 0xC0) == 0x80)
                e++;
            candidates(db, t + s, e - s, tv, paths.nr, &found, &pairs);
            tries++;
            hits += (found >> p) & 1;
            respell(t + s, e - s, &sb);
            candidates(db, sb.buf, sb.len, tv, paths.nr, &found, &pairs);
            respelled += (found >> p) & 1;
            sbuf_release(&sb);
        }
    /* the pieces are found where they were cut (but where a mark follows) */
    assert_true(hits * 10 > tries * 9);
    assert_true(respelled * 10 > tries * 9);
    for (size_t p = 0; p < paths.nr; p++)
        report_free(r[p]);
    path_list_release(&paths);
    msgs_release(&m);
    sqlite3_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold_is_search_fold),
        cmocka_unit_test(test_pairs),
        cmocka_unit_test(test_widths_and_case),
        cmocka_unit_test(test_simplified_and_traditional),
        cmocka_unit_test(test_spaces),
        cmocka_unit_test(test_match_expr),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_delete),
        cmocka_unit_test(test_superset_random),
        cmocka_unit_test(test_superset_samples),
    };
    return cmocka_run_group_tests_name("tokenize", tests, NULL, NULL);
}
