/*
 * court.c: court names in running Chinese text, from knowledge of the
 * country's divisions (gazetteer.h) and of the special courts
 * (court_special.h). A name is [province][prefecture][county | town] and a
 * suffix (人民法院, 中院, 法庭 …), matched longest known place first, read
 * backwards from the suffix, so the words before a name never become part of
 * it. Short and bare forms (县法院, 市中院, 省高院) and names several places
 * share (鼓楼区) are resolved from the places the report itself names.
 */
#include "court.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "court_special.h"
#include "gazetteer.h"
#include "hanzi.h"
#include "report.h"
#include "text.h"
#include "util.h"

#define MAX_CANDS    32
#define HAN          3 /* bytes of a Han character of the basic plane */
#define LEVEL_BIT(l) (1u << (l))
#define ALL_UNITS    (LEVEL_BIT(GAZ_PROVINCE) | LEVEL_BIT(GAZ_PREFECTURE) | LEVEL_BIT(GAZ_COUNTY))

/* What a suffix asks to stand before it. */
enum want {
    WANT_HIGH,    /* a province: 高级人民法院, 高院 */
    WANT_INTER,   /* a prefecture: 中级人民法院, 中院 */
    WANT_BASIC,   /* a county-level unit: 人民法院, 法院 */
    WANT_SPECIAL, /* a city: 海事法院, 铁路运输法院 … */
    WANT_TRIB,    /* a town, or a name the text ties to a court: 人民法庭, 法庭 */
    WANT_HISTORY, /* a place at a clear boundary: 高等法院, 专门法院 of histories */
};

struct suffix {
    const char *s;
    size_t len;
    enum want want;
    const char *full; /* the suffix of the official name */
    bool short_form;  /* 法院, 中院: a form a collective also takes (深圳法院) */
};

#define S(lit) lit, sizeof(lit) - 1

/* Longest first, within each anchor (院 or 庭). */
static const struct suffix court_suffixes[] = {
    {S("铁路运输中级法院"), WANT_SPECIAL, "铁路运输中级法院", false},
    {S("高级人民法院"), WANT_HIGH, "高级人民法院", false},
    {S("中级人民法院"), WANT_INTER, "中级人民法院", false},
    {S("铁路中级法院"), WANT_SPECIAL, "铁路运输中级法院", true},
    {S("铁路运输法院"), WANT_SPECIAL, "铁路运输法院", false},
    {S("知识产权法院"), WANT_SPECIAL, "知识产权法院", false},
    {S("互联网法院"), WANT_SPECIAL, "互联网法院", false},
    {S("海事法院"), WANT_SPECIAL, "海事法院", false},
    {S("金融法院"), WANT_SPECIAL, "金融法院", false},
    {S("知产法院"), WANT_SPECIAL, "知识产权法院", true}, /* 北京知产法院 */
    {S("人民法院"), WANT_BASIC, "人民法院", false},
    {S("高等法院"), WANT_HISTORY, "高等法院", false}, /* 陕甘宁边区高等法院 */
    {S("专门法院"), WANT_HISTORY, "专门法院", false},
    {S("铁路法院"), WANT_SPECIAL, "铁路运输法院", true}, /* 兰州铁路法院 */
    {S("中级法院"), WANT_INTER, "中级人民法院", true},
    {S("法院"), WANT_BASIC, "人民法院", true},
    {S("铁路中院"), WANT_SPECIAL, "铁路运输中级法院", true},
    {S("中院"), WANT_INTER, "中级人民法院", true},
    {S("高院"), WANT_HIGH, "高级人民法院", true},
};
static const struct suffix tribunal_suffixes[] = {
    {S("人民法庭"), WANT_TRIB, "人民法庭", false},
    {S("派出法庭"), WANT_TRIB, "人民法庭", true},
    {S("巡回法庭"), WANT_TRIB, "巡回法庭", true},
    {S("法庭"), WANT_TRIB, "人民法庭", true},
};

enum mkind {
    MK_COURT,      /* a court, resolved or to be resolved from the report */
    MK_COLLECTIVE, /* a city's or province's courts together: 深圳法院 */
    MK_BARE,       /* 县法院, 市中院, 省高院: the report's own place */
    MK_SELF,       /* 该院, 本院: the court just named */
};

struct mention {
    enum mkind kind;
    enum court_level level;
    size_t pos, end;   /* the whole mention in the text */
    size_t npos, pend; /* the name as written (no province before a lower court), the place's end */
    const struct suffix *suf;
    const struct court_special *sp;
    int cands[MAX_CANDS]; /* places the court's own unit may be */
    int nc;
    bool unknown; /* a place the gazetteer does not know: kept as written */
    bool weak;    /* a tribunal only at a clear boundary, tied to nothing */
    bool town;    /* a tribunal named for a known town */
    bool cited;   /* the court's numbered items (某法院8项举措), not the court */
    bool soft;    /* unknown, of two characters after a function word: maybe a bare form */
    bool local; /* 苍砚法院, 澜屿中院: a court only if the report names its place in full */
    const char *full; /* the place as the report names it in full (苍砚哈萨克自治县), or NULL */
    uint32_t bare;    /* MK_BARE: 县 区 旗 市 州 省 or 自 (自治区) */
    int number;       /* MK_BARE: 1 for 市一中院, the municipality's first intermediate court */
    int under;        /* the mention this one was named under, or -1 */
    char *name;       /* the full name, once resolved */
    bool shared_name; /* name is the finder's (see unit_court_name()), not the mention's */
};

struct scan {
    const char *s; /* simplified, for matching; same offsets as o */
    const char *o; /* as written */
    size_t len;
    bool trad;
    struct mention *v;
    size_t nr, alloc;
};

/* ------------------------------------------------------------ knowledge */

/*
 * Characters that stand in sentences around names but do not make up an
 * unknown place's name (function words, pronouns, verbs of office), and the
 * level words that end a place: an unknown name is two or three characters
 * of neither (霁川, 苍砚, 鹤汀).
 */
static const char NOT_IN_NAME[] =
    "的在将把被向对是了及与等从经据让使给由以为至即并或也都又还曾已均其该"
    "本各两级个这那此们者称到于赴往和我你他她它要求请就但而且有无不没会能"
    "可应需须共同时年月日号全新旧前后里来去进出设建立成省市县区旗镇乡州"
    "盟村人民法院庭审判代表报道组织开展召举行驻扎着作为处首届批第项名个"
    "记访看走说讲听谈致赞评帮助任派调选当做叫";
/*
 * Two-character words that stand before a name in running text (verbs of
 * visiting and of court work, time and source phrases): 考察澜屿市中级人民法院,
 * 审理霁川铁路运输法院. Words whose characters are all in NOT_IN_NAME need no
 * entry.
 */
static const char *const LEAD_WORDS[] = {
    "考察", "调研", "走访", "视察", "参观", "慰问", "审理", "判决", "裁定", "指导", "督导", "联合",
    "协助", "会同", "据悉", "获悉", "近日", "日前", "目前", "今年", "去年", "此前", "随后", "通过",
    "依据", "根据", "按照", "带领", "率领", "深入", "来自", "位于", "隶属", "走进", "前往", "进入",
    "起诉", "上诉", "移送", "移交", "提交", "报请", "申请", "委托", "交流", "学习", "观摩", "邀请",
    "授予", "表彰", "获得", "荣获", "原告", "被告", "诉至", "诉诸", "当地", "今天", "昨天", "近期",
    "最近", "曾经", "目睹", "发现", "介绍", "认为", "表示", "指出", "强调",
};

/* Last characters of verbs that stand before 人民法庭 as its object, not its
 * name: 推动人民法庭建设, 充实人民法庭力量. */
static const char VERB_ENDS[] = "化实强进加建设派驻入到展善立成持升动合导优务至督管护保障";
/* Before a bare 县法院 or 省法院, these make it a collective: 全县法院, 各省法院. */
static const char BEFORE_COLLECTIVE[] = "全我本该各两辖每外省市县区、";
/*
 * What stands before 法庭 without naming a tribunal (a real tribunal is named
 * for its town, which the gazetteer knows, or is tied to its court).
 */
// clang-format off
static const char *const not_tribunal[] = {
    /* kinds and forms of hearing: 巡回法庭, 少年法庭, 马背法庭, 夜间法庭 */
    "巡回", "派出", "基层", "少年", "家事", "模拟", "流动", "马背", "车载", "简易", "临时",
    "共享", "数字", "智慧", "互联网", "夜间", "假日", "水上", "海岛", "示范", "星级",
    "标准化", "中心", "社区",
    /* the field a tribunal hears: 金融法庭, 知识产权法庭, 执行法庭 */
    "专业", "审判", "人民", "旅游", "劳动", "金融", "破产", "知识产权", "环境资源", "涉外",
    "海事", "行政", "刑事", "民事", "商事", "执行", "立案",
    /* courtrooms by number: 第一法庭 */
    "第一", "第二", "第三",
    /* pronouns and determiners: 我们法庭, 该法庭, 本法庭 */
    "我们", "这个", "该", "本",
    /* verbs that take 法庭 as their object: 新建法庭, 搬到法庭, 就在法庭 */
    "新建", "设立", "成立", "建成", "搬到", "开到", "送到", "就在",
};
// clang-format on

static struct {
    struct charset not_in_name, before_collective, verb_ends, prepositions;
    struct charset lead_ends;  /* the last characters of LEAD_WORDS */
    struct charset level_ends; /* the last characters of the level words (LW_*) */
    /* the suffixes of each anchor (法院, 中院, 高院, 法庭), in the tables'
     * order, each with the character before its anchor (民 of 人民法院; 0
     * for the anchor alone): a suffix of the wrong one costs a comparison
     * of two numbers */
    struct anchor_suffixes {
        uint32_t anchor; /* the anchor's first character: 法 中 高 */
        size_t n;
        const struct suffix *suf[ARRAY_SIZE(court_suffixes)];
        uint32_t before[ARRAY_SIZE(court_suffixes)];
    } court_anchors[ARRAY_SIZE(court_suffixes)], tribunal_anchor;
    size_t nr_court_anchors;
    uint8_t *children; /* per place: whether a county-level unit is under it */
    /* the first two characters of every name of each level, hashed: most
     * places in a text start no name, and this says so before any lookup */
    uint64_t *pairs[GAZ_TOWN + 1];
    /* the last two characters of every name and short form, hashed alike: a
     * suffix stands after the end of a place far less often than after
     * other words (全市法院, 两级法院, 基层法院), and this says so at once */
    uint64_t *end_pairs[GAZ_TOWN + 1];
    /* the lengths in characters (see len_bit()) of the provinces', the
     * prefectures' and the counties' names and short forms that start and
     * that end with each pair, hashed as above: a scan tries each length
     * from the longest down, and of most lengths no name starts there, which
     * this says without a lookup */
    uint16_t *start_lens, *end_lens;
    size_t max_len[GAZ_TOWN + 1];               /* the longest name of each level, in bytes */
    size_t max_len_of[LEVEL_BIT(GAZ_TOWN + 1)]; /* the longest of each set of levels */
    /* the first characters of the names of each set of levels a reading asks for */
    struct charset firsts[LEVEL_BIT(GAZ_TOWN + 1)];
    /* the first and second characters of every name and short form of each
     * set of levels: see skip_to_first() */
    struct charset name_chars[LEVEL_BIT(GAZ_TOWN + 1)];
} kb;

/* Bits of the hash of each level's set: the few provinces' and prefectures'
 * small enough to stay in the cache, the 41,000 towns' large enough to say no. */
static const unsigned pair_bits[GAZ_TOWN + 1] = {0, 14, 14, 16, 20};
/* Bits of the hash of kb.start_lens and kb.end_lens. */
#define LENS_BITS 16

/* The code point of the three bytes at u: valid UTF-8 (decode.c sees to
 * that), so the bytes' weights less their marker bits in one constant. */
static inline uint32_t han_at(const unsigned char *u)
{
    return (uint32_t)u[0] * 4096 + (uint32_t)u[1] * 64 + u[2] - 0xE2080u;
}

static inline bool is_lead3(unsigned char b)
{
    return b - 0xE0u <= 0x0Fu;
}

static inline uint32_t char_before(const char *s, size_t at)
{
    uint32_t c = 0;
    size_t p;

    if (at >= HAN && is_lead3((unsigned char)s[at - HAN])) /* a Han character, mostly */
        return han_at((const unsigned char *)s + at - HAN);
    if (at == 0)
        return 0;
    p = text_prev(s, at);
    text_next(s + p, at - p, &c);
    return c;
}

static uint32_t pair_hash(uint32_t a, uint32_t b)
{
    return (a * 0x9E3779B1u) ^ (b * 0x85EBCA6Bu);
}

/* Whether bit h of the hashed pairs of level (kb.pairs, kb.end_pairs) is set. */
static inline bool pair_in(uint64_t *const *sets, int level, uint32_t h)
{
    h >>= 32 - pair_bits[level];
    return (sets[level][h >> 6] >> (h & 63)) & 1;
}

/* Whether a bit of the hashed pairs of a level in mask is set for a, b: the
 * levels of mask in turn, not all four (this runs at most places a scan of
 * the report's places stops). */
static inline bool pair_of(uint64_t *const *sets, unsigned mask, uint32_t a, uint32_t b)
{
    uint32_t h = pair_hash(a, b);

    for (unsigned m = mask & ~1u; m; m &= m - 1)
        if (pair_in(sets, __builtin_ctz(m), h))
            return true;
    return false;
}

/* Whether some name of a level in mask starts with the characters a, b. */
static bool pair_starts(unsigned mask, uint32_t a, uint32_t b)
{
    return pair_of(kb.pairs, mask, a, b);
}

/* Whether some name of a level in mask ends with the characters a, b. */
static bool pair_ends(unsigned mask, uint32_t a, uint32_t b)
{
    return pair_of(kb.end_pairs, mask, a, b);
}

/* The bit of a name of chars characters in kb.start_lens and kb.end_lens. */
static inline unsigned len_bit(size_t chars)
{
    return 1u << (chars < 15 ? chars : 15);
}

/* The lengths (len_bit()) of the names of the levels in mask that start (or
 * end: lens kb.end_lens) with the characters a, b; every length for the
 * towns, whose lengths are not kept. */
static inline unsigned pair_lens(const uint16_t *lens, unsigned mask, uint32_t a, uint32_t b)
{
    if (mask & LEVEL_BIT(GAZ_TOWN))
        return 0xFFFF;
    return lens[pair_hash(a, b) >> (32 - LENS_BITS)];
}

static void charset_put(struct charset *cs, uint32_t c)
{
    if (c < 0x10000)
        cs->bits[c >> 6] |= (uint64_t)1 << (c & 63);
}

/* A bit of a hashed set of character pairs of level (kb.pairs, kb.end_pairs). */
static void pair_put(uint64_t *const *sets, int level, uint32_t a, uint32_t b)
{
    uint32_t h = pair_hash(a, b) >> (32 - pair_bits[level]);

    sets[level][h >> 6] |= (uint64_t)1 << (h & 63);
}

/* The character of s[0..n) that starts at byte i (a Han one of three bytes
 * mostly, decoded here: kb is built from eighty thousand names). */
static uint32_t char_at(const char *s, size_t n, size_t i)
{
    uint32_t c;

    if (i + HAN <= n && is_lead3((unsigned char)s[i]))
        return han_at((const unsigned char *)s + i);
    text_next(s + i, n - i, &c);
    return c;
}

/* What a name or short form s[0..n) of levels adds to kb: how it starts and
 * how it ends. (A filter built from short forms too says yes a little more
 * often than one of the official names alone; the lookups decide.) */
