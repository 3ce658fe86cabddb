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
    size_t start = out->len;

    sbuf_add(out, s, n);
    for (size_t i = start; i < out->len; i++)
        if (out->buf[i] == '\t' || out->buf[i] == '\n')
            out->buf[i] = ' ';
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

void outline_format(const struct report *r, struct sbuf *out)
{
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
        sbuf_addf(out, "section\t%d\t", b->level);
        add_value(out, report_block_text(r, b), b->len);
        sbuf_addch(out, '\n');
    }
    field(out, "author", r->author);
}
