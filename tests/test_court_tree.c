/* Unit tests for court_tree.c: the hierarchy from the names, the ties the
 * reports make, main courts, cycles, the order and the text for scripts. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "court.h"
#include "court_tree.h"
#include "report.h"
#include "util.h"

/*
 * A report that only names courts: "" ends the list. Each court is "NAME" or
 * "NAME<N" for one named under court N of this report (X法院Y法庭). main says
 * whether courts[0] is the report's own court.
 */
static struct report *fake(bool main, const char *const *courts)
{
    struct report *r = xcalloc(1, sizeof(*r));
    size_t n = 0;

    while (courts[n][0])
        n++;
    r->main_court = main;
    r->courts = xcalloc(n ? n : 1, sizeof(char *));
    r->court_parent = xcalloc(n ? n : 1, sizeof(int));
    for (size_t i = 0; i < n; i++) {
        const char *lt = strchr(courts[i], '<');

        r->courts[i] = lt ? xstrndup(courts[i], (size_t)(lt - courts[i])) : xstrdup(courts[i]);
        r->court_parent[i] = lt ? atoi(lt + 1) : -1;
    }
    r->nr_courts = r->alloc_courts = n;
    return r;
}

#define REPORT(main, ...) fake(main, (const char *const[]){__VA_ARGS__, ""})

/* The tree of the reports, as court_tree_format() prints it. */
static char *tree_of(struct report **rs, size_t n, struct court_tree *t)
{
    struct sbuf sb = SBUF_INIT;

    for (size_t i = 0; i < n; i++)
        court_tree_add(t, rs[i], i);
    court_tree_finish(t);
    court_tree_format(t, &sb);
    for (size_t i = 0; i < n; i++)
        report_free(rs[i]);
    return sbuf_detach(&sb, NULL);
}

static void expect_tree(struct report **rs, size_t n, const char *want)
{
    struct court_tree t = {0};
    char *got = tree_of(rs, n, &t);

    assert_string_equal(got, want);
    free(got);
    court_tree_release(&t);
}

/* The node of the court called name (by identity, not spelling), or -1. */
static int node_of(const struct court_tree *t, const char *name)
{
    char *key = court_key(name);
    int found = -1;

    for (size_t i = 0; i < t->nr && found < 0; i++)
        if (!strcmp(t->v[i].key, key))
            found = (int)i;
    free(key);
    return found;
}

/* That the court called child stands right under the one called parent
 * (NULL: at the top), whatever the spelling the tree shows them by. */
static void expect_under(const struct court_tree *t, const char *child, const char *parent)
{
    int c = node_of(t, child);

    assert_true(c >= 0);
    if (!parent) {
        assert_int_equal(t->v[c].parent, -1);
        return;
    }
    assert_int_equal(t->v[c].parent, node_of(t, parent));
}

/* A basic court with reports brings in the real chain above it, each court
 * with no reports of its own: names of real courts, placed by their names. */
static void test_real_chain(void **state)
{
    struct court_tree t = {0};
    struct report *rs[] = {
        REPORT(true, "山西省长治市武乡县人民法院"),
        REPORT(true, "湖北省武汉市江汉区人民法院"),
    };
    char *got;

    (void)state;
    got = tree_of(rs, ARRAY_SIZE(rs), &t);
    expect_under(&t, "武乡县人民法院", "长治市中级人民法院");
    expect_under(&t, "长治市中级人民法院", "山西省高级人民法院");
    expect_under(&t, "山西省高级人民法院", "最高人民法院");
    expect_under(&t, "江汉区人民法院", "武汉市中级人民法院");
    expect_under(&t, "武汉市中级人民法院", "湖北省高级人民法院");
    expect_under(&t, "湖北省高级人民法院", "最高人民法院");
    expect_under(&t, "最高人民法院", NULL);
    assert_int_equal(t.nr, 7);
    assert_int_equal(t.v[node_of(&t, "最高人民法院")].nr_reports, 0);
    assert_int_equal(t.v[node_of(&t, "长治市中级人民法院")].nr_reports, 0);
    assert_int_equal(t.v[node_of(&t, "武乡县人民法院")].nr_reports, 1);
    /* one supreme court at the top, the two provinces in the order read */
    assert_non_null(strstr(got, "最高人民法院\t0\n  山西省高级人民法院\t0\n"));
    assert_true(strstr(got, "山西省高级") < strstr(got, "湖北省高级"));
    assert_non_null(strstr(got, "      山西省长治市武乡县人民法院\t1\n"));
    free(got);
    court_tree_release(&t);
}

/* A report in traditional characters: its own courts in its script, the
 * ancestors it did not name in official (simplified) characters; one it
 * names in traditional ones is the same court, in its script. */
static void test_traditional_chain(void **state)
{
    struct report *rs[] = {
        REPORT(true, "墨脫縣人民法院"),
        REPORT(true, "廣東省高級人民法院"),
        REPORT(true, "陽江市陽東區人民法院"),
    };

    (void)state;
    expect_tree(rs, ARRAY_SIZE(rs),
                "最高人民法院\t0\n"
                "  西藏自治区高级人民法院\t0\n"
                "    林芝市中级人民法院\t0\n"
                "      墨脫縣人民法院\t1\n"
                "  廣東省高級人民法院\t1\n"
                "    阳江市中级人民法院\t0\n"
                "      陽江市陽東區人民法院\t1\n");
}

