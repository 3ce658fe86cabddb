/* Unit tests for gazetteer.c (China's divisions, short forms) and hanzi.c
 * (traditional and simplified characters). Place names here are facts. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "gazetteer.h"
#include "hanzi.h"

#define MAX_HITS 1024

static struct gaz_hit hits[MAX_HITS];

static size_t lookup(const char *s)
{
    size_t n = gazetteer_lookup(s, strlen(s), hits, MAX_HITS);

    assert_true(n <= MAX_HITS);
    return n;
}

/* The one place officially called name. */
static int place(const char *name)
{
    size_t n = lookup(name);

    assert_int_equal(n, 1);
    assert_false(hits[0].short_form);
    return hits[0].id;
}

static const char *name_of(int id)
{
    const struct gaz_place *p = gazetteer_get(id);

    assert_non_null(p);
    return p->name;
}

static const char *parent_name(int id)
{
    return name_of(gazetteer_get(id)->parent);
}

/* Whether short names the place officially called official, as a short form. */
static bool short_form_of(const char *s, const char *official)
{
    size_t n = lookup(s);

    for (size_t i = 0; i < n; i++)
        if (hits[i].short_form && strcmp(name_of(hits[i].id), official) == 0)
            return true;
    return false;
}

/* Whether any place at level answers to s. */
static bool names_level(const char *s, enum gaz_level level)
{
    size_t n = lookup(s);

    for (size_t i = 0; i < n; i++)
        if (gazetteer_get(hits[i].id)->level == level)
            return true;
    return false;
}

static void test_levels_and_parents(void **state)
{
    size_t per_level[5] = {0};

    (void)state;
    for (size_t i = 0; i < gazetteer_count(); i++) {
        const struct gaz_place *p = gazetteer_get((int)i);

        assert_true(p->level >= GAZ_PROVINCE && p->level <= GAZ_TOWN);
        per_level[p->level]++;
        if (p->level == GAZ_PROVINCE) {
            assert_int_equal(p->parent, -1);
        } else {
            /* a parent comes first and stands one or two levels up (a county
             * of a municipality hangs under the province) */
            assert_true(p->parent >= 0 && p->parent < (int)i);
            assert_true(gazetteer_get(p->parent)->level < p->level);
        }
    }
    assert_int_equal(per_level[GAZ_PROVINCE], 31); /* mainland only */
    assert_in_range(per_level[GAZ_PREFECTURE], 320, 360);
    assert_in_range(per_level[GAZ_COUNTY], 2800, 3100);
    assert_in_range(per_level[GAZ_TOWN], 38000, 45000);
    assert_null(gazetteer_get(-1));
    assert_null(gazetteer_get((int)gazetteer_count()));
}

/* Every place is found by its own name, as an official name. */
static void test_every_place_by_name(void **state)
{
    (void)state;
    for (size_t i = 0; i < gazetteer_count(); i++) {
        const char *name = name_of((int)i);
        size_t n = lookup(name);
        bool found = false;

        for (size_t j = 0; j < n; j++)
            found |= hits[j].id == (int)i && !hits[j].short_form;
        assert_true(found);
        assert_true(strlen(name) <= gazetteer_max_name());
    }
}

static void test_official_names(void **state)
{
    int id;

    (void)state;
    id = place("鄂尔多斯市");
    assert_int_equal(gazetteer_get(id)->level, GAZ_PREFECTURE);
    assert_int_equal(gazetteer_get(id)->code, 1506);
    assert_string_equal(parent_name(id), "内蒙古自治区");

    id = place("克什克腾旗");
    assert_int_equal(gazetteer_get(id)->level, GAZ_COUNTY);
    assert_string_equal(parent_name(id), "赤峰市");
    assert_string_equal(parent_name(gazetteer_get(id)->parent), "内蒙古自治区");

    id = place("武乡县");
    assert_string_equal(parent_name(id), "长治市");
    assert_string_equal(parent_name(gazetteer_get(id)->parent), "山西省");

    /* a directly administered county-level city: under its province */
    id = place("仙桃市");
    assert_int_equal(gazetteer_get(id)->level, GAZ_COUNTY);
    assert_string_equal(parent_name(id), "湖北省");

    id = place("内蒙古自治区");
    assert_int_equal(gazetteer_get(id)->level, GAZ_PROVINCE);
    assert_int_equal(gazetteer_get(id)->parent, -1);
}

