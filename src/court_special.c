/*
 * court_special.c: the curated table of special courts (court_special.h):
 * official names, the court above each and the forms people write. Only
 * facts we are sure of are here; a court left out is still recognised by its
 * full name, with no parent.
 */
#include "court_special.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "util.h"

#define MAX_FORMS 6

struct entry {
    struct court_special c;
    const char *forms[MAX_FORMS]; /* other written forms */
};

#define HIGH(p) p "高级人民法院"

/* Courts with a name of their own. */
static const struct entry entries[] = {
    {{"最高人民法院", NULL, COURT_SUPREME}, {"最高法院", "最高院"}},
    {{"最高人民法院知识产权法庭", "最高人民法院", COURT_SPECIAL}, {"最高法知识产权法庭"}},
    {{"中国人民解放军军事法院", "最高人民法院", COURT_SPECIAL}, {"解放军军事法院"}},
    /* the eleven maritime courts, under the high court where each sits */
    {{"大连海事法院", HIGH("辽宁省"), COURT_SPECIAL}, {NULL}},
    {{"天津海事法院", HIGH("天津市"), COURT_SPECIAL}, {NULL}},
    {{"青岛海事法院", HIGH("山东省"), COURT_SPECIAL}, {NULL}},
    {{"上海海事法院", HIGH("上海市"), COURT_SPECIAL}, {NULL}},
    {{"宁波海事法院", HIGH("浙江省"), COURT_SPECIAL}, {NULL}},
    {{"厦门海事法院", HIGH("福建省"), COURT_SPECIAL}, {NULL}},
    {{"武汉海事法院", HIGH("湖北省"), COURT_SPECIAL}, {NULL}},
    {{"广州海事法院", HIGH("广东省"), COURT_SPECIAL}, {NULL}},
    {{"海口海事法院", HIGH("海南省"), COURT_SPECIAL}, {NULL}},
    {{"北海海事法院", HIGH("广西壮族自治区"), COURT_SPECIAL}, {NULL}},
    {{"南京海事法院", HIGH("江苏省"), COURT_SPECIAL}, {NULL}},
    /* intellectual property, finance, internet */
    {{"北京知识产权法院", HIGH("北京市"), COURT_SPECIAL}, {NULL}},
    {{"上海知识产权法院", HIGH("上海市"), COURT_SPECIAL}, {NULL}},
    {{"广州知识产权法院", HIGH("广东省"), COURT_SPECIAL}, {NULL}},
    {{"海南自由贸易港知识产权法院", HIGH("海南省"), COURT_SPECIAL}, {NULL}},
    {{"上海金融法院", HIGH("上海市"), COURT_SPECIAL}, {NULL}},
    {{"北京金融法院", HIGH("北京市"), COURT_SPECIAL}, {NULL}},
    {{"成渝金融法院", HIGH("重庆市"), COURT_SPECIAL}, {NULL}},
    {{"北京互联网法院", "北京市第四中级人民法院", COURT_SPECIAL}, {NULL}},
    {{"杭州互联网法院", "杭州市中级人民法院", COURT_SPECIAL}, {NULL}},
    {{"广州互联网法院", "广州市中级人民法院", COURT_SPECIAL}, {NULL}},
    /* railway intermediate courts, under the province where each sits since 2012 */
    {{"哈尔滨铁路运输中级法院", HIGH("黑龙江省"), COURT_SPECIAL}, {"哈铁中院"}},
    {{"沈阳铁路运输中级法院", HIGH("辽宁省"), COURT_SPECIAL}, {"沈铁中院"}},
    {{"呼和浩特铁路运输中级法院", HIGH("内蒙古自治区"), COURT_SPECIAL}, {"呼铁中院"}},
    {{"济南铁路运输中级法院", HIGH("山东省"), COURT_SPECIAL}, {"济铁中院"}},
    {{"郑州铁路运输中级法院", HIGH("河南省"), COURT_SPECIAL}, {"郑铁中院"}},
    {{"武汉铁路运输中级法院", HIGH("湖北省"), COURT_SPECIAL}, {"武铁中院"}},
    {{"西安铁路运输中级法院", HIGH("陕西省"), COURT_SPECIAL}, {"西铁中院"}},
    {{"兰州铁路运输中级法院", HIGH("甘肃省"), COURT_SPECIAL}, {"兰铁中院"}},
    {{"成都铁路运输中级法院", HIGH("四川省"), COURT_SPECIAL}, {"成铁中院"}},
    {{"南昌铁路运输中级法院", HIGH("江西省"), COURT_SPECIAL}, {NULL}},
    {{"广州铁路运输中级法院", HIGH("广东省"), COURT_SPECIAL}, {"广铁中院"}},
    {{"南宁铁路运输中级法院", HIGH("广西壮族自治区"), COURT_SPECIAL}, {NULL}},
    {{"乌鲁木齐铁路运输中级法院", HIGH("新疆维吾尔自治区"), COURT_SPECIAL}, {"乌铁中院"}},
    /* forestry and land-reclamation courts */
    {{"黑龙江省林区中级法院", HIGH("黑龙江省"), COURT_SPECIAL}, {NULL}},
    {{"黑龙江省农垦中级法院", HIGH("黑龙江省"), COURT_SPECIAL}, {NULL}},
    {{"吉林省林区中级法院", HIGH("吉林省"), COURT_SPECIAL}, {NULL}},
    /* the intermediate courts of directly administered cities: Hubei's, 济源 */
    {{"汉江中级人民法院", HIGH("湖北省"), COURT_INTERMEDIATE}, {"汉江中院"}},
    {{"济源中级人民法院", HIGH("河南省"), COURT_INTERMEDIATE}, {"济源中院"}},
    /* development zones */
    {{"苏州工业园区人民法院", "苏州市中级人民法院", COURT_BASIC}, {"苏州工业园区法院"}},
    {{"深圳前海合作区人民法院", "深圳市中级人民法院", COURT_BASIC},
     {"前海合作区人民法院", "前海法院"}},
    /* prefecture-level cities without counties, with numbered basic courts */
    {{"东莞市第一人民法院", "东莞市中级人民法院", COURT_BASIC}, {"东莞第一法院", "东莞市第一法院"}},
    {{"东莞市第二人民法院", "东莞市中级人民法院", COURT_BASIC}, {"东莞第二法院", "东莞市第二法院"}},
    {{"东莞市第三人民法院", "东莞市中级人民法院", COURT_BASIC}, {"东莞第三法院", "东莞市第三法院"}},
    {{"中山市第一人民法院", "中山市中级人民法院", COURT_BASIC}, {"中山第一法院", "中山市第一法院"}},
    {{"中山市第二人民法院", "中山市中级人民法院", COURT_BASIC}, {"中山第二法院", "中山市第二法院"}},
    /* bankruptcy courts, within the intermediate court that set each up */
    {{"北京破产法庭", "北京市第一中级人民法院", COURT_SPECIAL}, {NULL}},
    {{"上海破产法庭", "上海市第三中级人民法院", COURT_SPECIAL}, {NULL}},
    {{"天津破产法庭", "天津市第二中级人民法院", COURT_SPECIAL}, {NULL}},
    {{"重庆破产法庭", "重庆市第五中级人民法院", COURT_SPECIAL}, {NULL}},
    {{"深圳破产法庭", "深圳市中级人民法院", COURT_SPECIAL}, {NULL}},
    {{"广州破产法庭", "广州市中级人民法院", COURT_SPECIAL}, {NULL}},
    {{"温州破产法庭", "温州市中级人民法院", COURT_SPECIAL}, {NULL}},
    /* the 兵团's branch of the Xinjiang high court */
    {{"新疆维吾尔自治区高级人民法院生产建设兵团分院", HIGH("新疆维吾尔自治区"), COURT_SPECIAL},
     {"兵团分院", "新疆高院兵团分院", "自治区高级人民法院生产建设兵团分院",
      "新疆生产建设兵团分院"}},
};

