/*
 * amounts.c: rounding, formatting and checking money figures the way a
 * finance bureau does it by hand.
 *
 * Everything here works on the *decimal* value a person sees, not on the
 * binary double.  2.675 is stored as 2.67499999999999982236431605997495353221893310546875,
 * so C's round(x * 100) / 100 gives 2.67 while an accountant writes 2.68.
 * The cure used throughout is to take the decimal digits a spreadsheet
 * shows (15 significant; the shortest representation that reads back for
 * formatting) and do decimal arithmetic on them.  A "multiply by
 * 10^k, round, divide" correction would need a fudge factor that is right
 * for some magnitudes and wrong for others; digit arithmetic has no such
 * edge.
 *
 * The other functions build on jx_round: fixed-point and percentage text,
 * 人民币大写 for amounts, and the interval-method sum check that reviewers
 * apply to every "total = sum of its parts" in a report.
 */
#include "core/amounts.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"

#define JX_DECIMALS_MAX 9

/* A finite non-zero |value| as decimal digits: |value| = digits × 10^exponent,
 * digits being the shortest (15 to 17 significant digits, trailing zeros
 * dropped) that read back as the same double. */
typedef struct {
    char digits[24];
    int n_digits;
    int exponent;      /* power of ten of the last digit */
    gboolean negative;
} DecimalDigits;

static void decimal_digits(double value, DecimalDigits *out)
{
    char text[G_ASCII_DTOSTR_BUF_SIZE];
    double magnitude = fabs(value);

    /* Any 15-digit decimal survives a trip through a double (DBL_DIG), so
     * the first precision that reads back is the shortest representation
     * padded with zeros; 17 digits always read back. */
    for (int significant = 15; significant <= 17; significant++) {
        char format[16];
        g_snprintf(format, sizeof format, "%%.%de", significant - 1);
        g_ascii_formatd(text, sizeof text, format, magnitude);
        if (g_ascii_strtod(text, NULL) == magnitude)
            break;
    }

    /* text is "d.dddde±XX" */
    int n = 0;
    const char *p = text;
    for (; *p != 'e' && *p != '\0'; p++)
        if (g_ascii_isdigit(*p))
            out->digits[n++] = *p;
    int leading_exponent = (*p == 'e') ? atoi(p + 1) : 0;
    out->exponent = leading_exponent - (n - 1);
    while (n > 1 && out->digits[n - 1] == '0') {
        n--;
        out->exponent++;
    }
    out->digits[n] = '\0';
    out->n_digits = n;
    out->negative = value < 0;
}

/* The double nearest to ±digits × 10^exponent: strtod rounds correctly. */
static double decimal_to_double(gboolean negative, guint64 digits, int exponent)
{
    char text[64];
    g_snprintf(text, sizeof text, "%s%" G_GUINT64_FORMAT "e%d",
               negative ? "-" : "", digits, exponent);
    return g_ascii_strtod(text, NULL);
}

/* |value| as at most 15 significant decimal digits: what a spreadsheet
 * shows, and what Calc's ROUND works on.  Binary noise of arithmetic is
 * gone: 261/360 × 9 is 6.5249999999999995 as a double and 6.525 here. */
