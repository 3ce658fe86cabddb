/*
 * ui_help.c: the help overlay: every action's keys as bound (the [keys]
 * section included) and what it does, scrolled with j and k, closed by any
 * other key.
 */
#include "ui_help.h"

#include <string.h>

#include "keys.h"
#include "ui_draw.h"
#include "ui_overlay.h"
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
    sbuf_addstr(out, "Esc C-c\tcancel a prompt, the list, a filter, a count\n");
    sbuf_addstr(out, "mouse\tmouse = on: a click selects, the wheel scrolls\n");
    sbuf_addstr(out, "Esc\tend a selection without copying\n");
    sbuf_addstr(out, "-w N\tthe reader's column of text (config: reader_width)\n");
    sbuf_addstr(out, "◂ ▸\ton the line beside it: the focused pane\n");
    sbuf_addstr(out, "[court list: /…]\ta kept filter, on the status line (/ Esc clears)\n");
    /* in the search prompts, which take keys as typed, not as bound */
    sbuf_addstr(out, "C-r (in / ? s)\tsearch text ↔ regular expression (shown: Regex /)\n");
    sbuf_addstr(out, "n N (after s)\tpast a report's last match, on to the next report's\n");
    sbuf_addstr(out, "Esc C-c (after s)\tstop the search of all reports going on\n");
}

void ui_help_draw(struct ui_help *hp, const struct keymap *keys)
{
    struct sbuf text = SBUF_INIT;

    help_lines(keys, &text);
    ui_overlay_draw(" courtread keys ", &text, 76, 22, &hp->scroll,
                    "j/k scroll · any other key closes");
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
