"""The national 项目支出绩效自评表, the second form, through the whole
pipeline in the real office: the same code as the department-wide workbook,
only registration/schema/national-project-2020.json differs.

(a) Which form: the 科普专项 example (.fods, .ods, .xlsx) validates clean as
    national-project-2020 without naming a schema; the department example
    still validates as hunan-department-2023; a project workbook whose tab
    was renamed is still known by its JixiaoSchema property (and its
    finding says which sheet is missing); without property and tab, and a
    spreadsheet that is no form, fail with one message and exit 2.
(b) Validate: faults planted into copies, one at a time, each found at its
    cell and nothing else (the funding sources not adding up, spending above
    a budget unexplained, indicator 分值 not adding up to 90, a low
    execution rate unexplained); the blank form lists what is to fill in.
(c) Compute through the door in values and formulas mode: every computed
    cell equals the numbers worked out by hand below; the input cells are
    unchanged; org.jixiao.commands:Compute in a live document is one undo
    step.
(d) Report: the 项目支出绩效自评报告 read back from Writer, its numbers
    those of the workbook.
(e) Batch over a folder mixing both forms and a spreadsheet that is none:
    summary.json and summary.ods show each workbook's own figures, forms
    sharing the columns they have in common.

The 科普专项 example (tools/make_project_workbooks.py), by hand:
  项目资金 (万元)         年初     全年预算   全年执行
    年度资金总额 (row 6)   90.00    98.00      96.64
    当年财政拨款 (row 7)   90.00    90.00      88.64
    上年结转资金 (row 8)    0.00     8.00       8.00
    其他资金 (row 9)        0.00     0.00       0.00
  F6 执行率 = 96.64 / 98.00 = 0.986122449…; G6 = round(min(F6, 1) × 10, 2) = 9.86
  绩效指标 (row: target / actual, weight → score):
    13 ≥300人次 / 300余人次, 10              → 10
    14 ≥100期 / 100期, 10                    → 10
    15 ≥100场次 / 110多场次, 10              → 10 (110 %: no explanation needed below 120 %)
    16 ≥6000人次 / 5000多人次, 10            → round(5000 / 6000 × 10, 2) = 8.33
    17 qualitative, 达成年度指标, 5           → the band's top, 5
    18 2023年12月31日前 / 均已按时完成, 5     → 5
    19 ≤98万元 / 96.64万元, 5                → 5
    20 ≥6万人次 / 60000余人次, 10            → 10
    21 qualitative, 达成年度指标, 5           → 5
    22 qualitative, 达成年度指标, 5           → 5
    23 ≥95% / 超95%, 15                      → 15
  F24 分值合计 = 10 + 90 = 100; G24 总分 = 9.86 + 88.33 = 98.19; G25 自评等级 优
"""
import json
import os
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree

from office import Office  # noqa: E402
from tap import Tap  # noqa: E402
import workbooks as wb  # noqa: E402

FORM = "项目支出绩效自评表"
KEPU = os.path.join(wb.EXAMPLES, "yuanjiang-cast-2023-kepu.fods")
BLANK = os.path.join(wb.EXAMPLES, "project-workbook.fods")
FUNCTIONS = os.path.join(wb.EXAMPLES, "functions.fods")
JIXIAO = os.path.join(wb.ROOT, "tools", "jixiao")
PROJECT_SCHEMA = "national-project-2020"
PREFIX = "ORG.JIXIAO.CALC.FUNCTIONS."

EXPECTED = {"F6": 96.64 / 98.00, "G6": 9.86, "F24": 100.0, "G24": 98.19, "G25": "优"}
for _row, _score in zip(range(13, 24), [10, 10, 10, 8.33, 5, 5, 5, 10, 5, 5, 15]):
    EXPECTED["G%d" % _row] = _score
EXPECTED = {"%s!%s" % (FORM, cell): value for cell, value in EXPECTED.items()}


def same(actual, expected):
    if isinstance(expected, str):
        return actual == expected
    return wb.number_equal(actual, expected, 1e-9 if expected < 1 else 1e-6)


def found(run):
    return sorted("%s %s!%s" % (f["code"], f.get("sheet"), f.get("cell")) for f in run.findings())