static void add_name(const char *s, size_t n, unsigned levels, void *arg)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t a, b, y, z;

    (void)arg;
    if (n >= 2 * HAN && is_lead3(u[0]) && is_lead3(u[HAN]) && is_lead3(u[n - 2 * HAN]) &&
        is_lead3(u[n - HAN])) {
        /* nearly every name: its first two and last two characters of three bytes */
        a = han_at(u);
        b = han_at(u + HAN);
        y = han_at(u + n - 2 * HAN);
        z = han_at(u + n - HAN);
    } else {
        size_t last = text_prev(s, n), before_last = text_prev(s, last);

        if (last == 0)
            return; /* one character: place_before() and ctx_scan() read two at least */
        a = char_at(s, n, 0);
        b = char_at(s, n, text_next(s, n, &(uint32_t){0}));
        y = char_at(s, n, before_last);
        z = char_at(s, n, last);
    }
    if (levels & ALL_UNITS) {
        unsigned len = len_bit(text_count(s, n));

        kb.start_lens[pair_hash(a, b) >> (32 - LENS_BITS)] |= (uint16_t)len;
        kb.end_lens[pair_hash(y, z) >> (32 - LENS_BITS)] |= (uint16_t)len;
    }
    for (int level = GAZ_PROVINCE; level <= GAZ_TOWN; level++)
        if (levels & LEVEL_BIT(level)) {
            pair_put(kb.pairs, level, a, b);
            pair_put(kb.end_pairs, level, y, z);
            charset_put(&kb.firsts[LEVEL_BIT(level)], a);
            charset_put(&kb.name_chars[LEVEL_BIT(level)], a);
            charset_put(&kb.name_chars[LEVEL_BIT(level)], b);
        }
}

static once_flag kb_once = ONCE_FLAG_INIT;

static void build_kb(void)
{
    size_t n = gazetteer_count();

    charset_init(&kb.not_in_name, NOT_IN_NAME);
    charset_init(&kb.before_collective, BEFORE_COLLECTIVE);
    charset_init(&kb.verb_ends, VERB_ENDS);
    charset_init(&kb.prepositions, "在到赴对向和与及从于由经至把将给为");
    charset_init(&kb.level_ends, "县旗区市州盟省");
    /* 法院 中院 高院 of the court table, 法庭 of the tribunals' */
    for (size_t i = 0; i < ARRAY_SIZE(court_suffixes) + ARRAY_SIZE(tribunal_suffixes); i++) {
        bool ting = i >= ARRAY_SIZE(court_suffixes);
        const struct suffix *suf =
            ting ? &tribunal_suffixes[i - ARRAY_SIZE(court_suffixes)] : &court_suffixes[i];
        uint32_t anchor = char_before(suf->s, suf->len - HAN);
        struct anchor_suffixes *as = ting ? &kb.tribunal_anchor : NULL;

        for (size_t a = 0; a < kb.nr_court_anchors && !as; a++)
            if (kb.court_anchors[a].anchor == anchor)
                as = &kb.court_anchors[a];
        if (!as)
            as = &kb.court_anchors[kb.nr_court_anchors++];
        as->anchor = anchor;
        as->suf[as->n] = suf;
        as->before[as->n++] = suf->len > 2 * HAN ? char_before(suf->s, suf->len - 2 * HAN) : 0;
    }
    for (size_t i = 0; i < ARRAY_SIZE(LEAD_WORDS); i++) {
        uint32_t c;

        text_next(LEAD_WORDS[i] + HAN, HAN, &c);
        kb.lead_ends.bits[c >> 6] |= (uint64_t)1 << (c & 63);
    }
    kb.children = xcalloc(n ? n : 1, 1);
    for (int level = GAZ_PROVINCE; level <= GAZ_TOWN; level++) {
        kb.pairs[level] = xcalloc((1u << pair_bits[level]) / 64, sizeof(uint64_t));
        kb.end_pairs[level] = xcalloc((1u << pair_bits[level]) / 64, sizeof(uint64_t));
    }
    kb.start_lens = xcalloc((size_t)1 << LENS_BITS, sizeof(*kb.start_lens));
    kb.end_lens = xcalloc((size_t)1 << LENS_BITS, sizeof(*kb.end_lens));
    gazetteer_each_name(add_name, NULL);
    for (size_t i = 0; i < n; i++) {
        const struct gaz_place *p = gazetteer_get((int)i);
        size_t len = strlen(p->name);

        if (p->level == GAZ_COUNTY && p->parent >= 0)
            kb.children[p->parent] = 1;
        /* of the official names: a short form (延边州) is shorter */
        if (len > kb.max_len[p->level])
            kb.max_len[p->level] = len;
    }
    /* each set of levels from the single levels' sets */
    for (unsigned m = 0; m < ARRAY_SIZE(kb.firsts); m++)
        for (int level = GAZ_PROVINCE; level <= GAZ_TOWN; level++) {
            if ((m & LEVEL_BIT(level)) && kb.max_len[level] > kb.max_len_of[m])
                kb.max_len_of[m] = kb.max_len[level];
            if ((m & LEVEL_BIT(level)) && m != LEVEL_BIT(level))
                for (size_t w = 0; w < ARRAY_SIZE(kb.firsts[m].bits); w++) {
                    kb.firsts[m].bits[w] |= kb.firsts[LEVEL_BIT(level)].bits[w];
                    kb.name_chars[m].bits[w] |= kb.name_chars[LEVEL_BIT(level)].bits[w];
                }
        }
}

static const struct gaz_place *place(int id)
{
    return gazetteer_get(id);
}

static bool name_ends(const char *s, const char *suf)
{
    return text_ends(s, strlen(s), suf);
}

/* Whether name starts with the first two characters of the place up's name. */
static bool starts_like(const char *name, int up)
{
    return up >= 0 && strlen(name) >= 2 * HAN && !memcmp(name, place(up)->name, 2 * HAN);
}

/* A 市辖区: its court is named with its city (武汉市江汉区人民法院); a 林区 or
 * 特区 is a county-level unit named alone, and so is a zone whose name holds
 * its city's already (苏州工业园区, 合肥高新技术产业开发区). */
static bool is_district(int id)
{
    const struct gaz_place *p = place(id);

    return p->level == GAZ_COUNTY && p->parent >= 0 && name_ends(p->name, "区") &&
           !name_ends(p->name, "林区") && !name_ends(p->name, "特区") &&
           !starts_like(p->name, p->parent) &&
           !starts_like(p->name, gazetteer_ancestor(id, GAZ_PROVINCE));
}

/* A prefecture-level city with no counties (东莞, 嘉峪关) has basic courts of its own name. */
static bool has_counties(int id)
{
    return kb.children[id] != 0;
}

/* ------------------------------------------------------------- matching */

/* Whether the text at at starts a name: a line start or after what is not Han. */
static bool boundary_at(const struct scan *sc, size_t at)
{
    uint32_t c = char_before(sc->s, at);

    return at == 0 || !text_is_han(c);
}

struct hit {
    size_t start;
    int ids[MAX_CANDS];
    int n;
    bool short_form;
};

/*
 * The longest known place ending at byte end (not before lo) with a level in
 * mask, read over Han characters only. Fills h with the matching places.
 */
static bool place_before(const struct scan *sc, size_t lo, size_t end, unsigned mask, struct hit *h)
{
    size_t starts[32], ns = 0, i = end, max = kb.max_len_of[mask];
    uint32_t chars[32];
    unsigned lens = 0;

    while (i > lo && ns < ARRAY_SIZE(starts)) {
        const unsigned char *u = (const unsigned char *)sc->s;
        size_t p;
        uint32_t c;

        if (i >= 3 && (u[i - 3] & 0xF0) == 0xE0) { /* the common case: three bytes */
            p = i - 3;
            c = ((uint32_t)(u[p] & 0x0F) << 12) | ((uint32_t)(u[p + 1] & 0x3F) << 6) |
                (u[p + 2] & 0x3F);
        } else {
            p = text_prev(sc->s, i);
            text_next(sc->s + p, i - p, &c);
        }
        if (p < lo || !text_is_han(c) || end - p > max)
            break;
        i = p;
        chars[ns] = c;
        starts[ns++] = i;
        if (ns == 2 && !pair_ends(mask, chars[1], chars[0]))
            return false;
    }
    if (ns > 1)
        lens = pair_lens(kb.end_lens, mask, chars[1], chars[0]);
    while (ns > 1) { /* two characters at least */
        struct gaz_hit g[32];
        size_t st = starts[--ns], n;

        /* no name of that length ends here; no name starts with a character
         * of the basic plane not in kb.firsts: tests cheaper than the pair's */
        if (!(lens & len_bit(ns + 1)) ||
            (chars[ns] < 0x10000 && !charset_has(&kb.firsts[mask], chars[ns])) ||
            !(pair_starts(mask, chars[ns], chars[ns - 1]) &&
              (pair_lens(kb.start_lens, mask, chars[ns], chars[ns - 1]) & len_bit(ns + 1))))
            continue;
        n = gazetteer_lookup(sc->s + st, end - st, g, ARRAY_SIZE(g));
        h->n = 0;
        h->short_form = false;
        for (size_t k = 0; k < n && k < ARRAY_SIZE(g); k++)
            if (mask & LEVEL_BIT(place(g[k].id)->level) && h->n < MAX_CANDS) {
                h->ids[h->n++] = g[k].id;
                h->short_form = h->short_form || g[k].short_form;
            }
        if (h->n) {
            h->start = st;
            return true;
        }
    }
    return false;
}

/* Keep the candidates that lie within one of the places of h; true when any do. */
static bool narrow(int *cands, int *nc, const struct hit *h)
{
    int k = 0;

    for (int i = 0; i < *nc; i++)
        for (int j = 0; j < h->n; j++)
            if (cands[i] != h->ids[j] && gazetteer_within(cands[i], h->ids[j])) {
                cands[k++] = cands[i];
                break;
            }
    if (!k)
        return false;
    *nc = k;
    return true;
}

/*
 * The places above the court's own (湖北省赤壁市, 巴中市巴州区): each must
 * contain a candidate, and narrows them. Returns where the written name
 * starts, leaving out a province before a court below the high court.
 */
static size_t chain_before(const struct scan *sc, size_t lo, size_t start, int *cands, int *nc,
                           size_t *npos)
{
    struct hit h;

    *npos = start;
    for (int k = 0; k < 2; k++) {
        unsigned mask = LEVEL_BIT(GAZ_PROVINCE) | LEVEL_BIT(GAZ_PREFECTURE);

        if (!place_before(sc, lo, start, mask, &h) || !narrow(cands, nc, &h))
            break;
        start = h.start;
        if (place(h.ids[0])->level != GAZ_PROVINCE)
            *npos = start;
    }
    return start;
}

/*
 * The level words that end a place the gazetteer does not know, by what the
 * court's suffix asks for, longest first: an autonomous unit's (自治县) holds
 * the peoples before it (苍砚哈萨克自治县). "" (special courts: 澜屿海事法院)
 * asks for a city's bare name. Each ends in one of kb.level_ends.
 */
static const char *const LW_BASIC[] = {"自治县", "自治旗", "林区", "特区", "县",
                                       "区",     "旗",     "市",   NULL};
static const char *const LW_BASIC_SHORT[] = {"自治县", "自治旗", "林区", "县", "区", "旗", NULL};
static const char *const LW_INTER[] = {"自治州", "地区", "盟", "州", "市", NULL};
static const char *const LW_HIGH[] = {"自治区", "省", NULL};
static const char *const LW_CITY[] = {"", NULL};
/* 陕甘宁边区高等法院: the courts of the revolutionary base areas, named in histories */
static const char *const LW_HISTORIC[] = {"自治区", "边区", "省", "市", "县", "区", NULL};

/* The peoples autonomous areas are named for (苍砚哈萨克自治县, 鹤汀苗族侗族自治州):
 * China's 55 minorities. One of one character takes 族 (回族); longer ones may
 * leave it out (哈萨克自治县). */
static const char *const peoples[] = {
    "蒙古",   "回",       "藏",     "维吾尔",   "苗",   "彝",     "壮",   "布依",
    "朝鲜",   "满",       "侗",     "瑶",       "白",   "土家",   "哈尼", "哈萨克",
    "傣",     "黎",       "傈僳",   "佤",       "畲",   "高山",   "拉祜", "水",
    "东乡",   "纳西",     "景颇",   "柯尔克孜", "土",   "达斡尔", "仫佬", "羌",
    "布朗",   "撒拉",     "毛南",   "仡佬",     "锡伯", "阿昌",   "普米", "塔吉克",
    "怒",     "乌孜别克", "俄罗斯", "鄂温克",   "德昂", "保安",   "裕固", "京",
    "塔塔尔", "独龙",     "鄂伦春", "赫哲",     "门巴", "珞巴",   "基诺",
};

/* Where the peoples ending at end start (哈萨克, 回族, 苗族侗族), or end when none do. */
static size_t peoples_before(const struct scan *sc, size_t lo, size_t end)
{
    size_t at = end;

    for (;;) {
        bool zu = at >= lo + HAN && !memcmp(sc->s + at - HAN, "族", HAN);
        size_t e = zu ? at - HAN : at, best = at;

        for (size_t i = 0; i < ARRAY_SIZE(peoples); i++) {
            size_t l = strlen(peoples[i]);

            if ((zu || l > HAN) && e >= lo + l && e - l < best &&
                !memcmp(sc->s + e - l, peoples[i], l))
                best = e - l;
        }
        if (best == at)
            return at;
        at = best;
    }
}

/* Whether one of LEAD_WORDS ends at byte at. */
static bool lead_word_at(const struct scan *sc, size_t lo, size_t at)
{
    if (at < lo + 2 * HAN || !charset_has(&kb.lead_ends, char_before(sc->s, at)))
        return false;
    for (size_t i = 0; i < ARRAY_SIZE(LEAD_WORDS); i++)
        if (!memcmp(sc->s + at - 2 * HAN, LEAD_WORDS[i], 2 * HAN))
            return true;
    return false;
}

/* Where the characters that may be in a name (up to max, not in
 * NOT_IN_NAME) before end start; how many in *chars. */
static size_t name_stretch(const struct scan *sc, size_t lo, size_t end, size_t max, size_t *chars)
{
    size_t st = end;

    *chars = 0;
    while (st > lo && *chars < max) {
        uint32_t c = char_before(sc->s, st);

        if (!text_is_han(c) || charset_has(&kb.not_in_name, c))
            break;
        st = text_prev(sc->s, st); /* a Han character: of three bytes or four */
        (*chars)++;
    }
    return st;
}

/* The last lead word inside the stretch [st, end) ends it: 考察|澜屿,
 * 审|理|澜屿; one at its end leaves no name (上级指导|县人民法院). Returns the
 * name's start, its characters in *chars. */
static size_t after_lead_words(const struct scan *sc, size_t lo, size_t st, size_t end,
                               size_t *chars)
{
    for (size_t b = st + HAN; b <= end && *chars; b += HAN)
        if (lead_word_at(sc, lo, b))
            st = b;
    *chars = (end - st) / HAN;
    return st;
}

/* The level word of levels ending at end (longest first), its start in *at. */
static const char *level_word(const struct scan *sc, size_t lo, size_t end,
                              const char *const *levels, size_t *at)
{
    const char *last = end >= lo + HAN ? sc->s + end - HAN : NULL;

    /* every level word ends in one of kb.level_ends; before most suffixes
     * stands none of them ("" of LW_CITY asks for nothing) */
    if (levels[0][0] && (!last || !charset_has(&kb.level_ends, char_before(sc->s, end))))
        return NULL;
    for (size_t i = 0; levels[i]; i++) {
        /* level words are Han characters of three bytes each (or "", LW_CITY) */
        const char *w = levels[i];
        size_t l = !w[0] ? 0 : !w[HAN] ? HAN : !w[2 * HAN] ? 2 * HAN : 3 * HAN;

        /* the last character first: before most suffixes stands none of them */
        if (l && (!last || last[2] != w[l - 1] || last[1] != w[l - 2] || last[0] != w[l - 3]))
            continue;
        if (end >= lo + l && !memcmp(sc->s + end - l, w, l)) {
            *at = end - l;
            return w;
        }
    }
    return NULL;
}

/*
 * A place the gazetteer does not know, ending at end with a level word of
 * levels (霁川市, 苍砚旗, 鹤汀地区, 苍砚哈萨克自治县): its own name is the
 * longest stretch (up to three, four before peoples) of characters that may be in a name
 * (not in NOT_IN_NAME) before the level word and its peoples, and must stand
 * at a clear boundary: after a known place or an unknown bigger one (霁川市苍砚旗),
 * a word of LEAD_WORDS (考察澜屿市), a line start or punctuation; or, for a
 * name of two characters, after a function word (赴鹤汀区). Returns its start
 * (with the places before it), the written name's start in *npos; SIZE_MAX
 * when there is none.
 */
