/*
 * Unit tests for layout.c and width.c: exact lines for Chinese line breaking
 * at small widths, and a property test over the samples and the shared corpus
 * at every width from 8 to 120.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "library.h"
#include "report.h"
#include "text.h"
#include "util.h"
#include "width.h"

/* A report of one paragraph, as the parser would make it. */
static struct report *one_para(const char *text)
{
    struct report *r = xcalloc(1, sizeof(*r));

    r->text = xstrdup(text);
    r->len = strlen(text);
    r->blocks = xcalloc(1, sizeof(*r->blocks));
    r->nr_blocks = r->alloc_blocks = 1;
    r->blocks[0].kind = BLOCK_PARA;
    r->blocks[0].len = r->len;
    return r;
}

/* The lines of text laid out at width, joined with '|'. */
static void expect_lines(const char *text, int width, int amb, const char *want)
{
    struct report *r = one_para(text);
    struct layout_opts o = {width, amb, 0};
    struct layout *l = layout_build(r, &o);
    struct sbuf sb = SBUF_INIT;

    for (size_t i = 0; i < l->nr; i++) {
        if (i)
            sbuf_addch(&sb, '|');
        layout_line_text(l, i, &sb);
    }
    assert_string_equal(sb.buf ? sb.buf : "", want);
    sbuf_release(&sb);
    layout_free(l);
    report_free(r);
}

static void test_widths(void **state)
{
    (void)state;
    assert_int_equal(width_of(0x4E2D, 1), 2); /* 中 */
    assert_int_equal(width_of(0xFF0C, 1), 2); /* ， */
    assert_int_equal(width_of('A', 1), 1);
    assert_int_equal(width_of(0x0301, 1), 0); /* combining acute */
    assert_int_equal(width_of(0x200B, 1), 0); /* zero width space */
    assert_int_equal(width_of(0x201C, 1), 1); /* “ ambiguous */
    assert_int_equal(width_of(0x201C, 2), 2);
    assert_int_equal(width_of(0x25CF, 2), 2);  /* ● */
    assert_int_equal(width_of(0x03B1, 2), 2);  /* α is ambiguous too */
    assert_int_equal(width_of(0x0627, 2), 1);  /* ا (Arabic) is not */
    assert_int_equal(width_of(0x1F600, 1), 2); /* 😀 */
    assert_int_equal(width_of_text("中文ab", strlen("中文ab"), 1), 6);
    /* the inline fast path agrees with the full function everywhere */
    for (uint32_t c = 0x20; c < 0x30000; c++)
        for (int amb = 1; amb <= 2; amb++)
            if (width_fast(c, amb) != width_of(c, amb))
                fail_msg("U+%04X ambiguous %d: width_fast %d, width_of %d", c, amb,
                         width_fast(c, amb), width_of(c, amb));
}

static void test_kinsoku_start_and_end(void **state)
{
    (void)state;
    /* ， may not start a line: 五 goes down with it */
    expect_lines("一二三四五，六七八", 10, 1, "一二三四|五，六七八");
    /* （ may not end a line */
    expect_lines("一二三四（五六七", 10, 1, "一二三四|（五六七");
    /* “ does not end a line; 。” stay together and off the line start */
    expect_lines("他说：“好。”她走了", 10, 1, "他说：|“好。”她走|了");
    /* at width 40, with a quotation */
    expect_lines(
        "“党建强则队伍强，队伍强则事业兴”。近年来，该院始终将党建这条红线贯穿法院各项工作。", 40, 1,
        "“党建强则队伍强，队伍强则事业兴”。近年|来，该院始终将党建这条红线贯穿法院各项工|作。");
    /* at width 20 */
    expect_lines("近年来，某某县人民法院坚持以人民为中心，推动审判工作高质量发展。", 20, 1,
                 "近年来，某某县人民法|院坚持以人民为中心，|推动审判工作高质量发|展。");
}

