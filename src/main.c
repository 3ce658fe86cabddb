/*
 * main.c: command line, then one mode: --outline, --courts, --dump, or the
 * browser (ui.c) when both ends are a terminal (else the outlines). Owns the
 * only output to stdout/stderr; the modules below it return text and
 * messages.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pthread.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "court_tree.h"
#include "layout.h"
#include "decode.h"
#include "index.h"
#include "library.h"
#include "outline.h"
#include "report.h"
#include "results.h"
#include "search.h"
#include "state.h"
#include "ui.h"
#include "ui_width.h"
#include "util.h"

#ifndef VERSION
#define VERSION "0.1"
#endif
#ifndef SAMPLES_DIR
#define SAMPLES_DIR "/usr/local/share/courtread/samples"
#endif
#ifndef SOURCE_SAMPLES_DIR
#define SOURCE_SAMPLES_DIR SAMPLES_DIR
#endif
#ifndef THEMES_DIR
#define THEMES_DIR "/usr/local/share/courtread/themes"
#endif
#ifndef SOURCE_THEMES_DIR
#define SOURCE_THEMES_DIR THEMES_DIR
#endif

enum mode { MODE_DEFAULT, MODE_OUTLINE, MODE_COURTS, MODE_DUMP, MODE_SEARCH, MODE_EXPLAIN };

struct options {
    enum mode mode;
    const char *encoding;
    const char *config;
    int width;     /* --width, 0 when not given */
    int ambiguous; /* --ambiguous-width, 0 when not given */
    const char *theme;
    const char *query; /* --search */
    bool regex;        /* --regex: the query is a regular expression */
    bool reindex;      /* --reindex: parse every report again */
};

static void usage(FILE *f)
{
    fputs("Usage: courtread [OPTION]... [PATH]...\n"
          "Read Chinese-language reports about courts: files and folders of .txt and .md.\n"
          "\n"
          "  -o, --outline        print each report's structure (title, courts, sections)\n"
          "  -c, --courts         print the court tree, one court per line: the name\n"
          "                       indented by level, a tab, its number of reports\n"
          "  -d, --dump           print each report laid out for reading\n"
          "      --explain        print every line of each report with the kind the parser\n"
          "                       chose (title, byline, heading, body, noise ...), the\n"
          "                       three best kinds by score, and the features that\n"
          "                       weighed most for the kind chosen\n"
          "  -s, --search QUERY   print every match of QUERY: path, court, title, section\n"
          "                       and context, tab-separated (full- and half-width forms\n"
          "                       match each other, and simplified and traditional\n"
          "                       characters; spaces between Chinese and digits or Latin\n"
          "                       letters do not count; case counts only if QUERY has\n"
          "                       capitals)\n"
          "  -E, --regex          with --search: QUERY is a regular expression (PCRE2)\n"
          "      --reindex        parse every report again and replace what the library\n"
          "                       index (~/.cache/courtread/index.db) has of them\n"
          "  -w, --width N        lay out for N columns (default: the terminal's, or 80);\n"
          "                       in the browser, the reader's column of text (default:\n"
          "                       reader_width in the config file, 72)\n"
          "      --ambiguous-width 1|2\n"
          "                       columns of East Asian Ambiguous characters such as “ ” ●\n"
          "  -e, --encoding NAME  read the reports in encoding NAME (default: detect)\n"
          "      --config FILE    read settings from FILE\n"
          "  -t, --theme NAME|FILE  colours of the browser (default, light, mono, or a file)\n"
          "  -h, --help           show this help and exit\n"
          "  -V, --version        show the version and exit\n"
          "\n"
          "With no mode, opens the browser (when standard output is a terminal; else\n"
          "prints the outlines). A PATH of - is a report on standard input. With no\n"
          "PATH, reads standard input when it is a pipe or a file, else the 'library'\n"
          "folder from the config file, or the samples. F1 in the browser lists the keys;\n"
          "its e opens $VISUAL or $EDITOR, its | runs a command in $SHELL.\n"
          "Exit status: 0 when reports were read, 1 when none could be, 2 on usage errors;\n"
          "with --search, 0 when something matched and 1 when nothing did.\n",
          f);
}

