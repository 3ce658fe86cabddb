/* Unit tests for court.c and court_special.c: recognition, normalisation,
 * context, parents (the tree itself: test_court_tree.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "court.h"
#include "court_special.h"
#include "gazetteer.h"
#include "report.h"
#include "text.h"
#include "util.h"

/* The courts (not collectives) named in text, joined by "|". */
static char *courts_in(const char *text)
{
    struct court_mentions m = {0};
    struct sbuf sb = SBUF_INIT;

    court_scan(text, strlen(text), &m);
    sbuf_addstr(&sb, "");
    for (size_t i = 0; i < m.nr; i++) {
        if (m.v[i].level == COURT_COLLECTIVE)
            continue;
        if (sb.len)
            sbuf_addch(&sb, '|');
        sbuf_addstr(&sb, m.v[i].name);
    }
    court_mentions_release(&m);
    return sbuf_detach(&sb, NULL);
}

static void expect_courts(const char *text, const char *want)
{
    char *got = courts_in(text);

    assert_string_equal(got, want);
    free(got);
}

/*
 * A report made here: a title block, then paragraphs; its courts found with
 * chrome as the page furniture. Returns the courts joined by "|", with "-"
 * in front when the report has no main court.
 */
static char *report_courts(const char *title, const char *body, const char *chrome,
                           struct report **out)
{
    struct report *r = xcalloc(1, sizeof(*r));
    struct sbuf text = SBUF_INIT, sb = SBUF_INIT;
    size_t nb = 0;

    r->blocks = xcalloc(16, sizeof(*r->blocks));
    if (title) {
        r->blocks[nb++] = (struct block){BLOCK_TITLE, 0, 0, strlen(title)};
        sbuf_addstr(&text, title);
        sbuf_addch(&text, '\n');
    }
    for (const char *p = body; p && *p && nb < 16;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);

        r->blocks[nb++] = (struct block){BLOCK_PARA, 0, text.len, n};
        sbuf_add(&text, p, n);
        sbuf_addch(&text, '\n');
        p += n + (nl != NULL);
    }
    r->nr_blocks = nb;
    r->len = text.len;
    r->text = sbuf_detach(&text, NULL);
    court_find_report(r, chrome ? chrome : "", chrome ? strlen(chrome) : 0);
    sbuf_addstr(&sb, r->main_court || !r->nr_courts ? "" : "-");
    for (size_t i = 0; i < r->nr_courts; i++) {
        if (i)
            sbuf_addch(&sb, '|');
        sbuf_addstr(&sb, r->courts[i]);
    }
    if (out)
        *out = r;
    else
        report_free(r);
    return sbuf_detach(&sb, NULL);
}

static void expect_report(const char *title, const char *body, const char *chrome, const char *want)
{
    char *got = report_courts(title, body, chrome, NULL);

    assert_string_equal(got, want);
    free(got);
}

static void expect_parent(const char *name, const char *want)
{
    char *p = court_parent_name(name);

    if (!want) {
        assert_null(p);
        return;
    }
    assert_non_null(p);
    assert_string_equal(p, want);
    free(p);
}

/* Full names of known places: the court's own name, without the province. */
static void test_full_names(void **state)
{
    (void)state;
    expect_courts("这是鄂尔多斯市中级人民法院的法官", "鄂尔多斯市中级人民法院");
    expect_courts("内蒙古自治区高级人民法院的网站", "内蒙古自治区高级人民法院");
    expect_courts("他们来到海南区人民法院的大楼", "乌海市海南区人民法院");
    expect_courts("鄂尔多斯市鄂托克旗人民法院的地址", "鄂托克旗人民法院");
    expect_courts("湖北省赤壁市人民法院的网站", "赤壁市人民法院");
    expect_courts("湖北省武汉市江汉区人民法院的网站", "武汉市江汉区人民法院");
    expect_courts("呼和浩特铁路运输法院的地址", "呼和浩特铁路运输法院");
    expect_courts("最高人民法院的网站", "最高人民法院");
    expect_courts("和林格尔县人民法院", "和林格尔县人民法院");
    expect_courts("喀什地区中级人民法院的法官", "喀什地区中级人民法院");
    expect_courts("锡林郭勒盟中级人民法院", "锡林郭勒盟中级人民法院");
}

