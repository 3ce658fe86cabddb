/* Unit tests for config.c: the library key, display settings, key bindings,
 * unknown keys, bad values and bad files. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
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

/* Write text as the config file and load it over the defaults. */
static void load_text(const char *text, struct config *cfg, struct msgs *m)
{
    write_config(text);
    config_init(cfg);
    config_load(cfg, path, m);
}

/* Release what load_text() made, the file too. */
static void unload(struct config *cfg, struct msgs *m)
{
    msgs_release(m);
    config_release(cfg);
    unlink(path);
    strcpy(path, "/tmp/courtread-config-XXXXXX");
}

/* Message i is "PATH:" and then what (path is the config file's). */
static void assert_message(const struct msgs *m, size_t i, const char *what)
{
    char want[sizeof(path) + 512];

    assert_true(i < m->nr);
    assert_true((size_t)snprintf(want, sizeof(want), "%s:%s", path, what) < sizeof(want));
    assert_string_equal(m->v[i], want);
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
    write_config("[general\nlibrary = /srv/reports\n");
    config_init(&cfg);
    config_load(&cfg, path, &m);
    assert_int_equal(m.nr, 1);
    assert_non_null(strstr(m.v[0], ":1: '[general': not a [section]"));
    assert_null(cfg.library); /* under a section that is not one */
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

static void test_display_and_keys(void **state)
{
    struct config cfg;
    struct msgs m = {0};

    (void)state;
    write_config("[general]\ntheme = light\n[display]\ncourts_width = 30\noutline_width = 20\n"
                 "[keys]\ndown = n C-j\nquit = x\n");
    config_init(&cfg);
    config_load(&cfg, path, &m);
    assert_int_equal(m.nr, 0);
    assert_string_equal(cfg.theme, "light");
    assert_int_equal(cfg.courts_width, 30);
    assert_int_equal(cfg.outline_width, 20);
    assert_int_equal(keys_lookup(&cfg.keys, 'n'), ACT_DOWN);
    assert_int_equal(keys_lookup(&cfg.keys, 10), ACT_DOWN);
    assert_int_equal(keys_lookup(&cfg.keys, 'j'), ACT_NONE); /* replaced */
    assert_int_equal(keys_lookup(&cfg.keys, 'x'), ACT_QUIT);
    assert_int_equal(keys_lookup(&cfg.keys, 'q'), ACT_NONE);
    assert_int_equal(keys_lookup(&cfg.keys, 'k'), ACT_UP); /* untouched */
    config_release(&cfg);
    unlink(path);
    strcpy(path, "/tmp/courtread-config-XXXXXX");
}

static void test_bad_values_name_line_and_keep_defaults(void **state)
{
    struct config cfg;
    struct msgs m = {0};
    char want[3][256];

    (void)state;
    write_config("[display]\ncourts_width = 3\n[keys]\ndown = Hyper-j\nfly = f\n");
    config_init(&cfg);
    config_load(&cfg, path, &m);
    assert_int_equal(m.nr, 3);
    snprintf(want[0], sizeof(want[0]),
             "%s:2: 'display:courts_width' must be a whole number from 12 to 80, not '3'", path);
    snprintf(want[1], sizeof(want[1]), "%s:4: 'keys:down': 'Hyper-j' is not a key", path);
    snprintf(want[2], sizeof(want[2]), "%s:5: unknown key 'keys:fly' (not an action)", path);
    for (int i = 0; i < 3; i++) {
        bool found = false;

        for (size_t k = 0; k < m.nr; k++)
            found = found || !strcmp(m.v[k], want[i]);
        if (!found)
            fail_msg("missing message: %s", want[i]);
    }
    assert_int_equal(cfg.courts_width, 32);
    assert_int_equal(keys_lookup(&cfg.keys, 'j'), ACT_DOWN); /* the bad binding changed nothing */
    msgs_release(&m);
    config_release(&cfg);
    unlink(path);
    strcpy(path, "/tmp/courtread-config-XXXXXX");
}

/* A bad line is a message naming its line (made printable) and is skipped;
 * the rest of the file applies, the library setting in particular. */
static void test_bad_lines_are_skipped(void **state)
{
    static const struct {
        const char *line, *message;
    } cases[] = {
        {"this is not a setting", "'this is not a setting': not a key = value, a [section] or a "
                                  "comment; line skipped"},
        {"= 4", "'= 4': no key before '='; line skipped"},
        {"indent = \"3", "'indent = \"3': a quote that is not closed; line skipped"},
        {"[general", "'[general': not a [section]; it and the keys under it are skipped"},
        {"[ ]", "'[ ]': not a [section]; it and the keys under it are skipped"},
        /* a terminal's escape sequence comes back made visible */
        {"\x1b[31mred", "'\\x1B[31mred': not a key = value, a [section] or a comment; line "
                        "skipped"},
        {"[display] junk", "'[display] junk': not a [section]; it and the keys under it are "
                           "skipped"},
        /* iniparser's name of the key quit of [keys], with no value: once
         * taken for one (found by fuzz_config) */
        {"[keys:quit]", "'[keys:quit]': not a [section]; it and the keys under it are skipped"},
    };

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        struct config cfg;
        struct msgs m = {0};
        char text[256], want[512];

        snprintf(text, sizeof(text),
                 "; my settings\n[display]\nindent = 3\n%s\n[general]\nlibrary = /srv/reports\n",
                 cases[i].line);
        load_text(text, &cfg, &m);
        snprintf(want, sizeof(want), "4: %s", cases[i].message);
        assert_int_equal(m.nr, 1);
        assert_message(&m, 0, want);
        assert_string_equal(cfg.library, "/srv/reports");
        assert_int_equal(cfg.indent, 3);
        unload(&cfg, &m);
    }
}

