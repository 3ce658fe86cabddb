/*
 * keys.c: key names, default bindings and the lookup from a key to its
 * action. Pure data and strings: no curses (the UI maps its key codes to
 * the KEYC_* values first).
 */
#include "keys.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unitypes.h>
#include <unistr.h>

#include "util.h"

static const struct {
    const char *name, *keys, *help;
} actions[NR_ACTIONS] = {
#define KEY_ROW(id, name, keys, help) {name, keys, help},
    KEY_ACTIONS(KEY_ROW)
#undef KEY_ROW
};

/* Keys with names; the first name of each is the one keys_name() gives. */
static const struct {
    const char *name;
    int key;
} named[] = {
    {"Space", ' '},
    {"Enter", '\n'},
    {"Return", '\n'},
    {"Tab", '\t'},
    {"Esc", 0x1b},
    {"Escape", 0x1b},
    {"S-Tab", KEYC_BTAB},
    {"BTab", KEYC_BTAB},
    {"Up", KEYC_UP},
    {"Down", KEYC_DOWN},
    {"Left", KEYC_LEFT},
    {"Right", KEYC_RIGHT},
    {"PgUp", KEYC_PGUP},
    {"PageUp", KEYC_PGUP},
    {"PPage", KEYC_PGUP},
    {"PgDn", KEYC_PGDN},
    {"PageDown", KEYC_PGDN},
    {"NPage", KEYC_PGDN},
    {"Home", KEYC_HOME},
    {"End", KEYC_END},
    {"Backspace", KEYC_BACKSPACE},
    {"BSpace", KEYC_BACKSPACE},
    {"Delete", KEYC_DELETE},
    {"DC", KEYC_DELETE},
};

/* What names a key typed after Esc; the first is the one keys_name() gives. */
static const char *const meta_prefix[] = {"M-", "Alt-", "Esc-", "Meta-"};

enum action keys_action(const char *name)
{
    for (int a = 0; a < NR_ACTIONS; a++)
        if (!strcasecmp(name, actions[a].name))
            return (enum action)a;
    return ACT_NONE;
}

const char *keys_action_name(enum action a)
{
    return a >= 0 && a < NR_ACTIONS ? actions[a].name : "";
}

const char *keys_action_help(enum action a)
{
    return a >= 0 && a < NR_ACTIONS ? actions[a].help : "";
}

int keys_parse(const char *name)
{
    size_t len = strlen(name);
    ucs4_t c;

    if (!len)
        return -1;
    /* M-x, Alt-x, Esc-x: x after Esc */
    for (size_t i = 0; i < ARRAY_SIZE(meta_prefix); i++) {
        size_t n = strlen(meta_prefix[i]);

        if (len > n && !strncasecmp(name, meta_prefix[i], n)) {
            int key = keys_parse(name + n);

            return key < 0 || key & KEYC_META ? -1 : KEYC_META | key;
        }
    }
    for (size_t i = 0; i < ARRAY_SIZE(named); i++)
        if (!strcasecmp(name, named[i].name))
            return named[i].key;
    /* F1 .. F12 */
    if ((name[0] == 'F' || name[0] == 'f') && len >= 2 && len <= 3) {
        int n = 0;

        for (size_t i = 1; i < len; i++)
            n = name[i] >= '0' && name[i] <= '9' ? n * 10 + (name[i] - '0') : -1000;
        if (n >= 1 && n <= 12)
            return KEYC_F1 + n - 1;
    }
    /* C-x, Ctrl-x, ^x: a control character */
    {
        const char *x = NULL;

        if ((!strncasecmp(name, "C-", 2) && len == 3))
            x = name + 2;
        else if (!strncasecmp(name, "Ctrl-", 5) && len == 6)
            x = name + 5;
        else if (name[0] == '^' && len == 2)
            x = name + 1;
        if (x) {
            char ch = *x >= 'A' && *x <= 'Z' ? (char)(*x + 32) : *x;

            if (ch >= 'a' && ch <= 'z')
                return ch - 'a' + 1;
            return -1;
        }
    }
    /* one printable character, ASCII or not */
    if ((size_t)u8_mbtouc(&c, (const uint8_t *)name, len) == len && c != 0xFFFD && c >= 0x20 &&
        c != 0x7F)
        return (int)c;
    return -1;
}

