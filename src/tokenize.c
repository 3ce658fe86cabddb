/*
 * tokenize.c: the library index's terms (overlapping pairs of characters,
 * folded as search.c folds them), its FTS5 tokenizer, and the MATCH
 * expression of a query (see tokenize.h). Never prints; opens nothing.
 */
#include "tokenize.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "hanzi_variants.h"
#include "search.h"
#include "text.h"
#include "util.h"

/*
 * One character as the index keeps it: folded as search_fold(c, false)
 * folds it (the index never knows the query's case), with FOLD_GAP set
 * when it is a space the matcher may pass over (the matcher asks the
 * text's character, before folding: skip_gap() in search.c) and FOLD_WORD
 * when it is a character of the index's terms.
 *
 * For the Basic Multilingual Plane, nearly every character of a report,
 * from a table made at the first use (some 2 ms) and only read after, as
 * hanzi_variants.c keeps its classes: a call of search_fold() and of the
 * forms' lookup for every character was a third of the walk's time. The
 * tests hold it to search_fold() for every code point.
 */
#define FOLD_CP   0x1FFFFFu
#define FOLD_WORD 0x40000000u
#define FOLD_GAP  0x80000000u

static uint32_t fold_bmp[0x10000];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

/* Whether folded character c is in the index's terms: Chinese characters,
 * letters and digits (and the marks that combine with them), not spaces,
 * line breaks, punctuation and signs. A pair with one of those is in most
 * reports and finds little; they are some 30 % of a report's distinct
 * pairs, and leaving them out saves a quarter of FTS5's work. The query's
 * pairs leave them out too, so the candidates stay a superset. */
static bool is_word(uint32_t c)
{
    if (c < 0x80)
        return text_is_ascii_alnum(c);
    if (c < 0xC0) /* Latin-1 spaces, signs and punctuation (· ¥ « ») */
        return false;
    if (c >= 0x2000 && c <= 0x2BFF) /* punctuation, signs, arrows, shapes (● ■ ①) */
        return false;
    if (c >= 0x3000 && c <= 0x303F) /* CJK punctuation; 〇 is a numeral */
        return c == 0x3007;
    if ((c >= 0xFE10 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFFEF))
        return false; /* vertical, small, and what folding leaves of full-width forms */
    return true;
}

static uint32_t fold_slow(uint32_t c)
{
    uint32_t f = search_fold(c, false);

    if (search_is_gap(c))
        return f | FOLD_GAP;
    return f | (is_word(f) ? FOLD_WORD : 0);
}

static void fold_table(void)
{
    for (uint32_t c = 0; c < 0x10000; c++)
        fold_bmp[c] = fold_slow(c);
}

/* Before fold() is used. */
static inline void fold_init(void)
{
    pthread_once(&fold_once, fold_table);
}

static inline uint32_t fold(uint32_t c)
{
    return c < 0x10000 ? fold_bmp[c] : fold_slow(c);
}

/* What to make of a string: a document's terms, or a query's (pairs only;
 * one character alone when that is all there is). */
enum walk_kind { WALK_DOCUMENT, WALK_QUERY };

/* A term as the walk hands it on: tokenize_term_fn's arguments, and the
 * term as a number (its two folded characters; a lone one with NO_CP). */
typedef int walk_fn(void *ctx, const char *term, size_t len, size_t start, size_t end,
                    int colocated, uint64_t key);

#define NO_CP 0x1FFFFF /* above every code point */

static inline uint64_t key_of(uint32_t a, uint32_t b)
{
    return (uint64_t)a << 21 | b;
}

/*
 * The walk behind tokenize_terms() and the FTS5 tokenizer: one pass over
 * the UTF-8, each term built in a small buffer. Inline, so each caller's
 * fn is a direct call: it runs over every byte of a library.
 *
 * The matcher compares the text's characters one by one (a combining mark
 * is a character like any other), except that between two of the query's
 * characters it passes over a run of spaces when one is Chinese and the
 * other a digit or letter. So two neighbours in a query are neighbours in
 * the text (their pair is a term when both are word characters), or the
 * two ends of such a run (their pair is added). A word character that no
 * word character follows is a term alone, so that every word character
 * starts a term: a query without pairs asks for its characters as prefixes.
 */
