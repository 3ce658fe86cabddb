/* Unit tests for quote.c: where sentences end and start for a selection,
 * the text between two byte offsets as it is pasted, the ranges y selects,
 * and the citation format (its fields, its optional parts, no citation).
 * All text is ours, about fictional courts. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "quote.h"
#include "report.h"
#include "util.h"

/* Two blocks, as a report's text holds them: each ends with '\n'. */
static const char two[] = "　　甲说：“调解成功。”乙点头！丙说：“好吗？”\n"
                          "Version 3.5 is out. Next steps\n";

static size_t at(const char *s, const char *needle)
{
    const char *p = strstr(s, needle);

    assert_non_null(p);
    return (size_t)(p - s);
}

static const struct quote_source full = {"鹭台镇法庭巡回审判", "澄湾县人民法院", "2024-03-05",
                                         "澄湾法院网", "/lib/cheng-wan.txt"};

static void test_sentence_ends_take_the_closing_quote(void **state)
{
    size_t len = strlen(two), first = at(two, "甲");

    (void)state;
    /* from before the first sentence: to its 。 and the ” it closes */
    assert_int_equal(quote_sentence_end(two, len, first), at(two, "”乙"));
    /* from a sentence's last character: the next sentence's */
    assert_int_equal(quote_sentence_end(two, len, at(two, "”乙")), at(two, "！"));
    /* ？ then ” ends the block's last sentence */
    assert_int_equal(quote_sentence_end(two, len, at(two, "丙")), at(two, "”\n"));
    /* a full stop between digits ends nothing; one before a space does */
    assert_int_equal(quote_sentence_end(two, len, at(two, "Version")), at(two, ". Next"));
    /* the block's end ends a sentence that has no mark */
    assert_int_equal(quote_sentence_end(two, len, at(two, "Next")), at(two, "s\n"));
    /* at the last character there is no further to go */
    assert_int_equal(quote_sentence_end(two, len, at(two, "s\n")), at(two, "s\n"));
}

static void test_sentence_starts_go_back(void **state)
{
    size_t len = strlen(two);

    (void)state;
    /* inside a sentence: its start */
    assert_int_equal(quote_sentence_start(two, len, at(two, "点头")), at(two, "乙"));
    /* at a start: the sentence before (the block's first, past its indent) */
    assert_int_equal(quote_sentence_start(two, len, at(two, "乙")), at(two, "甲"));
    /* at a block's first sentence: the last sentence of the block before */
    assert_int_equal(quote_sentence_start(two, len, at(two, "Version")), at(two, "丙"));
    assert_int_equal(quote_sentence_start(two, len, at(two, "steps")), at(two, "Next"));
    assert_int_equal(quote_sentence_start(two, len, 0), 0);
}

static void test_characters_step_over_block_ends(void **state)
{
    size_t len = strlen(two), end1 = at(two, "”\n");

    (void)state;
    assert_int_equal(quote_char_next(two, len, end1), at(two, "Version"));
    assert_int_equal(quote_char_prev(two, at(two, "Version")), end1);
    assert_int_equal(quote_char_next(two, len, at(two, "甲")), at(two, "说"));
    assert_int_equal(quote_char_prev(two, 0), 0);
    assert_int_equal(quote_char_next(two, len, at(two, "s\n")), at(two, "s\n"));
}

static void test_citation_fields_and_optional_parts(void **state)
{
    struct sbuf sb = SBUF_INIT;
    struct quote_source some = {NULL, "澄湾县人民法院", NULL, "", "/lib/cheng-wan.txt"};

    (void)state;
    quote_cite(QUOTE_CITATION_DEFAULT, &full, &sb);
    assert_string_equal(sb.buf, "——《鹭台镇法庭巡回审判》，澄湾县人民法院，2024-03-05，澄湾法院网");
    sbuf_reset(&sb);
    /* no title: the file's name; the parts with an empty field go, their
     * separators with them */
    quote_cite(QUOTE_CITATION_DEFAULT, &some, &sb);
    assert_string_equal(sb.buf, "——《cheng-wan.txt》，澄湾县人民法院");
    sbuf_reset(&sb);
    quote_cite("%t · %c · %d%n%f 100%% %x%[ (%s)%]", &full, &sb);
    assert_string_equal(sb.buf, "鹭台镇法庭巡回审判 · 澄湾县人民法院 · 2024-03-05\n"
                                "/lib/cheng-wan.txt 100% %x (澄湾法院网)");
    sbuf_reset(&sb);
    quote_cite("[%d]%[ unclosed %s", &full, &sb); /* closed at the end */
    assert_string_equal(sb.buf, "[2024-03-05] unclosed 澄湾法院网");
    sbuf_reset(&sb);
    quote_cite("", &full, &sb);
    assert_int_equal(sb.len, 0);
    sbuf_release(&sb);
}

