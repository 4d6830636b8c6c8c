/*
 * test_units.c: the unit table, its aliases, and which units convert.
 */
#include <math.h>
#include <string.h>

#include "core/error.h"
#include "core/units.h"

typedef struct {
    const char *name;
    const char *canonical;   /* NULL: not a known unit */
    JxDimension dimension;
    double factor;
} LookupCase;

static const LookupCase lookup_cases[] = {
    { "元", "元", JX_DIM_MONEY, 1 },
    { "千元", "千元", JX_DIM_MONEY, 1e3 },
    { "万元", "万元", JX_DIM_MONEY, 1e4 },
    { "亿元", "亿元", JX_DIM_MONEY, 1e8 },
    { "元人民币", "元", JX_DIM_MONEY, 1 },
    { "人", "人", JX_DIM_PEOPLE, 1 },
    { "名", "人", JX_DIM_PEOPLE, 1 },
    { "位", "人", JX_DIM_PEOPLE, 1 },
    { "万人", "万人", JX_DIM_PEOPLE, 1e4 },
    { "万名", "万人", JX_DIM_PEOPLE, 1e4 },
    { "人次", "人次", JX_DIM_PERSON_TIMES, 1 },
    { "万人次", "万人次", JX_DIM_PERSON_TIMES, 1e4 },
    { "%", "%", JX_DIM_PERCENT, 1 },
    { "％", "%", JX_DIM_PERCENT, 1 },
    { "百分点", "百分点", JX_DIM_PERCENT, 1 },
    { "天", "天", JX_DIM_DURATION, 1 },
    { "日", "天", JX_DIM_DURATION, 1 },
    { "个月", "个月", JX_DIM_DURATION, 30 },
    { "km", "公里", JX_DIM_LENGTH, 1e3 },
    { "㎡", "平方米", JX_DIM_AREA, 1 },
    { "kg", "千克", JX_DIM_MASS, 1 },
    { "t", "吨", JX_DIM_MASS, 1e3 },
    { "场", "场", JX_DIM_COUNT, 1 },
    { "场次", "场次", JX_DIM_COUNT, 1 },
    { "期", "期", JX_DIM_COUNT, 1 },
    { "个", "个", JX_DIM_COUNT, 1 },
    { "分", "分", JX_DIM_SCORE, 1 },
    { "棵树", NULL, JX_DIM_NONE, 0 },
    { "", NULL, JX_DIM_NONE, 0 },
    { "人 ", NULL, JX_DIM_NONE, 0 },
};

static void test_lookup(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(lookup_cases); i++) {
        const LookupCase *k = &lookup_cases[i];
        const JxUnit *unit = jx_unit_lookup(k->name);
        if (k->canonical == NULL) {
            if (unit != NULL)
                g_test_fail_printf("“%s” should be unknown, got %s", k->name, unit->name);
            continue;
        }
        if (unit == NULL || strcmp(unit->name, k->canonical) != 0 ||
            unit->dimension != k->dimension || unit->factor != k->factor)
            g_test_fail_printf("“%s”: got %s, expected %s", k->name,
                               unit ? unit->name : "NULL", k->canonical);
    }
    g_assert_null(jx_unit_lookup(NULL));
}

typedef struct {
    const char *text;
    const char *unit;   /* canonical name matched, NULL: none */
    gsize length;       /* bytes matched */
} PrefixCase;

static const PrefixCase prefix_cases[] = {
    { "个工作日内", "个工作日", sizeof "个工作日" - 1 },
    { "个月", "个月", sizeof "个月" - 1 },
    { "个", "个", sizeof "个" - 1 },
    { "人次以上", "人次", sizeof "人次" - 1 },
    { "人以上", "人", sizeof "人" - 1 },
    { "万元以内", "万元", sizeof "万元" - 1 },
    { "万人次", "万人次", sizeof "万人次" - 1 },
    { "％以上", "%", sizeof "％" - 1 },
    { "名学生", "人", sizeof "名" - 1 },
    { "场次", "场次", sizeof "场次" - 1 },
    { "个百分点", "个百分点", sizeof "个百分点" - 1 },
    { "平方公里", "平方公里", sizeof "平方公里" - 1 },
    { "xyz", NULL, 0 },
    { "", NULL, 0 },
    { "开展", NULL, 0 },
};

