/*
 * fuzz_textmap.c: any bytes through decode and the parser, as fuzz_parse.c
 * takes them (the first byte picks Markdown or plain text), then through
 * textmap.c. Checks: a map made rebuilds the parse exactly (text, blocks,
 * fields); and the same map over the file with a byte changed (decoded
 * again), or with a byte of its own changed (where and to what: the
 * input's last bytes), rebuilds nothing, or a whole model free of anything
 * a terminal would act on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "fuzz.h"
#include "report.h"
#include "textmap.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static int same_field(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

/* What map rebuilds over src: nothing, or a clean, whole model. */
static void check_rebuilt(const char *src, size_t n, const char *map, size_t len)
{
    struct report *x = textmap_apply("fuzz.txt", src, n, map, len);

    if (!x)
        return;
    fuzz_check_model(x);
    FUZZ_CHECK(!x->title || fuzz_printable(x->title, strlen(x->title)), "a title unclean");
    report_free(x);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct decoded dec;
    struct err err;
    struct report *r, *back;
    struct sbuf map = SBUF_INIT;
    bool md = size && (data[0] & 1);

    if (size < 4 || decode_bytes((const char *)data + 1, size - 1, NULL, &dec, &err) < 0)
        return 0;
    r = report_parse(md ? "fuzz.md" : "fuzz.txt", dec.text, dec.len, md);
    if (textmap_make(r, dec.text, dec.len, &map)) {
        size_t at = ((size_t)data[size - 1] << 8 | data[size - 2]), v = data[size - 3];

        back = textmap_apply(r->path, dec.text, dec.len, map.buf, map.len);
        FUZZ_CHECK(back, "a map made does not fit its own file");
        FUZZ_CHECK(back->len == r->len && !memcmp(back->text, r->text, r->len),
                   "the text rebuilt is not the parse's");
        FUZZ_CHECK(back->nr_blocks == r->nr_blocks, "%zu blocks, not %zu", back->nr_blocks,
                   r->nr_blocks);
        for (size_t b = 0; b < r->nr_blocks; b++)
            FUZZ_CHECK(back->blocks[b].kind == r->blocks[b].kind &&
                           back->blocks[b].level == r->blocks[b].level &&
                           back->blocks[b].off == r->blocks[b].off &&
                           back->blocks[b].len == r->blocks[b].len,
                       "block %zu", b);
        FUZZ_CHECK(same_field(back->title, r->title) && same_field(back->subtitle, r->subtitle) &&
                       same_field(back->byline, r->byline) && same_field(back->date, r->date) &&
                       same_field(back->source, r->source) && same_field(back->author, r->author),
                   "a field rebuilt is not the parse's");
        report_free(back);
        if (dec.len) { /* another file (decoded, as every file the map meets is) */
            char *other = xmalloc(dec.len);
            struct decoded od;

            memcpy(other, dec.text, dec.len);
            other[at % dec.len] = (char)v;
            if (decode_bytes(other, dec.len, NULL, &od, &err) == 0) {
                check_rebuilt(od.text, od.len, map.buf, map.len);
                free(od.text);
            }
            free(other);
        }
        map.buf[at % map.len] = (char)v; /* another map */
        check_rebuilt(dec.text, dec.len, map.buf, map.len);
    }
    sbuf_release(&map);
    report_free(r);
    free(dec.text);
    return 0;
}
