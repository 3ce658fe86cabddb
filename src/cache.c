/*
 * cache.c: the search cache's file. Records are 8-byte aligned; a record
 * holds the file's identity (size, modification time, inode), the report's
 * fields and courts as NUL-terminated strings, its blocks as this build's
 * struct block, its text, and a checksum of all of it. The file is mapped
 * and reports point into it, once every field has been checked: a damaged
 * or foreign file must never reach the model, the layout or the terminal.
 */
#include "cache.h"

#include <dirent.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
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
#define FORMAT    3u
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
    uint64_t sum; /* of the record being written */
    bool failed;
};

/*
 * The checksum of a record: CRC-32C (Castagnoli) of its bytes, a word of
 * eight at a time (everything is padded to 8 with zeros). Finds a flipped
 * bit or a torn write; it is no defence against a forger, which the field
 * checks are. On x86-64 the SSE 4.2 instruction does eight bytes a cycle,
 * so checking a large cache costs little beside the search itself; the
 * table below gives the same sums where it is missing.
 */
static uint32_t crc_table[8][256];

static void crc_table_make(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;

        for (int k = 0; k < 8; k++)
            c = c & 1 ? (c >> 1) ^ 0x82F63B78u : c >> 1;
        crc_table[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; i++)
        for (int t = 1; t < 8; t++)
            crc_table[t][i] = (crc_table[t - 1][i] >> 8) ^ crc_table[0][crc_table[t - 1][i] & 0xFF];
}

static uint64_t crc_soft(uint64_t h, const unsigned char *b, size_t n)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    uint32_t c = (uint32_t)h;

    pthread_once(&once, crc_table_make);
    for (size_t i = 0; i + 8 <= n; i += 8) {
        uint64_t w;

        memcpy(&w, b + i, 8);
        w ^= c;
        c = crc_table[7][w & 0xFF] ^ crc_table[6][(w >> 8) & 0xFF] ^
            crc_table[5][(w >> 16) & 0xFF] ^ crc_table[4][(w >> 24) & 0xFF] ^
            crc_table[3][(w >> 32) & 0xFF] ^ crc_table[2][(w >> 40) & 0xFF] ^
            crc_table[1][(w >> 48) & 0xFF] ^ crc_table[0][w >> 56];
    }
    return c;
}

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("sse4.2"))) static uint64_t crc_hard(uint64_t h, const unsigned char *b,
                                                           size_t n)
{
    for (size_t i = 0; i + 8 <= n; i += 8) {
        uint64_t w;

        memcpy(&w, b + i, 8);
        h = __builtin_ia32_crc32di(h, w);
    }
    return h;
}
#endif

static uint64_t sum_words(uint64_t h, const void *p, size_t n)
{
#if defined(__x86_64__) && defined(__GNUC__)
    if (__builtin_cpu_supports("sse4.2"))
        return crc_hard(h, p, n);
#endif
    return crc_soft(h, p, n);
}

#define SUM_SEED 0xFFFFFFFFu

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

/* Whether the character at s[i] is one decode never leaves in a text:
 * a control other than the line end (ESC, BEL, C0), DEL, a C1 control
 * (U+0080 to U+009F, C2 80 to C2 9F), a bidi control (see decode.h). */
static bool control_at(const unsigned char *u, size_t n, size_t i)
{
    size_t left = n - i;

    u += i;
    if ((*u < 0x20 && *u != '\n') || *u == 0x7F)
        return true;
    if (*u == 0xC2)
        return left > 1 && u[1] >= 0x80 && u[1] <= 0x9F;
    if (*u == 0xD8) /* U+061C */
        return left > 1 && u[1] == 0x9C;
    if (*u == 0xE2 && left > 2)
        return (u[1] == 0x80 && (u[2] == 0x8E || u[2] == 0x8F || (u[2] >= 0xAA && u[2] <= 0xAE))) ||
               (u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9);
    return false;
}

