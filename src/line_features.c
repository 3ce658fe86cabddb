/*
 * line_features.c: the features of each line of a report (see line_features.h), from
 * the line rules of rules.c and the shape of the text around it. Computes;
 * never chooses a kind and never builds the model.
 */
#include "line_features.h"

#include <string.h>

#include "court.h"
#include "text.h"
#include "util.h"

/* Longest unmarked heading, headline, and caption, in characters. */
#define HEADING_MAX 24
#define TITLE_MAX   48
/* Lines counted as the top of a report. */
#define TOP_LINES 14
/* Lines at each end of a report where the page's furniture, fields and
 * bylines stand; the lines between are only looked at for what stands in a
 * body (headings, captions, chrome). */
#define EDGE_LINES 24
/* Column lines longer than this are counted as this long. */
#define COLWIDTH_MAX 512

static const char *const feature_names[] = {
#define FEATURE_NAME(name, why) #name,
    FEATURES(FEATURE_NAME)
#undef FEATURE_NAME
};
static const char *const feature_whys[] = {
#define FEATURE_WHY(name, why) why,
    FEATURES(FEATURE_WHY)
#undef FEATURE_WHY
};

const char *line_features_name(enum feature f)
{
    return f < FEAT__COUNT ? feature_names[f] : "?";
}

const char *line_features_why(enum feature f)
{
    return f < FEAT__COUNT ? feature_whys[f] : "?";
}

/* The first 。 in s (E3 80 82), or NULL: memchr finds its first byte fast. */
static const char *find_stop(const char *s, size_t n)
{
    for (const char *p = s; (p = memchr(p, 0xE3, (size_t)(s + n - p))) != NULL; p++)
        if (p + 2 < s + n && (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x82)
            return p;
    return NULL;
}

static bool ends_sentence(const char *s, size_t n)
{
    return text_is_sentence_end(text_last(s, n, true));
}

static bool starts_any(const char *s, size_t n, const char *const *v, size_t nr)
{
    for (size_t i = 0; i < nr; i++) /* the first byte turns most away */
        if ((!v[i][0] || (n && v[i][0] == s[0])) && text_starts(s, n, v[i]))
            return true;
    return false;
}

static bool ends_any(const char *s, size_t n, const char *const *v, size_t nr)
{
    for (size_t i = 0; i < nr; i++)
        if (text_ends(s, n, v[i]))
            return true;
    return false;
}

static bool starts_with_dash(const char *s, size_t n)
{
    return text_starts(s, n, "—") || text_starts(s, n, "--") || text_starts(s, n, "―");
}

/* ------------------------------------------------------------ the text */

void line_features_measure(const struct feature_line *l, size_t n, bool markdown,
                           struct feature_doc *doc)
{
    size_t hist[COLWIDTH_MAX + 1] = {0}, nw = 0, indented = 0, run_start = 0;
    int gaps[4] = {0};

    memset(doc, 0, sizeof(*doc));
    doc->markdown = markdown;
    /* Newspaper columns are hard-wrapped at a fixed width: the median length
     * of lines in runs of three or more that mostly end mid-sentence. */
    for (size_t i = 0; i <= n; i++) {
        if (i < n && l[i].indented)
            indented++;
        if (i < n && i > 0 && l[i].blanks_before >= 0) {
            int g = l[i].blanks_before;

            gaps[g > 3 ? 3 : g]++;
        }
        if (i == n || (i > run_start && l[i].blanks_before != 0)) {
            size_t k = i - run_start, open = 0;

            if (k >= 3) {
                size_t punct = 0; /* lines with a comma or a stop inside: sentences */

                for (size_t j = run_start; j + 1 < i; j++) {
                    if (!ends_sentence(l[j].s, l[j].len))
                        open++;
                    punct += (l[j].facts ? l[j].facts->commas
                                         : text_has(l[j].s, l[j].len, "，") ||
                                               text_has(l[j].s, l[j].len, ",") ||
                                               text_has(l[j].s, l[j].len, "、")) ||
                             find_stop(l[j].s, l[j].len);
                }
                /* a column is sentences cut into lines; a run of headlines,
                 * menus and kickers is not */
                if (open * 2 >= k - 1 && punct * 3 >= k)
                    for (size_t j = run_start; j + 1 < i; j++) {
                        size_t c = l[j].facts ? l[j].facts->chars : text_count(l[j].s, l[j].len);

                        hist[c < COLWIDTH_MAX ? c : COLWIDTH_MAX]++;
                        nw++;
                    }
            }
            run_start = i;
        }
    }
    if (nw) {
        size_t seen = 0, c = 0;

        while ((seen += hist[c]) <= nw / 2)
            c++;
        doc->colwidth = c;
    }
    /* Web extractions that put two blank lines between all paragraphs. */
    doc->caption_gap = gaps[2] + gaps[3] > gaps[1] && gaps[2] + gaps[3] > gaps[0] ? 3 : 2;
    doc->indent_mode = indented >= 3 && indented * 10 < n * 9;
    if (markdown) {
        int min = 0, at_min = 0, first = 0;

        for (size_t i = 0; i < n; i++) {
            int d = l[i].md_depth;

            if (!d)
                continue;
            if (!first)
                first = d;
            if (!min || d < min) {
                min = d;
                at_min = 1;
            } else if (d == min) {
                at_min++;
            }
        }
        doc->md_min_depth = min;
        doc->md_title_depth = min && at_min == 1 && first == min ? min : 0;
    }
}

bool line_features_closes_para(const struct feature_line *l, const struct line_features *lf,
                               const struct feature_line *next, const struct line_features *nf,
                               const struct feature_doc *doc)
{
    uint32_t last = lf->end;
    bool last_in_run = l->blanks_after != 0;
    size_t chars = l->tail_chars ? l->tail_chars : lf->chars; /* of the last column line */

    if (doc->markdown)
        return last_in_run;
    if (doc->indent_mode)
        /* the next paragraph is indented; a heading between them is not */
        return !next || next->indented || last_in_run ||
               (text_is_sentence_end(last) && (nf->mark != MARK_NONE || nf->chars <= HEADING_MAX));
    if (text_is_sentence_end(last))
        return doc->colwidth == 0 || last_in_run || chars * 100 < doc->colwidth * 85 ||
               /* a caption (图为…) starts below: a block of its own */
               (next && rules_caption_marker(next->s, next->len < 48 ? next->len : 48));
    if (last == 0xFF1A || last == ':') /* a lead-in ending in a colon */
        return doc->colwidth == 0 || chars * 100 < doc->colwidth * 85 || last_in_run;
    /* no sentence end: the paragraph runs on, over a page's or a column's
     * stray blank line too */
    return false;
}

/* A page title copied with its site: "某某法院开展调解工作_某某法院网",
 * "… - 某某网站". Returns the length without the site's name. */
size_t line_features_without_site(const char *s, size_t n)
{
    static const char *const seps[] = {"_", " - ", " | ", "｜", " — ", "--"};
    static const char *const sites[] = {"网", "网站", "官网", "门户", "客户端"};

    for (size_t k = 0; k < ARRAY_SIZE(seps); k++) {
        const char *at = NULL, *p = s;
        size_t sl = strlen(seps[k]);

        while ((p = text_find(p, (size_t)(s + n - p), seps[k], sl)) != NULL) {
            at = p;
            p += sl;
        }
        if (!at || at == s)
            continue;
        for (size_t j = 0; j < ARRAY_SIZE(sites); j++)
            if (text_ends(at + sl, (size_t)(s + n - at - sl), sites[j]) &&
                text_count(at + sl, (size_t)(s + n - at - sl)) <= 12) {
                size_t m = (size_t)(at - s);

                while (m && s[m - 1] == ' ')
                    m--;
                return m;
            }
    }
    return n;
}

/* ------------------------------------------------------------ one line */

/* Web furniture that rules_is_noise() lets pass because it is short or
 * general: font-size and print widgets, e-paper controls, mirror chrome. */
static const char *const labels[] = {
    "编者按", "导读", "正文", "阅读提示", "内容提要", "摘要", "核心提示", "按语", ">正文", "> 正文",
};
static const char *const part_ends[] = {
    "主要工作", "工作回顾", "工作情况", "工作安排",   "工作建议",   "工作部署", "意见建议",
    "总体要求", "主要任务", "基本情况", "存在的问题", "问题和不足", "工作打算",
};
static const char *const credits[] = {
    "供图", "摄", "攝", "摄影", "攝影", "图片来源", "图/", "摄影报道", "视觉中国", "CFP", "供圖",
};
static const char *const placeholders[] = {
    "(资料图)", "（资料图）", "(资料图片)", "（资料图片）", "资料图",
    "图片",     "(图)",       "（图）",     "(圖)",         "資料圖",
};
static const char *const render_days[] = {
    "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "星期天",
};

/* A line of one to three digits: 01 over a magazine's heading. */
static bool digits_only(const char *s, size_t n)
{
    uint32_t c;

    for (size_t i = 0; i < n;) {
        i += text_next(s + i, n - i, &c);
        if (!((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19)))
            return false;
    }
    return n > 0;
}

/* An e-paper's line: the paper, its date and page, 某某法治报/2025 年/8 月/11 日/第 001 版. */
static bool epaper_dateline(const char *s, size_t n)
{
    size_t lim = n < 40 ? n : 40, i;
    const char *slash = memchr(s, '/', lim), *space = memchr(s, ' ', lim);

    if (!slash && !space)
        return false;
    i = (size_t)((!space || (slash && slash < space) ? slash : space) - s);
    return (text_ends(s, i, "报") || text_ends(s, i, "報") || text_ends(s, i, "刊")) &&
           text_has(s + i, n - i, "年") &&
           (text_has(s + i, n - i, "版") || text_has(s + i, n - i, "月"));
}

/* 0, 00: a widget's counter. */
static bool all_zeros(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != '0')
            return false;
    return true;
}