static size_t unknown_before(const struct scan *sc, size_t lo, size_t end,
                             const char *const *levels, size_t *npos, int depth)
{
    size_t lw_at, name_end, st, chars = 0;
    const char *lw = level_word(sc, lo, end, levels, &lw_at);
    struct hit h;

    if (!lw)
        return SIZE_MAX;
    name_end = lw_at;
    if (!strncmp(lw, "自治", 2 * HAN)) { /* the peoples first */
        name_end = peoples_before(sc, lo, lw_at);
        if (name_end == lw_at)
            return SIZE_MAX;
    } else if (!strcmp(lw, "区") && lw_at >= lo + HAN &&
               (char_before(sc->s, lw_at) == 0x5730 || char_before(sc->s, lw_at) == 0x6CBB)) {
        return SIZE_MAX; /* 地区, 自治区: a prefecture's, a province's level, no basic court */
    }
    /* three characters, four before peoples (塔什库尔干塔吉克自治县): a
     * longer stretch holds the words before (记者周正霁川市) */
    st = name_stretch(sc, lo, name_end, name_end < lw_at ? 4 : 3, &chars);
    st = after_lead_words(sc, lo, st, name_end, &chars);
    if (chars < 2)
        return SIZE_MAX;
    *npos = st;
    if (place_before(sc, lo, st, LEVEL_BIT(GAZ_PROVINCE) | LEVEL_BIT(GAZ_PREFECTURE), &h)) {
        if (place(h.ids[0])->level != GAZ_PROVINCE)
            *npos = h.start;
        return h.start;
    }
    if (depth == 0) {
        size_t np, up = unknown_before(sc, lo, st, LW_INTER, &np, 1);

        if (up != SIZE_MAX) {
            *npos = np;
            return up;
        }
    }
    if (boundary_at(sc, st) || lead_word_at(sc, lo, st))
        return st;
    /* after a function word (赴鹤汀区法院), or the court before (…法院鹤汀区法院);
     * a name of three or four there only before a level word as telling as
     * 边区 (南麓的陕甘宁边区高等法院) */
    if ((chars == 2 || levels == LW_HISTORIC) &&
        (st == lo || charset_has(&kb.not_in_name, char_before(sc->s, st))))
        return st;
    /* not after any other word: 上级指导县人民法院 is the report's own county's */
    return SIZE_MAX;
}

static struct mention *new_mention(struct scan *sc, enum mkind kind, enum court_level level,
                                   size_t pos, size_t end)
{
    struct mention *m;

    ALLOC_GROW(sc->v, sc->nr + 1, sc->alloc);
    m = &sc->v[sc->nr++];
    memset(m, 0, sizeof(*m));
    m->kind = kind;
    m->level = level;
    m->pos = m->npos = pos;
    m->end = end;
    m->under = -1;
    return m;
}

static void set_cands(struct mention *m, const struct hit *h)
{
    m->nc = h->n;
    memcpy(m->cands, h->ids, (size_t)h->n * sizeof(*h->ids));
}

/* A bare level word right before the suffix (县法院, 市中院, 省高院), not a
 * collective (全县法院, 各省法院); 0 when there is none. */
static uint32_t bare_word(const struct scan *sc, size_t lo, size_t p, const char *words)
{
    uint32_t c = char_before(sc->s, p), b;
    char buf[8];
    size_t word = HAN; /* the level word's bytes: 县, or 自治区 */

    if (p < lo + HAN)
        return 0;
    if (p >= lo + 3 * HAN && !memcmp(sc->s + p - 3 * HAN, "自治区", 3 * HAN)) {
        c = 0x81EA; /* 自 */
        word = 3 * HAN;
    } else if (c == 0x81EA) {
        return 0; /* 自 alone is no level word (自法院: the fuzzer's) */
    }
    /* words are of kb.level_ends and 自: most suffixes have none of them before */
    if (c != 0x81EA && !charset_has(&kb.level_ends, c))
        return 0;
    buf[text_put(buf, c)] = '\0';
    if (!c || !strstr(words, buf))
        return 0;
    /* the level word alone (要求县法院), not the end of a name (塔县法院) */
    b = char_before(sc->s, p - word);
    if (charset_has(&kb.before_collective, b))
        return 0;
    /* every province is known, and a city's name before 市 was tried first */
    if ((c == 0x53BF || c == 0x533A || c == 0x65D7) && text_is_han(b) && /* 县 区 旗 */
        !charset_has(&kb.not_in_name, b) && !lead_word_at(sc, lo, p - HAN))
        return 0;
    return c;
}

/*
 * A known county of one character and its level word (岚县, 和县) at the end
 * of an unknown name of two that stands at a boundary (桐岚县): the unknown
 * name. After a function word (在和县) it stays the known one.
 */
static bool unknown_longer(const struct scan *sc, size_t lo, size_t p, const struct hit *h)
{
    size_t npos;
    uint32_t c = char_before(sc->s, h->start);

    if (p - h->start != 2 * HAN || !text_is_han(c) || charset_has(&kb.not_in_name, c))
        return false;
    size_t st = unknown_before(sc, lo, p, LW_BASIC, &npos, 0);

    /* at a line start or after punctuation only: 据了解岚县 is 岚县 */
    return st < h->start && boundary_at(sc, st);
}

/*
 * Words of the campaigns courts name themselves by (平安法院, 和谐法院): some
 * are also the short forms of places (平安 for 平安区), and before 法院 they
 * are the campaign.
 */
static bool is_slogan(const char *s, size_t n)
{
    static const char *const slogans[] = {"平安", "和谐", "阳光", "文明", "法治",
                                          "幸福", "美丽", "清廉", "廉洁", "书香"};

    for (size_t i = 0; i < ARRAY_SIZE(slogans); i++)
        if (n == strlen(slogans[i]) && !memcmp(s, slogans[i], n))
            return true;
    return false;
}

/* Two or three levels of courts together: 乌海市两级法院, 全省三级法院. */
static size_t levels_word(const struct scan *sc, size_t lo, size_t p)
{
    if (p >= lo + 2 * HAN && (!memcmp(sc->s + p - 2 * HAN, "两级", 2 * HAN) ||
                              !memcmp(sc->s + p - 2 * HAN, "三级", 2 * HAN)))
        return p - 2 * HAN;
    return p;
}

/* A court of a place the gazetteer does not know, when its name is complete
 * and stands at a clear boundary (see unknown_before()). */
static bool add_unknown(struct scan *sc, size_t lo, size_t p, size_t e, const struct suffix *suf,
                        enum court_level level, const char *const *levels)
{
    size_t npos, st = unknown_before(sc, lo, p, levels, &npos, level == COURT_BASIC ? 0 : 1);
    struct mention *m;

    if (st == SIZE_MAX)
        return false;
    m = new_mention(sc, MK_COURT, level, st, e);
    m->npos = npos;
    m->pend = p;
    m->unknown = true;
    m->suf = suf;
    /* after a function word it may be a verb and a level word (他指导县人民法院):
     * the report's own place decides (see resolve_all()) */
    m->soft = npos == st && !boundary_at(sc, st) && p - st == 3 * HAN;
    return true;
}

/* 苍砚法院, 澜屿中院: a short form whose place the gazetteer does not know
 * may be of a place the report names in full (see local_resolve()). */
static void add_local(struct scan *sc, size_t lo, size_t p, size_t e, const struct suffix *suf,
                      enum court_level level)
{
    size_t chars, st = name_stretch(sc, lo, p, 4, &chars);
    struct mention *m;

    /* at a line start, after punctuation, a lead word or a preposition (到苍砚法院),
     * not after other words (全市基层法院: a kind of court) */
    st = after_lead_words(sc, lo, st, p, &chars);
    if (chars < 2 || (!boundary_at(sc, st) && !lead_word_at(sc, lo, st) &&
                      !charset_has(&kb.prepositions, char_before(sc->s, st))))
        return;
    m = new_mention(sc, MK_COURT, level, st, e);
    m->pend = p;
    m->suf = suf;
    m->unknown = m->local = true;
}

static void court_basic(struct scan *sc, size_t lo, size_t p, size_t e, const struct suffix *suf)
{
    struct hit h;
    uint32_t bare;

    if (place_before(sc, lo, p, ALL_UNITS, &h) && !unknown_longer(sc, lo, p, &h) &&
        !(h.short_form && is_slogan(sc->s + h.start, p - h.start))) {
        int county[MAX_CANDS], nco = 0, upper[MAX_CANDS], nup = 0;
        struct mention *m;

        for (int i = 0; i < h.n; i++) {
            if (place(h.ids[i])->level == GAZ_COUNTY)
                county[nco++] = h.ids[i];
            else
                upper[nup++] = h.ids[i];
        }
        /* 兰州法院: the city's name, not that of a district inside it (兰州新区) */
        for (int i = 0; i < nco && h.short_form; i++)
            for (int k = 0; k < nup; k++)
                if (gazetteer_within(county[i], upper[k])) {
                    county[i--] = county[--nco];
                    break;
                }
        if (!nco) {
            /* 深圳法院, 湖北法院: a city's or province's courts together; the
             * basic court of a city without counties (嘉峪关市人民法院) */
            bool own = !suf->short_form && place(upper[0])->level == GAZ_PREFECTURE &&
                       !has_counties(upper[0]);

            if (!own && !suf->short_form)
                return;
            m = new_mention(sc, own ? MK_COURT : MK_COLLECTIVE,
                            own ? COURT_BASIC : COURT_COLLECTIVE, h.start, e);
            set_cands(m, &h);
            m->pend = p;
            return;
        }
        m = new_mention(sc, MK_COURT, COURT_BASIC, h.start, e);
        m->suf = suf;
        m->pend = p;
        memcpy(m->cands, county, (size_t)nco * sizeof(int));
        m->nc = nco;
        if (nup && suf->short_form && h.short_form) {
            /* 朝阳法院: a city's courts or a district's court; the report decides */
            for (int i = 0; i < nup && m->nc < MAX_CANDS; i++)
                m->cands[m->nc++] = upper[i];
        }
        m->pos = chain_before(sc, lo, h.start, m->cands, &m->nc, &m->npos);
        return;
    }
    /* 霁川市苍砚旗人民法院, 鹤汀区法院: a full name the gazetteer does not know */
    if (add_unknown(sc, lo, p, e, suf, COURT_BASIC, suf->short_form ? LW_BASIC_SHORT : LW_BASIC))
        return;
    if (suf->short_form && levels_word(sc, lo, p) != p) {
        /* 乌海市两级法院: a city's courts together */
        size_t q = levels_word(sc, lo, p);

        if (place_before(sc, lo, q, LEVEL_BIT(GAZ_PROVINCE) | LEVEL_BIT(GAZ_PREFECTURE), &h)) {
            struct mention *m = new_mention(sc, MK_COLLECTIVE, COURT_COLLECTIVE, h.start, e);

            set_cands(m, &h);
            return;
        }
        p = q;
    }
    if (p >= lo + 2 * HAN && (!memcmp(sc->s + p - 2 * HAN, "全省", 2 * HAN) ||
                              !memcmp(sc->s + p - 2 * HAN, "全区", 2 * HAN))) {
        /* 全省法院: the courts of the province the report names, together */
        struct mention *m = new_mention(sc, MK_COLLECTIVE, COURT_COLLECTIVE, p - 2 * HAN, e);

        m->bare = sc->s[p - 1] == "省"[2] ? 0x7701 : 0x81EA; /* 省, 自(治区) */
        return;
    }
    bare = bare_word(sc, lo, p, "县区旗省自");
    if (bare) {
        bool high = bare == 0x7701 || bare == 0x81EA; /* 省法院, 自治区法院 */
        struct mention *m = new_mention(sc, MK_BARE, high ? COURT_HIGH : COURT_BASIC,
                                        p - (bare == 0x81EA ? 3 : 1) * HAN, e);

        m->bare = bare;
        return;
    }
    if (suf->short_form && p == e - suf->len)
        add_local(sc, lo, p, e, suf, COURT_BASIC);
}

/* 市一中院, 市第二中级人民法院, 省一中院: a numbered intermediate court of the
 * municipality (or of Hainan) the report names. */
static bool numbered_bare(struct scan *sc, size_t lo, size_t p, size_t e)
{
    static const char NUMERALS[] = "一二三四五";
    char buf[8];
    uint32_t c = char_before(sc->s, p), w;
    const char *at;
    size_t q = p - HAN;
    struct mention *m;

    if (p < lo + 2 * HAN)
        return false;
    buf[text_put(buf, c)] = '\0';
    if (!(at = strstr(NUMERALS, buf)))
        return false;
    if (q >= lo + 2 * HAN && char_before(sc->s, q) == 0x7B2C) /* 第 */
        q -= HAN;
    w = char_before(sc->s, q);
    if ((w != 0x5E02 && w != 0x7701) || q < lo + HAN || /* 市 省 */
        charset_has(&kb.before_collective, char_before(sc->s, q - HAN)))
        return false;
    m = new_mention(sc, MK_BARE, COURT_INTERMEDIATE, q - HAN, e);
    m->bare = w;
    m->number = (int)((at - NUMERALS) / HAN) + 1;
    return true;
}

static void court_inter(struct scan *sc, size_t lo, size_t p, size_t e, const struct suffix *suf)
{
    struct hit h;
    uint32_t bare;

    if (place_before(sc, lo, p, LEVEL_BIT(GAZ_PREFECTURE) | LEVEL_BIT(GAZ_PROVINCE), &h)) {
        struct mention *m;

        /* 北京市中级人民法院 is no court: the municipalities' are numbered */
        if (place(h.ids[0])->level == GAZ_PROVINCE)
            return;
        m = new_mention(sc, MK_COURT, COURT_INTERMEDIATE, h.start, e);
        set_cands(m, &h);
        m->suf = suf;
        m->pend = p;
        m->pos = chain_before(sc, lo, h.start, m->cands, &m->nc, &m->npos);
        return;
    }
    if (add_unknown(sc, lo, p, e, suf, COURT_INTERMEDIATE, LW_INTER))
        return;
    if (numbered_bare(sc, lo, p, e))
        return;
    bare = bare_word(sc, lo, p, "市州盟");
    if (bare)
        new_mention(sc, MK_BARE, COURT_INTERMEDIATE, p - HAN, e)->bare = bare;
    else if (suf->short_form)
        add_local(sc, lo, p, e, suf, COURT_INTERMEDIATE);
}

static void court_high(struct scan *sc, size_t lo, size_t p, size_t e, const struct suffix *suf)
{
    struct hit h;
    uint32_t bare;

    if (place_before(sc, lo, p, LEVEL_BIT(GAZ_PROVINCE), &h)) {
        struct mention *m = new_mention(sc, MK_COURT, COURT_HIGH, h.start, e);

        set_cands(m, &h);
        m->pend = p;
        return;
    }
    /* 霁南省高级人民法院: a province the list does not hold, named in full */
    if (add_unknown(sc, lo, p, e, suf, COURT_HIGH, LW_HIGH))
        return;
    bare = bare_word(sc, lo, p, "省市自");
    if (bare)
        new_mention(sc, MK_BARE, COURT_HIGH, p - (bare == 0x81EA ? 3 : 1) * HAN, e)->bare = bare;
}

static void court_special(struct scan *sc, size_t lo, size_t p, size_t e, const struct suffix *suf)
{
    struct hit h;

    if (place_before(sc, lo, p, ALL_UNITS, &h)) {
        struct mention *m = new_mention(sc, MK_COURT, COURT_SPECIAL, h.start, e);

        set_cands(m, &h);
        m->suf = suf;
        m->pend = p;
        m->unknown = true; /* named as written */
        return;
    }
    /* 澜屿铁路运输法院, 澜屿海事法院: a city the gazetteer does not know, by its
     * bare name, before a suffix in full (铁路法院 alone is a kind of court) */
    if (!suf->short_form && p >= lo + HAN && char_before(sc->s, p) != 0x5BB6 && /* 家 */
        char_before(sc->s, p) != 0x6240) /* 所: 三家海事法院, 这所互联网法院 count courts */
        add_unknown(sc, lo, p, e, suf, COURT_SPECIAL, LW_CITY);
}

/* 陕甘宁边区高等法院: a court of the histories, a known place or a complete
 * unknown one at a clear boundary before it, named as written, with no parent
 * (nothing places it in today's hierarchy). */