/* The words before a name are never part of it. */
static void test_words_before_a_name(void **state)
{
    (void)state;
    expect_courts("牧区里驻守着克什克腾旗人民法院的法官", "克什克腾旗人民法院");
    expect_courts("——记湖南省高级人民法院的一位法官", "湖南省高级人民法院");
    expect_courts("他们走进罗源县人民法院", "罗源县人民法院");
    expect_courts("2023年3月5日武乡县人民法院的法官", "武乡县人民法院");
    expect_courts("北京市海淀区人民法院和和县人民法院", "北京市海淀区人民法院|和县人民法院");
    /* a bare level word has no place without a report around it */
    expect_courts("会上提到县人民法院的法官", "");
    expect_courts("她以市中级人民法院的名义发言", "");
    /* the municipalities' intermediate courts are numbered: no such court */
    expect_courts("北京市中级人民法院", "");
}

static void test_short_forms(void **state)
{
    (void)state;
    expect_courts("海勃湾区法院的法官", "乌海市海勃湾区人民法院");
    expect_courts("乌海市中院的大楼", "乌海市中级人民法院");
    expect_courts("佳木斯中院的法官", "佳木斯市中级人民法院");
    expect_courts("喀什中院的地址", "喀什地区中级人民法院");
    expect_courts("延边中院的网站", "延边朝鲜族自治州中级人民法院");
    expect_courts("他们来到内蒙古高院", "内蒙古自治区高级人民法院");
    expect_courts("湖南高院的网站", "湖南省高级人民法院");
    expect_courts("蒙山法院的地址", "蒙山县人民法院");
    expect_courts("克什克腾法院", "克什克腾旗人民法院");
    expect_courts("江汉法院的法官", "武汉市江汉区人民法院");
    expect_courts("深圳福田法院的网站", "深圳市福田区人民法院");
    expect_courts("海淀法院的地址", "北京市海淀区人民法院");
    /* a short form of several kinds of place, and nothing to say which */
    expect_courts("朝阳法院的地址", "");
    expect_courts("包头市的地图。包头中院的地址", "包头市中级人民法院");
}

static void test_special_courts(void **state)
{
    (void)state;
    expect_courts("成铁中院的网站", "成都铁路运输中级法院");
    expect_courts("成都铁路运输中级法院", "成都铁路运输中级法院");
    expect_courts("北京一中院的地址", "北京市第一中级人民法院");
    expect_courts("重庆市第五中级人民法院", "重庆市第五中级人民法院");
    expect_courts("重庆五中院", "重庆市第五中级人民法院");
    expect_courts("海南省第一中级人民法院", "海南省第一中级人民法院");
    expect_courts("最高法院的网站", "最高人民法院");
    expect_courts("最高院", "最高人民法院");
    expect_courts("最高法的网站", "最高人民法院");
    expect_courts("最高法第一巡回法庭", "最高人民法院第一巡回法庭");
    expect_courts("兵团第八师中级人民法院", "新疆生产建设兵团第八师中级人民法院");
    expect_courts("兵团分院", "新疆维吾尔自治区高级人民法院生产建设兵团分院");
    expect_courts("八师中院", "新疆生产建设兵团第八师中级人民法院");
    expect_courts("济源中院", "济源中级人民法院");
    expect_courts("广州海事法院", "广州海事法院");
    expect_courts("北京互联网法院", "北京互联网法院");
    expect_courts("苏州工业园区法院", "苏州工业园区人民法院");
    expect_courts("重庆破产法庭", "重庆破产法庭");
    /* a special court the table leaves out keeps its name as written */
    expect_courts("天津铁路运输法院", "天津铁路运输法院");
    /* and its short forms are written in full */
    expect_courts("兰州铁路法院的法官", "兰州铁路运输法院");
    expect_courts("郑州铁路中院", "郑州铁路运输中级法院");
    expect_courts("北京知产法院", "北京知识产权法院");
    expect_courts("关于铁路法院的规定", "");
    /* and its circuit tribunal is named with it */
    expect_courts("广州海事法院湛江巡回法庭", "广州海事法院|广州海事法院湛江巡回法庭");
}

