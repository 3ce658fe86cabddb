/*
 * kinds.c: score the kinds of each line from its features with one weight
 * table, and choose the best sequence of kinds over the whole report (a
 * Viterbi pass over the kinds of kinds.h). Pure: never builds the model.
 */
#include "kinds.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "util.h"

#define ANY KIND__COUNT /* a weight for a kind whatever came before */
/* The score of what may not be: far below any real score, and NEG + NEG
 * still an int. */
#define NEG (INT_MIN / 4)

/*
 * The weights. Each row: when FEATURE is on for a line, a line of KIND (coming
 * from kind FROM, or from ANY kind) gets WEIGHT added, for the kind of text
 * said. Rows with FROM set weigh the move from one kind to the next.
 */
static const struct weight {
    enum feature feature;
    enum line_kind from, kind;
    int weight;
    const char *why;
} weights[] = {
// clang-format off
#define W(f, k, w, why) {FEAT_##f, ANY, KIND_##k, w, why}
#define T(f, from, k, w, why) {FEAT_##f, KIND_##from, KIND_##k, w, why}
/* the same weight for a kind in the body and above the headline */
#define BOTH(f, k, w, why) W(f, k, w, why), W(f, PAGE_##k, w, why)
    // clang-format on
    /* ---- body: the reference; everything else must earn its place */
    BOTH(LONG, BODY, 3, "paragraphs are long"),
    BOTH(VERY_LONG, BODY, 4, "a line of over 90 characters is a paragraph"),
    BOTH(ENDS_STOP, BODY, 1, "sentences end paragraphs"),
    BOTH(STOP_INSIDE, BODY, 3, "a run-in lead (坚持政治引领。该院…) is body, not a heading"),
    BOTH(ONE_IS, BODY, 4, "一是…二是… points run in the paragraph"),
    BOTH(EDITOR_NOTE, BODY, 4, "an editor's note is read as body"),
    BOTH(COLUMN_LINE, BODY, 3, "a line as wide as the column is inside a paragraph"),
    BOTH(MARK_NUM_PAREN, BODY, 2, "（1） items run in the paragraph"),
    BOTH(ISOLATED_OPEN, BODY, -2, "a paragraph ends its sentence"),
    BOTH(TINY, BODY, -2, "a paragraph of four characters is furniture or a label"),
    BOTH(NO_HAN, BODY, -4, "body text is Chinese"),
    BOTH(NOISE, BODY, -7, "page chrome is not the article"),
    BOTH(META, BODY, -7, "metadata is not the article"),
    BOTH(BREADCRUMB, BODY, -6, "a breadcrumb is not the article"),
    BOTH(HTML, BODY, -5, "HTML residue is not the article"),
    BOTH(BYLINE, BODY, -5, "a byline line is not body"),
    BOTH(DATE_LINE, BODY, -5, "a date line is not body"),
    BOTH(RENDER_DATE, BODY, -6, "the page's render date is not body"),
    BOTH(EPAPER, BODY, -6, "e-paper controls are not body"),
    BOTH(SIGNOFF, BODY, -4, "a bracketed name alone signs off"),
    BOTH(QUOTED, BODY, 2, "a short quoted line is speech in the body"),
    BOTH(SALUTATION, BODY, 3, "各位代表： opens the speech"),
    BOTH(LABEL, BODY, -3, "编者按, 正文 alone are labels"),
    BOTH(MD_ITEM, BODY, 4, "a Markdown list item is a paragraph"),
    T(PREV_OPEN, BODY, NOISE, -3, "a paragraph runs on until a line closes it"),
    T(PREV_OPEN, BODY, BYLINE, -4, "a paragraph runs on until a line closes it"),
    T(PREV_OPEN, BODY, META, -4, "a paragraph runs on until a line closes it"),

    /* ---- paragraphs above the headline (and BOTH rows below) */
    W(ALWAYS, PAGE_BODY, -1, "seldom: the article starts with its headline"),
    W(ALWAYS, PAGE_CAPTION, -1, "a caption above the headline needs more: a picture's gap"),
    W(TITLE_SHAPE, PAGE_BODY, -2, "a headline-shaped line above the headline is the headline"),

    /* ---- page furniture above the article */
    W(ALWAYS, PAGE, -5, "furniture must show itself"),
    W(PROVENANCE, PAGE, 5, "本文为…原创稿件 above the article"),
    W(NOISE, PAGE, 7, "navigation, widgets, counters"),
    W(BYLINE, PAGE, 7, "a byline set above the headline, as some papers do"),
    W(BREADCRUMB, PAGE, 7, "首页 > 新闻 > 正文"),
    W(SITE_NAME, PAGE, 4, "the site's name above a copied article"),
    W(HTML, PAGE, 6, "HTML residue at the head of a capture"),
    W(RENDER_DATE, PAGE, 7, "今天是 2025年7月7日 星期一: when the page was shown"),
    W(LABEL, PAGE, 4, "正文, >正文 above the article"),
    W(NO_HAN, PAGE, 4, "numbers and account names of widgets"),
    W(TINY, PAGE, 1, "single words of menus"),
    W(REPEATED, PAGE, 3, "a list headline shown again as the page's title"),
    W(REPEATED_LATER, PAGE, 3, "the site's list headline above the article's own"),
    W(REPEATED_LATER, TITLE, -2, "the article's own headline is the copy below"),
    W(REPEATED_EARLIER, TITLE, 2, "the article's own headline under the site's copy"),
    W(EPAPER, PAGE, 7, "第02版：, 通版, 当前版 of an e-paper"),
    W(META, PAGE, 8, "metadata above the headline"),
    W(DATE_LINE, PAGE, 7, "a date above the headline"),
    W(PHONE, PAGE, 6, "a contact list"),
    W(FOOTER, PAGE, 2, "a 来源 or 编辑 line above the headline"),
    W(PHRASE_SPACE, PAGE, 1, "a slogan of two phrases"),
    W(LONG, PAGE, -2, "furniture is short"),
    W(VERY_LONG, PAGE, -5, "a paragraph is not furniture"),
    W(STOP_INSIDE, PAGE, -3, "sentences are the article"),
    W(DATELINE_TITLE, PAGE, -6, "a news agency's headline after its dateline"),
    W(PAGE_TITLE_SITE, PAGE, 3, "a <title> with the site's name after it"),

    /* ---- the headline */
    W(ALWAYS, TITLE, -3, "a headline must show itself"),
    W(TITLE_SHAPE, TITLE, 4, "a phrase without 。 or a trailing comma"),
    W(FIRST_SHAPED, TITLE, 2, "the first headline-shaped line of a text"),
    W(FIRST, TITLE, 1, "a text often starts with its headline"),
    W(COLON_HEAD, TITLE, 6, "某某法院： over the rest of the headline"),
    W(PREV_GAP_BOTH, TITLE, -1, "under a caption standing alone: one more caption"),
    W(MEDIUM, TITLE, 1, "headlines are 13-40 characters"),
    W(LONG, TITLE, -2, "over 40 characters is long for a headline"),
    W(VERY_LONG, TITLE, -8, "a paragraph is not a headline"),
    W(TINY, TITLE, -1, "a headline seldom has four characters or fewer"),
    W(NAMES_COURT, TITLE, 1, "court reports' headlines name the court"),
    W(WORK_REPORT, TITLE, 2, "…工作报告 is a work report's title"),
    W(NEXT_FIELD, TITLE, 3, "the headline stands above its byline and date"),
    W(NEXT_DASH, TITLE, 4, "the article's own headline stands over its ——deck"),
    W(DASH_END, TITLE, 1, "a headline ending in a dash leads into its deck"),
    W(DATELINE_TITLE, TITLE, 9, "中新网…电 题：…"),
    W(ENDS_STOP, TITLE, -3, "a sentence, not a headline"),
    W(ENDS_COMMA, TITLE, -5, "a line cut mid-sentence"),
    W(MARK_CN, TITLE, -5, "一、 numbers a section"),
    W(MARK_CN_PAREN, TITLE, -5, "（一） numbers a section"),
    W(MARK_NUM, TITLE, -4, "a number heads a section or an item"),
    W(NO_HAN, TITLE, -8, "a headline is Chinese"),
    W(NOISE, TITLE, -6, "chrome is not a headline"),
    W(BREADCRUMB, TITLE, -6, "a breadcrumb is not a headline"),
    W(META, TITLE, -7, "metadata is not a headline"),
    W(EPAPER, TITLE, -6, "e-paper controls are not a headline"),
    W(SITE_NAME, TITLE, -3, "a site's name is not the article's headline"),
    W(RENDER_DATE, TITLE, -6, "a render date is not a headline"),
    W(LABEL, TITLE, -6, "正文 is not a headline"),
    W(CAPTION_MARK, TITLE, -12, "图为…, ▲…, 某某报讯 图为…: a caption, never a headline"),
    W(CAPTION_CREDIT, TITLE, -4, "…供图 is a caption"),
    W(PLACEHOLDER, TITLE, -6, "(资料图) is a caption"),
    W(EDITOR_NOTE, TITLE, -10,
      "an editor's note (导读：…) is not a headline, even when it repeats it"),
    W(SALUTATION, TITLE, -6, "各位代表： is not a headline"),
    W(VENUE, TITLE, -3, "a venue line is a work report's subtitle"),
    W(FOOTER, TITLE, -5, "来源, 编辑 lines are not headlines"),
    W(PART, TITLE, -3, "2024年主要工作 is a part heading"),
    W(QUOTED, TITLE, -1, "quoted speech is seldom the headline"),
    W(PROVENANCE, TITLE, -6, "a provenance line is not a headline"),
    W(PHONE, TITLE, -6, "a telephone number is not a headline"),
    W(MD_TITLE, TITLE, 12, "Markdown's one top heading"),
    W(MD_HEADING, TITLE, -8, "Markdown's other headings are sections"),
    T(ALWAYS, PAGE, TITLE, 1, "after the page's furniture comes the headline"),
    W(INLINE_DECK, TITLE, 5, "某某工作报告——在…会议上: the headline with its deck"),
    W(INLINE_DECK, SUBTITLE, -3, "a deck under nothing: the headline carries it"),
    W(ENDS_INLINE_DECK, TITLE_MORE, 8, "the headline carries its deck: its venue is no subtitle"),
    W(ABOVE_OWN_HEADLINE, PAGE, 4, "the site's headline and what stands before the own"),
    W(ABOVE_OWN_HEADLINE, TITLE, -5, "the article's own headline is the copy below"),
    W(ABOVE_OWN_HEADLINE, TITLE_MORE, -4, "the article's own headline is the copy below"),
    W(ABOVE_OWN_HEADLINE, SUBTITLE, -5, "a deck stands under the article's own headline"),
    T(PREV_OPEN, PAGE_BODY, TITLE, -5, "a headline does not start inside a paragraph running on"),
    W(PREV_COLUMN_CUT, TITLE_MORE, 6, "a headline cut by a newspaper column runs on"),
    W(PREV_COLUMN_CUT, SUBTITLE_MORE, 6, "a deck cut by a newspaper column runs on"),
    W(ENDS_STOP, SUBTITLE_MORE, -4, "a sentence is the lead or a caption, not a deck"),
    W(FINISHES_REPEAT, TITLE_MORE, 7, "the second half of the headline the site showed whole"),
    W(KICKER, PAGE, 5, "a kicker (引题) over the headline is neither title nor deck"),
    W(KICKER, TITLE, -3, "the headline is the line under the kicker"),
    W(UNDER_KICKER, TITLE, 3, "某某法院：… under its kicker: the headline"),
    W(UNDER_KICKER, TITLE_MORE, -6, "某某法院：… is a headline whole, not a second half"),
    W(AFTER_LABEL, TITLE, -6, "编者按 / its text: the note, not a headline"),
    W(AFTER_LABEL, SUBTITLE, -4, "编者按 / its text: the note, not a deck"),
    W(UNDER_WIDGETS, HEADING, -3, "under the share widgets comes the lead, not a section"),
    W(UNDER_WIDGETS, CAPTION, -3, "a picture's caption shows itself there: a credit, a mark"),
    W(CODE_RESIDUE, TITLE, -10, "this.removeAttribute(…): a script's residue, not a headline"),
    W(CODE_RESIDUE, TITLE_MORE, -6, "a script's residue is not a headline"),
    W(CODE_RESIDUE, SUBTITLE, -6, "a script's residue is not a deck"),
    W(CODE_RESIDUE, PAGE, 4, "script and markup left above the article"),
    W(HTML, TITLE, -6, "HTML residue (nload=\"…\" />) is not a headline"),
    W(LABEL, BYLINE, -6, "编者按, 导读 are labels, not a name"),
    W(LABEL, TITLE_MORE, -6, "编者按, 导读 are labels, not a headline's half"),
    W(FIGURES, TITLE_MORE, -3, "a line of figures under the headline is its deck"),
    W(FIGURES, SUBTITLE, 2, "保全 52 件 到位 8 亿元: a deck reports results"),
    W(UNDER_META_PHRASE, SUBTITLE, -3, "a deck stands under its headline, not under the date"),
    W(UNDER_META_PHRASE, CAPTION, 3, "pages put the article's picture under the metadata"),
    W(NEXT_OPENS_PUNCT, TITLE, -6, "为了… / ，4月18日…: a sentence the column cut, not a headline"),
    W(NEXT_OPENS_PUNCT, TITLE_MORE, -6, "a sentence the column cut, not a headline"),
    W(NEXT_OPENS_PUNCT, SUBTITLE, -6, "a sentence the column cut, not a deck"),
    BOTH(NEXT_OPENS_PUNCT, BODY, 4, "the first part of a sentence the column cut is body"),
    W(LEAD_BYLINE, HEADING, -7, "本报讯（记者 某某）…: the lead's first line, not a heading"),
    W(LEAD_BYLINE, TITLE, -4, "本报讯（记者 某某）…: the lead's first line, not a headline"),
    W(SITE_CHANNEL, PAGE, 6, "某某网 ｜ 以案说法: the site and its channel above the article"),
    W(SITE_CHANNEL, TITLE, -5, "a site's name and channel are not the headline"),
    W(BREADCRUMB, TITLE_MORE, -8, "a breadcrumb is not a headline's half"),
    W(DATE_FIRST, META, 6, "2026-02-10 《某某》第2期: the date and the issue"),
    W(DATE_FIRST, SUBTITLE, -6, "a date first is metadata, not a deck"),
    W(DATE_FIRST, TITLE_MORE, -6, "a date first is metadata, not a headline's half"),
    BOTH(CAPTION_RUNS_ON, CAPTION, 6, "图为：… / …巡回开庭: a caption the column cut runs on"),
    W(CAPTION_RUNS_ON, TITLE, -6, "the rest of a caption is not a headline"),
    W(AFTER_PARAS, TITLE, -5, "a headline stands above the story, not after its paragraphs"),

    /* ---- the headline's second line */
    W(ALWAYS, TITLE_MORE, -4, "most headlines are one line"),
    W(TITLE_SHAPE, TITLE_MORE, 3, "the second half of a headline has its shape"),
    W(SAME_LENGTH_PREV, TITLE_MORE, 1, "two halves of about the same length"),
    W(PREV_DASH_END, TITLE_MORE, 2, "a headline broken after its dash"),
    W(PREV_COLON_HEAD, TITLE_MORE, 6, "某某法院： / the rest of the headline"),
    W(NEXT_FIELD, TITLE_MORE, 2, "byline or date under the pair"),
    W(BLANK_BEFORE, TITLE_MORE, -2, "a blank line usually parts headline and deck"),
    W(NAMES_COURT, TITLE_MORE, -2, "a deck names the court, the headline's second half less so"),
    W(DASH_START, TITLE_MORE, -8, "a dash starts the deck"),
    W(LONG, TITLE_MORE, -3, "the second half of a headline is short"),
    W(VENUE, TITLE_MORE, -6, "a venue line is the subtitle"),
    W(BYLINE, TITLE_MORE, -8, "a byline is not a headline"),
    W(DATE_LINE, TITLE_MORE, -8, "a date is not a headline"),
    W(META, TITLE_MORE, -8, "metadata is not a headline"),

    /* ---- the deck under the headline */
    W(ALWAYS, SUBTITLE, -7, "a deck must show itself"),
    T(ALWAYS, META, SUBTITLE, -4, "metadata seldom parts a headline from its deck"),
    T(ALWAYS, NOISE, SUBTITLE, -4, "furniture seldom parts a headline from its deck"),
    W(BLANK_AFTER, SUBTITLE, 2, "a deck stands apart from the lead"),
    W(PUNCT_FREE, SUBTITLE, 3, "a deck is a phrase without commas"),
    W(WIDE_INTO_NEXT, SUBTITLE, -3, "a lead's first line runs into the next"),
    W(DASH_START, SUBTITLE, 7, "——记… , ——在…会议上"),
    W(VENUE, SUBTITLE, 6, "a work report's venue line"),
    W(TITLE_SHAPE, SUBTITLE, 2, "a deck is a phrase"),
    W(MEDIUM, SUBTITLE, 1, "decks are a phrase long"),
    W(NAMES_COURT, SUBTITLE, 1, "a deck names the court the story is about"),
    W(NEXT_FIELD, SUBTITLE, 2, "the byline or date follows the deck"),
    W(VERY_LONG, SUBTITLE, -6, "a paragraph is not a deck"),
    W(ENDS_STOP, SUBTITLE, -4, "a sentence is the lead, not the deck"),
    W(STOP_INSIDE, SUBTITLE, -4, "sentences are the lead"),
    W(EDITOR_NOTE, SUBTITLE, -8, "an editor's note under the headline is not its deck"),
    W(BYLINE, SUBTITLE, -7, "a byline is not a deck"),
    W(DATE_LINE, SUBTITLE, -7, "a date is not a deck"),
    W(META, SUBTITLE, -8, "metadata is not a deck"),
    W(NOISE, SUBTITLE, -7, "chrome is not a deck"),
    W(PHRASE_SPACE, SUBTITLE, -1, "two phrases with a space: a section heading's shape"),
    W(CAPTION_MARK, SUBTITLE, -4, "图为… is a caption"),
    W(MARK_CN, SUBTITLE, -5, "一、 numbers a section"),
    W(SALUTATION, SUBTITLE, -6, "各位代表： is not a deck"),
    W(TINY, SUBTITLE, -3, "a deck says more than four characters"),
    W(MD_HEADING, SUBTITLE, -6, "Markdown's headings are sections"),
    W(ALWAYS, SUBTITLE_MORE, -5, "most decks are one line"),
    W(PREV_OPEN, SUBTITLE_MORE, 3, "a deck broken mid-phrase"),
    W(VENUE, SUBTITLE_MORE, 2, "the venue line finishes the deck"),
    W(NEXT_FIELD, SUBTITLE_MORE, 1, "the byline follows the deck"),
    W(BYLINE, SUBTITLE_MORE, -8, "a byline is not a deck"),
    W(META, SUBTITLE_MORE, -8, "metadata is not a deck"),
    W(LONG, SUBTITLE_MORE, -3, "deck lines are short"),

    /* ---- bylines and metadata */
    W(ALWAYS, BYLINE, -6, "a byline must show itself"),
    W(BYLINE, BYLINE, 12, "本报记者 X, 作者：X, an office and a name"),
    W(NAME_ONLY, BYLINE, 4, "a bare name under the headline"),
    T(NAME_ONLY, TITLE, BYLINE, 3, "a name line right under the headline"),
    T(NAME_ONLY, TITLE_MORE, BYLINE, 3, "a name line right under the headline"),
    T(NAME_ONLY, SUBTITLE, BYLINE, 3, "a name line right under the deck"),
    T(NAME_ONLY, SUBTITLE_MORE, BYLINE, 3, "a name line right under the deck"),
    W(TOP, BYLINE, 1, "bylines stand at the top"),
    W(ANONYMOUS, BYLINE, -9, "作者：佚名 names no one"),
    W(FOOTER, BYLINE, -5, "editors are not the byline"),
    W(LONG, BYLINE, -3, "a byline is short"),
    W(ALWAYS, META, -5, "metadata must show itself"),
    W(META, META, 8, "发布时间 来源 作者 浏览次数"),
    W(NOISE, META, 7, "metadata glued to widgets: 发布日期:…字号:[ ]"),
    W(BYLINE, META, 6, "metadata naming the author: 作者:X 发布时间:…"),
    W(DATE_LINE, META, 7, "a line that is the date"),
    W(ANONYMOUS, META, 3, "作者：佚名 on a metadata line"),
    W(RENDER_DATE, META, -4, "the render date is not the report's"),
    W(STOP_INSIDE, META, -4, "sentences are not metadata"),
    T(ALWAYS, BODY, BYLINE, -2, "a byline comes before the body"),
    T(ALWAYS, BODY, META, -2, "metadata comes before the body"),

    /* ---- furniture inside or after the article */
    W(ALWAYS, NOISE, -5, "furniture must show itself"),
    W(NOISE, NOISE, 7, "widgets, counters, copyright"),
    W(META, NOISE, 6, "widgets glued to metadata"),
    W(NEXT_FURNITURE, NOISE, 2, "furniture comes in runs"),
    W(PROVENANCE, NOISE, 5, "本文为…原创稿件, 转载自…"),
    W(PHONE, NOISE, 6, "a contact list"),
    W(BREADCRUMB, NOISE, 5, "a breadcrumb"),
    W(HTML, NOISE, 5, "HTML residue"),
    W(RENDER_DATE, NOISE, 5, "a render date"),
    W(EPAPER, NOISE, 7, "e-paper controls"),
    W(LABEL, NOISE, 5, "编者按, 正文: labels"),
    W(NO_HAN, NOISE, 4, "widgets' numbers and marks"),
    W(FOOTER, NOISE, 3, "来源 and editor lines"),
    W(ANONYMOUS, NOISE, 2, "a metadata line naming no one"),
    W(SITE_NAME, NOISE, 1, "a site's name"),
    W(VERY_LONG, NOISE, -5, "a paragraph is the article"),

    /* ---- headings */
    W(ALWAYS, HEADING, -6, "a heading must show itself"),
    W(PUNCT_FREE, HEADING, 2, "headings have no commas"),
    W(HEADING_SHAPE, HEADING, 3, "short, no punctuation, not ending in 的 和 与"),
    W(MARK_CN, HEADING, 7, "一、"),
    W(MARK_CN_PAREN, HEADING, 7, "（一）"),
    W(NUMBERED_LABEL, HEADING, 6, "镜头一：回访 over its part: a heading"),
    W(MARKED_AFTER_BREAK, HEADING, 8, "…全市前列 / (blank) / 一、…: the paragraph above has ended"),
    W(MARKED_SENTENCE, HEADING, 4, "一、…，…。 alone on its line: the heading, not a run-in lead"),
    W(MARK_CHAPTER, HEADING, 6, "第一章"),
    W(MARK_SYMBOL, HEADING, 3, "■ ◆"),
    W(MARK_NUM, HEADING, 3, "1. 01"),
    W(NUM_ALONE, HEADING, 2, "01 over its heading's text"),
    W(SHORT_IN_COLUMN, HEADING, 2, "a short line between column paragraphs"),
    W(COMMA_HEADING, HEADING, 5, "立足调解,化解纠纷于萌芽: a heading of two phrases"),
    W(BETWEEN_PARAS, HEADING, 3, "a short line standing between two paragraphs"),
    W(BETWEEN_PARAS, TITLE, -3, "a headline does not stand between two paragraphs of the body"),
    W(NAME_ONLY, HEADING, -3, "a bare name is a speaker's label or a byline"),
    W(NEXT_FRAGMENT, HEADING, -5, "the sentence runs on into the next line"),
    W(NEXT_FRAGMENT, HEADING_MORE, -5, "the sentence runs on into the next line"),
    W(LAST, HEADING, -6, "a text cut off stops mid-heading: only a marked one counts"),
    BOTH(LAST, CAPTION, -3, "a text cut off stops mid-sentence, not at a caption"),
    W(NEXT_HEADING_SHAPE, HEADING, 1, "a heading over two lines"),
    W(PHRASE_SPACE, HEADING, 1, "坚持党建统领 永葆政治本色"),
    W(BLANK_BEFORE, HEADING, 1, "a blank line above a heading"),
    W(NEXT_LONG, HEADING, 1, "a paragraph under a heading"),
    W(UNINDENTED_IN_INDENTED, HEADING, 1, "headings are not indented where paragraphs are"),
    W(MEDIUM, HEADING, 0, "headings up to 40 characters"),
    W(LONG, HEADING, -4, "a heading is seldom over 40 characters"),
    W(VERY_LONG, HEADING, -9, "a paragraph is not a heading"),
    W(STOP_INSIDE, HEADING, -7, "一、坚持政治引领。该院……: a run-in lead"),
    W(ENDS_STOP, HEADING, -3, "headings seldom end a sentence"),
    W(ENDS_COMMA, HEADING, -6, "a line cut mid-sentence"),
    W(COLUMN_LINE, HEADING, -3, "as wide as the column: a paragraph's line"),
    W(LABEL, HEADING, -7, "编者按, 导读, 正文 are labels"),
    W(SALUTATION, HEADING, -7, "各位代表："),
    W(QUOTED, HEADING, -1, "quoted speech"),
    W(QUOTED_PHRASE, HEADING, 3, "“调解要有温度” between paragraphs: a quoted heading"),
    W(QUOTED_PHRASE, BODY, -2, "speech ends inside its quotes; this phrase does not"),
    W(BYLINE, HEADING, -7, "a byline"),
    W(DATE_LINE, HEADING, -7, "a date"),
    W(META, HEADING, -7, "metadata"),
    W(NOISE, HEADING, -7, "chrome"),
    W(FOOTER, HEADING, -5, "editors and sources"),
    W(CAPTION_MARK, HEADING, -5, "图为…"),
    W(CAPTION_CREDIT, HEADING, -5, "…供图"),
    W(FIGURE_NUMBER, HEADING, -5, "图一、 numbers a picture"),
    W(ONE_IS, HEADING, -6, "一是… runs in"),
    W(MD_HEADING, HEADING, 12, "a Markdown heading"),
    W(TOP, HEADING, -1, "the top holds the headline and fields"),
    W(WIDE_INTO_NEXT, HEADING, -5, "a paragraph's first line runs into the next"),
    T(MARK_CN_PAREN, HEADING, HEADING, 3, "一、 then （一） under it"),
    W(PREV_MIDSENTENCE, HEADING, -5, "a heading does not stand in a sentence running on"),
    W(VENUE, HEADING, -5, "…第三次会议上 under a ——deck: the venue finishes the deck, no section"),
    W(PREV_MIDSENTENCE, PART, -5, "a heading does not stand in a sentence running on"),
    T(PREV_UNENDED, BODY, HEADING, -7, "a heading does not cut a paragraph running on"),
    T(ALWAYS, HEADING, HEADING, -3, "headings seldom follow each other"),
    T(ALWAYS, META, HEADING, -3, "under the metadata comes the lead or its picture, not a section"),
    W(ALWAYS, HEADING_MORE, -6, "most headings are one line"),
    W(PUNCT_FREE, HEADING_MORE, 2, "headings have no commas"),
    W(HEADING_SHAPE, HEADING_MORE, 2, "the second half of a heading has its shape"),
    W(PREV_NUM_ALONE, HEADING_MORE, 7, "01 / 以“司法之力”护航乡村振兴"),
    W(PREV_DASH_END, HEADING_MORE, 4, "守正与创新—— / 基层治理的新答卷"),
    W(SAME_LENGTH_PREV, HEADING_MORE, 1, "two halves of about the same length"),
    W(PREV_SHORT, HEADING_MORE, 2, "a short first half above"),
    W(PREV_TWO_PHRASES, HEADING_MORE, -3, "坚持党建统领 永葆政治本色 is whole already"),
    W(PHRASE_SPACE, HEADING_MORE, -3, "two phrases are a whole heading, not a second half"),
    W(COLUMN_LINE, HEADING_MORE, -4, "as wide as the column: a paragraph's first line"),
    W(WIDE_INTO_NEXT, HEADING_MORE, -4, "a paragraph's first line runs into the next"),
    W(SHORT_IN_COLUMN, HEADING_MORE, 2, "the second short line between column paragraphs"),
    W(NEXT_LONG, HEADING_MORE, 1, "body under the pair"),
    W(LONG, HEADING_MORE, -5, "the second half of a heading is short"),
    W(ENDS_COMMA, HEADING_MORE, -5, "a line cut mid-sentence"),
    W(STOP_INSIDE, HEADING_MORE, -6, "sentences are body"),
    W(PART, PART, 10, "2024年主要工作, 发展篇"),
    W(ALWAYS, PART, -8, "part headings are rare"),
    W(TOP, PART, -1, "the top holds the headline"),
    T(PREV_UNENDED, BODY, PART, -7, "a heading does not cut a paragraph running on"),

    /* ---- captions */
    BOTH(ALWAYS, CAPTION, -4, "a caption must show itself"),
    BOTH(CAPTION_MARK, CAPTION, 7, "图为…, ▲…"),
    BOTH(CAPTION_CREDIT, CAPTION, 6, "…供图, …摄"),
    BOTH(FIGURE_NUMBER, CAPTION, 8, "图一、…, 表1 …"),
    BOTH(PLACEHOLDER, CAPTION, 9, "(资料图)"),
    BOTH(IMAGE_NAME, CAPTION, 8, "10.jpg▲…"),
    BOTH(BULLET, CAPTION, 7, "• lines before the body"),
    BOTH(GAP_BEFORE, CAPTION, 2, "a wide gap above: a picture stood there"),
    BOTH(GAP_AFTER, CAPTION, 2, "a wide gap below: a picture stands there"),
    BOTH(GAP_BOTH, CAPTION, 2, "standing alone between pictures' gaps"),
    BOTH(PREV_GAP_BOTH, CAPTION, 3, "captions come in runs"),
    BOTH(ISOLATED_OPEN, CAPTION, 1, "a short phrase alone: a caption"),
    BOTH(HEADING_SHAPE, CAPTION, 1, "a short phrase under a picture"),
    W(NEXT_FURNITURE, PAGE_CAPTION, -3,
      "a caption stands over captions or the headline, not furniture"),
    W(NEXT_FURNITURE, PAGE, 2, "furniture comes in runs"),
    BOTH(LONG, CAPTION, -2, "captions are short"),
    BOTH(VERY_LONG, CAPTION, -5, "a paragraph"),
    BOTH(STOP_INSIDE, CAPTION, -2, "sentences are body"),
    BOTH(MARK_CN, CAPTION, -4, "一、 numbers a section"),
    BOTH(BYLINE, CAPTION, -6, "a byline"),
    BOTH(META, CAPTION, -6, "metadata"),
    BOTH(NOISE, CAPTION, -6, "chrome"),
    BOTH(DATE_LINE, CAPTION, -6, "a date"),
    T(LONE_PHRASE, META, CAPTION, 3, "a phrase alone under the metadata: the lead's picture"),
    T(PREV_OPEN, BODY, CAPTION, -3, "a caption seldom cuts a paragraph"),
    T(PREV_UNENDED, BODY, CAPTION, -3, "still less in the middle of a sentence"),
    BOTH(MD_IMAGE, CAPTION, 14, "a Markdown image: its alt text"),
    BOTH(CREDIT_TAIL, CAPTION, 6, "…整理卷宗。青柘县法院供图: the sentence is the caption's"),
    W(CREDIT_TAIL, BODY, -3, "a paragraph does not end with a photo credit"),
    BOTH(CAPTION_CUT, CAPTION, 5, "a caption's first column line, its credit below"),
    W(CAPTION_CUT, HEADING, -4, "a caption's first column line is no heading"),
    BOTH(TERSE_SENTENCE, CAPTION, 6, "调解现场。 alone: the label of a picture"),

    /* ---- the end */
    W(ALWAYS, SIGNOFF, -6, "a sign-off must show itself"),
    W(SIGNOFF, SIGNOFF, 9, "(金豆) alone"),
    W(SIGNOFF_GLUED, SIGNOFF, 15, "…的窗口。(林文朝): the paragraph's weight and its sign-off"),
    W(CLOSING_CREDIT, SIGNOFF, 12, "邓某 某某报记者 张某 摄影报道 at the end"),
    W(NEAR_END, SIGNOFF, 2, "a sign-off ends the report"),
    W(ALWAYS, FOOTER, -4, "a footer must show itself"),
    W(FOOTER, FOOTER, 6, "责任编辑, 免责声明, 原文链接"),
    W(NOISE, FOOTER, 8, "copyright, ICP, 关闭窗口, 上一篇"),
    W(SITE_NAME, FOOTER, 2, "a site's name in the footer"),
    W(NO_HAN, FOOTER, 2, "marks and numbers of the footer"),
    W(NEAR_END, FOOTER, 1, "footers end the page"),
    W(VERY_LONG, FOOTER, -5, "a paragraph"),
#undef BOTH
#undef W
#undef T
};