static void test_dashes_and_ellipses(void **state)
{
    (void)state;
    expect_lines("一二三四——五六", 9, 1, "一二三四|——五六");
    expect_lines("一二三四……", 9, 1, "一二三|四……");
    expect_lines("一二三——四五六七", 20, 1, "一二三——四五六七");
}

static void test_latin_numbers_urls(void **state)
{
    (void)state;
    /* words are not broken inside; the space hangs */
    expect_lines("法院上线了online filing系统", 20, 1, "法院上线了online|filing系统");
    /* a number longer than the line is broken by force, never overflowing */
    expect_lines("共审结12345678901234567890件", 10, 1, "共审结|1234567890|1234567890|件");
    /* numbers (12368, 2023) are not broken inside */
    expect_lines("拨打12368热线，2023年开通", 10, 1, "拨打12368|热线，2023|年开通");
    expect_lines("详见https://example.com/court/news页面", 20, 1,
                 "详见https://example.|com/court/news页面");
}

static void test_ambiguous_two(void **state)
{
    (void)state;
    /* “ and ” take 1 column, or 2: the same text breaks elsewhere */
    expect_lines("他说“一二”三四", 10, 1, "他说“一二”|三四");
    expect_lines("他说“一二”三四", 10, 2, "他说“一|二”三四");
}

static void test_clusters_and_marks(void **state)
{
    (void)state;
    /* e + combining acute is one column; a skin-tone emoji stays whole */
    expect_lines("cafe\xCC\x81 ok", 5, 1, "cafe\xCC\x81|ok");
    expect_lines("一二\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD三", 6, 1,
                 "一二|\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD三");
    /* a flag (two regional indicators) is never split */
    expect_lines("一\xF0\x9F\x87\xA8\xF0\x9F\x87\xB3二", 3, 1,
                 "一|\xF0\x9F\x87\xA8\xF0\x9F\x87\xB3|二");
}

static void test_width_smaller_than_a_character(void **state)
{
    (void)state;
    /* a line always holds one character, even when it cannot fit */
    expect_lines("一二", 1, 1, "一|二");
    expect_lines("ab", 1, 1, "a|b");
}

/* Characters a line must not start with, and must not end with. */
static const char no_start[] = "，。、；：？！）」』”’》〉】〕,.;:?!)]}";
static const char no_end[] = "（「『“‘《〈【〔";

static bool in_set(const char *set, uint32_t c)
{
    size_t n = strlen(set);

    for (size_t i = 0; i < n;) {
        uint32_t d;

        i += text_next(set + i, n - i, &d);
        if (d == c)
            return true;
    }
    return false;
}

/* No line of text at width ends with an opening quote, spaces after it or not. */
static void quote_not_left(const char *text, int width)
{
    struct report *r = one_para(text);
    struct layout_opts o = {width, 1, 0};
    struct layout *l = layout_build(r, &o);
    struct sbuf line = SBUF_INIT;

    for (size_t i = 0; i + 1 < l->nr; i++) {
        const char *s;
        size_t n;

        sbuf_reset(&line);
        layout_line_text(l, i, &line);
        s = line.buf ? line.buf : "";
        n = line.len;
        text_trim(&s, &n);
        if (n && in_set(no_end, text_last(s, n, false)))
            fail_msg("w=%d line %zu ends with an opening: [%s]", width, i, s);
    }
    sbuf_release(&line);
    layout_free(l);
    report_free(r);
}