static void test_generic_mentions_are_not_courts(void **state)
{
    (void)state;
    expect_courts("全市法院、两级法院和人民法庭", "");
    expect_courts("全省法院、全区法院、全国法院", "");
    expect_courts("他们来到自治区高院", "");
    /* 自 alone before 法院 at the text's start: no level word, and nothing
     * read before the text (the fuzzer's; make san checks it) */
    expect_courts("自法院", "");
    expect_courts("各自法院", "");
    expect_courts("上级法院、基层法院、全国优秀法院", "");
    expect_courts("加强人民法庭的建设，推动人民法庭工作", "");
    expect_courts("打造“海岛法庭”品牌和“马背法庭”", "");
    expect_courts("乌海市两级法院提升质效", "");
    expect_courts("提任中院干部", "");
    expect_courts("全市法院和人民法庭的干警", "");
    expect_courts("深圳法院、包头法院、湖北法院", "");
    expect_courts("各地的海事法院、少年法庭和巡回法庭", "");
    expect_courts("人民法院新闻传媒总社", "");
    expect_courts("该院民三庭、执行局", "");
    /* a campaign's name, though 平安 is also short for 平安区 */
    expect_courts("建设平安法院", "");
    expect_courts("平安区人民法院", "海东市平安区人民法院");
    /* a court's numbered items are its document, not the court */
    expect_courts("依照霁川市中级人民法院8项举措", "");
    expect_courts("霁川市中级人民法院2024年的工作", "霁川市中级人民法院");
}

static void test_collectives(void **state)
{
    struct court_mentions m = {0};
    const char *t = "乌海市两级法院提升质效。鄂尔多斯市中级人民法院和深圳法院队伍";

    (void)state;
    court_scan(t, strlen(t), &m);
    assert_int_equal(m.nr, 3);
    assert_int_equal(m.v[0].level, COURT_COLLECTIVE);
    assert_string_equal(m.v[0].name, "乌海市");
    assert_int_equal(m.v[2].level, COURT_COLLECTIVE);
    assert_string_equal(m.v[2].name, "深圳市");
    court_mentions_release(&m);
}

/* Places the gazetteer does not know: a complete name at a clear boundary. */
static void test_unknown_places(void **state)
{
    (void)state;
    expect_courts("霁川市苍砚旗人民法院坚持", "霁川市苍砚旗人民法院");
    expect_courts("，澜屿市中级人民法院", "澜屿市中级人民法院");
    expect_courts("组织干警赴鹤汀区法院交流", "鹤汀区人民法院");
    expect_courts("白鹭湾区人民法院", "白鹭湾区人民法院");
    expect_courts("，白鹭湾区人民法院", "白鹭湾区人民法院");
    /* after a word that stands before names (考察, 审理) the name is what follows it */
    expect_courts("考察澜屿市中级人民法院", "澜屿市中级人民法院");
    expect_courts("考察霁川市苍砚旗人民法院", "霁川市苍砚旗人民法院");
    /* not after any other word: there the level word is the report's own place's */
    expect_courts("上级指导县人民法院", "");
    /* 桐岚县 ends in the name of a real county (岚县): the whole name counts */
    expect_courts("桐岚县人民法院", "桐岚县人民法院");
    expect_courts("在岚县人民法院", "岚县人民法院");
    /* no boundary, or a name too long: not a court */
    expect_courts("他们来到指令塔县法院", "");
}

/* Complete official names of every kind of unit the gazetteer does not know,
 * at a line start, after punctuation, a verb or a function word. */
static void test_unknown_kinds(void **state)
{
    (void)state;
    /* a prefecture called 地区, 盟 or 自治州 */
    expect_courts("霁川地区中级人民法院召开会议", "霁川地区中级人民法院");
    expect_courts("近日，霁川地区中级人民法院召开会议", "霁川地区中级人民法院");
    expect_courts("他来到霁川地区中级人民法院", "霁川地区中级人民法院");
    expect_courts("鹤汀盟中级人民法院", "鹤汀盟中级人民法院");
    expect_courts("据悉，霁川藏族自治州中级人民法院", "霁川藏族自治州中级人民法院");
    /* an autonomous county keeps its peoples and its level */
    expect_courts("苍砚哈萨克自治县人民法院召开", "苍砚哈萨克自治县人民法院");
    expect_courts("走进苍砚哈萨克自治县人民法院", "苍砚哈萨克自治县人民法院");
    expect_courts("，苍砚苗族侗族自治县人民法院", "苍砚苗族侗族自治县人民法院");
    expect_courts("苍砚蒙古自治旗人民法院", "苍砚蒙古自治旗人民法院");
    /* 自治 with no people is no level word; 地区 has no basic court */
    expect_courts("访问鹤汀自治州中级人民法院", "");
    expect_courts("霁川地区人民法院", "");
    expect_courts("鹤汀林区人民法院", "鹤汀林区人民法院");
    /* railway and other special courts of a city the gazetteer does not know */
    expect_courts("澜屿铁路运输法院", "澜屿铁路运输法院");
    expect_courts("，澜屿铁路运输中级法院的", "澜屿铁路运输中级法院");
    expect_courts("审理澜屿铁路运输法院", "澜屿铁路运输法院");
    expect_courts("澜屿海事法院、澜屿知识产权法院", "澜屿海事法院|澜屿知识产权法院");
    expect_courts("近日澜屿互联网法院", "澜屿互联网法院");
    /* but kinds of court counted or named in general are none */
    expect_courts("三家互联网法院", "");
    expect_courts("各地的海事法院", "");
    expect_courts("推进知识产权法院建设", "");
    /* a province the list does not hold */
    expect_courts("走访霁南省高级人民法院", "霁南省高级人民法院");
    /* courts of the histories, with no parent in today's tree */
    expect_courts("山下的霁川宁边区高等法院旧址", "霁川宁边区高等法院");
    expect_courts("当年，重庆铁路沿线专门法院成立", "重庆铁路沿线专门法院");
    expect_courts("设立专门法院", "");
    expect_courts("香港特别行政区高等法院", "");
    expect_parent("霁川宁边区高等法院", NULL);
    expect_parent("重庆铁路沿线专门法院", NULL);
    expect_parent("苍砚哈萨克自治县人民法院", NULL);
}