static void displayed_digits(double value, DecimalDigits *out)
{
    char text[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(text, sizeof text, "%.14e", fabs(value));
    int n = 0;
    const char *p = text;
    for (; *p != 'e' && *p != '\0'; p++)
        if (g_ascii_isdigit(*p))
            out->digits[n++] = *p;
    out->exponent = ((*p == 'e') ? atoi(p + 1) : 0) - (n - 1);
    while (n > 1 && out->digits[n - 1] == '0') {
        n--;
        out->exponent++;
    }
    out->digits[n] = '\0';
    out->n_digits = n;
    out->negative = value < 0;
}

static const double powers_of_ten[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9 };

double jx_round(double value, int decimals)
{
    if (!isfinite(value) || value == 0)
        return value;
    decimals = CLAMP(decimals, 0, JX_DECIMALS_MAX);

    /* Fast path (the hot one of a score cell): far from a half, plain
     * arithmetic rounds the same way as the digits do.  Exact integers
     * divided by an exact power of ten give the nearest double. */
    double scaled = fabs(value) * powers_of_ten[decimals];
    if (scaled < 1e9) {
        double whole = floor(scaled), fraction = scaled - whole;
        if (fabs(fraction - 0.5) > 1e-6) {
            double rounded = (whole + (fraction > 0.5 ? 1 : 0)) / powers_of_ten[decimals];
            return rounded == 0 ? 0.0 : (value < 0 ? -rounded : rounded);
        }
    }

    /* What is shown: 15 significant digits; beyond 10^15 every digit of the
     * integer part counts, so the shortest exact representation is used. */
    DecimalDigits d;
    if (fabs(value) < 1e15)
        displayed_digits(value, &d);
    else
        decimal_digits(value, &d);
    int dropped = -d.exponent - decimals;   /* digits right of the last kept place */
    if (dropped <= 0) {                      /* short enough: the shown value itself */
        guint64 all = g_ascii_strtoull(d.digits, NULL, 10);
        return decimal_to_double(d.negative, all, d.exponent);
    }

    int kept = d.n_digits - dropped;         /* may be ≤ 0 for tiny values */
    guint64 mantissa = 0;
    for (int i = 0; i < kept; i++)
        mantissa = mantissa * 10 + (guint64)(d.digits[i] - '0');
    if (kept >= 0 && d.digits[kept] >= '5')
        mantissa++;                          /* half away from zero */
    if (mantissa == 0)
        return 0.0;                          /* never a negative zero */
    return decimal_to_double(d.negative, mantissa, -decimals);
}

/* value × 10^places on the decimal representation (0.9523 → 95.23 exactly
 * as written, where 0.9523 * 100 is 95.22999999999999). */
static double decimal_shift(double value, int places)
{
    if (!isfinite(value) || value == 0)
        return value;
    DecimalDigits d;
    decimal_digits(value, &d);
    char text[64];
    g_snprintf(text, sizeof text, "%s%se%d", d.negative ? "-" : "", d.digits,
               d.exponent + places);
    return g_ascii_strtod(text, NULL);
}

double jx_yuan_to_wan(double yuan)
{
    return jx_round(decimal_shift(yuan, -4), 2);
}

/* ---- text ------------------------------------------------------------- */

static char *non_finite_text(double value)
{
    if (isnan(value))
        return g_strdup("NaN");
    return g_strdup(value < 0 ? "-∞" : "∞");
}

/* "1234567.50" → "1,234,567.50"; a leading '-' is kept in front. */
static char *group_thousands(const char *plain)
{
    GString *out = g_string_new(NULL);
    if (*plain == '-')
        g_string_append_c(out, *plain++);
    gsize integer_digits = strcspn(plain, ".");
    for (gsize i = 0; i < integer_digits; i++) {
        if (i > 0 && (integer_digits - i) % 3 == 0)
            g_string_append_c(out, ',');
        g_string_append_c(out, plain[i]);
    }
    g_string_append(out, plain + integer_digits);
    return g_string_free(out, FALSE);
}

char *jx_format_fixed(double value, int decimals, gboolean grouping)
{
    if (!isfinite(value))
        return non_finite_text(value);
    decimals = CLAMP(decimals, 0, JX_DECIMALS_MAX);

    /* Round decimally first: printf would round the binary value (and ties
     * to even), printing 0.125 as "0.12". */
    double rounded = jx_round(value, decimals);
    if (rounded == 0)
        rounded = 0.0;                       /* -0.0 prints as "0.00" */

    char format[16];
    char plain[DBL_MAX_10_EXP + JX_DECIMALS_MAX + 16];
    g_snprintf(format, sizeof format, "%%.%df", decimals);
    g_ascii_formatd(plain, sizeof plain, format, rounded);
    return grouping ? group_thousands(plain) : g_strdup(plain);
}

char *jx_format_percent(double fraction, int decimals)
{
    if (!isfinite(fraction))
        return non_finite_text(fraction);
    double percent = decimal_shift(fraction, 2);
    if (!isfinite(percent))
        return non_finite_text(percent);
    char *number = jx_format_fixed(percent, decimals, FALSE);
    char *text = g_strconcat(number, "%", NULL);
    g_free(number);
    return text;
}

/* ---- 人民币大写 ---------------------------------------------------------
 *
 * Conventions of 中国人民银行《支付结算办法》附件一 (正确填写票据和结算凭证
 * 的基本规定), choosing one form where it allows two:
 *   - 壹拾 is written in full (10 → 壹拾元整), as the rules require.
 *   - Zeros between digits are one 零: 1005 → 壹仟零伍元, 10010 → 壹万零壹拾元.
 *   - A zero run that ends on a 万/亿/元 place is absorbed by that unit
 *     (the rules allow either form): 107000 → 壹拾万柒仟元,
 *     1680.32 → 壹仟陆佰捌拾元叁角贰分; but a zero run that starts a group
 *     keeps its 零: 100010000 → 壹亿零壹万元整.
 *   - 角 is 0 but 分 is not: 元 is followed by 零 (100.05 → 壹佰元零伍分).
 *   - 整 after 元 only; none after 角 (1005.5 → 壹仟零伍元伍角), none after 分.
 *   - Below one 元 no "零元" is written (0.05 → 伍分, 0.5 → 伍角), as banks
 *     write it; zero itself is 零元整.
 *   - A negative amount is prefixed 负.
 */

#define JX_WORDS_LIMIT 1e12   /* 万亿: beyond the 仟亿 place */

static const char *const capital_digits[] = {
    "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖",
};
/* place within a group of four digits, and the group's own unit */
static const char *const place_units[] = { "", "拾", "佰", "仟" };
static const char *const group_units[] = { "", "万", "亿" };

/* The 元 part, 1 ≤ yuan < 10^12, without the final 元. */
static void append_yuan_words(GString *out, gint64 yuan)
{
    int digits[12];
    for (int place = 0; place < 12; place++) {
        digits[place] = (int)(yuan % 10);
        yuan /= 10;
    }

    gboolean started = FALSE, pending_zero = FALSE, group_has_digit = FALSE;
    for (int place = 11; place >= 0; place--) {
        int digit = digits[place];
        if (digit == 0) {
            pending_zero = started;
        } else {
            if (pending_zero)
                g_string_append(out, capital_digits[0]);
            g_string_append(out, capital_digits[digit]);
            g_string_append(out, place_units[place % 4]);
            started = TRUE;
            pending_zero = FALSE;
            group_has_digit = TRUE;
        }
        if (place % 4 == 0) {
            if (group_has_digit && place > 0) {
                g_string_append(out, group_units[place / 4]);
                pending_zero = FALSE;       /* the unit absorbs the zeros before it */
            }
            group_has_digit = FALSE;
        }
    }
}

/* 角 and 分 after the 元 part (has_yuan: something was written before). */
static void append_fraction_words(GString *out, int jiao, int fen, gboolean has_yuan)
{
    if (jiao == 0 && fen == 0) {
        g_string_append(out, "整");
        return;
    }
    if (jiao > 0) {
        g_string_append(out, capital_digits[jiao]);
        g_string_append(out, "角");
    } else if (has_yuan) {
        g_string_append(out, capital_digits[0]);
    }
    if (fen > 0) {
        g_string_append(out, capital_digits[fen]);
        g_string_append(out, "分");
    }
}

char *jx_amount_in_words(double yuan, GError **error)
{
    double rounded = jx_round(yuan, 2);
    if (!isfinite(rounded) || fabs(rounded) >= JX_WORDS_LIMIT) {
        g_autofree char *shown = jx_format_fixed(yuan, 2, TRUE);
        jx_set_error(error, JX_ERROR_RANGE,
                     "金额 %s 无法写成大写：须小于壹万亿元",
                     "amount %s cannot be written in words: it must be below 10^12 yuan",
                     shown);
        return NULL;
    }

    /* rounded × 100 < 10^14 < 2^53, so the product is within far less than
     * half a 分 of the whole number of 分 and llround recovers it. */
    gint64 fen_total = llround(fabs(rounded) * 100);
    gint64 whole_yuan = fen_total / 100;
    int jiao = (int)(fen_total / 10 % 10), fen = (int)(fen_total % 10);

    GString *out = g_string_new(NULL);
    if (fen_total == 0) {
        g_string_append(out, "零元整");
        return g_string_free(out, FALSE);
    }
    if (rounded < 0)
        g_string_append(out, "负");
    if (whole_yuan > 0) {
        append_yuan_words(out, whole_yuan);
        g_string_append(out, "元");
    }
    append_fraction_words(out, jiao, fen, whole_yuan > 0);
    return g_string_free(out, FALSE);
}

/* ---- sum check ---------------------------------------------------------- */

static gboolean figure_is_valid(double value, double precision)
{
    return isfinite(value) && isfinite(precision) && precision >= 0;
}

gboolean jx_sum_check(double total, double total_precision,
                      const double *parts, const double *part_precisions,
                      gsize n_parts, double *difference)
{
    if (difference != NULL)
        *difference = NAN;
    if (n_parts > 0 && parts == NULL)
        return FALSE;
    if (!figure_is_valid(total, total_precision))
        return FALSE;

    /* Each figure is the interval value ± precision/2; the total's interval
     * meets the sum's interval iff the gap is within the summed radii. */
    double sum = 0, radius = total_precision / 2, magnitude = fabs(total);
    for (gsize i = 0; i < n_parts; i++) {
        double precision = part_precisions ? part_precisions[i] : total_precision;
        if (!figure_is_valid(parts[i], precision))
            return FALSE;
        sum += parts[i];
        radius += precision / 2;
        magnitude += fabs(parts[i]);
    }
    double gap = total - sum;
    if (!isfinite(gap) || !isfinite(radius))
        return FALSE;
    if (difference != NULL)
        *difference = jx_round(gap, 9);

    /* Summing doubles leaves noise of a few ulps (0.1 + 0.2 ≠ 0.3): allow
     * one part in 10^9 of the figures' size, far below any cent. */
    double binary_noise = 1e-9 * fmax(1.0, magnitude);
    return fabs(gap) <= radius + binary_noise;
}
