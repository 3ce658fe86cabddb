/*
 * library.c: finding reports on disk and loading one. Directory walks remember
 * every directory they entered (device and inode), so a symlink loop is
 * entered once and a linked folder is not read twice.
 */
#include "library.h"

#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "decode.h"
#include "report.h"
#include "text.h"
#include "textmap.h"
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

/* A folder's own notes (README.md, LICENSE.txt …) describe the folder; they
 * are not reports. */
static bool is_folder_note(const char *name)
{
    static const char *const notes[] = {"README",    "LICENSE",      "LICENCE",
                                        "CHANGELOG", "CONTRIBUTING", "COPYING"};
    for (size_t i = 0; i < ARRAY_SIZE(notes); i++) {
        size_t l = strlen(notes[i]);

        if (!strncasecmp(name, notes[i], l) && (name[l] == '.' || name[l] == '\0'))
            return true;
    }
    return false;
}

static bool is_report_name(const char *name)
{
    return (has_ext(name, ".txt") || library_is_markdown(name)) && !is_folder_note(name);
}

static void push(struct path_list *l, const char *path)
{
    ALLOC_GROW(l->v, l->nr + 1, l->alloc);
    l->v[l->nr++] = xstrdup(path);
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

struct entry {
    char *name;
    unsigned char type; /* d_type: DT_REG, DT_DIR, DT_LNK, DT_UNKNOWN … */
};

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

static void walk_dir(struct walk *w, const char *dir, const struct stat *st)
{
    struct entry *v = NULL;
    size_t nr = 0, alloc = 0;
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
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.') /* hidden files, editors' and VCS folders */
            continue;
        if (de->d_type == DT_REG && !is_report_name(de->d_name))
            continue; /* an image or a document beside the reports */
        ALLOC_GROW(v, nr + 1, alloc);
        v[nr].name = xstrdup(de->d_name);
        v[nr++].type = de->d_type;
    }
    closedir(d);
    qsort(v, nr, sizeof(*v), cmp_entry);
    for (size_t i = 0; i < nr; i++) {
        char *path = join(dir, v[i].name);
        struct stat sub;

        if (v[i].type == DT_REG) { /* the common case needs no stat() */
            push(w->out, path);
        } else if (stat(path, &sub) < 0) {
            if (is_report_name(v[i].name))
                msgs_add(w->msgs, "%s: %s", path, strerror(errno));
        } else if (S_ISDIR(sub.st_mode)) {
            walk_dir(w, path, &sub);
        } else if (is_report_name(v[i].name) && S_ISREG(sub.st_mode)) {
            push(w->out, path);
        }
        free(path);
        free(v[i].name);
    }
    free(v);
}

