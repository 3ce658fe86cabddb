/* Unit tests for keys.c: key names both ways, the default table, and
 * rebinding (a key moves from one action to another). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "util.h"

static void test_parse_names(void **state)
{
    static const struct {
        const char *name;
        int key;
    } cases[] = {
        {"j", 'j'},
        {"G", 'G'},
        {"Space", ' '},
        {"space", ' '},
        {"Enter", '\n'},
        {"Tab", '\t'},
        {"S-Tab", KEYC_BTAB},
        {"PgDn", KEYC_PGDN},
        {"PageUp", KEYC_PGUP},
        {"Up", KEYC_UP},
        {"Home", KEYC_HOME},
        {"F1", KEYC_F1},
        {"F12", KEYC_F12},
        {"C-l", 12},
        {"^L", 12},
        {"Ctrl-d", 4},
        {"中", 0x4E2D},
        {"/", '/'},
        {"Esc", 0x1b},
        {"'", '\''},
        {"Backspace", KEYC_BACKSPACE},
        /* a key after Esc (less's ESC-u), or with Alt */
        {"M-u", KEYC_META | 'u'},
        {"Esc-u", KEYC_META | 'u'},
        {"alt-U", KEYC_META | 'U'},
        {"M-F1", KEYC_META | KEYC_F1},
        {"M--", KEYC_META | '-'},
    };

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        if (keys_parse(cases[i].name) != cases[i].key)
            fail_msg("'%s': got %d, want %d", cases[i].name, keys_parse(cases[i].name),
                     cases[i].key);
    }
}

static void test_bad_names(void **state)
{
    static const char *const bad[] = {"",     "jj",   "F0", "F13",   "C-1",   "Hyper-j",
                                      "\x01", "\xff", "M-", "M-M-u", "Esc-jj"};

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
        if (keys_parse(bad[i]) != -1)
            fail_msg("'%s' should not be a key", bad[i]);
}

/* Every key's name reads back as the same key. */
static void test_names_round_trip(void **state)
{
    static const int keys[] = {
        'j',         ' ', '\n', '\t',   0x1b,        KEYC_BTAB,       KEYC_PGDN,
        KEYC_F1 + 4, 12,  '[',  0x4E2D, KEYC_DELETE, KEYC_META | 'u', KEYC_META | 0x1b};
    struct sbuf sb = SBUF_INIT;

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
        sbuf_reset(&sb);
        keys_name(keys[i], &sb);
        assert_int_equal(keys_parse(sb.buf), keys[i]);
    }
    sbuf_release(&sb);
}

static void test_defaults(void **state)
{
    struct keymap m;
    struct sbuf sb = SBUF_INIT;

    (void)state;
    keys_init(&m);
    assert_int_equal(keys_lookup(&m, 'j'), ACT_DOWN);
    assert_int_equal(keys_lookup(&m, KEYC_DOWN), ACT_DOWN);
    assert_int_equal(keys_lookup(&m, ' '), ACT_PAGE_DOWN);
    assert_int_equal(keys_lookup(&m, 'G'), ACT_BOTTOM);
    assert_int_equal(keys_lookup(&m, ']'), ACT_SECTION_NEXT);
    assert_int_equal(keys_lookup(&m, '3'), ACT_SECTION_3);
    assert_int_equal(keys_lookup(&m, KEYC_F1), ACT_HELP);
    assert_int_equal(keys_lookup(&m, 'H'), ACT_HELP);
    assert_int_equal(keys_lookup(&m, 12), ACT_REDRAW);
    assert_int_equal(keys_lookup(&m, 'Z'), ACT_NONE);
    keys_names(&m, ACT_PAGE_DOWN, &sb);
    assert_string_equal(sb.buf, "Space f PgDn C-f");
    sbuf_release(&sb);
    /* no key is bound twice in the table */
    for (int a = 0; a < NR_ACTIONS; a++)
        for (int i = 0; i < KEYS_PER_ACTION && m.keys[a][i]; i++)
            assert_int_equal(keys_lookup(&m, m.keys[a][i]), a);
}

