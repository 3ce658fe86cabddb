/*
 * fuzz_config.c: any bytes as a config file and as a theme file. Checks
 * config.h's and theme.h's contracts: a bad line is a message and the rest
 * applies, so loading never fails on content; every message names the file
 * and is printable; every setting is in its documented range; no key the
 * terminal keeps (C-c, C-z) or sends as another (C-m) is bound; every
 * colour is a palette colour or the terminal's default.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "fuzz.h"
#include "theme.h"
#include "util.h"

static char dir[] = "/tmp/courtread-fuzz-config-XXXXXX";
static char file[300];

static void cleanup(void)
{
    unlink(file);
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (!mkdtemp(dir))
        abort();
    snprintf(file, sizeof(file), "%s/config.ini", dir);
    atexit(cleanup);
    setenv("HOME", dir, 1); /* ~/ in a library setting */
    return 0;
}

/* Every message names the file first and is what a terminal may be sent. */
static void check_msgs(const struct msgs *m)
{
    for (size_t i = 0; i < m->nr; i++) {
        FUZZ_CHECK(!strncmp(m->v[i], file, strlen(file)), "message %zu: %s", i, m->v[i]);
        FUZZ_CHECK(fuzz_printable(m->v[i], strlen(m->v[i])), "message %zu", i);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct config cfg;
    struct theme t;
    struct msgs m = {0};
    FILE *f = fopen(file, "wb");

    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();
    config_init(&cfg);
    config_load(&cfg, file, &m);
    check_msgs(&m);
    FUZZ_CHECK(cfg.ambiguous_width == 1 || cfg.ambiguous_width == 2, "%d", cfg.ambiguous_width);
    FUZZ_CHECK(cfg.indent >= 0 && cfg.indent <= 4, "%d", cfg.indent);
    FUZZ_CHECK(cfg.courts_width >= CONFIG_PANE_MIN && cfg.courts_width <= CONFIG_PANE_MAX, "%d",
               cfg.courts_width);
    FUZZ_CHECK(cfg.outline_width >= CONFIG_PANE_MIN && cfg.outline_width <= CONFIG_PANE_MAX, "%d",
               cfg.outline_width);
    FUZZ_CHECK(cfg.reader_width == 0 || (cfg.reader_width >= CONFIG_MEASURE_MIN &&
                                         cfg.reader_width <= CONFIG_MEASURE_MAX),
               "%d", cfg.reader_width);
    FUZZ_CHECK(!cfg.library || *cfg.library, "an empty library");
    for (int key = 1; key <= 26; key++)
        if (key == 'c' - 'a' + 1 || key == 'z' - 'a' + 1 || key == 'm' - 'a' + 1)
            FUZZ_CHECK(keys_lookup(&cfg.keys, key) == ACT_NONE, "C-%c bound", 'a' + key - 1);
    config_release(&cfg);
    msgs_release(&m);

    theme_load(&t, file, &m);
    check_msgs(&m);
    for (int r = 0; r < NR_ROLES; r++) {
        FUZZ_CHECK(t.role[r].fg >= THEME_DEFAULT_COLOR && t.role[r].fg <= 255, "fg %d", r);
        FUZZ_CHECK(t.role[r].bg >= THEME_DEFAULT_COLOR && t.role[r].bg <= 255, "bg %d", r);
    }
    msgs_release(&m);
    return 0;
}
