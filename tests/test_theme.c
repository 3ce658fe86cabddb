/* Unit tests for theme.c: colour names, the fall-back to 16 and 8 colours,
 * theme files (good, with bad values, missing) and finding a theme. */
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

#include "theme.h"
#include "util.h"

static char dir[] = "/tmp/courtread-theme-XXXXXX";

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[128];

    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Write text to dir/name; returns the path (static). */
static const char *write_file(const char *name, const char *text)
{
    static char path[256];
    FILE *f;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static void test_parse_color(void **state)
{
    (void)state;
    assert_int_equal(theme_parse_color("red"), 1);
    assert_int_equal(theme_parse_color("BrightBlue"), 12);
    assert_int_equal(theme_parse_color("default"), THEME_DEFAULT_COLOR);
    assert_int_equal(theme_parse_color("214"), 214);
    assert_int_equal(theme_parse_color("0"), 0);
    assert_int_equal(theme_parse_color("256"), -2);
    assert_int_equal(theme_parse_color("-1"), -2);
    assert_int_equal(theme_parse_color("purpleish"), -2);
    assert_int_equal(theme_parse_color(""), -2);
}

/* #rrggbb and #rgb: the nearest of the cube and the greys (16..255), never
 * one of the 16 a terminal's scheme redefines. */
static void test_parse_hex_color(void **state)
{
    static const struct {
        const char *s;
        int want;
    } cases[] = {
        {"#ff8800", 208},                /* 255 136 0: cube 5 2 0 */
        {"#FF8800", 208}, {"#f80", 208}, /* #rgb doubles each digit */
        {"#ff0000", 196}, {"#000000", 16},  {"#ffffff", 231}, {"#1c1c1c", 234}, /* 28 28 28: the
                                                                                   grey ramp's third
                                                                                 */
        {"#808080", 244}, {"#5f87af", 67}, /* exactly a cube colour */
        {"#ff880", -2},   {"#ff88000", -2}, {"#gg8800", -2},  {"#", -2},        {"#ff 880", -2},
    };

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
        if (theme_parse_color(cases[i].s) != cases[i].want)
            fail_msg("%s: %d, not %d", cases[i].s, theme_parse_color(cases[i].s), cases[i].want);
}

static void test_color_fit(void **state)
{
    (void)state;
    assert_int_equal(theme_color_fit(214, 256), 214);
    assert_int_equal(theme_color_fit(-1, 256), -1);
    /* 256 → 16: the cube's pure red is bright red, its darkest blue is blue */
    assert_int_equal(theme_color_fit(196, 16), 9);
    assert_int_equal(theme_color_fit(19, 16), 4);
    assert_int_equal(theme_color_fit(231, 16), 15);
    assert_int_equal(theme_color_fit(232, 16), 0); /* near-black grey */
    /* 16 → 8: bright colours lose their brightness; grey becomes white */
    assert_int_equal(theme_color_fit(9, 8), 1);
    assert_int_equal(theme_color_fit(196, 8), 1);
    assert_int_equal(theme_color_fit(8, 8), 7);
    assert_int_equal(theme_color_fit(3, 8), 3);
    /* no colour at all */
    assert_int_equal(theme_color_fit(3, 2), -1);
    assert_int_equal(theme_color_fit(3, 0), -1);
}

static void test_load_good_file(void **state)
{
    struct theme t;
    struct msgs m = {0};
    const char *path =
        write_file("good.ini", "; a comment\n[title]\nfg = 222\nattrs = bold underline\n"
                               "[status]\nfg = white\nbg = blue\n");

    (void)state;
    assert_int_equal(theme_load(&t, path, &m), 0);
    assert_int_equal(m.nr, 0);
    assert_int_equal(t.role[ROLE_TITLE].fg, 222);
    assert_int_equal(t.role[ROLE_TITLE].attrs, ATTR_BOLD | ATTR_UNDERLINE);
    assert_int_equal(t.role[ROLE_STATUS].fg, 7);
    assert_int_equal(t.role[ROLE_STATUS].bg, 4);
    /* roles it does not name keep the mono style */
    assert_int_equal(t.role[ROLE_SELECTED].attrs, ATTR_REVERSE);
    assert_int_equal(t.role[ROLE_BODY].fg, THEME_DEFAULT_COLOR);
}

static void test_bad_values_are_messages(void **state)
{
    struct theme t;
    struct msgs m = {0};
    char want[3][512];
    const char *path = write_file("bad.ini", "[title]\nfg = purpleish\nattrs = bold\n[heading]\n"
                                             "attrs = sparkly\n[sidebar]\nfg = 1\n");

    (void)state;
    assert_int_equal(theme_load(&t, path, &m), 0);
    assert_int_equal(m.nr, 3);
    snprintf(want[0], sizeof(want[0]),
             "%s:2: 'title:fg': 'purpleish' is not a colour (0-255, a name or #rrggbb)", path);
    snprintf(want[1], sizeof(want[1]), "%s:5: 'heading:attrs': 'sparkly' is not an attribute",
             path);
    snprintf(want[2], sizeof(want[2]), "%s:6: unknown role [sidebar]", path);
    for (int i = 0; i < 3; i++) {
        int found = 0;

        for (size_t k = 0; k < m.nr; k++)
            found |= !strcmp(m.v[k], want[i]);
        if (!found)
            fail_msg("missing: %s (first: %s)", want[i], m.v[0]);
    }
    /* a role with a bad value keeps its mono style whole */
    assert_int_equal(t.role[ROLE_TITLE].fg, THEME_DEFAULT_COLOR);
    assert_int_equal(t.role[ROLE_TITLE].attrs, ATTR_BOLD);
    msgs_release(&m);
}

static void test_missing_and_broken(void **state)
{
    struct theme t;
    struct msgs m = {0};
    char path[300];

    (void)state;
    snprintf(path, sizeof(path), "%s/none.ini", dir);
    assert_int_equal(theme_load(&t, path, &m), -1);
    assert_int_equal(m.nr, 1);
    assert_int_equal(t.role[ROLE_STATUS].attrs, ATTR_REVERSE); /* mono */
    msgs_release(&m);
    /* a bad line is skipped with a message naming it; the rest applies */
    assert_int_equal(
        theme_load(&t, write_file("broken.ini", "[title\nfg = 1\n[body]\nfg\nbg = 17\n"), &m), 0);
    assert_int_equal(m.nr, 2);
    assert_non_null(strstr(m.v[0], "broken.ini:1: '[title': not a [section]"));
    assert_non_null(strstr(m.v[1], "broken.ini:4: 'fg': not a key = value"));
    assert_int_equal(t.role[ROLE_TITLE].fg, THEME_DEFAULT_COLOR); /* under the bad [title] */
    assert_int_equal(t.role[ROLE_BODY].bg, 17);
    msgs_release(&m);
}

/* Colours written #rrggbb in a theme file: a value, not a comment. */
static void test_hex_colors_in_a_file(void **state)
{
    struct theme t;
    struct msgs m = {0};
    const char *path = write_file("hex.ini", "[title]\nfg = #ff8800 # orange\nbg = #1c1c1c;dark\n"
                                             "[body]\nfg = # nothing but a comment\n");

    (void)state;
    assert_int_equal(theme_load(&t, path, &m), 0);
    assert_int_equal(t.role[ROLE_TITLE].fg, 208);
    assert_int_equal(t.role[ROLE_TITLE].bg, 234);
    assert_int_equal(m.nr, 1); /* body:fg is empty: not a colour */
    assert_non_null(strstr(m.v[0], "hex.ini:5: 'body:fg': '' is not a colour"));
    msgs_release(&m);
}

/* An unknown theme: a message, and the default theme instead. */
static void test_unknown_theme_falls_back_to_default(void **state)
{
    struct theme t;
    struct msgs m = {0};
    const char *dirs[] = {dir, NULL};

    (void)state;
    write_file("default.ini", "[title]\nfg = 222\n");
    theme_load_named(&t, "solarised", dirs, &m);
    assert_int_equal(m.nr, 1);
    assert_string_equal(m.v[0], "solarised: no such theme; using the default theme");
    assert_int_equal(t.role[ROLE_TITLE].fg, 222);
    msgs_release(&m);
    theme_load_named(&t, NULL, dirs, &m); /* none named: the default, quietly */
    assert_int_equal(m.nr, 0);
    assert_int_equal(t.role[ROLE_TITLE].fg, 222);
    unlink(write_file("default.ini", ""));
    theme_load_named(&t, "solarised", dirs, &m); /* no default either: mono */
    assert_int_equal(m.nr, 2);
    assert_string_equal(m.v[1], "default: no such theme; using mono");
    assert_int_equal(t.role[ROLE_TITLE].fg, THEME_DEFAULT_COLOR);
    assert_int_equal(t.role[ROLE_TITLE].attrs, ATTR_BOLD);
    msgs_release(&m);
}

static void test_find(void **state)
{
    char cfg[300], themes[300], *found;
    const char *dirs[] = {dir, NULL};

    (void)state;
    write_file("night.ini", "[body]\nfg = 250\n");
    found = theme_find("night", dirs);
    assert_non_null(found);
    assert_non_null(strstr(found, "/night.ini"));
    free(found);
    assert_null(theme_find("absent", dirs));
    found = theme_find("/some/where/else.ini", dirs); /* a file is taken as it is */
    assert_string_equal(found, "/some/where/else.ini");
    free(found);
    /* the user's folder comes first */
    snprintf(cfg, sizeof(cfg), "%s/cfg", dir);
    snprintf(themes, sizeof(themes), "%s/cfg/courtread/themes", dir);
    mkdir(cfg, 0700);
    strcat(cfg, "/courtread");
    mkdir(cfg, 0700);
    mkdir(themes, 0700);
    strcat(themes, "/night.ini");
    fclose(fopen(themes, "w"));
    snprintf(cfg, sizeof(cfg), "%s/cfg", dir);
    setenv("XDG_CONFIG_HOME", cfg, 1);
    found = theme_find("night", dirs);
    assert_string_equal(found, themes);
    free(found);
    unsetenv("XDG_CONFIG_HOME");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_color),
        cmocka_unit_test(test_color_fit),
        cmocka_unit_test(test_load_good_file),
        cmocka_unit_test(test_bad_values_are_messages),
        cmocka_unit_test(test_missing_and_broken),
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_parse_hex_color),
        cmocka_unit_test(test_hex_colors_in_a_file),
        cmocka_unit_test(test_unknown_theme_falls_back_to_default),
    };
    return cmocka_run_group_tests_name("theme", tests, setup, teardown);
}
