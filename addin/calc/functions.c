/*
 * functions.c: Jixiao's cell functions and their table.
 *
 * Each function reads its arguments as quantities or numbers, calls the
 * domain core and states its result.  Conventions, shared by all:
 *   - a required argument left out → #N/A (JX_RESULT_NOT_AVAILABLE);
 *   - text that does not parse, units that do not convert, a zero target or
 *     budget → Err:502 with the core's reason;
 *   - an empty cell arrives as 0 (Calc passes empty cells as numbers).
 */
#include "calc/functions.h"

#include <math.h>
#include <string.h>

#include "core/amounts.h"
#include "core/numerals.h"
#include "core/quantity.h"
#include "core/scoring.h"
#include "core/units.h"

/* --- reading arguments --------------------------------------------------- */

/* A cell as a quantity: numbers are plain numbers without unit. */
static gboolean read_quantity(const JxCellValue *cell, JxQuantity *q, GError **error)
{
    if (cell->kind == JX_CELL_NUMBER) {
        memset(q, 0, sizeof *q);
        q->kind = JX_QUANTITY_NUMBER;
        q->value = cell->number;
        return TRUE;
    }
    if (cell->kind == JX_CELL_TEXT)
        return jx_quantity_parse(cell->text, q, error);
    if (cell->kind == JX_CELL_ERROR)
        jx_set_error(error, JX_ERROR_INVALID, "是错误值", "is an error value");
    else
        jx_set_error(error, JX_ERROR_INVALID, "需要一个数值或文字，而不是区域",
                     "expected a number or text, not a range");
    return FALSE;
}

/* A cell as a number: numbers as they are, texts parsed as quantities with
 * their multipliers ("6万" → 60000); `unit`, if non-NULL, receives the unit. */
static gboolean read_number(const JxCellValue *cell, double *value, char **unit,
                            GError **error)
{
    JxQuantity q;
    if (!read_quantity(cell, &q, error))
        return FALSE;
    if (q.kind != JX_QUANTITY_NUMBER) {
        jx_set_error(error, JX_ERROR_INVALID, "“%s”不是数值", "'%s' is not a number",
                     cell->text ? cell->text : "");
        return FALSE;
    }
    *value = q.value;
    if (unit != NULL)
        *unit = g_strdup(q.unit);
    return TRUE;
}

/* A required argument left out (void) cannot be computed yet. */
static gboolean missing(const JxCellValue *args, int n, JxCellResult *result)
{
    for (int i = 0; i < n; i++)
        if (args[i].kind == JX_CELL_EMPTY) {
            jx_result_not_available(result);
            return TRUE;
        }
    return FALSE;
}

static void fail(JxCellResult *result, GError *error)
{
    jx_result_error(result, error);
}

/* The scoring rules: the defaults, changed by an optional rules text
 * ("score_decimals=1;band_partial_low=0.55", what Compute writes for a
 * schema's settings.scoring).  An empty cell arrives as 0: no change. */
static gboolean read_rules(const JxCellValue *cell, JxScoringRules *rules, GError **error)
{
    jx_scoring_rules_init_default(rules);
    if (jx_cell_is_blank(cell) || (cell->kind == JX_CELL_NUMBER && cell->number == 0))
        return TRUE;
    if (cell->kind == JX_CELL_TEXT)
        return jx_scoring_rules_parse(cell->text, rules, error);
    jx_set_error(error, JX_ERROR_INVALID, "评分规则应为文字，如“score_decimals=1”",
                 "the scoring rules must be a text such as \"score_decimals=1\"");
    return FALSE;
}

/* --- quantities ----------------------------------------------------------- */

/* Days from Calc's epoch (1899-12-30) to a date: dates become date cells. */
static double date_serial(int year, int month, int day)
{
    GDate *date = g_date_new_dmy((GDateDay)day, (GDateMonth)month, (GDateYear)year);
    GDate *epoch = g_date_new_dmy(30, G_DATE_DECEMBER, 1899);
    double serial = g_date_days_between(epoch, date);
    g_date_free(date);
    g_date_free(epoch);
    return serial;
}

