/*
 * rules.c: recognisers for kinds of line in court reports cut from newspaper
 * pages and web pages. Each rule names the text it exists for. Nothing here
 * knows about any particular report; nothing here allocates except into the
 * caller's sbuf.
 */
#include "rules.h"

#include <stdatomic.h>
#include <string.h>
#include <threads.h>

#include "text.h"
#include "util.h"

static bool is_cn_numeral(uint32_t c)
{
    return c == 0x4E00 || c == 0x4E8C || c == 0x4E09 || c == 0x56DB || c == 0x4E94 || c == 0x516D ||
           c == 0x4E03 || c == 0x516B || c == 0x4E5D || c == 0x5341 || c == 0x767E || c == 0x96F6 ||
           c == 0x3007;
}

static bool is_digit(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static int digit_value(uint32_t c)
{
    return c <= '9' ? (int)(c - '0') : (int)(c - 0xFF10);
}

/* Count characters satisfying pred from s; returns bytes consumed, *count set. */
static size_t span(const char *s, size_t n, bool (*pred)(uint32_t), size_t *count)
{
    size_t i = 0;
    uint32_t c;

    *count = 0;
    while (i < n) {
        size_t l = text_next(s + i, n - i, &c);

        if (!pred(c))
            break;
        i += l;
        (*count)++;
    }
    return i;
}

static size_t skip_blanks(const char *s, size_t n, size_t i)
{
    uint32_t c;

    while (i < n) {
        size_t l = text_next(s + i, n - i, &c);

        if (!text_is_blank(c))
            break;
        i += l;
    }
    return i;
}

/*
 * Heading numbers as Chinese reports write them: 第一章 / 第二部分 in work
 * reports, 一、 and （一） in official documents, 1 / 1. / 01 in newspaper
 * features, （1） in lists, ■ ◆ ▲ as section bullets in newspapers.
 */
enum marker rules_marker(const char *s, size_t n, size_t *mlen)
{
    size_t i, cnt, l;
    uint32_t c, d;

    *mlen = 0;
    if (!n)
        return MARK_NONE;
    l = text_next(s, n, &c);
    if (c == 0x7B2C) { /* 第 */
        i = l + span(s + l, n - l, is_cn_numeral, &cnt);
        if (!cnt)
            i = l + span(s + l, n - l, is_digit, &cnt);
        if (cnt && cnt <= 4) {
            static const char *units[] = {"章", "部分", "篇", "编", "节", "讲"};
            for (size_t u = 0; u < ARRAY_SIZE(units); u++)
                if (text_starts(s + i, n - i, units[u])) {
                    *mlen = skip_blanks(s, n, i + strlen(units[u]));
                    return MARK_CHAPTER;
                }
        }
        return MARK_NONE;
    }
    if (is_cn_numeral(c)) {
        i = span(s, n, is_cn_numeral, &cnt);
        if (cnt <= 3 && i < n) {
            l = text_next(s + i, n - i, &d);
            if (d == 0x3001 || d == 0xFF0E || d == '.' || d == 0xFF1A) { /* 、．.： */
                *mlen = skip_blanks(s, n, i + l);
                return MARK_CN;
            }
        }
        return MARK_NONE;
    }
    if (c == 0xFF08 || c == '(') { /* （ ( */
        size_t j;
        bool cn;

        i = l + span(s + l, n - l, is_cn_numeral, &cnt);
        cn = cnt > 0;
        if (!cn)
            i = l + span(s + l, n - l, is_digit, &cnt);
        if (!cnt || cnt > 3 || i >= n)
            return MARK_NONE;
        j = text_next(s + i, n - i, &d);
        if (d != 0xFF09 && d != ')')
            return MARK_NONE;
        *mlen = skip_blanks(s, n, i + j);
        return cn ? MARK_CN_PAREN : MARK_NUM_PAREN;
    }
    if (is_digit(c)) {
        size_t j;

        i = span(s, n, is_digit, &cnt);
        if (cnt > 2 || i >= n)
            return MARK_NONE;
        j = text_next(s + i, n - i, &d);
        if (d == '.' || d == 0xFF0E || d == 0x3001 || d == ' ' || d == 0x3000) {
            size_t k = skip_blanks(s, n, i + j);
            uint32_t e;

            /* 1.5亿 and 2 000 are numbers, not headings */
            if (k >= n || is_digit(text_first(s + k, n - k)))
                return MARK_NONE;
            text_next(s + k, n - k, &e);
            if (!text_is_cjk(e))
                return MARK_NONE;
            *mlen = k;
            return MARK_NUM;
        }
        return MARK_NONE;
    }
    switch (c) {
    case 0x25A0: /* ■ */
    case 0x25A1: /* □ */
    case 0x25C6: /* ◆ */
    case 0x25C7: /* ◇ */
    case 0x25B2: /* ▲ */
    case 0x25CF: /* ● */
    case 0x2605: /* ★ */
    case 0x2606: /* ☆ */
    case 0x25B6: /* ▶ */
    case 0x25BA: /* ► */
    case 0x25CE: /* ◎ */
    case 0x2756: /* ❖ */
        *mlen = skip_blanks(s, n, l);
        return *mlen < n ? MARK_SYMBOL : MARK_NONE;
    }
    return MARK_NONE;
}

/* Whether s contains any of the needles. */
static bool has_any(const char *s, size_t n, const char *const *needles, size_t nr)
{
    for (size_t i = 0; i < nr; i++)
        if (text_has(s, n, needles[i]))
            return true;
    return false;
}

/*
 * Menus copied with a web page: "首页 新闻中心 法院概况 审判动态 …" — four or more
 * short items separated by spaces or bars, and no sentence punctuation.
 */
static bool is_menu_row(const char *s, size_t n)
{
    size_t items = 0, item_chars = 0, total = 0, i = 0, cjk = 0;
    uint32_t c;

    while (i < n) {
        size_t l = text_next(s + i, n - i, &c);

        cjk += text_is_han(c);
        if (text_is_blank(c) || c == '|' || c == 0xFF5C || c == 0x4E28 || c == 0x2502) {
            if (item_chars) {
                if (item_chars > 8)
                    return false;
                items++;
                total += item_chars;
            }
            item_chars = 0;
        } else if (text_is_sentence_end(c) || c == 0xFF0C || c == ',' || c == 0x3001) {
            return false;
        } else if (++item_chars > 8) {
            return false; /* a phrase too long for a menu item */
        }
        i += l;
    }
    if (item_chars) {
        if (item_chars > 8)
            return false;
        items++;
        total += item_chars;
    }
    /* the menus of Chinese court sites are Chinese words; a line of English
     * words is a sentence */
    return items >= 4 && total >= items * 2 && cjk * 2 >= total;
}

/*
 * Web-page chrome copied with an article: where-am-I and breadcrumb lines,
 * page controls (print, close, font size, favourites, paging between
 * articles), share prompts and counters, footers (copyright, ICP and police
 * registration, site credits).
 */
static const char *const noise_phrases[] = {
    "当前位置",
    "您的位置",
    "你的位置",
    "您现在的位置",
    "所在位置",
    "现在位置",
    "打印本页",
    "打印此页",
    "打印文章",
    "【打印】",
    "[打印]",
    "关闭窗口",
    "关闭本页",
    "【关闭】",
    "[关闭]",
    "返回顶部",
    "返回首页",
    "返回列表",
    "收藏本页",
    "加入收藏",
    "字号：",
    "字号:",
    "字体：",
    "字体:",
    "【大 中 小】",
    "【大中小】",
    "[大 中 小]",
    "上一篇",
    "下一篇",
    "上一条",
    "下一条",
    "相关链接",
    "相关阅读",
    "相关新闻",
    "相关文章",
    "推荐阅读",
    "热点推荐",
    "我要纠错",
    "【纠错】",
    "视力保护色",
    "分享到",
    "分享至",
    "一键分享",
    "扫一扫",
    "扫描二维码",
    "长按识别",
    "长按二维码",
    "点击右上角",
    "关注我们",
    "浏览次数",
    "阅读次数",
    "点击数",
    "点击量",
    "点击率",
    "浏览量",
    "阅读量",
    "访问量",
    "访问次数",
    "版权所有",
    "Copyright",
    "COPYRIGHT",
    "copyright",
    "©",
    "ICP备",
    "ICP证",
    "公网安备",
    "技术支持：",
    "技术支持:",
    "主办单位",
    "承办单位",
    "网站地图",
    "联系我们",
    "免责声明",
    "建议使用",
    "分辨率",
    "浏览器",
    "网站标识码",
    /* WeChat articles copied with their frame */
    "阅读原文",
    "点击蓝字",
    "发表于",
    "设为星标",
    "预览时标签不可点",
    "微信扫一扫",
};
/* Editor and reviewer credit lines of news sites and WeChat accounts. */
static const char *const noise_credits[] = {
    "本版编辑", "本版责编", "版面编辑", "美术编辑", "本版审校", "责任编辑", "责编：",   "责编:",
    "编辑：",   "编辑:",    "审核：",   "审核:",    "审校：",   "校对：",   "校对:",    "初审：",
    "复审：",   "终审：",   "监制：",   "出品：",   "策划：",   "编审：",   "值班编辑", "美编：",
};

/* Keys of page metadata lines: 发布时间：… 来源：… 浏览次数：… */
static const char *const meta_keys[] = {
    "发布时间",
    "发布日期",
    "发表时间",
    "更新时间",
    "来源：",
    "来源:",
    "信息来源",
    "文章来源",
    "稿件来源",
    "浏览次数",
    "阅读次数",
    "点击数",
    "发布者",
    "发布人",
    /* the same on pages in traditional characters */
    "發布時間",
    "發佈時間",
    "來源：",
    "來源:",
    "文章來源",
    "閱讀次數",
    "瀏覽次數",
    "時間：",
    "時間:",
};

/* Photo captions that say so: 图为…, 上图：…, ▲…, △…, 【图】…, （图片：…）. */
static const char *const caption_starts[] = {
    "图为", "圖為", "资料图为", "資料圖為", "上图",   "下图",   "左图",  "右图", "图：", "图:",
    "▲",    "△",    "▼",        "【图】",   "（图）", "图片：", "图片:", "题图", "配图",
};

/*
 * Words of web pages that line_features.c looks for, in the lists of enum
 * page_list: widgets, footers, provenance, e-paper controls, image file
 * names, HTML residue, photo credits inside a line, and the words that let a
 * closer rule (bylines, datelines, court names) be skipped when absent. Every
 * list is in the order of enum page_list.
 */
static const char *const widget_words[] = {
    "打印",     "字号",     "【字号",   "放大",   "缩小",   "默认",   "分享到",
    "分享至",   "收藏",     "关注:",    "关注：", "LOGO",   "logo",   "专栏名称",
    "查看全文", "复制链接", "正文复制", "大 |",   "中 |",   "阅读量", "閱讀量",
    "字號",     "【打印】", "浏览字号", "颜色:",  "颜色：", "A A",    "查看内容",
};
static const char *const epaper_words[] = {
    "通版", "当前版", "版面导航", "往期回顾", "版:", "版：", "上一版", "下一版", "上一期", "下一期",
};
static const char *const footer_words[] = {
    "责任编辑", "责编",     "编辑:",  "编辑：",   "校对",       "审核:",     "审核：",
    "免责声明", "原文链接", "（完）", "(完)",     "版权",       "Copyright", "ICP",
    "备案号",   "文章出处", "转载",   "本文来源", "来源：本院",
};
static const char *const provenance[] = {
    "本文为", "原创稿件", "转载自", "本文转自", "本文来源", "来源于", "原标题",
};
static const char *const image_exts[] = {
    ".jpg", ".jpeg", ".png", ".gif", ".JPG", ".PNG", ".webp",
};
static const char *const html_marks[] = {"<br", "/>", "=\"", "&nbsp"};
static const char *const credits_inside[] = {" 摄", "供图 "};
static const char *const render_words[] = {"今天是"};
static const char *const anonymous_words[] = {"佚名"};
static const char *const venue_words[] = {"会议上"};
static const char *const work_report_words[] = {"工作报告"};
static const char *const dateline_words[] = {"题：", "题:", "題：", "題:"};
static const char *const court_words[] = {"法院", "法庭", "中院"};
/* a lead that opens with its byline: 本报讯（记者 X） */
static const char *const lead_words[] = {"讯（", "讯(", "电（", "电(",
                                         "訊（", "訊(", "電（", "電("};
/* the words of bylines: rules_byline() looks closer */
static const char *const byline_words[] = {
    "记者",     "記者",   "通讯员", "通訊員", "作者", "院长",   "院長", "庭长",
    "整理",     "实习生", "摄影",   "撰稿",   "文/",  "文|",    "文 |", "文｜",
    "采访人员", "主任",   "局长",   "书记",   "法官", "审判员", "委员",
};
/* The phrase sets of tables.words, in the order of phrase_group_lists()'s masks. */
enum word_set { WORDS_CHROME, WORDS_META, WORDS_PAGE };
/* The lists of tables.chrome, in the order added. */
enum chrome_list { CHROME_NOISE, CHROME_CREDIT, CHROME_HOME };

/* Lookup tables built once, thread-safely, and only read after. */
static struct {
    struct phrase_set chrome; /* noise phrases, credits, and 首页/主页 for breadcrumbs */
    struct phrase_set meta;
    struct phrase_set page; /* the lists of enum page_list */
    struct charset caption_firsts;
    struct charset role_firsts;
    struct phrase_group words; /* chrome, meta and page, looked for together */
    struct phrase_group pages; /* page alone, for rules_page_words() unhelped */
    bool meta_singles;         /* a one-character phrase in meta: its pairs do not tell all */
} tables;
static once_flag tables_once = ONCE_FLAG_INIT;

static void build_tables(void)
{
    static const char *const home[] = {"首页", "主页"};

    phrase_set_add(&tables.chrome, noise_phrases, ARRAY_SIZE(noise_phrases));
    phrase_set_add(&tables.chrome, noise_credits, ARRAY_SIZE(noise_credits));
    phrase_set_add(&tables.chrome, home, ARRAY_SIZE(home));
    phrase_set_add(&tables.meta, meta_keys, ARRAY_SIZE(meta_keys));
    charset_init(&tables.caption_firsts, "图圖资資上下左右▲△▼【（题配");
    charset_init(&tables.role_firsts, "本特见实通记摄文图撰作全首采記");
#define PAGE_LIST(v) phrase_set_add(&tables.page, v, ARRAY_SIZE(v))
    PAGE_LIST(widget_words);
    PAGE_LIST(footer_words);
    PAGE_LIST(provenance);
    PAGE_LIST(epaper_words);
    PAGE_LIST(image_exts);
    PAGE_LIST(html_marks);
    PAGE_LIST(credits_inside);
    PAGE_LIST(render_words);
    PAGE_LIST(anonymous_words);
    PAGE_LIST(venue_words);
    PAGE_LIST(work_report_words);
    PAGE_LIST(dateline_words);
    PAGE_LIST(court_words);
    PAGE_LIST(byline_words);
    PAGE_LIST(lead_words);
#undef PAGE_LIST
    phrase_group_add(&tables.words, &tables.chrome); /* in the order of enum word_set */
    phrase_group_add(&tables.words, &tables.meta);
    phrase_group_add(&tables.words, &tables.page);
    phrase_group_add(&tables.pages, &tables.page);
    for (size_t i = 0; i < ARRAY_SIZE(tables.meta.singles.bits); i++)
        tables.meta_singles = tables.meta_singles || tables.meta.singles.bits[i];
}

/* Whether s holds a page number: a number (digits or Chinese numerals, up to
 * three) followed by 版, the 第 before it optional. */
static bool page_number(const char *s, size_t n)
{
    for (const char *p = s; (p = text_find(p, (size_t)(s + n - p), "版", 3)) != NULL; p += 3) {
        size_t i = (size_t)(p - s), digits = 0;

        while (i > 0 && digits < 4) {
            size_t q = text_prev(s, i);
            uint32_t c;

            text_next(s + q, i - q, &c);
            if (!(is_digit(c) || is_cn_numeral(c) || (c >= 'A' && c <= 'Z')))
                break;
            digits++;
            i = q;
        }
        if (digits >= 1 && digits <= 3)
            return true;
    }
    return false;
}

static bool is_word_char(uint32_t c)
{
    return text_is_han(c) || text_is_ascii_alnum(c) || (c >= 0xC0 && c <= 0x24F) ||
           (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xFF10 && c <= 0xFF5A);
}

/* Whether the 3-byte character at u (3 bytes there) is Han, U+4E00 to U+9FFF:
 * the characters of a paragraph, told by their first two bytes undecoded. */
static bool han_at(const unsigned char *u)
{
    return (unsigned char)(u[0] - 0xE5) < 5 || (u[0] == 0xE4 && (u[1] & 0x3F) >= 0x38);
}

/* What rules_scan_shape() counts of a character other than a Han one. */
enum shape_bit {
    SHAPE_BLANK = 1,     /* a blank: spaces, tab, ideographic space, NBSP */
    SHAPE_SEPARATOR = 2, /* blanks and bars: could be a menu */
    SHAPE_WORD = 4,      /* a letter or a digit */
    SHAPE_DIGIT = 8,
    SHAPE_COMMA = 16,
    SHAPE_STOP = 32,
    SHAPE_CJK = 64,    /* text_is_cjk(): a space after it and before another is a gap */
    SHAPE_SPACE = 128, /* the ASCII space, of which gaps are made */
};

/* The CJK punctuation that rules_scan_shape() has always told apart first:
 * no blank, word or digit among it. */
static bool is_cjk_punct(uint32_t c)
{
    return (c > 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) ||
           (c >= 0xFF1A && c <= 0xFF20) || (c >= 0x2018 && c <= 0x201F);
}

/* The shape bits of a character that is not Han (U+4E00 to U+9FFF). */
static unsigned shape_of(uint32_t c)
{
    unsigned bits = 0;

    if (is_cjk_punct(c))
        return SHAPE_CJK | (c == 0xFF0C || c == 0x3001 ? SHAPE_COMMA : 0) |
               (c == 0x3002 || c == 0xFF1B || c == 0xFF1A || c == 0xFF01 || c == 0xFF1F ? SHAPE_STOP
                                                                                        : 0);
    if (text_is_blank(c))
        bits |= SHAPE_BLANK | SHAPE_SEPARATOR;
    if (c == ' ')
        bits |= SHAPE_SPACE;
    if (text_is_cjk(c))
        bits |= SHAPE_CJK;
    if (is_word_char(c))
        bits |= SHAPE_WORD;
    if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19))
        bits |= SHAPE_DIGIT;
    switch (c) {
    case '|':
    case 0xFF5C: /* ｜ */
    case 0x4E28: /* 丨 */
    case 0x2502: /* │ */
        bits |= SHAPE_SEPARATOR;
        break;
    case 0xFF0C: /* ， */
    case ',':
    case 0x3001: /* 、 */
        bits |= SHAPE_COMMA;
        break;
    case 0x3002: /* 。 */
    case 0xFF1B: /* ； */
    case ';':
    case 0xFF1A: /* ： */
    case ':':
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case '!':
    case '?':
        bits |= SHAPE_STOP;
        break;
    }
    return bits;
}

