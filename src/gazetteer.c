/*
 * gazetteer.c: lookups in China's divisions by official name or short form.
 * The divisions, their short forms (derived by the rules in tools/gen-gazetteer)
 * and a hash of all of them are generated tables (gazetteer_data.c) used as
 * they are; only the places with their names' addresses are set up, once, at
 * the first call. No I/O, no terminal.
 */
#include "gazetteer.h"

#include <string.h>
#include <threads.h>

#include "gazetteer_data.h"
#include "util.h"

/* the places with pointers to their names: the generated rows hold offsets,
 * which keep the table free of relocations */
static struct gaz_place *places;
static once_flag places_once = ONCE_FLAG_INIT;

static void places_build(void)
{
    places = xmalloc(gazetteer_rows_count * sizeof(*places));
    for (size_t i = 0; i < gazetteer_rows_count; i++) {
        const struct gazetteer_row *r = &gazetteer_rows[i];

        places[i] = (struct gaz_place){gazetteer_text + r->name, r->code, r->parent, r->level};
    }
}

static bool valid(int id)
{
    return id >= 0 && (size_t)id < gazetteer_rows_count;
}

size_t gazetteer_count(void)
{
    return gazetteer_rows_count;
}

const struct gaz_place *gazetteer_get(int id)
{
    if (!valid(id))
        return NULL;
    call_once(&places_once, places_build);
    return &places[id];
}

/* FNV-1a, as tools/gen-gazetteer hashed the names */
static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;

    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* The generated name s[0..n), or NULL. */
static const struct gazetteer_name *find_name(const char *s, size_t n)
{
    size_t mask = gazetteer_slots_count - 1;

    for (size_t i = hash_bytes(s, n) & mask; gazetteer_slots[i] != 0; i = (i + 1) & mask) {
        const struct gazetteer_name *name = &gazetteer_names[gazetteer_slots[i] - 1];

        if (name->len == n && memcmp(gazetteer_text + name->text, s, n) == 0)
            return name;
    }
    return NULL;
}

size_t gazetteer_lookup(const char *s, size_t n, struct gaz_hit *hits, size_t max)
{
    const struct gazetteer_name *name;

    if (n == 0 || n > gazetteer_max_bytes || !(name = find_name(s, n)))
        return 0;
    for (size_t i = 0; i < name->count && i < max; i++) {
        uint32_t hit = gazetteer_hits[name->first + i];

        hits[i] = (struct gaz_hit){(int)(hit >> 1), hit & 1};
    }
    return name->count;
}

size_t gazetteer_max_name(void)
{
    return gazetteer_max_bytes;
}

void gazetteer_each_name(void (*fn)(const char *s, size_t n, unsigned levels, void *arg), void *arg)
{
    for (size_t i = 0; i < gazetteer_slots_count; i++) {
        const struct gazetteer_name *name;
        unsigned levels = 0;

        if (!gazetteer_slots[i])
            continue;
        name = &gazetteer_names[gazetteer_slots[i] - 1];
        for (size_t k = 0; k < name->count; k++)
            levels |= 1u << gazetteer_rows[gazetteer_hits[name->first + k] >> 1].level;
        fn(gazetteer_text + name->text, name->len, levels, arg);
    }
}

bool gazetteer_within(int a, int b)
{
    if (!valid(b))
        return false;
    for (; valid(a); a = gazetteer_rows[a].parent)
        if (a == b)
            return true;
    return false;
}

int gazetteer_ancestor(int id, enum gaz_level level)
{
    for (; valid(id); id = gazetteer_rows[id].parent) {
        if (gazetteer_rows[id].level == level)
            return id;
        if (gazetteer_rows[id].level < level)
            return -1;
    }
    return -1;
}
