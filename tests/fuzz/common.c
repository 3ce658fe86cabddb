/* common.c: what the fuzz harnesses share (see fuzz.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "fuzz.h"
#include "report.h"
#include "util.h"

int fuzz_query_text(const uint8_t *data, size_t size, struct decoded *dec, size_t *qlen)
{
    struct err err;

    if (size < 2 || decode_bytes((const char *)data + 1, size - 1, NULL, dec, &err) < 0)
        return -1;
    *qlen = 1 + data[0] % 16;
    while (*qlen < dec->len && (dec->text[*qlen] & 0xC0) == 0x80) /* on a character's start */
        (*qlen)++;
    if (*qlen >= dec->len) {
        free(dec->text);
        return -1;
    }
    return 0;
}

int fuzz_printable(const char *s, size_t n)
{
    struct sbuf sb = SBUF_INIT;
    int ok = 1;

    for (size_t a = 0, b; a < n; a = b + 1) {
        for (b = a; b < n && s[b] != '\n' && s[b] != '\t'; b++)
            ;
        sbuf_reset(&sb);
        sbuf_add_printable(&sb, s + a, b - a);
        if (sb.len != b - a || (sb.len && memcmp(sb.buf, s + a, sb.len) != 0))
            ok = 0;
    }
    sbuf_release(&sb);
    return ok;
}

/* What a model holds for any input: blocks inside the text, text and court
 * names printable, every court's parents among its courts with no loop. */
void fuzz_check_model(const struct report *r)
{
    FUZZ_CHECK(fuzz_printable(r->text, r->len), "control characters in the text");
    for (size_t b = 0; b < r->nr_blocks; b++)
        FUZZ_CHECK(r->blocks[b].off <= r->len && r->blocks[b].len <= r->len - r->blocks[b].off,
                   "block %zu outside the text", b);
    for (size_t i = 0; i < r->nr_courts; i++) {
        size_t steps = 0;

        FUZZ_CHECK(r->courts[i] && fuzz_printable(r->courts[i], strlen(r->courts[i])), "court %zu",
                   i);
        for (long j = (long)i; r->court_parent[j] != -1; j = r->court_parent[j])
            FUZZ_CHECK(r->court_parent[j] >= 0 && (size_t)r->court_parent[j] < r->nr_courts &&
                           ++steps <= r->nr_courts,
                       "court %zu: a bad parent", i);
    }
}
