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

struct _dictionary_ *ini_load(const char *path, struct msgs *msgs)
{
    dictionary *d;

    ini_msgs = msgs;
    ini_path = path;
    iniparser_set_error_callback(ini_error);
    d = iniparser_load(path);
    iniparser_set_error_callback(NULL);
    ini_msgs = NULL;
    return d;
}

int ini_line(const char *path, const char *full)
{
    char *text, section[256] = "";
    size_t n;
    int line = 0, found = 0;
    const char *colon = strchr(full, ':');
    size_t seclen = colon ? (size_t)(colon - full) : strlen(full);

    if (util_read_file(path, &text, &n, NULL) < 0)
        return 0;
    for (char *p = text, *e; p < text + n && !found; p = e + 1) {
        char *s = p, *k;

        e = memchr(p, '\n', (size_t)(text + n - p));
        if (!e)
            e = text + n;
        line++;
        while (s < e && (*s == ' ' || *s == '\t'))
            s++;
        if (s < e && *s == '[') {
            char *close = memchr(s, ']', (size_t)(e - s));
            size_t l = close ? (size_t)(close - s - 1) : 0;

            if (l < sizeof(section)) {
                for (size_t i = 0; i < l; i++)
                    section[i] =
                        (char)((s[i + 1] >= 'A' && s[i + 1] <= 'Z') ? s[i + 1] + 32 : s[i + 1]);
                section[l] = '\0';
            }
            if (!colon && seclen == strlen(section) && !strncasecmp(full, section, seclen))
                found = line;
            continue;
        }
        if (!colon)
            continue;
        k = s;
        while (s < e && *s != '=' && *s != ':')
            s++;
        while (s > k && (s[-1] == ' ' || s[-1] == '\t'))
            s--;
        if (seclen == strlen(section) && !strncasecmp(full, section, seclen) &&
            strlen(colon + 1) == (size_t)(s - k) && !strncasecmp(colon + 1, k, (size_t)(s - k)))
            found = line;
    }
    free(text);
    return found;
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
