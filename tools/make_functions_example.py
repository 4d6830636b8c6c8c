"""Writes examples/functions.fods: one row per Jixiao function with a worked
example, its formula and the result Calc computes.  Run with Debian's
/usr/bin/python3 against a profile that has Jixiao installed:

    /usr/bin/python3 tools/make_functions_example.py build/test-profile

The formulas are typed as staff would type them (JX.SCORE …); Calc stores
them under the add-in's programmatic name, so the file works anywhere
Jixiao is installed.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "integration"))
import uno  # noqa: E402
from office import Office, props  # noqa: E402

ROWS = [
    ("指标值中的数值", "the number in an indicator value", '=JX.VALUE("6万余人次")'),
    ("中文数字", "Chinese numerals", '=JX.VALUE("二个")'),
    ("指标值的单位", "the unit", '=JX.UNIT("≥300人次")'),
    ("比较方向", "the comparison", '=JX.COMPARISON("不超过10万元")'),
    ("检查指标值", "checking a value", '=JX.CHECK("300人次开展")'),
    ("正向指标完成率", "completion, positive", '=JX.COMPLETION("≥300人次";"270人次")'),
    ("反向指标完成率", "completion, reverse", '=JX.COMPLETION("≤10万元";"12万元")'),
    ("正向指标得分", "score, positive", '=JX.SCORE(10;"≥300人次";"270人次")'),
    ("超额完成不超过分值", "score never above the weight", '=JX.SCORE(10;"≥300人次";"6万余人次")'),
    ("反向指标得分", "score, reverse", '=JX.SCORE(10;"≤10万元";"15万元")'),
    ("时效指标得分", "score, deadline", '=JX.SCORE(10;"2023年12月31日前";"2023年12月20日")'),
    ("定性指标得分（部分达成）", "score, qualitative band", '=JX.SCORE(10;"有效提升";"有所提升";"部分达成")'),
    ("单位不一致", "units that do not convert", '=JX.SCORE(10;"≥300人次";"300万元")'),
    ("预算执行率", "budget execution rate", '=JX.EXECRATE("359.95万元";"3504000元")'),
    ("执行率得分", "execution points", '=JX.EXECPOINTS(10;359.95;350.4)'),
    ("等级", "grade", '=JX.GRADE(86.5)'),
    ("合计校验（参考报告的基本支出）", "sum check (the reference report)", '=JX.SUMCHECK(273.77;{273.77;41.73;4.62;0.33})'),
    ("含单位的合计", "a total of texts with units", '=JX.TOTAL({1.89;"0.13万元";"500元"};"万元")'),
    ("单位换算", "unit conversion", '=JX.CONVERT("6万元";"元")'),
    ("元换算为万元", "元 to 万元", '=JX.WAN(4104100)'),
    ("人民币大写", "amount in words", '=JX.DAXIE(123.45)'),
    ("中文序数", "Chinese numeral", '=JX.NUMERAL(13)'),
    ("公文标题序号", "heading number", '=JX.HEADING(2;3)'),
]


def main(profile, out):
    with Office(profile) as office:
        doc = office.create()
        sheet = doc.Sheets.getByIndex(0)
        sheet.Name = "函数示例"
        for col, title in enumerate(["说明", "Description", "公式 Formula", "结果 Result"]):
            sheet.getCellByPosition(col, 0).setString(title)
        for row, (zh, en, formula) in enumerate(ROWS, start=1):
            sheet.getCellByPosition(0, row).setString(zh)
            sheet.getCellByPosition(1, row).setString(en)
            sheet.getCellByPosition(2, row).setString(formula)
            sheet.getCellByPosition(3, row).setFormula(formula)
        columns = sheet.Columns
        for col, width in enumerate([6000, 6500, 11000, 6000]):
            columns.getByIndex(col).Width = width
        doc.calculateAll()
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)),
                       props(FilterName="OpenDocument Spreadsheet Flat XML"))
        doc.close(True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "examples/functions.fods")
