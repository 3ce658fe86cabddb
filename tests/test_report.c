/*
 * Unit tests for report.c: each structure rule on a short text made from the
 * kind of text that needs it, with the exact outline or paragraphs expected.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outline.h"
#include "report.h"
#include "util.h"

static void expect_outline(const char *text, bool md, const char *want)
{
    struct report *r = report_parse("t", text, strlen(text), md);
    struct sbuf sb = SBUF_INIT;

    outline_format(r, &sb);
    assert_string_equal(sb.buf ? sb.buf : "", want);
    sbuf_release(&sb);
    report_free(r);
}

/* The nth paragraph's text. */
static void expect_para(const char *text, int nth, const char *want)
{
    struct report *r = report_parse("t", text, strlen(text), false);
    int seen = 0;

    for (size_t i = 0; i < r->nr_blocks; i++) {
        const struct block *b = &r->blocks[i];

        if (b->kind != BLOCK_PARA || seen++ != nth)
            continue;
        {
            char *got = xstrndup(report_block_text(r, b), b->len);

            assert_string_equal(got, want);
            free(got);
        }
        report_free(r);
        return;
    }
    fail_msg("paragraph %d not found", nth);
}

/* The outline of the text head + middle + tail: want_head + want_tail. */
static void expect_outline_of(const char *head, const char *middle, const char *tail,
                              const char *want_head, const char *want_tail)
{
    struct sbuf t = SBUF_INIT, w = SBUF_INIT;

    sbuf_addf(&t, "%s%s%s", head, middle, tail);
    sbuf_addf(&w, "%s%s", want_head, want_tail);
    expect_outline(t.buf, false, w.buf);
    sbuf_release(&t);
    sbuf_release(&w);
}

static void test_hard_wrapped_lines_join(void **state)
{
    /* newspaper columns: lines cut mid-word, no space between Chinese */
    const char *t = "标题在这里\n\n近年来，某某县人民法院\n坚持以人民为中心，推动审判\n"
                    "工作高质量发展。\n\n第二段从这里开始，\n写到这里结束。\n";
    (void)state;
    expect_para(t, 0, "近年来，某某县人民法院坚持以人民为中心，推动审判工作高质量发展。");
    expect_para(t, 1, "第二段从这里开始，写到这里结束。");
}

static void test_latin_words_keep_one_space(void **state)
{
    (void)state;
    expect_para("标题\n\n法院上线了 online\nfiling system 服务，\n群众可以在线立案。\n", 0,
                "法院上线了 online filing system 服务，群众可以在线立案。");
}

static void test_page_break_inside_paragraph(void **state)
{
    /* a paragraph cut by a page break: blank lines, then the rest */
    const char *t = "标题\n\n各类人员考核结果作为职务职级调整、员额进\n\n"
                    "退的重要依据,并在表彰奖励时予以倾斜。\n\n下一段。\n";
    (void)state;
    expect_para(t, 0,
                "各类人员考核结果作为职务职级调整、员额进退的重要依据,并在表彰奖励时予以倾斜。");
    expect_para(t, 1, "下一段。");
}

static void test_column_lines_on_their_own_are_not_headings(void **state)
{
    /* a lead cut into short lines with blank lines between them */
    const char *t =
        "标题文字\n\n本报记者●王五\n\n近年来，某某市中级\n\n人民法院坚持以习近平新时代\n\n"
        "中国特色社会主义思想为指导\n\n扎实推进队伍建设工作。\n";
    (void)state;
    expect_outline(t, false, "title\t标题文字\nbyline\t本报记者 王五\ncourt\t某某市中级人民法院\n");
    expect_para(t, 0,
                "近年来，某某市中级人民法院坚持以习近平新时代中国特色社会主义思想为指导扎实推进队伍"
                "建设工作。");
}

static void test_justified_line(void **state)
{
    (void)state;
    expect_para("标题\n\n始 终 坚 持 党 对 司 法 工 作 的 绝 对 领\n导。深入贯彻落实条例。\n", 0,
                "始终坚持党对司法工作的绝对领导。深入贯彻落实条例。");
}

static void test_two_line_headings(void **state)
{
    /* over two lines in a row, and over two lines with a blank between */
    const char *t = "大标题\n\n导语写在这里，介绍全文内容。\n\n加强政治建设\n让理论武装“实”起来\n\n"
                    "正文第一段内容写在这里，内容比较长一些。\n\n党建引领\n\n各项工作花开见果\n\n"
                    "正文第二段内容写在这里，内容也比较长。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t大标题\nsection\t1\t加强政治建设 让理论武装“实”起来\n"
                   "section\t1\t党建引领 各项工作花开见果\n");
}

static void test_heading_then_wrapped_paragraph(void **state)
{
    /* the heading runs straight into a hard-wrapped paragraph */
    const char *t =
        "大标题\n\n导语，介绍全文。\n\n优化队伍管理\n让法院队伍“活”起来\n\n"
        "牢 固 树 立“ 崇 德 尚 绩 ”选 人 用 人 导\n向。积极完善选人用人机制，全面优化领\n"
        "导班子和干部队伍知识结构。\n";
    (void)state;
    expect_outline(t, false, "title\t大标题\nsection\t1\t优化队伍管理 让法院队伍“活”起来\n");
    expect_para(t, 1,
                "牢固树立“崇德尚绩”选人用人导向。积极完善选人用人机制，全面优化领导班子和干部队伍知"
                "识结构。");
}

static void test_numbered_headings_and_levels(void **state)
{
    const char *t =
        "工作报告\n\n一、主要工作\n\n过去一年，全院上下共同努力。\n\n（一）审判执行\n\n"
        "审结案件一万件。\n\n（二）队伍建设\n\n加强队伍建设。\n\n二、下一步打算\n\n继续努力。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t工作报告\nsection\t1\t一、主要工作\nsection\t2\t（一）审判执行\n"
                   "section\t2\t（二）队伍建设\nsection\t1\t二、下一步打算\n");
}

static void test_numbered_heading_over_two_lines(void **state)
{
    const char *t = "大标题\n\n导语，介绍全文。\n\n一、聚焦政治建设\n筑牢忠诚根基\n\n"
                    "正文第一段，写得比较长一些，说明具体做法。\n\n二、聚焦强基固本\n\n"
                    "建强战斗堡垒\n\n正文第二段，也写得比较长，说明具体做法。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t大标题\nsection\t1\t一、聚焦政治建设 筑牢忠诚根基\n"
                   "section\t1\t二、聚焦强基固本 建强战斗堡垒\n");
}

static void test_run_in_leads_are_not_sections(void **state)
{
    const char *t =
        "标题\n\n坚持党建统领 永葆政治本色\n\n党建引领“培根”。该院创建党建工作品牌。\n\n"
        "——诉讼服务全覆盖。根据辖区实际情况，完善服务体系。\n\n"
        "一、强化理论武装。该院组织干警深入学习。\n";
    (void)state;
    expect_outline(t, false, "title\t标题\nsection\t1\t坚持党建统领 永葆政治本色\n");
}

static void test_captions_by_gap(void **state)
{
    /* photos leave wide gaps; a caption may end with 。 or be cut off */
    const char *t =
        "\n\n\n\n开展心理健康辅导活动\n\n\n\n业务领军人才集训班分组讨论\n\n“五色”队伍注新能 "
        "强基固本开新局\n\n"
        "某某市中级人民法院打造过硬队伍\n\n本报记者●王祯\n\n导语写在这里，说明全文。\n\n\n\n"
        "丰富多彩的文艺活动。\n\n\n\n开展主题党日活动的\n\n坚持党建统领 永葆政治本色\n\n"
        "正文内容，写得比较长一些。\n";
    (void)state;
    expect_outline(
        t, false,
        "title\t“五色”队伍注新能 强基固本开新局\nsubtitle\t某某市中级人民法院打造过硬队伍\n"
        "byline\t本报记者 王祯\ncourt\t某某市中级人民法院\ncaption\t开展心理健康辅导活动\n"
        "caption\t业务领军人才集训班分组讨论\n"
        "caption\t丰富多彩的文艺活动。\ncaption\t开展主题党日活动的\n"
        "section\t1\t坚持党建统领 永葆政治本色\n");
}

static void test_title_forms(void **state)
{
    (void)state;
    /* a headline over two lines of similar length */
    expect_outline("强基铸魂提升素质\n锻造过硬法院铁军\n\n正文第一段，内容。\n", false,
                   "title\t强基铸魂提升素质 锻造过硬法院铁军\n");
    /* a headline over two lines with a blank line between, and its subtitle */
    expect_outline(
        "强基铸魂提升素质\n\n锻造过硬法院铁军\n\n某某市中级人民法院为法院工作提供组织保障\n\n"
        "正文第一段，内容。\n",
        false,
        "title\t强基铸魂提升素质 锻造过硬法院铁军\n"
        "subtitle\t某某市中级人民法院为法院工作提供组织保障\ncourt\t某某市中级人民法院\n");
    /* a page title with its site's name after it */
    expect_outline("某某区法院开展调解工作_某某市法院网\n\n正文第一段，内容。\n", false,
                   "title\t某某区法院开展调解工作\ncourt\t某某区人民法院\n");
    /* a subtitle under a dash */
    expect_outline("党旗飞扬激励奋进\n\n——某某县人民法院党建工作纪实\n\n正文。\n", false,
                   "title\t党旗飞扬激励奋进\nsubtitle\t——某某县人民法院党建工作纪实\n"
                   "court\t某某县人民法院\n");
    /* the headline after the lead and the photos, as some page layouts cut it */
    expect_outline(
        "\n2025年，某某旗人民法院坚持以人民为中心，紧紧围绕“公正与效率”工作主题，"
        "扎实推进队伍建设，全院干警政治素养与业务能力得到有效提升。\n\n\n\n举行宣誓仪式\n\n"
        "锚定『五个聚焦』锻造司法铁军\n\n1 聚焦政治建设 筑牢忠诚根基\n\n正文内容。\n",
        false,
        "title\t锚定『五个聚焦』锻造司法铁军\ncourt\t某某旗人民法院\n"
        "caption\t举行宣誓仪式\nsection\t1\t1 聚焦政治建设 筑牢忠诚根基\n");
}

