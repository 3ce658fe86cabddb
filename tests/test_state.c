/* Unit tests for state.c: save and load, most recent first, the cap, paths
 * with tabs, lines that cannot be read, and the atomic write. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "state.h"
#include "util.h"

static char dir[] = "/tmp/courtread-state-XXXXXX";
static char file[300];

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(dir))
        return -1;
    snprintf(file, sizeof(file), "%s/deep/courtread/state", dir);
    return 0;
}

static int teardown(void **state)
{
    char cmd[128];

    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void test_round_trip(void **state)
{
    struct state s = {0}, back = {0};
    struct err err;
    size_t off;

    (void)state;
    state_set(&s, "/r/a.txt", 10);
    state_set(&s, "/r/b\twith tab.txt", 20);
    state_set(&s, "/r/a.txt", 30); /* a again: now the most recent */
    state_set_last(&s, "/r/a.txt");
    assert_int_equal(s.nr, 2);
    assert_string_equal(s.v[0].path, "/r/a.txt");
    assert_int_equal(state_save(&s, file, &err), 0); /* makes deep/courtread/ */
    assert_int_equal(state_load(&back, file, &err), 0);
    assert_string_equal(back.last, "/r/a.txt");
    assert_int_equal(back.nr, 2);
    assert_true(state_get(&back, "/r/a.txt", &off));
    assert_int_equal(off, 30);
    assert_true(state_get(&back, "/r/b\twith tab.txt", &off));
    assert_int_equal(off, 20);
    assert_false(state_get(&back, "/r/c.txt", &off));
    state_release(&s);
    state_release(&back);
}

static void test_missing_and_damaged(void **state)
{
    struct state s = {0};
    struct err err;
    char path[320];
    FILE *f;
    size_t off;

    (void)state;
    snprintf(path, sizeof(path), "%s/absent", dir);
    assert_int_equal(state_load(&s, path, &err), 0);
    assert_int_equal(s.nr, 0);
    assert_null(s.last);
    /* half a file (what a crash without the rename would leave) */
    snprintf(path, sizeof(path), "%s/damaged", dir);
    f = fopen(path, "w");
    fputs("# courtread state\nlast\t/r/x.txt\npos\tabc\t/r/y.txt\npos\t12\npos\t7\t/r/x.txt\npo",
          f);
    fclose(f);
    assert_int_equal(state_load(&s, path, &err), 0);
    assert_int_equal(s.nr, 1);
    assert_true(state_get(&s, "/r/x.txt", &off));
    assert_int_equal(off, 7);
    state_release(&s);
    /* a folder where the file should be */
    assert_int_equal(state_load(&s, dir, &err), -1);
    state_release(&s);
}

static void test_cap_drops_the_oldest(void **state)
{
    struct state s = {0};
    char path[64];
    size_t off;

    (void)state;
    for (int i = 0; i < STATE_MAX_POSITIONS + 10; i++) {
        snprintf(path, sizeof(path), "/r/%d.txt", i);
        state_set(&s, path, (size_t)i);
    }
    assert_int_equal(s.nr, STATE_MAX_POSITIONS);
    assert_false(state_get(&s, "/r/0.txt", &off));
    assert_true(state_get(&s, "/r/10.txt", &off));
    snprintf(path, sizeof(path), "/r/%d.txt", STATE_MAX_POSITIONS + 9);
    assert_string_equal(s.v[0].path, path);
    state_release(&s);
}

/* The save leaves no temporary file (only the state and its lock file),
 * and replaces the old file whole. */
static void test_atomic_save(void **state)
{
    struct state s = {0}, back = {0};
    struct err err;
    char folder[320];
    DIR *d;
    struct dirent *e;
    int files = 0;

    (void)state;
    unlink(file); /* start from no file: the save merges with what is there */
    state_set(&s, "/r/one.txt", 1);
    assert_int_equal(state_save(&s, file, &err), 0);
    state_set(&s, "/r/two.txt", 2);
    assert_int_equal(state_save(&s, file, &err), 0);
    snprintf(folder, sizeof(folder), "%s/deep/courtread", dir);
    d = opendir(folder);
    assert_non_null(d);
    while ((e = readdir(d)))
        if (e->d_name[0] != '.' && strcmp(e->d_name, "state.lock"))
            files++;
    closedir(d);
    assert_int_equal(files, 1);
    assert_int_equal(state_load(&back, file, &err), 0);
    assert_int_equal(back.nr, 2);
    state_release(&back);
    /* a folder that cannot be made is an error, not a crash */
    assert_int_equal(state_save(&s, "/proc/no/such/state", &err), -1);
    state_release(&s);
}

