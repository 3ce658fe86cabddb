/*
 * report_file.c: a report's file read again for what the model does not
 * keep (size, change time, encoding) and the file line of a place in the
 * clean text. No terminal, no printing.
 */
#include "report_file.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "decode.h"
#include "util.h"

/* Characters looked for, and how far on (in characters) the search moves
 * when they are not in the file. */
#define SNIPPET_CHARS 10
#define SNIPPET_TRIES 24

int report_stamp_get(const char *path, struct report_stamp *st, struct err *err)
{
    struct stat sb;

    if (stat(path, &sb) < 0) {
        err_set(err, "%s: %s", path, strerror(errno));
        return -1;
    }
    st->dev = (unsigned long long)sb.st_dev;
    st->ino = (unsigned long long)sb.st_ino;
    st->size = (unsigned long long)sb.st_size;
    st->mtime_sec = (long long)sb.st_mtim.tv_sec;
    st->mtime_nsec = sb.st_mtim.tv_nsec;
    return 0;
}

bool report_stamp_same(const struct report_stamp *a, const struct report_stamp *b)
{
    return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
           a->mtime_sec == b->mtime_sec && a->mtime_nsec == b->mtime_nsec;
}

int report_file_read(struct report_file *f, const char *path, const char *force, struct err *err)
{
    struct decoded dec;
    char *raw;
    size_t n;

    memset(f, 0, sizeof(*f));
    if (report_stamp_get(path, &f->stamp, err) < 0 || util_read_file(path, &raw, &n, err) < 0)
        return -1;
    if (decode_take(raw, n, force, &dec, err) < 0)
        return -1;
    f->text = dec.text;
    f->len = dec.len;
    f->encoding = dec.encoding;
    for (size_t i = 0; i < f->len; i++)
        f->lines += f->text[i] == '\n';
    if (f->len && f->text[f->len - 1] != '\n')
        f->lines++;
    return 0;
}

void report_file_release(struct report_file *f)
{
    free(f->text);
    memset(f, 0, sizeof(*f));
}

/* The length of the white space at s[i] (where the file and the clean text
 * may differ: line ends, indents, the ideographic space), or 0. */
static size_t space_at(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];

    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        return 1;
    if (c == 0xE3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x80)
        return 3;
    return 0;
}

static bool char_start(const char *s, size_t i)
{
    return ((unsigned char)s[i] & 0xC0) != 0x80;
}

/* Whether the snippet (no white space in it) matches hay from i, white
 * space in hay skipped. */
static bool match_at(const char *hay, size_t hlen, size_t i, const char *snip, size_t slen)
{
    for (size_t j = 0; j < slen; j++, i++) {
        size_t k;

        while (i < hlen && (k = space_at(hay, hlen, i)))
            i += k;
        if (i >= hlen || hay[i] != snip[j])
            return false;
    }
    return true;
}

/* Where the snippet matches in hay[0..end) (white space skipped): the
 * number of matches, and the start of match number nth (0-based) in *at. */
static size_t find_matches(const char *hay, size_t hlen, size_t end, const char *snip, size_t slen,
                           size_t nth, size_t *at)
{
    size_t count = 0;

    for (size_t i = 0; i < end; i++) {
        if (!char_start(hay, i) || space_at(hay, hlen, i) || hay[i] != snip[0])
            continue;
        if (match_at(hay, hlen, i, snip, slen)) {
            if (count == nth)
                *at = i;
            count++;
        }
    }
    return count;
}

/* Up to SNIPPET_CHARS characters of text from off, white space left out,
 * not past the end of the block (a line of the clean text). */
static size_t take_snippet(const char *text, size_t len, size_t off, char *out, size_t room)
{
    size_t n = 0, chars = 0;

    while (off < len && text[off] != '\n' && chars < SNIPPET_CHARS) {
        size_t k = space_at(text, len, off), c = 1;

        if (k) {
            off += k;
            continue;
        }
        while (off + c < len && !char_start(text, off + c))
            c++;
        if (n + c > room)
            break;
        memcpy(out + n, text + off, c);
        n += c;
        off += c;
        chars++;
    }
    return n;
}

size_t report_file_line(const char *file, size_t flen, const char *text, size_t len, size_t off)
{
    char snip[SNIPPET_CHARS * 4];

    if (off > len)
        off = len;
    while (off > 0 && !char_start(text, off))
        off--;
    for (int t = 0; t < SNIPPET_TRIES && off < len && text[off] != '\n'; t++) {
        size_t slen = take_snippet(text, len, off, snip, sizeof(snip)), at = 0, nth, count;

        if (!slen)
            break;
        nth = find_matches(text, len, off, snip, slen, SIZE_MAX, &at);
        count = find_matches(file, flen, flen, snip, slen, nth, &at);
        if (count) {
            size_t line = 1;

            if (nth >= count) /* said more often than the file has it: its last */
                find_matches(file, flen, flen, snip, slen, count - 1, &at);
            for (size_t i = 0; i < at; i++)
                line += file[i] == '\n';
            return line;
        }
        do /* the next character */
            off++;
        while (off < len && !char_start(text, off));
    }
    return 0;
}
