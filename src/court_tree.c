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

static struct court_key_memo *memo_slot(const struct court_tree *t, const char *name)
{
    size_t mask = t->memo_slots - 1, s = key_hash(name) & mask;

    while (t->memo[s].name && strcmp(t->memo[s].name, name) != 0)
        s = (s + 1) & mask;
    return &t->memo[s];
}

/* court_key() of name, remembered in t. Caller frees. */
static char *key_of(struct court_tree *t, const char *name)
{
    struct court_key_memo *m;

    if (2 * (t->nr_memo + 1) > t->memo_slots) {
        struct court_key_memo *old = t->memo;
        size_t nold = t->memo_slots;

        t->memo_slots = nold ? 2 * nold : 64;
        t->memo = xcalloc(t->memo_slots, sizeof(*t->memo));
        for (size_t i = 0; i < nold; i++)
            if (old[i].name)
                *memo_slot(t, old[i].name) = old[i];
        free(old);
    }
    m = memo_slot(t, name);
    if (!m->name) {
        m->name = xstrdup(name);
        m->key = court_key(name);
        t->nr_memo++;
    }
    return xstrdup(m->key);
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
    char *key = key_of(t, name);
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

/* The node for name, or -1. */
static int find_name(struct court_tree *t, const char *name)
{
    char *key = key_of(t, name);
    int i = find(t, key);

    free(key);
    return i;
}

static void tie(struct court_tree *t, const char *child, const char *parent)
{
    ALLOC_GROW(t->ties, t->nr_ties + 1, t->alloc_ties);
    t->ties[t->nr_ties].child = key_of(t, child);
    t->ties[t->nr_ties].parent = xstrdup(parent);
    t->ties[t->nr_ties].parent_key = key_of(t, parent);
    t->ties[t->nr_ties].order = t->nr_ties;
    t->nr_ties++;
}

/* How far up the ranks a level stands: a tie may only point up. Special
 * courts stand at several levels (a 海事法院 at an intermediate court's, a
 * 铁路运输法院 at a basic court's): -1, no test. */
static int rank_of(enum court_level level)
{
    switch (level) {
    case COURT_SUPREME:
        return 0;
    case COURT_HIGH:
        return 1;
    case COURT_INTERMEDIATE:
        return 2;
    case COURT_BASIC:
        return 3;
    case COURT_TRIBUNAL:
        return 4;
    default:
        return -1;
    }
}

void court_tree_add(struct court_tree *t, const struct report *r, size_t index)
{
    bool has_main = r->main_court && r->nr_courts;
    enum court_level l0 = has_main ? court_level_of(r->courts[0]) : COURT_COLLECTIVE;
    struct court_node *n;
    int i;

    /* A report about a group of courts names courts, but none is its own. */
    i = node(t, has_main ? r->courts[0] : COURT_TREE_OTHER);
    n = &t->v[i];
    ALLOC_GROW(n->reports, n->nr_reports + 1, n->alloc_reports);
    n->reports[n->nr_reports++] = index;
    /* What the report ties: a 法庭 named under its court, and, when the report
     * is about one court, the tribunals a basic court names as its own and the
     * basic courts an intermediate court does (乌海市两级法院). */
    for (size_t c = 0; c < r->nr_courts; c++) {
        enum court_level lc = court_level_of(r->courts[c]);
        const char *above = NULL;

        if (r->court_parent[c] >= 0)
            above = r->courts[r->court_parent[c]];
        else if (c > 0 && has_main && lc == COURT_TRIBUNAL && l0 == COURT_BASIC)
            above = r->courts[0];
        else if (c > 0 && has_main && lc == COURT_BASIC && l0 == COURT_INTERMEDIATE)
            above = r->courts[0];
        if (above) {
            int rc = rank_of(lc), ra = rank_of(court_level_of(above));

            if (rc < 0 || ra < 0 || ra < rc)
                tie(t, r->courts[c], above);
        }
    }
}

/* Ties grouped by child, then by parent, then in the order the reports made them. */
static int by_child_parent(const void *a, const void *b)
{
    const struct court_tie *x = a, *y = b;
    int c = strcmp(x->child, y->child);

    if (!c)
        c = strcmp(x->parent_key, y->parent_key);
    return c ? c : x->order < y->order ? -1 : x->order > y->order;
}

/*
 * For each child, the tie most reports make (one misread report does not move
 * a court), the earliest on a draw: sorts the ties and leaves the winners in
 * t->ties[0 .. return value), sorted by child key.
 */
static size_t ties_vote(struct court_tree *t)
{
    size_t kept = 0;

    if (t->nr_ties) /* qsort of NULL is undefined, even for no elements */
        qsort(t->ties, t->nr_ties, sizeof(*t->ties), by_child_parent);
    for (size_t i = 0; i < t->nr_ties;) {
        size_t best = i, best_n = 0, best_order = SIZE_MAX, j = i;

        while (j < t->nr_ties && !strcmp(t->ties[j].child, t->ties[i].child)) {
            size_t k = j;

            while (k < t->nr_ties && !strcmp(t->ties[k].child, t->ties[j].child) &&
                   !strcmp(t->ties[k].parent_key, t->ties[j].parent_key))
                k++;
            if (k - j > best_n || (k - j == best_n && t->ties[j].order < best_order)) {
                best = j;
                best_n = k - j;
                best_order = t->ties[j].order;
            }
            j = k;
        }
        if (best != kept) {
            struct court_tie swap = t->ties[kept];

            t->ties[kept] = t->ties[best];
            t->ties[best] = swap;
        }
        kept++;
        i = j;
    }
    return kept;
}

/* The parent name the reports give for key, or NULL: a binary search of the
 * first n (voted) ties. */
static const char *tied_parent(const struct court_tree *t, size_t n, const char *key)
{
    size_t lo = 0, hi = n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(t->ties[mid].child, key);

        if (!c)
            return t->ties[mid].parent;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Whether a is b or above it. */
static bool is_above(const struct court_tree *t, int a, int b)
{
    for (int p = b; p >= 0; p = t->v[p].parent)
        if (p == a)
            return true;
    return false;
}

/*
 * How many courts a chain may add above a court with reports. The real
 * hierarchy is five deep (最高 → 高级 → 中级 → 基层 → 法庭) and a few more
 * with special courts (兵团分院, 铁路运输中级法院); a parent function that
 * kept inventing new names would otherwise never end.
 */
#define MAX_CHAIN 8

void court_tree_finish(struct court_tree *t)
{
    size_t nr_voted = ties_vote(t);
    /* for each node, how many steps above a court with reports it was made */
    size_t *made = xcalloc(t->nr ? t->nr : 1, sizeof(*made)), alloc_made = t->nr;

    /* t->nr grows as parents are brought in: each is placed in turn */
    for (size_t i = 0; i < t->nr; i++) {
        const char *name = t->v[i].name;
        char *pname;
        size_t before;
        int p;

        if (t->v[i].parent >= 0 || !strcmp(name, COURT_TREE_OTHER))
            continue;
        /* the names first (the gazetteer knows), then what reports tie, then
         * the one fact a level alone tells: every high court is under 最高 */
        pname = court_parent_name(name);
        if (!pname && tied_parent(t, nr_voted, t->v[i].key))
            pname = xstrdup(tied_parent(t, nr_voted, t->v[i].key));
        if (!pname && court_level_of(name) == COURT_HIGH)
            pname = xstrdup(COURT_TREE_SUPREME);
        if (!pname)
            continue;
        before = t->nr;
        p = made[i] < MAX_CHAIN ? node(t, pname) : find_name(t, pname);
        free(pname);
        if (p < 0 || is_above(t, (int)i, p))
            continue; /* no cycle, whatever the names and ties say */
        t->v[i].parent = p;
        if (t->nr > before) { /* brought in for i */
            ALLOC_GROW(made, t->nr, alloc_made);
            made[p] = made[i] + 1;
        }
    }
    free(made);
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
        sbuf_addf(out, "%s\t%zu\n", c->name, c->nr_reports);
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
        free(t->ties[i].parent_key);
    }
    for (size_t i = 0; i < t->memo_slots; i++) {
        free(t->memo[i].name);
        free(t->memo[i].key);
    }
    free(t->v);
    free(t->ties);
    free(t->slots);
    free(t->memo);
    memset(t, 0, sizeof(*t));
}