/* Two copies of courtread open at once: each saves the positions it set,
 * and the other's stay (the last to quit used to win). */
static void test_two_copies_merge(void **state)
{
    struct state a = {0}, b = {0}, back = {0};
    struct err err;
    size_t off;

    (void)state;
    unlink(file);
    assert_int_equal(state_load(&a, file, &err), 0);
    assert_int_equal(state_load(&b, file, &err), 0);
    state_set(&a, "/r/a.txt", 11);
    state_set(&b, "/r/b.txt", 22);
    state_set(&b, "/r/both.txt", 2);
    state_set(&a, "/r/both.txt", 1); /* a read it last... */
    assert_int_equal(state_save(&a, file, &err), 0);
    assert_int_equal(state_save(&b, file, &err), 0); /* ...but b quits last */
    assert_int_equal(state_load(&back, file, &err), 0);
    assert_true(state_get(&back, "/r/a.txt", &off));
    assert_int_equal(off, 11);
    assert_true(state_get(&back, "/r/b.txt", &off));
    assert_int_equal(off, 22);
    assert_true(state_get(&back, "/r/both.txt", &off));
    assert_int_equal(off, 2); /* the one saved last wins for a report both set */
    state_release(&a);
    state_release(&b);
    state_release(&back);
}

/* A report this copy only opened and left where the file had it is not
 * this copy's to save: another copy that moved it meanwhile keeps its
 * position; one this copy moved is saved over the other's. */
static void test_untouched_kept(void **state)
{
    struct state a = {0}, b = {0}, back = {0};
    struct err err;
    size_t off;

    (void)state;
    unlink(file);
    state_set(&a, "/r/seen.txt", 5);
    state_set(&a, "/r/moved.txt", 5);
    assert_int_equal(state_save(&a, file, &err), 0);
    state_release(&a);
    assert_int_equal(state_load(&a, file, &err), 0); /* this copy starts */
    assert_int_equal(state_load(&b, file, &err), 0); /* another copy starts */
    state_set(&b, "/r/seen.txt", 9);
    state_set(&b, "/r/moved.txt", 9);
    assert_int_equal(state_save(&b, file, &err), 0); /* and quits first */
    state_set(&a, "/r/seen.txt", 5);                 /* opened, left as it was */
    state_set(&a, "/r/moved.txt", 7);                /* read on */
    assert_int_equal(state_save(&a, file, &err), 0);
    assert_int_equal(state_load(&back, file, &err), 0);
    assert_true(state_get(&back, "/r/seen.txt", &off));
    assert_int_equal(off, 9);
    assert_true(state_get(&back, "/r/moved.txt", &off));
    assert_int_equal(off, 7);
    state_release(&a);
    state_release(&b);
    state_release(&back);
}

struct saver {
    struct state s;
    int rc;
    volatile int done;
};

static void *save_in_thread(void *arg)
{
    struct saver *sv = arg;
    struct err err;

    sv->rc = state_save(&sv->s, file, &err);
    sv->done = 1;
    return NULL;
}

/* Copies quitting at the same moment take turns: a save waits for the
 * lock, then merges what the holder wrote (without the lock, both would
 * read the old file and the last rename would drop the other's). */