/* Courts with reports at several levels of one chain: each once, in place,
 * with its own count. */
static void test_chain_with_reports_on_it(void **state)
{
    struct report *rs[] = {
        REPORT(true, "湖北省高级人民法院"),
        REPORT(true, "湖北省荆州市中级人民法院"),
        REPORT(true, "最高人民法院"),
        REPORT(true, "湖北省高级人民法院"),
    };

    (void)state;
    expect_tree(rs, ARRAY_SIZE(rs),
                "最高人民法院\t1\n"
                "  湖北省高级人民法院\t2\n"
                "    湖北省荆州市中级人民法院\t1\n");
}

/* Where the names do not say (fictional places: no gazetteer knows them),
 * the ties the reports make: a 法庭 named under its court, the tribunals of a
 * report about a basic court, the basic courts of a report about an
 * intermediate court. */
static void test_ties(void **state)
{
    struct report *rs[] = {
        REPORT(true, "苍砚旗人民法院", "云杉人民法庭<0"),
        REPORT(true, "云杉人民法庭"),
        REPORT(true, "澜屿市中级人民法院", "桐岚县人民法院"),
        REPORT(true, "桐岚县人民法院", "青禾人民法庭"),
        REPORT(true, "青禾人民法庭"),
    };

    (void)state;
    expect_tree(rs, ARRAY_SIZE(rs),
                "苍砚旗人民法院\t1\n"
                "  云杉人民法庭\t1\n"
                "澜屿市中级人民法院\t1\n"
                "  桐岚县人民法院\t1\n"
                "    青禾人民法庭\t1\n");
}

/* A tie brings its parent in even when no report is mainly about it, and a
 * report with no main court still ties what it names. */
static void test_tie_brings_parent_in(void **state)
{
    struct report *rs[] = {
        REPORT(true, "青禾人民法庭"),
        REPORT(false, "澄湾县人民法院", "青禾人民法庭<0"),
    };

    (void)state;
    expect_tree(rs, ARRAY_SIZE(rs),
                "澄湾县人民法院\t0\n"
                "  青禾人民法庭\t1\n"
                "其他\t1\n");
}

/* A report about a group of courts (main_court false) goes under 其他, and
 * the ties that need a main court are not made from it. */
static void test_no_main_court(void **state)
{
    struct report *rs[] = {
        REPORT(false, "澜屿市中级人民法院", "桐岚县人民法院"),
        REPORT(true, "桐岚县人民法院"),
        REPORT(false, ""),
    };

    (void)state;
    expect_tree(rs, ARRAY_SIZE(rs),
                "桐岚县人民法院\t1\n"
                "其他\t2\n");
}

/* Reports that disagree: the parent most of them give; one misreading does
 * not move a court. On a draw, the first given. */
static void test_ties_vote(void **state)
{
    struct report *rs[] = {
        REPORT(true, "青禾人民法庭"),
        REPORT(false, "澄湾县人民法院", "青禾人民法庭<0"),
        REPORT(false, "桐岚县人民法院", "青禾人民法庭<0"),
        REPORT(false, "桐岚县人民法院", "青禾人民法庭<0"),
        REPORT(true, "云杉人民法庭"),
        REPORT(false, "澄湾县人民法院", "云杉人民法庭<0"),
        REPORT(false, "桐岚县人民法院", "云杉人民法庭<0"),
    };

    (void)state;
    expect_tree(rs, ARRAY_SIZE(rs),
                "桐岚县人民法院\t0\n"
                "  青禾人民法庭\t1\n"
                "澄湾县人民法院\t0\n"
                "  云杉人民法庭\t1\n"
                "其他\t5\n");
}

/* A tie that points down or sideways (a court under a tribunal, a basic
 * court under another) is a misreading: not used. */
static void test_ties_point_up(void **state)
{
    struct report *rs[] = {
        REPORT(true, "澄湾县人民法院", "青禾人民法庭", "桐岚县人民法院<1"),
        REPORT(true, "桐岚县人民法院", "澄湾县人民法院<0"),
    };

    (void)state;
    expect_tree(rs, ARRAY_SIZE(rs),
                "澄湾县人民法院\t1\n"
                "桐岚县人民法院\t1\n");
}

/* Ties that go round (special courts, whose level says nothing) make no
 * cycle: every court still reaches the top. */