/* The shapes the hostile-input review found, each in its smallest form. */
static void test_overflows_found_by_fuzzing(void **state)
{
    struct report *r;
    struct layout_opts o = {22, 1, 0};
    struct layout *l;
    char text[64];

    (void)state;
    /* spaces before a character that may not start a line: they hang, and
     * are neither kept in the line nor counted (was one line of 44 columns) */
    snprintf(text, sizeof(text), "作%40s，", "");
    r = one_para(text);
    l = layout_build(r, &o);
    for (size_t i = 0; i < l->nr; i++)
        assert_true(l->v[i].cols <= 22);
    layout_free(l);
    report_free(r);
    /* the character that overflowed a line broken at its last opportunity
     * is checked again on the next line (was 3 columns at width 2) */
    expect_lines("ab é。", 2, 1, "ab|é|。");
    /* a tone mark stays with its base; a space it combines with is no
     * hanging space */
    expect_lines("abc\xe3\x80\xab"
                 "d",
                 3, 1, "abc\xe3\x80\xab|d");
    expect_lines("甲， \xe3\x80\xaa乙", 4, 1, "甲，| \xe3\x80\xaa乙");
    /* an opening quote with a space inside it, as e-paper text has it, does
     * not end a line */
    for (int wd = 6; wd <= 24; wd++) {
        quote_not_left("跑出兑现“ 一保两促”的速度", wd);
        quote_not_left("按照‘ 一体化’ 思路下，推进", wd);
    }
    expect_lines("跑出兑现“ 一保两促”", 10, 1, "跑出兑现|“ 一保两|促”");
}

static void test_positions_survive_relayout(void **state)
{
    struct report *r = one_para("近年来，某某县人民法院坚持以人民为中心，推动审判工作高质量发展。");
    struct layout_opts wide = {40, 1, 0}, narrow = {10, 1, 0};
    struct layout *a = layout_build(r, &wide), *b = layout_build(r, &narrow);
    size_t off = strlen("近年来，某某县人民法院坚持以人民为中心，"); /* 推 */
    size_t lb = layout_line_of(b, off);

    size_t la = layout_line_of(a, off);

    (void)state;
    assert_true(a->v[la].off <= off && off < a->v[la].off + a->v[la].len);
    assert_true(b->v[lb].off <= off && off < b->v[lb].off + b->v[lb].len);
    assert_int_equal(la, 1); /* 推 is the 21st character: column 41 at width 40 */
    assert_int_equal(lb, 4); /* and on the fifth line at width 10 */
    assert_memory_equal(r->text + off, "推", 3);
    layout_free(a);
    layout_free(b);
    report_free(r);
}

static void test_cache(void **state)
{
    struct report *r = one_para("近年来，某某县人民法院坚持以人民为中心，推动审判工作高质量发展。");
    struct layout_cache c = {0};
    struct layout_opts o40 = {40, 1, 2}, o20 = {20, 1, 2};
    const struct layout *a, *b;

    (void)state;
    a = layout_cache_get(&c, r, &o40);
    assert_ptr_equal(layout_cache_get(&c, r, &o40), a); /* the same width: kept */
    b = layout_cache_get(&c, r, &o20);                  /* a resize: laid out again */
    assert_int_equal(b->opts.width, 20);
    assert_true(b->nr > 2);
    layout_cache_release(&c);
    assert_null(c.layout);
    report_free(r);
}

static void test_presentation(void **state)
{
    const char *t = "标题在这里\n\n本报记者●王五\n\n导语写在这里，说明全文的内容。\n\n"
                    "加强政治建设\n让理论武装“实”起来\n\n正文第一段，写得比较长一些。\n\n\n\n"
                    "开展主题党日活动\n\n\n\n正文第二段，接着照片之后写，写得足够长，长过一条图片说"
                    "明的长度，才像一段真正的正文。\n\n(金豆)\n";
    struct report *r = report_parse("t", t, strlen(t), false);
    struct layout_opts o = {40, 1, 2};
    struct layout *l = layout_build(r, &o);
    struct sbuf sb = SBUF_INIT;

    (void)state;
    for (size_t i = 0; i < l->nr; i++) {
        layout_line_text(l, i, &sb);
        sbuf_addch(&sb, '\n');
    }
    assert_string_equal(sb.buf, "标题在这里\n本报记者●王五\n\n"
                                "　　导语写在这里，说明全文的内容。\n\n"
                                "◆ 加强政治建设 让理论武装“实”起来\n\n"
                                "　　正文第一段，写得比较长一些。\n\n"
                                "▣ 开展主题党日活动\n\n"
                                "　　正文第二段，接着照片之后写，写得足够\n"
                                "长，长过一条图片说明的长度，才像一段真正\n"
                                "的正文。\n\n"
                                "(金豆)\n");
    assert_int_equal(l->v[0].role, LINE_TITLE);
    assert_int_equal(l->v[5].role, LINE_HEADING);
    sbuf_release(&sb);
    layout_free(l);
    report_free(r);
}

