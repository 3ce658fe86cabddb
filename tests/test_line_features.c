/*
 * Unit tests for line_features.c: each feature on a short text written for
 * the kind of line it exists for, and on a line it must not fire on.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "text_lines.h"

struct feature_case {
    const char *text;
    size_t line; /* 0-based, among the lines that are not blank */
    enum feature feature;
    bool on;
};

static void check(const struct feature_case *cases, size_t nr)
{
    for (size_t i = 0; i < nr; i++) {
        struct text_lines t;

        text_lines_cut(cases[i].text, &t);
        assert_true(cases[i].line < t.n);
        if (t.f[cases[i].line].on[cases[i].feature] != cases[i].on)
            fail_msg("case %zu: %s should be %s on line %zu of \"%s\"", i,
                     line_features_name(cases[i].feature), cases[i].on ? "on" : "off",
                     cases[i].line, cases[i].text);
    }
}

/* The shape of a line: length, punctuation, numbering. */
static void test_shape(void **state)
{
    static const struct feature_case cases[] = {
        {"标题\n", 0, FEAT_TINY, true},
        {"青柘县法院开通诉讼服务热线\n", 0, FEAT_MEDIUM, true},
        {"青柘县法院开通诉讼服务热线\n", 0, FEAT_TINY, false},
        {"该院开通热线。当事人拨打热线即可查询案件进度。\n", 0, FEAT_ENDS_STOP, true},
        {"该院开通热线。当事人拨打热线即可查询案件进度。\n", 0, FEAT_STOP_INSIDE, true},
        {"当事人拨打热线即可查询，\n", 0, FEAT_ENDS_COMMA, true},
        {"各位代表：\n", 0, FEAT_ENDS_COLON, true},
        {"各位代表：\n", 0, FEAT_SALUTATION, true},
        {"一、坚持司法为民\n", 0, FEAT_MARK_CN, true},
        {"（二）完善诉讼服务\n", 0, FEAT_MARK_CN_PAREN, true},
        {"01\n用心守护一方平安\n", 0, FEAT_NUM_ALONE, true},
        {"01\n用心守护一方平安\n", 1, FEAT_PREV_NUM_ALONE, true},
        {"——记青柘县人民法院调解员林某\n", 0, FEAT_DASH_START, true},
        {"青柘县人民法院工作报告——\n", 0, FEAT_DASH_END, true},
        {"“法律是有温度的”\n", 0, FEAT_QUOTED, true},
        {"0\n", 0, FEAT_NO_HAN, true},
        {"uadmin\n", 0, FEAT_NO_HAN, true},
        {"把纠纷化解在家门口\n", 0, FEAT_NO_HAN, false},
        {"坚持党建引领 夯实基层基础\n", 0, FEAT_PHRASE_SPACE, true},
        {"把纠纷化解在家门口\n", 0, FEAT_HEADING_SHAPE, true},
        {"把纠纷化解在家门口的\n", 0, FEAT_HEADING_SHAPE, false},
        {"该院开通热线，方便群众\n", 0, FEAT_PUNCT_FREE, false},
        {"一是加强学习，二是改进作风。\n", 0, FEAT_ONE_IS, true},
        {"0\n分享至\n", 0, FEAT_NUM_ALONE, false},
        {"中 小\n", 0, FEAT_NOISE, true},
        {"2023年全市法院工作\n", 0, FEAT_PART, true},
    };
    (void)state;
    check(cases, ARRAY_SIZE(cases));
}