/* shape_of() of the blocks where the characters of Chinese text between its
 * Han runs are: ASCII and Latin-1, general punctuation (“ ” —), CJK
 * punctuation (。、《》) and full-width forms (，：（）). Built once,
 * thread-safely, and only read after. */
static const uint16_t shape_blocks[] = {0x00, 0x20, 0x30, 0xFF};
static unsigned char shape_page[ARRAY_SIZE(shape_blocks)][256];
static signed char shape_block_of[256]; /* the page of a block (c >> 8), or -1 */
static once_flag shape_once = ONCE_FLAG_INIT;
/* Set once the tables are built: a line looks at it instead of calling
 * call_once() (a call into the C library) each time. */
static atomic_bool shape_built;

static void build_shape(void)
{
    memset(shape_block_of, -1, sizeof(shape_block_of));
    for (size_t b = 0; b < ARRAY_SIZE(shape_blocks); b++) {
        shape_block_of[shape_blocks[b]] = (signed char)b;
        for (uint32_t lo = 0; lo < 256; lo++)
            shape_page[b][lo] = (unsigned char)shape_of((uint32_t)shape_blocks[b] << 8 | lo);
    }
    atomic_store_explicit(&shape_built, true, memory_order_release);
}

/*
 * One pass over the line. Han characters, most of a paragraph, are counted
 * by runs without decoding; every other character is looked up in
 * shape_page (shape_of() when it is in none of its blocks), and its bits are
 * added up without a branch on what it is, as the kinds of character in a
 * line are what a predictor cannot guess. A gap is a run of ASCII spaces
 * between two CJK characters.
 */