static inline int walk(const char *text, size_t len, enum walk_kind kind, walk_fn *fn, void *ctx)
{
    /* each character's UTF-8 in a word, so a term is two fixed copies */
    uint32_t prev = 0, pu = 0, bcp = 0, bu = 0, cu = 0;
    size_t plen = 0, pstart = 0, blen = 0, bstart = 0, nr = 0;
    bool pword = false, in_gap = false;
    char term[12];
    int rc;

    fold_init();
    for (size_t i = 0; i < len; nr++) {
        uint32_t c, e, f;
        size_t n = text_next(text + i, len - i, &c), clen = n;
        bool word;

        e = fold(c);
        f = e & FOLD_CP;
        word = e & FOLD_WORD;
        if (f == c && i + 4 <= len) { /* most characters: their own bytes (and some after) */
            memcpy(&cu, text + i, 4);
        } else { /* a form folded to another, or the text's last bytes */
            char cb[4] = {0};

            clen = text_put(cb, f);
            memcpy(&cu, cb, 4);
        }
        if (pword && (word || kind == WALK_DOCUMENT)) { /* prev's term: a pair, or prev alone */
            memcpy(term, &pu, 4);
            memcpy(term + plen, &cu, 4);
            if ((rc = fn(ctx, term, word ? plen + clen : plen, pstart, word ? i + n : i, 0,
                         key_of(prev, word ? f : NO_CP))))
                return rc;
        }
        if (!(e & FOLD_GAP)) {
            if (in_gap && kind == WALK_DOCUMENT && blen && search_gap_ignored(bcp, f)) {
                memcpy(term, &bu, 4);
                memcpy(term + blen, &cu, 4);
                if ((rc = fn(ctx, term, blen + clen, bstart, i + n, 1, key_of(bcp, f))))
                    return rc;
            }
            in_gap = false;
        } else if (!in_gap) { /* a run of spaces starts after prev */
            in_gap = true;
            bu = pu;
            blen = plen;
            bstart = pstart;
            bcp = prev;
        }
        pu = cu;
        plen = clen;
        pstart = i;
        prev = f;
        pword = word;
        i += n;
    }
    if (pword && (kind == WALK_DOCUMENT || nr == 1)) {
        memcpy(term, &pu, 4);
        return fn(ctx, term, plen, pstart, len, 0, key_of(prev, NO_CP));
    }
    return 0;
}

struct terms_call {
    tokenize_term_fn *fn;
    void *ctx;
};

static inline int terms_term(void *ctx, const char *term, size_t len, size_t start, size_t end,
                             int colocated, uint64_t key)
{
    const struct terms_call *call = ctx;

    (void)key;
    return call->fn(call->ctx, term, len, start, end, colocated);
}

int tokenize_terms(const char *text, size_t len, tokenize_term_fn *fn, void *ctx)
{
    struct terms_call call = {fn, ctx};

    return walk(text, len, WALK_DOCUMENT, terms_term, &call);
}

/*
 * The FTS5 side. With detail=none the index keeps, for each term, only the
 * rows that have it, so a document's repeated terms (a third of a report's
 * pairs) are handed to FTS5 once: its hash of pending terms, not our walk,
 * is most of the cost of indexing. The terms a document has had are a set
 * of keys kept with the tokenizer (one per table, used by one connection
 * at a time); a key is in it when its stamp is the document's.
 */
struct fts_tokenizer {
    uint64_t *key;
    uint32_t *stamp;
    size_t cap, nr; /* cap is a power of two; nr keys have this stamp */
    uint32_t now;
};

struct fts_call {
    struct fts_tokenizer *t;
    void *ctx;
    int (*token)(void *ctx, int tflags, const char *token, int len, int start, int end);
};

/* Where key is or would go in t's set. */
static inline size_t slot_of(const struct fts_tokenizer *t, uint64_t key)
{
    size_t i = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 40) & (t->cap - 1);

    while (t->stamp[i] == t->now && t->key[i] != key)
        i = (i + 1) & (t->cap - 1);
    return i;
}

/* A set of cap slots holding t's keys of this document; SQLITE_NOMEM when
 * there is no memory (FTS5 passes that on). */
static int resize(struct fts_tokenizer *t, size_t cap)
{
    struct fts_tokenizer old = *t;

    t->key = sqlite3_malloc64(cap * sizeof(*t->key));
    t->stamp = sqlite3_malloc64(cap * sizeof(*t->stamp));
    if (!t->key || !t->stamp) {
        sqlite3_free(t->key);
        sqlite3_free(t->stamp);
        *t = old;
        return SQLITE_NOMEM;
    }
    memset(t->stamp, 0, cap * sizeof(*t->stamp));
    t->cap = cap;
    t->now = 1;
    for (size_t i = 0; i < old.cap; i++)
        if (old.stamp[i] == old.now) {
            size_t j = slot_of(t, old.key[i]);

            t->key[j] = old.key[i];
            t->stamp[j] = t->now;
        }
    sqlite3_free(old.key);
    sqlite3_free(old.stamp);
    return SQLITE_OK;
}

static int fts_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
    struct fts_tokenizer *t;

    (void)ctx;
    (void)argv;
    *out = NULL;
    if (argc) /* a setting we do not have is a mistake in the schema */
        return SQLITE_ERROR;
    if (!(t = sqlite3_malloc(sizeof(*t))))
        return SQLITE_NOMEM;
    memset(t, 0, sizeof(*t));
    if (resize(t, 1 << 13) != SQLITE_OK) { /* a report's distinct pairs: a few thousand */
        sqlite3_free(t);
        return SQLITE_NOMEM;
    }
    *out = (Fts5Tokenizer *)t;
    return SQLITE_OK;
}

static void fts_delete(Fts5Tokenizer *tok)
{
    struct fts_tokenizer *t = (struct fts_tokenizer *)tok;

    if (t) {
        sqlite3_free(t->key);
        sqlite3_free(t->stamp);
    }
    sqlite3_free(t);
}

