/*
 * test_numerals.c: Chinese numerals read (jx_numeral_parse_prefix) and
 * written (jx_numeral_format, jx_heading_number).
 */
#include <string.h>

#include "core/error.h"
#include "core/numerals.h"
#include "core/quantity.h"

typedef struct {
    const char *text;
    const char *consumed;   /* the prefix read */
    double value;
} ParseCase;

static const ParseCase parse_cases[] = {
    { "零", "零", 0 },
    { "〇", "〇", 0 },
    { "一", "一", 1 },
    { "二", "二", 2 },
    { "两", "两", 2 },
    { "兩", "兩", 2 },
    { "十", "十", 10 },
    { "十一", "十一", 11 },
    { "十二个", "十二", 12 },
    { "二十", "二十", 20 },
    { "二十一", "二十一", 21 },
    { "九十九", "九十九", 99 },
    { "一百", "一百", 100 },
    { "一百零一", "一百零一", 101 },
    { "一百零五", "一百零五", 105 },
    { "一百一十", "一百一十", 110 },
    { "一百一", "一百一", 110 },     /* spoken short form */
    { "一千", "一千", 1000 },
    { "一千零一", "一千零一", 1001 },
    { "一千零一十", "一千零一十", 1010 },
    { "一千二", "一千二", 1200 },
    { "三千零二十", "三千零二十", 3020 },
    { "三千五", "三千五", 3500 },
    { "两千", "两千", 2000 },
    { "九千九百九十九", "九千九百九十九", 9999 },
    { "壹", "壹", 1 },
    { "贰拾", "贰拾", 20 },
    { "壹仟贰佰叁拾肆", "壹仟贰佰叁拾肆", 1234 },
    { "肆佰零伍元", "肆佰零伍", 405 },
    { "玖拾捌", "玖拾捌", 98 },
    { "陸", "陸", 6 },
    /* 万 and 亿 are the caller's */
    { "一万", "一", 1 },
    { "三千万", "三千", 3000 },
    /* where a numeral ends */
    { "零五", "零", 0 },
    { "二〇二三", "二", 2 },
    { "三四个", "三", 3 },
    { "十十", "十", 10 },
    { "二十十", "二十", 20 },
    { "一百十", "一百", 100 },
    { "一百零五十", "一百零五", 105 },
    { "一百零", "一百", 100 },
    { "一千零零一", "一千", 1000 },
    { "一十", "一十", 10 },
    { "二千〇二十零九", "二千〇二十", 2020 },   /* found by fuzzing */
    { "二拾〇二", "二拾", 20 },
    /* not numerals */
    { "", "", 0 },
    { "百", "", 0 },
    { "千", "", 0 },
    { "万", "", 0 },
    { "abc", "", 0 },
    { "5", "", 0 },
    { "有效", "", 0 },
};

static void test_parse(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(parse_cases); i++) {
        const ParseCase *k = &parse_cases[i];
        double value = -1;
        gsize n = jx_numeral_parse_prefix(k->text, &value);
        if (n != strlen(k->consumed) || strncmp(k->text, k->consumed, n) != 0 ||
            value != k->value)
            g_test_fail_printf("“%s”: read %.*s = %g, expected %s = %g", k->text, (int)n,
                               k->text, value, k->consumed, k->value);
    }
}

static void test_parse_edge(void)
{
    double value = -1;
    g_assert_cmpuint(jx_numeral_parse_prefix(NULL, &value), ==, 0);
    g_assert_cmpfloat(value, ==, 0);
    g_assert_cmpuint(jx_numeral_parse_prefix("十二", NULL), ==, strlen("十二"));
    /* malformed UTF-8 ends the numeral, never read past it */
    g_assert_cmpuint(jx_numeral_parse_prefix("一\xe4", &value), ==, strlen("一"));
    g_assert_cmpfloat(value, ==, 1);
    g_assert_cmpuint(jx_numeral_parse_prefix("\xe4\xb8", &value), ==, 0);
    g_assert_cmpuint(jx_numeral_parse_prefix("\xff", &value), ==, 0);
}

static void test_characters(void)
{
    g_assert_cmpint(jx_numeral_digit_value(g_utf8_get_char("零")), ==, 0);
    g_assert_cmpint(jx_numeral_digit_value(g_utf8_get_char("〇")), ==, 0);
    g_assert_cmpint(jx_numeral_digit_value(g_utf8_get_char("两")), ==, 2);
    g_assert_cmpint(jx_numeral_digit_value(g_utf8_get_char("玖")), ==, 9);
    g_assert_cmpint(jx_numeral_digit_value(g_utf8_get_char("十")), ==, -1);
    g_assert_cmpint(jx_numeral_digit_value('5'), ==, -1);
    g_assert_true(jx_numeral_is_numeral_char(g_utf8_get_char("万")));
    g_assert_true(jx_numeral_is_numeral_char(g_utf8_get_char("佰")));
    g_assert_true(jx_numeral_is_numeral_char(g_utf8_get_char("億")));
    g_assert_false(jx_numeral_is_numeral_char(g_utf8_get_char("个")));
    g_assert_false(jx_numeral_is_numeral_char('1'));
}

typedef struct {
    gint64 n;
    const char *text;
} FormatCase;

