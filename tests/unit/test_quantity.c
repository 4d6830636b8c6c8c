/*
 * test_quantity.c: what people write in 年度指标值 and 实际完成值, and what
 * jx_quantity_parse makes of it.  Tables of strings with their expected
 * kind, comparison, approximation, value and unit, or error position.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "core/quantity.h"

#define GE JX_CMP_GE
#define GT JX_CMP_GT
#define LE JX_CMP_LE
#define LT JX_CMP_LT
#define EQ JX_CMP_EQ
#define NO JX_CMP_NONE
#define EXACT JX_APPROX_EXACT
#define MORE JX_APPROX_MORE
#define ABOUT JX_APPROX_ABOUT

typedef struct {
    const char *text;
    JxComparison comparison;
    JxApproximation approximation;
    double value;
    const char *unit;
} NumberCase;

typedef struct {
    const char *text;
    JxComparison comparison;
    int year, month, day;
} DateCase;

typedef struct {
    const char *text;
    gboolean achieved;
} QualitativeCase;

typedef struct {
    const char *text;
    long position;       /* 1-based character */
    const char *quoted;  /* the text the message quotes, NULL: none */
} ErrorCase;

/* Total of strings checked, printed at the end for the report. */
static guint strings_checked;

static const char *kind_name(JxQuantityKind kind)
{
    switch (kind) {
    case JX_QUANTITY_NUMBER: return "NUMBER";
    case JX_QUANTITY_DATE: return "DATE";
    case JX_QUANTITY_QUALITATIVE: return "QUALITATIVE";
    }
    return "?";
}

/* Parses text, expecting success; reports the text on failure. */
static gboolean parse_ok(const char *text, JxQuantity *q)
{
    GError *error = NULL;
    strings_checked++;
    if (!jx_quantity_parse(text, q, &error)) {
        char *zh = jx_error_text(error, JX_LANG_ZH);
        g_test_fail_printf("“%s”: unexpected error %s", text, zh);
        g_free(zh);
        g_error_free(error);
        return FALSE;
    }
    g_assert_no_error(error);
    return TRUE;
}

static void check_numbers(const NumberCase *cases, gsize count)
{
    for (gsize i = 0; i < count; i++) {
        const NumberCase *k = &cases[i];
        JxQuantity q;
        if (!parse_ok(k->text, &q))
            continue;
        double tolerance = 1e-9 * fmax(1, fabs(k->value));
        if (q.kind != JX_QUANTITY_NUMBER || q.comparison != k->comparison ||
            q.approximation != k->approximation || fabs(q.value - k->value) > tolerance ||
            strcmp(q.unit, k->unit) != 0)
            g_test_fail_printf("“%s”: got %s %s approx %d %.17g [%s], expected NUMBER %s "
                               "approx %d %.17g [%s]", k->text, kind_name(q.kind),
                               jx_comparison_symbol(q.comparison), q.approximation,
                               q.value, q.unit, jx_comparison_symbol(k->comparison),
                               k->approximation, k->value, k->unit);
    }
}

static void check_dates(const DateCase *cases, gsize count)
{
    for (gsize i = 0; i < count; i++) {
        const DateCase *k = &cases[i];
        JxQuantity q;
        if (!parse_ok(k->text, &q))
            continue;
        if (q.kind != JX_QUANTITY_DATE || q.comparison != k->comparison ||
            q.year != k->year || q.month != k->month || q.day != k->day)
            g_test_fail_printf("“%s”: got %s %s %d-%d-%d, expected DATE %s %d-%d-%d",
                               k->text, kind_name(q.kind),
                               jx_comparison_symbol(q.comparison), q.year, q.month, q.day,
                               jx_comparison_symbol(k->comparison), k->year, k->month,
                               k->day);
    }
}

static void check_qualitative(const QualitativeCase *cases, gsize count)
{
    for (gsize i = 0; i < count; i++) {
        const QualitativeCase *k = &cases[i];
        JxQuantity q;
        if (!parse_ok(k->text, &q))
            continue;
        if (q.kind != JX_QUANTITY_QUALITATIVE || q.achieved != k->achieved ||
            q.comparison != JX_CMP_NONE || q.unit[0] != '\0')
            g_test_fail_printf("“%s”: got %s achieved %d, expected QUALITATIVE achieved %d",
                               k->text, kind_name(q.kind), q.achieved, k->achieved);
    }
}

static void check_errors(const ErrorCase *cases, gsize count)
{
    for (gsize i = 0; i < count; i++) {
        const ErrorCase *k = &cases[i];
        JxQuantity q;
        GError *error = NULL;
        strings_checked++;
        if (jx_quantity_parse(k->text, &q, &error)) {
            g_test_fail_printf("“%s”: parsed as %s, expected an error at %ld", k->text,
                               kind_name(q.kind), k->position);
            continue;
        }
        g_assert_error(error, JX_ERROR, JX_ERROR_PARSE);
        char *zh = jx_error_text(error, JX_LANG_ZH);
        char *en = jx_error_text(error, JX_LANG_EN);
        char *zh_position = g_strdup_printf("第%ld个字符", k->position);
        char *en_position = g_strdup_printf("at character %ld", k->position);
        char *zh_quote = g_strdup_printf("“%s”", k->quoted ? k->quoted : "");
        char *en_quote = g_strdup_printf("'%s'", k->quoted ? k->quoted : "");
        if (strstr(zh, zh_position) == NULL || strstr(en, en_position) == NULL ||
            (k->quoted && (strstr(zh, zh_quote) == NULL || strstr(en, en_quote) == NULL)))
            g_test_fail_printf("“%s”: got “%s” / “%s”, expected position %ld quoting %s",
                               k->text, zh, en, k->position, k->quoted ? k->quoted : "-");
        g_free(zh_position);
        g_free(en_position);
        g_free(zh_quote);
        g_free(en_quote);
        g_free(zh);
        g_free(en);
        g_error_free(error);
    }
}