static void test_save_waits_for_the_lock(void **state)
{
    struct saver sv = {0};
    struct state other = {0}, back = {0};
    struct timespec pause = {0, 100 * 1000 * 1000};
    struct err err;
    pthread_t th;
    size_t off;
    int lock;

    (void)state;
    unlink(file);
    state_set(&sv.s, "/r/quitting.txt", 31);
    lock = state_lock(file, &err); /* another copy is saving */
    assert_true(lock >= 0);
    assert_int_equal(pthread_create(&th, NULL, save_in_thread, &sv), 0);
    nanosleep(&pause, NULL);
    assert_int_equal(sv.done, 0); /* it waits */
    state_set(&other, "/r/other.txt", 42);
    {
        const char line[] = "pos\t42\t/r/other.txt\n";

        assert_int_equal(state_write(file, line, sizeof(line) - 1, &err), 0);
    }
    state_unlock(lock);
    assert_int_equal(pthread_join(th, NULL), 0);
    assert_int_equal(sv.rc, 0);
    assert_int_equal(state_load(&back, file, &err), 0);
    assert_true(state_get(&back, "/r/other.txt", &off));
    assert_int_equal(off, 42);
    assert_true(state_get(&back, "/r/quitting.txt", &off));
    assert_int_equal(off, 31);
    state_release(&sv.s);
    state_release(&other);
    state_release(&back);
}

/* A state file that cannot be read (here a FIFO in its place, which root
 * cannot read either) is named in the message and never replaced: its
 * positions are not ours to drop. */
static void test_unreadable_kept(void **state)
{
    struct state s = {0};
    struct err err;
    struct stat st;
    char want[400];

    (void)state;
    unlink(file);
    assert_int_equal(mkfifo(file, 0600), 0);
    assert_int_equal(state_load(&s, file, &err), -1);
    snprintf(want, sizeof(want), "%s: not a regular file", file);
    assert_string_equal(err.msg, want);
    state_set(&s, "/r/new.txt", 6);
    assert_int_equal(state_save(&s, file, &err), -1);
    assert_string_equal(err.msg, want);
    assert_int_equal(stat(file, &st), 0);
    assert_true(S_ISFIFO(st.st_mode)); /* the same file, not replaced */
    unlink(file);
    state_release(&s);
}

static void test_default_path(void **state)
{
    char *p;

    (void)state;
    setenv("XDG_STATE_HOME", "/x/state", 1);
    p = state_default_path();
    assert_string_equal(p, "/x/state/courtread/state");
    free(p);
    unsetenv("XDG_STATE_HOME");
    setenv("HOME", "/home/reader", 1);
    p = state_default_path();
    assert_string_equal(p, "/home/reader/.local/state/courtread/state");
    free(p);
}

static void test_history_file(void **state)
{
    struct state_history h = {0}, back = {0};
    struct err err;
    char *path;
    char name[64];

    (void)state;
    path = state_history_path(file);
    assert_non_null(strstr(path, "/deep/courtread/history"));
    for (int i = 0; i < STATE_HISTORY_MAX + 5; i++) {
        snprintf(name, sizeof(name), "查询%d", i);
        state_history_add(&h, name);
    }
    state_history_add(&h, "");           /* nothing to keep */
    state_history_add(&h, "two\nlines"); /* not kept: one query per line */
    assert_int_equal(h.nr, STATE_HISTORY_MAX);
    assert_int_equal(state_history_save(&h, path, &err), 0);
    assert_int_equal(state_history_load(&back, path, &err), 0);
    assert_int_equal(back.nr, STATE_HISTORY_MAX);
    assert_string_equal(back.v[0], "查询5");
    snprintf(name, sizeof(name), "查询%d", STATE_HISTORY_MAX + 4);
    assert_string_equal(back.v[back.nr - 1], name);
    state_history_release(&h);
    state_history_release(&back);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_missing_and_damaged),
        cmocka_unit_test(test_cap_drops_the_oldest),
        cmocka_unit_test(test_atomic_save),
        cmocka_unit_test(test_two_copies_merge),
        cmocka_unit_test(test_untouched_kept),
        cmocka_unit_test(test_save_waits_for_the_lock),
        cmocka_unit_test(test_unreadable_kept),
        cmocka_unit_test(test_default_path),
        cmocka_unit_test(test_history_file),
    };
    return cmocka_run_group_tests_name("state", tests, setup, teardown);
}
