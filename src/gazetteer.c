/*
 * gazetteer.c: lookups in China's divisions (the generated gazetteer_data.c) by
 * official name or short form, and the short-form rules. The places and a hash
 * of every name are built once, at the first call; after that all is read-only.
 * No I/O, no terminal.
 */
#include "gazetteer.h"

#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "gazetteer_data.h"
#include "util.h"

/* One name a place answers to; names that several places share are chained,
 * official names first. */
struct gaz_key {
    const char *s;
    uint32_t hash;
    int32_t next; /* next key with the same string, or -1 */
    int32_t id;
    uint8_t len; /* the longest name has 72 bytes */
    bool short_form;
};

/* A slot of the open hash: the key's hash saves reading keys that differ. */
struct gaz_slot {
    uint32_t hash;
    int32_t key; /* first key of the chain, -1 when empty */
};

static struct {
    struct gaz_place *places;
    size_t n_places;
    struct gaz_key *keys;
    size_t n_keys, cap_keys;
    struct gaz_slot *slots;
    size_t n_slots;
    char *arena; /* short forms that are not a prefix of the name (延边州) */
    size_t arena_len, arena_cap;
    size_t max_name;
} gaz;

static once_flag gaz_once = ONCE_FLAG_INIT;

/* FNV-1a: short keys, no need for more */
static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;

    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* The slot that holds s[0..n), or the empty slot where it would go. */
static struct gaz_slot *find_slot(const char *s, size_t n, uint32_t h)
{
    size_t mask = gaz.n_slots - 1;

    for (size_t i = h & mask;; i = (i + 1) & mask) {
        struct gaz_slot *slot = &gaz.slots[i];

        if (slot->key < 0)
            return slot;
        if (slot->hash == h) {
            const struct gaz_key *k = &gaz.keys[slot->key];

            if (k->len == n && memcmp(k->s, s, n) == 0)
                return slot;
        }
    }
}

static void add_key(const char *s, size_t n, int id, bool short_form)
{
    if (gaz.n_keys == gaz.cap_keys) {
        gaz.cap_keys *= 2;
        gaz.keys = xrealloc(gaz.keys, gaz.cap_keys * sizeof(*gaz.keys));
    }
    gaz.keys[gaz.n_keys++] = (struct gaz_key){s, hash_bytes(s, n), -1, id, (uint8_t)n, short_form};
    if (n > gaz.max_name)
        gaz.max_name = n;
}

/* Chains every key into the hash, from the last, each at the head of its
 * chain: the chains keep the keys' order. */
static void hash_keys(void)
{
    gaz.n_slots = 1;
    while (gaz.n_slots < 2 * gaz.n_keys)
        gaz.n_slots *= 2;
    gaz.slots = xmalloc(gaz.n_slots * sizeof(*gaz.slots));
    memset(gaz.slots, 0xFF, gaz.n_slots * sizeof(*gaz.slots));
    for (size_t i = gaz.n_keys; i-- > 0;) {
        struct gaz_key *k = &gaz.keys[i];
        struct gaz_slot *slot = find_slot(k->s, k->len, k->hash);

        k->next = slot->key;
        *slot = (struct gaz_slot){k->hash, (int32_t)i};
    }
}

/* ---- short forms ---- */

/* Characters in a UTF-8 string. */
static size_t chars(const char *s, size_t n)
{
    size_t c = 0;

    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static bool ends_with(const char *s, size_t n, const char *suffix)
{
    size_t m = strlen(suffix);

    return m <= n && memcmp(s + n - m, suffix, m) == 0;
}

static bool contains(const char *s, size_t n, const char *word)
{
    size_t m = strlen(word);

    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, word, m) == 0)
            return true;
    return false;
}

/*
 * The minority nationalities, as autonomous units name them: 延边朝鲜族自治州,
 * 新疆维吾尔自治区, 伊犁哈萨克自治州, 湘西土家族苗族自治州, 龙胜各族自治县.
 * One-character names count only with 族 (回族, 藏族): bare, they are too
 * common a character to strip.
 */