def changed_copy(office, tmp, name, cells, suffix=".ods", remove_property=False, rename=None):
    """A copy of the example with cells ({"D7": 89.64}) changed through the
    office, its property taken away or its tab renamed."""
    doc = office.open(KEPU)
    try:
        states = wb.unprotect_all(doc)
        sheet = doc.Sheets.getByName(FORM)
        for address, value in cells.items():
            target = sheet.getCellRangeByName(address)
            if isinstance(value, str):
                target.setString(value)
            else:
                target.setValue(value)
        wb.protect_again(doc, states)
        if remove_property:
            doc.DocumentProperties.UserDefinedProperties.removeProperty("JixiaoSchema")
        if rename:
            sheet.Name = rename
        return wb.store(doc, os.path.join(tmp, name + suffix))
    finally:
        wb.close(doc)


def check_which_form(tap, office, headless, tmp):
    """(a)"""
    for path in (KEPU, os.path.join(wb.BUILT, "yuanjiang-cast-2023-kepu.ods"),
                 os.path.join(wb.BUILT, "yuanjiang-cast-2023-kepu.xlsx")):
        name = os.path.basename(path)
        digest = wb.sha256(path)
        run = wb.validate(headless, path, os.path.join(tmp, name + ".json"))
        tap.ok(run.exited and (run.data or {}).get("schema") == PROJECT_SCHEMA and not run.findings()
               and not run.failure(), "%s: validated as %s without naming it, no finding" % (name, PROJECT_SCHEMA),
               run.describe() + "\n" + wb.findings_summary(run.data))
        tap.ok(wb.sha256(path) == digest, "%s: the input is unchanged" % name)
    run = wb.validate(headless, wb.CORRECTED, os.path.join(tmp, "department.json"))
    tap.ok((run.data or {}).get("schema") == "hunan-department-2023" and not run.findings("JX-SHEET-MISSING"),
           "the department example: still validated as hunan-department-2023", run.describe())

    renamed = changed_copy(office, tmp, "renamed", {}, rename="科普专项")
    run = wb.validate(headless, renamed, os.path.join(tmp, "renamed.json"))
    tap.ok((run.data or {}).get("schema") == PROJECT_SCHEMA and found(run) == ["JX-SHEET-MISSING None!None"] and
           FORM in run.findings()[0]["message"]["zh"],
           "tab renamed, property kept: known by its JixiaoSchema property, one JX-SHEET-MISSING naming %s" % FORM,
           run.describe() + "\n" + wb.findings_summary(run.data))
    anonymous = changed_copy(office, tmp, "anonymous", {}, remove_property=True, rename="科普专项")
    plain = changed_copy(office, tmp, "plain", {}, remove_property=True)
    run = wb.validate(headless, plain, os.path.join(tmp, "plain.json"))
    tap.ok((run.data or {}).get("schema") == PROJECT_SCHEMA and not run.findings(),
           "no property, tab kept: known by its sheet", run.describe())
    for path, what in ((anonymous, "no property, tab renamed"), (FUNCTIONS, "a spreadsheet that is no form")):
        run = wb.validate(headless, path, os.path.join(tmp, os.path.basename(path) + ".json"))
        failure = run.failure() or ""
        tap.ok(run.exited and failure.startswith("This is not a Department self-evaluation (Hunan 2023) workbook")
               and "nor a Project spending self-evaluation (national form, 2020) workbook (it lacks the sheets "
               "项目支出绩效自评表)" in failure and not run.findings(),
               "%s: one failure naming both forms and what each lacks" % what, run.describe())
    cli = subprocess.run([JIXIAO, "--profile", os.path.join(tmp, "cli-profile"), "validate", anonymous],
                         capture_output=True, text=True, timeout=600)
    tap.ok(cli.returncode == 2 and cli.stderr.count("This is not a Department self-evaluation") == 1 and
           "nor a Project spending self-evaluation" in cli.stderr and "error " not in cli.stdout,
           "jixiao validate on no form: exit 2 and the one message",
           "exit %d\n%s%s" % (cli.returncode, cli.stdout[-500:], cli.stderr[-1500:]))


