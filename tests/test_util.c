/* Unit tests for util.c: what may reach a terminal from outside (file names,
 * config values, library messages) is made printable, and valid text is left
 * as it is. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *printable_of(const char *s, size_t n)
{
    static char buf[256];
    struct sbuf sb = SBUF_INIT;

    sbuf_add_printable(&sb, s, n);
    snprintf(buf, sizeof(buf), "%s", sb.buf ? sb.buf : "");
    sbuf_release(&sb);
    return buf;
}

/* a string literal, its length without the NUL (some hold bytes a NUL can follow) */
#define P(lit) printable_of((lit), sizeof(lit) - 1)

static void test_valid_text_unchanged(void **state)
{
    (void)state;
    assert_string_equal(P("城关法庭 2025.txt"), "城关法庭 2025.txt");
    assert_string_equal(P(""), "");
}

/* escape and control sequences: SGR colours, an OSC title, a bell, C1 CSI */
static void test_controls_shown(void **state)
{
    (void)state;
    assert_string_equal(P("a\033[31mb"), "a\\x1B[31mb");
    assert_string_equal(P("\033]0;t\007"), "\\x1B]0;t\\x07");
    assert_string_equal(P("x\ny\r\t"), "x\\x0Ay\\x0D\\x09");
    assert_string_equal(P("\xc2\x9b"
                          "2J"),
                        "\\x9B2J"); /* U+009B, the C1 CSI */
    assert_string_equal(P("\x7f"), "\\x7F");
}

/* bytes that are not UTF-8: a GBK name, a cut character, a surrogate */
static void test_invalid_bytes_shown(void **state)
{
    (void)state;
    assert_string_equal(P("\xb7\xa8.txt"), "\\xB7\\xA8.txt");
    assert_string_equal(P("\xe6\xb3"), "\\xE6\\xB3");
    assert_string_equal(P("\xed\xa0\x80"), "\\xED\\xA0\\x80");
}

/* bidi controls that would make one name show as another */
static void test_bidi_shown(void **state)
{
    (void)state;
    assert_string_equal(P("a\xe2\x80\xaet"), "a\\u{202E}t");
    assert_string_equal(P("\xd8\x9c"), "\\u{061C}");
    assert_string_equal(P("\xe2\x81\xa6"), "\\u{2066}");
}

/* err_set and msgs_add make what they format printable */
static void test_messages_printable(void **state)
{
    struct err e;
    struct msgs m = {0};

    (void)state;
    err_set(&e, "%s: no", "a\033[2Jb");
    assert_string_equal(e.msg, "a\\x1B[2Jb: no");
    msgs_add(&m, "'%s'", "\033c");
    assert_string_equal(m.v[0], "'\\x1Bc'");
    msgs_release(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_text_unchanged), cmocka_unit_test(test_controls_shown),
        cmocka_unit_test(test_invalid_bytes_shown),  cmocka_unit_test(test_bidi_shown),
        cmocka_unit_test(test_messages_printable),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