static void court_history(struct scan *sc, size_t lo, size_t p, size_t e, const struct suffix *suf)
{
    struct hit h;

    if (place_before(sc, lo, p, ALL_UNITS, &h)) {
        struct mention *m = new_mention(sc, MK_COURT, COURT_SPECIAL, h.start, e);

        m->suf = suf;
        m->pend = p;
        m->unknown = true;
        return;
    }
    if (add_unknown(sc, lo, p, e, suf, COURT_SPECIAL, LW_HISTORIC))
        return;
    /* 霁川铁路沿线专门法院: a known place that starts a stretch of name
     * characters (up to six) at a boundary, then what the court was for */
    size_t n, st = name_stretch(sc, lo, p, 6, &n);
    for (size_t end = p; end >= st + 2 * HAN; end -= HAN)
        if (place_before(sc, st, end, ALL_UNITS, &h) && h.start == st) {
            struct mention *m = new_mention(sc, MK_COURT, COURT_SPECIAL, st, e);

            m->suf = suf;
            m->pend = p;
            m->unknown = true;
            return;
        }
}

static bool is_not_tribunal(const char *s, size_t n)
{
    for (size_t i = 0; i < ARRAY_SIZE(not_tribunal); i++) {
        const char *w = not_tribunal[i];
        size_t l;

        /* the last byte first: it rules out nearly every word at once */
        if (!n || s[n - 1] != w[strlen(w) - 1])
            continue;
        l = strlen(w);
        if (n >= l && !memcmp(s + n - l, w, l))
            return true;
    }
    return false;
}

/* Whether s[a..b) is two to four Han characters that may name a tribunal
 * (ten for a known town's full name): any, when tied to its court; else not
 * ending like a verb (推动人民法庭), and an unknown one with no function word. */
static bool tribunal_name_ok(const struct scan *sc, size_t a, size_t b, bool tied, bool town)
{
    size_t chars = 0;

    for (size_t i = a; i < b;) {
        uint32_t c;

        i += text_next(sc->s + i, b - i, &c);
        if (!text_is_han(c) || (!tied && !town && charset_has(&kb.not_in_name, c)))
            return false;
        chars++;
    }
    if (!tied && charset_has(&kb.verb_ends, char_before(sc->s, b)))
        return false;
    return chars >= 2 && chars <= (town ? 10u : 4u) && !is_not_tribunal(sc->s + a, b - a);
}

static void tribunal(struct scan *sc, size_t lo, size_t p, size_t e, const struct suffix *suf)
{
    struct hit h;
    struct mention *prev = sc->nr ? &sc->v[sc->nr - 1] : NULL, *m;
    size_t a = prev ? prev->end : 0;

    /* X法院Y法庭, 该院Y法庭, 县法院Y法庭: the court just named holds it */
    if (prev && prev->kind != MK_COLLECTIVE && !prev->local && a <= p && p - a <= 10 * HAN) {
        bool town;

        if (p - a >= HAN && !memcmp(sc->s + a, "的", HAN))
            a += HAN;
        town = place_before(sc, a, p, LEVEL_BIT(GAZ_TOWN), &h) && h.start == a;
        /* three characters not led by a preposition (县法院在石门法庭), or a
         * town's name (达来诺日, 夏宜瑶族乡) */
        if (tribunal_name_ok(sc, a, p, true, town) &&
            (town ||
             (p - a <= 3 * HAN && !charset_has(&kb.prepositions, text_first(sc->s + a, p - a))))) {
            int under = (int)(prev - sc->v);
            bool named_with = prev->level == COURT_SPECIAL || !strcmp(suf->s, "巡回法庭");
            size_t prev_pos = prev->pos;

            m = new_mention(sc, MK_COURT, COURT_TRIBUNAL, a, e); /* prev moves */
            m->suf = suf;
            m->pend = p;
            m->under = under;
            if (town && !named_with) { /* a special court's is named for a city */
                set_cands(m, &h);
                m->town = true;
            }
            if (named_with)
                m->pos = prev_pos; /* 广州海事法院阳江巡回法庭 */
            return;
        }
    }
    if (!strcmp(suf->s, "巡回法庭"))
        return; /* a circuit tribunal only under its court */
    if (place_before(sc, lo, p, LEVEL_BIT(GAZ_TOWN), &h) &&
        tribunal_name_ok(sc, h.start, p, false, true)) {
        m = new_mention(sc, MK_COURT, COURT_TRIBUNAL, h.start, e);
        set_cands(m, &h);
        m->suf = suf;
        m->pend = p;
        m->town = true;
        return;
    }
    /* 海滨法庭 at the start of a sentence: a tribunal if the report is about its court */
    for (size_t n = 2; n <= 3; n++) {
        size_t b = p >= lo + n * HAN ? p - n * HAN : SIZE_MAX;

        if (b == SIZE_MAX || text_prev(sc->s, b + 1) != b || !boundary_at(sc, b) ||
            char_before(sc->s, b) == 0x201C /* “ : a brand (“海岛法庭”) */)
            continue;
        if (!tribunal_name_ok(sc, b, p, false, false))
            continue;
        m = new_mention(sc, MK_COURT, COURT_TRIBUNAL, b, e);
        m->suf = suf;
        m->pend = p;
        m->weak = true;
        return;
    }
}

/* What reads the name before each kind of suffix (enum want). */
static void (*const readers[])(struct scan *sc, size_t lo, size_t p, size_t e,
                               const struct suffix *suf) = {
    court_high, court_inter, court_basic, court_special, tribunal, court_history,
};

/* Look at the suffix ending at byte e; add what it names. */
static void at_anchor(struct scan *sc, size_t e, bool ting, uint32_t anchor)
{
    const struct anchor_suffixes *as = ting ? &kb.tribunal_anchor : NULL;
    size_t lo = sc->nr ? sc->v[sc->nr - 1].end : 0;
    const struct court_special *sp;
    size_t st;
    const struct suffix *suf = NULL;
    uint32_t before = e >= 2 * HAN ? char_before(sc->s, e - 2 * HAN) : 0;

    if (lo > e)
        lo = e;
    /* a special name may hold one found before it: 最高人民法院第一巡回法庭 */
    if ((sp = court_special_ending_at(sc->s, e, &st)) != NULL) {
        new_mention(sc, MK_COURT, sp->level, st, e)->sp = sp;
        return;
    }
    if (!ting && e >= 2 * HAN &&
        (!memcmp(sc->s + e - 2 * HAN, "该院", 2 * HAN) ||
         !memcmp(sc->s + e - 2 * HAN, "本院", 2 * HAN))) {
        new_mention(sc, MK_SELF, COURT_BASIC, e - 2 * HAN, e);
        return;
    }
    /* the anchor's own two characters match (scan_text() saw to its 院 or
     * 庭): of its suffixes, the character before the anchor (民 of 人民法院,
     * 级 of 中级法院) rules out nearly every one before any comparison */
    for (size_t a = 0; a < kb.nr_court_anchors && !ting; a++) /* 分院, 该院, 本院: none */
        if (kb.court_anchors[a].anchor == anchor)
            as = &kb.court_anchors[a];
    for (size_t k = 0; as && k < as->n && !suf; k++) {
        size_t l = as->suf[k]->len;

        if ((as->before[k] && as->before[k] != before) || e - lo < l ||
            memcmp(sc->s + e - l, as->suf[k]->s, l - 2 * HAN))
            continue;
        suf = as->suf[k];
    }
    if (!suf)
        return;
    readers[suf->want](sc, lo, e - suf->len, e, suf);
}

static inline bool han_is(const unsigned char *p, const char *w)
{
    return p[0] == (unsigned char)w[0] && p[1] == (unsigned char)w[1] &&
           p[2] == (unsigned char)w[2];
}

#ifdef __SSE2__
#include <emmintrin.h>

/* Of the sixteen places from p, a bit for each where byte x stands i bytes
 * on and byte y j bytes on. */
static inline unsigned bytes_at(const unsigned char *p, size_t i, __m128i x, size_t j, __m128i y)
{
    __m128i u = _mm_loadu_si128((const __m128i *)(p + i));
    __m128i v = _mm_loadu_si128((const __m128i *)(p + j));

    return (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(u, x), _mm_cmpeq_epi8(v, y)));
}

/* Of the sixteen places from p, a bit for each where the last two bytes of
 * a (a1, a2) or of b (b1, b2) stand at its second and third bytes. */
static inline unsigned tails_at(const unsigned char *p, __m128i a1, __m128i a2, __m128i b1,
                                __m128i b2)
{
    return bytes_at(p, 1, a1, 2, a2) | bytes_at(p, 1, b1, 2, b2);
}
#endif

/*
 * The first place at or after from where the three bytes of a or of b stand
 * (a character each; b may be a), or NULL. What the scans of a report look
 * for: 院 and 庭 end every court's name; a place the report names starts
 * with a pair of characters. memchr() on one of their bytes stops too often:
 * a byte after a character's first stands in one character of sixty in
 * Chinese text, where a whole character stands in one of hundreds or
 * thousands. With SSE2, which every x86-64 has: thirty-two places at a time,
 * a place kept when its second and third bytes are a's or b's (compared at
 * offsets 1 and 2 and the answers put together, as in Muła's substring
 * search), its first byte then compared alone. It finds what a byte-wise
 * search finds, in the same order.
 */
static const char *find_han(const char *from, const char *end, const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)from, *e = (const unsigned char *)end;

#ifdef __SSE2__
    const __m128i a1 = _mm_set1_epi8(a[1]), a2 = _mm_set1_epi8(a[2]);
    const __m128i b1 = _mm_set1_epi8(b[1]), b2 = _mm_set1_epi8(b[2]);

    while (e - p >= 32 + 2) { /* the last load reads p[18..34) */
        unsigned m = tails_at(p, a1, a2, b1, b2) | tails_at(p + 16, a1, a2, b1, b2) << 16;

        for (; m; m &= m - 1) {
            const unsigned char *q = p + __builtin_ctz(m);

            if (han_is(q, a) || han_is(q, b))
                return (const char *)q;
        }
        p += 32;
    }
#endif
    for (; e - p >= 3; p++)
        if (han_is(p, a) || han_is(p, b))
            return (const char *)p;
    return NULL;
}

/* The next 最高法 at or after from, or NULL: memchr on the middle byte of 高
 * (0xAB, rare in Chinese text: one byte in several hundred), where glibc's
 * memmem reads every byte. */
static const char *find_supreme(const char *from, const char *end)
{
    static const char needle[] = "最高法";
    const char *p = from + HAN + 1;

    while (p < end && (p = memchr(p, needle[HAN + 1], (size_t)(end - p))) != NULL) {
        const char *at = p - HAN - 1;

        if (at + 3 * HAN <= end && !memcmp(at, needle, 3 * HAN))
            return at;
        p++;
    }
    return NULL;
}

/* 最高法 on its own (最高法发布): the Supreme People's Court. */
static void supreme_short(struct scan *sc)
{
    const char *p = sc->s, *end = sc->s + sc->len;
    const struct court_special *sp = NULL;
    size_t first = sc->nr;

    while ((p = find_supreme(p, end)) != NULL) {
        size_t at = (size_t)(p - sc->s);

        if (!sp)
            sp = court_special_lookup("最高人民法院", strlen("最高人民法院"));
        p += 3 * HAN;
        if (p + HAN <= end && (!memcmp(p, "院", HAN) || !memcmp(p, "官", HAN)))
            continue; /* 最高法院 is found from its 院; 最高法官 is a judge */
        for (size_t i = first; i-- > 0 && at != SIZE_MAX;)
            if (sc->v[i].pos <= at && at < sc->v[i].end)
                at = SIZE_MAX; /* part of a name found: 最高法第一巡回法庭 */
        if (at == SIZE_MAX)
            continue;
        new_mention(sc, MK_COURT, COURT_SUPREME, at, at + 3 * HAN)->sp = sp;
    }
}

/* Whether a count of items follows at (8项, 20条): the court's document is meant. */
static bool items_after(const struct scan *sc, size_t at)
{
    size_t i = at;

    while (i < sc->len && sc->s[i] >= '0' && sc->s[i] <= '9')
        i++;
    return i > at && i + HAN <= sc->len &&
           (!memcmp(sc->s + i, "项", HAN) || !memcmp(sc->s + i, "条", HAN));
}

/* Merge the mentions from before on (found by another pass) into the ones
 * before them, in order of position, keeping the ties (indexes) right. */
static void merge_by_pos(struct scan *sc, size_t before)
{
    struct mention *v = xmalloc(sc->nr * sizeof(*v));
    int *map = xmalloc(sc->nr * sizeof(*map));
    size_t a = 0, b = before, k = 0;

    while (a < before || b < sc->nr) {
        bool take_a = b == sc->nr || (a < before && sc->v[a].pos <= sc->v[b].pos);
        size_t from = take_a ? a++ : b++;

        map[from] = (int)k;
        v[k++] = sc->v[from];
    }
    for (size_t i = 0; i < k; i++)
        if (v[i].under >= 0)
            v[i].under = map[v[i].under];
    free(sc->v);
    free(map);
    sc->v = v;
    sc->alloc = sc->nr;
}

void court_prepare(void)
{
    call_once(&kb_once, build_kb);
    court_special_lookup("", 0); /* builds the special courts' table */
}

/* Find every mention in sc's text, in order of where each ends. */
static void scan_text(struct scan *sc)
{
    static const char YUAN[] = "院", TING[] = "庭";
    const char *s = sc->s, *end = s + sc->len;
    size_t before;

    call_once(&kb_once, build_kb);
    for (const char *p = s; (p = find_han(p, end, YUAN, TING)) != NULL; p += HAN) {
        bool ting = p[0] == TING[0];
        size_t e = (size_t)(p - s) + HAN;

        if (e >= 2 * HAN) {
            uint32_t c = char_before(s, e - HAN);

            if (ting ? c == 0x6CD5 /* 法 */
                     : (c == 0x6CD5 || c == 0x4E2D || c == 0x9AD8 || c == 0x5206 || c == 0x8BE5 ||
                        c == 0x672C)) /* 法 中 高 分 该 本 */
                at_anchor(sc, e, ting, c);
        }
    }
    before = sc->nr;
    supreme_short(sc);
    for (size_t i = 0; i < sc->nr; i++)
        sc->v[i].cited = items_after(sc, sc->v[i].end);
    if (sc->nr != before)
        merge_by_pos(sc, before);
}

/* ---------------------------------------------------------------- names */

/* An official (simplified) name, in the report's script. */
static void put_official(const struct scan *sc, struct sbuf *sb, const char *s)
{
    size_t n = strlen(s);

    if (!sc->trad) {
        sbuf_addstr(sb, s);
        return;
    }
    for (size_t i = 0; i < n;) {
        uint32_t c;
        char buf[8];

        i += text_next(s + i, n - i, &c);
        sbuf_add(sb, buf, text_put(buf, hanzi_traditional(c)));
    }
}

/* The court of a known unit: 武汉市江汉区人民法院, 罗源县人民法院, 喀什地区中级人民法院. */
static void put_unit_court(const struct scan *sc, struct sbuf *sb, int id, enum court_level level)
{
    const struct gaz_place *p = place(id);

    if (level == COURT_BASIC && is_district(id))
        put_official(sc, sb, place(p->parent)->name);
    put_official(sc, sb, p->name);
    put_official(sc, sb,
                 level == COURT_HIGH           ? "高级人民法院"
                 : level == COURT_INTERMEDIATE ? "中级人民法院"
                                               : "人民法院");
}

/* The name of a mention whose own unit is id (or -1: as written). */
static char *mention_name(const struct scan *sc, const struct mention *m, int id)
{
    struct sbuf sb = SBUF_INIT;

    if (m->sp) {
        put_official(sc, &sb, m->sp->name);
    } else if (m->level == COURT_TRIBUNAL) {
        if (m->pos < m->npos) /* under a special court: its name first */
            sbuf_add(&sb, sc->o + m->pos, m->npos - m->pos);
        sbuf_add(&sb, sc->o + m->npos, m->pend - m->npos);
        if (m->pos < m->npos)
            sbuf_add(&sb, sc->o + m->pend, m->end - m->pend);
        else
            put_official(sc, &sb, m->suf->full);
    } else if (m->level == COURT_SPECIAL) {
        /* the place as written, the suffix in full: 兰州铁路法院 → 兰州铁路运输法院 */
        sbuf_add(&sb, sc->o + m->npos, m->pend - m->npos);
        put_official(sc, &sb, m->suf->full);
    } else if (id >= 0) {
        put_unit_court(sc, &sb, id, m->level);
    } else if (m->unknown && m->full) {
        sbuf_addstr(&sb, m->full);
        put_official(sc, &sb, m->suf->full);
    } else if (m->unknown && !m->local) {
        sbuf_add(&sb, sc->o + m->npos, m->pend - m->npos);
        put_official(sc, &sb, m->suf->full);
    } else if (m->nc) {
        /* a name several places share (鼓楼区): as the gazetteer writes it,
         * when all the candidates of that level do */
        const char *n0 = place(m->cands[0])->name;

        for (int i = 1; i < m->nc; i++)
            if (strcmp(place(m->cands[i])->name, n0) != 0 ||
                place(m->cands[i])->level != place(m->cands[0])->level)
                return NULL; /* 朝阳法院: 朝阳区 or 朝阳县, nothing says */
        put_official(sc, &sb, n0);
        put_official(sc, &sb,
                     m->level == COURT_HIGH           ? "高级人民法院"
                     : m->level == COURT_INTERMEDIATE ? "中级人民法院"
                                                      : "人民法院");
    } else {
        return NULL;
    }
    return sbuf_detach(&sb, NULL);
}

