/*
 * config.c: settings from an INI file through iniparser. iniparser reports
 * neither line numbers nor unknown keys, so after it parses we read the file
 * once more to find the line of each key we complain about.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <iniparser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "util.h"

/* Every key the config file may hold, as section:key. */
static const char *const known_keys[] = {
    "general:library",
    "display:ambiguous_width",
    "display:indent",
};

void config_init(struct config *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->ambiguous_width = 1;
    cfg->indent = 2;
}

static int key_line(const char *path, const char *full);

/* An integer key in [lo, hi]; a bad value is reported and *out kept. */
static void int_key(dictionary *d, const char *path, const char *key, int lo, int hi, int *out,
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
                 key_line(path, key), key, lo, hi, v);
        return;
    }
    *out = (int)n;
}

void config_release(struct config *cfg)
{
    free(cfg->library);
    cfg->library = NULL;
}

char *config_default_path(void)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    struct sbuf sb = SBUF_INIT;

    if (xdg && *xdg)
        sbuf_addf(&sb, "%s/courtread/config.ini", xdg);
    else if (home && *home)
        sbuf_addf(&sb, "%s/.config/courtread/config.ini", home);
    else
        return NULL;
    return sbuf_detach(&sb, NULL);
}

/* iniparser prints syntax errors to stderr unless told otherwise; keep them. */
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

/* The line of the file where key (section:key) is set; 0 if not found. */
static int key_line(const char *path, const char *full)
{
    char *text, section[256] = "";
    size_t n;
    int line = 0, found = 0;
    const char *colon = strchr(full, ':');

    if (!colon || util_read_file(path, &text, &n, NULL) < 0)
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
            continue;
        }
        k = s;
        while (s < e && *s != '=' && *s != ':')
            s++;
        while (s > k && (s[-1] == ' ' || s[-1] == '\t'))
            s--;
        if ((size_t)(colon - full) == strlen(section) &&
            !strncasecmp(full, section, strlen(section)) && strlen(colon + 1) == (size_t)(s - k) &&
            !strncasecmp(colon + 1, k, (size_t)(s - k)))
            found = line;
    }
    free(text);
    return found;
}

static char *expand_home(const char *v)
{
    const char *home = getenv("HOME");
    struct sbuf sb = SBUF_INIT;

    if (v[0] == '~' && (v[1] == '/' || !v[1]) && home) {
        sbuf_addstr(&sb, home);
        sbuf_addstr(&sb, v + 1);
        return sbuf_detach(&sb, NULL);
    }
    return xstrdup(v);
}

void config_load(struct config *cfg, const char *path, struct msgs *msgs)
{
    char *def = NULL;
    dictionary *d;
    struct stat st;

    if (!path) {
        def = config_default_path();
        if (!def || stat(def, &st) < 0) {
            free(def);
            return; /* no config file: defaults */
        }
        path = def;
    } else if (stat(path, &st) < 0) {
        msgs_add(msgs, "%s: %s", path, strerror(errno));
        return;
    }
    ini_msgs = msgs;
    ini_path = path;
    iniparser_set_error_callback(ini_error);
    d = iniparser_load(path);
    iniparser_set_error_callback(NULL);
    ini_msgs = NULL;
    if (!d) {
        msgs_add(msgs, "%s: not a valid config file; using the defaults", path);
        free(def);
        return;
    }
    for (int s = 0, ns = iniparser_getnsec(d); s < ns; s++) {
        const char *sec = iniparser_getsecname(d, s);
        int nk = iniparser_getsecnkeys(d, sec);
        const char **keys;

        if (nk <= 0)
            continue;
        keys = xcalloc((size_t)nk, sizeof(*keys));
        iniparser_getseckeys(d, sec, keys);
        for (int k = 0; k < nk; k++) {
            bool known = false;

            for (size_t i = 0; i < ARRAY_SIZE(known_keys); i++)
                known = known || !strcmp(keys[k], known_keys[i]);
            if (!known)
                msgs_add(msgs, "%s:%d: unknown key '%s'", path, key_line(path, keys[k]), keys[k]);
        }
        free(keys);
    }
    {
        const char *lib = iniparser_getstring(d, "general:library", NULL);

        if (lib && *lib) {
            free(cfg->library);
            cfg->library = expand_home(lib);
        } else if (lib) {
            msgs_add(msgs, "%s:%d: 'general:library' is empty", path,
                     key_line(path, "general:library"));
        }
    }
    int_key(d, path, "display:ambiguous_width", 1, 2, &cfg->ambiguous_width, msgs);
    int_key(d, path, "display:indent", 0, 4, &cfg->indent, msgs);
    iniparser_freedict(d);
    free(def);
}