void keys_name(int key, struct sbuf *out)
{
    if (key > 0 && key & KEYC_META) {
        sbuf_addstr(out, meta_prefix[0]);
        key &= ~KEYC_META;
    }
    for (size_t i = 0; i < ARRAY_SIZE(named); i++)
        if (named[i].key == key) {
            sbuf_addstr(out, named[i].name);
            return;
        }
    if (key >= KEYC_F1 && key <= KEYC_F12) {
        sbuf_addf(out, "F%d", key - KEYC_F1 + 1);
    } else if (key >= 1 && key <= 26) {
        sbuf_addf(out, "C-%c", 'a' + key - 1);
    } else if (key >= 0x20 && key < KEYC_BASE) {
        uint8_t buf[6];
        int n = u8_uctomb(buf, (ucs4_t)key, (int)sizeof(buf));

        if (n > 0)
            sbuf_add(out, (const char *)buf, (size_t)n);
    } else {
        sbuf_addf(out, "<%d>", key);
    }
}

void keys_names(const struct keymap *m, enum action a, struct sbuf *out)
{
    for (int i = 0; i < KEYS_PER_ACTION && m->keys[a][i]; i++) {
        if (i)
            sbuf_addch(out, ' ');
        keys_name(m->keys[a][i], out);
    }
}

/* Split spec into keys; -1 with why set when a name is not a key. */
static int parse_spec(const char *spec, int *keys, char *why, size_t n)
{
    char buf[64];
    int nr = 0;

    for (const char *p = spec; *p;) {
        size_t len;
        int key;

        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        len = strcspn(p, " \t");
        if (len >= sizeof(buf)) {
            snprintf(why, n, "'%.20s…' is not a key", p);
            return -1;
        }
        memcpy(buf, p, len);
        buf[len] = '\0';
        key = keys_parse(buf);
        if (key < 0) {
            snprintf(why, n, "'%s' is not a key", buf);
            return -1;
        }
        if (nr == KEYS_PER_ACTION) {
            snprintf(why, n, "at most %d keys per action", KEYS_PER_ACTION);
            return -1;
        }
        keys[nr++] = key;
        p += len;
    }
    if (!nr) {
        snprintf(why, n, "no keys given");
        return -1;
    }
    return nr;
}

/* Take key away from every action but keep. */
static void unbind_key(struct keymap *m, int key, enum action keep)
{
    for (int a = 0; a < NR_ACTIONS; a++) {
        int *k = m->keys[a], w = 0;

        if (a == (int)keep)
            continue;
        for (int r = 0; r < KEYS_PER_ACTION && k[r]; r++)
            if (k[r] != key)
                k[w++] = k[r];
        while (w < KEYS_PER_ACTION)
            k[w++] = 0;
    }
}

/* Why key can never reach an action, or NULL when it can: the terminal
 * acts on it first, or sends it as another key. */
static const char *unbindable(int key)
{
    switch (key) {
    case 'c' - 'a' + 1:
        return "the terminal turns it into an interrupt (SIGINT), and it cancels a prompt";
    case 'z' - 'a' + 1:
        return "the terminal turns it into a suspend (SIGTSTP)";
    case 'm' - 'a' + 1:
        return "the terminal sends it as Enter; bind Enter";
    default:
        return NULL;
    }
}

int keys_bind(struct keymap *m, enum action a, const char *spec, char *why, size_t n)
{
    int keys[KEYS_PER_ACTION];
    int nr = parse_spec(spec, keys, why, n);

    if (nr < 0)
        return -1;
    for (int i = 0; i < nr; i++) {
        const char *no = unbindable(keys[i]);

        if (no) {
            struct sbuf name = SBUF_INIT;

            keys_name(keys[i], &name);
            snprintf(why, n, "%s cannot be bound: %s", name.buf, no);
            sbuf_release(&name);
            return -1;
        }
    }
    memset(m->keys[a], 0, sizeof(m->keys[a]));
    for (int i = 0; i < nr; i++) {
        unbind_key(m, keys[i], a);
        m->keys[a][i] = keys[i];
    }
    return 0;
}

void keys_init(struct keymap *m)
{
    char why[128];

    memset(m, 0, sizeof(*m));
    for (int a = 0; a < NR_ACTIONS; a++)
        if (parse_spec(actions[a].keys, m->keys[a], why, sizeof(why)) < 0)
            die("key table: %s: %s", actions[a].name, why); /* a bug in KEY_ACTIONS */
}

enum action keys_lookup(const struct keymap *m, int key)
{
    for (int a = 0; a < NR_ACTIONS; a++)
        for (int i = 0; i < KEYS_PER_ACTION && m->keys[a][i]; i++)
            if (m->keys[a][i] == key)
                return (enum action)a;
    return ACT_NONE;
}
