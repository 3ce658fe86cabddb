/*
 * Unit tests for kinds.c: the sequence of kinds chosen for short texts written
 * for each way a report runs, and the weights' table as --explain shows it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "kinds.h"
#include "text_lines.h"

/* The kinds of a text's lines, as their names joined by spaces. */
static void expect_kinds(const char *text, const char *want)
{
    struct text_lines t;
    enum line_kind k[TEXT_LINES_MAX];
    struct sbuf got = SBUF_INIT;

    text_lines_cut(text, &t);
    kinds_choose(t.f, t.n, k);
    for (size_t i = 0; i < t.n; i++)
        sbuf_addf(&got, "%s%s", i ? " " : "", kinds_name(k[i]));
    if (strcmp(got.buf ? got.buf : "", want) != 0)
        fail_msg("\"%s\"\n  got:  %s\n  want: %s", text, got.buf ? got.buf : "", want);
    sbuf_release(&got);
}

/* A news page: its furniture, the headline, metadata, body, footer. */
static void test_web_page(void **state)
{
    (void)state;
    expect_kinds("首页 > 新闻中心 > 正文\n\n青柘县法院开通诉讼服务热线\n\n"
                 "发布时间：2025-06-18 09:30 来源：青柘县人民法院\n\n"
                 "近日，青柘县人民法院开通诉讼服务热线，当事人拨打热线即可查询案件进度、"
                 "预约立案和反映问题。\n\n责任编辑：陈明\n",
                 "page title metadata body footer");
}

/* A page without a headline: its furniture leads straight into the body (a
 * move that weighs against it, but is allowed). */
static void test_page_without_headline(void **state)
{
    (void)state;
    expect_kinds("当前位置：首页 > 法院新闻 > 正文\n\n"
                 "近日，青柘县人民法院召开全院干警大会，总结上半年工作，部署下半年任务，"
                 "会议由院长主持。\n\n一、基本情况\n\n"
                 "上半年共受理各类案件三千余件，审结二千八百余件，结案率同比上升。\n",
                 "page body heading body");
}

/* A newspaper report: headline, deck, byline, a heading between paragraphs,
 * a sign-off. */
static void test_newspaper(void **state)
{
    (void)state;
    expect_kinds(
        "把纠纷化解在家门口\n\n——青柘县人民法院推进诉源治理纪实\n\n本报记者 林某\n\n"
        "近年来，青柘县人民法院坚持把非诉讼纠纷解决机制挺在前面，推动矛盾纠纷就地化解。\n\n"
        "建强调解队伍\n\n"
        "该院选聘特邀调解员三十名，在辖区各乡镇设立调解工作室，全年调解纠纷六百余件。\n\n"
        "（金豆）\n",
        "title subtitle byline body heading body signoff");
}

/* A heading over two lines, and a numbered heading under a part heading. */
static void test_headings(void **state)
{
    (void)state;
    expect_kinds("标题\n\n导语写在这里，说明全文。\n\n加强政治建设\n让理论武装实起来\n\n"
                 "正文第一段内容写在这里，内容比较长一些。\n",
                 "title body heading heading+ body");
    expect_kinds("青柘县人民法院工作报告\n\n2024年主要工作\n\n"
                 "一、依法履行审判职责，服务发展大局\n\n"
                 "全年受理各类案件一万余件，审结九千余件，同比分别上升百分之五和百分之六。\n",
                 "title part heading body");
}

/* A short line in the middle of a sentence is not a heading. */
static void test_no_heading_inside_a_sentence(void **state)
{
    (void)state;
    expect_kinds("标题文字\n\n本报记者●王五\n\n近年来，某某市中级\n\n人民法院坚持以习近平新时代\n\n"
                 "中国特色社会主义思想为指导\n\n扎实推进队伍建设工作。\n",
                 "title byline body body body body");
}

/* A text cut off in a column ends with a short piece of its next line: it is
 * no heading, though it is short and has no punctuation, as only a heading
 * with its number shows itself when cut. */
