/*
 * state.c: the state file: "last<TAB>PATH" and "pos<TAB>OFFSET<TAB>PATH"
 * lines, most recent first (the path comes last so it may hold tabs; paths
 * with newlines are not kept). Saved under a lock (state.lock beside it):
 * read, merged, written to a temporary file in the same folder, flushed,
 * then renamed over the old file.
 */
#include "state.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

char *state_default_path(void)
{
    return util_xdg_path("XDG_STATE_HOME", ".local/state", "state");
}

static void add_pos(struct state *s, const char *path, size_t len, size_t off)
{
    ALLOC_GROW(s->v, s->nr + 1, s->alloc);
    s->v[s->nr].path = xstrndup(path, len);
    s->v[s->nr].off = off;
    s->v[s->nr].touched = false;
    s->nr++;
}

/* Call fn with each line of file (NUL-terminated, without its newline); a
 * missing file has no lines. -1 with err set when it cannot be read. */
static int each_line(const char *file, void (*fn)(void *ctx, char *line, size_t len), void *ctx,
                     struct err *err)
{
    char *text;
    size_t n;
    struct err e;

    if (access(file, F_OK) < 0 && errno == ENOENT)
        return 0;
    if (util_read_file(file, &text, &n, &e) < 0) {
        err_set(err, "%s: %s", file, e.msg);
        return -1;
    }
    for (char *p = text, *end; p < text + n; p = end + 1) {
        end = memchr(p, '\n', (size_t)(text + n - p));
        if (!end)
            end = text + n; /* util_read_file() put a NUL there */
        *end = '\0';
        fn(ctx, p, (size_t)(end - p));
    }
    free(text);
    return 0;
}

/* A line of the state file: "last<TAB>PATH" or "pos<TAB>OFFSET<TAB>PATH". */
static void state_line(void *ctx, char *p, size_t len)
{
    struct state *s = ctx;
    char *end = p + len;

    if (len > 5 && !memcmp(p, "last\t", 5) && !s->last) {
        s->last = xstrndup(p + 5, len - 5);
    } else if (len > 4 && !memcmp(p, "pos\t", 4) && s->nr < STATE_MAX_POSITIONS) {
        char *q;
        unsigned long long off = strtoull(p + 4, &q, 10);

        if (q > p + 4 && q < end && *q == '\t' && q + 1 < end)
            add_pos(s, q + 1, (size_t)(end - q - 1), (size_t)off);
    }
}

int state_load(struct state *s, const char *file, struct err *err)
{
    return each_line(file, state_line, s, err);
}

bool state_get(const struct state *s, const char *path, size_t *off)
{
    for (size_t i = 0; i < s->nr; i++)
        if (!strcmp(s->v[i].path, path)) {
            *off = s->v[i].off;
            return true;
        }
    return false;
}

void state_set(struct state *s, const char *path, size_t off)
{
    size_t i = 0;
    bool added = false;
    struct state_pos p;

    while (i < s->nr && strcmp(s->v[i].path, path))
        i++;
    if (i == s->nr) {
        add_pos(s, path, strlen(path), off);
        added = true;
        if (s->nr > STATE_MAX_POSITIONS) { /* the oldest goes */
            free(s->v[s->nr - 2].path);
            s->v[s->nr - 2] = s->v[s->nr - 1];
            s->nr--;
            i = s->nr - 1;
        }
    }
    p = s->v[i];
    /* a report only opened and left where the file had it is not this
     * run's to save: another copy may have moved it meanwhile */
    p.touched = p.touched || added || p.off != off;
    p.off = off;
    memmove(s->v + 1, s->v, i * sizeof(*s->v));
    s->v[0] = p;
}

void state_set_last(struct state *s, const char *path)
{
    free(s->last);
    s->last = path ? xstrdup(path) : NULL;
}

int state_write(const char *file, const char *buf, size_t len, struct err *err)
{
    struct sbuf tmp = SBUF_INIT;
    FILE *f;
    int fail;

    if (util_make_parent(file, "XDG_STATE_HOME", err) < 0)
        return -1;
    sbuf_addf(&tmp, "%s.%ld.tmp", file, (long)getpid());
    f = fopen(tmp.buf, "w");
    if (!f) {
        err_set(err, "%s: %s", tmp.buf, strerror(errno));
        sbuf_release(&tmp);
        return -1;
    }
    fail = fwrite(buf, 1, len, f) != len;
    fail |= fflush(f) != 0;
    fail |= fsync(fileno(f)) != 0;
    fail |= fclose(f) != 0;
    if (fail || rename(tmp.buf, file) < 0) {
        err_set(err, "%s: %s", file, strerror(errno));
        unlink(tmp.buf);
        sbuf_release(&tmp);
        return -1;
    }
    sbuf_release(&tmp);
    return 0;
}

static void add_line(struct sbuf *out, const struct state_pos *p)
{
    if (!strchr(p->path, '\n'))
        sbuf_addf(out, "pos\t%zu\t%s\n", p->off, p->path);
}