static const char *const nationalities[] = {
    "乌孜别克", "柯尔克孜", "维吾尔", "哈萨克", "达斡尔", "鄂温克", "鄂伦春", "俄罗斯",
    "塔吉克",   "塔塔尔",   "蒙古",   "布依",   "朝鲜",   "土家",   "哈尼",   "傈僳",
    "高山",     "拉祜",     "东乡",   "纳西",   "景颇",   "仫佬",   "布朗",   "撒拉",
    "毛南",     "仡佬",     "锡伯",   "阿昌",   "普米",   "德昂",   "保安",   "裕固",
    "独龙",     "赫哲",     "门巴",   "珞巴",   "基诺",   "回",     "藏",     "苗",
    "彝",       "壮",       "满",     "侗",     "瑶",     "白",     "黎",     "佤",
    "畲",       "水",       "土",     "羌",     "怒",     "京",     "各",
};

/* Length in bytes of the nationality that ends s[0..n) (with or without 族), or 0. */
static size_t nationality_at_end(const char *s, size_t n)
{
    size_t best = 0;

    for (size_t i = 0; i < sizeof(nationalities) / sizeof(nationalities[0]); i++) {
        const char *e = nationalities[i];
        size_t m = strlen(e);
        size_t with_zu = m + strlen("族");

        if (with_zu <= n && memcmp(s + n - with_zu, e, m) == 0 && ends_with(s, n, "族")) {
            if (with_zu > best)
                best = with_zu;
        } else if (chars(e, m) >= 2 && ends_with(s, n, e) && m > best) {
            best = m;
        }
    }
    return best;
}

/*
 * Rule E: an autonomous unit's short form drops its nationalities, from the
 * end, while at least 2 characters stay: 湘西土家族苗族 → 湘西, 新疆维吾尔 →
 * 新疆, 沧源佤族 → 沧源; but 内蒙古 stays (内 alone is no name) and so does
 * 鄂伦春 (the banner is named after the people). Returns the new length.
 */
static size_t strip_nationalities(const char *s, size_t n)
{
    for (;;) {
        size_t m = nationality_at_end(s, n);

        if (m == 0 || chars(s, n - m) < 2)
            return n;
        n -= m;
    }
}

/* Characters that say where, not which: a short form made only of them is a
 * common word in any text (城关, 城中, 市中, 中心, 新城, 东城), not a name. */
static bool generic_only(const char *s, size_t n)
{
    /* all three bytes long in UTF-8, like every name's characters */
    static const char generic[] = "东西南北中上下前后内外新城关郊心市县区镇乡街";

    if (n % 3 != 0)
        return false;
    for (size_t i = 0; i < n; i += 3) {
        bool found = false;

        for (size_t j = 0; j + 3 < sizeof(generic) && !found; j += 3)
            found = memcmp(s + i, generic + j, 3) == 0;
        if (!found)
            return false;
    }
    return true;
}

/*
 * Whether s[0..n) may stand for a place. Rule C1: at least 2 characters (沙县
 * is never 沙). Rule C2: not only characters of direction and kind
 * (generic_only). Rule C3: no 法 or 人民 in it, which a court's own suffix
 * holds (人民街道 → 人民 would read 人民法庭 as a tribunal of that town).
 * Rule C4: not ending in 左, 右, 前, 后: 阿拉善左旗, 科尔沁右翼前旗 without
 * 旗 are cut halves, not names.
 */
static bool short_form_ok(const char *s, size_t n)
{
    return chars(s, n) >= 2 && !generic_only(s, n) && !contains(s, n, "法") &&
           !contains(s, n, "人民") && !ends_with(s, n, "左") && !ends_with(s, n, "右") &&
           !ends_with(s, n, "前") && !ends_with(s, n, "后");
}

/* What a name without 区 must not end in: then the 区 is a zone's, not a
 * district's (苏州工业园区, 井陉矿区, 石家庄高新技术产业开发区), and the rest is
 * no name people write. */