/* ---------------------------------------------------------------- scans */

/* The simplified form of c in a character of the same length, or c. */
static uint32_t simplify_char(uint32_t c, size_t len)
{
    uint32_t d = hanzi_simplify(c);
    char buf[8];

    return d != c && text_put(buf, d) == len ? d : c;
}

/* A simplified copy of a text in traditional characters, with the same byte
 * offsets (a character whose simplified form is longer stays as it is). */
static char *simplified_copy(const char *t, size_t len)
{
    char *s = xmalloc(len + 1);

    memcpy(s, t, len);
    s[len] = '\0';
    for (size_t i = 0; i < len;) {
        uint32_t c, d;
        size_t l = text_next(t + i, len - i, &c);

        if (c >= 0x3400 && (d = simplify_char(c, l)) != c)
            text_put(s + i, d);
        i += l;
    }
    return s;
}

static void scan_init(struct scan *sc, const char *t, size_t len, bool trad)
{
    memset(sc, 0, sizeof(*sc));
    sc->o = t;
    sc->len = len;
    sc->trad = trad;
    sc->s = trad ? simplified_copy(t, len) : t;
}

static void scan_release(struct scan *sc)
{
    for (size_t i = 0; i < sc->nr; i++)
        if (!sc->v[i].shared_name)
            free(sc->v[i].name);
    free(sc->v);
    if (sc->s != sc->o)
        free((char *)sc->s);
}

static bool looks_traditional(const char *t, size_t len)
{
    return hanzi_is_traditional(t, len < 2048 ? len : 2048); /* the head tells */
}

/* The mentions of a name on its own, or of text with no report around it. */
static void scan_plain(struct scan *sc, const char *t, size_t len)
{
    scan_init(sc, t, len, looks_traditional(t, len));
    scan_text(sc);
}

/* The one place a mention names without context, or -1. */
static int own_place(const struct mention *m)
{
    if (m->nc == 1)
        return m->cands[0];
    if (m->nc > 1 && m->kind == MK_COURT) {
        /* 朝阳法院: only the county-level candidates name a court */
        int c = -1, n = 0;

        for (int i = 0; i < m->nc; i++)
            if (place(m->cands[i])->level == GAZ_COUNTY)
                c = m->cands[i], n++;
        if (n == 1 && m->level == COURT_BASIC)
            return c;
    }
    return -1;
}

void court_scan(const char *text, size_t len, struct court_mentions *out)
{
    struct scan sc;
    size_t first = out->nr;
    int *at;

    scan_plain(&sc, text, len);
    at = xmalloc((sc.nr ? sc.nr : 1) * sizeof(*at)); /* each mention's place in out, or -1 */
    for (size_t i = 0; i < sc.nr; i++) {
        struct mention *m = &sc.v[i];
        struct court_mention *c;
        char *name = NULL;

        if (m->kind == MK_COLLECTIVE) {
            struct sbuf sb = SBUF_INIT;

            if (m->nc != 1)
                continue;
            put_official(&sc, &sb, place(m->cands[0])->name);
            name = sbuf_detach(&sb, NULL);
        } else if (m->kind == MK_COURT && !m->weak && !m->cited) {
            name = mention_name(&sc, m, own_place(m));
        }
        at[i] = -1;
        if (!name)
            continue;
        at[i] = (int)(out->nr - first);
        ALLOC_GROW(out->v, out->nr + 1, out->alloc);
        c = &out->v[out->nr++];
        c->level = m->kind == MK_COLLECTIVE ? COURT_COLLECTIVE : m->level;
        c->pos = m->pos;
        c->end = m->end;
        c->name = name;
        c->under = m->under >= 0 ? at[m->under] : -1; /* mentions come after what holds them */
    }
    free(at);
    scan_release(&sc);
}

void court_mentions_release(struct court_mentions *m)
{
    for (size_t i = 0; i < m->nr; i++)
        free(m->v[i].name);
    free(m->v);
    m->v = NULL;
    m->nr = m->alloc = 0;
}

/* ---------------------------------------------------- names on their own */

/* The single mention that a whole name is, or NULL. */
static const struct mention *whole(const struct scan *sc)
{
    for (size_t i = sc->nr; i-- > 0;)
        if (sc->v[i].end == sc->len && sc->v[i].kind == MK_COURT && sc->v[i].pos == 0)
            return &sc->v[i];
    for (size_t i = sc->nr; i-- > 0;) /* 鄂托克旗人民法院棋盘井人民法庭: the last */
        if (sc->v[i].end == sc->len && sc->v[i].kind == MK_COURT &&
            sc->v[i].level == COURT_TRIBUNAL)
            return &sc->v[i];
    return NULL;
}

/* Byte length of the place part of a full name (name minus its court suffix). */
static size_t place_len(const char *name, size_t n)
{
    static const struct {
        const char *s;
        size_t len;
    } sufs[] = {
        {S("铁路运输中级法院")}, {S("高级人民法院")}, {S("中级人民法院")}, {S("铁路运输法院")},
        {S("知识产权法院")},     {S("互联网法院")},   {S("海事法院")},     {S("金融法院")},
        {S("人民法院")},         {S("人民法庭")},     {S("高等法院")},     {S("专门法院")},
    };
    for (size_t i = 0; i < ARRAY_SIZE(sufs); i++)
        if (n >= sufs[i].len && !memcmp(name + n - sufs[i].len, sufs[i].s, sufs[i].len))
            return n - sufs[i].len;
    return n;
}

static bool is_prefecture_place(const char *s, size_t n)
{
    return text_ends(s, n, "市") || text_ends(s, n, "盟") || text_ends(s, n, "州") ||
           text_ends(s, n, "地区");
}

static bool is_province_place(const char *s, size_t n)
{
    return text_ends(s, n, "省") || text_ends(s, n, "自治区");
}

/*
 * Where the last place component of a place name the gazetteer does not know
 * starts: 霁川市苍砚旗 → 苍砚旗. Splits after a province or prefecture suffix,
 * keeping at least two characters in the component.
 */
static size_t last_component(const char *s, size_t n)
{
    size_t best = 0, total = text_count(s, n), before = 0; /* characters in s[0..after) */

    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t l = text_next(s + i, n - i, &c), after = i + l;

        for (size_t k = i; k < after; k++) /* as text_count() counts */
            before += ((unsigned char)s[k] & 0xC0) != 0x80;
        /* 市 盟 州 区 省: the last characters of those level words */
        if (after < n &&
            (c == 0x5E02 || c == 0x76DF || c == 0x5DDE || c == 0x533A || c == 0x7701) &&
            (is_prefecture_place(s, after) || is_province_place(s, after)) && total - before >= 2 &&
            before >= 2)
            best = after;
        i = after;
    }
    return best;
}

/* A name in simplified characters (court names compare in one script): a
 * copy in *copy (caller frees) when it is written in traditional ones, else
 * the name itself. */
static const char *simplify(const char *name, char **copy)
{
    size_t n = strlen(name);

    *copy = hanzi_is_traditional(name, n) ? simplified_copy(name, n) : NULL;
    return *copy ? *copy : name;
}

/* The level a name (simplified) says by the special table or its suffix. */
static enum court_level level_of(const char *s)
{
    size_t n = strlen(s);
    const struct court_special *sp = court_special_lookup(s, n);

    if (sp)
        return sp->level;
    if (text_ends(s, n, "高级人民法院"))
        return COURT_HIGH;
    if (text_ends(s, n, "铁路运输中级法院"))
        return COURT_SPECIAL;
    if (text_ends(s, n, "中级人民法院"))
        return COURT_INTERMEDIATE;
    if (text_ends(s, n, "法庭"))
        return COURT_TRIBUNAL;
    if (text_ends(s, n, "人民法院"))
        return COURT_BASIC;
    if (text_ends(s, n, "法院"))
        return COURT_SPECIAL;
    return COURT_COLLECTIVE;
}

enum court_level court_level_of(const char *name)
{
    char *copy;
    enum court_level level = level_of(name);

    /* 陽江市中級人民法院 is an intermediate court too */
    if (level == COURT_SPECIAL || level == COURT_COLLECTIVE || level == COURT_BASIC) {
        const char *s = simplify(name, &copy);

        if (copy) /* (a name in simplified characters says what it said) */
            level = level_of(s);
        free(copy);
    }
    return level;
}

/* Every key starts with the court's level, a digit, and a colon. */
static void key_level(enum court_level level, struct sbuf *out)
{
    sbuf_addch(out, (char)('0' + (int)level));
    sbuf_addch(out, ':');
}

/*
 * The identity of a court the gazetteer does not place, from its name (s,
 * simplified): its level and own last component, with no trailing 市
 * (霁川中级人民法院 = 霁川市中级人民法院).
 */
static void key_written(const char *s, enum court_level level, struct sbuf *out)
{
    size_t n = strlen(s), pl = place_len(s, n), lc = last_component(s, pl), k = pl - lc;

    key_level(level, out);
    if (level == COURT_INTERMEDIATE || level == COURT_HIGH) {
        static const char *const trail[] = {"维吾尔自治区", "壮族自治区", "回族自治区", "自治区",
                                            "省",           "市",         "盟",         "地区"};
        for (size_t i = 0; i < ARRAY_SIZE(trail); i++)
            if (k > strlen(trail[i]) && text_ends(s + lc, k, trail[i])) {
                k -= strlen(trail[i]);
                break;
            }
    }
    sbuf_add(out, s + lc, k);
    if (level == COURT_SPECIAL || level == COURT_TRIBUNAL)
        sbuf_addstr(out, s + pl);
}

/* The identity of a court a known place names: its level and the place's code. */
static void key_place(enum court_level level, int id, struct sbuf *out)
{
    char key[16];
    size_t n = sizeof(key);

    /* by hand, from the end, not sbuf_addf(): its formatting cost more than
     * the rest of a report's keys together */
    for (uint32_t code = place(id)->code; n == sizeof(key) || code; code /= 10)
        key[--n] = (char)('0' + code % 10);
    key[--n] = '#';
    key[--n] = ':';
    key[--n] = (char)('0' + (int)level);
    sbuf_add(out, key + n, sizeof(key) - n);
}

/* The identity of a special court: its level and official name. */
static void key_special(enum court_level level, const struct court_special *sp, struct sbuf *out)
{
    key_level(level, out);
    sbuf_addstr(out, sp->name);
}

/* The identity of a court by its name: equal keys are the same court. */
static void key_into(const char *name, struct sbuf *out)
{
    char *copy;
    const char *s = simplify(name, &copy);
    enum court_level level = court_level_of(s);
    struct scan sc;
    const struct mention *m;
    int id;

    scan_init(&sc, s, strlen(s), false);
    scan_text(&sc);
    m = whole(&sc);
    if (m && m->sp) {
        key_special(level, m->sp, out);
    } else if (m && m->level != COURT_TRIBUNAL && m->level != COURT_SPECIAL &&
               (id = own_place(m)) >= 0) {
        key_place(level, id, out);
    } else {
        key_written(s, level, out);
    }
    scan_release(&sc);
    free(copy);
}

bool court_same(const char *a, const char *b)
{
    struct sbuf ka = SBUF_INIT, kb2 = SBUF_INIT;
    bool same;

    if (!strcmp(a, b))
        return true;
    key_into(a, &ka);
    key_into(b, &kb2);
    same = !strcmp(ka.buf, kb2.buf);
    sbuf_release(&ka);
    sbuf_release(&kb2);
    return same;
}

char *court_key(const char *name)
{
    struct sbuf sb = SBUF_INIT;

    key_into(name, &sb);
    return sbuf_detach(&sb, NULL);
}

/* The high court of the province that holds id. */
static void put_high(const struct scan *sc, struct sbuf *sb, int id)
{
    put_unit_court(sc, sb, gazetteer_ancestor(id, GAZ_PROVINCE), COURT_HIGH);
}

/* The intermediate court of a city directly under its province, where one is
 * certain (汉江 for Hubei's 仙桃, 潜江, 天门; 济源's own), or NULL. */
static const char *direct_city_court(int id)
{
    static const struct {
        const char *province, *city, *court;
    } courts[] = {
        {"湖北省", "仙桃市", "汉江中级人民法院"},
        {"湖北省", "潜江市", "汉江中级人民法院"},
        {"湖北省", "天门市", "汉江中级人民法院"},
        {"河南省", "济源市", "济源中级人民法院"},
    };
    int prov = gazetteer_ancestor(id, GAZ_PROVINCE);

    for (size_t i = 0; i < ARRAY_SIZE(courts) && prov >= 0 && place(id)->parent == prov; i++)
        if (!strcmp(place(prov)->name, courts[i].province) &&
            !strcmp(place(id)->name, courts[i].city))
            return courts[i].court;
    return NULL;
}

/* The parent of a court the gazetteer places; false when it cannot say. */
static bool parent_known(const struct scan *sc, const struct mention *m, struct sbuf *sb)
{
    int id = own_place(m), pref;

    if (m->sp) {
        if (!m->sp->parent)
            return false;
        put_official(sc, sb, m->sp->parent);
        return true;
    }
    if (m->level == COURT_TRIBUNAL) {
        int county;

        if (m->pos < m->npos) { /* 广州海事法院湛江巡回法庭: the court its name holds */
            sbuf_add(sb, sc->o + m->pos, m->npos - m->pos);
            return true;
        }
        if (!m->town || m->nc != 1 || (county = gazetteer_ancestor(m->cands[0], GAZ_COUNTY)) < 0)
            return false;
        put_unit_court(sc, sb, county, COURT_BASIC);
        return true;
    }
    if (m->level == COURT_SPECIAL) {
        /* X海事法院, X知识产权法院, X金融法院, X铁路运输中级法院: the high court of X's
         * province; X互联网法院: X's intermediate court */
        const char *suf = m->suf ? m->suf->full : "";

        if (m->nc < 1)
            return false;
        if (!strcmp(suf, "互联网法院")) {
            if ((pref = gazetteer_ancestor(m->cands[0], GAZ_PREFECTURE)) < 0)
                return false;
            put_unit_court(sc, sb, pref, COURT_INTERMEDIATE);
            return true;
        }
        if (!strcmp(suf, "铁路运输法院")) {
            struct sbuf n = SBUF_INIT;
            const struct court_special *sp;

            sbuf_add(&n, sc->s + m->npos, m->pend - m->npos);
            sbuf_addstr(&n, "铁路运输中级法院");
            sp = court_special_lookup(n.buf, n.len);
            sbuf_release(&n);
            if (!sp)
                return false;
            put_official(sc, sb, sp->name);
            return true;
        }
        put_high(sc, sb, m->cands[0]);
        return true;
    }
    if (id < 0)
        return false;
    switch (m->level) {
    case COURT_HIGH:
        put_official(sc, sb, "最高人民法院");
        return true;
    case COURT_INTERMEDIATE:
        put_high(sc, sb, id);
        return true;
    case COURT_BASIC:
        if (direct_city_court(id)) {
            put_official(sc, sb, direct_city_court(id));
            return true;
        }
        pref = place(id)->level == GAZ_COUNTY ? gazetteer_ancestor(id, GAZ_PREFECTURE) : -1;
        if (pref >= 0 && pref != id)
            put_unit_court(sc, sb, pref, COURT_INTERMEDIATE);
        else
            put_high(sc, sb, id); /* a municipality's district, a directly administered county */
        return true;
    default:
        return false;
    }
}

