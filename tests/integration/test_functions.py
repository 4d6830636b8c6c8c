"""JX functions in real Calc cells: each formula is typed into a sheet of a
headless LibreOffice with Jixiao installed, the sheet is recalculated, and
the cell's value or error code is compared with the expectation, which is
worked out from the rules in the README (scoring) by hand."""
import sys

from office import (ERR_ILLEGAL_ARGUMENT, ERR_NOT_AVAILABLE, ERR_PARAMETER_COUNT, Office)
from tap import Tap

ERR = ERR_ILLEGAL_ARGUMENT
NA = ERR_NOT_AVAILABLE

# Inputs placed in column A before the formulas run (row → content).
INPUTS = {
    1: 273.77, 2: 41.73, 3: 4.62, 4: 0.33,        # reference report: 基本支出 parts
    6: 1.89, 7: "0.13万元", 8: None, 9: "500元",   # mixed cells, one blank
    11: "=1/0",                                      # an error cell
    12: 4, 13: 6,
}

# (formula, expected): a number (compared to 1e-9), a string, or ("error", code)
CASES = [
    ('=JX.VALUE("6万余人次")', 60000),
    ('=JX.VALUE("二个")', 2),
    ('=JX.VALUE("≥300人次")', 300),
    ('=JX.VALUE("百分之九十五")', 95),
    ('=JX.VALUE("１，２００")', 1200),
    ('=JX.VALUE("2023年12月31日前")', 45291),           # a date value
    ('=JX.VALUE("有效提升")', ("error", ERR)),
    ('=JX.VALUE(REPT("9";400))', ("error", ERR)),      # overflow, not inf
    ('=JX.UNIT("≥300人次")', "人次"),
    ('=JX.UNIT("410.41万元")', "万元"),
    ('=JX.UNIT("100%")', "%"),
    ('=JX.COMPARISON("不超过10万元")', "≤"),
    ('=JX.COMPARISON("不低于95%")', "≥"),
    ('=JX.COMPARISON("300人次")', ""),
    ('=JX.CHECK("300人次")', ""),
    ('=JX.COMPLETION("≥300人次";"270人次")', 0.9),
    ('=JX.COMPLETION("≤10万元";"12万元")', 0.8),        # (2×10 − 12)/10
    ('=JX.COMPLETION("≤10万元";"120000元")', 0.8),      # converted to 万元
    ('=JX.COMPLETION("≥300人";"300人次")', ("error", ERR)),  # 人 vs 人次
    ('=JX.SCORE(10;"≥300人次";"270人次")', 9),
    ('=JX.SCORE(10;"≥300人次";"300余人次")', 10),
    ('=JX.SCORE(10;"≥300人次";"6万余人次")', 10),       # never above W
    ('=JX.SCORE(20;"≥95%";"90%")', 18.95),             # 90/95×20 = 18.947…
    ('=JX.SCORE(9;360;261)', 6.53),                    # 261/360×9 = 6.525 (6.52499… in binary)
    ('=JX.SCORE(10;"≤10万元";"15万元")', 5),            # (1 − 5/10)×10
    ('=JX.SCORE(10;"≤10万元";"25万元")', 0),            # A ≥ 2T
    ('=JX.SCORE(10;"≤10万元";"8万元")', 10),
    ('=JX.SCORE(10;"2023年12月31日前";"2023年12月20日")', 10),
    ('=JX.SCORE(10;"2023年12月31日前";"2024年1月5日")', 0),
    ('=JX.SCORE(10;"有效提升";"按期完成")', 10),         # states achievement
    ('=JX.SCORE(10;"有效提升";"有所提升";"部分达成")', 7.99),  # top of [6, 8)
    ('=JX.SCORE(10;"有效提升";"有所提升";"达成";8.5)', 8.5),
    ('=JX.SCORE(10;"有效提升";"有所提升";"达成";5)', ("error", ERR)),  # outside band
    ('=JX.SCORE(10;"有效提升";"有所提升")', ("error", ERR)),          # band needed
    ('=JX.SCORE(10;"≥300人次";"300万元")', ("error", ERR)),          # unit mismatch
    ('=JX.SCORE(10;"300人次开展";"300人次")', ("error", ERR)),        # unparseable
    ('=JX.SCORE(10;0;5)', ("error", ERR)),                            # zero target
    ('=JX.SCORE("很多";"≥300人次";"270人次")', ("error", ERR)),  # weight not a number
    # an error cell inside a range: Calc refuses the range itself (Err:504)
    ('=JX.TOTAL(A9:A11)', ("error", ERR_PARAMETER_COUNT)),
    ('=JX.SUMCHECK(1;A11:A12)', ("error", ERR_PARAMETER_COUNT)),
    ('=JX.SCORE(10;"≥300人次")', ("error", NA)),                      # actual missing
    ('=JX.SCORE(10;"≥300人次";A8)', 0),                               # empty cell is 0
    ('=JX.SCORE(10;"≥300人次";A11)', ("error", 532)),                 # #DIV/0! passes through
    ('=JX.EXECRATE(359.95;350.4)', 350.4 / 359.95),
    ('=JX.EXECRATE("359.95万元";"3504000元")', 350.4 / 359.95),
    ('=JX.EXECPOINTS(10;359.95;350.4)', 9.73),
    ('=JX.EXECPOINTS(10;100;120)', 10),                               # capped at 100 %
    ('=JX.EXECRATE(0;5)', ("error", ERR)),
    # a schema's settings.scoring, as Compute writes it into the formulas
    ('=JX.SCORE(10;"≥100人次";"96.9人次")', 9.69),
    ('=JX.SCORE(10;"≥100人次";"96.9人次";;;"score_decimals=1")', 9.7),
    ('=JX.SCORE(10;"有效提升";"有所提升";"部分达成";;"band_partial_low=0.5;band_achieved_low=0.7")', 6.99),
    ('=JX.SCORE(10;"≥100人次";"96.9人次";;;"decimals=1")', ("error", ERR)),     # unknown rule
    ('=JX.EXECPOINTS(10;359.95;350.4;"score_decimals=1")', 9.7),
    ('=JX.GRADE(89.95)', "良"),
    ('=JX.GRADE(89.95;90;80;60;"score_decimals=1")', "优"),                     # 90.0 as shown
    ('=JX.GRADE(90)', "优"),
    ('=JX.GRADE(89.99)', "良"),
    ('=JX.GRADE(60)', "中"),
    ('=JX.GRADE(59.99)', "差"),
    ('=JX.GRADE(85;85)', "优"),
    ('=JX.TOTAL(A6:A9;"万元")', 2.07),                  # 1.89 + 0.13 + 0.05
    ('=JX.TOTAL(A1:A4)', 320.45),
    ('=JX.SUMCHECK(273.77;A1:A4)', -46.68),             # the reference report's 基本支出
    ('=JX.SUMCHECK(320.45;A1:A4)', 0),
    ('=JX.SUMCHECK(320.47;A1:A4)', 0),                  # within 5 × 0.005
    ('=JX.SUMCHECK(320.48;A1:A4)', 0.03),
    ('=JX.SUMCHECK(10.02;A12:A13;0)', 0.02),            # exact figures
    ('=JX.SUMCHECK(10;A12:A13;0)', 0),
    ('=JX.CONVERT("6万元";"元")', 60000),
    ('=JX.CONVERT(1.5;"万元";"亿元")', 15000),
    ('=JX.CONVERT("5人";"万元")', ("error", ERR)),
    ('=JX.WAN(4104100)', 410.41),
    ('=JX.WAN(123456)', 12.35),
    ('=JX.DAXIE(123.45)', "壹佰贰拾叁元肆角伍分"),
    ('=JX.DAXIE(1005.5)', "壹仟零伍元伍角"),
    ('=JX.DAXIE("410.41万元")', "肆佰壹拾万肆仟壹佰元整"),
    ('=JX.DAXIE(1;"万元")', "壹万元整"),
    ('=JX.DAXIE(1E+13)', ("error", ERR)),
    ('=JX.DAXIE("5人")', ("error", ERR)),
    ('=JX.NUMERAL(13)', "十三"),
    ('=JX.NUMERAL(21)', "二十一"),
    ('=JX.NUMERAL(105)', "一百零五"),
    ('=JX.NUMERAL(-1)', ("error", ERR)),
    ('=JX.NUMERAL(1.5)', ("error", ERR)),
    ('=JX.HEADING(1;10)', "十、"),
    ('=JX.HEADING(2;3)', "（三）"),
    ('=JX.HEADING(3;2)', "2."),
    ('=JX.HEADING(4;1)', "（1）"),
    ('=JX.HEADING(5;1)', ("error", ERR)),
]


