/* Unit tests for report_file.c: the file line of a place in the clean text
 * (paragraphs joined, indents dropped, a phrase said twice), a place that
 * is not in the file, and reading a file with its size and encoding. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report_file.h"
#include "util.h"

/* The line of the clean text's first occurrence of what (after skip
 * occurrences). */
static size_t line_of(const char *file, const char *text, const char *what, int skip)
{
    const char *at = strstr(text, what);

    while (at && skip--)
        at = strstr(at + 1, what);
    assert_non_null(at);
    return report_file_line(file, strlen(file), text, strlen(text), (size_t)(at - text));
}

static void test_line_of_a_place(void **state)
{
    /* a column-wrapped file with indents; the clean text joins them */
    static const char file[] = "柳溪县法院召开会议\n"
                               "\n"
                               "　　本报讯 近日，柳溪县人民\n"
                               "法院召开审判委员会会议，研\n"
                               "究调解工作。\n"
                               "\n"
                               "　　会议指出，调解工作要做\n"
                               "实做细。会议要求，调解工作\n"
                               "要贴近群众。\n";
    static const char text[] = "柳溪县法院召开会议\n"
                               "本报讯 近日，柳溪县人民法院召开审判委员会会议，研究调解工作。\n"
                               "会议指出，调解工作要做实做细。会议要求，调解工作要贴近群众。\n";

    (void)state;
    assert_int_equal(line_of(file, text, "柳溪县法院", 0), 1);
    assert_int_equal(line_of(file, text, "本报讯", 0), 3);
    /* a layout line that starts inside a paragraph, across a line end of the file */
    assert_int_equal(line_of(file, text, "法院召开审判", 0), 4);
    assert_int_equal(line_of(file, text, "究调解", 0), 5);
    /* the same words twice: the second is the file's second */
    assert_int_equal(line_of(file, text, "会议", 0), 1);
    assert_int_equal(line_of(file, text, "会议要求", 0), 8);
    assert_int_equal(line_of(file, text, "调解工作要", 0), 7);
    assert_int_equal(line_of(file, text, "调解工作要", 1), 8);
}

/* Words the cleaning changed: the characters a little further on are
 * looked for; nothing at all in common: 0. */
static void test_line_when_changed(void **state)
{
    static const char file[] = "标题行\n&nbsp;第二段落内容在这里\n";
    static const char text[] = "标题行\n 第二段落内容在这里\n";
    static const char other[] = "完全不同的文字\n";

    (void)state;
    assert_int_equal(line_of(file, text, " 第二", 0), 2);
    assert_int_equal(report_file_line(file, strlen(file), other, strlen(other), 0), 0);
    /* past the end: no crash, nothing there */
    assert_int_equal(report_file_line(file, strlen(file), text, strlen(text), 999), 0);
}

static void test_read(void **state)
{
    char path[] = "/tmp/courtread-report-file-XXXXXX";
    int fd = mkstemp(path);
    /* 调解 in GB18030, then a line */
    static const char gb[] = "\xb5\xf7\xbd\xe2\n\xb5\xf7\xbd\xe2";
    struct report_file f;
    struct report_stamp again;
    struct err err;

    (void)state;
    assert_true(fd >= 0);
    assert_int_equal(write(fd, gb, sizeof(gb) - 1), (ssize_t)(sizeof(gb) - 1));
    close(fd);
    assert_int_equal(report_file_read(&f, path, NULL, &err), 0);
    assert_string_equal(f.encoding, "GB18030");
    assert_string_equal(f.text, "调解\n调解");
    assert_int_equal(f.lines, 2);
    assert_int_equal(f.stamp.size, sizeof(gb) - 1);
    assert_int_equal(report_stamp_get(path, &again, &err), 0);
    assert_true(report_stamp_same(&f.stamp, &again));
    report_file_release(&f);
    unlink(path);
    assert_int_equal(report_file_read(&f, path, NULL, &err), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_line_of_a_place),
        cmocka_unit_test(test_line_when_changed),
        cmocka_unit_test(test_read),
    };

    return cmocka_run_group_tests_name("report_file", tests, NULL, NULL);
}