/* ------------------------------------------------------------------------
 * Every indicator-like quantity of the reference report
 * (yuanjiang-cast-2023-self-evaluation.txt).
 */

static const NumberCase reference_numbers[] = {
    { "≥300人次", GE, EXACT, 300, "人次" },
    { "300余人次", NO, MORE, 300, "人次" },
    { "达300余人次", GE, MORE, 300, "人次" },
    { "6万余人次", NO, MORE, 60000, "人次" },
    { "60000余人次", NO, MORE, 60000, "人次" },
    { "5000多人次", NO, MORE, 5000, "人次" },
    { "110多场次", NO, MORE, 110, "场次" },
    { "二个", NO, EXACT, 2, "个" },
    { "100期", NO, EXACT, 100, "期" },
    /* 6 万元, not 60000 人: validation flags a count of people in 万元 */
    { "超过6万元", GT, MORE, 6, "万元" },
    { "超过6万", GT, MORE, 60000, "" },
    { "逾6万人次", GT, MORE, 60000, "人次" },      /* 逾: more than, as in reports */
    { "逾300人次", GT, MORE, 300, "人次" },
    { "超95%", GT, MORE, 95, "%" },
    { "95%", NO, EXACT, 95, "%" },
    { "0.33万元", NO, EXACT, 0.33, "万元" },
    { "410.41万元", NO, EXACT, 410.41, "万元" },
    { "410.42万元", NO, EXACT, 410.42, "万元" },
    { "359.95万元", NO, EXACT, 359.95, "万元" },
    { "273.77万元", NO, EXACT, 273.77, "万元" },
    { "136.64万元", NO, EXACT, 136.64, "万元" },
    { "114.41万元", NO, EXACT, 114.41, "万元" },
    { "40万", NO, EXACT, 400000, "" },
    { "115.87万元", NO, EXACT, 115.87, "万元" },
    { "37.66万元", NO, EXACT, 37.66, "万元" },
    { "0万元", NO, EXACT, 0, "万元" },
    { "23.93万元", NO, EXACT, 23.93, "万元" },
    { "11.33万元", NO, EXACT, 11.33, "万元" },
    { "20.54万元", NO, EXACT, 20.54, "万元" },
    { "1.89万元", NO, EXACT, 1.89, "万元" },
    { "6.34万元", NO, EXACT, 6.34, "万元" },
    { "41.73万元", NO, EXACT, 41.73, "万元" },
    { "0.13万元", NO, EXACT, 0.13, "万元" },
    { "1.05万元", NO, EXACT, 1.05, "万元" },
    { "0.05万元", NO, EXACT, 0.05, "万元" },
    { "0.35万元", NO, EXACT, 0.35, "万元" },
    { "4.99万元", NO, EXACT, 4.99, "万元" },
    { "6.42万元", NO, EXACT, 6.42, "万元" },
    { "0.40万元", NO, EXACT, 0.4, "万元" },
    { "0.16万元", NO, EXACT, 0.16, "万元" },
    { "0.39万元", NO, EXACT, 0.39, "万元" },
    { "6.39万元", NO, EXACT, 6.39, "万元" },
    { "9.00万元", NO, EXACT, 9, "万元" },
    { "9.72万元", NO, EXACT, 9.72, "万元" },
    { "1.99万元", NO, EXACT, 1.99, "万元" },
    { "4.62万元", NO, EXACT, 4.62, "万元" },
    { "2.03万元", NO, EXACT, 2.03, "万元" },
    { "0.5万元", NO, EXACT, 0.5, "万元" },
    { "2.09万元", NO, EXACT, 2.09, "万元" },
    { "5.4万元", NO, EXACT, 5.4, "万元" },
    { "20万元", NO, EXACT, 20, "万元" },
    { "3个", NO, EXACT, 3, "个" },
    { "2个", NO, EXACT, 2, "个" },
    { "12名", NO, EXACT, 12, "人" },
    { "三期", NO, EXACT, 3, "期" },
    { "一条", NO, EXACT, 1, "条" },
};

static const DateCase reference_dates[] = {
    { "2023年12月31日前", LE, 2023, 12, 31 },
    { "2023年12月31日前完成", LE, 2023, 12, 31 },
};

static const QualitativeCase reference_qualitative[] = {
    { "均已按时完成", TRUE },
    { "目前均已按时完成", TRUE },
    { "按期完成", TRUE },
    { "有效提升", FALSE },
    { "三个一科普进校园", FALSE },
    { "基本达到预期", TRUE },
    { "解决了企业发展技术难题", FALSE },
};

static void test_reference_report(void)
{
    check_numbers(reference_numbers, G_N_ELEMENTS(reference_numbers));
    check_dates(reference_dates, G_N_ELEMENTS(reference_dates));
    check_qualitative(reference_qualitative, G_N_ELEMENTS(reference_qualitative));
}

/* ------------------------------------------------------------------------ */