static void test_signoff_and_byline(void **state)
{
    (void)state;
    expect_outline("标题\n\n■本报记者 顾川 通讯员 苏蔓\n\n正文内容。\n\n(金豆)\n", false,
                   "title\t标题\nbyline\t本报记者 顾川 通讯员 苏蔓\nauthor\t金豆\n");
}

/* A work report on its court's site: the site's list headline glues title
 * and deck, the page's metadata names a CMS account (no author) and runs its
 * labels together; the document's own title, deck and speaker line follow. */
static void test_work_report_under_a_list_headline(void **state)
{
    (void)state;
    expect_outline("公正司法 服务大局\n\n工作报告\n\n"
                   "青柘县人民法院工作报告——2025年1月10日在青柘县第五届人民代表大会第三次会议上\n\n"
                   "作者:uadmin 信息来源: 发布时间:2025-01-15 10:20\n\n"
                   "青柘县人民法院工作报告\n\n \n\n"
                   "——2025年1月10日在青柘县第五届人民代表大会第三次会议上\n\n"
                   "青柘县人民法院院长 林某\n\n各位代表:\n\n"
                   "现在,我代表青柘县人民法院向大会报告工作,请予审议。\n",
                   false,
                   "title\t青柘县人民法院工作报告\n"
                   "subtitle\t——2025年1月10日在青柘县第五届人民代表大会第三次会议上\n"
                   "byline\t青柘县人民法院院长 林某\ndate\t2025-01-15\n"
                   "court\t青柘县人民法院\n");
}

/* A news agency's headline cut by a newspaper column into three lines, a
 * stray blank gap before the last: one title, joined without spaces, and
 * no deck. */
static void test_column_cut_headline_over_a_gap(void **state)
{
    (void)state;
    expect_outline(
        "青柘新闻网青柘3月5日电 题：“最\n美调解员”林某：山里的法治之光照\n\n\n"
        "亮百姓心田\n作者 王某\n近年来，青柘县人民法院坚持以\n人民为中心，推动审判工作高质量\n"
        "发展，全院干警共同努力，取得了\n明显成效。该院开展涉企积案清理\n"
        "行动，执行到位金额同比上升两成\n，群众满意度不断提升明显。\n",
        false,
        "title\t“最美调解员”林某：山里的法治之光照亮百姓心田\nbyline\t王某\n"
        "court\t青柘县人民法院\n");
}

/* A capture that opens with its paper's dateline, a space, and a caption:
 * the caption without the dateline, and no title. */
static void test_dateline_before_a_caption(void **state)
{
    (void)state;
    expect_outline("青柘日报讯 图为：法官林某在村委会巡回开庭 |\n本报记者 王某 通讯员 李某\n"
                   "近日，青柘县人民法院法官林某带着国徽走进山村，在村委会开庭审理一起相邻纠纷。\n",
                   false,
                   "byline\t本报记者 王某 通讯员 李某\ncourt\t青柘县人民法院\n"
                   "caption\t图为：法官林某在村委会巡回开庭\n");
}

/* An e-paper's headline over a deck of figures that the column cut in two:
 * the deck is one subtitle, not the headline's second half. */
static void test_deck_of_figures_cut_by_the_column(void **state)
{
    (void)state;
    expect_outline(
        "青柘法院“两保一促”破解执行难的创新实践\n"
        "保全 120 件到位 3.5 亿元 督促自动履行 86 件 1 亿余元 为当事人节\n省 20 万余元\n"
        "本报记者 林某\n"
        "今年以来，青柘县人民法院坚持把财产保全挺在执行前面，推动当事人自动履\n"
        "行，全院执行到位金额同比上升两成，群众满意度不断提升，各项工作取得\n"
        "了明显成效。该院还建立了执行联动机制，与多个部门共享被执行人信息，\n"
        "有效破解了查人找物难题，执行案件平均用时同比缩短十余天。\n",
        false,
        "title\t青柘法院“两保一促”破解执行难的创新实践\n"
        "subtitle\t保全 120 件到位 3.5 亿元 督促自动履行 86 件 1 亿余元 为当事人节省 20 万余元\n"
        "byline\t本报记者 林某\ncourt\t青柘县人民法院\n");
}

/* A metadata line that ends with the author, cut by the column in the
 * middle of the names: the byline is whole. */
static void test_column_cut_author(void **state)
{
    (void)state;
    expect_outline(
        "青柘法院巡回审判进村\n2024-03-05 09:40:12\n | 来源:青柘日报 | 作者:林\n晓 王某\n"
        "近日，青柘县人民法院法官带\n着国徽走进山村，在村委会开庭\n审理一起相邻纠纷，村民们纷纷\n"
        "前来旁听。该院今年以来共巡回\n开庭八十余次，就地化解纠纷一\n百余件。\n",
        false,
        "title\t青柘法院巡回审判进村\nbyline\t林晓 王某\ndate\t2024-03-05\n"
        "source\t青柘日报\ncourt\t青柘县人民法院\n");
}

/* A page in traditional characters with an empty 作者 before its 時間: no
 * byline, the date from the metadata. */
static void test_empty_author_in_traditional_characters(void **state)
{
    (void)state;
    expect_outline("青柘縣法院開展調解工作\n\n文章來源:青柘日報 作者: 時間:2025-08-19 11:31:46\n\n"
                   "近日,青柘縣人民法院開展調解工作,當事人握手言和。\n",
                   false,
                   "title\t青柘縣法院開展調解工作\ndate\t2025-08-19\nsource\t青柘日報\n"
                   "court\t青柘縣人民法院\n");
}

/* A metadata line without labels that opens with a person and a role names
 * the author, before the report's own speaker line; a column's name before
 * the date (民生 2024-11-21) names no one. */
static void test_unlabelled_author(void **state)
{
    (void)state;
    expect_outline(
        "青柘县人民法院工作报告——2025年1月10日在青柘县第五届人民代表大会第三次会议上\n\n"
        "林某律师 法律头条 2025-03-02 10:20:30\n\n青柘县人民法院院长 王某\n\n"
        "现在，我代表青柘县人民法院向大会报告工作，请予审议，并请各位列席同志提出意见。\n",
        false,
        "title\t青柘县人民法院工作报告——2025年1月10日在青柘县第五届人民代表大会第三次"
        "会议上\nbyline\t林某律师\ndate\t2025-03-02\ncourt\t青柘县人民法院\n");
    expect_outline(
        "青柘法院的文化品牌\n\n民生   2024-11-21 16:57   青柘  \n\n"
        "青柘县人民法院坚持以文化人，推动法院文化建设高质量发展，全院干警精神面貌焕然一新。\n",
        false, "title\t青柘法院的文化品牌\ndate\t2024-11-21\ncourt\t青柘县人民法院\n");
}

/* A date a column cut in two, its rest on the next line: whole. */
static void test_date_cut_in_two(void **state)
{
    (void)state;
    expect_outline("青柘法院的文化品牌\n\n文章来源: 作者: 时间:2018\n\n-01-29 10:44:26\n\n"
                   "  在年底的忙碌中，青柘县人民法院的干警们仍然坚守岗位，为群众排忧解难。\n",
                   false, "title\t青柘法院的文化品牌\ndate\t2018-01-29\ncourt\t青柘县人民法院\n");
    expect_outline(
        "青柘法院的文化品牌\n青柘县人民法院 · 公众号 · 法律 · 2025-03-0\n5 07:30\n\n正文\n\n"
        "青柘县人民法院坚持以文化人，推动法院文化建设高质量发展，全院干警精神面貌焕然一新。\n",
        false, "title\t青柘法院的文化品牌\ndate\t2025-03-05\ncourt\t青柘县人民法院\n");
}

/* The last character of a name alone on the next column line: the byline
 * ends there, not before it. */
static void test_name_tail_on_its_own_line(void **state)
{
    (void)state;
    expect_outline(
        "青柘法院巡回审判进村\n2024-03-05 09:40:12 来源:青柘日报\n作者:青柘日报首席记者林\n明\n"
        "近日，青柘县人民法院法官带着国徽\n走进山村，在村委会开庭审理一起相\n"
        "邻纠纷，村民们纷纷前来旁听。该院\n今年以来共巡回开庭八十余次，就地\n"
        "化解纠纷一百余件。\n",
        false,
        "title\t青柘法院巡回审判进村\nbyline\t青柘日报首席记者林明\ndate\t2024-03-05\n"
        "source\t青柘日报\ncourt\t青柘县人民法院\n");
}