static const char *const kind_names[] = {
#define KIND_NAME(name, label, phase, why) label,
    KINDS(KIND_NAME)
#undef KIND_NAME
};
static const int kind_phase[] = {
#define KIND_PHASE(name, label, phase, why) phase,
    KINDS(KIND_PHASE)
#undef KIND_PHASE
};

const char *kinds_name(enum line_kind k)
{
    return k < KIND__COUNT ? kind_names[k] : "?";
}

/* A weight of a move as kinds_choose() reads it for every line: small and side by side. */
struct row {
    unsigned char from, kind;
    int weight;
};

/* Kinds rounded up to four, so that a line's scores add four at a time (a
 * vector of GCC and Clang: one SSE2 addition). */
#define KIND_ROW ((KIND__COUNT + 3) / 4 * 4)
typedef int four_scores __attribute__((vector_size(4 * sizeof(int))));

/*
 * The weights of weights[] by feature, so that a line costs only the rows of
 * the features it has: for each feature, its weight for every kind (the
 * rows of one feature and kind summed), and the weights of moves apart with
 * the few features that have them. Built once, thread-safely, and only read
 * after.
 */
static struct {
    union {
        int k[KIND_ROW];
        four_scores v[KIND_ROW / 4];
    } emit[FEAT__COUNT];
    unsigned short mfirst[FEAT__COUNT + 1];
    struct row move[ARRAY_SIZE(weights)]; /* the weights of moves, feature by feature */
    unsigned char movers[FEAT__COUNT];    /* the features that weigh moves */
    int nr_movers;
    /* NEG past the last kind, 0 before: added to a line's scores, the
     * lanes that are no kind never win a max */
    union {
        int k[KIND_ROW];
        four_scores v[KIND_ROW / 4];
    } pad;
} by_feature;
static once_flag by_feature_once = ONCE_FLAG_INIT;

