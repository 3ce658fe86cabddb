/*
 * outline.c: the --outline format. One field per line, in a fixed order; a
 * field appears only when the report has it. Values never contain a tab or a
 * newline.
 */
#include "outline.h"

#include <string.h>

#include "report.h"
#include "util.h"

/* Add a value with tabs and newlines turned into spaces. */
static void add_value(struct sbuf *out, const char *s, size_t n)
{
    char *o;

    sbuf_grow(out, n);
    o = out->buf + out->len;
    for (size_t i = 0; i < n; i++)
        o[i] = s[i] == '\t' || s[i] == '\n' ? ' ' : s[i];
    out->len += n;
    out->buf[out->len] = '\0';
}

static void field(struct sbuf *out, const char *name, const char *value)
{
    if (!value)
        return;
    sbuf_addstr(out, name);
    sbuf_addch(out, '\t');
    add_value(out, value, strlen(value));
    sbuf_addch(out, '\n');
}

/* "section<TAB>LEVEL<TAB>": the level is one digit (1 or 2, a Markdown depth
 * up to 6), written without printf, which costs more than the rest of the
 * outline. */
static void section_label(struct sbuf *out, int level)
{
    if (level < 0 || level > 9) {
        sbuf_addf(out, "section\t%d\t", level);
        return;
    }
    sbuf_addstr(out, "section\t");
    sbuf_addch(out, (char)('0' + level));
    sbuf_addch(out, '\t');
}

/* About the bytes the outline of r takes: its blocks and fields, so that
 * the buffer is made once. */
static size_t outline_size(const struct report *r)
{
    const char *fields[] = {r->title, r->subtitle, r->byline, r->date, r->source, r->author};
    size_t n = 0;

    for (size_t i = 0; i < ARRAY_SIZE(fields); i++)
        n += fields[i] ? strlen(fields[i]) + 16 : 0;
    for (size_t i = 0; i < r->nr_courts; i++)
        n += strlen(r->courts[i]) + 8;
    for (size_t i = 0; i < r->nr_blocks; i++)
        if (r->blocks[i].kind == BLOCK_CAPTION || r->blocks[i].kind == BLOCK_HEADING)
            n += r->blocks[i].len + 16;
    return n;
}

void outline_format(const struct report *r, struct sbuf *out)
{
    sbuf_grow(out, outline_size(r));
    field(out, "title", r->title);
    field(out, "subtitle", r->subtitle);
    field(out, "byline", r->byline);
    field(out, "date", r->date);
    field(out, "source", r->source);
    for (size_t i = 0; i < r->nr_courts; i++)
        field(out, "court", r->courts[i]);
    for (size_t i = 0; i < r->nr_blocks; i++) {
        const struct block *b = &r->blocks[i];

        if (b->kind != BLOCK_CAPTION)
            continue;
        sbuf_addstr(out, "caption\t");
        add_value(out, report_block_text(r, b), b->len);
        sbuf_addch(out, '\n');
    }
    for (size_t i = 0; i < r->nr_blocks; i++) {
        const struct block *b = &r->blocks[i];

        if (b->kind != BLOCK_HEADING)
            continue;
        section_label(out, b->level);
        add_value(out, report_block_text(r, b), b->len);
        sbuf_addch(out, '\n');
    }
    field(out, "author", r->author);
}
