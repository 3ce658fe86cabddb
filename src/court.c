/*
 * court.c: court names in running Chinese text. A name is found from its
 * suffix (人民法院, 中院, 法庭 …) and the place name before it, read backwards
 * up to a character that cannot be part of a place name. The rules below say
 * which text each one exists for.
 */
#include "court.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "report.h"
#include "text.h"
#include "util.h"

#define MAX_STEM_CHARS 16

/*
 * Characters that end a place name when reading backwards: function words and
 * verbs that stand before a court's name in a sentence ("该院在海南区人民法院",
 * "的棋盘井法庭"), and 院/庭/局, which end the name of another body
 * ("鄂托克旗人民法院棋盘井人民法庭").
 */
static const char STOPS[] = "的在将把被向对是了及与院庭局等从经据让使给由以为至即并或也都"
                            "又还曾已均其该本各两级个这那此们者称到于赴往和";

/*
 * Words that open a clause right before a court's name and are read back into
 * it because Chinese has no spaces: 走进鄂托克旗人民法院, 联合海南区法院.
 */
static const char *const verbs[] = {
    "走进", "来到", "前往", "深入", "联合", "会同", "依托", "通过", "指导", "推动", "协助",
    "协调", "邀请", "组织", "设立", "成立", "组建", "建立", "选派", "派驻", "入驻", "充实",
    "支持", "配合", "参观", "考察", "调研", "慰问", "检查", "督导", "挂职", "交流", "获评",
    "荣获", "评为", "授予", "包括", "其中", "以及", "同时", "目前", "近日", "日前", "近年来",
    "今年", "去年", "围绕", "针对", "作为", "入选", "赴",   "如",   "即",
};

/* A word with its length in bytes. */
struct word {
    const char *s;
    size_t len;
};
#define W(lit)                                                                                     \
    {                                                                                              \
        lit, sizeof(lit) - 1                                                                       \
    }

/* Words that are the whole of what stands where a place name should be:
 * 自治区高院, 基层法院, 巡回法庭 (see is_generic_stem()). */
static const struct word generic_words[] = {
    W("自治区"), W("市"),   W("区"),   W("县"),   W("旗"),       W("省"),       W("盟"),
    W("地方"),   W("专门"), W("基层"), W("上级"), W("下级"),     W("中级"),     W("高级"),
    W("军事"),   W("本级"), W("同级"), W("人民"), W("市级"),     W("区级"),     W("县级"),
    W("旗级"),   W("省级"), W("地区"), W("全国"), W("全区"),     W("全市"),     W("全省"),
    W("全旗"),   W("全县"), W("全盟"), W("辖区"), W("当地"),     W("派出"),     W("巡回"),
    W("少年"),   W("家事"), W("模拟"), W("科技"), W("数字"),     W("智慧"),     W("互联网"),
    W("流动"),   W("马背"), W("车载"), W("审判"), W("专业"),     W("环境资源"), W("旅游"),
    W("共享"),   W("劳动"), W("商事"), W("金融"), W("知识产权"), W("破产"),     W("涉外"),
    W("海事"),   W("新建"), W("设立"), W("所在"), W("法院"),     W("人民法"),   W("示范"),
    W("标准化"), W("综合"), W("中心"), W("社区"), W("夜间"),     W("假日"),     W("星级"),
};

/* Endings of words that stand where a place name should be but name none:
 * 全国优秀法院, 基层法院, 该市法院 (see is_generic_stem()). */
static const struct word generic_endings[] = {
    W("优秀"), W("先进"),   W("示范"),   W("文明"), W("模范"),   W("一流"), W("智慧"), W("数字"),
    W("星级"), W("标准化"), W("现代化"), W("人民"), W("基层"),   W("派出"), W("巡回"), W("全市"),
    W("全区"), W("全省"),   W("全国"),   W("全旗"), W("全县"),   W("全盟"), W("本市"), W("本区"),
    W("该市"), W("我市"),   W("我区"),   W("各地"), W("新时代"),
};

/* Lookup tables built once, thread-safely, and only read after. */
static struct {
    struct charset stops;
    struct charset verb_firsts;
    struct charset ending_lasts; /* last characters of generic_endings[] */
    struct charset word_firsts;  /* first characters of generic_words[] */
} tables;
static once_flag tables_once = ONCE_FLAG_INIT;

