/*
 * court.h: recognising court names in Chinese text from the country's
 * divisions (gazetteer.h) and the special courts (court_special.h), and
 * normalising them to official names: 海勃湾区法院 → 乌海市海勃湾区人民法院,
 * 佳木斯中院 → 佳木斯市中级人民法院, 棋盘井法庭 → 棋盘井人民法庭, 成铁中院 →
 * 成都铁路运输中级法院. Generic mentions (全市法院, 两级法院, 人民法庭 without a
 * name) are not courts; a city's or province's courts together (深圳法院,
 * 乌海市两级法院) are collective mentions. A complete name of a place the
 * gazetteer does not know counts at a clear boundary (霁川地区中级人民法院,
 * 苍砚哈萨克自治县人民法院); in a report, a place it names in full makes its short
 * forms known (澜屿中院 → 澜屿地区中级人民法院). Pure text functions; no
 * terminal, no I/O.
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

/* Find every court mention in text, in order, with no report around it: a
 * bare form (县法院) names no court here, a name several places share
 * (鼓楼区法院) is kept as written. */
void court_scan(const char *text, size_t len, struct court_mentions *out);

/* Build what finding courts reads (the gazetteer's index of names, the
 * special courts): done by the first search otherwise, while any other
 * thread that searches waits. Thread-safe. */
void court_prepare(void);
void court_mentions_release(struct court_mentions *m);

enum court_level court_level_of(const char *name);
/* Whether two full names name the same court (鄂托克旗人民法院 and
 * 鄂尔多斯市鄂托克旗人民法院; 包头中级人民法院 and 包头市中级人民法院; 陽江市中級人民法院
 * and 阳江市中级人民法院). */
bool court_same(const char *a, const char *b);
/* The identity of a court as a string: equal keys are the same court (a court
 * of a known place: its level and the place's code). Caller frees. */
char *court_key(const char *name);
/* The court above this one, from the gazetteer and the special table:
 * 武乡县人民法院 → 长治市中级人民法院 → 山西省高级人民法院 → 最高人民法院; a
 * municipality's district → its high court; a tribunal of a known town → its
 * basic court. For a place the gazetteer does not know, what the name says
 * (霁川市苍砚旗人民法院 → 霁川市中级人民法院). What the gazetteer and the special
 * table give in official (simplified) characters, what the name holds as
 * written (陽江市中級人民法院 → 广东省高级人民法院). Caller
 * frees; NULL when nothing says (最高人民法院, 鼓楼区人民法院). */
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