static void test_tribunals(void **state)
{
    struct court_mentions m = {0};
    const char *t = "鄂托克旗人民法院棋盘井人民法庭";

    (void)state;
    expect_courts(t, "鄂托克旗人民法院|棋盘井人民法庭");
    court_scan(t, strlen(t), &m);
    assert_int_equal(m.nr, 2);
    assert_int_equal(m.v[1].under, 0);
    court_mentions_release(&m);
    expect_courts("蒙山法院夏宜法庭", "蒙山县人民法院|夏宜人民法庭");
    /* a town's full name, held by the court before it */
    t = "蒙山县人民法院夏宜瑶族乡人民法庭";
    court_scan(t, strlen(t), &m);
    assert_int_equal(m.nr, 2);
    assert_string_equal(m.v[1].name, "夏宜瑶族乡人民法庭");
    assert_int_equal(m.v[1].under, 0);
    court_mentions_release(&m);
    /* a town the gazetteer knows */
    expect_courts("来到达来诺日法庭", "达来诺日人民法庭");
    /* a preposition is not a name: the town after it is */
    expect_courts("蒙山县人民法院在夏宜法庭开庭", "蒙山县人民法院|夏宜人民法庭");
    /* a verb is not a name */
    expect_courts("推动人民法庭建设", "");
}

static void test_traditional(void **state)
{
    (void)state;
    expect_courts("陽江市中級人民法院的網站", "陽江市中級人民法院");
    expect_courts("來到廣州海事法院瀾嶼巡回法庭", "廣州海事法院|廣州海事法院瀾嶼巡回法庭");
    expect_courts("衡陽中院", "衡陽市中級人民法院");
    expect_courts("墨脫縣人民法院", "墨脫縣人民法院");
    /* characters of several simplified forms (開: 开 or 𫔭) */
    expect_courts("開州區人民法院的網站", "重慶市開州區人民法院");
    expect_courts("餘江區人民法院的網站", "鷹潭市餘江區人民法院");
    assert_true(court_same("陽江市中級人民法院", "阳江市中级人民法院"));
}

/* Short and bare forms from the report's own places. */
static void test_context(void **state)
{
    (void)state;
    /* the site's name in the page furniture tells which county */
    expect_report("县法院石门人民法庭简介", "县法院的地址。", "您的位置：武乡新闻网 > 本地新闻",
                  "武乡县人民法院|石门人民法庭");
    expect_report("县法院简介", NULL, NULL, "");
    /* after a function word, a verb and a level word, when the report names its county */
    expect_report("武乡县概况", "他指导县人民法院的工作。", NULL, "武乡县人民法院");
    expect_report("概况", "他们赴鹤汀区法院交流。", NULL, "鹤汀区人民法院");
    expect_report("市中院简介", "佳木斯市的地图。", NULL, "佳木斯市中级人民法院");
    /* 省高院 only when the report names the province */
    expect_report("省高院简介", "法治河南的标志。", NULL, "河南省高级人民法院");
    expect_report("省高院简介", "温州市的地图。", NULL, "");
    expect_report("市高院简介", "天津市的地图。", NULL, "天津市高级人民法院");
    expect_report("市一中院简介", "北京市的地图。", NULL, "北京市第一中级人民法院");
    expect_report("市第三中级人民法院简介", "上海市的地图。", NULL, "上海市第三中级人民法院");
    expect_report("市一中院简介", "温州市的地图。", NULL, "");
    /* shared names: by the places the report names, else as written */
    expect_report("鼓楼区法院简介", "福州市鼓楼区法院的地址。", NULL, "福州市鼓楼区人民法院");
    expect_report("鼓楼区法院简介", NULL, NULL, "鼓楼区人民法院");
    expect_report("鼓楼法院简介", "江苏省徐州市的地图。", NULL, "徐州市鼓楼区人民法院");
    /* a special court's tribunal says where it sits */
    expect_report("广州海事法院湛江法庭简介", "市中院的地址。", NULL,
                  "广州海事法院|广州海事法院湛江法庭|湛江市中级人民法院");
    /* a tribunal's town says which 城区 */
    expect_report("城区法院捷胜法庭简介", NULL, NULL, "汕尾市城区人民法院|捷胜人民法庭");
    /* 朝阳法院: a district's court in a report about Beijing */
    expect_report("朝阳法院简介", "北京市的地图。", NULL, "北京市朝阳区人民法院");
}

