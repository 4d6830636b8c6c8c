/*
 * findings.c: the finding kinds: code, severity, summary and fix, one row
 * each.  A code never changes meaning once published; new kinds get new
 * codes.
 */
#include "core/findings.h"

#include <string.h>

#define KIND(id, code, severity, summary_zh, summary_en, fix_zh, fix_en) \
    [id] = { code, severity, { summary_zh, summary_en }, { fix_zh, fix_en } }

static const JxFindingKind kinds[JX_FINDING_N_KINDS] = {
    /* reading the workbook through the schema */
    KIND(JX_FINDING_SHEET_MISSING, "JX-SHEET-MISSING", JX_SEVERITY_ERROR,
         "方案要求的工作表不存在", "a sheet the schema requires is missing",
         "恢复该工作表，或检查工作表名称是否被改动", "restore the sheet, or check that its tab name was not changed"),
    KIND(JX_FINDING_LABEL_MISSING, "JX-LABEL-MISSING", JX_SEVERITY_ERROR,
         "找不到字段的行标签", "the row label of a field was not found",
         "恢复该行的标签文字（如“整体支出”）", "restore the row's label text (such as 整体支出)"),
    KIND(JX_FINDING_NAME_MISSING, "JX-NAME-MISSING", JX_SEVERITY_ERROR,
         "找不到命名区域", "a named range was not found",
         "在“工作表—命名区域”中恢复该名称", "restore the name under Sheet ▸ Named Ranges"),
    KIND(JX_FINDING_TABLE_MISSING, "JX-TABLE-MISSING", JX_SEVERITY_ERROR,
         "找不到表的标题行", "the header row of a table was not found",
         "恢复表的标题行文字", "restore the table's header row"),
    KIND(JX_FINDING_COLUMN_MISSING, "JX-COLUMN-MISSING", JX_SEVERITY_ERROR,
         "表中找不到某列的标题", "a column header of a table was not found",
         "恢复该列的标题文字", "restore the column's header text"),
    KIND(JX_FINDING_ROLE_MISSING, "JX-ROLE-MISSING", JX_SEVERITY_WARNING,
         "找不到检查所需的行（如成本指标）", "a row a check relies on (such as the cost indicator) was not found",
         "按提示标明该行：使用所列名称之一，或设置其指标级别和单位", "mark the row as the message says: one of the names listed, or its level and unit"),
    KIND(JX_FINDING_ROLE_AMBIGUOUS, "JX-ROLE-AMBIGUOUS", JX_SEVERITY_WARNING,
         "有多行都可能是检查所需的行", "several rows could be the row a check relies on",
         "将其中一行的名称改为所列名称之一", "give one of the rows one of the names listed"),
    KIND(JX_FINDING_ROW_BLANK, "JX-ROW-BLANK", JX_SEVERITY_NOTE,
         "表中间有空行，已跳过", "a blank row inside a table was skipped",
         "可删除空行；其下各行照常读取", "the blank row may be deleted; the rows below it are read as usual"),
    KIND(JX_FINDING_SHEET_TRUNCATED, "JX-SHEET-TRUNCATED", JX_SEVERITY_WARNING,
         "工作表过大，只读取了前面部分", "a sheet is too large; only its first part was read",
         "删除表格右侧和下方多余的内容", "delete what lies far to the right of and below the data"),
    KIND(JX_FINDING_TABLE_TRUNCATED, "JX-TABLE-TRUNCATED", JX_SEVERITY_WARNING,
         "表的行数超过上限，只读取了前面部分", "a table has more rows than the limit; the rest was not read",
         "删除多余的行，或在方案中提高 max_rows", "delete surplus rows, or raise max_rows in the schema"),
    /* values */
    KIND(JX_FINDING_REQUIRED_EMPTY, "JX-REQUIRED-EMPTY", JX_SEVERITY_ERROR,
         "必填项为空", "a required cell is empty",
         "填写该单元格", "fill in the cell"),
    KIND(JX_FINDING_ERROR_VALUE, "JX-ERROR-VALUE", JX_SEVERITY_ERROR,
         "单元格是错误值", "a cell holds an error value",
         "改正产生错误值的公式或内容", "correct the formula or content that gives the error"),
    KIND(JX_FINDING_NOT_A_NUMBER, "JX-NOT-A-NUMBER", JX_SEVERITY_ERROR,
         "应为数值的单元格是文字", "a cell that should hold a number holds text",
         "只填写数值（可带单位，如“41.73万元”）", "enter a number only (a unit may follow, as in 41.73万元)"),
    KIND(JX_FINDING_UNIT_WRONG, "JX-UNIT-WRONG", JX_SEVERITY_ERROR,
         "单元格的单位与要求不符", "a cell's unit is not the one required",
         "改用表头要求的单位", "use the unit the header asks for"),
    KIND(JX_FINDING_NEGATIVE, "JX-NEGATIVE", JX_SEVERITY_ERROR,
         "金额为负数", "an amount is negative",
         "检查符号；支出数不应为负", "check the sign: spending is not negative"),
    KIND(JX_FINDING_NUMBER_HUGE, "JX-NUMBER-HUGE", JX_SEVERITY_ERROR,
         "数值大得不合理", "a number is implausibly large",
         "检查单位（万元而非元）和位数", "check the unit (万元, not 元) and the digits"),
    /* sums and repeated figures */
    KIND(JX_FINDING_SUM_MISMATCH, "JX-SUM-MISMATCH", JX_SEVERITY_ERROR,
         "合计不等于各项之和", "a total does not equal the sum of its parts",
         "核对合计数和各项明细，改正其中错误的一方", "check the total against its parts and correct the wrong one"),
    KIND(JX_FINDING_PART_EXCEEDS_TOTAL, "JX-PART-EXCEEDS-TOTAL", JX_SEVERITY_ERROR,
         "某一项大于合计", "a part is larger than its total",
         "核对该项与合计数", "check the part against its total"),
    KIND(JX_FINDING_SAME_DIFFERS, "JX-SAME-DIFFERS", JX_SEVERITY_ERROR,
         "同一数字在两处的值不同", "the same figure has two different values",
         "两处应填写同一数值，改正错误的一处", "both places should hold one value: correct the wrong one"),
    KIND(JX_FINDING_SAME_ROUNDING, "JX-SAME-ROUNDING", JX_SEVERITY_NOTE,
         "同一数字在两处相差在舍入范围内", "the same figure differs within rounding",
         "可统一为同一数值", "the two may be made identical"),
    /* indicators */
    KIND(JX_FINDING_INDICATOR_UNPARSEABLE, "JX-INDICATOR-UNPARSEABLE", JX_SEVERITY_ERROR,
         "指标值无法识别", "an indicator value cannot be read",
         "按“≥300人次”“2023年12月31日前”等形式填写", "write it as in ≥300人次 or 2023年12月31日前"),
    KIND(JX_FINDING_INDICATOR_UNITS, "JX-INDICATOR-UNITS", JX_SEVERITY_ERROR,
         "指标值与实际完成值的单位不一致", "target and actual are in units that do not convert",
         "实际完成值应使用与年度指标值相同（或可换算）的单位", "give the actual in the target's unit (or one that converts)"),
    KIND(JX_FINDING_PEOPLE_IN_MONEY, "JX-PEOPLE-IN-MONEY", JX_SEVERITY_ERROR,
         "人数用了货币单位", "a count of people is given in a unit of money",
         "人数以“人”或“人次”计", "count people in 人 or 人次"),
    KIND(JX_FINDING_UNMET_NO_REASON, "JX-UNMET-NO-REASON", JX_SEVERITY_ERROR,
         "未完成指标没有偏差原因", "an unmet indicator has no deviation explanation",
         "填写偏差原因分析及改进措施", "fill in the deviation explanation and the improvements planned"),
    KIND(JX_FINDING_OVERACHIEVED_NO_REASON, "JX-OVERACHIEVED-NO-REASON", JX_SEVERITY_WARNING,
         "大幅超额完成没有说明", "far above target without an explanation",
         "说明超额完成的原因，以及年度指标是否定得过低", "explain why, and whether the target was set too low"),
    KIND(JX_FINDING_SCORE_ABOVE_WEIGHT, "JX-SCORE-ABOVE-WEIGHT", JX_SEVERITY_ERROR,
         "得分高于分值", "a score is above its weight",
         "得分不能超过分值", "a score cannot exceed its weight"),
    KIND(JX_FINDING_SCORE_OUTSIDE_BAND, "JX-SCORE-OUTSIDE-BAND", JX_SEVERITY_ERROR,
         "定性得分不在所选档次范围内", "a qualitative score lies outside its band",
         "调整得分或所选档次", "change the score or the band"),
    KIND(JX_FINDING_SCORE_MISMATCH, "JX-SCORE-MISMATCH", JX_SEVERITY_WARNING,
         "得分与按规则计算的不同", "a score differs from the one the rules give",
         "清空得分后用“计算”重新计算", "clear the score and run Compute"),
    KIND(JX_FINDING_BAND_MISSING, "JX-BAND-MISSING", JX_SEVERITY_WARNING,
         "定性指标没有选择档次", "a qualitative indicator has no band chosen",
         "在“定性档次”中选择达成、部分达成或未达成", "choose achieved, partial or not achieved as its band"),
    KIND(JX_FINDING_WEIGHTS_TOTAL, "JX-WEIGHTS-TOTAL", JX_SEVERITY_ERROR,
         "各指标分值之和不等于总分", "the weights do not add up to the total",
         "调整各指标分值", "adjust the indicators' weights"),
    /* budget execution */
    KIND(JX_FINDING_EXECUTION_LOW, "JX-EXECUTION-LOW", JX_SEVERITY_WARNING,
         "预算执行率偏低且没有说明", "the execution rate is low and unexplained",
         "在“执行率偏差说明”中说明原因", "explain it under 执行率偏差说明"),
    KIND(JX_FINDING_BUDGET_ZERO, "JX-BUDGET-ZERO", JX_SEVERITY_ERROR,
         "预算数为零或为空，无法计算执行率", "the budget is zero or empty; no execution rate",
         "填写全年预算数", "fill in the full-year budget"),
    /* reviewing a report's prose */
    KIND(JX_FINDING_COUNT_IN_MONEY, "JX-COUNT-IN-MONEY", JX_SEVERITY_ERROR,
         "计数用了货币单位", "a count is given in a unit of money",
         "改用计数的单位（如“场次”“期”）", "use the count's own unit (场次, 期 …)"),
    KIND(JX_FINDING_RATE_MISMATCH, "JX-RATE-MISMATCH", JX_SEVERITY_ERROR,
         "比率与它所依据的数字不符", "a rate does not match the figures it comes from",
         "按所列数字重新计算比率，或改正数字", "compute the rate again from the figures, or correct the figures"),
    KIND(JX_FINDING_GRADE_MISMATCH, "JX-GRADE-MISMATCH", JX_SEVERITY_ERROR,
         "等级与总分不符", "the grade does not match the total score",
         "按总分写出等级（优 ≥ 90，良 ≥ 80，中 ≥ 60）", "state the grade the total gives (优 ≥ 90, 良 ≥ 80, 中 ≥ 60)"),
    KIND(JX_FINDING_OUTLINE_REPEATED, "JX-OUTLINE-REPEATED", JX_SEVERITY_WARNING,
         "标题序号重复", "a section number is used twice",
         "把本节及其后各节依次重新编号", "number this section and the ones after it again, in order"),
    KIND(JX_FINDING_OUTLINE_SKIPPED, "JX-OUTLINE-SKIPPED", JX_SEVERITY_WARNING,
         "标题序号跳号", "section numbers are skipped",
         "补上缺少的一节，或把其后各节依次重新编号", "add the missing section, or number the ones after it again"),
    KIND(JX_FINDING_OUTLINE_ORDER, "JX-OUTLINE-ORDER", JX_SEVERITY_WARNING,
         "标题序号顺序颠倒", "section numbers are out of order",
         "按顺序排列各节或重新编号", "put the sections in order, or number them again"),
    /* compute */
    KIND(JX_FINDING_COMPUTED_OVERWRITE, "JX-COMPUTED-OVERWRITE", JX_SEVERITY_WARNING,
         "计算单元格中有手工内容，未覆盖", "a computed cell holds hand-entered content; not overwritten",
         "清空该单元格后再计算", "clear the cell and compute again"),
    KIND(JX_FINDING_COMPUTE_SKIPPED, "JX-COMPUTE-SKIPPED", JX_SEVERITY_WARNING,
         "无法计算，单元格留空", "could not be computed; the cell is left empty",
         "按提示补全或改正所依赖的单元格", "complete or correct the cells it depends on, as the message says"),
};