static void build_by_feature(void)
{
    size_t m = 0;

    for (int f = 0; f < FEAT__COUNT; f++) {
        by_feature.mfirst[f] = (unsigned short)m;
        for (size_t i = 0; i < ARRAY_SIZE(weights); i++) {
            if ((int)weights[i].feature != f)
                continue;
            if (weights[i].from == ANY) {
                by_feature.emit[f].k[weights[i].kind] += weights[i].weight;
            } else {
                by_feature.move[m].from = (unsigned char)weights[i].from;
                by_feature.move[m].kind = (unsigned char)weights[i].kind;
                by_feature.move[m++].weight = weights[i].weight;
            }
        }
        if (m > by_feature.mfirst[f] && f != FEAT_ALWAYS) /* in base_always */
            by_feature.movers[by_feature.nr_movers++] = (unsigned char)f;
    }
    by_feature.mfirst[FEAT__COUNT] = (unsigned short)m;
    for (int k = KIND__COUNT; k < KIND_ROW; k++)
        by_feature.pad.k[k] = NEG;
}

/* The line scores of every kind: the weights of the features that are on. */
static void line_scores(const struct line_features *lf, int out[KIND_ROW])
{
    four_scores sum[KIND_ROW / 4] = {{0}};

    /* the features that are on, eight flags at a time */
    for (int f = 0; f < FEAT__COUNT; f += 8) {
        uint64_t w = 0;

        memcpy(&w, lf->on + f, 8);
        /* a bool is 0 or 1: one bit a flag, at 8 * k (little-endian) */
        for (; w; w &= w - 1) {
            const four_scores *e = by_feature.emit[f + __builtin_ctzll(w) / 8].v;

#pragma GCC unroll 8
            for (int k = 0; k < KIND_ROW / 4; k++)
                sum[k] += e[k];
        }
    }
    memcpy(out, sum, sizeof(sum));
}