/* Starts with a year: 2024年…. */
static bool year_first(const char *s, size_t n)
{
    return n >= 7 && s[0] >= '1' && s[0] <= '2' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' &&
           s[2] <= '9' && s[3] >= '0' && s[3] <= '9' && text_starts(s + 4, n - 4, "年");
}

/* A font-size widget split over lines: 大, 中 小, [大] [中] [小]. */
static bool size_widget(const char *s, size_t n)
{
    uint32_t c;
    size_t sizes = 0;

    for (size_t i = 0; i < n;) {
        i += text_next(s + i, n - i, &c);
        if (c == 0x5927 || c == 0x4E2D || c == 0x5C0F)
            sizes++;
        else if (!(text_is_blank(c) || c == '|' || c == '[' || c == ']' || c == 0x3010 ||
                   c == 0x3011 || c == 0xFF5C))
            return false;
    }
    return sizes >= 1;
}

/* A line that opens with the end of a sentence cut before it: 领。扎实开展…. */
static bool fragment_first(const char *s, size_t n)
{
    uint32_t c;
    size_t chars = 0;

    for (size_t i = 0; i < n && chars <= 2;) {
        i += text_next(s + i, n - i, &c);
        if (c == 0x3002 || c == 0xFF1B || c == ';')
            return chars >= 1; /* 领。: a sentence's end */
        if (c == 0xFF0C || c == ',' || c == 0x3001)
            return chars == 1; /* 的，: its last word; 首先，opens a new one */
        chars++;
    }
    return false;
}

/* Ends with the credit of who reported or photographed it: …记者 张三 摄影报道. */
static bool closing_credit(const char *s, size_t n)
{
    static const char *const ends[] = {"摄影报道", "报道", "摄影", "摄", "整理", "供稿"};
    bool role = text_has(s, n, "记者") || text_has(s, n, "通讯员") || text_has(s, n, "記者");

    return role && ends_any(s, n, ends, ARRAY_SIZE(ends));
}

static const char *const one_is[] = {"一是", "二是", "三是", "四是", "五是"};

/* 编者按：…, 导读：…: an editor's note. */
static bool editor_note(const char *s, size_t n)
{
    return text_starts(s, n, "编者按") || text_starts(s, n, "【编者按") ||
           text_starts(s, n, "导读") || text_starts(s, n, "编者的话");
}

/* A paragraph that ends with its sign-off: …的窗口。(林文朝) */
static bool signoff_glued(const char *s, size_t n)
{
    const char *open = NULL;
    struct sbuf sb = SBUF_INIT;
    bool yes;

    for (const char *p = s; p < s + n; p++)
        if (*p == '(' || (p + 3 <= s + n && !memcmp(p, "（", 3)))
            open = p;
    if (!open || open == s)
        return false;
    yes = ends_sentence(s, (size_t)(open - s)) && rules_signoff(open, (size_t)(s + n - open), &sb);
    sbuf_release(&sb);
    return yes;
}

/* A picture or table numbered like a heading: 图一、…, 图1 …, 表2 …, 图二. */
static bool figure_number(const char *s, size_t n)
{
    uint32_t c;
    size_t i;

    if (!(text_starts(s, n, "图") || text_starts(s, n, "表") || text_starts(s, n, "圖")))
        return false;
    i = 3;
    if (i >= n)
        return false;
    text_next(s + i, n - i, &c);
    return (c >= '0' && c <= '9') ||
           (c == 0x4E00 || c == 0x4E8C || c == 0x4E09 || c == 0x56DB || c == 0x4E94 ||
            c == 0x516D || c == 0x4E03 || c == 0x516B || c == 0x4E5D || c == 0x5341);
}

/* The longest run of ASCII digits (a dash or a space inside a telephone
 * number allowed). */
static size_t digit_run(const char *s, size_t n)
{
    size_t best = 0, run = 0;

    for (size_t i = 0; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            run++;
        else if (!(run && (s[i] == '-' || s[i] == ' ')))
            run = 0;
        if (run > best)
            best = run;
    }
    return best;
}

/* A date with a year somewhere in the line. */
static bool has_full_date(const char *s, size_t n)
{
    char d[11];

    return rules_find_date(s, n, d);
}

/* A line of two to four Han characters, or names of two or three characters
 * set apart by spaces (王丽 张三): the shape of a bare byline. */
static bool name_only(const char *s, size_t n)
{
    size_t tok = 0, toks = 0, first = 0;
    uint32_t c;

    for (size_t i = 0; i < n;) {
        i += text_next(s + i, n - i, &c);
        if (text_is_blank(c)) {
            if (tok) {
                if (tok < 2 || tok > 4)
                    return false;
                if (!toks++)
                    first = tok;
            }
            tok = 0;
        } else if (text_is_han(c)) {
            tok++;
        } else {
            return false;
        }
    }
    if (tok) {
        if (tok < 2 || tok > 4)
            return false;
        if (!toks++)
            first = tok;
    }
    /* one name alone is two or three characters; 党建引领 is a phrase */
    return toks >= 2 ? toks <= 3 : first <= 3;
}

/* Whether the line names a court (not only 法院 as a word). */
static bool names_court(const char *s, size_t n)
{
    struct court_mentions m = {0};
    bool yes = false;

    if (!text_has(s, n, "法院") && !text_has(s, n, "法庭") && !text_has(s, n, "中院"))
        return false;
    court_scan(s, n, &m);
    for (size_t i = 0; i < m.nr; i++)
        yes = yes || m.v[i].level != COURT_COLLECTIVE;
    court_mentions_release(&m);
    return yes;
}