static void test_placeholders_are_no_places(void **state)
{
    int dongguan;
    bool town_found = false;

    (void)state;
    assert_int_equal(lookup("市辖区"), 0);
    assert_int_equal(lookup("省直辖县级行政区划"), 0);
    assert_int_equal(lookup("自治区直辖县级行政区划"), 0);
    /* 县 as a city of 重庆市: its counties hang under the municipality */
    assert_int_equal(lookup("县"), 0);
    assert_string_equal(parent_name(place("巫溪县")), "重庆市");
    /* a prefecture without counties is one place, its towns right under it */
    dongguan = place("东莞市");
    assert_int_equal(gazetteer_get(dongguan)->level, GAZ_PREFECTURE);
    for (size_t i = 0; i < gazetteer_count(); i++)
        if (gazetteer_get((int)i)->parent == dongguan)
            town_found |= gazetteer_get((int)i)->level == GAZ_TOWN;
    assert_true(town_found);
}

static void test_shared_names(void **state)
{
    size_t n;
    bool tianjin = false, shenyang = false;

    (void)state;
    /* 和平区: a district of 天津市, directly under the municipality, and of 沈阳市 */
    n = lookup("和平区");
    assert_int_equal(n, 2);
    for (size_t i = 0; i < n; i++) {
        const char *parent = parent_name(hits[i].id);

        assert_false(hits[i].short_form);
        tianjin |= strcmp(parent, "天津市") == 0;
        shenyang |= strcmp(parent, "沈阳市") == 0;
    }
    assert_true(tianjin && shenyang);
    assert_true(lookup("鼓楼区") >= 4);
    assert_true(lookup("朝阳区") >= 2);
    assert_true(short_form_of("朝阳", "朝阳市"));
    assert_true(short_form_of("朝阳", "朝阳县"));
    /* a caller with room for fewer hits still learns how many there are */
    assert_int_equal(gazetteer_lookup("鼓楼区", strlen("鼓楼区"), hits, 1), lookup("鼓楼区"));
}

static void test_official_names_come_first(void **state)
{
    size_t n;

    (void)state;
    /* 古县 is a county of 临汾市 and the short form of towns called 古县镇 */
    n = lookup("古县");
    assert_true(n > 1);
    assert_false(hits[0].short_form);
    assert_string_equal(parent_name(hits[0].id), "临汾市");
    for (size_t i = 1; i < n; i++)
        assert_true(hits[i].short_form);
    /* among short forms, higher levels first: the province before the county */
    n = lookup("河南");
    assert_true(n > 1);
    assert_string_equal(name_of(hits[0].id), "河南省");
}

/* Rule S: the unit's suffix goes when 2 characters or more stay. */
static void test_short_form_suffixes(void **state)
{
    (void)state;
    assert_true(short_form_of("黑龙江", "黑龙江省"));
    assert_true(short_form_of("北京", "北京市"));
    assert_true(short_form_of("鄂尔多斯", "鄂尔多斯市"));
    assert_true(short_form_of("阿克苏", "阿克苏地区"));
    assert_true(short_form_of("锡林郭勒", "锡林郭勒盟"));
    assert_true(short_form_of("克什克腾", "克什克腾旗"));
    assert_true(short_form_of("武乡", "武乡县"));
    assert_true(short_form_of("江汉", "江汉区"));
    assert_true(short_form_of("瓦房店", "瓦房店市"));
    assert_true(short_form_of("神农架", "神农架林区"));
    assert_true(short_form_of("六枝", "六枝特区"));
    assert_true(short_form_of("浦东", "浦东新区"));
    /* a longer suffix that leaves one character gives way to a shorter one */
    assert_true(short_form_of("金林", "金林区"));
    assert_false(short_form_of("金", "金林区"));
}