static const FormatCase format_cases[] = {
    { 0, "零" },
    { 1, "一" },
    { 2, "二" },
    { 10, "十" },
    { 11, "十一" },
    { 13, "十三" },
    { 19, "十九" },
    { 20, "二十" },
    { 21, "二十一" },
    { 99, "九十九" },
    { 100, "一百" },
    { 101, "一百零一" },
    { 105, "一百零五" },
    { 110, "一百一十" },
    { 111, "一百一十一" },
    { 200, "二百" },
    { 1000, "一千" },
    { 1001, "一千零一" },
    { 1010, "一千零一十" },
    { 1100, "一千一百" },
    { 3020, "三千零二十" },
    { 9999, "九千九百九十九" },
    { 10000, "一万" },
    { 10001, "一万零一" },
    { 10005, "一万零五" },
    { 10010, "一万零一十" },
    { 10100, "一万零一百" },
    { 11000, "一万一千" },
    { 12000, "一万二千" },
    { 100000, "十万" },
    { 100001, "十万零一" },
    { 110000, "十一万" },
    { 1000000, "一百万" },
    { 1010101, "一百零一万零一百零一" },
    { 10000000, "一千万" },
    { 10001000, "一千万一千" },
    { 99999999, "九千九百九十九万九千九百九十九" },
};

static void test_format(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(format_cases); i++) {
        GError *error = NULL;
        char *text = jx_numeral_format(format_cases[i].n, &error);
        g_assert_no_error(error);
        if (g_strcmp0(text, format_cases[i].text) != 0)
            g_test_fail_printf("%" G_GINT64_FORMAT ": got %s, expected %s",
                               format_cases[i].n, text, format_cases[i].text);
        g_free(text);
    }
}

static void test_format_out_of_range(void)
{
    static const gint64 outside[] = { -1, 100000000, G_MAXINT64, G_MININT64 };
    for (gsize i = 0; i < G_N_ELEMENTS(outside); i++) {
        GError *error = NULL;
        g_assert_null(jx_numeral_format(outside[i], &error));
        g_assert_error(error, JX_ERROR, JX_ERROR_RANGE);
        char *zh = jx_error_text(error, JX_LANG_ZH);
        g_assert_nonnull(strstr(zh, "超出"));
        g_free(zh);
        g_error_free(error);
    }
    g_assert_null(jx_numeral_format(-5, NULL));
}

/* Writing then reading gives the number back: below 10000 through
 * jx_numeral_parse_prefix, above through the quantity parser (万). */
static void test_round_trip(void)
{
    for (gint64 n = 0; n < 10000; n++) {
        char *text = jx_numeral_format(n, NULL);
        double value;
        gsize consumed = jx_numeral_parse_prefix(text, &value);
        if (consumed != strlen(text) || value != (double)n)
            g_test_fail_printf("%" G_GINT64_FORMAT " → %s → %g", n, text, value);
        g_free(text);
    }
    GRand *rand = g_rand_new_with_seed(20231231);
    for (int i = 0; i < 20000; i++) {
        gint64 n = i < 1000 ? 10000 + i * 97 : g_rand_int_range(rand, 0, 100000000);
        char *text = jx_numeral_format(n, NULL);
        JxQuantity q;
        if (!jx_quantity_parse(text, &q, NULL) || q.kind != JX_QUANTITY_NUMBER ||
            q.value != (double)n)
            g_test_fail_printf("%" G_GINT64_FORMAT " → %s → %g", n, text, q.value);
        g_free(text);
    }
    g_rand_free(rand);
}

typedef struct {
    int level, index;
    const char *text;
} HeadingCase;

static const HeadingCase heading_cases[] = {
    { 1, 1, "一、" },
    { 1, 10, "十、" },
    { 1, 13, "十三、" },
    { 1, 21, "二十一、" },
    { 2, 1, "（一）" },
    { 2, 12, "（十二）" },
    { 3, 1, "1." },
    { 3, 13, "13." },
    { 4, 1, "（1）" },
    { 4, 21, "（21）" },
};

static void test_heading_number(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(heading_cases); i++) {
        GError *error = NULL;
        char *text = jx_heading_number(heading_cases[i].level, heading_cases[i].index,
                                       &error);
        g_assert_no_error(error);
        g_assert_cmpstr(text, ==, heading_cases[i].text);
        g_free(text);
    }
}

static void test_heading_number_invalid(void)
{
    static const int invalid[][2] = { { 0, 1 }, { 5, 1 }, { -1, 1 }, { 1, 0 }, { 2, -3 },
                                      { 3, 0 } };
    for (gsize i = 0; i < G_N_ELEMENTS(invalid); i++) {
        GError *error = NULL;
        g_assert_null(jx_heading_number(invalid[i][0], invalid[i][1], &error));
        g_assert_error(error, JX_ERROR, JX_ERROR_INVALID);
        g_error_free(error);
    }
    GError *error = NULL;
    g_assert_null(jx_heading_number(1, 100000000, &error));
    g_assert_error(error, JX_ERROR, JX_ERROR_RANGE);
    g_error_free(error);
    g_assert_null(jx_heading_number(9, 1, NULL));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/numerals/parse", test_parse);
    g_test_add_func("/numerals/parse-edge", test_parse_edge);
    g_test_add_func("/numerals/characters", test_characters);
    g_test_add_func("/numerals/format", test_format);
    g_test_add_func("/numerals/format-out-of-range", test_format_out_of_range);
    g_test_add_func("/numerals/round-trip", test_round_trip);
    g_test_add_func("/numerals/heading-number", test_heading_number);
    g_test_add_func("/numerals/heading-number-invalid", test_heading_number_invalid);
    return g_test_run();
}