/* Han characters, letters and digits of s, in order. */
static void content(const char *s, size_t n, struct sbuf *out)
{
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t l = text_next(s + i, n - i, &c);

        if (text_is_han(c) || text_is_ascii_alnum(c))
            sbuf_add(out, s + i, l);
        i += l;
    }
}

/* Every width from 8 to 120: no line too wide, no forbidden start or end,
 * every Han character, letter and digit present and in order, every line
 * found again from its offset. */
static void check_report(const struct report *r, const char *path)
{
    struct sbuf want = SBUF_INIT, got = SBUF_INIT, line = SBUF_INIT;

    content(r->text, r->len, &want);
    for (int amb = 1; amb <= 2; amb++)
        for (int w = 8; w <= 120; w++) {
            struct layout_opts o = {w, amb, 2};
            struct layout *l = layout_build(r, &o);

            sbuf_reset(&got);
            for (size_t i = 0; i < l->nr; i++) {
                const char *s;
                size_t n;

                sbuf_reset(&line);
                layout_line_text(l, i, &line);
                s = line.buf ? line.buf : "";
                n = line.len;
                if (width_of_text(s, n, amb) > (size_t)w)
                    fail_msg("%s w=%d amb=%d line %zu too wide: %s", path, w, amb, i, s);
                text_trim(&s, &n);
                if (n && i > 0 && in_set(no_start, text_first(s, n)))
                    fail_msg("%s w=%d line %zu starts badly: %s", path, w, i, s);
                if (n && in_set(no_end, text_last(s, n, false)))
                    fail_msg("%s w=%d line %zu ends badly: %s", path, w, i, s);
                content(l->report->text + l->v[i].off, l->v[i].len, &got);
                /* a position maps back to its line, in text order or not
                 * (a headline after the lead is drawn first) */
                if (l->v[i].len && l->v[i].role != LINE_BLANK &&
                    layout_line_of(l, l->v[i].off) != i)
                    fail_msg("%s w=%d line %zu: layout_line_of gives %zu", path, w, i,
                             layout_line_of(l, l->v[i].off));
            }
            if (got.len != want.len || memcmp(got.buf, want.buf, got.len) != 0)
                fail_msg("%s w=%d amb=%d: characters lost or out of order", path, w, amb);
            layout_free(l);
        }
    sbuf_release(&want);
    sbuf_release(&got);
    sbuf_release(&line);
}

static void check_folder(const char *dir)
{
    struct path_list paths = {0};
    struct msgs m = {0};
    struct err err;

    if (library_collect(dir, &paths, &m, &err) < 0) {
        skip(); /* ../shared is not here */
        return;
    }
    for (size_t i = 0; i < paths.nr; i++) {
        struct report *r = library_load(paths.v[i], NULL, &err);

        if (r)
            check_report(r, paths.v[i]);
        report_free(r);
    }
    path_list_release(&paths);
    msgs_release(&m);
}

static void test_property_samples(void **state)
{
    (void)state;
    check_folder("samples");
    check_folder("tests/fixtures");
}

static void test_property_shared_corpus(void **state)
{
    DIR *d = opendir("../shared/corpus");

    (void)state;
    if (!d)
        skip();
    closedir(d);
    check_folder("../shared/corpus");
}

/*
 * Random paragraphs built from the pieces that make line breaking hard:
 * runs of spaces before punctuation that may not start a line, opening
 * quotes followed by a space (e-paper text), dashes and ellipses, Latin words
 * and numbers, combining accents and the ideographic tone marks U+302A to
 * U+302F, wide and narrow characters. At every width from 2 to 40: no line
 * wider than the width once its hanging spaces are left out, no line starting
 * with a combining mark, offsets increasing, nothing lost.
 */
