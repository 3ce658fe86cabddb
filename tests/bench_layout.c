/*
 * bench_layout: the median time to lay out one report at a new width. Used by
 * make bench (tests/bench.sh), not by the tests: timings are never asserted.
 * Usage: bench_layout REPORT
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "layout.h"
#include "library.h"
#include "report.h"
#include "util.h"
#include "bench.h"

int main(int argc, char **argv)
{
    struct err err;
    struct report *r;
    double t[101];
    size_t n = 0;

    if (argc != 2) {
        fputs("usage: bench_layout REPORT\n", stderr);
        return 2;
    }
    r = library_load(argv[1], NULL, &err);
    if (!r) {
        fprintf(stderr, "bench_layout: %s: %s\n", argv[1], err.msg);
        return 1;
    }
    /* each width once: the layout cache never helps */
    for (int w = 20; w <= 120; w++) {
        struct layout_opts o = {w, 1, 2};
        double s = bench_now();
        struct layout *l = layout_build(r, &o);

        t[n++] = bench_now() - s;
        layout_free(l);
    }
    printf("%zu %.3f\n", r->len, bench_median(t, n) * 1000);
    report_free(r);
    return 0;
}