char *court_parent_name(const char *name)
{
    size_t n = strlen(name), pl, lc;
    enum court_level level;
    struct sbuf sb = SBUF_INIT;
    struct scan sc;
    const struct mention *m;

    scan_plain(&sc, name, n);
    m = whole(&sc);
    /* an ancestor from the gazetteer is no name the report wrote: in the
     * official (simplified) characters; what the name itself holds
     * (廣州海事法院 of its 湛江巡回法庭) stays as written */
    sc.trad = false;
    if (m && parent_known(&sc, m, &sb)) {
        scan_release(&sc);
        return sbuf_detach(&sb, NULL);
    }
    scan_release(&sc);
    /* a place the gazetteer does not know: what its name says (霁川市苍砚旗 → 霁川市) */
    level = court_level_of(name);
    pl = place_len(name, n);
    lc = last_component(name, pl);
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

/* ------------------------------------------------------ a report's courts */

/* Where a place the report names stands, best first. */
enum ctx_rank { R_TITLE, R_SUBTITLE, R_BYLINE, R_SOURCE, R_CHROME, R_LEAD, R_COURTS, R_BODY };

struct ctx_place {
    int id;
    bool multi; /* from a name several places share: weaker evidence */
};

struct ctx {
    struct ctx_place *v;
    size_t nr, alloc;
    /* (id, multi) pairs already in v, open-addressed: entry + 1, 0 when free.
     * The searches below take the first entry that decides, so a place named
     * again adds nothing, and a report naming 鼓楼区 ten thousand times keeps
     * one entry for each of its places instead of forty thousand. */
    uint32_t *seen;
    size_t nr_slots; /* a power of two, at least twice nr */
};

static size_t ctx_slot(const struct ctx *cx, uint32_t key)
{
    size_t mask = cx->nr_slots - 1, h = (key * 2654435761u) & mask;

    while (cx->seen[h] && cx->seen[h] != key + 1)
        h = (h + 1) & mask;
    return h;
}

static void ctx_add(struct ctx *cx, int id, bool multi)
{
    uint32_t key = (uint32_t)id * 2 + multi;
    size_t h;

    if (2 * (cx->nr + 1) > cx->nr_slots) {
        uint32_t *old = cx->seen;
        size_t nold = cx->nr_slots;

        cx->nr_slots = nold ? 2 * nold : 64;
        cx->seen = xcalloc(cx->nr_slots, sizeof(*cx->seen));
        for (size_t i = 0; i < nold; i++)
            if (old[i])
                cx->seen[ctx_slot(cx, old[i] - 1)] = old[i];
        free(old);
    }
    h = ctx_slot(cx, key);
    if (cx->seen[h])
        return;
    cx->seen[h] = key + 1;
    ALLOC_GROW(cx->v, cx->nr + 1, cx->alloc);
    cx->v[cx->nr].id = id;
    cx->v[cx->nr++].multi = multi;
}

/*
 * Where from i on in s[0..n) a name of the levels of mask may start: a
 * character of kb.firsts[mask] (before a character of three bytes: whose
 * pair with it pair_starts() knows), one that is neither ASCII nor of three
 * bytes, or the last two bytes or fewer (the caller reads those as it
 * always did). Most characters of a report start no name, and this
 * loop is where a report's places are read, so it reads two characters
 * with one test where it can: every name has two characters at least, and a
 * character that is neither the first nor the second of any (kb.name_chars)
 * rules out a name starting at it and one starting right before it.
 */
static size_t skip_to_first(unsigned mask, const char *s, size_t i, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    const uint64_t *firsts = kb.firsts[mask].bits, *chars = kb.name_chars[mask].bits;

    while (i + 3 <= n) {
        uint32_t c;

        /* the common case, kept tight: two Han characters, the second in no name */
        while (i + 6 <= n && is_lead3(u[i]) && is_lead3(u[i + 3])) {
            c = han_at(u + i + 3);
            if ((chars[c >> 6] >> (c & 63)) & 1)
                break;
            i += 6;
        }
        if (i + 3 > n)
            break;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        if (!is_lead3(u[i]))
            return i;
        c = han_at(u + i);
        /* a first character, and with the next a pair some name starts with
         * (the caller tests it too: this spares it the trip) */
        if (((firsts[c >> 6] >> (c & 63)) & 1) &&
            !(i + 6 <= n && is_lead3(u[i + 3]) && !pair_starts(mask, c, han_at(u + i + 3))))
            return i;
        i += 3;
    }
    return i;
}

/*
 * Every place of a level in mask that s[0..n) names (simplified), longest
 * first at each place.
 */
static void ctx_scan(struct ctx *cx, unsigned mask, const char *s, size_t n)
{
    const struct charset *firsts = &kb.firsts[mask];
    size_t max = 8 * HAN;

    for (size_t i = 0; i < n;) {
        uint32_t c, d;
        size_t l, ends[8], ne = 0, j;
        bool found = false;
        unsigned lens;

        i = skip_to_first(mask, s, i, n);
        if (i >= n)
            break;
        j = i;
        l = text_next(s + i, n - i, &c);
        if (!charset_has(firsts, c) || i + l >= n) {
            i += l;
            continue;
        }
        text_next(s + i + l, n - i - l, &d);
        if (!text_is_han(d) || !pair_starts(mask, c, d)) {
            i += l;
            continue;
        }
        lens = pair_lens(kb.start_lens, mask, c, d);
        while (j < n && j - i < max && ne < ARRAY_SIZE(ends)) {
            uint32_t e;
            size_t k = text_next(s + j, n - j, &e);

            if (!text_is_han(e))
                break;
            j += k;
            ends[ne++] = j;
        }
        while (ne > 1 && !found) {
            struct gaz_hit g[16];
            size_t e = ends[--ne], nh, kept = 0;

            if (!(lens & len_bit(ne + 1))) /* no name of ne + 1 characters starts so */
                continue;
            nh = gazetteer_lookup(s + i, e - i, g, ARRAY_SIZE(g));

            for (size_t k = 0; k < nh && k < ARRAY_SIZE(g); k++)
                kept += (mask & LEVEL_BIT(place(g[k].id)->level)) != 0;
            for (size_t k = 0; k < nh && k < ARRAY_SIZE(g); k++)
                if (mask & LEVEL_BIT(place(g[k].id)->level))
                    ctx_add(cx, g[k].id, kept > 1);
            if (kept) {
                found = true;
                i = e;
            }
        }
        if (!found)
            i += l;
    }
}

/* Of the candidates, the one the report's places point to, or -1. */
/* The report's places looked at for a shared name: the first of them (the
 * title's, the lead's) are its evidence; a gazetteer of a report, naming
 * every town of a province, would make each shared name cost them all. */
#define CTX_EVIDENCE 1024

static int ctx_choose(const struct ctx *cx, const int *cands, int nc)
{
    size_t nr = cx->nr < CTX_EVIDENCE ? cx->nr : CTX_EVIDENCE;

    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < nr; i++) {
            int pick = -1, n = 0, e = cx->v[i].id;

            if (cx->v[i].multi != (pass == 1))
                continue;
            for (int k = 0; k < nc; k++) /* a candidate is no evidence of itself */
                if (cands[k] != e &&
                    (gazetteer_within(cands[k], e) || gazetteer_within(e, cands[k])))
                    pick = cands[k], n++;
            if (n == 1)
                return pick;
        }
    return -1;
}

/* The first place of the report at level whose name ends with word (县, 旗, 省 …). */
static int ctx_first(const struct ctx *cx, enum gaz_level level, const char *word, bool direct)
{
    /* a name several places share (市中 for four 市中区) says none of them */
    for (size_t i = 0; i < cx->nr; i++) {
        int id = cx->v[i].id;

        if (cx->v[i].multi)
            continue;
        if (!direct && place(id)->level > level)
            id = gazetteer_ancestor(id, level);
        if (id >= 0 && place(id)->level == level && (!word || name_ends(place(id)->name, word)))
            return id;
    }
    return -1;
}

/* A place the report names in full that the gazetteer does not know
 * (苍砚哈萨克自治县, 澜屿地区): its own short name (苍砚) in simplified
 * characters, its full name as written, and its level word. */
struct local_place {
    char *short_name, *full;
    const char *lw;
};

struct finder {
    struct report *r;
    struct local_place *locals;
    size_t nr_locals, alloc_locals;
    /* per word of LW_AUTONOMOUS, whether the text says 自治县 … (-1: not
     * looked): only then may 苍砚县 be 苍砚哈萨克自治县 */
    signed char autonomous[3];
    struct scan sc;
    struct ctx cx;
    int *place_of;                           /* per mention: its unit, once resolved */
    size_t body_to[LEVEL_BIT(GAZ_TOWN + 1)]; /* how far the text was read for each set of levels */
    unsigned built; /* the levels the title, lead … were read for (see ctx_build()) */
    const char *chrome;
    size_t chrome_len;
    /* the names of the courts of known units, by level and unit, open-addressed
     * (see unit_court_name()): a report names its court twenty times */
    struct unit_name {
        uint32_t key; /* level << 24 | unit, + 1; 0 when free */
        char *name;
    } * unit_names;
    size_t nr_unit_names, unit_slots; /* unit_slots: a power of two, at least twice nr */
};

static void scan_string(struct finder *f, unsigned mask, const char *s, size_t n)
{
    if (f->sc.trad) {
        char *t = simplified_copy(s, n);

        ctx_scan(&f->cx, mask, t, n);
        free(t);
    } else {
        ctx_scan(&f->cx, mask, s, n);
    }
}

/* The places a block names outside the courts' names: those say their own
 * places (see ctx_build()), and words in them are no places (霁川市中级人民法院
 * holds 市中, short for 市中区; a tribunal's town may be a county's name too). */
static void block_places(struct finder *f, unsigned mask, const struct block *b)
{
    size_t from = b->off, to = b->off + b->len;

    for (size_t i = 0; i < f->sc.nr && from < to; i++) {
        const struct mention *m = &f->sc.v[i];

        if (m->end <= from || m->pos >= to)
            continue;
        if (m->pos > from)
            ctx_scan(&f->cx, mask, f->sc.s + from, m->pos - from);
        from = m->end;
    }
    if (from < to)
        ctx_scan(&f->cx, mask, f->sc.s + from, to - from);
}

/*
 * The places of the levels in mask that the report's title, subtitle,
 * byline, source, page furniture and lead name, then those of the courts it
 * names; the body only when these do not do. Each level is read once.
 */
static void ctx_build(struct finder *f, unsigned mask)
{
    static const enum block_kind kinds[] = {BLOCK_TITLE, BLOCK_SUBTITLE, BLOCK_BYLINE};
    struct report *r = f->r;

    mask &= ~f->built;
    if (!mask)
        return;
    for (size_t k = 0; k < ARRAY_SIZE(kinds); k++)
        for (size_t b = 0; b < r->nr_blocks; b++)
            if (r->blocks[b].kind == kinds[k])
                block_places(f, mask, &r->blocks[b]);
    if (r->source)
        scan_string(f, mask, r->source, strlen(r->source));
    scan_string(f, mask, f->chrome, f->chrome_len);
    for (size_t b = 0; b < r->nr_blocks; b++)
        if (r->blocks[b].kind == BLOCK_PARA) {
            block_places(f, mask, &r->blocks[b]);
            break;
        }
    /* the courts' own places; a tribunal's town tells its county (捷胜 → 汕尾's 城区) */
    if (!f->built)
        for (size_t i = 0; i < f->sc.nr; i++) {
            const struct mention *m = &f->sc.v[i];

            if ((m->kind == MK_COURT || m->kind == MK_COLLECTIVE) && (m->nc == 1 || m->town))
                for (int k = 0; k < m->nc; k++)
                    ctx_add(&f->cx, m->cands[k], m->nc > 1);
        }
    /* a special court's tribunal is named for where it sits (广州海事法院阳江巡回法庭) */
    for (size_t i = 0; i < f->sc.nr; i++) {
        const struct mention *m = &f->sc.v[i];

        if (m->level == COURT_TRIBUNAL && m->pos < m->npos)
            ctx_scan(&f->cx, mask, f->sc.s + m->npos, m->pend - m->npos);
    }
    f->built |= mask;
}

/* The levels of place a mention's resolution asks about. */
static unsigned levels_asked(const struct mention *m)
{
    if (m->level == COURT_HIGH || m->kind == MK_COLLECTIVE)
        return m->kind == MK_COLLECTIVE && !m->bare ? ALL_UNITS : LEVEL_BIT(GAZ_PROVINCE);
    if (m->kind != MK_BARE)
        return ALL_UNITS;
    if (m->number)
        return LEVEL_BIT(GAZ_PROVINCE);
    if (m->level == COURT_INTERMEDIATE)
        return LEVEL_BIT(GAZ_PREFECTURE) | LEVEL_BIT(GAZ_COUNTY);
    return LEVEL_BIT(GAZ_COUNTY);
}

/* The places of the levels in mask the text names up to byte to, each part read once. */
static void ctx_body(struct finder *f, unsigned mask, size_t to)
{
    size_t from = f->body_to[mask];

    if (to > from)
        ctx_scan(&f->cx, mask, f->sc.s + from, to - from);
    if (to > from)
        f->body_to[mask] = to;
}

/* The unit a bare form (县法院, 市中院, 省高院) stands for in this report. */
static int resolve_bare(struct finder *f, const struct mention *m)
{
    char word[8];
    int id = -1;
    size_t to = f->sc.len;

    word[text_put(word, m->bare)] = '\0';
    /* a bare court's place is named before it or in its own paragraph; a
     * collective subject's anywhere (全省法院 in the title, 江苏 further on) */
    if (m->kind == MK_BARE && f->r->nr_blocks) {
        const struct block *b = &f->r->blocks[report_block_at(f->r, m->pos)];

        to = b->off + b->len > m->end ? b->off + b->len : m->end;
    }
    for (int pass = 0; pass < 2 && id < 0; pass++) {
        if (pass)
            ctx_body(f, levels_asked(m), to);
        if (m->number) {
            id = ctx_first(&f->cx, GAZ_PROVINCE, word, true);
        } else if (m->level == COURT_HIGH || m->kind == MK_COLLECTIVE) {
            /* the province must be named: 省高院 in a report about a city of it is not enough */
            id = ctx_first(&f->cx, GAZ_PROVINCE, m->bare == 0x81EA ? "自治区" : word, true);
        } else if (m->level == COURT_INTERMEDIATE) {
            id = ctx_first(&f->cx, GAZ_PREFECTURE, NULL, false);
        } else {
            id = ctx_first(&f->cx, GAZ_COUNTY, word, true);
        }
    }
    return id;
}

/* An unknown two-character name after a function word (他指导县人民法院) is the
 * level word alone when the report names a place it can stand for. */
static void bare_instead(struct finder *f, struct mention *m, size_t i)
{
    struct mention b = *m;
    int id;

    b.kind = MK_BARE;
    b.unknown = false;
    b.bare = char_before(f->sc.s, m->pend);
    b.pos = m->pend - HAN;
    ctx_build(f, levels_asked(&b));
    id = resolve_bare(f, &b);
    f->place_of[i] = id;
    if (id >= 0)
        *m = b;
}

/* A numbered bare form (市一中院) as the court of its province: 北京市第一中级人民法院. */
static void numbered_court(struct mention *m, int province)
{
    static const char *const numerals[] = {"一", "二", "三", "四", "五"};
    struct sbuf sb = SBUF_INIT;

    if (province < 0)
        return;
    sbuf_addf(&sb, "%s第%s中级人民法院", place(province)->name, numerals[m->number - 1]);
    m->sp = court_special_lookup(sb.buf, sb.len);
    if (m->sp)
        m->kind = MK_COURT;
    sbuf_release(&sb);
}

