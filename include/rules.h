/*
 * rules.h: the rules that recognise kinds of line in a messy report: web-page
 * noise, bylines, dates, sign-offs, heading numbers, photo-caption markers.
 * Every rule is written for a kind of text, not for one report; each says in
 * rules.c what text it exists for. Pure functions over one trimmed line.
 */
#ifndef COURTREAD_RULES_H
#define COURTREAD_RULES_H

#include <stdbool.h>
#include <stddef.h>

struct sbuf;

/*
 * What one pass over a line finds out, so that each rule below can turn most
 * lines away without reading them again. Rules take it as f, or NULL to have
 * it worked out for them.
 */
struct line_facts {
    size_t chars;     /* characters */
    size_t nonblank;  /* characters that are not blanks */
    size_t gaps, cjk; /* spaces between CJK characters; CJK characters */
    bool digits;      /* ASCII or full-width digits */
    bool separators;  /* spaces, ideographic spaces or bars: could be a menu */
    bool word;        /* a Han character, letter or digit */
    bool chrome;      /* may hold a web-chrome phrase */
    bool meta;        /* may hold a page-metadata key */
    bool commas;      /* ， , 、 */
    bool stops;       /* 。 ； ： ！ ？ and their ASCII forms */
    bool page;        /* may hold a page word (rules_page_word) */
    /* What rules_scan_words() found of the phrases the rules look for, in
     * lines of 120 characters or fewer; words says it looked. */
    bool words;
    bool meta_words;       /* a metadata key */
    unsigned page_words;   /* rules_page_words(): lists of enum page_list */
    unsigned chrome_words; /* lists of chrome phrases, as rules.c keeps them */
};
/* Lines over 120 characters (paragraphs) are only counted: the other facts
 * are set to true, as every rule turns such a line away by its length. */
void rules_scan(const char *s, size_t n, struct line_facts *f);

/* Build the phrase and character tables the scans read (else the first scan
 * does). Thread-safe. */
void rules_prepare(void);
/* rules_scan() in two halves, for a parser that looks for phrases only in the
 * lines that may hold them: the shape (counts and punctuation) leaves chrome,
 * meta and page true, as "may hold"; the words then find out, from the pairs
 * of characters, which may. rules_scan() is the one and then the other. */
void rules_scan_shape(const char *s, size_t n, struct line_facts *f);
void rules_scan_words(const char *s, size_t n, struct line_facts *f);

/* Heading number or marker classes, from the outermost to the innermost. */
enum marker {
    MARK_NONE = 0,
    MARK_CHAPTER,   /* 第一章 第二部分 */
    MARK_CN,        /* 一、 */
    MARK_SYMBOL,    /* ■ ◆ ▲ ● ★ */
    MARK_CN_PAREN,  /* （一） */
    MARK_NUM,       /* 1 1. 1、 01 */
    MARK_NUM_PAREN, /* （1） (1) */
    MARK_MARKDOWN,  /* # ## ### */
    MARK__COUNT
};

/* The marker at the start of line s[0..n), its class and its length in bytes. */
enum marker rules_marker(const char *s, size_t n, size_t *mlen);

/* The lists of page words that line_features.c looks for. */
enum page_list {
    PAGE_WIDGET,      /* 打印 字号 放大 缩小 分享到: widgets */
    PAGE_FOOTER,      /* 责任编辑 校对 免责声明 原文链接: footers and editors */
    PAGE_PROVENANCE,  /* 本文为 转载自: where an article comes from */
    PAGE_EPAPER,      /* 通版 当前版 上一版: e-paper controls */
    PAGE_IMAGE,       /* .jpg .png: image file names */
    PAGE_HTML,        /* <br /> =" &nbsp: HTML residue */
    PAGE_CREDIT,      /* " 摄", "供图 ": a photo credit inside a line */
    PAGE_RENDER,      /* 今天是: the date a page was shown */
    PAGE_ANONYMOUS,   /* 佚名 */
    PAGE_VENUE,       /* 会议上: a work report's venue */
    PAGE_WORK_REPORT, /* 工作报告 */
    PAGE_DATELINE,    /* 题：: a news agency's headline after its dateline */
    PAGE_COURT,       /* 法院 法庭 中院: a court may be named */
    PAGE_BYLINE,      /* 记者 通讯员 作者 院长: a byline may stand here */
    PAGE_LEAD,        /* 讯（ 电（: a lead may open with its byline */
};
/* Which lists of enum page_list have a word in s, as a mask (1 << list), in
 * one pass; f (rules_scan() of s[0..n), or NULL) lets most lines be turned
 * away unread. */
unsigned rules_page_words(const char *s, size_t n, const struct line_facts *f);

/* Web-page chrome: navigation, print/font/share controls, credits, footers. */
bool rules_is_noise(const char *s, size_t n, const struct line_facts *f);

/* A byline line (本报记者●王祯, 作者：…, （记者 … 通讯员 …）, ■ 张三 李四 near
 * the top). When it is one, the normalised byline is added to out. */
bool rules_byline(const char *s, size_t n, bool near_top, struct sbuf *out);

/* A byline in brackets at the start of a lead: 本报讯（记者 江月 通讯员 秦川）….
 * The normalised byline is added to out. */
bool rules_lead_byline(const char *s, size_t n, struct sbuf *out);

/* Find a date in s; on success writes YYYY-MM-DD into out (11 bytes). */
bool rules_find_date(const char *s, size_t n, char out[11]);
/* A line that is only a date, or a publishing line (发布时间：…) that states one. */
bool rules_is_date_line(const char *s, size_t n, const struct line_facts *f);
/* A line of page metadata (发布时间 来源 作者 浏览次数 …): noise that may hold the date
 * and the byline. */
bool rules_is_meta_line(const char *s, size_t n, const struct line_facts *f);

/* A sign-off at the end of a report: (金豆) （祁悦 伊田田）; names added to out. */
bool rules_signoff(const char *s, size_t n, struct sbuf *out);

/* A line that announces itself as a photo caption (图为…, ▲…, 【图】…). */
bool rules_caption_marker(const char *s, size_t n);

/* Remove the spaces of justified Chinese lines (始 终 坚 持) into out. */
void rules_unjustify(const char *s, size_t n, const struct line_facts *f, struct sbuf *out);

/* Whether an unmarked heading may end with this character (not 的 和 与 …). */
bool rules_heading_end_ok(const char *s, size_t n);

#endif
