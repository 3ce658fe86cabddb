/*
 * fuzz_parse.c: any bytes through decode, the parser, the outline and the
 * court tree, as a folder of reports goes. The first byte picks Markdown or
 * plain text. Checks: every block inside the text, every court's parent one
 * of its courts (or none) with no loop, the text and the outline free of
 * anything a terminal would act on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "court_tree.h"
#include "decode.h"
#include "fuzz.h"
#include "outline.h"
#include "report.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct decoded dec;
    struct err err;
    struct report *r;
    struct court_tree tree = {0};
    struct sbuf out = SBUF_INIT;
    bool md = size && (data[0] & 1);

    if (!size || decode_bytes((const char *)data + 1, size - 1, NULL, &dec, &err) < 0)
        return 0;
    r = report_parse(md ? "fuzz.md" : "fuzz.txt", dec.text, dec.len, md);
    FUZZ_CHECK(fuzz_printable(r->text, r->len), "control characters in the text");
    for (size_t b = 0; b < r->nr_blocks; b++)
        FUZZ_CHECK(r->blocks[b].off <= r->len && r->blocks[b].len <= r->len - r->blocks[b].off,
                   "block %zu outside the text", b);
    for (size_t i = 0; i < r->nr_courts; i++) {
        size_t steps = 0;

        for (long j = (long)i; r->court_parent[j] != -1; j = r->court_parent[j])
            FUZZ_CHECK(r->court_parent[j] >= 0 && (size_t)r->court_parent[j] < r->nr_courts &&
                           ++steps <= r->nr_courts,
                       "court %zu: a bad parent", i);
    }
    outline_format(r, &out);
    FUZZ_CHECK(fuzz_printable(out.buf ? out.buf : "", out.len), "control characters in the outline");
    court_tree_add(&tree, r, 0);
    court_tree_finish(&tree);
    sbuf_reset(&out);
    court_tree_format(&tree, &out);
    FUZZ_CHECK(fuzz_printable(out.buf ? out.buf : "", out.len), "control characters in the tree");
    court_tree_release(&tree);
    sbuf_release(&out);
    report_free(r);
    free(dec.text);
    return 0;
}