/* A breadcrumb: 首页 > 新闻中心 > 正文, 当前位置：…, 51好读 › 专栏. */
static bool breadcrumb(const char *s, size_t n, const struct line_facts *f)
{
    size_t arrows = 0;

    if (f->chars > 80 || f->stops)
        return text_has(s, n, "当前位置") || text_has(s, n, "您的位置");
    /* one pass over the bytes: > › (E2 80 BA) » (C2 BB) ＞ (EF BC 9E); the >
     * of HTML residue (<br />) is no arrow */
    bool html = memchr(s, '<', n) != NULL;

    for (size_t i = 0; i < n; i++) {
        const unsigned char *u = (const unsigned char *)s + i;

        /* (a > that ends the line closes a <…> cut by a column: 总2670期>) */
        arrows += (*u == '>' && !html && i + 1 < n) || (*u == 0xC2 && i + 1 < n && u[1] == 0xBB) ||
                  (*u == 0xE2 && i + 2 < n && u[1] == 0x80 && u[2] == 0xBA) ||
                  (*u == 0xEF && i + 2 < n && u[1] == 0xBC && u[2] == 0x9E);
    }
    return arrows >= 1 && (arrows >= 2 || f->chars <= 30 || text_has(s, n, "首页"));
}

/* A caption's credit after its sentence: …整理卷宗。青柘县法院供图. The credit
 * is a dozen characters at most after the line's last 。, without commas. */
static bool credit_tail(const char *s, size_t n)
{
    size_t from = n > 48 ? n - 48 : 0;

    for (size_t i = n; i-- > from + 2;)
        if ((unsigned char)s[i - 2] == 0xE3 && (unsigned char)s[i - 1] == 0x80 &&
            (unsigned char)s[i] == 0x82) {
            const char *t = s + i + 1;
            size_t tn = n - i - 1;

            return tn && i >= 5 && !memmem(t, tn, "，", 3) && !memchr(t, ',', tn);
        }
    return false;
}

/* 镜头一：回访, 镜头2:调解: a short label ending in its number, a colon, and
 * a short phrase with no other punctuation after it. */
static bool numbered_label(const char *s, size_t n, const struct line_facts *f)
{
    static const uint32_t numerals[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                        0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341}; /* 一…十 */
    const char *colon = memchr(s, ':', n);
    size_t head, cl = 1;
    uint32_t c;
    bool numbered;

    if (!colon) {
        colon = memmem(s, n, "：", 3);
        cl = 3;
    }
    if (!colon || colon == s || f->commas || find_stop(s, n))
        return false;
    head = (size_t)(colon - s);
    c = text_last(s, head, false);
    numbered = c >= '0' && c <= '9';
    for (size_t k = 0; k < ARRAY_SIZE(numerals); k++)
        numbered = numbered || c == numerals[k];
    return numbered && head + cl < n && text_count(s, head) >= 3 && text_count(s, head) <= 8 &&
           text_is_han(text_first(s, head)) && text_count(colon + cl, n - head - cl) <= 12 &&
           !memchr(colon + cl, ':', n - head - cl) && !memmem(colon + cl, n - head - cl, "：", 3);
}

/* A news agency's dateline before its headline: 中新网昆明2月11日电 题：… */
static bool dateline_title(const char *s, size_t n)
{
    const char *t = text_find(s, n, "题", 3);

    if (!t)
        t = text_find(s, n, "題", 3);
    return t && t > s && (size_t)(t - s) < 90 && t + 3 < s + n &&
           (t[3] == ':' || !memcmp(t + 3, "：", 3)) &&
           (text_has(s, (size_t)(t - s), "电") || text_has(s, (size_t)(t - s), "電"));
}

/* Whether the words a lead's byline opens with (讯（ 电（) stand near the
 * start of the line: among the page words of a short line (words), else in
 * its first 60 bytes, when the line has them at all. */
static bool lead_words(const char *s, size_t n, size_t chars, unsigned words,
                       const struct line_facts *f)
{
    if (chars <= 80)
        return words & 1u << PAGE_LEAD;
    if (f->words && !(f->page_words & 1u << PAGE_LEAD))
        return false;
    return rules_page_words(s, n < 60 ? n : 60, NULL) & 1u << PAGE_LEAD;
}

