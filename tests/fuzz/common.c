/* common.c: what the fuzz harnesses share (see fuzz.h). */
#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "util.h"

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
