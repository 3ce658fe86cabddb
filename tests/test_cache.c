/* Unit tests for cache.c: a cache gives back the reports it was written
 * from; a changed, added or removed file, a damaged cache or one from
 * another program is not used; files that failed to load stay failed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"
#include "library.h"
#include "report.h"
#include "util.h"

static char dir[] = "/tmp/courtread-cache-XXXXXX";
static char file[300];
static struct path_list paths;

static int setup(void **state)
{
    char cmd[400];
    struct msgs m = {0};
    struct err err;

    (void)state;
    if (!mkdtemp(dir))
        return -1;
    snprintf(cmd, sizeof(cmd),
             "cp -rp samples '%s/reports' && printf '\\211PNG' > '%s/reports/x.txt' && "
             "touch -d @1000000000 '%s/reports/x.txt'",
             dir, dir, dir);
    if (system(cmd) != 0)
        return -1;
    snprintf(file, sizeof(file), "%s/cache/courtread/test.cache", dir);
    snprintf(cmd, sizeof(cmd), "%s/reports", dir);
    if (library_collect(cmd, &paths, &m, &err) < 0)
        return -1;
    msgs_release(&m);
    return 0;
}

static int teardown(void **state)
{
    char cmd[128];

    (void)state;
    path_list_release(&paths);
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Write the cache of paths: every report, or why it failed; first, when not
 * NULL, in place of the first report (a forged record). */
static void write_cache_with(struct report *first)
{
    struct cache_writer *w = cache_writer_new(file);
    struct err err;

    assert_non_null(w);
    if (first)
        cache_writer_add(w, first);
    for (size_t i = first ? 1 : 0; i < paths.nr; i++) {
        struct report *r = library_load(paths.v[i], NULL, &err);

        if (r)
            cache_writer_add(w, r);
        else
            cache_writer_add_failed(w, paths.v[i], err.msg);
        report_free(r);
    }
    assert_int_equal(cache_writer_finish(w, false, &err), 0);
}

static void write_cache(void)
{
    write_cache_with(NULL);
}

static void test_round_trip(void **state)
{
    struct cache *c;
    struct err err;
    size_t failed = 0;

    (void)state;
    write_cache();
    c = cache_open(file, &paths, &err);
    assert_non_null(c);
    for (size_t i = 0; i < paths.nr; i++) {
        const char *why;
        const struct report *got = cache_report(c, i, &why);
        struct report *want = library_load(paths.v[i], NULL, &err);

        if (!want) {
            assert_null(got);
            assert_string_equal(why, err.msg);
            failed++;
            continue;
        }
        assert_non_null(got);
        assert_string_equal(got->path, want->path);
        assert_int_equal(got->len, want->len);
        assert_memory_equal(got->text, want->text, want->len);
        assert_int_equal(got->nr_blocks, want->nr_blocks);
        assert_memory_equal(got->blocks, want->blocks, want->nr_blocks * sizeof(*want->blocks));
        assert_true((!got->title && !want->title) || !strcmp(got->title, want->title));
        assert_int_equal(got->nr_courts, want->nr_courts);
        for (size_t k = 0; k < want->nr_courts; k++)
            assert_string_equal(got->courts[k], want->courts[k]);
        report_free(want);
    }
    assert_int_equal(failed, 1); /* the PNG */
    cache_close(c);
}

static void test_changed_file_is_not_used(void **state)
{
    struct err err;
    struct timespec t[2] = {{0, UTIME_OMIT}, {12345, 0}};
    struct cache *c;

    (void)state;
    write_cache();
    assert_int_equal(utimensat(AT_FDCWD, paths.v[1], t, 0), 0);
    assert_null(cache_open(file, &paths, &err));
    write_cache(); /* written again, it is good again */
    c = cache_open(file, &paths, &err);
    assert_non_null(c);
    cache_close(c);
}

static void test_other_paths_are_not_used(void **state)
{
    struct err err;
    struct path_list fewer = paths;
    struct cache *c;

    (void)state;
    write_cache();
    fewer.nr--;
    assert_null(cache_open(file, &fewer, &err));
    c = cache_open(file, &paths, &err);
    assert_non_null(c);
    cache_close(c);
}

static void test_damaged_cache(void **state)
{
    struct err err;
    struct stat st;

    (void)state;
    for (int cut = 1; cut <= 4; cut++) {
        write_cache();
        assert_int_equal(stat(file, &st), 0);
        assert_int_equal(truncate(file, st.st_size * cut / 5), 0);
        assert_null(cache_open(file, &paths, &err));
    }
    assert_null(cache_open("/nonexistent/cache", &paths, &err));
}

/* Every single flipped bit, anywhere in a real cache, is found: the cache
 * is refused, with a message naming it when the damage is in a record (of
 * 300 random damages, 55 used to be accepted and served other text). */
static void test_every_damage_found(void **state)
{
    struct err err;
    struct stat st;
    unsigned char *bytes;
    size_t n;
    uint32_t seed = 20261130;
    int fd, named = 0;

    (void)state;
    write_cache();
    assert_int_equal(stat(file, &st), 0);
    n = (size_t)st.st_size;
    bytes = xmalloc(n);
    fd = open(file, O_RDWR);
    assert_true(fd >= 0);
    assert_int_equal(read(fd, bytes, n), (ssize_t)n);
    for (int k = 0; k < 400; k++) {
        size_t at = k < 64 ? (size_t)k : (seed = seed * 1103515245u + 12345u) % n;
        unsigned char bit = (unsigned char)(1u << (k % 8));

        bytes[at] ^= bit;
        assert_int_equal(pwrite(fd, bytes + at, 1, (off_t)at), 1);
        if (cache_open(file, &paths, &err) != NULL)
            fail_msg("a flipped bit at byte %zu of %zu was not found", at, n);
        named += strstr(err.msg, "damaged") != NULL;
        bytes[at] ^= bit;
        assert_int_equal(pwrite(fd, bytes + at, 1, (off_t)at), 1);
    }
    close(fd);
    free(bytes);
    assert_true(named > 300); /* the header's damage is a foreign cache: parsed again quietly */
}

