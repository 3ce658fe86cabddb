/*
 * ui_info.c: the report's information overlay: its lines made from the
 * model and the file read again (report_file.h), drawn as an overlay.
 */
#include "ui_info.h"

#include <stdio.h>
#include <string.h>

#include "keys.h"
#include "report.h"
#include "report_file.h"
#include "ui_reader.h"
#include "ui_overlay.h"

static void field(struct sbuf *out, const char *label, const char *v)
{
    if (!v || !*v)
        return;
    sbuf_addf(out, "%s\t", label);
    sbuf_add_printable(out, v, strlen(v));
    sbuf_addch(out, '\n');
}

/* n with a comma every three digits, as sizes are read. */
static void add_count(struct sbuf *out, unsigned long long n)
{
    char d[32];
    int len = snprintf(d, sizeof(d), "%llu", n);

    for (int i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0)
            sbuf_addch(out, ',');
        sbuf_addch(out, d[i]);
    }
}

void ui_info_text(const struct report *r, const struct report_file *f, const char *why,
                  const struct info_place *place, struct sbuf *out)
{
    size_t chars = 0;

    field(out, "File", strcmp(r->path, "-") ? r->path : "standard input");
    field(out, "Title", r->title);
    field(out, "Date", r->date);
    field(out, "Source", r->source);
    field(out, "Byline", r->byline);
    field(out, "Author", r->author);
    for (size_t i = 0; i < r->nr_courts; i++) {
        const char *label = i ? "" : r->nr_courts > 1 ? "Courts" : "Court";

        sbuf_addf(out, "%s\t", label);
        sbuf_add_printable(out, r->courts[i], strlen(r->courts[i]));
        if (!i && r->main_court && r->nr_courts > 1)
            sbuf_addstr(out, " (mainly about)");
        sbuf_addch(out, '\n');
    }
    if (!r->nr_courts)
        sbuf_addstr(out, "Courts\tnone named\n");
    for (size_t i = 0; i < r->len; i++)
        chars += ((unsigned char)r->text[i] & 0xC0) != 0x80;
    if (f) {
        field(out, "Encoding", f->encoding);
        sbuf_addstr(out, "Size\t");
        add_count(out, f->stamp.size);
        sbuf_addstr(out, " bytes, ");
        add_count(out, f->lines);
        sbuf_addstr(out, f->lines == 1 ? " line; " : " lines; ");
    } else {
        field(out, "Encoding", why);
        sbuf_addstr(out, "Size\t");
    }
    add_count(out, chars);
    sbuf_addstr(out, " characters of text\n");
    sbuf_addf(out, "Position\t%d%%, line %zu on screen", place->percent, place->line);
    if (place->file_line)
        sbuf_addf(out, ", line %zu of the file", place->file_line);
    sbuf_addch(out, '\n');
}

void ui_info_open(struct ui_info *in, struct sbuf *text)
{
    sbuf_release(&in->text);
    in->text = *text;
    *text = (struct sbuf)SBUF_INIT;
    in->scroll = 0;
    in->fits = false;
    in->shown = true;
}

bool ui_info_shown(const struct ui_info *in)
{
    return in->shown;
}

bool ui_info_key(struct ui_info *in, int action)
{
    if (in->fits)
        action = ACT_NONE;
    if (action == ACT_DOWN) {
        in->scroll++;
        return true;
    }
    if (action == ACT_UP) {
        if (in->scroll)
            in->scroll--;
        return true;
    }
    in->shown = false;
    return false;
}

void ui_info_draw(struct ui_info *in)
{
    in->fits = ui_overlay_draw(" this report ", &in->text, 90, 11, &in->scroll,
                               "any key closes it (j/k scroll when it does not fit)");
}

void ui_info_release(struct ui_info *in)
{
    sbuf_release(&in->text);
    in->shown = false;
}

void ui_info_show(struct ui_info *in, const struct report *r, const char *encoding,
                  const struct reader *rd)
{
    struct info_place place = {0};
    struct sbuf text = SBUF_INIT;
    struct report_file f;
    struct err err;
    bool have = false;

    if (strcmp(r->path, "-"))
        have = report_file_read(&f, r->path, encoding, &err) == 0;
    else
        err_set(&err, "not known (read from standard input)");
    place.percent = ui_reader_percent(rd);
    place.line = ui_reader_top(rd) + 1;
    if (have)
        place.file_line = report_file_line(f.text, f.len, r->text, r->len, ui_reader_offset(rd));
    ui_info_text(r, have ? &f : NULL, have ? NULL : err.msg, &place, &text);
    ui_info_open(in, &text);
    if (have)
        report_file_release(&f);
}
