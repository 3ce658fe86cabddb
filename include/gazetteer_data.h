/*
 * gazetteer_data.h: the generated table behind gazetteer.c (src/gazetteer_data.c,
 * written by tools/gen-gazetteer). Only gazetteer.c reads it: everyone else
 * asks gazetteer.h.
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

extern const char gazetteer_text[];
extern const struct gazetteer_row gazetteer_rows[];
extern const size_t gazetteer_rows_count;

#endif
