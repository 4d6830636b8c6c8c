/*
 * hints.c: the fix hint of each finding code.  Keyed by the code string, so
 * that the table can move next to the finding kinds (core/findings.c)
 * unchanged.
 */
#include "ui/hints.h"

#include <string.h>

static const struct { const char *code; const char *hint[2]; } hints[] = {
    { "JX-SHEET-MISSING", { "在标准工作簿中填报，或把工作表改回方案要求的名称。",
                            "Fill in the standard workbook, or give the sheet back the name the schema requires." } },
    { "JX-LABEL-MISSING", { "把该行标签改回标准工作簿中的写法（可以有空格，文字要一致）。",
                            "Restore the row label as the standard workbook spells it (spaces may differ, the words may not)." } },
    { "JX-NAME-MISSING", { "在“工作表 ▸ 命名区域”中恢复该名称，或在标准工作簿中填报。",
                           "Restore the named range (Sheet ▸ Named Ranges), or fill in the standard workbook." } },
    { "JX-TABLE-MISSING", { "恢复表的标题行（各列标题与标准工作簿一致）。",
                            "Restore the table's header row, its titles as in the standard workbook." } },
    { "JX-COLUMN-MISSING", { "把该列标题改回标准工作簿中的写法。",
                             "Give the column back the title it has in the standard workbook." } },
    { "JX-SHEET-TRUNCATED", { "删除表格下方或右侧多余的内容，只保留填报区域。",
                              "Delete what lies below or to the right of the form; keep only the filled-in area." } },
    { "JX-TABLE-TRUNCATED", { "删除多余的空行或重复行；确需这么多行时请联系财政局。",
                              "Delete surplus or repeated rows; if the rows are all needed, ask the finance bureau." } },
    { "JX-REQUIRED-EMPTY", { "在该单元格中填写内容。", "Fill in the cell." } },
    { "JX-ERROR-VALUE", { "检查该单元格的公式及其引用的单元格，改正后错误值会消失。",
                          "Check the cell's formula and the cells it refers to; the error value goes once they are right." } },
    { "JX-NOT-A-NUMBER", { "只填写数字（如 12.5），单位写在表头中，不要写在单元格里。",
                           "Enter the number alone (e.g. 12.5); the unit belongs in the header, not in the cell." } },
    { "JX-UNIT-WRONG", { "把数值换算成表头要求的单位后重新填写。",
                         "Convert the value into the unit the header asks for and enter it again." } },
    { "JX-NEGATIVE", { "金额应为正数；冲减请在说明中写明，不要填负数。",
                       "Amounts are positive; explain a reduction in words instead of entering a negative number." } },
    { "JX-NUMBER-HUGE", { "核对单位：金额以万元计，可能多写了几位。",
                          "Check the unit: amounts are in 万元, and digits may have been added." } },
    { "JX-SUM-MISMATCH", { "核对合计与各明细：改正其中填错的数字，使合计等于各项之和。",
                           "Check the total and its items: correct whichever figure is wrong so that the total equals their sum." } },
    { "JX-PART-EXCEEDS-TOTAL", { "某一项不能大于合计：核对这一项和合计数。",
                                 "A part cannot exceed its total: check the part and the total." } },
    { "JX-SAME-DIFFERS", { "同一数字在两处应一致：以准确的一处为准，改正另一处。",
                           "The two places must agree: keep the right figure and correct the other place." } },
    { "JX-SAME-ROUNDING", { "两处只差舍入，可统一保留两位小数后的写法。",
                            "The places differ only by rounding; write both with the same two decimals." } },
    { "JX-INDICATOR-UNPARSEABLE", { "按“符号＋数字＋单位”填写，如“≥300人次”“2023年12月31日前”。",
                                    "Write comparison, number and unit, e.g. \"≥300人次\" or \"2023年12月31日前\"." } },
    { "JX-INDICATOR-UNITS", { "让年度指标值与实际完成值使用同一种单位。",
                              "Give the target and the actual value the same kind of unit." } },
    { "JX-PEOPLE-IN-MONEY", { "人数用“人”或“人次”计，不要用“元”“万元”。",
                              "Count people in 人 or 人次, not in 元 or 万元." } },
    { "JX-UNMET-NO-REASON", { "在“偏差原因分析及改进措施”中写明未完成的原因和改进措施。",
                              "Explain in the deviation column why the target was missed and what will change." } },
    { "JX-OVERACHIEVED-NO-REASON", { "在“偏差原因分析及改进措施”中说明超额完成的原因。",
                                     "Explain in the deviation column why the target was far exceeded." } },
    { "JX-SCORE-ABOVE-WEIGHT", { "得分不能高于分值：改正得分，或单击“计算”重新计算。",
                                 "A score cannot exceed its weight: correct it, or click Compute." } },
    { "JX-SCORE-OUTSIDE-BAND", { "把得分改到所选档次的分数范围内，或改选档次。",
                                 "Move the score into the chosen band's range, or choose another band." } },
    { "JX-SCORE-MISMATCH", { "单击“计算”按规则重新计算得分，或核对手工填写的得分。",
                             "Click Compute to score by the rules, or check the score typed by hand." } },
    { "JX-BAND-MISSING", { "在“定性档次”中选择一个档次。", "Choose a band in the band column." } },
    { "JX-WEIGHTS-TOTAL", { "调整各指标的分值，使其合计等于总分。",
                            "Adjust the indicators' weights so that they add up to the total." } },
    { "JX-EXECUTION-LOW", { "在“执行率偏差说明”中写明执行率偏低的原因。",
                            "Explain the low execution rate in its explanation cell." } },
    { "JX-BUDGET-ZERO", { "填写全年预算数，执行率才能计算。",
                          "Fill in the annual budget so that the execution rate can be computed." } },
    { "JX-COMPUTED-OVERWRITE", { "清空该计算单元格后再单击“计算”，或保留手工填写的内容。",
                                 "Clear the computed cell and click Compute again, or keep what was typed." } },
    { "JX-COMPUTE-SKIPPED", { "先改正该行的其他问题（如无法识别的指标值），再单击“计算”。",
                              "Correct the row's other findings first (such as an unreadable value), then click Compute." } },
};

const char *jx_fix_hint(const char *code, JxLang lang)
{
    for (gsize i = 0; code && i < G_N_ELEMENTS(hints); i++)
        if (strcmp(hints[i].code, code) == 0)
            return hints[i].hint[lang];
    return NULL;
}
