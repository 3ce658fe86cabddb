/*
 * util.h: allocation that never fails (it dies, restoring the terminal first),
 * a growable byte buffer, growable arrays and the error struct that library
 * code fills instead of printing.
 *
 * An sbuf's buf is always NUL-terminated once anything was added; len excludes
 * the NUL. sbuf_release() frees and leaves the sbuf reusable; sbuf_detach()
 * hands the storage to the caller.
 */
#ifndef COURTREAD_UTIL_H
#define COURTREAD_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Grow array a (of nr used, alloc allocated) so that it holds at least n. */
#define ALLOC_GROW(a, n, alloc)                                                                    \
    do {                                                                                           \
        if ((n) > (alloc)) {                                                                       \
            (alloc) = (alloc) < 8 ? 8 : (alloc)*2;                                                 \
            if ((alloc) < (n))                                                                     \
                (alloc) = (n);                                                                     \
            (a) = xrealloc((a), (alloc) * sizeof(*(a)));                                           \
        }                                                                                          \
    } while (0)

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Called before dying of out-of-memory, so the UI can restore the terminal. */
void util_set_fatal_hook(void (*hook)(void));
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct sbuf {
    char *buf;
    size_t len;
    size_t alloc;
};
#define SBUF_INIT                                                                                  \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

void sbuf_grow(struct sbuf *sb, size_t extra);

/* Append n bytes. Inline: it is on every hot path of the parser. */
static inline void sbuf_add(struct sbuf *sb, const char *s, size_t n)
{
    if (sb->len + n + 1 > sb->alloc)
        sbuf_grow(sb, n);
    if (n) /* s may be NULL then (an empty sbuf's buf), which memcpy() may not be given */
        memcpy(sb->buf + sb->len, s, n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
}
/* Append one byte. Inline too: the parser builds text a byte at a time. */
static inline void sbuf_addch(struct sbuf *sb, char c)
{
    if (sb->len + 2 > sb->alloc)
        sbuf_grow(sb, 1);
    sb->buf[sb->len++] = c;
    sb->buf[sb->len] = '\0';
}
void sbuf_addstr(struct sbuf *sb, const char *s);
void sbuf_addf(struct sbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sbuf_vaddf(struct sbuf *sb, const char *fmt, va_list ap);
void sbuf_reset(struct sbuf *sb);
void sbuf_release(struct sbuf *sb);
/* Caller frees the returned string; sb is left empty. */
char *sbuf_detach(struct sbuf *sb, size_t *len);

/*
 * A file of courtread's in an XDG base folder: $<var>/courtread/<name>, or
 * $HOME/<fallback>/courtread/<name> when var is unset, empty or relative (var is
 * "XDG_CONFIG_HOME", fallback ".config", say). NULL when HOME is not set
 * either. Caller frees.
 */
char *util_xdg_path(const char *var, const char *fallback, const char *name);

/*
 * Append n bytes of s as they may reach a terminal or a log: a file name, a
 * config key or value, a library's message. Everything a terminal would act
 * on is made visible instead: C0 and C1 controls, DEL and bytes that are not
 * UTF-8 as \xHH, bidi controls (U+061C, U+200E/F, U+202A to U+202E, U+2066 to
 * U+2069) as \u{XXXX}. Valid text passes unchanged.
 */
void sbuf_add_printable(struct sbuf *sb, const char *s, size_t n);

/* Where library code reports what went wrong; the caller decides where it goes.
 * err_set(), msgs_add() and complain() make what they format printable
 * (sbuf_add_printable), so a name from outside can go into any of them. */
struct err {
    char msg[1024];
};
void err_set(struct err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A list of messages (warnings about skipped reports and the like). */
struct msgs {
    char **v;
    size_t nr, alloc;
};
void msgs_add(struct msgs *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void msgs_release(struct msgs *m);

/* "courtread: " and the printable message on standard error, with a newline. */
void complain(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Read a whole regular file into *out, NUL-terminated (*len excludes the NUL);
 * caller frees *out. Returns 0, or -1 with err set to the reason (a
 * directory, a FIFO or device, or the system's error). */
int util_read_file(const char *path, char **out, size_t *len, struct err *err);

/* Read all of standard input (a pipe, a terminal or a file), as
 * util_read_file() does a file: the report named "-". */
int util_read_stdin(char **out, size_t *len, struct err *err);

/* Make the folders that hold file (mode 0700), as mkdir -p does, but only
 * below the base the user gave: the folder in $var (an XDG variable) and
 * below, or below $HOME; -1 with err (when not NULL) set when one is missing
 * above that or cannot be made. */
int util_make_parent(const char *file, const char *var, struct err *err);

/* A 64-bit hash of n bytes at p, to tell whether a file's bytes changed (no
 * defence against a forger). */
uint64_t util_hash(const void *p, size_t n);

#endif
