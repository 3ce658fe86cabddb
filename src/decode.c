/*
 * decode.c: bytes to clean UTF-8. Detection order: BOM, binary signatures,
 * BOM-less UTF-16, valid UTF-8, mostly-UTF-8 with damage, then GB18030.
 * Uses glibc iconv directly so that a bad byte costs one U+FFFD, not the file.
 */
#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "util.h"

static const char REPLACEMENT[] = "\xEF\xBF\xBD";

/* Length of the valid UTF-8 sequence at s, or 0 when it is invalid. */
static size_t utf8_valid_len(const unsigned char *s, size_t n)
{
    if (s[0] < 0x80)
        return 1;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if (s[0] == 0xE0 && s[1] < 0xA0)
            return 0; /* overlong */
        if (s[0] == 0xED && s[1] >= 0xA0)
            return 0; /* surrogate */
        return 3;
    }
    if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if (s[0] == 0xF0 && s[1] < 0x90)
            return 0;
        if (s[0] == 0xF4 && s[1] >= 0x90)
            return 0;
        return 4;
    }
    return 0;
}

/* Count valid multi-byte sequences and invalid bytes. ASCII is skipped eight
 * bytes at a time: most of a report's bytes are checked by the fast paths. */
static void utf8_survey(const char *raw, size_t n, size_t *good, size_t *bad)
{
    const unsigned char *s = (const unsigned char *)raw;
    size_t i = 0;

    *good = *bad = 0;
    while (i < n) {
        size_t l;

        if (s[i] < 0x80) {
            uint64_t w;

            while (i + 8 <= n && (memcpy(&w, s + i, 8), !(w & 0x8080808080808080ull)))
                i += 8;
            while (i < n && s[i] < 0x80)
                i++;
            continue;
        }
        if (i + 3 <= n && s[i] >= 0xE1 && s[i] <= 0xEC && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80) {
            (*good)++; /* the common case: a CJK character */
            i += 3;
            continue;
        }
        l = utf8_valid_len(s + i, n - i);
        if (l) {
            (*good)++;
            i += l;
        } else {
            (*bad)++;
            i++;
        }
    }
}

/* Copy as UTF-8, each invalid byte becoming U+FFFD. */
static void utf8_repair(const char *raw, size_t n, struct sbuf *out)
{
    const unsigned char *s = (const unsigned char *)raw;
    size_t i = 0, run = 0;

    sbuf_grow(out, n + n / 8);
    while (i < n) {
        size_t l = s[i] < 0x80 ? 1 : utf8_valid_len(s + i, n - i);

        if (l) {
            i += l;
            continue;
        }
        sbuf_add(out, raw + run, i - run);
        sbuf_add(out, REPLACEMENT, 3);
        i++;
        run = i;
    }
    sbuf_add(out, raw + run, n - run);
}

int decode_encoding_known(const char *name)
{
    iconv_t cd = iconv_open("UTF-8", name);

    if (cd == (iconv_t)-1)
        return 0;
    iconv_close(cd);
    return 1;
}

/* Convert with iconv; a byte it cannot read becomes U+FFFD and is skipped. */
static int iconv_lossy(const char *from, const char *raw, size_t n, struct sbuf *out)
{
    iconv_t cd = iconv_open("UTF-8", from);
    char *in = (char *)raw;
    size_t left = n;

    if (cd == (iconv_t)-1)
        return -1;
    sbuf_grow(out, n * 3 / 2 + 16);
    while (left > 0) {
        char *o = out->buf + out->len;
        size_t room = out->alloc - out->len - 1, before = room;
        size_t r = iconv(cd, &in, &left, &o, &room);

        out->len += before - room;
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG) {
            sbuf_grow(out, left * 2 + 64);
        } else if (errno == EILSEQ) {
            sbuf_add(out, REPLACEMENT, 3);
            in++;
            left--;
        } else { /* EINVAL: truncated sequence at the end */
            sbuf_add(out, REPLACEMENT, 3);
            break;
        }
    }
    iconv_close(cd);
    if (out->buf)
        out->buf[out->len] = '\0';
    else
        sbuf_addstr(out, "");
    return 0;
}