static const NumberCase comparison_cases[] = {
    { "≥95%", GE, EXACT, 95, "%" },
    { "≧95%", GE, EXACT, 95, "%" },
    { "⩾95%", GE, EXACT, 95, "%" },
    { ">=95%", GE, EXACT, 95, "%" },
    { "＞＝95%", GE, EXACT, 95, "%" },
    { "≤10万元", LE, EXACT, 10, "万元" },
    { "<=10万元", LE, EXACT, 10, "万元" },
    { "＜＝10万元", LE, EXACT, 10, "万元" },
    { "≦10", LE, EXACT, 10, "" },
    { ">0", GT, EXACT, 0, "" },
    { "＞0", GT, EXACT, 0, "" },
    { "<5天", LT, EXACT, 5, "天" },
    { "＜5天", LT, EXACT, 5, "天" },
    { "=100%", EQ, EXACT, 100, "%" },
    { "＝100%", EQ, EXACT, 100, "%" },
    { "等于100%", EQ, EXACT, 100, "%" },
    { "不低于95%", GE, EXACT, 95, "%" },
    { "不少于300人", GE, EXACT, 300, "人" },
    { "不小于3个", GE, EXACT, 3, "个" },
    { "至少3场", GE, EXACT, 3, "场" },
    { "达到100%", GE, EXACT, 100, "%" },
    { "大于等于90%", GE, EXACT, 90, "%" },
    { "不超过10万元", LE, EXACT, 10, "万元" },
    { "不高于5%", LE, EXACT, 5, "%" },
    { "不多于2次", LE, EXACT, 2, "次" },
    { "不大于2次", LE, EXACT, 2, "次" },
    { "控制在10万元以内", LE, EXACT, 10, "万元" },
    { "大于0", GT, EXACT, 0, "" },
    { "高于90%", GT, EXACT, 90, "%" },
    { "多于10家", GT, EXACT, 10, "家" },
    { "小于5%", LT, EXACT, 5, "%" },
    { "低于5%", LT, EXACT, 5, "%" },
    { "少于3次", LT, EXACT, 3, "次" },
    { "300人次以上", GE, EXACT, 300, "人次" },
    { "95%以上", GE, EXACT, 95, "%" },
    { "95%及以上", GE, EXACT, 95, "%" },
    { "5%以下", LE, EXACT, 5, "%" },
    { "10万元以内", LE, EXACT, 10, "万元" },
    { "30天内", LE, EXACT, 30, "天" },
    { "5个工作日内", LE, EXACT, 5, "个工作日" },
    { "300以上", GE, EXACT, 300, "" },
    /* two words of one direction: the first stands */
    { "≥300人次以上", GE, EXACT, 300, "人次" },
    { "≥ 300 人次", GE, EXACT, 300, "人次" },
};

static void test_comparisons(void)
{
    check_numbers(comparison_cases, G_N_ELEMENTS(comparison_cases));
}

static const NumberCase approximation_cases[] = {
    { "约300人", NO, ABOUT, 300, "人" },
    { "大约300人", NO, ABOUT, 300, "人" },
    { "约为300人", NO, ABOUT, 300, "人" },
    { "≈300人", NO, ABOUT, 300, "人" },
    { "300人左右", NO, ABOUT, 300, "人" },
    { "300左右", NO, ABOUT, 300, "" },
    { "10余个", NO, MORE, 10, "个" },
    { "十余个", NO, MORE, 10, "个" },
    { "二十多场", NO, MORE, 20, "场" },
    { "3万余元", NO, MORE, 30000, "元" },
    { "300余万元", NO, MORE, 300, "万元" },
    { "1.2万余人次", NO, MORE, 12000, "人次" },
    { "超过300人", GT, MORE, 300, "人" },
    { "超300人", GT, MORE, 300, "人" },
    /* MORE is the stronger statement */
    { "约300余人", NO, MORE, 300, "人" },
    { "不低于300人左右", GE, ABOUT, 300, "人" },
};

static void test_approximations(void)
{
    check_numbers(approximation_cases, G_N_ELEMENTS(approximation_cases));
}

static const NumberCase chinese_cases[] = {
    { "零", NO, EXACT, 0, "" },
    { "〇", NO, EXACT, 0, "" },
    { "一", NO, EXACT, 1, "" },
    { "二", NO, EXACT, 2, "" },
    { "两", NO, EXACT, 2, "" },
    { "两个", NO, EXACT, 2, "个" },
    { "十", NO, EXACT, 10, "" },
    { "十二", NO, EXACT, 12, "" },
    { "二十一", NO, EXACT, 21, "" },
    { "一百零五", NO, EXACT, 105, "" },
    { "一百一十", NO, EXACT, 110, "" },
    { "一百二", NO, EXACT, 120, "" },
    { "三千零二十", NO, EXACT, 3020, "" },
    { "三千五", NO, EXACT, 3500, "" },
    { "九千九百九十九", NO, EXACT, 9999, "" },
    { "壹", NO, EXACT, 1, "" },
    { "贰拾", NO, EXACT, 20, "" },
    { "叁佰", NO, EXACT, 300, "" },
    { "壹佰零伍元", NO, EXACT, 105, "元" },
    { "肆仟伍佰陆拾柒", NO, EXACT, 4567, "" },
    { "十二名", NO, EXACT, 12, "人" },
    { "三场", NO, EXACT, 3, "场" },
    { "五个村", NO, EXACT, 5, "个村" },
    { "三点五", NO, EXACT, 3.5, "" },
    { "≥三期", GE, EXACT, 3, "期" },
    { "不少于两次", GE, EXACT, 2, "次" },
};

