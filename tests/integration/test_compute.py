"""Compute: the headless door in both modes, in a live document with undo,
and its refusal to overwrite what a person typed.

(a) The corrected Yuanjiang copy is computed into .ods copies in values and
    formulas mode; the copies are opened, recalculated and every computed
    cell is compared with the other mode and with numbers worked out by hand
    below from the official rules (README, /work/shared/docs/domain.md):
      execution rate = executed / budget (unrounded);
      execution points = round(min(rate, 1) × W, 2);
      positive (≥): A ≥ T → W, else round(A / T × W, 2);
      reverse (≤): A ≤ T → W; T < A < 2T → round((1 − (A − T) / T) × W, 2);
                   A ≥ 2T → 0; completion (2T − A) / T, not below 0;
      deadline: met → W, missed → 0;
      qualitative: the band's range, default its top (部分达成 [0.6W, 0.8W) → 0.8W − 0.01);
                   a typed score inside the band is kept; no completion rate;
      total = execution points + Σ scores (2 decimals); grade 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差.
    Every input cell must be unchanged.
(b) A workbook filled in from the standard workbook with indicators of each
    kind, computed in both modes against hand-computed scores; a variant with
    an unparseable actual.
(c) org.jixiao.commands:Compute dispatched in a live document, then one undo.
(d) A computed cell holding a number typed by hand is kept and reported.
"""
import os
import shutil
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree

from office import Office  # noqa: E402
from tap import Tap  # noqa: E402
import workbooks as wb  # noqa: E402
from workbooks import BUDGET, INDICATORS, INFO, ITEMS, PROJECTS  # noqa: E402

PREFIX = "ORG.JIXIAO.CALC.FUNCTIONS."

# --- (a) the corrected Yuanjiang copy, by hand ------------------------------------------
#
# 基础数据表 (万元):            年初    全年预算   全年执行
#   整体支出 (row 4)           359.95   420.50    410.41
#   基本支出 (row 5)           259.95   280.50    273.77
#   项目支出 (row 6)           100.00   140.00    136.64
# E4 = 410.41 / 420.50 = 0.976004756…      E5 = 273.77 / 280.50 = 0.976007130…
# E6 = 136.64 / 140.00 = 0.976
# C9 = round(min(0.976004756, 1) × 10, 2) = round(9.76004756, 2) = 9.76
# 三公 D13:D15 = 0, 0, 0.16 → D16 = 0.16; B13:C15 are empty → B16, C16 cannot be computed
# 人员经费 D17 = 301 + 303 = 220.36 + 10.02 = 230.38 (corrected 基本支出明细!C4, C31)
# 公用经费 D18 = 302 + 310 = 43.06 + 0.33 = 43.39
# 基本情况!B11 = 实际在职 15 / 编制 16 = 0.9375
# 项目支出: E4 = 40.00 / 42.00 = 0.952380952…; E5 = 96.64 / 98.00 = 0.986122449…
#           合计 B6 = 10 + 90 = 100, C6 = 42 + 98 = 140, D6 = 40 + 96.64 = 136.64,
#           E6 = 136.64 / 140 = 0.976
# 自评表 (row: target / actual, weight → completion, score):
#   4  ≥2个 / 二个, 6                → 2/2 = 1,             A ≥ T → 6
#   5  ≥300人次 / 300余人次, 6       → 300/300 = 1,         6
#   6  ≥100期 / 100期, 6             → 1,                   6
#   7  ≥80场次 / 110多场次, 6        → 110/80 = 1.375,      6 (never above W)
#   8  ≥6000人次 / 5000多人次, 6     → 5000/6000 = 0.8333…, round(0.8333… × 6, 2) = 5.00
#   9  ≥60000人次 / 60000余人次, 5   → 1,                   5
#   10 2023年12月31日前 / 按时完成, 5 → met: 1,              5
#   11 ≤359.95万元 / 410.41万元, 10  → (2 × 359.95 − 410.41) / 359.95 = 309.49 / 359.95 = 0.859813…,
#                                      round((1 − 50.46 / 359.95) × 10, 2) = round(8.598138…, 2) = 8.60
#   12 ≥20万元 / 20万元, 8           → 1,                   8
#   13 ≥6万人次 / 超过6万人次, 8     → 60000/60000 = 1,     8
#   14 ≥12名 / 12名, 6               → 1,                   6
#   15 持续开展 / 常态化开展, 8, 达成年度指标 → no completion, band [6.4, 8], top 8
#   16 ≥95% / 超95%, 10              → 95/95 = 1,           10
# F17 = 10 + 6×5 + 5 + 5 + 10 + 8 + 8 + 6 + 8 + 10 = 100
# H17 = 9.76 + (6 + 6 + 6 + 6 + 5 + 5 + 5 + 8.60) + (8 + 8 + 6 + 8) + 10
#     = 9.76 + 47.60 + 30.00 + 10.00 = 97.36 (examples/README.md) → H18 优
CORRECTED_EXPECTED = {
    INFO + "!B11": 15 / 16,
    BUDGET + "!E4": 410.41 / 420.50,
    BUDGET + "!E5": 273.77 / 280.50,
    BUDGET + "!E6": 136.64 / 140.00,
    BUDGET + "!C9": 9.76,
    BUDGET + "!D16": 0.16,
    BUDGET + "!D17": 230.38,
    BUDGET + "!D18": 43.39,
    PROJECTS + "!E4": 40.00 / 42.00,
    PROJECTS + "!E5": 96.64 / 98.00,
    PROJECTS + "!B6": 100.0,
    PROJECTS + "!C6": 140.0,
    PROJECTS + "!D6": 136.64,
    PROJECTS + "!E6": 136.64 / 140.00,
    INDICATORS + "!F17": 100.0,
    INDICATORS + "!H17": 97.36,
    INDICATORS + "!H18": "优",
}
_completion = [1, 1, 1, 110 / 80, 5000 / 6000, 1, 1, (2 * 359.95 - 410.41) / 359.95, 1, 1, 1, None, 1]
_score = [6, 6, 6, 6, 5.00, 5, 5, 8.60, 8, 8, 6, 8, 10]
for _i, _row in enumerate(range(4, 17)):
    CORRECTED_EXPECTED["%s!G%d" % (INDICATORS, _row)] = _completion[_i]
    CORRECTED_EXPECTED["%s!H%d" % (INDICATORS, _row)] = _score[_i]
