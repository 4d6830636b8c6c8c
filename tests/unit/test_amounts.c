/*
 * test_amounts.c: rounding, formatting, 人民币大写 and the sum check.
 *
 * Rounded values are compared with == against the decimal written in the
 * table: both are the double nearest that decimal, so equality is the
 * "to the cent" check.
 */
#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib.h>

#include "core/amounts.h"
#include "core/error.h"

/* ---- jx_round ----------------------------------------------------------- */

typedef struct {
    double value;
    int decimals;
    double expected;
} RoundCase;

static const RoundCase round_cases[] = {
    { 2.675, 2, 2.68 },          /* binary 2.67499999…, decimal 2.675 → 2.68 */
    { 261.0 / 360 * 9, 2, 6.53 }, /* 6.5249999999999995 from arithmetic; shown as 6.525 → 6.53 */
    { 0.8 * 7, 9, 5.6 },         /* 5.6000000000000005: noise below 15 digits is not a value */
    { 1.005, 2, 1.01 },          /* binary 1.00499999… */
    { 0.125, 2, 0.13 },          /* exact binary tie: away from zero, not to even */
    { -2.5, 0, -3 },
    { 2.5, 0, 3 },
    { 0.5, 0, 1 },
    { -0.5, 0, -1 },
    { 1.45, 1, 1.5 },            /* binary 1.4499999… */
    { 8.345, 2, 8.35 },
    { -1.005, 2, -1.01 },
    { 9.995, 2, 10 },            /* carries into a new digit */
    { 999999.995, 2, 1000000 },
    { 1234567.895, 2, 1234567.9 },
    { 1.4999, 0, 1 },
    { 1.0049999, 2, 1 },
    { 0.1 + 0.2, 2, 0.3 },       /* 0.30000000000000004 */
    { 0.1 + 0.2, 9, 0.3 },
    { 0.005, 2, 0.01 },
    { 0.004, 2, 0 },
    { 0.0004, 2, 0 },            /* far below the last place */
    { -0.004, 2, 0 },
    { 5e-324, 2, 0 },            /* smallest subnormal */
    { 123.456, 9, 123.456 },     /* already short: unchanged */
    { 1e20, 2, 1e20 },           /* huge: passes through */
    { 1.7976931348623157e308, 2, 1.7976931348623157e308 },
    { 4503599627370495.5, 0, 4503599627370496 },  /* 2^52 − 0.5 */
    { 0.285, 2, 0.29 },
    { 1.23456789012, 12, 1.23456789 },            /* decimals clamped to 9 */
    { 2.5, -1, 3 },                               /* decimals clamped to 0 */
    { 0, 2, 0 },
};

static void test_round_table(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(round_cases); i++) {
        const RoundCase *c = &round_cases[i];
        double got = jx_round(c->value, c->decimals);
        if (got != c->expected)
            g_error("jx_round(%.17g, %d) = %.17g, expected %.17g",
                    c->value, c->decimals, got, c->expected);
    }
}

static void test_round_special(void)
{
    g_assert_true(isnan(jx_round(NAN, 2)));
    g_assert_cmpfloat(jx_round(INFINITY, 2), ==, INFINITY);
    g_assert_cmpfloat(jx_round(-INFINITY, 2), ==, -INFINITY);
    /* a result of zero is +0, never -0 */
    g_assert_false(signbit(jx_round(-0.001, 2)));
}

/* Every 3-place value x.xx5 rounds up, whatever its binary error. */
static void test_round_all_half_cents(void)
{
    for (int mills = 5; mills < 100000; mills += 10) {
        char text[32];
        g_snprintf(text, sizeof text, "%d.%03d", mills / 1000, mills % 1000);
        double value = g_ascii_strtod(text, NULL);
        g_snprintf(text, sizeof text, "%d.%02d", (mills + 5) / 1000, (mills + 5) % 1000 / 10);
        double expected = g_ascii_strtod(text, NULL);
        g_assert_cmpfloat(jx_round(value, 2), ==, expected);
        g_assert_cmpfloat(jx_round(-value, 2), ==, -expected);
    }
}