/* Rules E and K: autonomous units lose their nationalities, and are also
 * written with the plain kind word. */
static void test_short_form_autonomous(void **state)
{
    (void)state;
    assert_true(short_form_of("广西", "广西壮族自治区"));
    assert_true(short_form_of("新疆", "新疆维吾尔自治区"));
    assert_true(short_form_of("宁夏", "宁夏回族自治区"));
    assert_true(short_form_of("内蒙古", "内蒙古自治区"));
    assert_true(short_form_of("西藏", "西藏自治区"));
    assert_true(short_form_of("延边", "延边朝鲜族自治州"));
    assert_true(short_form_of("延边州", "延边朝鲜族自治州"));
    assert_true(short_form_of("湘西", "湘西土家族苗族自治州"));
    assert_true(short_form_of("湘西州", "湘西土家族苗族自治州"));
    assert_true(short_form_of("西双版纳", "西双版纳傣族自治州"));
    assert_true(short_form_of("伊犁", "伊犁哈萨克自治州"));
    assert_true(short_form_of("沧源", "沧源佤族自治县"));
    assert_true(short_form_of("沧源县", "沧源佤族自治县"));
    assert_true(short_form_of("积石山", "积石山保安族东乡族撒拉族自治县"));
    assert_true(short_form_of("龙胜", "龙胜各族自治县"));
    /* named after its people alone: the people stay, without 族 */
    assert_true(short_form_of("鄂伦春", "鄂伦春自治旗"));
    assert_true(short_form_of("鄂伦春旗", "鄂伦春自治旗"));
    assert_true(short_form_of("鄂温克", "鄂温克族自治旗"));
    assert_true(short_form_of("东乡", "东乡族自治县"));
    /* 内 alone is no name */
    assert_false(short_form_of("内", "内蒙古自治区"));
}

static void test_short_form_towns(void **state)
{
    int id;

    (void)state;
    assert_true(short_form_of("大板", "大板镇"));
    assert_true(names_level("大板", GAZ_TOWN));
    assert_true(short_form_of("达尔汗", "达尔汗苏木"));
    id = place("达尔汗苏木");
    assert_int_equal(gazetteer_get(id)->level, GAZ_TOWN);
    assert_true(short_form_of("长哨营", "长哨营满族乡"));
    assert_true(short_form_of("交道口", "交道口街道"));
    assert_true(lookup("城关镇") > 50); /* the same town name in many counties */
}

/* Rules C1-C5 and the zones: what is no short form. */
static void test_not_short_forms(void **state)
{
    (void)state;
    assert_int_equal(lookup("沙"), 0);                   /* C1: 沙县 */
    assert_false(names_level("城关", GAZ_TOWN));         /* C2: 城关镇 */
    assert_false(names_level("中心", GAZ_TOWN));         /* C2: 中心镇 */
    assert_int_equal(lookup("人民"), 0);                 /* C3: 人民街道 */
    assert_int_equal(lookup("法官"), 0);                 /* C3: 法官镇 */
    assert_true(short_form_of("法库", "法库县"));        /* C3 is for words, not 法 */
    assert_int_equal(lookup("阿拉善左"), 0);             /* C4: 阿拉善左旗 */
    assert_true(short_form_of("台前", "台前县"));        /* C4 is for banners */
    assert_false(short_form_of("开发区", "开发区街道")); /* C5: 开发区街道 */
    assert_int_equal(lookup("苏州工业园"), 0);           /* a zone's 区 */
    assert_int_equal(lookup("井陉矿"), 0);               /* a mining district */
    assert_true(short_form_of("上城", "上城区"));        /* C2 is for towns */
}