/* A lead that opens with 本报讯（记者 X）, its first column line short: the
 * lead and its byline, no heading. */
static void test_lead_byline_cut_by_the_column(void **state)
{
    (void)state;
    expect_outline("巡回法庭进社区 法律知识送到家\n\n本报讯（记者 林某 文/图）“法院\n"
                   "太贴心了，把庭审开到家门口，我们不用\n从村里来回坐车往返城区，真是方便多了\n"
                   "！”为便利群众诉讼，近日，青柘县人民法\n院将巡回法庭开到了社区，审理了一起邻\n"
                   "里纠纷。\n",
                   false,
                   "title\t巡回法庭进社区 法律知识送到家\nbyline\t记者 林某 文/图\n"
                   "court\t青柘县人民法院\n");
}

/* The author last on a metadata line, a widget's bracket after it: the
 * name alone. */
static void test_author_before_a_widget(void **state)
{
    (void)state;
    expect_outline("青柘法院集中宣判一批涉农案件\n"
                   "发布时间:2025-04-17 10:32:08  来源:青柘县人民法院  作者:林某  【字号 大 中 "
                   "小】【打印】\n\n"
                   "  4月15日上午，青柘县人民法院对5起涉农资质量纠纷案件集中公开宣判。\n",
                   false,
                   "title\t青柘法院集中宣判一批涉农案件\nbyline\t林某\ndate\t2025-04-17\n"
                   "source\t青柘县人民法院\ncourt\t青柘县人民法院\n");
}

/* A dateline's caption that the column cut, at the head of a text without
 * a headline: one caption, its rest no title. */
static void test_caption_cut_by_the_column(void **state)
{
    (void)state;
    expect_outline(
        "青柘日报讯 图为：法官林某抱着国徽走进\n村委会开庭 |\n本报记者 王某 通讯员 李某\n"
        "近日，青柘县人民法院法官林某带\n着国徽走进山村，在村委会开庭审\n"
        "理一起相邻纠纷，村民们纷纷前来\n旁听。该院今年以来共巡回开庭八\n"
        "十余次，就地化解纠纷一百余件。\n",
        false,
        "byline\t本报记者 王某 通讯员 李某\ncourt\t青柘县人民法院\n"
        "caption\t图为：法官林某抱着国徽走进村委会开庭\n");
}

/* A headline as wide as the column over an editor's note whose first line
 * is as wide and runs into its sentence: the note is no half of the title. */
static void test_headline_over_a_note_in_columns(void **state)
{
    (void)state;
    expect_outline(
        "看青柘法院如何破解“执行难”\n全县法院攻坚“执行难”专项总\n结大会昨天举行。本报记者林某\n"
        "配合大会采写的这篇通讯以翔实\n的数据列出了此项攻坚战的战果\n，具有可读性和说服力。\n"
        "本报记者 林某\n三年来，青柘县法院以前所未有\n的力度推进执行工作，如期实现\n"
        "基本解决执行难的目标任务。\n",
        false,
        "title\t看青柘法院如何破解“执行难”\nbyline\t本报记者 林某\n"
        "court\t青柘县人民法院\n");
}

static void test_web_noise_leaves_the_body(void **state)
{
    const char *t =
        "首页 | 法院概况 | 新闻中心 | 审判动态 | 诉讼服务\n当前位置：首页 > 新闻中心\n\n"
        "某某区法院开展调解工作\n\n发布时间：2025-06-18 09:30:00　来源：某某区人民法院　"
        "作者：许清和\n【字号：大 中 小】【打印本页】【关闭窗口】\n\n"
        "　　近日，某某区人民法院开展调解工作。\n\n责任编辑：孙梅\n"
        "版权所有：某某区人民法院 ICP备00000000号\n";
    struct report *r = report_parse("t", t, strlen(t), false);
    size_t paras = 0;

    (void)state;
    expect_outline(t, false,
                   "title\t某某区法院开展调解工作\nbyline\t许清和\ndate\t2025-06-18\n"
                   "source\t某某区人民法院\ncourt\t某某区人民法院\n");
    for (size_t i = 0; i < r->nr_blocks; i++)
        paras += r->blocks[i].kind == BLOCK_PARA;
    assert_int_equal(paras, 1);
    assert_null(strstr(r->text, "版权"));
    assert_null(strstr(r->text, "编辑"));
    report_free(r);
}

/* Where a report came from: a source line, a paper named in brackets, an
 * e-paper's line; an account's code is no source. Shown and searchable as a
 * block at the head. */
/* A caption glued before its paragraph, taken up to its credit. */
static void test_glued_caption(void **state)
{
    const char *t = "标题\n\n导语写在这里，说明全文的内容。\n\n"
                    "图为青柘县法院的法官在田间调解纠纷。林某 摄法庭设在村委会，"
                    "法官每月来这里开庭两次，方便群众就近解决纠纷。\n";
    struct report *r = report_parse("t", t, strlen(t), false);
    bool found = false;

    (void)state;
    for (size_t b = 0; b < r->nr_blocks; b++)
        if (r->blocks[b].kind == BLOCK_CAPTION)
            found = r->blocks[b].len == strlen("图为青柘县法院的法官在田间调解纠纷。林某 摄") &&
                    !memcmp(report_block_text(r, &r->blocks[b]),
                            "图为青柘县法院的法官在田间调解纠纷。林某 摄", r->blocks[b].len);
    assert_true(found);
    report_free(r);
    expect_para(t, 1, "法庭设在村委会，法官每月来这里开庭两次，方便群众就近解决纠纷。");
}

/* Sign-offs: glued to the last paragraph, or a closing credit kept whole. */
static void test_signoffs(void **state)
{
    const char *glued = "标题\n\n导语写在这里，说明全文的内容。\n\n"
                        "新法庭的建成，让群众在家门口就能打官司，成为了群众身边的窗口。(林某)\n";
    const char *credit = "标题\n\n导语写在这里，说明全文的内容。\n\n正文一段，写得比较长一些。\n\n"
                         "正文二段，也写得比较长一些。\n\n林某 青柘法治报记者 张某 摄影报道\n";
    struct report *r;

    (void)state;
    r = report_parse("t", glued, strlen(glued), false);
    assert_non_null(r->author);
    assert_string_equal(r->author, "林某");
    report_free(r);
    expect_para(glued, 1, "新法庭的建成，让群众在家门口就能打官司，成为了群众身边的窗口。");
    r = report_parse("t", credit, strlen(credit), false);
    assert_non_null(r->author);
    assert_string_equal(r->author, "林某 青柘法治报记者 张某 摄影报道");
    report_free(r);
}

static void test_source(void **state)
{
    static const struct {
        const char *text, *source;
    } cases[] = {
        {"标题\n\n发布时间：2025-06-18 来源：青柘日报\n\n正文。\n", "青柘日报"},
        {"标题\n\n文章来源: 青柘新闻网 作者:林某\n\n正文。\n", "青柘新闻网"},
        {"标题\n\n5月3日 《青柘法治报》第4版\n\n正文。\n", "青柘法治报"},
        {"青柘法治报/2025 年/8 月/11 日/第 003 版\n\n标题\n\n正文。\n", "青柘法治报"},
        {"标题\n\n发布时间：2025-06-18 来源: sp20250618\n\n正文。\n", NULL},
    };
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        struct report *r = report_parse("t", cases[i].text, strlen(cases[i].text), false);
        bool block = false;

        if (!cases[i].source) {
            assert_null(r->source);
        } else {
            assert_non_null(r->source);
            assert_string_equal(r->source, cases[i].source);
            for (size_t b = 0; b < r->nr_blocks; b++)
                block = block || r->blocks[b].kind == BLOCK_SOURCE;
            assert_true(block);
            assert_non_null(strstr(r->text, cases[i].source));
        }
        report_free(r);
    }
    /* the e-paper's date, spaced out */
    {
        const char *t = "青柘法治报/2025 年/8 月/11 日/第 003 版\n\n标题\n\n正文。\n";
        struct report *r = report_parse("t", t, strlen(t), false);

        assert_non_null(r->date);
        assert_string_equal(r->date, "2025-08-11");
        report_free(r);
    }
}

/* A newspaper column cuts a metadata line too: joined again, it gives the
 * date and the source. */
static void test_column_cut_metadata(void **state)
{
    const char *t = "青柘法院巡回审判进村\n发布时间：2024-03-\n05 来源：青柘日报，\n"
                    "近年来，青柘县人民法院坚\n持以人民为中心，推动审判工\n"
                    "作高质量发展，全院干警共同\n努力，取得了明显成效。\n\n"
                    "该院开展涉企积案清理行动，\n执行到位金额同比上升两成，\n"
                    "群众满意度不断提升明显。\n";
    struct report *r = report_parse("t", t, strlen(t), false);

    (void)state;
    assert_non_null(r->date);
    assert_string_equal(r->date, "2024-03-05");
    assert_non_null(r->source);
    expect_para(t, 0,
                "近年来，青柘县人民法院坚持以人民为中心，推动审判工作高质量发展，全院干警共同努力，"
                "取得了明显成效。");
    report_free(r);
}

/* In a column, a numbered heading as wide as the column stands alone; a line
 * of the paragraph below runs on into it even without punctuation. */