static void test_cut_last_line_in_column(void **state)
{
    (void)state;
    expect_kinds("标题文字\n\n近年来，青柘县人民法院坚\n持以人民为中心，推动审判工\n"
                 "作高质量发展，全院干警共同\n努力，取得了明显成效。\n\n服务诉源治理“两个",
                 "title body body body body body");
}

/* Captions where pictures stood, and a placeholder. */
static void test_captions(void **state)
{
    (void)state;
    expect_kinds(
        "标题\n\n导语写在这里，说明全文内容。\n\n\n\n法官走进牧区调解纠纷\n\n\n\n"
        "正文继续写在这里，内容比较长一些，说的是法官怎样走进牧区调解纠纷。\n\n(资料图)\n\n"
        "随后又写了一段，说的是调解以后群众怎样评价。\n",
        "title body caption body caption body");
}

/* Captions that say little: a sentence with its credit after it, a few words
 * with a full stop where a picture stood. */
static void test_captions_in_few_words(void **state)
{
    (void)state;
    expect_kinds("青柘法庭进社区\n\n"
                 "法官正在整理卷宗、准备调解材料，准备下午的调解。青柘县人民法院供图\n\n"
                 "近日，青柘县人民法院把法庭开到了社区，当事人不出社区就打完了官司。\n",
                 "title caption body");
    expect_kinds(
        "青柘法庭进社区\n\n调解现场。\n\n"
        "本报讯（记者 林某）近日，青柘县人民法院把法庭开到了社区，当事人不出社区就打完了官司。\n",
        "title caption body");
}

/* A work report's numbered heading written as one sentence, alone on its
 * line: a heading; the same with a run-in lead after it is body. */
static void test_heading_as_sentence(void **state)
{
    (void)state;
    expect_kinds("青柘县人民法院工作报告\n\n各位代表：\n\n"
                 "现在，我代表青柘县人民法院向大会报告工作，请予审议。\n\n"
                 "一、坚持党的领导，确保法院工作正确方向。\n\n"
                 "全年召开党组会十次，专题研究审判执行工作，推动各项部署落地见效。\n",
                 "title body body heading body");
    expect_kinds("青柘县人民法院工作报告\n\n各位代表：\n\n"
                 "现在，我代表青柘县人民法院向大会报告工作，请予审议。\n\n"
                 "一、坚持党的领导。全年召开党组会十次，推动各项部署落地见效。\n\n"
                 "全年召开党组会十次，专题研究审判执行工作，推动各项部署落地见效。\n",
                 "title body body body body");
}

/* A heading of two phrases over a short paragraph of one sentence; a
 * numbered heading under a paragraph whose full stop the page lost. */
static void test_headings_over_short_or_open_paragraphs(void **state)
{
    (void)state;
    expect_kinds(
        "青柘法官进村办案\n\n"
        "清晨，青柘县人民法院的法官们带着卷宗出发，沿着崎岖的山路走了两个小时，"
        "到达村委会。\n\n就地开庭,调解更要耐心\n\n上午九时,双方当事人先后到场,调解开始。\n",
        "title body heading body");
    expect_kinds("青柘县人民法院工作报告\n\n"
                 "全年受理各类案件一万余件，审结九千余件，同比分别上升百分之五和百分之六，"
                 "法官人均结案数在全市法院排在前列\n\n"
                 "一、服务发展大局\n",
                 "title body heading");
}

/* A quoted phrase between two paragraphs of a text that starts in its body:
 * a heading, neither the headline nor speech; quoted speech stays body. */
static void test_quoted_heading(void **state)
{
    (void)state;
    expect_kinds(
        "青柘县人民法院少年法庭成立十年来，审结涉少案件一千余件，帮助三百多名孩子重返校园。\n"
        "法庭的法官们常说，每一个案件背后都是一个家庭，判决书写完了，法官的工作还远远没有结束。\n"
        "“调解要有温度,更要有力度”\n"
        "庭长林某说，少年审判不只是判案，更要在案后回访中关心孩子们的学习和成长。\n",
        "body body heading body");
    expect_kinds(
        "标题\n\n青柘县人民法院少年法庭成立十年来，审结涉少案件一千余件，帮助三百多名孩子。\n"
        "“这块地我们种了十年了!”\n"
        "庭长林某说，少年审判不只是判案，更要在案后回访中关心孩子们的学习和成长。\n",
        "title body body body");
}