static void fn_value(const JxFunctionContext *context, const JxCellValue *args,
                     JxCellResult *result)
{
    GError *error = NULL;
    JxQuantity q;
    if (missing(args, 1, result))
        return;
    if (!read_quantity(&args[0], &q, &error))
        return fail(result, error);
    if (q.kind == JX_QUANTITY_NUMBER)
        return jx_result_number(result, q.value);
    if (q.kind == JX_QUANTITY_DATE && q.year > 0 &&
        g_date_valid_dmy((GDateDay)q.day, (GDateMonth)q.month, (GDateYear)q.year))
        return jx_result_number(result, date_serial(q.year, q.month, q.day));
    jx_set_error(&error, JX_ERROR_INVALID, "“%s”没有数值", "'%s' has no numeric value",
                 args[0].text ? args[0].text : "");
    fail(result, error);
}

static void fn_unit(const JxFunctionContext *context, const JxCellValue *args,
                    JxCellResult *result)
{
    GError *error = NULL;
    JxQuantity q;
    if (missing(args, 1, result))
        return;
    if (!read_quantity(&args[0], &q, &error))
        return fail(result, error);
    jx_result_text(result, g_strdup(q.kind == JX_QUANTITY_NUMBER ? q.unit : ""));
}

static void fn_comparison(const JxFunctionContext *context, const JxCellValue *args,
                          JxCellResult *result)
{
    GError *error = NULL;
    JxQuantity q;
    if (missing(args, 1, result))
        return;
    if (!read_quantity(&args[0], &q, &error))
        return fail(result, error);
    jx_result_text(result, g_strdup(jx_comparison_symbol(q.comparison)));
}

static void fn_check(const JxFunctionContext *context, const JxCellValue *args,
                     JxCellResult *result)
{
    GError *error = NULL;
    JxQuantity q;
    if (missing(args, 1, result))
        return;
    if (read_quantity(&args[0], &q, &error))
        return jx_result_text(result, g_strdup(""));
    jx_result_text(result, jx_error_text(error, context->lang));
    g_error_free(error);
}

/* --- indicators ---------------------------------------------------------- */

static void fn_completion(const JxFunctionContext *context, const JxCellValue *args,
                          JxCellResult *result)
{
    GError *error = NULL;
    JxQuantity target, actual;
    double rate;
    if (missing(args, 2, result))
        return;
    if (!read_quantity(&args[0], &target, &error) ||
        !read_quantity(&args[1], &actual, &error) ||
        !jx_completion_rate(&target, &actual, &rate, &error))
        return fail(result, error);
    jx_result_number(result, rate);
}

/* A band given as text (达成 …) or left out. */
static gboolean read_band(const JxCellValue *cell, JxBand *band, GError **error)
{
    *band = JX_BAND_NONE;
    /* a reference to an empty band cell arrives as the number 0 */
    if (jx_cell_is_blank(cell) || (cell->kind == JX_CELL_NUMBER && cell->number == 0))
        return TRUE;
    if (cell->kind == JX_CELL_TEXT && (*band = jx_band_parse(cell->text)) != JX_BAND_NONE)
        return TRUE;
    jx_set_error(error, JX_ERROR_INVALID,
                 "档次应为“达成”“部分达成”或“未达成”",
                 "the band must be 达成 (achieved), 部分达成 (partial) or 未达成 (not achieved)");
    return FALSE;
}

static void fn_score(const JxFunctionContext *context, const JxCellValue *args,
                     JxCellResult *result)
{
    GError *error = NULL;
    JxScoringRules rules;
    JxQuantity target, actual;
    JxBand band;
    double weight, entered, score;
    if (missing(args, 3, result))
        return;
    if (!read_rules(&args[5], &rules, &error) ||
        !read_number(&args[0], &weight, NULL, &error) ||
        !read_quantity(&args[1], &target, &error) ||
        !read_quantity(&args[2], &actual, &error) ||
        !read_band(&args[3], &band, &error))
        return fail(result, error);
    gboolean has_entered = args[4].kind != JX_CELL_EMPTY;
    if (has_entered && !read_number(&args[4], &entered, NULL, &error))
        return fail(result, error);
    if (!jx_indicator_score(&rules, weight, &target, &actual, band,
                            has_entered ? &entered : NULL, &score, &error))
        return fail(result, error);
    jx_result_number(result, score);
}

/* --- budget -------------------------------------------------------------- */

/* Budget and executed amounts, the executed one converted to the budget's unit. */
static gboolean read_budget_pair(const JxCellValue *args, double *budget,
                                 double *executed, GError **error)
{
    g_autofree char *budget_unit = NULL, *executed_unit = NULL;
    double raw;
    if (!read_number(&args[0], budget, &budget_unit, error) ||
        !read_number(&args[1], &raw, &executed_unit, error))
        return FALSE;
    return jx_unit_convert(raw, executed_unit, budget_unit, executed, error);
}

