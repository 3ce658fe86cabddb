/*
 * util.c: x-allocators, sbuf, err and msgs. Never touches the terminal itself:
 * the fatal hook set by the UI does that before we die.
 */
#include "util.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

static void (*fatal_hook)(void);

void util_set_fatal_hook(void (*hook)(void))
{
    fatal_hook = hook;
}

/* Bidi controls: they reorder what follows on the terminal, so a name can
 * show as another (the "Trojan source" trick). */
static bool is_bidi_control(ucs4_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

/* s made printable (see sbuf_add_printable), piece by piece to out: no
 * allocation of its own, so that die() can use it when memory is gone. */
static void printable(const char *s, size_t n, void (*out)(void *, const char *, size_t), void *ctx)
{
    const uint8_t *u = (const uint8_t *)s;
    size_t run = 0; /* where the bytes that pass unchanged began */
    char esc[16];

    for (size_t i = 0; i < n;) {
        ucs4_t c;
        int l;

        if (u[i] >= 0x20 && u[i] < 0x7F) { /* printable ASCII: most of a path */
            i++;
            continue;
        }
        l = u8_mbtoucr(&c, u + i, n - i);
        if (l <= 0) { /* not UTF-8 (or cut short): the byte, visibly */
            snprintf(esc, sizeof(esc), "\\x%02X", u[i]);
            l = 1;
        } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
            snprintf(esc, sizeof(esc), "\\x%02X", (unsigned)c);
        } else if (is_bidi_control(c)) {
            snprintf(esc, sizeof(esc), "\\u{%04X}", (unsigned)c);
        } else {
            i += (size_t)l;
            continue;
        }
        if (i > run)
            out(ctx, s + run, i - run);
        out(ctx, esc, strlen(esc));
        i += (size_t)l;
        run = i;
    }
    if (n > run)
        out(ctx, s + run, n - run);
}

static void out_sbuf(void *sb, const char *s, size_t n)
{
    sbuf_add(sb, s, n);
}

static void out_file(void *f, const char *s, size_t n)
{
    fwrite(s, 1, n, f);
}

void sbuf_add_printable(struct sbuf *sb, const char *s, size_t n)
{
    printable(s, n, out_sbuf, sb);
}

void die(const char *fmt, ...)
{
    va_list ap;

    char msg[1024];

    if (fatal_hook)
        fatal_hook();
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    fputs("courtread: ", stderr);
    printable(msg, strlen(msg), out_file, stderr);
    fputc('\n', stderr);
    exit(1);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);

    if (!p)
        die("out of memory (%zu bytes)", n);
    return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
    void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

    if (!p)
        die("out of memory");
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);

    if (!q)
        die("out of memory (%zu bytes)", n);
    return q;
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);

    if (n) /* s may be an empty sbuf's NULL */
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

void sbuf_grow(struct sbuf *sb, size_t extra)
{
    size_t need = sb->len + extra + 1;

    if (need <= sb->alloc)
        return;
    sb->alloc = sb->alloc < 64 ? 64 : sb->alloc;
    while (sb->alloc < need)
        sb->alloc *= 2;
    sb->buf = xrealloc(sb->buf, sb->alloc);
}

void sbuf_addstr(struct sbuf *sb, const char *s)
{
    sbuf_add(sb, s, strlen(s));
}

void sbuf_vaddf(struct sbuf *sb, const char *fmt, va_list ap)
{
    va_list cp;
    int n;

    va_copy(cp, ap);
    n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0)
        return;
    sbuf_grow(sb, (size_t)n);
    vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
    sb->len += (size_t)n;
}

void sbuf_addf(struct sbuf *sb, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    sbuf_vaddf(sb, fmt, ap);
    va_end(ap);
}

void sbuf_reset(struct sbuf *sb)
{
    sb->len = 0;
    if (sb->buf)
        sb->buf[0] = '\0';
}

void sbuf_release(struct sbuf *sb)
{
    free(sb->buf);
    sb->buf = NULL;
    sb->len = sb->alloc = 0;
}

char *sbuf_detach(struct sbuf *sb, size_t *len)
{
    char *p = sb->buf ? sb->buf : xstrdup("");

    if (len)
        *len = sb->len;
    sb->buf = NULL;
    sb->len = sb->alloc = 0;
    return p;
}

/* fmt with its arguments, made printable, into sb */
static void add_printable_vf(struct sbuf *sb, const char *fmt, va_list ap)
{
    struct sbuf raw = SBUF_INIT;

    sbuf_vaddf(&raw, fmt, ap);
    sbuf_add_printable(sb, raw.buf ? raw.buf : "", raw.len);
    sbuf_release(&raw);
}

void err_set(struct err *e, const char *fmt, ...)
{
    struct sbuf sb = SBUF_INIT;
    va_list ap;

    if (!e)
        return;
    va_start(ap, fmt);
    add_printable_vf(&sb, fmt, ap);
    va_end(ap);
    snprintf(e->msg, sizeof(e->msg), "%s", sb.buf ? sb.buf : "");
    sbuf_release(&sb);
}

void msgs_add(struct msgs *m, const char *fmt, ...)
{
    struct sbuf sb = SBUF_INIT;
    va_list ap;

    va_start(ap, fmt);
    add_printable_vf(&sb, fmt, ap);
    va_end(ap);
    ALLOC_GROW(m->v, m->nr + 1, m->alloc);
    m->v[m->nr++] = sbuf_detach(&sb, NULL);
}