static void test_column_heading_stands_alone(void **state)
{
    const char *t = "标题\n\n近年来，青柘县人民法院坚\n持以人民为中心，推动审判工\n"
                    "作高质量发展，全院干警共同\n努力，取得了明显成效。\n"
                    "一、服务发展大局的主要做法\n该院开展涉企积案清理行动\n"
                    "执行到位金额同比上升两成，\n群众满意度提升。\n"
                    "近年来，青柘县人民法院坚\n持以人民为中心，推动审判工\n"
                    "作高质量发展，全院干警共同\n努力，取得了明显成效。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t标题\ncourt\t青柘县人民法院\nsection\t1\t一、服务发展大局的主要做法\n");
    expect_para(t, 1, "该院开展涉企积案清理行动执行到位金额同比上升两成，群众满意度提升。");
}

/* A column or page break leaves a stray blank line inside a paragraph: the
 * column line above it, cut mid-sentence, runs on over it; a number cut by the
 * column is joined without a space; a heading alone between blank lines in
 * the column stays a heading. */
static void test_column_stray_blank(void **state)
{
    const char *t = "青柘法院巡回审判进村\n\n近年来，青柘县人民法院坚\n持以人民为中心，推动审判工\n"
                    "作，全院干警共同努力奋斗，\n推动审判工作全面发展进步，\n\n"
                    "作高质量发展，全年审结案件1\n2034件，取得了明显成效。\n\n"
                    "调解前移 矛盾化解在村口\n\n"
                    "“今天来村里就是要听听大家\n\n对案子的看法，”法官说，全院干\n"
                    "警共同努力，群众满意度提升。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t青柘法院巡回审判进村\ncourt\t青柘县人民法院\n"
                   "section\t1\t调解前移 矛盾化解在村口\n");
    expect_para(t, 0,
                "近年来，青柘县人民法院坚持以人民为中心，推动审判工作，全院干警共同努力奋斗，"
                "推动审判工作全面发展进步，作高质量发展，全年审结案件12034件，"
                "取得了明显成效。");
    expect_para(
        t, 1, "“今天来村里就是要听听大家对案子的看法，”法官说，全院干警共同努力，群众满意度提升。");
}

/* A headline longer than the column is cut into its lines like the body: its
 * pieces are joined again, a dash cut in two too. */
static void test_column_cut_headline(void **state)
{
    const char *body = "近年来，青柘县人民法院坚\n持以人民为中心，推动审判工\n"
                       "作高质量发展，全院干警共同\n努力，取得了明显成效。\n";
    struct sbuf t = SBUF_INIT;

    (void)state;
    sbuf_addstr(&t, "青柘法院巡回审判进村入户\n化解纠纷在家门口\n\n");
    sbuf_addstr(&t, body);
    expect_outline(t.buf, false,
                   "title\t青柘法院巡回审判进村入户化解纠纷在家门口\ncourt\t青柘县人民法院\n");
    sbuf_reset(&t);
    sbuf_addstr(&t, "守护一方平安的青柘法官 —\n— 记青柘县人民法院\n\n");
    sbuf_addstr(&t, body);
    expect_outline(t.buf, false,
                   "title\t守护一方平安的青柘法官 —— 记青柘县人民法院\ncourt\t青柘县人民法院\n");
    sbuf_release(&t);
}

/* In a column, a heading of two phrases with a comma between them, wider than
 * the column, stands on its own line between paragraphs: it is no column line,
 * whose sentence runs on into the next. */
static void test_column_comma_heading(void **state)
{
    const char *t = "青柘法院巡回审判进村\n\n近年来，青柘县人民法院坚\n持以人民为中心，推动审判工\n"
                    "作高质量发展，全院干警共同\n努力，取得了明显成效。\n\n"
                    "调解前移，让纠纷化解在村民家门口\n\n"
                    "该院开展涉企积案清理行动，\n执行到位金额同比上升两成，\n"
                    "全院干警共同努力，群众满意\n度不断提升明显。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t青柘法院巡回审判进村\ncourt\t青柘县人民法院\n"
                   "section\t1\t调解前移，让纠纷化解在村民家门口\n");
}

/* In a column, a heading glued between two paragraphs, no blank line around
 * it, narrower than the column line under it: a paragraph's first line is as
 * wide as its second, so it is the heading, not the next paragraph's start. A
 * first line cut in a word (…提升干警业务 / 素养。…) is no heading. */
static void test_column_glued_narrow_heading(void **state)
{
    const char *lead = "青柘法院巡回审判进村\n\n今年以来，青柘县法院的干警们走\n"
                       "村入户，把调解室搬到田间地头，\n化解了一批邻里纠纷，村民们都说\n"
                       "法官就在身边。\n";
    const char *want = "title\t青柘法院巡回审判进村\ncourt\t青柘县人民法院\n";
    struct sbuf t = SBUF_INIT, cut = SBUF_INIT, w = SBUF_INIT;

    (void)state;
    sbuf_addf(&t,
              "%s随法官下乡，看巡回审判进村\n清晨六时，记者跟着法官把国徽、\n"
              "卷宗和调解材料搬上警车后备箱，\n一路颠簸到了村口，调解就在村委\n"
              "会的院子里开始了。\n",
              lead);
    sbuf_addf(&cut,
              "%s以学习培训为抓手，提升干警\n业务素养。全院干警共同努力，群\n"
              "众满意度提升明显。\n",
              lead);
    sbuf_addf(&w, "%ssection\t1\t随法官下乡，看巡回审判进村\n", want);
    expect_outline(t.buf, false, w.buf);
    expect_para(t.buf, 1,
                "清晨六时，记者跟着法官把国徽、卷宗和调解材料搬上警车后备箱，一路颠簸到了村口，"
                "调解就在村委会的院子里开始了。");
    expect_outline(cut.buf, false, want);
    sbuf_release(&t);
    sbuf_release(&cut);
    sbuf_release(&w);
}

/* A work report's deck cut where it had a space (…第五届人大 / 第三次会议
 * 上), wide gaps around it, in a text of column lines: the venue finishes the
 * deck, it is no section heading between the headline and the speaker. */
static void assert_no_block(const struct report *r, enum block_kind kind)
{
    for (size_t i = 0; i < r->nr_blocks; i++)
        assert_int_not_equal(r->blocks[i].kind, kind);
}

/* A deck line that is an HTML tag alone (<span>, as a saved page leaves
 * one) is no deck: nothing is left of it once the tag goes (found by
 * fuzz_parse: the empty deck was copied from a NULL buffer). */
static void test_deck_of_a_tag_alone(void **state)
{
    const char *t = "潆溪县人民法院开展巡回审判\n<span>\n\n"
                    "本报讯 近日，潆溪县人民法院在青柘镇开展巡回审判。\n";
    struct report *r = report_parse("t", t, strlen(t), false);

    (void)state;
    assert_null(r->subtitle);
    assert_no_block(r, BLOCK_SUBTITLE);
    report_free(r);
}

/* The same for a headline: a line that is nothing once its tag goes
 * (<m潆溪>, a tag cut short by a saved page) is no title. */
static void test_headline_of_a_tag_alone(void **state)
{
    const char *t = "<m潆溪>\n\n潆溪县人民法院在青柘镇开展巡回审判，就地化解纠纷三起。\n";
    struct report *r = report_parse("t", t, strlen(t), false);

    (void)state;
    assert_null(r->title);
    assert_no_block(r, BLOCK_TITLE);
    report_free(r);
}

/* A page saved as text keeps the markup of its line ends glued to the
 * lines (“海滨”边的小法庭<br />): such a line is read as the text it holds,
 * with nothing of HTML residue about it (a headline under a breadcrumb, in a
 * text of column lines); markup alone on a line stays what it was. */
static void test_line_with_its_break_tag(void **state)
{
    const char *t = "您的位置:首页 >潆溪法院网 > 新闻动态 >\n\n"
                    "“海滨”边的小法庭<br />\n\n"
                    "“潮来潮往，案结事了”，这是渡口村\n村民送给海滨法庭的一面锦旗。这里\n"
                    "是潆溪县最东边的一个渔港小镇，渔\n民出海、商户往来，纠纷也不少。这\n"
                    "里，还有一个守着渔港的小法庭……\n\n"
                    "渔港纠纷，法官来了\n\n"
                    "渡口村的渔民老陈和船厂因修船款起\n了争执，海滨法庭的法官赶到码头，\n"
                    "当场调解，双方握手言和。\n";
    struct report *r = report_parse_skip("t", t, strlen(t), false, REPORT_EXPLAIN);
    const char *line;

    (void)state;
    assert_non_null(r->title);
    assert_string_equal(r->title, "“海滨”边的小法庭");
    line = strstr(r->explain, "“海滨”边的小法庭");
    assert_non_null(line);
    while (line > r->explain && line[-1] != '\n')
        line--;
    assert_null(memmem(line, strcspn(line, "\n"), "HTML", 4));
    assert_non_null(memmem(line, strcspn(line, "\n"), "title", 5));
    report_free(r);
    t = "<br />\n\n潆溪县人民法院在青柘镇开展巡回审判，就地化解纠纷三起。\n";
    r = report_parse("t", t, strlen(t), false);
    assert_null(r->title);
    report_free(r);
}

/* A metadata line the column cut (发布时间:2025-06-18 1 / 0:20:31 打印 字号:
 * | |), a break under it, then a caption's column lines: the time runs on
 * into the line right under it, and the break ends the metadata; the
 * caption's first line is no part of it. */
