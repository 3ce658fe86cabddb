/*
 * theme.c: theme files (iniparser, through ini.c) and the colour arithmetic
 * for terminals with fewer colours. Nothing here draws: the UI makes curses
 * pairs from the styles.
 */
#include "theme.h"

#include <iniparser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "ini.h"
#include "util.h"

static const char *const role_names[NR_ROLES] = {
#define THEME_NAME(id, name, help) name,
    THEME_ROLES(THEME_NAME)
#undef THEME_NAME
};

const char *theme_role_name(enum theme_role r)
{
    return r < NR_ROLES ? role_names[r] : "";
}

void theme_init_mono(struct theme *t)
{
    for (int r = 0; r < NR_ROLES; r++)
        t->role[r] = (struct style){THEME_DEFAULT_COLOR, THEME_DEFAULT_COLOR, 0};
    t->role[ROLE_REPORT].attrs = ATTR_DIM; /* reports under their courts, quieter */
    t->role[ROLE_SELECTED].attrs = ATTR_REVERSE;
    t->role[ROLE_CURRENT_SECTION].attrs = ATTR_BOLD;
    t->role[ROLE_TITLE].attrs = ATTR_BOLD;
    t->role[ROLE_HEADING].attrs = ATTR_BOLD;
    t->role[ROLE_CAPTION].attrs = ATTR_DIM;
    t->role[ROLE_META].attrs = ATTR_DIM;
    t->role[ROLE_MATCH].attrs = ATTR_UNDERLINE;
    t->role[ROLE_CURRENT_MATCH].attrs = ATTR_REVERSE;
    t->role[ROLE_STATUS].attrs = ATTR_REVERSE;
    t->role[ROLE_FOCUS_BORDER].attrs = ATTR_BOLD;
    t->role[ROLE_HELP].attrs = 0;
}