# (name, cells changed, the one finding expected)
FAULTS = [
    ("sources-do-not-add-up", {"D7": 89.64}, "JX-SUM-MISMATCH %s!D6" % FORM),
    ("spent-above-budget", {"D8": 9.00, "D7": 87.64}, "JX-EXCEEDS-LIMIT %s!D8" % FORM),
    ("weights-not-90", {"F14": 11}, "JX-WEIGHTS-TOTAL %s!F13" % FORM),
    ("low-rate-unexplained", {"D6": 80.00, "D7": 72.00}, "JX-EXECUTION-LOW %s!H6" % FORM),
    ("unmet-no-reason", {"E13": "250人次"}, "JX-UNMET-NO-REASON %s!H13" % FORM),
    ("people-in-money", {"E20": "6万元"}, "JX-PEOPLE-IN-MONEY %s!E20" % FORM),
]


def check_faults(tap, office, headless, tmp):
    """(b)"""
    for name, cells, expected in FAULTS:
        path = changed_copy(office, tmp, name, cells)
        run = wb.validate(headless, path, os.path.join(tmp, name + ".json"))
        tap.ok(found(run) == [expected], "%s: %s, nothing else" % (name, expected),
               run.describe() + "\n" + wb.findings_summary(run.data))
    run = wb.validate(headless, changed_copy(office, tmp, "explained", {"D8": 9.00, "D7": 87.64,
                                                                          "H8": "年中追加结转资金。"}),
                      os.path.join(tmp, "explained.json"))
    tap.ok(not run.findings(), "spent above budget, explained in its row: no finding", wb.findings_summary(run.data))
    over = [f for name, cells, expected in FAULTS if name == "spent-above-budget"
            for f in (wb.validate(headless, os.path.join(tmp, name + ".ods"), os.path.join(tmp, "o.json")).findings())]
    tap.ok(over and "“上年结转资金全年执行数”9.00 万元 超过“上年结转资金全年预算数”8.00 万元（多 1.00），"
           "应在“上年结转资金偏差说明”中说明原因" == over[0]["message"]["zh"],
           "spent above budget: the message names both figures, the excess and where to explain",
           over and over[0]["message"]["zh"])
    run = wb.validate(headless, BLANK, os.path.join(tmp, "blank.json"))
    required = sorted(f["cell"] for f in run.findings("JX-REQUIRED-EMPTY"))
    tap.ok(required == ["B2", "B3", "B4", "B6", "C10", "C11", "C6", "C7", "D6", "D7", "F4"] and
           len(run.findings()) == len(required),
           "the blank form: what must be filled in, and nothing else", wb.findings_summary(run.data))


def computed_values(office, path):
    doc = office.open(path)
    try:
        doc.calculateAll()
        values = {a: wb.cell_value(wb.cell(doc, a)) for a in EXPECTED}
        formulas = {a: wb.cell(doc, a).getFormula() for a in EXPECTED}
        return values, formulas, wb.snapshot(doc)
    finally:
        wb.close(doc)


def check_compute(tap, office, headless, tmp):
    """(c)"""
    original = office.open(KEPU)
    before = wb.snapshot(original)
    wb.close(original)
    shown = {}
    for mode in ("values", "formulas"):
        copy = os.path.join(tmp, "kepu-%s.ods" % mode)
        run = wb.compute(headless, KEPU, copy, mode, os.path.join(tmp, "kepu-%s.json" % mode))
        if not tap.ok(run.exited and os.path.exists(copy) and not run.findings(),
                      "compute, %s mode: a copy, no finding" % mode, run.describe()):
            continue
        values, formulas, after = computed_values(office, copy)
        shown[mode] = values
        bad = ["%s: %r, by hand %r" % (a, values[a], v) for a, v in EXPECTED.items() if not same(values[a], v)]
        tap.ok(not bad, "compute, %s mode: every computed cell is the one worked out by hand" % mode, "\n".join(bad))
        jx = [a for a in EXPECTED if not a.endswith(("!F24", "!G24"))]   # 分值合计, 总分: SUM, ROUND(SUM)
        bad = [a for a in jx if (PREFIX in formulas[a]) != (mode == "formulas")]
        tap.ok(not bad, "compute, %s mode: %s" % (mode, "Jixiao formulas" if mode == "formulas" else "plain numbers"),
               "\n".join("%s: %s" % (a, formulas[a]) for a in bad))
        problems = wb.snapshot_differences(before, after, ignore=EXPECTED)
        tap.ok(not problems, "compute, %s mode: no other cell changed" % mode, "\n".join(problems))
    if len(shown) == 2:
        tap.ok(all(same(shown["values"][a], shown["formulas"][a]) if not isinstance(shown["formulas"][a], str)
                   else shown["values"][a] == shown["formulas"][a] for a in EXPECTED),
               "compute: both modes show the same numbers", shown)

    copy = os.path.join(tmp, "live.fods")
    shutil.copy(KEPU, copy)
    doc = office.open(copy)
    try:
        before = wb.snapshot(doc)
        why = wb.dispatch(office, doc, "org.jixiao.commands:Compute")
        doc.calculateAll()
        values = {a: wb.cell_value(wb.cell(doc, a)) for a in EXPECTED}
        bad = ["%s: %r" % (a, values[a]) for a, v in EXPECTED.items() if not same(values[a], v)]
        tap.ok(why is None and not bad, "live document: Compute fills the computed cells as by hand",
               "%s\n%s" % (why, "\n".join(bad)))
        undo = doc.UndoManager
        title = undo.getCurrentUndoActionTitle() if undo.isUndoPossible() else None
        undo.undo()
        doc.calculateAll()
        problems = wb.snapshot_differences(before, wb.snapshot(doc))
        tap.ok(title is not None and "Compute" in title and not undo.isUndoPossible() and not problems,
               "live document: one undo step takes Compute back whole", "%s\n%s" % (title, "\n".join(problems)))
    finally:
        wb.close(doc)