void rules_scan_shape(const char *s, size_t n, struct line_facts *f)
{
    const unsigned char *u = (const unsigned char *)s;
    /* the character before: an ASCII space; CJK; a space run after CJK */
    unsigned prev_space = 0, prev_cjk = 0, space_after_cjk = 0, seen = 0;
    size_t others = 0, blanks = 0, noncjk = 0, chars = 0, gaps = 0; /* not Han, … */

    memset(f, 0, sizeof(*f));
    if (n > 480) {
        f->chars = text_count(s, n);
        /* Over 120 characters: a paragraph. Every rule that looks at more than
         * the length turns such a line away first, so count and go. */
        f->nonblank = f->chars;
        f->word = f->digits = f->commas = f->stops = f->page = true;
        return;
    }
    if (!atomic_load_explicit(&shape_built, memory_order_acquire))
        call_once(&shape_once, build_shape);
    for (size_t i = 0; i < n;) {
        uint32_t c;
        unsigned bits;
        int page;

        if (i + 3 <= n && han_at(u + i)) {
            /* a run of Han characters, most of a paragraph: counted, not decoded */
            const unsigned char *p = u + i + 3, *last = u + n - 2; /* p < last: 3 bytes */

            gaps += prev_space & space_after_cjk;
            while (p < last && han_at(p))
                p += 3;
            chars += (size_t)(p - (u + i)) / 3;
            i = (size_t)(p - u);
            prev_space = space_after_cjk = 0;
            prev_cjk = 1;
            continue;
        }
        i += text_next(s + i, n - i, &c);
        page = c < 0x10000 ? shape_block_of[c >> 8] : -1;
        bits = page >= 0 ? shape_page[page][c & 0xFF] : shape_of(c);
        chars++;
        others++;
        blanks += bits & SHAPE_BLANK;
        noncjk += !(bits & SHAPE_CJK);
        gaps += (bits & SHAPE_CJK ? 1u : 0u) & prev_space & space_after_cjk;
        space_after_cjk = (bits & SHAPE_SPACE ? 1u : 0u) & (space_after_cjk | prev_cjk);
        prev_space = bits & SHAPE_SPACE ? 1 : 0;
        prev_cjk = bits & SHAPE_CJK ? 1 : 0;
        seen |= bits;
    }
    f->chars = chars;
    f->gaps = gaps;
    f->separators = seen & SHAPE_SEPARATOR;
    f->word = (seen & SHAPE_WORD) || others < chars; /* a Han character */
    f->digits = seen & SHAPE_DIGIT;
    f->commas = seen & SHAPE_COMMA;
    f->stops = seen & SHAPE_STOP;
    f->nonblank = chars - blanks;
    f->cjk = chars - noncjk;
    /* the phrases are looked for by rules_scan_words(): until then, any may be here */
    f->chrome = f->meta = f->page = true;
}