int library_collect(const char *path, struct path_list *out, struct msgs *msgs, struct err *err)
{
    struct walk w = {out, msgs, NULL, 0, 0};
    struct stat st;

    if (!strcmp(path, "-")) { /* a report on standard input, read when loaded */
        push(out, path);
        return 0;
    }
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

struct report *library_load(const char *path, const struct load_opts *opts, struct err *err)
{
    const char *encoding = opts ? opts->encoding : NULL;
    struct decoded dec;
    struct report *r;
    char *raw;
    size_t n;
    uint64_t sum;

    if ((!strcmp(path, "-") ? util_read_stdin(&raw, &n, err)
                            : util_read_file(path, &raw, &n, err)) < 0)
        return NULL;
    if (n == 0) {
        err_set(err, "empty file, skipped");
        free(raw);
        return NULL;
    }
    sum = opts && opts->sum ? util_hash(raw, n) : 0; /* decode_take() takes raw */
    if (decode_take(raw, n, encoding, &dec, err) < 0)
        return NULL;
    if (!has_text(dec.text, dec.len)) {
        err_set(err, "no text in the file, skipped");
        free(dec.text);
        return NULL;
    }
    r = report_parse_skip(path, dec.text, dec.len, library_is_markdown(path),
                          opts ? opts->skip : 0);
    if (opts && opts->map) {
        struct sbuf map = SBUF_INIT;

        if (textmap_make(r, dec.text, dec.len, &map))
            r->map = sbuf_detach(&map, &r->map_len);
        sbuf_release(&map); /* what a map not kept grew */
    }
    free(dec.text);
    r->sum = sum;
    return r;
}

/* path's report rebuilt from its text map m: NULL with err set when the
 * file cannot be read, or with err->msg empty when it is no longer the
 * file the map was made of (the caller parses it). */
static struct report *load_mapped(const char *path, const struct load_opts *opts,
                                  const struct load_map *m, struct err *err)
{
    struct decoded dec;
    struct report *r;
    char *raw;
    size_t n;
    uint64_t sum;

    if (util_read_file(path, &raw, &n, err) < 0)
        return NULL;
    err->msg[0] = '\0';
    /* the bytes, not their time: the row was checked against the file
     * before, but the file may have been written since */
    if ((sum = util_hash(raw, n)) != m->sum) {
        free(raw);
        return NULL;
    }
    if (decode_take(raw, n, opts->encoding, &dec, err) < 0)
        return NULL;
    r = textmap_apply(path, dec.text, dec.len, m->map, m->len);
    free(dec.text);
    if (r) {
        r->sum = opts->sum ? sum : 0;
        if (m->courts)
            report_copy_courts(r, m->courts);
    }
    return r;
}

/* Path i of paths: rebuilt from its map when it has one that fits, else
 * read and parsed. */
static struct report *load_nth(const struct path_list *paths, size_t i,
                               const struct load_opts *opts, struct err *err)
{
    if (opts && opts->maps && opts->maps[i].map) {
        struct report *r = load_mapped(paths->v[i], opts, &opts->maps[i], err);

        if (r || err->msg[0])
            return r;
    }
    return library_load(paths->v[i], opts, err);
}

static library_map_fn map_source;
static void *map_source_ctx;

void library_set_map_source(library_map_fn fn, void *ctx)
{
    map_source = fn;
    map_source_ctx = ctx;
}

/* The text map of card, from the map source, into *m (m->map NULL: none). */
static void map_of(const struct report *card, struct load_map *m)
{
    memset(m, 0, sizeof(*m));
    if (map_source && card->id)
        m->map = map_source(map_source_ctx, card, &m->len, &m->sum);
    m->courts = card;
}

int library_fill(struct report **slot, const char *encoding, struct err *err)
{
    /* with the sum of its bytes, kept by its card (library_unfill()): a
     * caller that reads it again tells whether the file changed */
    struct load_opts opts = {.encoding = encoding, .sum = true};
    struct path_list one = {&(*slot)->path, 1, 1};
    struct load_map m;
    struct report *r;

    if (!(*slot)->card)
        return 0;
    map_of(*slot, &m);
    opts.maps = &m;
    r = load_nth(&one, 0, &opts, err);
    free((char *)m.map);
    if (!r)
        return -1;
    r->id = (*slot)->id; /* to be a card again, and filled again */
    report_free(*slot);
    *slot = r;
    return 0;
}

void library_unfill(struct report **slot)
{
    struct report *card;

    if ((*slot)->card || !(*slot)->id)
        return;
    card = report_card(*slot);
    report_free(*slot);
    *slot = card;
}

int library_workers(void)
{
    /* asked once: glibc reads a file under /sys for it each time, and the
     * browser asks at every batch of a search */
    static atomic_int workers;
    int w = atomic_load(&workers);

    if (!w) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);

        w = n > 8 ? 7 : n > 1 ? (int)n - 1 : 1;
        atomic_store(&workers, w);
    }
    return w;
}

/* What library_fill_each() reads: the slots of the cards in its list. */
struct fill_ctx {
    struct report **slots;
    const size_t *slot_of; /* list index → slot */
};

static bool took_fill(void *arg, size_t k, const char *path, struct report *r,
                      struct sbuf *prepared, const char *err)
{
    struct fill_ctx *c = arg;