static void build_tables(void)
{
    charset_init(&tables.stops, STOPS);
    for (size_t i = 0; i < ARRAY_SIZE(generic_words); i++) {
        uint32_t c = text_first(generic_words[i].s, generic_words[i].len);

        tables.word_firsts.bits[c >> 6] |= (uint64_t)1 << (c & 63);
    }
    for (size_t i = 0; i < ARRAY_SIZE(generic_endings); i++) {
        const struct word *e = &generic_endings[i];
        uint32_t c = text_last(e->s, e->len, false);

        tables.ending_lasts.bits[c >> 6] |= (uint64_t)1 << (c & 63);
    }
    for (size_t i = 0; i < ARRAY_SIZE(verbs); i++) {
        uint32_t c;

        text_next(verbs[i], strlen(verbs[i]), &c);
        tables.verb_firsts.bits[c >> 6] |= (uint64_t)1 << (c & 63);
    }
}

/* The tables are built by court_scan() before anything below reads them. */
static bool is_stop(uint32_t c)
{
    return charset_has(&tables.stops, c);
}

static bool ends_with(const char *s, size_t n, const char *suf)
{
    return text_ends(s, n, suf);
}

/* Place suffixes of county-level units: the courts under an intermediate court. */
static bool is_county_place(const char *s, size_t n)
{
    return ends_with(s, n, "县") || ends_with(s, n, "旗") || ends_with(s, n, "区") ||
           ends_with(s, n, "市");
}

/* Place suffixes of prefecture-level units: cities, leagues, prefectures. */
static bool is_prefecture_place(const char *s, size_t n)
{
    return ends_with(s, n, "市") || ends_with(s, n, "盟") || ends_with(s, n, "州") ||
           ends_with(s, n, "地区");
}

static bool is_province_place(const char *s, size_t n)
{
    return ends_with(s, n, "省") || ends_with(s, n, "自治区");
}

/*
 * Provinces by their short names, as 高院 mentions use them (内蒙古高院,
 * 广东高院). Geography, not data from any report.
 */
static const char *const provinces[] = {
    "北京",   "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江",
    "江苏",   "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南",
    "广东",   "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾",
    "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门", "兵团",
};

/* Where a province's name starts in a stem that ends with it ("入选内蒙古自治区"
 * → 内蒙古自治区); sn when it does not. */
static size_t province_at(const char *s, size_t n)
{
    static const char *const tails[] = {"",           "省",        "市", "自治区", "维吾尔自治区",
                                        "壮族自治区", "回族自治区"};
    for (size_t i = 0; i < n;) {
        uint32_t c;

        for (size_t k = 0; k < ARRAY_SIZE(provinces); k++) {
            size_t l;

            if (provinces[k][0] != s[i] || provinces[k][1] != s[i + 1])
                continue; /* the first bytes rule out most at once */
            l = strlen(provinces[k]);
            if (n - i < l || memcmp(s + i, provinces[k], l) != 0)
                continue;
            for (size_t t = 0; t < ARRAY_SIZE(tails); t++)
                if (n - i - l == strlen(tails[t]) && !memcmp(s + i + l, tails[t], n - i - l))
                    return i;
        }
        i += text_next(s + i, n - i, &c);
    }
    return n;
}

/*
 * A 人民法庭 is named for its town (棋盘井, 乌兰镇); a verb before 人民法庭 is
 * not a name: 细化人民法庭建设, 充实人民法庭力量. Town names are short, and
 * verbs end in characters like 化 实 强 建.
 */
static bool tribunal_stem_ok(const char *s, size_t n)
{
    static const char VERB_ENDS[] = "化实强进加建设派驻入到展善立成持升动合导优务至督管";
    uint32_t c = text_last(s, n, false);
    char buf[5];
    size_t l = text_put(buf, c);

    buf[l] = '\0';
    if (text_count(s, n) > 4 && !ends_with(s, n, "镇") && !ends_with(s, n, "乡") &&
        !ends_with(s, n, "苏木") && !ends_with(s, n, "街道"))
        return false;
    return !strstr(VERB_ENDS, buf);
}

/*
 * Words that stand where a place name should be but name no place: 全市法院,
 * 基层法院, 上级法院, 全国优秀法院, 自治区高院, 巡回法庭, 少年法庭.
 */

static bool is_generic_stem(const char *s, size_t n)
{
    if (n <= 12 && n >= 3 && charset_has(&tables.word_firsts, text_first(s, n)))
        for (size_t i = 0; i < ARRAY_SIZE(generic_words); i++)
            if (generic_words[i].len == n && memcmp(generic_words[i].s, s, n) == 0)
                return true;
    if (!charset_has(&tables.ending_lasts, text_last(s, n, false)))
        return false;
    for (size_t i = 0; i < ARRAY_SIZE(generic_endings); i++) {
        const struct word *e = &generic_endings[i];

        /* the last character first: it rules out most at once */
        if (e->len <= n && s[n - 1] == e->s[e->len - 1] && s[n - 2] == e->s[e->len - 2] &&
            memcmp(s + n - e->len, e->s, e->len) == 0)
            return true;
    }
    return false;
}

