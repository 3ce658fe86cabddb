/* tests/bench.h: what the bench programs share: a clock and a median. */
#ifndef COURTREAD_BENCH_H
#define COURTREAD_BENCH_H

#include <stdlib.h>
#include <time.h>

static inline double bench_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static inline int bench_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

/* The median of n times (sorts t). */
static inline double bench_median(double *t, size_t n)
{
    qsort(t, n, sizeof(*t), bench_cmp);
    return t[n / 2];
}

#endif
