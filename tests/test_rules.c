/* Unit tests for rules.c: one table per kind of line. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "rules.h"
#include "util.h"

static void test_markers(void **state)
{
    static const struct {
        const char *line;
        enum marker mark;
        const char *rest;
    } cases[] = {
        {"一、坚持政治建警", MARK_CN, "坚持政治建警"},
        {"十二、其他", MARK_CN, "其他"},
        {"（一）建立分级机制", MARK_CN_PAREN, "建立分级机制"},
        {"(3) 加强学习", MARK_NUM_PAREN, "加强学习"},
        {"1 聚焦政治建设 筑牢忠诚根基", MARK_NUM, "聚焦政治建设 筑牢忠诚根基"},
        {"2.聚焦强基固本", MARK_NUM, "聚焦强基固本"},
        {"３、全角数字", MARK_NUM, "全角数字"},
        {"第一章 总则", MARK_CHAPTER, "总则"},
        {"第二部分　主要工作", MARK_CHAPTER, "主要工作"},
        {"■ 巡回审判上海岛", MARK_SYMBOL, "巡回审判上海岛"},
        {"◆强化监督", MARK_SYMBOL, "强化监督"},
        /* numbers that are not headings */
        {"2025年，该院", MARK_NONE, NULL},
        {"1.5亿元", MARK_NONE, NULL},
        {"12368热线", MARK_NONE, NULL},
        {"一是加强学习", MARK_NONE, NULL},
        {"第一时间", MARK_NONE, NULL},
        {"1 2 3", MARK_NONE, NULL},
    };
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        size_t ml;
        enum marker m = rules_marker(cases[i].line, strlen(cases[i].line), &ml);

        assert_int_equal(m, cases[i].mark);
        if (cases[i].rest)
            assert_string_equal(cases[i].line + ml, cases[i].rest);
    }
}

static void test_noise(void **state)
{
    static const char *const noise[] = {
        "当前位置：首页 > 新闻中心 > 法院动态",
        "首页 > 审判动态",
        "首页 | 法院概况 | 新闻中心 | 审判动态 | 诉讼服务",
        "【字号：大 中 小】　【打印本页】　【关闭窗口】",
        "责任编辑：孙梅　　审核：王立",
        "分享到：微信 微博 QQ空间",
        "上一篇：鹤汀区法院召开执行工作推进会",
        "版权所有：某某人民法院　　ICP备00000000号",
        "https://example.org/news/1.html",
        "————————————",
        "Copyright © 2025 All rights reserved",
        "本版编辑 张三 美术编辑 李四",
        "第3版",
        "A4版 法治新闻",
        "第三版 法院新闻",
    };
    static const char *const text[] = {
        "该院坚持以人民为中心，推动审判工作高质量发展。",
        "坚持党建统领 永葆政治本色",
        "本报记者 顾川 通讯员 苏蔓",
        "12368热线",
        "党建引领",
        "新版诉讼服务指南",
        "该院出版了调研文集，共计三版。",
    };
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(noise); i++)
        assert_true(rules_is_noise(noise[i], strlen(noise[i]), NULL));
    for (size_t i = 0; i < ARRAY_SIZE(text); i++)
        assert_false(rules_is_noise(text[i], strlen(text[i]), NULL));
}

static void test_bylines(void **state)
{
    static const struct {
        const char *line;
        bool top;
        const char *want; /* NULL: not a byline */
    } cases[] = {
        {"本报通讯员●余丽●武学敏", true, "本报通讯员 余丽 武学敏"},
        {"本报记者●王祯", true, "本报记者 王祯"},
        {"■本报记者 顾川 通讯员 苏蔓", true, "本报记者 顾川 通讯员 苏蔓"},
        {"（记者 张三 通讯员 李四）", true, "记者 张三 通讯员 李四"},
        {"作者：许清和", true, "作者 许清和"},
        {"文/王小明", true, "文 王小明"},
        {"■ 张三 李四", true, "张三 李四"},
        {"■ 巡回审判上海岛", true, NULL},
        {"■ 张三 李四", false, NULL},
        {"记者从市中级人民法院获悉，该院今年审结案件一万件。", true, NULL},
        {"记者了解到", true, NULL},
        {"本报记者王祯", true, "本报记者 王祯"},
        {"本报记者●阿拉坦", true, "本报记者 阿拉坦"},
    };
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        struct sbuf sb = SBUF_INIT;
        bool yes = rules_byline(cases[i].line, strlen(cases[i].line), cases[i].top, &sb);

        if (cases[i].want) {
            assert_true(yes);
            assert_string_equal(sb.buf, cases[i].want);
        } else {
            assert_false(yes);
        }
        sbuf_release(&sb);
    }
}

