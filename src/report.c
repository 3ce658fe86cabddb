/*
 * report.c: parse a report's clean text into the document model. Lines are
 * cleaned (justification spaces, Markdown marks), classified with the rules in
 * rules.c, then walked once: noise leaves, fields are taken, hard-wrapped and
 * page-broken lines are joined into paragraphs, and headings, captions, title
 * and subtitle are told apart by their shape and the blank lines around them.
 * Court recognition (court.c) then runs over the joined text.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "court.h"
#include "rules.h"
#include "text.h"
#include "util.h"

/* Longest unmarked section heading line, in characters. */
#define HEADING_MAX 24
/* Longest title line, subtitle, and photo caption, in characters. */
#define TITLE_MAX    40
#define SUBTITLE_MAX 64
#define CAPTION_MAX  40

struct line {
    size_t off, len;   /* cleaned text, in parser.clean */
    size_t chars;      /* characters, not counting blanks */
    int blanks_before; /* blank lines before it; -1 at the start of the file */
    int blanks_after;  /* blank lines after it; -1 at the end of the file */
    bool indented;     /* started with an ideographic space or several spaces */
    bool noise;
    enum marker mark;
    size_t mlen;
    int md_depth;            /* Markdown: # count of a heading, 0 otherwise */
    bool md_item;            /* Markdown list item or quote: starts a paragraph */
    bool md_image;           /* Markdown image: the caption is the alt text */
    signed char fieldish[2]; /* is_fieldish() for [near the top]; -1 until known */
    struct line_facts f;     /* of the cleaned text */
};

struct pending_caption {
    size_t off, len; /* in parser.clean */
};

struct parser {
    struct report *r;
    bool markdown;
    struct sbuf clean;
    struct line *lines;
    size_t nr, alloc;

    struct sbuf text; /* the report's text being built */
    struct sbuf para; /* paragraph being joined */
    bool para_open, para_complete;
    size_t para_lines;

    bool seen_body, seen_heading;
    int title_state; /* 0: none yet, 1: just found (subtitle may follow), 2: done */
    size_t colwidth; /* characters in a hard-wrapped column line; 0 if none */
    int caption_gap; /* blank lines around a photo caption */
    bool indent_mode;
    size_t last_content; /* index of the last line that is not noise */
    size_t nr_content;   /* lines that are not noise, walked so far */
    int md_title_depth;  /* Markdown: depth of the heading that is the title; 0 if none */
    int md_min_depth;

    enum marker *heading_marks; /* per heading block, for levels */
    size_t nr_heading_marks, alloc_heading_marks;
    struct pending_caption *pend;
    size_t nr_pend, alloc_pend;
    char *source;       /* 来源：… from page metadata */
    struct sbuf chrome; /* noise lines: evidence of the report's place for courts */
};

static const char *ltext(const struct parser *p, size_t i)
{
    return p->clean.buf + p->lines[i].off;
}

static bool starts_with_dash(const char *s, size_t n)
{
    return text_starts(s, n, "——") || text_starts(s, n, "—") || text_starts(s, n, "--");
}

/* ---------------------------------------------------------------- lines */

/* Markdown inline marks that are not text: **bold**, __bold__, [text](url), `code`. */
static void md_inline(const char *s, size_t n, struct sbuf *out)
{
    for (size_t i = 0; i < n;) {
        if (i + 1 < n && ((s[i] == '*' && s[i + 1] == '*') || (s[i] == '_' && s[i + 1] == '_'))) {
            i += 2;
            continue;
        }
        if (s[i] == '`') {
            i++;
            continue;
        }
        if (s[i] == '[') {
            const char *close = memchr(s + i, ']', n - i);

            if (close && (size_t)(close - s) + 1 < n && close[1] == '(') {
                const char *end = memchr(close, ')', n - (size_t)(close - s));

                if (end) {
                    md_inline(s + i + 1, (size_t)(close - s) - i - 1, out);
                    i = (size_t)(end - s) + 1;
                    continue;
                }
            }
        }
        sbuf_addch(out, s[i]);
        i++;
    }
}

