/*
 * bench_gazetteer: what the gazetteer costs: its first lookup and place (the
 * load: setting up the places, touching the generated tables), a lookup after
 * that, and hanzi_is_traditional over one report (the median of many: what
 * each report of a folder costs). Used by make bench, not by
 * the tests; run it in a fresh process, the first lookup counts once.
 * Usage: bench_gazetteer REPORT
 * Prints: first-lookup-ms lookup-median-us is-traditional-median-us bytes traditional(0/1)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gazetteer.h"
#include "hanzi.h"
#include "util.h"
#include "bench.h"

#define ROUNDS 1001

int main(int argc, char **argv)
{
    static const char *const names[] = {"鄂尔多斯市", "克什克腾", "鼓楼区", "大板", "延边州"};
    static double t[ROUNDS];
    struct gaz_hit hits[64];
    struct err err;
    char *text;
    size_t len;
    double t0, first, lookup, trad;
    size_t n;

    if (argc != 2) {
        fputs("usage: bench_gazetteer REPORT\n", stderr);
        return 2;
    }
    t0 = bench_now();
    n = gazetteer_lookup(names[0], strlen(names[0]), hits, 64);
    if (n == 0 || !gazetteer_get(hits[0].id))
        return 1;
    first = bench_now() - t0;
    for (size_t i = 0; i < ROUNDS; i++) {
        const char *s = names[i % 5];

        t0 = bench_now();
        gazetteer_lookup(s, strlen(s), hits, 64);
        t[i] = bench_now() - t0;
    }
    lookup = bench_median(t, ROUNDS);
    if (util_read_file(argv[1], &text, &len, &err) < 0) {
        fprintf(stderr, "bench_gazetteer: %s\n", err.msg);
        return 1;
    }
    for (size_t i = 0; i < ROUNDS; i++) {
        t0 = bench_now();
        n = hanzi_is_traditional(text, len);
        t[i] = bench_now() - t0;
    }
    trad = bench_median(t, ROUNDS);
    printf("%.3f %.3f %.3f %zu %zu\n", first * 1e3, lookup * 1e6, trad * 1e6, len, n);
    free(text);
    return 0;
}