# 三公经费合计 上年决算/本年预算: every input empty → nothing to compute
CORRECTED_EMPTY = [BUDGET + "!B16", BUDGET + "!C16"]
CORRECTED_COMPUTED = sorted(set(CORRECTED_EXPECTED) | set(CORRECTED_EMPTY))

GROUPS = [   # (name, cells) for one TAP line each
    ("基础数据表 执行率 E4:E6", [BUDGET + "!E%d" % r for r in (4, 5, 6)]),
    ("基础数据表 预算执行率得分 C9", [BUDGET + "!C9"]),
    ("基础数据表 三公/人员/公用 D16:D18", [BUDGET + "!D%d" % r for r in (16, 17, 18)]),
    ("基本情况 在职人员控制率 B11", [INFO + "!B11"]),
    ("项目支出 执行率 E4:E5", [PROJECTS + "!E4", PROJECTS + "!E5"]),
    ("项目支出 合计 B6:E6", [PROJECTS + "!%s6" % c for c in "BCDE"]),
    ("自评表 完成率 G4:G16", ["%s!G%d" % (INDICATORS, r) for r in range(4, 17)]),
    ("自评表 得分 H4:H16", ["%s!H%d" % (INDICATORS, r) for r in range(4, 17)]),
    ("自评表 分值合计 F17", [INDICATORS + "!F17"]),
    ("自评表 总分 H17", [INDICATORS + "!H17"]),
    ("自评表 等级 H18", [INDICATORS + "!H18"]),
]
# cells whose formula is a Jixiao function (the others are SUM or a ratio)
JX_FORMULA_CELLS = ([BUDGET + "!E%d" % r for r in (4, 5, 6)] + [BUDGET + "!C9"] +
                    [PROJECTS + "!E%d" % r for r in (4, 5, 6)] +
                    ["%s!G%d" % (INDICATORS, r) for r in range(4, 17) if r != 15] +
                    ["%s!H%d" % (INDICATORS, r) for r in range(4, 17)] + [INDICATORS + "!H18"])
# B16 and C16 (三公 上年决算 and 本年预算 合计) have empty inputs in the corrected copy:
# neither mode makes up a number for them (checked below), so no formula either.
SUM_FORMULA_CELLS = ([BUDGET + "!D16"] + [BUDGET + "!D17", BUDGET + "!D18"] +
                     [PROJECTS + "!%s6" % c for c in "BCD"] + [INDICATORS + "!F17"])
