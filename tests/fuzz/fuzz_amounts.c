/*
 * fuzz_amounts.c: libFuzzer harness for amounts.c and scoring.c.
 *
 * The input is read as a stream of small decisions (one byte) and numbers
 * (an "interesting" value picked by one byte, or eight raw bytes), so the
 * fuzzer reaches both the edges people type (0.005, 1e12, 2T) and arbitrary
 * doubles.  Every call is checked against invariants that must hold for any
 * input: rounding is idempotent and within half a unit, text is UTF-8 and
 * reads back as the rounded value, 大写 reads back as the amount in 分,
 * scores lie in [0, W].
 *
 * Build: clang -g -O1 -fsanitize=fuzzer,address,undefined -Iaddin \
 *   $(pkg-config --cflags glib-2.0) tests/fuzz/fuzz_amounts.c \
 *   addin/core/{error,units,scoring,amounts}.c $(pkg-config --libs glib-2.0) -lm
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "core/amounts.h"
#include "core/error.h"
#include "core/quantity.h"
#include "core/scoring.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(condition)                                                      \
    do {                                                                      \
        if (!(condition)) {                                                   \
            g_printerr("invariant failed at %s:%d: %s\n", __FILE__, __LINE__, \
                       #condition);                                           \
            abort();                                                          \
        }                                                                     \
    } while (0)

/* ---- reading the input ------------------------------------------------- */

typedef struct {
    const uint8_t *data;
    size_t size;
} Input;

static uint8_t take_byte(Input *in)
{
    if (in->size == 0)
        return 0;
    in->size--;
    return *in->data++;
}

static void take_bytes(Input *in, void *out, size_t n)
{
    memset(out, 0, n);
    size_t available = MIN(n, in->size);
    memcpy(out, in->data, available);
    in->data += available;
    in->size -= available;
}

static const double interesting[] = {
    0, -0.0, 0.005, 0.004, 0.125, 2.675, 1.005, -2.5, 0.5, 9.995, 10, 100,
    0.01, 0.05, 100.05, 1005.5, 1e8, 100010000, 999999999999.99,
    999999999999.995, 1e12, -1e12, 1e15, 1e17, 1e300, DBL_MAX, DBL_MIN,
    5e-324, NAN, INFINITY, -INFINITY, 273.77,
};

/* One byte picks: an interesting value (first 32), a small decimal with two
 * places built from two more bytes, or eight raw bytes. */
static double take_double(Input *in)
{
    uint8_t how = take_byte(in);
    if (how < G_N_ELEMENTS(interesting))
        return interesting[how];
    if (how < 160) {
        int cents = (take_byte(in) << 8 | take_byte(in)) - 32768;
        return (how & 1) ? cents / 100.0 : cents;
    }
    double value;
    take_bytes(in, &value, sizeof value);
    return value;
}

/* ---- amounts ------------------------------------------------------------ */

static void check_round(double value, int decimals)
{
    double rounded = jx_round(value, decimals);
    if (isnan(value)) {
        CHECK(isnan(rounded));
        return;
    }
    if (isinf(value)) {
        CHECK(rounded == value);
        return;
    }
    int places = CLAMP(decimals, 0, 9);
    CHECK(isfinite(rounded));
    CHECK(jx_round(rounded, decimals) == rounded);                 /* idempotent */
    CHECK(rounded == 0 || signbit(rounded) == signbit(value));     /* keeps the sign */
    double half_unit = 0.5 * pow(10, -places);
    CHECK(fabs(rounded - value) <= half_unit * (1 + 1e-9) + 4 * DBL_EPSILON * fabs(value));
}

/* text without its grouping commas */
static char *ungrouped(const char *text)
{
    GString *out = g_string_new(NULL);
    for (const char *p = text; *p != '\0'; p++)
        if (*p != ',')
            g_string_append_c(out, *p);
    return g_string_free(out, FALSE);
}

static void check_format(double value, int decimals)
{
    g_autofree char *grouped = jx_format_fixed(value, decimals, TRUE);
    g_autofree char *plain = jx_format_fixed(value, decimals, FALSE);
    g_autofree char *percent = jx_format_percent(value, decimals);
    CHECK(g_utf8_validate(grouped, -1, NULL));
    CHECK(g_utf8_validate(plain, -1, NULL));
    CHECK(g_utf8_validate(percent, -1, NULL));
    g_autofree char *stripped = ungrouped(grouped);
    CHECK(strcmp(stripped, plain) == 0);
    if (!isfinite(value))
        return;
    /* never a negative zero such as "-0.00" */
    CHECK(plain[0] != '-' || strspn(plain + 1, "0.") != strlen(plain + 1));
    /* the text reads back as the rounded value */
    double rounded = jx_round(value, decimals);
    double parsed = g_ascii_strtod(plain, NULL);
    if (fabs(rounded) < 1e15)
        CHECK(parsed == rounded);
    else
        CHECK(fabs(parsed - rounded) <= 4 * DBL_EPSILON * fabs(rounded));
    CHECK(g_str_has_suffix(percent, "%") || g_str_has_suffix(percent, "∞"));  /* ∞: ×100 overflowed */
}

