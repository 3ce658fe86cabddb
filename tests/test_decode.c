/* Unit tests for decode.c: encodings, damage, and what never reaches the model. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "util.h"

static char *dec(const char *raw, size_t n, const char *force, const char **enc)
{
    struct decoded d;
    struct err err;

    assert_int_equal(decode_bytes(raw, n, force, &d, &err), 0);
    if (enc)
        *enc = d.encoding;
    assert_int_equal(strlen(d.text), d.len);
    return d.text;
}

static void expect(const char *raw, size_t n, const char *want)
{
    char *got = dec(raw, n, NULL, NULL);

    assert_string_equal(got, want);
    free(got);
}

static void test_utf8_plain_and_bom(void **state)
{
    const char *enc;
    char *t;

    (void)state;
    expect("中文 text", strlen("中文 text"), "中文 text");
    t = dec("\xEF\xBB\xBF法院", 9, NULL, &enc);
    assert_string_equal(t, "法院");
    assert_string_equal(enc, "UTF-8");
    free(t);
}

static void test_utf16_with_bom(void **state)
{
    const char le[] = "\xFF\xFE\x2D\x4E\x87\x65\x0A\x00"; /* 中文\n */
    const char be[] = "\xFE\xFF\x4E\x2D\x65\x87";
    const char *enc;
    char *t;

    (void)state;
    t = dec(le, sizeof(le) - 1, NULL, &enc);
    assert_string_equal(t, "中文\n");
    assert_string_equal(enc, "UTF-16LE");
    free(t);
    t = dec(be, sizeof(be) - 1, NULL, &enc);
    assert_string_equal(t, "中文");
    free(t);
}

static void test_gb18030(void **state)
{
    /* 法院 in GB18030, then a 4-byte sequence (U+20000) */
    const char gb[] = "\xB7\xA8\xD4\xBA\x95\x32\x82\x36";
    const char *enc;
    char *t;

    (void)state;
    t = dec(gb, sizeof(gb) - 1, NULL, &enc);
    assert_string_equal(t, "法院\xF0\xA0\x80\x80");
    assert_string_equal(enc, "GB18030");
    free(t);
}

static void test_invalid_bytes_become_replacement(void **state)
{
    (void)state;
    /* mostly UTF-8 with one stray byte */
    expect("法院\xFF法庭审判", strlen("法院\xFF法庭审判"), "法院\xEF\xBF\xBD法庭审判");
    /* GB18030 with a byte it cannot read: the rest survives */
    expect("\xB7\xA8\xFF\xD4\xBA", 5, "法\xEF\xBF\xBD院");
}

static void test_forced_encoding(void **state)
{
    struct decoded d;
    struct err err;
    char *t;

    (void)state;
    t = dec("\xB7\xA8\xD4\xBA", 4, "GBK", NULL);
    assert_string_equal(t, "法院");
    free(t);
    assert_int_equal(decode_bytes("x", 1, "NO-SUCH-ENCODING", &d, &err), -1);
    assert_non_null(strstr(err.msg, "unknown encoding"));
    assert_true(decode_encoding_known("GB18030"));
    assert_false(decode_encoding_known("NO-SUCH-ENCODING"));
}

static void test_line_ends_tabs_nul(void **state)
{
    (void)state;
    expect("一\r\n二\r三\n", strlen("一\r\n二\r三\n"), "一\n二\n三\n");
    expect("a\tb", 3, "a b");
    expect("a\0b\0c", 5, "abc");
    expect("页\f页", 7, "页\n页");
}

static void test_escapes_never_survive(void **state)
{
    (void)state;
    expect("\x1B[31m红\x1B[0m", strlen("\x1B[31m红\x1B[0m"), "红");
    expect("\x1B]0;title\x07正文", strlen("\x1B]0;title\x07正文"), "正文");
    expect("\x1B]52;c;ZXZpbA==\x1B\\ok", strlen("\x1B]52;c;ZXZpbA==\x1B\\ok"), "ok");
    expect("a\x1B"
           "cb",
           4, "ab");
    /* C1 CSI (U+009B), bidi override, stray BOM, DEL */
    expect("x\xC2\x9B"
           "31my",
           7, "x31my");
    expect("\xE2\x80\xAE"
           "abc\xEF\xBB\xBF\x7F",
           10, "abc");
}

/* What the fuzzer found: the Arabic letter mark U+061C (a bidi control) is
 * removed like the others; UTF-8-encoded surrogates (ED A0..BF xx) and
 * overlong forms are no UTF-8, in the CJK fast path too, so they never
 * reach the text as they are. */
static void test_bidi_mark_and_surrogates(void **state)
{
    char *t;

    (void)state;
    expect("\xD8\x9C\xE6\xB3\x95\xE2\x80\x8F", 8, "\xE6\xB3\x95");
    t = dec("\xE6\xB3\x95\xED\xA0\x80\xE9\x99\xA2", 9, "UTF-8", NULL);
    assert_null(strstr(t, "\xED\xA0\x80"));
    free(t);
    t = dec("\xE6\xB3\x95\xE0\x80\xAF", 6, "UTF-8", NULL);
    assert_null(strstr(t, "\xE0\x80\xAF"));
    free(t);
}

