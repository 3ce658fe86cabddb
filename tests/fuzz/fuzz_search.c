/*
 * fuzz_search.c: a query and a text from any bytes (the first byte says
 * how long the query is), both valid UTF-8 as decode leaves text. Checks
 * search.h's contract against a plain matcher: the same hits, leftmost
 * first and not overlapping, with the same spans, every folding as
 * search_fold() says, the spaces search_is_gap() names passed over where
 * the query's gap[] says, and no match that splits a character from its
 * mark.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "decode.h"
#include "fuzz.h"
#include "search.h"
#include "util.h"
#include "width.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

/* The end of a match at s by the plain rule, or 0. */
static size_t plain_match(const struct search_query *q, const char *t, size_t len, size_t s)
{
    size_t i = s;

    for (size_t k = 0; k < q->n; k++) {
        ucs4_t c;
        int n;

        while (q->gap[k] && i < len && (n = u8_mbtouc(&c, (const uint8_t *)t + i, len - i)) > 0 &&
               search_is_gap(c)) /* 12 次 as 12次 */
            i += (size_t)n;
        if (i >= len)
            return 0;
        n = u8_mbtouc(&c, (const uint8_t *)t + i, len - i);
        if (search_fold(c, q->case_sensitive) != q->cps[k])
            return 0;
        i += (size_t)(n > 0 ? n : 1);
    }
    return width_joins_at(t, len, i) ? 0 : i;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct decoded dec;
    struct search_query q;
    struct search_hits h = {0};
    size_t qlen, k = 0, last_end = 0;

    if (fuzz_query_text(data, size, &dec, &qlen) < 0)
        return 0;
    if (search_compile(&q, dec.text, qlen) < 0) {
        free(dec.text);
        return 0;
    }
    search_text(&q, dec.text + qlen, dec.len - qlen, &h);
    for (size_t s = 0; s < dec.len - qlen; s++) {
        const char *t = dec.text + qlen;
        size_t e;

        if ((t[s] & 0xC0) == 0x80 || s < last_end || !(e = plain_match(&q, t, dec.len - qlen, s)))
            continue;
        FUZZ_CHECK(k < h.nr && h.v[k].off == s && h.v[k].len == e - s,
                   "hit %zu: the plain matcher has %zu+%zu", k, s, e - s);
        k++;
        last_end = e;
    }
    FUZZ_CHECK(k == h.nr, "%zu hits, the plain matcher %zu", h.nr, k);
    FUZZ_CHECK(search_has(&q, dec.text + qlen, dec.len - qlen) == (h.nr > 0), "search_has");
    search_hits_release(&h);
    search_query_release(&q);
    free(dec.text);
    return 0;
}