static void test_metadata_ends_at_a_break(void **state)
{
    const char *t = "当前位置: 首页 > 新闻中心 > 媒体聚焦\n潆溪法院:巡回审判进渔村\n分享到:\n"
                    "作者:潆溪日报记者 林某 \n 发布时间:2025-06-18 1\n0:20:31 打印 字号: | |\n\n"
                    "潆溪县人民法院海滨人民法庭法官正在\n渔港码头调解一起修船款纠纷。潆溪\n"
                    "县法院供图\n\n“法官把庭开到了码头上,我们不用\n再往县城跑了。”近日,在潆溪县人\n"
                    "民法院海滨人民法庭的回访中,渔民\n老陈对法庭的调解效率赞不绝口。\n"
                    "去年以来,海滨人民法庭在渔港设立\n巡回审判点,就地化解纠纷三十余起。\n";
    struct report *r = report_parse_skip("t", t, strlen(t), false, REPORT_EXPLAIN);
    const char *meta = strstr(r->explain, "发布时间:2025-06-18 10:20:31 打印");

    (void)state;
    assert_non_null(meta);
    assert_null(memmem(meta, strcspn(meta, "\n"), "海滨人民法庭法官", strlen("海滨人民法庭法官")));
    assert_non_null(r->date);
    assert_string_equal(r->date, "2025-06-18");
    report_free(r);
}

static void test_column_deck_with_venue(void **state)
{
    const char *t = "青柘县法院工作报告\n\n \n\n——2025年1月10日在青柘县第五届人大\n\n"
                    "第三次会议上\n\n \n\n青柘县法院院长  林某\n\n \n\n各位代表：\n\n"
                    "现在，我代表青柘县法院报告一年\n来的工作，请各位代表审议。\n\n \n\n"
                    "今年以来，青柘县法院的干警们走\n村入户，把调解室搬到田间地头，\n"
                    "化解了一批邻里纠纷。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t青柘县法院工作报告\n"
                   "subtitle\t——2025年1月10日在青柘县第五届人大 第三次会议上\n"
                   "byline\t青柘县法院院长 林某\ncourt\t青柘县人民法院\n");
}

/* A numbered heading longer than its column line, cut after its comma, a
 * break under it: one heading, though its column is narrower than the text's
 * (each paragraph has its width), and its last piece, a little narrower than
 * its first, does not run on over the break into the paragraph below. */
static void test_column_cut_numbered_heading(void **state)
{
    const char *lead = "青柘法院巡回审判进村\n\n今年以来，青柘县法院的干警们走村\n"
                       "入户，把调解室搬到田间地头，化解\n了一批邻里纠纷。\n\n";
    const char *rest = "\n该院在辖区各乡镇设立调解工作室，\n选聘特邀调解员三十名，全年调解纠\n"
                       "纷六百余件，群众满意度不断提升。\n";
    const char *want = "title\t青柘法院巡回审判进村\ncourt\t青柘县人民法院\nsection\t1\t";

    (void)state;
    expect_outline_of(lead, "（二）调解前移工作机制下，\n矛盾纠纷化解在村民家门口\n", rest, want,
                      "（二）调解前移工作机制下，矛盾纠纷化解在村民家门口\n");
    expect_outline_of(lead, "（二）在调解前移的工作机制下，\n矛盾纠纷就地化解在村民家门口\n", rest,
                      want, "（二）在调解前移的工作机制下，矛盾纠纷就地化解在村民家门口\n");
}

/* A headline longer than a column line, set in a column narrower than the
 * text's: its pieces as wide as each other (a figure cut with them), over one
 * blank line or none, then the metadata, which is no piece of it, though its
 * first column line is as wide as the headline's last. */
static void test_column_cut_headline_in_a_narrow_column(void **state)
{
    const char *body =
        "\n今年以来，青柘县法院的干警们走村入户\n，把调解室搬到田间地头，化解了一批邻\n"
        "里纠纷，村民们都说法官就在身边。法官\n们还利用赶集的日子摆摊讲法，一年下来\n"
        "走遍了全县的每一个村子。\n";
    const char *fields = "byline\t林某\ndate\t2025-03-12\ncourt\t青柘县人民法院\n";
    const char *whole =
        "title\t青柘县法院巡回法庭挂牌仪式暨诉源治理工作推进会在柳溪镇南山村隆重召开\n";

    (void)state;
    expect_outline_of(
        "青柘县法院巡回法庭挂牌仪式暨诉\n源治理工作推进会——2025年\n3月在柳溪镇召开\n",
        "作者：林某 发布时间：2025-03-12 09:30\n", body,
        "title\t青柘县法院巡回法庭挂牌仪式暨诉源治理工作推进会——2025年3月在柳溪镇召开\n", fields);
    expect_outline_of("青柘县法院巡回法庭挂牌仪式暨诉源治\n\n理工作推进会在柳溪镇南山村隆重召开\n",
                      "作者：林某 发布时间：2025-03-12 09:30\n", body, whole, fields);
    expect_outline_of("青柘县法院巡回法庭挂牌仪式暨诉源治理\n工作推进会在柳溪镇南山村隆重召开\n",
                      "作者：林某 发布时间：2025-\n03-12 09:30\n", body, whole, fields);
    /* a blank is a character of the column's: two phrases, then as wide */
    expect_outline_of("青柘法院巡回审判 调解纠纷在田\n间地头化解矛盾在村寨推进诉源治\n理\n\n",
                      "作者：林某 发布时间：2025-03-12 09:30\n", body,
                      "title\t青柘法院巡回审判 调解纠纷在田间地头化解矛盾在村寨推进诉源治理\n",
                      fields);
    /* the page's breadcrumb is no piece of the headline under it */
    expect_outline_of("首页 - 数据公开 - 审判动态 - 正文\n青柘县法院柳溪人民法庭挂牌成立\n",
                      "作者：林某 发布时间：2025-03-12 09:30\n",
                      "\n"
                      "今年以来，青柘县法院的干警们走村入户，\n"
                      "把调解室搬到田间地头，化解了一批邻里纠\n"
                      "纷，村民们都说法官就在身边。法官们还利\n"
                      "用赶集的日子摆摊讲法，一年下来走遍了全\n"
                      "县的每一个村子。\n",
                      "title\t青柘县法院柳溪人民法庭挂牌成立\nbyline\t林某\ndate\t2025-03-12\n",
                      "court\t青柘县人民法院\ncourt\t柳溪人民法庭\n");
}

/* Captions a page left after its pictures' file names (3.jpg▲…), cut by the
 * column: each file name opens a caption of its own, which runs on neither
 * into the next caption nor, over a break, into the paragraph below. */
static void test_column_captions_after_file_names(void **state)
{
    const char *lead =
        "青柘法院巡回审判进村\n\n今年以来，青柘县法院的干警们走村\n"
        "入户，把调解室搬到田间地头，化解\n了一批邻里纠纷，村民们都说法官就\n在身边。\n\n";
    const char *rest = "\n法官们还利用赶集的日子摆摊讲法，\n一年下来走遍了全县的每一个村子，\n"
                       "群众的法治意识明显增强。\n";
    const char *want = "title\t青柘法院巡回审判进村\ncourt\t青柘县人民法院\n";

    (void)state;
    expect_outline_of(lead,
                      "3.jpg▲2024年5月6日法官在\n村口调解一起邻里纠纷双方握手言和\n\n"
                      "4.jpg ▲2024年6月1日巡回\n法庭在集市上开展普法宣传\n",
                      rest, want,
                      "caption\t2024年5月6日法官在村口调解一起邻里纠纷双方握手言和\n"
                      "caption\t2024年6月1日巡回法庭在集市上开展普法宣传\n");
    expect_outline_of(lead,
                      "3.jpg▲2024年5月6日\n法官在村口调解邻里纠纷双方握手言\n\n"
                      "4.jpg ▲2024年6月1日\n巡回法庭在集市上开展普法宣传\n",
                      rest, want,
                      "caption\t2024年5月6日法官在村口调解邻里纠纷双方握手言\n"
                      "caption\t2024年6月1日巡回法庭在集市上开展普法宣传\n");
    expect_outline_of(lead,
                      "3.jpg▲2024年5月6日\n法官在村口调解邻里纠纷双方握手言\n和\n\n"
                      "4.jpg ▲2024年6月1日\n巡回法庭在集市上开展普法宣传\n",
                      rest, want,
                      "caption\t2024年5月6日法官在村口调解邻里纠纷双方握手言和\n"
                      "caption\t2024年6月1日巡回法庭在集市上开展普法宣传\n");
}

/* A picture's label of a few words (调解现场。) right under a headline as wide
 * as the column lines: a caption, not the end of a paragraph the column cut. */
static void test_column_terse_caption_under_the_headline(void **state)
{
    const char *t = "巡回法庭进村寨 调解纠纷在田间\n调解现场。\n\n本报讯（记者 林某）今年以来，\n"
                    "青柘县法院的干警们走村入户，把\n调解室搬到田间地头，化解了一批\n"
                    "邻里纠纷，村民们都说法官就在身\n边。法官们还利用赶集的日子摆摊\n"
                    "讲法，一年下来走遍了全县的每一\n个村子。\n";

    (void)state;
    expect_outline(t, false,
                   "title\t巡回法庭进村寨 调解纠纷在田间\nbyline\t记者 林某\n"
                   "court\t青柘县人民法院\ncaption\t调解现场。\n");
}

