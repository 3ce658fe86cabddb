/*
 * line_features.h: what a reader sees in each line of a report before deciding
 * what the line is: its length and punctuation, its number or marker, the
 * blank lines and indentation around it, its neighbours, page-furniture words,
 * dates and names. Computed once per line into a plain struct; kinds.c scores
 * the kinds of line from them. Never decides a kind itself.
 */
#ifndef COURTREAD_LINE_FEATURES_H
#define COURTREAD_LINE_FEATURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules.h"

/*
 * Every feature, with what kind of text it exists for. A feature is on or
 * off for a line; kinds.c weighs it for each kind of line.
 */
#define FEATURES(X)                                                                                \
    X(ALWAYS, "every line: the base score of a kind")                                              \
    X(FIRST, "the first line of the text: where a page's furniture or a headline stands")          \
    X(TOP, "among the first dozen lines: headline, deck, byline and metadata live there")          \
    X(NEAR_END, "among the last three lines: sign-offs and footers")                               \
    X(TINY, "four characters or fewer: a widget, a lone name or a label")                          \
    X(SHORT, "twelve characters or fewer: a heading, a name, a menu item")                         \
    X(MEDIUM, "13 to 40 characters: a headline, a caption, a long heading")                        \
    X(LONG, "over 40 characters: body text, a long deck, a list headline")                         \
    X(VERY_LONG, "over 90 characters: a paragraph")                                                \
    X(ENDS_STOP, "ends with 。！？: a sentence, so body text or a caption")                        \
    X(ENDS_COMMA, "ends with ，、；: a hard-wrapped line or a list item, never a heading")         \
    X(ENDS_COLON, "ends with ：: a salutation, a lead-in, the first half of a headline")           \
    X(STOP_INSIDE, "a 。 before the end: a run-in lead (坚持政治引领。该院…) is body")             \
    X(PUNCT_FREE, "no sentence punctuation at all: headings, headlines, names")                    \
    X(BLANK_BEFORE, "a blank line above it")                                                       \
    X(BLANK_AFTER, "a blank line below it")                                                        \
    X(GAP_BEFORE, "a wide gap of blank lines above: where a picture stood")                        \
    X(GAP_AFTER, "a wide gap of blank lines below: where a picture stands")                        \
    X(INDENTED, "indented by spaces, where the page indents its paragraphs")                       \
    X(UNINDENTED_IN_INDENTED, "not indented on a page that indents paragraphs: a heading")         \
    X(MARK_CN, "一、 numbering: a section heading")                                                \
    X(MARK_CN_PAREN, "（一） numbering: a sub-heading")                                            \
    X(MARK_NUM, "1. 1、 01 numbering: a heading or a list item")                                   \
    X(MARK_NUM_PAREN, "（1） numbering: a run-in list item")                                       \
    X(MARK_SYMBOL, "■ ◆ ● markers: a newspaper's sub-heading or byline")                           \
    X(MARK_CHAPTER, "第一章 第二部分: a chapter heading")                                          \
    X(NUM_ALONE, "a number alone (01, 02): the first line of a magazine's two-line heading")       \
    X(HEADING_SHAPE, "short, no punctuation, not ending in a function word: a heading")            \
    X(TITLE_SHAPE, "a headline's shape: no 。, no trailing comma, not numbered")                   \
    X(DASH_START, "starts with ——: a subtitle or a venue line")                                    \
    X(DASH_END, "ends with ——: a headline leading into its deck")                                  \
    X(PHRASE_SPACE, "two phrases with a space between: a two-part heading")                        \
    X(QUOTED, "in quotation marks from end to end: speech, or a quoted heading")                   \
    X(NOISE, "page chrome: navigation, print and share widgets, counters, footers")                \
    X(META, "page metadata: 发布时间 来源 作者 浏览次数 glued or spread")                          \
    X(DATE_LINE, "a line that is a date, or a label and a date")                                   \
    X(HAS_DATE, "states a full date with a year")                                                  \
    X(RENDER_DATE, "the date a page was shown: 今天是…, a weekday alone")                          \
    X(BYLINE, "a byline: 本报记者 X, 作者：X, 记者 X 通讯员 Y, an office and a name")              \
    X(LEAD_BYLINE, "a lead that opens with 本报讯（记者 X）")                                      \
    X(ANONYMOUS, "作者：佚名: a metadata line without an author")                                  \
    X(SIGNOFF, "a bracketed name: the reporter's sign-off (金豆)")                                 \
    X(SIGNOFF_GLUED, "a paragraph that ends with a bracketed name: …的窗口。(林文朝)")             \
    X(CAPTION_MARK, "says it is a caption: 图为…, ▲…, 【图】…")                                    \
    X(CAPTION_CREDIT, "ends with a photo credit: …供图, …摄, 徐丹丹 摄")                           \
    X(FIGURE_NUMBER, "图一、 表1 图2: a numbered picture or table")                                \
    X(PLACEHOLDER, "(资料图), 图片: a picture's placeholder")                                      \
    X(IMAGE_NAME, "an image file name left by the page: 10.jpg")                                   \
    X(BULLET, "a • or ▪ bullet: a caption list or a menu")                                         \
    X(BREADCRUMB, "首页 > 新闻 > 正文: where the page sits on its site")                           \
    X(FOOTER, "责任编辑, 编辑/校对/审核, 免责声明, 原文链接, 版权: the page's footer")             \
    X(SITE_NAME, "a short name ending in 网 or 网站: the site above the article")                  \
    X(PAGE_TITLE_SITE, "a page's <title>: the headline with the site's name after it (…_某某网)")  \
    X(HTML, "HTML residue: <br />, attribute fragments")                                           \
    X(LABEL, "编者按, 导读, 正文, 阅读提示: a label, not a heading")                               \
    X(EDITOR_NOTE, "编者按：… or 导读：…: an editor's note, body text")                            \
    X(SALUTATION, "各位代表：: the addressee of a speech")                                         \
    X(VENUE, "在…会议上: a work report's venue line")                                              \
    X(PART, "2024年主要工作, 工作回顾, …篇: the part heading of a work report or a feature")       \
    X(REPEATED, "the same text as another line: a list headline shown again")                      \
    X(ONE_IS, "一是… 二是…: run-in points, body text")                                             \
    X(DATELINE_TITLE, "中新网…电 题：…: a news agency's headline after its dateline")              \
    X(EPAPER, "第02版：, 通版, 当前版: an e-paper's page controls")                                \
    X(NO_HAN, "no words, or a short run without Chinese: a widget, a number, an account name")     \
    X(NAME_ONLY, "two to four Han characters that may be a name, alone or with a second")          \
    X(NAMES_COURT, "names a court: headlines and work report titles do")                           \
    X(WORK_REPORT, "…工作报告: the title of a work report")                                        \
    X(COLUMN_LINE, "as wide as a column line: the first or middle line of a paragraph")            \
    X(SHORT_IN_COLUMN, "well short of the column and no sentence end: a heading in column text")   \
    X(WIDE_INTO_NEXT,                                                                              \
      "runs straight into the next line and nearly as wide: a paragraph's first line")             \
    X(GAP_BOTH, "wide gaps both above and below: a caption left where pictures were")              \
    X(FIRST_SHAPED, "the first line shaped like a headline: where a plain text's headline is")     \
    X(PREV_GAP_BOTH, "short, under a line alone between wide gaps: captions come in runs")         \
    X(ISOLATED_OPEN, "short, alone between blank lines, no sentence end: a caption or a heading")  \
    X(PREV_UNENDED, "the line above ends mid-sentence: a heading cannot stand here")               \
    X(COLON_HEAD, "a short phrase ending in a colon: the first line of a two-line headline")       \
    X(PREV_COLON_HEAD, "the line above is a short phrase ending in a colon: this finishes it")     \
    X(PREV_MIDSENTENCE, "the line above has commas and no end: a sentence running on")             \
    X(PROVENANCE, "本文为…原创稿件, 转载自…: where the article comes from, not its text")          \
    X(PHONE, "a telephone number: an e-paper's or a site's contact list")                          \
    X(REPEATED_LATER,                                                                              \
      "the same headline stands again below: this one is the site's list headline")                \
    X(REPEATED_EARLIER, "the same headline stood above: this one is the article's own")            \
    X(COMMA_HEADING, "a phrase with a comma and no end, alone in web text: 乡村振兴,法官来了")     \
    X(LAST, "the last line, unnumbered: a text cut off ends mid-phrase")                           \
    X(NEXT_FRAGMENT,                                                                               \
      "the next line opens with the end of a cut sentence (领。…): this one runs on")              \
    X(NEXT_FURNITURE, "page furniture right below: a slogan or a label of the page's top")         \
    X(NEXT_DASH, "a dash line right below: the deck under the article's own headline")             \
    X(PREV_TWO_PHRASES, "the line above is two phrases already: a whole heading, not a half")      \
    X(BETWEEN_PARAS,                                                                               \
      "a short line without an end between two paragraphs: a heading, blank lines or not")         \
    X(CLOSING_CREDIT,                                                                              \
      "names and roles at the end: 张三 某某报记者 李四 摄影报道, a sign-off kept whole")          \
    X(PREV_OPEN, "the line above runs on into this one: the same paragraph")                       \
    X(CLOSES, "this line closes its paragraph: what follows starts a new block")                   \
    X(NEXT_FIELD, "a byline, a date or metadata right below: a headline or a deck above it")       \
    X(NEXT_HEADING_SHAPE, "a heading-shaped line right below: a heading over two lines")           \
    X(NEXT_LONG, "a long line (body) right below: a heading or a caption above it")                \
    X(PREV_DASH_END, "the line above ends with a dash: this line finishes it")                     \
    X(PREV_NUM_ALONE, "the line above is a number alone: this line is its heading's text")         \
    X(PREV_SHORT, "the line above is short: the first half of a two-line heading or headline")     \
    X(SAME_LENGTH_PREV, "about as long as the line above: the second half of a pair")              \
    X(INLINE_DECK, "a headline and its deck on one line: 某某工作报告——在…会议上")                 \
    X(ABOVE_OWN_HEADLINE,                                                                          \
      "above a headline the page shows twice: the site's copy and what stands before the own")     \
    X(FINISHES_REPEAT, "with the line above, a headline the page showed whole above: its half")    \
    X(KICKER, "a short phrase over a headline of its own (某某法院：…): the 引题, not the title")  \
    X(UNDER_KICKER, "a headline with its own subject (某某法院：…) under a kicker: whole")         \
    X(AFTER_LABEL, "right under 编者按 or 导读 standing alone: the note's text, not a headline")   \
    X(PREV_COLUMN_CUT,                                                                             \
      "the line above is as wide as the column and ends no phrase: a headline cut by the column")  \
    X(UNDER_WIDGETS,                                                                               \
      "under the page's widgets (分享至) before the story: the lead, not a section")               \
    X(CODE_RESIDUE,                                                                                \
      "no Chinese, and marks of code (= ( ; < >): script and markup a page left, not a headline")  \
    X(FIGURES, "two numbers or more in a short line (保全 52 件 到位 8 亿元): a deck of results")  \
    X(ENDS_INLINE_DECK, "the rest of a headline and its deck the column cut: …在某某 / 会议上")    \
    X(UNDER_META_PHRASE,                                                                           \
      "a phrase without a dash right under the metadata: the caption of the picture there")        \
    X(NEXT_OPENS_PUNCT, "the next line opens with a comma or a stop: this one is a sentence cut")  \
    X(SITE_CHANNEL,                                                                                \
      "a site's or a paper's name and its channel: 某某网 ｜ 以案说法, 某某杂志 | 访谈")           \
    X(DATE_FIRST,                                                                                  \
      "opens with a full date (2026-02-10 《某某》第2期): the page's or the issue's metadata")     \
    X(CAPTION_RUNS_ON, "the rest of a caption the column cut (图为：… / …巡回开庭): a caption")    \
    X(AFTER_PARAS, "two paragraphs of sentences above: the story has begun, no headline here")     \
    X(CREDIT_TAIL, "a sentence, then its photo credit: …的现场。某某供图, a caption")              \
    X(TERSE_SENTENCE, "a few words and a full stop, alone: a picture's label (调解现场。)")        \
    X(CAPTION_CUT, "a column line over the rest of a caption (…供图): the caption's first piece")  \
    X(LONE_PHRASE,                                                                                 \
      "a phrase of 10 to 40 characters alone between blank lines: a caption, a heading")           \
    X(MARKED_AFTER_BREAK, "一、 after a blank line under a paragraph whose end the page lost")     \
    X(QUOTED_PHRASE, "a quoted phrase with no end inside the quotes: a heading, not speech")       \
    X(NUMBERED_LABEL, "镜头一：回访, 镜头二：…: a numbered label and a colon, a heading")          \
    X(MARKED_SENTENCE, "一、 over one sentence alone on its line: a heading ending with 。")       \
    X(MD_TITLE, "Markdown: the one top heading, the title")                                        \
    X(MD_HEADING, "Markdown: a # heading")                                                         \
    X(MD_IMAGE, "Markdown: an image, whose alt text is the caption")                               \
    X(MD_ITEM, "Markdown: a list item or quote, a paragraph of its own")