static void fn_execution_rate(const JxFunctionContext *context, const JxCellValue *args,
                              JxCellResult *result)
{
    GError *error = NULL;
    double budget, executed, rate;
    if (missing(args, 2, result))
        return;
    if (!read_budget_pair(args, &budget, &executed, &error) ||
        !jx_execution_rate(budget, executed, &rate, &error))
        return fail(result, error);
    jx_result_number(result, rate);
}

static void fn_execution_points(const JxFunctionContext *context, const JxCellValue *args,
                                JxCellResult *result)
{
    GError *error = NULL;
    JxScoringRules rules;
    double weight, budget, executed, rate;
    if (missing(args, 3, result))
        return;
    if (!read_rules(&args[3], &rules, &error) ||
        !read_number(&args[0], &weight, NULL, &error) ||
        !read_budget_pair(args + 1, &budget, &executed, &error) ||
        !jx_execution_rate(budget, executed, &rate, &error))
        return fail(result, error);
    if (!isfinite(weight) || weight < 0) {
        jx_set_error(&error, JX_ERROR_INVALID, "分值不能为负", "the weight cannot be negative");
        return fail(result, error);
    }
    jx_result_number(result, jx_execution_points(&rules, weight, rate));
}

static void fn_grade(const JxFunctionContext *context, const JxCellValue *args,
                     JxCellResult *result)
{
    GError *error = NULL;
    JxScoringRules rules;
    double total;
    double *thresholds[] = { &rules.grade_excellent, &rules.grade_good, &rules.grade_pass };
    if (missing(args, 1, result))
        return;
    if (!read_rules(&args[4], &rules, &error) || !read_number(&args[0], &total, NULL, &error))
        return fail(result, error);
    for (int i = 0; i < 3; i++)
        if (args[1 + i].kind != JX_CELL_EMPTY &&
            !read_number(&args[1 + i], thresholds[i], NULL, &error))
            return fail(result, error);
    if (!jx_scoring_rules_check(&rules, &error))
        return fail(result, error);
    if (!isfinite(total)) {
        jx_set_error(&error, JX_ERROR_INVALID, "总分不是有限数", "the total is not a finite number");
        return fail(result, error);
    }
    jx_result_text(result, g_strdup(jx_grade(&rules, total, FALSE)));
}

/* --- sums ---------------------------------------------------------------- */

/* The non-blank cells of a range (or one value) as numbers in one unit:
 * `unit` if given, else the first unit written.  Blank cells are skipped. */
static gboolean read_parts(const JxCellValue *range, const char *unit, GArray *values,
                           char **unit_used, GError **error)
{
    const JxCellValue *cells = range->kind == JX_CELL_RANGE ? range->cells : range;
    gsize n = range->kind == JX_CELL_RANGE ? range->rows * range->cols : 1;
    char *common = g_strdup(unit ? unit : "");
    gboolean fixed = unit != NULL && unit[0] != '\0';
    for (gsize i = 0; i < n; i++) {
        g_autofree char *part_unit = NULL;
        double value, converted;
        if (jx_cell_is_blank(&cells[i]))
            continue;
        if (!read_number(&cells[i], &value, &part_unit, error)) {
            g_autofree char *zh = g_strdup_printf("第%zu项：", i + 1);
            g_autofree char *en = g_strdup_printf("part %zu: ", i + 1);
            jx_error_prefix(error, zh, en);
            g_free(common);
            return FALSE;
        }
        if (!fixed && common[0] == '\0' && part_unit[0] != '\0') {
            g_free(common);
            common = g_strdup(part_unit);
        }
        if (!jx_unit_convert(value, part_unit, common, &converted, error)) {
            g_free(common);
            return FALSE;
        }
        g_array_append_val(values, converted);
    }
    *unit_used = common;
    return TRUE;
}