static void test_yuan_to_wan(void)
{
    static const struct { double yuan, wan; } cases[] = {
        { 123456, 12.35 },       /* 12.3456 → 12.35 */
        { 12350, 1.24 },         /* 1.235 → 1.24 */
        { 12345, 1.23 },         /* 1.2345 → 1.23 */
        { 2737700, 273.77 },
        { 4104100, 410.41 },
        { 0, 0 },
        { -50, -0.01 },          /* −0.005 → −0.01 */
        { 49, 0 },               /* 0.0049 → 0 */
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++)
        g_assert_cmpfloat(jx_yuan_to_wan(cases[i].yuan), ==, cases[i].wan);
}

/* ---- fixed and percent text -------------------------------------------- */

typedef struct {
    double value;
    int decimals;
    gboolean grouping;
    const char *expected;
} FixedCase;

static const FixedCase fixed_cases[] = {
    { 1234.5, 2, TRUE, "1,234.50" },
    { 1234.5, 2, FALSE, "1234.50" },
    { -0.0, 2, TRUE, "0.00" },
    { -0.001, 2, TRUE, "0.00" },
    { -1234567.891, 2, TRUE, "-1,234,567.89" },
    { 0.125, 2, FALSE, "0.13" },
    { 2.675, 2, FALSE, "2.68" },
    { 100, 0, TRUE, "100" },
    { 1000, 0, TRUE, "1,000" },
    { 999.995, 2, TRUE, "1,000.00" },
    { 999999.995, 2, TRUE, "1,000,000.00" },
    { 123456, 2, TRUE, "123,456.00" },
    { 12345, 2, TRUE, "12,345.00" },
    { 1e20, 2, TRUE, "100,000,000,000,000,000,000.00" },
    { 12.3, 9, FALSE, "12.300000000" },
    { 123, -3, FALSE, "123" },                /* decimals clamped to 0 */
    { 0.5, 0, FALSE, "1" },
    { -0.5, 0, FALSE, "-1" },
    { 273.77, 2, TRUE, "273.77" },
    { NAN, 2, TRUE, "NaN" },
    { INFINITY, 2, TRUE, "∞" },
    { -INFINITY, 2, TRUE, "-∞" },
};

static void test_format_fixed(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(fixed_cases); i++) {
        const FixedCase *c = &fixed_cases[i];
        g_autofree char *text = jx_format_fixed(c->value, c->decimals, c->grouping);
        g_assert_cmpstr(text, ==, c->expected);
    }
    /* the largest double prints in full */
    g_autofree char *huge = jx_format_fixed(-1.7976931348623157e308, 9, TRUE);
    g_assert_true(g_str_has_prefix(huge, "-179,769,313,486,231,570,"));
    g_assert_true(g_str_has_suffix(huge, ".000000000"));
}

/* The decimal point is '.' whatever LC_NUMERIC says. */
static void test_format_locale(void)
{
    const char *locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8", "ru_RU.UTF-8" };
    char *saved = g_strdup(setlocale(LC_NUMERIC, NULL));
    gboolean tried = FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(locales) && !tried; i++)
        tried = setlocale(LC_NUMERIC, locales[i]) != NULL;
    if (!tried) {
        g_free(saved);
        g_test_skip("no locale with a decimal comma installed");
        return;
    }
    g_autofree char *text = jx_format_fixed(1234.5, 2, TRUE);
    double rounded = jx_round(2.675, 2);
    setlocale(LC_NUMERIC, saved);
    g_free(saved);
    g_assert_cmpstr(text, ==, "1,234.50");
    g_assert_cmpfloat(rounded, ==, 2.68);
}

static void test_format_percent(void)
{
    static const struct { double fraction; int decimals; const char *expected; } cases[] = {
        { 0.9523, 2, "95.23%" },     /* 0.9523 × 100 is 95.22999… in binary */
        { 1, 2, "100.00%" },
        { 0.01005, 2, "1.01%" },     /* 1.005 % → 1.01 % */
        { 0, 0, "0%" },
        { 1.2345, 1, "123.5%" },     /* 123.45 → 123.5 */
        { -0.05, 2, "-5.00%" },
        { 0.951404, 2, "95.14%" },
        { 0.99995, 2, "100.00%" },   /* 99.995 → 100.00 */
        { 12.5, 0, "1250%" },
        { NAN, 2, "NaN" },
        { INFINITY, 2, "∞" },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *text = jx_format_percent(cases[i].fraction, cases[i].decimals);
        g_assert_cmpstr(text, ==, cases[i].expected);
    }
}

