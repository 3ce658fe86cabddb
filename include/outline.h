/*
 * outline.h: a report's structure as text, in the format of --outline
 * (FIELD<TAB>VALUE lines; see man/courtread.1). Writes into an sbuf; printing
 * is the caller's business.
 */
#ifndef COURTREAD_OUTLINE_H
#define COURTREAD_OUTLINE_H

struct report;
struct sbuf;

void outline_format(const struct report *r, struct sbuf *out);

#endif