    (void)path;
    (void)prepared;
    (void)err;
    if (!r)
        return false; /* the card stays: library_fill() says why, later */
    r->id = c->slots[c->slot_of[k]]->id;
    report_free(c->slots[c->slot_of[k]]);
    c->slots[c->slot_of[k]] = r;
    return true;
}

void library_fill_each(struct report **slots, const size_t *which, size_t n, const char *encoding)
{
    struct path_list list = {0};
    size_t *slot_of = xmalloc((n ? n : 1) * sizeof(*slot_of));
    struct load_map *maps = xcalloc(n ? n : 1, sizeof(*maps));
    struct load_opts opts = {.encoding = encoding, .sum = true, .maps = maps};
    struct fill_ctx ctx = {slots, slot_of};

    for (size_t k = 0; k < n; k++) {
        if (!slots[which[k]]->card)
            continue;
        slot_of[list.nr] = which[k];
        map_of(slots[which[k]], &maps[list.nr]);
        ALLOC_GROW(list.v, list.nr + 1, list.alloc);
        list.v[list.nr++] =
            xstrdup(slots[which[k]]->path); /* the card goes before its path is done with */
    }
    library_load_each(&list, &opts, library_workers(), NULL, took_fill, &ctx);
    for (size_t k = 0; k < list.nr; k++)
        free((char *)maps[k].map);
    free(maps);
    path_list_release(&list);
    free(slot_of);
}

/* Reports loaded ahead of the one being delivered, at most: the slots are a
 * ring of this many, path i in slot i % WINDOW (i and i + WINDOW are never
 * both in hand). An array of a slot per path, as it was, is megabytes of
 * zero pages for a large library, each written first by one thread and read
 * by another: a copy-on-write fault and a flush of every core's TLB apiece. */
#define WINDOW 64

struct slot {
    struct report *r;
    struct sbuf prepared; /* what prep made of it */
    char err[sizeof(((struct err *)0)->msg)];
    int loader; /* the thread that loaded it: 0 this one, 1 … the workers */
    bool done;
};

/*
 * What a worker made and the caller is done with, for the worker to free.
 * A block freed by a thread other than the one that allocated it goes back
 * to that thread's arena under its lock, while that thread allocates from
 * it: some 150 blocks a report, a lock taken from the other core each time.
 */
struct spent {
    struct spent_item {
        struct report *r;
        char *prepared;
    } * v;
    size_t nr, alloc;
};

struct pool {
    const struct path_list *paths;
    const struct load_opts *opts;
    library_prep prep;
    const void *ctx;
    struct slot slots[WINDOW];
    struct spent *spent; /* per worker (1 …; 0 unused) */
    int workers;
    size_t next;      /* next path to load */
    size_t delivered; /* paths handed to fn */
    pthread_mutex_t mu;
    pthread_cond_t loaded, room;
};

static void load_slot(struct pool *p, size_t i, int loader)
{
    struct err err;
    struct report *r = load_nth(p->paths, i, p->opts, &err);
    struct slot *s = &p->slots[i % WINDOW];

    if (r && p->prep)
        p->prep(p->ctx, i, r, &s->prepared);
    pthread_mutex_lock(&p->mu);
    s->r = r;
    s->loader = loader;
    if (!r)
        memcpy(s->err, err.msg, sizeof(err.msg));
    s->done = true;
    pthread_cond_broadcast(&p->loaded);
    pthread_mutex_unlock(&p->mu);
}

/* Free what is on a list of spent blocks (reports and prepared text). */
static void free_spent(struct spent *sp)
{
    for (size_t k = 0; k < sp->nr; k++) {
        report_free(sp->v[k].r);
        free(sp->v[k].prepared);
    }
    sp->nr = 0;
}

struct worker_arg {
    struct pool *p;
    int id;
};

