/* Unit tests for ui_count.c: digits make a number, the first one keeps the
 * place before the jump, a huge number stops growing, taking clears it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ui_count.h"
#include "util.h"

static void test_digits_make_a_number(void **state)
{
    struct ui_count c = {0};
    struct position first = {2, 100}, later = {2, 900}, from;
    unsigned long n;
    struct sbuf sb = SBUF_INIT;

    (void)state;
    assert_false(ui_count_take(&c, &n, &from));
    ui_count_digit(&c, 5, first);
    ui_count_show(&c, &sb);
    assert_string_equal(sb.buf, "5");
    ui_count_digit(&c, 0, later); /* the first digit jumped: not this place */
    assert_true(ui_count_take(&c, &n, &from));
    assert_int_equal(n, 50);
    assert_int_equal(from.report, 2);
    assert_int_equal(from.off, 100);
    assert_false(ui_count_take(&c, &n, &from)); /* taken: gone */
    sbuf_reset(&sb);
    ui_count_show(&c, &sb);
    assert_int_equal(sb.len, 0);
    sbuf_release(&sb);
}

static void test_zero_first_and_clear(void **state)
{
    struct ui_count c = {0};
    struct position p = {0, 0}, from;
    unsigned long n;

    (void)state;
    ui_count_digit(&c, 0, p);
    ui_count_digit(&c, 7, p);
    assert_true(ui_count_clear(&c));
    assert_false(ui_count_clear(&c));
    ui_count_digit(&c, 0, p);
    assert_true(ui_count_take(&c, &n, &from));
    assert_int_equal(n, 0);
}

static void test_huge_stops_growing(void **state)
{
    struct ui_count c = {0};
    struct position p = {0, 0}, from;
    unsigned long n;

    (void)state;
    for (int i = 0; i < 40; i++)
        ui_count_digit(&c, 9, p);
    assert_true(ui_count_take(&c, &n, &from));
    assert_int_equal(n, UI_COUNT_MAX);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_digits_make_a_number),
        cmocka_unit_test(test_zero_first_and_clear),
        cmocka_unit_test(test_huge_stops_growing),
    };

    return cmocka_run_group_tests_name("ui_count", tests, NULL, NULL);
}