void complain(const char *fmt, ...)
{
    struct sbuf sb = SBUF_INIT;
    va_list ap;

    va_start(ap, fmt);
    add_printable_vf(&sb, fmt, ap);
    va_end(ap);
    fprintf(stderr, "courtread: %s\n", sb.buf ? sb.buf : "");
    sbuf_release(&sb);
}

void msgs_release(struct msgs *m)
{
    for (size_t i = 0; i < m->nr; i++)
        free(m->v[i]);
    free(m->v);
    m->v = NULL;
    m->nr = m->alloc = 0;
}

char *util_xdg_path(const char *var, const char *fallback, const char *name)
{
    const char *xdg = getenv(var), *home = getenv("HOME");
    struct sbuf sb = SBUF_INIT;

    /* the XDG spec: a relative path in the variable is invalid, ignore it */
    if (xdg && *xdg == '/')
        sbuf_addf(&sb, "%s/courtread/%s", xdg, name);
    else if (home && *home)
        sbuf_addf(&sb, "%s/%s/courtread/%s", home, fallback, name);
    else
        return NULL;
    return sbuf_detach(&sb, NULL);
}

int util_make_parent(const char *file, const char *var, struct err *err)
{
    const char *xdg = getenv(var), *home = getenv("HOME");
    char *dir = xstrdup(file);
    size_t keep = 0; /* folders whose path is shorter are never made */
    struct stat st;

    /* Only below what the user gave: the XDG folder itself and what is in
     * it, or what is in HOME; never HOME or the folders above them (a
     * HOME=/nonexistent/x must not make that whole path). */
    size_t n = xdg ? strlen(xdg) : 0;

    while (n > 1 && xdg[n - 1] == '/')
        n--;
    if (xdg && *xdg == '/' && !strncmp(file, xdg, n))
        keep = n;
    else if (home && *home && !strncmp(file, home, strlen(home)))
        keep = strlen(home) + 1;
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if ((size_t)(p - dir) < keep) {
            if (stat(dir, &st) < 0) {
                if (err)
                    err_set(err, "%s: %s", dir, strerror(errno));
                free(dir);
                return -1;
            }
        } else if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
            if (err)
                err_set(err, "%s: %s", dir, strerror(errno));
            free(dir);
            return -1;
        }
        *p = '/';
    }
    free(dir);
    return 0;
}

/* Read all of fd into *out (NUL-terminated); size, when known, is the
 * file's, so a regular file is read without a last read() to see its end. */
static int read_all(int fd, size_t size, char **out, size_t *len, struct err *err)
{
    size_t n = 0, cap = size ? size + 1 : 65536;
    char *buf = xmalloc(cap);

    for (;;) {
        ssize_t r;

        if (n == cap) {
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
        r = read(fd, buf + n, cap - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            err_set(err, "%s", strerror(errno));
            free(buf);
            return -1;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (size && n == size)
            break; /* all of it: no read() just to see the end */
    }
    if (n == cap)
        buf = xrealloc(buf, cap + 1);
    buf[n] = '\0'; /* so the text can be scanned as a string too */
    *out = buf;
    *len = n;
    return 0;
}

int util_read_file(const char *path, char **out, size_t *len, struct err *err)
{
    struct stat st;
    int fd, rc;

    /* O_NONBLOCK: opening a FIFO must not wait for a writer */
    fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        err_set(err, "%s", strerror(errno));
        return -1;
    }
    if (fstat(fd, &st) < 0) {
        err_set(err, "%s", strerror(errno));
        close(fd);
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        err_set(err, "is a directory");
        close(fd);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) { /* a FIFO or a device would block or never end */
        err_set(err, "not a regular file");
        close(fd);
        return -1;
    }
    rc = read_all(fd, (size_t)st.st_size, out, len, err);
    close(fd);
    return rc;
}

int util_read_stdin(char **out, size_t *len, struct err *err)
{
    struct stat st;

    /* a pipe or a terminal, as the user asked with "-"; a regular file
     * redirected in (< report.txt) has a size */
    if (fstat(STDIN_FILENO, &st) < 0) {
        err_set(err, "%s", strerror(errno));
        return -1;
    }
    return read_all(STDIN_FILENO, S_ISREG(st.st_mode) ? (size_t)st.st_size : 0, out, len, err);
}

/* One word mixed into a hash. */
static uint64_t hash_word(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0xBF58476D1CE4E5B9u;
    return h ^ (h >> 31);
}

uint64_t util_hash(const void *p, size_t n)
{
    const unsigned char *b = p;
    uint64_t h = 0x9E3779B97F4A7C15u ^ n, lane[4], w;
    size_t i = 0;

    /* thirty-two bytes at a time into four hashes that do not wait for
     * each other (a multiply's latency, not its work, is what one chain of
     * them costs: a file's sum was some 3 % of parsing it), then eight */
    for (int k = 0; k < 4; k++)
        lane[k] = h + (uint64_t)k * 0xD6E8FEB86659FD93u;
    for (; i + 32 <= n; i += 32)
        for (int k = 0; k < 4; k++) {
            memcpy(&w, b + i + 8 * (size_t)k, 8);
            lane[k] = hash_word(lane[k], w);
        }
    for (int k = 0; k < 4; k++)
        h = hash_word(h, lane[k]);
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, b + i, 8);
        h = hash_word(h, w);
    }
    w = 0;
    memcpy(&w, b + i, n - i);
    h = (h ^ w) * 0x94D049BB133111EBu;
    return h ^ (h >> 29);
}
