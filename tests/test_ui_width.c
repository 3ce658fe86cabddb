/*
 * Unit test for ui_width.c: ncursesw, drawing into a terminal that goes
 * nowhere, advances by the widths the layout uses, ambiguous 1 and 2.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_width.h"
#include "width.h"

/* Columns the cursor moves when curses draws s. */
static int drawn(const wchar_t *s)
{
    int y, x;

    move(0, 0);
    clrtoeol();
    addwstr(s);
    getyx(stdscr, y, x);
    (void)y;
    return x;
}

static void test_curses_agrees(void **state)
{
    static const wchar_t text[] = L"\u201c\u4e2d\u201d\u00b7\u25cf\u2026ab\u3002";
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    SCREEN *sc;

    (void)state;
    if (!setlocale(LC_ALL, "C.UTF-8"))
        skip();
    sc = newterm("xterm", out, in);
    if (!sc)
        skip(); /* no terminfo entry here */
    for (int amb = 1; amb <= 2; amb++) {
        char utf8[64] = "“中”·●…ab。";
        int want = (int)width_of_text(utf8, strlen(utf8), amb);

        ui_width_set_ambiguous(amb);
        assert_int_equal(drawn(text), want);
    }
    endwin();
    delscreen(sc);
    fclose(out);
    fclose(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_curses_agrees),
    };
    return cmocka_run_group_tests_name("ui_width", tests, NULL, NULL);
}