/* ---- 人民币大写 ---------------------------------------------------------- */

static const struct { double yuan; const char *words; } words_cases[] = {
    { 0, "零元整" },
    { 0.05, "伍分" },                       /* no leading 零元 */
    { 0.5, "伍角" },                        /* no 整 after 角 */
    { 0.15, "壹角伍分" },
    { 1, "壹元整" },
    { 10, "壹拾元整" },                     /* 壹 before 拾 always written */
    { 15, "壹拾伍元整" },
    { 100, "壹佰元整" },
    { 100.05, "壹佰元零伍分" },             /* 角 zero, 分 not: 零 after 元 */
    { 100.5, "壹佰元伍角" },
    { 105, "壹佰零伍元整" },
    { 110, "壹佰壹拾元整" },
    { 123.45, "壹佰贰拾叁元肆角伍分" },
    { 325.04, "叁佰贰拾伍元零肆分" },
    { 1000.05, "壹仟元零伍分" },
    { 1005.5, "壹仟零伍元伍角" },
    { 1680.32, "壹仟陆佰捌拾元叁角贰分" },  /* zero on the 元 place absorbed */
    { 10010, "壹万零壹拾元整" },
    { 16409.02, "壹万陆仟肆佰零玖元零贰分" },
    { 100000, "壹拾万元整" },
    { 107000.53, "壹拾万柒仟元伍角叁分" },  /* zero on the 万 place absorbed */
    { 2737700, "贰佰柒拾叁万柒仟柒佰元整" },
    { 4104100, "肆佰壹拾万肆仟壹佰元整" },
    { 10000100, "壹仟万零壹佰元整" },
    { 10001000, "壹仟万壹仟元整" },
    { 20000000.5, "贰仟万元伍角" },
    { 1e8, "壹亿元整" },
    { 100000001, "壹亿零壹元整" },          /* an empty 万 group: one 零 */
    { 100010000, "壹亿零壹万元整" },
    { 100100000, "壹亿零壹拾万元整" },
    { 110000000, "壹亿壹仟万元整" },
    { 1e9, "壹拾亿元整" },
    { 1010101010, "壹拾亿壹仟零壹拾万壹仟零壹拾元整" },
    { 100000000000, "壹仟亿元整" },
    { 500000000000, "伍仟亿元整" },
    { 999999999999.99, "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分" },
    { -3, "负叁元整" },
    { -0.05, "负伍分" },
    { -1005.5, "负壹仟零伍元伍角" },
    { -0.001, "零元整" },                   /* rounds to zero: no 负 */
    { 0.005, "壹分" },                      /* rounded to the 分 first */
    { 0.004, "零元整" },
    { 2.675, "贰元陆角捌分" },              /* 2.675 → 2.68 */
    { 1.005, "壹元零壹分" },                /* 1.005 → 1.01 */
    { 0.29, "贰角玖分" },                   /* 0.29 × 100 is 28.999… in binary */
    { 9.995, "壹拾元整" },
};

static void test_words_table(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(words_cases); i++) {
        g_autoptr(GError) error = NULL;
        g_autofree char *words = jx_amount_in_words(words_cases[i].yuan, &error);
        g_assert_no_error(error);
        g_assert_cmpstr(words, ==, words_cases[i].words);
    }
}