static void fn_total(const JxFunctionContext *context, const JxCellValue *args,
                     JxCellResult *result)
{
    GError *error = NULL;
    g_autofree char *unit = NULL, *unit_used = NULL;
    g_autoptr(GArray) values = g_array_new(FALSE, FALSE, sizeof(double));
    if (missing(args, 1, result))
        return;
    if (args[1].kind == JX_CELL_TEXT)
        unit = g_strdup(args[1].text);
    if (unit != NULL && unit[0] != '\0' && jx_unit_lookup(unit) == NULL) {
        jx_set_error(&error, JX_ERROR_INVALID, "未知单位“%s”", "unknown unit '%s'", unit);
        return fail(result, error);
    }
    if (!read_parts(&args[0], unit, values, &unit_used, &error))
        return fail(result, error);
    double sum = 0;
    for (guint i = 0; i < values->len; i++)
        sum += g_array_index(values, double, i);
    jx_result_number(result, jx_round(sum, 9));
}

static void fn_sum_check(const JxFunctionContext *context, const JxCellValue *args,
                         JxCellResult *result)
{
    GError *error = NULL;
    g_autofree char *total_unit = NULL, *unit_used = NULL;
    g_autoptr(GArray) parts = g_array_new(FALSE, FALSE, sizeof(double));
    double total, precision = 0.01, difference;
    if (missing(args, 2, result))
        return;
    if (!read_number(&args[0], &total, &total_unit, &error) ||
        (args[2].kind != JX_CELL_EMPTY && !read_number(&args[2], &precision, NULL, &error)) ||
        !read_parts(&args[1], total_unit, parts, &unit_used, &error))
        return fail(result, error);
    if (!isfinite(precision) || precision < 0) {
        jx_set_error(&error, JX_ERROR_INVALID, "精度不能为负", "the precision cannot be negative");
        return fail(result, error);
    }
    gboolean consistent = jx_sum_check(total, precision, (const double *)parts->data,
                                       NULL, parts->len, &difference);
    jx_result_number(result, consistent ? 0 : jx_round(difference, 9));
}

/* --- amounts and numerals ------------------------------------------------- */

static void fn_convert(const JxFunctionContext *context, const JxCellValue *args,
                       JxCellResult *result)
{
    GError *error = NULL;
    g_autofree char *unit = NULL;
    double value, converted;
    if (missing(args, 2, result))
        return;
    if (!read_number(&args[0], &value, &unit, &error))
        return fail(result, error);
    if (args[2].kind == JX_CELL_TEXT && unit[0] == '\0') {
        g_free(unit);
        unit = g_strstrip(g_strdup(args[2].text));
    }
    const char *to = args[1].kind == JX_CELL_TEXT ? args[1].text : "";
    if (jx_unit_lookup(to) == NULL || (unit[0] != '\0' && jx_unit_lookup(unit) == NULL)) {
        jx_set_error(&error, JX_ERROR_INVALID, "未知单位“%s”", "unknown unit '%s'",
                     jx_unit_lookup(to) == NULL ? to : unit);
        return fail(result, error);
    }
    if (unit[0] == '\0') {
        jx_set_error(&error, JX_ERROR_INVALID, "没有写明原单位", "the unit to convert from is missing");
        return fail(result, error);
    }
    if (!jx_unit_convert(value, unit, to, &converted, &error))
        return fail(result, error);
    jx_result_number(result, converted);
}

static void fn_wan(const JxFunctionContext *context, const JxCellValue *args,
                   JxCellResult *result)
{
    GError *error = NULL;
    g_autofree char *unit = NULL;
    double value, yuan;
    if (missing(args, 1, result))
        return;
    if (!read_number(&args[0], &value, &unit, &error) ||
        !jx_unit_convert(value, unit, "元", &yuan, &error))
        return fail(result, error);
    jx_result_number(result, jx_yuan_to_wan(yuan));
}

static void fn_in_words(const JxFunctionContext *context, const JxCellValue *args,
                        JxCellResult *result)
{
    GError *error = NULL;
    g_autofree char *unit = NULL;
    double value, yuan;
    if (missing(args, 1, result))
        return;
    if (!read_number(&args[0], &value, &unit, &error))
        return fail(result, error);
    if (unit[0] == '\0' && args[1].kind == JX_CELL_TEXT) {
        g_free(unit);
        unit = g_strstrip(g_strdup(args[1].text));
    }
    if (unit[0] != '\0' && !jx_unit_is_money(unit)) {
        jx_set_error(&error, JX_ERROR_UNIT_MISMATCH, "“%s”不是货币单位",
                     "'%s' is not a unit of money", unit);
        return fail(result, error);
    }
    if (!jx_unit_convert(value, unit, "元", &yuan, &error))
        return fail(result, error);
    char *words = jx_amount_in_words(yuan, &error);
    if (words == NULL)
        return fail(result, error);
    jx_result_text(result, words);
}