static void test_match_prefix(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(prefix_cases); i++) {
        const PrefixCase *k = &prefix_cases[i];
        gsize length = 99;
        const JxUnit *unit = jx_unit_match_prefix(k->text, &length);
        if ((k->unit == NULL) != (unit == NULL) ||
            (unit != NULL && strcmp(unit->name, k->unit) != 0) || length != k->length)
            g_test_fail_printf("“%s”: got %s (%" G_GSIZE_FORMAT " bytes), expected %s",
                               k->text, unit ? unit->name : "NULL", length,
                               k->unit ? k->unit : "NULL");
    }
    g_assert_null(jx_unit_match_prefix(NULL, NULL));
    g_assert_nonnull(jx_unit_match_prefix("人", NULL));
}

typedef struct {
    double value;
    const char *from, *to;
    double expected;
} ConvertCase;

static const ConvertCase convert_cases[] = {
    { 1, "万元", "元", 10000 },
    { 6, "万元", "元", 60000 },
    { 1.5, "亿元", "万元", 15000 },
    { 1.5, "亿元", "元", 1.5e8 },
    { 12345, "元", "万元", 1.2345 },
    { 3, "千元", "万元", 0.3 },
    { 0.33, "万元", "元", 3300 },
    { 410.41, "万元", "元", 4104100 },
    { 2, "万人次", "人次", 20000 },
    { 3, "万名", "人", 30000 },
    { 5, "％", "%", 5 },
    { 1, "公里", "米", 1000 },
    { 2, "吨", "kg", 2000 },
    { 3, "个月", "天", 90 },
    /* no unit takes the other side's */
    { 7, "", "万元", 7 },
    { 7, "人次", "", 7 },
    { 7, "", "", 7 },
    /* the same count or unknown unit */
    { 4, "个", "个", 4 },
    { 4, "棵", "棵", 4 },
};

static void test_convert(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(convert_cases); i++) {
        const ConvertCase *k = &convert_cases[i];
        GError *error = NULL;
        double result = -1;
        g_assert_true(jx_unit_convertible(k->from, k->to));
        if (!jx_unit_convert(k->value, k->from, k->to, &result, &error) ||
            fabs(result - k->expected) > 1e-9 * fmax(1, fabs(k->expected)))
            g_test_fail_printf("%g %s → %s: got %.17g, expected %g", k->value, k->from,
                               k->to, result, k->expected);
        g_clear_error(&error);
    }
}

static const char *const unconvertible[][2] = {
    { "人", "人次" },
    { "人次", "人" },
    { "万人", "人次" },
    { "个", "场" },
    { "场", "场次" },
    { "期", "个" },
    { "人", "万元" },
    { "人次", "元" },
    { "万元", "%" },
    { "%", "分" },
    { "天", "个" },
    { "棵", "个" },
    { "棵", "株" },
    { "平方米", "米" },
};

static void test_not_convertible(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(unconvertible); i++) {
        const char *from = unconvertible[i][0], *to = unconvertible[i][1];
        GError *error = NULL;
        double result = -1;
        if (jx_unit_convertible(from, to))
            g_test_fail_printf("%s → %s should not convert", from, to);
        g_assert_false(jx_unit_convert(1, from, to, &result, &error));
        g_assert_error(error, JX_ERROR, JX_ERROR_UNIT_MISMATCH);
        char *zh = jx_error_text(error, JX_LANG_ZH);
        char *en = jx_error_text(error, JX_LANG_EN);
        g_assert_nonnull(strstr(zh, from));
        g_assert_nonnull(strstr(en, to));
        g_free(zh);
        g_free(en);
        g_error_free(error);
    }
}

static void test_money_and_people(void)
{
    static const char *const money[] = { "元", "千元", "万元", "亿元", "元人民币" };
    static const char *const people[] = { "人", "名", "位", "人次", "万人", "万人次" };
    static const char *const neither[] = { "个", "场", "%", "天", "棵", "", "分" };
    for (gsize i = 0; i < G_N_ELEMENTS(money); i++) {
        g_assert_true(jx_unit_is_money(money[i]));
        g_assert_false(jx_unit_is_people(money[i]));
    }
    for (gsize i = 0; i < G_N_ELEMENTS(people); i++) {
        g_assert_true(jx_unit_is_people(people[i]));
        g_assert_false(jx_unit_is_money(people[i]));
    }
    for (gsize i = 0; i < G_N_ELEMENTS(neither); i++) {
        g_assert_false(jx_unit_is_money(neither[i]));
        g_assert_false(jx_unit_is_people(neither[i]));
    }
    g_assert_false(jx_unit_is_money(NULL));
    g_assert_false(jx_unit_is_people(NULL));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/units/lookup", test_lookup);
    g_test_add_func("/units/match-prefix", test_match_prefix);
    g_test_add_func("/units/convert", test_convert);
    g_test_add_func("/units/not-convertible", test_not_convertible);
    g_test_add_func("/units/money-and-people", test_money_and_people);
    return g_test_run();
}