static void test_compose_quote_then_citation(void **state)
{
    struct sbuf sb = SBUF_INIT;
    size_t n;

    (void)state;
    /* from the indent of the first block to the middle of the second */
    n = quote_compose(two, 0, at(two, " Next"), "——%c", &full, &sb);
    assert_string_equal(sb.buf, "甲说：“调解成功。”乙点头！丙说：“好吗？”\n\n"
                                "Version 3.5 is out.\n——澄湾县人民法院");
    assert_int_equal(n, 22 + 19); /* blank lines not counted */
    assert_int_equal(quote_count(two, 0, at(two, " Next")), n);
    sbuf_reset(&sb);
    /* an empty format: no citation, no new line after the quotation */
    n = quote_compose(two, at(two, "乙"), at(two, "丙"), "", &full, &sb);
    assert_string_equal(sb.buf, "乙点头！");
    assert_int_equal(n, 4);
    sbuf_reset(&sb);
    /* nothing but blanks and block ends: an empty quotation */
    n = quote_compose(two, at(two, "\nV"), at(two, "V"), "", &full, &sb);
    assert_int_equal(n, 0);
    assert_int_equal(sb.len, 0);
    sbuf_release(&sb);
}

static void test_block_ranges(void **state)
{
    static const char md[] = "# 鹭台镇法庭巡回审判\n\n"
                             "澄湾县人民法院鹭台镇法庭在集市开庭。\n\n"
                             "## 就地立案\n\n"
                             "当事人当场提交材料。\n\n"
                             "法官当场审查。\n\n"
                             "## 当庭调解\n\n"
                             "双方达成协议。\n";
    struct report *r = report_parse("luotai.md", md, strlen(md), true);
    size_t from, to;
    long h = -1, p = -1;

    (void)state;
    assert_non_null(r);
    for (size_t b = 0; b < r->nr_blocks; b++) {
        const char *t = report_block_text(r, &r->blocks[b]);

        if (h < 0 && r->blocks[b].kind == BLOCK_HEADING && !strncmp(t, "就地立案", 12))
            h = (long)b;
        if (p < 0 && r->blocks[b].kind == BLOCK_PARA && !strncmp(t, "当事人", 9))
            p = (long)b;
    }
    assert_true(h >= 0 && p >= 0);
    assert_true(quote_block_range(r, p, false, &from, &to));
    assert_int_equal(to - from, strlen("当事人当场提交材料。"));
    assert_memory_equal(r->text + from, "当事人当场提交材料。", to - from);
    /* the section: its heading up to the next heading of its level */
    assert_true(quote_block_range(r, h, true, &from, &to));
    assert_int_equal(from, r->blocks[h].off);
    assert_non_null(strstr(r->text + from, "法官当场审查。"));
    assert_int_equal(r->text + to - strstr(r->text, "法官当场审查。"), strlen("法官当场审查。"));
    assert_false(quote_block_range(r, -1, false, &from, &to));
    assert_false(quote_block_range(r, (long)r->nr_blocks, false, &from, &to));
    report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sentence_ends_take_the_closing_quote),
        cmocka_unit_test(test_sentence_starts_go_back),
        cmocka_unit_test(test_characters_step_over_block_ends),
        cmocka_unit_test(test_citation_fields_and_optional_parts),
        cmocka_unit_test(test_compose_quote_then_citation),
        cmocka_unit_test(test_block_ranges),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
