/*
 * court_tree.c: courts across reports. Nodes are identified by court_key(),
 * so 鄂托克旗人民法院 in one report and 鄂尔多斯市鄂托克旗人民法院 in another
 * are one node, shown by its fullest name.
 */
#include "court_tree.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "court.h"
#include "report.h"
#include "util.h"

/* FNV-1a over a court key. */
static size_t key_hash(const char *key)
{
    uint32_t h = 2166136261u;

    for (const unsigned char *k = (const unsigned char *)key; *k; k++)
        h = (h ^ *k) * 16777619u;
    return h;
}

/* The slot holding key, or the empty one where it would go. */
static size_t slot_of(const struct court_tree *t, const char *key)
{
    size_t mask = t->nr_slots - 1, s = key_hash(key) & mask;

    while (t->slots[s] >= 0 && strcmp(t->v[t->slots[s]].key, key) != 0)
        s = (s + 1) & mask;
    return s;
}

static int find(const struct court_tree *t, const char *key)
{
    return t->nr_slots ? t->slots[slot_of(t, key)] : -1;
}

/* Keep the hash at most half full, then add node i to it. */
static void index_node(struct court_tree *t, size_t i)
{
    if ((i + 1) * 2 > t->nr_slots) {
        free(t->slots);
        t->nr_slots = t->nr_slots ? t->nr_slots * 2 : 64;
        t->slots = xmalloc(t->nr_slots * sizeof(*t->slots));
        for (size_t s = 0; s < t->nr_slots; s++)
            t->slots[s] = -1;
        for (size_t k = 0; k < i; k++)
            t->slots[slot_of(t, t->v[k].key)] = (int)k;
    }
    t->slots[slot_of(t, t->v[i].key)] = (int)i;
}

/* The node for name, made if new; a fuller name replaces a shorter one. */
static int node(struct court_tree *t, const char *name)
{
    char *key = court_key(name);
    int i = find(t, key);
    struct court_node *n;

    if (i >= 0) {
        free(key);
        n = &t->v[i];
        if (strlen(name) > strlen(n->name)) {
            free(n->name);
            n->name = xstrdup(name);
        }
        return i;
    }
    ALLOC_GROW(t->v, t->nr + 1, t->alloc);
    n = &t->v[t->nr];
    memset(n, 0, sizeof(*n));
    n->name = xstrdup(name);
    n->key = key;
    n->parent = -1;
    index_node(t, t->nr);
    return (int)t->nr++;
}

static void tie(struct court_tree *t, const char *child, const char *parent)
{
    ALLOC_GROW(t->ties, t->nr_ties + 1, t->alloc_ties);
    t->ties[t->nr_ties].child = court_key(child);
    t->ties[t->nr_ties++].parent = court_key(parent);
}

void court_tree_add(struct court_tree *t, const struct report *r, size_t index)
{
    struct court_node *n;
    int i;

    i = node(t, r->nr_courts ? r->courts[0] : COURT_TREE_OTHER);
    n = &t->v[i];
    ALLOC_GROW(n->reports, n->nr_reports + 1, n->alloc_reports);
    n->reports[n->nr_reports++] = index;
    if (!r->nr_courts)
        return;
    /* What the report ties: a 法庭 named under its court, and the basic courts a
     * report about an intermediate court names as its own (乌海市两级法院). */
    for (size_t c = 0; c < r->nr_courts; c++) {
        enum court_level lc = court_level_of(r->courts[c]);

        if (r->court_parent[c] >= 0)
            tie(t, r->courts[c], r->courts[r->court_parent[c]]);
        else if (c > 0 && lc == COURT_TRIBUNAL && court_level_of(r->courts[0]) == COURT_BASIC)
            tie(t, r->courts[c], r->courts[0]);
        else if (c > 0 && lc == COURT_BASIC && court_level_of(r->courts[0]) == COURT_INTERMEDIATE)
            tie(t, r->courts[c], r->courts[0]);
    }
}

void court_tree_finish(struct court_tree *t)
{
    /* t->nr grows as parents named only by their children are added */
    for (size_t i = 0; i < t->nr; i++) {
        char *pname;

        if (t->v[i].parent >= 0 || !strcmp(t->v[i].name, COURT_TREE_OTHER))
            continue;
        pname = court_parent_name(t->v[i].name);
        if (pname) {
            int p = node(t, pname);

            t->v[i].parent = p;
            free(pname);
        }
    }
    /* Then what the reports tie, for courts whose names do not say. */
    for (size_t k = 0; k < t->nr_ties; k++) {
        int c = find(t, t->ties[k].child), p;

        if (c < 0 || t->v[c].parent >= 0)
            continue;
        p = find(t, t->ties[k].parent);
        if (p >= 0 && p != c)
            t->v[c].parent = p;
    }
    /* A tie can never make a cycle longer than the tree: break any found. */
    for (size_t i = 0; i < t->nr; i++) {
        int p = t->v[i].parent;

        for (size_t steps = 0; p >= 0 && steps <= t->nr; steps++)
            p = t->v[p].parent;
        if (p >= 0)
            t->v[i].parent = -1;
    }
}

