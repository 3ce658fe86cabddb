/* Unit tests for prompt.c: typing, moving and deleting by whole characters
 * (wide ones, and a base with its combining mark), C-u and C-w, history. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>
#include <unistr.h>

#include "keys.h"
#include "prompt.h"
#include "state.h"

/* Type the UTF-8 string s, a character at a time (as an input method
 * delivers it over SSH). */
static void type(struct prompt *p, const char *s)
{
    size_t len = strlen(s);

    for (size_t i = 0; i < len;) {
        ucs4_t c;
        int n = u8_mbtouc(&c, (const uint8_t *)s + i, len - i);

        assert_int_equal(prompt_key(p, (int)c), PROMPT_EDITED);
        i += (size_t)n;
    }
}

static void test_type_and_move(void **state)
{
    struct prompt p;

    (void)state;
    prompt_init(&p, NULL);
    type(&p, "法官12");
    assert_string_equal(p.text.buf, "法官12");
    assert_int_equal(prompt_key(&p, KEYC_LEFT), PROMPT_MOVED);
    assert_int_equal(prompt_key(&p, KEYC_LEFT), PROMPT_MOVED);
    assert_int_equal(prompt_key(&p, KEYC_LEFT), PROMPT_MOVED); /* before 官 */
    assert_int_equal(p.cursor, 3);
    type(&p, "院");
    assert_string_equal(p.text.buf, "法院官12");
    assert_int_equal(prompt_key(&p, KEYC_BACKSPACE), PROMPT_EDITED);
    assert_string_equal(p.text.buf, "法官12");
    assert_int_equal(prompt_key(&p, KEYC_DELETE), PROMPT_EDITED);
    assert_string_equal(p.text.buf, "法12");
    assert_int_equal(prompt_key(&p, KEYC_HOME), PROMPT_MOVED);
    assert_int_equal(prompt_key(&p, KEYC_LEFT), PROMPT_IGNORED);
    assert_int_equal(prompt_key(&p, KEYC_END), PROMPT_MOVED);
    assert_int_equal(prompt_key(&p, KEYC_RIGHT), PROMPT_IGNORED);
    assert_int_equal(prompt_key(&p, '\n'), PROMPT_ACCEPT);
    assert_int_equal(prompt_key(&p, 0x1b), PROMPT_CANCEL);
    assert_int_equal(prompt_key(&p, KEYC_F1), PROMPT_IGNORED);
    prompt_release(&p);
}

static void test_combining_marks_go_with_their_base(void **state)
{
    struct prompt p;

    (void)state;
    prompt_init(&p, NULL);
    type(&p, "cafe\xCC\x81");
    assert_int_equal(prompt_key(&p, KEYC_LEFT), PROMPT_MOVED);
    assert_int_equal(p.cursor, 3); /* before e + acute */
    assert_int_equal(prompt_key(&p, KEYC_RIGHT), PROMPT_MOVED);
    assert_int_equal(p.cursor, 6);
    assert_int_equal(prompt_key(&p, KEYC_BACKSPACE), PROMPT_EDITED);
    assert_string_equal(p.text.buf, "caf");
    prompt_release(&p);
}

static void test_kill_keys(void **state)
{
    struct prompt p;

    (void)state;
    prompt_init(&p, NULL);
    type(&p, "人民法院 审判  ");
    assert_int_equal(prompt_key(&p, 23), PROMPT_EDITED); /* C-w */
    assert_string_equal(p.text.buf, "人民法院 ");
    assert_int_equal(prompt_key(&p, 23), PROMPT_EDITED);
    assert_string_equal(p.text.buf, "");
    assert_int_equal(prompt_key(&p, 23), PROMPT_IGNORED);
    type(&p, "甲乙丙");
    prompt_key(&p, KEYC_LEFT);
    assert_int_equal(prompt_key(&p, 21), PROMPT_EDITED); /* C-u: before the cursor */
    assert_string_equal(p.text.buf, "丙");
    assert_int_equal(p.cursor, 0);
    prompt_release(&p);
}

static void test_history(void **state)
{
    struct state_history h = {0};
    struct prompt p;

    (void)state;
    state_history_add(&h, "法官");
    state_history_add(&h, "调解");
    state_history_add(&h, "法官"); /* again: now the newest */
    assert_int_equal(h.nr, 2);
    assert_string_equal(h.v[1], "法官");
    prompt_init(&p, &h);
    type(&p, "未完");
    assert_int_equal(prompt_key(&p, KEYC_UP), PROMPT_EDITED);
    assert_string_equal(p.text.buf, "法官");
    assert_int_equal(prompt_key(&p, KEYC_UP), PROMPT_EDITED);
    assert_string_equal(p.text.buf, "调解");
    assert_int_equal(prompt_key(&p, KEYC_UP), PROMPT_IGNORED);
    assert_int_equal(prompt_key(&p, KEYC_DOWN), PROMPT_EDITED);
    assert_int_equal(prompt_key(&p, KEYC_DOWN), PROMPT_EDITED);
    assert_string_equal(p.text.buf, "未完"); /* what was being typed comes back */
    assert_int_equal(prompt_key(&p, KEYC_DOWN), PROMPT_IGNORED);
    prompt_release(&p);
    state_history_release(&h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_type_and_move),
        cmocka_unit_test(test_combining_marks_go_with_their_base),
        cmocka_unit_test(test_kill_keys),
        cmocka_unit_test(test_history),
    };
    return cmocka_run_group_tests_name("prompt", tests, NULL, NULL);
}
