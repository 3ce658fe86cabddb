/* Unit tests for textmap.c: a map rebuilds the parse of its file exactly
 * (the samples, the fixtures, our reports and ../shared's corpora when
 * there), on hard-wrapped columns, justified lines and text the parser
 * writes itself; it is refused where it would not pay; and a map that is
 * not one textmap_make() wrote, or a file that is not its own, rebuilds
 * nothing unclean. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "decode.h"
#include "library.h"
#include "report.h"
#include "text.h"
#include "textmap.h"
#include "util.h"

/* Whether a and b are the same report, but for its courts. */
static void assert_same_report(const struct report *a, const struct report *b, const char *path)
{
    const char *fa[] = {a->title, a->subtitle, a->byline, a->date, a->source, a->author};
    const char *fb[] = {b->title, b->subtitle, b->byline, b->date, b->source, b->author};

    if (a->len != b->len || memcmp(a->text, b->text, a->len))
        fail_msg("%s: the text rebuilt is not the parse's", path);
    assert_int_equal(a->nr_blocks, b->nr_blocks);
    for (size_t i = 0; i < a->nr_blocks; i++) {
        assert_int_equal(a->blocks[i].kind, b->blocks[i].kind);
        assert_int_equal(a->blocks[i].level, b->blocks[i].level);
        assert_int_equal(a->blocks[i].off, b->blocks[i].off);
        assert_int_equal(a->blocks[i].len, b->blocks[i].len);
    }
    for (size_t k = 0; k < ARRAY_SIZE(fa); k++)
        if (!(fa[k] == fb[k] || (fa[k] && fb[k] && !strcmp(fa[k], fb[k]))))
            fail_msg("%s: field %zu is \"%s\", not \"%s\"", path, k, fb[k] ? fb[k] : "(none)",
                     fa[k] ? fa[k] : "(none)");
    assert_string_equal(a->path, b->path);
}

/* Parse text as a file named path, map it and rebuild it: the map made (or
 * not: the return) and its length. */
static bool round_trip(const char *path, const char *text, size_t n, size_t *map_len)
{
    struct report *r = report_parse_skip(path, text, n, library_is_markdown(path), 0);
    struct sbuf map = SBUF_INIT;
    bool made = textmap_make(r, text, n, &map);

    *map_len = map.len;
    if (made) {
        struct report *back = textmap_apply(path, text, n, map.buf, map.len);

        assert_non_null(back);
        assert_same_report(r, back, path);
        assert_int_equal(back->nr_courts, 0); /* the card's */
        report_free(back);
    } else {
        assert_int_equal(map.len, 0);
    }
    sbuf_release(&map);
    report_free(r);
    return made;
}

static bool round_trip_str(const char *path, const char *text, size_t *map_len)
{
    return round_trip(path, text, strlen(text), map_len);
}

/* A hard-wrapped column (lines joined, an indent, a page line), a line
 * set justified, a heading over two lines, a caption and a date the
 * parser writes out its own way. */
static const char wrapped[] =
    "青禾县人民法院推行“庭前会议”制度\n"
    "\n"
    "本报记者 林晓舟 通讯员 何岚\n"
    "\n"
    "　　今年以来，青禾县人民法院在民事审判中推行庭前会议制度，由法官助理\n"
    "在开庭前组织双方当事人交换证据、归纳争议焦点，平均审理周期缩短了十\n"
    "二天。该院还把庭前会议的做法写进了审判管理办法。\n"
    "\n"
    "一、把功夫下在开庭之前\n"
    "\n"
    "　　“过去一个案子要开三次庭，现在一次就能审结。”该院民一庭庭长说。\n"
    "法 官 助 理 在 庭 前 会 议 中 的 作 用 更 加 明 显 ， 当 事 人 也 更 满 意 。\n"
    "\n"
    "图为青禾县人民法院法官助理主持庭前会议。\n"
    "\n"
    "发布时间：2025年6月18日\n";

