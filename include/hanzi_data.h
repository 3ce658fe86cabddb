/*
 * hanzi_data.h: the generated tables behind hanzi.c (src/hanzi_data.c, written
 * by tools/gen-hanzi from OpenCC's character dictionaries). Only hanzi.c and
 * hanzi_variants.c read them: everyone else asks hanzi.h and hanzi_variants.h.
 */
#ifndef COURTREAD_HANZI_DATA_H
#define COURTREAD_HANZI_DATA_H

#include <stddef.h>
#include <stdint.h>

struct hanzi_pair {
    uint32_t from, to;
};

/* sorted by from: traditional → its only simplified form (陽 → 阳) */
/* Every character and each of its candidates in either dictionary (发 → 發,
 * 发 → 髮, 乾 → 干), for the classes of forms search matches as one. */
extern const struct hanzi_pair hanzi_variant_pairs[];
extern const size_t hanzi_variant_pairs_count;
extern const struct hanzi_pair hanzi_simplify_pairs[];
extern const size_t hanzi_simplify_pairs_count;
/* sorted by from: simplified → its usual traditional form (阳 → 陽) */
extern const struct hanzi_pair hanzi_traditional_pairs[];
extern const size_t hanzi_traditional_pairs_count;
/* sorted: characters only traditional text uses (陽), only simplified (阳) */
extern const uint32_t hanzi_only_traditional[];
extern const size_t hanzi_only_traditional_count;
extern const uint32_t hanzi_only_simplified[];
extern const size_t hanzi_only_simplified_count;
/* the same as bitmaps of U+3400..U+9FFF, bit (c - 0x3400) */
#define HANZI_BMP_FIRST 0x3400u
#define HANZI_BMP_END   0xA000u
extern const uint64_t hanzi_only_traditional_bmp[];
extern const uint64_t hanzi_only_simplified_bmp[];

#endif
