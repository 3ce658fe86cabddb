/*
 * ui_copy.c: the clipboard: a paragraph or section of the open report,
 * headed by its title and court, sent to the terminal with OSC 52 (which
 * reaches the clipboard of the terminal the user sits at, over SSH too).
 * Writes to the terminal directly; draws nothing.
 */
#include "ui_copy.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "report.h"
#include "ui_reader.h"
#include "ui_status.h"
#include "util.h"

static void base64(const char *s, size_t n, struct sbuf *out)
{
    static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const unsigned char *p = (const unsigned char *)s;

    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) |
                     (i + 2 < n ? p[i + 2] : 0);
        char q[4] = {tab[v >> 18 & 63], tab[v >> 12 & 63], i + 1 < n ? tab[v >> 6 & 63] : '=',
                     i + 2 < n ? tab[v & 63] : '='};

        sbuf_add(out, q, 4);
    }
}

void ui_copy(const struct reader *rd, const char *court, bool section, struct ui_status *st)
{
    const struct report *r = ui_reader_report(rd);
    struct sbuf text = SBUF_INIT, seq = SBUF_INIT;
    size_t from, to, chars = 0;

    if (!r)
        return;
    if (section) {
        long h = ui_reader_section(rd);
        int level = h >= 0 ? r->blocks[h].level : 0;

        from = h >= 0 ? (size_t)h : 0;
        to = from + 1;
        while (to < r->nr_blocks &&
               !(r->blocks[to].kind == BLOCK_HEADING && (h < 0 || r->blocks[to].level <= level)))
            to++;
    } else {
        long p = ui_reader_paragraph(rd);

        if (p < 0) {
            ui_status_say(st, "No paragraph here to copy");
            return;
        }
        from = (size_t)p;
        to = from + 1;
    }
    sbuf_addf(&text, "%s\n%s\n", r->title ? r->title : r->path, court);
    for (size_t b = from; b < to; b++) {
        sbuf_addch(&text, '\n');
        sbuf_add(&text, report_block_text(r, &r->blocks[b]), r->blocks[b].len);
        sbuf_addch(&text, '\n');
    }
    for (size_t i = 0; i < text.len; i++)
        chars += ((unsigned char)text.buf[i] & 0xC0) != 0x80;
    sbuf_addstr(&seq, "\033]52;c;");
    base64(text.buf, text.len, &seq);
    sbuf_addstr(&seq, "\a");
    fflush(stdout);
    if (write(STDOUT_FILENO, seq.buf, seq.len) == (ssize_t)seq.len)
        ui_status_say(st, "Copied the %s (%zu characters) to the clipboard",
                      section ? "section" : "paragraph", chars);
    else
        ui_status_say(st, "courtread: cannot write to the terminal: %s", strerror(errno));
    sbuf_release(&text);
    sbuf_release(&seq);
}
