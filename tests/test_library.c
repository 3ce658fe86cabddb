/* Unit tests for library.c: which files are reports, and loading bad files. */
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_collect_sorted_recursive_no_loops),
        cmocka_unit_test(test_missing_path),
        cmocka_unit_test(test_named_file_is_taken_whatever_its_name),
        cmocka_unit_test(test_load_errors),
        cmocka_unit_test(test_load_markdown_by_name),
    };
    return cmocka_run_group_tests_name("library", tests, setup, teardown);
}