static const char *const pieces[] = {
    "法",
    "院",
    "审",
    "判",
    "，",
    "。",
    "“",
    "”",
    "‘",
    "’",
    "（",
    "）",
    "、",
    " ",
    "   ",
    "                    ",
    "——",
    "……",
    "abc",
    "Court",
    "2025",
    "12.5",
    "e\xcc\x81",
    "\xe3\x80\xaa",
    "\xe3\x80\xab",
    "“ ",
    " ”",
    "《",
    "》",
    "：",
    "\xe3\x80\x80",
    "a-b",
    "http://x.cn/a?b=1",
};

static uint32_t rnd_next(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

static void check_random_layout(const char *text, int w)
{
    struct report *r = one_para(text);
    struct layout_opts o = {w, 1, 0};
    struct layout *l = layout_build(r, &o);
    struct sbuf want = SBUF_INIT, got = SBUF_INIT, line = SBUF_INIT;
    size_t last = 0;

    content(r->text, r->len, &want);
    for (size_t i = 0; i < l->nr; i++) {
        const char *s;
        size_t n, cols;
        uint32_t c0;

        sbuf_reset(&line);
        layout_line_text(l, i, &line);
        s = line.buf ? line.buf : "";
        n = line.len;
        while (n && s[n - 1] == ' ') /* hanging spaces */
            n--;
        cols = width_of_text(s, n, 1);
        if (cols > (size_t)w && text_count(s, n) > 1)
            fail_msg("w=%d line %zu is %zu columns: [%s] of [%s]", w, i, cols, s, text);
        if (n && (text_next(s, n, &c0), width_fast(c0, 1) == 0) && i > 0)
            fail_msg("w=%d line %zu starts with a mark: [%s] of [%s]", w, i, s, text);
        if (l->v[i].cols > (unsigned)w && text_count(s, n) > 1)
            fail_msg("w=%d line %zu counts %u columns: [%s] of [%s]", w, i, l->v[i].cols, s, text);
        if (l->v[i].off < last)
            fail_msg("w=%d line %zu goes back: [%s]", w, i, text);
        last = l->v[i].off;
        content(r->text + l->v[i].off, l->v[i].len, &got);
    }
    if (got.len != want.len || (got.len && memcmp(got.buf, want.buf, got.len) != 0))
        fail_msg("w=%d: characters lost or out of order: [%s]", w, text);
    sbuf_release(&want);
    sbuf_release(&got);
    sbuf_release(&line);
    layout_free(l);
    report_free(r);
}

static void test_property_random(void **state)
{
    uint32_t seed = 20261130;
    struct sbuf text = SBUF_INIT;

    (void)state;
    for (int round = 0; round < 3000; round++) {
        int n = 1 + (int)(rnd_next(&seed) % 40);

        sbuf_reset(&text);
        for (int i = 0; i < n; i++)
            sbuf_addstr(&text, pieces[rnd_next(&seed) % ARRAY_SIZE(pieces)]);
        for (int w = 2; w <= 40; w += 1 + (int)(rnd_next(&seed) % 3))
            check_random_layout(text.buf, w);
    }
    sbuf_release(&text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_widths),
        cmocka_unit_test(test_kinsoku_start_and_end),
        cmocka_unit_test(test_dashes_and_ellipses),
        cmocka_unit_test(test_latin_numbers_urls),
        cmocka_unit_test(test_ambiguous_two),
        cmocka_unit_test(test_clusters_and_marks),
        cmocka_unit_test(test_width_smaller_than_a_character),
        cmocka_unit_test(test_positions_survive_relayout),
        cmocka_unit_test(test_cache),
        cmocka_unit_test(test_presentation),
        cmocka_unit_test(test_overflows_found_by_fuzzing),
        cmocka_unit_test(test_property_random),
        cmocka_unit_test(test_property_samples),
        cmocka_unit_test(test_property_shared_corpus),
    };
    return cmocka_run_group_tests_name("layout", tests, NULL, NULL);
}