static void one_line(const struct feature_line *l, const struct feature_doc *doc, bool top,
                     bool edge, struct line_features *lf)
{
    const char *s = l->s;
    size_t n = l->len, chars;
    uint32_t last = text_last(s, n, false), first = text_first(s, n);
    /* the last character with closing quotes and brackets skipped: the
     * last itself when it closes nothing (most lines) */
    uint32_t end = text_is_closing(last) ? text_last(s, n, true) : last;
    const char *stop; /* the first 。 */
    bool *on = lf->on;
    unsigned words;
    struct sbuf sb = SBUF_INIT;

    memset(lf, 0, sizeof(*lf));
    if (l->facts)
        lf->f = *l->facts;
    else
        rules_scan_shape(s, n, &lf->f);
    lf->chars = chars = lf->f.nonblank;
    lf->mark = doc->markdown ? MARK_NONE : rules_marker(s, n, &lf->mlen);
    on[FEAT_ALWAYS] = true;
    on[FEAT_TINY] = chars <= 4;
    on[FEAT_SHORT] = chars <= 12;
    on[FEAT_MEDIUM] = chars > 12 && chars <= 40;
    on[FEAT_LONG] = chars > 40;
    on[FEAT_VERY_LONG] = chars > 90;
    lf->end = end;
    on[FEAT_ENDS_STOP] = text_is_sentence_end(lf->end);
    on[FEAT_ENDS_COMMA] =
        last == 0xFF0C || last == ',' || last == 0x3001 || last == 0xFF1B || last == ';';
    on[FEAT_ENDS_COLON] = last == 0xFF1A || last == ':';
    stop = find_stop(s, n);
    on[FEAT_COLON_HEAD] = on[FEAT_ENDS_COLON] && chars >= 3 && chars <= 24 && !lf->f.commas &&
                          !memchr(s, ':', n - 1) && !text_find(s, n - 3, "：", 3) && !stop;
    on[FEAT_STOP_INSIDE] = stop && (size_t)(stop - s) + 3 < n;
    on[FEAT_PUNCT_FREE] = !lf->f.stops && !lf->f.commas;
    if (lf->mark != MARK_NONE && !on[FEAT_PUNCT_FREE] && lf->mlen < n) {
        struct line_facts rest; /* 一、 or 1、: the marker's 、 is no punctuation */

        rules_scan_shape(s + lf->mlen, n - lf->mlen, &rest);
        on[FEAT_PUNCT_FREE] = !rest.stops && !rest.commas;
    }
    on[FEAT_BLANK_BEFORE] = l->blanks_before != 0;
    on[FEAT_BLANK_AFTER] = l->blanks_after != 0;
    on[FEAT_GAP_BEFORE] = l->blanks_before >= doc->caption_gap;
    on[FEAT_GAP_AFTER] = l->blanks_after >= doc->caption_gap;
    on[FEAT_GAP_BOTH] = on[FEAT_GAP_BEFORE] && on[FEAT_GAP_AFTER];
    on[FEAT_ISOLATED_OPEN] =
        chars <= 40 && l->blanks_before != 0 && l->blanks_after != 0 && on[FEAT_PUNCT_FREE];
    on[FEAT_INDENTED] = l->indented;
    on[FEAT_UNINDENTED_IN_INDENTED] = doc->indent_mode && !l->indented;
    on[FEAT_MARK_CN] = lf->mark == MARK_CN;
    on[FEAT_MARK_CN_PAREN] = lf->mark == MARK_CN_PAREN;
    on[FEAT_MARK_NUM] = lf->mark == MARK_NUM;
    on[FEAT_MARK_NUM_PAREN] = lf->mark == MARK_NUM_PAREN;
    on[FEAT_MARK_SYMBOL] = lf->mark == MARK_SYMBOL;
    on[FEAT_MARK_CHAPTER] = lf->mark == MARK_CHAPTER;
    /* 01 over a heading; a widget's counter 0 is no heading number */
    on[FEAT_NUM_ALONE] = chars <= 3 && digits_only(s, n) && !all_zeros(s, n);
    on[FEAT_DASH_START] = starts_with_dash(s, n);
    on[FEAT_DASH_END] = text_ends(s, n, "——") || text_ends(s, n, "--") || text_ends(s, n, "―");
    on[FEAT_QUOTED] = (first == 0x201C || first == '"') && (last == 0x201D || last == '"');
    /* “调解要有温度”: speech ends inside its quotes (“…！” “……”), a heading does not */
    if (on[FEAT_QUOTED] && chars <= 30) {
        uint32_t inner = text_last(s, n, true);

        on[FEAT_QUOTED_PHRASE] = !text_is_sentence_end(inner) && inner != 0x2026 &&
                                 inner != 0xFF0C && inner != ',' && inner != 0x3001;
    }
    on[FEAT_NO_HAN] = !lf->f.word || (chars <= 12 && lf->f.cjk == 0);
    on[FEAT_MD_TITLE] = l->md_depth && l->md_depth == doc->md_title_depth;
    on[FEAT_MD_HEADING] = l->md_depth && l->md_depth != doc->md_title_depth;
    on[FEAT_MD_IMAGE] = l->md_image;
    on[FEAT_MD_ITEM] = l->md_item;
    if (chars > 160) /* a paragraph: nothing else to look for */
        return;
    if (chars > 64 && !edge) {
        /* a paragraph inside the report: only what may stand in one — a
         * run-in list, an editor's note, a sign-off at its end */
        on[FEAT_ONE_IS] = starts_any(s, n, one_is, ARRAY_SIZE(one_is));
        on[FEAT_EDITOR_NOTE] = editor_note(s, n);
        on[FEAT_CAPTION_MARK] = rules_caption_marker(s, n);
        on[FEAT_SIGNOFF_GLUED] = (last == ')' || last == 0xFF09) && signoff_glued(s, n);
        return;
    }

    /* page words and marks stand in short lines: a paragraph is not looked
     * through for them. Over 120 characters the rules below go by the length
     * (and the start of a lead) alone. */
    if (chars <= 120)
        rules_scan_words(s, n, &lf->f);
    words = chars <= 80 ? rules_page_words(s, n, &lf->f) : 0;
    on[FEAT_NOISE] = rules_is_noise(s, n, &lf->f) || (chars <= 40 && (words & 1u << PAGE_WIDGET));
    on[FEAT_META] = (edge || lf->f.meta) &&
                    (rules_is_meta_line(s, n, &lf->f) || (edge && epaper_dateline(s, n)));
    on[FEAT_DATE_LINE] = edge && rules_is_date_line(s, n, &lf->f);
    on[FEAT_HAS_DATE] = edge && lf->f.digits && chars <= 80 && has_full_date(s, n);
    on[FEAT_RENDER_DATE] = (words & 1u << PAGE_RENDER) ||
                           (chars <= 4 && starts_any(s, n, render_days, ARRAY_SIZE(render_days)));
    on[FEAT_BYLINE] = edge && chars <= 40 &&
                      (first == 0x25A0 || first == 0x25CF || first == 0x25C6 || first == 0xFF08 ||
                       first == '(' || (words & 1u << PAGE_BYLINE)) &&
                      rules_byline(s, n, true, &sb);
    sbuf_reset(&sb);
    /* 本报讯（记者…）: 讯 or 电 near the start */
    on[FEAT_LEAD_BYLINE] =
        edge && lead_words(s, n, chars, words, &lf->f) && rules_lead_byline(s, n, &sb);
    sbuf_reset(&sb);
    on[FEAT_ANONYMOUS] = (words & 1u << PAGE_ANONYMOUS);
    on[FEAT_SIGNOFF] = (last == ')' || last == 0xFF09) && rules_signoff(s, n, &sb);
    sbuf_reset(&sb);
    on[FEAT_SIGNOFF_GLUED] = (last == ')' || last == 0xFF09) && signoff_glued(s, n);
    on[FEAT_CAPTION_MARK] = rules_caption_marker(s, n);
    /* …供图, …摄, …摄影, …CFP, …视觉中国, 图/…: by the last character first */
    on[FEAT_CAPTION_CREDIT] =
        ((last == 0x56FE || last == 0x6444 || last == 0x651D || last == 0x5F71 || last == 'P' ||
          last == 0x56FD || last == 0x5716 || last == 0x6E90 || last == '/' || last == 0x9053) &&
         ends_any(s, n, credits, ARRAY_SIZE(credits))) ||
        (words & 1u << PAGE_CREDIT);
    on[FEAT_CREDIT_TAIL] = on[FEAT_CAPTION_CREDIT] && chars <= 160 && credit_tail(s, n);
    /* 调解现场。: a few words closed by a full stop, without a comma or a
     * quotation; whether it stands alone is seen with its neighbours */
    on[FEAT_TERSE_SENTENCE] = chars >= 4 && chars <= 12 && last == 0x3002 && !lf->f.commas &&
                              !on[FEAT_STOP_INSIDE] && !l->indented && first != 0x201C &&
                              first != '"' && !memchr(s, ' ', n);
    /* 一、…，…。 alone: a work report's heading written as a sentence */
    on[FEAT_MARKED_SENTENCE] =
        lf->mark == MARK_CN && chars <= 40 && last == 0x3002 && !on[FEAT_STOP_INSIDE];
    on[FEAT_FIGURE_NUMBER] = figure_number(s, n) && chars <= 60;
    on[FEAT_PLACEHOLDER] = chars <= 8 && starts_any(s, n, placeholders, ARRAY_SIZE(placeholders));
    on[FEAT_IMAGE_NAME] = (words & 1u << PAGE_IMAGE);
    if (on[FEAT_IMAGE_NAME] && !on[FEAT_CAPTION_MARK]) { /* 11.jpg ▲…: the mark after the name */
        const char *dot = memchr(s, '.', n);
        size_t k = dot ? (size_t)(dot - s) : n;

        while (k < n && s[k] != ' ' && (unsigned char)s[k] < 0x80)
            k++;
        while (k < n && s[k] == ' ')
            k++;
        on[FEAT_CAPTION_MARK] = k < n && rules_caption_marker(s + k, n - k);
    }
    on[FEAT_BULLET] = first == 0x2022 || first == 0x25AA || first == 0xB7;
    /* 某某报讯 图为:…: a caption after a dateline */
    on[FEAT_CAPTION_MARK] =
        on[FEAT_CAPTION_MARK] ||
        (chars <= 100 && text_find(s, n < 48 ? n : 48, "图为", strlen("图为")) &&
         text_find(s, n < 48 ? n : 48, "讯", strlen("讯")));
    /* menus and breadcrumbs are spaced out, or joined by > */
    on[FEAT_BREADCRUMB] =
        edge && (lf->f.separators || memchr(s, '>', n)) && breadcrumb(s, n, &lf->f);
    on[FEAT_FOOTER] = chars <= 60 && (words & 1u << PAGE_FOOTER);
    on[FEAT_SITE_NAME] = chars <= 14 && !lf->f.stops && !memchr(s, ' ', n) &&
                         (text_ends(s, n, "网") || text_ends(s, n, "网站") ||
                          text_ends(s, n, "官网") || text_ends(s, n, "网站欢迎您"));
    on[FEAT_PAGE_TITLE_SITE] =
        top && chars <= 80 &&
        (memchr(s, '_', n) || memchr(s, ' ', n) || text_has(s, n, "｜") || memchr(s, '-', n)) &&
        line_features_without_site(s, n) < n;
    on[FEAT_HTML] = (words & 1u << PAGE_HTML);
    on[FEAT_LABEL] = chars <= 6 && starts_any(s, n, labels, ARRAY_SIZE(labels));
    on[FEAT_EDITOR_NOTE] = chars > 6 && editor_note(s, n);
    on[FEAT_SALUTATION] =
        on[FEAT_ENDS_COLON] && chars <= 20 && !lf->f.commas &&
        (text_has(s, n, "代表") || text_has(s, n, "委员") || text_has(s, n, "同志"));
    on[FEAT_VENUE] = chars <= 60 && (words & 1u << PAGE_VENUE);
    on[FEAT_NUMBERED_LABEL] = chars <= 20 && lf->f.stops && numbered_label(s, n, &lf->f);
    on[FEAT_PART] =
        chars <= 16 && !lf->f.stops && !lf->f.commas &&
        (ends_any(s, n, part_ends, ARRAY_SIZE(part_ends)) ||
         (chars <= 4 && text_ends(s, n, "篇")) || (year_first(s, n) && text_ends(s, n, "工作")));
    on[FEAT_PROVENANCE] = chars <= 60 && (words & 1u << PAGE_PROVENANCE);
    on[FEAT_ONE_IS] = starts_any(s, n, one_is, ARRAY_SIZE(one_is));
    on[FEAT_DATELINE_TITLE] = top && (words & 1u << PAGE_DATELINE) && dateline_title(s, n);
    on[FEAT_EPAPER] = chars <= 40 && (words & 1u << PAGE_EPAPER) &&
                      (text_has(s, n, "版") || text_has(s, n, "期"));
    on[FEAT_NAME_ONLY] = edge && chars <= 14 && name_only(s, n);
    /* for headlines and decks, which stand at the top */
    on[FEAT_NAMES_COURT] = top && chars <= 60 && (words & 1u << PAGE_COURT) && names_court(s, n);
    on[FEAT_WORK_REPORT] = chars <= 50 && (words & 1u << PAGE_WORK_REPORT);
    on[FEAT_COLUMN_LINE] = false; /* set with the neighbours, below */
    on[FEAT_SHORT_IN_COLUMN] =
        doc->colwidth && chars * 10 <= doc->colwidth * 7 && on[FEAT_PUNCT_FREE];
    on[FEAT_PHRASE_SPACE] = false;
    {
        uint32_t prev = 0, c;

        for (size_t i = 0; lf->f.separators && i < n && !on[FEAT_PHRASE_SPACE];) {
            i += text_next(s + i, n - i, &c);
            if (text_is_blank(c) && text_is_cjk(prev) && i < n) {
                uint32_t d;

                text_next(s + i, n - i, &d);
                on[FEAT_PHRASE_SPACE] = text_is_cjk(d) || text_is_blank(d);
            }
            prev = c;
        }
    }
    /* The shapes the old rules knew: a heading, a headline. */
    on[FEAT_NOISE] = on[FEAT_NOISE] || (chars <= 8 && size_widget(s, n));
    on[FEAT_COMMA_HEADING] = !l->tail_chars && chars >= 6 && chars <= 30 && lf->f.commas &&
                             !on[FEAT_ENDS_STOP] && !on[FEAT_ENDS_COMMA] && !on[FEAT_ENDS_COLON] &&
                             !stop && lf->mark == MARK_NONE && last != 0x7684 && last != 0x548C &&
                             last != 0x4E0E && last != 0x53CA && last != 0x5728 && last != 0x5BF9 &&
                             last != 0x4EE5; /* 的和与及在对以 */
    on[FEAT_HEADING_SHAPE] =
        lf->mark == MARK_NONE && chars >= 2 && chars <= HEADING_MAX && !lf->f.stops &&
        !lf->f.commas &&
        /* …来了 closes a clause (青柘法庭“搬家”来了): a heading's end, not a cut */
        (rules_heading_end_ok(s, n) || text_ends(s, n, "来了")) && !text_is_closing(first) &&
        !on[FEAT_DASH_START] && !text_is_ascii_alnum(first) && !on[FEAT_BYLINE] &&
        !(last < 0x80 && ((last | 0x20) >= 'a' && (last | 0x20) <= 'z')) && !on[FEAT_DATE_LINE];
    on[FEAT_TITLE_SHAPE] = chars >= 2 && chars <= TITLE_MAX && !on[FEAT_ENDS_COMMA] &&
                           !(on[FEAT_ENDS_COLON] && chars > 24) && !stop && !on[FEAT_DASH_START] &&
                           (lf->mark == MARK_NONE || lf->mark == MARK_SYMBOL) &&
                           !on[FEAT_DATE_LINE] && !on[FEAT_BYLINE];
    on[FEAT_PHONE] =
        edge && chars <= 40 && lf->f.digits && digit_run(s, n) >= 7 && !on[FEAT_HAS_DATE];
    on[FEAT_COLON_HEAD] = on[FEAT_COLON_HEAD] && !on[FEAT_NOISE] && !on[FEAT_EPAPER] &&
                          !on[FEAT_META] && !on[FEAT_BREADCRUMB] && !on[FEAT_FOOTER] &&
                          !on[FEAT_PHONE];
    sbuf_release(&sb);
}