def check_report(tap, office, headless, tmp):
    """(d)"""
    out = os.path.join(tmp, "report")
    run = wb.run_headless(headless, "report", json_from=None, **{"in": KEPU, "out": out, "formats": "odt,pdf"})
    odt = os.path.join(out, "yuanjiang-cast-2023-kepu.odt")
    if not tap.ok(run.exited and os.path.exists(odt) and os.path.exists(odt[:-4] + ".pdf"),
                  "report: .odt and .pdf written", run.describe()):
        return
    tap.ok("科普专项, total 98.19 优, 0 errors" in run.stderr, "report: its line names the project, 98.19 and 优",
           run.stderr)
    doc = office.open(odt)
    try:
        text = doc.Text.getString()
        headings = [line for line in text.splitlines() if line[:2] in ("一、", "二、", "三、", "四、", "五、")]
        tap.ok(doc.DocumentProperties.Title == "科普专项2023年度项目支出绩效自评报告",
               "report: the title names the project and the year", doc.DocumentProperties.Title)
        tap.ok(headings == ["一、项目概况", "二、资金投入和使用情况", "三、绩效目标完成情况", "四、偏差原因分析及改进措施",
                            "五、自评结论"], "report: the five sections, numbered", headings)
        for phrase in ("全年预算数98.00万元", "全年执行数96.64万元", "预算执行率98.61%", "得分9.86分（分值10分）",
                       "绩效自评得分98.19分，自评等级为“优”", "直接受益中小学生：部分学校因教学安排调整"):
            tap.ok(phrase in text, "report: says %s" % phrase, text[:3000])
        tables = doc.TextTables
        names = [tables.getByIndex(i).Name for i in range(tables.Count)]
        indicators = tables.getByName("绩效指标完成情况") if tables.hasByName("绩效指标完成情况") else None
        rows = indicators.Rows.Count if indicators else 0
        tap.ok(indicators is not None and rows == 1 + 1 + 11 + 1,
               "report: the indicator table has a header, 预算执行率, the 11 indicators and 总分", (names, rows))
        if indicators is not None:
            last = [indicators.getCellByName(c).getString() for c in ("F%d" % rows, "G%d" % rows, "H%d" % rows)]
            tap.ok(last == ["100", "98.19", "自评等级：优"], "report: its 总分 row reads 100, 98.19, 优", last)
    finally:
        wb.close(doc)