static void print_msgs(struct msgs *m)
{
    for (size_t i = 0; i < m->nr; i++)
        complain("%s", m->v[i]);
    msgs_release(m);
}

static bool is_dir(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A folder of bundled data ("samples", "themes"): beside the binary in a
 * source tree, else the installed one, else the one of the source tree the
 * binary was built in (a sanitizer build under build/). Caller frees. */
static char *data_dir(const char *name, const char *installed, const char *source)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

    if (n > 0) {
        char *slash;
        struct sbuf sb = SBUF_INIT;

        exe[n] = '\0';
        slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            sbuf_addf(&sb, "%s/%s", exe, name);
            if (is_dir(sb.buf))
                return sbuf_detach(&sb, NULL);
            sbuf_release(&sb);
        }
    }
    if (!is_dir(installed) && is_dir(source))
        return xstrdup(source);
    return xstrdup(installed);
}

/* What the printing modes need while reports arrive. */
struct run {
    enum mode mode;
    bool several;
    struct court_tree *tree;
    bool browse; /* the browser keeps every report */
    struct report **keep;
    size_t nr_keep, alloc_keep;
    struct msgs *msgs; /* the browser shows problems instead of printing them */
    struct layout_opts layout;
    struct search_query query; /* --search */
    size_t loaded, failed, matches;
    /* the browser's library index, kept open for its searches: the
     * entries, and the entry of each report kept (SIZE_MAX: none) */
    struct index *ix;
    struct index_entries es;
    struct index_sync_opts so;
    const struct path_list *paths;
    size_t *entry_of;
    struct index_fill *fill; /* the full-text table filled meanwhile */
    /* --search: the card of each report being read (their courts are the
     * index's, so the reports are read without finding them again) */
    const struct report **cards;
};

/* What a report prints as, made in a worker thread (library_load_each). */
static void prepare(const void *ctx, size_t index, const struct report *r, struct sbuf *out)
{
    const struct run *run = ctx;

    if (run->browse)
        return; /* the browser lays out what it shows, when it shows it */
    if (run->mode == MODE_SEARCH) {
        struct search_hits h = {0};
        struct report with = *r; /* r with the courts of its card */

        if (run->cards && index != SIZE_MAX && run->cards[index]) {
            with.main_court = run->cards[index]->main_court;
            with.courts = run->cards[index]->courts;
            with.nr_courts = run->cards[index]->nr_courts;
        }
        search_text(&run->query, r->text, r->len, &h);
        for (size_t i = 0; i < h.nr; i++)
            results_format(&with, &h.v[i], out);
        search_hits_release(&h);
    } else if (run->mode == MODE_DUMP) {
        struct layout *l = layout_build(r, &run->layout);

        layout_text(l, out);
        layout_free(l);
    } else if (run->mode == MODE_EXPLAIN) {
        sbuf_addstr(out, r->explain ? r->explain : "");
    } else if (run->mode != MODE_COURTS) {
        outline_format(r, out);
    }
}

/* Called for each report in order (library_load_each): whether it keeps r. */
static bool deliver(void *ctx, size_t index, const char *path, struct report *r,
                    struct sbuf *prepared, const char *err)
{
    struct run *run = ctx;

    (void)index;
    if (!r) {
        if (run->msgs)
            msgs_add(run->msgs, "%s: %s", path, err ? err : "");
        else
            complain("%s: %s", path, err ? err : "");
        run->failed++;
        return false;
    }
    if (run->browse) {
        ALLOC_GROW(run->keep, run->nr_keep + 1, run->alloc_keep);
        court_tree_add(run->tree, r, run->nr_keep);
        run->keep[run->nr_keep++] = r;
        run->loaded++;
        return true;
    }
    if (run->mode == MODE_COURTS) {
        court_tree_add(run->tree, r, run->loaded);
    } else if (run->mode == MODE_SEARCH) {
        for (const char *p = prepared->buf, *end = p + prepared->len;
             p && (p = memchr(p, '\n', (size_t)(end - p))); p++)
            run->matches++;
        fwrite(prepared->buf ? prepared->buf : "", 1, prepared->len, stdout);
    } else {
        if (run->several) {
            struct sbuf name = SBUF_INIT;

            sbuf_add_printable(&name, path, strlen(path)); /* a name can hold anything */
            printf("%s# %s\n", run->loaded ? "\n" : "", name.buf ? name.buf : "");
            sbuf_release(&name);
        }
        fwrite(prepared->buf ? prepared->buf : "", 1, prepared->len, stdout);
    }
    run->loaded++;
    return false; /* library_load_each() frees it */
}