/* Blank lines and neighbours. */
static void test_layout(void **state)
{
    static const struct feature_case cases[] = {
        {"正文一段。\n\n\n\n法官走进牧区\n\n\n\n正文二段。\n", 1, FEAT_GAP_BOTH, true},
        {"正文一段。\n\n法官走进牧区\n\n正文二段。\n", 1, FEAT_GAP_BOTH, false},
        {"标题\n\n本报记者 王五\n", 0, FEAT_NEXT_FIELD, true},
        {"标题\n\n正文第一段。\n", 0, FEAT_NEXT_FIELD, false},
        {"依法审结案件，\n同比上升。\n", 1, FEAT_PREV_UNENDED, true},
        {"依法审结案件，\n同比上升。\n", 1, FEAT_PREV_MIDSENTENCE, true},
        {"依法审结案件。\n同比上升。\n", 1, FEAT_PREV_UNENDED, false},
        {"守正与创新——\n基层治理的新答卷\n", 1, FEAT_PREV_DASH_END, true},
        {"某某县人民法院：\n以三个聚焦推动审判质效提升\n", 0, FEAT_COLON_HEAD, true},
        {"某某县人民法院：\n以三个聚焦推动审判质效提升\n", 1, FEAT_PREV_COLON_HEAD, true},
        {"加强政治建设\n让理论武装实起来\n", 0, FEAT_NEXT_HEADING_SHAPE, true},
        {"青柘县法院开展调解工作\n正文\n青柘县法院开展调解工作\n", 0, FEAT_REPEATED_LATER, true},
        {"青柘县法院开展调解工作\n正文\n青柘县法院开展调解工作\n", 2, FEAT_REPEATED_EARLIER, true},
        {"青柘县法院开展调解工作\n\n正文。\n", 0, FEAT_FIRST_SHAPED, true},
        {"前一段写完了。\n\n巡回审判,法官来了\n\n山里的村民一早就等在院子里，法官把国徽挂在墙上，"
         "开始审理一起土地纠纷，双方当事人都到了场，旁听的村民也越来越多。\n",
         1, FEAT_COMMA_HEADING, true},
        {"前一段写完了。\n\n加强队伍建设,提升干警履职能\n\n力。扎实开展学习教育，"
         "推动作风持续好转，全院干警面貌一新。\n",
         1, FEAT_COMMA_HEADING, false},
        {"前一段写完了。\n\n加强队伍建设,提升干警履职能\n\n力。扎实开展学习教育。\n", 1,
         FEAT_NEXT_FRAGMENT, true},
        {"前一段写完了。\n\n（一）调解成功率稳步提升\n\n首先，诉前调解成功的案件有所增加。\n", 1,
         FEAT_NEXT_FRAGMENT, false},
        {"一、坚持司法为民\n", 0, FEAT_PUNCT_FREE, true},
        {"正文一段。\n\n守护绿水青\n", 1, FEAT_LAST, true},
        {"该院全年审结各类案件一万余件，同比上升百分之五，群众满意度持续提升，各项工作取得新成效。"
         "\n"
         "法官进村入户\n今年以来，该院执行到位金额同比上升两成。\n",
         1, FEAT_BETWEEN_PARAS, true},
        {"该院全年审结各类案件一万余件，同比上升百分之五，群众满意度持续提升，各项工作取得新成效，"
         "\n"
         "法官进村入户\n今年以来，该院执行到位金额同比上升两成。\n",
         1, FEAT_BETWEEN_PARAS, false},
        {"正文一段。\n\n一、守护绿水青\n", 1, FEAT_LAST, false},
    };
    (void)state;
    check(cases, ARRAY_SIZE(cases));
}

/* Page furniture and metadata. */
static void test_furniture(void **state)
{
    static const struct feature_case cases[] = {
        {"首页 > 新闻中心 > 正文\n", 0, FEAT_BREADCRUMB, true},
        {"山里的小法庭<br />\n", 0, FEAT_BREADCRUMB, false},
        {"当前位置：首页 > 法院动态\n", 0, FEAT_NOISE, true},
        {"分享到：\n", 0, FEAT_NOISE, true},
        {"打印 字号：大 中 小\n", 0, FEAT_NOISE, true},
        {"青柘法院网\n", 0, FEAT_SITE_NAME, true},
        {"织密天罗地网 守护万家灯火\n", 0, FEAT_SITE_NAME, false},
        {"青柘县法院开展调解工作_青柘法院网\n", 0, FEAT_PAGE_TITLE_SITE, true},
        {"发布时间：2025-06-18 09:30 来源：青柘县人民法院\n", 0, FEAT_META, true},
        {"发布时间：2025-06-18 09:30 来源：青柘县人民法院\n", 0, FEAT_HAS_DATE, true},
        {"今天是 2025年07月07日 星期一\n", 0, FEAT_RENDER_DATE, true},
        {"星期天\n", 0, FEAT_RENDER_DATE, true},
        {"作者：佚名 来源：青柘新闻网\n", 0, FEAT_ANONYMOUS, true},
        {"责任编辑：陈明\n", 0, FEAT_FOOTER, true},
        {"（完）\n", 0, FEAT_FOOTER, true},
        {"<br />\n", 0, FEAT_HTML, true},
        {"编者按\n", 0, FEAT_LABEL, true},
        {"编者按：这是一组关于基层法庭的报道。\n", 0, FEAT_EDITOR_NOTE, true},
        {"第03版：要闻\n", 0, FEAT_EPAPER, true},
        {"总编室 :23456781\n", 0, FEAT_PHONE, true},
        {"发布日期:2025-02-06\n", 0, FEAT_PHONE, false},
        {"本文为《某某法治》杂志原创稿件\n", 0, FEAT_PROVENANCE, true},
    };
    (void)state;
    check(cases, ARRAY_SIZE(cases));
}