static const char *const color_names[] = {
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

/* The xterm palette's colour c as red, green, blue. */
static void xterm_rgb(int c, int rgb[3])
{
    static const unsigned char basic[16][3] = {
        {0, 0, 0},       {205, 0, 0},   {0, 205, 0},   {205, 205, 0},
        {0, 0, 238},     {205, 0, 205}, {0, 205, 205}, {229, 229, 229},
        {127, 127, 127}, {255, 0, 0},   {0, 255, 0},   {255, 255, 0},
        {92, 92, 255},   {255, 0, 255}, {0, 255, 255}, {255, 255, 255},
    };
    static const int level[6] = {0, 95, 135, 175, 215, 255};

    if (c < 16) {
        for (int i = 0; i < 3; i++)
            rgb[i] = basic[c][i];
    } else if (c < 232) {
        c -= 16;
        rgb[0] = level[c / 36];
        rgb[1] = level[c / 6 % 6];
        rgb[2] = level[c % 6];
    } else {
        rgb[0] = rgb[1] = rgb[2] = 8 + 10 * (c - 232);
    }
}

/* The palette colour from `from` to `to` - 1 nearest to rgb. */
static int nearest_from(const int rgb[3], int from, int to)
{
    int best = from;
    long best_d = -1;

    for (int i = from; i < to; i++) {
        int o[3];
        long d = 0;

        xterm_rgb(i, o);
        for (int k = 0; k < 3; k++)
            d += (long)(rgb[k] - o[k]) * (rgb[k] - o[k]);
        if (best_d < 0 || d < best_d) {
            best_d = d;
            best = i;
        }
    }
    return best;
}

/* The nearest of the first n palette colours to c. */
static int nearest(int c, int n)
{
    int rgb[3];

    xterm_rgb(c, rgb);
    return nearest_from(rgb, 0, n);
}

/* #rrggbb or #rgb as the nearest palette colour, or -2. */
static int parse_hex(const char *s)
{
    size_t n = strlen(s + 1);
    int rgb[3];

    if (s[0] != '#' || (n != 3 && n != 6) || strspn(s + 1, "0123456789abcdefABCDEF") != n)
        return -2;
    for (int k = 0; k < 3; k++) {
        char part[3] = {s[1 + k * (n / 3)], s[1 + k * (n / 3) + (n == 6)], '\0'};

        rgb[k] = (int)strtol(part, NULL, 16); /* #rgb: each digit twice, as CSS reads it */
    }
    /* not one of the first 16: terminals' own schemes redefine those (a
     * "red" may be pink), while the colour cube and the greys are the same
     * everywhere */
    return nearest_from(rgb, 16, 256);
}

int theme_parse_color(const char *s)
{
    char *end;
    long n;

    if (s[0] == '#')
        return parse_hex(s);
    if (!strcasecmp(s, "default") || !strcasecmp(s, "none"))
        return THEME_DEFAULT_COLOR;
    for (int i = 0; i < 8; i++) {
        if (!strcasecmp(s, color_names[i]))
            return i;
        if (!strncasecmp(s, "bright", 6) && !strcasecmp(s + 6, color_names[i]))
            return i + 8;
    }
    if (!strcasecmp(s, "grey") || !strcasecmp(s, "gray"))
        return 8;
    n = strtol(s, &end, 10);
    if (*s && !*end && n >= 0 && n <= 255)
        return (int)n;
    return -2;
}

int theme_color_fit(int color, int ncolors)
{
    if (color < 0 || ncolors < 8)
        return THEME_DEFAULT_COLOR;
    if (ncolors >= 256 || color < ncolors)
        return color;
    if (color >= 16)
        color = nearest(color, 16);
    if (ncolors >= 16 || color < 8)
        return color;
    /* a bright colour on an 8-colour terminal: its plain one; grey reads
     * better as white than as black */
    return color == 8 ? 7 : color - 8;
}

static const struct {
    const char *name;
    unsigned attr;
} attr_names[] = {
    {"bold", ATTR_BOLD},
    {"dim", ATTR_DIM},
    {"underline", ATTR_UNDERLINE},
    {"reverse", ATTR_REVERSE},
    {"italic", ATTR_ITALIC},
    {"standout", ATTR_STANDOUT},
    {"none", 0},
    {"normal", 0},
};

/* Attribute names separated by spaces or commas; -1 names the bad word. */
static int parse_attrs(const char *s, unsigned *out, char *bad, size_t n)
{
    unsigned attrs = 0;

    for (const char *p = s; *p;) {
        size_t len;
        bool found = false;

        p += strspn(p, " ,\t");
        len = strcspn(p, " ,\t");
        if (!len)
            break;
        for (size_t i = 0; i < ARRAY_SIZE(attr_names); i++)
            if (strlen(attr_names[i].name) == len && !strncasecmp(p, attr_names[i].name, len)) {
                attrs |= attr_names[i].attr;
                found = true;
            }
        if (!found) {
            snprintf(bad, n, "%.*s", (int)(len < 40 ? len : 40), p);
            return -1;
        }
        p += len;
    }
    *out = attrs;
    return 0;
}

/* One [role] section: fg, bg and attrs over the role's current style. */
static void load_role(struct theme *t, dictionary *d, const char *file, int r, struct msgs *msgs)
{
    static const char *const fields[] = {"fg", "bg", "attrs"};
    struct style st = t->role[r];
    char key[64];
    bool ok = true;

    for (size_t f = 0; f < ARRAY_SIZE(fields); f++) {
        const char *v;

        snprintf(key, sizeof(key), "%s:%s", role_names[r], fields[f]);
        v = iniparser_getstring(d, key, NULL);
        if (!v)
            continue;
        if (f < 2) {
            int c = theme_parse_color(v);

            if (c == -2) {
                msgs_add(msgs, "%s:%d: '%s': '%s' is not a colour (0-255, a name or #rrggbb)", file,
                         ini_line(file, key), key, v);
                ok = false;
            } else if (f == 0) {
                st.fg = (short)c;
            } else {
                st.bg = (short)c;
            }
        } else {
            char bad[48];

            if (parse_attrs(v, &st.attrs, bad, sizeof(bad)) < 0) {
                msgs_add(msgs, "%s:%d: '%s': '%s' is not an attribute", file, ini_line(file, key),
                         key, bad);
                ok = false;
            }
        }
    }
    if (ok) /* a role with a bad value keeps its mono style whole */
        t->role[r] = st;
}

int theme_load(struct theme *t, const char *file, struct msgs *msgs)
{
    dictionary *d;
    struct stat st;
    struct err err;

    theme_init_mono(t);
    if (stat(file, &st) < 0 || !S_ISREG(st.st_mode)) {
        msgs_add(msgs, "%s: no such theme file", file);
        return -1;
    }
    d = ini_load(file, msgs, &err); /* a bad line is a message, the rest applies */
    if (!d) {
        msgs_add(msgs, "%s: %s; using mono", file, err.msg);
        ini_close(NULL);
        return -1;
    }
    for (int s = 0, ns = iniparser_getnsec(d); s < ns; s++) {
        const char *sec = iniparser_getsecname(d, s);
        int r = 0, nk;
        const char **keys;

        while (r < NR_ROLES && strcmp(sec, role_names[r]))
            r++;
        if (r == NR_ROLES) {
            msgs_add(msgs, "%s:%d: unknown role [%s]", file, ini_line(file, sec), sec);
            continue;
        }
        nk = iniparser_getsecnkeys(d, sec);
        if (nk > 0) {
            keys = xcalloc((size_t)nk, sizeof(*keys));
            iniparser_getseckeys(d, sec, keys);
            for (int k = 0; k < nk; k++) {
                const char *field = keys[k] + strlen(sec) + 1;

                if (strcmp(field, "fg") && strcmp(field, "bg") && strcmp(field, "attrs"))
                    msgs_add(msgs, "%s:%d: unknown key '%s'", file, ini_line(file, keys[k]),
                             keys[k]);
            }
            free(keys);
        }
        load_role(t, d, file, r, msgs);
    }
    ini_close(d);
    return 0;
}

void theme_load_named(struct theme *t, const char *name, const char *const *dirs, struct msgs *msgs)
{
    char *file = theme_find(name ? name : "default", dirs);

    if (!file && name && strcmp(name, "default")) {
        msgs_add(msgs, "%s: no such theme; using the default theme", name);
        file = theme_find("default", dirs);
    }
    if (!file) {
        theme_init_mono(t);
        msgs_add(msgs, "default: no such theme; using mono");
        return;
    }
    theme_load(t, file, msgs);
    free(file);
}

static bool is_file(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *theme_find(const char *name, const char *const *dirs)
{
    size_t len = strlen(name);
    struct sbuf sb = SBUF_INIT;
    char *mine;

    if (strchr(name, '/') || (len > 4 && !strcmp(name + len - 4, ".ini")))
        return xstrdup(name);
    sbuf_addf(&sb, "themes/%s.ini", name);
    mine = util_xdg_path("XDG_CONFIG_HOME", ".config", sb.buf);
    if (mine && is_file(mine)) {
        sbuf_release(&sb);
        return mine;
    }
    free(mine);
    for (size_t i = 0; dirs && dirs[i]; i++) {
        sbuf_reset(&sb);
        sbuf_addf(&sb, "%s/%s.ini", dirs[i], name);
        if (is_file(sb.buf))
            return sbuf_detach(&sb, NULL);
    }
    sbuf_release(&sb);
    return NULL;
}