/* Generic openings before a real name: 全市海南区法院 → 海南区法院. */
static size_t skip_generic_prefix(const char *s, size_t n)
{
    static const char *const prefixes[] = {
        "全市", "全区", "全省", "全国", "全旗", "全县", "全盟",
        "我市", "我区", "我省", "我县", "我旗", "辖区", "原",
    };
    size_t i = 0;
    bool again = true;

    while (again) {
        uint32_t c = i < n ? text_first(s + i, n - i) : 0;

        again = false;
        if (c != 0x5168 && c != 0x6211 && c != 0x8F96 && c != 0x539F) /* 全 我 辖 原 */
            break;
        for (size_t k = 0; k < ARRAY_SIZE(prefixes); k++) {
            size_t l = strlen(prefixes[k]);

            if (n - i > l && memcmp(s + i, prefixes[k], l) == 0) {
                i += l;
                again = true;
            }
        }
    }
    return i;
}

/* Skip the words of verbs[] at the start of s. */
static size_t skip_verb_prefix(const char *s, size_t n)
{
    size_t i = 0;
    bool again = true;

    while (again && i < n && charset_has(&tables.verb_firsts, text_first(s + i, n - i))) {
        again = false;
        for (size_t k = 0; k < ARRAY_SIZE(verbs); k++) {
            size_t l = strlen(verbs[k]);

            if (n - i > l + 3 && memcmp(s + i, verbs[k], l) == 0) {
                i += l;
                again = true;
            }
        }
    }
    return i;
}

/* Where the place name before byte end starts: back over Han up to a stop. */
static size_t stem_start(const char *t, size_t end)
{
    size_t i = end, chars = 0;

    while (i > 0 && chars < MAX_STEM_CHARS) {
        size_t p = text_prev(t, i);
        uint32_t c;

        text_next(t + p, i - p, &c);
        if (!text_is_han(c))
            break;
        if (is_stop(c)) {
            /* 和 is a stop only between two names: 海南区和乌达区法院, not 和林格尔县 */
            if (c == 0x548C && p > 0) {
                size_t q = text_prev(t, p);

                if (!is_county_place(t + q, p - q))
                    goto keep;
            } else if (c == 0x548C) {
                goto keep;
            }
            break;
        }
    keep:
        i = p;
        chars++;
    }
    return i;
}

/* The place name before byte end, without generic openings and verbs. */
static size_t place_start(const char *t, size_t end)
{
    size_t st = stem_start(t, end), k;

    do {
        k = st;
        st += skip_generic_prefix(t + st, end - st);
        st += skip_verb_prefix(t + st, end - st);
    } while (st != k);
    return st;
}

static void add(struct court_mentions *m, enum court_level level, size_t pos, size_t end,
                const char *stem, size_t sn, const char *suffix)
{
    struct court_mention *c;
    struct sbuf sb = SBUF_INIT;

    sbuf_add(&sb, stem, sn);
    sbuf_addstr(&sb, suffix);
    ALLOC_GROW(m->v, m->nr + 1, m->alloc);
    c = &m->v[m->nr++];
    c->level = level;
    c->pos = pos;
    c->end = end;
    c->name = sbuf_detach(&sb, NULL);
    c->under = -1;
}

struct suffix_rule {
    const char *before; /* what stands before 法院 / 法庭 / 院 */
    enum court_level level;
    const char *full; /* the suffix of the full name */
};

/* Look at one 法院 / 法庭 / 中院 / 高院 ending at byte end; add what it names. */
static void scan_one(const char *t, size_t len, size_t key, size_t end, bool tribunal,
                     struct court_mentions *m)
{
    /* Longest first: 中级人民法院 before 人民法院 before 法院. */
    static const struct suffix_rule court_rules[] = {
        {"铁路运输中级", COURT_SPECIAL, "铁路运输中级法院"},
        {"高级人民", COURT_HIGH, "高级人民法院"},
        {"中级人民", COURT_INTERMEDIATE, "中级人民法院"},
        {"铁路运输", COURT_SPECIAL, "铁路运输法院"},
        {"知识产权", COURT_SPECIAL, "知识产权法院"},
        {"互联网", COURT_SPECIAL, "互联网法院"},
        {"海事", COURT_SPECIAL, "海事法院"},
        {"金融", COURT_SPECIAL, "金融法院"},
        {"人民", COURT_BASIC, "人民法院"},
        {"高级", COURT_HIGH, "高级人民法院"},
        {"中级", COURT_INTERMEDIATE, "中级人民法院"},
        {"", COURT_BASIC, "人民法院"},
    };
    static const struct suffix_rule tribunal_rules[] = {
        {"人民", COURT_TRIBUNAL, "人民法庭"},
        {"", COURT_TRIBUNAL, "人民法庭"},
    };
    const struct suffix_rule *rules = tribunal ? tribunal_rules : court_rules;
    size_t nrules = tribunal ? ARRAY_SIZE(tribunal_rules) : ARRAY_SIZE(court_rules);
    size_t s0, sk;
    const char *stem;
    size_t sn;