int state_lock(const char *file, struct err *err)
{
    struct sbuf path = SBUF_INIT;
    int fd;

    sbuf_addf(&path, "%s.lock", file);
    fd = open(path.buf, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        err_set(err, "%s: %s", path.buf, strerror(errno));
        sbuf_release(&path);
        return -1;
    }
    while (flock(fd, LOCK_EX) < 0) {
        if (errno == EINTR)
            continue; /* a signal (a resize, a SIGTERM that is saving us) */
        err_set(err, "%s: %s", path.buf, strerror(errno));
        close(fd);
        sbuf_release(&path);
        return -1;
    }
    sbuf_release(&path);
    return fd;
}

void state_unlock(int lock)
{
    close(lock); /* the lock goes with the last descriptor */
}

int state_save(const struct state *s, const char *file, struct err *err)
{
    struct state disk = {0};
    struct sbuf out = SBUF_INIT;
    size_t kept = 0;
    int rc, lock;

    /* Merge with the file as it is now, so that another copy of courtread
     * that saved meanwhile keeps its positions; a file that cannot be read
     * is left alone (its positions are not ours to drop). Under the lock,
     * so that a copy quitting at the same moment reads what this one wrote,
     * not the file before it. */
    if (util_make_parent(file, "XDG_STATE_HOME", err) < 0)
        return -1;
    lock = state_lock(file, err);
    if (lock < 0)
        return -1;
    if (state_load(&disk, file, err) < 0) {
        state_release(&disk);
        state_unlock(lock);
        return -1;
    }
    sbuf_addstr(&out, "# courtread state: the last report open, then reading positions\n");
    if (s->last && !strchr(s->last, '\n'))
        sbuf_addf(&out, "last\t%s\n", s->last);
    else if (disk.last && !strchr(disk.last, '\n'))
        sbuf_addf(&out, "last\t%s\n", disk.last);
    for (size_t i = 0; i < s->nr && kept < STATE_MAX_POSITIONS; i++) /* this run's, newest first */
        if (s->v[i].touched) {
            add_line(&out, &s->v[i]);
            kept++;
        }
    for (size_t i = 0; i < disk.nr && kept < STATE_MAX_POSITIONS; i++) { /* then the file's */
        size_t j = 0;

        while (j < s->nr && !(s->v[j].touched && !strcmp(s->v[j].path, disk.v[i].path)))
            j++;
        if (j == s->nr) {
            add_line(&out, &disk.v[i]);
            kept++;
        }
    }
    rc = state_write(file, out.buf, out.len, err);
    state_unlock(lock);
    sbuf_release(&out);
    state_release(&disk);
    return rc;
}

/* ---- search history: one query per line, the oldest first ---- */

char *state_history_path(const char *state_file)
{
    struct sbuf sb = SBUF_INIT;
    const char *slash = strrchr(state_file, '/');

    sbuf_add(&sb, state_file, slash ? (size_t)(slash - state_file + 1) : 0);
    sbuf_addstr(&sb, "history");
    return sbuf_detach(&sb, NULL);
}

static void history_line(void *ctx, char *line, size_t len)
{
    if (len)
        state_history_add(ctx, line);
}

int state_history_load(struct state_history *h, const char *file, struct err *err)
{
    return each_line(file, history_line, h, err);
}

void state_history_add(struct state_history *h, const char *query)
{
    size_t i = 0;

    if (!*query || strchr(query, '\n'))
        return;
    while (i < h->nr && strcmp(h->v[i], query))
        i++;
    if (i < h->nr) { /* again: it becomes the newest */
        char *s = h->v[i];

        memmove(h->v + i, h->v + i + 1, (h->nr - i - 1) * sizeof(*h->v));
        h->v[h->nr - 1] = s;
        return;
    }
    if (h->nr == STATE_HISTORY_MAX) {
        free(h->v[0]);
        memmove(h->v, h->v + 1, (h->nr - 1) * sizeof(*h->v));
        h->nr--;
    }
    ALLOC_GROW(h->v, h->nr + 1, h->alloc);
    h->v[h->nr++] = xstrdup(query);
}

int state_history_save(const struct state_history *h, const char *file, struct err *err)
{
    struct sbuf out = SBUF_INIT;
    int rc;

    for (size_t i = 0; i < h->nr; i++)
        sbuf_addf(&out, "%s\n", h->v[i]);
    rc = state_write(file, out.buf ? out.buf : "", out.len, err);
    sbuf_release(&out);
    return rc;
}

void state_history_release(struct state_history *h)
{
    for (size_t i = 0; i < h->nr; i++)
        free(h->v[i]);
    free(h->v);
    memset(h, 0, sizeof(*h));
}

void state_release(struct state *s)
{
    for (size_t i = 0; i < s->nr; i++)
        free(s->v[i].path);
    free(s->v);
    free(s->last);
    memset(s, 0, sizeof(*s));
}