static void test_chinese_numerals(void)
{
    check_numbers(chinese_cases, G_N_ELEMENTS(chinese_cases));
    /* Chinese numerals that do not read as one number: qualitative text */
    static const QualitativeCase not_numbers[] = {
        { "捌玖", FALSE }, { "三四个", FALSE }, { "一致好评", FALSE },
        { "一般", FALSE }, { "十分满意", FALSE }, { "万无一失", FALSE },
        { "一次性", FALSE }, { "一百零五十", FALSE }, { "二〇二三", FALSE },
    };
    check_qualitative(not_numbers, G_N_ELEMENTS(not_numbers));
}

static const NumberCase multiplier_cases[] = {
    { "6万", NO, EXACT, 60000, "" },
    { "1.2万", NO, EXACT, 12000, "" },
    { "1．5万", NO, EXACT, 15000, "" },
    { "3千", NO, EXACT, 3000, "" },
    { "3千人", NO, EXACT, 3000, "人" },
    { "3千万", NO, EXACT, 3e7, "" },
    { "一万二千", NO, EXACT, 12000, "" },
    { "一万二", NO, EXACT, 12000, "" },
    { "一万零五", NO, EXACT, 10005, "" },
    { "十万", NO, EXACT, 100000, "" },
    { "十万五", NO, EXACT, 105000, "" },
    { "两万", NO, EXACT, 20000, "" },
    { "一亿五", NO, EXACT, 1.5e8, "" },
    { "1亿2000万", NO, EXACT, 1.2e8, "" },
    { "1万2千", NO, EXACT, 12000, "" },
    { "1万亿", NO, EXACT, 1e12, "" },
    { "三点五万", NO, EXACT, 35000, "" },
    { "6万人次", NO, EXACT, 60000, "人次" },
    { "6万人", NO, EXACT, 60000, "人" },
    { "6万名", NO, EXACT, 60000, "人" },
    /* a unit of money or measure right after a plain number stays a unit */
    { "6万元", NO, EXACT, 6, "万元" },
    { "1.5亿元", NO, EXACT, 1.5, "亿元" },
    { "3千元", NO, EXACT, 3, "千元" },
    { "3千克", NO, EXACT, 3, "千克" },
    { "3千米", NO, EXACT, 3, "千米" },
    { "一百万元", NO, EXACT, 100, "万元" },
    { "六万元", NO, EXACT, 6, "万元" },
    /* …but not after a multiplier: that would mean 10002 千元 */
    { "1万2千元", NO, EXACT, 12000, "元" },
    { "一万二千元", NO, EXACT, 12000, "元" },
    { "1亿2000万元", NO, EXACT, 1.2e8, "元" },
    { "2千万元", NO, EXACT, 2e7, "元" },
};

static void test_multipliers(void)
{
    check_numbers(multiplier_cases, G_N_ELEMENTS(multiplier_cases));
}

static const NumberCase percent_cases[] = {
    { "100%", NO, EXACT, 100, "%" },
    { "95％", NO, EXACT, 95, "%" },
    { "５０％", NO, EXACT, 50, "%" },
    { "１００％", NO, EXACT, 100, "%" },
    { "99.5%", NO, EXACT, 99.5, "%" },
    { "95 %", NO, EXACT, 95, "%" },
    { "百分之九十五", NO, EXACT, 95, "%" },
    { "百分之95", NO, EXACT, 95, "%" },
    { "百分之百", NO, EXACT, 100, "%" },
    { "百分之一百", NO, EXACT, 100, "%" },
    { "不低于百分之九十", GE, EXACT, 90, "%" },
    { "百分之九十以上", GE, EXACT, 90, "%" },
    { "5‰", NO, EXACT, 5, "‰" },
    { "5个百分点", NO, EXACT, 5, "个百分点" },
    { "3百分点", NO, EXACT, 3, "百分点" },
};

static void test_percentages(void)
{
    check_numbers(percent_cases, G_N_ELEMENTS(percent_cases));
}

static const NumberCase unit_cases[] = {
    { "3个月", NO, EXACT, 3, "个月" },
    { "5个工作日", NO, EXACT, 5, "个工作日" },
    { "3 个", NO, EXACT, 3, "个" },
    { "5t", NO, EXACT, 5, "吨" },
    { "5 吨", NO, EXACT, 5, "吨" },
    { "10km", NO, EXACT, 10, "公里" },
    { "100㎡", NO, EXACT, 100, "平方米" },
    { "30日", NO, EXACT, 30, "天" },
    { "2023年", NO, EXACT, 2023, "年" },
    { "3位", NO, EXACT, 3, "人" },
    { "95分", NO, EXACT, 95, "分" },
    { "1000元人民币", NO, EXACT, 1000, "元" },
    /* words not in the table, kept verbatim after Arabic digits */
    { "5棵", NO, EXACT, 5, "棵" },
    { "5盏", NO, EXACT, 5, "盏" },
    { "3幅", NO, EXACT, 3, "幅" },
    { "20点位", NO, EXACT, 20, "点位" },
    { "5kWh", NO, EXACT, 5, "kWh" },
    { "5 tons", NO, EXACT, 5, "tons" },
    { "12课题组", NO, EXACT, 12, "课题组" },
    { "3盏以上", GE, EXACT, 3, "盏" },
    { "5𠀀𠀀𠀀𠀀𠀀𠀀", NO, EXACT, 5, "𠀀𠀀𠀀𠀀𠀀𠀀" },
};