static void *worker(void *arg)
{
    struct pool *p = ((struct worker_arg *)arg)->p;
    int id = ((struct worker_arg *)arg)->id;
    struct spent mine = {0}; /* taken from p->spent[id], freed outside the lock */

    for (;;) {
        size_t i;
        struct spent t;

        pthread_mutex_lock(&p->mu);
        while (p->next < p->paths->nr && p->next >= p->delivered + WINDOW)
            pthread_cond_wait(&p->room, &p->mu);
        t = p->spent[id]; /* swap: the lists keep their room */
        p->spent[id] = mine;
        mine = t;
        if (p->next >= p->paths->nr) {
            pthread_mutex_unlock(&p->mu);
            free_spent(&mine);
            free(mine.v);
            return NULL;
        }
        i = p->next++;
        pthread_mutex_unlock(&p->mu);
        free_spent(&mine);
        load_slot(p, i, id);
    }
}

void library_load_each(const struct path_list *paths, const struct load_opts *opts, int threads,
                       library_prep prep, library_fn fn, void *ctx)
{
    struct pool p = {.paths = paths,
                     .opts = opts,
                     .prep = prep,
                     .ctx = ctx,
                     .mu = PTHREAD_MUTEX_INITIALIZER,
                     .loaded = PTHREAD_COND_INITIALIZER,
                     .room = PTHREAD_COND_INITIALIZER};
    pthread_t *tids;
    struct worker_arg *args;
    int started = 0;

    if (threads < 1 || paths->nr < 2) {
        struct sbuf prepared = SBUF_INIT;

        for (size_t i = 0; i < paths->nr; i++) {
            struct err err;
            struct report *r = load_nth(paths, i, opts, &err);

            sbuf_reset(&prepared);
            if (r && prep)
                prep(ctx, i, r, &prepared);
            if (!fn(ctx, i, paths->v[i], r, &prepared, r ? NULL : err.msg))
                report_free(r);
        }
        sbuf_release(&prepared);
        return;
    }
    tids = xcalloc((size_t)threads, sizeof(*tids));
    args = xcalloc((size_t)threads, sizeof(*args));
    p.spent = xcalloc((size_t)threads + 1, sizeof(*p.spent));
    for (int t = 0; t < threads; t++) {
        args[t].p = &p;
        args[t].id = t + 1;
        if (pthread_create(&tids[t], NULL, worker, &args[t]) == 0)
            started++;
    }
    for (size_t i = 0; i < paths->nr; i++) {
        struct slot *s = &p.slots[i % WINDOW];
        bool kept;

        pthread_mutex_lock(&p.mu);
        /* this thread loads too while its report is not ready, rather than
         * wait: the workers are one fewer than the cores */
        while (!s->done && p.next < paths->nr && p.next < p.delivered + WINDOW) {
            size_t k = p.next++;

            pthread_mutex_unlock(&p.mu);
            load_slot(&p, k, 0);
            pthread_mutex_lock(&p.mu);
        }
        while (!s->done)
            pthread_cond_wait(&p.loaded, &p.mu);
        pthread_mutex_unlock(&p.mu);
        kept = fn(ctx, i, paths->v[i], s->r, &s->prepared, s->r ? NULL : s->err);
        if (kept)
            s->r = NULL;
        if (s->loader == 0) { /* made here: freed here */
            report_free(s->r);
            sbuf_release(&s->prepared);
            s->r = NULL;
        }
        pthread_mutex_lock(&p.mu);
        if (s->loader > 0) { /* for the worker that made them */
            struct spent *sp = &p.spent[s->loader];

            ALLOC_GROW(sp->v, sp->nr + 1, sp->alloc);
            sp->v[sp->nr].r = s->r;
            sp->v[sp->nr++].prepared = s->prepared.buf;
            s->r = NULL;
            s->prepared = (struct sbuf)SBUF_INIT;
        }
        s->done = false; /* free for path i + WINDOW */
        p.delivered = i + 1;
        pthread_cond_broadcast(&p.room);
        pthread_mutex_unlock(&p.mu);
    }
    for (int t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
    for (int t = 0; t <= threads; t++) { /* what a worker left, or one not started */
        free_spent(&p.spent[t]);
        free(p.spent[t].v);
    }
    free(p.spent);
    free(args);
    free(tids);
}