/* A record whose checksum is right but whose fields the writer cannot have
 * made (a forged or buggy cache) is refused too: a block kind or level out
 * of range, a court parent out of range or in a loop, a control character
 * in the text or a field. */
static void test_forged_fields_refused(void **state)
{
    struct err err;
    struct report *r;
    struct block b0;
    char *title, *text;
    int parents[2];

    (void)state;
    r = library_load(paths.v[0], NULL, &err);
    assert_non_null(r);
    assert_true(r->nr_blocks > 1);
    write_cache_with(r); /* as it is: good */
    {
        struct cache *c = cache_open(file, &paths, &err);

        assert_non_null(c);
        cache_close(c);
    }
    b0 = r->blocks[0];
    r->blocks[0].kind = (enum block_kind)99;
    write_cache_with(r);
    assert_null(cache_open(file, &paths, &err));
    assert_non_null(strstr(err.msg, "damaged"));
    r->blocks[0] = b0;
    r->blocks[0].level = 1000000;
    write_cache_with(r);
    assert_null(cache_open(file, &paths, &err));
    r->blocks[0] = b0;
    r->blocks[0].len = r->len + 1;
    write_cache_with(r);
    assert_null(cache_open(file, &paths, &err));
    r->blocks[0] = b0;
    if (r->nr_courts >= 2) {
        memcpy(parents, r->court_parent, sizeof(parents));
        r->court_parent[0] = 1;
        r->court_parent[1] = 0; /* a loop */
        write_cache_with(r);
        assert_null(cache_open(file, &paths, &err));
        r->court_parent[0] = 7000;
        write_cache_with(r);
        assert_null(cache_open(file, &paths, &err));
        memcpy(r->court_parent, parents, sizeof(parents));
    }
    text = r->text;
    r->text = xstrdup(text);
    r->text[0] = '\033'; /* an escape in the text */
    write_cache_with(r);
    assert_null(cache_open(file, &paths, &err));
    free(r->text);
    r->text = text;
    title = r->title;
    r->title = "a\xc2\x9b"
               "2J"; /* the C1 CSI in a field */
    write_cache_with(r);
    assert_null(cache_open(file, &paths, &err));
    r->title = title;
    report_free(r);
}

static void test_cache_file_name(void **state)
{
    char *a, *b;

    (void)state;
    setenv("XDG_CACHE_HOME", "/x/cache", 1);
    a = cache_file_for(&paths, NULL);
    b = cache_file_for(&paths, "GBK");
    assert_non_null(strstr(a, "/x/cache/courtread/search-"));
    assert_string_not_equal(a, b); /* another encoding, another cache */
    free(a);
    free(b);
    unsetenv("XDG_CACHE_HOME");
}

/* Only the ten most recently used cache files stay. */
static void test_prune(void **state)
{
    char name[400];
    struct err err;
    int left = 0;
    DIR *d;
    struct dirent *e;

    (void)state;
    for (int i = 0; i < 14; i++) {
        struct timespec t[2] = {{0, UTIME_OMIT}, {1000 + i, 0}};
        struct cache_writer *w;

        snprintf(name, sizeof(name), "%s/prune/courtread/search-%02d.cache", dir, i);
        w = cache_writer_new(name);
        assert_non_null(w);
        assert_int_equal(cache_writer_finish(w, false, &err), 0);
        utimensat(AT_FDCWD, name, t, 0); /* i: older to newer */
    }
    snprintf(name, sizeof(name), "%s/prune/courtread", dir);
    d = opendir(name);
    assert_non_null(d);
    while ((e = readdir(d)))
        left += e->d_name[0] != '.';
    closedir(d);
    assert_int_equal(left, 10);
    snprintf(name, sizeof(name), "%s/prune/courtread/search-13.cache", dir);
    assert_int_equal(access(name, F_OK), 0); /* the newest stays */
    snprintf(name, sizeof(name), "%s/prune/courtread/search-00.cache", dir);
    assert_int_not_equal(access(name, F_OK), 0);
}

/* A file changed a moment ago may change again unseen within its
 * timestamp: no cache is written then. */
static void test_racy_file_is_not_cached(void **state)
{
    struct cache_writer *w;
    struct report *r;
    struct err err;
    char racy[400];

    (void)state;
    snprintf(racy, sizeof(racy), "%s/racy.cache", dir);
    assert_int_equal(utimensat(AT_FDCWD, paths.v[0], NULL, 0), 0); /* now */
    w = cache_writer_new(racy);
    r = library_load(paths.v[0], NULL, &err);
    cache_writer_add(w, r);
    report_free(r);
    assert_int_equal(cache_writer_finish(w, false, &err), -1);
    assert_int_not_equal(access(racy, F_OK), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_changed_file_is_not_used),
        cmocka_unit_test(test_other_paths_are_not_used),
        cmocka_unit_test(test_damaged_cache),
        cmocka_unit_test(test_every_damage_found),
        cmocka_unit_test(test_forged_fields_refused),
        cmocka_unit_test(test_cache_file_name),
        cmocka_unit_test(test_prune),
        cmocka_unit_test(test_racy_file_is_not_cached),
    };
    return cmocka_run_group_tests_name("cache", tests, setup, teardown);
}
