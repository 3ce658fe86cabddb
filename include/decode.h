/*
 * decode.h: turn the bytes of a report file into trusted text: valid UTF-8,
 * LF line ends, no control characters or escape sequences. Everything after
 * loading relies on that. Never prints; errors come back in a struct err.
 */
#ifndef COURTREAD_DECODE_H
#define COURTREAD_DECODE_H

#include <stddef.h>

struct err;

struct decoded {
    char *text; /* caller frees; NUL-terminated */
    size_t len;
    const char *encoding; /* what the bytes were read as (static string) */
};

/*
 * Decode raw[0..n). force is an encoding name for iconv, or NULL to detect:
 * UTF-8 (BOM or not), UTF-16 with a BOM, otherwise GB18030. Invalid bytes
 * become U+FFFD. Returns 0, or -1 with err set when the bytes are not text
 * (a binary file) or the forced encoding is unknown.
 */
int decode_bytes(const char *raw, size_t n, const char *force, struct decoded *out,
                 struct err *err);

/*
 * decode_bytes() on a buffer the caller hands over: raw is malloc'd, n bytes
 * and room for a NUL after them (as util_read_file() gives). Valid UTF-8 is
 * cleaned where it lies and becomes out->text itself, with no copy; other
 * text is converted into a new buffer and raw freed. Either way the caller
 * no longer owns raw, also when -1 is returned.
 */
int decode_take(char *raw, size_t n, const char *force, struct decoded *out, struct err *err);

/* Whether iconv knows the encoding name. */
int decode_encoding_known(const char *name);

/*
 * Make text safe in place: CRLF and CR become LF, form feeds and U+2028/2029
 * become LF, tabs become spaces, NUL and other C0/C1 controls, DEL, terminal
 * escape sequences, bidi overrides and stray BOMs are removed. Returns the new
 * length. s must be valid UTF-8.
 */
size_t decode_sanitise(char *s, size_t n);

#endif