void rules_prepare(void)
{
    call_once(&tables_once, build_tables);
    if (!atomic_load_explicit(&shape_built, memory_order_acquire))
        call_once(&shape_once, build_shape);
}

void rules_scan_words(const char *s, size_t n, struct line_facts *f)
{
    unsigned m[PHRASE_GROUP_MAX], pairs;
    uint32_t c;

    call_once(&tables_once, build_tables);
    if (n > 480)
        return; /* a paragraph: rules_scan_shape() has said all */
    phrase_group_lists(&tables.words, s, n, m, &pairs);
    f->words = true;
    f->chrome_words = m[WORDS_CHROME];
    f->meta_words = m[WORDS_META] != 0;
    f->page_words = m[WORDS_PAGE] & ~PHRASE_SET_SINGLE;
    /* "May hold", as the rules and line_features.c have always read it: a
     * pair of a set's phrases anywhere, the first character with nothing
     * before it when it is Han or CJK punctuation, and chrome's single
     * characters other than Han. */
    f->chrome = pairs >> WORDS_CHROME & 1;
    f->meta = pairs >> WORDS_META & 1;
    f->page = pairs >> WORDS_PAGE & 1;
    if (n && (text_next(s, n, &c), (c >= 0x4E00 && c <= 0x9FFF) || is_cjk_punct(c))) {
        uint32_t h = phrase_pair_hash(0, c);

        f->chrome |= charset_has(&tables.chrome.pairs, h);
        f->meta |= charset_has(&tables.meta.pairs, h);
        f->page |= charset_has(&tables.page.pairs, h);
    }
    if (!f->chrome && (m[WORDS_CHROME] & PHRASE_SET_SINGLE))
        for (size_t i = 0; i < n && !f->chrome;) {
            i += text_next(s + i, n - i, &c);
            f->chrome = !(c >= 0x4E00 && c <= 0x9FFF) && charset_has(&tables.chrome.singles, c);
        }
}

void rules_scan(const char *s, size_t n, struct line_facts *f)
{
    rules_scan_shape(s, n, f);
    rules_scan_words(s, n, f);
}

unsigned rules_page_words(const char *s, size_t n, const struct line_facts *f)
{
    call_once(&tables_once, build_tables);
    if (f && !f->page)
        return 0;
    if (f && f->words)
        return f->page_words;
    {
        unsigned m[PHRASE_GROUP_MAX], pairs;

        phrase_group_lists(&tables.pages, s, n, m, &pairs); /* phrase_set_lists(), faster */
        return m[0] & ~PHRASE_SET_SINGLE;
    }
}