static bool zone_before_qu(const char *s, size_t n)
{
    static const char *const zones[] = {"开发", "园",   "管理", "示范", "试验", "实验", "合作",
                                        "矿",   "工业", "产业", "保税", "风景", "度假", "旅游"};

    for (size_t i = 0; i < sizeof(zones) / sizeof(zones[0]); i++)
        if (ends_with(s, n, zones[i]))
            return true;
    return false;
}

/* A unit's suffix by level, longest first, and whether the unit is autonomous
 * (its nationalities go too, Rule E) and which one-character kind word the
 * short form may take back (延边州, 长阳县, 鄂伦春旗: Rule K). */
struct suffix_rule {
    uint8_t level;
    const char *suffix;
    bool autonomous;
    const char *kind;
};

/*
 * Rule S: drop the unit's suffix when at least 2 characters stay (C1-C4):
 * provinces 省 (黑龙江省 → 黑龙江), 市 (北京市 → 北京), 自治区 (广西壮族自治区 →
 * 广西); prefectures 市 (鄂尔多斯市 → 鄂尔多斯), 地区 (阿克苏地区 → 阿克苏), 盟
 * (锡林郭勒盟 → 锡林郭勒), 自治州 (延边朝鲜族自治州 → 延边, and 延边州);
 * counties 自治县 (沧源佤族自治县 → 沧源, 沧源县), 自治旗 (鄂伦春自治旗 → 鄂伦春,
 * 鄂伦春旗), 林区 (神农架林区 → 神农架), 特区 (六枝特区 → 六枝), 新区 (浦东新区 →
 * 浦东), 县 (武乡县 → 武乡), 市 (瓦房店市 → 瓦房店), 旗 (克什克腾旗 → 克什克腾),
 * 区 (江汉区 → 江汉; not zones: zone_before_qu); towns 街道, 苏木, 镇, 乡 (大板镇
 * → 大板), whose nationalities go too (民族乡: 三岔满族乡 → 三岔). When a
 * longer suffix leaves too little, a shorter one is tried (金林区: 林区 leaves
 * 金, 区 leaves 金林).
 */
static const struct suffix_rule suffix_rules[] = {
    {GAZ_PROVINCE, "自治区", true, NULL},  {GAZ_PROVINCE, "省", false, NULL},
    {GAZ_PROVINCE, "市", false, NULL},     {GAZ_PREFECTURE, "自治州", true, "州"},
    {GAZ_PREFECTURE, "地区", false, NULL}, {GAZ_PREFECTURE, "市", false, NULL},
    {GAZ_PREFECTURE, "盟", false, NULL},   {GAZ_COUNTY, "自治县", true, "县"},
    {GAZ_COUNTY, "自治旗", true, "旗"},    {GAZ_COUNTY, "林区", false, NULL},
    {GAZ_COUNTY, "特区", false, NULL},     {GAZ_COUNTY, "新区", false, NULL},
    {GAZ_COUNTY, "县", false, NULL},       {GAZ_COUNTY, "市", false, NULL},
    {GAZ_COUNTY, "旗", false, NULL},       {GAZ_COUNTY, "区", false, NULL},
    {GAZ_TOWN, "街道", true, NULL},        {GAZ_TOWN, "苏木", true, NULL},
    {GAZ_TOWN, "镇", true, NULL},          {GAZ_TOWN, "乡", true, NULL},
};

static const char *arena_add(const char *a, size_t na, const char *b)
{
    size_t nb = strlen(b);
    char *p;

    if (gaz.arena_len + na + nb > gaz.arena_cap)
        return NULL; /* sized for every place below; cannot happen */
    p = gaz.arena + gaz.arena_len;
    memcpy(p, a, na);
    memcpy(p + na, b, nb);
    gaz.arena_len += na + nb;
    return p;
}