static void test_units(void)
{
    check_numbers(unit_cases, G_N_ELEMENTS(unit_cases));
}

static const NumberCase sign_separator_cases[] = {
    { "1,000", NO, EXACT, 1000, "" },
    { "1，000人", NO, EXACT, 1000, "人" },
    { "1,000,000.5元", NO, EXACT, 1000000.5, "元" },
    { "12,345.67万元", NO, EXACT, 12345.67, "万元" },
    { "１，０００", NO, EXACT, 1000, "" },
    { "３００人次", NO, EXACT, 300, "人次" },
    { "-5%", NO, EXACT, -5, "%" },
    { "−5%", NO, EXACT, -5, "%" },
    { "－５％", NO, EXACT, -5, "%" },
    { "负5%", NO, EXACT, -5, "%" },
    { "+5", NO, EXACT, 5, "" },
    { "＋5", NO, EXACT, 5, "" },
    { "-0", NO, EXACT, 0, "" },
    { "-0.0万元", NO, EXACT, 0, "万元" },
    { "≤-2%", LE, EXACT, -2, "%" },
    { "0.001", NO, EXACT, 0.001, "" },
    { "007", NO, EXACT, 7, "" },
    { "1.5e3人", NO, EXACT, 1500, "人" },
    { "2E-2", NO, EXACT, 0.02, "" },
    { "1e-400", NO, EXACT, 0, "" },
    { "  ≥ 300 人次 　", GE, EXACT, 300, "人次" },
    { "\t300\n", NO, EXACT, 300, "" },
    { "99999999", NO, EXACT, 99999999, "" },
};

static void test_signs_and_separators(void)
{
    check_numbers(sign_separator_cases, G_N_ELEMENTS(sign_separator_cases));
    JxQuantity q;
    g_assert_true(jx_quantity_parse("-0", &q, NULL));
    g_assert_false(signbit(q.value));
}

static const DateCase date_cases[] = {
    { "2023年12月31日之前", LE, 2023, 12, 31 },
    { "2023年12月31日以前", LE, 2023, 12, 31 },
    { "12月31日前", LE, 0, 12, 31 },
    { "2023年底前", LE, 2023, 12, 31 },
    { "年底前", LE, 0, 12, 31 },
    { "年底前完成", LE, 0, 12, 31 },
    { "年底", NO, 0, 12, 31 },
    { "2023年12月底前", LE, 2023, 12, 31 },
    { "2023年6月底前", LE, 2023, 6, 30 },
    { "2023年2月底", NO, 2023, 2, 28 },
    { "2024年2月底", NO, 2024, 2, 29 },
    { "2月底前", LE, 0, 2, 29 },
    { "2023-12-31", NO, 2023, 12, 31 },
    { "2023.12.31", NO, 2023, 12, 31 },
    { "2023/12/31", NO, 2023, 12, 31 },
    { "2023-01-05前", LE, 2023, 1, 5 },
    { "2023年12月20日", NO, 2023, 12, 20 },
    { "2023年12月20号", NO, 2023, 12, 20 },
    { "2023 年 12 月 20 日", NO, 2023, 12, 20 },
    { "２０２３年１２月３１日前", LE, 2023, 12, 31 },
    { "二〇二三年十二月三十一日前", LE, 2023, 12, 31 },
    { "十二月底", NO, 0, 12, 31 },
    { "不晚于2023年12月31日", LE, 2023, 12, 31 },
    { "2024-02-29", NO, 2024, 2, 29 },
};

static void test_dates(void)
{
    check_dates(date_cases, G_N_ELEMENTS(date_cases));
}

static const QualitativeCase qualitative_cases[] = {
    { "按时完成", TRUE },
    { "已完成", TRUE },
    { "全部完成", TRUE },
    { "如期完成", TRUE },
    { "达到预期", TRUE },
    { "达标", TRUE },
    { "是", TRUE },
    { "完成", TRUE },
    { "已按时完成", TRUE },
    { "按期完成。", TRUE },
    { "  按期完成  ", TRUE },
    { "百分之百完成", TRUE },
    { "未按期完成", FALSE },
    { "部分完成", FALSE },
    { "否", FALSE },
    { "显著提高", FALSE },
    { "有效提升", FALSE },
    { "满意", FALSE },
    { "≥", FALSE },
    { "x", FALSE },
    { "百分之", FALSE },
    { "逐步完善", FALSE },
};

static void test_qualitative(void)
{
    check_qualitative(qualitative_cases, G_N_ELEMENTS(qualitative_cases));
    JxQuantity q;
    g_assert_true(jx_quantity_parse("  按期完成  ", &q, NULL));
    g_assert_cmpstr(q.text, ==, "按期完成");
}

/* ------------------------------------------------------------------------
 * Errors
 */

