/*
 * fuzz_cache.c: a good cache, damaged as the input says, read back. The
 * input is a list of damages of five bytes each (a position, little-endian,
 * taken modulo the cache's size, and a byte to XOR there); a first byte
 * below 16 also cuts the file short. Checks cache.h's contract: a damaged
 * cache is refused, or what is read from it is whole (blocks inside the
 * text, courts' parents among its courts, no control character in any text
 * or field) and lays out.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "fuzz.h"
#include "layout.h"
#include "library.h"
#include "report.h"
#include "util.h"

static char dir[] = "/tmp/courtread-fuzz-cache-XXXXXX";
static char cache_file[300];
static struct path_list paths;
static char *good;
static size_t good_len;

/* Reports written here, about fictional courts. */
static const char *const reports[] = {
    "潆溪县法院巡回审判进村\n\n本报记者 林知远\n\n2025年3月1日，潆溪县人民法院在集市开庭。\n\n"
    "一、把法庭开到村口\n\n法官当场调解了一起借款纠纷。\n",
    "# 棠梨镇人民法庭的一天\n\n![法官在田间调解](p.jpg)\n\n## 一、早上\n\n[平台](x)上立案。\n",
    "霖州市中级人民法院发布典型案例\n\n——聚焦执行工作\n\n霖州市中级人民法院、潆溪县人民法院"
    "和棠梨镇人民法庭共同完成。\n",
};

static void cleanup(void)
{
    struct sbuf cmd = SBUF_INIT;
    int ignored;

    sbuf_addf(&cmd, "rm -rf '%s'", dir);
    ignored = system(cmd.buf);
    (void)ignored;
    sbuf_release(&cmd);
    free(good);
    path_list_release(&paths);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    struct cache_writer *w;
    struct err err;

    (void)argc;
    (void)argv;
    if (!mkdtemp(dir))
        abort();
    atexit(cleanup);
    for (size_t i = 0; i < sizeof(reports) / sizeof(*reports); i++) {
        struct sbuf p = SBUF_INIT;
        struct timespec old[2] = {{1000000000, 0}, {1000000000, 0}};
        FILE *f;

        sbuf_addf(&p, "%s/r%zu.%s", dir, i, i == 1 ? "md" : "txt");
        f = fopen(p.buf, "w");
        if (!f || fputs(reports[i], f) < 0 || fclose(f) != 0)
            abort();
        utimensat(AT_FDCWD, p.buf, old, 0); /* not "racy": the cache is written */
        ALLOC_GROW(paths.v, paths.nr + 1, paths.alloc);
        paths.v[paths.nr++] = sbuf_detach(&p, NULL);
    }
    snprintf(cache_file, sizeof(cache_file), "%s/cache", dir);
    w = cache_writer_new(cache_file);
    for (size_t i = 0; w && i < paths.nr; i++) {
        struct report *r = library_load(paths.v[i], NULL, &err);

        if (!r)
            abort();
        cache_writer_add(w, r);
        report_free(r);
    }
    if (!w || cache_writer_finish(w, false, &err) < 0 ||
        util_read_file(cache_file, &good, &good_len, &err) < 0)
        abort();
    return 0;
}

static void check_report(const struct report *r)
{
    struct layout_opts o = {37, 1, 2};
    struct layout *l;

    fuzz_check_model(r);
    FUZZ_CHECK(!r->title || fuzz_printable(r->title, strlen(r->title)), "the title");
    l = layout_build(r, &o); /* kinds index the layout's tables */
    layout_free(l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *bad = xmalloc(good_len);
    size_t len = good_len;
    struct cache *c;
    struct err err;
    FILE *f;

    memcpy(bad, good, good_len);
    if (size && data[0] < 16)
        len = good_len * data[0] / 16;
    for (size_t i = size % 5 == 0 ? 0 : 1; i + 5 <= size; i += 5) {
        uint32_t at = (uint32_t)data[i] | (uint32_t)data[i + 1] << 8 |
                      (uint32_t)data[i + 2] << 16 | (uint32_t)data[i + 3] << 24;

        bad[at % good_len] ^= (char)data[i + 4];
    }
    f = fopen(cache_file, "w");
    if (!f || fwrite(bad, 1, len, f) != len || fclose(f) != 0)
        abort();
    c = cache_open(cache_file, &paths, &err);
    if (c) {
        for (size_t i = 0; i < paths.nr; i++) {
            const char *why;
            const struct report *r = cache_report(c, i, &why);

            if (r)
                check_report(r);
        }
        cache_close(c);
    }
    free(bad);
    return 0;
}