/* Values: ';' starts a comment, '#' too unless it starts a colour; quotes
 * keep both; a key before any section is a message. */
static void test_values_and_comments(void **state)
{
    struct config cfg;
    struct msgs m = {0};

    (void)state;
    load_text("indent = 1\n[General]\nLibrary = \"/srv/a;b#c\"   # quoted\n"
              "theme = #ff8800 ; a colour, not a comment\n[display]\nindent=0;none\n",
              &cfg, &m);
    assert_int_equal(m.nr, 1);
    assert_message(&m, 0, "1: 'indent = 1': a key before any [section]; line skipped");
    assert_string_equal(cfg.library, "/srv/a;b#c");
    assert_string_equal(cfg.theme, "#ff8800");
    assert_int_equal(cfg.indent, 0);
    unload(&cfg, &m);
}

/* A key that cannot be bound: a message with the file and line; q still
 * quits. */
static void test_unbindable_key_names_the_line(void **state)
{
    struct config cfg;
    struct msgs m = {0};

    (void)state;
    load_text("[keys]\n\nquit = C-c\n", &cfg, &m);
    assert_int_equal(m.nr, 1);
    assert_message(&m, 0,
                   "3: 'keys:quit': C-c cannot be bound: the terminal turns it into an interrupt "
                   "(SIGINT), and it cancels a prompt");
    assert_int_equal(keys_lookup(&cfg.keys, 'q'), ACT_QUIT);
    unload(&cfg, &m);
}

/* reader_width: 0 (the whole pane) or 20..400; anything else keeps 72. */
static void test_reader_width(void **state)
{
    static const struct {
        const char *value;
        int want;
        bool message;
    } cases[] = {
        {NULL, 72, false},   {"0", 0, false},    {"20", 20, false}, {"100", 100, false},
        {"400", 400, false}, {"19", 72, true},   {"1", 72, true},   {"401", 72, true},
        {"-5", 72, true},    {"wide", 72, true},
    };

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        struct config cfg;
        struct msgs m = {0};
        char text[128];

        snprintf(text, sizeof(text), "[display]\n%s%s\n", cases[i].value ? "reader_width = " : "",
                 cases[i].value ? cases[i].value : "");
        load_text(text, &cfg, &m);
        assert_int_equal(cfg.reader_width, cases[i].want);
        assert_int_equal(m.nr, cases[i].message ? 1 : 0);
        if (cases[i].message)
            assert_non_null(strstr(m.v[0], ":2: 'display:reader_width' must be"));
        unload(&cfg, &m);
    }
}

/* [copy] and the mouse: the defaults, each set, an empty citation (none)
 * told from a missing one (the default), a bad choice named. */
static void test_copy_and_mouse(void **state)
{
    struct config cfg;
    struct msgs m = {0};
    char want[256];

    (void)state;
    config_init(&cfg);
    assert_false(cfg.mouse);
    assert_null(cfg.citation);
    assert_null(cfg.copy_command);
    assert_int_equal(cfg.copy_method, COPY_AUTO);
    write_config("[display]\nmouse = on\n[copy]\ncitation = %t (%d)\n"
                 "command = xclip -selection clipboard\nmethod = both\n");
    config_load(&cfg, path, &m);
    assert_int_equal(m.nr, 0);
    assert_true(cfg.mouse);
    assert_string_equal(cfg.citation, "%t (%d)");
    assert_string_equal(cfg.copy_command, "xclip -selection clipboard");
    assert_int_equal(cfg.copy_method, COPY_BOTH);
    config_release(&cfg);
    unlink(path);
    strcpy(path, "/tmp/courtread-config-XXXXXX");

    config_init(&cfg);
    write_config("[copy]\ncitation =\nmethod = clipboard\n[display]\nmouse = sometimes\n");
    config_load(&cfg, path, &m);
    assert_string_equal(cfg.citation, ""); /* set empty: no citation */
    assert_int_equal(cfg.copy_method, COPY_AUTO);
    assert_false(cfg.mouse);
    assert_int_equal(m.nr, 2);
    snprintf(want, sizeof(want),
             "%s:3: 'copy:method' is 'clipboard', not one of auto, osc52, command, both", path);
    assert_string_equal(m.v[0], want);
    msgs_release(&m);
    config_release(&cfg);
    unlink(path);
    strcpy(path, "/tmp/courtread-config-XXXXXX");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_library_key),
        cmocka_unit_test(test_unknown_key_names_file_and_line),
        cmocka_unit_test(test_broken_file_keeps_defaults),
        cmocka_unit_test(test_missing_files),
        cmocka_unit_test(test_display_and_keys),
        cmocka_unit_test(test_bad_values_name_line_and_keep_defaults),
        cmocka_unit_test(test_reader_width),
        cmocka_unit_test(test_bad_lines_are_skipped),
        cmocka_unit_test(test_values_and_comments),
        cmocka_unit_test(test_unbindable_key_names_the_line),
        cmocka_unit_test(test_copy_and_mouse),
    };
    return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