static const ErrorCase position_cases[] = {
    { "100期开展", 5, "开展" },
    { "300人次开展活动", 6, "开展活动" },
    { "5棵树", 3, "树" },
    /* a known unit is read first; what follows it must be a qualifier */
    { "20个点位", 4, "点位" },
    { "满意度≥95%", 1, "满意度" },
    { "≥≥300", 2, "≥" },
    { "300余余", 5, "余" },
    { "300多多人", 5, "多人" },
    { "≥300以下", 5, "以下" },
    { "1,00", 2, NULL },
    { "1,0000", 2, NULL },
    { "1000,000", 5, NULL },
    { "1.2.3", 4, NULL },
    { "1.", 2, "." },
    { ".5", 1, NULL },
    { "5%%", 3, "%" },
    { "%", 1, "%" },
    { "5人次/年", 4, "/" },
    { "3 千", 3, "千" },
    { "3千千", 3, "千" },
    { "1万2万", 4, "万" },
    { "1亿万", 3, "万" },
    { "90%-95%", 4, NULL },
    { "3-5个", 2, NULL },
    { "2023年2月30日", 8, "30" },
    { "2023-13-01", 6, "13" },
    { "2023-02-29", 9, "29" },
    { "2023年12月32日前", 9, "32" },
    { "12月31日后", 7, "后" },
    { "300开展科普活动次数", 4, "开展科普活动次数" },
    { "公益培训达300余人次", 1, "公益培训达" },
    { "  x5", 3, NULL },
    { "2023年12月", 9, NULL },   /* ends too early */
};

static void test_error_positions(void)
{
    check_errors(position_cases, G_N_ELEMENTS(position_cases));
}

static void test_error_end_of_text(void)
{
    GError *error = NULL;
    g_assert_false(jx_quantity_parse("2023年12月", NULL, &error));
    g_assert_error(error, JX_ERROR, JX_ERROR_PARSE);
    char *en = jx_error_text(error, JX_LANG_EN);
    g_assert_nonnull(strstr(en, "ends too early at character 9"));
    g_free(en);
    g_clear_error(&error);
}

static void test_error_empty(void)
{
    static const char *const empty[] = { NULL, "", " ", "\t\n", "　", " 　 \u00a0" };
    for (gsize i = 0; i < G_N_ELEMENTS(empty); i++) {
        GError *error = NULL;
        JxQuantity q;
        strings_checked++;
        g_assert_false(jx_quantity_parse(empty[i], &q, &error));
        g_assert_error(error, JX_ERROR, JX_ERROR_PARSE);
        char *zh = jx_error_text(error, JX_LANG_ZH);
        g_assert_cmpstr(zh, ==, "内容为空");
        g_free(zh);
        g_error_free(error);
    }
    /* a NULL error pointer is allowed */
    g_assert_false(jx_quantity_parse("", NULL, NULL));
}

static void test_error_invalid_utf8(void)
{
    static const struct { const char *text; long position; } cases[] = {
        { "12\xff人", 3 },
        { "\xe4\xba", 1 },
        { "人\xe4\xba", 2 },
        { "\xc0\x80", 1 },
        { "按期完成\x80", 5 },
        { "\xed\xa0\x80", 1 },   /* a surrogate */
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        GError *error = NULL;
        strings_checked++;
        g_assert_false(jx_quantity_parse(cases[i].text, NULL, &error));
        g_assert_error(error, JX_ERROR, JX_ERROR_PARSE);
        char *zh = jx_error_text(error, JX_LANG_ZH);
        char *en = jx_error_text(error, JX_LANG_EN);
        char *expected = g_strdup_printf("invalid UTF-8 at character %ld", cases[i].position);
        g_assert_cmpstr(en, ==, expected);
        g_assert_true(g_utf8_validate(zh, -1, NULL));
        g_free(expected);
        g_free(zh);
        g_free(en);
        g_error_free(error);
    }
}

static void test_error_huge_numbers(void)
{
    static const ErrorCase cases[] = {
        { "1e400", 1, "1e400" },
        { "≥1e400人", 2, "1e400" },
        { "1e999999999999", 1, NULL },
        { "1.5E+309", 1, "1.5E+309" },
        { "1e305亿", 1, "1e305亿" },
        { "1e304万亿", 1, "1e304万亿" },
        { "1e308亿", 1, NULL },
    };
    check_errors(cases, G_N_ELEMENTS(cases));

    /* 400 digits: beyond any double */
    GString *digits = g_string_new("约");
    for (int i = 0; i < 400; i++)
        g_string_append_c(digits, '9');
    ErrorCase long_number = { digits->str, 2, NULL };
    check_errors(&long_number, 1);
    g_string_free(digits, TRUE);

    /* 308 digits fit */
    GString *fits = g_string_new("1");
    for (int i = 0; i < 307; i++)
        g_string_append_c(fits, '0');
    JxQuantity q;
    g_assert_true(parse_ok(fits->str, &q));
    g_assert_cmpfloat(q.value, ==, 1e307);
    g_string_free(fits, TRUE);
}

/* ------------------------------------------------------------------------
 * Long text: linear time, no buffer overflow, truncation at UTF-8 bounds
 */

#define TEN_MB (10 * 1024 * 1024)

static char *repeat(const char *prefix, const char *unit, gsize bytes, const char *suffix)
{
    GString *s = g_string_sized_new(bytes + 64);
    g_string_append(s, prefix);
    while (s->len < bytes)
        g_string_append(s, unit);
    g_string_append(s, suffix);
    return g_string_free(s, FALSE);
}

