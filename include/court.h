/*
 * court.h: recognising court names in Chinese text and normalising them.
 * 海勃湾区法院 → 海勃湾区人民法院, 乌海市中院 → 乌海市中级人民法院,
 * 棋盘井法庭 → 棋盘井人民法庭; generic mentions (全市法院, 两级法院, 人民法庭
 * without a name) are not courts, but "X市两级法院" is remembered as a
 * collective mention of city X. Pure text functions; no terminal, no I/O.
 */
#ifndef COURTREAD_COURT_H
#define COURTREAD_COURT_H

#include <stdbool.h>
#include <stddef.h>

enum court_level {
    COURT_SUPREME,
    COURT_HIGH,
    COURT_INTERMEDIATE,
    COURT_BASIC,
    COURT_SPECIAL,    /* 铁路运输法院, 海事法院, 知识产权法院 … */
    COURT_TRIBUNAL,   /* 人民法庭 */
    COURT_COLLECTIVE, /* X市法院 / X市两级法院: the courts of a city together */
};

struct court_mention {
    enum court_level level;
    size_t pos, end; /* bytes of the mention in the scanned text */
    char *name;      /* full name; for a collective, the city (乌海市) */
    int under;       /* the mention this one was named under (X法院Y法庭), or -1 */
};

struct court_mentions {
    struct court_mention *v;
    size_t nr, alloc;
};

/* Find every court mention in text, in order. */
void court_scan(const char *text, size_t len, struct court_mentions *out);
void court_mentions_release(struct court_mentions *m);

enum court_level court_level_of(const char *name);
/* Whether two full names name the same court (鄂托克旗人民法院 and
 * 鄂尔多斯市鄂托克旗人民法院; 包头中级人民法院 and 包头市中级人民法院). */
bool court_same(const char *a, const char *b);
/* The identity of a court as a string: equal keys are the same court. Caller frees. */
char *court_key(const char *name);
/* The court above this one, as far as its name tells: 鄂尔多斯市鄂托克旗人民法院 →
 * 鄂尔多斯市中级人民法院. Caller frees; NULL when the name does not say. */
char *court_parent_name(const char *name);
/* The intermediate court of a city: 乌海市 → 乌海市中级人民法院. Caller frees. */
char *court_city_court(const char *city);

struct report;
/*
 * The courts of a parsed report into r->courts, r->court_parent and
 * r->main_court: every court the article names (title, subtitle, byline,
 * captions, body), in order of first mention, the main one first. chrome is
 * the page furniture the parser dropped (site names, breadcrumbs, metadata):
 * evidence of which place short forms mean, never a source of courts.
 */
void court_find_report(struct report *r, const char *chrome, size_t chrome_len);

#endif
