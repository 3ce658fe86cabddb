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

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

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
        double s = now();
        struct layout *l = layout_build(r, &o);

        t[n++] = now() - s;
        layout_free(l);
    }
    qsort(t, n, sizeof(*t), cmp);
    printf("%zu %.3f\n", r->len, t[n / 2] * 1000);
    report_free(r);
    return 0;
}