/* An argument that must be a whole number within [low, high]. */
static gboolean read_integer(const JxCellValue *cell, double low, double high,
                             gint64 *value, GError **error)
{
    double number;
    if (!read_number(cell, &number, NULL, error))
        return FALSE;
    if (!isfinite(number) || number != floor(number) || number < low || number > high) {
        jx_set_error(error, JX_ERROR_RANGE, "应为 %.0f 到 %.0f 之间的整数",
                     "expected a whole number from %.0f to %.0f", low, high);
        return FALSE;
    }
    *value = (gint64)number;
    return TRUE;
}

static void fn_numeral(const JxFunctionContext *context, const JxCellValue *args,
                       JxCellResult *result)
{
    GError *error = NULL;
    gint64 n;
    if (missing(args, 1, result))
        return;
    if (!read_integer(&args[0], 0, 99999999, &n, &error))
        return fail(result, error);
    char *text = jx_numeral_format(n, &error);
    if (text == NULL)
        return fail(result, error);
    jx_result_text(result, text);
}

static void fn_heading(const JxFunctionContext *context, const JxCellValue *args,
                       JxCellResult *result)
{
    GError *error = NULL;
    gint64 level, index;
    if (missing(args, 2, result))
        return;
    if (!read_integer(&args[0], 1, 4, &level, &error) ||
        !read_integer(&args[1], 1, 9999, &index, &error))
        return fail(result, error);
    char *text = jx_heading_number((int)level, (int)index, &error);
    if (text == NULL)
        return fail(result, error);
    jx_result_text(result, text);
}

/* --- the table ------------------------------------------------------------ */

#define ARG(n, t, opt, dzh, den, szh, sen) \
    { n, t, opt, { dzh, den }, { szh, sen } }
#define TEXT_ARG(n, dzh, den, szh, sen) ARG(n, JX_ARG_VALUE, FALSE, dzh, den, szh, sen)
#define OPTIONAL_ARG(n, dzh, den, szh, sen) ARG(n, JX_ARG_VALUE, TRUE, dzh, den, szh, sen)
#define RANGE_ARG(n, dzh, den, szh, sen) ARG(n, JX_ARG_RANGE, FALSE, dzh, den, szh, sen)

#define TARGET_ARG TEXT_ARG("target", "年度指标值", "target", \
    "年度指标值，如“≥300人次”“2023年12月31日前”“有效提升”", \
    "the annual target as written, e.g. \"≥300人次\", \"2023年12月31日前\", \"有效提升\"")
#define ACTUAL_ARG TEXT_ARG("actual", "实际完成值", "actual", \
    "实际完成值，如“300余人次”“6万余人次”“按期完成”", \
    "the actual value as written, e.g. \"300余人次\", \"6万余人次\", \"按期完成\"")
#define WEIGHT_ARG TEXT_ARG("weight", "分值", "weight", "该指标的分值（权重）", \
    "the points the indicator is worth (its weight)")
#define RULES_ARG OPTIONAL_ARG("rules", "评分规则", "rules", \
    "方案的评分规则，如“score_decimals=1”（可省略，“计算”按方案写入）", \
    "the schema's scoring rules, e.g. \"score_decimals=1\" (optional; Compute writes the schema's)")
#define BUDGET_ARGS \
    TEXT_ARG("budget", "全年预算数", "budget", "全年预算数（数值或带单位文字，如“359.95万元”）", \
             "the full-year budget (a number, or text with a unit such as \"359.95万元\")"), \
    TEXT_ARG("executed", "全年执行数", "executed", "全年执行数，单位可与预算数不同（自动换算）", \
             "the full-year expenditure; its unit may differ from the budget's (converted)")

