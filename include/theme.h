/*
 * theme.h: colours and attributes for each role the screen draws, from
 * themes/NAME.ini (one [role] section each: fg, bg, attrs). Colours are
 * 0..255 or names; theme_color_fit() brings a colour down to what the
 * terminal has. Never includes curses: the UI turns styles into pairs.
 */
#ifndef COURTREAD_THEME_H
#define COURTREAD_THEME_H

#include <stdbool.h>

struct msgs;

/* X(id, name, what it colours) */
#define THEME_ROLES(X)                                                                             \
    X(COURT, "court", "a court in the court list")                                                 \
    X(REPORT, "report", "a report in the court list")                                              \
    X(SELECTED, "selected", "the selected court, report or outline entry")                         \
    X(OUTLINE, "outline", "an outline entry")                                                      \
    X(CURRENT_SECTION, "current_section", "the outline entry of the section being read")           \
    X(TITLE, "title", "the report's title")                                                        \
    X(META, "meta", "subtitle, byline, date and sign-off")                                         \
    X(HEADING, "heading", "a section heading")                                                     \
    X(CAPTION, "caption", "a photo caption")                                                       \
    X(BODY, "body", "the report's paragraphs")                                                     \
    X(MATCH, "match", "a search match")                                                            \
    X(CURRENT_MATCH, "current_match", "the current search match")                                  \
    X(STATUS, "status", "the status line")                                                         \
    X(MESSAGE, "message", "messages and prompts on the bottom line")                               \
    X(BORDER, "border", "the lines between panes")                                                 \
    X(FOCUS_BORDER, "focus_border", "the line beside the focused pane, and its pointer")           \
    X(HELP, "help", "the help overlay")

enum theme_role {
#define THEME_ENUM(id, name, help) ROLE_##id,
    THEME_ROLES(THEME_ENUM)
#undef THEME_ENUM
        NR_ROLES,
};

enum theme_attr {
    ATTR_BOLD = 1 << 0,
    ATTR_DIM = 1 << 1,
    ATTR_UNDERLINE = 1 << 2,
    ATTR_REVERSE = 1 << 3,
    ATTR_ITALIC = 1 << 4,
    ATTR_STANDOUT = 1 << 5,
};

#define THEME_DEFAULT_COLOR (-1)

struct style {
    short fg, bg;   /* 0..255, or THEME_DEFAULT_COLOR */
    unsigned attrs; /* enum theme_attr */
};

struct theme {
    struct style role[NR_ROLES];
};

/* The built-in monochrome theme: attributes only. */
void theme_init_mono(struct theme *t);

/*
 * Load a theme from file over the mono theme. Bad colours, attributes,
 * sections or keys are messages naming the file and line; the role keeps
 * the mono style. Returns -1 (with a message) when the file cannot be read.
 */
int theme_load(struct theme *t, const char *file, struct msgs *msgs);

/*
 * Load the theme called name (NULL: "default"), found as theme_find() finds
 * it. A name that is no theme is a message, and the default theme is loaded
 * instead (mono when there is none either).
 */
void theme_load_named(struct theme *t, const char *name, const char *const *dirs,
                      struct msgs *msgs);

/*
 * The file of theme name: name itself when it has a '/' or ends in ".ini",
 * else NAME.ini in $XDG_CONFIG_HOME/courtread/themes, then in each of dirs
 * (NULL-terminated). NULL when there is none. Caller frees.
 */
char *theme_find(const char *name, const char *const *dirs);

/* A colour (0..255 or -1) as near as a terminal of ncolors can show; -1
 * (the terminal's default) when it has fewer than 8. */
int theme_color_fit(int color, int ncolors);

/* A colour name or number ("red", "brightblue", "214", "default"), or
 * #rrggbb / #rgb as the nearest of the 256-colour palette's cube and greys
 * (16..255); -2 when it is none of these. */
int theme_parse_color(const char *s);

const char *theme_role_name(enum theme_role r);

#endif