/* Fields: bylines, sign-offs, dates, venues, part headings. */
static void test_fields(void **state)
{
    static const struct feature_case cases[] = {
        {"本报记者●王五\n", 0, FEAT_BYLINE, true},
        {"文 | 本刊记者 林某\n", 0, FEAT_BYLINE, true},
        {"青柘法治报记者 林某\n", 0, FEAT_BYLINE, true},
        {"青柘县人民法院院长 林知秋\n", 0, FEAT_BYLINE, true},
        {"青柘县人民法院院长林知秋\n", 0, FEAT_BYLINE, true},
        {"青柘县人民法院院长 林 秋\n", 0, FEAT_BYLINE, true},
        {"记者了解到，该院今年审结案件三千件。\n", 0, FEAT_BYLINE, false},
        {"——记青柘县人民法院庭长林知秋\n", 0, FEAT_BYLINE, false},
        {"本报讯（记者 林某 通讯员 张某）近日，青柘县人民法院开通热线。\n", 0, FEAT_LEAD_BYLINE,
         true},
        {"（金豆）\n", 0, FEAT_SIGNOFF, true},
        {"标题\n导语。\n正文一段。\n正文二段。\n正文三段。\n正文四段。\n"
         "林某 青柘法治报记者 张某 摄影报道\n",
         6, FEAT_CLOSING_CREDIT, true},
        {"法庭成为了群众身边的窗口。（林某）\n", 0, FEAT_SIGNOFF_GLUED, true},
        {"2025年1月15日在青柘市第五届人民代表大会第三次会议上\n", 0, FEAT_VENUE, true},
        {"2024年主要工作\n", 0, FEAT_PART, true},
        {"发展篇\n", 0, FEAT_PART, true},
        {"中新网青柘2月1日电 题：山里的法官\n", 0, FEAT_DATELINE_TITLE, true},
        {"林知秋 王小川\n", 0, FEAT_NAME_ONLY, true},
        {"党建引领\n", 0, FEAT_NAME_ONLY, false},
        {"青柘县人民法院工作报告\n", 0, FEAT_WORK_REPORT, true},
        {"青柘县人民法院工作报告\n", 0, FEAT_NAMES_COURT, true},
    };
    (void)state;
    check(cases, ARRAY_SIZE(cases));
}

