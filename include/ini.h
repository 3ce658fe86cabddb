/*
 * ini.h: what config and theme files share on top of iniparser: loading
 * with its complaints turned into messages, and finding the line a key is
 * set on (iniparser keeps no line numbers) so a message can name it.
 */
#ifndef COURTREAD_INI_H
#define COURTREAD_INI_H

struct _dictionary_;
struct msgs;

/* Load path; NULL when it cannot be read or parsed (messages say why).
 * Free with iniparser_freedict(). */
struct _dictionary_ *ini_load(const char *path, struct msgs *msgs);

/* The line of path where key ("section:key") is set, or where [section]
 * starts when key has no ':'; 0 if not found. */
int ini_line(const char *path, const char *key);

/* An integer key in [lo, hi]; a bad value is a message and *out is kept. */
void ini_int(struct _dictionary_ *d, const char *path, const char *key, int lo, int hi, int *out,
             struct msgs *msgs);

#endif