/* A page's metadata, its widgets on a line of their own under it (【字号),
 * then a phrase alone: the picture's caption there, not the headline's deck. */
static void test_caption_under_metadata_and_widgets(void **state)
{
    const char *t =
        "当前位置：青柘新闻网 >> 本地新闻 >> 正文\n\n青柘县法院柳溪人民法庭举行揭牌仪式\n\n"
        "http://www.qingzhe.example\n2024-05-03 09:30 来源：青柘新闻网\n【字号\n\n"
        "青柘县法院柳溪人民法庭正式启用\n\n5月3日，青柘县法院为柳溪人民法庭\n"
        "举行揭牌仪式。县里有关领导、部分乡\n镇代表参加了仪式。揭牌后，法官们在\n"
        "新法庭里审理了第一起案件，旁听的村\n民坐满了法庭。\n";

    (void)state;
    expect_outline(t, false,
                   "title\t青柘县法院柳溪人民法庭举行揭牌仪式\n"
                   "date\t2024-05-03\n"
                   "source\t青柘新闻网\n"
                   "court\t青柘县人民法院\n"
                   "court\t柳溪人民法庭\n"
                   "caption\t青柘县法院柳溪人民法庭正式启用\n");
}

/* A caption cut by the column, its sentence ended, the photo credit alone on
 * the line under it: one caption, credit and all. */
static void test_column_caption_over_its_credit(void **state)
{
    const char *t =
        "青柘法院巡回审判进村\n\n今年以来，青柘县法院的干警们走村\n"
        "入户，把调解室搬到田间地头，化解\n了一批邻里纠纷，村民们都说法官就\n在身边。\n\n"
        "青柘县法院执行局的干警们正在整理\n卷宗、准备调解材料和庭审提纲。\n"
        "青柘县法院供图\n\n法官们还利用赶集的日子摆摊讲法，\n"
        "一年下来走遍了全县的每一个村子，\n群众的法治意识明显增强。\n";

    (void)state;
    expect_outline(t, false,
                   "title\t青柘法院巡回审判进村\ncourt\t青柘县人民法院\n"
                   "caption\t青柘县法院执行局的干警们正在整理卷宗、准备调解材料和庭审提纲。"
                   "青柘县法院供图\n");
}

/* A column cuts a caption too, after its comma, and a gap where the picture
 * stood may part the pieces: they are one caption. */
static void test_column_cut_caption(void **state)
{
    const char *t = "青柘法院巡回审判进村\n\n近年来，青柘县人民法院坚\n持以人民为中心，推动审判工\n"
                    "作高质量发展，全院干警共同\n努力，取得了明显成效。\n\n\n"
                    "▲2024年3月5日，\n\n\n法官在村口调解一起邻里纠纷\n\n\n"
                    "该院开展涉企积案清理行动，\n执行到位金额同比上升两成，\n"
                    "全院干警共同努力，群众满意\n度不断提升明显。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t青柘法院巡回审判进村\ncourt\t青柘县人民法院\n"
                   "caption\t2024年3月5日，法官在村口调解一起邻里纠纷\n");
}

/* A column cuts a caption with no comma in its first piece, the credit in its
 * last: the pieces are one caption, not a heading and a caption. */
static void test_column_caption_with_credit(void **state)
{
    const char *t = "青柘法院巡回审判进村\n\n作者:本报记者 王五\n\n"
                    "青柘县人民法院执行局干警们在\n整理卷宗、准备调解材料。青柘县法院供图\n\n"
                    "近年来，青柘县人民法院坚\n持以人民为中心，推动审判工\n"
                    "作高质量发展，全院干警共同\n努力，取得了明显成效。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t青柘法院巡回审判进村\nbyline\t本报记者 王五\ncourt\t青柘县人民法院\n"
                   "caption\t青柘县人民法院执行局干警们在整理卷宗、准备调解材料。"
                   "青柘县法院供图\n");
}

/* Above the body, a column line without a comma runs on when it leaves a
 * quotation open: the lead's first line (本报讯(记者 X)“…) is no heading. */
static void test_column_open_quote_runs_on(void **state)
{
    const char *t =
        "青柘法庭进社区\n\n本报讯(记者 王五 文/图)“没想到\n法官把调解桌搬进了村委会，我们再\n"
        "不用往县城跑一趟了。”为便利群众诉\n讼，近日，青柘县人民法院把法庭开到\n"
        "了社区。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t青柘法庭进社区\nbyline\t记者 王五 文/图\ncourt\t青柘县人民法院\n"
                   "court\t青柘人民法庭\n");
}

/* A paragraph set narrower than the rest of the column: its lines are as
 * wide as each other, and they are joined all the same. */
static void test_column_narrower_paragraph(void **state)
{
    const char *t =
        "青柘法官进村办案\n\n近年来，青柘县人民法院坚持以人民为中\n心，推动审判工作高质量发展，全院"
        "干警\n"
        "共同努力，取得了明显的成效，群众满意\n度不断提升，各项工作走在全市法院前\n"
        "列，受到上级法院和当地党委的肯定，今\n年以来，该院又把巡回审判点设到了各\n"
        "个村里，方便群众就近参加诉讼活动。\n\n巡回审判,法官进村\n\n"
        "青柘镇的果园连成一片,去年\n秋天,一家公司与村民签订了\n租地合同,纠纷由此而起,法\n"
        "官决定到村里开庭。\n";
    (void)state;
    expect_para(t, 1,
                "青柘镇的果园连成一片,去年秋天,一家公司与村民签订了租地合同,纠纷由此而起,"
                "法官决定到村里开庭。");
    expect_outline(
        t, false,
        "title\t青柘法官进村办案\ncourt\t青柘县人民法院\nsection\t1\t巡回审判,法官进村\n");
}

/* A column break right under a paragraph's first line, which has no comma:
 * the lines after the break are as wide as it, so it runs on over the break
 * and is no caption or heading. */
static void test_column_break_under_first_line(void **state)
{
    const char *t = "青柘法官进村办案\n\n近年来，青柘县人民法院坚持以人民为中\n心，推动审判工作高质"
                    "量发展，全院干警\n"
                    "共同努力，取得了明显的成效，群众满意\n度不断提升，各项工作走在全市法院前\n"
                    "列。\n\n青柘县地处大山深处是个偏远的山区县\n\n\n"
                    "全县群众居住分散，到县城打官司往返\n要走一整天，法院于是把法庭设到了乡\n"
                    "镇。\n";
    (void)state;
    expect_outline(t, false, "title\t青柘法官进村办案\ncourt\t青柘县人民法院\n");
    expect_para(t, 1,
                "青柘县地处大山深处是个偏远的山区县全县群众居住分散，到县城打官司往返要走一整天，"
                "法院于是把法庭设到了乡镇。");
}

/* In a column, a caption glued before its paragraph (…纠纷。青柘县法院 供图青柘
 * 县地处…): the column line with the credit has a stop and a space but no
 * comma; it runs on all the same, and the caption is taken up to its credit. */
static void test_column_glued_caption(void **state)
{
    const char *t = "青柘法官的一天\n\n近年来，青柘县人民法院坚持以人民为中\n心，推动审判工作高质量"
                    "发展，全院干警\n"
                    "共同努力，取得了明显的成效，群众满意\n度不断提升，各项工作走在全市法院前\n"
                    "列。\n图为青柘县人民法院法官在果园里的\n田间调解纠纷。青柘县法院 供图青柘\n"
                    "县地处大山深处，群众居住分散，到县\n\n城打官司往返要走一整天，很不方便。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t青柘法官的一天\ncourt\t青柘县人民法院\n"
                   "caption\t图为青柘县人民法院法官在果园里的田间调解纠纷。青柘县法院 供图\n");
}

/* In a column, a quoted heading under a paragraph's end, as wide as a column
 * line and with a comma inside: it stands alone, not joined to the next. */
static void test_column_quoted_heading(void **state)
{
    const char *t =
        "青柘少年法庭十年\n\n近年来，青柘县人民法院坚持以人民为中\n心，推动审判工作高质量发展，全院"
        "干警\n"
        "共同努力，取得了明显的成效，群众满意\n度不断提升，各项工作走在全市法院前\n"
        "列。\n“调解要有温度,更要有一点力度”\n"
        "庭长林某说，少年审判不只是判案，更\n要在案后回访中关心孩子们的学习和成\n长。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t青柘少年法庭十年\ncourt\t青柘县人民法院\n"
                   "section\t1\t“调解要有温度,更要有一点力度”\n");
}

/* In a column, a heading as wide as a column line over a short paragraph left
 * whole on one line, wider than the column: a heading, not a first line. */
static void test_column_heading_over_whole_paragraph(void **state)
{
    const char *t =
        "青柘法官进村办案\n\n近年来，青柘县人民法院坚持以人民为中\n心，推动审判工作高质量发展，全院"
        "干警\n"
        "共同努力，取得了明显的成效，群众满意\n度不断提升，各项工作走在全市法院前\n"
        "列。\n就地开庭,调解前先讲清楚法律规定\n"
        "上午九时，双方当事人陆续到庭，法官在村委会的会议室里开庭。\n"
        "法官先讲明了法律规定，又请村干部一\n起做工作，双方当事人最终达成了调解\n协议。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t青柘法官进村办案\ncourt\t青柘县人民法院\n"
                   "section\t1\t就地开庭,调解前先讲清楚法律规定\n");
}