# the total score is rounded to score_decimals as values mode rounds it
TOTAL_FORMULA_CELLS = [INDICATORS + "!H17"]

# --- (b) a workbook filled in from the standard workbook ----------------------------------
#
# 基础数据表: 整体 300 / 400 / 380, 基本 200 / 250 / 240, 项目 100 / 150 / 140
#   E4 = 380/400 = 0.95, E5 = 240/250 = 0.96, E6 = 140/150 = 0.9333…
#   C9 = round(min(0.95, 1) × 10, 2) = 9.50
#   三公 B13:D15 = (1, 1.2, 0.9), (0, 0, 0), (0.5, 0.6, 0.4) → B16 = 1.5, C16 = 1.8, D16 = 1.3
#   基本支出明细 class rows 301 = 150, 302 = 60, 303 = 20, 310 = 10 → D17 = 170, D18 = 70
# 基本情况: 编制 20, 在职 18 → B11 = 0.9
# 项目支出 rows 4–5: 项目甲 60 / 90 / 85, 项目乙 40 / 60 / 55
#   E4 = 85/90, E5 = 55/60; 合计 (row 9) B9 = 100, C9 = 150, D9 = 140, E9 = 140/150
# 自评表 rows 4–17 (三级, target, actual, weight, band, typed score):
FILLED_INDICATORS = [
    # positive met: 320 ≥ 300 → 6; completion 320/300
    ("培训人次", "≥300人次", "320人次", 6, None, None, 320 / 300, 6),
    # positive unmet: 90/100 × 6 = 5.40
    ("发布期数", "≥100期", "90期", 6, None, None, 0.9, 5.40),
    # positive far above: capped at W = 6
    ("活动场次", "≥80场次", "110多场次", 6, None, None, 110 / 80, 6),
    # positive unmet: 5432/6000 × 6 = 5.432 → 5.43
    ("受益学生", "≥6000人次", "5432人次", 6, None, None, 5432 / 6000, 5.43),
    # positive unmet, percent: 90/95 × 6 = 5.6842… → 5.68
    ("验收合格率", "≥95%", "90%", 6, None, None, 90 / 95, 5.68),
    # reverse under target: 1 ≤ 2 → 5; completion (2×2 − 1)/2 = 1.5
    ("差错率", "≤2%", "1%", 5, None, None, 1.5, 5),
    # deadline met → 5; completion 1
    ("完成时限", "2023年12月31日前", "2023年12月20日", 5, None, None, 1, 5),
    # reverse under (the cost indicator, = 基础数据表!D4): 380 ≤ 400 → 10; (800 − 380)/400 = 1.05
    ("部门整体支出", "≤400万元", "380万元", 10, None, None, 1.05, 10),
    # reverse between T and 2T: (1 − (15 − 10)/10) × 8 = 4.00; completion (20 − 15)/10 = 0.5
    ("引导资金支出", "≤10万元", "15万元", 8, None, None, 0.5, 4),
    # reverse over 2T: 25 ≥ 20 → 0; completion (20 − 25)/10 < 0 → 0
    ("差旅支出", "≤10万元", "25万元", 6, None, None, 0, 0),
    # deadline missed → 0; completion 0
    ("项目验收", "2023年12月31日前", "2024年1月5日", 6, None, None, 0, 0),
    # qualitative, 部分达成: [0.6 × 5, 0.8 × 5) = [3, 4) → top 3.99; no completion
    ("环境改善", "有效提升", "有所提升", 5, "部分达成年度指标并具有一定效果", None, None, 3.99),
    # qualitative, 达成 [4, 5], typed 4.5 inside the band → kept
    ("长效机制", "持续开展", "常态化开展", 5, "达成年度指标", 4.5, None, 4.5),
    # positive met, percent: 96 ≥ 95 → 10
    ("服务对象满意度", "≥95%", "96%", 10, None, None, 96 / 95, 10),
]
# weights 10 + (6×5 + 5 + 5 + 10) + (8 + 6 + 6 + 5 + 5) + 10 = 100
# total = 9.50 + 6 + 5.40 + 6 + 5.43 + 5.68 + 5 + 5 + 10 + 4 + 0 + 0 + 3.99 + 4.5 + 10 = 80.50 → 良
FILLED_EXPECTED = {
    INFO + "!B11": 0.9,
    BUDGET + "!E4": 0.95, BUDGET + "!E5": 0.96, BUDGET + "!E6": 140 / 150,
    BUDGET + "!C9": 9.50,
    BUDGET + "!B16": 1.5, BUDGET + "!C16": 1.8, BUDGET + "!D16": 1.3,
    BUDGET + "!D17": 170.0, BUDGET + "!D18": 70.0,
    PROJECTS + "!E4": 85 / 90, PROJECTS + "!E5": 55 / 60,
    PROJECTS + "!B9": 100.0, PROJECTS + "!C9": 150.0, PROJECTS + "!D9": 140.0, PROJECTS + "!E9": 140 / 150,
    INDICATORS + "!F18": 100.0,
    INDICATORS + "!H18": 80.50,
    INDICATORS + "!H19": "良",
}
for _i, _entry in enumerate(FILLED_INDICATORS):
    FILLED_EXPECTED["%s!G%d" % (INDICATORS, 4 + _i)] = _entry[6]
    FILLED_EXPECTED["%s!H%d" % (INDICATORS, 4 + _i)] = _entry[7]
