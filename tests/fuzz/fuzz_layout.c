/*
 * fuzz_layout.c: any text, parsed, laid out at any width, ambiguous width
 * and indent (the first three bytes choose them). Checks layout.h's
 * contract: no line wider than the width once its hanging spaces are left
 * out (a line of one character excepted), within a block offsets increasing
 * and every letter, digit and Han character kept in order, and
 * layout_line_of() finding each line from its offset.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>

#include "decode.h"
#include "fuzz.h"
#include "layout.h"
#include "report.h"
#include "text.h"
#include "util.h"
#include "width.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

/* Han characters, letters and digits of s, in order. */
static void content(const char *s, size_t n, struct sbuf *out)
{
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t l = text_next(s + i, n - i, &c);

        if (text_is_han(c) || text_is_ascii_alnum(c))
            sbuf_add(out, s + i, l);
        i += l;
    }
}

/* Grapheme clusters that take columns: a line of one (a character with its
 * marks and joiners) may be wider than a width smaller than it. */
static size_t spacing_clusters(const char *s, size_t n, int amb)
{
    char *brk = xmalloc(n + 1);
    size_t count = 0, w = 0;

    u8_grapheme_breaks((const uint8_t *)s, n, brk);
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t l = text_next(s + i, n - i, &c);

        if (brk[i] && w) /* a cluster ends: count it when it took columns */
            count++, w = 0;
        w += (size_t)width_fast(c, amb);
        i += l;
    }
    count += w > 0;
    free(brk);
    return count;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct decoded dec;
    struct err err;
    struct report *r;
    struct layout *l;
    struct layout_opts o;
    struct sbuf want = SBUF_INIT, got = SBUF_INIT, line = SBUF_INIT;

    if (size < 3 || decode_bytes((const char *)data + 3, size - 3, NULL, &dec, &err) < 0)
        return 0;
    o.width = 1 + data[0] % 160;
    o.ambiguous = 1 + data[1] % 2;
    o.indent = data[2] % 5;
    r = report_parse("fuzz.txt", dec.text, dec.len, false);
    l = layout_build(r, &o);
    for (size_t i = 0, block_start = 0; i <= l->nr; i++) {
        const struct layout_line *ln = i < l->nr ? &l->v[i] : NULL;

        /* a block's lines end: they hold its content, in order */
        if (i == l->nr || (i > block_start && ln->block != l->v[block_start].block)) {
            uint32_t bi = block_start < l->nr ? l->v[block_start].block : UINT32_MAX;

            if (bi < r->nr_blocks && l->v[block_start].role != LINE_BLANK) {
                const struct block *b = &r->blocks[bi];

                sbuf_reset(&want);
                content(r->text + b->off, b->len, &want);
                FUZZ_CHECK(want.len == got.len && (!want.len || !memcmp(want.buf, got.buf, got.len)),
                           "block %u: characters lost or out of order at width %d", bi,
                           o.width);
            }
            sbuf_reset(&got);
            block_start = i;
        }
        if (!ln)
            break;
        if (ln->role != LINE_BLANK) {
            const char *s;
            size_t n;

            sbuf_reset(&line);
            layout_line_text(l, i, &line);
            s = line.buf ? line.buf : "";
            n = line.len;
            while (n && s[n - 1] == ' ') /* hanging spaces */
                n--;
            FUZZ_CHECK(ln->cols <= (unsigned)o.width || spacing_clusters(s, n, o.ambiguous) <= 1 ||
                           width_of_text(s, n, o.ambiguous) <= (size_t)o.width,
                       "line %zu is %u columns at width %d", i, ln->cols, o.width);
            if (i > block_start)
                FUZZ_CHECK(ln->off >= l->v[i - 1].off, "line %zu goes back", i);
            if (ln->len)
                FUZZ_CHECK(layout_line_of(l, ln->off) == i, "layout_line_of(line %zu)", i);
            content(r->text + ln->off, ln->len, &got);
        }
    }
    sbuf_release(&want);
    sbuf_release(&got);
    sbuf_release(&line);
    layout_free(l);
    report_free(r);
    free(dec.text);
    return 0;
}