/* Parts headed by a numbered label and a colon. */
static void test_numbered_label_headings(void **state)
{
    (void)state;
    expect_kinds(
        "青柘法院这一年\n\n"
        "今年以来，青柘县人民法院围绕三个关键词开展工作，取得了明显成效，群众满意度提升。\n\n"
        "镜头一：回访\n\n"
        "结案不是终点，法官们对调解结案的家事案件逐一回访，了解当事人的生活状况和需求。\n",
        "title body heading body");
}

/* A phrase alone under the metadata, above the lead: the lead's picture. */
static void test_caption_under_metadata(void **state)
{
    (void)state;
    expect_kinds("青柘法庭举行落成典礼\n\n发布时间：2024-05-03 来源：青柘新闻网\n\n"
                 "青柘人民法庭新楼投入使用\n\n"
                 "近日，青柘县人民法院举行青柘人民法庭新办公楼落成典礼，县里有关领导参加了典礼。\n",
                 "title metadata caption body");
}

/* A headline after page furniture and a render date; a site's list headline
 * shown again above the article's own. */
static void test_site_headline(void **state)
{
    (void)state;
    expect_kinds(
        "今天是 2025年07月07日 星期一\n\n青柘法院网\n\n"
        "青柘县法院开展调研工作的探索与实践（青柘法院张三）\n\n发布时间：2023年02月03日\n\n"
        "青柘县法院开展调研工作的探索与实践\n\n青柘县人民法院政治部主任 张三\n\n"
        "正文第一段，内容很长很长很长很长很长很长很长很长很长很长很长很长很长。\n",
        "page page page page title byline body");
}

/* A kicker (引题) over a headline with its own subject: page, then the title. */
static void test_kicker(void **state)
{
    (void)state;
    expect_kinds("推进诉源治理新实践\n青柘县法院：把纠纷化解在村口\n\n本报记者 林某\n\n"
                 "近年来，青柘县人民法院坚持把非诉讼纠纷解决机制挺在前面，推动矛盾纠纷就地化解。\n",
                 "page title byline body");
}

/* A site's list headline that glues title and deck, metadata, then the
 * document's own title with its deck and the report's byline. */
static void test_own_headline_under_the_site(void **state)
{
    (void)state;
    expect_kinds("公正司法 服务大局\n\n工作报告\n\n"
                 "青柘县人民法院工作报告——2025年1月10日在青柘县第五届人民代表大会第三次会议上\n\n"
                 "作者：admin 发布时间：2025-01-15 10:20\n\n青柘县人民法院工作报告\n\n \n\n"
                 "——2025年1月10日在青柘县第五届人民代表大会第三次会议上\n\n"
                 "青柘县人民法院院长 林某\n\n各位代表：\n\n"
                 "现在，我代表青柘县人民法院向大会报告工作，请予审议。\n",
                 "page page page page title subtitle byline body body");
}

/* A headline that carries its deck on its line is the title, not a deck
 * under nothing. */
static void test_headline_with_deck(void **state)
{
    (void)state;
    expect_kinds("青柘县人民法院工作报告——2025年1月10日在青柘县第五届人民代表大会第三次会议上\n\n"
                 "作者：林某 发布时间：2025-01-15 10:20\n\n"
                 "现在，我代表青柘县人民法院向大会报告工作，请予审议，并请各位列席同志提出意见。\n",
                 "title metadata body");
}

/* A text without a headline: an editor's note under its label, paragraphs
 * of the story, then a heading — no line of it is the title. */
