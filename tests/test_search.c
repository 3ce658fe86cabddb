/* Unit tests for search.c: folding, smart case, full- and half-width forms
 * both ways, simplified and traditional forms, the spaces between Chinese
 * and digits or Latin letters, regular expressions, spans in the original
 * bytes, matches across the file's line breaks, wide and combining
 * characters, and the memmem path against a plain character-by-character
 * scan over the samples. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hanzi_variants.h"
#include "library.h"
#include "report.h"
#include "search.h"
#include <unistr.h>

#include "util.h"

/* The hits of compiled q in text as "off+len" separated by spaces (in
 * buf, which it returns); q is released. search_has() agrees. */
static const char *format_hits(struct search_query *q, const char *text, char *buf, size_t size)
{
    struct search_hits h = {0};
    size_t n = 0;

    buf[0] = '\0';
    search_text(q, text, strlen(text), &h);
    for (size_t i = 0; i < h.nr && n + 24 < size; i++)
        n += (size_t)snprintf(buf + n, size - n, "%s%zu+%zu", i ? " " : "", h.v[i].off, h.v[i].len);
    assert_int_equal(search_has(q, text, strlen(text)), h.nr > 0);
    search_hits_release(&h);
    search_query_release(q);
    return buf;
}

/* The hits of query in text, as format_hits() writes them. */
static const char *hits_of(const char *query, const char *text)
{
    static char buf[512];
    struct search_query q;

    if (search_compile(&q, query, strlen(query)) < 0)
        return "(empty)";
    return format_hits(&q, text, buf, sizeof(buf));
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

/* 12 次 and 12次, ABC 公司 and ABC公司: the spaces a writer puts between a
 * number or a Latin word and the Chinese around it do not count, either
 * way; the hit is the original bytes, never starting or ending in them. */
static void test_spaces_around_numbers(void **state)
{
    (void)state;
    assert_string_equal(hits_of("12次", "审理12 次，又12次"), "6+6 18+5");
    assert_string_equal(hits_of("12 次", "审理12次，又12 次"), "6+5 17+6");
    assert_string_equal(hits_of("ABC公司", "ABC 公司与ABC公司"), "0+10 13+9");
    assert_string_equal(hits_of("abc 公司", "ABC公司"), "0+9");
    /* full-width digits, the ideographic space, a no-break space, two spaces */
    assert_string_equal(hits_of("12次", "１２　次"), "0+12");
    assert_string_equal(hits_of("12次", "12\xC2\xA0次"), "0+7");
    assert_string_equal(hits_of("第12次", "第  12  次"), "0+12");
    /* only the spaces: the hit is the character */
    assert_string_equal(hits_of("次", "12 次"), "3+3");
    assert_string_equal(hits_of("12", "12 次"), "0+2");
    /* the anchor (次会议) comes after the spaces: matched backwards */
    assert_string_equal(hits_of("第12次会议", "在第 12 次会议上"), "3+16");
    /* spaces between two Chinese characters, or two Latin words, count */
    assert_string_equal(hits_of("法官", "法 官"), "");
    assert_string_equal(hits_of("法 官", "法官"), "");
    assert_string_equal(hits_of("AB", "A B"), "");
    assert_string_equal(hits_of("12次", "12，次"), "");
    assert_true(search_gap_ignored('1', 0x6B21));
    assert_true(search_gap_ignored(0x6B21, 'a'));
    assert_false(search_gap_ignored(0x6B21, 0x6CD5));
    assert_false(search_gap_ignored('1', 'a'));
}

/* A query in simplified characters finds traditional text and the reverse;
 * a character with two traditional forms (发: 發 and 髮) is one with both. */
static void test_simplified_and_traditional(void **state)
{
    (void)state;
    assert_int_equal(search_fold(0x767C, false), search_fold(0x53D1, false)); /* 發 发 */
    assert_int_equal(search_fold(0x9AEE, false), search_fold(0x53D1, false)); /* 髮 发 */
    assert_int_equal(search_fold(0x570B, false), search_fold(0x56FD, false)); /* 國 国 */
    assert_int_not_equal(search_fold(0x6CD5, false), search_fold(0x5B98, false));
    assert_string_equal(hits_of("发展", "經濟發展"), "6+6");
    assert_string_equal(hits_of("頭髮", "理了头发"), "6+6");
    assert_string_equal(hits_of("发", "頭髮與發展"), "3+3 9+3");
    assert_string_equal(hits_of("国际", "国际、國際、國际"), "0+6 9+6 18+6");
    assert_string_equal(hits_of("中华人民共和国", "中華人民共和國"), "0+21");
    assert_string_equal(hits_of("龙城县人民法院", "龍城縣人民法院審理"), "0+21");
    /* more spellings than are looked for at once: a shorter anchor */
    assert_string_equal(hits_of("发发发发", "髮發发髮"), "0+12");
    assert_string_equal(hits_of("12发", "12 發"), "0+6");
    {
        uint32_t forms[HANZI_VARIANTS_MAX];
        size_t n = hanzi_variants_of(0x53D1, forms, HANZI_VARIANTS_MAX);
        bool fa = false, fa2 = false;

        for (size_t i = 0; i < n; i++) {
            fa = fa || forms[i] == 0x767C;
            fa2 = fa2 || forms[i] == 0x9AEE;
        }
        assert_true(fa && fa2);
        assert_int_equal(forms[0], hanzi_variants_key(0x53D1));
    }
    /* every candidate of OpenCC's tables, not the first only: 干 is the
     * simplified form of 乾 and 幹, and 乾 keeps itself too (乾坤) */
    {
        uint32_t forms[HANZI_VARIANTS_MAX];
        size_t n = hanzi_variants_of(0x5E72, forms, HANZI_VARIANTS_MAX);
        bool qian = false, gan = false;

        for (size_t i = 0; i < n && i < HANZI_VARIANTS_MAX; i++) {
            qian = qian || forms[i] == 0x4E7E;
            gan = gan || forms[i] == 0x5E79;
        }
        assert_true(qian && gan);
    }
}

/* The hits of regular expression re in text, as hits_of() writes them, or
 * the message when it is no regular expression. */
static const char *regex_hits(const char *re, const char *text)
{
    static char buf[1100];
    struct search_query q;
    struct err err;

    if (search_compile_regex(&q, re, strlen(re), &err) < 0) {
        snprintf(buf, sizeof(buf), "%s", err.msg);
        return buf;
    }
    return format_hits(&q, text, buf, sizeof(buf));
}

static void test_regex(void **state)
{
    (void)state;
    assert_string_equal(regex_hits("[0-9]+次", "审理12次，又3次"), "6+5 17+4");
    assert_string_equal(regex_hits("法.院", "法官院 法院"), "0+9"); /* . is one character */
    assert_string_equal(regex_hits("^判决", "判决如下\n判决生效"), "0+6 13+6");
    assert_string_equal(regex_hits("court", "Court COURT"), "0+5 6+5"); /* smart case */
    assert_string_equal(regex_hits("Court", "Court COURT"), "0+5");
    assert_string_equal(regex_hits("x*", "法官"), ""); /* empty matches are no hits */
    assert_string_equal(regex_hits("\\d{4}年", "2024年"), "0+7");
    assert_string_equal(regex_hits("审理(", "审理"),
                        "not a regular expression: missing closing parenthesis (at character 4)");
    assert_string_equal(regex_hits("", "法"), "an empty regular expression");
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

            if (q->gap[k] && search_is_gap(c)) { /* 12 次: the space does not count */
                i += (size_t)n;
                continue;
            }
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
                                          "调解", "“",        "的",   "案件审理", "a",    "12月",
                                          "国家", "發展",     "2 日", "年 12"};
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
        cmocka_unit_test(test_spaces_around_numbers),
        cmocka_unit_test(test_simplified_and_traditional),
        cmocka_unit_test(test_regex),
        cmocka_unit_test(test_against_plain_scan),
    };
    return cmocka_run_group_tests_name("search", tests, NULL, NULL);
}