/* A place the report names in full makes its short forms known in that report. */
static void test_report_places(void **state)
{
    (void)state;
    expect_report("澜屿中院召开会议", "澜屿地区的干部来到会场。", NULL, "澜屿地区中级人民法院");
    expect_report("苍砚法院简介", "苍砚哈萨克自治县位于山下。苍砚县法院的法官走进澜屿中院。",
                  "来源：澜屿地区新闻网", "苍砚哈萨克自治县人民法院|澜屿地区中级人民法院");
    /* the full name of the county court, not a county of that short name */
    expect_report("苍砚县法院简介", "苍砚哈萨克自治县的地图。", NULL, "苍砚哈萨克自治县人民法院");
    /* without the full name nothing says what 苍砚 is */
    expect_report("苍砚法院简介", "澜屿中院的地址。", NULL, "");
    /* a county's name gives no intermediate court, a prefecture's no basic one */
    expect_report("苍砚中院简介", "苍砚县的地图。", NULL, "");
    expect_report("澜屿法院简介", "澜屿地区的地图。", NULL, "");
    /* in plain text with no report there is no such place */
    expect_courts("苍砚哈萨克自治县。苍砚法院", "");
}

/* A tribunal story's courts: want, the second (the tribunal) held by the first. */
static void expect_tribunal_held(const char *title, const char *body, const char *want)
{
    struct report *r;
    char *got = report_courts(title, body, NULL, &r);

    assert_string_equal(got, want);
    assert_int_equal(r->court_parent[1], 0);
    free(got);
    report_free(r);
}

static void test_main_court(void **state)
{
    (void)state;
    /* the title's court first */
    expect_report("赤壁市人民法院简介", "湖北省高级人民法院的地址。", NULL,
                  "赤壁市人民法院|湖北省高级人民法院");
    /* a province's courts together: its high court */
    expect_report("全省法院名录", "最高人民法院的地址。江苏法院的地址。", NULL,
                  "江苏省高级人民法院|最高人民法院");
    /* a city's courts together with its court unnamed: no main court */
    expect_report("包头法院名录", "包头青山法院的地址。", NULL, "-包头市青山区人民法院");
    /* a city's courts together when its court is named: that court */
    expect_report("乌海市两级法院名录", "海勃湾区法院的地址。乌海市中级人民法院的地址。", NULL,
                  "乌海市中级人民法院|乌海市海勃湾区人民法院");
    /* the lead cites the Supreme People's Court before its subject */
    expect_report("赤峰的法院", "依照最高法院的规定，赤峰中院的地址。", NULL,
                  "赤峰市中级人民法院|最高人民法院");
    /* a tribunal story: its court first, then the tribunal, held by the court */
    expect_tribunal_held("草原上的法庭", "克什克腾旗人民法院达来诺日人民法庭的地址。",
                         "克什克腾旗人民法院|达来诺日人民法庭");
    expect_report("达来诺日法庭简介", "克什克腾旗人民法院的地址。", NULL,
                  "克什克腾旗人民法院|达来诺日人民法庭");
}

/* A tribunal story with the tribunal tied to no court: the one basic court
 * the report names is its court, first, and holds it. */
static void test_tribunal_story_parent(void **state)
{
    (void)state;
    expect_tribunal_held("海滨法庭的一天", "澜屿市中级人民法院的地址。\n苍砚县人民法院的法官说。",
                         "苍砚县人民法院|海滨人民法庭|澜屿市中级人民法院");
    /* two basic courts: nothing says which */
    expect_report("海滨法庭的一天", "苍砚县人民法院和鹤汀县人民法院的法官说。", NULL,
                  "海滨人民法庭|苍砚县人民法院|鹤汀县人民法院");
}