/* Reads 人民币大写 back into 分; -1 if a structural rule is broken. */
static gint64 words_to_fen(const char *words)
{
    static const char *const digits = "零壹贰叁肆伍陆柒捌玖";
    gint64 yi = 0, wan = 0, group = 0, yuan = 0;
    int digit = 0, jiao = 0, fen = 0;
    gboolean negative = g_str_has_prefix(words, "负");
    if (negative)
        words += strlen("负");
    if (strstr(words, "零零") || strstr(words, "零万") || strstr(words, "零亿") ||
        (strstr(words, "零元") && strcmp(words, "零元整") != 0) ||
        g_str_has_suffix(words, "零"))
        return -1;
    for (const char *p = words; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        const char *found = NULL;
        for (const char *d = digits; *d != '\0'; d = g_utf8_next_char(d))
            if (g_utf8_get_char(d) == c)
                found = d;
        if (found != NULL) {
            digit = (int)g_utf8_pointer_to_offset(digits, found);
            continue;
        }
        switch (c) {
        case 0x62FE: group += digit * 10; digit = 0; break;     /* 拾 */
        case 0x4F70: group += digit * 100; digit = 0; break;    /* 佰 */
        case 0x4EDF: group += digit * 1000; digit = 0; break;   /* 仟 */
        case 0x4EBF: yi = group + digit; group = digit = 0; break;  /* 亿 */
        case 0x4E07: wan = group + digit; group = digit = 0; break; /* 万 */
        case 0x5143: yuan = yi * 100000000 + wan * 10000 + group + digit;  /* 元 */
            digit = 0; break;
        case 0x89D2: jiao = digit; digit = 0; break;            /* 角 */
        case 0x5206: fen = digit; digit = 0; break;             /* 分 */
        case 0x6574: break;                                     /* 整 */
        default: return -1;
        }
    }
    gint64 total = yuan * 100 + jiao * 10 + fen;
    return negative ? -total : total;
}

static void check_words(double value)
{
    GError *error = NULL;
    char *words = jx_amount_in_words(value, &error);
    double rounded = jx_round(value, 2);
    if (words == NULL) {
        CHECK(error != NULL && error->code == JX_ERROR_RANGE);
        CHECK(!isfinite(rounded) || fabs(rounded) >= 1e12);
        g_autofree char *zh = jx_error_text(error, JX_LANG_ZH);
        CHECK(g_utf8_validate(zh, -1, NULL));
        g_error_free(error);
        return;
    }
    CHECK(error == NULL);
    CHECK(g_utf8_validate(words, -1, NULL));
    CHECK(words[0] != '\0');
    gint64 fen = words_to_fen(words);
    gint64 expected = llround(rounded * 100);
    if (fen != expected) {
        g_printerr("%.17g → %s (read back %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT ")\n",
                   value, words, fen, expected);
        abort();
    }
    g_free(words);
}

static void check_sum(Input *in)
{
    double parts[8], precisions[8];
    gsize n = take_byte(in) % 9;
    double total = take_double(in);
    double total_precision = (take_byte(in) & 1) ? 0.01 : take_double(in);
    gboolean own = take_byte(in) & 1;
    for (gsize i = 0; i < n; i++) {
        parts[i] = take_double(in);
        precisions[i] = (take_byte(in) & 1) ? 0 : 0.01;
    }
    double difference;
    gboolean consistent = jx_sum_check(total, total_precision, parts,
                                       own ? precisions : NULL, n, &difference);
    if (consistent) {
        CHECK(isfinite(difference));
        CHECK(isfinite(total));
        for (gsize i = 0; i < n; i++)
            CHECK(isfinite(parts[i]));
    }
    CHECK(isnan(difference) || isfinite(difference));
}

/* ---- scoring ------------------------------------------------------------ */

static const char *const unit_names[] = {
    "", "人", "人次", "名", "元", "万元", "亿元", "%", "个", "场", "天", "起", "分",
};
static const char *const phrases[] = { "按期完成", "有效提升", "全部完成", "", "达标" };