static void *prepare_parsing(void *unused)
{
    (void)unused;
    report_prepare();
    return NULL;
}

/* Build the parser's tables on another core while this thread reads the
 * configuration and walks the folders (10,000 reports: some 7 ms for each):
 * the first reports are parsed at once, and by every worker. Without the
 * thread, the first parse builds them. */
static void prepare_parsing_now(void)
{
    pthread_t tid;

    if (sysconf(_SC_NPROCESSORS_ONLN) > 1 && pthread_create(&tid, NULL, prepare_parsing, NULL) == 0)
        pthread_detach(tid);
}

/* A whole number option value in [lo, hi]. */
static int number_arg(const char *opt, const char *v, int lo, int hi, int *out)
{
    char *end;
    long n = strtol(v, &end, 10);

    if (!*v || *end || n < lo || n > hi) {
        complain("%s takes a whole number from %d to %d, not '%s'", opt, lo, hi, v);
        return -1;
    }
    *out = (int)n;
    return 0;
}

/* The terminal's width, or 80 when the output is not a terminal. */
static int output_width(void)
{
    struct winsize ws;

    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 80;
}

static int parse_args(int argc, char **argv, struct options *o)
{
    static const struct option longopts[] = {
        {"outline", no_argument, NULL, 'o'},
        {"courts", no_argument, NULL, 'c'},
        {"dump", no_argument, NULL, 'd'},
        {"explain", no_argument, NULL, 'X'},
        {"search", required_argument, NULL, 's'},
        {"regex", no_argument, NULL, 'E'},
        {"reindex", no_argument, NULL, 'R'},
        {"width", required_argument, NULL, 'w'},
        {"ambiguous-width", required_argument, NULL, 'A'},
        {"encoding", required_argument, NULL, 'e'},
        {"config", required_argument, NULL, 'C'},
        {"theme", required_argument, NULL, 't'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int c;

    opterr = 0;
    while ((c = getopt_long(argc, argv, ":ocds:Ew:e:t:hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            o->mode = MODE_OUTLINE;
            break;
        case 'c':
            o->mode = MODE_COURTS;
            break;
        case 'd':
            o->mode = MODE_DUMP;
            break;
        case 'X':
            o->mode = MODE_EXPLAIN;
            break;
        case 's':
            o->mode = MODE_SEARCH;
            o->query = optarg;
            if (!*optarg) {
                complain("--search needs a query that is not empty");
                return -1;
            }
            break;
        case 'E':
            o->regex = true;
            break;
        case 'R':
            o->reindex = true;
            break;
        case 'w':
            if (number_arg("--width", optarg, 1, 10000, &o->width) < 0)
                return -1;
            break;
        case 'A':
            if (number_arg("--ambiguous-width", optarg, 1, 2, &o->ambiguous) < 0)
                return -1;
            break;
        case 'e':
            o->encoding = optarg;
            break;
        case 'C':
            o->config = optarg;
            break;
        case 't':
            o->theme = optarg;
            break;
        case 'h':
            usage(stdout);
            exit(0);
        case 'V':
            printf("courtread %s\n", VERSION);
            exit(0);
        case ':':
            complain("option '%s' needs a value", argv[optind - 1]);
            fputs("Try 'courtread --help' for more information.\n", stderr);
            return -1;
        default:
            if (optopt)
                complain("unknown option '-%c'", optopt);
            else
                complain("unknown option '%s'", argv[optind - 1]);
            fputs("Try 'courtread --help' for more information.\n", stderr);
            return -1;
        }
    }
    if (o->encoding && !decode_encoding_known(o->encoding)) {
        complain("unknown encoding '%s'", o->encoding);
        return -1;
    }
    if (o->regex) { /* a bad pattern is said before any report is read */
        struct search_query q;
        struct err err;

        if (o->mode != MODE_SEARCH) {
            complain("--regex goes with --search");
            return -1;
        }
        if (search_compile_regex(&q, o->query, strlen(o->query), &err) < 0) {
            complain("--search: %s", err.msg);
            return -1;
        }
        search_query_release(&q);
    }
    return 0;
}

static bool browse_candidates(void *ctx, const struct search_query *q, bool *mask,
                              struct sbuf *note);
static void browse_shown(void *ctx);
static char *browse_map(void *ctx, const struct report *card, size_t *len, uint64_t *sum);

/* The browser over the loaded reports; returns the exit status. */
static int browse(const struct options *o, const struct config *cfg, struct run *run,
                  struct msgs *msgs)
{
    char *themes = data_dir("themes", THEMES_DIR, SOURCE_THEMES_DIR);
    const char *dirs[] = {themes, NULL};
    char *state = state_default_path();
    struct ui_setup setup = {
        .reports = run->keep,
        .nr_reports = run->nr_keep,
        .tree = run->tree,
        .cfg = cfg,
        .theme = o->theme,
        .theme_dirs = dirs,
        .state_file = state,
        .ambiguous = run->layout.ambiguous,
        /* -w sets the reader's measure for this session */
        .reader_width = o->width ? o->width : cfg->reader_width,
        .msgs = msgs,
        .encoding = o->encoding,
        .candidates = browse_candidates,
        .candidates_ctx = run,
        .shown = browse_shown,
    };
    int status;

    court_tree_finish(run->tree);
    library_set_map_source(browse_map, run);
    status = ui_run(&setup);
    library_set_map_source(NULL, NULL);
    index_fill_stop(run->fill); /* it stops while the library is let go */
    print_msgs(msgs);
    for (size_t i = 0; i < run->nr_keep; i++)
        report_free(run->keep[i]);
    free(run->keep);
    free(state);
    free(themes);
    index_entries_release(&run->es);
    index_fill_end(run->fill, true);
    index_close(run->ix);
    free(run->entry_of);
    if (!run->nr_keep && run->failed)
        status = 1;
    return status;
}

/* A path given, whose folder's rows of files gone the index drops: kept
 * NULL-terminated for index_sync(). */
static void add_root(struct path_list *roots, const char *path)
{
    ALLOC_GROW(roots->v, roots->nr + 2, roots->alloc);
    roots->v[roots->nr++] = xstrdup(path);
    roots->v[roots->nr] = NULL;
}

/* Say the index's messages where the run says its problems. */
static void say_all(struct run *run, struct msgs *m)
{
    for (size_t i = 0; i < m->nr; i++) {
        if (run->msgs)
            msgs_add(run->msgs, "%s", m->v[i]);
        else
            complain("%s", m->v[i]);
    }
    msgs_release(m);
}

/* A report the index could not load: said, and counted. */
static void failed_entry(struct run *run, const char *path, const struct index_entry *e)
{
    deliver(run, 0, path, NULL, NULL, e->failed);
}

/* The reports of paths whose mask is set read again, on every core, and
 * searched, in order; standard input's from its entry, as it cannot be
 * read twice. Their courts come from their cards. */
static void search_reports(struct run *run, const struct path_list *paths, struct index_entries *es,
                           const bool *mask, const char *encoding)
{
    struct path_list some = {0};
    /* a report with a text map is rebuilt from its file, not parsed */
    struct load_map *maps = xcalloc(paths->nr ? paths->nr : 1, sizeof(*maps));
    struct load_opts lo = {.encoding = encoding, .skip = REPORT_SKIP_COURTS, .maps = maps};

    run->cards = xcalloc(paths->nr ? paths->nr : 1, sizeof(*run->cards));
    for (size_t i = 0; i <= paths->nr; i++) {
        struct index_entry *e = i < paths->nr ? &es->v[i] : NULL;
        struct sbuf out = SBUF_INIT;

        if (e && e->failed) {
            failed_entry(run, paths->v[i], e);
            continue;
        }
        if (e && !e->report) {
            if (mask[i]) {
                run->cards[some.nr] = e->card;
                maps[some.nr] = (struct load_map){e->map, e->map_len, e->sum, NULL};
                ALLOC_GROW(some.v, some.nr + 1, some.alloc);
                some.v[some.nr++] = paths->v[i];
            }
            continue;
        }
        library_load_each(&some, &lo, library_workers(), prepare, deliver, run);
        some.nr = 0;
        if (!e)
            break;
        prepare(run, SIZE_MAX, e->report, &out); /* parsed whole: its own courts */
        deliver(run, i, paths->v[i], e->report, &out, NULL);
        sbuf_release(&out);
    }
    free(some.v); /* the strings are paths' */
    free(maps);
    free(run->cards);
    run->cards = NULL;
}

/* --search over the reports the index says the query can be in: each of
 * them read and searched, on every core, the matches printed in order. */
static void search_indexed(struct run *run, struct index *ix, const struct path_list *paths,
                           struct index_entries *es, const struct index_sync_opts *so,
                           struct msgs *im)
{
    bool *mask = xcalloc(paths->nr ? paths->nr : 1, sizeof(*mask));

    index_candidates(ix, paths, es, &run->query, so, mask, im);
    index_maps(ix, es, mask);
    say_all(run, im);
    search_reports(run, paths, es, mask, so->encoding);
    free(mask);
}

/* --outline, --courts, --search and the browser: what the library index
 * has, which parses only the reports new or changed since it last saw
 * them. Without an index (no cache folder) every report is parsed. */
static void from_index(const struct options *o, struct run *run, const struct path_list *paths,
                       const char *const *roots)
{
    struct msgs im = {0};
    struct err err = {{0}};
    struct index *ix = NULL;
    /* what each mode needs of the entries: --outline the outlines, --courts
     * the courts, --search the courts of the reports it reads, the browser
     * all but the outlines */
    unsigned skip = run->browse                ? INDEX_SKIP_OUTLINE
                    : run->mode == MODE_COURTS ? INDEX_SKIP_OUTLINE | INDEX_SKIP_FIELDS
                    : run->mode == MODE_SEARCH ? INDEX_SKIP_OUTLINE | INDEX_SKIP_FIELDS
                                               : INDEX_SKIP_FIELDS | INDEX_SKIP_COURTS;
    struct index_sync_opts so = {o->encoding, library_workers(),        o->reindex, roots,
                                 skip,        run->mode == MODE_SEARCH, false};
    struct index_entries es = {0};
    bool files = false; /* not only standard input, which is never kept */

    for (size_t i = 0; i < paths->nr && !files; i++)
        files = strcmp(paths->v[i], "-") != 0;
    if (files)
        ix = index_open(NULL, &im, &err);
    if (!ix && err.msg[0])
        msgs_add(&im, "no library index (every report is parsed): %s", err.msg);
    index_sync(ix, paths, &so, &es, &im);
    if (run->mode == MODE_SEARCH) {
        search_indexed(run, ix, paths, &es, &so, &im);
    } else if (run->browse) { /* cards: each report read when it is opened */
        say_all(run, &im);
        run->entry_of = xcalloc(es.nr ? es.nr : 1, sizeof(*run->entry_of));
        for (size_t i = 0; i < es.nr; i++) {
            struct index_entry *e = &es.v[i];
            struct report *r = e->report ? e->report : e->failed ? NULL : e->card;

            run->entry_of[run->nr_keep] = i;
            if (deliver(run, i, paths->v[i], r, NULL, e->failed)) { /* kept */
                if (r == e->report)
                    e->report = NULL;
                else
                    e->card = NULL;
            }
        }
        run->ix = ix; /* for the browser's searches */
        run->es = es;
        run->so = so;
        run->paths = paths;
        return;
    } else {
        say_all(run, &im);
        for (size_t i = 0; i < es.nr; i++) {
            const struct index_entry *e = &es.v[i];

            if (e->failed) {
                failed_entry(run, paths->v[i], e);
            } else if (run->mode == MODE_COURTS) {
                court_tree_add(run->tree, e->card, run->loaded++);
            } else {
                struct sbuf out = SBUF_INIT;

                out.buf = e->outline;
                out.len = strlen(e->outline);
                deliver(run, i, paths->v[i], e->card, &out, NULL);
            }
        }
    }
    index_entries_release(&es);
    index_close(ix);
}

/* The browser's first screen is up: the full-text table filled behind it
 * from now on, for the first library search of a large library would wait
 * for it (100,000 reports: 40 s); meanwhile a search reads the reports
 * whose text is not in it yet. */
static void browse_shown(void *ctx)
{
    struct run *run = ctx;

    run->fill = index_fill_start(run->ix, run->paths, &run->es, &run->so);
    run->so.no_fill = run->fill != NULL;
}

/* The browser's library_map_fn: a card's text map, from the index, so that
 * opening or searching it is a copy of its file, not a parse. */
static char *browse_map(void *ctx, const struct report *card, size_t *len, uint64_t *sum)
{
    struct run *run = ctx;

    return index_map_of(run->ix, card->id, len, sum);
}

/* The browser's ui_candidates_fn: the index's candidates of q, for the
 * reports kept. */
static bool browse_candidates(void *ctx, const struct search_query *q, bool *mask,
                              struct sbuf *note)
{
    struct run *run = ctx;
    bool *of_entries;
    struct msgs m = {0};
    size_t in, of;

    if (!run->ix)
        return false;
    /* why this search reads more than the next will */
    if (index_fill_progress(run->fill, &in, &of) && in < of)
        sbuf_addf(note, "%zu of %zu reports indexed for search; the rest are read", in, of);
    of_entries = xcalloc(run->es.nr ? run->es.nr : 1, sizeof(*of_entries));
    index_candidates(run->ix, run->paths, &run->es, q, &run->so, of_entries, &m);
    for (size_t k = 0; k < run->nr_keep; k++)
        mask[k] = of_entries[run->entry_of[k]];
    free(of_entries);
    msgs_release(&m); /* no narrowing then: every report is a candidate */
    return true;
}

/* The report came on standard input: the keys come from the terminal, as
 * less reads them, so /dev/tty becomes standard input for curses. */
static int keys_from_tty(void)
{
    int fd = open("/dev/tty", O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        return -1;
    if (dup2(fd, STDIN_FILENO) < 0) {
        close(fd);
        return -1;
    }
    close(fd);
    return 0;
}

int main(int argc, char **argv)
{
    struct options o = {.mode = MODE_DEFAULT};
    struct config cfg;
    struct msgs msgs = {0};
    struct path_list paths = {0};
    struct path_list roots = {0}; /* the paths given, or the library folder */
    struct court_tree tree = {0};
    struct sbuf out = SBUF_INIT;
    struct run run = {0};
    int status = 0;
    bool piped, reads_stdin = false;
    struct stat in;

    if (parse_args(argc, argv, &o) < 0)
        return 2;
    prepare_parsing_now(); /* wasted only when the index has every report */
    /* with no PATH and text piped in (or a file redirected), that is the
     * report, as less does; a terminal or /dev/null is not */
    piped = optind == argc && fstat(STDIN_FILENO, &in) == 0 &&
            (S_ISFIFO(in.st_mode) || S_ISREG(in.st_mode));
    for (int i = optind; i < argc; i++)
        reads_stdin |= !strcmp(argv[i], "-");
    reads_stdin |= piped;
    run.browse =
        o.mode == MODE_DEFAULT && isatty(STDOUT_FILENO) && (isatty(STDIN_FILENO) || reads_stdin);
    if (run.browse) {
        char why[256];

        if (ui_locale(why, sizeof(why)) < 0) {
            complain("%s", why);
            return 1;
        }
        run.msgs = &msgs;
    }
    config_init(&cfg);
    config_load(&cfg, o.config, &msgs);
    if (!run.browse)
        print_msgs(&msgs);

    if (optind < argc) {
        for (int i = optind; i < argc; i++) {
            struct err err;

            if (library_collect(argv[i], &paths, &msgs, &err) < 0) {
                complain("%s: %s", argv[i], err.msg);
                status = 2;
            }
            add_root(&roots, argv[i]);
        }
    } else if (piped) {
        library_collect("-", &paths, &msgs, NULL);
    } else {
        char *dir = cfg.library ? xstrdup(cfg.library)
                                : data_dir("samples", SAMPLES_DIR, SOURCE_SAMPLES_DIR);
        struct err err;

        if (library_collect(dir, &paths, &msgs, &err) < 0) {
            complain("%s: %s", dir, err.msg);
            status = 2;
        }
        add_root(&roots, dir);
        free(dir);
    }
    if (!run.browse || status)
        print_msgs(&msgs);
    if (status) {
        path_list_release(&paths);
        path_list_release(&roots);
        config_release(&cfg);
        return status;
    }

    run.mode = o.mode;
    if (o.mode == MODE_SEARCH && o.regex) {
        struct err err;

        search_compile_regex(&run.query, o.query, strlen(o.query), &err); /* checked above */
    } else if (o.mode == MODE_SEARCH) {
        search_compile(&run.query, o.query, strlen(o.query));
    }
    run.tree = &tree;
    run.layout.width = o.width ? o.width : output_width();
    run.layout.ambiguous = o.ambiguous ? o.ambiguous : cfg.ambiguous_width;
    run.layout.indent = cfg.indent;
    ui_width_set_ambiguous(run.layout.ambiguous); /* curses measures as the layout does */
    run.several = paths.nr > 1;
    if (o.mode == MODE_DUMP || o.mode == MODE_EXPLAIN) {
        /* --dump shows no courts: it need not find them */
        struct load_opts lo = {.encoding = o.encoding,
                               .skip = o.mode == MODE_DUMP ? REPORT_SKIP_COURTS
                                                           : REPORT_EXPLAIN | REPORT_SKIP_COURTS};

        library_load_each(&paths, &lo, library_workers(), prepare, deliver, &run);
    } else {
        from_index(&o, &run, &paths, (const char *const *)roots.v);
    }
    if (run.browse && run.nr_keep && !isatty(STDIN_FILENO) && keys_from_tty() < 0) {
        complain("/dev/tty: %s (the keys are read there once the report is read from "
                 "standard input)",
                 strerror(errno));
        run.browse = false;
        status = 1;
    }
    if (run.browse && run.nr_keep) {
        status = browse(&o, &cfg, &run, &msgs);
        court_tree_release(&tree);
        path_list_release(&paths);
        path_list_release(&roots);
        config_release(&cfg);
        return status;
    }
    if (run.browse) { /* nothing to browse: say why on the terminal */
        for (size_t i = 0; i < run.nr_keep; i++)
            report_free(run.keep[i]);
        free(run.keep);
        index_entries_release(&run.es);
        index_close(run.ix);
        free(run.entry_of);
        court_tree_release(&tree);
        print_msgs(&msgs);
    }
    if (o.mode == MODE_COURTS) {
        court_tree_finish(&tree);
        sbuf_reset(&out);
        court_tree_format(&tree, &out);
        fwrite(out.buf, 1, out.len, stdout);
        court_tree_release(&tree);
    }
    if (!paths.nr)
        complain("no reports (.txt or .md files) found");
    sbuf_release(&out);
    path_list_release(&paths);
    path_list_release(&roots);
    config_release(&cfg);
    search_query_release(&run.query);
    if (fflush(stdout) != 0 || ferror(stdout))
        return 1;
    if (o.mode == MODE_SEARCH)
        return run.matches ? 0 : 1;
    return run.loaded || !run.failed ? 0 : 1;
}