static void test_no_headline(void **state)
{
    (void)state;
    expect_kinds(
        "编者按\n\n你听说过山里的法庭吗？\n\n"
        "走进青柘县的大山深处，一个只有五名干警的人民法庭守护着三个乡镇的公平正义。\n\n"
        "他们走村入户调解纠纷，把法庭搬到田间地头，村里的群众遇到难事总是第一个想到他们。\n\n"
        "把法庭搬到家门口\n\n"
        "庭长林某说，每一起纠纷背后都是一家人的日子，调解要把理讲透，把情说暖，"
        "群众才会心服口服。\n\n",
        "page body body body heading body");
}

/* An editor's label under the headline is no byline, though it is as
 * short as a name. */
static void test_label_is_no_byline(void **state)
{
    (void)state;
    expect_kinds("山里的法庭\n编者按\n"
                 "走进青柘县的大山深处，一个只有五名干警的人民法庭守护着三个乡镇的公平正义。\n",
                 "title noise body");
}

/* A site's headline, then the article's own over a deck that repeats the
 * site's: the line between is the title. */
static void test_deck_repeats_the_site_headline(void **state)
{
    (void)state;
    expect_kinds(">正文\n\n青柘县法院推进司法改革纪实\n\n改革的青柘答卷\n\n"
                 "——青柘县法院推进司法改革纪实\n\n"
                 "近年来，青柘县人民法院坚持把司法改革作为重要抓手，推动审判质效持续提升。\n",
                 "page page title subtitle body");
}

/* A capture that starts with its paper's dateline and a picture's caption:
 * a caption, never the headline. */
static void test_dateline_caption_is_no_headline(void **state)
{
    (void)state;
    expect_kinds("青柘日报讯 图为：法官林某在村委会巡回开庭\n本报记者 王某 通讯员 李某\n"
                 "近日，青柘县人民法院法官林某带着国徽走进山村，在村委会开庭审理一起相邻纠纷。\n",
                 "caption byline body");
}

/* An SEO copy: the headline with its deck on its line, the post's metadata,
 * then 导读： repeating the headline — a note, never the title. */
static void test_guide_repeating_the_headline(void **state)
{
    (void)state;
    expect_kinds("青柘县人民法院地址,青柘县人民法院工作报告——"
                 "2025年1月10日在青柘县第五届人民代表大会第三次会议上\n\n"
                 "林某律师 法律头条 2025-03-02 10:20:30\n\n"
                 "导读:青柘县人民法院地址,青柘县人民法院工作报告——\n"
                 "2025年1月10日在青柘县第五届人民代表大会第三次会议上。\n\n"
                 "现在，我代表青柘县人民法院向大会报告工作，请予审议，并请各位列席同志提出意见。\n",
                 "title metadata body body body");
}

/* A phrase under the metadata, where such pages put the picture: its
 * caption, not a deck. */
static void test_caption_under_the_metadata(void **state)
{
    (void)state;
    expect_kinds(
        "县法院青柘人民法庭举行落成典礼\n\n发布时间：2011-05-03 15:51:41 来源：青柘新闻网\n\n"
        "县法院青柘人民法庭建成投入使用\n\n"
        "近日，县法院举行青柘人民法庭新办公楼落成庆典，县领导和乡镇代表参加了典礼。\n",
        "title metadata caption body");
}

/* A short news item without a headline, its first sentence cut by the
 * column before a comma: body from the first line, no title. */
static void test_first_sentence_cut_before_its_comma(void **state)
{
    (void)state;
    expect_kinds("为了给山乡群众提供更便捷的诉讼服务\n"
                 "，4月18日，青柘法院山乡人民法庭在山乡挂牌成立，这是全市第一家山乡法庭。\n"
                 "挂牌仪式上，青柘法院院长为山乡法庭揭幕，并给法庭颁发了印章。\n（青西）\n",
                 "body body body signoff");
}

/* A capture that starts with a script's residue, then an editor's note:
 * no headline, not the script and not the note's first sentence. */
static void test_script_residue_is_no_headline(void **state)
{
    (void)state;
    expect_kinds("this.removeAttribute('height')\n\n编者按\n你听说过山里的法庭吗？\n"
                 "走进青柘县的大山深处，一个只有五名干警的人民法庭守护着三个乡镇的公平正义。\n",
                 "page page page-body page-body");
}

