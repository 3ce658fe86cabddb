/*
 * library.c: finding reports on disk and loading one. Directory walks remember
 * every directory they entered (device and inode), so a symlink loop is
 * entered once and a linked folder is not read twice.
 */
#include "library.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "decode.h"
#include "report.h"
#include "text.h"
#include "util.h"

struct seen {
    dev_t dev;
    ino_t ino;
};

struct walk {
    struct path_list *out;
    struct msgs *msgs;
    struct seen *seen;
    size_t nr_seen, alloc_seen;
};

static bool has_ext(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);

    return n > e && !strcasecmp(name + n - e, ext);
}

bool library_is_markdown(const char *path)
{
    return has_ext(path, ".md") || has_ext(path, ".markdown");
}

static bool is_report_name(const char *name)
{
    return has_ext(name, ".txt") || library_is_markdown(name);
}

static void push(struct path_list *l, const char *path)
{
    ALLOC_GROW(l->v, l->nr + 1, l->alloc);
    l->v[l->nr++] = xstrdup(path);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *name)
{
    struct sbuf sb = SBUF_INIT;
    size_t n = strlen(dir);

    sbuf_addstr(&sb, dir);
    if (n && dir[n - 1] != '/')
        sbuf_addch(&sb, '/');
    sbuf_addstr(&sb, name);
    return sbuf_detach(&sb, NULL);
}

static void walk_dir(struct walk *w, const char *dir, const struct stat *st)
{
    struct path_list names = {0};
    DIR *d;
    struct dirent *de;

    for (size_t i = 0; i < w->nr_seen; i++)
        if (w->seen[i].dev == st->st_dev && w->seen[i].ino == st->st_ino)
            return; /* a symlink loop, or a folder linked twice */
    ALLOC_GROW(w->seen, w->nr_seen + 1, w->alloc_seen);
    w->seen[w->nr_seen].dev = st->st_dev;
    w->seen[w->nr_seen++].ino = st->st_ino;

    d = opendir(dir);
    if (!d) {
        msgs_add(w->msgs, "%s: %s", dir, strerror(errno));
        return;
    }
    while ((de = readdir(d)) != NULL)
        if (de->d_name[0] != '.') /* hidden files, editors' and VCS folders */
            push(&names, de->d_name);
    closedir(d);
    qsort(names.v, names.nr, sizeof(*names.v), cmp_str);
    for (size_t i = 0; i < names.nr; i++) {
        char *path = join(dir, names.v[i]);
        struct stat sub;

        if (stat(path, &sub) < 0) {
            if (is_report_name(names.v[i]))
                msgs_add(w->msgs, "%s: %s", path, strerror(errno));
        } else if (S_ISDIR(sub.st_mode)) {
            walk_dir(w, path, &sub);
        } else if (is_report_name(names.v[i])) {
            push(w->out, path);
        }
        free(path);
    }
    path_list_release(&names);
}

int library_collect(const char *path, struct path_list *out, struct msgs *msgs, struct err *err)
{
    struct walk w = {out, msgs, NULL, 0, 0};
    struct stat st;

    if (stat(path, &st) < 0) {
        err_set(err, "%s", strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode))
        walk_dir(&w, path, &st);
    else
        push(out, path); /* named on purpose: loaded whatever its extension */
    free(w.seen);
    return 0;
}

void path_list_release(struct path_list *l)
{
    for (size_t i = 0; i < l->nr; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->nr = l->alloc = 0;
}

/* Whether anything but blanks and line ends is left after decoding. */
static bool has_text(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t c;

        i += text_next(s + i, n - i, &c);
        if (c != '\n' && !text_is_blank(c))
            return true;
    }
    return false;
}

struct report *library_load(const char *path, const char *encoding, struct err *err)
{
    struct decoded dec;
    struct report *r;
    char *raw;
    size_t n;

    if (util_read_file(path, &raw, &n, err) < 0)
        return NULL;
    if (n == 0) {
        err_set(err, "empty file, skipped");
        free(raw);
        return NULL;
    }
    if (decode_bytes(raw, n, encoding, &dec, err) < 0) {
        free(raw);
        return NULL;
    }
    free(raw);
    if (!has_text(dec.text, dec.len)) {
        err_set(err, "no text in the file, skipped");
        free(dec.text);
        return NULL;
    }
    r = report_parse(path, dec.text, dec.len, library_is_markdown(path));
    free(dec.text);
    return r;
}