/* The features of a line as bits (bit f % 64 of word f / 64 for feature f). */
#define FEATURE_WORDS ((FEAT__COUNT + 63) / 64)
static void feature_bits(const struct line_features *lf, uint64_t bits[FEATURE_WORDS])
{
    memset(bits, 0, FEATURE_WORDS * sizeof(uint64_t));
#pragma GCC unroll 32
    for (int f = 0; f < FEAT__COUNT; f += 8) {
        uint64_t w;

        memcpy(&w, lf->on + f, 8);
        /* a bool is 0 or 1, one a byte: this multiplier gathers byte k's
         * bit into bit 56 + k, with no two products meeting (no carries) */
        bits[f / 64] |= (w * 0x0102040810204080u >> 56) << f % 64;
    }
}

/*
 * The line scores of a line from those of the line before it: only the
 * features that went on (added) or off (taken away) between them are
 * weighed. Lines next to each other share most of their features (a
 * paragraph's lines all the more).
 */
static inline void line_scores_from(const uint64_t prev[FEATURE_WORDS],
                                    const uint64_t now[FEATURE_WORDS],
                                    four_scores sum[KIND_ROW / 4])
{
    for (int i = 0; i < FEATURE_WORDS; i++) {
        for (uint64_t w = now[i] & ~prev[i]; w; w &= w - 1) {
            const four_scores *e = by_feature.emit[i * 64 + __builtin_ctzll(w)].v;

#pragma GCC unroll 8
            for (int k = 0; k < KIND_ROW / 4; k++)
                sum[k] += e[k];
        }
        for (uint64_t w = prev[i] & ~now[i]; w; w &= w - 1) {
            const four_scores *e = by_feature.emit[i * 64 + __builtin_ctzll(w)].v;

#pragma GCC unroll 8
            for (int k = 0; k < KIND_ROW / 4; k++)
                sum[k] -= e[k];
        }
    }
}

