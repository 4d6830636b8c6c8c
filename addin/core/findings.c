/*
 * findings.c: the finding kinds and their codes.  A code never changes
 * meaning once published; new kinds get new codes.
 */
#include "core/findings.h"

#include <string.h>

static const JxFindingKind kinds[] = {
    /* reading the workbook through the schema */
    { "JX-SHEET-MISSING", JX_SEVERITY_ERROR, { "方案要求的工作表不存在", "a sheet the schema requires is missing" } },
    { "JX-LABEL-MISSING", JX_SEVERITY_ERROR, { "找不到字段的行标签", "the row label of a field was not found" } },
    { "JX-NAME-MISSING", JX_SEVERITY_ERROR, { "找不到命名区域", "a named range was not found" } },
    { "JX-TABLE-MISSING", JX_SEVERITY_ERROR, { "找不到表的标题行", "the header row of a table was not found" } },
    { "JX-COLUMN-MISSING", JX_SEVERITY_ERROR, { "表中找不到某列的标题", "a column header of a table was not found" } },
    { "JX-SHEET-TRUNCATED", JX_SEVERITY_WARNING, { "工作表过大，只读取了前面部分", "a sheet is too large; only its first part was read" } },
    { "JX-TABLE-TRUNCATED", JX_SEVERITY_WARNING, { "表的行数超过上限，只读取了前面部分", "a table has more rows than the limit; the rest was not read" } },
    /* values */
    { "JX-REQUIRED-EMPTY", JX_SEVERITY_ERROR, { "必填项为空", "a required cell is empty" } },
    { "JX-ERROR-VALUE", JX_SEVERITY_ERROR, { "单元格是错误值", "a cell holds an error value" } },
    { "JX-NOT-A-NUMBER", JX_SEVERITY_ERROR, { "应为数值的单元格是文字", "a cell that should hold a number holds text" } },
    { "JX-UNIT-WRONG", JX_SEVERITY_ERROR, { "单元格的单位与要求不符", "a cell's unit is not the one required" } },
    { "JX-NEGATIVE", JX_SEVERITY_ERROR, { "金额为负数", "an amount is negative" } },
    { "JX-NUMBER-HUGE", JX_SEVERITY_ERROR, { "数值大得不合理", "a number is implausibly large" } },
    /* sums and repeated figures */
    { "JX-SUM-MISMATCH", JX_SEVERITY_ERROR, { "合计不等于各项之和", "a total does not equal the sum of its parts" } },
    { "JX-PART-EXCEEDS-TOTAL", JX_SEVERITY_ERROR, { "某一项大于合计", "a part is larger than its total" } },
    { "JX-SAME-DIFFERS", JX_SEVERITY_ERROR, { "同一数字在两处的值不同", "the same figure has two different values" } },
    { "JX-SAME-ROUNDING", JX_SEVERITY_NOTE, { "同一数字在两处相差在舍入范围内", "the same figure differs within rounding" } },
    /* indicators */
    { "JX-INDICATOR-UNPARSEABLE", JX_SEVERITY_ERROR, { "指标值无法识别", "an indicator value cannot be read" } },
    { "JX-INDICATOR-UNITS", JX_SEVERITY_ERROR, { "指标值与实际完成值的单位不一致", "target and actual are in units that do not convert" } },
    { "JX-PEOPLE-IN-MONEY", JX_SEVERITY_ERROR, { "人数用了货币单位", "a count of people is given in a unit of money" } },
    { "JX-UNMET-NO-REASON", JX_SEVERITY_ERROR, { "未完成指标没有偏差原因", "an unmet indicator has no deviation explanation" } },
    { "JX-OVERACHIEVED-NO-REASON", JX_SEVERITY_WARNING, { "大幅超额完成没有说明", "far above target without an explanation" } },
    { "JX-SCORE-ABOVE-WEIGHT", JX_SEVERITY_ERROR, { "得分高于分值", "a score is above its weight" } },
    { "JX-SCORE-OUTSIDE-BAND", JX_SEVERITY_ERROR, { "定性得分不在所选档次范围内", "a qualitative score lies outside its band" } },
    { "JX-SCORE-MISMATCH", JX_SEVERITY_WARNING, { "得分与按规则计算的不同", "a score differs from the one the rules give" } },
    { "JX-BAND-MISSING", JX_SEVERITY_WARNING, { "定性指标没有选择档次", "a qualitative indicator has no band chosen" } },
    { "JX-WEIGHTS-TOTAL", JX_SEVERITY_ERROR, { "各指标分值之和不等于总分", "the weights do not add up to the total" } },
    /* budget execution */
    { "JX-EXECUTION-LOW", JX_SEVERITY_WARNING, { "预算执行率偏低且没有说明", "the execution rate is low and unexplained" } },
    { "JX-BUDGET-ZERO", JX_SEVERITY_ERROR, { "预算数为零或为空，无法计算执行率", "the budget is zero or empty; no execution rate" } },
    /* reviewing a report's prose */
    { "JX-COUNT-IN-MONEY", JX_SEVERITY_ERROR, { "计数用了货币单位", "a count is given in a unit of money" } },
    { "JX-RATE-MISMATCH", JX_SEVERITY_ERROR, { "比率与它所依据的数字不符", "a rate does not match the figures it comes from" } },
    { "JX-GRADE-MISMATCH", JX_SEVERITY_ERROR, { "等级与总分不符", "the grade does not match the total score" } },
    { "JX-OUTLINE-REPEATED", JX_SEVERITY_WARNING, { "标题序号重复", "a section number is used twice" } },
    { "JX-OUTLINE-SKIPPED", JX_SEVERITY_WARNING, { "标题序号跳号", "section numbers are skipped" } },
    { "JX-OUTLINE-ORDER", JX_SEVERITY_WARNING, { "标题序号顺序颠倒", "section numbers are out of order" } },
    /* compute */
    { "JX-COMPUTED-OVERWRITE", JX_SEVERITY_WARNING, { "计算单元格中有手工内容，未覆盖", "a computed cell holds hand-entered content; not overwritten" } },
    { "JX-COMPUTE-SKIPPED", JX_SEVERITY_WARNING, { "无法计算，单元格留空", "could not be computed; the cell is left empty" } },
};