const JxFindingKind *jx_finding_kinds(gsize *n)
{
    *n = G_N_ELEMENTS(kinds);
    return kinds;
}

const JxFindingKind *jx_finding_kind(JxFindingCode code)
{
    return (guint)code < G_N_ELEMENTS(kinds) ? &kinds[code] : NULL;
}

const JxFindingKind *jx_finding_kind_named(const char *code)
{
    for (gsize i = 0; code && i < G_N_ELEMENTS(kinds); i++)
        if (strcmp(kinds[i].code, code) == 0)
            return &kinds[i];
    return NULL;
}

JxFinding *jx_finding_new_texts(JxFindingCode code, int sheet, int row, int col,
                                char *zh, char *en)
{
    const JxFindingKind *kind = jx_finding_kind(code);
    g_return_val_if_fail(kind != NULL, NULL);
    JxFinding *f = g_new0(JxFinding, 1);
    f->text[JX_LANG_ZH] = zh;
    f->text[JX_LANG_EN] = en;
    f->kind = kind;
    f->severity = kind->severity;
    f->sheet = sheet;
    f->row = f->row2 = row;
    f->col = f->col2 = col;
    return f;
}

JxFinding *jx_finding_new(JxFindingCode code, int sheet, int row, int col,
                          const char *zh_format, const char *en_format, ...)
{
    char *texts[2];
    va_list args;
    va_start(args, en_format);
    jx_texts_vprintf(texts, zh_format, en_format, args);
    va_end(args);
    return jx_finding_new_texts(code, sheet, row, col, texts[JX_LANG_ZH], texts[JX_LANG_EN]);
}