/* Signatures of the binary files found next to reports: images, PDFs, archives. */
static const char *binary_kind(const unsigned char *s, size_t n)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *what;
    } sigs[] = {
        {"\x89PNG", 4, "a PNG image"},
        {"\xFF\xD8\xFF", 3, "a JPEG image"},
        {"GIF8", 4, "a GIF image"},
        {"%PDF", 4, "a PDF document"},
        {"PK\x03\x04", 4, "a ZIP archive (or an Office document)"},
        {"\x1F\x8B", 2, "a gzip archive"},
        {"\x7F"
         "ELF",
         4, "a program"},
        {"BM", 2, NULL},
        {"RIFF", 4, "a RIFF (WebP/WAV/AVI) file"},
        {"\xD0\xCF\x11\xE0", 4, "an old Office document"},
    };
    size_t ctl = 0, lim = n < 1024 ? n : 1024;

    for (size_t i = 0; i < ARRAY_SIZE(sigs); i++)
        if (sigs[i].what && n >= sigs[i].len && !memcmp(s, sigs[i].magic, sigs[i].len))
            return sigs[i].what;
    /* Anything else with many control bytes is not text either. Text has
     * none but its line ends: eight bytes without a byte under 0x20 (where
     * w - 0x20 would borrow) are passed at once. */
    for (size_t i = 0; i < lim;) {
        uint64_t w;

        if (i + 8 <= lim &&
            (memcpy(&w, s + i, 8), !((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull))) {
            i += 8;
            continue;
        }
        if (s[i] < 0x20 && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' && s[i] != '\f' &&
            s[i] != 0x1B)
            ctl++;
        i++;
    }
    if (lim >= 16 && ctl * 10 > lim)
        return "a binary file";
    return NULL;
}

/* UTF-16 without a BOM: most NULs fall on one parity. Returns the name or NULL. */
static const char *utf16_guess(const unsigned char *s, size_t n)
{
    size_t even = 0, odd = 0, lim = n < 4096 ? n : 4096;

    if (lim < 8 || !memchr(s, 0, lim))
        return NULL; /* text has no NUL bytes: the common case, found fast */
    for (size_t i = 0; i < lim; i++)
        if (!s[i])
            *(i & 1 ? &odd : &even) += 1;
    if (odd * 3 > lim && even * 20 < lim)
        return "UTF-16LE";
    if (even * 3 > lim && odd * 20 < lim)
        return "UTF-16BE";
    return NULL;
}

static size_t sanitise(char *s, size_t n, bool check);

#ifdef __SSE2__
#include <emmintrin.h>

/* Whether the character at u (two or three bytes, lead C2, E2 or EF) is one
 * sanitise() takes out or turns into a newline: C1 controls, bidi marks and
 * line separators, a stray byte order mark. */
static bool plain_unwanted(const unsigned char *u, size_t n)
{
    if (n < 3)
        return true; /* left to sanitise() */
    if (u[0] == 0xC2)
        return u[1] <= 0x9F;
    if (u[0] == 0xD8) /* U+061C, the Arabic letter mark */
        return u[1] == 0x9C;
    if (u[0] == 0xED) /* ED A0 to ED BF: a surrogate, no UTF-8 */
        return u[1] >= 0xA0;
    if (u[0] == 0xE2)
        return (u[1] == 0x80 && (u[2] == 0x8E || u[2] == 0x8F || (u[2] >= 0xA8 && u[2] <= 0xAE))) ||
               (u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9);
    return u[1] == 0xBB && u[2] == 0xBF;
}

/*
 * How many bytes from u need no change, sixteen at a time: printable ASCII,
 * newlines, and whole 2-byte (C2 to DF) and 3-byte (E2 to EF) characters -
 * Chinese text, its punctuation and quotes - but for those plain_unwanted()
 * tells. Stops at the first byte of anything else, for sanitise()'s own
 * tests, and at a character's end. With SSE2, which every x86-64 has; the
 * compares are signed, bytes 80 to FF below 00.
 */