/* Whether text holds a character decode never leaves in one (control_at).
 * Words of eight bytes with no byte below 0x20 and none of 0x7F, 0xC2,
 * 0xD8, 0xE2 are passed over at once: Chinese text is mostly such words;
 * the others are looked at byte by byte. */
static bool has_controls(const char *s, size_t n)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;

#ifdef __SSE2__
    /* sixteen bytes at a time where every x86-64 has the instructions */
    const __m128i c1f = _mm_set1_epi8(0x1F), c7f = _mm_set1_epi8(0x7F),
                  cc2 = _mm_set1_epi8((char)0xC2), cd8 = _mm_set1_epi8((char)0xD8),
                  ce2 = _mm_set1_epi8((char)0xE2);

    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
        __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, c1f), v); /* below 0x20 */
        __m128i hit = _mm_or_si128(
            _mm_or_si128(low, _mm_cmpeq_epi8(v, c7f)),
            _mm_or_si128(_mm_cmpeq_epi8(v, cc2),
                         _mm_or_si128(_mm_cmpeq_epi8(v, cd8), _mm_cmpeq_epi8(v, ce2))));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);

        while (mask) {
            if (control_at(u, n, i + (size_t)__builtin_ctz(mask)))
                return true;
            mask &= mask - 1;
        }
    }
#endif

    for (; i + 8 <= n; i += 8) {
        uint64_t w, flag = 0;
        static const unsigned char look[] = {0x7F, 0xC2, 0xD8, 0xE2};

        memcpy(&w, s + i, 8);
        flag = (w - ones * 0x20) & ~w & highs; /* a byte below 0x20 (or a false alarm) */
        for (size_t k = 0; k < sizeof(look); k++) {
            uint64_t x = w ^ (ones * look[k]);

            flag |= (x - ones) & ~x & highs; /* a byte equal to look[k] */
        }
        while (flag) { /* each byte flagged (the trick flags no fewer than there are) */
            if (control_at(u, n, i + (size_t)__builtin_ctzll(flag) / 8))
                return true;
            flag &= flag - 1;
        }
    }
    for (; i < n; i++)
        if (control_at(u, n, i))
            return true;
    return false;
}

/* A field string that is fit to show: no line end either. */
static bool clean_field(const char *s)
{
    return !s || (!strchr(s, '\n') && !has_controls(s, strlen(s)));
}

/* Whether the courts' parents are indices of other courts (or -1) and
 * lead up to a court with none, as court_find_report() makes them. */
static bool parents_ok(const int *parent, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t steps = 0;

        for (long j = (long)i; parent[j] != -1; j = parent[j])
            if (parent[j] < 0 || (size_t)parent[j] >= n || ++steps > n)
                return false;
    }
    return true;
}

/* One record into r. RECORD_CHANGED when its file changed since (not
 * damage: parsed again quietly); RECORD_BAD when any field is not one the
 * writer can have made. */
enum record_state { RECORD_OK, RECORD_CHANGED, RECORD_BAD };