UNPARSEABLE_ROW = 5          # 发布期数: "90期开展" cannot be read
UNPARSEABLE_ACTUAL = "90期开展"
UNPARSEABLE_CELLS = ["%s!G5" % INDICATORS, "%s!H5" % INDICATORS,
                     INDICATORS + "!H18", INDICATORS + "!H19"]   # and what depends on it


# --- helpers -------------------------------------------------------------------------------------

def agree(a, b, tolerance=1e-9):
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= tolerance
    return a == b


def expected_matches(actual, expected):
    if expected is None:
        return actual is None
    if isinstance(expected, str):
        return actual == expected
    return isinstance(actual, float) and abs(actual - expected) <= 1e-9


def read_cells(doc, addresses):
    return {a: wb.cell_value(wb.cell(doc, a)) for a in addresses}


def cell_formulas(doc, addresses):
    return {a: wb.cell(doc, a).getFormula() for a in addresses}


def compare_group(values, expected, cells):
    bad = []
    for a in cells:
        if not expected_matches(values.get(a), expected.get(a)):
            bad.append("%s: expected %r, got %r" % (a, expected.get(a), values.get(a)))
    return bad


def fill_standard(office, path, unparseable=False):
    """The standard workbook with the inputs above, sheets protected again."""
    doc = wb.open_private(office, wb.STANDARD, os.path.dirname(path))
    try:
        states = wb.unprotect_all(doc)
        info = doc.Sheets.getByName(INFO)
        info.getCellRangeByName("B3").setString("测试科学技术协会")
        info.getCellRangeByName("B4").setValue(2023)
        info.getCellRangeByName("B9").setValue(20)
        info.getCellRangeByName("B10").setValue(18)
        budget = doc.Sheets.getByName(BUDGET)
        budget.getCellRangeByName("B4:D6").setDataArray(((300.0, 400.0, 380.0), (200.0, 250.0, 240.0),
                                                          (100.0, 150.0, 140.0)))
        budget.getCellRangeByName("B13:D15").setDataArray(((1.0, 1.2, 0.9), (0.0, 0.0, 0.0),
                                                            (0.5, 0.6, 0.4)))
        items = doc.Sheets.getByName(ITEMS)
        codes = items.getCellRangeByPosition(0, 0, 0, 80).getDataArray()
        amounts = {"301": 150.0, "302": 60.0, "303": 20.0, "310": 10.0}
        for row, (code,) in enumerate(codes):
            if str(code) in amounts:
                items.getCellByPosition(2, row).setValue(amounts[str(code)])
        projects = doc.Sheets.getByName(PROJECTS)
        projects.getCellRangeByName("A4:D5").setDataArray((("项目甲", 60.0, 90.0, 85.0),
                                                            ("项目乙", 40.0, 60.0, 55.0)))
        sheet = doc.Sheets.getByName(INDICATORS)
        for i, (level3, target, actual, weight, band, typed, _, _) in enumerate(FILLED_INDICATORS):
            row = 4 + i
            if unparseable and row == UNPARSEABLE_ROW:
                actual = UNPARSEABLE_ACTUAL
            sheet.getCellRangeByName("C%d" % row).setString(level3)
            sheet.getCellRangeByName("D%d" % row).setString(target)
            sheet.getCellRangeByName("E%d" % row).setString(actual)
            sheet.getCellRangeByName("F%d" % row).setValue(weight)
            if band:
                sheet.getCellRangeByName("I%d" % row).setString(band)
            if typed is not None:
                sheet.getCellRangeByName("H%d" % row).setValue(typed)
        wb.protect_again(doc, states)
        return wb.store(doc, path)
    finally:
        wb.close(doc)