enum feature {
#define FEATURE_ENUM(name, why) FEAT_##name,
    FEATURES(FEATURE_ENUM)
#undef FEATURE_ENUM
        FEAT__COUNT
};

/* One line as the parser cut it: cleaned text (trimmed, justification spaces
 * gone) and the layout around it. */
struct feature_line {
    const char *s;
    size_t len;
    int blanks_before; /* blank lines above; -1 at the start of the text */
    int blanks_after;  /* blank lines below; -1 at the end of the text */
    bool indented;     /* started with an ideographic space or several spaces */
    int md_depth;      /* Markdown: # count of a heading, 0 otherwise */
    bool md_item, md_image;
    const struct line_facts *facts; /* rules_scan_shape() of s, or NULL to have it done */
    size_t tail_chars; /* column lines joined into one: characters of the last; 0 if not */
};

/* What holds for the whole text, measured before the lines are looked at. */
struct feature_doc {
    bool markdown;
    size_t colwidth;    /* characters of a hard-wrapped column line; 0 if none */
    int caption_gap;    /* blank lines that set a picture's caption apart */
    bool indent_mode;   /* paragraphs start indented */
    int md_title_depth; /* Markdown: depth of the heading that is the title; 0 if none */
    int md_min_depth;
};

/* A line's features. */
struct line_features {
    size_t chars;                       /* characters that are not blanks */
    enum marker mark;                   /* its heading number or marker */
    size_t mlen;                        /* the marker's length in bytes */
    uint32_t end;                       /* the last character, closing quotes and brackets
                                           skipped: text_last(s, len, true) */
    struct line_facts f;                /* rules_scan() of the line; its words only
                                           where one_line() looked for them */
    bool on[(FEAT__COUNT + 7) / 8 * 8]; /* [FEAT__COUNT]; the rest stays false */
};

/* Measure the text's column width, caption gaps and indentation. */
void line_features_measure(const struct feature_line *l, size_t n, bool markdown,
                           struct feature_doc *doc);

/* Compute the features of lines l[0..n) into out[0..n). */
void line_features_compute(const struct feature_line *l, size_t n, const struct feature_doc *doc,
                           struct line_features *out);

/* The feature's name (lower case, as --explain prints it) and what it is for. */
const char *line_features_name(enum feature f);
const char *line_features_why(enum feature f);

/* Whether the line closes its paragraph, with the line after it (NULL at the
 * end): a sentence end in a line shorter than the column, an indented next
 * line, a blank line. */
bool line_features_closes_para(const struct feature_line *l, const struct line_features *lf,
                               const struct feature_line *next, const struct line_features *nf,
                               const struct feature_doc *doc);

/* A page title copied with its site: "某某法院开展调解工作_某某法院网",
 * "… - 某某网站". Returns the length without the site's name. */
size_t line_features_without_site(const char *s, size_t n);

#endif