/* Whether a line shows itself as the page's furniture or fields. */
static bool furniture(const bool *on)
{
    return on[FEAT_NOISE] || on[FEAT_META] || on[FEAT_BREADCRUMB] || on[FEAT_SITE_NAME] ||
           on[FEAT_NO_HAN] || on[FEAT_EPAPER] || on[FEAT_PHONE] || on[FEAT_LABEL] ||
           on[FEAT_PROVENANCE] || on[FEAT_RENDER_DATE] || on[FEAT_FOOTER] || on[FEAT_DATE_LINE] ||
           on[FEAT_BYLINE] || on[FEAT_PAGE_TITLE_SITE];
}

/* Lines whose text is the same as an earlier or later one's. */
static void mark_repeats(const struct feature_line *l, size_t n, struct line_features *out)
{
    size_t lim = n < 40 ? n : 40, nr = 0;
    uint64_t head[40]; /* the first 24 bytes of each line, folded: most pairs differ there */
    size_t at[40];     /* the lines that may repeat another: six characters, 24 bytes */

    for (size_t i = 0; i < lim; i++) {
        uint64_t w[3] = {0, 0, 0};

        if (out[i].chars < 6 || l[i].len < 24)
            continue;
        memcpy(w, l[i].s, 24);
        head[nr] = w[0] ^ (w[1] * 31) ^ (w[2] * 961);
        at[nr++] = i;
    }
    for (size_t a = 0; a < nr; a++) {
        size_t i = at[a];

        if (out[i].chars > 80)
            continue;
        for (size_t b = a + 1; b < nr; b++) {
            /* the same words, or one starting the other by eight characters
             * or more: a headline with a site or author suffix, or cut in two */
            size_t j, k;

            if (head[a] != head[b])
                continue;
            j = at[b];
            k = l[i].len < l[j].len ? l[i].len : l[j].len;
            if (memcmp(l[j].s, l[i].s, k) != 0)
                continue;
            out[i].on[FEAT_REPEATED] = out[j].on[FEAT_REPEATED] = true;
            /* a site shows the headline first, whole or with its suffix */
            if (l[i].len >= l[j].len) {
                out[i].on[FEAT_REPEATED_LATER] = true;
                out[j].on[FEAT_REPEATED_EARLIER] = true;
            }
        }
    }
}