def make_typed_total(office, path):
    """The corrected copy with 5 typed into the 总分 cell H17."""
    doc = wb.open_private(office, wb.CORRECTED, os.path.dirname(path))
    try:
        states = wb.unprotect_all(doc)
        wb.cell(doc, INDICATORS + "!H17").setValue(5)
        wb.protect_again(doc, states)
        return wb.store(doc, path)
    finally:
        wb.close(doc)


def skipped_at(run):
    return sorted("%s!%s" % (f.get("sheet"), f.get("cell")) for f in run.findings("JX-COMPUTE-SKIPPED"))


# --- the suite ---------------------------------------------------------------------------------

def main(profile):
    tap = Tap("compute")
    tmp = wb.temp_dir("compute")
    try:
        headless = wb.headless_profile(profile, tmp)
        with Office(profile) as office:
            inputs = {
                "filled": fill_standard(office, os.path.join(tmp, "filled.ods")),
                "unparseable": fill_standard(office, os.path.join(tmp, "unparseable.ods"), True),
                "typed": make_typed_total(office, os.path.join(tmp, "typed-total.ods")),
            }
            runs = run_headless_jobs(tap, headless, tmp, inputs)
            check_score_formula(tap, office)
            check_corrected(tap, office, runs)
            check_filled(tap, office, runs)
            check_typed(tap, office, runs)
            check_live(tap, office, tmp)
    except Exception:
        tap.crash("compute suite")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return tap.finish()


def run_headless_jobs(tap, headless, tmp, inputs):
    """Every headless compute of the suite; {(book, mode): (run, copy)}."""
    runs = {}
    # a byte-identical private copy: compute opens its input for writing, which
    # puts a .~lock file next to it while it runs
    books = [("corrected", wb.private_copy(wb.CORRECTED, tmp))] + sorted(inputs.items())
    for name, path in books:
        for mode in ("values", "formulas"):
            digest = wb.sha256(path)
            copy = os.path.join(tmp, "%s-%s.ods" % (name, mode))
            run = wb.compute(headless, path, copy, mode, os.path.join(tmp, "%s-%s.json" % (name, mode)))
            label = "compute %s (%s)" % (name, mode)
            tap.ok(run.exited, "%s: the office exits by itself (%.1f s)" % (label, run.seconds), run.describe())
            tap.ok(os.path.exists(copy) and run.data is not None and not run.failure(),
                   "%s: the copy and the findings are written" % label, run.describe())
            tap.ok(wb.sha256(path) == digest, "%s: the input file is unchanged (SHA-256)" % label)
            runs[(name, mode)] = (run, copy)
    return runs


def open_copy(office, path):
    doc = office.open(path)
    doc.calculateAll()
    return doc


def check_score_formula(tap, office):
    """The 得分 formula formulas mode writes, =…SCORE(F;D;E;I), with the
    定性档次 cell I empty as it is on every quantitative row."""
    doc = office.create()
    try:
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellRangeByName("A1").setValue(6)
        sheet.getCellRangeByName("B1").setString("≥2个")
        sheet.getCellRangeByName("C1").setString("二个")
        cases = [("E1", "=JX.SCORE(A1;B1;C1)", 6.0),
                 ("E2", "=%sSCORE(A1;B1;C1;D1)" % PREFIX, 6.0),     # D1 empty
                 ("E3", "=%sSCORE(A1;B1;C1;\"\")" % PREFIX, 6.0)]
        for address, formula, _ in cases:
            sheet.getCellRangeByName(address).setFormula(formula)
        doc.calculateAll()
        for address, formula, expected in cases:
            got = wb.cell_value(sheet.getCellRangeByName(address))
            tap.ok(got == expected, "score formula %s with B1 ≥2个, C1 二个, D1 empty gives %g"
                   % (formula, expected), "got %r" % (got,))
    finally:
        wb.close(doc)


