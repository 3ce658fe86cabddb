/*
 * cache.c: the search cache's file. Records are 8-byte aligned; a record
 * holds the file's identity (size, modification time, inode), the report's
 * fields and courts as NUL-terminated strings, its blocks as this build's
 * struct block, and its text. The file is mapped and reports point into it.
 */
#include "cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "library.h"
#include "report.h"
#include "util.h"

#define MAGIC "CRCACHE1"
/* Changes when the model or this format does. */
#define FORMAT    2u
#define NO_STRING UINT64_MAX
/* Cache files kept in the folder; the least recently used go first. */
#define KEEP_FILES 10

struct identity {
    uint64_t size, ino;
    int64_t mtime_s, mtime_ns;
};

struct header {
    char magic[8];
    uint64_t format, block_size;
    struct identity program; /* the binary that parsed: another may parse otherwise */
    uint64_t nr;
};

struct record {
    uint64_t len; /* of the whole record */
    struct identity id;
    uint64_t text_len, nr_blocks, nr_courts;
    uint64_t failed;     /* the file could not be loaded: the reason is the title */
    uint64_t main_court; /* courts[0] is the main court */
};

struct cache {
    void *map;
    size_t map_len;
    struct report *reports; /* views into map */
    bool *failed;           /* report i could not be loaded: its title says why */
    size_t nr;
};

struct cache_writer {
    FILE *f;
    char *file, *tmp;
    uint64_t nr;
    bool failed;
};

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

char *cache_file_for(const struct path_list *paths, const char *encoding)
{
    uint64_t h = 14695981039346656037u;
    char cwd[4096], name[64];

    for (size_t i = 0; i < paths->nr; i++)
        if (!strcmp(paths->v[i], "-"))
            return NULL; /* standard input is new text each time: no cache */
    /* relative paths mean different files from different folders */
    if (getcwd(cwd, sizeof(cwd)))
        h = fnv(h, cwd, strlen(cwd) + 1);
    h = fnv(h, encoding ? encoding : "", encoding ? strlen(encoding) + 1 : 1);
    for (size_t i = 0; i < paths->nr; i++)
        h = fnv(h, paths->v[i], strlen(paths->v[i]) + 1);
    snprintf(name, sizeof(name), "search-%016llx.cache", (unsigned long long)h);
    return util_xdg_path("XDG_CACHE_HOME", ".cache", name);
}

static void identity_of(const struct stat *st, struct identity *id)
{
    id->size = (uint64_t)st->st_size;
    id->ino = (uint64_t)st->st_ino;
    id->mtime_s = (int64_t)st->st_mtim.tv_sec;
    id->mtime_ns = (int64_t)st->st_mtim.tv_nsec;
}

/* The running program's file: a cache is only as good as the parser that
 * wrote it, and a rebuilt or upgraded courtread may parse differently. */
static void program_identity(struct identity *id)
{
    struct stat st;

    memset(id, 0, sizeof(*id));
    if (stat("/proc/self/exe", &st) == 0)
        identity_of(&st, id);
}

static size_t pad8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

/* ---- reading ---- */

struct reader {
    const char *p, *end;
    bool bad;
};

static const void *take(struct reader *rd, size_t n)
{
    const char *p = rd->p;

    if (rd->bad || (size_t)(rd->end - p) < pad8(n)) {
        rd->bad = true;
        return NULL;
    }
    rd->p += pad8(n);
    return p;
}

static uint64_t take_u64(struct reader *rd)
{
    const uint64_t *v = take(rd, sizeof(*v));

    return v ? *v : 0;
}

/* A string written by put_string(): NULL for none. */
static char *take_string(struct reader *rd)
{
    uint64_t len = take_u64(rd);
    const char *s;

    if (len == NO_STRING || rd->bad)
        return NULL;
    if (len >= (uint64_t)(rd->end - rd->p)) {
        rd->bad = true;
        return NULL;
    }
    s = take(rd, (size_t)len + 1);
    if (s && s[len] != '\0')
        rd->bad = true;
    return (char *)s;
}

/* One record into r; false when it is damaged or its file changed. */
static bool read_record(struct reader *rd, const char *path, struct report *r, bool *failed)
{
    const struct record *rec = take(rd, sizeof(*rec));
    struct identity now;
    struct stat st;
    const char *cpath;

    if (!rec || stat(path, &st) < 0)
        return false;
    identity_of(&st, &now);
    if (memcmp(&now, &rec->id, sizeof(now)) != 0)
        return false;
    cpath = take_string(rd);
    if (!cpath || strcmp(cpath, path))
        return false;
    r->path = (char *)cpath;
    *failed = rec->failed != 0;
    r->title = take_string(rd);
    r->subtitle = take_string(rd);
    r->byline = take_string(rd);
    r->date = take_string(rd);
    r->source = take_string(rd);
    r->author = take_string(rd);
    r->main_court = rec->main_court != 0;
    if (rec->nr_courts > 1024 ||
        rec->nr_blocks > (uint64_t)(rd->end - rd->p) / sizeof(struct block))
        return false;
    r->nr_courts = (size_t)rec->nr_courts;
    r->courts = xcalloc(r->nr_courts ? r->nr_courts : 1, sizeof(*r->courts));
    for (size_t i = 0; i < r->nr_courts; i++)
        r->courts[i] = take_string(rd);
    r->court_parent = (int *)take(rd, r->nr_courts * sizeof(int));
    r->nr_blocks = (size_t)rec->nr_blocks;
    r->blocks = (struct block *)take(rd, r->nr_blocks * sizeof(struct block));
    r->len = (size_t)rec->text_len;
    r->text = (char *)take(rd, r->len + 1);
    if (rd->bad || !r->text || r->text[r->len] != '\0')
        return false;
    for (size_t b = 0; b < r->nr_blocks; b++)
        if (r->blocks[b].off > r->len || r->blocks[b].len > r->len - r->blocks[b].off)
            return false;
    return true;
}