/* 该院甲法庭…该院乙法庭 in a story about a tribunal, with no court above
 * named: no tribunal is held by the other, and no parent leads back (the
 * fuzzer found a loop of two). */
static void test_tribunals_hold_no_tribunal(void **state)
{
    struct report *r;
    char *got;

    (void)state;
    got = report_courts("青柘法庭的一天", "该院青柘法庭的法官去了集市。该院桐溪法庭的法官也来了。",
                        NULL, &r);
    for (size_t i = 0; i < r->nr_courts; i++) {
        int p = r->court_parent[i];

        assert_true(p < 0 || court_level_of(r->courts[p]) != COURT_TRIBUNAL);
        for (size_t steps = 0; p >= 0; p = r->court_parent[p])
            assert_true(++steps <= r->nr_courts);
    }
    free(got);
    report_free(r);
}

static void test_same_court(void **state)
{
    (void)state;
    assert_true(court_same("鄂托克旗人民法院", "鄂尔多斯市鄂托克旗人民法院"));
    assert_true(court_same("江汉区人民法院", "武汉市江汉区人民法院"));
    assert_true(court_same("包头中级人民法院", "包头市中级人民法院"));
    assert_true(court_same("内蒙古高级人民法院", "内蒙古自治区高级人民法院"));
    assert_true(court_same("鹤汀区人民法院", "霁川市鹤汀区人民法院"));
    assert_false(court_same("海南区人民法院", "乌达区人民法院"));
    assert_false(court_same("乌海市中级人民法院", "乌海市人民法院"));
    assert_false(court_same("南京市鼓楼区人民法院", "福州市鼓楼区人民法院"));
}

static void test_parent_names(void **state)
{
    (void)state;
    expect_parent("武乡县人民法院", "长治市中级人民法院");
    expect_parent("长治市中级人民法院", "山西省高级人民法院");
    expect_parent("山西省高级人民法院", "最高人民法院");
    expect_parent("最高人民法院", NULL);
    expect_parent("鄂尔多斯市鄂托克旗人民法院", "鄂尔多斯市中级人民法院");
    expect_parent("海勃湾区人民法院", "乌海市中级人民法院");
    expect_parent("内蒙古自治区包头市中级人民法院", "内蒙古自治区高级人民法院");
    expect_parent("喀什地区中级人民法院", "新疆维吾尔自治区高级人民法院");
    /* a municipality's district: its high court (the numbered courts' areas are left out) */
    expect_parent("北京市海淀区人民法院", "北京市高级人民法院");
    expect_parent("北京市第一中级人民法院", "北京市高级人民法院");
    expect_parent("仙桃市人民法院", "汉江中级人民法院");
    expect_parent("济源市人民法院", "济源中级人民法院");
    /* a name several districts share, placed by its city */
    expect_parent("晋城市城区人民法院", "晋城市中级人民法院");
    expect_parent("达来诺日人民法庭", "克什克腾旗人民法院");
    expect_parent("新疆生产建设兵团第八师中级人民法院",
                  "新疆维吾尔自治区高级人民法院生产建设兵团分院");
    expect_parent("最高人民法院第三巡回法庭", "最高人民法院");
    expect_parent("广州海事法院湛江巡回法庭", "广州海事法院");
    expect_parent("成都铁路运输中级法院", "四川省高级人民法院");
    expect_parent("兰州铁路运输法院", "兰州铁路运输中级法院");
    expect_parent("广州互联网法院", "广州市中级人民法院");
    expect_parent("广州海事法院", "广东省高级人民法院");
    /* an ancestor the name does not hold in official characters; one it holds as written */
    expect_parent("陽江市中級人民法院", "广东省高级人民法院");
    expect_parent("墨脫縣人民法院", "林芝市中级人民法院");
    expect_parent("廣州海事法院瀾嶼巡回法庭", "廣州海事法院");
    /* names the gazetteer cannot place: what the name says, or nothing */
    expect_parent("霁川市苍砚旗人民法院", "霁川市中级人民法院");
    expect_parent("鼓楼区人民法院", NULL);
    expect_parent("海滨人民法庭", NULL);
}

