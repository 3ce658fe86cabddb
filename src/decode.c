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
 * Length of the character at u when sanitise() would keep it as it is and
 * it is one of the characters plain_run() passes: printable ASCII, a
 * newline, a valid 2- or 3-byte character that is neither unwanted nor a
 * line separator. 0 for anything else (controls, 4-byte and invalid
 * sequences), which sanitise() looks at itself.
 */
static size_t plain_char(const unsigned char *u, size_t n)
{
    size_t l;

    if (u[0] < 0x80)
        return (u[0] >= 0x20 && u[0] < 0x7F) || u[0] == '\n';
    if (u[0] == 0xE2 || u[0] == 0xEF) { /* most of them: quotes, dashes, full-width punctuation */
        if (n < 3 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
            return 0;
        return unwanted(u, 3) || line_separator(u, 3) ? 0 : 3;
    }
    l = utf8_valid_len(u, n);
    if (l < 2 || l > 3 || unwanted(u, l) || line_separator(u, l))
        return 0;
    return l;
}

/* Where the character that holds byte i of u (valid UTF-8 up to i) starts,
 * when it does not end before i: i backed off over a character cut at i. */
static size_t char_start(const unsigned char *u, size_t i)
{
    size_t q = i;

    while (q > 0 && i - q < 3 && (u[q - 1] & 0xC0) == 0x80)
        q--;
    if (q == 0)
        return i;
    q--; /* the last byte before i that is no continuation */
    if (u[q] < 0xC0)
        return i; /* ASCII: complete */
    return q + (u[q] < 0xE0 ? 2 : u[q] < 0xF0 ? 3 : 4) > i ? q : i;
}

#ifdef __SSE2__
#include <emmintrin.h>

/*
 * What in a 16-byte block v plain_run() cannot pass at once, as bit masks;
 * p1 and p2 are the same block one and two bytes earlier. It stops at
 *  - a continuation byte (80 to BF) where none is expected, or a missing
 *    one: a character's first byte (C0 to FF) calls for one in the next
 *    byte, a 3-byte character's (E0 to FF) for one in the byte after that;
 *  - ASCII control characters but the newline, and DEL.
 * It looks closer (*look) at the first byte of any character but the Han and
 * CJK punctuation of E3 to EC, which need nothing more: E2 and EF hold the
 * bidi controls, separators and BOM, C2 the C1 controls, E0 and ED overlong
 * forms and surrogates, F0 and up 4-byte characters.
 *
 * Only the top bit of each byte counts (it is what movemask takes): x - 40,
 * saturated at 0, has it for x from C0 up, x - 60 for x from E0 up. The
 * compares are signed, so bytes 80 to FF sort below 00.
 */
static unsigned block_stops(__m128i v, __m128i p1, __m128i p2, unsigned *look)
{
    const __m128i c0 = _mm_set1_epi8(0x40), e0 = _mm_set1_epi8(0x60);
    /* v - E3 + 80: 80 to 89 (signed, the lowest) for E3 to EC alone */
    const __m128i to_han = _mm_set1_epi8((char)(0x80 - 0xE3)), han_end = _mm_set1_epi8((char)0x8A);
    const __m128i one = _mm_set1_epi8(1), space = _mm_set1_epi8(0x20);
    const __m128i lf = _mm_set1_epi8('\n'), all = _mm_set1_epi8(-1);
    __m128i lead = _mm_subs_epu8(v, c0);
    __m128i expect = _mm_or_si128(_mm_subs_epu8(p1, c0), _mm_subs_epu8(p2, e0));
    __m128i cont = _mm_andnot_si128(lead, v);
    __m128i han = _mm_cmplt_epi8(_mm_add_epi8(v, to_han), han_end);
    /* v + 1 > 20 for 20 to 7E alone: DEL wraps to 80. The top bit of v
     * itself stands for the bytes of other characters. */
    __m128i printable = _mm_cmpgt_epi8(_mm_add_epi8(v, one), space);
    __m128i fine = _mm_or_si128(_mm_or_si128(printable, _mm_cmpeq_epi8(v, lf)), v);

    *look = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(han, lead));
    return (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_xor_si128(expect, cont), _mm_andnot_si128(fine, all)));
}

/*
 * After a block at i with these stops and first bytes to look at (bit k for
 * byte i + k): where plain text ends in it, or SIZE_MAX when all of it
 * passes. A first byte that passes plain_char() before the first stop has
 * its continuation bytes checked in their blocks.
 */