size_t gazetteer_short_forms(const char *name, int level, struct gaz_short *out, size_t max)
{
    size_t n = strlen(name), count = 0;

    for (size_t i = 0; i < sizeof(suffix_rules) / sizeof(suffix_rules[0]); i++) {
        const struct suffix_rule *r = &suffix_rules[i];
        size_t m;

        if (r->level != level || !ends_with(name, n, r->suffix))
            continue;
        m = n - strlen(r->suffix);
        /* a town's people stand before 族 (三岔满族乡); only the autonomous
         * units above it may name them bare (新疆维吾尔自治区) */
        if (r->autonomous && (level != GAZ_TOWN || ends_with(name, m, "族")))
            m = strip_nationalities(name, m);
        if (!short_form_ok(name, m) || (!strcmp(r->suffix, "区") && zone_before_qu(name, m)))
            continue;
        if (level == GAZ_TOWN && ends_with(name, m, "族") && nationality_at_end(name, m) == m)
            break; /* 鄂温克族苏木: the people's name alone */
        if (count < max)
            out[count] = (struct gaz_short){m, NULL};
        count++;
        if (r->autonomous && r->kind) {
            if (count < max)
                out[count] = (struct gaz_short){m, r->kind};
            count++;
        }
        break;
    }
    return count;
}

static void build(void)
{
    size_t n = gazetteer_rows_count;

    gaz.n_places = n;
    gaz.places = xmalloc(n * sizeof(*gaz.places));
    for (size_t i = 0; i < n; i++) {
        const struct gazetteer_row *r = &gazetteer_rows[i];

        gaz.places[i] = (struct gaz_place){gazetteer_text + r->name, r->code, r->parent, r->level};
    }
    gaz.cap_keys = 2 * n + 16;
    gaz.keys = xmalloc(gaz.cap_keys * sizeof(*gaz.keys));
    /* a name plus one kind word (延边 + 州) fits in the name's own length */
    gaz.arena_cap = 0;
    for (size_t i = 0; i < n; i++)
        gaz.arena_cap += strlen(gaz.places[i].name);
    gaz.arena = xmalloc(gaz.arena_cap + 1);

    /* official names first, so that a lookup lists them before short forms */
    for (size_t i = 0; i < n; i++)
        add_key(gaz.places[i].name, strlen(gaz.places[i].name), (int)i, false);
    for (size_t i = 0; i < n; i++) {
        struct gaz_short forms[2];
        size_t k = gazetteer_short_forms(gaz.places[i].name, gaz.places[i].level, forms, 2);

        for (size_t j = 0; j < k && j < 2; j++) {
            const char *s = gaz.places[i].name;
            size_t len = forms[j].len;

            if (forms[j].kind) {
                s = arena_add(s, len, forms[j].kind);
                if (!s)
                    continue;
                len += strlen(forms[j].kind);
            }
            add_key(s, len, (int)i, true);
        }
    }
    hash_keys();
}

static void ensure(void)
{
    call_once(&gaz_once, build);
}

size_t gazetteer_count(void)
{
    return gazetteer_rows_count;
}

const struct gaz_place *gazetteer_get(int id)
{
    ensure();
    if (id < 0 || (size_t)id >= gaz.n_places)
        return NULL;
    return &gaz.places[id];
}

size_t gazetteer_lookup(const char *s, size_t n, struct gaz_hit *hits, size_t max)
{
    size_t count = 0;
    int32_t k;

    ensure();
    if (n == 0 || n > gaz.max_name)
        return 0;
    /* a place reaches a string once: its short forms differ from its name and
     * from each other (延边, 延边州) */
    for (k = find_slot(s, n, hash_bytes(s, n))->key; k >= 0; k = gaz.keys[k].next) {
        if (count < max)
            hits[count] = (struct gaz_hit){gaz.keys[k].id, gaz.keys[k].short_form};
        count++;
    }
    return count;
}

size_t gazetteer_max_name(void)
{
    ensure();
    return gaz.max_name;
}

bool gazetteer_within(int a, int b)
{
    ensure();
    if (b < 0 || (size_t)b >= gaz.n_places)
        return false;
    while (a >= 0 && (size_t)a < gaz.n_places) {
        if (a == b)
            return true;
        a = gaz.places[a].parent;
    }
    return false;
}

int gazetteer_ancestor(int id, enum gaz_level level)
{
    ensure();
    while (id >= 0 && (size_t)id < gaz.n_places) {
        if (gaz.places[id].level == level)
            return id;
        if (gaz.places[id].level < level)
            return -1;
        id = gaz.places[id].parent;
    }
    return -1;
}
