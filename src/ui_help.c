/*
 * ui_help.c: the help overlay: every action's keys as bound (the [keys]
 * section included) and what it does, scrolled with j and k, closed by any
 * other key.
 */
#include "ui_help.h"

#include <string.h>

#include "keys.h"
#include "ui_draw.h"
#include "util.h"

void ui_help_open(struct ui_help *hp)
{
    hp->shown = true;
    hp->scroll = 0;
}

bool ui_help_shown(const struct ui_help *hp)
{
    return hp->shown;
}

/* The lines of the help overlay, each "keys<TAB>what they do". */
static void help_lines(const struct keymap *keys, struct sbuf *out)
{
    for (int a = 0; a < NR_ACTIONS; a++) {
        if (a > ACT_SECTION_1 && a <= ACT_SECTION_9)
            continue; /* listed with section_1 */
        keys_names(keys, (enum action)a, out);
        if (a == ACT_SECTION_1) {
            sbuf_addstr(out, " … ");
            keys_names(keys, ACT_SECTION_9, out);
            sbuf_addstr(out, "\tgo to section 1 … 9\n");
            continue;
        }
        if (!keys->keys[a][0])
            sbuf_addstr(out, "(none)");
        sbuf_addf(out, "\t%s\n", keys_action_help((enum action)a));
    }
    sbuf_addstr(out, "mouse\tmouse = on: a click selects, the wheel scrolls\n");
    sbuf_addstr(out, "Esc\tend a selection without copying\n");
    sbuf_addstr(out, "-w N\tthe reader's column of text (config: reader_width)\n");
    sbuf_addstr(out, "◂ ▸\ton the line beside it: the focused pane\n");
    sbuf_addstr(out, "[court list: /…]\ta kept filter, on the status line (/ Esc clears)\n");
}

static size_t count_lines(const struct sbuf *sb)
{
    size_t n = 0;

    for (size_t i = 0; i < sb->len; i++)
        n += sb->buf[i] == '\n';
    return n;
}

void ui_help_draw(struct ui_help *hp, const struct keymap *keys)
{
    struct sbuf text = SBUF_INIT;
    int h = LINES - 2, w = COLS < 76 ? COLS : 76, keyw = 22;
    int y0 = 0, x0 = (COLS - w) / 2, rows;
    attr_t a = ui_attr(ROLE_HELP), border = ui_attr(ROLE_BORDER);
    WINDOW *win;
    size_t n, skip;
    const char *p;

    help_lines(keys, &text);
    n = count_lines(&text);
    if (h > (int)n + 3)
        h = (int)n + 3;
    y0 = (LINES - 2 - h) / 2;
    rows = h - 3;
    if (rows < 1)
        rows = 1;
    if (hp->scroll + (size_t)rows > n)
        hp->scroll = n > (size_t)rows ? n - (size_t)rows : 0;
    if (w < 40)
        keyw = w / 3;
    win = newwin(h, w, y0 < 0 ? 0 : y0, x0);
    for (int y = 0; y < h; y++)
        ui_draw_fill(win, y, 0, w, a);
    wattrset(win, border);
    box(win, 0, 0);
    wattrset(win, A_NORMAL);
    ui_draw_str(win, 0, 2, w - 4, " courtread keys ", border | A_BOLD);
    p = text.buf;
    skip = hp->scroll;
    for (int y = 1; y <= rows && p && *p;) {
        const char *nl = strchr(p, '\n'), *tab = memchr(p, '\t', (size_t)(nl - p));

        if (skip) {
            skip--;
        } else if (tab) {
            ui_draw_text(win, y, 2, keyw - 1, p, (size_t)(tab - p), a | A_BOLD);
            ui_draw_text(win, y, 2 + keyw, w - keyw - 4, tab + 1, (size_t)(nl - tab - 1), a);
            y++;
        }
        p = nl + 1;
    }
    ui_draw_str(win, h - 2, 2, w - 4, "j/k scroll · any other key closes", a | A_DIM);
    wnoutrefresh(win);
    delwin(win);
    sbuf_release(&text);
}

bool ui_help_key(struct ui_help *hp, enum action a)
{
    switch (a) {
    case ACT_DOWN:
        hp->scroll++;
        break;
    case ACT_UP:
        if (hp->scroll)
            hp->scroll--;
        break;
    case ACT_PAGE_DOWN:
        hp->scroll += 10;
        break;
    case ACT_PAGE_UP:
        hp->scroll = hp->scroll > 10 ? hp->scroll - 10 : 0;
        break;
    default:
        hp->shown = false;
        return false;
    }
    return true;
}
