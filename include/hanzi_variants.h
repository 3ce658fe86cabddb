/*
 * hanzi_variants.h: which characters a search takes as one: the simplified
 * and traditional forms of a character (发, 發 and 髮; 国 and 國), as
 * OpenCC's character dictionaries pair them (STCharacters and
 * TSCharacters, every candidate, generated into hanzi_data.c by
 * tools/gen-hanzi), so a query in either script finds text in the other.
 * Joined into classes once, at the first use (some 0.4 ms). No output.
 */
#ifndef COURTREAD_HANZI_VARIANTS_H
#define COURTREAD_HANZI_VARIANTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The most forms one character has (面 麪 麫 麵 麺 and so on). */
#define HANZI_VARIANTS_MAX 8

/* Whether c is a Chinese character: the unified ideographs and their
 * extensions, the compatibility ones, and 〇 (二〇二四年). Only these have
 * forms here. */
static inline bool hanzi_variants_han(uint32_t c)
{
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x323AF) || c == 0x3007;
}

/* The form every variant of c is compared as (one of them); c when it has
 * no other form. */
uint32_t hanzi_variants_key(uint32_t c);

/* Every form of c, c's key first then the rest, into out (at most max);
 * how many there are. */
size_t hanzi_variants_of(uint32_t c, uint32_t *out, size_t max);

#endif
