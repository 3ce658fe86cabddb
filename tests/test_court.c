/* Unit tests for court.c: recognition, normalisation. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "court.h"
#include "util.h"

/* The courts (not collectives) named in text, joined by "|". */
static void expect_courts(const char *text, const char *want)
{
    struct court_mentions m = {0};
    struct sbuf sb = SBUF_INIT;

    court_scan(text, strlen(text), &m);
    for (size_t i = 0; i < m.nr; i++) {
        if (m.v[i].level == COURT_COLLECTIVE)
            continue;
        if (sb.len)
            sbuf_addch(&sb, '|');
        sbuf_addstr(&sb, m.v[i].name);
    }
    assert_string_equal(sb.buf ? sb.buf : "", want);
    sbuf_release(&sb);
    court_mentions_release(&m);
}

static void test_full_names(void **state)
{
    (void)state;
    expect_courts("近年来，鄂尔多斯市中级人民法院坚持", "鄂尔多斯市中级人民法院");
    expect_courts("内蒙古自治区高级人民法院发布", "内蒙古自治区高级人民法院");
    expect_courts("该院在海南区人民法院调研", "海南区人民法院");
    expect_courts("鄂尔多斯市鄂托克旗人民法院打造", "鄂尔多斯市鄂托克旗人民法院");
    expect_courts("呼和浩特铁路运输法院审结", "呼和浩特铁路运输法院");
    expect_courts("最高人民法院发布典型案例", "最高人民法院");
    expect_courts("和林格尔县人民法院", "和林格尔县人民法院");
}

static void test_short_forms_normalised(void **state)
{
    (void)state;
    expect_courts("海勃湾区法院创新开展", "海勃湾区人民法院");
    expect_courts("乌海市中院打造院史馆", "乌海市中级人民法院");
    expect_courts("棋盘井法庭党支部利用", "棋盘井人民法庭");
    expect_courts("经验入选内蒙古高院案例", "内蒙古高级人民法院");
    /* 包头中院 when the text says the city is 包头市 */
    expect_courts("包头市法治建设。包头中院召开会议", "包头市中级人民法院");
}

static void test_generic_mentions_are_not_courts(void **state)
{
    (void)state;
    expect_courts("全市法院、两级法院和人民法庭", "");
    expect_courts("入选自治区高院党建案例", "");
    expect_courts("上级法院、基层法院、全国优秀法院", "");
    expect_courts("细化人民法庭建设，充实人民法庭力量", "");
    expect_courts("打造“海岛法庭”品牌和“马背法庭”", "");
    expect_courts("乌海市两级法院忠诚履职", "");
    expect_courts("提任中院环节干部18人", "");
    expect_courts("进一步加强全市法院人民法庭建设", "");
}

static void test_collectives(void **state)
{
    struct court_mentions m = {0};
    const char *t = "乌海市两级法院忠诚履职。鄂尔多斯市中级人民法院和鄂尔多斯市法院队伍";

    (void)state;
    court_scan(t, strlen(t), &m);
    assert_int_equal(m.nr, 3);
    assert_int_equal(m.v[0].level, COURT_COLLECTIVE);
    assert_string_equal(m.v[0].name, "乌海市");
    assert_int_equal(m.v[2].level, COURT_COLLECTIVE);
    assert_string_equal(m.v[2].name, "鄂尔多斯市");
    court_mentions_release(&m);
}

static void test_words_read_into_a_name(void **state)
{
    (void)state;
    /* a verb before the name, known from the fuller name elsewhere */
    expect_courts("鄂尔多斯市鄂托克旗人民法院，走进鄂托克旗法院",
                  "鄂尔多斯市鄂托克旗人民法院|鄂托克旗人民法院");
    expect_courts("组织干警赴鹤汀区法院交流", "鹤汀区人民法院");
    expect_courts("海南区和乌达区法院", "乌达区人民法院");
}

static void test_same_court(void **state)
{
    (void)state;
    assert_true(court_same("鄂托克旗人民法院", "鄂尔多斯市鄂托克旗人民法院"));
    assert_true(court_same("包头中级人民法院", "包头市中级人民法院"));
    assert_true(court_same("内蒙古高级人民法院", "内蒙古自治区高级人民法院"));
    assert_false(court_same("海南区人民法院", "乌达区人民法院"));
    assert_false(court_same("乌海市中级人民法院", "乌海市人民法院"));
}

static void test_parent_names(void **state)
{
    char *p;

    (void)state;
    p = court_parent_name("鄂尔多斯市鄂托克旗人民法院");
    assert_string_equal(p, "鄂尔多斯市中级人民法院");
    free(p);
    p = court_parent_name("内蒙古自治区包头市中级人民法院");
    assert_string_equal(p, "内蒙古自治区高级人民法院");
    free(p);
    assert_null(court_parent_name("海勃湾区人民法院"));
    assert_null(court_parent_name("乌海市中级人民法院"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_names),
        cmocka_unit_test(test_short_forms_normalised),
        cmocka_unit_test(test_generic_mentions_are_not_courts),
        cmocka_unit_test(test_collectives),
        cmocka_unit_test(test_words_read_into_a_name),
        cmocka_unit_test(test_same_court),
        cmocka_unit_test(test_parent_names),
    };
    return cmocka_run_group_tests_name("court", tests, NULL, NULL);
}
