/*
 * gazetteer_data.h: the generated tables behind gazetteer.c (src/gazetteer_data.c,
 * written by tools/gen-gazetteer): the divisions and a ready-made hash of every
 * name and short form. Only gazetteer.c reads them: everyone else asks gazetteer.h.
 */
#ifndef COURTREAD_GAZETTEER_DATA_H
#define COURTREAD_GAZETTEER_DATA_H

#include <stddef.h>
#include <stdint.h>

/* One division: offsets instead of pointers keep the table free of relocations. */
struct gazetteer_row {
    uint32_t name;  /* offset of its NUL-terminated name in gazetteer_text */
    uint32_t code;  /* the statistics bureau's code */
    int32_t parent; /* row of the unit above; -1 for a province */
    uint8_t level;  /* enum gaz_level */
};

/* A string places answer to, official name or short form. */
struct gazetteer_name {
    uint32_t text;  /* offset in gazetteer_text; a short form may be a name's prefix */
    uint32_t first; /* its hits in gazetteer_hits: official names first */
    uint16_t count;
    uint8_t len; /* in bytes */
};

extern const char gazetteer_text[];
extern const struct gazetteer_row gazetteer_rows[];
extern const size_t gazetteer_rows_count;
extern const struct gazetteer_name gazetteer_names[];
/* A place a name stands for: its row << 1, | 1 for a short form. */
extern const uint32_t gazetteer_hits[];
/* Open hash of gazetteer_names (FNV-1a of the bytes, linear probing): index + 1, 0 empty. */
extern const uint32_t gazetteer_slots[];
extern const size_t gazetteer_slots_count; /* a power of two */
extern const size_t gazetteer_max_bytes;   /* the longest string */

#endif