/* A news site's name and channel over a headline of two lines, then a
 * breadcrumb is never a headline's half. */
static void test_site_and_channel_over_the_headline(void **state)
{
    (void)state;
    expect_kinds("青柘新闻网　｜　以案说法\n\n租客擅自转租“群租房”\n房东解约获法院支持\n\n"
                 "2025年07月15日 09:30　来源：青柘新闻网　作者：林某\n\n"
                 "导读：房屋租赁期间，承租人未经出租人同意将房屋转租他人，出租人能否解除合同？\n",
                 "page title title+ metadata body");
    expect_kinds("青柘新闻网 - 青柘县融媒体中心主办\n首页时政民生乡镇专题视频\n"
                 "您现在的位置: 首页 > 乡镇 > 青柘镇\n\n"
                 "山乡法庭：田埂上摆开“调解桌”\n2025-10-09 16:20  来源:青柘县融媒体中心\n\n"
                 "  秋收时节，青柘镇的稻田里一片金黄，法庭的法官一早就来到了田埂上。\n",
                 "page page page title metadata body");
}

/* A magazine's date and issue under the headline: metadata, not a deck. */
static void test_date_and_issue_under_the_headline(void **state)
{
    (void)state;
    expect_kinds("《青柘审判》杂志 | 访谈\n\n对话青柘中院院长林某：让“案结事了”成为常态\n"
                 "2026-02-10  《青柘审判》2026年第2期\n\n文 | 本刊记者 王某\n\n"
                 "编者按：青柘市地处山区，近年来经济发展提速，各类矛盾纠纷随之增多。\n",
                 "page title metadata byline body");
}

/* The weights --explain shows: the heaviest first. */
static void test_explain(void **state)
{
    struct text_lines t;
    struct sbuf sb = SBUF_INIT;
    int sc[KIND__COUNT];

    (void)state;
    text_lines_cut("首页 > 新闻中心 > 正文\n", &t);
    kinds_explain(&t.f[0], KIND_PAGE, 2, &sb);
    assert_non_null(strstr(sb.buf, "+7"));
    assert_null(strstr(sb.buf, "ALWAYS"));
    kinds_score(&t.f[0], sc);
    assert_true(sc[KIND_PAGE] > sc[KIND_BODY]);
    assert_true(sc[KIND_PAGE] > sc[KIND_TITLE]);
    assert_string_equal(kinds_name(KIND_HEADING_MORE), "heading+");
    sbuf_release(&sb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_web_page),
        cmocka_unit_test(test_page_without_headline),
        cmocka_unit_test(test_newspaper),
        cmocka_unit_test(test_headings),
        cmocka_unit_test(test_no_heading_inside_a_sentence),
        cmocka_unit_test(test_cut_last_line_in_column),
        cmocka_unit_test(test_captions),
        cmocka_unit_test(test_captions_in_few_words),
        cmocka_unit_test(test_heading_as_sentence),
        cmocka_unit_test(test_headings_over_short_or_open_paragraphs),
        cmocka_unit_test(test_caption_under_metadata),
        cmocka_unit_test(test_quoted_heading),
        cmocka_unit_test(test_numbered_label_headings),
        cmocka_unit_test(test_site_headline),
        cmocka_unit_test(test_kicker),
        cmocka_unit_test(test_own_headline_under_the_site),
        cmocka_unit_test(test_headline_with_deck),
        cmocka_unit_test(test_no_headline),
        cmocka_unit_test(test_label_is_no_byline),
        cmocka_unit_test(test_deck_repeats_the_site_headline),
        cmocka_unit_test(test_dateline_caption_is_no_headline),
        cmocka_unit_test(test_guide_repeating_the_headline),
        cmocka_unit_test(test_caption_under_the_metadata),
        cmocka_unit_test(test_first_sentence_cut_before_its_comma),
        cmocka_unit_test(test_script_residue_is_no_headline),
        cmocka_unit_test(test_site_and_channel_over_the_headline),
        cmocka_unit_test(test_date_and_issue_under_the_headline),
        cmocka_unit_test(test_explain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
