/* Unit tests for ui_marks.c: m and ' with a letter, '' back to before the
 * last jump, and what is said when a mark is not set or not a letter. No
 * terminal and no state file are needed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "ui_marks.h"
#include "ui_status.h"

static void test_marks(void **state)
{
    struct ui_status st;
    struct ui_marks m;
    struct position here = {3, 120}, none = {-1, 0}, to = {-1, 0};

    (void)state;
    memset(&st, 0, sizeof(st));
    ui_marks_init(&m, NULL, &st, NULL);
    assert_false(ui_marks_key(&m, ACT_GOTO_MARK, 'a', here, &to));
    assert_string_equal(ui_status_said(&st), "Mark a is not set");
    assert_false(ui_marks_key(&m, ACT_MARK, 'a', here, &to));
    assert_string_equal(ui_status_said(&st), "Mark a set");
    assert_false(ui_marks_key(&m, ACT_MARK, '1', here, &to));
    assert_string_equal(ui_status_said(&st), "Marks are letters a-z and A-Z");
    assert_true(ui_marks_key(&m, ACT_GOTO_MARK, 'a', none, &to));
    assert_int_equal(to.report, 3);
    assert_int_equal(to.off, 120);
    /* upper and lower case are two marks */
    assert_false(ui_marks_key(&m, ACT_GOTO_MARK, 'A', here, &to));
    /* nothing open: nothing to mark */
    ui_status_clear(&st);
    assert_false(ui_marks_key(&m, ACT_MARK, 'b', none, &to));
    assert_false(ui_marks_key(&m, ACT_GOTO_MARK, 'b', here, &to));
    ui_marks_release(&m);
    ui_status_release(&st);
}

static void test_back_to_before_the_jump(void **state)
{
    struct ui_status st;
    struct ui_marks m;
    struct position here = {1, 5}, from = {7, 900}, to = {-1, 0};

    (void)state;
    memset(&st, 0, sizeof(st));
    ui_marks_init(&m, NULL, &st, NULL);
    assert_false(ui_marks_key(&m, ACT_GOTO_MARK, '\'', here, &to));
    assert_string_equal(ui_status_said(&st), "No previous position");
    ui_marks_leave(&m, from);
    assert_true(ui_marks_key(&m, ACT_GOTO_MARK, '\'', here, &to));
    assert_int_equal(to.report, 7);
    assert_int_equal(to.off, 900);
    /* ' is not a mark after m */
    assert_false(ui_marks_key(&m, ACT_MARK, '\'', here, &to));
    ui_marks_release(&m);
    ui_status_release(&st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marks),
        cmocka_unit_test(test_back_to_before_the_jump),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