/* A term of a query, each one: FTS5 makes a phrase of a string's terms. */
static inline int fts_query_term(void *ctx, const char *term, size_t len, size_t start, size_t end,
                                 int colocated, uint64_t key)
{
    const struct fts_call *call = ctx;

    (void)key;
    return call->token(call->ctx, colocated ? FTS5_TOKEN_COLOCATED : 0, term, (int)len, (int)start,
                       (int)end);
}

/* A term of a document, the first time it comes. No term is colocated:
 * with detail=none there are no places, and the one before may be gone. */
static inline int fts_document_term(void *ctx, const char *term, size_t len, size_t start,
                                    size_t end, int colocated, uint64_t key)
{
    const struct fts_call *call = ctx;
    struct fts_tokenizer *t = call->t;
    size_t i = slot_of(t, key);
    int rc;

    (void)colocated;
    if (t->stamp[i] == t->now)
        return SQLITE_OK;
    t->key[i] = key;
    t->stamp[i] = t->now;
    if (++t->nr * 2 > t->cap && (rc = resize(t, t->cap * 2)) != SQLITE_OK)
        return rc;
    return call->token(call->ctx, 0, term, (int)len, (int)start, (int)end);
}

static int fts_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text, int len,
                        int (*token)(void *, int, const char *, int, int, int))
{
    struct fts_tokenizer *t = (struct fts_tokenizer *)tok;
    struct fts_call call = {t, ctx, token};

    if (len <= 0)
        return SQLITE_OK;
    if (flags & FTS5_TOKENIZE_QUERY)
        return walk(text, (size_t)len, WALK_QUERY, fts_query_term, &call);
    /* a document, or an auxiliary function's look at one: a new set */
    t->nr = 0;
    if (++t->now == 0) { /* after 4 billion documents, the stamps again from 1 */
        memset(t->stamp, 0, t->cap * sizeof(*t->stamp));
        t->now = 1;
    }
    return walk(text, (size_t)len, WALK_DOCUMENT, fts_document_term, &call);
}

int tokenize_register(struct sqlite3 *db)
{
    fts5_tokenizer tok = {fts_create, fts_delete, fts_tokenize}; /* FTS5 keeps a copy */
    fts5_api *api = NULL;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL);

    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW || !api)
        return SQLITE_ERROR;
    return api->xCreateTokenizer(api, TOKENIZE_NAME, NULL, &tok, NULL);
}

/* Append folded characters a (and b unless 0) as an FTS5 string: inside
 * double quotes everything is literal but the quote, which is doubled
 * (the terms' characters are never quotes today: is_word()). */
static void add_quoted(struct sbuf *out, uint32_t a, uint32_t b)
{
    char buf[4];

    sbuf_addch(out, '"');
    for (int k = 0; k < 2; k++) {
        uint32_t c = k ? b : a;

        if (k && !b)
            break;
        if (c == '"')
            sbuf_addch(out, '"');
        sbuf_add(out, buf, text_put(buf, c));
    }
    sbuf_addch(out, '"');
}

int tokenize_match_expr(const struct search_query *q, struct sbuf *out)
{
    uint32_t term[2 * TOKENIZE_MAX_TERMS], *all;
    size_t nr = 0, kept = 0;
    bool single;

    if (q->regex || !q->n)
        return -1;
    fold_init();
    /* the query's pairs of word characters, its case folded too (the index
     * has none); without any, its word characters as prefixes */
    all = xmalloc(2 * q->n * sizeof(*all));
    for (size_t k = 0; k + 1 < q->n; k++) {
        uint32_t a = fold(q->cps[k]), b = fold(q->cps[k + 1]);

        if (a & b & FOLD_WORD) {
            all[2 * nr] = a & FOLD_CP;
            all[2 * nr++ + 1] = b & FOLD_CP;
        }
    }
    single = !nr;
    for (size_t k = 0; single && k < q->n; k++)
        if (fold(q->cps[k]) & FOLD_WORD) {
            all[2 * nr] = fold(q->cps[k]) & FOLD_CP;
            all[2 * nr++ + 1] = 0;
        }
    for (size_t t = 0, terms = nr < TOKENIZE_MAX_TERMS ? nr : TOKENIZE_MAX_TERMS; t < terms; t++) {
        /* spread over the query, its first and last among them */
        size_t k = terms > 1 ? t * (nr - 1) / (terms - 1) : 0;
        bool seen = false;

        for (size_t j = 0; j < kept; j++)
            seen = seen || (term[2 * j] == all[2 * k] && term[2 * j + 1] == all[2 * k + 1]);
        if (seen) /* 谢谢谢: one 谢谢 is enough */
            continue;
        term[2 * kept] = all[2 * k];
        term[2 * kept + 1] = all[2 * k + 1];
        if (kept++)
            sbuf_addstr(out, " AND ");
        add_quoted(out, all[2 * k], all[2 * k + 1]);
        if (single) /* a word character starts a term: a pair, or itself alone */
            sbuf_addstr(out, " *");
    }
    free(all);
    return kept ? 0 : -1;
}
