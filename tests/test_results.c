/* Unit tests for results.c: the court a match is listed under. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>

#include "court_tree.h"
#include "report.h"
#include "results.h"

/* The main court when the report has one; else 其他, as in the court tree,
 * also for a report that names courts but is about a group of them. */
static void test_results_court(void **state)
{
    char *courts[] = {"霁川市中级人民法院", "桐岚县人民法院"};
    struct report r = {0};

    (void)state;
    assert_string_equal(results_court(&r), COURT_TREE_OTHER);
    r.courts = courts;
    r.nr_courts = 2;
    assert_string_equal(results_court(&r), COURT_TREE_OTHER);
    r.main_court = true;
    assert_string_equal(results_court(&r), "霁川市中级人民法院");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_results_court),
    };
    return cmocka_run_group_tests_name("results", tests, NULL, NULL);
}
