/* Unit tests for results.c: the court a match is listed under, and the
 * hits added. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

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

/* results_add() appends every hit, with the caller's index of the report,
 * and says how many it added. */
static void test_results_add_counts(void **state)
{
    static char text[] = "调解室里调解纠纷。";
    struct report r = {0};
    struct results res = {0};
    struct search_query q;

    (void)state;
    r.text = text;
    r.len = strlen(text);
    assert_int_equal(search_compile(&q, "调解", strlen("调解")), 0);
    assert_int_equal(results_add(&res, &q, &r, 7), 2);
    assert_int_equal(results_add(&res, &q, &r, 9), 2);
    assert_int_equal(res.nr, 4);
    assert_int_equal(res.v[0].report, 7);
    assert_int_equal(res.v[0].hit.off, 0);
    assert_int_equal(res.v[1].hit.off, strlen("调解室里"));
    assert_int_equal(res.v[3].report, 9);
    search_query_release(&q);
    assert_int_equal(search_compile(&q, "法官", strlen("法官")), 0);
    assert_int_equal(results_add(&res, &q, &r, 8), 0);
    assert_int_equal(res.nr, 4);
    search_query_release(&q);
    results_release(&res);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_results_court),
        cmocka_unit_test(test_results_add_counts),
    };
    return cmocka_run_group_tests_name("results", tests, NULL, NULL);
}