def check_corrected(tap, office, runs):
    original = office.open(wb.CORRECTED, ReadOnly=True)
    before = wb.snapshot(original)
    wb.close(original)
    values = {}
    for mode in ("values", "formulas"):
        run, copy = runs[("corrected", mode)]
        if not os.path.exists(copy):
            tap.ok(False, "corrected (%s): the copy exists" % mode)
            continue
        doc = open_copy(office, copy)
        try:
            values[mode] = read_cells(doc, CORRECTED_COMPUTED)
            formulas = cell_formulas(doc, CORRECTED_COMPUTED)
            for name, cells in GROUPS:
                bad = compare_group(values[mode], CORRECTED_EXPECTED, cells)
                tap.ok(not bad, "corrected, %s mode: %s as computed by hand" % (mode, name), "\n".join(bad))
            if mode == "formulas":
                bad = [a for a in JX_FORMULA_CELLS if PREFIX not in formulas[a]]
                bad += [a for a in SUM_FORMULA_CELLS if not formulas[a].startswith("=SUM(")]
                bad += [a for a in TOTAL_FORMULA_CELLS if not (formulas[a].startswith("=ROUND(SUM(") and
                                                               formulas[a].endswith(";2)"))]
                tap.ok(not bad, "corrected, formulas mode: computed cells hold %s…, SUM or ROUND(SUM(…);2) "
                       "formulas" % PREFIX,
                       "\n".join("%s: %r" % (a, formulas[a]) for a in bad))
                empty = [a for a in (BUDGET + "!B16", BUDGET + "!C16") if formulas[a] != ""]
                tap.ok(not empty, "corrected, formulas mode: sums of empty inputs stay empty (no made-up 0)",
                       "\n".join("%s: %r" % (a, formulas[a]) for a in empty))
                tap.ok(formulas[INFO + "!B11"] == "=B10/B9",
                       "corrected, formulas mode: 在职人员控制率 is =B10/B9", formulas[INFO + "!B11"])
            else:
                bad = [a for a in CORRECTED_COMPUTED if formulas[a].startswith("=")]
                tap.ok(not bad, "corrected, values mode: computed cells hold plain values",
                       "\n".join("%s: %r" % (a, formulas[a]) for a in bad))
            g15 = INDICATORS + "!G15"
            tap.ok(values[mode][g15] is None and formulas[g15] == "",
                   "corrected, %s mode: the qualitative row has no completion rate (G15 empty)" % mode,
                   formulas[g15])
            after = wb.snapshot(doc)
            problems = wb.snapshot_differences(before, after, ignore=CORRECTED_COMPUTED)
            tap.ok(not problems, "corrected, %s mode: every other cell and the sheet protection are unchanged"
                   % mode, "\n".join(problems))
            tap.ok(all(p for _, p, _ in after), "corrected, %s mode: every sheet is protected again" % mode,
                   [n for n, p, _ in after if not p])
        finally:
            wb.close(doc)
        tap.ok(skipped_at(run) == sorted(CORRECTED_EMPTY) and run.data.get("errors") == 0,
               "corrected, %s mode: JX-COMPUTE-SKIPPED only for B16, C16 (empty inputs); no errors" % mode,
               wb.findings_summary(run.data))
    if len(values) == 2:
        cells = [a for a in CORRECTED_COMPUTED if a not in CORRECTED_EMPTY]
        bad = ["%s: values %r, formulas %r" % (a, values["values"][a], values["formulas"][a])
               for a in cells if not agree(values["values"][a], values["formulas"][a])]
        tap.ok(not bad, "corrected: both modes give the same computed cells", "\n".join(bad))
        # Known failure when written (reported): values mode leaves B16, C16 empty, formulas
        # mode writes =SUM(B13;B14;B15), which shows 0.00, and both report JX-COMPUTE-SKIPPED
        # (compute.c plan_target writes the formula even when the value cannot be computed)
        bad = ["%s: values %r, formulas %r" % (a, values["values"][a], values["formulas"][a])
               for a in CORRECTED_EMPTY if not agree(values["values"][a], values["formulas"][a])]
        tap.ok(not bad, "corrected: both modes agree on 三公经费合计 B16:C16 (their inputs are empty)",
               "\n".join(bad))