FORMULA_RESULT_STRING = 2  # com.sun.star.sheet.FormulaResult.STRING


def describe(cell):
    if cell.getError():
        return ("error", cell.getError())
    if cell.getType().value == "TEXT" or (
            cell.getType().value == "FORMULA" and cell.FormulaResultType2 == FORMULA_RESULT_STRING):
        return cell.getString()
    return cell.getValue()


def matches(actual, expected):
    if isinstance(expected, tuple) or isinstance(expected, str):
        return actual == expected
    return isinstance(actual, float) and abs(actual - expected) < 1e-9


def main(profile):
    tap = Tap("functions")
    with Office(profile) as office:
        doc = office.create()
        sheet = doc.Sheets.getByIndex(0)
        for row, value in INPUTS.items():
            cell = sheet.getCellByPosition(0, row - 1)
            if isinstance(value, str) and value.startswith("="):
                cell.setFormula(value)
            elif isinstance(value, str):
                cell.setString(value)
            elif value is not None:
                cell.setValue(value)
        for i, (formula, _) in enumerate(CASES):
            sheet.getCellByPosition(2, i).setFormula(formula)
        doc.calculateAll()
        for i, (formula, expected) in enumerate(CASES):
            cell = sheet.getCellByPosition(2, i)
            actual = describe(cell)
            tap.ok(matches(actual, expected), formula,
                   "expected %r, got %r" % (expected, actual))

        # The parse error names the place where reading stopped.
        cell = sheet.getCellByPosition(3, 0)
        cell.setFormula('=JX.CHECK("300人次开展")')
        doc.calculateAll()
        tap.ok("6" in cell.getString() and "开展" in cell.getString(),
               "JX.CHECK names the position and the text", cell.getString())

        # The formula reads back under a name Calc resolves to the add-in.
        row = [f for f, _ in CASES].index('=JX.SCORE(10;"≥300人次";"270人次")')
        formula = sheet.getCellByPosition(2, row).getFormula()
        tap.ok("JIXIAO" in formula.upper() or "JX.SCORE" in formula.upper(),
               "formula reads back", formula)

        # Function Wizard data comes from the table.
        descriptions = office.create_instance("com.sun.star.sheet.FunctionDescriptions")
        names = {}
        for i in range(descriptions.getCount()):
            entry = {p.Name: p.Value for p in descriptions.getByIndex(i)}
            names[entry["Name"]] = entry
        tap.ok("JX.SCORE" in names, "JX.SCORE is listed in the Function Wizard",
               sorted(n for n in names if n.startswith("JX")))
        if "JX.SCORE" in names:
            args = names["JX.SCORE"]["Arguments"]
            tap.ok(len(args) == 6, "JX.SCORE shows six arguments (the last: the scoring rules)", len(args))
            tap.ok(bool(names["JX.SCORE"]["Description"]), "JX.SCORE has a description",
                   names["JX.SCORE"]["Description"])
        doc.close(True)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