bool rules_is_noise(const char *s, size_t n, const struct line_facts *f)
{
    struct line_facts own;
    size_t chars;

    if (!n || n > 480)
        return false; /* over 120 characters for sure */
    if (!f) {
        rules_scan(s, n, &own);
        f = &own;
    }
    chars = f->chars;
    if (chars > 120)
        return false; /* a real paragraph, whatever it mentions */
    if (!f->words) {
        own = *f;
        rules_scan_words(s, n, &own);
        f = &own;
    }
    if (f->chrome && f->chrome_words) {
        /* a single character (©) counts with the noise phrases */
        if (f->chrome_words & (1u << CHROME_NOISE | PHRASE_SET_SINGLE))
            return true;
        if (chars <= 60 && (f->chrome_words & 1u << CHROME_CREDIT))
            return true;
        if ((f->chrome_words & 1u << CHROME_HOME) &&
            (memchr(s, '>', n) || text_has(s, n, "＞") || text_has(s, n, "»") ||
             text_has(s, n, "›") || text_has(s, n, "→")))
            return true;
    }
    /* A newspaper page header: "第3版", "A4版 法治新闻", "第三版：法院新闻". */
    if (chars <= 24 && !f->stops && page_number(s, n))
        return true;
    /* A bare link left from the page. */
    if ((text_starts(s, n, "http://") || text_starts(s, n, "https://") ||
         text_starts(s, n, "www.")) &&
        !memchr(s, ' ', n))
        return true;
    /* Rules and ornaments: a line of only symbols (----, ====, ***, ———). */
    if (!f->word)
        return true;
    if (f->separators && is_menu_row(s, n)) {
        /* "本报记者 顾川 通讯员 苏蔓" has the shape of a menu too */
        struct sbuf sb = SBUF_INIT;
        bool byline = rules_byline(s, n, true, &sb);

        sbuf_release(&sb);
        return !byline;
    }
    return false;
}

/* Role words of Chinese news bylines, longest first so 本报记者 wins over 记者. */
static const char *const roles[] = {
    "本报特约记者",
    "本报见习记者",
    "本报通讯员",
    "本报实习生",
    "本报记者",
    "本刊记者",
    "本网记者",
    "本台记者",
    "特约记者",
    "见习记者",
    "实习记者",
    "通讯员",
    "实习生",
    "记者",
    "摄影",
    "摄像",
    "文/图",
    "文／图",
    "图/文",
    "文图",
    "撰稿",
    "文/",
    "文／",
    "文|",
    "文｜",
    "作者",
    /* a paper's own ranks of reporter, and the forms of copies and of
     * traditional-character pages */
    "本报全媒体记者",
    "本报首席记者",
    "全媒体记者",
    "首席记者",
    "采访人员",
    "本報記者",
    "記者",
    "通訊員",
};

static size_t role_at(const char *s, size_t n)
{
    call_once(&tables_once, build_tables);
    if (!n || !charset_has(&tables.role_firsts, text_first(s, n)))
        return 0;
    for (size_t i = 0; i < ARRAY_SIZE(roles); i++)
        if (text_starts(s, n, roles[i]))
            return strlen(roles[i]);
    return 0;
}

static bool is_name_separator(uint32_t c)
{
    return text_is_blank(c) || c == 0x25CF || c == 0x2022 || c == 0x00B7 || c == 0x30FB ||
           c == 0x3001 || c == 0xFF0C || c == ',' || c == '/' || c == 0xFF0F || c == '|' ||
           c == 0xFF5C || c == 0xFF1A || c == ':' || c == 0x25A0 || c == 0x25C6;
}

static bool is_bracket(uint32_t c)
{
    return c == 0xFF08 || c == 0xFF09 || c == '(' || c == ')' || c == 0x3010 || c == 0x3011 ||
           c == '[' || c == ']';
}

/*
 * Common Chinese surnames. Only used when a name is glued to its role word
 * ("本报记者王祯"), to tell it from a sentence ("记者了解到"). Names after a
 * separator (●, a space) are taken as they are, so that minority names
 * (阿拉坦, 乌日娜) are never refused.
 */
static const char SURNAMES[] =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿"
    "桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝伊";

static bool is_surname(const char *s, size_t l)
{
    char buf[5];

    if (l > 4)
        return false;
    memcpy(buf, s, l);
    buf[l] = '\0';
    return strstr(SURNAMES, buf) != NULL;
}

/*
 * Split s into role words and name tokens; a byline is only roles and names
 * (each name 1-6 Han characters). Writes "ROLE NAME NAME ROLE NAME" to out.
 * Returns the number of names, or -1 when something else is in the line.
 */
static int parse_names(const char *s, size_t n, bool need_role, struct sbuf *out)
{
    size_t i = 0, tok = 0, nroles = 0;
    int names = 0;
    bool after_role = false;
    uint32_t c;

    while (i < n) {
        size_t l = text_next(s + i, n - i, &c), r;

        if (is_name_separator(c) || is_bracket(c)) {
            tok = 0;
            after_role = false;
            i += l;
            continue;
        }
        if (tok == 0 && after_role && !is_surname(s + i, l))
            return -1; /* 记者了解到: a sentence, not 记者王祯 */
        after_role = false;
        if ((r = role_at(s + i, n - i)) != 0 && tok == 0) {
            after_role = true;
            if (out->len && out->buf[out->len - 1] != ' ')
                sbuf_addch(out, ' ');
            sbuf_add(out, s + i, r);
            /* drop the slash of 文/ and 文／ from the output */
            while (out->len && (out->buf[out->len - 1] == '/' || out->buf[out->len - 1] == '|'))
                out->len--;
            out->buf[out->len] = '\0';
            nroles++;
            i += r;
            continue;
        }
        if (!text_is_han(c))
            return -1;
        if (tok == 0) {
            if (out->len && out->buf[out->len - 1] != ' ')
                sbuf_addch(out, ' ');
            names++;
        }
        if (++tok > 6)
            return -1;
        sbuf_add(out, s + i, l);
        i += l;
    }
    if (need_role && !nroles)
        return -1;
    return names;
}

/*
 * The speaker under a work report's title: "某某市中级人民法院院长　林知秋" —
 * an office ending in 院长, 庭长 …, a space, and a name of two to four
 * characters.
 */
