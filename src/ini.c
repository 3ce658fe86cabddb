/*
 * ini.c: INI files read line by line into iniparser's dictionary (its
 * getters do the rest), forgiving a bad line where iniparser refuses the
 * whole file, and the line of every key kept for the messages that name it.
 */
#include "ini.h"

#include <iniparser.h>
#include <ctype.h>
#include <dictionary.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

/*
 * Where each key and section of the file last loaded is set: "section:key"
 * (lower case, as iniparser keys them) and "section", each with its first
 * line, in an open-addressing table made in one pass when the file is
 * loaded, so a message per key costs a lookup (a file of 40,000 unknown
 * keys was quadratic when each message read the file again).
 */
static struct {
    char *path;
    char **key;
    int *line;
    size_t cap;
} lines;

static size_t key_hash(const char *s, size_t n)
{
    size_t h = 5381;

    for (size_t i = 0; i < n; i++)
        h = h * 33 + (unsigned char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
    return h;
}

static void lines_forget(void)
{
    for (size_t i = 0; i < lines.cap; i++)
        free(lines.key[i]);
    free(lines.key);
    free(lines.line);
    free(lines.path);
    memset(&lines, 0, sizeof(lines));
}

/* Remember key (n bytes, lower-cased here) at line unless it is already
 * known: iniparser keeps the last value, but the first line is where a user
 * looks, and either names the key. */
static void lines_add(const char *key, size_t n, int line, size_t *used)
{
    size_t i;

    if (2 * (*used + 1) > lines.cap) { /* grow, and place the known keys again */
        size_t old = lines.cap;
        char **k = lines.key;
        int *l = lines.line;

        lines.cap = old ? 2 * old : 64;
        lines.key = xcalloc(lines.cap, sizeof(*lines.key));
        lines.line = xcalloc(lines.cap, sizeof(*lines.line));
        for (size_t j = 0; j < old; j++)
            if (k[j]) {
                for (i = key_hash(k[j], strlen(k[j])) & (lines.cap - 1); lines.key[i];
                     i = (i + 1) & (lines.cap - 1))
                    ;
                lines.key[i] = k[j];
                lines.line[i] = l[j];
            }
        free(k);
        free(l);
    }
    for (i = key_hash(key, n) & (lines.cap - 1); lines.key[i]; i = (i + 1) & (lines.cap - 1))
        if (strlen(lines.key[i]) == n && !strncasecmp(lines.key[i], key, n))
            return;
    lines.key[i] = xstrndup(key, n);
    for (char *c = lines.key[i]; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c + 32);
    lines.line[i] = line;
    (*used)++;
}

/* A colour written #rgb or #rrggbb at s (up to e), ending the value or
 * followed by a blank or ';': not the comment '#' otherwise starts. */
static bool hex_colour_at(const char *s, const char *e)
{
    size_t n = 0;

    while (s + 1 + n < e && isxdigit((unsigned char)s[1 + n]))
        n++;
    return (n == 3 || n == 6) &&
           (s + 1 + n == e || s[1 + n] == ' ' || s[1 + n] == '\t' || s[1 + n] == ';');
}

/* Where the value in [v, e) ends: at a ';' or at a '#' that does not start a
 * colour (a comment), else at e; the blanks before are left out. */
static const char *value_end(const char *v, const char *e)
{
    const char *p = v;

    while (p < e && *p != ';' && (*p != '#' || hex_colour_at(p, e)))
        p++;
    while (p > v && (p[-1] == ' ' || p[-1] == '\t'))
        p--;
    return p;
}

/* At most this many bytes of a bad line go into its message. */
#define QUOTE_MAX 48

/* "PATH:LINE: 'the line': why", the line cut short (at a character) when
 * long; msgs_add() makes it printable. */
static void bad_line(struct msgs *msgs, const char *path, int line, const char *why, const char *s,
                     const char *e)
{
    size_t n = (size_t)(e - s);
    const char *more = "";

    if (n > QUOTE_MAX) {
        n = QUOTE_MAX;
        while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        more = "…";
    }
    msgs_add(msgs, "%s:%d: '%.*s%s': %s", path, line, (int)n, s, more, why);
}

/* Append n bytes of s to sb, lower-cased (iniparser's names are). */
static void add_lower(struct sbuf *sb, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sbuf_addch(sb, s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i]);
}

/* [s, end) without the blanks at either end. */
static void trim(const char **s, const char **end)
{
    while (*s < *end && (**s == ' ' || **s == '\t'))
        (*s)++;
    while (*end > *s && ((*end)[-1] == ' ' || (*end)[-1] == '\t' || (*end)[-1] == '\r'))
        (*end)--;
}

/* A [section] line s..end: its name into section; -1 when it is not one. */
static int section_line(const char *s, const char *end, struct sbuf *section)
{
    const char *close = memchr(s, ']', (size_t)(end - s)), *name = s + 1, *after;

    if (!close)
        return -1;
    after = close + 1;
    trim(&name, &close);
    trim(&after, &end);
    if (close == name || (after < end && *after != ';' && *after != '#'))
        return -1;
    /* section:key is how iniparser names a key: [keys:quit] would be taken
     * for the key quit of [keys], with no value */
    if (memchr(name, ':', (size_t)(close - name)))
        return -1;
    sbuf_reset(section);
    add_lower(section, name, (size_t)(close - name));
    return 0;
}