static void test_rebind_moves_a_key(void **state)
{
    struct keymap m;
    char why[128];

    (void)state;
    keys_init(&m);
    assert_int_equal(keys_bind(&m, ACT_SECTION_NEXT, "n ]", why, sizeof(why)), 0);
    assert_int_equal(keys_lookup(&m, 'n'), ACT_SECTION_NEXT);
    assert_int_equal(keys_bind(&m, ACT_QUIT, "j", why, sizeof(why)), 0);
    assert_int_equal(keys_lookup(&m, 'j'), ACT_QUIT);
    assert_int_equal(keys_lookup(&m, 'q'), ACT_NONE);
    assert_int_equal(keys_lookup(&m, KEYC_DOWN), ACT_DOWN); /* down keeps its other keys */
    assert_int_equal(keys_bind(&m, ACT_QUIT, "q Nope", why, sizeof(why)), -1);
    assert_string_equal(why, "'Nope' is not a key");
    assert_int_equal(keys_lookup(&m, 'j'), ACT_QUIT); /* unchanged by the failure */
    assert_int_equal(keys_bind(&m, ACT_QUIT, "  ", why, sizeof(why)), -1);
    assert_int_equal(keys_action("Section_Next"), ACT_SECTION_NEXT);
    assert_int_equal(keys_action("fly"), ACT_NONE);
}

/* Keys the terminal keeps (C-c, C-z) or sends as another (C-m) are
 * refused, in any spelling, and the binding is left as it was. */
static void test_unbindable_keys_are_refused(void **state)
{
    static const struct {
        const char *spec, *why;
    } cases[] = {
        {"C-c", "C-c cannot be bound: the terminal turns it into an interrupt (SIGINT), and it "
                "cancels a prompt"},
        {"x ^C", "C-c cannot be bound: the terminal turns it into an interrupt (SIGINT), and it "
                 "cancels a prompt"},
        {"Ctrl-z", "C-z cannot be bound: the terminal turns it into a suspend (SIGTSTP)"},
        {"C-M", "C-m cannot be bound: the terminal sends it as Enter; bind Enter"},
    };
    struct keymap m;
    char why[160];

    (void)state;
    keys_init(&m);
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        assert_int_equal(keys_bind(&m, ACT_QUIT, cases[i].spec, why, sizeof(why)), -1);
        assert_string_equal(why, cases[i].why);
        assert_int_equal(keys_lookup(&m, 'q'), ACT_QUIT);
        assert_int_equal(keys_lookup(&m, 'x'), ACT_NONE);
    }
    /* their neighbours bind */
    assert_int_equal(keys_bind(&m, ACT_QUIT, "C-x C-j", why, sizeof(why)), 0);
    assert_int_equal(keys_lookup(&m, 'x' - 'a' + 1), ACT_QUIT);
}

/* The man page names every action (the KEYS section is written by hand). */
static void test_man_page_lists_every_action(void **state)
{
    char *man;
    size_t n;
    struct sbuf name = SBUF_INIT;

    (void)state;
    if (util_read_file("man/courtread.1", &man, &n, NULL) < 0) {
        skip(); /* not run from the source tree */
        return;
    }
    for (int a = 0; a < NR_ACTIONS; a++) {
        const char *s = keys_action_name((enum action)a);

        /* section_2..8 are written "section_1 ... section_9" */
        if (a > ACT_SECTION_1 && a < ACT_SECTION_9)
            continue;
        sbuf_reset(&name);
        sbuf_addf(&name, "%s \"", s); /* as in '.BR name " (keys)' */
        if (!strstr(man, name.buf))
            fail_msg("man/courtread.1 does not name the action %s", s);
    }
    sbuf_release(&name);
    free(man);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_names),
        cmocka_unit_test(test_bad_names),
        cmocka_unit_test(test_names_round_trip),
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_rebind_moves_a_key),
        cmocka_unit_test(test_unbindable_keys_are_refused),
        cmocka_unit_test(test_man_page_lists_every_action),
    };
    return cmocka_run_group_tests_name("keys", tests, NULL, NULL);
}