struct cache *cache_open(const char *file, const struct path_list *paths)
{
    struct cache *c;
    const struct header *h;
    struct identity me;
    struct reader rd;
    struct stat st;
    int fd = open(file, O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        return NULL;
    if (fstat(fd, &st) < 0 || (size_t)st.st_size < sizeof(*h)) {
        close(fd);
        return NULL;
    }
    c = xcalloc(1, sizeof(*c));
    c->map_len = (size_t)st.st_size;
    c->map = mmap(NULL, c->map_len, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (c->map == MAP_FAILED) {
        free(c);
        return NULL;
    }
    h = c->map;
    program_identity(&me);
    if (memcmp(h->magic, MAGIC, 8) || h->format != FORMAT ||
        h->block_size != sizeof(struct block) || memcmp(&h->program, &me, sizeof(me)) ||
        h->nr != paths->nr) {
        munmap(c->map, c->map_len);
        free(c);
        return NULL;
    }
    rd.p = (const char *)c->map + sizeof(*h);
    rd.end = (const char *)c->map + c->map_len;
    rd.bad = false;
    c->reports = xcalloc(paths->nr ? paths->nr : 1, sizeof(*c->reports));
    c->failed = xcalloc(paths->nr ? paths->nr : 1, sizeof(*c->failed));
    for (; c->nr < paths->nr; c->nr++) {
        const char *start = rd.p;
        uint64_t len = (size_t)(rd.end - start) >= sizeof(struct record)
                           ? ((const struct record *)start)->len
                           : UINT64_MAX;

        if (len > (uint64_t)(rd.end - start) || len < sizeof(struct record) ||
            !read_record(&rd, paths->v[c->nr], &c->reports[c->nr], &c->failed[c->nr])) {
            free(c->reports[c->nr].courts);
            cache_close(c);
            return NULL;
        }
        rd.p = start + len;
    }
    utimensat(AT_FDCWD, file, NULL, 0); /* used now: pruning keeps it longest */
    return c;
}

const struct report *cache_report(const struct cache *c, size_t i, const char **why)
{
    *why = c->failed[i] ? c->reports[i].title : NULL;
    return c->failed[i] ? NULL : &c->reports[i];
}

void cache_close(struct cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->nr; i++)
        free(c->reports[i].courts);
    free(c->reports);
    free(c->failed);
    munmap(c->map, c->map_len);
    free(c);
}

/* ---- writing ---- */

static void put(struct cache_writer *w, const void *p, size_t n)
{
    static const char zero[8];

    if (w->failed)
        return;
    if (fwrite(p, 1, n, w->f) != n || fwrite(zero, 1, pad8(n) - n, w->f) != pad8(n) - n)
        w->failed = true;
}

/* n bytes of text and a NUL, padded as one. */
static void put_text(struct cache_writer *w, const char *p, size_t n)
{
    static const char zero[8];
    size_t pad = pad8(n + 1) - n;

    if (w->failed)
        return;
    if ((n && fwrite(p, 1, n, w->f) != n) || fwrite(zero, 1, pad, w->f) != pad)
        w->failed = true;
}

static void put_string(struct cache_writer *w, const char *s)
{
    uint64_t len = s ? strlen(s) : NO_STRING;

    put(w, &len, sizeof(len));
    if (s)
        put_text(w, s, (size_t)len);
}

static size_t string_size(const char *s)
{
    return 8 + (s ? pad8(strlen(s) + 1) : 0);
}

struct cache_writer *cache_writer_new(const char *file)
{
    struct cache_writer *w;
    struct header h;
    struct sbuf tmp = SBUF_INIT;

