/*
 * review_figures.c: finds the figures in a paragraph of prose.
 *
 * The scanner only finds where a figure is written; what it means is left to
 * jx_quantity_parse (the reader of indicator cells), given the figure's text
 * from its qualifier ("超过", "≥") to the end of its unit ("万元", "余人次").
 * Numbers that prose uses for something else are skipped: years before 年,
 * months and days, ordinals after 第, numbers glued to Latin letters
 * ("GB/T 9704" is a name), Chinese numerals (二个 is rarely what a check
 * needs, 三个一 and 四唯 are not counts).
 */
#include "core/review_figures.h"

#include <math.h>
#include <string.h>

#include "core/units.h"

/* Written right before a number, qualifying it (longest first where one
 * word ends another: 不超过 before 超过 before 超). */
static const char *const qualifiers[] = {
    "不低于", "不少于", "不小于", "不超过", "不高于", "不大于", "不多于",
    "大于", "小于", "高于", "低于", "多于", "少于", "超过", "达到", "至少", "大约",
    "≥", "≤", ">=", "<=", "＞", "＜", ">", "<", "≧", "≦", "超", "达", "约",
};

/* Written after a unit, qualifying the figure. */
static const char *const suffixes[] = { "左右", "以上", "以下", "以内" };

/* A figure's own multipliers, when no unit begins with them ("40万为"). */
static const struct { const char *word; double factor; } multipliers[] = {
    { "万亿", 1e12 }, { "万", 1e4 }, { "亿", 1e8 }, { "千", 1e3 },
};

static gunichar char_at(const char *text, gsize length, gsize i)
{
    return i < length ? g_utf8_get_char(text + i) : 0;
}

static gsize after_char(const char *text, gsize length, gsize i)
{
    return i < length ? (gsize)(g_utf8_next_char(text + i) - text) : length;
}

static gunichar char_before(const char *text, gsize i)
{
    return i == 0 ? 0 : g_utf8_get_char(g_utf8_find_prev_char(text, text + i));
}

