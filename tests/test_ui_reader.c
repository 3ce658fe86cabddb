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

        memset(&rd, 0, sizeof(rd));
        rd.pane.w = 60;
        rd.pane.h = 20;
        rd.opts.ambiguous = 1;
        rd.current = -1;
        ui_reader_open(&rd, r, SIZE_MAX);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resizes_keep_the_place),
        cmocka_unit_test(test_measure_sets_the_column),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
