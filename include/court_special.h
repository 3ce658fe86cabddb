/*
 * court_special.h: the courts whose names the divisions cannot give: the
 * Supreme People's Court and its circuit tribunals, the numbered intermediate
 * courts of the municipalities and of Hainan, the 兵团 courts, maritime,
 * intellectual-property, financial, internet and railway courts, forestry and
 * land-reclamation courts, bankruptcy courts, courts of development zones and
 * the military court: each under its official name, the forms people write
 * (成铁中院, 北京一中院, 最高法院) and the court above it. A curated table.
 */
#ifndef COURTREAD_COURT_SPECIAL_H
#define COURTREAD_COURT_SPECIAL_H

#include <stddef.h>

#include "court.h"

struct court_special {
    const char *name;   /* official name, simplified */
    const char *parent; /* the court above; NULL for 最高人民法院 */
    enum court_level level;
};

/* The special court s[0..n) (simplified) names exactly, by its official name
 * or a written form; NULL when none. */
const struct court_special *court_special_lookup(const char *s, size_t n);

/* The longest special court whose name or form ends at byte end of s
 * (simplified), and where it starts; NULL when none. */
const struct court_special *court_special_ending_at(const char *s, size_t end, size_t *start);

#endif