static size_t block_end(const unsigned char *u, size_t n, size_t i, uint32_t stops, uint32_t look)
{
    for (look &= stops ? (stops & -stops) - 1 : UINT32_MAX; look; look &= look - 1) {
        size_t k = i + (size_t)__builtin_ctz(look);

        if (!plain_char(u + k, n - k))
            return char_start(u, k);
    }
    return stops ? char_start(u, i + (size_t)__builtin_ctz(stops)) : SIZE_MAX;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HAVE_AVX2_PATH 1

/*
 * plain_run()'s blocks from i (at least 2) on, 32 bytes at a time with AVX2
 * where the processor has it: the tests of block_stops(), a block twice as
 * long and no register copies. The 256-bit compares have no "less than": a
 * < b is b > a. Returns where plain text ends, or SIZE_MAX with *at after
 * the last whole block.
 */
__attribute__((target("avx2"))) static size_t plain_blocks32(const unsigned char *u, size_t n,
                                                             size_t *at)
{
    const __m256i c0 = _mm256_set1_epi8(0x40), e0 = _mm256_set1_epi8(0x60);
    const __m256i to_han = _mm256_set1_epi8((char)(0x80 - 0xE3));
    const __m256i han_end = _mm256_set1_epi8((char)0x8A);
    const __m256i one = _mm256_set1_epi8(1), space = _mm256_set1_epi8(0x20);
    const __m256i lf = _mm256_set1_epi8('\n'), all = _mm256_set1_epi8(-1);
    size_t i = *at, end = SIZE_MAX;

    for (; i + 32 <= n && end == SIZE_MAX; i += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(u + i));
        __m256i p1 = _mm256_loadu_si256((const __m256i *)(u + i - 1));
        __m256i p2 = _mm256_loadu_si256((const __m256i *)(u + i - 2));
        __m256i lead = _mm256_subs_epu8(v, c0);
        __m256i expect = _mm256_or_si256(_mm256_subs_epu8(p1, c0), _mm256_subs_epu8(p2, e0));
        __m256i cont = _mm256_andnot_si256(lead, v);
        __m256i han = _mm256_cmpgt_epi8(han_end, _mm256_add_epi8(v, to_han));
        __m256i printable = _mm256_cmpgt_epi8(_mm256_add_epi8(v, one), space);
        __m256i fine = _mm256_or_si256(_mm256_or_si256(printable, _mm256_cmpeq_epi8(v, lf)), v);
        uint32_t look = (uint32_t)_mm256_movemask_epi8(_mm256_andnot_si256(han, lead));
        uint32_t stops = (uint32_t)_mm256_movemask_epi8(
            _mm256_or_si256(_mm256_xor_si256(expect, cont), _mm256_andnot_si256(fine, all)));

        if (stops | look)
            end = block_end(u, n, i, stops, look);
    }
    *at = i;
    return end;
}
#endif

/*
 * How many bytes from u need no change, up to a character's end: what
 * plain_char() passes, sixteen bytes at a time. That is most of a report
 * (Han, CJK punctuation, ASCII), so a block is checked in a few vector
 * operations; the first bytes of other characters (about one character in
 * twenty-five in Chinese text: quotes, dashes, full-width punctuation) go
 * through plain_char() one by one. With SSE2, which every x86-64 has; after
 * the first block with AVX2 too where the processor has it (asked each
 * time: a load and a test), which halves the instructions a byte.
 */
static size_t plain_run(const unsigned char *u, size_t n)
{
    size_t i = 0, end;

    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(u + i));
        /* the block a byte and two bytes back; zeros before u, which starts
         * at a character */
        __m128i p1 = i ? _mm_loadu_si128((const __m128i *)(u + i - 1)) : _mm_slli_si128(v, 1);
        __m128i p2 = i ? _mm_loadu_si128((const __m128i *)(u + i - 2)) : _mm_slli_si128(v, 2);
        unsigned look, stops = block_stops(v, p1, p2, &look);

        if ((stops | look) && (end = block_end(u, n, i, stops, look)) != SIZE_MAX)
            return end;
        i += 16;
#ifdef HAVE_AVX2_PATH
        if (__builtin_cpu_supports("avx2") &&
            (end = plain_blocks32(u, n, &i)) != SIZE_MAX) /* the rest, on from here */
            return end;
#endif
    }
    i = char_start(u, i); /* the last block may have cut a character */
    for (size_t l; i < n && (l = plain_char(u + i, n - i)) != 0;)
        i += l;
    return i;
}
#else
/* As above, a character at a time. */
static size_t plain_run(const unsigned char *u, size_t n)
{
    size_t i = 0;

    for (size_t l; i < n && (l = plain_char(u + i, n - i)) != 0;)
        i += l;
    return i;
}
#endif

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
 * The cleaning of decode_sanitise(). plain_run() passes what stays as it is;
 * the rest is looked at here a character at a time. Only what is taken out
 * moves the text after it down.
 */
