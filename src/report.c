/*
 * report.c: parse a report's clean text into the document model. Lines are
 * cleaned (justification spaces, Markdown marks), their features computed
 * (line_features.c) and their kinds chosen over the whole report (kinds.c); the
 * model is then built from the kinds: fields are taken, hard-wrapped and
 * page-broken lines joined into paragraphs, headings and captions set apart.
 * Court recognition (court.c) then runs over the joined text.
 */
#include "report.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "court.h"
#include "line_features.h"
#include "kinds.h"
#include "rules.h"
#include "text.h"
#include "util.h"

struct line {
    size_t off, len; /* cleaned text, in parser.clean or (in_input) parser.input */
    bool in_input;   /* the line as it stands in the input: cleaning left it alone */
    int blanks_before, blanks_after;
    bool indented;
    int md_depth;        /* Markdown: # count of a heading, 0 otherwise */
    bool md_item;        /* Markdown list item or quote: starts a paragraph */
    bool md_image;       /* Markdown image: the caption is the alt text */
    struct line_facts f; /* rules_scan_shape() of the cleaned text */
    size_t tail_chars;   /* a joined column line: characters of its last piece */
};

struct pending_caption {
    size_t off, len; /* in parser.captions */
};

struct parser {
    struct report *r;
    bool markdown;
    const char *input; /* the text being parsed */
    struct sbuf clean; /* the lines that cleaning changed (and joined column lines) */
    struct line *lines;
    size_t nr, alloc;
    struct feature_doc doc;
    struct line_features *feat;
    enum line_kind *kinds;

    struct sbuf text; /* the report's text being built */
    /* The paragraph being joined is the end of text, from para_off on: its
     * lines go straight into the report's text, not through a buffer of
     * their own. Every other block is added after flush_para(). */
    size_t para_off;
    bool para_open, para_complete;

    enum marker *heading_marks; /* per heading block, for levels */
    size_t nr_heading_marks, alloc_heading_marks;
    struct sbuf captions; /* the text of captions waiting for their paragraph's end */
    struct pending_caption *pend;
    size_t nr_pend, alloc_pend;
    char *source;       /* where the report came from, from page metadata */
    bool byline_bare;   /* the byline is a bare name line, no role or office */
    struct sbuf chrome; /* furniture and metadata lines: evidence for courts */
};

static const char *ltext(const struct parser *p, size_t i)
{
    return (p->lines[i].in_input ? p->input : p->clean.buf) + p->lines[i].off;
}

/* ---------------------------------------------------------------- lines */

/* Markdown inline marks that are not text: **bold**, __bold__, [text](url), `code`.
 * One pass: where the next ']' and ')' are is kept, not looked for again at
 * each '[' (a line of a million '[' was quadratic). */
static void md_inline(const char *s, size_t n, struct sbuf *out)
{
    /* the next ']' and ')' found so far; SIZE_MAX when there is none left */
    size_t close = 0, paren = 0;

    for (size_t i = 0; i < n;) {
        if (i + 1 < n && ((s[i] == '*' && s[i + 1] == '*') || (s[i] == '_' && s[i + 1] == '_'))) {
            i += 2;
            continue;
        }
        if (s[i] == '`') {
            i++;
            continue;
        }
        if (s[i] == '[' && close != SIZE_MAX) {
            if (close < i || s[close] != ']') {
                const char *c = memchr(s + i, ']', n - i);

                close = c ? (size_t)(c - s) : SIZE_MAX;
            }
            /* a '[' before the ']' opens the link instead: [a [b](x) links b */
            if (close != SIZE_MAX && close + 1 < n && s[close + 1] == '(' && paren != SIZE_MAX &&
                !memchr(s + i + 1, '[', close - i - 1)) {
                if (paren < close || s[paren] != ')') {
                    const char *e = memchr(s + close, ')', n - close);

                    paren = e ? (size_t)(e - s) : SIZE_MAX;
                }
                if (paren != SIZE_MAX) {
                    md_inline(s + i + 1, close - i - 1, out);
                    i = paren + 1;
                    continue;
                }
            }
        }
        sbuf_addch(out, s[i]);
        i++;
    }
}

/* The length of a line-break tag (<br>, <br/>, <br />, <p>, </p>) at s, or 0. */
static size_t break_tag(const char *s, size_t n)
{
    static const char *const tags[] = {"<br />", "<br/>", "<br>", "<BR>", "</p>", "<p>"};

    for (size_t k = 0; k < ARRAY_SIZE(tags); k++)
        if (text_starts(s, n, tags[k]))
            return strlen(tags[k]);
    return 0;
}

/*
 * A web page saved as text keeps the markup of its line ends glued to the
 * lines: 某某法庭开庭<br />, <p>本院审结…</p>. On a line with text of its own
 * that markup is no residue of the page but the line's end: it goes, and the
 * line is read as the text it holds (a line of markup alone stays, noise).
 */
static void without_break_tags(const char **t, size_t *tn)
{
    const char *s = *t;
    size_t n = *tn, k;

    while ((k = break_tag(s, n)) && k < n) {
        s += k;
        n -= k;
    }
    for (bool cut = true; cut && n;) {
        cut = false;
        for (size_t back = n > 6 ? 6 : n; back >= 3 && !cut; back--)
            if (s[n - back] == '<' && break_tag(s + n - back, back) == back && back < n) {
                n -= back;
                cut = true;
            }
    }
    text_trim(&s, &n);
    if (n) {
        *t = s;
        *tn = n;
    }
}

/* Add the line s[0..n), whose text without the blanks around it is t[0..tn). */
static void add_line(struct parser *p, const char *s, size_t n, const char *t, size_t tn,
                     int blanks)
{
    struct line *ln;
    uint32_t c;
    struct sbuf tmp = SBUF_INIT;
    struct line_facts f;

    ALLOC_GROW(p->lines, p->nr + 1, p->alloc);
    ln = &p->lines[p->nr++];
    memset(ln, 0, sizeof(*ln));
    ln->blanks_before = blanks;
    ln->blanks_after = -1;
    text_next(s, n, &c);
    ln->indented = c == 0x3000 || (n >= 2 && s[0] == ' ' && s[1] == ' ');

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
    } else if (memchr(t, '<', tn)) {
        without_break_tags(&t, &tn);
    }
    rules_scan_shape(t, tn, &f); /* line_features.c looks for its words */
    if (!p->markdown && !memchr(t, ' ', tn)) {
        /* no spaces for rules_unjustify() to take out (and no Markdown
         * marks): the line is read where it stands, not copied */
        ln->in_input = true;
        ln->off = (size_t)(t - p->input);
        ln->len = tn;
        ln->f = f;
        return;
    }
    ln->off = p->clean.len;
    rules_unjustify(t, tn, &f, &p->clean);
    ln->len = p->clean.len - ln->off;
    if (ln->len == tn)
        ln->f = f;
    else /* spaces went: look again */
        rules_scan_shape(p->clean.buf + ln->off, ln->len, &ln->f);
    sbuf_addch(&p->clean, '\n');
    sbuf_release(&tmp);
}

/* Markdown front matter: ---, key: value lines, ---. Returns where the body starts. */
static size_t front_matter(struct parser *p, const char *text, size_t len)
{
    const char *end, *line;

    if (!p->markdown || !text_starts(text, len, "---\n"))
        return 0;
    end = text_find(text + 4, len - 4, "\n---", 4);
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
     * are never longer than the input (plus a newline a line); and for a
     * line every 96 bytes, more than most reports have (a line of 30 Han),
     * not five reallocations of the lines on the way */
    sbuf_grow(&p->clean, len + len / 16 + 64);
    sbuf_grow(&p->text, len + len / 16 + 64);
    ALLOC_GROW(p->lines, len / 96 + 8, p->alloc);

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
            add_line(p, text + i, n, t, tn, blanks);
            blanks = 0;
        }
        i += n + 1;
    }
}

/* Two phrases with a space between them: the shape of a heading. */
static bool two_phrases(const char *s, size_t n)
{
    uint32_t prev = 0, c;

    for (size_t i = 0; i < n;) {
        i += text_next(s + i, n - i, &c);
        if (text_is_blank(c) && text_is_cjk(prev))
            return true;
        prev = c;
    }
    return false;
}

