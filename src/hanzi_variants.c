/*
 * hanzi_variants.c: classes of characters that are forms of one another,
 * made by joining every pair of OpenCC's character dictionaries
 * (hanzi_variant_pairs, generated into hanzi_data.c; see hanzi_variants.h).
 * Two-level tables over the code points, so the matcher folds a character
 * with two loads.
 */
#include "hanzi_variants.h"

#include <pthread.h>
#include <stdlib.h>

#include "hanzi_data.h"
#include "util.h"

/* Han characters run to U+323AF (extension H). */
#define LAST_CP 0x32FFF
#define PAGES   ((LAST_CP >> 8) + 1)

/* One page of 256 code points: 0 means the code point itself. */
struct page {
    uint32_t key[256];  /* while joining: the parent; then the class's key */
    uint32_t next[256]; /* the next form in the class, round a ring */
};

static struct page *pages[PAGES];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static struct page *page_of(uint32_t c)
{
    if (!pages[c >> 8])
        pages[c >> 8] = xcalloc(1, sizeof(struct page));
    return pages[c >> 8];
}

static uint32_t key_of(uint32_t c)
{
    const struct page *p = c <= LAST_CP ? pages[c >> 8] : NULL;

    return p && p->key[c & 0xFF] ? p->key[c & 0xFF] : c;
}

static uint32_t next_of(uint32_t c)
{
    const struct page *p = c <= LAST_CP ? pages[c >> 8] : NULL;

    return p && p->next[c & 0xFF] ? p->next[c & 0xFF] : c;
}

static uint32_t find(uint32_t c)
{
    uint32_t k;

    while ((k = key_of(c)) != c)
        c = k;
    return c;
}

/* Put a and b in one class: its root is the smaller code point, and the
 * two rings become one by swapping the roots' next links. */
static void join(uint32_t a, uint32_t b)
{
    uint32_t ra = find(a), rb = find(b), na, nb;

    if (ra == rb || a > LAST_CP || b > LAST_CP)
        return;
    na = next_of(ra);
    nb = next_of(rb);
    page_of(ra)->next[ra & 0xFF] = nb;
    page_of(rb)->next[rb & 0xFF] = na;
    if (ra < rb)
        page_of(rb)->key[rb & 0xFF] = ra;
    else
        page_of(ra)->key[ra & 0xFF] = rb;
}

/* Two Chinese characters (nothing else has forms here) are forms of one. */
static void join_pair(uint32_t a, uint32_t b)
{
    if (hanzi_variants_han(a) && hanzi_variants_han(b))
        join(a, b);
}

static void load(void)
{
    for (size_t i = 0; i < hanzi_variant_pairs_count; i++)
        join_pair(hanzi_variant_pairs[i].from, hanzi_variant_pairs[i].to);
    /* every member straight to its root, so a lookup is one step */
    for (uint32_t pg = 0; pg < PAGES; pg++)
        for (uint32_t i = 0; pages[pg] && i < 256; i++)
            if (pages[pg]->key[i])
                pages[pg]->key[i] = find(pages[pg]->key[i]);
}

uint32_t hanzi_variants_key(uint32_t c)
{
    if (!hanzi_variants_han(c))
        return c;
    pthread_once(&once, load);
    return key_of(c);
}

size_t hanzi_variants_of(uint32_t c, uint32_t *out, size_t max)
{
    uint32_t k = hanzi_variants_key(c), m = k;
    size_t n = 0;

    do {
        if (n < max)
            out[n] = m;
        n++;
        m = next_of(m);
    } while (m != k);
    return n;
}