def check_batch(tap, office, tmp):
    """(e)"""
    folder = os.path.join(tmp, "inbox")
    os.makedirs(folder)
    for source, name in ((KEPU, "科普专项.fods"), (os.path.join(wb.BUILT, "yuanjiang-cast-2023-kepu.xlsx"),
                                                     "科普专项-excel.xlsx"),
                         (wb.CORRECTED, "科协.fods"), (BLANK, "空白.fods"), (FUNCTIONS, "函数.fods")):
        shutil.copy(source, os.path.join(folder, name))
    out = os.path.join(tmp, "outbox")
    cli = subprocess.run([JIXIAO, "--profile", os.path.join(tmp, "cli-profile"), "batch", folder, "--out", out,
                          "--formats", "odt", "--jobs", "1"], capture_output=True, text=True, timeout=900)
    tap.ok(cli.returncode == 2, "batch over both forms and a spreadsheet that is none: exit 2 (one could not run)",
           cli.stderr[-2000:])
    try:
        with open(os.path.join(out, "summary.json"), encoding="utf-8") as f:
            rows = {os.path.basename(r["source"]): r for r in json.load(f)}
    except (OSError, ValueError) as e:
        tap.ok(False, "batch: summary.json is written", repr(e))
        return
    figures = lambda r: {f["key"]: f["text"] for f in r.get("summary", [])}
    for name in ("科普专项.fods", "科普专项-excel.xlsx"):
        tap.ok(name in rows and rows[name].get("schema") == PROJECT_SCHEMA and figures(rows[name]) ==
               {"name": "科普专项", "department": "沅江市科学技术协会", "budget": "98.00", "executed": "96.64",
                "execution_rate": "98.61%", "score": "98.19", "grade": "优"},
               "batch: %s shows the project, its funds, execution rate, score and grade" % name,
               json.dumps(rows.get(name), ensure_ascii=False)[:1500])
    tap.ok("科协.fods" in rows and figures(rows["科协.fods"]) ==
           {"name": "沅江市科学技术协会", "score": "97.36", "grade": "优"},
           "batch: the department shows its name, score and grade", json.dumps(rows.get("科协.fods"), ensure_ascii=False))
    tap.ok("函数.fods" in rows and rows["函数.fods"].get("failure", "").startswith("This is not a"),
           "batch: the spreadsheet that is no form has its failure", json.dumps(rows.get("函数.fods"), ensure_ascii=False))
    doc = office.open(os.path.join(out, "summary.ods"))
    try:
        sheet = doc.Sheets.getByIndex(0)
        header = [sheet.getCellByPosition(c, 0).getString() for c in range(16)]
        tap.ok(header[:8] == ["工作簿 Workbook", "单位／项目 Department/Project", "主管部门 Supervising department",
                              "全年预算数 Budget", "全年执行数 Executed", "执行率 Execution rate", "总分 Score",
                              "等级 Grade"] or
               header[:8] == ["工作簿 Workbook", "项目／单位 Project/Department", "主管部门 Supervising department",
                              "全年预算数 Budget", "全年执行数 Executed", "执行率 Execution rate", "总分 Score",
                              "等级 Grade"],
               "summary.ods: one column per figure, the name, score and grade shared by both forms", header)
        by_file = {}
        for r in range(1, 8):
            row = [sheet.getCellByPosition(c, r) for c in range(8)]
            if row[0].getString():
                by_file[row[0].getString()] = row
        kepu = by_file.get("科普专项.fods")
        tap.ok(kepu is not None and kepu[5].getType().value == "VALUE" and abs(kepu[5].getValue() - 0.9861224) < 1e-6
               and kepu[5].getString() == "98.61%" and kepu[3].getValue() == 98.0 and kepu[3].getString() == "98.00",
               "summary.ods: the project's execution rate a percentage, its budget a number shown 98.00",
               kepu and [c.getString() for c in kepu])
    finally:
        wb.close(doc)


def main(profile):
    tap = Tap("project")
    tmp = wb.temp_dir("project")
    try:
        headless = wb.headless_profile(profile, tmp)
        shutil.copytree(os.path.abspath(profile), os.path.join(tmp, "cli-profile"), symlinks=True)
        with Office(profile) as office:
            check_which_form(tap, office, headless, tmp)
            check_faults(tap, office, headless, tmp)
            check_compute(tap, office, headless, tmp)
            check_report(tap, office, headless, tmp)
            check_batch(tap, office, tmp)
    except Exception:
        tap.crash("project suite")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return tap.finish()


if __name__ == "__main__":
    start = time.time()
    status = main(sys.argv[1])
    print("# project suite: %.0f s" % (time.time() - start))
    sys.exit(status)