void kinds_score(const struct line_features *lf, int out[KIND__COUNT])
{
    int sc[KIND_ROW];

    call_once(&by_feature_once, build_by_feature);
    line_scores(lf, sc);
    memcpy(out, sc, sizeof(int) * KIND__COUNT);
}

/* Whether a report may go from kind a to kind b: forward through the phases,
 * a second line only after its first. */
static bool may_follow(enum line_kind a, enum line_kind b)
{
    int pa = kind_phase[a], pb = kind_phase[b];

    switch (b) {
    case KIND_TITLE_MORE: /* a column cuts a long headline into three lines or more */
        return a == KIND_TITLE || a == KIND_TITLE_MORE;
    case KIND_SUBTITLE_MORE:
        return a == KIND_SUBTITLE || a == KIND_SUBTITLE_MORE;
    case KIND_SUBTITLE: /* under its headline, or under metadata set between them */
        return a == KIND_TITLE || a == KIND_TITLE_MORE || a == KIND_META || a == KIND_NOISE;
    case KIND_HEADING_MORE:
        return a == KIND_HEADING;
    default:
        break;
    }
    if (pa == 5)
        return pb == 5 && !(a == KIND_FOOTER && b == KIND_SIGNOFF);
    if (pa <= 2)
        return pb > pa || (pa == 0 && pb == 0);
    return pb >= 3; /* fields and body alternate; the end closes */
}