/* A column cuts words and numbers where the width ends: only Latin words
 * (wrapped at a space) get one back when their lines are joined. */
static bool latin_letter(uint32_t c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* A quotation opened and not closed in the line: “这次走访的目的是…: the
 * sentence runs on below. */
static bool open_quote(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    int depth = 0;
    uint32_t c;

    for (size_t i = 0; i < n;) {
        /* a Han character (lead byte E4 to E9: U+4000 to U+9FFF) opens and
         * closes nothing: passed over undecoded, as most of a line is */
        if ((unsigned char)(u[i] - 0xE4) < 6 && i + 3 <= n) {
            i += 3;
            continue;
        }
        i += text_next(s + i, n - i, &c);
        if (c == 0x201C || c == 0x300A || c == 0xFF08 || c == '(')
            depth++;
        else if ((c == 0x201D || c == 0x300B || c == 0xFF09 || c == ')') && depth > 0)
            depth--;
    }
    return depth > 0;
}

static bool byline_first(const char *s, size_t n);
static bool starts_with_meta(const char *s, size_t n);

/*
 * A headline longer than the column, cut into its lines: above the body, a
 * line as wide as the column without a sentence's punctuation, right over a
 * shorter line that ends no sentence either, the two no longer than a
 * headline; or a dash cut in two (…使命 — / — 某某工作报告解读).
 */
static bool headline_cut(const struct parser *p, size_t i)
{
    const struct line *ln = &p->lines[i], *nx = &p->lines[i + 1];
    const char *s = ltext(p, i), *t = ltext(p, i + 1);

    if (text_ends(s, ln->len, "—") && !text_ends(s, ln->len, "——") &&
        text_starts(t, nx->len, "—") && !text_starts(t, nx->len, "——"))
        return true;
    /* a line as wide as the column that runs into a sentence below is the
     * first line of a paragraph (an editor's note under the headline) */
    if (i + 2 < p->nr && nx->blanks_after == 0 && nx->f.nonblank * 100 >= p->doc.colwidth * 85 &&
        (p->lines[i + 2].f.stops || p->lines[i + 2].f.commas) &&
        !byline_first(ltext(p, i + 2), p->lines[i + 2].len) &&
        !starts_with_meta(ltext(p, i + 2), p->lines[i + 2].len))
        return false;
    if (ln->f.stops || nx->f.stops || text_is_sentence_end(text_last(t, nx->len, true)))
        return false;
    if (!nx->f.commas && !nx->f.digits && ln->f.nonblank * 100 >= p->doc.colwidth * 90 &&
        ln->f.nonblank * 100 <= p->doc.colwidth * 115 && nx->f.nonblank <= ln->f.nonblank &&
        ln->f.nonblank + nx->f.nonblank <= 48)
        return true;
    /* a headline set in a column narrower than the text's (each paragraph
     * has its own width): its pieces as wide as each other (blanks counted,
     * as the column counts them), a figure or a
     * comma cut with them (…工作报告——202 / 5年1月…), the last narrower and
     * without a comma; the deck (——…) and the metadata under it are no
     * pieces, nor is the page's furniture above it (首页 - 新闻 - 正文) */
    return ln->f.chars * 100 >= p->doc.colwidth * 75 &&
           ln->f.chars * 100 <= p->doc.colwidth * 115 &&
           (nx->f.chars == ln->f.chars ||
            (nx->f.chars < ln->f.chars && !nx->f.commas && !nx->f.digits)) &&
           !text_starts(t, nx->len, "——") && !byline_first(t, nx->len) &&
           !starts_with_meta(t, nx->len) && !rules_is_noise(s, ln->len, &ln->f);
}

/* A byline's label first (作者：…, 本报记者…), or a metadata line that ends
 * with the author: a column cuts such a line where it cuts a sentence, names
 * and all (the rest is names or metadata: no sentence's commas). */
static bool byline_first(const char *s, size_t n)
{
    static const char *const labels[] = {"作者", "本报记者", "记者", "通讯员", "文/", "文｜"};

    for (size_t k = 0; k < ARRAY_SIZE(labels); k++)
        if (text_starts(s, n, labels[k]))
            return true;
    /* | 来源：某某报 | 作者：周某: the author's name last */
    return text_has(s, n, "作者:") || text_has(s, n, "作者：");
}

/* Whether the block above line i has ended: a sentence's end, or a line of
 * another width than line i (a headline, a heading, metadata) that does not
 * end in a comma. */
static bool block_ended(const struct parser *p, size_t i)
{
    const struct line *pv = i ? &p->lines[i - 1] : NULL;
    uint32_t last = pv ? text_last(ltext(p, i - 1), pv->len, true) : 0;

    return !pv || text_is_sentence_end(last) ||
           (pv->f.chars != p->lines[i].f.chars && last != 0xFF0C && last != ',' && last != 0x3001);
}

/* A picture's file name first (12.jpg, img_3.png): where a page left its
 * picture, the caption after it. */
static bool image_first(const char *s, size_t n)
{
    static const char *const exts[] = {".jpg", ".jpeg", ".png", ".gif", ".JPG", ".PNG"};
    size_t i = 0;

    while (i < n && i < 40 && (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '-'))
        i++;
    for (size_t k = 0; i && k < ARRAY_SIZE(exts); k++)
        if (text_starts(s + i, n - i, exts[k]))
            return true;
    return false;
}

/* A photo credit alone on its line: 青柘县法院供图, 林某 摄. */
static bool lone_credit(const char *s, const struct line *ln)
{
    return ln->f.nonblank <= 12 && !ln->f.commas && !ln->f.stops &&
           (text_ends(s, ln->len, "供图") || text_ends(s, ln->len, "摄") ||
            text_ends(s, ln->len, "摄影"));
}

/* A section's number first: 第一章, 一、, （一）; not 1. or 05, which number
 * items and times as well. */
static bool section_number(const char *s, size_t n)
{
    size_t mlen;
    enum marker m = rules_marker(s, n, &mlen);

    return m == MARK_CHAPTER || m == MARK_CN || m == MARK_CN_PAREN;
}

/* A line that shows it starts a block of its own: a section's number, a
 * caption's mark (▲, 图为) or a picture's file name. */
static bool starts_block(const char *s, size_t n)
{
    return section_number(s, n) || image_first(s, n) || rules_caption_marker(s, n);
}

/* Whether a column line runs on into the next: as wide as the column, no
 * sentence end, and a comma, colon, bar or digit in it (a sentence or a
 * metadata line cut by the column, not a headline's half), the next line
 * right under it and not a numbered heading. */
static bool runs_on(const struct parser *p, size_t i, bool in_body)
{
    const struct line *ln = &p->lines[i], *nx = &p->lines[i + 1];
    const char *s = ltext(p, i);
    size_t mlen, chars = ln->f.chars; /* blanks too: a column counts them */
    uint32_t last = text_last(s, ln->len, true), next_first = text_first(ltext(p, i + 1), nx->len);
    /* a paragraph set narrower than the text's column: its lines are as
     * wide as each other, the line above or below right against it */
    bool twin =
        chars >= 12 && ((ln->blanks_after == 0 && nx->f.chars == chars) ||
                        (i > 0 && ln->blanks_before == 0 && p->lines[i - 1].f.chars == chars));

    /* the last character or two of a name the column put on a line of
     * their own (作者：程某 蔡某 程 / 远): the names end there */
    if (!in_body && ln->blanks_after == 0 && chars * 100 >= p->doc.colwidth * 70 &&
        nx->f.nonblank <= 2 && !nx->f.stops && !nx->f.commas && !nx->f.digits &&
        byline_first(s, ln->len))
        return true;
    /* a numbered heading longer than its column line, cut after a comma
     * ((二)调解前移的机制下, / 纠纷化解在村口): a heading never ends in a comma,
     * so it runs on into the line right under it, though the column the text
     * set it in is narrower than most (each paragraph has its own width) */
    if (in_body && ln->blanks_after == 0 && (last == 0xFF0C || last == ',') &&
        chars * 100 >= p->doc.colwidth * 70 && section_number(s, ln->len) &&
        rules_marker(ltext(p, i + 1), nx->len, &mlen) == MARK_NONE)
        return true;
    /* above the body, a line that is no metadata (no figures) ends where a
     * byline or metadata line starts: a headline's last piece over 作者：… */
    if (!in_body && !ln->f.digits &&
        (byline_first(ltext(p, i + 1), nx->len) || starts_with_meta(ltext(p, i + 1), nx->len)))
        return false;
    /* a caption's last column line, its sentence ended, over the photo
     * credit alone on the next line (…整理卷宗。 / 青柘县法院供图), the block
     * ending there: the credit is the caption's */
    if (ln->blanks_after == 0 && text_is_sentence_end(last) && nx->blanks_after != 0 &&
        chars * 100 >= p->doc.colwidth * 70 && lone_credit(ltext(p, i + 1), nx))
        return true;
    if (ln->blanks_after < 0 || (chars * 100 < p->doc.colwidth * 85 && !twin) ||
        chars * 100 > p->doc.colwidth * 130 || text_is_sentence_end(last) || last == 0xFF1A)
        return false;
    /* a column or page break leaves a stray blank line or two inside a
     * paragraph: a column line no wider than the column runs on over it
     * when it is a sentence cut (commas, a quotation left open) or the last
     * of a run of column lines; a heading stands alone between blanks
     * without either, or is wider than the column */
    /* a paragraph's first line, under a block that has ended: the lines
     * after the break are as wide as it */
    bool first_over_break =
        ln->blanks_after != 0 && nx->f.chars == chars && nx->blanks_after == 0 && block_ended(p, i);

    if (ln->blanks_after != 0 &&
        (ln->blanks_after > 2 || (chars * 100 > p->doc.colwidth * 115 && !first_over_break) ||
         !(ln->f.commas || open_quote(s, ln->len) ||
           (ln->blanks_before == 0 && i > 0 &&
            p->lines[i - 1].f.nonblank * 100 >= p->doc.colwidth * 85 &&
            /* not the rest of a numbered heading or a caption under its
             * first line ((二)调解前移的机制下, / 纠纷化解在村口; 3.jpg▲… /
             * 法官在村口…), narrower than it and without a comma: a break
             * ends the heading or the caption */
            !(starts_block(ltext(p, i - 1), p->lines[i - 1].len) &&
              chars < p->lines[i - 1].f.chars && !ln->f.commas)) ||
           first_over_break)))
        return false;
    /* a line under a block that has ended, over a line wider than any
     * column line (a short paragraph left whole): this is a heading over
     * it, not a paragraph's first column line */
    if (ln->blanks_after == 0 && nx->f.chars * 100 > p->doc.colwidth * 130 && !ln->f.stops &&
        block_ended(p, i))
        return false;
    /* a heading glued over a paragraph the column cut (…到了村口。 / 随法官
     * 下乡,看巡回审判 / 清晨六时,记者跟着法官…): under a block that has
     * ended, a line without a sentence's end narrower than the column line
     * right under it, which ends no sentence of this line's (提升干警业务 / 素养。全院…
     * finishes a word cut); a paragraph's first line is as wide as its
     * second. Not a line that may have lost a blank at its edges, which the
     * column counted (indented, spaced out, ending in a number or a word) */
    if (ln->blanks_after == 0 && i > 0 && !ln->indented && ln->f.chars == ln->f.nonblank &&
        nx->f.chars == nx->f.nonblank && !ln->f.stops && !nx->f.stops && chars + 2 <= nx->f.chars &&
        nx->blanks_after == 0 && last != 0xFF0C && last != ',' && last != 0x3001 &&
        !(last < 0x80 && isalnum((int)last)) && block_ended(p, i))
        return false;
    /* a quotation from end to end under a block that has ended (“调解要有
     * 温度”): a quoted heading, not a paragraph's first line */
    if (text_first(s, ln->len) == 0x201C && text_last(s, ln->len, false) == 0x201D &&
        !open_quote(s, ln->len) && block_ended(p, i))
        return false;
    /* a new paragraph, a bullet or a marker starts a line of its own, and so
     * does a picture's file name (12.jpg ▲…), which opens its caption */
    if (image_first(ltext(p, i + 1), nx->len) || (p->doc.indent_mode && nx->indented) ||
        next_first == 0x2022 || next_first == 0x25A0 || next_first == 0x25CF ||
        next_first == 0x25B2 || next_first == 0x3010)
        return false;
    /* a numbered heading stands alone, unless its text runs on (1、…，), or
     * it is a sentence the column cut (一、…，服务发 / 展大局，…。: the line
     * under it as wide, or narrower and ending the sentence or the block) */
    if (rules_marker(s, ln->len, &mlen) != MARK_NONE && last != 0xFF0C && last != ',' &&
        !(ln->f.commas && ln->blanks_after == 0 &&
          (nx->f.chars == chars ||
           (nx->f.chars < chars &&
            (nx->blanks_after != 0 ||
             text_is_sentence_end(text_last(ltext(p, i + 1), nx->len, true)))))))
        return false;
    /* a sentence (commas, a quotation left open), or metadata (digits with
     * : | -); a headline's half has neither. Metadata runs on over a break
     * only where a date or a time is cut (…2022年 / 1月20日…, 2024-07-19 2 /
     * 2:06:09) or into the piece of a word (【字 / 号): a column line of text
     * below the break is no part of it (…打印 字号: | | / 塔什库尔干…干警正在
     * 分析案情, a caption). Once a sentence has ended (the body), a column
     * line without them runs on too, unless it is two phrases (a heading) */
    bool date_cut = (last >= '0' && last <= '9') || last == '-' || last == ':' || last == '/' ||
                    last == 0x5E74 || last == 0x6708; /* 年 月 */

    if (!(ln->f.commas || open_quote(s, ln->len) ||
          (ln->f.digits && (ln->blanks_after == 0 || date_cut || nx->f.nonblank <= 4) &&
           (memchr(s, ':', ln->len) || memchr(s, '|', ln->len) || memchr(s, '-', ln->len) ||
            text_has(s, ln->len, "：") || text_has(s, ln->len, "年"))) ||
          (in_body && ((!ln->f.gaps && !two_phrases(s, ln->len)) || ln->f.stops)) ||
          (!in_body && byline_first(s, ln->len) && !nx->f.commas &&
           !text_has(ltext(p, i + 1), nx->len, "。")) ||
          (!in_body &&
           (ln->blanks_after == 0 ||
            (ln->blanks_after == 1 && nx->f.nonblank == ln->f.nonblank && !nx->f.commas)) &&
           headline_cut(p, i)) ||
          /* the lead's first line over its next, as wide, the block above
           * ended (a headline, metadata) */
          (!in_body && ln->blanks_after == 0 && nx->f.chars == chars && !ln->f.gaps && i > 0 &&
           p->lines[i - 1].f.chars != chars && block_ended(p, i))))
        return false;
    /* a metadata line whose date is whole (发布日期:2024年08月07日) ends there
     * when no number follows: the headline below is no part of it */
    if (!ln->f.commas && last == 0x65E5 && !nx->f.digits)
        return false;
    /* a picture's number alone below (图一, 表2) is a caption of its own */
    if (nx->f.nonblank <= 4 && (text_starts(ltext(p, i + 1), nx->len, "图") ||
                                text_starts(ltext(p, i + 1), nx->len, "表")))
        return false;
    /* a number cut in two (2024-03- / 05) is no numbered heading below */
    if ((last >= '0' && last <= '9') || last == '-' || last == ':' || last == '/')
        return true;
    return rules_marker(ltext(p, i + 1), nx->len, &mlen) == MARK_NONE;
}

/*
 * What rules_scan_shape() finds of lines i..k joined into s[0..n), with
 * spaces added between Latin letters: the pieces' counts added up. The
 * pieces were trimmed, so no space between two CJK characters is made.
 */
static void join_facts(const struct parser *p, size_t i, size_t k, size_t spaces, const char *s,
                       size_t n, struct line_facts *f)
{
    if (n > 480) { /* a paragraph: counted alone */
        rules_scan_shape(s, n, f);
        return;
    }
    memset(f, 0, sizeof(*f));
    f->chrome = f->meta = f->page = true; /* as rules_scan_shape() leaves them */
    for (size_t j = i; j <= k; j++) {
        const struct line_facts *g = &p->lines[j].f;

        f->chars += g->chars;
        f->nonblank += g->nonblank;
        f->gaps += g->gaps;
        f->cjk += g->cjk;
        f->digits = f->digits || g->digits;
        f->separators = f->separators || g->separators;
        f->word = f->word || g->word;
        f->commas = f->commas || g->commas;
        f->stops = f->stops || g->stops;
    }
    f->chars += spaces; /* blanks that are not CJK */
    f->separators = f->separators || spaces;
}

/*
 * Newspaper columns cut sentences, metadata and bylines into lines of the
 * column's width. Join each run that runs on into one line, so that a line's
 * features are those of what was written (a whole metadata line, a whole
 * byline); the width of the last piece is kept for where paragraphs end.
 * The lines are made anew: pointers into the old ones go stale.
 */
static void unwrap(struct parser *p)
{
    struct line *out;
    size_t nr = 0, wide = 0, wide_chars = 0, chars = 0;
    bool in_body = false; /* a sentence has ended above */

    /* only a text that is mostly column lines: a web page with a few lines
     * of that width is one paragraph to a line. Mostly by lines, or by its
     * words when a page's furniture (menus, a contact list) adds many
     * short lines above the column */
    for (size_t i = 0; i < p->nr; i++) {
        const struct line *ln = &p->lines[i];
        bool w = (ln->f.nonblank * 100 >= p->doc.colwidth * 85 &&
                  ln->f.nonblank * 100 <= p->doc.colwidth * 130) ||
                 /* a paragraph set narrower: as wide as the line under it */
                 (i + 1 < p->nr && ln->f.chars >= 12 && ln->blanks_after == 0 &&
                  p->lines[i + 1].f.chars == ln->f.chars);

        wide += w;
        wide_chars += w ? ln->f.nonblank : 0;
        chars += ln->f.nonblank;
    }
    if (wide * 5 < p->nr * 2 && wide_chars * 3 < chars * 2)
        return;
    out = xmalloc((p->nr ? p->nr : 1) * sizeof(*out)); /* each written whole below */

    for (size_t i = 0; i < p->nr;) {
        size_t k = i;
        struct line *ln = &out[nr++];

        *ln = p->lines[i];
        while (k + 1 < p->nr && runs_on(p, k, in_body))
            k++;
        for (size_t j = i; j <= k && !in_body; j++)
            in_body = text_is_sentence_end(text_last(ltext(p, j), p->lines[j].len, true));
        if (k > i) {
            size_t spaces = 0, room = 1; /* the newline */

            /* the joined line goes straight after the cleaned text it is
             * made of: room for all of it first, so that no piece moves */
            for (size_t j = i; j <= k; j++)
                room += p->lines[j].len + 1; /* a space at most between two */
            sbuf_grow(&p->clean, room);
            ln->in_input = false;
            ln->off = p->clean.len;
            for (size_t j = i; j <= k; j++) {
                const char *s = ltext(p, j);
                size_t n = p->lines[j].len, joined = p->clean.len - ln->off;

                if (joined && n && latin_letter(text_last(p->clean.buf + ln->off, joined, false)) &&
                    latin_letter(text_first(s, n))) {
                    sbuf_addch(&p->clean, ' ');
                    spaces++;
                }
                sbuf_add(&p->clean, s, n);
            }
            ln->len = p->clean.len - ln->off;
            sbuf_addch(&p->clean, '\n');
            ln->blanks_after = p->lines[k].blanks_after;
            ln->tail_chars = p->lines[k].f.nonblank;
            join_facts(p, i, k, spaces, p->clean.buf + ln->off, ln->len, &ln->f);
        }
        i = k + 1;
    }
    free(p->lines);
    p->lines = out;
    p->nr = nr;
    p->alloc = nr ? nr : 1;
}

/* The parser's lines as line_features.c takes them. Caller frees. */
static struct feature_line *feature_lines(const struct parser *p)
{
    struct feature_line *fl = xmalloc((p->nr ? p->nr : 1) * sizeof(*fl)); /* each set whole */

    for (size_t i = 0; i < p->nr; i++) {
        const struct line *ln = &p->lines[i];

        fl[i] = (struct feature_line){
            .s = ltext(p, i),
            .len = ln->len,
            .blanks_before = ln->blanks_before,
            .blanks_after = ln->blanks_after,
            .indented = ln->indented,
            .md_depth = ln->md_depth,
            .md_item = ln->md_item,
            .md_image = ln->md_image,
            .facts = &ln->f,
            .tail_chars = ln->tail_chars,
        };
    }
    return fl;
}

/* Features of every line, then the kinds: the classifier's two steps. */
static void classify(struct parser *p)
{
    struct feature_line *fl = feature_lines(p);

    line_features_measure(fl, p->nr, p->markdown, &p->doc);
    if (p->r->title) /* Markdown front matter gave the title: every # is a section */
        p->doc.md_title_depth = 0;
    if (p->doc.colwidth) { /* unwrap() makes the lines anew: so their features */
        unwrap(p);
        free(fl);
        fl = feature_lines(p);
    }
    /* line_features_compute() and kinds_choose() write every element */
    p->feat = xmalloc((p->nr ? p->nr : 1) * sizeof(*p->feat));
    p->kinds = xmalloc((p->nr ? p->nr : 1) * sizeof(*p->kinds));
    line_features_compute(fl, p->nr, &p->doc, p->feat);
    kinds_choose(p->feat, p->nr, p->kinds);
    free(fl);
}

/*
 * For --explain: each line's number, its kind, the three best kinds by their
 * line scores, the features that weighed most for the kind chosen, and the
 * line's text.
 */
static char *explain(const struct parser *p)
{
    struct sbuf sb = SBUF_INIT;

    for (size_t i = 0; i < p->nr; i++) {
        int sc[KIND__COUNT];
        bool used[KIND__COUNT] = {false};

        kinds_score(&p->feat[i], sc);
        sbuf_addf(&sb, "%4zu %-9s |", i + 1, kinds_name(p->kinds[i]));
        for (int t = 0; t < 3; t++) {
            int best = -1;

            for (int k = 0; k < KIND__COUNT; k++)
                if (!used[k] && (best < 0 || sc[k] > sc[best]))
                    best = k;
            used[best] = true;
            sbuf_addf(&sb, " %s %d", kinds_name((enum line_kind)best), sc[best]);
        }
        sbuf_addstr(&sb, " | ");
        kinds_explain(&p->feat[i], p->kinds[i], 4, &sb);
        sbuf_addstr(&sb, " | ");
        sbuf_add(&sb, ltext(p, i), p->lines[i].len);
        sbuf_addch(&sb, '\n');
    }
    return sbuf_detach(&sb, NULL);
}

/* ---------------------------------------------------------------- blocks */

/* A block of the n bytes of text at off, already in the report's text. */
static void add_block_at(struct parser *p, enum block_kind kind, int level, size_t off, size_t n)
{
    struct report *r = p->r;
    struct block *b;

    ALLOC_GROW(r->blocks, r->nr_blocks + 1, r->alloc_blocks);
    b = &r->blocks[r->nr_blocks++];
    b->kind = kind;
    b->level = level;
    b->off = off;
    b->len = n;
    sbuf_addch(&p->text, '\n');
}

static void add_block(struct parser *p, enum block_kind kind, int level, const char *s, size_t n)
{
    size_t off = p->text.len;

    sbuf_add(&p->text, s, n);
    add_block_at(p, kind, level, off, n);
}

/* The length of the paragraph being joined. */
static size_t para_len(const struct parser *p)
{
    return p->para_open ? p->text.len - p->para_off : 0;
}

static void flush_captions(struct parser *p)
{
    for (size_t i = 0; i < p->nr_pend; i++)
        add_block(p, BLOCK_CAPTION, 0, p->captions.buf + p->pend[i].off, p->pend[i].len);
    p->nr_pend = 0;
    sbuf_reset(&p->captions);
}

static void flush_para(struct parser *p)
{
    if (para_len(p))
        add_block_at(p, BLOCK_PARA, 0, p->para_off, para_len(p));
    p->para_open = false;
    p->para_complete = true;
    flush_captions(p);
}

/* Join a line onto the paragraph: no space between Chinese characters, one
 * between Latin words. */
static void join_line(struct parser *p, const char *s, size_t n)
{
    if (para_len(p) && n) {
        uint32_t a = text_last(p->text.buf + p->para_off, para_len(p), false), b = text_first(s, n);

        if (!text_is_cjk(a) && !text_is_cjk(b) && a != ' ' && b != ' ' &&
            (!p->doc.colwidth || (latin_letter(a) && latin_letter(b))))
            sbuf_addch(&p->text, ' ');
    }
    sbuf_add(&p->text, s, n);
}

/* A caption, after the paragraph a picture cut in two, or now. */
static void add_caption(struct parser *p, const char *s, size_t n)
{
    if (!n)
        return;
    ALLOC_GROW(p->pend, p->nr_pend + 1, p->alloc_pend);
    p->pend[p->nr_pend].off = p->captions.len;
    p->pend[p->nr_pend++].len = n;
    sbuf_add(&p->captions, s, n);
    if (!p->para_open || p->para_complete)
        flush_para(p); /* the paragraph, then the caption after it */
}

static void add_heading(struct parser *p, enum marker mark, int level, const char *s, size_t n)
{
    flush_para(p);
    ALLOC_GROW(p->heading_marks, p->nr_heading_marks + 1, p->alloc_heading_marks);
    p->heading_marks[p->nr_heading_marks++] = mark;
    add_block(p, BLOCK_HEADING, level, s, n);
}

/* --------------------------------------------------------------- values */

static void set_field(char **field, const char *s, size_t n)
{
    if (!*field)
        *field = xstrndup(s, n);
}

/* Drop HTML residue (<br />, <p>) from a value, into out. */
static void without_html(const char *s, size_t n, struct sbuf *out)
{
    for (size_t i = 0; i < n;) {
        if (s[i] == '<') {
            const char *close = memchr(s + i, '>', n - i);

            if (close && close - (s + i) <= 12 && i + 1 < n &&
                (s[i + 1] == '/' || (s[i + 1] >= 'a' && s[i + 1] <= 'z'))) {
                i = (size_t)(close - s) + 1;
                continue;
            }
        }
        sbuf_addch(out, s[i++]);
    }
}

/*
 * A headline as a reader takes it: without HTML residue, a news agency's
 * dateline before 题：, the site's name after it, or a dash that leads into
 * the deck below it.
 */
static void clean_title(const char *s, size_t n, struct sbuf *out)
{
    struct sbuf t = SBUF_INIT;
    const char *v;
    size_t vn;

    without_html(s, n, &t);
    v = t.buf ? t.buf : "";
    vn = t.len;
    for (const char *const *lab = (const char *const[]){"题：", "题:", "題：", "題:", NULL}; *lab;
         lab++) {
        const char *at = text_find(v, vn, *lab, strlen(*lab));

        if (at && (text_has(v, (size_t)(at - v), "电") || text_has(v, (size_t)(at - v), "電"))) {
            vn -= (size_t)(at - v) + strlen(*lab);
            v = at + strlen(*lab);
            break;
        }
    }
    vn = line_features_without_site(v, vn);
    text_trim(&v, &vn);
    while (vn >= 2 && (text_ends(v, vn, "—") || text_ends(v, vn, "-")))
        vn -= text_ends(v, vn, "—") ? strlen("—") : 1;
    text_trim(&v, &vn);
    sbuf_add(out, v, vn);
    sbuf_release(&t);
}

/*
 * A caption as a reader takes it: without bullets and markers (•, ▲), image
 * file names (10.jpg), a dateline before 图为 (某某报讯), or table residue ( |).
 */
static void clean_caption(const char *s, size_t n, struct sbuf *out)
{
    static const char *const exts[] = {".jpg", ".jpeg", ".png", ".gif", ".JPG", ".PNG"};
    const char *v = s, *pic;
    size_t vn = n;
    uint32_t c;
    bool again = true;

    while (again) {
        again = false;
        text_trim(&v, &vn);
        for (size_t k = 0; k < ARRAY_SIZE(exts); k++) {
            const char *at = text_find(v, vn, exts[k], strlen(exts[k]));

            if (at && at - v <= 24 && !memchr(v, ' ', (size_t)(at - v))) {
                vn -= (size_t)(at - v) + strlen(exts[k]);
                v = at + strlen(exts[k]);
                again = true;
            }
        }
        if (vn) {
            size_t l = text_next(v, vn, &c);

            if (c == 0x2022 || c == 0x25AA || c == 0x25B2 || c == 0x25A0 || c == 0xB7 ||
                c == 0x25B3) {
                v += l;
                vn -= l;
                again = true;
            }
        }
    }
    pic = text_find(v, vn, "图为", strlen("图为"));
    /* 某某报讯图为…, 某某报讯 图为…: the dateline is the article's, not the picture's */
    size_t lead = pic ? (size_t)(pic - v) : 0;

    while (lead && v[lead - 1] == ' ')
        lead--;
    if (pic && pic > v && pic - v <= 30 && text_ends(v, lead, "讯")) {
        vn -= (size_t)(pic - v);
        v = pic;
    }
    while (vn && (v[vn - 1] == '|' || v[vn - 1] == ' '))
        vn--;
    without_html(v, vn, out);
}

/* The part of a metadata value before the next label glued to it
 * (作者：张三发布时间：…). */
static size_t until_label(const char *v, size_t vn)
{
    /* a label of two words (信息来源) ends the value where its first word starts */
    static const char *const next[] = {"发布", "时间", "來源", "来源", "编辑", "浏览", "点击",
                                       "字号", "阅读", "访问", "作者", "日期", "责任", "信息来源",
                                       "文章来源", "稿件来源", "文章出处",
                                       /* the same labels on pages in traditional characters */
                                       "發布", "時間", "編輯", "瀏覽", "閱讀", "訪問", "字號"};
    size_t end = vn;

    for (size_t k = 0; k < ARRAY_SIZE(next); k++) {
        const char *at = text_find(v, vn, next[k], strlen(next[k]));

        if (at && (size_t)(at - v) < end)
            end = (size_t)(at - v);
    }
    return end;
}

/*
 * A byline as the page writes it, without what is not part of it: markers
 * (■ ●), labels (作者：, 文 |), runs of spaces. Role words and inner spaces
 * stay: 本报全媒体记者 岳明/整理, 最高人民法院院长 张 军.
 */
static void clean_byline(const char *s, size_t n, struct sbuf *out)
{
    static const char *const labels[] = {"作者：", "作者:", "作者 ", "文 |",
                                         "文|",    "文｜",  "文 ｜"};
    const char *v = s;
    size_t vn = n;
    bool again = true, space = false;
    uint32_t c;

    while (again) {
        again = false;
        text_trim(&v, &vn);
        if (vn && (text_first(v, vn) == 0x25A0 || text_first(v, vn) == 0x25CF ||
                   text_first(v, vn) == 0x25C6 || text_first(v, vn) == 0x2022)) {
            size_t l = text_next(v, vn, &c);

            v += l;
            vn -= l;
            again = true;
        }
        for (size_t k = 0; k < ARRAY_SIZE(labels); k++)
            if (text_starts(v, vn, labels[k]) && vn > strlen(labels[k])) {
                v += strlen(labels[k]);
                vn -= strlen(labels[k]);
                again = true;
            }
    }
    vn = until_label(v, vn); /* 作者：X 发布时间：…: the metadata glued after it */
    /* 作者：X 【字号…: the widget's bracket that opened before its label */
    while (vn && (v[vn - 1] == ' ' || v[vn - 1] == '[' || v[vn - 1] == '|' ||
                  text_ends(v, vn, "【") || text_ends(v, vn, "［") || text_ends(v, vn, "\u3000")))
        vn -= (unsigned char)v[vn - 1] < 0x80 ? 1 : 3;
    for (size_t i = 0; i < vn;) {
        size_t l = text_next(v + i, vn - i, &c);

        if (text_is_blank(c) || c == 0x25CF || c == 0x25A0) {
            space = out->len > 0;
        } else {
            if (space)
                sbuf_addch(out, ' ');
            space = false;
            sbuf_add(out, v + i, l);
        }
        i += l;
    }
}

/* The value after one of labels[] in s: spaces after the label skipped, up to
 * the next space, bar or bracket; NULL when there is none. */
static const char *label_value(const char *s, size_t n, const char *const *labels, size_t nr,
                               size_t *vn)
{
    for (size_t k = 0; k < nr; k++) {
        const char *at = text_find(s, n, labels[k], strlen(labels[k]));
        const char *v, *e;

        if (!at)
            continue;
        v = at + strlen(labels[k]);
        while (v < s + n && *v == ' ')
            v++;
        e = v;
        while (e < s + n && *e != ' ' && *e != '|' && *e != '[' &&
               !text_starts(e, (size_t)(s + n - e), "【") &&
               !text_starts(e, (size_t)(s + n - e), "\u3000"))
            e++;
        if (e > v) {
            *vn = (size_t)(e - v);
            return v;
        }
    }
    return NULL;
}

/* A value that names no one: anonymous, or a CMS account (uadmin). */
static bool nobody(const char *v, size_t vn)
{
    struct line_facts f;

    rules_scan(v, vn, &f);
    return f.cjk == 0 || text_has(v, vn, "佚名") || text_has(v, vn, "本网") ||
           text_has(v, vn, "发布") || text_has(v, vn, "时间") || text_has(v, vn, "時間");
}

/* A newspaper named in a source line: 《人民法院报》第8版, 宁夏法治报/2025年/… */
static bool paper_name(const char *s, size_t n, const char **v, size_t *vn)
{
    const char *open = text_find(s, n, "《", 3), *close;

    if (open && (close = text_find(open, (size_t)(s + n - open), "》", 3)) != NULL &&
        close > open + 3) {
        size_t l = (size_t)(close - open) - 3;

        if (text_ends(open + 3, l, "报") || text_ends(open + 3, l, "刊") ||
            text_ends(open + 3, l, "报》")) {
            *v = open + 3;
            *vn = l;
            return true;
        }
    }
    /* an e-paper's line: the paper's name, then its date and page */
    for (size_t i = 0; i < n && i < 40; i++)
        if (s[i] == '/' || s[i] == ' ') {
            if (i >= 6 && text_ends(s, i, "报") && text_count(s, i) <= 10 &&
                (text_has(s + i, n - i, "版") || text_has(s + i, n - i, "年"))) {
                *v = s;
                *vn = i;
                return true;
            }
            break;
        }
    return false;
}

/* A date in a metadata line, also when an e-paper spaced it out
 * (2025 年/8 月/11 日). */
static bool find_date_loose(const char *s, size_t n, char d[11])
{
    struct sbuf sq = SBUF_INIT;
    bool found;

    if (rules_find_date(s, n, d))
        return true;
    for (size_t i = 0; i < n && i < 240; i++)
        if (s[i] != ' ' && s[i] != '/')
            sbuf_addch(&sq, s[i]);
    found = sq.len && rules_find_date(sq.buf, sq.len, d);
    sbuf_release(&sq);
    return found;
}

/* Where the report came from, once: its field and a block at the head, where
 * the reader shows it and a search finds it. A name without a Chinese
 * character (an account's code) is not a source. */
static void set_source(struct parser *p, const char *v, size_t vn)
{
    struct line_facts f;

    rules_scan(v, vn, &f);
    if (p->source || !vn || f.cjk == 0)
        return;
    p->source = xstrndup(v, vn);
    flush_para(p);
    add_block(p, BLOCK_SOURCE, 0, v, vn);
}

/*
 * Page metadata: 发布时间：2024-03-05 来源：某某法院 作者：张三, glued or
 * spread over lines. The line is furniture, but the date, the source and the
 * author are the report's; the date and the author become blocks where the
 * line stood, so the reader shows them.
 */
/* A metadata line without labels that opens with a person and a role: 张某律师
 * 某某头条 2022-11-02 11:41 (author, source, time, as blogs and law sites
 * print them). Returns the person's length, or 0. */
static size_t unlabelled_author(const char *s, size_t n)
{
    static const char *const roles[] = {"律师", "记者", "法官", "通讯员", "記者", "律師"};
    const char *sp = memchr(s, ' ', n);
    size_t tn = sp ? (size_t)(sp - s) : 0, chars = text_count(s, tn);
    struct line_facts f;

    if (!tn || memmem(s, n, "：", 3) || chars < 3 || chars > 8)
        return 0;
    for (size_t k = 1; k < n; k++) /* a label's colon; 11:41 is a time */
        if (s[k] == ':' && !(s[k - 1] >= '0' && s[k - 1] <= '9'))
            return 0;
    rules_scan(s, tn, &f);
    if (f.cjk != chars)
        return 0;
    for (size_t k = 0; k < ARRAY_SIZE(roles); k++)
        if (text_ends(s, tn, roles[k]) &&
            text_count(s, tn) > text_count(roles[k], strlen(roles[k])))
            return tn;
    return 0;
}

/*
 * A date a column cut in two: 时间：2018 / -01-29 10:44, 2025-03-0 / 5 07:30
 * — the line ends in a digit or a dash and the chrome line under it goes on
 * with one. Tried before the line alone, which would read 2025-03-0 as the
 * third month's start.
 */
static bool date_across(const struct parser *p, size_t i, char d[11])
{
    const char *s = ltext(p, i), *t;
    size_t n = p->lines[i].len, tn;
    uint32_t last = text_last(s, n, false), first;
    struct sbuf sb = SBUF_INIT;
    bool found;

    if (i + 1 >= p->nr || !((last >= '0' && last <= '9') || last == '-' || last == '/'))
        return false;
    /* the rest is chrome, or figures without a word (-01-29 10:44:26) */
    switch (p->kinds[i + 1]) {
    case KIND_PAGE:
    case KIND_NOISE:
    case KIND_META:
    case KIND_FOOTER:
        break;
    default:
        if (!p->feat[i + 1].on[FEAT_NO_HAN] &&
            !(p->feat[i + 1].chars <= 40 && p->feat[i + 1].f.cjk == 0))
            return false;
    }
    t = ltext(p, i + 1);
    tn = p->lines[i + 1].len;
    first = text_first(t, tn);
    if (!((first >= '0' && first <= '9') || first == '-' || first == '/'))
        return false;
    sbuf_add(&sb, s, n);
    sbuf_add(&sb, t, tn < 40 ? tn : 40);
    found = find_date_loose(sb.buf, sb.len, d);
    sbuf_release(&sb);
    return found;
}

static void take_meta(struct parser *p, size_t i)
{
    static const char *const authors[] = {"作者：", "作者:", "作者 ", "记者：", "记者:"};
    static const char *const sources[] = {
        "文章来源：", "文章来源:", "文章出处：", "文章出处:", "稿件来源：", "稿件来源:",
        "信息来源：", "信息来源:", "来源：",     "来源:",     "來源：",     "來源:",
    };
    const struct line_features *lf = &p->feat[i];
    const char *s = ltext(p, i), *v;
    size_t n = p->lines[i].len, vn;
    char d[11];

    if (!p->r->date && !lf->on[FEAT_RENDER_DATE] &&
        (date_across(p, i, d) || find_date_loose(s, n, d))) {
        p->r->date = xstrdup(d);
        flush_para(p);
        add_block(p, BLOCK_DATE, 0, d, strlen(d));
    }
    if (!p->r->byline && lf->on[FEAT_HAS_DATE] && (vn = unlabelled_author(s, n)) > 0) {
        flush_para(p);
        add_block(p, BLOCK_BYLINE, 0, s, vn);
        p->r->byline = xstrndup(s, vn);
    }
    if (!p->r->byline && (v = label_value(s, n, authors, ARRAY_SIZE(authors), &vn)) != NULL) {
        struct sbuf by = SBUF_INIT;

        /* the rest of the line up to the next label: names may be padded
         * (程 勇 蔡蕾) */
        vn = until_label(v, (size_t)(s + n - v));
        clean_byline(v, vn, &by);
        if (by.len && !nobody(by.buf, by.len)) {
            flush_para(p);
            add_block(p, BLOCK_BYLINE, 0, by.buf, by.len);
            p->r->byline = sbuf_detach(&by, NULL);
        }
        sbuf_release(&by);
    }
    if (!p->source && (v = label_value(s, n, sources, ARRAY_SIZE(sources), &vn)) != NULL &&
        (vn = until_label(v, vn)) > 0 && !text_starts(v, vn, "本院") &&
        !text_starts(v, vn, "本站") && !text_starts(v, vn, "本网") && !text_starts(v, vn, "http")) {
        const char *pv;
        size_t pn;

        if (paper_name(v, vn, &pv, &pn))
            set_source(p, pv, pn);
        else
            set_source(p, v, vn);
    }
    if (!p->source && n <= 120 && paper_name(s, n, &v, &vn))
        set_source(p, v, vn);
}

/* --------------------------------------------------------------- build */

/* A line that opens with a metadata label. */
static bool starts_with_meta(const char *s, size_t n)
{
    static const char *const keys[] = {"来源",     "來源",  "文章来源", "文章來源", "发布时间",
                                       "發布時間", "时间:", "時間:",    "时间：",   "時間："};

    for (size_t k = 0; k < ARRAY_SIZE(keys); k++)
        if (text_starts(s, n, keys[k]))
            return true;
    return false;
}

/* Lines i+1 … of kind more, joined to line i with a space. Returns the
 * number of lines used. */
static size_t join_more(const struct parser *p, size_t i, enum line_kind more, struct sbuf *out)
{
    size_t k = i + 1;

    sbuf_add(out, ltext(p, i), p->lines[i].len);
    while (k < p->nr && p->kinds[k] == more) {
        if (!p->feat[k].on[FEAT_PREV_COLUMN_CUT]) /* a column cuts words, a page phrases */
            sbuf_addch(out, ' ');
        sbuf_add(out, ltext(p, k), p->lines[k].len);
        k++;
    }
    return k - i;
}

/* The start of a caption glued before a paragraph (…某某法院 供图青柘县位于…):
 * the length up to its credit, or 0. */
static size_t glued_caption(const char *s, size_t n)
{
    static const char *const credits[] = {" 供图", " 攝", " 摄", " 供圖"};

    if (!memchr(s, ' ', n < 300 ? n : 300)) /* every credit starts with a space */
        return 0;
    for (size_t k = 0; k < ARRAY_SIZE(credits); k++) {
        const char *at = text_find(s, n < 300 ? n : 300, credits[k], strlen(credits[k]));
        size_t end;

        if (!at)
            continue;
        end = (size_t)(at - s) + strlen(credits[k]);
        /* a caption that says so (图为…) may hold a sentence before its credit */
        if (end + 6 < n && text_count(s, end) <= 90 &&
            (!text_find(s, end, "。", 3) || rules_caption_marker(s, end)))
            return end;
    }
    return 0;
}

static void body_line(struct parser *p, size_t i, const char *s, size_t n)
{
    const struct line *ln = &p->lines[i];
    bool starts_new = !p->para_open || p->para_complete || (p->doc.indent_mode && ln->indented) ||
                      ln->md_item ||
                      (i > 0 && p->kinds[i - 1] != KIND_BODY && p->kinds[i - 1] != KIND_PAGE_BODY &&
                       para_len(p) && p->kinds[i - 1] != KIND_CAPTION);

    if (starts_new) {
        size_t cap = glued_caption(s, n);

        flush_para(p);
        if (cap) {
            struct sbuf c = SBUF_INIT;

            clean_caption(s, cap, &c);
            add_caption(p, c.buf, c.len);
            sbuf_release(&c);
            s += cap;
            n -= cap;
        }
        p->para_open = true;
        p->para_off = p->text.len;
        if (!p->r->byline) {
            /* 本报讯（记者 江月 通讯员 秦川）4月8日，…: the byline opens the lead */
            struct sbuf sb = SBUF_INIT;

            if (rules_lead_byline(s, n, &sb))
                p->r->byline = sbuf_detach(&sb, NULL);
            sbuf_release(&sb);
        }
    }
    join_line(p, s, n);
    p->para_complete = p->feat[i].on[FEAT_CLOSES];
}

static void take_chrome(struct parser *p, size_t i)
{
    char d[11];

    if (p->feat[i].on[FEAT_BYLINE] && !p->r->byline) {
        /* a byline set above the headline */
        struct sbuf sb = SBUF_INIT;

        if (rules_byline(ltext(p, i), p->lines[i].len, true, &sb)) {
            sbuf_reset(&sb);
            clean_byline(ltext(p, i), p->lines[i].len, &sb);
        }
        /* 作者：uadmin names a CMS account, 作者：佚名 no one */
        if (sb.len && !nobody(sb.buf, sb.len)) {
            flush_para(p);
            add_block(p, BLOCK_BYLINE, 0, ltext(p, i), p->lines[i].len);
            p->r->byline = sbuf_detach(&sb, NULL);
        }
        sbuf_release(&sb);
    }
    sbuf_add(&p->chrome, ltext(p, i), p->lines[i].len);
    sbuf_addch(&p->chrome, '\n');
    if (p->feat[i].on[FEAT_META] || p->feat[i].on[FEAT_DATE_LINE] || p->feat[i].on[FEAT_FOOTER] ||
        p->kinds[i] == KIND_META) {
        take_meta(p, i);
    } else if (!p->r->date && i < 24 && i + 1 < p->nr && !p->feat[i].on[FEAT_RENDER_DATE] &&
               (p->feat[i + 1].on[FEAT_META] || p->feat[i + 1].on[FEAT_DATE_LINE] ||
                p->feat[i + 1].on[FEAT_NO_HAN]) &&
               date_across(p, i, d)) { /* //www.某某.cn20 / 14-11-10来源：… */
        p->r->date = xstrdup(d);
        flush_para(p);
        add_block(p, BLOCK_DATE, 0, d, strlen(d));
    } else if (!p->source) { /* 7月28日 《人民法院报》第8版 */
        const char *v;
        size_t vn;

        if (p->lines[i].len <= 120 && paper_name(ltext(p, i), p->lines[i].len, &v, &vn))
            set_source(p, v, vn);
    }
}

/*
 * Whether caption line i runs on into the caption line below it: a caption
 * never ends in a comma, and in a column a caption line as wide as the column
 * without a sentence's end was cut by it (图为…法官为村民讲解民法典，现场发放宣 /
 * 传资料).
 */
static bool caption_runs_on(const struct parser *p, size_t i)
{
    const char *s = ltext(p, i);
    size_t n = p->lines[i].len, chars = p->lines[i].f.nonblank;
    uint32_t last = text_last(s, n, true);

    if (p->kinds[i + 1] != KIND_CAPTION && p->kinds[i + 1] != KIND_PAGE_CAPTION)
        return false;
    /* a caption that shows its own start (12.jpg, ▲, 图2) is the next picture's */
    if (image_first(ltext(p, i + 1), p->lines[i + 1].len) || p->feat[i + 1].on[FEAT_CAPTION_MARK] ||
        p->feat[i + 1].on[FEAT_FIGURE_NUMBER])
        return false;
    if (last == 0xFF0C || last == ',' || last == 0x3001 || p->feat[i + 1].on[FEAT_CAPTION_RUNS_ON])
        return true;
    return p->doc.colwidth && chars * 100 >= p->doc.colwidth * 85 &&
           chars * 100 <= p->doc.colwidth * 130 && !text_is_sentence_end(last) &&
           !p->feat[i].on[FEAT_CAPTION_CREDIT] && !p->feat[i].on[FEAT_PLACEHOLDER];
}

/* The model from the kinds: fields, blocks and paragraphs, in text order. */
static void build(struct parser *p)
{
    struct report *r = p->r;

    for (size_t i = 0; i < p->nr;) {
        const struct line *ln = &p->lines[i];
        const char *s = ltext(p, i);
        size_t n = ln->len, used = 1;
        struct sbuf sb = SBUF_INIT;

        switch (p->kinds[i]) {
        case KIND_PAGE:
        case KIND_NOISE:
        case KIND_META:
        case KIND_FOOTER:
            take_chrome(p, i);
            break;
        case KIND_TITLE:
        case KIND_TITLE_MORE:
            if (r->title) {
                take_chrome(p, i);
                break;
            }
            flush_para(p);
            {
                struct sbuf raw = SBUF_INIT;

                used = join_more(p, i, KIND_TITLE_MORE, &raw);
                clean_title(raw.buf, raw.len, &sb);
                sbuf_release(&raw);
            }
            if (!sb.len) /* a tag alone (<span>, <p class=x>): page residue, no headline */
                break;
            set_field(&r->title, sb.buf, sb.len);
            add_block(p, BLOCK_TITLE, 0, sb.buf, sb.len);
            break;
        case KIND_SUBTITLE:
        case KIND_SUBTITLE_MORE:
            if (r->subtitle) { /* one deck to a report: a second is body */
                body_line(p, i, s, n);
                break;
            }
            flush_para(p);
            {
                struct sbuf raw = SBUF_INIT;

                used = join_more(p, i, KIND_SUBTITLE_MORE, &raw);
                without_html(raw.buf, raw.len, &sb);
                sbuf_release(&raw);
            }
            if (!sb.len) /* a tag alone (<span>, <p class=x>): page residue, no deck */
                break;
            set_field(&r->subtitle, sb.buf, sb.len);
            add_block(p, BLOCK_SUBTITLE, 0, sb.buf, sb.len);
            break;
        case KIND_BYLINE:
            if (p->feat[i].on[FEAT_META]) { /* 作者：X 发布时间：…: the metadata's rules */
                take_chrome(p, i);
                break;
            }
            flush_para(p);
            clean_byline(s, n, &sb);
            /* a byline with a role or an office beats a bare name taken
             * before it (a speaker's label) */
            if (r->byline && p->byline_bare && p->feat[i].on[FEAT_BYLINE]) {
                free(r->byline);
                r->byline = NULL;
            }
            if (!r->byline) {
                p->byline_bare = !p->feat[i].on[FEAT_BYLINE];
                r->byline = xstrndup(sb.buf, sb.len);
            }
            add_block(p, BLOCK_BYLINE, 0, s, n);
            break;
        case KIND_PART:
        case KIND_HEADING:
        case KIND_HEADING_MORE: {
            enum marker mark = p->kinds[i] == KIND_PART ? MARK_CHAPTER : p->feat[i].mark;
            int level = 0;

            used = join_more(p, i, KIND_HEADING_MORE, &sb);
            if (ln->md_depth) {
                level = ln->md_depth -
                        (p->doc.md_title_depth ? p->doc.md_title_depth : p->doc.md_min_depth - 1);
                level = level < 1 ? 1 : level;
                mark = MARK_MARKDOWN;
            }
            add_heading(p, mark, level, sb.buf, sb.len);
            break;
        }
        case KIND_CAPTION:
        case KIND_PAGE_CAPTION: {
            struct sbuf raw = SBUF_INIT;

            sbuf_add(&raw, s, n);
            while (i + used < p->nr && caption_runs_on(p, i + used - 1)) {
                sbuf_add(&raw, ltext(p, i + used), p->lines[i + used].len);
                used++;
            }
            clean_caption(raw.buf, raw.len, &sb);
            add_caption(p, sb.buf, sb.len);
            sbuf_release(&raw);
            break;
        }
        case KIND_SIGNOFF: {
            const char *open = s;

            if (p->feat[i].on[FEAT_SIGNOFF_GLUED]) {
                for (const char *q = s; q < s + n; q++)
                    if (*q == '(' || (q + 3 <= s + n && !memcmp(q, "（", 3)))
                        open = q;
                body_line(p, i, s, (size_t)(open - s));
            }
            flush_para(p);
            if (p->feat[i].on[FEAT_CLOSING_CREDIT] && !p->feat[i].on[FEAT_SIGNOFF]) {
                clean_byline(s, n, &sb); /* a closing credit, kept whole */
                if (!r->author)
                    r->author = xstrndup(sb.buf, sb.len);
                add_block(p, BLOCK_AUTHOR, 0, s, n);
            } else if (rules_signoff(open, (size_t)(s + n - open), &sb)) {
                if (!r->author)
                    r->author = xstrndup(sb.buf, sb.len);
                add_block(p, BLOCK_AUTHOR, 0, open, (size_t)(s + n - open));
            }
            break;
        }
        case KIND_BODY:
        case KIND_PAGE_BODY:
        default:
            if (i < 8 && starts_with_meta(s, n))
                take_meta(p, i); /* 文章来源:某某报 2025-08-19 近日，…: glued to the lead */
            body_line(p, i, s, n);
            break;
        }
        sbuf_release(&sb);
        i += used;
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

void report_prepare(void)
{
    rules_prepare();
    kinds_prepare();
    court_prepare();
}

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
    p.input = text;
    split_lines(&p, text, len);
    if (p.markdown && r->title) /* front matter gave the title */
        add_block(&p, BLOCK_TITLE, 0, r->title, strlen(r->title));
    classify(&p);
    if (skip & REPORT_EXPLAIN)
        r->explain = explain(&p);
    build(&p);
    assign_levels(&p);
    r->text = sbuf_detach(&p.text, &r->len);
    r->source = p.source;
    p.source = NULL;
    if (!(skip & REPORT_SKIP_COURTS))
        court_find_report(r, p.chrome.buf ? p.chrome.buf : "", p.chrome.len);

    sbuf_release(&p.clean);
    sbuf_release(&p.chrome);
    sbuf_release(&p.captions);
    free(p.feat);
    free(p.kinds);
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

void report_copy_courts(struct report *d, const struct report *r)
{
    d->main_court = r->main_court;
    d->nr_courts = d->alloc_courts = r->nr_courts;
    d->courts = xcalloc(r->nr_courts ? r->nr_courts : 1, sizeof(*d->courts));
    d->court_parent = xcalloc(r->nr_courts ? r->nr_courts : 1, sizeof(*d->court_parent));
    for (size_t i = 0; i < r->nr_courts; i++) {
        d->courts[i] = xstrdup(r->courts[i]);
        d->court_parent[i] = r->court_parent ? r->court_parent[i] : -1;
    }
}

/* r's path, fields and courts in a new report; the rest empty. */
static struct report *dup_head(const struct report *r)
{
    struct report *d = xcalloc(1, sizeof(*d));

    d->path = xstrdup(r->path);
    d->title = dup_or_null(r->title);
    d->subtitle = dup_or_null(r->subtitle);
    d->byline = dup_or_null(r->byline);
    d->date = dup_or_null(r->date);
    d->source = dup_or_null(r->source);
    d->author = dup_or_null(r->author);
    d->sum = r->sum;
    d->id = r->id;
    report_copy_courts(d, r);
    return d;
}

struct report *report_dup(const struct report *r)
{
    struct report *d = dup_head(r);

    d->text = xmalloc(r->len + 1);
    memcpy(d->text, r->text, r->len);
    d->text[r->len] = '\0';
    d->len = r->len;
    d->nr_blocks = d->alloc_blocks = r->nr_blocks;
    d->blocks = xmalloc((r->nr_blocks ? r->nr_blocks : 1) * sizeof(*d->blocks));
    memcpy(d->blocks, r->blocks, r->nr_blocks * sizeof(*d->blocks));
    d->explain = dup_or_null(r->explain);
    d->card = r->card;
    return d;
}

struct report *report_card(const struct report *r)
{
    struct report *d = dup_head(r);

    d->text = xstrdup("");
    d->card = true;
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
    free(r->explain);
    free(r->map);
    for (size_t i = 0; i < r->nr_courts; i++)
        free(r->courts[i]);
    free(r->courts);
    free(r->court_parent);
    free(r);
}