static void test_wrapped(void **state)
{
    size_t len;

    (void)state;
    assert_true(round_trip_str("wrapped.txt", wrapped, &len));
    /* mostly runs of the file: the fields' own bytes and a run per letter
     * of the justified line are most of it */
    assert_true(len > 0 && len * 10 < strlen(wrapped) * 4);
}

/* Markdown: marks the parser takes out, a heading, front matter. */
static void test_markdown(void **state)
{
    static const char md[] = "---\n"
                             "title: 白沙镇法庭的一天\n"
                             "date: 2024-03-02\n"
                             "---\n"
                             "\n"
                             "# 白沙镇法庭的一天\n"
                             "\n"
                             "早上八点，**巡回审判**的车已经出发，车上有*两名*法官和一名书记员。\n"
                             "\n"
                             "## 调解在田间\n"
                             "\n"
                             "一起土地承包纠纷在村委会调解成功，双方当场签下了协议。\n";
    size_t len;

    (void)state;
    assert_true(round_trip_str("day.md", md, &len));
}

/* A file of many articles (a page of a paper or a site saved whole): the
 * title, byline, date and web-page furniture of each, moved or left out by
 * the parser, are found farther afield, and the map is still a small part
 * of the text. Made of our samples. */
static void test_many_articles(void **state)
{
    static const char *const samples[] = {"samples/01-jichuan-team.txt",
                                          "samples/03-heting-web.txt",
                                          "samples/02-cangyan-banner.txt"};
    struct sbuf text = SBUF_INIT;
    struct err err;
    size_t len;

    (void)state;
    for (int i = 0; i < 10; i++)
        for (size_t k = 0; k < ARRAY_SIZE(samples); k++) {
            char *raw;
            size_t n;

            assert_int_equal(util_read_file(samples[k], &raw, &n, &err), 0);
            sbuf_add(&text, raw, n);
            free(raw);
        }
    assert_true(round_trip("page.txt", text.buf, text.len, &len));
    assert_true(len * 5 < text.len);
    sbuf_release(&text);
}

/* Letters set apart by spaces throughout: a run per letter, no map. */
static void test_not_worth_it(void **state)
{
    struct sbuf text = SBUF_INIT;
    size_t len;

    (void)state;
    sbuf_addstr(&text, "南溪区法院\n\n");
    for (int i = 0; i < 200; i++)
        sbuf_addstr(&text, "法 院 审 理 了 一 起 合 同 纠 纷 ， 判 决 被 告 支 付 货 款 。\n");
    assert_false(round_trip("spaced.txt", text.buf, text.len, &len));
    sbuf_release(&text);
}

/* The file is not the map's: another length rebuilds nothing. */
static void test_other_file(void **state)
{
    struct report *r = report_parse_skip("a.txt", wrapped, strlen(wrapped), false, 0);
    struct sbuf map = SBUF_INIT;
    char *longer = xmalloc(strlen(wrapped) + 2);

    (void)state;
    assert_true(textmap_make(r, wrapped, strlen(wrapped), &map));
    memcpy(longer, wrapped, strlen(wrapped));
    memcpy(longer + strlen(wrapped), "\n", 2);
    assert_null(textmap_apply("a.txt", longer, strlen(longer), map.buf, map.len));
    assert_null(textmap_apply("a.txt", wrapped, strlen(wrapped) - 1, map.buf, map.len));
    assert_null(textmap_apply("a.txt", wrapped, strlen(wrapped), map.buf, 0));
    free(longer);
    sbuf_release(&map);
    report_free(r);
}

/* What a map rebuilds, whatever its bytes: in bounds, valid UTF-8, no
 * control but the line end, blocks on characters. */
static void assert_clean(const struct report *r)
{
    if (!r)
        return;
    assert_null(u8_check((const uint8_t *)r->text, r->len));
    assert_false(text_has_controls(r->text, r->len, true));
    for (size_t b = 0; b < r->nr_blocks; b++) {
        const struct block *bl = &r->blocks[b];

        assert_true(bl->off + bl->len <= r->len);
        assert_null(u8_check((const uint8_t *)r->text + bl->off, bl->len));
    }
    if (r->title) {
        assert_null(u8_check((const uint8_t *)r->title, strlen(r->title)));
        assert_null(strchr(r->title, '\n'));
    }
}

