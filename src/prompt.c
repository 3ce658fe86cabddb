/*
 * prompt.c: the bottom line's editor. Edits by characters as the reader
 * sees them (a base and its combining marks move and go together).
 */
#include "prompt.h"

#include <string.h>
#include <unistr.h>

#include "keys.h"
#include "state.h"
#include "width.h"

void prompt_init(struct prompt *p, const struct state_history *h)
{
    memset(p, 0, sizeof(*p));
    sbuf_addstr(&p->text, ""); /* buf is never NULL */
    sbuf_addstr(&p->typed, "");
    p->history = h;
    p->hist_pos = h ? h->nr : 0;
}

void prompt_release(struct prompt *p)
{
    sbuf_release(&p->text);
    sbuf_release(&p->typed);
}

/* The byte after the character (with its marks) at i. */
static size_t next_char(const struct sbuf *t, size_t i)
{
    if (i >= t->len)
        return t->len;
    do {
        i++;
        while (i < t->len && ((unsigned char)t->buf[i] & 0xC0) == 0x80)
            i++;
    } while (width_joins_at(t->buf, t->len, i));
    return i;
}

/* The start of the character (with its marks) before i. */
static size_t prev_char(const struct sbuf *t, size_t i)
{
    while (i > 0) {
        i--;
        while (i > 0 && ((unsigned char)t->buf[i] & 0xC0) == 0x80)
            i--;
        if (!width_joins_at(t->buf, t->len, i))
            break;
    }
    return i;
}

static void cut(struct prompt *p, size_t from, size_t to)
{
    memmove(p->text.buf + from, p->text.buf + to, p->text.len - to + 1);
    p->text.len -= to - from;
    p->cursor = from;
}

static void set_text(struct prompt *p, const char *s)
{
    sbuf_reset(&p->text);
    sbuf_addstr(&p->text, s);
    p->cursor = p->text.len;
}

/* Walk the history by dir (-1 older, 1 newer). */
static enum prompt_result walk(struct prompt *p, int dir)
{
    const struct state_history *h = p->history;

    if (!h || (dir < 0 && p->hist_pos == 0) || (dir > 0 && p->hist_pos >= h->nr))
        return PROMPT_IGNORED;
    if (p->hist_pos == h->nr) { /* leaving the line being typed: keep it */
        sbuf_reset(&p->typed);
        sbuf_addstr(&p->typed, p->text.buf);
    }
    p->hist_pos = dir < 0 ? p->hist_pos - 1 : p->hist_pos + 1;
    set_text(p, p->hist_pos == h->nr ? p->typed.buf : h->v[p->hist_pos]);
    return PROMPT_EDITED;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

enum prompt_result prompt_key(struct prompt *p, int key)
{
    size_t i;

    switch (key) {
    case '\n':
        return PROMPT_ACCEPT;
    case 0x1b:
    case 7: /* C-g */
        return PROMPT_CANCEL;
    case KEYC_LEFT:
        if (!p->cursor)
            return PROMPT_IGNORED;
        p->cursor = prev_char(&p->text, p->cursor);
        return PROMPT_MOVED;
    case KEYC_RIGHT:
        if (p->cursor >= p->text.len)
            return PROMPT_IGNORED;
        p->cursor = next_char(&p->text, p->cursor);
        return PROMPT_MOVED;
    case KEYC_HOME:
    case 1: /* C-a */
        p->cursor = 0;
        return PROMPT_MOVED;
    case KEYC_END:
    case 5: /* C-e */
        p->cursor = p->text.len;
        return PROMPT_MOVED;
    case KEYC_BACKSPACE:
    case 8: /* C-h */
        if (!p->cursor)
            return PROMPT_IGNORED;
        cut(p, prev_char(&p->text, p->cursor), p->cursor);
        return PROMPT_EDITED;
    case KEYC_DELETE:
        if (p->cursor >= p->text.len)
            return PROMPT_IGNORED;
        cut(p, p->cursor, next_char(&p->text, p->cursor));
        return PROMPT_EDITED;
    case 21: /* C-u */
        if (!p->cursor)
            return PROMPT_IGNORED;
        cut(p, 0, p->cursor);
        return PROMPT_EDITED;
    case 23: /* C-w: the spaces before the cursor, then the word */
        i = p->cursor;
        while (i && is_space(p->text.buf[i - 1]))
            i--;
        while (i && !is_space(p->text.buf[i - 1]))
            i--;
        if (i == p->cursor)
            return PROMPT_IGNORED;
        cut(p, i, p->cursor);
        return PROMPT_EDITED;
    case KEYC_UP:
        return walk(p, -1);
    case KEYC_DOWN:
        return walk(p, 1);
    default:
        break;
    }
    if (key >= 0x20 && key != 0x7F && key < KEYC_BASE && !(key >= 0x80 && key < 0xA0)) {
        uint8_t buf[6];
        int n = u8_uctomb(buf, (ucs4_t)key, (int)sizeof(buf));

        if (n <= 0)
            return PROMPT_IGNORED;
        sbuf_grow(&p->text, (size_t)n);
        memmove(p->text.buf + p->cursor + n, p->text.buf + p->cursor, p->text.len - p->cursor + 1);
        memcpy(p->text.buf + p->cursor, buf, (size_t)n);
        p->text.len += (size_t)n;
        p->cursor += (size_t)n;
        return PROMPT_EDITED;
    }
    return PROMPT_IGNORED;
}