static const char *const numerals[] = {"一", "二", "三", "四",   "五",   "六",   "七",
                                       "八", "九", "十", "十一", "十二", "十三", "十四"};

/* Numbered intermediate courts: the municipalities' and Hainan's. */
static const struct {
    const char *place, *short_name;
    int count;
} numbered[] = {
    {"北京市", "北京", 4}, {"天津市", "天津", 3}, {"上海市", "上海", 3},
    {"重庆市", "重庆", 5}, {"海南省", "海南", 2},
};

/* The 兵团's divisions (师) with an intermediate court: all but the 11th. */
static const int divisions[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14};

struct form {
    const char *s;
    size_t len;
    const struct court_special *c;
};

static struct {
    struct form *v;
    size_t nr, alloc;
    struct court_special *made; /* the generated courts */
    size_t nr_made;
    /* the lengths of the forms with each ending, longest first, 0 at the end */
    struct {
        char end[7];
        size_t lengths[32];
        uint64_t before[64]; /* the characters before the ending, hashed */
        /* the first and third characters before it (高 … 民 of 最高人民法院), for
         * forms that long; and the first of the shorter forms */
        uint64_t third[64], short_before[64];
    } ends[8];
    size_t nr_ends;
    /* the first two bytes of every form, hashed: almost every place a caller
     * tries starts none, and this says so without a search */
    uint64_t starts[1024];
} tab;
static once_flag tab_once = ONCE_FLAG_INIT;

