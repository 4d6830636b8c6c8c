#!/usr/bin/python3
"""make_project_workbooks.py: writes the national 项目支出绩效自评表 as a
workbook, blank and filled, through a real headless LibreOffice.

    /usr/bin/python3 tools/make_project_workbooks.py [--profile DIR] [--out DIR]

The form of 财政部《项目支出绩效评价管理办法》(财预〔2020〕10号), one workbook
per project, described for Jixiao by registration/schema/national-project-2020.json
(keep the two in step when changing a label, a row or a column).  Writes
into --out (default examples/):

  project-workbook.fods          the blank form: the funds rows, the
                                 indicator framework (一级/二级 preset, with
                                 drop-downs), the 分值 of budget execution;
  yuanjiang-cast-2023-kepu.fods  the reference report's 科普专项 of 沅江市科学技术协会,
                                 2023, filled in; what the report does not
                                 state is marked ASSUMED below and listed in
                                 examples/README.md.

Both carry the document property JixiaoSchema = national-project-2020, so
Jixiao knows the form even when its sheet is renamed.  The look (styles,
input and computed cells, protection, pinned dates) is the standard
workbook's: this script builds on tools/make_workbooks.py.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import make_workbooks as mw  # noqa: E402  (sets up python3-uno and tests/integration)
from office import Office  # noqa: E402

SCHEMA_ID = "national-project-2020"
FORM = "项目支出绩效自评表"
EXECUTION_WEIGHT = 10                    # the national form's 分值 of budget execution

# two more looks than the standard workbook's: the printed 分值, and the
# dashes of the funds rows that have no 分值 or 得分
mw.STYLES.update({
    "JX-Fixed-Weight": dict(align="center", valign="center", border=True, locked=True, format=mw.GENERAL),
    "JX-Fixed-Center": dict(align="center", valign="center", border=True, locked=True),
})

LEVEL1 = ["产出指标", "效益指标", "满意度指标"]     # 成本 is a 二级指标 of 产出 here

# the funds rows: (label in column A, key of the data)
FUNDS = [("年度资金总额", "total"), ("其中：当年财政拨款", "fiscal"), ("上年结转资金", "carryover"),
         ("其他资金", "other")]

# the indicator framework of the blank form (三级指标 left to the project)
FRAMEWORK = [
    ("产出指标", "数量指标"), ("产出指标", "数量指标"), ("产出指标", "数量指标"),
    ("产出指标", "质量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"),
    ("产出指标", "成本指标"),
    ("效益指标", "经济效益指标"), ("效益指标", "社会效益指标"), ("效益指标", "社会效益指标"),
    ("效益指标", "生态效益指标"), ("效益指标", "可持续影响指标"),
    ("满意度指标", "服务对象满意度指标"),
]

INSTRUCTIONS = [
    "本表为项目支出绩效自评表（财预〔2020〕10号），每个项目填报一张。",
    "金额单位为万元，保留两位小数。浅黄色单元格为填报单元格；浅蓝灰色单元格（执行率、得分、总分、自评等级）"
    "由“绩效自评助手”的“计算”功能填写，已锁定。",
    "项目资金：年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金，年初预算数、全年预算数、全年执行数各列均应相等；"
    "无此来源的填 0。全年执行数超过全年预算数的，须在该行“偏差说明”中说明原因；执行率低于90%的，"
    "须在“年度资金总额”行说明原因。",
    "分值：预算执行率10分（得分 = 执行率 × 10，最高10分），各绩效指标分值合计90分，总分100分。",
    "年度指标值、实际完成值请写明比较符号和计量单位，如“≥300人次”“≤98万元”“≥95%”“2023年12月31日前”；"
    "定性指标请在“定性档次”中选择档次。",
    "得分低于分值，或实际完成值达到年度指标值120%及以上的，须填写“偏差原因分析及改进措施”。",
    "自评等级：优（90分及以上）、良（80–89.99分）、中（60–79.99分）、差（60分以下）。",
]

# --- the reference report's 科普专项 (沅江市科学技术协会, 2023) ----------------------------
# The report gives the activities and their figures; the funds (its 项目支出
# names the project but splits no money) and every target and weight are
# ASSUMED, in line with the department example (tools/make_workbooks.py, the
# corrected copy: 科普专项 budget 98.00, executed 96.64).

KEPU = dict(
    year=2023,
    project="科普专项",
    department="沅江市科学技术协会",
    unit="沅江市青少年科技活动中心",
    funds={   # (年初预算数, 全年预算数, 全年执行数, 偏差说明); ASSUMED
        "total": (90.00, 98.00, 96.64, ""),
        "fiscal": (90.00, 90.00, 88.64, ""),
        "carryover": (0.00, 8.00, 8.00, ""),
        "other": (0.00, 0.00, 0.00, ""),
    },
    expected="开展中小学科普科技培训不少于300人次，“每日一科普”发布不少于100期，开展进校园科普活动不少于100场次，"
             "常态化开展科普服务活动，提升全市公民科学素质。",
    achieved="与教育局联合举办“沅来有理”科技创新班，公益培训300余人次；“每日一科普”发布100期；开展“百名院士进校园·"
             "万名科技工作者上讲台”等科普活动110多场次，直接受益中小学生5000多人次，辐射带动全市中小学生60000余人次；"
             "全国科普日开展“三个一”科普进校园、进乡村、进企业、进机关等五大科普系列活动。",
    # (一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 定性档次, 偏差原因分析及改进措施)
    indicators=[
        ("产出指标", "数量指标", "中小学科普科技培训", "≥300人次", "300余人次", 10, "", ""),
        ("产出指标", "数量指标", "“每日一科普”发布期数", "≥100期", "100期", 10, "", ""),
        ("产出指标", "数量指标", "进校园科普活动场次", "≥100场次", "110多场次", 10, "", ""),
        ("产出指标", "数量指标", "直接受益中小学生", "≥6000人次", "5000多人次", 10, "",
         "部分学校因教学安排调整未能集中组织学生参加活动，直接受益人次未达年度指标；"
         "下一步加强与教育部门和学校的统筹，提前制定活动计划。"),
        ("产出指标", "质量指标", "活动覆盖学段", "覆盖高中至幼儿园各学段", "已覆盖高中至幼儿园所有学段", 5,
         "达成年度指标", ""),
        ("产出指标", "时效指标", "完成时限", "2023年12月31日前", "均已按时完成", 5, "", ""),
        ("产出指标", "成本指标", "项目总成本", "≤98万元", "96.64万元", 5, "", ""),
        ("效益指标", "社会效益指标", "辐射带动全市中小学生", "≥6万人次", "60000余人次", 10, "", ""),
        ("效益指标", "社会效益指标", "公民科学素质", "有效提升", "全域科普机制成为益阳科普名片", 5,
         "达成年度指标", ""),
        ("效益指标", "可持续影响指标", "常态化开展科普服务", "持续开展", "常态化开展", 5, "达成年度指标", ""),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥95%", "超95%", 15, "", ""),
    ],
)


def blank():
    return dict(year=None, project=None, department=None, unit=None, funds={}, expected=None, achieved=None,
                indicators=[(l1, l2, "", "", "", None, "", "") for l1, l2 in FRAMEWORK])


# --- the sheets ---------------------------------------------------------------------------

def sheet_instructions(book):
    book.new_sheet("填报说明", [14, 160])
    book.title("项目支出绩效自评表填报说明")
    book.put("A2", "序号", "JX-Header")
    book.put("B2", "说明", "JX-Header")
    for number, text in enumerate(INSTRUCTIONS, 1):
        book.put("A%d" % (number + 2), number, "JX-Label-Center")
        book.put("B%d" % (number + 2), text, "JX-Label")
    last = len(INSTRUCTIONS) + 2
    book.optimal_heights(3, last)
    book.finish_sheet(last)


def sheet_form(book, data):
    book.new_sheet(FORM, [46, 24, 36, 26, 26, 14, 14, 44, 30], landscape=True)
    book.title("项目支出绩效自评表")
    book.put("A2", "年度", "JX-Label")
    book.put("B2", data["year"], "JX-Input-Year")
    book.put("C2", "（财预〔2020〕10号）", "JX-Note", merge="G2")
    book.put("H2", "金额单位：万元  分值单位：分", "JX-Unit", merge="I2")
    book.put("A3", "项目名称", "JX-Label")
    book.put("B3", data["project"], "JX-Input-Text", merge="I3")
    book.put("A4", "主管部门", "JX-Label")
    book.put("B4", data["department"], "JX-Input-Text", merge="D4")
    book.put("E4", "实施单位", "JX-Label")
    book.put("F4", data["unit"], "JX-Input-Text", merge="I4")
    for row in (2, 3, 4):
        book.height(row, 7)

    # 项目资金
    book.header_row(5, ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
    book.put("H5", "偏差说明", "JX-Header", merge="I5")
    for offset, (label, key) in enumerate(FUNDS):
        row = 6 + offset
        total = key == "total"
        book.put("A%d" % row, label, "JX-Label-Bold" if total else "JX-Label-Indent")
        initial, budget, executed, note = data["funds"].get(key, (None, None, None, None))
        for column, value in zip("BCD", (initial, budget, executed)):
            book.put("%s%d" % (column, row), value, "JX-Input-Amount-Bold" if total else "JX-Input-Amount")
        if total:
            book.put("E%d" % row, EXECUTION_WEIGHT, "JX-Fixed-Weight")
            book.put("F%d" % row, None, "JX-Computed-Percent")
            book.put("G%d" % row, None, "JX-Computed-Score")
        else:
            for column in "EFG":
                book.put("%s%d" % (column, row), "—", "JX-Fixed-Center")
        book.put("H%d" % row, note, "JX-Input-Long", merge="I%d" % row)
        book.height(row, 8)

    # 年度总体目标
    book.put("A10", "年度总体目标", "JX-Label-Center", merge="A11")
    book.put("B10", "预期目标", "JX-Label")
    book.put("C10", data["expected"], "JX-Input-Long", merge="I10")
    book.put("B11", "实际完成情况", "JX-Label")
    book.put("C11", data["achieved"], "JX-Input-Long", merge="I11")
    for row, value in ((10, data["expected"]), (11, data["achieved"])):
        if value:
            book.optimal_heights(row, row)
        else:
            book.height(row, 16)

    # 绩效指标
    book.header_row(12, ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                         "偏差原因分析及改进措施", "定性档次"])
    book.height(12, 10)
    book.level1 = LEVEL1
    row = book.indicator_rows(13, data["indicators"], [
        ("A", "level1", "JX-Input-Center"), ("B", "level2", "JX-Input-Center"), ("C", "level3", "JX-Input-Text"),
        ("D", "target", "JX-Input-Center"), ("E", "actual", "JX-Input-Center"), ("F", "weight", "JX-Input-Weight"),
        ("G", None, "JX-Computed-Score"), ("H", "deviation", "JX-Input-Long"), ("I", "band", "JX-Input-Center")])
    total, grade = row, row + 1
    book.put("A%d" % total, "总分", "JX-Label-Center", merge="E%d" % total)
    book.put("F%d" % total, None, "JX-Computed-Score")
    book.put("G%d" % total, None, "JX-Computed-Score")
    book.put("H%d" % total, "含预算执行率分值及得分", "JX-Label", merge="I%d" % total)
    book.put("A%d" % grade, "自评等级", "JX-Label-Center", merge="E%d" % grade)
    book.put("F%d" % grade, None, "JX-Fixed")
    book.put("G%d" % grade, None, "JX-Computed-Text")
    book.put("H%d" % grade, "优 ≥90  良 ≥80  中 ≥60  差 <60", "JX-Label", merge="I%d" % grade)
    book.height(total, 7)
    book.height(grade, 7)
    book.finish_sheet(grade)


def build(office, data, path):
    book = mw.Workbook(office)
    book.doc.DocumentProperties.UserDefinedProperties.addProperty("JixiaoSchema", 128, SCHEMA_ID)
    sheet_instructions(book)
    sheet_form(book, data)
    book.store(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", default=os.path.join(mw.ROOT, "build", "workbook-profile"))
    parser.add_argument("--out", default=os.path.join(mw.ROOT, "examples"))
    args = parser.parse_args()
    profile = os.path.abspath(args.profile)
    mw.ensure_profile(profile)
    os.makedirs(args.out, exist_ok=True)
    with Office(profile) as office:
        for name, data in (("project-workbook.fods", blank()), ("yuanjiang-cast-2023-kepu.fods", KEPU)):
            path = os.path.join(args.out, name)
            build(office, data, path)
            print("wrote", os.path.relpath(path))


if __name__ == "__main__":
    main()
