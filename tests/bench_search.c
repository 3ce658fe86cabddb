/*
 * bench_search: the time of the reader's search keys in one big report: a
 * whole search (what each key typed at the prompt costs), n (the next hit
 * and the line it is on), and finding the hits over one screen of lines
 * (what drawing highlights costs). Used by make bench, not by the tests.
 * Usage: bench_search REPORT QUERY
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "layout.h"
#include "library.h"
#include "report.h"
#include "search.h"
#include "util.h"
#include "bench.h"

#define SCREEN 50
#define KEYS   2001

int main(int argc, char **argv)
{
    static double t_n[KEYS], t_hl[KEYS], t_full[9];
    struct layout_opts o = {80, 1, 2};
    struct search_query q;
    struct search_hits h = {0};
    struct layout *l;
    struct report *r;
    struct err err;
    long cur = -1;
    size_t marks = 0;

    if (argc != 3) {
        fputs("usage: bench_search REPORT QUERY\n", stderr);
        return 2;
    }
    r = library_load(argv[1], NULL, &err);
    if (!r || search_compile(&q, argv[2], strlen(argv[2])) < 0) {
        fprintf(stderr, "bench_search: %s: %s\n", argv[1], r ? "empty query" : err.msg);
        return 1;
    }
    l = layout_build(r, &o);
    for (size_t i = 0; i < 9; i++) { /* a key typed at the prompt: a whole search */
        double s = bench_now();

        search_hits_release(&h);
        search_text(&q, r->text, r->len, &h);
        t_full[i] = bench_now() - s;
    }
    if (!h.nr) {
        fprintf(stderr, "bench_search: no match of %s\n", argv[2]);
        return 1;
    }
    for (size_t k = 0; k < KEYS; k++) {
        double s = bench_now();
        size_t off = cur < 0 ? 0 : h.v[cur].off + 1, top;
        long i = search_hit_near(&h, off, 1);

        /* n: the next hit, round the report, and the line it starts on */
        cur = i < 0 ? 0 : i;
        top = layout_line_of(l, h.v[cur].off);
        t_n[k] = bench_now() - s;
        /* the highlights of a screen from that line */
        s = bench_now();
        for (size_t y = top; y < top + SCREEN && y < l->nr; y++) {
            size_t end = l->v[y].off + l->v[y].len;

            for (size_t j = search_hit_from(&h, l->v[y].off); j < h.nr && h.v[j].off < end; j++)
                marks++;
        }
        t_hl[k] = bench_now() - s;
    }
    printf("%zu %zu %.3f %.4f %.4f %zu\n", r->len, h.nr, bench_median(t_full, 9) * 1000,
           bench_median(t_n, KEYS) * 1000, bench_median(t_hl, KEYS) * 1000, marks);
    layout_free(l);
    search_hits_release(&h);
    search_query_release(&q);
    report_free(r);
    return 0;
}