/*
 * Parse text into d, one line at a time, as iniparser reads a file (names
 * lower-cased, values unquoted, ';' and '#' start comments, but a colour
 * #rrggbb is a value) but forgiving: a line that is none of a [section], a
 * key = value or a comment is a message naming its line and is skipped, and
 * the rest of the file still applies. Every [section] and section:key goes
 * into the index of lines too.
 */
static void parse(dictionary *d, const char *path, const char *text, size_t n, struct msgs *msgs)
{
    struct sbuf section = SBUF_INIT, key = SBUF_INIT, value = SBUF_INIT;
    bool in_section = false; /* a good [section] is open: keys go into it */
    size_t used = 0;
    int line = 0;

    for (const char *p = text, *e; p < text + n; p = e + 1) {
        const char *s = p, *end, *eq, *ke, *v, *ve;

        e = memchr(p, '\n', (size_t)(text + n - p));
        if (!e)
            e = text + n;
        line++;
        end = e;
        trim(&s, &end);
        if (s == end || *s == '#' || *s == ';')
            continue;
        if (memchr(s, '\0', (size_t)(end - s))) {
            bad_line(msgs, path, line, "a NUL byte; line skipped", s, end);
            continue;
        }
        if (*s == '[') {
            in_section = section_line(s, end, &section) == 0;
            if (!in_section) {
                bad_line(msgs, path, line, "not a [section]; it and the keys under it are skipped",
                         s, end);
                sbuf_reset(&section);
                sbuf_addch(&section, ' '); /* keys below belong to no section we know */
                continue;
            }
            if (dictionary_set(d, section.buf, NULL) != 0)
                die("out of memory (reading %s)", path);
            lines_add(section.buf, section.len, line, &used);
            continue;
        }
        eq = memchr(s, '=', (size_t)(end - s));
        if (!eq) {
            bad_line(msgs, path, line, "not a key = value, a [section] or a comment; line skipped",
                     s, end);
            continue;
        }
        ke = eq;
        trim(&s, &ke);
        if (ke == s) {
            bad_line(msgs, path, line, "no key before '='; line skipped", s, end);
            continue;
        }
        if (!section.len) {
            bad_line(msgs, path, line, "a key before any [section]; line skipped", s, end);
            continue;
        }
        if (!in_section)
            continue; /* under a bad [section]: said there */
        v = eq + 1;
        trim(&v, &end);
        if (v < end && (*v == '"' || *v == '\'')) {
            const char *close = memchr(v + 1, *v, (size_t)(end - v - 1));

            if (!close) {
                bad_line(msgs, path, line, "a quote that is not closed; line skipped", s, end);
                continue;
            }
            v++;
            ve = close;
        } else {
            ve = value_end(v, end);
        }
        sbuf_reset(&key);
        sbuf_add(&key, section.buf, section.len);
        sbuf_addch(&key, ':');
        add_lower(&key, s, (size_t)(ke - s));
        sbuf_reset(&value);
        sbuf_add(&value, v, (size_t)(ve - v));
        if (dictionary_set(d, key.buf, value.buf ? value.buf : "") != 0)
            die("out of memory (reading %s)", path);
        lines_add(key.buf, key.len, line, &used);
    }
    sbuf_release(&section);
    sbuf_release(&key);
    sbuf_release(&value);
}

struct _dictionary_ *ini_load(const char *path, struct msgs *msgs, struct err *err)
{
    dictionary *d;
    char *text;
    size_t n;

    err->msg[0] = '\0';
    /* read it first, as util_read_file() does for reports: a FIFO, a device
     * (/dev/zero) or a folder is refused, not waited on or read for ever */
    if (util_read_file(path, &text, &n, err) < 0)
        return NULL;
    lines_forget();
    lines.path = xstrdup(path);
    d = dictionary_new(0);
    if (!d)
        die("out of memory (a dictionary for %s)", path);
    parse(d, path, text, n, msgs);
    free(text);
    return d;
}

void ini_close(struct _dictionary_ *d)
{
    if (d)
        iniparser_freedict(d);
    lines_forget();
}

int ini_line(const char *path, const char *full)
{
    size_t n = strlen(full);

    if (!lines.cap || strcmp(path, lines.path) != 0)
        return 0;
    for (size_t i = key_hash(full, n) & (lines.cap - 1); lines.key[i];
         i = (i + 1) & (lines.cap - 1))
        if (!strcasecmp(lines.key[i], full))
            return lines.line[i];
    return 0;
}

void ini_int(struct _dictionary_ *d, const char *path, const char *key, int lo, int hi, int *out,
             struct msgs *msgs)
{
    const char *v = iniparser_getstring(d, key, NULL);
    char *end;
    long n;

    if (!v)
        return;
    n = strtol(v, &end, 10);
    if (!*v || *end || n < lo || n > hi) {
        msgs_add(msgs, "%s:%d: '%s' must be a whole number from %d to %d, not '%s'", path,
                 ini_line(path, key), key, lo, hi, v);
        return;
    }
    *out = (int)n;
}