static void test_words_range(void)
{
    static const double out_of_range[] = {
        1e12, -1e12, 999999999999.995, 1e300, NAN, INFINITY, -INFINITY,
    };
    for (gsize i = 0; i < G_N_ELEMENTS(out_of_range); i++) {
        g_autoptr(GError) error = NULL;
        char *words = jx_amount_in_words(out_of_range[i], &error);
        g_assert_null(words);
        g_assert_error(error, JX_ERROR, JX_ERROR_RANGE);
        g_autofree char *zh = jx_error_text(error, JX_LANG_ZH);
        g_autofree char *en = jx_error_text(error, JX_LANG_EN);
        g_assert_true(zh[0] != '\0' && en[0] != '\0');
    }
    g_assert_null(jx_amount_in_words(1e12, NULL));   /* NULL error is fine */
}

/* ---- sum check ---------------------------------------------------------- */

#define MAX_PARTS 20

typedef struct {
    const char *path;
    double total, total_precision;
    double parts[MAX_PARTS];
    gboolean own_precisions;             /* FALSE: part_precisions = NULL */
    double part_precisions[MAX_PARTS];
    gsize n_parts;
    gboolean consistent;
    double difference;                   /* NaN: expected NaN */
} SumCase;

static const SumCase sum_cases[] = {
    /* |0.01| ≤ 0.005 + 2 × 0.005: a rounding note */
    { "/amounts/sum/cent-off-rounded-parts", 10.01, 0.01, { 5.00, 5.00 }, FALSE, { 0 }, 2,
      TRUE, 0.01 },
    /* one part: |0.01| ≤ 0.005 + 0.005, on the boundary */
    { "/amounts/sum/cent-off-one-part", 10.01, 0.01, { 10.00 }, FALSE, { 0 }, 1,
      TRUE, 0.01 },
    /* |0.02| > 0.005 + 0.005 */
    { "/amounts/sum/two-cents-off-one-part", 10.02, 0.01, { 10.00 }, FALSE, { 0 }, 1,
      FALSE, 0.02 },
    /* everything exact: 0.02 off is an error */
    { "/amounts/sum/exact-two-cents-off", 10.02, 0, { 5.00, 5.00 }, TRUE, { 0, 0 }, 2,
      FALSE, 0.02 },
    /* exact total, one rounded part: tolerance 0.005, 0.01 off is an error */
    { "/amounts/sum/exact-total-one-rounded-cent-off", 10.01, 0, { 5.00, 5.00 }, TRUE, { 0.01, 0 }, 2,
      FALSE, 0.01 },
    /* same, 0.005 off: on the boundary */
    { "/amounts/sum/exact-total-one-rounded-half-cent", 10.005, 0, { 5.00, 5.00 }, TRUE, { 0.01, 0 }, 2,
      TRUE, 0.005 },
    /* binary noise: 0.1 + 0.2 vs 0.3, all exact */
    { "/amounts/sum/binary-noise", 0.3, 0, { 0.1, 0.2 }, FALSE, { 0 }, 2,
      TRUE, 0 },
    /* the reference report: 整体支出 410.41 = 基本 273.77 + 项目 136.64 */
    { "/amounts/sum/reference-total-expenditure", 410.41, 0.01, { 273.77, 136.64 }, FALSE, { 0 }, 2,
      TRUE, 0 },
    /* the reference report: 基本支出 273.77 vs 301 273.77 + 302 41.73 + 303 4.62 + 310 0.33 = 320.45 */
    { "/amounts/sum/reference-basic-expenditure", 273.77, 0.01, { 273.77, 41.73, 4.62, 0.33 }, FALSE, { 0 }, 4,
      FALSE, -46.68 },
    /* 工资福利 273.77 vs its items, 217.56: 56.21 short */
    { "/amounts/sum/reference-wages", 273.77, 0.01,
      { 115.87, 37.66, 0, 23.93, 11.33, 20.54, 1.89, 6.34 }, FALSE, { 0 }, 8,
      FALSE, 56.21 },
    /* 商品和服务 41.73 vs its 17 items, 43.06 */
    { "/amounts/sum/reference-goods-and-services", 41.73, 0.01,
      { 1.89, 0.13, 0, 1.05, 0.05, 0.35, 4.99, 6.42, 0.13, 0.40, 0.16, 0.39, 6.39, 9.00, 0, 9.72, 1.99 },
      FALSE, { 0 }, 17, FALSE, -1.33 },
    /* 对个人和家庭的补助 4.62 vs 2.03 + 0.5 + 2.09 + 5.4 = 10.02 */
    { "/amounts/sum/reference-households", 4.62, 0.01, { 2.03, 0.5, 2.09, 5.4 }, FALSE, { 0 }, 4,
      FALSE, -5.4 },
    /* 资本性支出 0.33 = 办公设备购置 0.33 */
    { "/amounts/sum/reference-capital", 0.33, 0.01, { 0.33 }, FALSE, { 0 }, 1, TRUE, 0 },
    /* large figures in 元 */
    { "/amounts/sum/large", 123456789.12, 0.01, { 100000000.00, 23456789.12 }, FALSE, { 0 }, 2,
      TRUE, 0 },
    /* no parts: the total must be 0 (within its own precision) */
    { "/amounts/sum/no-parts-zero", 0, 0.01, { 0 }, FALSE, { 0 }, 0, TRUE, 0 },
    { "/amounts/sum/no-parts-nonzero", 5, 0, { 0 }, FALSE, { 0 }, 0, FALSE, 5 },
    /* negative figures (a refund line) */
    { "/amounts/sum/negative-part", 90, 0.01, { 100, -10 }, FALSE, { 0 }, 2, TRUE, 0 },
    /* invalid figures: inconsistent, difference NaN */
    { "/amounts/sum/nan-total", NAN, 0.01, { 1 }, FALSE, { 0 }, 1, FALSE, NAN },
    { "/amounts/sum/nan-part", 1, 0.01, { NAN }, FALSE, { 0 }, 1, FALSE, NAN },
    { "/amounts/sum/infinite-part", 1, 0.01, { 1, INFINITY }, FALSE, { 0 }, 2, FALSE, NAN },
    { "/amounts/sum/nan-precision", 1, NAN, { 1 }, FALSE, { 0 }, 1, FALSE, NAN },
    { "/amounts/sum/negative-precision", 1, 0.01, { 1 }, TRUE, { -0.01 }, 1, FALSE, NAN },
    { "/amounts/sum/overflowing-sum", 1, 0, { 1.7e308, 1.7e308 }, FALSE, { 0 }, 2, FALSE, NAN },
};

