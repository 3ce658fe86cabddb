/* Unit tests for search.c: folding, smart case, full- and half-width forms
 * both ways, spans in the original bytes, matches across the file's line
 * breaks, wide and combining characters, and the memmem path against a
 * plain character-by-character scan over the samples. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "report.h"
#include "search.h"
#include <unistr.h>

#include "util.h"

/* The hits of query in text as "off+len" separated by spaces. */
static const char *hits_of(const char *query, const char *text)
{
    static char buf[512];
    struct search_query q;
    struct search_hits h = {0};
    size_t n = 0;

    buf[0] = '\0';
    if (search_compile(&q, query, strlen(query)) < 0)
        return "(empty)";
    search_text(&q, text, strlen(text), &h);
    for (size_t i = 0; i < h.nr && n + 24 < sizeof(buf); i++)
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%zu+%zu", i ? " " : "", h.v[i].off,
                              h.v[i].len);
    search_hits_release(&h);
    search_query_release(&q);
    return buf;
}

static void test_fold(void **state)
{
    (void)state;
    assert_int_equal(search_fold(0xFF0C, false), ','); /* ， */
    assert_int_equal(search_fold(0xFF11, false), '1'); /* １ */
    assert_int_equal(search_fold(0xFF21, false), 'a'); /* Ａ */
    assert_int_equal(search_fold(0xFF21, true), 'A');
    assert_int_equal(search_fold(0x3000, false), ' ');
    assert_int_equal(search_fold('Q', false), 'q');
    assert_int_equal(search_fold('Q', true), 'Q');
    assert_int_equal(search_fold(0x00C9, false), 0x00E9); /* É */
    assert_int_equal(search_fold(0x6CD5, false), 0x6CD5); /* 法 */
    assert_int_equal(search_fold(0x3002, false), 0x3002); /* 。 stays */
    assert_int_equal(search_fold(0xFF61, false), 0x3002); /* ｡ is 。 */
}

static void test_widths_match_both_ways(void **state)
{
    (void)state;
    /* a full-width query finds half-width text, and the reverse; spans are
     * the original bytes (a full-width digit is 3 bytes) */
    assert_string_equal(hits_of("１２３６８", "热线12368接听"), "6+5");
    assert_string_equal(hits_of("12368", "热线１２３６８接听"), "6+15");
    assert_string_equal(hits_of("，", "甲,乙，丙"), "3+1 7+3");
    assert_string_equal(hits_of("AB", "xＡＢy ab"), "1+6"); /* capitals: case counts */
    assert_string_equal(hits_of("ab", "xＡＢy ab"), "1+6 9+2");
    assert_string_equal(hits_of("法官 说", "法官　说"), "0+12"); /* U+3000 is a space */
}

static void test_smart_case(void **state)
{
    (void)state;
    assert_string_equal(hits_of("court", "Court COURT court"), "0+5 6+5 12+5");
    assert_string_equal(hits_of("Court", "Court COURT court"), "0+5");
    assert_string_equal(hits_of("Ｃourt", "Court court"), "0+5"); /* Ｃ is a capital */
    assert_string_equal(hits_of("été", "ÉTÉ"), "0+5");
}

static void test_han_and_mixed(void **state)
{
    (void)state;
    assert_string_equal(hits_of("法官", "法院法官，法官。"), "6+6 15+6");
    assert_string_equal(hits_of("第3庭", "第３庭和第3庭"), "0+9 12+7");
    assert_string_equal(hits_of("官", "法"), "");
    assert_string_equal(hits_of("", "法"), "(empty)");
    /* matches do not overlap */
    assert_string_equal(hits_of("哈哈", "哈哈哈哈哈"), "0+6 6+6");
    assert_string_equal(hits_of("aa", "aaaaa"), "0+2 2+2");
}

static void test_combining_and_wide(void **state)
{
    (void)state;
    /* e does not match the e of e + combining acute (that would split it) */
    assert_string_equal(hits_of("cafe", "cafe\xCC\x81 cafe"), "7+4");
    assert_string_equal(hits_of("cafe\xCC\x81", "cafe\xCC\x81 cafe"), "0+6");
    /* emoji and wide characters are characters like any other */
    assert_string_equal(hits_of("\xF0\x9F\x91\x8D法", "好\xF0\x9F\x91\x8D法"), "3+7");
    /* a match at the very start and the very end */
    assert_string_equal(hits_of("法", "法"), "0+3");
}

