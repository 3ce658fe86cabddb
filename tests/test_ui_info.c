/* Unit tests for ui_info.c's lines: the path made printable, every court
 * named, the size with its thousands, the place; a report from standard
 * input says why its encoding is not known. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "report.h"
#include "report_file.h"
#include "ui_info.h"
#include "util.h"

static const char text[] =
    "柳溪县法院开展巡回审判\n"
    "2024-03-05\n"
    "\n"
    "近日，柳溪县人民法院与青桐市中级人民法院在集市上开庭审理了一起借款纠纷。\n";

static void test_lines(void **state)
{
    struct report *r = report_parse("lib/a\033[31m.txt", text, strlen(text), false);
    struct report_file f = {0};
    struct info_place place = {42, 7, 3};
    struct sbuf out = SBUF_INIT;

    (void)state;
    f.encoding = "GB18030";
    f.stamp.size = 1234567;
    f.lines = 4;
    ui_info_text(r, &f, NULL, &place, &out);
    assert_non_null(
        strstr(out.buf, "File\tlib/a\\x1B[31m.txt\n")); /* no escape reaches the screen */
    assert_non_null(strstr(out.buf, "Date\t2024-03-05\n"));
    assert_non_null(strstr(out.buf, "柳溪县人民法院"));
    assert_non_null(strstr(out.buf, "青桐市中级人民法院"));
    assert_non_null(strstr(out.buf, "Encoding\tGB18030\n"));
    assert_non_null(strstr(out.buf, "Size\t1,234,567 bytes, 4 lines; "));
    assert_non_null(strstr(out.buf, "Position\t42%, line 7 on screen, line 3 of the file\n"));
    sbuf_release(&out);
    report_free(r);
}

static void test_standard_input(void **state)
{
    struct report *r = report_parse("-", text, strlen(text), false);
    struct info_place place = {100, 1, 0};
    struct sbuf out = SBUF_INIT;

    (void)state;
    ui_info_text(r, NULL, "not known (read from standard input)", &place, &out);
    assert_non_null(strstr(out.buf, "File\tstandard input\n"));
    assert_non_null(strstr(out.buf, "Encoding\tnot known (read from standard input)\n"));
    assert_non_null(strstr(out.buf, "Position\t100%, line 1 on screen\n"));
    sbuf_release(&out);
    report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines),
        cmocka_unit_test(test_standard_input),
    };

    return cmocka_run_group_tests_name("ui_info", tests, NULL, NULL);
}
