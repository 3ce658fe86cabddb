/* Unit tests for results_stream.c: a library search a batch at a time finds
 * what a search of every report at once finds, in the same order, whatever
 * the batches; cards are read in full as their batch comes; a card whose
 * file went is counted unread. The reports are fictional. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "library.h"
#include "report.h"
#include "results.h"
#include "results_stream.h"
#include "search.h"
#include "util.h"

static char dir[] = "/tmp/courtread-stream-XXXXXX";

/* Reports with none, one or several matches of 调解, one across a line
 * break, one with the query's full-width twin of a digit. */
static const char *const texts[] = {
    "桐岚县人民法院开展诉前调解\n\n本报讯 桐岚县人民法院今年调解案件一百二十件，调解员走进村社。\n",
    "雁栖区人民法院举行开放日\n\n本报讯 雁栖区人民法院邀请代表旁听庭审。\n",
    "松麓市中级人民法院通报审判工作\n\n本报讯 "
    "会上通报了诉前调\n解、速裁和执行工作，调解成功率提高。\n",
    "银杉县人民法院巡回审判\n\n本报讯 法官带着国徽走进山乡，就地开庭、就地调解、就地宣判。\n",
    "翠柳区人民法院：一年调解１２次\n\n本报讯 "
    "翠柳区人民法院调解室一年调解12次以上的纠纷逐月增加。\n",
    "白鹭市中级人民法院召开会议\n\n本报讯 会议部署下一阶段工作。\n",
    "紫荆县人民法院的调解故事\n\n本报讯 调解、调解、再调解：一起邻里纠纷终于化解。\n",
};
#define NR ARRAY_SIZE(texts)

static char *paths[NR];