/* Captions. */
static void test_captions(void **state)
{
    static const struct feature_case cases[] = {
        {"图为法官在田间调解纠纷\n", 0, FEAT_CAPTION_MARK, true},
        {"▲法官在田间调解纠纷\n", 0, FEAT_CAPTION_MARK, true},
        {"法官在田间调解纠纷。林某 摄\n", 0, FEAT_CAPTION_CREDIT, true},
        {"法官在田间调解纠纷 青柘县法院供图\n", 0, FEAT_CAPTION_CREDIT, true},
        {"图一、法庭建在水上\n", 0, FEAT_FIGURE_NUMBER, true},
        {"表1 各年结案数\n", 0, FEAT_FIGURE_NUMBER, true},
        {"图书馆开放日\n", 0, FEAT_FIGURE_NUMBER, false},
        {"(资料图)\n", 0, FEAT_PLACEHOLDER, true},
        {"12.jpg▲法官在田间调解纠纷\n", 0, FEAT_IMAGE_NAME, true},
        {"13.jpg ▲法官在田间调解纠纷\n", 0, FEAT_CAPTION_MARK, true},
        {"資料圖為法官在田間調解糾紛\n", 0, FEAT_CAPTION_MARK, true},
        {"• 法官在田间调解纠纷\n", 0, FEAT_BULLET, true},
        /* a numbered label, a colon and a phrase; not a time, not a sentence */
        {"镜头二：回访\n", 0, FEAT_NUMBERED_LABEL, true},
        {"镜头3:调解现场\n", 0, FEAT_NUMBERED_LABEL, true},
        {"7 10:36\n", 0, FEAT_NUMBERED_LABEL, false},
        {"庭长林某说：调解要有耐心。\n", 0, FEAT_NUMBERED_LABEL, false},
        /* a quoted phrase without an end inside: a heading; speech ends inside */
        {"“调解要有温度,更要有力度”\n", 0, FEAT_QUOTED_PHRASE, true},
        {"“这块地我们种了十年了!”\n", 0, FEAT_QUOTED_PHRASE, false},
        {"“快把钱还给我们吧……”\n", 0, FEAT_QUOTED_PHRASE, false},
        /* …来了 ends a heading's clause; a line cut after 了 does not end one */
        {"青柘法庭“搬家”来了\n", 0, FEAT_HEADING_SHAPE, true},
        {"法院开展的工作取得了\n", 0, FEAT_HEADING_SHAPE, false},
        /* a sentence, then its credit: the credit after the last 。 */
        {"法官正在整理卷宗、准备调解材料。青柘县法院供图\n", 0, FEAT_CREDIT_TAIL, true},
        {"法官正在整理卷宗，准备调解材料 青柘县法院供图\n", 0, FEAT_CREDIT_TAIL, false},
        /* a few words and a full stop between paragraphs; not a paragraph's
         * last piece under a line cut mid-sentence */
        {"青柘法庭进社区\n\n调解现场。\n\n近日，青柘县人民法院把法庭开到了社区，"
         "当事人不出社区就打完了官司，旁听的居民也学到了法律知识。\n",
         1, FEAT_TERSE_SENTENCE, true},
        {"标题\n\n近日，青柘县人民法院把法庭开到了社区，当事人不出社区就打完了官司。\n\n"
         "继续努力。\n\n近日，青柘县人民法院把法庭开到了社区，当事人不出社区就打完了官司。\n",
         2, FEAT_TERSE_SENTENCE, false},
        {"近年来，青柘县人民法院坚持以人民为中心，推动审判工作高质量发\n展成效。\n", 1,
         FEAT_TERSE_SENTENCE, false},
        {"标题\n\n“谢谢法官。”\n\n正文在这里。\n", 1, FEAT_TERSE_SENTENCE, false},
        /* 一、 over one sentence alone, not a run-in lead */
        {"导语写在这里。\n\n一、坚持党的领导，确保正确方向。\n\n正文写在这里。\n", 1,
         FEAT_MARKED_SENTENCE, true},
        {"导语写在这里。\n\n一、坚持党的领导。全年召开党组会十次。\n\n正文写在这里。\n", 1,
         FEAT_MARKED_SENTENCE, false},
    };
    (void)state;
    check(cases, ARRAY_SIZE(cases));
}

/* Columns: the width of hard-wrapped lines. */
static void test_columns(void **state)
{
    const char *t = "标题\n\n近年来，青柘县人民法院坚\n持以人民为中心，推动审判工\n"
                    "作高质量发展，全院干警共同\n努力，取得了明显成效。\n\n强化执行\n\n"
                    "该院开展涉企积案清理行动，\n执行到位金额同比上升两成，\n"
                    "群众满意度不断提升明显。\n";
    struct text_lines tl;

    (void)state;
    text_lines_cut(t, &tl);
    assert_true(tl.doc.colwidth >= 11 && tl.doc.colwidth <= 14);
    assert_true(tl.f[1].on[FEAT_COLUMN_LINE]);     /* 近年来，… a column line */
    assert_true(tl.f[5].on[FEAT_SHORT_IN_COLUMN]); /* 强化执行 */
    assert_false(tl.f[1].on[FEAT_CLOSES]);
    assert_true(tl.f[4].on[FEAT_CLOSES]); /* …明显成效。 ends its paragraph */
}

/* A headline cut by a newspaper column into lines of its width runs on;
 * a whole headline over a deck wider than the column does not. */