static bool speaker_line(const char *s, size_t n, struct sbuf *out)
{
    static const char *const offices[] = {"院长", "庭长", "局长",   "主任",
                                          "书记", "法官", "审判员", "委员"};
    size_t e = n, b, chars = 0;
    uint32_t c;

    /* the office glued to the name: 某某省高级人民法院院长林知秋 */
    if (text_count(s, n) <= 30 && text_has(s, n, "法院") && !memchr(s, ' ', n) &&
        text_first(s, n) != 0x2014 && text_first(s, n) != '-' && text_first(s, n) != 0x2015) {
        for (size_t k = 0; k < 2; k++) { /* 院长, 庭长 */
            const char *at = NULL, *p = s;

            while ((p = text_find(p, (size_t)(s + n - p), offices[k], 6)) != NULL)
                at = p++;
            if (at) {
                size_t nm = text_count(at + 6, (size_t)(s + n - at - 6)), h = 0;

                for (const char *q = at + 6; q < s + n;) {
                    q += text_next(q, (size_t)(s + n - q), &c);
                    h += text_is_han(c);
                }
                if (nm >= 2 && nm <= 3 && h == nm) {
                    sbuf_add(out, s, (size_t)(at - s) + 6);
                    sbuf_addch(out, ' ');
                    sbuf_add(out, at + 6, (size_t)(s + n - at - 6));
                    return true;
                }
            }
        }
    }
    /* a two-character name padded to three: 张 军 */
    if (n >= 7 && s[n - 4] == ' ' && text_is_han(text_last(s, n, false)) &&
        text_is_han(text_last(s, n - 4, false)) && n - 7 > 0 && s[n - 8] == ' ') {
        struct sbuf t = SBUF_INIT;
        bool ok;

        sbuf_add(&t, s, n - 4);
        sbuf_add(&t, s + n - 3, 3);
        ok = speaker_line(t.buf, t.len, out);
        sbuf_release(&t);
        return ok;
    }

    while (e > 0) { /* the name, from the end */
        size_t p = text_prev(s, e);

        text_next(s + p, e - p, &c);
        if (!text_is_han(c))
            break;
        e = p;
        chars++;
    }
    if (chars < 2 || chars > 4 || e == 0)
        return false;
    b = e;
    while (b > 0) { /* the space before it */
        size_t p = text_prev(s, b);

        text_next(s + p, b - p, &c);
        if (!text_is_blank(c))
            break;
        b = p;
    }
    if (b == e)
        return false;
    for (size_t k = 0; k < ARRAY_SIZE(offices); k++)
        if (text_ends(s, b, offices[k])) {
            sbuf_add(out, s, b);
            sbuf_addch(out, ' ');
            sbuf_add(out, s + e, n - e);
            return true;
        }
    return false;
}

bool rules_byline(const char *s, size_t n, bool near_top, struct sbuf *out)
{
    size_t start = out->len, i = 0, chars;
    uint32_t c;
    int names;

    if (!n || n > 160 || (chars = text_count(s, n)) > 40)
        return false;
    for (size_t k = 0; k < n;) {
        k += text_next(s + k, n - k, &c);
        if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B)
            return false;
    }
    /* Skip a leading ■ or bracket: "■本报记者 张三", "（记者 张三 通讯员 李四）". */
    while (i < n) {
        size_t l = text_next(s + i, n - i, &c);

        if (!(is_bracket(c) || c == 0x25A0 || c == 0x25C6 || c == 0x25CF || text_is_blank(c)))
            break;
        i += l;
    }
    /* 作者：张三（某某法院） — keep whatever follows the label. */
    if (text_starts(s + i, n - i, "作者：") || text_starts(s + i, n - i, "作者:")) {
        size_t k = i + (text_starts(s + i, n - i, "作者：") ? strlen("作者：") : strlen("作者:"));
        const char *v = s + k;
        size_t vn = n - k;

        text_trim(&v, &vn);
        if (!vn)
            return false;
        sbuf_addstr(out, "作者 ");
        sbuf_add(out, v, vn);
        return true;
    }
    if (speaker_line(s, n, out))
        return true;
    /* 文 | 本刊记者 X: the label before the byline */
    if (text_starts(s + i, n - i, "文")) {
        size_t k = i + strlen("文");

        while (k < n && s[k] == ' ')
            k++;
        if (k < n && (s[k] == '|' || s[k] == '/' || text_starts(s + k, n - k, "｜"))) {
            k += s[k] == '|' || s[k] == '/' ? 1 : strlen("｜");
            while (k < n && s[k] == ' ')
                k++;
            if (k < n && role_at(s + k, n - k))
                i = k;
        }
    }
    /* a paper or agency's reporter: 某某网记者 X, 某某法治报记者 X */
    {
        size_t k = i;

        while (k < n && s[k] != ' ')
            k++;
        if (k < n && k > i && text_count(s + i, k - i) <= 14 &&
            (text_ends(s + i, k - i, "记者") || text_ends(s + i, k - i, "記者"))) {
            sbuf_add(out, s + i, k - i);
            names = parse_names(s + k, n - k, false, out);
            if (names >= 1 && names <= 4)
                return true;
            out->len = start;
            if (out->buf)
                out->buf[start] = '\0';
        }
    }
    if (role_at(s + i, n - i)) {
        names = parse_names(s + i, n - i, true, out);
        if (names >= 1 && names <= 8)
            return true;
        out->len = start;
        if (out->buf)
            out->buf[start] = '\0';
        return false;
    }
    /* A name line after a ■ marker at the top of a newspaper feature: "■ 张三 李四". */
    if (near_top && i > 0 && (c == 0x25A0 || text_first(s, n) == 0x25A0)) {
        names = parse_names(s + i, n - i, false, out);
        if (names >= 1 && names <= 4 && chars <= 20) {
            /* names are short; a heading is one longer phrase */
            bool ok = true;
            size_t tok = 0;

            for (size_t k = i; k < n;) {
                size_t l = text_next(s + k, n - k, &c);

                if (is_name_separator(c)) {
                    if (tok && (tok < 2 || tok > 4))
                        ok = false;
                    tok = 0;
                } else {
                    tok++;
                }
                k += l;
            }
            if (tok && (tok < 2 || tok > 4))
                ok = false;
            if (ok && names >= 1)
                return true;
        }
        out->len = start;
        if (out->buf)
            out->buf[start] = '\0';
    }
    return false;
}

bool rules_lead_byline(const char *s, size_t n, struct sbuf *out)
{
    static const char *const opens[] = {"讯（", "讯(", "电（", "电("};
    size_t lim = n < 90 ? n : 90, start = out->len;

    for (size_t k = 0; k < ARRAY_SIZE(opens); k++) {
        const char *at = text_find(s, lim, opens[k], strlen(opens[k]));
        const char *in, *close;

        if (!at)
            continue;
        in = at + strlen(opens[k]);
        close = text_find(in, (size_t)(s + n - in), "）", 3);
        if (!close)
            close = memchr(in, ')', (size_t)(s + n - in));
        if (!close || close - in > 120)
            continue;
        if (role_at(in, (size_t)(close - in)) &&
            parse_names(in, (size_t)(close - in), true, out) >= 1)
            return true;
        out->len = start;
        if (out->buf)
            out->buf[start] = '\0';
    }
    return false;
}

/* Read up to maxd digits (ASCII or full-width) at s[*i]; returns the value or -1. */
static int read_number(const char *s, size_t n, size_t *i, int maxd)
{
    int v = 0, d = 0;
    uint32_t c;

    while (*i < n && d < maxd) {
        size_t l = text_next(s + *i, n - *i, &c);

        if (!is_digit(c))
            break;
        v = v * 10 + digit_value(c);
        d++;
        *i += l;
    }
    return d ? v : -1;
}

/*
 * Dates as reports state them: 2024年3月5日, 2024-03-05 09:30:00, 2024/3/5,
 * 2024.3.5. Returns the first plausible one and its span.
 */