static size_t plain_run(const unsigned char *u, size_t n)
{
    const __m128i lf = _mm_set1_epi8('\n'), sp = _mm_set1_epi8(0x1F), del = _mm_set1_epi8(0x7F);
    const __m128i c1 = _mm_set1_epi8((char)0xC1), e0 = _mm_set1_epi8((char)0xE0);
    const __m128i e1 = _mm_set1_epi8((char)0xE1), f0 = _mm_set1_epi8((char)0xF0);
    const __m128i c0 = _mm_set1_epi8((char)0xC0), c2 = _mm_set1_epi8((char)0xC2);
    const __m128i e2 = _mm_set1_epi8((char)0xE2), ef = _mm_set1_epi8((char)0xEF);
    const __m128i d8 = _mm_set1_epi8((char)0xD8), ed = _mm_set1_epi8((char)0xED);
    size_t i = 0;

    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(u + i));
        unsigned ascii = (unsigned)_mm_movemask_epi8(_mm_or_si128(
            _mm_and_si128(_mm_cmpgt_epi8(v, sp), _mm_cmplt_epi8(v, del)), _mm_cmpeq_epi8(v, lf)));
        unsigned two = (unsigned)_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpgt_epi8(v, c1), _mm_cmplt_epi8(v, e0)));
        unsigned three = (unsigned)_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpgt_epi8(v, e1), _mm_cmplt_epi8(v, f0)));
        unsigned conts = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, c0));
        unsigned want = (two << 1 | three << 1 | three << 2) & 0xFFFF; /* continuations */
        unsigned odd = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, e2)),
                                      _mm_cmpeq_epi8(v, ef)),
                         _mm_or_si128(_mm_cmpeq_epi8(v, d8), _mm_cmpeq_epi8(v, ed))));

        if ((ascii | two | three | conts) != 0xFFFF || conts != want || ((two | three) & want))
            break;
        for (; odd; odd &= odd - 1) {
            size_t k = i + (size_t)__builtin_ctz(odd);

            if (plain_unwanted(u + k, n - k))
                return k;
        }
        /* a character cut by the block's end is left to the next */
        i += (two | three) >> 15 ? 15 : three >> 14 & 1 ? 14 : 16;
    }
    return i;
}
#else
static size_t plain_run(const unsigned char *u, size_t n)
{
    (void)u;
    (void)n;
    return 0;
}
#endif

int decode_bytes(const char *raw, size_t n, const char *force, struct decoded *out, struct err *err)
{
    const unsigned char *u = (const unsigned char *)raw;
    struct sbuf sb = SBUF_INIT;
    const char *enc, *what;
    size_t good, bad;

    if (force) {
        enc = force;
        if (n >= 3 && !memcmp(raw, "\xEF\xBB\xBF", 3) && strcasecmp(force, "UTF-8") == 0) {
            raw += 3;
            n -= 3;
        }
        if (iconv_lossy(force, raw, n, &sb) < 0) {
            err_set(err, "unknown encoding '%s'", force);
            return -1;
        }
        /* iconv with an unusual target can pass bad UTF-8 through; repair it. */
        utf8_survey(sb.buf, sb.len, &good, &bad);
        if (bad) {
            struct sbuf fixed = SBUF_INIT;

            utf8_repair(sb.buf, sb.len, &fixed);
            sbuf_release(&sb);
            sb = fixed;
        }
        goto done;
    }
    if (n >= 3 && !memcmp(raw, "\xEF\xBB\xBF", 3)) {
        raw += 3;
        n -= 3;
        enc = "UTF-8";
    } else if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        enc = "UTF-16LE";
        iconv_lossy(enc, raw + 2, n - 2, &sb);
        goto done;
    } else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        enc = "UTF-16BE";
        iconv_lossy(enc, raw + 2, n - 2, &sb);
        goto done;
    } else if ((enc = utf16_guess(u, n)) != NULL) {
        iconv_lossy(enc, raw, n, &sb);
        goto done;
    } else {
        enc = "UTF-8";
    }
    if ((what = binary_kind((const unsigned char *)raw, n)) != NULL) {
        err_set(err, "%s, not a text report", what);
        return -1;
    }
    /* the common case: valid UTF-8, checked while it is cleaned */
    sbuf_add(&sb, raw, n);
    if ((sb.len = sanitise(sb.buf, n, true)) != (size_t)-1) {
        sb.buf[sb.len] = '\0';
        out->encoding = enc;
        out->text = sbuf_detach(&sb, &out->len);
        return 0;
    }
    sbuf_reset(&sb);
    utf8_survey(raw, n, &good, &bad);
    if (!bad) {
        sbuf_add(&sb, raw, n);
    } else if (good >= bad * 4) {
        /* Mostly UTF-8 with some damage (a cut download, a stray byte). */
        utf8_repair(raw, n, &sb);
    } else {
        enc = "GB18030";
        iconv_lossy(enc, raw, n, &sb);
    }
done:
    if (!sb.buf)
        sbuf_addstr(&sb, "");
    sb.len = decode_sanitise(sb.buf, sb.len);
    sb.buf[sb.len] = '\0';
    out->encoding = enc;
    out->text = sbuf_detach(&sb, &out->len);
    return 0;
}