static void test_column_cut_headline(void **state)
{
    static const char *const body = "近年来，青柘县人民法院坚\n持以人民为中心，推动审判工\n"
                                    "作高质量发展，全院干警共同\n努力，取得了明显成效。\n"
                                    "该院开展涉企积案清理行动，\n执行到位金额同比上升两成，\n"
                                    "群众满意度不断提升明显。\n";
    struct sbuf cut = SBUF_INIT, whole = SBUF_INIT;
    struct text_lines t;

    (void)state;
    sbuf_addf(&cut, "青柘县人民法院以三个聚焦\n推动审判执行质效稳步提\n升\n本报记者 林某\n%s",
              body);
    sbuf_addf(&whole,
              "强基铸魂 锻造过硬队伍\n"
              "青柘县人民法院为新时代审判工作高质量发展提供坚强组织保障\n%s",
              body);
    text_lines_cut(cut.buf, &t);
    assert_true(t.doc.colwidth >= 11 && t.doc.colwidth <= 14);
    assert_true(t.f[1].on[FEAT_PREV_COLUMN_CUT]);
    assert_true(t.f[2].on[FEAT_PREV_COLUMN_CUT]);
    assert_false(t.f[4].on[FEAT_PREV_COLUMN_CUT]); /* 近年来，…: the body */
    text_lines_cut(whole.buf, &t);
    assert_false(t.f[1].on[FEAT_PREV_COLUMN_CUT]);
    /* a caption with its stop under a headline as wide as the column */
    sbuf_reset(&whole);
    sbuf_addf(&whole, "巡回法庭进社区法律知识送到家\n庭审现场。\n%s", body);
    text_lines_cut(whole.buf, &t);
    assert_false(t.f[1].on[FEAT_PREV_COLUMN_CUT]);
    /* a work report's headline with its venue on its line, cut */
    text_lines_cut("青柘县人民法院工作报告——2025年1月10日在青柘县第五届人民代表大会\n"
                   "第三次会议上\n"
                   "现在，我代表青柘县人民法院向大会报告工作，请予审议，并请各位列席同志\n"
                   "提出意见。过去一年，全院共受理各类案件一万余件，审结九千余件，同比分\n"
                   "别上升百分之五和百分之六，审判质效持续提升，群众满意度不断提高，各项\n"
                   "工作取得了新的成效。\n",
                   &t);
    assert_true(t.doc.colwidth >= 34);
    assert_true(t.f[1].on[FEAT_ENDS_INLINE_DECK]);
    assert_false(t.f[2].on[FEAT_ENDS_INLINE_DECK]);
    sbuf_release(&cut);
    sbuf_release(&whole);
}

/* The head of a report: which headline is the article's own, a kicker over
 * it, a deck on its line, a text that starts without one. */