JxFinding *jx_finding_copy(const JxFinding *f)
{
    JxFinding *copy = g_new0(JxFinding, 1);
    *copy = *f;
    copy->text[0] = g_strdup(f->text[0]);
    copy->text[1] = g_strdup(f->text[1]);
    copy->check = g_strdup(f->check);
    return copy;
}

void jx_finding_set_range(JxFinding *f, int row2, int col2)
{
    f->row2 = MAX(f->row, row2);
    f->col2 = MAX(f->col, col2);
}

void jx_finding_free(gpointer data)
{
    JxFinding *f = data;
    if (f == NULL)
        return;
    g_free(f->text[0]);
    g_free(f->text[1]);
    g_free(f->check);
    g_free(f);
}

const char *jx_severity_name(JxSeverity severity, JxLang lang)
{
    static const char *const names[][2] = {
        { "错误", "error" }, { "警告", "warning" }, { "提示", "note" },
    };
    return names[severity][lang];
}

static gint compare(gconstpointer a, gconstpointer b)
{
    const JxFinding *x = *(const JxFinding *const *)a, *y = *(const JxFinding *const *)b;
    if (x->severity != y->severity)
        return (int)x->severity - (int)y->severity;
    if (x->sheet != y->sheet)
        return x->sheet - y->sheet;
    if (x->row != y->row)
        return x->row - y->row;
    return x->col - y->col;
}

void jx_findings_sort(GPtrArray *findings)
{
    g_ptr_array_sort(findings, compare);
}

void jx_findings_count(const GPtrArray *findings, int *errors, int *warnings, int *notes)
{
    int counts[3] = { 0, 0, 0 };
    for (guint i = 0; findings && i < findings->len; i++)
        counts[((JxFinding *)g_ptr_array_index(findings, i))->severity]++;
    if (errors) *errors = counts[0];
    if (warnings) *warnings = counts[1];
    if (notes) *notes = counts[2];
}