/* A report that goes from its page top to its body without a headline: rare,
 * so the move weighs against it (and so does starting with the body). */
#define NO_HEADLINE (-4)

/* may_follow() for every pair as the base of the moves' weights, by the kind
 * moved into and then the kind moved from (into[b][a]: the move from a to b),
 * so that the moves into one kind lie side by side: 0, or NEG where the move
 * is not allowed. Built once, thread-safely, and only read after. */
static int base[KIND__COUNT][KIND__COUNT];
/* base with the moves of FEAT_ALWAYS weighed in: what every line starts from */
static int base_always[KIND__COUNT][KIND__COUNT];
static once_flag base_once = ONCE_FLAG_INIT;

static void build_base(void)
{
    for (int a = 0; a < KIND__COUNT; a++)
        for (int b = 0; b < KIND__COUNT; b++)
            base[b][a] = !may_follow((enum line_kind)a, (enum line_kind)b) ? NEG
                         : kind_phase[a] == 0 && kind_phase[b] >= 3        ? NO_HEADLINE
                                                                           : 0;
    memcpy(base_always, base, sizeof(base));
    for (size_t i = 0; i < ARRAY_SIZE(weights); i++)
        if (weights[i].feature == FEAT_ALWAYS && weights[i].from != ANY &&
            base_always[weights[i].kind][weights[i].from] != NEG)
            base_always[weights[i].kind][weights[i].from] += weights[i].weight;
}