static void test_head(void **state)
{
    static const char *const site = "审判动态\n\n青柘县法院开展调解工作——记调解员林某\n\n"
                                    "发布时间：2025-06-18\n\n青柘县法院开展调解工作\n\n"
                                    "——记调解员林某\n\n正文第一段。\n";
    static const char *const split = "青柘县法院诉源治理的实践与思考（青柘法院王某）\n\n"
                                     "发布时间：2025-03-02\n\n青柘县法院诉源治理\n"
                                     "的实践与思考\n\n正文第一段。\n";
    static const char *const paras =
        "山脚下的村子里，住着一群守护公平的人。\n"
        "他们走村入户调解纠纷，把法庭搬到田间地头，村里的群众遇到难事总是第一个想到他们。\n"
        "青柘县人民法院调解工作室成立五年来，共调解各类纠纷两千余件，调解成功率逐年上升。\n"
        "“调解不是和稀泥”\n";
    static const struct feature_case cases[] = {
        {"青柘县人民法院工作报告——2025年1月10日在青柘县第五届人民代表大会第三次会议上\n", 0,
         FEAT_INLINE_DECK, true},
        {"——2025年1月10日在青柘县第五届人民代表大会第三次会议上\n", 0, FEAT_INLINE_DECK, false},
        {"守正与创新——\n", 0, FEAT_INLINE_DECK, false},
        {site, 0, FEAT_ABOVE_OWN_HEADLINE, true},
        {site, 1, FEAT_ABOVE_OWN_HEADLINE, true},
        {site, 2, FEAT_ABOVE_OWN_HEADLINE, true},
        {site, 3, FEAT_ABOVE_OWN_HEADLINE, false},
        {split, 3, FEAT_FINISHES_REPEAT, true},
        {"青柘县法院诉源治理的\n实践与思考（青柘法院王某）\n发布时间：2025-03-02\n"
         "青柘县法院诉源治理\n的实践与思考\n正文第一段。\n",
         4, FEAT_FINISHES_REPEAT, true},
        {split, 2, FEAT_FINISHES_REPEAT, false},
        {"推进诉源治理新实践\n青柘县法院：把纠纷化解在村口\n", 0, FEAT_KICKER, true},
        {"推进诉源治理新实践\n青柘县法院：把纠纷化解在村口\n", 1, FEAT_UNDER_KICKER, true},
        {"青柘县人民法院：\n把纠纷化解在村口\n", 0, FEAT_KICKER, false},
        {"诉源治理的青柘实践\n把纠纷化解在村口\n", 0, FEAT_KICKER, false},
        {"编者按\n你听说过山里的法庭吗？\n", 1, FEAT_AFTER_LABEL, true},
        {"编者按：你听说过山里的法庭吗？\n正文。\n", 1, FEAT_AFTER_LABEL, false},
        {paras, 3, FEAT_AFTER_PARAS, true},
        {paras, 2, FEAT_AFTER_PARAS, false},
        {"青柘县法院开展调解工作\n0\n分享至\n把纠纷化解在村口\n正文第一段。\n", 3,
         FEAT_UNDER_WIDGETS, true},
        {"青柘县法院开展调解工作\n0\n分享至\n图为调解现场。\n正文第一段。\n", 3, FEAT_UNDER_WIDGETS,
         false},
        {"onload=\"this.removeAttribute('width');\" />\n", 0, FEAT_CODE_RESIDUE, true},
        {"把纠纷化解在村口\n", 0, FEAT_CODE_RESIDUE, false},
        {"Court Notes: a Week at a Basic Court\n", 0, FEAT_CODE_RESIDUE, false},
        /* a script cut by a column: words joined by a dot after a small letter */
        {"; this.removeAttri\nis.removeAttribute\n", 1, FEAT_CODE_RESIDUE, true},
        {"Notes from the U.S. and Abroad\n", 0, FEAT_CODE_RESIDUE, false},
        {"青柘县人民法院坚持以人民为中心，把矛盾纠纷化解在基层、化解在萌芽状态，"
         "全年共调解各类纠纷一千二百余件，调解成功率达到百分之七十以上；"
         "该院还在辖区十二个乡镇设立调解工作室，选聘特邀调解员四十余名，"
         "推动诉源治理向纵深发展，群众满意度持续提升，多项工作受到上级法院的肯定和表扬，"
         "为辖区经济社会发展提供了有力司法保障。\n",
         0, FEAT_CODE_RESIDUE, false},
        {"县法院青柘人民法庭举行落成典礼\n发布时间：2011-05-03 15:51:41 来源：青柘新闻网\n"
         "县法院青柘人民法庭建成投入使用\n\n近日，县法院青柘人民法庭新办公楼落成。\n",
         2, FEAT_UNDER_META_PHRASE, true},
        {"县法院青柘人民法庭举行落成典礼\n发布时间：2011-05-03 15:51:41 来源：青柘新闻网\n"
         "——记青柘人民法庭的法官们\n近日，县法院青柘人民法庭新办公楼落成。\n",
         2, FEAT_UNDER_META_PHRASE, false},
        {"县法院青柘人民法庭举行落成典礼\n发布时间：2011-05-03 15:51:41 来源：青柘新闻网\n"
         "听全文\n近日，县法院青柘人民法庭新办公楼落成。\n",
         2, FEAT_UNDER_META_PHRASE, false},
        {"青柘县法院开展调解工作\nhttp://www.example.cn\n2025-06-18 10:20 来源：青柘新闻网\n", 0,
         FEAT_NEXT_FIELD, true},
        {"2025-04-06\n星期天\n当前位置：首页 > 法院文化\n", 0, FEAT_RENDER_DATE, true},
        {"2025-04-06\n青柘县法院开展调解工作\n", 0, FEAT_RENDER_DATE, false},
        {">正文\n青柘县法院开展调解工作\n", 1, FEAT_AFTER_LABEL, false},
        {"保全 120 件到位 3.5 亿元 督促履行 86 件\n", 0, FEAT_FIGURES, true},
        {"为了给山乡群众提供更便捷的诉讼服务\n，4月18日，青柘法院山乡人民法庭挂牌成立。\n", 0,
         FEAT_NEXT_OPENS_PUNCT, true},
        {"为了给山乡群众提供更便捷的诉讼服务\n4月18日，青柘法院山乡人民法庭挂牌成立。\n", 0,
         FEAT_NEXT_OPENS_PUNCT, false},
        {"国庆献礼 | 《某某审判》:青柘法院 让法治之花开<\n总2670期>\n", 1, FEAT_BREADCRUMB, false},
        {"首页 > 新闻中心\n", 0, FEAT_BREADCRUMB, true},
        {"青柘新闻网　｜　以案说法\n", 0, FEAT_SITE_CHANNEL, true},
        {"2026-02-10  《青柘审判》2026年第2期\n", 0, FEAT_DATE_FIRST, true},
        {"2025年1月10日在青柘县第五届人民代表大会第三次会议上\n", 0, FEAT_DATE_FIRST, false},
        {"《青柘审判》杂志 | 访谈\n", 0, FEAT_SITE_CHANNEL, true},
        {"国庆献礼 | 《青柘审判》:青柘法院 让法治之花开\n", 0, FEAT_SITE_CHANNEL, false},
        {"11476公里铁路上的法治密码\n", 0, FEAT_FIGURES, false},
    };
    (void)state;
    check(cases, ARRAY_SIZE(cases));
}

