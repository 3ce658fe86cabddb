/*
 * court_tree.h: the court index of a library: the real hierarchy, 最高人民法院
 * → high courts → intermediate courts → basic courts → 人民法庭, each court
 * placed by court_parent_name() up the chain and by the ties the reports make
 * where the names do not say; every court a report is mainly about, with its
 * ancestors (no reports of their own); reports with no main court under 其他.
 * It keeps copies of what it needs, so reports can be freed after
 * court_tree_add().
 */
#ifndef COURTREAD_COURT_TREE_H
#define COURTREAD_COURT_TREE_H

#include <stddef.h>

struct report;
struct sbuf;

#define COURT_TREE_OTHER   "其他"
#define COURT_TREE_SUPREME "最高人民法院"

struct court_node {
    char *name;
    char *key;
    int parent;      /* index of the node above, or -1 */
    size_t *reports; /* indices given to court_tree_add() */
    size_t nr_reports, alloc_reports;
};

/* A tie a report makes: child named under parent (X法院Y法庭), or a court
 * the report's own court names as its own. */
struct court_tie {
    char *child;      /* key */
    char *parent;     /* full name, to bring the parent in */
    char *parent_key; /* its key */
    size_t order;     /* in the order the reports made them */
};

struct court_tree {
    struct court_node *v;
    size_t nr, alloc;
    int *slots;      /* open-addressed hash of node keys: node index or -1 */
    size_t nr_slots; /* a power of two, at least twice nr; 0 before any node */
    struct court_tie *ties;
    size_t nr_ties, alloc_ties;
    /* court_key() of each name seen, open-addressed by the name (a library
     * names the same courts report after report, and a key costs a scan) */
    struct court_key_memo {
        char *name, *key; /* name NULL: a free slot */
    } * memo;
    size_t nr_memo, memo_slots; /* memo_slots: a power of two, at least twice nr_memo */
};

/* Add a report (known to the caller as index) to the tree: under its main
 * court (courts[0] when r->main_court), else under 其他. */
void court_tree_add(struct court_tree *t, const struct report *r, size_t index);
/* Work out parents once all reports are in, bringing in the ancestors of
 * every court; never makes a cycle. */
void court_tree_finish(struct court_tree *t);
/* The courts in the order they are shown: each parent before its children,
 * siblings in the order the library first mentions them, 其他 last. */
struct court_row {
    size_t node; /* index into court_tree.v */
    int depth;   /* 0 for a court with no parent */
};
struct court_rows {
    struct court_row *v;
    size_t nr, alloc;
};
void court_tree_rows(const struct court_tree *t, struct court_rows *rows);
void court_rows_release(struct court_rows *rows);

/* The tree as text for scripts: one court per line, two spaces of indent per
 * level, the name, a tab and the number of reports mainly about it. */
void court_tree_format(const struct court_tree *t, struct sbuf *out);
void court_tree_release(struct court_tree *t);

#endif