static void add_line(struct parser *p, const char *s, size_t n, int blanks)
{
    struct line *ln;
    const char *t = s;
    size_t tn = n;
    uint32_t c;
    struct sbuf tmp = SBUF_INIT;

    ALLOC_GROW(p->lines, p->nr + 1, p->alloc);
    ln = &p->lines[p->nr++];
    memset(ln, 0, sizeof(*ln));
    ln->blanks_before = blanks;
    ln->blanks_after = -1;
    text_next(s, n, &c);
    ln->indented = c == 0x3000 || (n >= 2 && s[0] == ' ' && s[1] == ' ');
    text_trim(&t, &tn);

    if (p->markdown) {
        size_t d = 0;

        while (d < tn && t[d] == '#')
            d++;
        if (d >= 1 && d <= 6 && d < tn && t[d] == ' ') {
            ln->md_depth = (int)d;
            t += d;
            tn -= d;
            text_trim(&t, &tn);
            while (tn && t[tn - 1] == '#') /* closing #s */
                tn--;
            text_trim(&t, &tn);
        } else if (tn > 4 && t[0] == '!' && t[1] == '[') {
            const char *close = memchr(t, ']', tn);

            if (close && close + 1 < t + tn && close[1] == '(') {
                ln->md_image = true;
                tn = (size_t)(close - t) - 2;
                t += 2;
            }
        } else if (tn >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ') {
            ln->md_item = true;
        } else if (tn >= 1 && t[0] == '>') {
            ln->md_item = true;
            t++;
            tn--;
            text_trim(&t, &tn);
        }
        md_inline(t, tn, &tmp);
        t = tmp.buf ? tmp.buf : "";
        tn = tmp.len;
    }
    rules_scan(t, tn, &ln->f);
    ln->noise = rules_is_noise(t, tn, &ln->f) && !ln->md_depth;
    if (ln->noise) {
        sbuf_add(&p->chrome, t, tn);
        sbuf_addch(&p->chrome, '\n');
    }
    ln->off = p->clean.len;
    rules_unjustify(t, tn, &ln->f, &p->clean);
    ln->len = p->clean.len - ln->off;
    if (ln->len != tn) /* spaces went: look again */
        rules_scan(ltext(p, p->nr - 1), ln->len, &ln->f);
    sbuf_addch(&p->clean, '\n');
    sbuf_release(&tmp);
    ln->fieldish[0] = ln->fieldish[1] = -1;
    ln->chars = ln->f.nonblank;
    ln->mark = p->markdown ? MARK_NONE : rules_marker(ltext(p, p->nr - 1), ln->len, &ln->mlen);
}

/* Markdown front matter: ---, key: value lines, ---. Returns where the body starts. */
static size_t front_matter(struct parser *p, const char *text, size_t len)
{
    const char *end, *line;

    if (!p->markdown || !text_starts(text, len, "---\n"))
        return 0;
    end = memmem(text + 4, len - 4, "\n---", 4);
    if (!end)
        return 0;
    for (line = text + 4; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t ln = nl ? (size_t)(nl - line) : (size_t)(end - line);
        const char *colon = memchr(line, ':', ln);

        if (colon) {
            const char *v = colon + 1;
            size_t vn = ln - (size_t)(v - line), kn = (size_t)(colon - line);
            char **field = NULL;

            text_trim(&v, &vn);
            if (vn >= 2 && (v[0] == '"' || v[0] == '\'') && v[vn - 1] == v[0]) {
                v++;
                vn -= 2;
            }
            if (kn == 5 && !memcmp(line, "title", 5))
                field = &p->r->title;
            else if (kn == 6 && !memcmp(line, "author", 6))
                field = &p->r->byline;
            else if (kn == 4 && !memcmp(line, "date", 4)) {
                char d[11];

                if (!p->r->date && rules_find_date(v, vn, d))
                    p->r->date = xstrdup(d);
            }
            if (field && !*field && vn)
                *field = xstrndup(v, vn);
        }
        line += ln + 1;
    }
    end += 4;
    while (end < text + len && *end != '\n')
        end++;
    return (size_t)(end - text);
}

static void split_lines(struct parser *p, const char *text, size_t len)
{
    size_t i = front_matter(p, text, len);
    int blanks = -1;

    /* room for everything at once: the cleaned lines and the report's text
     * are never longer than the input (plus a newline a line) */
    sbuf_grow(&p->clean, len + len / 16 + 64);
    sbuf_grow(&p->text, len + len / 16 + 64);

    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
        const char *t = text + i;
        size_t tn = n;

        text_trim(&t, &tn);
        if (tn == 0) {
            if (blanks >= 0)
                blanks++;
        } else {
            if (p->nr)
                p->lines[p->nr - 1].blanks_after = blanks;
            add_line(p, text + i, n, blanks);
            blanks = 0;
        }
        i += n + 1;
    }
}

/* ------------------------------------------------------------- doc facts */

static bool ends_sentence(const char *s, size_t n)
{
    return text_is_sentence_end(text_last(s, n, true));
}

/* Column lines longer than this are counted as this long. */
#define COLWIDTH_MAX 512

/*
 * Newspaper columns are hard-wrapped at a fixed width. The width is the median
 * length of lines in runs of three or more lines that mostly end mid-sentence.
 * 0 when the text has one paragraph per line.
 */