static void test_no_cycle(void **state)
{
    struct court_tree t = {0};
    struct report *rs[] = {
        REPORT(true, "霁川海事法院", "澜屿海事法院<0"),
        REPORT(true, "澜屿海事法院", "桐岚海事法院<0"),
        REPORT(true, "桐岚海事法院", "霁川海事法院<0"),
    };
    char *got;

    (void)state;
    got = tree_of(rs, ARRAY_SIZE(rs), &t);
    for (size_t i = 0; i < t.nr; i++) {
        int p = t.v[i].parent;

        for (size_t steps = 0; p >= 0; steps++) {
            assert_true(steps < t.nr);
            p = t.v[p].parent;
        }
    }
    assert_int_equal(t.nr, 3);
    assert_non_null(strstr(got, "霁川海事法院\t1\n"));
    assert_non_null(strstr(got, "澜屿海事法院\t1\n"));
    assert_non_null(strstr(got, "桐岚海事法院\t1\n"));
    free(got);
    court_tree_release(&t);
}

/* One court under two spellings is one node, shown by its fullest name. */
static void test_one_court_two_spellings(void **state)
{
    struct court_tree t = {0};
    struct report *rs[] = {
        REPORT(true, "武乡县人民法院"),
        REPORT(true, "山西省长治市武乡县人民法院"),
    };
    int n;

    (void)state;
    free(tree_of(rs, ARRAY_SIZE(rs), &t));
    n = node_of(&t, "武乡县人民法院");
    assert_true(n >= 0);
    assert_string_equal(t.v[n].name, "山西省长治市武乡县人民法院");
    assert_int_equal(t.v[n].nr_reports, 2);
    expect_under(&t, "武乡县人民法院", "长治市中级人民法院");
    court_tree_release(&t);
}

/* The rows the court list shows: parents before children, depths, 其他
 * last whatever the order of the reports. */
static void test_rows(void **state)
{
    struct court_tree t = {0};
    struct court_rows rows = {0};
    struct report *rs[] = {
        REPORT(false, ""),
        REPORT(true, "鹤汀区人民法院", "石榴湾人民法庭<0"),
        REPORT(true, "澜屿市中级人民法院"),
        REPORT(true, "石榴湾人民法庭"),
        REPORT(false, "桐岚县人民法院", "青禾人民法庭<0"),
        REPORT(true, "青禾人民法庭"),
    };
    static const struct {
        const char *name;
        int depth;
        size_t reports;
    } want[] = {
        {"鹤汀区人民法院", 0, 1}, {"石榴湾人民法庭", 1, 1}, {"澜屿市中级人民法院", 0, 1},
        {"桐岚县人民法院", 0, 0}, {"青禾人民法庭", 1, 1},   {COURT_TREE_OTHER, 0, 2},
    };

    (void)state;
    free(tree_of(rs, ARRAY_SIZE(rs), &t));
    court_tree_rows(&t, &rows);
    assert_int_equal(rows.nr, ARRAY_SIZE(want));
    for (size_t i = 0; i < rows.nr; i++) {
        const struct court_node *n = &t.v[rows.v[i].node];

        assert_string_equal(n->name, want[i].name);
        assert_int_equal(rows.v[i].depth, want[i].depth);
        assert_int_equal(n->nr_reports, want[i].reports);
    }
    court_rows_release(&rows);
    court_tree_release(&t);
}

/* Hundreds of courts, each named twice: the lookup finds every one again. */
static void test_tree_many(void **state)
{
    static const char *const syl[] = {"安", "北", "长", "东", "丰", "高", "和", "江", "康", "乐",
                                      "明", "南", "平", "青", "瑞", "山", "泰", "文", "祥", "云"};
    struct court_tree t = {0};
    struct sbuf sb = SBUF_INIT;
    size_t lines = 0;

    (void)state;
    for (int pass = 0; pass < 2; pass++)
        for (size_t a = 0; a < ARRAY_SIZE(syl); a++)
            for (size_t b = 0; b < ARRAY_SIZE(syl); b++) {
                struct report *r;

                sbuf_reset(&sb);
                sbuf_addf(&sb, "%s%s县人民法院", syl[a], syl[b]);
                r = REPORT(true, sb.buf);
                court_tree_add(&t, r, a * ARRAY_SIZE(syl) + b);
                report_free(r);
            }
    assert_int_equal(t.nr, ARRAY_SIZE(syl) * ARRAY_SIZE(syl));
    court_tree_finish(&t); /* a real county among them brings in its city's court */
    sbuf_reset(&sb);
    court_tree_format(&t, &sb);
    for (const char *p = sb.buf; (p = strstr(p, "\t2\n")) != NULL; p++)
        lines++;
    assert_int_equal(lines, ARRAY_SIZE(syl) * ARRAY_SIZE(syl));
    sbuf_release(&sb);
    court_tree_release(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_real_chain),
        cmocka_unit_test(test_traditional_chain),
        cmocka_unit_test(test_chain_with_reports_on_it),
        cmocka_unit_test(test_ties),
        cmocka_unit_test(test_tie_brings_parent_in),
        cmocka_unit_test(test_no_main_court),
        cmocka_unit_test(test_ties_vote),
        cmocka_unit_test(test_ties_point_up),
        cmocka_unit_test(test_no_cycle),
        cmocka_unit_test(test_one_court_two_spellings),
        cmocka_unit_test(test_rows),
        cmocka_unit_test(test_tree_many),
    };
    return cmocka_run_group_tests_name("court_tree", tests, NULL, NULL);
}