/* Columns: a line as wide as the column ending a sentence closes its paragraph
 * when a caption (图为…) starts below; it may run on otherwise. */
static void test_column_closes_before_caption(void **state)
{
    const char *t = "标题\n\n近年来，青柘县人民法院坚\n持以人民为中心，推动审判工\n"
                    "作高质量发展，全院干警共同\n努力，取得了明显的好成效。\n"
                    "图为法官在田间调解纠纷现场\n群众满意度不断提升明显。\n";
    const char *u = "标题\n\n近年来，青柘县人民法院坚\n持以人民为中心，推动审判工\n"
                    "作高质量发展，全院干警共同\n努力，取得了明显的好成效。\n"
                    "法官在田间调解纠纷的现场里\n群众满意度不断提升明显。\n";
    struct text_lines tl;

    (void)state;
    text_lines_cut(t, &tl);
    assert_true(tl.doc.colwidth >= 12);
    assert_true(tl.f[4].on[FEAT_CLOSES]);
    text_lines_cut(u, &tl);
    assert_false(tl.f[4].on[FEAT_CLOSES]);
}

/* Columns: a caption cut by the column, its credit in its second piece. */
static void test_column_caption(void **state)
{
    const char *t =
        "标题\n\n近年来，青柘县人民法院坚\n持以人民为中心，推动审判工\n"
        "作高质量发展，全院干警共同\n努力，取得了明显成效。\n\n青柘县人民法院执行局干警在\n"
        "整理卷宗。青柘县法院供图\n\n该院开展涉企积案清理行动，\n执行到位金额同比上升两成，\n"
        "群众满意度不断提升明显。\n";
    struct text_lines tl;

    (void)state;
    text_lines_cut(t, &tl);
    assert_true(tl.f[5].on[FEAT_CAPTION_CUT]);  /* 青柘县人民法院执行局干警在 */
    assert_false(tl.f[6].on[FEAT_CAPTION_CUT]); /* its credit */
    assert_false(tl.f[1].on[FEAT_CAPTION_CUT]); /* a paragraph's line */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shape),          cmocka_unit_test(test_layout),
        cmocka_unit_test(test_furniture),      cmocka_unit_test(test_fields),
        cmocka_unit_test(test_captions),       cmocka_unit_test(test_columns),
        cmocka_unit_test(test_head),           cmocka_unit_test(test_column_cut_headline),
        cmocka_unit_test(test_column_caption), cmocka_unit_test(test_column_closes_before_caption),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