/* Earliest report in each node's subtree: courts are listed in the order the
 * library first mentions them, parents with their first child. */
static size_t *first_seen(const struct court_tree *t)
{
    size_t *f = xmalloc((t->nr ? t->nr : 1) * sizeof(*f));
    bool changed = true;

    for (size_t i = 0; i < t->nr; i++) {
        f[i] = SIZE_MAX;
        for (size_t r = 0; r < t->v[i].nr_reports; r++)
            if (t->v[i].reports[r] < f[i])
                f[i] = t->v[i].reports[r];
    }
    while (changed) {
        changed = false;
        for (size_t i = 0; i < t->nr; i++) {
            int p = t->v[i].parent;

            if (p >= 0 && f[i] < f[p]) {
                f[p] = f[i];
                changed = true;
            }
        }
    }
    return f;
}

/* Append node and its subtree, children in first-seen order, to rows. */
static void order_level(const size_t *kids, const size_t *first, size_t node, int depth,
                        struct court_rows *rows)
{
    ALLOC_GROW(rows->v, rows->nr + 1, rows->alloc);
    rows->v[rows->nr].node = node;
    rows->v[rows->nr].depth = depth;
    rows->nr++;
    for (size_t k = first[node]; k < first[node + 1]; k++)
        order_level(kids, first, kids[k], depth + 1, rows);
}

static int by_first_seen(const void *a, const void *b, void *first_seen)
{
    const size_t *f = first_seen;
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    size_t fx = f[x], fy = f[y];

    return fx < fy ? -1 : fx > fy ? 1 : x < y ? -1 : x > y;
}

void court_tree_rows(const struct court_tree *t, struct court_rows *rows)
{
    size_t *f = first_seen(t), n = t->nr;
    /* children of node i are kids[first[i] .. first[i+1]), roots at index n */
    size_t *first = xcalloc(n + 2, sizeof(*first));
    size_t *kids = xmalloc((n ? n : 1) * sizeof(*kids));
    size_t *order = xmalloc((n ? n : 1) * sizeof(*order));
    size_t other = SIZE_MAX;

    rows->nr = 0;
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    qsort_r(order, n, sizeof(*order), by_first_seen, f);
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(t->v[i].name, COURT_TREE_OTHER))
            other = i;
        else
            first[(t->v[i].parent >= 0 ? (size_t)t->v[i].parent : n) + 1]++;
    }
    for (size_t i = 1; i < n + 2; i++)
        first[i] += first[i - 1];
    {
        size_t *fill = xmalloc((n + 1) * sizeof(*fill));

        memcpy(fill, first, (n + 1) * sizeof(*fill));
        for (size_t k = 0; k < n; k++) {
            size_t i = order[k];

            if (i != other)
                kids[fill[t->v[i].parent >= 0 ? (size_t)t->v[i].parent : n]++] = i;
        }
        free(fill);
    }
    for (size_t k = first[n]; k < first[n + 1]; k++)
        order_level(kids, first, kids[k], 0, rows);
    if (other != SIZE_MAX) {
        ALLOC_GROW(rows->v, rows->nr + 1, rows->alloc);
        rows->v[rows->nr].node = other;
        rows->v[rows->nr].depth = 0;
        rows->nr++;
    }
    free(order);
    free(kids);
    free(first);
    free(f);
}

void court_rows_release(struct court_rows *rows)
{
    free(rows->v);
    memset(rows, 0, sizeof(*rows));
}

void court_tree_format(const struct court_tree *t, struct sbuf *out)
{
    struct court_rows rows = {0};

    court_tree_rows(t, &rows);
    for (size_t i = 0; i < rows.nr; i++) {
        const struct court_node *c = &t->v[rows.v[i].node];

        for (int d = 0; d < rows.v[i].depth; d++)
            sbuf_addstr(out, "  ");
        sbuf_addf(out, "%s (%zu)\n", c->name, c->nr_reports);
    }
    court_rows_release(&rows);
}

void court_tree_release(struct court_tree *t)
{
    for (size_t i = 0; i < t->nr; i++) {
        free(t->v[i].name);
        free(t->v[i].key);
        free(t->v[i].reports);
    }
    for (size_t i = 0; i < t->nr_ties; i++) {
        free(t->ties[i].child);
        free(t->ties[i].parent);
    }
    free(t->v);
    free(t->ties);
    free(t->slots);
    memset(t, 0, sizeof(*t));
}