/* The unit of each mention, from the report's places where the text alone does not say. */
static void resolve_all(struct finder *f)
{
    size_t lead_end = 0;

    /* a collective (全区法院) counts only where the main court is chosen */
    for (size_t b = 0, para = 0; b < f->r->nr_blocks && !para; b++) {
        const struct block *k = &f->r->blocks[b];

        if (k->kind == BLOCK_PARA)
            para = 1;
        if (k->kind == BLOCK_PARA || k->kind == BLOCK_TITLE || k->kind == BLOCK_SUBTITLE ||
            k->kind == BLOCK_BYLINE)
            lead_end = k->off + k->len;
    }

    f->place_of = xmalloc((f->sc.nr ? f->sc.nr : 1) * sizeof(*f->place_of));
    for (size_t i = 0; i < f->sc.nr; i++) {
        struct mention *m = &f->sc.v[i];
        int id = m->nc == 1 ? m->cands[0] : -1;

        if (m->unknown && m->soft) {
            bare_instead(f, m, i);
            continue;
        }
        if (m->kind == MK_SELF || m->sp || m->unknown || (m->nc == 1 && m->kind != MK_BARE) ||
            (m->level == COURT_TRIBUNAL && !m->town) ||
            (m->kind == MK_COLLECTIVE && m->pos >= lead_end)) {
            f->place_of[i] = id;
            continue;
        }
        ctx_build(f, levels_asked(m));
        if (m->kind == MK_BARE && m->number) {
            id = resolve_bare(f, m);
            numbered_court(m, id);
            id = -1;
        } else if (m->kind == MK_BARE || m->bare) {
            id = resolve_bare(f, m);
        } else if (m->level == COURT_TRIBUNAL) {
            id = ctx_choose(&f->cx, m->cands, m->nc);
        } else {
            id = ctx_choose(&f->cx, m->cands, m->nc);
            if (id < 0) {
                ctx_body(f, ALL_UNITS, f->sc.len);
                id = ctx_choose(&f->cx, m->cands, m->nc);
            }
            if (id < 0)
                id = own_place(m);
        }
        f->place_of[i] = id;
        /* 朝阳法院 in a report about 朝阳市: the city's courts together */
        if (id >= 0 && m->kind == MK_COURT && m->level == COURT_BASIC &&
            place(id)->level != GAZ_COUNTY && has_counties(id))
            m->kind = MK_COLLECTIVE;
    }
    free(f->cx.v);
    free(f->cx.seen);
    memset(&f->cx, 0, sizeof(f->cx));
}

/* ------------------------------------------------- the report's own places */

/* Level words of the places a report may name in full, longest first (each
 * ends in one of kb.level_ends). */
static const char *const LW_LOCAL[] = {"自治县", "自治旗", "自治州", "林区", "地区", "县",
                                       "旗",     "盟",     "州",     "市",   "区",   NULL};

/* The level words an autonomous unit's end with (自治县 in 苍砚县人民法院). */
static const char *const LW_AUTONOMOUS[] = {"县", "旗", "州", NULL};

static bool is_county_word(const char *lw)
{
    return !strcmp(lw, "县") || !strcmp(lw, "自治县") || !strcmp(lw, "旗") ||
           !strcmp(lw, "自治旗") || !strcmp(lw, "区") || !strcmp(lw, "林区");
}

/*
 * The unknown place whose level word ends at end in sc, if the text names
 * one in full there (…的苍砚哈萨克自治县, 来源：澜屿地区…): its own name the
 * stretch of name characters before the level word and its peoples (see
 * unknown_before()), of two characters, or of three or four at a clear
 * boundary or after a lead word. Added to f's places once.
 */
static void local_at(struct finder *f, const struct scan *sc, size_t end)
{
    size_t at, name_end, st, chars;
    const char *lw = level_word(sc, 0, end, LW_LOCAL, &at);
    struct gaz_hit g;

    if (!lw)
        return;
    name_end = at;
    if (!strncmp(lw, "自治", 2 * HAN) && (name_end = peoples_before(sc, 0, at)) == at)
        return;
    if (!strcmp(lw, "区") && char_before(sc->s, at) == 0x6CBB) /* 治: 自治区, a province */
        return;
    st = name_stretch(sc, 0, name_end, 4, &chars);
    st = after_lead_words(sc, 0, st, name_end, &chars);
    if (chars < 2 || (chars > 2 && !boundary_at(sc, st) && !lead_word_at(sc, 0, st)))
        return;
    if (gazetteer_lookup(sc->s + st, end - st, &g, 1) ||
        gazetteer_lookup(sc->s + st, name_end - st, &g, 1))
        return; /* a place the gazetteer knows, by its name or a short form */
    for (size_t i = 0; i < f->nr_locals; i++)
        if (strlen(f->locals[i].full) == end - st &&
            !memcmp(f->locals[i].full, sc->o + st, end - st))
            return;
    ALLOC_GROW(f->locals, f->nr_locals + 1, f->alloc_locals);
    f->locals[f->nr_locals].short_name = xstrndup(sc->s + st, name_end - st);
    f->locals[f->nr_locals].full = xstrndup(sc->o + st, end - st);
    f->locals[f->nr_locals++].lw = lw;
}

/* Whether the two characters before byte at are one of the pairs wanted. */
static bool pair_wanted(const struct scan *sc, size_t at, const struct sbuf *wanted)
{
    if (at < 2 * HAN)
        return false;
    for (size_t w = 0; w < wanted->len; w += 2 * HAN)
        if (!memcmp(wanted->buf + w, sc->s + at - 2 * HAN, 2 * HAN))
            return true;
    return false;
}

/* The first place at or after from where the six bytes of pair (two
 * characters) stand, or NULL: as find_han() (where memmem reads every byte),
 * a place kept when the last bytes of the pair's two characters stand there,
 * a rarer pair of bytes than two of one character. */
static const char *find_pair(const char *from, const char *end, const char *pair)
{
    const unsigned char *p = (const unsigned char *)from, *e = (const unsigned char *)end;

#ifdef __SSE2__
    const __m128i x = _mm_set1_epi8(pair[2]), y = _mm_set1_epi8(pair[5]);

    while (e - p >= 32 + 5) { /* the last load reads p[21..37) */
        unsigned m = bytes_at(p, 2, x, 5, y) | bytes_at(p + 16, 2, x, 5, y) << 16;

        for (; m; m &= m - 1) {
            const unsigned char *q = p + __builtin_ctz(m);

            if (!memcmp(q, pair, 2 * HAN))
                return (const char *)q;
        }
        p += 32;
    }
#endif
    for (; e - p >= 2 * HAN; p++)
        if (!memcmp(p, pair, 2 * HAN))
            return (const char *)p;
    return NULL;
}

/* Whether the word of three characters w stands in s[0..n): find_pair() for
 * its first two, where memmem reads every byte. */
static bool has_word3(const char *s, size_t n, const char *w)
{
    const char *p = s, *end = s + n;

    while ((p = find_pair(p, end, w)) != NULL) {
        if (p + 3 * HAN <= end && !memcmp(p + 2 * HAN, w + 2 * HAN, HAN))
            return true;
        p += HAN;
    }
    return false;
}

/*
 * The unknown places a text names in full whose own names end in one of the
 * pairs of characters wanted (the short forms' last two): read where a pair
 * stands, up to the level word after it (within eight characters: the
 * peoples of 苍砚哈萨克自治县).
 */
static void locals_scan(struct finder *f, const struct scan *sc, const struct sbuf *wanted)
{
    for (size_t w = 0; w < wanted->len; w += 2 * HAN) {
        const char *p = sc->s, *end = sc->s + sc->len;

        while ((p = find_pair(p, end, wanted->buf + w)) != NULL) {
            size_t j = (size_t)(p - sc->s) + 2 * HAN;

            p += 2 * HAN;
            for (size_t k = 0; k < 8 && j < sc->len; k++) {
                uint32_t c;

                j += text_next(sc->s + j, sc->len - j, &c);
                if (!text_is_han(c))
                    break;
                /* 县 旗 盟 州 市 区: the last characters of LW_LOCAL */
                if (c == 0x53BF || c == 0x65D7 || c == 0x76DF || c == 0x5DDE || c == 0x5E02 ||
                    c == 0x533A) {
                    local_at(f, sc, j);
                    break;
                }
            }
        }
    }
}

static void locals_scan_string(struct finder *f, const char *t, size_t n, const struct sbuf *wanted)
{
    struct scan sc;

    scan_init(&sc, t, n, f->sc.trad);
    locals_scan(f, &sc, wanted);
    scan_release(&sc);
}

/* Whether m may name a place of the report's own (see local_for()). */
static bool may_be_local(const struct mention *m)
{
    return m->unknown && !m->sp && (m->level == COURT_BASIC || m->level == COURT_INTERMEDIATE);
}

/* The last two characters m's short name may end in (before its suffix, or
 * its level word), each pair once; whether m asks for the report's places. */
static bool local_wanted(struct finder *f, const struct mention *m, struct sbuf *wanted)
{
    size_t at = m->pend;

    /* a name in full is of another place only when the report's is autonomous
     * (苍砚县 of 苍砚哈萨克自治县): asked only if the text says 自治 */
    /* 苍砚县法院 (a short form, not 苍砚县人民法院) may be 苍砚哈萨克自治县's */
    const char *lw = m->local || !m->suf->short_form
                         ? NULL
                         : level_word(&f->sc, m->npos, m->pend, LW_AUTONOMOUS, &at);

    if (!m->local) {
        int k = 0;

        if (!lw)
            return false;
        while (LW_AUTONOMOUS[k] != lw)
            k++;
        if (f->autonomous[k] < 0) {
            char word[4 * HAN];

            memcpy(word, "自治", 2 * HAN);
            memcpy(word + 2 * HAN, lw, HAN);
            f->autonomous[k] = has_word3(f->sc.s, f->sc.len, word);
        }
        if (!f->autonomous[k])
            return false;
    }
    if (m->npos + 2 * HAN <= at && !pair_wanted(&f->sc, at, wanted))
        sbuf_add(wanted, f->sc.s + at - 2 * HAN, 2 * HAN);
    return true;
}

/*
 * The report's place that mention m's short name stands for, or NULL: for
 * 苍砚法院 and 澜屿中院 (m->local), a place of the court's level whose short
 * name ends the written name, after at most one character of the word before
 * it or after a lead word; for 苍砚县人民法院, a place of that short name whose
 * level word ends with the written one (苍砚哈萨克自治县). Sets m's name start.
 */
static const struct local_place *local_for(const struct finder *f, struct mention *m)
{
    const struct scan *sc = &f->sc;
    size_t at = m->pend;
    const char *wlw = NULL;

    if (!m->local && !(wlw = level_word(sc, m->npos, m->pend, LW_LOCAL, &at)))
        return NULL;
    for (size_t i = 0; i < f->nr_locals; i++) {
        const struct local_place *lp = &f->locals[i];
        size_t l = strlen(lp->short_name), b = at - l;

        if (at < m->npos + l || memcmp(sc->s + b, lp->short_name, l) ||
            is_county_word(lp->lw) != (m->level == COURT_BASIC))
            continue;
        if (m->local ? !(b - m->npos <= HAN || lead_word_at(sc, m->npos, b))
                     : (strcmp(lp->lw, wlw) == 0 || !name_ends(lp->lw, wlw)))
            continue;
        m->pos = m->npos = b;
        return lp;
    }
    return NULL;
}

/* Short forms of the places the report names in full: 苍砚法院 → 苍砚哈萨克自治县人民法院,
 * 澜屿中院 → 澜屿地区中级人民法院. The text is read for them only when a
 * mention may need them. */
static void local_resolve(struct finder *f)
{
    struct sbuf wanted = SBUF_INIT;
    struct scan head = f->sc;
    size_t lead_end = 0;

    memset(f->autonomous, -1, sizeof(f->autonomous));
    head.len = 0;
    /* a short form in the title or byline is read with the lead (as ctx_build()) */
    for (size_t b = 0; b < f->r->nr_blocks && !lead_end; b++)
        if (f->r->blocks[b].kind == BLOCK_PARA)
            lead_end = f->r->blocks[b].off + f->r->blocks[b].len;
    for (size_t i = 0; i < f->sc.nr; i++) {
        const struct mention *m = &f->sc.v[i];
        /* the place is named before the short form or in its own paragraph
         * (as for bare forms: see resolve_bare()), in the lead, or in the
         * page's furniture */
        if (may_be_local(m) && local_wanted(f, m, &wanted)) {
            size_t to = m->end;

            if (f->r->nr_blocks) {
                const struct block *b = &f->r->blocks[report_block_at(f->r, m->pos)];

                to = b->off + b->len > to ? b->off + b->len : to;
            }
            if (to < lead_end && m->pos < lead_end)
                to = lead_end;
            head.len = to > head.len ? to : head.len;
        }
    }
    if (!wanted.len)
        return;
    locals_scan(f, &head, &wanted);
    if (f->r->source)
        locals_scan_string(f, f->r->source, strlen(f->r->source), &wanted);
    locals_scan_string(f, f->chrome, f->chrome_len, &wanted);
    sbuf_release(&wanted);
    for (size_t i = 0; i < f->sc.nr; i++) {
        struct mention *m = &f->sc.v[i];
        const struct local_place *lp;

        if (may_be_local(m) && (lp = local_for(f, m)) != NULL) {
            m->full = lp->full;
            m->local = false;
        }
    }
}

static struct unit_name *unit_name_slot(const struct finder *f, uint32_t key)
{
    size_t mask = f->unit_slots - 1, h = (key * 2654435761u) & mask;

    while (f->unit_names[h].key && f->unit_names[h].key != key)
        h = (h + 1) & mask;
    return &f->unit_names[h];
}

/* The name of the court of level of the known unit id (put_unit_court()),
 * built once a report: the finder's, freed with it. */
static char *unit_court_name(struct finder *f, int id, enum court_level level)
{
    uint32_t key = ((uint32_t)level << 24 | (uint32_t)id) + 1;
    struct unit_name *u;
    struct sbuf sb = SBUF_INIT;

    if (2 * (f->nr_unit_names + 1) > f->unit_slots) {
        struct unit_name *old = f->unit_names;
        size_t nold = f->unit_slots;

        f->unit_slots = nold ? 2 * nold : 16;
        f->unit_names = xcalloc(f->unit_slots, sizeof(*f->unit_names));
        for (size_t i = 0; i < nold; i++)
            if (old[i].key)
                *unit_name_slot(f, old[i].key) = old[i];
        free(old);
    }
    u = unit_name_slot(f, key);
    if (!u->key) {
        put_unit_court(&f->sc, &sb, id, level);
        u->key = key;
        u->name = sbuf_detach(&sb, NULL);
        f->nr_unit_names++;
    }
    return u->name;
}

/* The name of mention i in this report, or NULL when it names no court. */
static char *finder_name(struct finder *f, size_t i)
{
    struct mention *m = &f->sc.v[i];
    int id = f->place_of[i];

    if (m->kind == MK_BARE && id < 0)
        return NULL;
    if (m->kind != MK_BARE && (m->kind != MK_COURT || m->cited))
        return NULL;
    /* a known unit's court, as mention_name() names it */
    if (id >= 0 && !m->sp && m->level != COURT_TRIBUNAL && m->level != COURT_SPECIAL) {
        m->shared_name = true;
        return unit_court_name(f, id, m->level);
    }
    if (m->kind == MK_BARE) {
        struct mention c = *m;

        c.nc = 1;
        c.cands[0] = id;
        return mention_name(&f->sc, &c, id);
    }
    if (m->level == COURT_TRIBUNAL)
        return mention_name(&f->sc, m, -1);
    return mention_name(&f->sc, m, id);
}

/* Courts found so far, with their identity keys. */
/*
 * A report's courts while they are found, with two indexes: by the name as
 * written and by the key (the court's identity), open-addressed tables of
 * index + 1, so that a report naming 50,000 courts costs a lookup a mention
 * (a search through all the courts made it quadratic: 14 s). The name index
 * is a fast path only: a name replaced by a fuller form is found by its key.
 */
struct court_set {
    struct report *r;
    char **keys; /* parallel to r->courts */
    size_t alloc;
    int *by_name, *by_key;
    size_t cap;  /* of both tables: a power of two, at least twice their entries */
    size_t used; /* entries of by_name: the courts, and names a fuller one replaced */
};

