/*
 * config.c: settings from an INI file through iniparser (ini.c finds the
 * lines that messages name): [general], [display] and the [keys] bindings.
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <iniparser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "ini.h"
#include "util.h"

/* Every key the config file may hold, as section:key. */
static const char *const known_keys[] = {
    "general:library",       "general:theme",           "display:courts_width",
    "display:outline_width", "display:ambiguous_width", "display:indent",
    "display:mouse",         "copy:citation",           "copy:command",
    "copy:method",           "display:reader_width",
};

void config_init(struct config *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->ambiguous_width = 1;
    cfg->indent = 2;
    cfg->courts_width = 32;
    cfg->outline_width = 24;
    cfg->reader_width = CONFIG_MEASURE_DEFAULT;
    keys_init(&cfg->keys);
}

void config_release(struct config *cfg)
{
    free(cfg->library);
    free(cfg->theme);
    cfg->library = NULL;
    cfg->theme = NULL;
    free(cfg->citation);
    free(cfg->copy_command);
    cfg->citation = NULL;
    cfg->copy_command = NULL;
}

char *config_default_path(void)
{
    return util_xdg_path("XDG_CONFIG_HOME", ".config", "config.ini");
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

/* Bindings from the [keys] section: action = key names. */
static void load_keys(struct config *cfg, dictionary *d, const char *path, struct msgs *msgs)
{
    int nk = iniparser_getsecnkeys(d, "keys");
    const char **keys;

    if (nk <= 0)
        return;
    keys = xcalloc((size_t)nk, sizeof(*keys));
    iniparser_getseckeys(d, "keys", keys);
    for (int k = 0; k < nk; k++) {
        enum action a = keys_action(keys[k] + strlen("keys:"));
        const char *spec = iniparser_getstring(d, keys[k], NULL);
        char why[160];

        if (!spec) /* a section's own entry, no key (ini.c makes none such) */
            continue;

        if (a == ACT_NONE) {
            msgs_add(msgs, "%s:%d: unknown key '%s' (not an action)", path, ini_line(path, keys[k]),
                     keys[k]);
            continue;
        }
        if (keys_bind(&cfg->keys, a, spec, why, sizeof(why)) < 0)
            msgs_add(msgs, "%s:%d: '%s': %s", path, ini_line(path, keys[k]), keys[k], why);
    }
    free(keys);
}

/* A string key; an empty value is a message and *out is kept. */
static void string_key(dictionary *d, const char *path, const char *key, bool home, char **out,
                       struct msgs *msgs)
{
    const char *v = iniparser_getstring(d, key, NULL);

    if (v && *v) {
        free(*out);
        *out = home ? expand_home(v) : xstrdup(v);
    } else if (v) {
        msgs_add(msgs, "%s:%d: '%s' is empty", path, ini_line(path, key), key);
    }
}

/* display:reader_width: 0, or a measure in [CONFIG_MEASURE_MIN, _MAX]. */
static void reader_width(dictionary *d, const char *path, struct config *cfg, struct msgs *msgs)
{
    const char *key = "display:reader_width";
    int w = cfg->reader_width;

    ini_int(d, path, key, 0, CONFIG_MEASURE_MAX, &w, msgs);
    if (w > 0 && w < CONFIG_MEASURE_MIN)
        msgs_add(msgs, "%s:%d: '%s' must be 0 (the whole width) or from %d to %d, not '%d'", path,
                 ini_line(path, key), key, CONFIG_MEASURE_MIN, CONFIG_MEASURE_MAX, w);
    else
        cfg->reader_width = w;
}

/* A key whose value is one of names (NULL-terminated): *out is its index;
 * another value is a message and *out is kept. */
static void choice_key(dictionary *d, const char *path, const char *key, const char *const *names,
                       int *out, struct msgs *msgs)
{
    const char *v = iniparser_getstring(d, key, NULL);
    struct sbuf all = SBUF_INIT;

    if (!v)
        return;
    for (int i = 0; names[i]; i++) {
        if (!strcasecmp(v, names[i])) {
            *out = i;
            sbuf_release(&all);
            return;
        }
        sbuf_addf(&all, "%s%s", i ? ", " : "", names[i]);
    }
    msgs_add(msgs, "%s:%d: '%s' is '%s', not one of %s", path, ini_line(path, key), key, v,
             all.buf);
    sbuf_release(&all);
}

/* [copy]: where a copy goes and the citation it carries; [display] mouse. */
static void load_copy(struct config *cfg, dictionary *d, const char *path, struct msgs *msgs)
{
    static const char *const methods[] = {"auto", "osc52", "command", "both", NULL};
    static const char *const onoff[] = {"off", "on", "no", "yes", "false", "true", "0", "1", NULL};
    const char *citation = iniparser_getstring(d, "copy:citation", NULL);
    int method = (int)cfg->copy_method, mouse = -1;

    if (citation) { /* empty: no citation */
        free(cfg->citation);
        cfg->citation = xstrdup(citation);
    }
    string_key(d, path, "copy:command", false, &cfg->copy_command, msgs);
    choice_key(d, path, "copy:method", methods, &method, msgs);
    cfg->copy_method = (enum config_copy)method;
    choice_key(d, path, "display:mouse", onoff, &mouse, msgs);
    if (mouse >= 0)
        cfg->mouse = mouse % 2;
}

void config_load(struct config *cfg, const char *path, struct msgs *msgs)
{
    char *def = NULL;
    dictionary *d;
    struct stat st;
    struct err err;

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
    d = ini_load(path, msgs, &err); /* a bad line is a message, the rest applies */
    if (!d) {
        msgs_add(msgs, "%s: %s; using the defaults", path, err.msg);
        ini_close(NULL);
        free(def);
        return;
    }
    for (int s = 0, ns = iniparser_getnsec(d); s < ns; s++) {
        const char *sec = iniparser_getsecname(d, s);
        int nk = iniparser_getsecnkeys(d, sec);
        const char **keys;

        if (!strcmp(sec, "keys"))
            continue;
        if (nk <= 0) {
            if (strcmp(sec, "general") && strcmp(sec, "display") && strcmp(sec, "copy"))
                msgs_add(msgs, "%s:%d: unknown section [%s]", path, ini_line(path, sec), sec);
            continue;
        }
        keys = xcalloc((size_t)nk, sizeof(*keys));
        iniparser_getseckeys(d, sec, keys);
        for (int k = 0; k < nk; k++) {
            bool known = false;

            for (size_t i = 0; i < ARRAY_SIZE(known_keys); i++)
                known = known || !strcmp(keys[k], known_keys[i]);
            if (!known)
                msgs_add(msgs, "%s:%d: unknown key '%s'", path, ini_line(path, keys[k]), keys[k]);
        }
        free(keys);
    }
    string_key(d, path, "general:library", true, &cfg->library, msgs);
    string_key(d, path, "general:theme", true, &cfg->theme, msgs);
    ini_int(d, path, "display:ambiguous_width", 1, 2, &cfg->ambiguous_width, msgs);
    ini_int(d, path, "display:indent", 0, 4, &cfg->indent, msgs);
    ini_int(d, path, "display:courts_width", CONFIG_PANE_MIN, CONFIG_PANE_MAX, &cfg->courts_width,
            msgs);
    ini_int(d, path, "display:outline_width", CONFIG_PANE_MIN, CONFIG_PANE_MAX, &cfg->outline_width,
            msgs);
    reader_width(d, path, cfg, msgs);
    load_copy(cfg, d, path, msgs);
    load_keys(cfg, d, path, msgs);
    ini_close(d);
    free(def);
}