static bool find_date_span(const char *s, size_t n, char out[11], size_t *from, size_t *to)
{
    bool digits = false;

    for (size_t i = 0; i < n && !digits; i++) /* ASCII or full-width (EF BC 90-99) */
        digits = (s[i] >= '0' && s[i] <= '9') || (unsigned char)s[i] == 0xEF;
    if (!digits)
        return false;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t l, j = i;
        int y, m, d;
        bool cn;

        if ((s[i] & 0xF0) == 0xE0 && (unsigned char)s[i] != 0xEF && n - i >= 3) {
            i += 3; /* Han and most CJK: no digit (full-width digits start EF) */
            continue;
        }
        l = text_next(s + i, n - i, &c);

        if (!is_digit(c) || (i > 0 && is_digit(text_last(s, i, false)))) {
            i += l;
            continue;
        }
        y = read_number(s, n, &j, 5);
        if (y < 1949 || y > 2100 || j >= n) {
            i = j > i ? j : i + l;
            continue;
        }
        cn = text_starts(s + j, n - j, "年");
        if (cn)
            j += strlen("年");
        else if (s[j] == '-' || s[j] == '/' || s[j] == '.')
            j++;
        else {
            i = j;
            continue;
        }
        m = read_number(s, n, &j, 2);
        if (m < 1 || m > 12 || j >= n) {
            i = j > i ? j : i + l;
            continue;
        }
        if (cn ? !text_starts(s + j, n - j, "月") : (s[j] != '-' && s[j] != '/' && s[j] != '.')) {
            i = j;
            continue;
        }
        j += cn ? strlen("月") : 1;
        d = read_number(s, n, &j, 2);
        if (d < 1 || d > 31) {
            i = j > i ? j : i + l;
            continue;
        }
        if (cn) {
            if (text_starts(s + j, n - j, "日"))
                j += strlen("日");
            else if (text_starts(s + j, n - j, "号"))
                j += strlen("号");
            else {
                i = j;
                continue;
            }
        }
        /* YYYY-MM-DD: y has four digits (1949-2100) */
        out[0] = (char)('0' + y / 1000);
        out[1] = (char)('0' + y / 100 % 10);
        out[2] = (char)('0' + y / 10 % 10);
        out[3] = (char)('0' + y % 10);
        out[4] = out[7] = '-';
        out[5] = (char)('0' + m / 10);
        out[6] = (char)('0' + m % 10);
        out[8] = (char)('0' + d / 10);
        out[9] = (char)('0' + d % 10);
        out[10] = '\0';
        *from = i;
        *to = j;
        return true;
    }
    return false;
}

bool rules_find_date(const char *s, size_t n, char out[11])
{
    size_t a, b;

    return find_date_span(s, n, out, &a, &b);
}

/* Labels that introduce a publishing date on web pages. */
static const char *const date_labels[] = {
    "发布时间", "发布日期", "发表时间", "更新时间", "时间",
    "日期",     "发布于",   "发布",     "發布時間", "時間",
};

bool rules_is_date_line(const char *s, size_t n, const struct line_facts *f)
{
    char d[11];
    size_t a, b, i;
    uint32_t c;

    if (n > 160 || (f && (!f->digits || f->chars > 40)) || (!f && text_count(s, n) > 40) ||
        !find_date_span(s, n, d, &a, &b))
        return false;
    /* before the date: only a label, or the paper's name in a page header
     * ("某某日报 2024年3月5日 星期二 第3版") */
    i = 0;
    i = skip_blanks(s, a, i);
    for (size_t k = 0; k < ARRAY_SIZE(date_labels); k++)
        if (text_starts(s + i, a - i, date_labels[k])) {
            i += strlen(date_labels[k]);
            break;
        }
    {
        size_t e = a;

        while (e > i && (s[e - 1] == ' ' || text_ends(s + i, e - i, "\u3000")))
            e -= s[e - 1] == ' ' ? 1 : 3;
        if (e > i && text_count(s + i, e - i) <= 10 &&
            (text_ends(s + i, e - i, "报") || text_ends(s + i, e - i, "刊") ||
             text_ends(s + i, e - i, "网")) &&
            !memchr(s + i, ' ', e - i))
            i = e;
    }
    while (i < a) {
        size_t l = text_next(s + i, a - i, &c);

        if (!(text_is_blank(c) || c == 0xFF1A || c == ':' || is_bracket(c)))
            return false;
        i += l;
    }
    /* after it: a time, a weekday, brackets */
    for (i = b; i < n;) {
        size_t l = text_next(s + i, n - i, &c);

        if (text_is_blank(c) || is_digit(c) || c == ':' || c == 0xFF1A || is_bracket(c)) {
            i += l;
            continue;
        }
        if (text_starts(s + i, n - i, "星期") || text_starts(s + i, n - i, "周")) {
            i += text_starts(s + i, n - i, "星期") ? strlen("星期") : strlen("周");
            if (i < n)
                i += text_next(s + i, n - i, &c);
            continue;
        }
        if (text_starts(s + i, n - i, "第") || text_starts(s + i, n - i, "版") ||
            (c >= 'A' && c <= 'Z')) { /* the page: 第3版, A1版 */
            i += l;
            continue;
        }
        return false;
    }
    return true;
}

/* A clock time HH:MM: the time a page was published. */
static bool has_time(const char *s, size_t n)
{
    for (size_t i = 1; i + 2 < n; i++)
        if (s[i] == ':' && s[i - 1] >= '0' && s[i - 1] <= '9' && s[i + 1] >= '0' &&
            s[i + 1] <= '5' && s[i + 2] >= '0' && s[i + 2] <= '9')
            return true;
    return false;
}

bool rules_is_meta_line(const char *s, size_t n, const struct line_facts *f)
{
    size_t hits = 0;
    char d[11];

    call_once(&tables_once, build_tables);
    if (n > 480 || (f && f->chars > 120) || (f && !f->meta && !f->digits))
        return false;
    /* rules_scan() saw every pair of characters: without a pair of a meta
     * phrase there is no meta phrase to look for */
    if ((f && !f->meta && !tables.meta_singles) ||
        !(f && f->words ? f->meta_words : phrase_set_find(&tables.meta, s, n))) {
        /* "原创 某某法院 2025年03月18日 18:30": a publishing line with a time */
        return text_count(s, n) <= 60 && has_time(s, n) && !text_find(s, n, "。", 3) &&
               rules_find_date(s, n, d);
    }
    if (text_count(s, n) > 120)
        return false;
    for (size_t i = 0; i < ARRAY_SIZE(meta_keys); i++)
        if (text_has(s, n, meta_keys[i]))
            hits++;
    return hits >= 2 || (hits == 1 && (rules_find_date(s, n, d) || text_count(s, n) <= 40));
}