def check_filled(tap, office, runs):
    everything = sorted(FILLED_EXPECTED)
    for book in ("filled", "unparseable"):
        values = {}
        for mode in ("values", "formulas"):
            run, copy = runs[(book, mode)]
            if not os.path.exists(copy):
                tap.ok(False, "%s (%s): the copy exists" % (book, mode))
                continue
            doc = open_copy(office, copy)
            try:
                values[mode] = read_cells(doc, everything)
                formulas = cell_formulas(doc, everything)
            finally:
                wb.close(doc)
            label = "%s, %s mode" % ("standard workbook filled in" if book == "filled"
                                     else "unparseable actual", mode)
            expected = dict(FILLED_EXPECTED)
            if book == "unparseable":
                for a in UNPARSEABLE_CELLS:
                    expected.pop(a)
            for name, cells in (
                    ("基础数据表 E4:E6, C9, B16:D18", [a for a in everything if a.startswith(BUDGET)]),
                    ("基本情况 B11 and 项目支出 E4:E5, B9:E9",
                     [a for a in everything if a.startswith(INFO) or a.startswith(PROJECTS)]),
                    ("自评表 完成率 G4:G17", ["%s!G%d" % (INDICATORS, r) for r in range(4, 18)]),
                    ("自评表 得分 H4:H17", ["%s!H%d" % (INDICATORS, r) for r in range(4, 18)]),
                    ("自评表 分值合计 F18, 总分 H18, 等级 H19",
                     [INDICATORS + "!F18", INDICATORS + "!H18", INDICATORS + "!H19"])):
                cells = [a for a in cells if a in expected]
                bad = compare_group(values[mode], expected, cells)
                tap.ok(not bad, "%s: %s as computed by hand" % (label, name), "\n".join(bad))
            h16 = INDICATORS + "!H16"
            tap.ok(values[mode][h16] == 4.5 and not formulas[h16].startswith("=") and
                   not [f for f in run.findings("JX-COMPUTED-OVERWRITE")],
                   "%s: the typed qualitative score 4.5 (inside its band) is kept, not reported" % label,
                   "%r %r\n%s" % (values[mode][h16], formulas[h16], wb.findings_summary(run.data)))
            if book == "unparseable" and mode == "values":
                # Compute's own findings carry both languages (en is not the zh text again)
                untranslated = [f for f in run.findings("JX-COMPUTE-SKIPPED")
                                if f["message"]["en"] == f["message"]["zh"]]
                tap.ok(not untranslated, "%s: JX-COMPUTE-SKIPPED has an English message" % label,
                       "\n".join("%s %s en=%s" % (f["code"], f.get("cell"), f["message"]["en"][:60])
                                 for f in untranslated[:8]))
            if book == "filled":
                tap.ok(not skipped_at(run), "%s: nothing is skipped" % label, wb.findings_summary(run.data))
            else:
                numbers = [a for a in UNPARSEABLE_CELLS if isinstance(values[mode][a], float)]
                tap.ok(not numbers, "%s: no number in G5, H5, 总分 H18, 等级 H19" % label,
                       "\n".join("%s: %r" % (a, values[mode][a]) for a in numbers))
                tap.ok(skipped_at(run) == sorted(UNPARSEABLE_CELLS),
                       "%s: JX-COMPUTE-SKIPPED at G5, H5, H18, H19" % label, wb.findings_summary(run.data))
                why = [f["message"]["zh"] for f in run.findings("JX-COMPUTE-SKIPPED")
                       if f.get("cell") in ("G5", "H5")]
                tap.ok(any("开展" in m for m in why),
                       "%s: the findings at G5/H5 name the part that cannot be read (开展)" % label,
                       "\n".join(why))
        if len(values) == 2:
            bad = ["%s: values %r, formulas %r" % (a, values["values"][a], values["formulas"][a])
                   for a in everything
                   if not agree(values["values"][a], values["formulas"][a])
                   and not (book == "unparseable" and a in UNPARSEABLE_CELLS)]
            tap.ok(not bad, "%s: both modes give the same computed cells" % book, "\n".join(bad))