/* A match in a report's text may cross the line breaks of its file. */
static void test_across_line_breaks(void **state)
{
    static const char file[] = "某某县法院审结一起案件\n\n"
                               "　　近日，某某县人民法院审结一起合同纠纷案件，承办法\n"
                               "官耐心释法，双方当事人达成调解协议。\n";
    struct report *r = report_parse("t.txt", file, sizeof(file) - 1, false);
    struct search_query q;
    struct search_hits h = {0};

    (void)state;
    assert_int_equal(search_compile(&q, "承办法官", strlen("承办法官")), 0);
    search_text(&q, r->text, r->len, &h);
    assert_int_equal(h.nr, 1);
    assert_memory_equal(r->text + h.v[0].off, "承办法官", strlen("承办法官"));
    assert_int_equal(h.v[0].len, strlen("承办法官"));
    search_hits_release(&h);
    search_query_release(&q);
    report_free(r);
}

static void test_hit_near(void **state)
{
    struct search_hit v[] = {{10, 3}, {20, 3}, {30, 3}};
    struct search_hits h = {v, 3, 3};

    (void)state;
    assert_int_equal(search_hit_near(&h, 0, 1), 0);
    assert_int_equal(search_hit_near(&h, 10, 1), 0);
    assert_int_equal(search_hit_near(&h, 11, 1), 1);
    assert_int_equal(search_hit_near(&h, 31, 1), -1);
    assert_int_equal(search_hit_near(&h, 30, -1), 1);
    assert_int_equal(search_hit_near(&h, 31, -1), 2);
    assert_int_equal(search_hit_near(&h, 10, -1), -1);
    assert_int_equal(search_hit_from(&h, 12), 0);
    assert_int_equal(search_hit_from(&h, 13), 1);
    assert_int_equal(search_hit_from(&h, 40), 3);
}

/* The plain scan: every start, character by character. */
static size_t naive_count(const struct search_query *q, const char *t, size_t len)
{
    size_t count = 0, last_end = 0;

    for (size_t s = 0; s < len; s++) {
        size_t i = s, k = 0;

        if (((unsigned char)t[s] & 0xC0) == 0x80 || s < last_end)
            continue;
        while (k < q->n && i < len) {
            ucs4_t c;
            int n = u8_mbtouc(&c, (const uint8_t *)t + i, len - i);

            if (search_fold(c, q->case_sensitive) != q->cps[k])
                break;
            i += (size_t)(n > 0 ? n : 1);
            k++;
        }
        if (k == q->n) {
            count++;
            last_end = i;
        }
    }
    return count;
}

/* A query whose anchor repeats a character: the match starts inside the
 * anchor of a failed try (a doubled word before punctuation, laughter in a
 * quoted exchange), as grep finds it. */
static void test_match_inside_failed_anchor(void **state)
{
    (void)state;
    assert_string_equal(hits_of("谢谢，", "谢谢谢，"), "3+9");
    assert_string_equal(hits_of("哈哈！", "哈哈哈！"), "3+9");
    assert_string_equal(hits_of("哈哈！", "哈哈哈哈哈！好"), "9+9");
    assert_string_equal(hits_of("法官法官，", "法官法官法官，"), "6+15");
    assert_string_equal(hits_of("ab", "aab"), "1+2"); /* the scan without an anchor */
}

/* Queries of every kind against every sample: the memmem path and the
 * scan agree with the plain one. */
static void test_against_plain_scan(void **state)
{
    static const char *const queries[] = {"法院", "人民法院", "法官", "，",       "2025", "１２",
                                          "调解", "“",        "的",   "案件审理", "a"};
    struct path_list paths = {0};
    struct msgs m = {0};
    struct err err;

    (void)state;
    assert_int_equal(library_collect("samples", &paths, &m, &err), 0);
    for (size_t p = 0; p < paths.nr; p++) {
        struct report *r = library_load(paths.v[p], NULL, &err);

        assert_non_null(r);
        for (size_t i = 0; i < ARRAY_SIZE(queries); i++) {
            struct search_query q;
            struct search_hits h = {0};

            search_compile(&q, queries[i], strlen(queries[i]));
            search_text(&q, r->text, r->len, &h);
            if (h.nr != naive_count(&q, r->text, r->len))
                fail_msg("%s: '%s': %zu hits, the plain scan %zu", paths.v[p], queries[i], h.nr,
                         naive_count(&q, r->text, r->len));
            assert_int_equal(search_has(&q, r->text, r->len), h.nr > 0);
            search_hits_release(&h);
            search_query_release(&q);
        }
        report_free(r);
    }
    path_list_release(&paths);
    msgs_release(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_widths_match_both_ways),
        cmocka_unit_test(test_smart_case),
        cmocka_unit_test(test_han_and_mixed),
        cmocka_unit_test(test_combining_and_wide),
        cmocka_unit_test(test_across_line_breaks),
        cmocka_unit_test(test_hit_near),
        cmocka_unit_test(test_match_inside_failed_anchor),
        cmocka_unit_test(test_against_plain_scan),
    };
    return cmocka_run_group_tests_name("search", tests, NULL, NULL);
}
