/* Unit tests for config.c: the library key, unknown keys and bad files. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "util.h"

static char path[] = "/tmp/courtread-config-XXXXXX";

static void write_config(const char *text)
{
    int fd = mkstemp(path);
    FILE *f;

    assert_true(fd >= 0);
    f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
}

static void test_library_key(void **state)
{
    struct config cfg;
    struct msgs m = {0};

    (void)state;
    setenv("HOME", "/home/reader", 1);
    write_config("[general]\nlibrary = ~/reports\n");
    config_init(&cfg);
    config_load(&cfg, path, &m);
    assert_int_equal(m.nr, 0);
    assert_string_equal(cfg.library, "/home/reader/reports");
    config_release(&cfg);
    unlink(path);
    strcpy(path, "/tmp/courtread-config-XXXXXX");
}

static void test_unknown_key_names_file_and_line(void **state)
{
    struct config cfg;
    struct msgs m = {0};
    char want[256];

    (void)state;
    write_config("# comment\n[general]\nlibrary = /srv/reports\n\ncolour = red\n");
    config_init(&cfg);
    config_load(&cfg, path, &m);
    assert_int_equal(m.nr, 1);
    snprintf(want, sizeof(want), "%s:5: unknown key 'general:colour'", path);
    assert_string_equal(m.v[0], want);
    assert_string_equal(cfg.library, "/srv/reports");
    msgs_release(&m);
    config_release(&cfg);
    unlink(path);
    strcpy(path, "/tmp/courtread-config-XXXXXX");
}

static void test_broken_file_keeps_defaults(void **state)
{
    struct config cfg;
    struct msgs m = {0};

    (void)state;
    write_config("[general\nlibrary\n");
    config_init(&cfg);
    config_load(&cfg, path, &m);
    assert_true(m.nr >= 1);
    assert_non_null(strstr(m.v[m.nr - 1], "using the defaults"));
    assert_null(cfg.library);
    msgs_release(&m);
    config_release(&cfg);
    unlink(path);
    strcpy(path, "/tmp/courtread-config-XXXXXX");
}

static void test_missing_files(void **state)
{
    struct config cfg;
    struct msgs m = {0};

    (void)state;
    config_init(&cfg);
    setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
    config_load(&cfg, NULL, &m); /* no default file: fine */
    assert_int_equal(m.nr, 0);
    config_load(&cfg, "/nonexistent/config.ini", &m); /* a named one: not fine */
    assert_int_equal(m.nr, 1);
    msgs_release(&m);
    config_release(&cfg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_library_key),
        cmocka_unit_test(test_unknown_key_names_file_and_line),
        cmocka_unit_test(test_broken_file_keeps_defaults),
        cmocka_unit_test(test_missing_files),
    };
    return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
