/*
 * ini.h: what config and theme files share on top of iniparser's
 * dictionary: loading that forgives a bad line with a message, and finding
 * the line a key is set on so a message can name it.
 */
#ifndef COURTREAD_INI_H
#define COURTREAD_INI_H

struct _dictionary_;
struct msgs;
struct err;

/* Load path, a regular file: NULL when it is not one or cannot be read
 * (err says why). A line that is not a [section], a key = value or a
 * comment is a message "PATH:LINE: 'line': what is wrong" in msgs and is
 * skipped; the rest applies. ';' starts a comment in a value, as does '#'
 * unless it starts a colour (#rgb, #rrggbb); quotes keep either. Release
 * with ini_close(). */
struct _dictionary_ *ini_load(const char *path, struct msgs *msgs, struct err *err);
void ini_close(struct _dictionary_ *d);

/* The line of path (the file loaded last, until ini_close()) where key
 * ("section:key") is first set, or where [section] starts when key has no
 * ':'; 0 if not found. A lookup: indexed when the file was loaded. */
int ini_line(const char *path, const char *key);

/* An integer key in [lo, hi]; a bad value is a message and *out is kept. */
void ini_int(struct _dictionary_ *d, const char *path, const char *key, int lo, int hi, int *out,
             struct msgs *msgs);

#endif