    for (size_t r = 0; r < nrules; r++) {
        size_t bl = strlen(rules[r].before);
        enum court_level level = rules[r].level;

        if (key < bl || memcmp(t + key - bl, rules[r].before, bl) != 0)
            continue;
        s0 = key - bl;
        /* 乌海市两级法院, 全市三级法院: the courts of a city together. */
        if (!tribunal && bl == 0 && s0 >= 6 &&
            (!memcmp(t + s0 - 6, "两级", 6) || !memcmp(t + s0 - 6, "三级", 6))) {
            sk = place_start(t, s0 - 6);
            stem = t + sk;
            sn = s0 - 6 - sk;
            if (sn && is_prefecture_place(stem, sn) && !is_generic_stem(stem, sn))
                add(m, COURT_COLLECTIVE, sk, end, stem, sn, "");
            return;
        }
        sk = place_start(t, s0);
        stem = t + sk;
        sn = s0 - sk;
        /* “海岛法庭”, “马背法庭”: a short form in quotes is a brand, not a court */
        if (bl == 0 && sk >= 3 && !memcmp(t + sk - 3, "“", 3) && end + 3 <= len &&
            !memcmp(t + end, "”", 3))
            return;
        if (!tribunal && level == COURT_BASIC && bl > 0 && ends_with(stem, sn, "最高")) {
            /* 最高人民法院 has no place name */
            add(m, COURT_SUPREME, s0 - strlen("最高"), end, "", 0, "最高人民法院");
            return;
        }
        if (!sn || text_count(stem, sn) < 2 || is_generic_stem(stem, sn))
            return;
        switch (level) {
        case COURT_HIGH: {
            size_t at = province_at(stem, sn);

            if (at < sn)
                add(m, level, sk + at, end, stem + at, sn - at, rules[r].full);
            return;
        }
        case COURT_BASIC:
            if (is_county_place(stem, sn))
                add(m, level, sk, end, stem, sn, rules[r].full);
            else if (bl == 0 && text_count(stem, sn) <= 4)
                /* 包头法院: a city's courts by its bare name */
                add(m, COURT_COLLECTIVE, sk, end, stem, sn, "");
            return;
        case COURT_TRIBUNAL:
            if (tribunal_stem_ok(stem, sn))
                add(m, level, sk, end, stem, sn, rules[r].full);
            return;
        default:
            add(m, level, sk, end, stem, sn, rules[r].full);
            return;
        }
    }
}

/* 乌海市中院, 内蒙古高院: short forms used in running text. */
static void scan_short(const char *t, size_t len, size_t key, size_t end, bool high,
                       struct court_mentions *m)
{
    size_t sk = place_start(t, key);
    const char *stem = t + sk;
    size_t sn = key - sk;

    if (!sn || text_count(stem, sn) < 2 || is_generic_stem(stem, sn))
        return;
    if (high) {
        size_t at = province_at(stem, sn);

        if (at < sn)
            add(m, COURT_HIGH, sk + at, end, stem + at, sn - at, "高级人民法院");
        return;
    }
    if (is_prefecture_place(stem, sn)) {
        add(m, COURT_INTERMEDIATE, sk, end, stem, sn, "中级人民法院");
    } else if (text_count(stem, sn) <= 4) {
        /* 包头中院: the bare city name, when the text names 包头市 */
        struct sbuf city = SBUF_INIT;

        sbuf_add(&city, stem, sn);
        sbuf_addstr(&city, "市");
        if (memmem(t, len, city.buf, city.len))
            add(m, COURT_INTERMEDIATE, sk, end, city.buf, city.len, "中级人民法院");
        sbuf_release(&city);
    }
}

