/*
 * ui_status.c: the status line and the message line (or the prompt drawn
 * on it). Owns the message's text; what the status line says is given.
 */
#include "ui_status.h"

#include <stdarg.h>
#include <string.h>
#include <unistr.h>

#include "keys.h"
#include "prompt.h"
#include "report.h"

void ui_status_say(struct ui_status *st, const char *fmt, ...)
{
    va_list ap;

    sbuf_reset(&st->msg);
    va_start(ap, fmt);
    sbuf_vaddf(&st->msg, fmt, ap);
    va_end(ap);
}

void ui_status_add(struct ui_status *st, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    sbuf_vaddf(&st->msg, fmt, ap);
    va_end(ap);
}

void ui_status_clear(struct ui_status *st)
{
    sbuf_reset(&st->msg);
}

const char *ui_status_said(const struct ui_status *st)
{
    return st->msg.len ? st->msg.buf : "";
}

void ui_status_place(struct ui_status *st, int lines, int cols)
{
    ui_pane_place(&st->status, lines - 2, 0, 1, cols);
    ui_pane_place(&st->message, lines - 1, 0, 1, cols);
}

void ui_status_hide(struct ui_status *st)
{
    ui_pane_hide(&st->status);
    ui_pane_hide(&st->message);
}

void ui_status_draw(struct ui_status *st, const struct status_info *info)
{
    WINDOW *w = st->status.win;
    attr_t a = ui_attr(ROLE_STATUS);
    struct sbuf left = SBUF_INIT, right = SBUF_INIT;
    const struct report *r = info->report;
    int rw;

    /* first, where it is never cut off: a search going on, and a filtered
     * list that looks whole */
    if (info->progress)
        sbuf_addf(&left, " [%s]", info->progress);
    for (int i = 0; i < 2; i++)
        if (info->filter[i])
            sbuf_addf(&left, " [%s: /%s]", i ? "outline" : "court list", info->filter[i]);
    if (r) {
        long sec = info->section;

        sbuf_addf(&left, " %s · %s", info->court, r->title ? r->title : r->path);
        if (sec >= 0) {
            sbuf_addstr(&left, " · ");
            sbuf_add(&left, report_block_text(r, &r->blocks[sec]), r->blocks[sec].len);
        }
    } else {
        sbuf_addstr(&left, " no report open");
    }
    if (info->pending && *info->pending)
        sbuf_addf(&right, "%s…  ", info->pending);
    if (info->match >= 0)
        sbuf_addf(&right, "%ld/%zu  ", info->match + 1, info->matches);
    if (r)
        sbuf_addf(&right, "%3d%%  ", info->percent);
    if (info->help_key) {
        keys_name(info->help_key, &right);
        sbuf_addstr(&right, " help ");
    }
    rw = ui_text_cols(right.buf, right.len);
    ui_draw_fill(w, 0, 0, st->status.w, a);
    ui_draw_text(w, 0, 0, st->status.w - rw - 1, left.buf, left.len, a);
    if (rw < st->status.w)
        ui_draw_text(w, 0, st->status.w - rw, rw, right.buf, right.len, a);
    wnoutrefresh(w);
    sbuf_release(&left);
    sbuf_release(&right);
}

static void draw_prompt(struct ui_status *st, WINDOW *w, attr_t a, const char *lead,
                        const struct prompt *p)
{
    const struct sbuf *t = &p->text;
    int lw = ui_text_cols(lead, strlen(lead)), room = st->message.w - lw - 1;
    size_t from = 0;

    while (from < p->cursor && ui_text_cols(t->buf + from, p->cursor - from) > room)
        from += (size_t)u8_mblen((const uint8_t *)t->buf + from, t->len - from) > 0
                    ? (size_t)u8_mblen((const uint8_t *)t->buf + from, t->len - from)
                    : 1;
    ui_draw_str(w, 0, 0, st->message.w, lead, a | A_BOLD);
    ui_draw_text(w, 0, lw, room, t->buf + from, t->len - from, a);
    wmove(w, 0, lw + ui_text_cols(t->buf + from, p->cursor - from));
}

void ui_status_draw_message(struct ui_status *st, const char *lead, const struct prompt *p)
{
    WINDOW *w = st->message.win;
    attr_t a = ui_attr(ROLE_MESSAGE);

    ui_draw_fill(w, 0, 0, st->message.w, a);
    if (p)
        draw_prompt(st, w, a, lead, p);
    else if (st->msg.len)
        ui_draw_text(w, 0, 0, st->message.w, st->msg.buf, st->msg.len, a);
    curs_set(p ? 1 : 0);
    wnoutrefresh(w);
}

void ui_status_release(struct ui_status *st)
{
    ui_status_hide(st);
    sbuf_release(&st->msg);
}