static void measure(struct parser *p)
{
    size_t hist[COLWIDTH_MAX + 1] = {0}, nw = 0, indented = 0, run_start = 0;
    int gaps[4] = {0};

    for (size_t i = 0; i <= p->nr; i++) {
        if (i < p->nr && p->lines[i].indented && !p->lines[i].noise)
            indented++;
        if (i < p->nr && i > 0 && p->lines[i].blanks_before >= 0) {
            int g = p->lines[i].blanks_before;

            gaps[g > 3 ? 3 : g]++;
        }
        if (i == p->nr || (i > run_start && p->lines[i].blanks_before != 0)) {
            size_t k = i - run_start, open = 0;

            if (k >= 3) {
                for (size_t j = run_start; j + 1 < i; j++)
                    if (!ends_sentence(ltext(p, j), p->lines[j].len))
                        open++;
                if (open * 2 >= k - 1)
                    for (size_t j = run_start; j + 1 < i; j++) {
                        size_t c = p->lines[j].chars;

                        hist[c < COLWIDTH_MAX ? c : COLWIDTH_MAX]++;
                        nw++;
                    }
            }
            run_start = i;
        }
    }
    if (nw) {
        /* the median from a histogram: linear however long the file is */
        size_t seen = 0, c = 0;

        while ((seen += hist[c]) <= nw / 2)
            c++;
        p->colwidth = c;
    }
    /* Web extractions that put two blank lines between all paragraphs. */
    p->caption_gap = gaps[2] + gaps[3] > gaps[1] && gaps[2] + gaps[3] > gaps[0] ? 3 : 2;
    p->indent_mode = indented >= 3 && indented * 10 < p->nr * 9;
    p->last_content = 0;
    for (size_t i = 0; i < p->nr; i++)
        if (!p->lines[i].noise)
            p->last_content = i;
    if (p->markdown) {
        int min = 0, at_min = 0, first = 0;

        for (size_t i = 0; i < p->nr; i++) {
            int d = p->lines[i].md_depth;

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
        p->md_min_depth = min;
        p->md_title_depth = min && at_min == 1 && first == min ? min : 0;
    }
}

/* ---------------------------------------------------------------- blocks */

static void add_block(struct parser *p, enum block_kind kind, int level, const char *s, size_t n)
{
    struct report *r = p->r;
    struct block *b;

    if (p->title_state == 1 && kind != BLOCK_TITLE)
        p->title_state = 2; /* a subtitle comes right under its headline */
    ALLOC_GROW(r->blocks, r->nr_blocks + 1, r->alloc_blocks);
    b = &r->blocks[r->nr_blocks++];
    b->kind = kind;
    b->level = level;
    b->off = p->text.len;
    b->len = n;
    sbuf_add(&p->text, s, n);
    sbuf_addch(&p->text, '\n');
}

static void flush_captions(struct parser *p)
{
    for (size_t i = 0; i < p->nr_pend; i++)
        add_block(p, BLOCK_CAPTION, 0, p->clean.buf + p->pend[i].off, p->pend[i].len);
    p->nr_pend = 0;
}

static void flush_para(struct parser *p)
{
    if (p->para_open && p->para.len)
        add_block(p, BLOCK_PARA, 0, p->para.buf, p->para.len);
    sbuf_reset(&p->para);
    p->para_open = false;
    p->para_complete = true;
    p->para_lines = 0;
    flush_captions(p);
}

/* Whether this line, just appended, closes its paragraph. */
static bool closes_para(const struct parser *p, size_t i)
{
    const struct line *ln = &p->lines[i];
    uint32_t last = text_last(ltext(p, i), ln->len, true);
    bool last_in_run = ln->blanks_after != 0;

    if (p->markdown)
        return last_in_run;
    if (p->indent_mode) {
        const struct line *nx = i + 1 < p->nr ? &p->lines[i + 1] : NULL;

        /* the next paragraph is indented; a heading between them is not */
        return !nx || nx->indented || last_in_run ||
               (text_is_sentence_end(last) && (nx->mark != MARK_NONE || nx->chars <= HEADING_MAX));
    }
    if (text_is_sentence_end(last))
        return p->colwidth == 0 || last_in_run || ln->chars * 100 < p->colwidth * 85;
    if (last == 0xFF1A || last == ':') /* a lead-in ending in a colon */
        return p->colwidth == 0 || ln->chars * 100 < p->colwidth * 85;
    return false;
}

/* Join a line onto the paragraph: no space between Chinese characters, one
 * between Latin words. */
static void join_line(struct parser *p, const char *s, size_t n)
{
    if (p->para.len && n) {
        uint32_t a = text_last(p->para.buf, p->para.len, false), b = text_first(s, n);

        if (!text_is_cjk(a) && !text_is_cjk(b) && a != ' ' && b != ' ')
            sbuf_addch(&p->para, ' ');
    }
    sbuf_add(&p->para, s, n);
}

static void body_line(struct parser *p, size_t i)
{
    const struct line *ln = &p->lines[i];
    bool starts_new =
        !p->para_open || p->para_complete || (p->indent_mode && ln->indented) || ln->md_item;

    if (starts_new) {
        flush_para(p);
        p->para_open = true;
        if (!p->seen_body && !p->r->byline) {
            /* 本报讯（记者 江月 通讯员 秦川）4月8日，…: the byline opens the lead */
            struct sbuf sb = SBUF_INIT;

            if (rules_lead_byline(ltext(p, i), ln->len, &sb))
                p->r->byline = sbuf_detach(&sb, NULL);
            sbuf_release(&sb);
        }
        p->seen_body = true;
    }
    join_line(p, ltext(p, i), ln->len);
    p->para_lines++;
    p->para_complete = closes_para(p, i);
}

static void add_heading(struct parser *p, enum marker mark, int level, const char *s, size_t n)
{
    flush_para(p);
    ALLOC_GROW(p->heading_marks, p->nr_heading_marks + 1, p->alloc_heading_marks);
    p->heading_marks[p->nr_heading_marks++] = mark;
    add_block(p, BLOCK_HEADING, level, s, n);
    p->seen_heading = true;
    if (p->title_state == 1)
        p->title_state = 2;
}

/* ------------------------------------------------------------ line kinds */

/* A date or byline line: never a heading, title or caption. Cached per line. */
static bool is_fieldish(const struct parser *p, size_t i)
{
    struct line *ln = &p->lines[i];
    int top = !p->seen_body;

    if (ln->fieldish[top] < 0) {
        struct sbuf sb = SBUF_INIT;
        const char *s = ltext(p, i);

        ln->fieldish[top] =
            rules_is_date_line(s, ln->len, &ln->f) || rules_byline(s, ln->len, top, &sb);
        sbuf_release(&sb);
    }
    return ln->fieldish[top];
}

/* Sentence punctuation anywhere in the line (commas too unless commas_ok). */
static bool line_punct(const struct line *ln, bool commas_ok)
{
    return ln->f.stops || (!commas_ok && ln->f.commas);
}

/* A line shaped like an unmarked section heading: short, no sentence inside,
 * not ending in a function word. */
static bool heading_like(const struct parser *p, size_t i)
{
    const struct line *ln = &p->lines[i];
    const char *s = ltext(p, i);

    if (i >= p->nr || ln->noise || ln->mark != MARK_NONE || ln->md_depth || ln->md_image)
        return false;
    if (ln->chars < 2 || ln->chars > HEADING_MAX || line_punct(ln, false))
        return false;
    if (!rules_heading_end_ok(s, ln->len) || text_is_closing(text_first(s, ln->len)))
        return false;
    if (starts_with_dash(s, ln->len) || text_is_ascii_alnum(text_first(s, ln->len)))
        return false;
    return !is_fieldish(p, i);
}

static bool title_like(const struct parser *p, size_t i)
{
    const struct line *ln = &p->lines[i];
    const char *s = ltext(p, i);
    uint32_t last = text_last(s, ln->len, false);

    if (ln->noise || ln->chars < 2 || ln->chars > TITLE_MAX || ln->md_image)
        return false;
    if (last == 0x3002 || last == 0xFF1B || last == 0xFF0C || last == 0x3001 || last == 0xFF1A ||
        last == ',' || last == ';')
        return false;
    if (text_has(s, ln->len, "。") || starts_with_dash(s, ln->len))
        return false;
    if (ln->mark == MARK_NUM || ln->mark == MARK_NUM_PAREN || ln->mark == MARK_CN ||
        ln->mark == MARK_CN_PAREN || ln->mark == MARK_CHAPTER)
        return false;
    return !is_fieldish(p, i);
}

/* Whether a space stands between two CJK characters: the "A B" shape of a
 * two-phrase section heading (坚持党建统领 永葆政治本色). */
static bool has_phrase_space(const char *s, size_t n)
{
    uint32_t prev = 0, c;

    for (size_t i = 0; i < n;) {
        i += text_next(s + i, n - i, &c);
        if (text_is_blank(c) && text_is_cjk(prev) && i < n) {
            uint32_t d;

            text_next(s + i, n - i, &d);
            if (text_is_cjk(d))
                return true;
        }
        prev = c;
    }
    return false;
}

/*
 * The line under a headline: one phrase that says what the report is about
 * ("包头市中级人民法院打造过硬队伍展现审执工作新气象"), or anything under a
 * dash. Not a sentence, not the first line of a paragraph running on, not the
 * two-phrase shape of a section heading.
 */
static bool subtitle_like(const struct parser *p, size_t i)
{
    const struct line *ln = &p->lines[i];
    const char *s = ltext(p, i);

    if (ln->noise || ln->chars < 2 || ln->chars > SUBTITLE_MAX || ln->mark != MARK_NONE)
        return false;
    if (starts_with_dash(s, ln->len))
        return true;
    /* with no blank line after it, only what stands above a byline or a date */
    if (ln->blanks_after == 0 && !(i + 1 < p->nr && is_fieldish(p, i + 1)))
        return false;
    if (ln->chars < 6 || line_punct(ln, false))
        return false;
    if (has_phrase_space(s, ln->len) || !rules_heading_end_ok(s, ln->len))
        return false;
    return !is_fieldish(p, i);
}

/* Whether the line names a court (not only "法院" as a word). */
static bool names_court(const char *s, size_t n)
{
    struct court_mentions m = {0};
    bool yes = false;

    court_scan(s, n, &m);
    for (size_t i = 0; i < m.nr; i++)
        yes = yes || m.v[i].level != COURT_COLLECTIVE;
    court_mentions_release(&m);
    return yes;
}

/*
 * Whether the headline at line i goes on to the next line: right under it, a
 * title-shaped line no longer than half again as long that names no court and
 * has no dash ("强基铸魂提升素质" / "锻造过硬法院铁军"); or, after one blank
 * line, two short halves of about the same length with a subtitle, a dash line
 * or a byline under them.
 */
static bool title_continues(const struct parser *p, size_t i)
{
    const struct line *ln = &p->lines[i], *nx = &p->lines[i + 1];
    const char *ns = ltext(p, i + 1);
    size_t k = i + 2;

    if (!title_like(p, i + 1) || starts_with_dash(ns, nx->len) || names_court(ns, nx->len))
        return false;
    if (nx->blanks_before == 0)
        return nx->chars * 2 <= ln->chars * 3;
    if (nx->blanks_before > 1 || ln->chars > 12 || nx->chars > 12 ||
        (ln->chars > nx->chars ? ln->chars - nx->chars : nx->chars - ln->chars) > 3)
        return false;
    return k < p->nr && p->lines[k].blanks_before <= 2 &&
           (starts_with_dash(ltext(p, k), p->lines[k].len) || subtitle_like(p, k) ||
            is_fieldish(p, k));
}

/* The first line of a two-line headline that ends in a colon: short, no other
 * punctuation, and a title-shaped line right under it. */
static bool colon_headline(const struct parser *p, size_t i)
{
    const struct line *ln = &p->lines[i];
    const char *s = ltext(p, i);
    uint32_t last = text_last(s, ln->len, false);
    size_t k = ln->len - (last == ':' ? 1 : 3);

    if (ln->noise || ln->chars < 3 || ln->chars > HEADING_MAX || (last != 0xFF1A && last != ':'))
        return false;
    if (ln->f.commas || memchr(s, ':', k) || memmem(s, k, "：", 3) || memmem(s, k, "。", 3))
        return false;
    return i + 1 < p->nr && p->lines[i + 1].blanks_before <= 1 && title_like(p, i + 1) &&
           !is_fieldish(p, i);
}

/* A photo caption by layout: a short line standing alone with a wide gap of
 * blank lines above or below it, as images leave in text cut from a page. */
static bool caption_by_layout(const struct parser *p, size_t i)
{
    const struct line *ln = &p->lines[i];
    const char *s = ltext(p, i);
    int gap = p->caption_gap;
    bool above = ln->blanks_before >= gap, below = ln->blanks_after >= gap;

    if (!above && !below)
        return false;
    if (ln->noise || ln->chars < 2 || ln->chars > CAPTION_MAX || ln->blanks_before == 0 ||
        ln->blanks_after == 0 || ln->mark == MARK_NUM || ln->mark == MARK_CN ||
        ln->mark == MARK_CHAPTER || ln->mark == MARK_CN_PAREN)
        return false;
    if (line_punct(ln, true) && !ends_sentence(s, ln->len))
        return false;
    if (is_fieldish(p, i))
        return false;
    if (p->para_open && !p->para_complete)
        /* inside a paragraph cut by the photo: only a line that is no sentence end */
        return above && below && !ends_sentence(s, ln->len);
    if (!above && below && ln->blanks_before >= 0 && ends_sentence(s, ln->len))
        return false; /* a short paragraph before a photo, not its caption */
    return above || below;
}

/*
 * Unmarked section headings: one line, or two lines in a row or with one
 * blank line between ("加强政治建设 / 让理论武装“实”起来", "党建引领 / 各项
 * 工作花开见果"), after a finished paragraph and before body text. Three such
 * lines in a row are a column cut into short lines, not a heading.
 * Returns the number of lines, 0 when it is not a heading.
 */
static size_t heading_group(const struct parser *p, size_t i)
{
    size_t n = 1, k;

    /* after a finished sentence: a column line that ends with 。 may be full
     * width, so the width test of closes_para() is not asked here */
    if (!heading_like(p, i) ||
        (p->para_open && !p->para_complete && !ends_sentence(p->para.buf, p->para.len)))
        return 0;
    if (i + 1 < p->nr && p->lines[i + 1].blanks_before <= 1 && heading_like(p, i + 1) &&
        p->lines[i].chars + p->lines[i + 1].chars <= TITLE_MAX &&
        (p->lines[i + 1].blanks_before == 0 || p->lines[i].chars <= 12))
        n = 2;
    k = i + n;
    while (k < p->nr && p->lines[k].noise)
        k++;
    if (k >= p->nr)
        return 0; /* a heading is followed by something */
    /* a short line standing alone after it too: a column cut into lines */
    if (heading_like(p, k) && p->lines[k].blanks_before < p->caption_gap &&
        p->lines[k].blanks_after != 0 && !caption_by_layout(p, k))
        return 0;
    /* Running straight into the next line: it must be much shorter than that
     * line and than a column line, or it is the first line of a paragraph. */
    if (p->lines[k].blanks_before == 0) {
        size_t wide = p->lines[k].chars > p->colwidth ? p->lines[k].chars : p->colwidth;

        if (p->lines[k - 1].chars * 10 > wide * (p->colwidth ? 7 : 6))
            return 0;
    }
    return n;
}

/* The second line of a numbered heading set over two lines ("1 聚焦政治建设" /
 * "筑牢忠诚根基"): short, unnumbered, heading-shaped, and body text after it. */
static bool second_heading_line(const struct parser *p, size_t k)
{
    return k < p->nr && p->lines[k].blanks_before <= 1 && p->lines[k - 1].chars <= 16 &&
           p->lines[k].chars <= 16 && heading_like(p, k) &&
           (k + 1 >= p->nr || (!heading_like(p, k + 1) && p->lines[k + 1].mark == MARK_NONE));
}

static bool marked_heading(const struct parser *p, size_t i)
{
    const struct line *ln = &p->lines[i];
    const char *s = ltext(p, i) + ln->mlen;
    size_t n = ln->len - ln->mlen, chars;
    uint32_t last = text_last(s, n, false);
    struct line_facts rest;
    const char *stop;

    if (ln->mark == MARK_NONE || p->markdown || (p->para_open && !p->para_complete))
        return false;
    rules_scan(s, n, &rest);
    chars = rest.nonblank;
    if (chars < 2 || chars > TITLE_MAX)
        return false;
    stop = memmem(s, n, "。", 3);
    if (stop && (size_t)(stop - s) + 3 < n)
        return false; /* a run-in lead: 一、坚持政治引领。该院…… */
    if (text_is_sentence_end(last) || last == 0xFF0C || last == ',') {
        bool official =
            ln->mark == MARK_CN || ln->mark == MARK_CN_PAREN || ln->mark == MARK_CHAPTER;

        if (!(official && (last == 0x3002 || last == 0xFF1B) && chars <= 30))
            return false;
    }
    if (ln->mark == MARK_SYMBOL && (rest.stops || rest.commas))
        return false;
    /* the first line of a hard-wrapped paragraph that starts with a number */
    if (ln->blanks_after == 0 && p->colwidth && ln->chars * 100 >= p->colwidth * 85)
        return false;
    if (ln->blanks_after == 0 && i + 1 < p->nr && ln->chars * 4 > p->lines[i + 1].chars * 3 &&
        !p->colwidth && !second_heading_line(p, i + 1))
        return false;
    return true;
}

/* --------------------------------------------------------------- fields */

static void set_field(char **field, const char *s, size_t n)
{
    if (!*field)
        *field = xstrndup(s, n);
}

/* A page title copied with its site: "某某法院开展调解工作_某某法院网",
 * "… - 某某网站". Returns the length without the site's name. */
static size_t without_site(const char *s, size_t n)
{
    static const char *const seps[] = {"_", " - ", " | ", "｜", " — ", "--"};
    static const char *const sites[] = {"网", "网站", "官网", "门户", "客户端"};

    for (size_t k = 0; k < ARRAY_SIZE(seps); k++) {
        const char *at = NULL, *p = s;
        size_t sl = strlen(seps[k]);

        while ((p = memmem(p, (size_t)(s + n - p), seps[k], sl)) != NULL) {
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

/* The value after one of labels[] in s (up to a space), or NULL. */
static const char *label_value(const char *s, size_t n, const char *const *labels, size_t nr,
                               size_t *vn, size_t *which)
{
    for (size_t k = 0; k < nr; k++) {
        const char *at = memmem(s, n, labels[k], strlen(labels[k]));
        const char *v, *e;

        if (!at)
            continue;
        v = at + strlen(labels[k]);
        e = v;
        while (e < s + n && *e != ' ' && !text_starts(e, (size_t)(s + n - e), "\u3000"))
            e++;
        if (e > v) {
            *vn = (size_t)(e - v);
            *which = k;
            return v;
        }
    }
    return NULL;
}

/*
 * Web page metadata: 发布时间：2024-03-05 来源：某某法院 作者：张三. The line
 * is noise, but the date and the author are the report's: they become blocks
 * where the line stood, so the reader shows them.
 */
static void take_meta(struct parser *p, const char *s, size_t n)
{
    static const char *const labels[] = {"作者：", "作者:", "记者：", "记者:"};
    static const char *const sources[] = {"来源：", "来源:"};
    char d[11];
    const char *v;
    size_t vn, k;

    if (!p->r->date && rules_find_date(s, n, d)) {
        p->r->date = xstrdup(d);
        flush_para(p);
        add_block(p, BLOCK_DATE, 0, d, strlen(d));
    }
    if (!p->r->byline && (v = label_value(s, n, labels, ARRAY_SIZE(labels), &vn, &k)) != NULL) {
        struct sbuf sb = SBUF_INIT;

        sbuf_addstr(&sb, k < 2 ? "作者 " : "记者 ");
        sbuf_add(&sb, v, vn);
        flush_para(p);
        add_block(p, BLOCK_BYLINE, 0, sb.buf, sb.len);
        p->r->byline = sbuf_detach(&sb, NULL);
    }
    if (!p->source && (v = label_value(s, n, sources, ARRAY_SIZE(sources), &vn, &k)) != NULL)
        p->source = xstrndup(v, vn);
}

/* Only blank lines and noise after line i. */
static bool at_end(const struct parser *p, size_t i)
{
    return i >= p->last_content;
}

/* ----------------------------------------------------------------- walk */

static void walk(struct parser *p)
{
    struct report *r = p->r;

    for (size_t i = 0; i < p->nr;) {
        struct line *ln = &p->lines[i];
        const char *s = ltext(p, i);
        size_t n = ln->len, g;
        struct sbuf sb = SBUF_INIT;

        if (ln->noise) {
            if (rules_is_meta_line(s, n, &ln->f))
                take_meta(p, s, n);
            i++;
            continue;
        }
        p->nr_content++;
        /* The site's name above a copied web page: 某某法院网, 某某网站. */
        if (p->nr_content == 1 && !p->markdown && ln->chars <= 12 && !line_punct(ln, false) &&
            (text_ends(s, n, "网") || text_ends(s, n, "网站") || text_ends(s, n, "官网")) &&
            i + 1 < p->nr && p->lines[i + 1].noise) {
            i++;
            continue;
        }
        if (rules_is_meta_line(s, n, &ln->f)) {
            take_meta(p, s, n);
            i++;
            continue;
        }
        if (at_end(p, i) && rules_signoff(s, n, &sb)) {
            flush_para(p);
            r->author = sbuf_detach(&sb, NULL);
            add_block(p, BLOCK_AUTHOR, 0, s, n);
            i++;
            continue;
        }
        sbuf_reset(&sb);
        if (rules_is_date_line(s, n, &ln->f) && (!p->seen_body || at_end(p, i) || !r->date)) {
            char d[11];

            flush_para(p);
            if (!r->date && rules_find_date(s, n, d))
                r->date = xstrdup(d);
            add_block(p, BLOCK_DATE, 0, s, n);
            i++;
            continue;
        }
        if ((!p->seen_body || p->nr_content < 8 || i + 3 >= p->last_content) && !ln->md_depth &&
            rules_byline(s, n, !p->seen_body || p->nr_content < 8, &sb)) {
            flush_para(p);
            if (!r->byline)
                r->byline = xstrndup(sb.buf, sb.len);
            add_block(p, BLOCK_BYLINE, 0, s, n);
            sbuf_release(&sb);
            i++;
            continue;
        }
        sbuf_release(&sb);

        /* Markdown: # headings, ![caption](image). */
        if (ln->md_depth) {
            if (ln->md_depth == p->md_title_depth && !r->title) {
                flush_para(p);
                set_field(&r->title, s, n);
                add_block(p, BLOCK_TITLE, 0, s, n);
                p->title_state = 1;
            } else {
                int level =
                    ln->md_depth - (p->md_title_depth ? p->md_title_depth : p->md_min_depth - 1);
                add_heading(p, MARK_MARKDOWN, level < 1 ? 1 : level, s, n);
            }
            i++;
            continue;
        }
        if (ln->md_image) {
            if (n) {
                ALLOC_GROW(p->pend, p->nr_pend + 1, p->alloc_pend);
                p->pend[p->nr_pend].off = ln->off;
                p->pend[p->nr_pend++].len = n;
                if (!p->para_open || p->para_complete)
                    flush_para(p); /* the paragraph, then the caption after it */
            }
            i++;
            continue;
        }

        /* Photo captions: marked ones, or short lines set apart by a wide gap. */
        if (rules_caption_marker(s, n) || caption_by_layout(p, i)) {
            ALLOC_GROW(p->pend, p->nr_pend + 1, p->alloc_pend);
            p->pend[p->nr_pend].off = ln->off;
            p->pend[p->nr_pend++].len = n;
            if (!p->para_open || p->para_complete)
                flush_para(p); /* the paragraph, then the caption after it */
            i++;
            continue;
        }

        /* A headline set over two lines whose first ends in a colon:
         * "某某盟中级人民法院：" / "以“三个聚焦”推动审判质效提升". */
        if (p->title_state == 0 && !p->seen_heading && !p->markdown &&
            (!p->para_open || p->para_complete) && colon_headline(p, i)) {
            struct sbuf t = SBUF_INIT;

            flush_para(p);
            sbuf_add(&t, s, n);
            sbuf_addch(&t, ' ');
            sbuf_add(&t, ltext(p, i + 1), p->lines[i + 1].len);
            set_field(&r->title, t.buf, t.len);
            add_block(p, BLOCK_TITLE, 0, t.buf, t.len);
            sbuf_release(&t);
            p->title_state = 1;
            i += 2;
            continue;
        }
        /* The headline: the first title-shaped line before any section, and
         * the next line too when title_continues() says so; otherwise that
         * line may be the subtitle. */
        if (p->title_state == 0 && !p->seen_heading && !p->markdown &&
            (!p->para_open || p->para_complete) && title_like(p, i)) {
            struct sbuf t = SBUF_INIT;
            size_t used = 1;

            flush_para(p);
            sbuf_add(&t, s, without_site(s, n));
            if (i + 1 < p->nr && title_continues(p, i)) {
                sbuf_addch(&t, ' ');
                sbuf_add(&t, ltext(p, i + 1), p->lines[i + 1].len);
                used = 2;
            }
            set_field(&r->title, t.buf, t.len);
            add_block(p, BLOCK_TITLE, 0, t.buf, t.len);
            sbuf_release(&t);
            p->title_state = 1;
            i += used;
            continue;
        }
        if (p->title_state == 1) {
            p->title_state = 2;
            if (ln->blanks_before <= 2 &&
                (starts_with_dash(s, n) || (!p->seen_body && subtitle_like(p, i)))) {
                set_field(&r->subtitle, s, n);
                add_block(p, BLOCK_SUBTITLE, 0, s, n);
                /* ——2025年1月15日在……会议上: a work report's date */
                if (!r->date && starts_with_dash(s, n)) {
                    char d[11];

                    if (rules_find_date(s, n < 48 ? n : 48, d))
                        r->date = xstrdup(d);
                }
                i++;
                continue;
            }
        }

        if (marked_heading(p, i)) {
            /* a numbered heading over two lines: "1 聚焦政治建设" / "筑牢忠诚根基",
             * the second short and unnumbered, body text after it */
            size_t k = i + 1;

            if (second_heading_line(p, k)) {
                struct sbuf h = SBUF_INIT;

                sbuf_add(&h, s, n);
                sbuf_addch(&h, ' ');
                sbuf_add(&h, ltext(p, k), p->lines[k].len);
                add_heading(p, ln->mark, 0, h.buf, h.len);
                sbuf_release(&h);
                i += 2;
                continue;
            }
            add_heading(p, ln->mark, 0, s, n);
            i++;
            continue;
        }
        if ((g = heading_group(p, i)) != 0) {
            struct sbuf h = SBUF_INIT;

            sbuf_add(&h, s, n);
            if (g == 2) {
                sbuf_addch(&h, ' ');
                sbuf_add(&h, ltext(p, i + 1), p->lines[i + 1].len);
            }
            add_heading(p, MARK_NONE, 0, h.buf, h.len);
            sbuf_release(&h);
            i += g;
            continue;
        }
        body_line(p, i);
        i++;
    }
    flush_para(p);
}

/*
 * Heading levels from their numbering: the kinds of number a report uses,
 * ordered from outer to inner (第一章, unnumbered, 一、, ■, （一）, 1., （1））,
 * give level 1 to the outermost present, 2 to the rest.
 */
static void assign_levels(struct parser *p)
{
    static const enum marker order[] = {
        MARK_CHAPTER, MARK_NONE, MARK_CN, MARK_SYMBOL, MARK_CN_PAREN, MARK_NUM, MARK_NUM_PAREN,
    };
    bool present[MARK__COUNT] = {false};
    int rank[MARK__COUNT] = {0}, next = 1;
    size_t h = 0;

    for (size_t i = 0; i < p->nr_heading_marks; i++)
        present[p->heading_marks[i]] = true;
    for (size_t i = 0; i < ARRAY_SIZE(order); i++)
        if (present[order[i]])
            rank[order[i]] = next++;
    for (size_t i = 0; i < p->r->nr_blocks; i++) {
        struct block *b = &p->r->blocks[i];
        enum marker m;

        if (b->kind != BLOCK_HEADING)
            continue;
        m = p->heading_marks[h++];
        if (m != MARK_MARKDOWN)
            b->level = rank[m] > 2 ? 2 : rank[m];
        if (b->level > 2)
            b->level = 2;
    }
}

/* ------------------------------------------------------------------ api */

struct report *report_parse(const char *path, const char *text, size_t len, bool markdown)
{
    return report_parse_skip(path, text, len, markdown, 0);
}

struct report *report_parse_skip(const char *path, const char *text, size_t len, bool markdown,
                                 unsigned skip)
{
    struct parser p = {0};
    struct report *r = xcalloc(1, sizeof(*r));

    r->path = xstrdup(path ? path : "");
    p.r = r;
    p.markdown = markdown;
    split_lines(&p, text, len);
    measure(&p);
    if (p.markdown && r->title) {
        /* front matter gave the title */
        add_block(&p, BLOCK_TITLE, 0, r->title, strlen(r->title));
        p.title_state = 2;
        p.md_title_depth = 0;
    }
    walk(&p);
    assign_levels(&p);
    r->text = sbuf_detach(&p.text, &r->len);
    r->source = p.source;
    p.source = NULL;
    if (!(skip & REPORT_SKIP_COURTS))
        court_find_report(r, p.chrome.buf ? p.chrome.buf : "", p.chrome.len);

    sbuf_release(&p.clean);
    sbuf_release(&p.chrome);
    sbuf_release(&p.para);
    free(p.lines);
    free(p.heading_marks);
    free(p.pend);
    free(p.source);
    return r;
}

size_t report_block_at(const struct report *r, size_t off)
{
    size_t lo = 0, hi = r->nr_blocks;

    while (lo < hi) { /* blocks are in text order */
        size_t mid = (lo + hi) / 2;

        if (r->blocks[mid].off <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? lo - 1 : 0;
}

long report_section_of(const struct report *r, size_t b)
{
    if (b >= r->nr_blocks)
        return -1;
    for (long i = (long)b; i >= 0; i--)
        if (r->blocks[i].kind == BLOCK_HEADING)
            return i;
    return -1;
}

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

struct report *report_dup(const struct report *r)
{
    struct report *d = xcalloc(1, sizeof(*d));

    d->path = xstrdup(r->path);
    d->text = xmalloc(r->len + 1);
    memcpy(d->text, r->text, r->len);
    d->text[r->len] = '\0';
    d->len = r->len;
    d->nr_blocks = d->alloc_blocks = r->nr_blocks;
    d->blocks = xmalloc((r->nr_blocks ? r->nr_blocks : 1) * sizeof(*d->blocks));
    memcpy(d->blocks, r->blocks, r->nr_blocks * sizeof(*d->blocks));
    d->title = dup_or_null(r->title);
    d->subtitle = dup_or_null(r->subtitle);
    d->byline = dup_or_null(r->byline);
    d->date = dup_or_null(r->date);
    d->source = dup_or_null(r->source);
    d->main_court = r->main_court;
    d->author = dup_or_null(r->author);
    d->nr_courts = d->alloc_courts = r->nr_courts;
    d->courts = xcalloc(r->nr_courts ? r->nr_courts : 1, sizeof(*d->courts));
    d->court_parent = xcalloc(r->nr_courts ? r->nr_courts : 1, sizeof(*d->court_parent));
    for (size_t i = 0; i < r->nr_courts; i++) {
        d->courts[i] = xstrdup(r->courts[i]);
        d->court_parent[i] = r->court_parent ? r->court_parent[i] : -1;
    }
    return d;
}

void report_free(struct report *r)
{
    if (!r)
        return;
    free(r->path);
    free(r->text);
    free(r->blocks);
    free(r->title);
    free(r->subtitle);
    free(r->byline);
    free(r->date);
    free(r->source);
    free(r->author);
    for (size_t i = 0; i < r->nr_courts; i++)
        free(r->courts[i]);
    free(r->courts);
    free(r->court_parent);
    free(r);
}