const JxFindingKind *jx_finding_kinds(gsize *n)
{
    *n = G_N_ELEMENTS(kinds);
    return kinds;
}

const JxFindingKind *jx_finding_kind(const char *code)
{
    for (gsize i = 0; code && i < G_N_ELEMENTS(kinds); i++)
        if (strcmp(kinds[i].code, code) == 0)
            return &kinds[i];
    return NULL;
}

JxFinding *jx_finding_new(const char *code, int sheet, int row, int col,
                          const char *zh_format, const char *en_format, ...)
{
    const JxFindingKind *kind = jx_finding_kind(code);
    g_return_val_if_fail(kind != NULL, NULL);
    JxFinding *f = g_new0(JxFinding, 1);
    va_list args, copy;
    va_start(args, en_format);
    va_copy(copy, args);
    f->text[JX_LANG_ZH] = g_strdup_vprintf(zh_format, args);
    f->text[JX_LANG_EN] = g_strdup_vprintf(en_format, copy);
    va_end(copy);
    va_end(args);
    f->kind = kind;
    f->severity = kind->severity;
    f->sheet = sheet;
    f->row = f->row2 = row;
    f->col = f->col2 = col;
    return f;
}

JxFinding *jx_finding_new_texts(const char *code, int sheet, int row, int col,
                                char *zh, char *en)
{
    JxFinding *f = jx_finding_new(code, sheet, row, col, "%s", "%s", "", "");
    g_free(f->text[JX_LANG_ZH]);
    g_free(f->text[JX_LANG_EN]);
    f->text[JX_LANG_ZH] = zh;
    f->text[JX_LANG_EN] = en;
    return f;
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