/* Scores a path may fall behind the best and still be followed: a path that
 * far behind never catches up in a report, and dropping it saves the time. */
#define BEAM 30
/* Scores a kind may fall behind the line's best kind, on the line alone, and
 * still be weighed: moves between kinds weigh less than this. */
#define LINE_BEAM 10
/* A sum below this is no path: NEG (a move not allowed, a kind not followed)
 * plus what real scores add up to, which stays far above NEG / 2. */
#define DEAD (NEG / 2)

void kinds_prepare(void)
{
    call_once(&base_once, build_base);
    call_once(&by_feature_once, build_by_feature);
}

/*
 * The loop below is written to branch little, as the kinds of the lines are
 * what a predictor cannot guess: the kinds the line before may have are kept
 * as a list, the same for every kind of this line, and the best move into a
 * kind is taken with selects (a move not allowed weighs NEG, so it never
 * wins over one that is, and leaves the sum DEAD when no move is allowed).
 * Ties go to the lowest kind moved from, as they always have.
 */
void kinds_choose(const struct line_features *lf, size_t n, enum line_kind *out)
{
    int(*best)[KIND__COUNT], emit[KIND_ROW], into[KIND__COUNT][KIND__COUNT];
    four_scores sum[KIND_ROW / 4]; /* the line's scores, carried from line to line */
    unsigned char(*back)[KIND__COUNT];
    const int(*rest)[KIND__COUNT];   /* what into is between lines: base or base_always */
    unsigned char live[KIND__COUNT]; /* the kinds the line before may have, */
    int nr_live = 0;                 /* in increasing order */
    uint64_t bits[2][FEATURE_WORDS]; /* the features of the line and the one before */

    if (!n)
        return;
    call_once(&base_once, build_base);
    call_once(&by_feature_once, build_by_feature);
    best = xmalloc(n * sizeof(*best));
    back = xmalloc(n * sizeof(*back));
    line_scores(&lf[0], emit);
    memcpy(sum, emit, sizeof(sum));
    feature_bits(&lf[0], bits[0]);
    for (int k = 0; k < KIND__COUNT; k++) {
        /* a second line, or a deck, needs a line above it */
        bool second = k == KIND_TITLE_MORE || k == KIND_SUBTITLE_MORE || k == KIND_HEADING_MORE ||
                      k == KIND_SUBTITLE;

        best[0][k] = second ? NEG : emit[k] + (kind_phase[k] >= 3 ? NO_HEADLINE : 0);
        back[0][k] = 0;
        if (best[0][k] != NEG)
            live[nr_live++] = (unsigned char)k;
    }
    rest = base_always;
    memcpy(into, rest, sizeof(into));
    for (size_t i = 1; i < n; i++) {
        unsigned char touched[2 * ARRAY_SIZE(weights)];
        unsigned follow = 0; /* the kinds weighed on this line */
        int top = NEG, emax = NEG, nr_touched = 0;
        const int *was = best[i - 1];

        feature_bits(&lf[i], bits[i & 1]);
        line_scores_from(bits[!(i & 1)], bits[i & 1], sum);
        memcpy(emit, sum, sizeof(sum));
        if ((rest == base_always) != lf[i].on[FEAT_ALWAYS]) {
            rest = lf[i].on[FEAT_ALWAYS] ? base_always : base;
            memcpy(into, rest, sizeof(into));
        }
        /* this line's move weights on top of the rest, undone below */
        for (int k = 0; k < by_feature.nr_movers; k++) {
            int f = by_feature.movers[k];

            if (!lf[i].on[f])
                continue;
            for (unsigned r = by_feature.mfirst[f]; r < by_feature.mfirst[f + 1]; r++) {
                const struct row *w = &by_feature.move[r];

                if (into[w->kind][w->from] != NEG) {
                    into[w->kind][w->from] += w->weight;
                    touched[nr_touched++] = (unsigned char)w->kind;
                    touched[nr_touched++] = (unsigned char)w->from;
                }
            }
        }
        { /* the line's best score, four kinds at a time */
            four_scores m = sum[0] + by_feature.pad.v[0];

            for (int k = 1; k < KIND_ROW / 4; k++) {
                four_scores v = sum[k] + by_feature.pad.v[k], gt = v > m;

                m = (v & gt) | (m & ~gt);
            }
            for (int k = 0; k < 4; k++)
                emax = m[k] > emax ? m[k] : emax;
        }
        /* a kind that far behind on the line itself is not followed; body
         * and page furniture, what a line is when it is nothing else, are */
        for (int b = 0; b < KIND__COUNT; b++) {
            follow |= (unsigned)(emit[b] >= emax - LINE_BEAM) << b;
            best[i][b] = NEG;
            back[i][b] = 0;
        }
        follow |= 1u << KIND_BODY | 1u << KIND_PAGE;
        for (unsigned fb = follow; fb; fb &= fb - 1) {
            int b = __builtin_ctz(fb), high = NEG, arg = 0;
            const int *move = into[b];

            for (int k = 0; k < nr_live; k++) {
                int a = live[k], v = was[a] + move[a];

                arg = v > high ? a : arg;
                high = v > high ? v : high;
            }
            best[i][b] = high > DEAD ? high + emit[b] : NEG;
            back[i][b] = (unsigned char)(high > DEAD ? arg : 0);
            top = best[i][b] > top ? best[i][b] : top;
        }
        for (int t = 0; t < nr_touched; t += 2)
            into[touched[t]][touched[t + 1]] = rest[touched[t]][touched[t + 1]];
        nr_live = 0;
        for (unsigned fb = follow; fb; fb &= fb - 1) {
            int b = __builtin_ctz(fb);

            if (best[i][b] < top - BEAM) /* NEG too */
                best[i][b] = NEG;
            live[nr_live] = (unsigned char)b;
            nr_live += best[i][b] != NEG;
        }
    }
    {
        int top = NEG, arg = KIND_BODY;

        for (int k = 0; k < KIND__COUNT; k++)
            if (best[n - 1][k] > top) {
                top = best[n - 1][k];
                arg = k;
            }
        for (size_t i = n; i-- > 0;) {
            out[i] = (enum line_kind)arg;
            arg = back[i][arg];
        }
    }
    free(best);
    free(back);
}

void kinds_explain(const struct line_features *lf, enum line_kind k, size_t max, struct sbuf *out)
{
    size_t used[ARRAY_SIZE(weights)], nr = 0;

    for (size_t i = 0; i < ARRAY_SIZE(weights); i++)
        if (weights[i].from == ANY && weights[i].kind == k && lf->on[weights[i].feature] &&
            weights[i].feature != FEAT_ALWAYS && weights[i].weight)
            used[nr++] = i;
    /* the heaviest first, either way */
    for (size_t a = 0; a < nr; a++)
        for (size_t b = a + 1; b < nr; b++)
            if (abs(weights[used[b]].weight) > abs(weights[used[a]].weight)) {
                size_t t = used[a];

                used[a] = used[b];
                used[b] = t;
            }
    for (size_t i = 0; i < nr && i < max; i++)
        sbuf_addf(out, "%s%s%+d", i ? " " : "", line_features_name(weights[used[i]].feature),
                  weights[used[i]].weight);
}