static const JxFunctionSpec functions[] = {
    { "value", "JX.VALUE",
      { "指标值中的数值（含万、亿倍数；日期返回日期值）",
        "the number in an indicator value, multipliers applied (dates give a date value)" },
      1, { TEXT_ARG("text", "文字", "text", "如“6万余人次”“≥95%”“二个”",
                    "e.g. \"6万余人次\", \"≥95%\", \"二个\"") },
      fn_value, "=JX.VALUE(\"6万余人次\") → 60000" },
    { "unit", "JX.UNIT",
      { "指标值中的单位（如“人次”“万元”“%”），无单位时为空",
        "the unit of an indicator value (\"人次\", \"万元\", \"%\"), empty if none" },
      1, { TEXT_ARG("text", "文字", "text", "如“300余人次”", "e.g. \"300余人次\"") },
      fn_unit, "=JX.UNIT(\"≥300人次\") → 人次" },
    { "comparison", "JX.COMPARISON",
      { "指标值的比较方向：≥、>、≤、<、= 或空（未写明，按正向计分）",
        "the comparison of a target: ≥, >, ≤, <, = or empty (none written; scored as ≥)" },
      1, { TEXT_ARG("text", "文字", "text", "如“不低于95%”", "e.g. \"不低于95%\"") },
      fn_comparison, "=JX.COMPARISON(\"不超过10万元\") → ≤" },
    { "check", "JX.CHECK",
      { "检查指标值能否识别：能识别为空，否则给出原因和位置",
        "checks that an indicator value can be read: empty if so, else the reason and position" },
      1, { TEXT_ARG("text", "文字", "text", "要检查的指标值", "the value to check") },
      fn_check, "=JX.CHECK(\"300人次开展\") → the reason, naming character 6" },
    { "completion", "JX.COMPLETION",
      { "完成率（按比较方向：正向 实际/目标，反向 (2×目标−实际)/目标）",
        "completion rate by direction (positive: actual/target; reverse: (2×target−actual)/target)" },
      2, { TARGET_ARG, ACTUAL_ARG },
      fn_completion, "=JX.COMPLETION(\"≥300人次\";\"270人次\") → 0.9" },
    { "score", "JX.SCORE",
      { "按官方规则计算指标得分（定量按完成率，定性按档次）",
        "the indicator's score by the official rules (quantitative by completion, qualitative by band)" },
      6, { WEIGHT_ARG, TARGET_ARG, ACTUAL_ARG,
           OPTIONAL_ARG("band", "档次", "band",
                        "定性指标的档次：达成 / 部分达成 / 未达成（可省略）",
                        "qualitative band: 达成 / 部分达成 / 未达成 (optional)"),
           OPTIONAL_ARG("entered", "自评得分", "entered score",
                        "定性指标已填的得分，须在档次范围内（可省略）",
                        "a score already entered for a qualitative indicator; must lie in the band (optional)"),
           RULES_ARG },
      fn_score, "=JX.SCORE(10;\"≥300人次\";\"270人次\") → 9" },
    { "executionRate", "JX.EXECRATE",
      { "预算执行率 = 全年执行数 ÷ 全年预算数", "budget execution rate = executed ÷ budget" },
      2, { BUDGET_ARGS },
      fn_execution_rate, "=JX.EXECRATE(\"359.95万元\";\"3504000元\") → 0.9735" },
    { "executionPoints", "JX.EXECPOINTS",
      { "预算执行率得分 = min(执行率, 100%) × 分值", "execution points = min(rate, 100%) × weight" },
      4, { WEIGHT_ARG, BUDGET_ARGS, RULES_ARG },
      fn_execution_points, "=JX.EXECPOINTS(10;359.95;350.4) → 9.73" },
    { "grade", "JX.GRADE",
      { "总分的等级：优（≥90）、良（≥80）、中（≥60）、差", "grade of a total: 优 (≥90), 良 (≥80), 中 (≥60), 差" },
      5, { TEXT_ARG("total", "总分", "total", "自评总分", "the total score"),
           OPTIONAL_ARG("excellent", "优分数线", "excellent from", "“优”的最低分，默认 90", "lowest score graded 优, default 90"),
           OPTIONAL_ARG("good", "良分数线", "good from", "“良”的最低分，默认 80", "lowest score graded 良, default 80"),
           OPTIONAL_ARG("pass", "中分数线", "fair from", "“中”的最低分，默认 60", "lowest score graded 中, default 60"),
           RULES_ARG },
      fn_grade, "=JX.GRADE(86.5) → 良" },
    { "total", "JX.TOTAL",
      { "区域内各项之和，文字按单位换算（如“0.33万元”），空单元格跳过",
        "sum of a range; texts are read with their units (\"0.33万元\") and converted; blanks skipped" },
      2, { RANGE_ARG("parts", "各项", "parts", "各项数值所在区域", "the range of parts"),
           OPTIONAL_ARG("unit", "单位", "unit", "结果的单位，默认为第一个写明的单位",
                        "unit of the result; default: the first unit written") },
      fn_total, "=JX.TOTAL(B2:B9;\"万元\")" },
    { "sumCheck", "JX.SUMCHECK",
      { "合计与各项之和的差额；在舍入容差内为 0（区间法）",
        "total minus the sum of its parts; 0 when within rounding tolerance (interval method)" },
      3, { TEXT_ARG("total", "合计", "total", "合计数", "the total"),
           RANGE_ARG("parts", "各项", "parts", "各项数值所在区域", "the range of parts"),
           OPTIONAL_ARG("precision", "精度", "precision", "数值的舍入精度，默认 0.01",
                        "the figures' rounding precision, default 0.01") },
      fn_sum_check, "=JX.SUMCHECK(273.77;B2:B5) → -46.68" },
    { "convert", "JX.CONVERT",
      { "单位换算（元、千元、万元、亿元等同类单位之间）",
        "converts between units of one kind (元, 千元, 万元, 亿元 …)" },
      3, { TEXT_ARG("value", "数值", "value", "数值或带单位文字，如“6万元”", "a number, or text with a unit such as \"6万元\""),
           TEXT_ARG("to", "目标单位", "to unit", "换算成的单位，如“元”", "the unit to convert to, e.g. \"元\""),
           OPTIONAL_ARG("from", "原单位", "from unit", "数值本身没有单位时的原单位",
                        "the unit of a plain number") },
      fn_convert, "=JX.CONVERT(\"6万元\";\"元\") → 60000" },
    { "wan", "JX.WAN",
      { "金额换算为万元并保留两位小数", "an amount in 万元, rounded to two decimals" },
      1, { TEXT_ARG("amount", "金额", "amount", "金额（元），或带单位文字", "the amount in 元, or text with a unit") },
      fn_wan, "=JX.WAN(4104100) → 410.41" },
    { "inWords", "JX.DAXIE",
      { "人民币大写金额，如 壹佰贰拾叁元肆角伍分", "the amount in Chinese financial capitals (人民币大写)" },
      2, { TEXT_ARG("amount", "金额", "amount", "金额，或带单位文字如“410.41万元”",
                    "the amount, or text with a unit such as \"410.41万元\""),
           OPTIONAL_ARG("unit", "单位", "unit", "数值的单位：元（默认）、万元、亿元",
                        "the unit of a plain number: 元 (default), 万元, 亿元") },
      fn_in_words, "=JX.DAXIE(123.45) → 壹佰贰拾叁元肆角伍分" },
    { "numeral", "JX.NUMERAL",
      { "中文数字，如 13 → 十三", "the Chinese numeral of a whole number, e.g. 13 → 十三" },
      1, { TEXT_ARG("number", "数", "number", "0 到 99999999 的整数", "a whole number from 0 to 99999999") },
      fn_numeral, "=JX.NUMERAL(21) → 二十一" },
    { "heading", "JX.HEADING",
      { "公文标题序号：1 级“一、”，2 级“（一）”，3 级“1.”，4 级“（1）”",
        "公文 heading number: level 1 \"一、\", 2 \"（一）\", 3 \"1.\", 4 \"（1）\"" },
      2, { TEXT_ARG("level", "层级", "level", "1 到 4", "1 to 4"),
           TEXT_ARG("index", "序号", "index", "从 1 开始的序号", "the 1-based index") },
      fn_heading, "=JX.HEADING(2;3) → （三）" },
};

const JxFunctionSpec *jx_functions(gsize *n)
{
    *n = G_N_ELEMENTS(functions);
    return functions;
}

const JxFunctionSpec *jx_function_by_method(const char *method)
{
    for (gsize i = 0; method && i < G_N_ELEMENTS(functions); i++)
        if (strcmp(functions[i].method, method) == 0)
            return &functions[i];
    return NULL;
}

const JxFunctionSpec *jx_function_by_display(const char *display)
{
    for (gsize i = 0; display && i < G_N_ELEMENTS(functions); i++)
        if (g_ascii_strcasecmp(functions[i].display, display) == 0)
            return &functions[i];
    return NULL;
}

void jx_function_call(const JxFunctionSpec *spec, const JxFunctionContext *context,
                      const JxCellValue *args, JxCellResult *result)
{
    memset(result, 0, sizeof *result);
    spec->impl(context, args, result);
}