static void test_long_text(void)
{
    JxQuantity q;
    GError *error = NULL;
    g_test_timer_start();

    /* ten million zeros before a 1: still 1 */
    char *zeros = repeat("≥", "0", TEN_MB, "1人次");
    g_assert_true(parse_ok(zeros, &q));
    g_assert_cmpfloat(q.value, ==, 1);
    g_assert_cmpstr(q.unit, ==, "人次");
    g_free(zeros);

    /* ten million digits: too large, quoted briefly */
    char *digits = repeat("", "7", TEN_MB, "");
    g_assert_false(jx_quantity_parse(digits, &q, &error));
    g_assert_error(error, JX_ERROR, JX_ERROR_PARSE);
    char *zh = jx_error_text(error, JX_LANG_ZH);
    g_assert_cmpuint(strlen(zh), <, 200);
    g_free(zh);
    g_clear_error(&error);
    g_free(digits);

    /* thousands separators all the way */
    char *grouped = repeat("1", ",000", TEN_MB, "");
    g_assert_false(jx_quantity_parse(grouped, &q, &error));
    g_clear_error(&error);
    g_free(grouped);

    /* ten megabytes of Chinese text: qualitative, truncated at a boundary */
    char *prose = repeat("", "有效提升", TEN_MB, "");
    g_assert_true(parse_ok(prose, &q));
    g_assert_cmpint(q.kind, ==, JX_QUANTITY_QUALITATIVE);
    g_assert_cmpuint(strlen(q.text), <, JX_QUALITATIVE_MAX);
    g_assert_true(g_utf8_validate(q.text, -1, NULL));
    g_free(prose);

    /* a number followed by ten megabytes of spaces */
    char *spaces = repeat("300人次", " ", TEN_MB, "　");
    g_assert_true(parse_ok(spaces, &q));
    g_assert_cmpfloat(q.value, ==, 300);
    g_free(spaces);

    /* a digit at the very end of ten megabytes of text: an error at its start */
    char *tail = repeat("", "好", TEN_MB, "5");
    g_assert_false(jx_quantity_parse(tail, &q, &error));
    char *en = jx_error_text(error, JX_LANG_EN);
    g_assert_nonnull(strstr(en, "at character 1"));
    g_assert_nonnull(strstr(en, "…"));
    g_free(en);
    g_clear_error(&error);
    g_free(tail);

    /* completion stated, then ten megabytes of full stops */
    char *stops = repeat("按期完成", "。", TEN_MB, "");
    g_assert_true(parse_ok(stops, &q));
    g_assert_true(q.achieved);
    g_free(stops);

    /* an error deep inside: the position counts characters, not bytes */
    char *deep = repeat("≥", "0", 1000003, "1人次开展");
    g_assert_false(jx_quantity_parse(deep, &q, &error));
    en = jx_error_text(error, JX_LANG_EN);
    g_assert_nonnull(strstr(en, "unexpected '开展' at character 1000005"));
    g_free(en);
    g_clear_error(&error);
    g_free(deep);

    g_test_message("long texts parsed in %.2f s", g_test_timer_elapsed());
    g_assert_cmpfloat(g_test_timer_elapsed(), <, 20);
}

static void test_truncation(void)
{
    JxQuantity q;
    /* 300 three-byte characters: 85 fit in 255 bytes */
    char *long_text = repeat("", "效", 900, "");
    g_assert_true(parse_ok(long_text, &q));
    g_assert_cmpuint(strlen(q.text), ==, 255);
    g_assert_true(g_utf8_validate(q.text, -1, NULL));
    g_free(long_text);

    /* four-byte characters do not fit evenly: cut before the partial one */
    char *wide = repeat("", "𠀀", 400, "");
    g_assert_true(parse_ok(wide, &q));
    g_assert_cmpuint(strlen(q.text), ==, 252);
    g_assert_true(g_utf8_validate(q.text, -1, NULL));
    g_free(wide);
}

/* ------------------------------------------------------------------------
 * Regressions found by fuzzing (tests/fuzz/fuzz_quantity.c)
 */

static const NumberCase fuzz_numbers[] = {
    { "0e0", NO, EXACT, 0, "" },
    { "1萬億", NO, EXACT, 1e12, "" },
    { "1万亿2000亿", NO, EXACT, 1.2e12, "" },
    { "二千〇二十", NO, EXACT, 2020, "" },
};

static const ErrorCase fuzz_errors[] = {
    { "1e+", 3, "+" },
    /* 万亿 once, then descending: was read as 1e28 */
    { "1萬亿0萬亿0萬亿", 3, "亿" },
    { "1亿2万亿", 4, "万亿" },
    /* a mixed Latin and Chinese word is no unit: was the unit "O人次" */
    { "6000O人次", 6, "人次" },
    { "5多亵z", 4, "z" },
    /* an Arabic digit makes Chinese numerals that do not read an error */
    { "二千〇二十零九5", 6, NULL },
};

/* Qualitative now, read as numbers before (零 after 十 skips no place) */
static const QualitativeCase fuzz_qualitative[] = {
    { "二千〇二十零九", FALSE },
    { "二拾〇二", FALSE },
};

static void test_fuzz_regressions(void)
{
    check_numbers(fuzz_numbers, G_N_ELEMENTS(fuzz_numbers));
    check_errors(fuzz_errors, G_N_ELEMENTS(fuzz_errors));
    check_qualitative(fuzz_qualitative, G_N_ELEMENTS(fuzz_qualitative));
}

/* ------------------------------------------------------------------------
 * Conversion and symbols
 */