static void test_sum(gconstpointer data)
{
    const SumCase *c = data;
    double difference = 12345;
    gboolean consistent = jx_sum_check(c->total, c->total_precision, c->parts,
                                       c->own_precisions ? c->part_precisions : NULL,
                                       c->n_parts, &difference);
    g_assert_cmpint(consistent, ==, c->consistent);
    if (isnan(c->difference))
        g_assert_true(isnan(difference));
    else
        g_assert_cmpfloat(difference, ==, c->difference);
}

static void test_sum_null_arguments(void)
{
    double difference;
    g_assert_false(jx_sum_check(1, 0, NULL, NULL, 2, &difference));
    g_assert_true(isnan(difference));
    g_assert_true(jx_sum_check(0, 0, NULL, NULL, 0, &difference));
    g_assert_cmpfloat(difference, ==, 0);
    const double parts[] = { 0.5, 0.5 };
    g_assert_true(jx_sum_check(1, 0, parts, NULL, 2, NULL));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/amounts/round/table", test_round_table);
    g_test_add_func("/amounts/round/special-values", test_round_special);
    g_test_add_func("/amounts/round/all-half-cents", test_round_all_half_cents);
    g_test_add_func("/amounts/round/yuan-to-wan", test_yuan_to_wan);
    g_test_add_func("/amounts/format/fixed", test_format_fixed);
    g_test_add_func("/amounts/format/locale", test_format_locale);
    g_test_add_func("/amounts/format/percent", test_format_percent);
    g_test_add_func("/amounts/words/table", test_words_table);
    g_test_add_func("/amounts/words/range", test_words_range);
    for (gsize i = 0; i < G_N_ELEMENTS(sum_cases); i++)
        g_test_add_data_func(sum_cases[i].path, &sum_cases[i], test_sum);
    g_test_add_func("/amounts/sum/null-arguments", test_sum_null_arguments);
    return g_test_run();
}