static void put(size_t i)
{
    FILE *f = fopen(paths[i], "wb");

    assert_non_null(f);
    fputs(texts[i], f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(dir))
        return -1;
    for (size_t i = 0; i < NR; i++) {
        paths[i] = xmalloc(strlen(dir) + 16);
        sprintf(paths[i], "%s/%zu.txt", dir, i);
        put(i);
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    for (size_t i = 0; i < NR; i++) {
        unlink(paths[i]);
        free(paths[i]);
    }
    return rmdir(dir);
}

static struct report *load(size_t i)
{
    struct load_opts opts = {.encoding = NULL};
    struct err err;
    struct report *r = library_load(paths[i], &opts, &err);

    assert_non_null(r);
    return r;
}

/* The library as the browser has it before a search: a card for each, of
 * a row of the index. */
static void cards(struct report **slots)
{
    for (size_t i = 0; i < NR; i++) {
        struct report *r = load(i);

        slots[i] = report_card(r);
        slots[i]->id = (long long)i + 1; /* as the index numbers its rows */
        report_free(r);
    }
}

static void release(struct report **slots)
{
    for (size_t i = 0; i < NR; i++)
        report_free(slots[i]);
}

/* (Queries of text only: a regular expression is searched the same way,
 * and valgrind takes PCRE2's JIT reading the spare bytes after a report's
 * text for a fault.) */
static void compile(struct search_query *q, const char *text)
{
    assert_int_equal(search_compile(q, text, strlen(text)), 0);
}

/* What a search of the reports of order (each read in full) at once
 * finds: the browser's search before it streamed. */
static void at_once(const char *text, const size_t *order, size_t n, struct results *out)
{
    struct search_query q;

    compile(&q, text);
    for (size_t k = 0; k < n; k++) {
        struct report *r = load(order[k]);

        results_add(out, &q, r, order[k]);
        report_free(r);
    }
    search_query_release(&q);
}

static void assert_same(const struct results *a, const struct results *b)
{
    assert_int_equal(a->nr, b->nr);
    for (size_t i = 0; i < a->nr; i++) {
        assert_int_equal(a->v[i].report, b->v[i].report);
        assert_int_equal(a->v[i].hit.off, b->v[i].hit.off);
        assert_int_equal(a->v[i].hit.len, b->v[i].hit.len);
    }
}

/* Whether report i has a match in res. */
static bool listed(const struct results *res, size_t i)
{
    for (size_t k = 0; k < res->nr; k++)
        if (res->v[k].report == i)
            return true;
    return false;
}

static size_t *copy_order(const size_t *order, size_t n)
{
    size_t *v = xmalloc((n ? n : 1) * sizeof(*v));

    memcpy(v, order, n * sizeof(*v));
    return v;
}

/* Batches of every size from 1 to past the end: the same matches, in the
 * order given (not the slots' order), and every card a card again after
 * (the list of matches reads the reports it shows). */
static void test_batches_find_what_at_once_finds(void **state)
{
    static const char *const queries[] = {"调解", "12次", "没有这个词"};
    const size_t order[] = {6, 0, 4, 2, 3}; /* 1 and 5 are not candidates */

    (void)state;
    for (size_t qi = 0; qi < ARRAY_SIZE(queries); qi++) {
        struct results want = {0};

        at_once(queries[qi], order, ARRAY_SIZE(order), &want);
        for (size_t batch = 1; batch <= ARRAY_SIZE(order) + 1; batch++) {
            struct report *slots[NR];
            struct results got = {0};
            struct results_stream st;
            struct search_query q;
            size_t steps = 0, added = 0;

            cards(slots);
            compile(&q, queries[qi]);
            results_stream_init(&st, slots, copy_order(order, ARRAY_SIZE(order)), ARRAY_SIZE(order),
                                &q, NULL);
            while (!results_stream_done(&st)) {
                added += results_stream_step(&st, batch, &got);
                steps++;
                assert_int_equal(st.found, got.nr);
            }
            assert_int_equal(steps, (ARRAY_SIZE(order) + batch - 1) / batch);
            assert_int_equal(added, want.nr);
            assert_same(&got, &want);
            assert_int_equal(st.unread, 0);
            assert_int_equal(st.done, ARRAY_SIZE(order));
            /* every report read to be searched, and made a card again */
            for (size_t i = 0; i < NR; i++)
                assert_true(slots[i]->card);
            assert_int_equal(results_stream_step(&st, batch, &got), 0); /* done: nothing */
            results_stream_release(&st);
            results_release(&got);
            release(slots);
        }
        if (qi == 0) /* in every candidate: 4 + 3 + 3 + 2 (one across a line break) + 1 */
            assert_int_equal(want.nr, 13);
        if (qi == 1) /* in one candidate */
            assert_true(listed(&want, 4) && !listed(&want, 0) && !listed(&want, 6));
        results_release(&want);
    }
}

/* results_stream_run() sizes its batches by time: any budget finds the
 * same, and a batch takes one report at least. */
static void test_run_by_time_finds_the_same(void **state)
{
    const size_t order[] = {0, 1, 2, 3, 4, 5, 6};
    struct results want = {0};

    (void)state;
    at_once("调解", order, NR, &want);
    for (long budget = 0; budget <= 1000000; budget = budget ? budget * 100 : 1) {
        struct report *slots[NR];
        struct results got = {0};
        struct results_stream st;
        struct search_query q;
        size_t before;

        cards(slots);
        compile(&q, "调解");
        results_stream_init(&st, slots, copy_order(order, NR), NR, &q, NULL);
        while (!results_stream_done(&st)) {
            before = st.done;
            results_stream_run(&st, budget, &got);
            assert_true(st.done > before);
            assert_true(st.batch >= 1);
        }
        assert_same(&got, &want);
        results_stream_release(&st);
        results_release(&got);
        release(slots);
    }
    results_release(&want);
}

/* A card whose file is gone when its batch comes is counted, not searched
 * (its card stays); the others are searched (and made cards again). */
static void test_unread(void **state)
{
    const size_t order[] = {0, 6};
    struct report *slots[NR];
    struct results got = {0}, want = {0};
    struct results_stream st;
    struct search_query q;

    (void)state;
    at_once("调解", order + 1, 1, &want);
    cards(slots);
    compile(&q, "调解");
    results_stream_init(&st, slots, copy_order(order, 2), 2, &q, NULL);
    assert_int_equal(unlink(paths[0]), 0);
    results_stream_step(&st, 2, &got);
    put(0); /* back for the other tests */
    assert_true(results_stream_done(&st));
    assert_int_equal(st.unread, 1);
    assert_true(slots[0]->card);
    assert_true(slots[6]->card);
    assert_same(&got, &want);
    results_stream_release(&st);
    results_release(&got);
    results_release(&want);
    release(slots);
}

/* A report read in full before the search (the one open, say) stays so
 * when nothing in it matches: only the search's own reading is undone. */
static void test_read_before_stays(void **state)
{
    const size_t order[] = {1, 3, 5};
    struct report *slots[NR];
    struct results got = {0};
    struct results_stream st;
    struct search_query q;
    struct err err;
    struct report *open;

    (void)state;
    cards(slots);
    assert_int_equal(library_fill(&slots[3], NULL, &err), 0);
    open = slots[3];
    compile(&q, "没有这个词");
    results_stream_init(&st, slots, copy_order(order, 3), 3, &q, NULL);
    results_stream_step(&st, 3, &got);
    assert_int_equal(got.nr, 0);
    assert_ptr_equal(slots[3], open);
    assert_false(slots[3]->card);
    assert_true(slots[1]->card && slots[5]->card);
    results_stream_release(&st);
    release(slots);
}

/* No candidate: done at once, nothing found. */
static void test_empty(void **state)
{
    struct report *slots[NR];
    struct results got = {0};
    struct results_stream st;
    struct search_query q;

    (void)state;
    cards(slots);
    compile(&q, "调解");
    results_stream_init(&st, slots, xmalloc(1), 0, &q, NULL);
    assert_true(results_stream_done(&st));
    assert_int_equal(results_stream_step(&st, 8, &got), 0);
    assert_int_equal(results_stream_run(&st, 4000, &got), 0);
    assert_int_equal(got.nr, 0);
    results_stream_release(&st);
    release(slots);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_batches_find_what_at_once_finds),
        cmocka_unit_test(test_run_by_time_finds_the_same),
        cmocka_unit_test(test_unread),
        cmocka_unit_test(test_read_before_stays),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests_name("results_stream", tests, setup, teardown);
}