static int cmp_pos(const void *a, const void *b)
{
    const struct court_mention *x = a, *y = b;

    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* The place that contains the court named: 鄂尔多斯市鄂托克旗人民法院 → 鄂尔多斯市. */
static size_t city_prefix_len(const char *name, size_t n);
static size_t place_len(const char *name, size_t n);
static size_t last_component(const char *s, size_t n);

/*
 * A place read back too far, past a verb no list has ("走进鄂托克旗人民法院"),
 * ends with the own place name of another court in the same text
 * (鄂尔多斯市鄂托克旗人民法院 → 鄂托克旗): then it is that place. What stands
 * before a real name is a bigger place (鄂尔多斯市), so that stays.
 * Works on the distinct names (u of them), so a long report naming the same
 * court thousands of times costs u * u, not mentions squared.
 */
static char *shared_suffix(char **names, const size_t *place, const size_t *comp, size_t u,
                           size_t i)
{
    const char *name = names[i];
    size_t pl = place[i], best = 0;

    for (size_t j = 0; j < u; j++) {
        const char *o = names[j];
        size_t lc = comp[j], cl = place[j] - lc;

        if (j == i || cl >= pl || cl <= best || text_count(o + lc, cl) < 2 ||
            memcmp(name + pl - cl, o + lc, cl) != 0)
            continue;
        if (is_prefecture_place(name, pl - cl) || is_province_place(name, pl - cl))
            continue;
        best = cl;
    }
    return best ? xstrdup(name + pl - best) : NULL;
}

/* X市法院 when X市 has an intermediate court or county courts of its own is
 * the city's courts together (鄂尔多斯市法院), not a court. */
static bool is_prefecture_collective(char **names, const enum court_level *levels, size_t u,
                                     size_t i)
{
    const char *name = names[i];
    size_t n = strlen(name), sl = strlen("人民法院");

    if (levels[i] != COURT_BASIC || !ends_with(name, n, "市人民法院"))
        return false;
    for (size_t j = 0; j < u; j++) {
        const char *o = names[j];
        size_t on = strlen(o), cp;

        if (levels[j] == COURT_INTERMEDIATE && on - strlen("中级人民法院") == n - sl &&
            !memcmp(o, name, n - sl))
            return true;
        if (levels[j] == COURT_BASIC && j != i && (cp = city_prefix_len(o, on)) != 0 &&
            cp == n - sl && !memcmp(o, name, cp))
            return true;
    }
    return false;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Apply the two rules above to every mention, through its distinct name. */
static void resolve_names(const char *t, struct court_mentions *m, size_t first)
{
    size_t nr = m->nr - first, u = 0;
    char **names = xmalloc((nr ? nr : 1) * sizeof(*names)), **renamed;
    size_t *ks = xmalloc((nr ? nr : 1) * sizeof(*ks));
    enum court_level *levels;
    bool *collective;

    /* neighbours repeat the same court most of the time: drop those first */
    for (size_t i = 0; i < nr; i++) {
        char *name = m->v[first + i].name;

        if (!u || strcmp(names[u - 1], name) != 0)
            names[u++] = name;
    }
    qsort(names, u, sizeof(*names), cmp_name);
    nr = u;
    u = 0;
    for (size_t i = 0; i < nr; i++)
        if (!u || strcmp(names[u - 1], names[i]) != 0)
            names[u++] = names[i];
    levels = xmalloc((u ? u : 1) * sizeof(*levels));
    renamed = xcalloc(u ? u : 1, sizeof(*renamed));
    collective = xcalloc(u ? u : 1, sizeof(*collective));
    for (size_t i = first; i < m->nr; i++) {
        char **at = bsearch(&m->v[i].name, names, u, sizeof(*names), cmp_name);

        levels[at - names] = m->v[i].level;
    }
    {
        size_t *place = xmalloc((u ? u : 1) * sizeof(*place));
        size_t *comp = xmalloc((u ? u : 1) * sizeof(*comp));

        for (size_t i = 0; i < u; i++) {
            size_t n = strlen(names[i]);

            place[i] = levels[i] == COURT_COLLECTIVE ? n : place_len(names[i], n);
            comp[i] = last_component(names[i], place[i]);
        }
        for (size_t i = 0; i < u; i++)
            renamed[i] = shared_suffix(names, place, comp, u, i);
        free(place);
        free(comp);
    }
    /* the collective test looks at the names as corrected */
    {
        char **fixed = xmalloc((u ? u : 1) * sizeof(*fixed));

        for (size_t i = 0; i < u; i++)
            fixed[i] = renamed[i] ? renamed[i] : names[i];
        for (size_t i = 0; i < u; i++)
            collective[i] = is_prefecture_collective(fixed, levels, u, i);
        free(fixed);
    }
    /* which distinct name each mention has: all found before any changes */
    for (size_t i = first; i < m->nr; i++)
        ks[i - first] =
            (size_t)((char **)bsearch(&m->v[i].name, names, u, sizeof(*names), cmp_name) - names);
    for (size_t i = first; i < m->nr; i++) {
        struct court_mention *c = &m->v[i];
        size_t k = ks[i - first], n;

        if (renamed[k]) {
            c->pos += strlen(c->name) - strlen(renamed[k]);
            free(c->name);
            c->name = xstrdup(renamed[k]);
        }
        n = strlen(c->name);
        /* only a short form "X市法院" can be a collective; "X市人民法院" is a court */
        if (collective[k] && c->end >= 12 && !memcmp(t + c->end - 6, "法院", 6) &&
            memcmp(t + c->end - 12, "人民", 6) != 0) {
            c->level = COURT_COLLECTIVE;
            c->name[n - strlen("人民法院")] = '\0';
        }
    }
    for (size_t i = 0; i < u; i++)
        free(renamed[i]);
    free(ks);
    free(names);
    free(renamed);
    free(levels);
    free(collective);
}

void court_scan(const char *t, size_t len, struct court_mentions *m)
{
    static const char YUAN[] = "院", TING[] = "庭", FA[] = "法", ZHONG[] = "中", GAO[] = "高";
    size_t first = m->nr;

    call_once(&tables_once, build_tables); /* for every lookup below */

    for (int pass = 0; pass < 2; pass++) {
        const char *needle = pass ? TING : YUAN;
        const char *p = t, *e = t + len;

        /* memchr on the last byte is much faster than memmem on three */
        while ((p = memchr(p, needle[2], (size_t)(e - p))) != NULL) {
            size_t at, end;

            p++;
            if (p - t < 3 || p[-3] != needle[0] || p[-2] != needle[1])
                continue;
            at = (size_t)(p - t) - 3;
            end = at + 3;
            if (at < 3)
                continue;
            if (!memcmp(t + at - 3, FA, 3))
                scan_one(t, len, at - 3, end, pass == 1, m);
            else if (pass == 0 && !memcmp(t + at - 3, ZHONG, 3))
                scan_short(t, len, at - 3, end, false, m);
            else if (pass == 0 && !memcmp(t + at - 3, GAO, 3))
                scan_short(t, len, at - 3, end, true, m);
        }
    }
    for (size_t i = first + 1; i < m->nr; i++)
        if (m->v[i].pos < m->v[i - 1].pos) {
            qsort(m->v + first, m->nr - first, sizeof(*m->v), cmp_pos);
            break;
        }
    resolve_names(t, m, first);

    /* A 法庭 named right after its court: 鄂托克旗人民法院棋盘井人民法庭. */
    for (size_t i = first + 1; i < m->nr; i++)
        if (m->v[i].level == COURT_TRIBUNAL && m->v[i - 1].end == m->v[i].pos &&
            m->v[i - 1].level != COURT_COLLECTIVE)
            m->v[i].under = (int)(i - 1 - first);
}

void court_mentions_release(struct court_mentions *m)
{
    for (size_t i = 0; i < m->nr; i++)
        free(m->v[i].name);
    free(m->v);
    m->v = NULL;
    m->nr = m->alloc = 0;
}

enum court_level court_level_of(const char *name)
{
    size_t n = strlen(name);

    if (!strcmp(name, "最高人民法院"))
        return COURT_SUPREME;
    if (ends_with(name, n, "高级人民法院"))
        return COURT_HIGH;
    if (ends_with(name, n, "铁路运输中级法院"))
        return COURT_SPECIAL;
    if (ends_with(name, n, "中级人民法院"))
        return COURT_INTERMEDIATE;
    if (ends_with(name, n, "人民法庭"))
        return COURT_TRIBUNAL;
    if (ends_with(name, n, "人民法院"))
        return COURT_BASIC;
    if (ends_with(name, n, "法院"))
        return COURT_SPECIAL;
    return COURT_COLLECTIVE;
}

/* Byte length of the place part of a full name (name minus its court suffix). */
static size_t place_len(const char *name, size_t n)
{
    static const char *const sufs[] = {
        "铁路运输中级法院", "高级人民法院", "中级人民法院", "铁路运输法院", "知识产权法院",
        "互联网法院",       "海事法院",     "金融法院",     "人民法院",     "人民法庭",
    };
    for (size_t i = 0; i < ARRAY_SIZE(sufs); i++)
        if (ends_with(name, n, sufs[i]))
            return n - strlen(sufs[i]);
    return n;
}

/*
 * Where the last place component of a place name starts: 鄂尔多斯市鄂托克旗 →
 * 鄂托克旗, 乌鲁木齐市新市区 → 新市区. Splits after a province or prefecture
 * suffix, keeping at least two characters in the component.
 */
static size_t last_component(const char *s, size_t n)
{
    size_t best = 0;

    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t l = text_next(s + i, n - i, &c), after = i + l;

        if (after < n && (is_prefecture_place(s, after) || is_province_place(s, after)) &&
            text_count(s + after, n - after) >= 2 && text_count(s, after) >= 2)
            best = after;
        i = after;
    }
    return best;
}

static size_t city_prefix_len(const char *name, size_t n)
{
    size_t pl = place_len(name, n), lc;

    if (court_level_of(name) != COURT_BASIC)
        return 0;
    lc = last_component(name, pl);
    return lc && is_prefecture_place(name, lc) ? lc : 0;
}

/* The identity of a court: its level and its own place name without the places
 * above it and without a trailing 市 (包头中级人民法院 = 包头市中级人民法院). */
static void key_into(const char *name, struct sbuf *out)
{
    size_t n = strlen(name), pl = place_len(name, n), lc = last_component(name, pl);
    enum court_level level = court_level_of(name);
    const char *p = name + lc;
    size_t k = pl - lc;

    sbuf_addch(out, (char)('0' + (int)level));
    sbuf_addch(out, ':');
    if (level == COURT_INTERMEDIATE || level == COURT_HIGH) {
        static const char *const trail[] = {"维吾尔自治区", "壮族自治区", "回族自治区", "自治区",
                                            "省",           "市",         "盟",         "地区"};
        for (size_t i = 0; i < ARRAY_SIZE(trail); i++)
            if (k > strlen(trail[i]) && ends_with(p, k, trail[i])) {
                k -= strlen(trail[i]);
                break;
            }
    }
    sbuf_add(out, p, k);
    if (level == COURT_SPECIAL)
        sbuf_addstr(out, name + pl);
}

bool court_same(const char *a, const char *b)
{
    struct sbuf ka = SBUF_INIT, kb = SBUF_INIT;
    bool same;

    if (!strcmp(a, b))
        return true;
    key_into(a, &ka);
    key_into(b, &kb);
    same = !strcmp(ka.buf, kb.buf);
    sbuf_release(&ka);
    sbuf_release(&kb);
    return same;
}

char *court_parent_name(const char *name)
{
    size_t n = strlen(name), pl = place_len(name, n), lc = last_component(name, pl);
    enum court_level level = court_level_of(name);
    struct sbuf sb = SBUF_INIT;

    if (!lc)
        return NULL;
    if ((level == COURT_BASIC || level == COURT_SPECIAL) && is_prefecture_place(name, lc)) {
        sbuf_add(&sb, name, lc);
        sbuf_addstr(&sb, "中级人民法院");
    } else if ((level == COURT_BASIC || level == COURT_INTERMEDIATE || level == COURT_SPECIAL) &&
               is_province_place(name, lc)) {
        sbuf_add(&sb, name, lc);
        sbuf_addstr(&sb, "高级人民法院");
    } else {
        return NULL;
    }
    return sbuf_detach(&sb, NULL);
}

char *court_city_court(const char *city)
{
    struct sbuf sb = SBUF_INIT;

    sbuf_addstr(&sb, city);
    sbuf_addstr(&sb, "中级人民法院");
    return sbuf_detach(&sb, NULL);
}

char *court_key(const char *name)
{
    struct sbuf sb = SBUF_INIT;

    key_into(name, &sb);
    return sbuf_detach(&sb, NULL);
}

/* ----------------------------------------------------------------- courts */

/* Courts found so far, with their identity keys, so that each mention costs
 * one key at most. */
struct court_set {
    struct report *r;
    char **keys; /* parallel to r->courts */
    size_t alloc;
};

static int court_set_find(const struct court_set *cs, const char *name, char **key)
{
    const struct report *r = cs->r;

    for (size_t i = 0; i < r->nr_courts; i++)
        if (!strcmp(r->courts[i], name))
            return (int)i;
    *key = court_key(name);
    for (size_t i = 0; i < r->nr_courts; i++)
        if (!strcmp(cs->keys[i], *key))
            return (int)i;
    return -1;
}

static void add_court(struct court_set *cs, const char *name, int parent)
{
    struct report *r = cs->r;
    char *key = NULL;
    int i = court_set_find(cs, name, &key);

    if (i >= 0) {
        /* keep the fuller form: 鄂尔多斯市鄂托克旗人民法院 over 鄂托克旗人民法院 */
        if (strlen(name) > strlen(r->courts[i])) {
            free(r->courts[i]);
            r->courts[i] = xstrdup(name);
        }
        if (r->court_parent[i] < 0)
            r->court_parent[i] = parent;
        free(key);
        return;
    }
    ALLOC_GROW(r->courts, r->nr_courts + 1, r->alloc_courts);
    r->court_parent = xrealloc(r->court_parent, r->alloc_courts * sizeof(*r->court_parent));
    ALLOC_GROW(cs->keys, r->nr_courts + 1, cs->alloc);
    r->court_parent[r->nr_courts] = parent;
    cs->keys[r->nr_courts] = key;
    r->courts[r->nr_courts++] = xstrdup(name);
}

static int court_index(const struct court_set *cs, const char *name)
{
    char *key = NULL;
    int i = court_set_find(cs, name, &key);

    free(key);
    return i;
}

/* The court a collective mention stands for: X市两级法院 → X市中级人民法院,
 * when the report names that court. */
static int collective_court(const struct court_set *cs, const char *city)
{
    char *name = court_city_court(city);
    int k = court_index(cs, name);

    if (k < 0) {
        struct sbuf sb = SBUF_INIT;

        sbuf_addstr(&sb, city);
        sbuf_addstr(&sb, "市");
        free(name);
        name = court_city_court(sb.buf);
        sbuf_release(&sb);
        k = court_index(cs, name);
    }
    free(name);
    return k;
}

/* First court named within text[from, to), collectives included. */
static int court_in(const struct court_set *cs, const struct court_mentions *m, size_t from,
                    size_t to)
{
    for (size_t i = 0; i < m->nr; i++) {
        if (m->v[i].pos < from || m->v[i].pos >= to)
            continue;
        if (m->v[i].level == COURT_COLLECTIVE) {
            int k = collective_court(cs, m->v[i].name);

            if (k >= 0)
                return k;
            continue;
        }
        /* 紫荆县人民法院雁栖人民法庭庭长: the report is about the 法庭 */
        if (i + 1 < m->nr && m->v[i + 1].under == (int)i && m->v[i + 1].pos < to)
            return court_index(cs, m->v[i + 1].name);
        return court_index(cs, m->v[i].name);
    }
    return -1;
}

/*
 * Courts: every named court in order of first mention, then the one the
 * report is mainly about moved to the front: named in the title, else the
 * subtitle, else the lead paragraph (a collective "X市两级法院" there standing
 * for X市中级人民法院), else the first named, else the page's 来源.
 */
void court_find_report(struct report *r, const char *chrome, size_t chrome_len)
{
    struct court_mentions m = {0};
    struct court_set cs = {r, NULL, 0};
    int main_court = -1;

    court_scan(r->text, r->len, &m);
    for (size_t i = 0; i < m.nr; i++)
        if (m.v[i].level != COURT_COLLECTIVE) {
            int parent = m.v[i].under >= 0 ? court_index(&cs, m.v[m.v[i].under].name) : -1;

            if (i > 0 && m.v[i].under < 0 && !strcmp(m.v[i].name, m.v[i - 1].name))
                continue; /* the same court again */
            add_court(&cs, m.v[i].name, parent);
        }
    for (int pass = 0; pass < 3 && main_court < 0; pass++) {
        enum block_kind want = pass == 0 ? BLOCK_TITLE : pass == 1 ? BLOCK_SUBTITLE : BLOCK_PARA;

        for (size_t b = 0; b < r->nr_blocks; b++)
            if (r->blocks[b].kind == want) {
                main_court =
                    court_in(&cs, &m, r->blocks[b].off, r->blocks[b].off + r->blocks[b].len);
                break;
            }
    }
    if (main_court < 0 && r->nr_courts)
        main_court = 0;
    if (main_court < 0 && r->source) {
        struct court_mentions sm = {0};

        court_scan(r->source, strlen(r->source), &sm);
        for (size_t i = 0; i < sm.nr && main_court < 0; i++)
            if (sm.v[i].level != COURT_COLLECTIVE) {
                add_court(&cs, sm.v[i].name, -1);
                main_court = (int)r->nr_courts - 1;
            }
        court_mentions_release(&sm);
    }
    if (main_court > 0) {
        char *c = r->courts[main_court];
        int pc = r->court_parent[main_court];

        memmove(r->courts + 1, r->courts, (size_t)main_court * sizeof(*r->courts));
        memmove(r->court_parent + 1, r->court_parent,
                (size_t)main_court * sizeof(*r->court_parent));
        r->courts[0] = c;
        r->court_parent[0] = pc;
        /* cs.keys is not used past this point */
        for (size_t i = 0; i < r->nr_courts; i++) {
            int *q = &r->court_parent[i];

            if (*q == main_court)
                *q = 0;
            else if (*q >= 0 && *q < main_court)
                (*q)++;
        }
    }
    r->main_court = main_court >= 0;
    (void)chrome, (void)chrome_len; /* evidence of place: not used yet */
    court_mentions_release(&m);
    for (size_t i = 0; i < r->nr_courts; i++)
        free(cs.keys[i]);
    free(cs.keys);
}