static enum record_state read_record(struct reader *rd, const char *path, struct report *r,
                                     bool *failed)
{
    const struct record *rec = take(rd, sizeof(*rec));
    struct identity now;
    struct stat st;
    const char *cpath;

    if (!rec)
        return RECORD_BAD;
    if (stat(path, &st) < 0)
        return RECORD_CHANGED;
    identity_of(&st, &now);
    if (memcmp(&now, &rec->id, sizeof(now)) != 0)
        return RECORD_CHANGED;
    cpath = take_string(rd);
    if (!cpath || strcmp(cpath, path))
        return RECORD_BAD;
    r->path = (char *)cpath;
    *failed = rec->failed != 0;
    r->title = take_string(rd);
    r->subtitle = take_string(rd);
    r->byline = take_string(rd);
    r->date = take_string(rd);
    r->source = take_string(rd);
    r->author = take_string(rd);
    r->main_court = rec->main_court != 0;
    /* every count within what is left of the file: a string takes 8 bytes
     * at least, a block its size */
    if (rec->failed > 1 || rec->main_court > 1 ||
        rec->nr_courts > (uint64_t)(rd->end - rd->p) / 8 ||
        rec->nr_blocks > (uint64_t)(rd->end - rd->p) / sizeof(struct block) ||
        rec->text_len >= (uint64_t)(rd->end - rd->p))
        return RECORD_BAD;
    r->nr_courts = (size_t)rec->nr_courts;
    r->courts = xcalloc(r->nr_courts ? r->nr_courts : 1, sizeof(*r->courts));
    for (size_t i = 0; i < r->nr_courts && !rd->bad; i++)
        if (!(r->courts[i] = take_string(rd)))
            rd->bad = true; /* a court has a name */
    r->court_parent = (int *)take(rd, r->nr_courts * sizeof(int));
    r->nr_blocks = (size_t)rec->nr_blocks;
    r->blocks = (struct block *)take(rd, r->nr_blocks * sizeof(struct block));
    r->len = (size_t)rec->text_len;
    r->text = (char *)take(rd, r->len + 1);
    if (rd->bad || !r->text || r->text[r->len] != '\0' ||
        (r->nr_courts && !parents_ok(r->court_parent, r->nr_courts)))
        return RECORD_BAD;
    for (size_t b = 0; b < r->nr_blocks; b++) {
        const struct block *bl = &r->blocks[b];

        if ((unsigned)bl->kind > BLOCK_SOURCE || bl->level < 0 || bl->level > 9 ||
            bl->off > r->len || bl->len > r->len - bl->off)
            return RECORD_BAD;
    }
    /* what reaches the terminal is as clean as decode leaves a file's text */
    if (!clean_field(r->title) || !clean_field(r->subtitle) || !clean_field(r->byline) ||
        !clean_field(r->date) || !clean_field(r->source) || !clean_field(r->author) ||
        has_controls(r->text, r->len))
        return RECORD_BAD;
    for (size_t i = 0; i < r->nr_courts; i++)
        if (!clean_field(r->courts[i]))
            return RECORD_BAD;
    return RECORD_OK;
}

/* One thread's share of the records: [from, to) of starts. */
struct check_share {
    struct cache *c;
    const struct path_list *paths;
    const char **starts; /* starts[i]: record i; starts[nr]: the end */
    size_t from, to;
    enum record_state worst;
    pthread_t tid;
};

static void *check_share_run(void *arg)
{
    struct check_share *sh = arg;

    for (size_t i = sh->from; i < sh->to && sh->worst == RECORD_OK; i++) {
        const char *start = sh->starts[i];
        size_t len = (size_t)(sh->starts[i + 1] - start);
        struct reader rd = {start, start + len - 8, false}; /* its fields stay inside it */
        uint64_t sum;
        enum record_state rs = RECORD_BAD;

        memcpy(&sum, start + len - 8, 8);
        if (sum_words(SUM_SEED, start, len - 8) == sum) /* whole, and as it was written */
            rs = read_record(&rd, sh->paths->v[i], &sh->c->reports[i], &sh->c->failed[i]);
        if (rs != RECORD_OK)
            sh->worst = rs == RECORD_BAD || sh->worst == RECORD_BAD ? RECORD_BAD : rs;
    }
    return NULL;
}

/* Check every record (checksum, then field by field), on a thread per core:
 * a large cache is checked at each search. False when one is damaged (err
 * says so) or its file changed. */
static bool check_records(struct cache *c, const char *file, const struct path_list *paths,
                          struct err *err)
{
    const char *p = (const char *)c->map + sizeof(struct header),
               *end = (const char *)c->map + c->map_len;
    const char **starts = xmalloc((paths->nr + 1) * sizeof(*starts));
    struct check_share sh[8];
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    size_t n = cores < 1 ? 1 : cores > 8 ? 8 : (size_t)cores;
    bool started[8] = {false}, ok = true, bad = false;