static void test_levels(void **state)
{
    (void)state;
    assert_int_equal(court_level_of("最高人民法院"), COURT_SUPREME);
    assert_int_equal(court_level_of("北京市第一中级人民法院"), COURT_INTERMEDIATE);
    assert_int_equal(court_level_of("陽江市中級人民法院"), COURT_INTERMEDIATE);
    assert_int_equal(court_level_of("东莞市第一人民法院"), COURT_BASIC);
    assert_int_equal(court_level_of("广州海事法院"), COURT_SPECIAL);
    assert_int_equal(court_level_of("海滨人民法庭"), COURT_TRIBUNAL);
}

/* ------------------------------------- every court of the gazetteer in text */

/* What stands before a court's name in running text: punctuation, verbs,
 * particles, time phrases, other courts. */
static const char *const lead_ins[] = {
    "",
    "近日，",
    "常年驻扎着",
    "2024年3月5日",
    "——记",
    "他们走进",
    "据了解",
    "并与",
    "由",
    "在",
    "前往",
    "组织干警赴",
    "北京市海淀区人民法院和",
    "位于",
    "今年上半年",
    "1月",
};
/* What follows it. */
static const char *const tails[] = {"的地址", "的法官", "。", "的网站", ""};

/* Whether a string names exactly one province, prefecture or county (towns aside): id. */
static bool names_only(const char *s, size_t n, int id, unsigned levels)
{
    struct gaz_hit h[64];
    size_t nh = gazetteer_lookup(s, n, h, 64), found = 0;

    for (size_t i = 0; i < nh && i < 64; i++) {
        const struct gaz_place *p = gazetteer_get(h[i].id);

        if (p->level != GAZ_TOWN && (levels & (1u << p->level)))
            found += h[i].id == id ? 1 : 100;
    }
    return found == 1;
}

/* The written forms of one court and the name that must come out of each. */
struct forms {
    struct sbuf v[6];
    size_t nr;
    struct sbuf want;
};

static void form_add(struct forms *fs, const char *a, const char *b, const char *suffix)
{
    sbuf_reset(&fs->v[fs->nr]);
    sbuf_addf(&fs->v[fs->nr++], "%s%s%s", a, b, suffix);
}

/* The place's shortest name of its own (克什克腾 for 克什克腾旗), when it has one
 * that no other province, prefecture or county shares, and suffix after it. */
static void form_short(struct forms *fs, const struct gaz_place *p, int id, const char *suffix)
{
    unsigned all = (1u << GAZ_PROVINCE) | (1u << GAZ_PREFECTURE) | (1u << GAZ_COUNTY);
    size_t len = strlen(p->name);

    for (size_t l = len - 3; l >= 6; l -= 3)
        if (names_only(p->name, l, id, all) && !(l == 6 && !memcmp(p->name, "平安", 6))) {
            sbuf_reset(&fs->v[fs->nr]); /* 平安法院 is a campaign (see is_slogan()) */
            sbuf_add(&fs->v[fs->nr], p->name, l);
            sbuf_addstr(&fs->v[fs->nr++], suffix);
            return;
        }
}

/* The name a court of place p must come out as (see court.c's put_unit_court()). */
static void expected_name(const struct gaz_place *p, const char *suffix, struct sbuf *want)
{
    const struct gaz_place *up = p->parent >= 0 ? gazetteer_get(p->parent) : NULL;
    const struct gaz_place *prov = p;
    size_t len = strlen(p->name);
    bool district;

    while (prov->parent >= 0)
        prov = gazetteer_get(prov->parent);
    /* a 市辖区 with its city; not a 林区, 特区, or zone whose name holds its
     * city's or province's (苏州工业园区) */
    district = p->level == GAZ_COUNTY && up && text_ends(p->name, len, "区") &&
               !text_ends(p->name, len, "林区") && !text_ends(p->name, len, "特区") &&
               strncmp(p->name, up->name, 6) != 0 && strncmp(p->name, prov->name, 6) != 0;
    sbuf_reset(want);
    sbuf_addf(want, "%s人民法院", p->name);
    if (p->level == GAZ_COUNTY && court_special_lookup(want->buf, want->len))
        return; /* the special table's name */
    sbuf_reset(want);
    sbuf_addf(want, "%s%s%s", district ? up->name : "", p->name, suffix);
}

