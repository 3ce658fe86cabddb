/* Unit tests for library.c: which files are reports, loading bad files, and
 * filling cards (by their text maps) and making them cards again. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "library.h"
#include "report.h"
#include "util.h"

static char dir[] = "/tmp/courtread-test-XXXXXX";

static void put(const char *name, const char *data, size_t n)
{
    char path[512];
    FILE *f;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(data, 1, n, f);
    fclose(f);
}

static int setup(void **state)
{
    char path[512];

    (void)state;
    if (!mkdtemp(dir))
        return -1;
    snprintf(path, sizeof(path), "%s/sub", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof(path), "%s/.hidden", dir);
    mkdir(path, 0755);
    put("b.txt", "乙\n", 4);
    put("a.md", "# 甲\n", 6);
    put("C.TXT", "丙\n", 4);
    put("photo.jpg", "\xFF\xD8\xFF\xE0", 4);
    put("sub/d.txt", "丁\n", 4);
    put(".hidden/e.txt", "戊\n", 4);
    put("notes.doc", "x", 1);
    put("README.md", "# 说明\n", 10);
    snprintf(path, sizeof(path), "%s/sub/loop", dir);
    if (symlink(dir, path) < 0)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    char cmd[600];

    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void test_collect_sorted_recursive_no_loops(void **state)
{
    struct path_list l = {0};
    struct msgs m = {0};
    struct err err;
    const char *want[] = {"C.TXT", "a.md", "b.txt", "sub/d.txt"};

    (void)state;
    assert_int_equal(library_collect(dir, &l, &m, &err), 0);
    assert_int_equal(l.nr, ARRAY_SIZE(want));
    for (size_t i = 0; i < l.nr; i++) {
        char path[512];

        snprintf(path, sizeof(path), "%s/%s", dir, want[i]);
        assert_string_equal(l.v[i], path);
    }
    assert_int_equal(m.nr, 0);
    path_list_release(&l);
    msgs_release(&m);
}

static void test_missing_path(void **state)
{
    struct path_list l = {0};
    struct msgs m = {0};
    struct err err;

    (void)state;
    assert_int_equal(library_collect("/nonexistent/courtread", &l, &m, &err), -1);
    assert_string_equal(err.msg, "No such file or directory");
}

static void test_named_file_is_taken_whatever_its_name(void **state)
{
    struct path_list l = {0};
    struct msgs m = {0};
    struct err err;
    char path[512];

    (void)state;
    snprintf(path, sizeof(path), "%s/photo.jpg", dir);
    assert_int_equal(library_collect(path, &l, &m, &err), 0);
    assert_int_equal(l.nr, 1);
    assert_null(library_load(path, NULL, &err));
    assert_string_equal(err.msg, "a JPEG image, not a text report");
    path_list_release(&l);
}

static void test_load_errors(void **state)
{
    struct err err;
    char path[512];

    (void)state;
    put("empty.txt", "", 0);
    snprintf(path, sizeof(path), "%s/empty.txt", dir);
    assert_null(library_load(path, NULL, &err));
    assert_string_equal(err.msg, "empty file, skipped");
    put("blank.txt", " \n\n　\n", 7);
    snprintf(path, sizeof(path), "%s/blank.txt", dir);
    assert_null(library_load(path, NULL, &err));
    assert_string_equal(err.msg, "no text in the file, skipped");
    snprintf(path, sizeof(path), "%s/sub", dir);
    assert_null(library_load(path, NULL, &err));
    assert_string_equal(err.msg, "is a directory");
}

static void test_load_markdown_by_name(void **state)
{
    struct err err;
    char path[512];
    struct report *r;

    (void)state;
    snprintf(path, sizeof(path), "%s/a.md", dir);
    r = library_load(path, NULL, &err);
    assert_non_null(r);
    assert_string_equal(r->title, "甲");
    report_free(r);
    assert_true(library_is_markdown("x.MD"));
    assert_false(library_is_markdown("x.txt"));
}

/* The map source of test_fill_by_map: the one map it was given. */
struct given {
    const struct report *r;
    int calls;
};

