/*
 * hanzi.h: traditional and simplified Chinese characters, one for one, so
 * that reports from mirror sites in traditional characters (廣州海事法院,
 * 陽江市中級人民法院) are matched against the simplified gazetteer and their
 * courts named in the report's own script. A generated table (tools/gen-hanzi);
 * no I/O.
 */
#ifndef COURTREAD_HANZI_H
#define COURTREAD_HANZI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The simplified form of a traditional character (陽 → 阳, 級 → 级); c when it has none. */
uint32_t hanzi_simplify(uint32_t c);
/* The usual traditional form of a simplified character (阳 → 陽); c when it has none. */
uint32_t hanzi_traditional(uint32_t c);
/* Whether s is written in traditional characters: more characters that only
 * traditional text uses than characters that only simplified text uses. */
bool hanzi_is_traditional(const char *s, size_t n);

#endif
