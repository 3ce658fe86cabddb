/*
 * ini.c: iniparser with messages instead of stderr, and line numbers for
 * them. iniparser reports neither line numbers nor unknown keys, so a key we
 * complain about is looked up once more in the file's text.
 */
#include "ini.h"

#include <iniparser.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

/* iniparser's error callback takes no context: these say where its
 * complaints go while ini_load() runs. */
static struct msgs *ini_msgs;
static const char *ini_path;

static int ini_error(const char *fmt, ...)
{
    struct sbuf sb = SBUF_INIT;
    va_list ap;

    va_start(ap, fmt);
    sbuf_vaddf(&sb, fmt, ap);
    va_end(ap);
    while (sb.len && (sb.buf[sb.len - 1] == '\n' || sb.buf[sb.len - 1] == ' '))
        sb.buf[--sb.len] = '\0';
    for (size_t i = 0; i < sb.len; i++)
        if (sb.buf[i] == '\n')
            sb.buf[i] = ' ';
    if (ini_msgs)
        msgs_add(ini_msgs, "%s: %s", ini_path, sb.buf);
    sbuf_release(&sb);
    return 0;
}

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

/* One pass over text: every [section] and section:key with its line. */
static void lines_index(const char *path, const char *text, size_t n)
{
    struct sbuf full = SBUF_INIT;
    char section[256] = "";
    size_t used = 0;
    int line = 0;

    lines_forget();
    lines.path = xstrdup(path);
    for (const char *p = text, *e; p < text + n; p = e + 1) {
        const char *s = p, *k;

        e = memchr(p, '\n', (size_t)(text + n - p));
        if (!e)
            e = text + n;
        line++;
        while (s < e && (*s == ' ' || *s == '\t'))
            s++;
        if (s < e && *s == '[') {
            const char *close = memchr(s, ']', (size_t)(e - s));
            size_t l = close ? (size_t)(close - s - 1) : 0;

            if (l < sizeof(section)) {
                memcpy(section, s + 1, l);
                section[l] = '\0';
                lines_add(section, l, line, &used);
            }
            continue;
        }
        if (s == e || *s == '#' || *s == ';')
            continue;
        k = s;
        while (s < e && *s != '=' && *s != ':')
            s++;
        while (s > k && (s[-1] == ' ' || s[-1] == '\t'))
            s--;
        sbuf_reset(&full);
        sbuf_addstr(&full, section);
        sbuf_addch(&full, ':');
        sbuf_add(&full, k, (size_t)(s - k));
        lines_add(full.buf, full.len, line, &used);
    }
    sbuf_release(&full);
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
    lines_index(path, text, n);
    free(text);
    ini_msgs = msgs;
    ini_path = path;
    iniparser_set_error_callback(ini_error);
    d = iniparser_load(path);
    iniparser_set_error_callback(NULL);
    ini_msgs = NULL;
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
