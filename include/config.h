/*
 * config.h: the user's settings from $XDG_CONFIG_HOME/courtread/config.ini
 * (or --config FILE), read through ini.c. A bad line, key or value is a
 * message naming the file and line; the line is skipped, the setting keeps
 * its default, and the rest of the file applies.
 */
#ifndef COURTREAD_CONFIG_H
#define COURTREAD_CONFIG_H

#include <stdbool.h>

#include "keys.h"

struct msgs;

/* The court list's and outline's widths in columns. */
#define CONFIG_PANE_MIN 12
#define CONFIG_PANE_MAX 80
/* The reader's column of text (its measure): 0 for the whole pane, else
 * this many columns at most; 72 is 36 Chinese characters a line. */
#define CONFIG_MEASURE_DEFAULT 72
#define CONFIG_MEASURE_MIN     20
#define CONFIG_MEASURE_MAX     400

/* Where a copy goes ([copy] method): auto is the command when one is set,
 * else OSC 52. */
enum config_copy { COPY_AUTO, COPY_OSC52, COPY_COMMAND, COPY_BOTH };

struct config {
    char *library;       /* folder of reports to open when no path is given; NULL if unset */
    int ambiguous_width; /* columns of East Asian Ambiguous characters: 1 or 2 */
    int indent;          /* ideographic spaces before a paragraph: 0..4 */
    char *theme;         /* a theme's name or file; NULL for the default */
    int courts_width;    /* columns of the court list */
    int outline_width;   /* columns of the outline */
    int reader_width;    /* the reader's column of text: 0 (the whole pane) or a measure */
    struct keymap keys;
    bool mouse;                   /* clicks and the wheel; off: the terminal's own selection */
    char *citation;               /* [copy] citation (quote.h); NULL: the default, "": none */
    char *copy_command;           /* [copy] command, given the copy on its input; NULL: none */
    enum config_copy copy_method; /* [copy] method */
};

/* Defaults. */
void config_init(struct config *cfg);
/*
 * Load path, or the XDG default when path is NULL (a missing default file is
 * not an error; a missing named file is). Problems are added to msgs.
 */
void config_load(struct config *cfg, const char *path, struct msgs *msgs);
void config_release(struct config *cfg);
/* The default config file's path; caller frees. */
char *config_default_path(void);

#endif
