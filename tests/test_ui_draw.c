/* Unit tests for ui_draw.c's lists, which every list pane (court list,
 * outline, list of matches) moves through: how far a movement key goes and
 * where a selection lands, scrolled into sight. No terminal is needed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>

#include "ui_draw.h"

static void test_key_steps(void **state)
{
    static const struct {
        enum action a;
        int page;
        long want;
    } cases[] = {
        {ACT_DOWN, 20, 1},      {ACT_UP, 20, -1},        {ACT_PAGE_DOWN, 20, 20},
        {ACT_PAGE_UP, 20, -20}, {ACT_HALF_DOWN, 19, 10}, {ACT_HALF_UP, 19, -10},
        {ACT_HALF_DOWN, 1, 1},  {ACT_TOP, 20, LONG_MIN}, {ACT_BOTTOM, 20, LONG_MAX},
        {ACT_OPEN, 20, 0},      {ACT_QUIT, 20, 0},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        assert_int_equal(ui_key_step(cases[i].a, cases[i].page), cases[i].want);
}

static void test_list_keys(void **state)
{
    size_t to = 99;

    (void)state;
    assert_true(ui_list_key(5, 10, ACT_DOWN, &to));
    assert_int_equal(to, 6);
    assert_true(ui_list_key(5, 10, ACT_PAGE_UP, &to)); /* stops at the first */
    assert_int_equal(to, 0);
    assert_true(ui_list_key(5, 10, ACT_BOTTOM, &to)); /* the last, whatever it is */
    assert_int_equal(to, SIZE_MAX);
    assert_true(ui_list_key(5, 10, ACT_TOP, &to));
    assert_int_equal(to, 0);
    to = 42;
    assert_false(ui_list_key(5, 10, ACT_OPEN, &to));
    assert_int_equal(to, 42);
}

/* A selection past the end lands on the last entry; one below the rows
 * shown scrolls just far enough; one above scrolls up to it. */
static void test_select_scrolls_into_sight(void **state)
{
    struct ui_list l = {0, 0};

    (void)state;
    ui_list_select(&l, 30, SIZE_MAX, 10);
    assert_int_equal(l.sel, 29);
    assert_int_equal(l.scroll, 20);
    ui_list_select(&l, 30, 3, 10);
    assert_int_equal(l.sel, 3);
    assert_int_equal(l.scroll, 3);
    ui_list_select(&l, 30, 12, 10);
    assert_int_equal(l.scroll, 3);
    ui_list_select(&l, 30, 13, 10);
    assert_int_equal(l.scroll, 4);
    assert_int_equal(ui_list_at(&l, 30, 0), 4);
    assert_int_equal(ui_list_at(&l, 30, 26), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_steps),
        cmocka_unit_test(test_list_keys),
        cmocka_unit_test(test_select_scrolls_into_sight),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
