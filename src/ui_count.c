/*
 * ui_count.c: the number typed before a key (the 50 of "50%"). Pure state:
 * the dispatcher (ui.c) decides which keys are digits and what the count
 * does.
 */
#include "ui_count.h"

#include "util.h"

void ui_count_digit(struct ui_count *c, int d, struct position here)
{
    if (!c->on) {
        c->on = true;
        c->n = 0;
        c->from = here;
    }
    if (c->n <= (UI_COUNT_MAX - (unsigned long)d) / 10)
        c->n = c->n * 10 + (unsigned long)d;
    else
        c->n = UI_COUNT_MAX;
}

bool ui_count_take(struct ui_count *c, unsigned long *n, struct position *from)
{
    if (!c->on)
        return false;
    *n = c->n;
    *from = c->from;
    c->on = false;
    return true;
}

bool ui_count_clear(struct ui_count *c)
{
    bool was = c->on;

    c->on = false;
    return was;
}

void ui_count_show(const struct ui_count *c, struct sbuf *out)
{
    if (c->on)
        sbuf_addf(out, "%lu", c->n);
}
