/*
 * scoring.c: the official scoring rules of a 绩效自评表 (财预〔2020〕10号 and
 * the provincial tables that follow it).
 *
 * An indicator is scored in two steps.  First its completion rate: how far
 * the 实际完成值 went towards the 年度指标值, by the rule its comparison sign
 * implies (positive, reverse, exact, deadline).  Then the score: rate × 分值,
 * rounded as people round, never above the 分值.  Qualitative indicators
 * have no rate; the user picks one of three bands and the band bounds the
 * score.  The thresholds live in JxScoringRules so that a schema can change
 * them; nothing here hard-codes a province's choice.
 */
#include "core/scoring.h"

#include <math.h>
#include <string.h>

#include "core/amounts.h"
#include "core/error.h"
#include "core/units.h"

void jx_scoring_rules_init_default(JxScoringRules *rules)
{
    static const JxScoringRules defaults = {
        .grade_excellent = 90,
        .grade_good = 80,
        .grade_pass = 60,
        .band_achieved_low = 0.8,
        .band_partial_low = 0.6,
        .overachievement = 1.2,
        .execution_explain_below = 0.9,
        .score_decimals = 2,
    };
    *rules = defaults;
}

#define RULE(field, is_integer, low, high, scores) \
    { #field, G_STRUCT_OFFSET(JxScoringRules, field), is_integer, low, high, scores }

static const JxScoringRule rule_table[] = {
    RULE(grade_excellent, FALSE, 0, 0, FALSE),
    RULE(grade_good, FALSE, 0, 0, FALSE),
    RULE(grade_pass, FALSE, 0, 0, FALSE),
    RULE(band_achieved_low, FALSE, 0, 0, TRUE),
    RULE(band_partial_low, FALSE, 0, 0, TRUE),
    RULE(overachievement, FALSE, 0, 0, FALSE),
    RULE(execution_explain_below, FALSE, 0, 0, FALSE),
    RULE(score_decimals, TRUE, 0, 6, TRUE),
};

const JxScoringRule *jx_scoring_rule_table(gsize *n)
{
    *n = G_N_ELEMENTS(rule_table);
    return rule_table;
}

const JxScoringRule *jx_scoring_rule(const char *name)
{
    for (gsize i = 0; name && i < G_N_ELEMENTS(rule_table); i++)
        if (strcmp(rule_table[i].name, name) == 0)
            return &rule_table[i];
    return NULL;
}

static double rule_value(const JxScoringRules *rules, const JxScoringRule *rule)
{
    const char *base = (const char *)rules + rule->offset;
    return rule->integer ? *(const int *)base : *(const double *)base;
}

gboolean jx_scoring_rule_set(JxScoringRules *rules, const JxScoringRule *rule, double value,
                             GError **error)
{
    char *base = (char *)rules + rule->offset;
    if (!isfinite(value)) {
        jx_set_error(error, JX_ERROR_INVALID, "“%s”应为有限数", "%s must be a finite number", rule->name);
        return FALSE;
    }
    if (rule->integer) {
        if (value != floor(value) || value < rule->low || value > rule->high) {
            jx_set_error(error, JX_ERROR_INVALID, "“%s”应为 %d 到 %d 之间的整数",
                         "%s must be a whole number from %d to %d", rule->name, rule->low, rule->high);
            return FALSE;
        }
        *(int *)base = (int)value;
    } else {
        *(double *)base = value;
    }
    return TRUE;
}

gboolean jx_scoring_rules_check(const JxScoringRules *r, GError **error)
{
    if (!(r->grade_excellent >= r->grade_good && r->grade_good >= r->grade_pass)) {
        jx_set_error(error, JX_ERROR_INVALID, "等级分数线应为 优 ≥ 良 ≥ 中",
                     "grade thresholds must satisfy excellent ≥ good ≥ pass");
        return FALSE;
    }
    if (!(r->band_achieved_low >= r->band_partial_low && r->band_partial_low >= 0 &&
          r->band_achieved_low <= 1)) {
        jx_set_error(error, JX_ERROR_INVALID, "档次下限应满足 0 ≤ 部分达成 ≤ 达成 ≤ 1",
                     "band bounds must satisfy 0 ≤ partial ≤ achieved ≤ 1");
        return FALSE;
    }
    return TRUE;
}

char *jx_scoring_rules_text(const JxScoringRules *rules)
{
    JxScoringRules defaults;
    jx_scoring_rules_init_default(&defaults);
    GString *text = g_string_new(NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(rule_table); i++) {
        double value = rule_value(rules, &rule_table[i]);
        if (!rule_table[i].scores || value == rule_value(&defaults, &rule_table[i]))
            continue;
        char number[G_ASCII_DTOSTR_BUF_SIZE];
        g_ascii_formatd(number, sizeof number, "%.15g", value);
        g_string_append_printf(text, "%s%s=%s", text->len ? ";" : "", rule_table[i].name, number);
    }
    return g_string_free(text, FALSE);
}

gboolean jx_scoring_rules_parse(const char *text, JxScoringRules *rules, GError **error)
{
    g_auto(GStrv) parts = g_strsplit(text ? text : "", ";", -1);
    for (int i = 0; parts[i]; i++) {
        char *part = g_strstrip(parts[i]);
        if (part[0] == '\0')
            continue;
        char *equals = strchr(part, '=');
        if (equals == NULL) {
            jx_set_error(error, JX_ERROR_INVALID, "评分规则“%s”应为“名称=数值”", "the scoring rule '%s' must read name=value",
                         part);
            return FALSE;
        }
        *equals = '\0';
        const char *name = g_strstrip(part), *value_text = g_strstrip(equals + 1);
        const JxScoringRule *rule = jx_scoring_rule(name);
        char *end = NULL;
        double value = g_ascii_strtod(value_text, &end);
        if (rule == NULL) {
            jx_set_error(error, JX_ERROR_INVALID, "未知的评分规则“%s”", "unknown scoring rule '%s'", name);
            return FALSE;
        }
        if (end == value_text || *end != '\0') {
            jx_set_error(error, JX_ERROR_INVALID, "评分规则“%s”的值“%s”不是数值", "the scoring rule %s has the value "
                         "'%s', which is not a number", name, value_text);
            return FALSE;
        }
        if (!jx_scoring_rule_set(rules, rule, value, error))
            return FALSE;
    }
    return jx_scoring_rules_check(rules, error);
}

/* rules, or the documented defaults when the caller passes NULL. */
static const JxScoringRules *rules_or_default(const JxScoringRules *rules,
                                              JxScoringRules *storage)
{
    if (rules != NULL)
        return rules;
    jx_scoring_rules_init_default(storage);
    return storage;
}

/* Figures are compared as the decimals people see, without binary noise
 * (0.8 × 7 is 5.6000000000000005 in binary; the bound is 5.6). */
static double clean(double value)
{
    return jx_round(value, 9);
}

/* The number shown in a message: shortest decimal, no trailing zeros. */
static char *number_text(double value)
{
    char *text = jx_format_fixed(value, 9, FALSE);
    if (strchr(text, '.') != NULL) {
        char *end = text + strlen(text) - 1;
        while (*end == '0')
            *end-- = '\0';
        if (*end == '.')
            *end = '\0';
    }
    return text;
}

/* ---- direction and completion rate -------------------------------------- */

static const JxDirection direction_of_comparison[] = {
    [JX_CMP_NONE] = JX_DIRECTION_POSITIVE,   /* "300人次" as a target means at least 300 */
    [JX_CMP_GE] = JX_DIRECTION_POSITIVE,
    [JX_CMP_GT] = JX_DIRECTION_POSITIVE,
    [JX_CMP_LE] = JX_DIRECTION_REVERSE,
    [JX_CMP_LT] = JX_DIRECTION_REVERSE,
    [JX_CMP_EQ] = JX_DIRECTION_EXACT,
};

JxDirection jx_direction_of(const JxQuantity *target)
{
    if (target == NULL)
        return JX_DIRECTION_POSITIVE;
    if (target->kind == JX_QUANTITY_DATE)
        return JX_DIRECTION_DEADLINE;
    if (target->kind == JX_QUANTITY_QUALITATIVE)
        return JX_DIRECTION_QUALITATIVE;
    if ((guint)target->comparison < G_N_ELEMENTS(direction_of_comparison))
        return direction_of_comparison[target->comparison];
    return JX_DIRECTION_POSITIVE;
}

static gboolean states_achievement(const JxQuantity *actual)
{
    return actual->kind == JX_QUANTITY_QUALITATIVE && actual->achieved;
}

static gboolean fail_needs_band(const JxQuantity *actual, GError **error)
{
    const char *shown = actual->kind == JX_QUANTITY_QUALITATIVE ? actual->text : "";
    int length = (int)strnlen(shown, JX_QUALITATIVE_MAX);
    jx_set_error(error, JX_ERROR_NEEDS_BAND,
                 "实际完成值“%.*s”未说明是否达成年度指标，请选择评价档次（达成/部分达成/未达成）",
                 "the actual value '%.*s' does not state whether the target was met: "
                 "choose a band (achieved / partial / not achieved)",
                 length, shown);
    return FALSE;
}

static gboolean fail_kinds_differ(GError **error)
{
    jx_set_error(error, JX_ERROR_UNIT_MISMATCH,
                 "年度指标值与实际完成值不可比较：一个是日期，另一个是数量",
                 "target and actual cannot be compared: one is a date, the other a quantity");
    return FALSE;
}

/* A qualitative target is met only when the actual says so. */
static gboolean qualitative_rate(const JxQuantity *actual, double *rate, GError **error)
{
    if (!states_achievement(actual))
        return fail_needs_band(actual, error);
    *rate = 1;
    return TRUE;
}

/* A date as one sortable number; a missing year (0) takes the other date's. */
static gint64 date_key(const JxQuantity *date, int other_year)
{
    gint64 year = date->year != 0 ? date->year : other_year;
    return year * 10000 + (gint64)date->month * 100 + date->day;
}

/* Done on or before the date → 1, else 0.  "按期完成" and the like count as
 * done; other text does not say, so the user picks a band. */
static gboolean deadline_rate(const JxQuantity *target, const JxQuantity *actual,
                              double *rate, GError **error)
{
    if (actual->kind == JX_QUANTITY_QUALITATIVE)
        return qualitative_rate(actual, rate, error);
    if (actual->kind != JX_QUANTITY_DATE)
        return fail_kinds_differ(error);
    gboolean on_time = date_key(actual, target->year) <= date_key(target, actual->year);
    *rate = on_time ? 1 : 0;
    return TRUE;
}

/* Text saying "all done" against a numeric target means 100 % only when
 * the target itself is 100 %; "全部完成" says nothing about 300 人次. */
static gboolean achieved_against_number(const JxQuantity *target,
                                        const JxQuantity *actual,
                                        double *rate, GError **error)
{
    if (!actual->achieved || strncmp(target->unit, "%", JX_UNIT_MAX) != 0 ||
        target->value != 100)
        return fail_needs_band(actual, error);
    *rate = 1;
    return TRUE;
}

/* The ratio rule of a direction, for A ≥ 0 and T > 0 (or T = 0 for EXACT). */
static double ratio(JxDirection direction, double target, double actual)
{
    switch (direction) {
    case JX_DIRECTION_REVERSE:
        /* 1 at target, more below it, 0 at twice the target and beyond */
        return fmax(0, 1 - (actual - target) / target);
    case JX_DIRECTION_EXACT:
        if (target == 0)
            return actual <= 0 ? 1 : 0;
        return actual / target;
    default:
        return actual / target;
    }
}

/* A unit name that surely ends within its array, whatever the caller
 * filled in. */
static void copy_unit(char destination[JX_UNIT_MAX], const char source[JX_UNIT_MAX])
{
    memcpy(destination, source, JX_UNIT_MAX);
    destination[JX_UNIT_MAX - 1] = '\0';
}

static gboolean numeric_rate(const JxQuantity *target, const JxQuantity *actual,
                             double *rate, GError **error)
{
    JxDirection direction = jx_direction_of(target);
    char target_unit[JX_UNIT_MAX], actual_unit[JX_UNIT_MAX];
    double a;

    if (actual->kind == JX_QUANTITY_QUALITATIVE)
        return achieved_against_number(target, actual, rate, error);
    if (actual->kind != JX_QUANTITY_NUMBER)
        return fail_kinds_differ(error);
    if (!isfinite(target->value) || !isfinite(actual->value)) {
        jx_set_error(error, JX_ERROR_INVALID,
                     "年度指标值或实际完成值不是有限数",
                     "the target or the actual is not a finite number");
        return FALSE;
    }

    copy_unit(target_unit, target->unit);
    copy_unit(actual_unit, actual->unit);
    if (!jx_unit_convert(actual->value, actual_unit, target_unit, &a, error)) {
        jx_error_prefix(error, "实际完成值与年度指标值单位不一致：",
                        "actual and target units differ: ");
        return FALSE;
    }
    if (!isfinite(a)) {
        jx_set_error(error, JX_ERROR_RANGE,
                     "实际完成值换算为“%s”后超出范围",
                     "the actual is out of range once converted to '%s'",
                     target_unit);
        return FALSE;
    }

    double t = target->value;
    a = fmax(a, 0);                          /* a negative actual counts as 0 */
    if (t < 0) {
        g_autofree char *shown = number_text(t);
        jx_set_error(error, JX_ERROR_INVALID,
                     "年度指标值 %s 为负数，不能按比例计分",
                     "the target %s is negative and cannot be scored as a ratio",
                     shown);
        return FALSE;
    }
    if (t == 0 && direction != JX_DIRECTION_EXACT) {
        jx_set_error(error, JX_ERROR_ZERO_TARGET,
                     "年度指标值为 0，不能按比例计分（可改用“=0”或定性评价）",
                     "the target is 0 and cannot be scored as a ratio "
                     "(write it as '=0' or score it by band)");
        return FALSE;
    }
    *rate = ratio(direction, t, a);
    return TRUE;
}

gboolean jx_completion_rate(const JxQuantity *target, const JxQuantity *actual,
                            double *rate, GError **error)
{
    g_return_val_if_fail(target != NULL && actual != NULL && rate != NULL, FALSE);

    switch (jx_direction_of(target)) {
    case JX_DIRECTION_QUALITATIVE:
        return qualitative_rate(actual, rate, error);
    case JX_DIRECTION_DEADLINE:
        return deadline_rate(target, actual, rate, error);
    default:
        return numeric_rate(target, actual, rate, error);
    }
}

gboolean jx_is_overachieved(const JxScoringRules *rules, double rate)
{
    JxScoringRules defaults;
    rules = rules_or_default(rules, &defaults);
    return isfinite(rate) ? clean(rate) >= rules->overachievement : rate > 0;
}

/* ---- bands --------------------------------------------------------------- */

static const struct {
    const char *text;
    JxBand band;
} band_names[] = {
    { "达成年度指标", JX_BAND_ACHIEVED },
    { "达成", JX_BAND_ACHIEVED },
    { "achieved", JX_BAND_ACHIEVED },
    { "部分达成年度指标并具有一定效果", JX_BAND_PARTIAL },
    { "部分达成年度指标", JX_BAND_PARTIAL },
    { "部分达成", JX_BAND_PARTIAL },
    { "partial", JX_BAND_PARTIAL },
    { "partially achieved", JX_BAND_PARTIAL },
    { "未达成年度指标且效果较差", JX_BAND_NOT_ACHIEVED },
    { "未达成年度指标", JX_BAND_NOT_ACHIEVED },
    { "未达成", JX_BAND_NOT_ACHIEVED },
    { "not achieved", JX_BAND_NOT_ACHIEVED },
};

/* text without leading and trailing white space (ASCII, U+3000 …), newly
 * allocated; NULL if text is not UTF-8. */
static char *strip_unicode_space(const char *text)
{
    if (!g_utf8_validate(text, -1, NULL))
        return NULL;
    while (*text != '\0' && g_unichar_isspace(g_utf8_get_char(text)))
        text = g_utf8_next_char(text);
    const char *end = text + strlen(text);
    while (end > text) {
        const char *previous = g_utf8_prev_char(end);
        if (!g_unichar_isspace(g_utf8_get_char(previous)))
            break;
        end = previous;
    }
    return g_strndup(text, (gsize)(end - text));
}

JxBand jx_band_parse(const char *text)
{
    if (text == NULL)
        return JX_BAND_NONE;
    g_autofree char *stripped = strip_unicode_space(text);
    if (stripped == NULL)
        return JX_BAND_NONE;
    for (gsize i = 0; i < G_N_ELEMENTS(band_names); i++)
        if (g_ascii_strcasecmp(stripped, band_names[i].text) == 0)
            return band_names[i].band;
    return JX_BAND_NONE;
}

gboolean jx_band_bounds(const JxScoringRules *rules, JxBand band, double weight,
                        double *low, double *high, gboolean *high_exclusive)
{
    JxScoringRules defaults;
    rules = rules_or_default(rules, &defaults);
    /* fractions of W: [low, high), the top band closed */
    const struct { double low, high; gboolean exclusive; } bands[] = {
        [JX_BAND_ACHIEVED] = { rules->band_achieved_low, 1, FALSE },
        [JX_BAND_PARTIAL] = { rules->band_partial_low, rules->band_achieved_low, TRUE },
        [JX_BAND_NOT_ACHIEVED] = { 0, rules->band_partial_low, TRUE },
    };
    if (band == JX_BAND_NONE || (guint)band >= G_N_ELEMENTS(bands))
        return FALSE;
    if (low != NULL)
        *low = clean(bands[band].low * weight);
    if (high != NULL)
        *high = clean(bands[band].high * weight);
    if (high_exclusive != NULL)
        *high_exclusive = bands[band].exclusive;
    return TRUE;
}

/* The largest value with `decimals` places at or below high (strictly below
 * when exclusive), never below 0: the default score of a band. */
static double grid_top(double high, gboolean exclusive, int decimals)
{
    double top = jx_round(high, decimals);
    if (top > high || (exclusive && top == high))
        top = jx_round(top - pow(10, -CLAMP(decimals, 0, 9)), decimals);
    return fmax(top, 0);
}

static const char *band_name_zh(JxBand band)
{
    static const char *const names[] = {
        [JX_BAND_ACHIEVED] = "达成年度指标",
        [JX_BAND_PARTIAL] = "部分达成年度指标并具有一定效果",
        [JX_BAND_NOT_ACHIEVED] = "未达成年度指标且效果较差",
    };
    return names[band];
}

static const char *band_name_en(JxBand band)
{
    static const char *const names[] = {
        [JX_BAND_ACHIEVED] = "achieved",
        [JX_BAND_PARTIAL] = "partial",
        [JX_BAND_NOT_ACHIEVED] = "not achieved",
    };
    return names[band];
}

static gboolean fail_outside_band(JxBand band, double entered, double low,
                                  double high, gboolean exclusive, GError **error)
{
    g_autofree char *entered_text = number_text(entered);
    g_autofree char *low_text = number_text(low);
    g_autofree char *high_text = number_text(high);
    const char *close = exclusive ? ")" : "]";
    g_autofree char *band_name = jx_bilingual(band_name_zh(band), band_name_en(band));
    jx_set_error(error, JX_ERROR_INVALID, "得分 %s 不在“%s”档次的范围 [%s, %s%s 内",
                 "the score %s is outside the band '%s', [%s, %s%s", entered_text, band_name,
                 low_text, high_text, close);
    return FALSE;
}

/* The score of a banded indicator: the entered score if inside the band,
 * else the band's top. */
static gboolean band_score(const JxScoringRules *rules, double weight,
                           const JxQuantity *actual, JxBand band,
                           const double *entered, double *score, GError **error)
{
    double low, high;
    gboolean exclusive;

    if (band == JX_BAND_NONE && states_achievement(actual))
        band = JX_BAND_ACHIEVED;
    if (!jx_band_bounds(rules, band, weight, &low, &high, &exclusive))
        return fail_needs_band(actual, error);

    /* a score never exceeds W, even under odd band fractions from a schema */
    double ceiling = grid_top(weight, FALSE, rules->score_decimals);
    if (entered == NULL) {
        *score = fmin(grid_top(high, exclusive, rules->score_decimals), ceiling);
        return TRUE;
    }
    if (!isfinite(*entered)) {
        jx_set_error(error, JX_ERROR_INVALID, "录入的得分不是有限数",
                     "the entered score is not a finite number");
        return FALSE;
    }
    /* the rounded score is the one written to the table, so it is checked */
    double rounded = jx_round(*entered, rules->score_decimals);
    gboolean inside = rounded >= low && rounded >= 0 && rounded <= weight &&
                      (exclusive ? rounded < high : rounded <= high);
    if (weight == 0)
        inside = rounded == 0;               /* every band of a zero weight is {0} */
    if (!inside)
        return fail_outside_band(band, rounded, low, high, exclusive, error);
    *score = rounded;
    return TRUE;
}

/* rate × W, rounded, capped at W (at the largest rounded value ≤ W, should
 * W itself carry more places than the scores). */
static double formula_score(const JxScoringRules *rules, double weight, double rate)
{
    double capped_rate = fmin(fmax(rate, 0), 1);
    double score = jx_round(capped_rate * weight, rules->score_decimals);
    return fmin(score, grid_top(weight, FALSE, rules->score_decimals));
}

static gboolean weight_is_valid(double weight, GError **error)
{
    if (isfinite(weight) && weight >= 0)
        return TRUE;
    g_autofree char *shown = jx_format_fixed(weight, 2, FALSE);
    jx_set_error(error, JX_ERROR_INVALID,
                 "分值 %s 无效：须为不小于 0 的有限数",
                 "the weight %s is invalid: it must be a finite number ≥ 0",
                 shown);
    return FALSE;
}

gboolean jx_indicator_score(const JxScoringRules *rules, double weight,
                            const JxQuantity *target, const JxQuantity *actual,
                            JxBand band, const double *entered,
                            double *score, GError **error)
{
    g_return_val_if_fail(target != NULL && actual != NULL && score != NULL, FALSE);
    JxScoringRules defaults;
    rules = rules_or_default(rules, &defaults);
    if (!weight_is_valid(weight, error))
        return FALSE;

    if (jx_direction_of(target) == JX_DIRECTION_QUALITATIVE)
        return band_score(rules, weight, actual, band, entered, score, error);

    GError *local = NULL;
    double rate;
    if (jx_completion_rate(target, actual, &rate, &local)) {
        *score = formula_score(rules, weight, rate);
        return TRUE;
    }
    /* a number or date target met by words: the user's band decides */
    if (g_error_matches(local, JX_ERROR, JX_ERROR_NEEDS_BAND) && band != JX_BAND_NONE) {
        g_clear_error(&local);
        return band_score(rules, weight, actual, band, entered, score, error);
    }
    g_propagate_error(error, local);
    return FALSE;
}

/* ---- budget execution and grades ----------------------------------------- */

gboolean jx_execution_rate(double budget, double executed, double *rate,
                           GError **error)
{
    g_return_val_if_fail(rate != NULL, FALSE);
    if (!isfinite(budget) || !isfinite(executed) || executed < 0) {
        jx_set_error(error, JX_ERROR_INVALID,
                     "全年预算数或全年执行数无效（须为不小于 0 的有限数）",
                     "the budget or the amount executed is invalid "
                     "(each must be a finite number ≥ 0)");
        return FALSE;
    }
    if (budget <= 0) {
        jx_set_error(error, JX_ERROR_ZERO_TARGET,
                     "全年预算数为 0，无法计算执行率",
                     "the full-year budget is 0: no execution rate");
        return FALSE;
    }
    *rate = executed / budget;
    return TRUE;
}

gboolean jx_execution_needs_explanation(const JxScoringRules *rules, double rate)
{
    JxScoringRules defaults;
    rules = rules_or_default(rules, &defaults);
    return !isnan(rate) && clean(rate) < rules->execution_explain_below;
}

double jx_execution_points(const JxScoringRules *rules, double weight, double rate)
{
    JxScoringRules defaults;
    rules = rules_or_default(rules, &defaults);
    if (!isfinite(weight) || weight < 0 || isnan(rate))
        return NAN;
    return formula_score(rules, weight, rate);
}

gboolean jx_scores_agree(const JxScoringRules *rules, double a, double b)
{
    JxScoringRules storage;
    rules = rules_or_default(rules, &storage);
    return fabs(jx_round(a, rules->score_decimals) - jx_round(b, rules->score_decimals)) < 1e-9;
}

const char *jx_grade(const JxScoringRules *rules, double total, gboolean english)
{
    JxScoringRules defaults;
    rules = rules_or_default(rules, &defaults);
    const struct { double at_least; const char *zh, *en; } grades[] = {
        { rules->grade_excellent, "优", "Excellent" },
        { rules->grade_good, "良", "Good" },
        { rules->grade_pass, "中", "Fair" },
        { -INFINITY, "差", "Poor" },
    };
    if (isnan(total))
        return "";
    /* graded as shown: a sum of scores with binary noise (89.99999999999999)
     * is the 90.00 printed in the table */
    double shown = jx_round(total, rules->score_decimals);
    for (gsize i = 0; i < G_N_ELEMENTS(grades); i++)
        if (shown >= grades[i].at_least)
            return english ? grades[i].en : grades[i].zh;
    return "";
}