static void test_within_and_ancestor(void **state)
{
    int banner, chifeng, nmg, xiantao, town;

    (void)state;
    banner = place("克什克腾旗");
    chifeng = place("赤峰市");
    nmg = place("内蒙古自治区");
    assert_true(gazetteer_within(banner, chifeng));
    assert_true(gazetteer_within(banner, nmg));
    assert_true(gazetteer_within(banner, banner));
    assert_false(gazetteer_within(chifeng, banner));
    assert_false(gazetteer_within(banner, place("山西省")));
    assert_false(gazetteer_within(banner, -1));
    assert_int_equal(gazetteer_ancestor(banner, GAZ_PROVINCE), nmg);
    assert_int_equal(gazetteer_ancestor(banner, GAZ_PREFECTURE), chifeng);
    assert_int_equal(gazetteer_ancestor(banner, GAZ_COUNTY), banner);
    assert_int_equal(gazetteer_ancestor(banner, GAZ_TOWN), -1);
    xiantao = place("仙桃市");
    assert_int_equal(gazetteer_ancestor(xiantao, GAZ_PREFECTURE), -1);
    assert_string_equal(name_of(gazetteer_ancestor(xiantao, GAZ_PROVINCE)), "湖北省");
    town = place("达尔汗苏木");
    assert_int_equal(gazetteer_get(gazetteer_ancestor(town, GAZ_COUNTY))->level, GAZ_COUNTY);
    assert_int_equal(gazetteer_ancestor(-5, GAZ_PROVINCE), -1);
}

static void test_max_name(void **state)
{
    size_t max = gazetteer_max_name();
    const char *longest = "双江拉祜族佤族布朗族傣族自治县";

    (void)state;
    assert_true(max >= strlen(longest));
    assert_int_equal(lookup(longest), 1);
    assert_int_equal(gazetteer_lookup("鄂尔多斯市", max + 1, hits, MAX_HITS), 0);
    assert_int_equal(gazetteer_lookup("", 0, hits, MAX_HITS), 0);
}

/* What test_each_name() looks for among all names. */
struct name_probe {
    const char *name;
    unsigned levels; /* found with these levels */
    int seen;
};

static void probe_name(const char *s, size_t n, unsigned levels, void *arg)
{
    struct name_probe *p = arg;

    for (; p->name; p++)
        if (strlen(p->name) == n && !memcmp(p->name, s, n)) {
            p->levels = levels;
            p->seen++;
        }
}

static void test_each_name(void **state)
{
    struct name_probe probes[] = {
        {"内蒙古自治区", 0, 0}, {"内蒙古", 0, 0},     {"鄂尔多斯", 0, 0},
        {"鼓楼区", 0, 0},       {"达尔汗苏木", 0, 0}, {"霁川市", 0, 0}, /* fictional */
        {NULL, 0, 0},
    };

    (void)state;
    gazetteer_each_name(probe_name, probes);
    assert_int_equal(probes[0].levels, 1u << GAZ_PROVINCE);
    assert_int_equal(probes[1].levels, 1u << GAZ_PROVINCE); /* a short form */
    assert_true(probes[2].levels & 1u << GAZ_PREFECTURE);
    /* a name several places share: once, with their level */
    assert_int_equal(probes[3].seen, 1);
    assert_true(probes[3].levels & 1u << GAZ_COUNTY);
    assert_int_equal(probes[4].levels, 1u << GAZ_TOWN);
    assert_int_equal(probes[5].seen, 0);
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(probes[i].seen, 1);
}

static void test_hanzi_both_ways(void **state)
{
    (void)state;
    assert_int_equal(hanzi_simplify(0x967D), 0x9633);    /* 陽 → 阳 */
    assert_int_equal(hanzi_simplify(0x7D1A), 0x7EA7);    /* 級 → 级 */
    assert_int_equal(hanzi_simplify(0x5EE3), 0x5E7F);    /* 廣 → 广 */
    assert_int_equal(hanzi_traditional(0x9633), 0x967D); /* 阳 → 陽 */
    assert_int_equal(hanzi_traditional(0x7EA7), 0x7D1A); /* 级 → 級 */
    assert_int_equal(hanzi_traditional(0x5E7F), 0x5EE3); /* 广 → 廣 */
    assert_int_equal(hanzi_simplify(0x9633), 0x9633);    /* 阳 stays */
    assert_int_equal(hanzi_traditional(0x967D), 0x967D); /* 陽 stays */
    assert_int_equal(hanzi_simplify(0x4E7E), 0x4E7E);    /* 乾: 干 or 乾, not one for one */
    assert_int_equal(hanzi_simplify(0x65BC), 0x65BC);    /* 於: 于 or 於 */
    /* several simplified forms, the character itself none of them: the first
     * of the basic plane */
    assert_int_equal(hanzi_simplify(0x958B), 0x5F00); /* 開 → 开, not 𫔭 */
    assert_int_equal(hanzi_simplify(0x9918), 0x4F59); /* 餘 → 余, not 馀 */
    assert_int_equal(hanzi_simplify(0x52E3), 0x7EE9); /* 勣 → 绩, not 𪟝 */
    assert_int_equal(hanzi_simplify('A'), 'A');
    assert_int_equal(hanzi_traditional(0x6CD5), 0x6CD5); /* 法 is both */
}