/*
 * Sign-offs at the end of newspaper reports: the reporter's name in brackets
 * on the last line, (金豆), （祁悦 伊田田）, （李娇 王强）. Editor credits in
 * brackets ((编辑 张三)) are noise, not sign-offs.
 */
bool rules_signoff(const char *s, size_t n, struct sbuf *out)
{
    static const char *const not_names[] = {
        "编辑", "责编", "审核", "校对", "来源", "供图", "图片", "完", "本文", "作者单位", "单位",
    };
    uint32_t first = text_first(s, n), last = text_last(s, n, false);
    size_t start = out->len, pl, ql;
    int names;

    if (!(first == 0xFF08 || first == '(') || !(last == 0xFF09 || last == ')'))
        return false;
    if (text_count(s, n) > 24 || has_any(s, n, not_names, ARRAY_SIZE(not_names)))
        return false;
    pl = first == '(' ? 1 : 3;
    ql = last == ')' ? 1 : 3;
    if (n <= pl + ql)
        return false;
    {
        /* the names only: （本报记者 张三） signs off as 张三 */
        struct sbuf all = SBUF_INIT;

        names = parse_names(s + pl, n - pl - ql, false, &all);
        if (names >= 1 && names <= 4) {
            for (size_t i = 0; i < all.len;) {
                const char *sp = memchr(all.buf + i, ' ', all.len - i);
                size_t tl = sp ? (size_t)(sp - all.buf) - i : all.len - i;

                if (role_at(all.buf + i, tl) != tl) {
                    if (out->len > start)
                        sbuf_addch(out, ' ');
                    sbuf_add(out, all.buf + i, tl);
                }
                i += tl + 1;
            }
        }
        sbuf_release(&all);
    }
    if (names >= 1 && names <= 4 && out->len > start)
        return true;
    out->len = start;
    if (out->buf)
        out->buf[start] = '\0';
    return false;
}

bool rules_caption_marker(const char *s, size_t n)
{
    call_once(&tables_once, build_tables);
    if (!charset_has(&tables.caption_firsts, text_first(s, n)) || text_count(s, n) > 100)
        return false;
    for (size_t i = 0; i < ARRAY_SIZE(caption_starts); i++)
        if (text_starts(s, n, caption_starts[i]))
            return true;
    return false;
}

/*
 * A line spread to the column's width with one space after every character,
 * digits and commas too ("序 幕 ， 6 月 1 7"; a space of the text itself
 * becomes three): every other character is that space. Writes the line
 * without them and returns true; false when the line is not spread so.
 */
static bool spread(const char *s, size_t n, struct sbuf *out)
{
    size_t chars = 0, letters = 0, start = out->len;
    uint32_t c;

    if (n < 9)
        return false;
    for (size_t i = 0; i < n; chars++) {
        size_t l = text_next(s + i, n - i, &c);

        if (chars % 2 ? c != ' '
                      : (c == ' ' && !(i >= 2 && s[i - 1] == ' ' && i + 1 < n && s[i + 1] == ' ')))
            break;
        letters += c < 0x80 && (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        i += l;
        /* Chinese and numbers spread so; Latin letters apart are a list or a code */
        if (i == n && chars % 2 == 0 && chars >= 8 && letters * 4 < chars) {
            for (size_t j = 0, k = 0; j < n; k++) {
                size_t m = text_next(s + j, n - j, &c);

                if (k % 2 == 0)
                    sbuf_add(out, s + j, m);
                j += m;
            }
            return true;
        }
    }
    out->len = start;
    return false;
}

/*
 * Newspaper lines justified to the column with spaces between characters:
 * "始 终 坚 持 党 对" and "化 建 设 ，制 定". A line is justified when at least
 * three gaps, and at least a third of its CJK characters, are followed by a
 * space before another CJK character; then those spaces go. A heading's one
 * space between two phrases ("坚持党建统领 永葆政治本色") stays.
 */
void rules_unjustify(const char *s, size_t n, const struct line_facts *f, struct sbuf *out)
{
    size_t gaps = 0, cjk = 0, i = 0;
    uint32_t c, prev = 0;

    if (spread(s, n, out))
        return;
    if ((f && (!f->separators || f->gaps < 3 || f->gaps * 3 < f->cjk)) || !memchr(s, ' ', n)) {
        sbuf_add(out, s, n);
        return;
    }
    while (i < n) {
        size_t l = text_next(s + i, n - i, &c);

        if (text_is_cjk(c)) {
            cjk++;
        } else if (c == ' ' && text_is_cjk(prev)) {
            size_t j = i;
            uint32_t d = 0;

            while (j < n && s[j] == ' ')
                j++;
            if (j < n) {
                text_next(s + j, n - j, &d);
                if (text_is_cjk(d))
                    gaps++;
            }
        }
        prev = c;
        i += l;
    }
    if (gaps < 3 || gaps * 3 < cjk) {
        sbuf_add(out, s, n);
        return;
    }
    prev = 0;
    for (i = 0; i < n;) {
        size_t l = text_next(s + i, n - i, &c);

        if (c == ' ' && text_is_cjk(prev)) {
            size_t j = i;
            uint32_t d = 0;

            while (j < n && s[j] == ' ')
                j++;
            if (j < n)
                text_next(s + j, n - j, &d);
            if (text_is_cjk(d)) {
                i = j;
                continue;
            }
        }
        sbuf_add(out, s + i, l);
        prev = c;
        i += l;
    }
}

/*
 * A heading does not end in a function word or a comma: a line ending in 的, 和,
 * 与, 在 … is a column line cut in the middle of a sentence.
 */
bool rules_heading_end_ok(const char *s, size_t n)
{
    static const uint32_t bad[] = {
        0x7684, /* 的 */ 0x548C, /* 和 */ 0x4E0E, /* 与 */ 0x53CA, /* 及 */
        0x5728, /* 在 */ 0x5BF9, /* 对 */ 0x5C06, /* 将 */ 0x628A, /* 把 */
        0x88AB, /* 被 */ 0x662F, /* 是 */ 0x4E86, /* 了 */ 0x4ECE, /* 从 */
        0x5411, /* 向 */ 0x4EE5, /* 以 */ 0x5E76, /* 并 */ 0x6216, /* 或 */
        0x7B49, /* 等 */ 0x4E3A, /* 为 */ 0x4E4B, /* 之 */ 0x800C, /* 而 */
        0x4E8E, /* 于 */ 0x6240, /* 所 */ 0x3001, /* 、 */ 0xFF0C, /* ， */
        ',',    0xFF1A,          /* ： */ 0x201C, /* “ */ 0x300A,  /* 《 */
    };
    uint32_t c = text_last(s, n, false);

    for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
        if (c == bad[i])
            return false;
    return true;
}
