/* Unit tests for ui_reader.c's position: it is a byte offset into the
 * report's text, kept exactly across re-layouts, so resizing the terminal
 * back and forth never moves the text at the top. No terminal is needed:
 * nothing here draws. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "report.h"
#include "ui_reader.h"
#include "util.h"

/* A reader of w x h (no window: nothing is drawn) showing r from its top. */
static void open_in(struct reader *rd, const struct report *r, int w, int h)
{
    ui_reader_init(rd, 1, 0);
    rd->pane.w = w;
    rd->pane.h = h;
    ui_reader_open(rd, r, SIZE_MAX);
}

/* Twenty resizes between narrow and wide widths, from several places in a
 * long sample: the offset never changes, and the top line always holds it
 * (it drifted back about five lines). */
static void test_resizes_keep_the_place(void **state)
{
    static const int widths[] = {31, 87, 44, 120, 25, 66, 38, 101, 52, 79};
    struct err err;
    struct report *r = library_load("samples/01-jichuan-team.txt", NULL, &err);

    (void)state;
    assert_non_null(r);
    for (long start = 5; start <= 60; start += 11) {
        struct reader rd;
        size_t off, top;

        open_in(&rd, r, 60, 20);
        ui_reader_scroll(&rd, start);
        off = ui_reader_offset(&rd);
        for (int k = 0; k < 20; k++) {
            const struct layout_line *ln;

            rd.pane.w = widths[k % 10];
            ui_reader_relayout(&rd);
            assert_int_equal(ui_reader_offset(&rd), off);
            ln = &rd.layout->v[rd.top];
            if (ln->role != LINE_BLANK)
                assert_true(ln->off <= off && off < ln->off + ln->len + 1);
        }
        rd.pane.w = 60;
        ui_reader_relayout(&rd);
        top = rd.top;
        ui_reader_scroll(&rd, -1); /* a move sets the place again */
        if (rd.top != top)
            assert_true(ui_reader_offset(&rd) < off);
        layout_cache_release(&rd.cache);
    }
    report_free(r);
}

/* The measure: the layout is as wide as the pane less its margins, or the
 * measure when that is narrower, the column centred; changing it keeps the
 * text at the top. */
static void test_measure_sets_the_column(void **state)
{
    static const struct {
        int pane, measure, width, left;
    } cases[] = {
        {142, 72, 72, 35}, /* a wide pane: 72 columns, even margins */
        {60, 72, 58, 1},   /* narrower than the measure: the pane less its margins */
        {74, 72, 72, 1},   /* exactly the measure and its margins */
        {142, 0, 140, 1},  /* 0: the whole pane */
        {143, 72, 72, 35}, /* an odd spare column goes to the right */
    };
    struct err err;
    struct report *r = library_load("samples/01-jichuan-team.txt", NULL, &err);
    struct reader rd;
    size_t off;

    (void)state;
    assert_non_null(r);
    ui_reader_init(&rd, 1, 2);
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        rd.pane.w = cases[i].pane;
        rd.pane.h = 20;
        ui_reader_set_measure(&rd, cases[i].measure);
        ui_reader_open(&rd, r, SIZE_MAX);
        assert_int_equal(rd.opts.width, cases[i].width);
        assert_int_equal(ui_reader_text_column(&rd), cases[i].left);
        for (size_t k = 0; k < rd.layout->nr; k++)
            assert_true(rd.layout->v[k].cols <= (size_t)cases[i].width);
    }
    rd.pane.w = 142;
    ui_reader_set_measure(&rd, 72);
    ui_reader_scroll(&rd, 17);
    off = ui_reader_offset(&rd);
    ui_reader_set_measure(&rd, 30);
    assert_int_equal(ui_reader_offset(&rd), off);
    assert_int_equal(rd.opts.width, 30);
    ui_reader_set_measure(&rd, 72);
    assert_int_equal(ui_reader_offset(&rd), off);
    layout_cache_release(&rd.cache);
    report_free(r);
}

/* A selection is two byte offsets: v at the top line's first character,
 * ) to the end of its sentence, l a character further; a re-layout at
 * another width keeps the bytes selected; j keeps the column; y's preview
 * (ui_reader_select) trims the block's end and blanks. */
static void test_selection_by_offsets(void **state)
{
    struct err err;
    struct report *r = library_load("samples/03-heting-web.txt", NULL, &err);
    struct reader rd;
    size_t from, to, from2, to2, para;
    const char *dot;

    (void)state;
    assert_non_null(r);
    open_in(&rd, r, 40, 10);
    assert_false(ui_reader_selection(&rd, &from, &to));
    /* the first paragraph's first line at the top */
    for (para = 0; para < r->nr_blocks && r->blocks[para].kind != BLOCK_PARA; para++)
        ;
    assert_true(para < r->nr_blocks);
    ui_reader_goto_offset(&rd, r->blocks[para].off);
    ui_reader_visual_start(&rd);
    assert_true(ui_reader_selection(&rd, &from, &to));
    assert_int_equal(from, r->blocks[para].off);
    assert_int_equal(to - from, strlen("近")); /* one character */
    assert_true(ui_reader_cursor_key(&rd, ACT_SENTENCE_NEXT));
    assert_true(ui_reader_selection(&rd, &from, &to));
    dot = strstr(r->text + from, "。");
    assert_non_null(dot);
    assert_int_equal(r->text + to, dot + strlen("。")); /* up to and with its 。 */
    assert_true(ui_reader_cursor_key(&rd, ACT_FOCUS_RIGHT));
    assert_true(ui_reader_selection(&rd, &from2, &to2));
    assert_int_equal(from2, from);
    assert_true(to2 > to);
    assert_true(ui_reader_cursor_key(&rd, ACT_FOCUS_LEFT));
    /* another width: the same bytes */
    rd.pane.w = 77;
    ui_reader_relayout(&rd);
    assert_true(ui_reader_selection(&rd, &from2, &to2));
    assert_int_equal(from2, from);
    assert_int_equal(to2, to);
    /* j then k comes back to the same character (same column) */
    rd.cursor = from;
    assert_true(ui_reader_cursor_key(&rd, ACT_DOWN));
    assert_true(ui_reader_cursor(&rd) > from);
    assert_true(ui_reader_cursor_key(&rd, ACT_UP));
    assert_int_equal(ui_reader_cursor(&rd), from);
    assert_false(ui_reader_cursor_key(&rd, ACT_SEARCH_NEXT)); /* not a movement */
    ui_reader_visual_end(&rd);
    assert_false(ui_reader_selection(&rd, &from, &to));
    assert_false(ui_reader_cursor_key(&rd, ACT_DOWN)); /* no selection: not the cursor's */
    /* y's preview: the paragraph with its '\n', selected without it */
    ui_reader_select(&rd, r->blocks[para].off, r->blocks[para].off + r->blocks[para].len + 1);
    assert_true(ui_reader_selection(&rd, &from, &to));
    assert_int_equal(from, r->blocks[para].off);
    assert_int_equal(to, r->blocks[para].off + r->blocks[para].len);
    /* opening another report ends it */
    ui_reader_open(&rd, NULL, SIZE_MAX);
    assert_false(ui_reader_visual(&rd));
    layout_cache_release(&rd.cache);
    report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resizes_keep_the_place),
        cmocka_unit_test(test_measure_sets_the_column),
        cmocka_unit_test(test_selection_by_offsets),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