static void test_dates(void **state)
{
    static const struct {
        const char *line;
        const char *date;
        bool line_only;
    } cases[] = {
        {"2024年3月5日", "2024-03-05", true},
        {"2024-03-05 09:30:00", "2024-03-05", true},
        {"2024/3/5", "2024-03-05", true},
        {"发布时间：2025-06-18 09:30:00", "2025-06-18", true},
        {"2023年12月1日 星期五", "2023-12-01", true},
        {"2017年8月,自治区召开研讨会", NULL, false},
        {"2017年8月5日,自治区召开研讨会", "2017-08-05", false},
        {"共审结案件2024件，3月5日前完成", NULL, false},
        {"12345年1月1日", NULL, false},
        {"某某日报 2024年3月5日 星期二 第3版", "2024-03-05", true},
        {"审结案件 2024年3月5日", "2024-03-05", false},
    };
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        char d[11];
        const char *s = cases[i].line;
        bool found = rules_find_date(s, strlen(s), d);

        if (cases[i].date) {
            assert_true(found);
            if (cases[i].line_only)
                assert_string_equal(d, cases[i].date);
        } else {
            assert_false(found);
        }
        assert_int_equal(rules_is_date_line(s, strlen(s), NULL), cases[i].line_only);
    }
}

static void test_meta_lines(void **state)
{
    const char *meta = "发布时间：2025-06-18 09:30:00　　来源：某某人民法院　　作者：许清和";
    const char *body = "该院来源广泛的调解力量不断壮大，发布了多项便民举措，受到群众欢迎和好评，"
                       "群众满意度持续提升，各项工作取得了明显成效，得到上级法院的充分肯定。"
                       "今年以来，该院共组织开展各类活动三十余场次，覆盖群众上万人次。";
    (void)state;
    assert_true(rules_is_meta_line(meta, strlen(meta), NULL));
    assert_false(rules_is_meta_line(body, strlen(body), NULL));
}

static void test_signoffs(void **state)
{
    static const struct {
        const char *line;
        const char *want;
    } cases[] = {
        {"(金豆)", "金豆"},
        {"（祁悦 伊田田）", "祁悦 伊田田"},
        {"（李娇、王强）", "李娇 王强"},
        {"（本报记者 张三 通讯员 李四）", "张三 李四"},
        {"（编辑 张三）", NULL},
        {"（完）", NULL},
        {"（一）建立机制", NULL},
        {"（本文作者单位：某某法院）", NULL},
    };
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        struct sbuf sb = SBUF_INIT;
        bool yes = rules_signoff(cases[i].line, strlen(cases[i].line), &sb);

        assert_int_equal(yes, cases[i].want != NULL);
        if (yes)
            assert_string_equal(sb.buf, cases[i].want);
        sbuf_release(&sb);
    }
}

static void test_caption_markers(void **state)
{
    (void)state;
    assert_true(rules_caption_marker("图为法官在调解纠纷", strlen("图为法官在调解纠纷")));
    assert_true(rules_caption_marker("▲ 巡回审判现场", strlen("▲ 巡回审判现场")));
    assert_false(rules_caption_marker("图书馆建成开放", strlen("图书馆建成开放")));
}

static void test_unjustify(void **state)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"始 终 坚 持 党 对 司 法 工 作 的 绝 对 领", "始终坚持党对司法工作的绝对领"},
        {"化 建 设 ，制 定 支 部 考 核 细 则 ，严 格 执 行", "化建设，制定支部考核细则，严格执行"},
        {"牢 固 树 立“ 崇 德 尚 绩 ”选 人 用 人 导", "牢固树立“崇德尚绩”选人用人导"},
        {"坚持党建统领 永葆政治本色", "坚持党建统领 永葆政治本色"},
        {"分解为 14 项具体举措", "分解为 14 项具体举措"},
        {"The quick brown fox", "The quick brown fox"},
        /* spread with one space after every character, digits and commas
         * too; a space of the text itself shows as three */
        {"拉 开 序 幕 ， 6 月 1", "拉开序幕，6月1"},
        {"审 结 案 件 2 0 2   件 ，", "审结案件202 件，"},
        {"a b c d e", "a b c d e"},
    };
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        struct sbuf sb = SBUF_INIT;

        rules_unjustify(cases[i].in, strlen(cases[i].in), NULL, &sb);
        assert_string_equal(sb.buf, cases[i].out);
        sbuf_release(&sb);
    }
}

static void test_heading_ends(void **state)
{
    (void)state;
    assert_true(rules_heading_end_ok("加强政治建设", strlen("加强政治建设")));
    assert_false(rules_heading_end_ok("开展主题党日活动的", strlen("开展主题党日活动的")));
    assert_false(rules_heading_end_ok("人民法院坚持以", strlen("人民法院坚持以")));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markers),         cmocka_unit_test(test_noise),
        cmocka_unit_test(test_bylines),         cmocka_unit_test(test_dates),
        cmocka_unit_test(test_meta_lines),      cmocka_unit_test(test_signoffs),
        cmocka_unit_test(test_caption_markers), cmocka_unit_test(test_unjustify),
        cmocka_unit_test(test_heading_ends),
    };
    return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
