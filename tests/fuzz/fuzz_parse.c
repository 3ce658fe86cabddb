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
    fuzz_check_model(r);
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