    for (size_t i = 0; i < paths->nr && ok; i++) { /* where each record starts */
        uint64_t len = (size_t)(end - p) >= sizeof(struct record)
                           ? ((const struct record *)(const void *)p)->len
                           : UINT64_MAX;

        starts[i] = p;
        if (len > (uint64_t)(end - p) || len < sizeof(struct record) + 8 || len % 8)
            ok = false, bad = true;
        else
            p += len;
    }
    starts[paths->nr] = p;
    if (n > paths->nr)
        n = paths->nr ? paths->nr : 1;
    for (size_t t = 0; ok && t < n; t++) {
        sh[t] = (struct check_share){
            c, paths, starts, paths->nr * t / n, paths->nr * (t + 1) / n, RECORD_OK, 0};
        if (t > 0)
            started[t] = pthread_create(&sh[t].tid, NULL, check_share_run, &sh[t]) == 0;
    }
    for (size_t t = 0; ok && t < n; t++)
        if (!started[t])
            check_share_run(&sh[t]); /* this thread's share, or one whose thread did not start */
    for (size_t t = 0; ok && t < n; t++) {
        if (started[t])
            pthread_join(sh[t].tid, NULL);
        bad |= sh[t].worst == RECORD_BAD;
    }
    for (size_t t = 0; ok && t < n; t++)
        ok &= sh[t].worst == RECORD_OK;
    if (bad)
        err_set(err, "%s: damaged, made again from the reports", file);
    free(starts);
    return ok && !bad;
}

struct cache *cache_open(const char *file, const struct path_list *paths, struct err *err)
{
    struct cache *c;
    const struct header *h;
    struct identity me;
    struct stat st;
    int fd = open(file, O_RDONLY | O_CLOEXEC);

    err->msg[0] = '\0';
    if (fd < 0)
        return NULL;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size < sizeof(*h)) {
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
    c->reports = xcalloc(paths->nr ? paths->nr : 1, sizeof(*c->reports));
    c->failed = xcalloc(paths->nr ? paths->nr : 1, sizeof(*c->failed));
    c->nr = paths->nr; /* cache_close() frees what the checks made */
    if (!check_records(c, file, paths, err)) {
        cache_close(c);
        return NULL;
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

/* n bytes, then zeros up to pad bytes in all, into the file and the sum */
static void put_padded(struct cache_writer *w, const void *p, size_t n, size_t pad)
{
    static const char zero[8];
    size_t whole = n & ~(size_t)7;
    char last[8] = {0};

    if (w->failed)
        return;
    if ((n && fwrite(p, 1, n, w->f) != n) || fwrite(zero, 1, pad - n, w->f) != pad - n) {
        w->failed = true;
        return;
    }
    w->sum = sum_words(w->sum, p, whole);
    if (pad > whole) { /* the last word: the rest of p, then zeros */
        memcpy(last, (const char *)p + whole, n - whole);
        w->sum = sum_words(w->sum, last, 8);
    }
}

static void put(struct cache_writer *w, const void *p, size_t n)
{
    put_padded(w, p, n, pad8(n));
}

/* n bytes of text and a NUL, padded as one. */
static void put_text(struct cache_writer *w, const char *p, size_t n)
{
    put_padded(w, p, n, pad8(n + 1));
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
    uint64_t sum;
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
              pad8(r->nr_blocks * sizeof(struct block)) + pad8(r->len + 1) + 8;
    for (size_t i = 0; i < ARRAY_SIZE(fields); i++)
        rec.len += string_size(fields[i]);
    for (size_t i = 0; i < r->nr_courts; i++)
        rec.len += string_size(r->courts[i]);
    w->sum = SUM_SEED;
    put(w, &rec, sizeof(rec));
    for (size_t i = 0; i < ARRAY_SIZE(fields); i++)
        put_string(w, fields[i]);
    for (size_t i = 0; i < r->nr_courts; i++)
        put_string(w, r->courts[i]);
    put(w, r->court_parent ? (const void *)r->court_parent : "", r->nr_courts * sizeof(int));
    put(w, r->blocks ? (const void *)r->blocks : "", r->nr_blocks * sizeof(struct block));
    put_text(w, r->text ? r->text : "", r->len);
    sum = w->sum;
    put(w, &sum, sizeof(sum)); /* last: what it covers is written */
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