static void test_value_in(void)
{
    JxQuantity q;
    double value;
    GError *error = NULL;

    g_assert_true(jx_quantity_parse("6万元", &q, NULL));
    g_assert_true(jx_quantity_value_in(&q, "元", &value, &error));
    g_assert_no_error(error);
    g_assert_cmpfloat(value, ==, 60000);

    g_assert_true(jx_quantity_parse("1.5亿元", &q, NULL));
    g_assert_true(jx_quantity_value_in(&q, "万元", &value, NULL));
    g_assert_cmpfloat(value, ==, 15000);

    g_assert_true(jx_quantity_parse("0.33万元", &q, NULL));
    g_assert_true(jx_quantity_value_in(&q, "元", &value, NULL));
    g_assert_cmpfloat_with_epsilon(value, 3300, 1e-9);

    g_assert_true(jx_quantity_parse("95%", &q, NULL));
    g_assert_true(jx_quantity_value_in(&q, "", &value, NULL));
    g_assert_cmpfloat(value, ==, 95);

    /* people in 万元: the mistake of the reference report */
    g_assert_true(jx_quantity_parse("超过6万元", &q, NULL));
    g_assert_false(jx_quantity_value_in(&q, "人次", &value, &error));
    g_assert_error(error, JX_ERROR, JX_ERROR_UNIT_MISMATCH);
    g_clear_error(&error);

    g_assert_true(jx_quantity_parse("300人次", &q, NULL));
    g_assert_false(jx_quantity_value_in(&q, "人", &value, &error));
    g_assert_error(error, JX_ERROR, JX_ERROR_UNIT_MISMATCH);
    g_clear_error(&error);

    g_assert_true(jx_quantity_parse("按期完成", &q, NULL));
    g_assert_false(jx_quantity_value_in(&q, "", &value, &error));
    g_assert_error(error, JX_ERROR, JX_ERROR_INVALID);
    g_clear_error(&error);

    g_assert_false(jx_quantity_value_in(NULL, "", &value, &error));
    g_assert_error(error, JX_ERROR, JX_ERROR_INVALID);
    g_clear_error(&error);
}

static void test_comparison_symbol(void)
{
    g_assert_cmpstr(jx_comparison_symbol(JX_CMP_GE), ==, "≥");
    g_assert_cmpstr(jx_comparison_symbol(JX_CMP_LE), ==, "≤");
    g_assert_cmpstr(jx_comparison_symbol(JX_CMP_GT), ==, ">");
    g_assert_cmpstr(jx_comparison_symbol(JX_CMP_LT), ==, "<");
    g_assert_cmpstr(jx_comparison_symbol(JX_CMP_EQ), ==, "=");
    g_assert_cmpstr(jx_comparison_symbol(JX_CMP_NONE), ==, "");
    g_assert_cmpstr(jx_comparison_symbol((JxComparison)99), ==, "");
}

/* Fields other than the kind's own are zero: callers may rely on it. */
static void test_unused_fields_clear(void)
{
    JxQuantity q;
    g_assert_true(jx_quantity_parse("2023年12月31日前", &q, NULL));
    g_assert_cmpfloat(q.value, ==, 0);
    g_assert_cmpstr(q.unit, ==, "");
    g_assert_cmpstr(q.text, ==, "");
    g_assert_true(jx_quantity_parse("≥300人次", &q, NULL));
    g_assert_cmpint(q.year, ==, 0);
    g_assert_cmpstr(q.text, ==, "");
    g_assert_true(jx_quantity_parse("有效提升", &q, NULL));
    g_assert_cmpfloat(q.value, ==, 0);
    g_assert_cmpstr(q.unit, ==, "");
    /* a failure leaves a cleared result, not the previous one */
    g_assert_false(jx_quantity_parse("300人次开展", &q, NULL));
    g_assert_cmpfloat(q.value, ==, 0);
    g_assert_cmpstr(q.unit, ==, "");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/quantity/reference-report", test_reference_report);
    g_test_add_func("/quantity/comparisons", test_comparisons);
    g_test_add_func("/quantity/approximations", test_approximations);
    g_test_add_func("/quantity/chinese-numerals", test_chinese_numerals);
    g_test_add_func("/quantity/multipliers", test_multipliers);
    g_test_add_func("/quantity/percentages", test_percentages);
    g_test_add_func("/quantity/units", test_units);
    g_test_add_func("/quantity/signs-and-separators", test_signs_and_separators);
    g_test_add_func("/quantity/dates", test_dates);
    g_test_add_func("/quantity/qualitative", test_qualitative);
    g_test_add_func("/quantity/errors/position", test_error_positions);
    g_test_add_func("/quantity/errors/end-of-text", test_error_end_of_text);
    g_test_add_func("/quantity/errors/empty", test_error_empty);
    g_test_add_func("/quantity/errors/invalid-utf8", test_error_invalid_utf8);
    g_test_add_func("/quantity/errors/huge-numbers", test_error_huge_numbers);
    g_test_add_func("/quantity/long-text", test_long_text);
    g_test_add_func("/quantity/truncation", test_truncation);
    g_test_add_func("/quantity/fuzz-regressions", test_fuzz_regressions);
    g_test_add_func("/quantity/value-in", test_value_in);
    g_test_add_func("/quantity/comparison-symbol", test_comparison_symbol);
    g_test_add_func("/quantity/unused-fields-clear", test_unused_fields_clear);
    int status = g_test_run();
    printf("# %u quantity strings checked\n", strings_checked);
    return status;
}