static size_t str_hash(const char *s)
{
    size_t h = 14695981039346656037u;

    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static void court_set_put(int *table, size_t cap, const char *s, int i)
{
    size_t k = str_hash(s) & (cap - 1);

    while (table[k])
        k = (k + 1) & (cap - 1);
    table[k] = i + 1;
}

/* Index court i under its name, and its key too when new (name_only:
 * a fuller name for a court already there), growing the tables as needed. */
static void court_set_index(struct court_set *cs, int i, bool name_only)
{
    const struct report *r = cs->r;

    if (2 * (cs->used + 1) > cs->cap) { /* made again: stale names go */
        cs->cap = cs->cap ? 2 * cs->cap : 64;
        free(cs->by_name);
        free(cs->by_key);
        cs->by_name = xcalloc(cs->cap, sizeof(*cs->by_name));
        cs->by_key = xcalloc(cs->cap, sizeof(*cs->by_key));
        cs->used = 0;
        for (int j = 0; j < (int)r->nr_courts; j++) {
            court_set_put(cs->by_name, cs->cap, r->courts[j], j);
            court_set_put(cs->by_key, cs->cap, cs->keys[j], j);
            cs->used++;
        }
        return;
    }
    court_set_put(cs->by_name, cs->cap, r->courts[i], i);
    if (!name_only)
        court_set_put(cs->by_key, cs->cap, cs->keys[i], i);
    cs->used++;
}

/* The court whose name (names, keys false) or key is s, or -1. */
static int court_set_lookup(const struct court_set *cs, const char *s, bool names)
{
    const int *table = names ? cs->by_name : cs->by_key;

    if (!cs->cap)
        return -1;
    for (size_t k = str_hash(s) & (cs->cap - 1); table[k]; k = (k + 1) & (cs->cap - 1)) {
        int i = table[k] - 1;

        if (!strcmp(names ? cs->r->courts[i] : cs->keys[i], s))
            return i;
    }
    return -1;
}

static int court_set_find(const struct court_set *cs, const char *name, char **key)
{
    int i;

    /* a caller with the key has looked for the name itself (see court_find_report()) */
    if (!*key && (i = court_set_lookup(cs, name, true)) >= 0)
        return i;
    if (!*key)
        *key = court_key(name);
    return court_set_lookup(cs, *key, false);
}

static void court_set_release(struct court_set *cs)
{
    for (size_t i = 0; i < cs->r->nr_courts; i++)
        free(cs->keys[i]);
    free(cs->keys);
    free(cs->by_name);
    free(cs->by_key);
}

/* Add a court by name (key: its identity when the caller knows it, and then
 * has looked for the name already; or NULL). */
static int add_court_key(struct court_set *cs, const char *name, char *key, int parent)
{
    struct report *r = cs->r;
    int i = court_set_find(cs, name, &key);

    if (i >= 0) {
        /* keep the fuller form: 霁川市鹤汀区人民法院 over 鹤汀区人民法院 */
        if (strlen(name) > strlen(r->courts[i])) {
            free(r->courts[i]);
            r->courts[i] = xstrdup(name);
            court_set_index(cs, i, true); /* the old name stays, a stale entry */
        }
        if (r->court_parent[i] < 0 && parent != i)
            r->court_parent[i] = parent;
        free(key);
        return i;
    }
    size_t alloc = r->alloc_courts;

    ALLOC_GROW(r->courts, r->nr_courts + 1, r->alloc_courts);
    if (r->alloc_courts != alloc || !r->court_parent)
        r->court_parent = xrealloc(r->court_parent, r->alloc_courts * sizeof(*r->court_parent));
    ALLOC_GROW(cs->keys, r->nr_courts + 1, cs->alloc);
    r->court_parent[r->nr_courts] = parent;
    cs->keys[r->nr_courts] = key;
    r->courts[r->nr_courts++] = xstrdup(name);
    court_set_index(cs, (int)r->nr_courts - 1, false);
    return (int)r->nr_courts - 1;
}

static int add_court(struct court_set *cs, const char *name, int parent)
{
    return add_court_key(cs, name, NULL, parent);
}

/* The identity of mention i, named name, from what the scan knows (see key_into()). */
static char *mention_key(const struct finder *f, size_t i, const char *name)
{
    const struct mention *m = &f->sc.v[i];
    struct sbuf sb = SBUF_INIT;
    enum court_level level = court_level_of(name);
    int id = f->place_of[i];

    if (m->sp) {
        key_special(level, m->sp, &sb);
    } else if (m->level != COURT_TRIBUNAL && m->level != COURT_SPECIAL && !m->unknown && id >= 0) {
        key_place(level, id, &sb);
    } else if ((m->unknown || m->level == COURT_TRIBUNAL) && !f->sc.trad) {
        key_written(name, level, &sb);
    } else {
        return court_key(name);
    }
    return sbuf_detach(&sb, NULL);
}

/* The court a mention was named under: X法院Y法庭, 该院Y法庭 (the court named last). */
static int under_of(const struct finder *f, const int *court_of, size_t i)
{
    int u = f->sc.v[i].under;

    while (u >= 0 && f->sc.v[u].kind == MK_SELF)
        u = u > 0 ? u - 1 : -1;
    while (u >= 0 && court_of[u] < 0 && f->sc.v[u].kind == MK_SELF)
        u--;
    return u >= 0 ? court_of[u] : -1;
}

/* Move court k to position to, keeping the parents right. */
static void move_court(struct report *r, char **keys, int k, int to)
{
    char *c = r->courts[k], *key = keys[k];
    int pc = r->court_parent[k];

    if (k <= to)
        return;
    memmove(r->courts + to + 1, r->courts + to, (size_t)(k - to) * sizeof(*r->courts));
    memmove(keys + to + 1, keys + to, (size_t)(k - to) * sizeof(*keys));
    memmove(r->court_parent + to + 1, r->court_parent + to,
            (size_t)(k - to) * sizeof(*r->court_parent));
    r->courts[to] = c;
    keys[to] = key;
    r->court_parent[to] = pc;
    for (size_t i = 0; i < r->nr_courts; i++) {
        int *q = &r->court_parent[i];

        if (*q == k)
            *q = to;
        else if (*q >= to && *q < k)
            (*q)++;
    }
}

/*
 * What the report is mainly about, from its title, subtitle, byline and lead
 * in turn: the first court named there, a province's high court for the
 * province's courts together, or nothing for a city's courts together
 * (深圳法院) whose court goes unnamed. Returns the mention, or -1; *group
 * says a collective subject was found, *province the province of one.
 */
static int main_mention(const struct finder *f, bool *group, int *province)
{
    static const enum block_kind kinds[] = {BLOCK_TITLE, BLOCK_SUBTITLE, BLOCK_BYLINE, BLOCK_PARA};
    const struct report *r = f->r;
    int supreme = -1;

    *group = false;
    *province = -1;
    for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
        size_t from = 0, to = 0;

        for (size_t b = 0; b < r->nr_blocks; b++)
            if (r->blocks[b].kind == kinds[k]) {
                from = r->blocks[b].off;
                to = from + r->blocks[b].len;
                break;
            }
        for (size_t i = 0; i < f->sc.nr && to; i++) {
            const struct mention *m = &f->sc.v[i];

            if (m->pos < from || m->pos >= to)
                continue;
            if (m->kind == MK_COLLECTIVE) {
                int id = f->place_of[i];

                if (id >= 0 && place(id)->level == GAZ_PROVINCE) {
                    *province = id;
                    return -1;
                }
                /* 乌海市两级法院: the city's intermediate court, when the report names it */
                for (size_t j = 0; j < f->sc.nr && id >= 0; j++)
                    if (f->sc.v[j].name && f->sc.v[j].level == COURT_INTERMEDIATE &&
                        f->place_of[j] == id)
                        return (int)j;
                *group = true;
                return -1;
            }
            /* a court of the histories (边区高等法院) is the story's past, not its court */
            if (!m->name || (m->suf && m->suf->want == WANT_HISTORY))
                continue;
            /* the lead cites the Supreme People's Court (根据最高法院部署) before
             * the court it is about */
            if (kinds[k] == BLOCK_PARA && m->level == COURT_SUPREME && supreme < 0) {
                supreme = (int)i;
                continue;
            }
            return (int)i;
        }
        if (supreme >= 0)
            return supreme;
    }
    return -1;
}

/* The mention a tribunal story is about: the tribunal's court when the text names it. */
static int story_court(const struct finder *f, int mi)
{
    int u = mi >= 0 ? f->sc.v[mi].under : -1;

    while (u >= 0 && f->sc.v[u].kind == MK_SELF)
        u--;
    return u >= 0 && f->sc.v[u].name ? u : mi;
}

/*
 * A tribunal story whose tribunal no text ties to a court (海滨人民法庭 in a
 * report that also names 苍砚县人民法院): the one basic court the report names
 * is its court, unless the gazetteer places the tribunal under another.
 */
static void tie_lone_basic(struct report *r, int tribunal)
{
    int basic = -1, n = 0;
    char *known;

    for (size_t i = 0; i < r->nr_courts; i++)
        if (court_level_of(r->courts[i]) == COURT_BASIC) {
            basic = (int)i;
            n++;
        }
    if (n != 1)
        return;
    known = court_parent_name(r->courts[tribunal]);
    if (!known || court_same(known, r->courts[basic]))
        r->court_parent[tribunal] = basic;
    free(known);
}

/*
 * Courts: every named court in order of first mention, then the one the
 * report is mainly about moved to the front (see main_mention()).
 */
/* A basic court the report names, by its county; first mention first. */
struct county_court {
    int county, court;
    size_t order;
};

static int county_court_cmp(const void *a, const void *b)
{
    const struct county_court *x = a, *y = b;

    if (x->county != y->county)
        return x->county < y->county ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/*
 * A tribunal of a town within a named basic court's county is held by that
 * court (大板镇人民法庭 in a report naming 克什克腾旗人民法院). The basic courts
 * are sorted by county once, so a report naming many tribunals costs a lookup
 * each, not a pass over every mention.
 */
static void hold_town_tribunals(const struct finder *f, const int *court_of)
{
    struct report *r = f->r;
    struct county_court *cc = xmalloc((f->sc.nr ? f->sc.nr : 1) * sizeof(*cc));
    size_t nr = 0;

    for (size_t k = 0; k < f->sc.nr; k++)
        if (court_of[k] >= 0 && f->sc.v[k].kind == MK_COURT && f->sc.v[k].level == COURT_BASIC &&
            f->place_of[k] >= 0)
            cc[nr++] = (struct county_court){f->place_of[k], court_of[k], k};
    qsort(cc, nr, sizeof(*cc), county_court_cmp);
    for (size_t i = 0; i < f->sc.nr && nr; i++) {
        const struct mention *m = &f->sc.v[i];
        int t = court_of[i];
        size_t lo = 0, hi = nr;
        struct county_court key;

        if (t < 0 || !m->town || r->court_parent[t] >= 0 || f->place_of[i] < 0)
            continue;
        key.county = gazetteer_ancestor(f->place_of[i], GAZ_COUNTY);
        key.order = 0;
        if (key.county < 0)
            continue;
        while (lo < hi) { /* the first of the county */
            size_t mid = (lo + hi) / 2;

            if (county_court_cmp(&cc[mid], &key) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < nr && cc[lo].county == key.county && cc[lo].court != t)
            r->court_parent[t] = cc[lo].court;
    }
    free(cc);
}

/* Whatever the rules above decided, a court's parents lead up to a court
 * with none: a parent that leads back to the court is dropped, so the tree
 * and the cache never meet a loop. */
static void drop_loops(struct report *r)
{
    for (size_t i = 0; i < r->nr_courts; i++) {
        size_t steps = 0;

        for (int j = r->court_parent[i]; j >= 0; j = r->court_parent[j])
            if ((size_t)j == i || ++steps > r->nr_courts) {
                r->court_parent[i] = -1;
                break;
            }
    }
}

void court_find_report(struct report *r, const char *chrome, size_t chrome_len)
{
    struct finder f = {.r = r, .chrome = chrome, .chrome_len = chrome_len};
    struct court_set cs = {r, NULL, 0, NULL, NULL, 0, 0};
    int *court_of, main = -1, mi, si, province;
    bool group, basic_main = false;

    scan_init(&f.sc, r->text, r->len, looks_traditional(r->text, r->len));
    /* room for the mentions of most reports at once (a report names a
     * court some twenty times), not four reallocations on the way there */
    f.sc.alloc = 32;
    f.sc.v = xmalloc(f.sc.alloc * sizeof(*f.sc.v));
    scan_text(&f.sc);
    local_resolve(&f);
    resolve_all(&f);
    for (size_t i = 0; i < f.sc.nr; i++)
        if (!f.sc.v[i].weak)
            f.sc.v[i].name = finder_name(&f, i);
    mi = main_mention(&f, &group, &province);
    si = story_court(&f, mi);
    /* a tribunal named on its own (海滨法庭) when the report names a basic
     * court and is not about a group of courts */
    for (size_t i = 0; i < f.sc.nr && !basic_main && province < 0 && !group; i++)
        basic_main = f.sc.v[i].name && f.sc.v[i].level == COURT_BASIC;
    if (basic_main)
        for (size_t i = 0; i < f.sc.nr; i++)
            if (f.sc.v[i].weak)
                f.sc.v[i].name = finder_name(&f, i);
    court_of = xmalloc((f.sc.nr ? f.sc.nr : 1) * sizeof(*court_of));
    for (size_t i = 0; i < f.sc.nr; i++) {
        const struct mention *m = &f.sc.v[i];
        int parent, k = -1;

        court_of[i] = -1;
        parent = m->level == COURT_TRIBUNAL ? under_of(&f, court_of, i) : -1;
        /* 该院甲法庭…该院乙法庭 in a report about a tribunal: 该院 is no
         * tribunal's court when it names a tribunal (a loop, found by fuzzing) */
        if (parent >= 0 && court_level_of(r->courts[parent]) == COURT_TRIBUNAL)
            parent = -1;

        if (!m->name)
            continue;
        /* the same name again costs no key, nor a second search */
        k = court_set_lookup(&cs, m->name, true);
        if (k >= 0 && r->court_parent[k] < 0 && parent != k)
            r->court_parent[k] = parent; /* as add_court_key() does */
        court_of[i] = k >= 0 ? k : add_court_key(&cs, m->name, mention_key(&f, i, m->name), parent);
    }
    hold_town_tribunals(&f, court_of);
    if (si >= 0) {
        main = court_of[si];
        if (f.sc.v[si].level == COURT_TRIBUNAL && r->court_parent[main] >= 0)
            main = r->court_parent[main]; /* held by a court named elsewhere */
    } else if (province >= 0) {
        struct sbuf sb = SBUF_INIT;

        put_unit_court(&f.sc, &sb, province, COURT_HIGH);
        main = add_court(&cs, sb.buf, -1);
        sbuf_release(&sb);
    } else if (!group && r->nr_courts) {
        /* the first court named, of today's courts when there is one */
        for (size_t i = 0; i < f.sc.nr && main < 0; i++)
            if (court_of[i] >= 0 && !(f.sc.v[i].suf && f.sc.v[i].suf->want == WANT_HISTORY))
                main = court_of[i];
        if (main < 0)
            main = 0;
    }
    if (main < 0 && !group && r->source && !r->nr_courts) {
        struct court_mentions sm = {0};

        court_scan(r->source, strlen(r->source), &sm);
        for (size_t i = 0; i < sm.nr && main < 0; i++)
            if (sm.v[i].level != COURT_COLLECTIVE)
                main = add_court(&cs, sm.v[i].name, -1);
        court_mentions_release(&sm);
    }
    if (main >= 0 && court_level_of(r->courts[main]) == COURT_TRIBUNAL && r->court_parent[main] < 0)
        tie_lone_basic(r, main);
    drop_loops(r);
    if (main >= 0) {
        int tribunal = -1;

        /* a tribunal story: the tribunal's court first, the tribunal right after */
        if (court_level_of(r->courts[main]) == COURT_TRIBUNAL && r->court_parent[main] >= 0) {
            tribunal = main;
            main = r->court_parent[main];
        } else if (mi >= 0 && court_of[mi] != main && f.sc.v[mi].level == COURT_TRIBUNAL) {
            tribunal = court_of[mi];
        }
        move_court(r, cs.keys, main, 0);
        if (tribunal >= 0)
            move_court(r, cs.keys, tribunal < main ? tribunal + 1 : tribunal, 1);
    }
    r->main_court = main >= 0;
    court_set_release(&cs);
    free(court_of);
    free(f.place_of);
    for (size_t i = 0; i < f.nr_locals; i++) {
        free(f.locals[i].short_name);
        free(f.locals[i].full);
    }
    free(f.locals);
    scan_release(&f.sc);
    for (size_t i = 0; i < f.unit_slots; i++)
        free(f.unit_names[i].name);
    free(f.unit_names);
}