/* In a column, a heading nearly as wide as a column line, alone between
 * blank lines under a paragraph's end: a heading, not a first line. */
static void test_column_heading_between_blanks(void **state)
{
    const char *t =
        "青柘法官进村办案\n\n近年来，青柘县人民法院坚持以人民为中\n心，推动审判工作高质量发展，全院"
        "干警\n"
        "共同努力，取得了明显的成效，群众满意\n度不断提升，各项工作走在全市法院前\n"
        "列。\n\n法官眼中“调解”的意义在于\n\n"
        "法官先讲明了法律规定，又请村干部一\n起做工作，双方当事人最终达成了调解\n协议。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t青柘法官进村办案\ncourt\t青柘县人民法院\n"
                   "section\t1\t法官眼中“调解”的意义在于\n");
}

/* An e-paper page: a contact list above a story whose lead is set narrower
 * than the rest of the column: the lead's lines, as wide as each other, count
 * as column lines, the column is joined, and the words with a full stop under
 * the headline are the picture's caption over the lead. */
static void test_column_under_page_furniture(void **state)
{
    const char *t =
        "第03版:\n\n办公室:5550101\n\n总编室:5550102\n\n采访部:5550103\n\n"
        "广告部:5550104\n\n发行部:5550105\n\n青柘法庭进社区\n调解现场。\n\n"
        "本报讯(记者 王五)“法院把庭\n审开到家门口,我们不用来回\n坐车了。”近日,青柘县人民\n"
        "法院把法庭开到社区,当事人\n不出社区就打完了官司。\n"
        "当天审理的是一起邻里之间的排水纠\n纷,双方当事人是多年的老邻居,因为\n"
        "一条排水沟闹得互不来往,法官先到现\n场查看,又请社区干部一起做工作,双\n"
        "方当事人最终握手言和,达成调解,旁\n听的居民说,这样的庭审让大家学到了\n"
        "不少法律知识,希望法官们常来社区。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t青柘法庭进社区\nbyline\t记者 王五\ncourt\t青柘县人民法院\n"
                   "court\t青柘人民法庭\ncaption\t调解现场。\n");
}

/* In a column too, a paragraph that lost its full stop, a blank line, and a
 * numbered heading cut off at the end of the text: the heading counts. */
static void test_column_numbered_heading_after_open_paragraph(void **state)
{
    const char *t = "青柘县人民法院工作报告\n\n全年受理各类案件一万余件，审结九千\n余件，同比分别上"
                    "升百分之五和百分之\n"
                    "六，法官人均结案数在全市法院排前列\n，审判质效主要指标均好于全市平均水\n"
                    "平，群众满意度位居全市前列\n\n一、服务发展大局\n";
    (void)state;
    expect_outline(t, false,
                   "title\t青柘县人民法院工作报告\ncourt\t青柘县人民法院\n"
                   "section\t1\t一、服务发展大局\n");
}

/* A metadata line cut by the column ends with a number; the picture's number
 * alone under it (图一) is a caption, not the end of that number. */
static void test_column_figure_number_under_metadata(void **state)
{
    const char *t = "青柘法院召开座谈会\n作者: 办公室 发布时间:2025\n-03-23 访问次数:4495\n图一\n\n"
                    "近年来，青柘县人民法院坚持以人民为中\n心，推动审判工作高质量发展，全院干警\n"
                    "共同努力，取得了明显的成效，群众满意\n度不断提升，各项工作走在全市法院前\n"
                    "列。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t青柘法院召开座谈会\nbyline\t办公室\ndate\t2025-03-23\n"
                   "court\t青柘县人民法院\ncaption\t图一\n");
}

/* The lead's first column line has no comma and the body has not begun: it
 * runs on all the same when the line under it is as wide, and is no heading. */
static void test_column_lead_first_line(void **state)
{
    const char *t = "青柘法庭的一天\n\n作者：王五  来源：青柘日报\n\n"
                    "青柘县地处大山深处是个偏远的山区县\n城,壮美的山水风光、独特的民族风情\n"
                    "、多彩的文化交织在一起。\n"
                    "近年来，青柘县人民法院坚持以人民为中\n心，推动审判工作高质量发展，全院干警\n"
                    "共同努力，取得了明显的成效，群众满意\n度不断提升，各项工作走在全市法院前\n"
                    "列。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t青柘法庭的一天\nbyline\t王五\nsource\t青柘日报\n"
                   "court\t青柘县人民法院\ncourt\t青柘人民法庭\n");
    expect_para(t, 0,
                "青柘县地处大山深处是个偏远的山区县城,壮美的山水风光、独特的民族风情、"
                "多彩的文化交织在一起。");
}

/* A paragraph set wider than the column, its first line alone before a column
 * break: the lines after the break are as wide, so it runs on over the break
 * and is no heading. */
static void test_column_wider_paragraph_over_break(void **state)
{
    const char *t =
        "青柘法官的一天\n\n近年来，青柘县人民法院坚持以人民为\n中心，推动审判工作高质量发展，全院\n"
        "干警共同努力，取得了明显的成效，群\n众满意度不断提升，各项工作走在全市\n"
        "法院的前列，受到了上级法院的肯定和\n表扬。\n\n"
        "青柘县地处大山深处是个偏远的山区县份之一\n\n"
        "全县群众居住分散，到县城打官司往返要走一\n整天，法院于是把法庭设到了乡镇里，方便群\n"
        "众就近参加诉讼，很受群众的欢迎和好评。\n";
    (void)state;
    expect_outline(t, false, "title\t青柘法官的一天\ncourt\t青柘县人民法院\n");
}

/* A numbered heading longer than the column, cut into two lines, a blank line
 * under its second: one heading. */
static void test_column_numbered_heading_in_two_lines(void **state)
{
    const char *t = "青柘法院调研报告\n\n近年来，青柘县人民法院坚持以人民为中\n心，推动审判工作高质"
                    "量发展，全院干警\n"
                    "共同努力，取得了明显的成效，群众满意\n度不断提升，各项工作走在全市法院前\n"
                    "列。\n\n（一）审判权运行机制改革后,员额法\n官的学习意识有待加强\n\n"
                    "调研发现，部分员额法官忙于办案，参加\n集中学习的时间明显减少，学习效果也\n"
                    "不够理想。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t青柘法院调研报告\ncourt\t青柘县人民法院\n"
                   "section\t1\t（一）审判权运行机制改革后,员额法官的学习意识有待加强\n");
}

/* A work report's numbered heading written as a sentence, cut by the column:
 * one heading; a heading of two phrases between column paragraphs, as wide as
 * a column line, stands on its own. */
static void test_column_headings_as_wide_as_lines(void **state)
{
    const char *t = "青柘县人民法院工作报告\n\n各位代表：\n\n"
                    "现在，我代表青柘县人民法院向大会报\n告工作，请予审议。\n\n"
                    "一、坚持党的领导，确保法院工作正确方\n向，服务发展大局。\n\n"
                    "全年召开党组会十次，专题研究审判执\n行工作，推动各项部署落地见效，取得\n"
                    "了明显的成效。\n";
    const char *u = "青柘法官进村办案\n\n清晨，青柘县人民法院的法官们带着国\n徽出发，沿着崎岖的山路"
                    "走了两个小时\n"
                    "，到达村委会，村民们早已等在门口。\n"
                    "就地开庭,调解更需耐心\n"
                    "上午九时，双方当事人先后到场，调解\n开始，法官逐条讲解法律规定，双方最\n"
                    "终达成了调解协议。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t青柘县人民法院工作报告\ncourt\t青柘县人民法院\n"
                   "section\t1\t一、坚持党的领导，确保法院工作正确方向，服务发展大局。\n");
    expect_outline(u, false,
                   "title\t青柘法官进村办案\ncourt\t青柘县人民法院\n"
                   "section\t1\t就地开庭,调解更需耐心\n");
}

/* A date line as wide as the column is whole when it ends with its day: the
 * headline under it is no part of it. */
static void test_column_whole_date_line(void **state)
{
    const char *t = "发布日期:2024年08月07日\n青柘法庭的一天\n本报记者 王五\n"
                    "近年来，青柘县人民法院坚持以人民为\n中心，推动审判工作高质量发展，全院\n"
                    "干警共同努力，取得了明显成效，群众\n满意度不断提升。\n";
    (void)state;
    expect_outline(t, false,
                   "title\t青柘法庭的一天\nbyline\t本报记者 王五\ndate\t2024-08-07\n"
                   "court\t青柘县人民法院\ncourt\t青柘人民法庭\n");
}

static void test_indented_paragraphs(void **state)
{
    /* plain-text articles: each paragraph starts with two ideographic spaces */
    const char *t = "标题\n\n　　第一段第一行，没有句号\n结束在这里。\n　　第二段开始\n也结束了。\n"
                    "　　第三段。\n";
    (void)state;
    expect_para(t, 0, "第一段第一行，没有句号结束在这里。");
    expect_para(t, 1, "第二段开始也结束了。");
    expect_para(t, 2, "第三段。");
}