static void test_binary_is_refused(void **state)
{
    struct decoded d;
    struct err err;
    char png[64] = "\x89PNG\r\n\x1A\n";
    char junk[256];

    (void)state;
    assert_int_equal(decode_bytes(png, sizeof(png), NULL, &d, &err), -1);
    assert_non_null(strstr(err.msg, "PNG"));
    for (size_t i = 0; i < sizeof(junk); i++)
        junk[i] = (char)(i % 7 == 0 ? 0x01 : 0x02);
    assert_int_equal(decode_bytes(junk, sizeof(junk), NULL, &d, &err), -1);
    assert_non_null(strstr(err.msg, "binary"));
}

static void test_empty(void **state)
{
    (void)state;
    expect("", 0, "");
}

/* decode_take(): clean UTF-8 is handed back as the very buffer; text that
 * needs cleaning is cleaned in it; other text gets a new one. */
static void test_take_hands_over(void **state)
{
    struct decoded d;
    struct err err;
    char *buf = xstrdup("法院审理\n一审");
    char *crlf = xstrdup("法院\r\n审理\r\n");
    char *gb = xstrdup("\xB7\xA8\xD4\xBA");

    (void)state;
    assert_int_equal(decode_take(buf, strlen(buf), NULL, &d, &err), 0);
    assert_ptr_equal(d.text, buf);
    assert_string_equal(d.text, "法院审理\n一审");
    free(d.text);
    assert_int_equal(decode_take(crlf, strlen(crlf), NULL, &d, &err), 0);
    assert_ptr_equal(d.text, crlf);
    assert_string_equal(d.text, "法院\n审理\n");
    free(d.text);
    assert_int_equal(decode_take(gb, strlen(gb), NULL, &d, &err), 0);
    assert_string_equal(d.text, "法院");
    assert_string_equal(d.encoding, "GB18030");
    free(d.text);
}

/* The fast path reads sixteen bytes at a time: whatever falls where in a
 * block, at its edges or across them, comes out as a character at a time
 * would have it. Han around each kind of character at every offset. */
static void test_block_edges(void **state)
{
    static const struct {
        const char *in, *out;
    } kinds[] = {
        {"\xE2\x80\x9C", "\xE2\x80\x9C"},         /* a quote: kept */
        {"\xEF\xBC\x8C", "\xEF\xBC\x8C"},         /* a full-width comma: kept */
        {"\xC2\xB7", "\xC2\xB7"},                 /* a middle dot: kept */
        {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"}, /* 4 bytes: kept */
        {"\xE2\x80\xAE", ""},                     /* a bidi override: out */
        {"\xEF\xBB\xBF", ""},                     /* a stray BOM: out */
        {"\xC2\x9B", ""},                         /* a C1 control: out */
        {"\xE2\x80\xA8", "\n"},                   /* a line separator */
        {"\r\n", "\n"},
        {"\t", " "},
        {"\x7F", ""},
        {"\xFF", "\xEF\xBF\xBD"},                 /* not UTF-8: the file is repaired */
        {"\xE6\xB3", "\xEF\xBF\xBD\xEF\xBF\xBD"}, /* cut short: a U+FFFD a byte */
    };

    (void)state;
    for (size_t k = 0; k < ARRAY_SIZE(kinds); k++)
        for (size_t at = 0; at < 40; at++) {
            struct sbuf in = SBUF_INIT, want = SBUF_INIT;

            for (size_t i = 0; i < at; i++)
                sbuf_addstr(&in, i % 3 ? "a" : "");
            for (size_t i = 0; i < at / 3; i++)
                sbuf_addstr(&in, "法");
            sbuf_add(&want, in.buf ? in.buf : "", in.len);
            sbuf_addstr(&in, kinds[k].in);
            sbuf_addstr(&want, kinds[k].out);
            for (size_t i = 0; i < 12; i++) {
                sbuf_addstr(&in, "院审理");
                sbuf_addstr(&want, "院审理");
            }
            expect(in.buf, in.len, want.buf);
            sbuf_release(&in);
            sbuf_release(&want);
        }
}

static void test_sanitise_in_place(void **state)
{
    char s[] = "a\r\nb\x01"
               "c";

    (void)state;
    assert_int_equal(decode_sanitise(s, strlen(s)), 4);
    assert_memory_equal(s, "a\nbc", 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_plain_and_bom),
        cmocka_unit_test(test_utf16_with_bom),
        cmocka_unit_test(test_gb18030),
        cmocka_unit_test(test_invalid_bytes_become_replacement),
        cmocka_unit_test(test_forced_encoding),
        cmocka_unit_test(test_line_ends_tabs_nul),
        cmocka_unit_test(test_escapes_never_survive),
        cmocka_unit_test(test_bidi_mark_and_surrogates),
        cmocka_unit_test(test_binary_is_refused),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_take_hands_over),
        cmocka_unit_test(test_block_edges),
        cmocka_unit_test(test_sanitise_in_place),
    };
    return cmocka_run_group_tests_name("decode", tests, NULL, NULL);
}