static uint32_t before_hash(const char *s)
{
    return ((unsigned char)s[0] * 7u + (unsigned char)s[1] * 131u + (unsigned char)s[2]) & 4095;
}

static uint32_t start_hash(const char *s)
{
    return ((uint32_t)(unsigned char)s[0] * 131u + (unsigned char)s[1] * 7u +
            (unsigned char)s[2] * 31u + (unsigned char)s[4]) &
           (1024 * 64 - 1);
}

static void add_form(const char *s, const struct court_special *c)
{
    uint32_t h = start_hash(s);

    tab.starts[h >> 6] |= (uint64_t)1 << (h & 63);
    ALLOC_GROW(tab.v, tab.nr + 1, tab.alloc);
    tab.v[tab.nr].s = s;
    tab.v[tab.nr].len = strlen(s);
    tab.v[tab.nr++].c = c;
}

/* A generated string that lives as long as the program. */
static const char *made_str(const char *fmt, const char *a, const char *b)
{
    struct sbuf sb = SBUF_INIT;

    sbuf_addf(&sb, fmt, a, b);
    return sbuf_detach(&sb, NULL);
}

static int cmp_form(const void *a, const void *b)
{
    const struct form *x = a, *y = b;

    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return memcmp(x->s, y->s, x->len);
}

static void make_numbered(size_t *k)
{
    for (size_t i = 0; i < ARRAY_SIZE(numbered); i++)
        for (int n = 0; n < numbered[i].count; n++) {
            struct court_special *c = &tab.made[(*k)++];
            const char *stems[] = {numbered[i].place, numbered[i].short_name};

            c->name = made_str("%s第%s中级人民法院", numbered[i].place, numerals[n]);
            c->parent = made_str("%s%s", numbered[i].place, "高级人民法院");
            c->level = COURT_INTERMEDIATE;
            for (size_t s = 0; s < 2; s++) {
                if (s)
                    add_form(made_str("%s第%s中级人民法院", stems[s], numerals[n]), c);
                add_form(made_str("%s第%s中级法院", stems[s], numerals[n]), c);
                add_form(made_str("%s第%s中院", stems[s], numerals[n]), c);
                add_form(made_str("%s%s中院", stems[s], numerals[n]), c);
            }
            add_form(c->name, c);
        }
}

static void make_divisions(size_t *k, const struct court_special *branch)
{
    for (size_t i = 0; i < ARRAY_SIZE(divisions); i++) {
        struct court_special *c = &tab.made[(*k)++];
        const char *num = numerals[divisions[i] - 1];

        c->name = made_str("新疆生产建设兵团第%s师%s", num, "中级人民法院");
        c->parent = branch->name;
        c->level = COURT_INTERMEDIATE;
        add_form(c->name, c);
        add_form(made_str("兵团第%s师%s", num, "中级人民法院"), c);
        add_form(made_str("第%s师%s", num, "中级人民法院"), c);
        add_form(made_str("兵团第%s师%s", num, "中院"), c);
        add_form(made_str("第%s师%s", num, "中院"), c);
        add_form(made_str("%s师%s", num, "中院"), c);
    }
}

static void make_circuits(size_t *k)
{
    for (int n = 0; n < 6; n++) {
        struct court_special *c = &tab.made[(*k)++];

        c->name = made_str("最高人民法院第%s%s", numerals[n], "巡回法庭");
        c->parent = "最高人民法院";
        c->level = COURT_SPECIAL;
        add_form(c->name, c);
        add_form(made_str("最高法第%s%s", numerals[n], "巡回法庭"), c);
        add_form(made_str("最高法院第%s%s", numerals[n], "巡回法庭"), c);
        add_form(made_str("最高院第%s%s", numerals[n], "巡回法庭"), c);
    }
}