static void test_markdown(void **state)
{
    const char *t =
        "# 桐岚县法院：小案件里的大民生\n\n本报记者 宋知远\n\n正文**重点**在这里，"
        "见[平台](https://x.org/)。\n\n![法官在田间调解](p.jpg)\n\n## 一、把法庭开到村口\n\n"
        "内容。\n\n### （一）群众评价\n\n内容。\n";
    (void)state;
    expect_outline(
        t, true,
        "title\t桐岚县法院：小案件里的大民生\nbyline\t本报记者 宋知远\n"
        "court\t桐岚县人民法院\ncaption\t法官在田间调解\nsection\t1\t一、把法庭开到村口\n"
        "section\t2\t（一）群众评价\n");
    {
        struct report *r = report_parse("t", t, strlen(t), true);

        assert_non_null(strstr(r->text, "正文重点在这里，见平台。"));
        report_free(r);
    }
}

/* Links in one pass: brackets that close nothing, a ']' with no '(' after
 * it, links one after another, a link inside a bracket that never closes,
 * and a line of nothing but '[' (which was quadratic), all kept as text. */
static void test_markdown_links(void **state)
{
    static const struct {
        const char *line, *want;
    } cases[] = {
        {"见[甲](a)和[乙](b)。", "见甲和乙。"},
        {"[未闭合，见[平台](x)。", "[未闭合，见平台。"},
        {"[注]不是链接，[丙](c)是。", "[注]不是链接，丙是。"},
        {"第一条[[[[[[未完的括号。", "第一条[[[[[[未完的括号。"},
        {"[丁](没有右括号", "[丁](没有右括号"},
    };
    char text[128];

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        struct report *r;

        snprintf(text, sizeof(text), "# 标题\n\n%s\n", cases[i].line);
        r = report_parse("t.md", text, strlen(text), true);
        if (!strstr(r->text, cases[i].want))
            fail_msg("'%s' gave '%s', not '%s'", cases[i].line, r->text, cases[i].want);
        report_free(r);
    }
}

static void test_markdown_front_matter(void **state)
{
    (void)state;
    expect_outline(
        "---\ntitle: 前置标题\ndate: 2024-03-05\nauthor: 张三\n---\n\n## 第一节\n\n正文。\n", true,
        "title\t前置标题\nbyline\t张三\ndate\t2024-03-05\nsection\t1\t第一节\n");
}

static void test_skipping_courts(void **state)
{
    const char *t = "标题\n\n某某县人民法院审结案件。\n";
    struct report *a = report_parse("t", t, strlen(t), false);
    struct report *b = report_parse_skip("t", t, strlen(t), false, REPORT_SKIP_COURTS);

    (void)state;
    assert_int_equal(a->nr_courts, 1);
    assert_int_equal(b->nr_courts, 0);
    assert_int_equal(a->nr_blocks, b->nr_blocks);
    assert_string_equal(a->text, b->text);
    report_free(a);
    report_free(b);
}

static void test_empty_and_odd_input(void **state)
{
    struct report *r;

    (void)state;
    r = report_parse("t", "", 0, false);
    assert_int_equal(r->nr_blocks, 0);
    assert_null(r->title);
    report_free(r);
    /* one very long line */
    {
        struct sbuf sb = SBUF_INIT;

        for (int i = 0; i < 20000; i++)
            sbuf_addstr(&sb, "法院审判，");
        r = report_parse("t", sb.buf, sb.len, false);
        assert_int_equal(r->nr_blocks, 1);
        assert_int_equal(r->blocks[0].kind, BLOCK_PARA);
        report_free(r);
        sbuf_release(&sb);
    }
}

/* Where an offset falls: its block, and the section over it. */
static void test_block_and_section_of_an_offset(void **state)
{
    static const char md[] =
        "# 某某县法院工作纪实\n\n导语一段。\n\n## 一、审判工作\n\n第一段正文。\n\n"
        "## 二、执行工作\n\n第二段正文。\n";
    struct report *r = report_parse("t.md", md, strlen(md), true);
    const char *p1 = strstr(r->text, "第一段"), *p2 = strstr(r->text, "第二段");
    size_t b1 = report_block_at(r, (size_t)(p1 - r->text) + 3);
    size_t b2 = report_block_at(r, (size_t)(p2 - r->text));
    long s1 = report_section_of(r, b1), s2 = report_section_of(r, b2);
    size_t lead = report_block_at(r, (size_t)(strstr(r->text, "导语") - r->text));

    (void)state;
    assert_int_equal(r->blocks[b1].kind, BLOCK_PARA);
    assert_true(s1 >= 0 && s2 > s1);
    assert_memory_equal(report_block_text(r, &r->blocks[s1]), "一、审判工作",
                        strlen("一、审判工作"));
    assert_memory_equal(report_block_text(r, &r->blocks[s2]), "二、执行工作",
                        strlen("二、执行工作"));
    assert_int_equal(report_section_of(r, lead), -1); /* before the first heading */
    assert_int_equal(report_section_of(r, r->nr_blocks), -1);
    report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hard_wrapped_lines_join),
        cmocka_unit_test(test_latin_words_keep_one_space),
        cmocka_unit_test(test_page_break_inside_paragraph),
        cmocka_unit_test(test_column_lines_on_their_own_are_not_headings),
        cmocka_unit_test(test_justified_line),
        cmocka_unit_test(test_two_line_headings),
        cmocka_unit_test(test_heading_then_wrapped_paragraph),
        cmocka_unit_test(test_numbered_headings_and_levels),
        cmocka_unit_test(test_numbered_heading_over_two_lines),
        cmocka_unit_test(test_run_in_leads_are_not_sections),
        cmocka_unit_test(test_captions_by_gap),
        cmocka_unit_test(test_title_forms),
        cmocka_unit_test(test_signoff_and_byline),
        cmocka_unit_test(test_work_report_under_a_list_headline),
        cmocka_unit_test(test_column_cut_headline_over_a_gap),
        cmocka_unit_test(test_dateline_before_a_caption),
        cmocka_unit_test(test_deck_of_figures_cut_by_the_column),
        cmocka_unit_test(test_column_cut_author),
        cmocka_unit_test(test_empty_author_in_traditional_characters),
        cmocka_unit_test(test_unlabelled_author),
        cmocka_unit_test(test_date_cut_in_two),
        cmocka_unit_test(test_name_tail_on_its_own_line),
        cmocka_unit_test(test_lead_byline_cut_by_the_column),
        cmocka_unit_test(test_author_before_a_widget),
        cmocka_unit_test(test_caption_cut_by_the_column),
        cmocka_unit_test(test_headline_over_a_note_in_columns),
        cmocka_unit_test(test_web_noise_leaves_the_body),
        cmocka_unit_test(test_source),
        cmocka_unit_test(test_signoffs),
        cmocka_unit_test(test_glued_caption),
        cmocka_unit_test(test_column_cut_metadata),
        cmocka_unit_test(test_column_heading_stands_alone),
        cmocka_unit_test(test_column_stray_blank),
        cmocka_unit_test(test_column_cut_headline),
        cmocka_unit_test(test_column_comma_heading),
        cmocka_unit_test(test_column_glued_narrow_heading),
        cmocka_unit_test(test_deck_of_a_tag_alone),
        cmocka_unit_test(test_headline_of_a_tag_alone),
        cmocka_unit_test(test_line_with_its_break_tag),
        cmocka_unit_test(test_metadata_ends_at_a_break),
        cmocka_unit_test(test_column_deck_with_venue),
        cmocka_unit_test(test_column_cut_numbered_heading),
        cmocka_unit_test(test_column_cut_headline_in_a_narrow_column),
        cmocka_unit_test(test_column_captions_after_file_names),
        cmocka_unit_test(test_column_terse_caption_under_the_headline),
        cmocka_unit_test(test_caption_under_metadata_and_widgets),
        cmocka_unit_test(test_column_caption_over_its_credit),
        cmocka_unit_test(test_column_cut_caption),
        cmocka_unit_test(test_column_caption_with_credit),
        cmocka_unit_test(test_column_open_quote_runs_on),
        cmocka_unit_test(test_column_narrower_paragraph),
        cmocka_unit_test(test_column_break_under_first_line),
        cmocka_unit_test(test_column_glued_caption),
        cmocka_unit_test(test_column_quoted_heading),
        cmocka_unit_test(test_column_heading_over_whole_paragraph),
        cmocka_unit_test(test_column_heading_between_blanks),
        cmocka_unit_test(test_column_under_page_furniture),
        cmocka_unit_test(test_column_numbered_heading_after_open_paragraph),
        cmocka_unit_test(test_column_figure_number_under_metadata),
        cmocka_unit_test(test_column_lead_first_line),
        cmocka_unit_test(test_column_wider_paragraph_over_break),
        cmocka_unit_test(test_column_numbered_heading_in_two_lines),
        cmocka_unit_test(test_column_headings_as_wide_as_lines),
        cmocka_unit_test(test_column_whole_date_line),
        cmocka_unit_test(test_indented_paragraphs),
        cmocka_unit_test(test_markdown),
        cmocka_unit_test(test_markdown_links),
        cmocka_unit_test(test_markdown_front_matter),
        cmocka_unit_test(test_skipping_courts),
        cmocka_unit_test(test_empty_and_odd_input),
        cmocka_unit_test(test_block_and_section_of_an_offset),
    };
    return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