static gboolean is_digit(gunichar c)
{
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static gboolean is_latin(gunichar c)
{
    return (c < 0x80 && g_ascii_isalpha((char)c)) || (c >= 0xFF21 && c <= 0xFF3A) ||
           (c >= 0xFF41 && c <= 0xFF5A);
}

static gboolean has_prefix_at(const char *text, gsize length, gsize i, const char *word)
{
    gsize n = strlen(word);
    return i + n <= length && memcmp(text + i, word, n) == 0;
}

static gboolean has_suffix_at(const char *text, gsize i, const char *word)
{
    gsize n = strlen(word);
    return i >= n && memcmp(text + i - n, word, n) == 0;
}

/* The digits of a number from i: 1,234.56 or １２.５; *written gets their
 * value, *decimals the digits after the point.  Returns the end. */
static gsize read_digits(const char *text, gsize length, gsize i, double *written, int *decimals)
{
    *decimals = 0;
    *written = 0;
    gboolean point = FALSE;
    double scale = 1;
    while (i < length) {
        gunichar c = char_at(text, length, i);
        if (is_digit(c)) {
            int d = c <= '9' ? (int)(c - '0') : (int)(c - 0xFF10);
            if (point)
                *written += d * (scale /= 10);
            else
                *written = *written * 10 + d;
            *decimals += point;
            i = after_char(text, length, i);
        } else if ((c == '.' || c == 0xFF0E) && !point && is_digit(char_at(text, length, after_char(text, length, i)))) {
            point = TRUE;
            i = after_char(text, length, i);
        } else if (c == ',' && !point && i + 3 < length && g_ascii_isdigit(text[i + 1]) &&
                   g_ascii_isdigit(text[i + 2]) && g_ascii_isdigit(text[i + 3]) &&
                   !is_digit(char_at(text, length, i + 4))) {
            i += 1;   /* a thousands separator: 1,234 */
        } else {
            break;
        }
    }
    return i;
}

/* The unit (and multiplier, approximation and suffix) after the digits that
 * end at i; returns where the figure ends. */
static gsize read_unit(const char *text, gsize length, gsize i)
{
    gsize n;
    if (jx_unit_match_prefix(text + i, &n) != NULL && i + n <= length)
        return i + n;
    for (gsize k = 0; k < G_N_ELEMENTS(multipliers); k++)
        if (has_prefix_at(text, length, i, multipliers[k].word)) {
            i += strlen(multipliers[k].word);
            break;
        }
    if (has_prefix_at(text, length, i, "余") || has_prefix_at(text, length, i, "多"))
        i += strlen("余");
    if (jx_unit_match_prefix(text + i, &n) != NULL && i + n <= length)
        i += n;
    return i;
}

static JxFigureKind kind_of(const char *unit)
{
    const JxUnit *u = unit[0] ? jx_unit_lookup(unit) : NULL;
    if (u == NULL)
        return unit[0] ? JX_FIGURE_OTHER : JX_FIGURE_BARE;
    switch (u->dimension) {
    case JX_DIM_MONEY: return JX_FIGURE_MONEY;
    case JX_DIM_PERCENT: return JX_FIGURE_PERCENT;
    case JX_DIM_PEOPLE:
    case JX_DIM_PERSON_TIMES: return JX_FIGURE_PEOPLE;
    case JX_DIM_COUNT: return JX_FIGURE_COUNT;
    default: return JX_FIGURE_OTHER;
    }
}

/* Reads text[start, end) as a quantity. */
static gboolean parse(const char *text, gsize start, gsize end, JxQuantity *q)
{
    g_autofree char *piece = g_strndup(text + start, end - start);
    return jx_quantity_parse(piece, q, NULL) && q->kind == JX_QUANTITY_NUMBER;
}

/* TRUE when the number at [number, digits_end) is a year, month, day or
 * time of day rather than an amount. */
static gboolean is_calendar(const char *text, gsize length, gsize number, gsize digits_end, int decimals)
{
    gunichar next = char_at(text, length, digits_end);
    if (decimals > 0)
        return FALSE;
    if (next == 0x5E74 /* 年 */ && g_utf8_strlen(text + number, (gssize)(digits_end - number)) == 4)
        return TRUE;
    return next == 0x6708 /* 月 */ || next == 0x65E5 /* 日 */ || next == 0x53F7 /* 号 */ ||
           next == 0x65F6 /* 时 */ || next == 0x70B9 /* 点 */;
}

GArray *jx_figures_scan(const char *text, gsize length)
{
    GArray *figures = g_array_new(FALSE, TRUE, sizeof(JxFigure));
    gsize i = 0;
    while (i < length) {
        gunichar c = char_at(text, length, i);
        if (!is_digit(c)) {
            i = after_char(text, length, i);
            continue;
        }
        gsize number = i;
        int decimals;
        double written;
        gsize digits_end = read_digits(text, length, i, &written, &decimals);
        i = digits_end;
        gunichar before = char_before(text, number);
        /* "GB/T 9704", "A3": a name, not an amount */
        gboolean named = is_latin(before) || (before == ' ' && is_latin(char_before(text, number - 1))) ||
                         is_latin(char_at(text, length, digits_end));
        if (before == 0x7B2C /* 第 */ || named ||
            before == '.' || before == 0xFF0E || is_calendar(text, length, number, digits_end, decimals))
            continue;
        gsize end = read_unit(text, length, digits_end);
        for (gsize k = 0; k < G_N_ELEMENTS(suffixes); k++)
            if (end > digits_end && has_prefix_at(text, length, end, suffixes[k])) {
                end += strlen(suffixes[k]);
                break;
            }
        gsize start = number;
        for (gsize k = 0; k < G_N_ELEMENTS(qualifiers); k++)
            if (has_suffix_at(text, number, qualifiers[k])) {
                start = number - strlen(qualifiers[k]);
                break;
            }
        JxFigure f = { .start = start, .end = end, .number = number };
        if (!parse(text, start, end, &f.quantity)) {
            f.start = number;
            if (!parse(text, number, end, &f.quantity))
                continue;   /* not a figure the quantity reader knows: leave it */
        }
        /* the precision scales with the value: "6万余人次" is 60000 ± 5000 */
        double scale = written != 0 ? f.quantity.value / written : 1;
        if (!(scale > 0) || !isfinite(scale))
            scale = 1;
        f.precision = written == 0 && decimals == 0 ? 0 : pow(10, -decimals) * scale;
        f.kind = kind_of(f.quantity.unit);
        g_array_append_val(figures, f);
        i = end;
    }
    return figures;
}

gboolean jx_figure_in(const JxFigure *figure, const char *unit, double *value, double *precision)
{
    double v, p;
    if (!jx_unit_convert(figure->quantity.value, figure->quantity.unit, unit, &v, NULL) ||
        !jx_unit_convert(figure->precision, figure->quantity.unit, unit, &p, NULL))
        return FALSE;
    if (value)
        *value = v;
    if (precision)
        *precision = p;
    return TRUE;
}