static void test_hanzi_is_traditional(void **state)
{
    const char *trad = "本報訊　海濱市中級人民法院昨日審結一起買賣合同糾紛案。";
    const char *simp = "本报讯　海滨市中级人民法院昨日审结一起买卖合同纠纷案。";
    char mirror[512];

    (void)state;
    assert_true(hanzi_is_traditional(trad, strlen(trad)));
    assert_false(hanzi_is_traditional(simp, strlen(simp)));
    /* characters both scripts share, or none at all: not traditional */
    assert_false(hanzi_is_traditional("人民法院", strlen("人民法院")));
    assert_false(hanzi_is_traditional("court 2024", strlen("court 2024")));
    assert_false(hanzi_is_traditional("", 0));
    /* a mirror site: its menu in simplified characters, the report in traditional */
    snprintf(mirror, sizeof(mirror), "首页　新闻动态　联系我们\n%s", trad);
    assert_true(hanzi_is_traditional(mirror, strlen(mirror)));
    /* one traditional name quoted in a simplified report */
    assert_false(
        hanzi_is_traditional("报道提到廣州，法院审结纠纷", strlen("报道提到廣州，法院审结纠纷")));
    /* a character cut at the end, and bytes that are no UTF-8, count for neither */
    assert_true(hanzi_is_traditional("審結\xE5\xAE", strlen("審結\xE5\xAE")));
    assert_true(hanzi_is_traditional("\xED\xA0\x80審結\xFF", strlen("\xED\xA0\x80審結\xFF")));
}

/* n_simp 这 then n_trad 這: is it traditional? */
static bool traditional_after(int n_simp, int n_trad)
{
    char text[4096] = "";

    for (int i = 0; i < n_simp; i++)
        strcat(text, "这");
    for (int i = 0; i < n_trad; i++)
        strcat(text, "這");
    return hanzi_is_traditional(text, strlen(text));
}

static void test_hanzi_decisive_lead(void **state)
{
    (void)state;
    /* once one script leads by many, what follows does not turn it: a
     * simplified page that quotes a long traditional passage at its end */
    assert_false(traditional_after(70, 100));
    /* and before the lead is decisive, the count decides */
    assert_true(traditional_after(20, 40));
    /* the lead is 24: 24 of one script ahead decides, 23 do not */
    assert_false(traditional_after(24, 60));
    assert_true(traditional_after(23, 60));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_levels_and_parents),
        cmocka_unit_test(test_every_place_by_name),
        cmocka_unit_test(test_official_names),
        cmocka_unit_test(test_placeholders_are_no_places),
        cmocka_unit_test(test_shared_names),
        cmocka_unit_test(test_official_names_come_first),
        cmocka_unit_test(test_short_form_suffixes),
        cmocka_unit_test(test_short_form_autonomous),
        cmocka_unit_test(test_short_form_towns),
        cmocka_unit_test(test_not_short_forms),
        cmocka_unit_test(test_within_and_ancestor),
        cmocka_unit_test(test_max_name),
        cmocka_unit_test(test_hanzi_both_ways),
        cmocka_unit_test(test_each_name),
        cmocka_unit_test(test_hanzi_is_traditional),
        cmocka_unit_test(test_hanzi_decisive_lead),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