static size_t sanitise(char *s, size_t n)
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

        i += plain_run(u + i, n - i); /* most of a report, at a stroke */
        if (i >= n)
            break;
        c = u[i];
        if ((c >= 0x20 && c < 0x7F) || c == '\n') {
            i++;
            continue;
        }
        if (c >= 0x80) {
            uint32_t cp;
            size_t l = text_next(s + i, n - i, &cp);

            if (!unwanted(u + i, l) && !line_separator(u + i, l)) {
                i += l; /* a 4-byte character, say */
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
    return sanitise(s, n);
}

/* Whether what sanitise() keeps of u is valid UTF-8: it drops escape
 * sequences whole, whatever their bytes. */
static bool kept_valid(const unsigned char *u, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t l;

        i += plain_run(u + i, n - i);
        if (i >= n)
            break;
        if (u[i] == 0x1B) {
            i = skip_escape((const char *)u, n, i);
        } else if (u[i] < 0x80) {
            i++;
        } else if ((l = utf8_valid_len(u + i, n - i)) != 0) {
            i += l;
        } else {
            return false;
        }
    }
    return true;
}

/* The bytes decode_take() could not take as UTF-8 as they are, in sb. */
static const char *decode_other(const char *raw, size_t n, struct sbuf *sb)
{
    size_t good, bad;

    utf8_survey(raw, n, &good, &bad);
    if (good >= bad * 4) {
        /* Mostly UTF-8 with some damage (a cut download, a stray byte). */
        utf8_repair(raw, n, sb);
        return "UTF-8";
    }
    iconv_lossy("GB18030", raw, n, sb);
    return "GB18030";
}

int decode_take(char *raw, size_t n, const char *force, struct decoded *out, struct err *err)
{
    const unsigned char *u = (const unsigned char *)raw;
    struct sbuf sb = SBUF_INIT;
    const char *enc, *what;
    size_t plain;

    if (force) {
        size_t good, bad, bom = 0;

        enc = force;
        if (n >= 3 && !memcmp(raw, "\xEF\xBB\xBF", 3) && strcasecmp(force, "UTF-8") == 0)
            bom = 3;
        if (iconv_lossy(force, raw + bom, n - bom, &sb) < 0) {
            err_set(err, "unknown encoding '%s'", force);
            free(raw);
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
        goto converted;
    }
    if (n >= 3 && !memcmp(raw, "\xEF\xBB\xBF", 3)) {
        n -= 3;
        memmove(raw, raw + 3, n + 1); /* with the NUL */
        enc = "UTF-8";
    } else if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        enc = "UTF-16LE";
        iconv_lossy(enc, raw + 2, n - 2, &sb);
        goto converted;
    } else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        enc = "UTF-16BE";
        iconv_lossy(enc, raw + 2, n - 2, &sb);
        goto converted;
    } else if ((enc = utf16_guess(u, n)) != NULL) {
        iconv_lossy(enc, raw, n, &sb);
        goto converted;
    } else {
        enc = "UTF-8";
    }
    if ((what = binary_kind(u, n)) != NULL) {
        err_set(err, "%s, not a text report", what);
        free(raw);
        return -1;
    }
    /*
     * The common case: valid UTF-8 that needs no change at all, which is
     * handed over as it is, or only here and there (CRLF line ends, a stray
     * control), cleaned where it lies. Only text that is no UTF-8 as it
     * stands is copied.
     */
    plain = plain_run(u, n);
    if (plain < n) {
        if (!kept_valid(u + plain, n - plain)) {
            enc = decode_other(raw, n, &sb);
            goto converted;
        }
        n = plain + sanitise(raw + plain, n - plain);
    }
    raw[n] = '\0';
    out->encoding = enc;
    out->text = raw;
    out->len = n;
    return 0;
converted:
    free(raw);
    if (!sb.buf)
        sbuf_addstr(&sb, "");
    sb.len = sanitise(sb.buf, sb.len);
    sb.buf[sb.len] = '\0';
    out->encoding = enc;
    out->text = sbuf_detach(&sb, &out->len);
    return 0;
}

int decode_bytes(const char *raw, size_t n, const char *force, struct decoded *out, struct err *err)
{
    char *copy = xmalloc(n + 1);

    if (n) /* raw may be NULL then */
        memcpy(copy, raw, n);
    copy[n] = '\0';
    return decode_take(copy, n, force, out, err);
}