/* Each form, after each lead-in and before a tail, names the court alone. */
static size_t check_forms(const struct forms *fs, struct sbuf *bad)
{
    static const char other[] = "北京市海淀区人民法院|";
    struct sbuf t = SBUF_INIT;
    size_t misses = 0;

    for (size_t f = 0; f < fs->nr; f++)
        for (size_t b = 0; b < ARRAY_SIZE(lead_ins); b++) {
            char *got;
            const char *g;

            sbuf_reset(&t);
            sbuf_addf(&t, "%s%s%s", lead_ins[b], fs->v[f].buf, tails[(f + b) % ARRAY_SIZE(tails)]);
            got = courts_in(t.buf);
            g = strncmp(got, other, strlen(other)) ? got : got + strlen(other);
            if (strcmp(g, fs->want.buf) != 0 && misses++ < 20)
                sbuf_addf(bad, "%s -> %s (want %s)\n", t.buf, got, fs->want.buf);
            free(got);
        }
    sbuf_release(&t);
    return misses;
}

/* The forms of the court of place id: full, with the places above, short. */
static void court_forms(int id, struct forms *fs)
{
    const struct gaz_place *p = gazetteer_get(id), *up, *prov = p;
    unsigned all = (1u << GAZ_PROVINCE) | (1u << GAZ_PREFECTURE) | (1u << GAZ_COUNTY);

    while (prov->parent >= 0)
        prov = gazetteer_get(prov->parent);
    up = p->parent >= 0 ? gazetteer_get(p->parent) : NULL;
    fs->nr = 0;
    if (p->level == GAZ_PROVINCE) {
        expected_name(p, "高级人民法院", &fs->want);
        form_add(fs, p->name, "", "高级人民法院");
        form_add(fs, p->name, "", "高院");
        form_short(fs, p, id, "高院");
    } else if (p->level == GAZ_PREFECTURE) {
        expected_name(p, "中级人民法院", &fs->want);
        form_add(fs, p->name, "", "中级人民法院");
        form_add(fs, prov->name, p->name, "中级人民法院");
        form_add(fs, p->name, "", "中院");
        form_short(fs, p, id, "中院");
    } else {
        expected_name(p, "人民法院", &fs->want);
        if (up != prov) {
            form_add(fs, up->name, p->name, "人民法院");
            form_add(fs, prov->name, up->name, "");
            sbuf_addf(&fs->v[fs->nr - 1], "%s人民法院", p->name);
        } else {
            form_add(fs, prov->name, p->name, "法院");
        }
        /* the name alone only when no other place has it (鼓楼区 does not) */
        if (names_only(p->name, strlen(p->name), id, all)) {
            form_add(fs, p->name, "", "人民法院");
            form_add(fs, p->name, "", "法院");
            form_short(fs, p, id, "法院");
        }
    }
}

/*
 * Every high, intermediate and county-level court of the gazetteer, in every
 * province, named in running text in its full and short forms, after varied
 * words: exactly the court's official name comes out.
 */
static void test_every_court_of_the_gazetteer(void **state)
{
    struct forms fs = {0};
    struct sbuf bad = SBUF_INIT;
    size_t misses = 0, courts = 0, n = gazetteer_count();

    (void)state;
    for (size_t id = 0; id < n; id++) {
        if (gazetteer_get((int)id)->level == GAZ_TOWN)
            continue;
        court_forms((int)id, &fs);
        courts++;
        misses += check_forms(&fs, &bad);
    }
    if (misses)
        fprintf(stderr, "%zu misses of %zu courts, such as:\n%s", misses, courts, bad.buf);
    assert_true(courts > 3000);
    assert_int_equal(misses, 0);
    for (size_t i = 0; i < ARRAY_SIZE(fs.v); i++)
        sbuf_release(&fs.v[i]);
    sbuf_release(&fs.want);
    sbuf_release(&bad);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_names),
        cmocka_unit_test(test_words_before_a_name),
        cmocka_unit_test(test_short_forms),
        cmocka_unit_test(test_special_courts),
        cmocka_unit_test(test_generic_mentions_are_not_courts),
        cmocka_unit_test(test_collectives),
        cmocka_unit_test(test_unknown_places),
        cmocka_unit_test(test_unknown_kinds),
        cmocka_unit_test(test_tribunals),
        cmocka_unit_test(test_traditional),
        cmocka_unit_test(test_context),
        cmocka_unit_test(test_report_places),
        cmocka_unit_test(test_main_court),
        cmocka_unit_test(test_tribunal_story_parent),
        cmocka_unit_test(test_tribunals_hold_no_tribunal),
        cmocka_unit_test(test_same_court),
        cmocka_unit_test(test_parent_names),
        cmocka_unit_test(test_levels),
        cmocka_unit_test(test_every_court_of_the_gazetteer),
    };
    return cmocka_run_group_tests_name("court", tests, NULL, NULL);
}
