/*
 * replay.c: a fuzz harness without libFuzzer: runs LLVMFuzzerTestOneInput
 * on every file of its corpus (tests/fuzz/corpus/NAME for a binary named
 * fuzz_NAME, or the files and folders given), so the inputs written here
 * and every minimised finding are checked by `make test` and `make san`.
 * Prints a summary in cmocka's words, which tests/run.sh counts.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "util.h"

static size_t run_file(const char *path)
{
    struct err err;
    char *data;
    size_t n;

    if (util_read_file(path, &data, &n, &err) < 0) {
        fprintf(stderr, "%s: %s\n", path, err.msg);
        exit(1);
    }
    LLVMFuzzerTestOneInput((const uint8_t *)data, n);
    free(data);
    return 1;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t run_path(const char *path)
{
    struct stat st;
    struct dirent *e;
    char **names = NULL;
    size_t nr = 0, alloc = 0, done = 0;
    DIR *d;

    if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
        return run_file(path);
    d = opendir(path);
    if (!d)
        return 0;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.') {
            ALLOC_GROW(names, nr + 1, alloc);
            names[nr++] = xstrdup(e->d_name);
        }
    closedir(d);
    qsort(names, nr, sizeof(*names), by_name);
    for (size_t i = 0; i < nr; i++) {
        struct sbuf p = SBUF_INIT;

        sbuf_addf(&p, "%s/%s", path, names[i]);
        done += run_path(p.buf);
        sbuf_release(&p);
        free(names[i]);
    }
    free(names);
    return done;
}

int main(int argc, char **argv)
{
    const char *base = strrchr(argv[0], '/');
    size_t done = 0;

    base = base ? base + 1 : argv[0];
    LLVMFuzzerInitialize(&argc, &argv);
    if (argc > 1) {
        for (int i = 1; i < argc; i++)
            done += run_path(argv[i]);
    } else {
        struct sbuf dir = SBUF_INIT;

        sbuf_addf(&dir, "tests/fuzz/corpus/%s", strncmp(base, "fuzz_", 5) ? base : base + 5);
        done = run_path(dir.buf);
        sbuf_release(&dir);
    }
    if (!done) {
        fprintf(stderr, "%s: no inputs\n", base);
        return 1;
    }
    printf("[  PASSED  ] %zu test(s).\n", done);
    return 0;
}