/* A dash of two (—— ―― --) inside the line, with words on both sides of it:
 * a headline that carries its deck on the same line. */
static bool inner_dash(const char *s, size_t n)
{
    static const char *const dashes[] = {"——", "――", "--"};

    for (size_t k = 0; k < ARRAY_SIZE(dashes); k++) {
        const char *d = memmem(s, n, dashes[k], strlen(dashes[k]));

        if (d && text_count(s, (size_t)(d - s)) >= 4) {
            const char *e = d;

            while (e < s + n && (*e == '-' || text_starts(e, (size_t)(s + n - e), "—") ||
                                 text_starts(e, (size_t)(s + n - e), "―")))
                e += *e == '-' ? 1 : 3;
            if (text_count(e, (size_t)(s + n - e)) >= 4)
                return true;
        }
    }
    return false;
}

/* A headline with a subject of its own before a colon: 某某法院：巡回审判走进牧区.
 * Not a colon at the end (the first half of a two-line headline). */
static bool subject_colon(const char *s, size_t n)
{
    const char *c = memchr(s, ':', n);
    const char *w = memmem(s, n, "：", 3);
    size_t before, after;

    if (!c || (w && w < c))
        c = w;
    if (!c)
        return false;
    before = text_count(s, (size_t)(c - s));
    after = text_count(c, (size_t)(s + n - c)) - 1;
    return before >= 2 && before <= 10 && after >= 4;
}

/* Whether a Han character is in the line: the lead bytes E4 to E9 of UTF-8
 * (U+4000 to U+9FFF). */
static bool has_han(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0xE4 && (unsigned char)s[i] <= 0xE9)
            return true;
    return false;
}

/* A site's or a paper's name, a bar, and its channel or its sponsor:
 * 某某新闻网 ｜ 以案说法, 《某某》杂志 | 访谈, 某某网 - 某某中心主办. */
static bool site_channel(const char *s, size_t n)
{
    static const char *const bars[] = {" | ", "｜", " - ", "|"};
    static const char *const names[] = {"网", "网站", "杂志", "报", "频道", "客户端", "网站首页"};

    for (size_t k = 0; k < ARRAY_SIZE(bars); k++) {
        const char *b = memmem(s, n, bars[k], strlen(bars[k]));
        const char *h = s;
        size_t hn;

        if (!b || b == s)
            continue;
        hn = (size_t)(b - s);
        text_trim(&h, &hn);
        for (size_t j = 0; j < ARRAY_SIZE(names); j++)
            if (text_ends(h, hn, names[j]) && text_count(h, hn) <= 14 &&
                text_count(b, (size_t)(s + n - b)) <= 16)
                return true;
    }
    return false;
}

/* Four digits of a year and a date's separator first: 2026-02-10, 2026年2月,
 * 2026/2/10, 2026.02.10. */
