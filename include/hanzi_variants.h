/*
 * hanzi_variants.h: which characters a search takes as one: the simplified
 * and traditional forms of a character (发, 發 and 髮; 国 and 國), as
 * OpenCC's character dictionaries pair them (STCharacters and
 * TSCharacters, every candidate), so a query in either script finds text in
 * the other. Read once, at the first use, from OpenCC's data; when that
 * cannot be read, from the one-for-one pairs built into hanzi_data.c. No
 * output.
 */
#ifndef COURTREAD_HANZI_VARIANTS_H
#define COURTREAD_HANZI_VARIANTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The most forms one character has (面 麪 麫 麵 麺 and so on). */
#define HANZI_VARIANTS_MAX 8

/* The form every variant of c is compared as (one of them); c when it has
 * no other form. */
uint32_t hanzi_variants_key(uint32_t c);

/* Every form of c, c's key first then the rest, into out (at most max);
 * how many there are. */
size_t hanzi_variants_of(uint32_t c, uint32_t *out, size_t max);

/* Whether the forms were read from OpenCC's dictionaries (false: the
 * built-in table). */
bool hanzi_variants_from_opencc(void);

#endif