/* Every map cut short and every byte of it changed, over a file with
 * control-free text and one with a tab: never anything unclean, and no
 * read past either buffer (the sanitizers and valgrind watch). */
static void test_damaged_maps(void **state)
{
    struct report *r = report_parse_skip("a.txt", wrapped, strlen(wrapped), false, 0);
    struct sbuf map = SBUF_INIT;
    static const unsigned char values[] = {0x00, 0x01, 0x09, 0x0A, 0x1B, 0x7F, 0x80,
                                           0xC0, 0xE3, 0xFF, 0x02, 0x40, 0x9B};
    size_t n = strlen(wrapped), rebuilt = 0;

    (void)state;
    assert_true(textmap_make(r, wrapped, n, &map));
    for (size_t cut = 0; cut < map.len; cut++) {
        char *m = xmalloc(cut ? cut : 1);
        struct report *x;

        memcpy(m, map.buf, cut);
        x = textmap_apply("a.txt", wrapped, n, m, cut);
        assert_null(x); /* the text's length is told first: a map cut short is short of it */
        free(m);
    }
    for (size_t at = 0; at < map.len; at++)
        for (size_t v = 0; v < ARRAY_SIZE(values); v++) {
            char *m = xmalloc(map.len);
            struct report *x;

            memcpy(m, map.buf, map.len);
            if ((unsigned char)m[at] == values[v]) {
                free(m);
                continue;
            }
            m[at] = (char)values[v];
            x = textmap_apply("a.txt", wrapped, n, m, map.len);
            assert_clean(x);
            rebuilt += x != NULL;
            report_free(x);
            free(m);
        }
    /* some changes still make a report (another run of the same file):
     * the test reaches the checks above */
    assert_true(rebuilt > 0);
    sbuf_release(&map);
    report_free(r);
}

/* Every report of a folder: a map that rebuilds its parse exactly, of a
 * fraction of its text; how many got one. */
static size_t check_folder(const char *dir, size_t *all)
{
    struct path_list paths = {0};
    struct msgs m = {0};
    struct err err;
    size_t made = 0;

    *all = 0;
    if (library_collect(dir, &paths, &m, &err) < 0)
        return 0;
    for (size_t i = 0; i < paths.nr; i++) {
        char *raw;
        size_t n, len;
        struct decoded dec;

        if (util_read_file(paths.v[i], &raw, &n, &err) < 0 || !n) {
            free(raw);
            continue;
        }
        if (decode_take(raw, n, NULL, &dec, &err) < 0)
            continue;
        (*all)++;
        made += round_trip(paths.v[i], dec.text, dec.len, &len);
        free(dec.text);
    }
    path_list_release(&paths);
    msgs_release(&m);
    return made;
}

static void test_folders(void **state)
{
    static const char *const ours[] = {"samples", "tests/fixtures", "tests/reports"};
    static const char *const shared[] = {"../shared/corpus", "../shared/corpus-web"};
    size_t all, made;

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(ours); i++) {
        made = check_folder(ours[i], &all);
        assert_true(all > 0);
        /* a Markdown README of our reports' is too far from its text */
        if (made + 1 < all)
            fail_msg("%s: %zu of %zu reports mapped", ours[i], made, all);
    }
    for (size_t i = 0; i < ARRAY_SIZE(shared); i++) {
        made = check_folder(shared[i], &all);
        if (!all)
            continue; /* ../shared is not here */
        if (made < all)
            fail_msg("%s: %zu of %zu reports mapped", shared[i], made, all);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wrapped),       cmocka_unit_test(test_markdown),
        cmocka_unit_test(test_many_articles), cmocka_unit_test(test_not_worth_it),
        cmocka_unit_test(test_other_file),    cmocka_unit_test(test_damaged_maps),
        cmocka_unit_test(test_folders),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