    if (util_make_parent(file, "XDG_CACHE_HOME", NULL) < 0)
        return NULL;
    sbuf_addf(&tmp, "%s.%ld.tmp", file, (long)getpid());
    w = xcalloc(1, sizeof(*w));
    w->f = fopen(tmp.buf, "w");
    if (!w->f) {
        sbuf_release(&tmp);
        free(w);
        return NULL;
    }
    w->tmp = sbuf_detach(&tmp, NULL);
    w->file = xstrdup(file);
    memset(&h, 0, sizeof(h));
    memcpy(h.magic, MAGIC, 8);
    h.format = FORMAT;
    h.block_size = sizeof(struct block);
    program_identity(&h.program);
    put(w, &h, sizeof(h)); /* nr is filled in at the end */
    return w;
}

static void add_record(struct cache_writer *w, const struct report *r, bool failed)
{
    struct record rec;
    struct stat st;
    const char *const fields[] = {r->path, r->title,  r->subtitle, r->byline,
                                  r->date, r->source, r->author};

    if (!w || w->failed)
        return;
    if (stat(r->path, &st) < 0) {
        w->failed = true;
        return;
    }
    /* a file changed in the last two seconds may change again within the
     * same timestamp, after it was read: such a cache could go stale
     * unseen, so none is written this time (git's "racy" files) */
    if (st.st_mtime >= time(NULL) - 2) {
        w->failed = true;
        return;
    }
    memset(&rec, 0, sizeof(rec));
    rec.failed = failed;
    rec.main_court = r->main_court;
    identity_of(&st, &rec.id);
    rec.text_len = r->len;
    rec.nr_blocks = r->nr_blocks;
    rec.nr_courts = r->nr_courts;
    rec.len = sizeof(rec) + pad8(r->nr_courts * sizeof(int)) +
              pad8(r->nr_blocks * sizeof(struct block)) + pad8(r->len + 1);
    for (size_t i = 0; i < ARRAY_SIZE(fields); i++)
        rec.len += string_size(fields[i]);
    for (size_t i = 0; i < r->nr_courts; i++)
        rec.len += string_size(r->courts[i]);
    put(w, &rec, sizeof(rec));
    for (size_t i = 0; i < ARRAY_SIZE(fields); i++)
        put_string(w, fields[i]);
    for (size_t i = 0; i < r->nr_courts; i++)
        put_string(w, r->courts[i]);
    put(w, r->court_parent ? (const void *)r->court_parent : "", r->nr_courts * sizeof(int));
    put(w, r->blocks ? (const void *)r->blocks : "", r->nr_blocks * sizeof(struct block));
    put_text(w, r->text ? r->text : "", r->len);
    w->nr++;
}

void cache_writer_add(struct cache_writer *w, const struct report *r)
{
    add_record(w, r, false);
}

void cache_writer_add_failed(struct cache_writer *w, const char *path, const char *why)
{
    struct report r;

    memset(&r, 0, sizeof(r));
    r.path = (char *)path;
    r.title = (char *)why;
    add_record(w, &r, true);
}

struct aged {
    char *path;
    time_t mtime;
};

static int newest_first(const void *a, const void *b)
{
    const struct aged *x = a, *y = b;

    return x->mtime > y->mtime ? -1 : x->mtime < y->mtime;
}

/* Delete all but the KEEP_FILES most recently used caches beside file: each
 * set of paths searched or browsed has one, and they would pile up. */
static void prune(const char *file)
{
    char *dir = xstrdup(file), *slash = strrchr(dir, '/');
    struct aged *v = NULL;
    size_t nr = 0, alloc = 0;
    struct dirent *e;
    DIR *d;

    if (!slash) {
        free(dir);
        return;
    }
    *slash = '\0';
    d = opendir(dir);
    if (!d) {
        free(dir);
        return;
    }
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        struct sbuf sb = SBUF_INIT;
        struct stat st;

        if (strncmp(e->d_name, "search-", 7) || len < 6 || strcmp(e->d_name + len - 6, ".cache"))
            continue;
        sbuf_addf(&sb, "%s/%s", dir, e->d_name);
        if (stat(sb.buf, &st) < 0) {
            sbuf_release(&sb);
            continue;
        }
        ALLOC_GROW(v, nr + 1, alloc);
        v[nr].path = sbuf_detach(&sb, NULL);
        v[nr].mtime = st.st_mtime;
        nr++;
    }
    closedir(d);
    if (nr)
        qsort(v, nr, sizeof(*v), newest_first);
    for (size_t i = 0; i < nr; i++) {
        if (i >= KEEP_FILES)
            unlink(v[i].path);
        free(v[i].path);
    }
    free(v);
    free(dir);
}

int cache_writer_finish(struct cache_writer *w, bool abandon, struct err *err)
{
    int rc = -1;

    if (!w)
        return -1;
    if (!w->failed && !abandon) {
        size_t at = offsetof(struct header, nr);

        if (fseek(w->f, (long)at, SEEK_SET) == 0 && fwrite(&w->nr, sizeof(w->nr), 1, w->f) == 1)
            rc = 0;
    }
    if (fclose(w->f) != 0)
        rc = -1;
    if (rc == 0 && rename(w->tmp, w->file) < 0)
        rc = -1;
    if (rc == 0)
        prune(w->file);
    if (rc < 0) {
        if (!abandon)
            err_set(err, "%s: %s", w->file, strerror(errno));
        unlink(w->tmp);
    }
    free(w->tmp);
    free(w->file);
    free(w);
    return rc;
}