static char *give_map(void *ctx, const struct report *card, size_t *len, uint64_t *sum)
{
    struct given *g = ctx;
    char *m = xmalloc(g->r->map_len);

    assert_int_equal(card->id, 7);
    g->calls++;
    memcpy(m, g->r->map, g->r->map_len);
    *len = g->r->map_len;
    *sum = g->r->sum;
    return m;
}

/* A card is filled from its text map, with the card's courts (a parse
 * would find none: the map is what was used), keeps its row id, and turns
 * back into a card; a file whose bytes changed since is parsed. */
static void test_fill_by_map(void **state)
{
    static const char text[] = "白沙镇法庭的一天\n\n早上八点，巡回审判的车已经出发。\n\n"
                               "一、调解在田间\n\n一起土地承包纠纷当场调解成功。\n";
    struct load_opts lo = {.sum = true, .map = true};
    struct given g = {NULL, 0};
    struct report *r, *slot[2];
    struct err err;
    char path[512];
    size_t which[2] = {0, 1};

    (void)state;
    put("day.txt", text, strlen(text));
    snprintf(path, sizeof(path), "%s/day.txt", dir);
    r = library_load(path, &lo, &err);
    assert_non_null(r);
    assert_non_null(r->map);
    g.r = r;
    for (int k = 0; k < 2; k++) {
        slot[k] = report_card(r);
        slot[k]->id = 7;
        for (size_t i = 0; i < slot[k]->nr_courts; i++) /* the parse's: the card's own instead */
            free(slot[k]->courts[i]);
        free(slot[k]->courts);
        free(slot[k]->court_parent);
        slot[k]->courts = xcalloc(1, sizeof(char *));
        slot[k]->court_parent = xcalloc(1, sizeof(int));
        slot[k]->courts[0] = xstrdup("甲县人民法院");
        slot[k]->court_parent[0] = -1;
        slot[k]->nr_courts = slot[k]->alloc_courts = 1;
    }
    library_set_map_source(give_map, &g);
    assert_int_equal(library_fill(&slot[0], NULL, &err), 0);
    library_fill_each(slot, which, 2, NULL);
    assert_int_equal(g.calls, 2); /* slot 0 was full already */
    for (int k = 0; k < 2; k++) {
        assert_false(slot[k]->card);
        assert_int_equal(slot[k]->id, 7);
        assert_int_equal(slot[k]->len, r->len);
        assert_memory_equal(slot[k]->text, r->text, r->len);
        assert_int_equal(slot[k]->nr_courts, 1);
        assert_string_equal(slot[k]->courts[0], "甲县人民法院");
    }
    library_unfill(&slot[0]);
    assert_true(slot[0]->card);
    assert_int_equal(slot[0]->len, 0);
    assert_int_equal(slot[0]->id, 7);
    assert_string_equal(slot[0]->courts[0], "甲县人民法院");
    /* the same length, other bytes: parsed, not rebuilt */
    {
        char *other = xstrdup(text);

        memcpy(strstr(other, "八点"), "九点", strlen("九点"));
        put("day.txt", other, strlen(other));
        free(other);
    }
    assert_int_equal(library_fill(&slot[0], NULL, &err), 0);
    assert_non_null(strstr(slot[0]->text, "九点"));
    library_set_map_source(NULL, NULL);
    for (int k = 0; k < 2; k++)
        report_free(slot[k]);
    report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_collect_sorted_recursive_no_loops),
        cmocka_unit_test(test_missing_path),
        cmocka_unit_test(test_named_file_is_taken_whatever_its_name),
        cmocka_unit_test(test_load_errors),
        cmocka_unit_test(test_load_markdown_by_name),
        cmocka_unit_test(test_fill_by_map),
    };
    return cmocka_run_group_tests_name("library", tests, setup, teardown);
}