static bool year_first_date(const char *s, size_t n)
{
    for (size_t i = 0; i < 4; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return s[0] >= '1' && s[0] <= '2' &&
           (s[4] == '-' || s[4] == '/' || s[4] == '.' || text_starts(s + 4, n - 4, "年"));
}

/* Marks of a script or of markup (= ( ; < > { }), or words joined by a dot
 * after a small letter (is.removeAttribute, a script cut by a column;
 * www.example.gov.cn): an English headline has none of them (U.S. has no
 * small letter before its dot). */
static bool code_marks(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (memchr("=(;<>{}", s[i], 7))
            return true;
        if (s[i] == '.' && i > 0 && i + 1 < n && s[i - 1] >= 'a' && s[i - 1] <= 'z' &&
            ((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z'))
            return true;
    }
    return false;
}

/* The numbers in a line: runs of digits, 8.13 as one. */
static size_t numbers(const char *s, size_t n)
{
    size_t runs = 0;

    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9' &&
            (i == 0 || !((s[i - 1] >= '0' && s[i - 1] <= '9') || s[i - 1] == '.')))
            runs++;
    return runs;
}

/* Whether the lines b[0], b[1] run on as the lines a[0..na) start: a
 * headline cut in two lines under the site's copy of it, whole or itself cut
 * by a column. */
static bool continues_in(const struct feature_line *a, size_t na, const struct feature_line *b)
{
    char x[256], y[256];
    size_t nx = 0, ny = 0;

    for (size_t k = 0; k < na && nx + a[k].len <= sizeof(x); k++) {
        memcpy(x + nx, a[k].s, a[k].len);
        nx += a[k].len;
    }
    for (size_t k = 0; k < 2 && ny + b[k].len <= sizeof(y); k++) {
        memcpy(y + ny, b[k].s, b[k].len);
        ny += b[k].len;
    }
    return ny > b[0].len && nx >= ny && !memcmp(x, y, ny);
}

/*
 * What stands at the head of a report and where its own headline is: only
 * the first lines are looked at. A page may show its site's headline, a
 * kicker (引题) or a standfirst before the article's headline; a text may
 * have no headline at all and start with its story or an editor's note.
 */
static void head_features(const struct feature_line *l, size_t n, const struct feature_doc *doc,
                          struct line_features *out)
{
    size_t lim = n < TOP_LINES ? n : TOP_LINES, own = lim, paras = 0;

    for (size_t i = 0; i < lim; i++) {
        /* a deck that repeats a line above (——某某法院诉源治理工作纪实): that
         * line is the site's list headline, the article's own stands between */
        if (out[i].on[FEAT_DASH_START] && i >= 2) {
            const char *d = l[i].s;
            size_t dn = l[i].len;

            while (dn && (*d == '-' || text_starts(d, dn, "—") || text_starts(d, dn, "―"))) {
                size_t w = *d == '-' ? 1 : 3;

                d += w;
                dn -= w;
            }
            for (size_t k = 0; k + 1 < i; k++)
                if (dn >= 12 && l[k].len == dn && !memcmp(l[k].s, d, dn))
                    out[k].on[FEAT_REPEATED_LATER] = true;
        }
    }
    for (size_t i = 0; i < lim; i++) {
        bool *on = out[i].on;
        const struct line_features *nx = i + 1 < n ? &out[i + 1] : NULL;
        const struct line_features *pv = i ? &out[i - 1] : NULL;

        /* the width of the line above; of a run of column lines joined
         * already, of the last */
        size_t pw = !pv ? 0 : l[i - 1].tail_chars ? l[i - 1].tail_chars : pv->chars;

        /* a newspaper column cuts a headline wider than itself into lines of
         * its width, a stray blank line between them at times; a line wider
         * than the column is no piece of it */
        on[FEAT_PREV_COLUMN_CUT] =
            doc->colwidth && pv && l[i].blanks_before <= 2 && pw * 100 >= doc->colwidth * 85 &&
            pw * 100 <= doc->colwidth * (l[i].blanks_before ? 110 : 130) &&
            !pv->on[FEAT_ENDS_STOP] && !pv->on[FEAT_ENDS_COMMA] && !pv->on[FEAT_STOP_INSIDE] &&
            !pv->on[FEAT_REPEATED_LATER] && /* a headline shown whole again is no piece */
            out[i].chars * 100 <= doc->colwidth * 130 && !furniture(pv->on) &&
            !on[FEAT_STOP_INSIDE] && !furniture(on) &&
            /* a headline ends no sentence with 。: 庭审现场。 is a caption */
            text_last(l[i].s, l[i].len, true) != 0x3002 &&
            /* a line as wide as the column running into a sentence is a
             * paragraph's first line */
            !(out[i].chars * 100 >= doc->colwidth * 85 && nx && l[i].blanks_after == 0 &&
              (nx->f.stops || nx->f.commas));

        on[FEAT_ENDS_INLINE_DECK] = on[FEAT_PREV_COLUMN_CUT] && pv->on[FEAT_INLINE_DECK];
        /* (a word or two is a widget; a line running into the next, a
         * paragraph's first; in column text, a piece of a line the column
         * cut, of the metadata above or of what follows) */
        on[FEAT_UNDER_META_PHRASE] =
            !paras && pv &&
            /* the metadata, or its widgets on a line of their own under it (【字号】) */
            (pv->on[FEAT_META] || (pv->on[FEAT_NOISE] && i >= 2 && out[i - 2].on[FEAT_META])) &&
            on[FEAT_TITLE_SHAPE] && on[FEAT_PUNCT_FREE] && !on[FEAT_DASH_START] &&
            !on[FEAT_VENUE] && !furniture(on) && !on[FEAT_TINY] && !on[FEAT_WIDE_INTO_NEXT] &&
            !(doc->colwidth &&
              ((l[i].blanks_after == 0 && out[i].chars * 100 >= doc->colwidth * 85) ||
               (l[i].blanks_before == 0 && pw * 100 >= doc->colwidth * 85)));
        if (nx && l[i + 1].blanks_before <= 2) {
            uint32_t c = text_first(l[i + 1].s, l[i + 1].len);

            on[FEAT_NEXT_OPENS_PUNCT] =
                c == 0xFF0C || c == ',' || c == 0x3002 || c == 0x3001 || c == 0xFF1B || c == ';';
        }
        on[FEAT_SITE_CHANNEL] =
            out[i].chars <= 32 && !paras && l[i].len <= 120 && site_channel(l[i].s, l[i].len);
        /* 2026-02-10 …, 2026年2月10日 …, 2026/2/10 …: a date first, then more */
        on[FEAT_DATE_FIRST] = on[FEAT_HAS_DATE] && !on[FEAT_DATE_LINE] && !on[FEAT_VENUE] &&
                              l[i].len >= 8 && out[i].chars <= 40 &&
                              year_first_date(l[i].s, l[i].len);
        on[FEAT_CAPTION_RUNS_ON] = on[FEAT_PREV_COLUMN_CUT] && pv->on[FEAT_CAPTION_MARK];
        on[FEAT_AFTER_PARAS] = paras >= 2;
        on[FEAT_CODE_RESIDUE] = out[i].chars > 12 && !on[FEAT_NOISE] && !on[FEAT_META] &&
                                !has_han(l[i].s, l[i].len) && code_marks(l[i].s, l[i].len);
        on[FEAT_FIGURES] = out[i].f.digits && out[i].chars <= 60 && !furniture(on) &&
                           !on[FEAT_HAS_DATE] && numbers(l[i].s, l[i].len) >= 2;
        on[FEAT_UNDER_WIDGETS] = !paras && pv && pv->on[FEAT_NOISE] && !pv->on[FEAT_NO_HAN] &&
                                 !pv->on[FEAT_META] && !on[FEAT_CAPTION_MARK] &&
                                 !on[FEAT_CAPTION_CREDIT] && !on[FEAT_PLACEHOLDER] &&
                                 !on[FEAT_FIGURE_NUMBER];
        if (out[i].chars > 30 && !furniture(on) && (on[FEAT_ENDS_STOP] || on[FEAT_STOP_INSIDE]))
            paras++;
        on[FEAT_INLINE_DECK] = out[i].chars >= 12 && out[i].chars <= 90 && !on[FEAT_ENDS_STOP] &&
                               !on[FEAT_STOP_INSIDE] && !on[FEAT_DASH_START] && !furniture(on) &&
                               inner_dash(l[i].s, l[i].len);
        /* (正文 marks where the article starts: its headline may follow) */
        on[FEAT_AFTER_LABEL] = pv && pv->on[FEAT_LABEL] && !furniture(on) &&
                               !text_has(l[i - 1].s, l[i - 1].len, "正文");
        /* 2025-04-06 over 星期天: the day the page was shown, not the report's */
        if (on[FEAT_DATE_LINE] && nx && nx->on[FEAT_RENDER_DATE] && nx->chars <= 4 &&
            l[i + 1].blanks_before <= 1)
            on[FEAT_RENDER_DATE] = true;
        /* a headline over its metadata with the page's link or widget
         * between them (http://… / 2011-05-03 来源：…) */
        if (nx && i + 2 < n && nx->on[FEAT_NOISE] && !nx->on[FEAT_META] &&
            l[i + 1].blanks_before <= 2 && l[i + 2].blanks_before <= 2)
            on[FEAT_NEXT_FIELD] = on[FEAT_NEXT_FIELD] || out[i + 2].on[FEAT_META] ||
                                  out[i + 2].on[FEAT_DATE_LINE] || out[i + 2].on[FEAT_BYLINE];
        /* the article's own headline: the copy of one the site showed above,
         * before any paragraph of the article */
        if (own == lim && on[FEAT_REPEATED_EARLIER] && on[FEAT_TITLE_SHAPE] && !paras)
            own = i;
        if (i > 0 && out[i - 1].on[FEAT_REPEATED_EARLIER] && l[i].blanks_before <= 1)
            for (size_t k = 0; k + 1 < i && !on[FEAT_FINISHES_REPEAT]; k++)
                on[FEAT_FINISHES_REPEAT] =
                    out[k].on[FEAT_REPEATED_LATER] &&
                    continues_in(&l[k], i - 1 - k < 3 ? i - 1 - k : 3, &l[i - 1]);
        /* 推进某某新实践 / 某某法院：巡回审判走进牧区 */
        if (nx && l[i + 1].blanks_before <= 1 && out[i].chars <= 20 && on[FEAT_TITLE_SHAPE] &&
            on[FEAT_PUNCT_FREE] && !furniture(on) && !subject_colon(l[i].s, l[i].len) &&
            nx->on[FEAT_TITLE_SHAPE] && !furniture(nx->on) &&
            subject_colon(l[i + 1].s, l[i + 1].len)) {
            on[FEAT_KICKER] = true;
            out[i + 1].on[FEAT_UNDER_KICKER] = true;
        }
    }
    for (size_t i = 0; i < own && own < lim; i++)
        out[i].on[FEAT_ABOVE_OWN_HEADLINE] = true;
}

void line_features_compute(const struct feature_line *l, size_t n, const struct feature_doc *doc,
                           struct line_features *out)
{
    for (size_t i = 0; i < n; i++)
        one_line(&l[i], doc, i < TOP_LINES, i < EDGE_LINES || i + EDGE_LINES >= n, &out[i]);
    mark_repeats(l, n, out);
    for (size_t i = 0; i < n; i++) {
        const bool *on = out[i].on;

        if (on[FEAT_TITLE_SHAPE] && !furniture(on) && !on[FEAT_GAP_BEFORE] && !on[FEAT_GAP_AFTER]) {
            out[i].on[FEAT_FIRST_SHAPED] = true;
            break;
        }
    }
    bool body_above = false; /* a paragraph of sentences above: the body has begun */

    for (size_t i = 0; i < n; i++) {
        bool *on = out[i].on;
        const struct line_features *nx = i + 1 < n ? &out[i + 1] : NULL;
        const struct line_features *pv = i ? &out[i - 1] : NULL;

        body_above = body_above ||
                     (pv && pv->chars > 40 && (pv->on[FEAT_ENDS_STOP] || pv->on[FEAT_STOP_INSIDE]));

        on[FEAT_FIRST] = i == 0;
        on[FEAT_TOP] = i < TOP_LINES;
        on[FEAT_NEAR_END] = i + 3 >= n;
        /* widgets and menus, not the fields a headline stands over */
        on[FEAT_NEXT_DASH] = nx && nx->on[FEAT_DASH_START] && l[i + 1].blanks_before <= 2;
        on[FEAT_BETWEEN_PARAS] = pv && nx && pv->chars > 40 && pv->on[FEAT_ENDS_STOP] &&
                                 nx->chars >= 20 && out[i].chars >= 4 && out[i].chars <= 30 &&
                                 !on[FEAT_ENDS_STOP] && !on[FEAT_ENDS_COMMA] &&
                                 !on[FEAT_ENDS_COLON] && !find_stop(l[i].s, l[i].len) &&
                                 (!doc->colwidth || out[i].chars * 10 <= doc->colwidth * 7 ||
                                  /* a paragraph's first column line would have
                                   * been joined to the rest under it (over a
                                   * column break too: as wide as the rest) */
                                  (l[i].blanks_after <= 2 && !l[i].tail_chars &&
                                   (nx->chars > 40 || nx->chars * 10 > doc->colwidth * 13)));
        on[FEAT_NEXT_FURNITURE] = nx && furniture(nx->on) && !nx->on[FEAT_META] &&
                                  !nx->on[FEAT_DATE_LINE] && !nx->on[FEAT_BYLINE];
        on[FEAT_NEXT_FRAGMENT] = nx && fragment_first(l[i + 1].s, l[i + 1].len);
        /* a two-phrase heading stands over a paragraph that starts afresh:
         * a long one, or a short one that is one whole sentence */
        on[FEAT_COMMA_HEADING] =
            on[FEAT_COMMA_HEADING] && nx && !on[FEAT_NEXT_FRAGMENT] &&
            (nx->chars > 40 || (nx->chars >= 16 && nx->f.commas && nx->on[FEAT_ENDS_STOP] &&
                                !nx->on[FEAT_STOP_INSIDE]));
        on[FEAT_LAST] = i + 1 == n && out[i].mark == MARK_NONE;
        on[FEAT_CLOSING_CREDIT] = i >= 3 && on[FEAT_NEAR_END] && out[i].chars <= 40 &&
                                  on[FEAT_PUNCT_FREE] && closing_credit(l[i].s, l[i].len);
        /* a column line: as wide as the column, touching a line no wider */
        if (doc->colwidth && out[i].chars * 100 >= doc->colwidth * 85 &&
            out[i].chars * 100 <= doc->colwidth * 130 && !on[FEAT_BULLET] &&
            out[i].mark != MARK_CN && out[i].mark != MARK_CN_PAREN && out[i].mark != MARK_CHAPTER)
            on[FEAT_COLUMN_LINE] =
                (pv && l[i].blanks_before == 0 && pv->chars * 100 <= doc->colwidth * 130) ||
                (nx && l[i].blanks_after == 0 && nx->chars * 100 <= doc->colwidth * 130);
        if (nx && l[i].blanks_after == 0 && !(nx->on[FEAT_HEADING_SHAPE] && nx->chars <= 16) &&
            nx->mark == MARK_NONE && /* a numbered heading under it is no paragraph */
            !nx->on[FEAT_BYLINE] && !nx->on[FEAT_DATE_LINE] && !nx->on[FEAT_META]) {
            size_t wide = nx->chars > doc->colwidth ? nx->chars : doc->colwidth;

            on[FEAT_WIDE_INTO_NEXT] = out[i].chars * 10 > wide * (doc->colwidth ? 7 : 6);
        }
        on[FEAT_CLOSES] = line_features_closes_para(&l[i], &out[i], nx ? &l[i + 1] : NULL, nx, doc);
        if (nx && l[i + 1].blanks_before <= 2) {
            on[FEAT_NEXT_FIELD] =
                nx->on[FEAT_BYLINE] || nx->on[FEAT_DATE_LINE] || nx->on[FEAT_META];
            on[FEAT_NEXT_HEADING_SHAPE] = nx->on[FEAT_HEADING_SHAPE] && l[i + 1].blanks_before <= 1;
            on[FEAT_NEXT_LONG] = nx->chars > 40;
        }
        /* alone, above the lead (a short paragraph of the body is no
         * picture's label), and not the last piece of a paragraph cut by a
         * column; under the headline, though the headline is as wide as a
         * column line, it is the label of the picture there */
        on[FEAT_TERSE_SENTENCE] = on[FEAT_TERSE_SENTENCE] && !body_above && nx && nx->chars > 40 &&
                                  (l[i].blanks_before != 0 || l[i].blanks_after != 0) &&
                                  (!pv || pv->on[FEAT_CLOSES] ||
                                   (pv->chars <= 24 && !pv->on[FEAT_ENDS_COMMA] &&
                                    (!pv->on[FEAT_COLUMN_LINE] || pv->on[FEAT_FIRST_SHAPED])));
        on[FEAT_MARKED_SENTENCE] =
            on[FEAT_MARKED_SENTENCE] && on[FEAT_CLOSES] && (!pv || pv->on[FEAT_CLOSES]);
        /* a paragraph that lost its full stop, then a blank line and 一、:
         * the paragraph has ended */
        on[FEAT_MARKED_AFTER_BREAK] = pv && l[i].blanks_before > 0 &&
                                      (out[i].mark == MARK_CN || out[i].mark == MARK_CN_PAREN) &&
                                      pv->chars > 40 && !pv->on[FEAT_ENDS_STOP] &&
                                      !pv->on[FEAT_ENDS_COMMA] && !pv->on[FEAT_ENDS_COLON];
        on[FEAT_LONE_PHRASE] = on[FEAT_ISOLATED_OPEN] && out[i].chars >= 10 && !furniture(on) &&
                               !on[FEAT_LABEL] && !on[FEAT_NAME_ONLY];
        /* a caption cut by the column: this piece ends nowhere, the next
         * right under it ends with the credit or says it is a caption */
        on[FEAT_CAPTION_CUT] = nx && doc->colwidth && l[i].blanks_after == 0 &&
                               out[i].chars * 100 >= doc->colwidth * 85 &&
                               out[i].chars * 100 <= doc->colwidth * 130 && !on[FEAT_ENDS_STOP] &&
                               !on[FEAT_CAPTION_CREDIT] &&
                               (nx->on[FEAT_CAPTION_CREDIT] || nx->on[FEAT_CAPTION_MARK]);
        if (pv) {
            on[FEAT_PREV_OPEN] = !pv->on[FEAT_CLOSES];
            on[FEAT_PREV_TWO_PHRASES] = pv->on[FEAT_PHRASE_SPACE];
            on[FEAT_PREV_MIDSENTENCE] = pv->f.commas && !pv->on[FEAT_ENDS_STOP] &&
                                        !pv->on[FEAT_ENDS_COLON] && pv->mark == MARK_NONE;
            on[FEAT_PREV_UNENDED] = !pv->on[FEAT_ENDS_STOP] && !pv->on[FEAT_ENDS_COLON];
            on[FEAT_PREV_COLON_HEAD] = pv->on[FEAT_COLON_HEAD] && l[i].blanks_before <= 1;
            on[FEAT_PREV_GAP_BOTH] = pv->on[FEAT_GAP_BOTH] && pv->chars <= 40 && out[i].chars <= 16;
            on[FEAT_PREV_DASH_END] = pv->on[FEAT_DASH_END] && l[i].blanks_before <= 1;
            on[FEAT_PREV_NUM_ALONE] = pv->on[FEAT_NUM_ALONE] && l[i].blanks_before <= 1;
            on[FEAT_PREV_SHORT] = pv->chars <= 14 && l[i].blanks_before <= 1;
            on[FEAT_SAME_LENGTH_PREV] =
                pv->chars + 4 >= out[i].chars && out[i].chars + 4 >= pv->chars;
        }
    }
    head_features(l, n, doc, out);
}