static void take_quantity(Input *in, JxQuantity *q, gboolean *texts_valid)
{
    memset(q, 0, sizeof *q);
    q->kind = (JxQuantityKind)(take_byte(in) % 3);
    q->comparison = (JxComparison)(take_byte(in) % 6);
    q->approximation = (JxApproximation)(take_byte(in) % 3);
    q->value = take_double(in);
    uint8_t unit = take_byte(in);
    if (unit < 240) {
        g_strlcpy(q->unit, unit_names[unit % G_N_ELEMENTS(unit_names)], sizeof q->unit);
    } else {
        take_bytes(in, q->unit, sizeof q->unit);      /* raw, maybe unterminated */
        *texts_valid = FALSE;
    }
    q->year = (int8_t)take_byte(in) + 2023;
    if (take_byte(in) == 0)
        q->year = 0;
    q->month = take_byte(in) % 13;
    q->day = take_byte(in) % 32;
    uint8_t text = take_byte(in);
    if (text < 240) {
        g_strlcpy(q->text, phrases[text % G_N_ELEMENTS(phrases)], sizeof q->text);
    } else {
        take_bytes(in, q->text, sizeof q->text);      /* raw, maybe unterminated */
        *texts_valid = FALSE;
    }
    q->achieved = take_byte(in) & 1;
}

static void take_rules(Input *in, JxScoringRules *rules)
{
    jx_scoring_rules_init_default(rules);
    if ((take_byte(in) & 3) != 0)
        return;
    /* a schema's own, valid, rules: 0 ≤ partial ≤ achieved ≤ 1 */
    double a = take_byte(in) / 255.0, b = take_byte(in) / 255.0;
    rules->band_achieved_low = fmax(a, b);
    rules->band_partial_low = fmin(a, b);
    rules->score_decimals = (int)(take_byte(in) % 12) - 1;
    rules->grade_excellent = take_byte(in);
}

static void check_score(Input *in)
{
    JxScoringRules rules;
    JxQuantity target, actual;
    gboolean texts_valid = TRUE;
    take_rules(in, &rules);
    double weight = (take_byte(in) & 1) ? take_byte(in) % 21 : take_double(in);
    take_quantity(in, &target, &texts_valid);
    take_quantity(in, &actual, &texts_valid);
    JxBand band = (JxBand)(take_byte(in) % 5);    /* 4 is out of range on purpose */
    double entered = take_double(in);
    gboolean has_entered = take_byte(in) & 1;

    double rate = -1;
    GError *error = NULL;
    if (jx_completion_rate(&target, &actual, &rate, &error)) {
        CHECK(!isnan(rate) && rate >= 0);
    } else {
        CHECK(error != NULL);
        g_clear_error(&error);
    }

    double score = -1;
    if (jx_indicator_score(&rules, weight, &target, &actual, band,
                           has_entered ? &entered : NULL, &score, &error)) {
        CHECK(error == NULL);
        CHECK(isfinite(weight) && weight >= 0);
        CHECK(isfinite(score));
        CHECK(score >= 0 && score <= weight);
    } else {
        CHECK(error != NULL && error->domain == JX_ERROR);
        g_autofree char *zh = jx_error_text(error, JX_LANG_ZH);
        g_autofree char *en = jx_error_text(error, JX_LANG_EN);
        if (texts_valid) {
            CHECK(g_utf8_validate(zh, -1, NULL));
            CHECK(g_utf8_validate(en, -1, NULL));
        }
        g_clear_error(&error);
    }

    const char *grade = jx_grade(&rules, take_double(in), take_byte(in) & 1);
    CHECK(grade != NULL && g_utf8_validate(grade, -1, NULL));
}

static void check_execution(Input *in)
{
    double budget = take_double(in), executed = take_double(in);
    double weight = take_double(in);
    double rate;
    GError *error = NULL;
    if (!jx_execution_rate(budget, executed, &rate, &error)) {
        CHECK(error != NULL);
        g_clear_error(&error);
        return;
    }
    CHECK(!isnan(rate) && rate >= 0);
    double points = jx_execution_points(NULL, weight, rate);
    if (isfinite(weight) && weight >= 0)
        CHECK(points >= 0 && points <= weight);
    else
        CHECK(isnan(points));
}

static void check_band_parse(Input *in)
{
    char text[64];
    take_bytes(in, text, sizeof text - 1);
    text[sizeof text - 1] = '\0';
    JxBand band = jx_band_parse(text);
    CHECK(band >= JX_BAND_NONE && band <= JX_BAND_NOT_ACHIEVED);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Input in = { data, size };
    while (in.size > 0) {
        switch (take_byte(&in) % 6) {
        case 0: {
            double value = take_double(&in);
            int decimals = (int)(take_byte(&in) % 14) - 2;
            check_round(value, decimals);
            check_format(value, decimals);
            break;
        }
        case 1: check_words(take_double(&in)); break;
        case 2: check_sum(&in); break;
        case 3: check_score(&in); break;
        case 4: check_execution(&in); break;
        default: check_band_parse(&in); break;
        }
    }
    return 0;
}