def check_typed(tap, office, runs):
    h17, h18 = INDICATORS + "!H17", INDICATORS + "!H18"
    grades = {}
    for mode in ("values", "formulas"):
        run, copy = runs[("typed", mode)]
        found = [f for f in run.findings("JX-COMPUTED-OVERWRITE")
                 if (f.get("sheet"), f.get("cell")) == (INDICATORS, "H17")]
        tap.ok(len(found) == 1 and "5" in found[0]["message"]["zh"],
               "typed 总分 (%s mode): JX-COMPUTED-OVERWRITE at %s!H17 quoting the 5" % (mode, INDICATORS),
               wb.findings_summary(run.data))
        if mode == "values":
            tap.ok(len(found) == 1 and found[0]["message"]["en"] != found[0]["message"]["zh"],
                   "typed 总分 (values mode): JX-COMPUTED-OVERWRITE has an English message",
                   found[0]["message"] if found else "")
        if not os.path.exists(copy):
            tap.ok(False, "typed 总分 (%s mode): the copy exists" % mode)
            continue
        doc = open_copy(office, copy)
        try:
            total = wb.cell(doc, h17)
            tap.ok(total.getFormula() == "5" and wb.cell_value(total) == 5.0,
                   "typed 总分 (%s mode): H17 still holds the typed 5" % mode, total.getFormula())
            c9 = wb.cell_value(wb.cell(doc, BUDGET + "!C9"))
            g8 = wb.cell_value(wb.cell(doc, INDICATORS + "!G8"))
            tap.ok(c9 == 9.76 and wb.number_equal(g8, 5000 / 6000),
                   "typed 总分 (%s mode): the other cells are computed (C9 = 9.76, G8 = 83.33%%)" % mode,
                   (c9, g8))
            grades[mode] = wb.cell_value(wb.cell(doc, h18))
        finally:
            wb.close(doc)
    if len(grades) == 2:
        # Known failure when written (reported): values mode grades the total Compute would
        # have written (97.36 → 优, compute.c number_of_value evaluates the kept target);
        # formulas mode grades the cell H17 (5 → 差).  The modes must not disagree.
        tap.ok(grades["values"] == grades["formulas"],
               "typed 总分: both modes give the same 等级 H18", grades)


def check_live(tap, office, tmp):
    """(c) Compute in a loaded document, then one undo."""
    copy = os.path.join(tmp, "live.fods")
    shutil.copy(wb.CORRECTED, copy)
    doc = office.open(copy)
    try:
        before = wb.snapshot(doc)
        for mode in ("values", "formulas"):
            command = "org.jixiao.commands:Compute?mode=" + mode
            try:
                why = wb.dispatch(office, doc, command)
            except Exception as e:
                why = "dispatch raised %r" % (e,)
            if not tap.ok(why is None, "live document: %s is dispatched" % command, why):
                continue
            doc.calculateAll()
            values = read_cells(doc, CORRECTED_COMPUTED)
            formulas = cell_formulas(doc, CORRECTED_COMPUTED)
            bad = [b for _, cells in GROUPS for b in compare_group(values, CORRECTED_EXPECTED, cells)]
            tap.ok(not bad, "live document, %s mode: the computed cells are those computed by hand" % mode,
                   "\n".join(bad))
            if mode == "formulas":
                bad = [a for a in JX_FORMULA_CELLS if PREFIX not in formulas[a]]
            else:
                bad = [a for a in CORRECTED_COMPUTED if formulas[a].startswith("=")]
            tap.ok(not bad, "live document, %s mode: %s" % (
                mode, "Jixiao formulas" if mode == "formulas" else "plain values"),
                "\n".join("%s: %r" % (a, formulas[a]) for a in bad))
            during = wb.snapshot(doc)
            tap.ok(all(p for _, p, _ in during), "live document, %s mode: every sheet is still protected" % mode,
                   [n for n, p, _ in during if not p])
            undo = doc.UndoManager
            title = undo.getCurrentUndoActionTitle() if undo.isUndoPossible() else None
            tap.ok(title is not None and "Compute" in title,
                   "live document, %s mode: one undo step named Compute" % mode, title)
            undo.undo()
            tap.ok(not undo.isUndoPossible(), "live document, %s mode: Compute was the only undo step" % mode,
                   undo.getAllUndoActionTitles() if undo.isUndoPossible() else "")
            doc.calculateAll()
            problems = wb.snapshot_differences(before, wb.snapshot(doc))
            tap.ok(not problems, "live document, %s mode: one undo restores every cell and the protection"
                   % mode, "\n".join(problems))
    finally:
        wb.close(doc)


if __name__ == "__main__":
    start = time.time()
    status = main(sys.argv[1])
    print("# compute suite: %.0f s" % (time.time() - start))
    sys.exit(status)