static void build(void)
{
    size_t k = 0, nl = 0, made = ARRAY_SIZE(divisions) + 6;
    const struct court_special *branch = NULL;

    for (size_t i = 0; i < ARRAY_SIZE(numbered); i++)
        made += (size_t)numbered[i].count;
    tab.made = xcalloc(made, sizeof(*tab.made));
    for (size_t i = 0; i < ARRAY_SIZE(entries); i++) {
        add_form(entries[i].c.name, &entries[i].c);
        for (size_t f = 0; f < MAX_FORMS && entries[i].forms[f]; f++)
            add_form(entries[i].forms[f], &entries[i].c);
        if (strstr(entries[i].c.name, "兵团分院"))
            branch = &entries[i].c;
    }
    make_numbered(&k);
    make_divisions(&k, branch);
    make_circuits(&k);
    tab.nr_made = k;
    qsort(tab.v, tab.nr, sizeof(*tab.v), cmp_form);
    for (size_t i = tab.nr; i-- > 0;) {
        const char *e = tab.v[i].s + tab.v[i].len - 6;
        size_t x = 0, *lens;

        while (x < tab.nr_ends && memcmp(tab.ends[x].end, e, 6) != 0)
            x++;
        if (x == tab.nr_ends) {
            if (x == ARRAY_SIZE(tab.ends))
                continue;
            memcpy(tab.ends[x].end, e, 6);
            tab.nr_ends++;
        }
        if (tab.v[i].len >= 9) {
            uint32_t h = before_hash(e - 3);

            tab.ends[x].before[h >> 6] |= (uint64_t)1 << (h & 63);
            if (tab.v[i].len < 15) {
                tab.ends[x].short_before[h >> 6] |= (uint64_t)1 << (h & 63);
            } else {
                h = (h ^ before_hash(e - 9) * 31u) & 4095;
                tab.ends[x].third[h >> 6] |= (uint64_t)1 << (h & 63);
            }
        }
        lens = tab.ends[x].lengths;
        for (nl = 0; lens[nl] && lens[nl] != tab.v[i].len; nl++)
            ;
        if (!lens[nl] && nl + 1 < ARRAY_SIZE(tab.ends[x].lengths))
            lens[nl] = tab.v[i].len;
    }
}

/* court_special_lookup() once the table is built. */
static const struct court_special *lookup(const char *s, size_t n)
{
    struct form key = {s, n, NULL}, *f;
    uint32_t h;

    if (n < 6) /* two characters at least */
        return NULL;
    h = start_hash(s);
    if (!((tab.starts[h >> 6] >> (h & 63)) & 1))
        return NULL;
    f = bsearch(&key, tab.v, tab.nr, sizeof(*tab.v), cmp_form);
    return f ? f->c : NULL;
}

const struct court_special *court_special_lookup(const char *s, size_t n)
{
    call_once(&tab_once, build);
    return lookup(s, n);
}

const struct court_special *court_special_ending_at(const char *s, size_t end, size_t *start)
{
    call_once(&tab_once, build);
    if (end < 9)
        return NULL;
    for (size_t k = 0; k < tab.nr_ends; k++) {
        uint32_t h;

        if (memcmp(tab.ends[k].end, s + end - 6, 6) != 0)
            continue;
        /* the character before the ending rules out nearly every place at once */
        h = before_hash(s + end - 9);
        if (!((tab.ends[k].before[h >> 6] >> (h & 63)) & 1))
            return NULL;
        /* and the third before it the rest: 县 of 某县人民法院 is no 最高人民法院 */
        if (!((tab.ends[k].short_before[h >> 6] >> (h & 63)) & 1) && end >= 15) {
            uint32_t t = (h ^ before_hash(s + end - 15) * 31u) & 4095;

            if (!((tab.ends[k].third[t >> 6] >> (t & 63)) & 1))
                return NULL;
        }
        for (const size_t *l = tab.ends[k].lengths; *l; l++) {
            const struct court_special *c;

            if (*l <= end && (c = lookup(s + end - *l, *l)) != NULL) {
                *start = end - *l;
                return c;
            }
        }
        return NULL;
    }
    return NULL;
}