/* Skip a terminal escape sequence starting at s[i] == ESC; returns the index after it. */
static size_t skip_escape(const char *s, size_t n, size_t i)
{
    unsigned char c;

    if (i + 1 >= n)
        return n;
    c = (unsigned char)s[i + 1];
    if (c == '[') { /* CSI: parameters, intermediates, one final byte */
        i += 2;
        while (i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] <= 0x3F)
            i++;
        while (i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] <= 0x2F)
            i++;
        if (i < n && (unsigned char)s[i] >= 0x40 && (unsigned char)s[i] <= 0x7E)
            i++;
        return i;
    }
    if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
        /* OSC, DCS, SOS, PM, APC: up to BEL or ST (ESC \), never past the line. */
        for (i += 2; i < n; i++) {
            if (s[i] == '\a' || s[i] == '\n')
                return i + (s[i] == '\a');
            if (s[i] == 0x1B && i + 1 < n && s[i + 1] == '\\')
                return i + 2;
        }
        return n;
    }
    return c < 0x80 ? i + 2 : i + 1; /* two-byte escape; never swallow a multibyte char */
}

/*
 * Whether the valid UTF-8 character at s (l bytes) must go: C1 controls, bidi
 * marks (U+061C, U+200E, U+200F), embeddings, overrides and isolates, and a
 * stray BOM. Line and paragraph separators are handled by the caller.
 */
static bool unwanted(const unsigned char *s, size_t l)
{
    if (l == 2)
        return (s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F) || (s[0] == 0xD8 && s[1] == 0x9C);
    if (l != 3)
        return false;
    if (s[0] == 0xE2 && s[1] == 0x80)
        return s[2] == 0x8E || s[2] == 0x8F || (s[2] >= 0xAA && s[2] <= 0xAE);
    if (s[0] == 0xE2 && s[1] == 0x81)
        return s[2] >= 0xA6 && s[2] <= 0xA9;
    return s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF;
}

static bool line_separator(const unsigned char *s, size_t l)
{
    return (l == 2 && s[0] == 0xC2 && s[1] == 0x85) ||
           (l == 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xA8 || s[2] == 0xA9));
}

/*
 * The cleaning of decode_sanitise(). With check set it also validates the
 * UTF-8 on the way (one pass instead of two for most files) and returns
 * (size_t)-1 at the first invalid sequence, leaving s half cleaned.
 */
static size_t sanitise(char *s, size_t n, bool check)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, o = 0, run = 0;

/* Keep s[run, i) by moving it down to o. */
#define FLUSH()                                                                                    \
    do {                                                                                           \
        if (o != run)                                                                              \
            memmove(s + o, s + run, i - run);                                                      \
        o += i - run;                                                                              \
    } while (0)

    while (i < n) {
        unsigned char c;
        size_t l;

        i += plain_run(u + i, n - i); /* most of a report, at a stroke */
        if (i >= n)
            break;
        c = u[i];
        /* CJK and the like: never unwanted (ED is not here: ED A0 to ED BF are
         * the surrogates, which are no UTF-8 and must be checked) */
        if (c >= 0xE3 && c <= 0xEE && c != 0xED) {
            if (check && (i + 2 >= n || ((u[i + 1] | (u[i + 2] << 8)) & 0xC0C0) != 0x8080))
                return (size_t)-1;
            i += 3;
            /* runs of CJK characters: no other test needed */
            if (i + 2 < n) {
                const unsigned char *p = u + i, *last = u + n - 2;

                while (p < last && *p >= 0xE3 && *p <= 0xEE && *p != 0xED &&
                       ((p[1] | (p[2] << 8)) & 0xC0C0) == 0x8080)
                    p += 3;
                i = (size_t)(p - u);
            }
            continue;
        }
        if (c >= 0x20 && c < 0x7F) {
            i++;
            continue;
        }
        if (c == '\n') {
            i++;
            continue;
        }
        if (c >= 0x80) {
            uint32_t cp;

            if (check && !utf8_valid_len(u + i, n - i))
                return (size_t)-1;
            l = text_next(s + i, n - i, &cp);
            if (!unwanted(u + i, l) && !line_separator(u + i, l)) {
                i += l;
                continue;
            }
            FLUSH();
            if (line_separator(u + i, l))
                s[o++] = '\n';
            i += l;
            run = i;
            continue;
        }
        FLUSH();
        switch (c) {
        case '\r': /* CR and CRLF end a line */
            s[o++] = '\n';
            i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
            break;
        case '\f': /* a page break ends a line */
            s[o++] = '\n';
            i++;
            break;
        case '\t':
            s[o++] = ' ';
            i++;
            break;
        case 0x1B:
            i = skip_escape(s, n, i);
            break;
        default: /* NUL, other C0 controls, DEL */
            i++;
        }
        run = i;
    }
    if (i > n)
        i = n; /* a truncated sequence at the very end */
    FLUSH();
#undef FLUSH
    return o;
}

size_t decode_sanitise(char *s, size_t n)
{
    return sanitise(s, n, false);
}
