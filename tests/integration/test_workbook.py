"""Reading a workbook through the schema: the headless `extract` door on the
Yuanjiang example in its three formats, on a copy whose rows and columns
were moved, and on hostile copies (a sheet removed, a label renamed, text or
an error in an amount cell, merged cells, an empty workbook, a broken or
huge schema).  The expectations are those of examples/README.md, written out
here by hand.

Every hostile copy is made at test time through the office API in a
temporary directory; the input's SHA-256 is compared before and after each
headless run, and the office must exit by itself within the timeout.
"""
import os
import re
import shutil
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree

from office import Office  # noqa: E402
from tap import Tap  # noqa: E402
import workbooks as wb  # noqa: E402
from workbooks import BUDGET, INDICATORS, INFO, ITEMS, PROJECTS  # noqa: E402

# --- expectations (examples/README.md) ------------------------------------------

# field id → (value, cell)
FIELDS = {
    "department": ("沅江市科学技术协会", INFO + "!B3"),          # JX_DEPARTMENT
    "year": (2023, INFO + "!B4"),                                 # JX_YEAR
    "units.internal": (3, INFO + "!B7"),
    "units.affiliated": (2, INFO + "!B8"),
    "staff.authorised": (16, INFO + "!B9"),                       # 编制数 (assumed)
    "staff.actual": (15, INFO + "!B10"),                          # 实际在职人数 (assumed)
    "staff.control_rate": (None, INFO + "!B11"),                  # computed, empty
    "other": ("无。", INFO + "!B23"),
    "spending.total.budget_initial": (359.95, BUDGET + "!B4"),
    "spending.total.budget": (420.50, BUDGET + "!C4"),
    "spending.total.executed": (410.41, BUDGET + "!D4"),
    "spending.total.execution_rate": (None, BUDGET + "!E4"),
    "spending.basic.budget_initial": (259.95, BUDGET + "!B5"),
    "spending.basic.budget": (280.50, BUDGET + "!C5"),
    "spending.basic.executed": (273.77, BUDGET + "!D5"),
    "spending.project.budget_initial": (100.00, BUDGET + "!B6"),
    "spending.project.budget": (140.00, BUDGET + "!C6"),
    "spending.project.executed": (136.64, BUDGET + "!D6"),
    "execution.weight": (10, BUDGET + "!B9"),
    "execution.points": (None, BUDGET + "!C9"),
    "three_public.vehicle.actual": (0, BUDGET + "!D13"),
    "three_public.abroad.actual": (0, BUDGET + "!D14"),
    "three_public.reception.actual": (0.16, BUDGET + "!D15"),
    "basic_items.total": (273.77, ITEMS + "!C38"),
    "weight_total": (None, INDICATORS + "!F17"),
    "total_score": (None, INDICATORS + "!H17"),
    "grade": (None, INDICATORS + "!H18"),
}

# 基本支出明细: (code, name, executed, row); 34 rows, 4 to 37
ITEM_ROWS = 34
EXPENSE_ITEMS = [
    ("301", "工资福利支出", 273.77, 4),
    ("30101", "基本工资、绩效工资、津补贴", 115.87, 5),
    ("30199", "其他工资福利支出", 6.34, 12),
    ("302", "商品和服务支出", 41.73, 13),
    ("30228", "工会经费", 6.39, 26),
    ("303", "对个人和家庭的补助", 4.62, 31),
    ("30399", "其他对个人和家庭的补助支出", 5.40, 35),
    ("310", "资本性支出", 0.33, 36),
    ("31002", "办公设备购置", 0.33, 37),
]

# 项目支出: (name, 年初预算数, 全年预算数, 全年执行数, row)
PROJECT_ROWS = [
    ("院士专家办公室工作经费专项", 10.00, 42.00, 40.00, 4),
    ("科普专项", 90.00, 98.00, 74.41, 5),
]

# 部门整体支出绩效自评表: (三级指标, 年度指标值, 实际完成值, 分值, row); 13 rows
INDICATOR_ROWS = 13
INDICATOR_LIST = [
    ("建立市级专家工作站", "≥2个", "二个", 6, 4),
    ("科普活动场次", "≥80场次", "110多场次", 6, 7),
    ("直接受益中小学生", "≥6000人次", "5000多人次", 6, 8),
    ("完成时限", "2023年12月31日前", "按时完成", 5, 10),
    ("部门整体支出", "≤359.95万元", "410.42万元", 10, 11),
    ("科普活动受益学生辐射人数", "≥6万人次", "超过6万元", 8, 13),
    ("常态化开展科普服务", "持续开展", "常态化开展", 8, 15),
    ("科技工作者及群众满意度", "≥95%", "超95%", 10, 16),
]

REQUIRED_SHEETS = [INFO, BUDGET, ITEMS, PROJECTS, INDICATORS]


def same(actual, expected):
    """Numbers by value (2023 and 2023.0 agree), texts exactly, None as None."""
    if expected is None:
        return actual is None
    if isinstance(expected, str):
        return actual == expected
    return wb.number_equal(actual, expected)


def expectations(model):
    """[(name, ok, detail)] for every expectation above, against one model."""
    results = []
    fields = model.get("fields", {})
    for key, (value, address) in FIELDS.items():
        got = fields.get(key, {})
        results.append(("%s = %r at %s" % (key, value, address),
                        same(got.get("value"), value) and got.get("cell") == address,
                        "got %r" % (got,)))
    items = model.get("tables", {}).get("expense_items", [])
    results.append(("expense_items has %d rows" % ITEM_ROWS, len(items) == ITEM_ROWS, len(items)))
    for code, name, executed, row in EXPENSE_ITEMS:
        found = [r for r in items if r.get("code", {}).get("value") == code]
        r = found[0] if found else {}
        ok = (len(found) == 1 and
              r["code"]["cell"] == "%s!A%d" % (ITEMS, row) and
              r["name"] == {"value": name, "cell": "%s!B%d" % (ITEMS, row)} and
              same(r["executed"]["value"], executed) and
              r["executed"]["cell"] == "%s!C%d" % (ITEMS, row))
        results.append(("expense item %s %s %.2f in row %d" % (code, name, executed, row), ok,
                        "got %r" % (found,)))
    projects = model.get("tables", {}).get("projects", [])
    results.append(("projects has 2 rows", len(projects) == 2, len(projects)))
    for i, (name, initial, budget, executed, row) in enumerate(PROJECT_ROWS):
        r = projects[i] if i < len(projects) else {}
        ok = bool(r) and (r["name"] == {"value": name, "cell": "%s!A%d" % (PROJECTS, row)} and
                          same(r["budget_initial"]["value"], initial) and
                          r["budget_initial"]["cell"] == "%s!B%d" % (PROJECTS, row) and
                          same(r["budget"]["value"], budget) and
                          r["budget"]["cell"] == "%s!C%d" % (PROJECTS, row) and
                          same(r["executed"]["value"], executed) and
                          r["executed"]["cell"] == "%s!D%d" % (PROJECTS, row) and
                          r["execution_rate"] == {"value": None, "cell": "%s!E%d" % (PROJECTS, row)})
        results.append(("project %s %.2f/%.2f/%.2f in row %d" % (name, initial, budget, executed, row),
                        ok, "got %r" % (r,)))
    indicators = model.get("tables", {}).get("indicators", [])
    results.append(("indicators has %d rows" % INDICATOR_ROWS, len(indicators) == INDICATOR_ROWS,
                    len(indicators)))
    for level3, target, actual, weight, row in INDICATOR_LIST:
        found = [r for r in indicators if r.get("level3", {}).get("value") == level3]
        r = found[0] if found else {}
        ok = (len(found) == 1 and
              r["level3"]["cell"] == "%s!C%d" % (INDICATORS, row) and
              r["target"] == {"value": target, "cell": "%s!D%d" % (INDICATORS, row)} and
              r["actual"] == {"value": actual, "cell": "%s!E%d" % (INDICATORS, row)} and
              same(r["weight"]["value"], weight) and r["weight"]["cell"] == "%s!F%d" % (INDICATORS, row))
        results.append(("indicator %s: %s / %s, weight %d, row %d" % (level3, target, actual, weight, row),
                        ok, "got %r" % (found,)))
    band = [r for r in indicators if r.get("level3", {}).get("value") == "常态化开展科普服务"]
    results.append(("band 达成年度指标 at %s!I15" % INDICATORS,
                    bool(band) and band[0]["band"] == {"value": "达成年度指标", "cell": INDICATORS + "!I15"},
                    band))
    return results


def model_differences(a, b, relocate=lambda address: address, limit=15):
    """Differences of two extracted models; `relocate` maps a cell of `a` to
    where it should be in `b`."""
    problems = []

    def compare(where, x, y):
        if x.get("cell") is not None and relocate(x["cell"]) != y.get("cell"):
            problems.append("%s: cell %s, expected %s" % (where, y.get("cell"), relocate(x["cell"])))
        vx, vy = x.get("value"), y.get("value")
        if isinstance(vx, str) or isinstance(vy, str) or vx is None or vy is None:
            if vx != vy:
                problems.append("%s: %r vs %r" % (where, vx, vy))
        elif abs(vx - vy) > 1e-9:
            problems.append("%s: %r vs %r" % (where, vx, vy))
        if bool(x.get("error")) != bool(y.get("error")):
            problems.append("%s: error flag %s vs %s" % (where, x.get("error"), y.get("error")))

    fa, fb = a.get("fields", {}), b.get("fields", {})
    if sorted(fa) != sorted(fb):
        problems.append("field ids differ: %s" % sorted(set(fa) ^ set(fb)))
    for key in fa:
        if key in fb:
            compare(key, fa[key], fb[key])
    ta, tb = a.get("tables", {}), b.get("tables", {})
    for table in ta:
        rows_a, rows_b = ta[table], tb.get(table, [])
        if len(rows_a) != len(rows_b):
            problems.append("%s: %d rows vs %d" % (table, len(rows_a), len(rows_b)))
            continue
        for i, (ra, rb) in enumerate(zip(rows_a, rows_b)):
            for column in ra:
                if column.startswith("_"):
                    if ra[column] != rb.get(column):
                        problems.append("%s[%d].%s: %r vs %r" % (table, i, column, ra[column], rb.get(column)))
                elif column not in rb:
                    problems.append("%s[%d].%s missing" % (table, i, column))
                else:
                    compare("%s[%d].%s" % (table, i, column), ra[column], rb[column])
    return problems[:limit] + (["… %d more" % (len(problems) - limit)] if len(problems) > limit else [])


# --- hostile copies, made in a running office ------------------------------------

def make_copies(office, tmp):
    """Writes the copies this suite reads; returns {name: path}."""
    made = {}

    def from_example(name, change, source=wb.YUANJIANG):
        doc = wb.open_private(office, source, tmp)
        try:
            states = wb.unprotect_all(doc)
            change(doc)
            wb.protect_again(doc, states)
            made[name] = wb.store(doc, os.path.join(tmp, name + ".ods"))
        finally:
            wb.close(doc)

    def moved(doc):
        # two rows on top of 基础数据表 and 基本支出明细 …
        doc.Sheets.getByName(BUDGET).Rows.insertByIndex(0, 2)
        doc.Sheets.getByName(ITEMS).Rows.insertByIndex(0, 2)
        # … and 全年执行数 (D) of 项目支出 moved before 年初预算数 (B), as a
        # user drags a column: insert an empty B, move E (the old D) there,
        # remove the emptied E.  B → C, C → D, D → B.
        from com.sun.star.table import CellAddress, CellRangeAddress
        sheet = doc.Sheets.getByName(PROJECTS)
        index = sheet.getCellRangeByName("A1").RangeAddress.Sheet
        sheet.Columns.insertByIndex(1, 1)
        sheet.moveRange(CellAddress(index, 1, 0), CellRangeAddress(index, 4, 0, 4, 1048575))
        sheet.Columns.removeByIndex(4, 1)

    from_example("moved", moved)
    from_example("no-budget-sheet", lambda doc: doc.Sheets.removeByName(BUDGET))
    from_example("label-renamed",
                 lambda doc: wb.cell(doc, BUDGET + "!A5").setString("基本经费支出"))
    from_example("text-amount", lambda doc: wb.cell(doc, BUDGET + "!D5").setString("abc"))
    from_example("error-amount", lambda doc: wb.cell(doc, BUDGET + "!D6").setFormula("=1/0"))
    from_example("merged", lambda doc: doc.Sheets.getByName(BUDGET)
                 .getCellRangeByName("D5:E5").merge(True))

    doc = office.create()
    try:
        made["empty"] = wb.store(doc, os.path.join(tmp, "empty.ods"))
    finally:
        wb.close(doc)

    # a schema that is not JSON: the fourth line is broken at its third column
    made["bad-schema"] = os.path.join(tmp, "broken-schema.json")
    with open(made["bad-schema"], "w", encoding="utf-8") as f:
        f.write('{\n  "format": "jixiao-schema",\n  "version": 1,\n  oops: true\n}\n')
    # a 50 MB schema: valid JSON, far beyond any real schema
    made["huge-schema"] = os.path.join(tmp, "huge-schema.json")
    with open(made["huge-schema"], "w", encoding="utf-8") as f:
        f.write('{"format": "jixiao-schema", "version": 1, "id": "huge", "padding": "')
        chunk = "x" * (1 << 20)
        for _ in range(50):
            f.write(chunk)
        f.write('"}\n')
    return made


# --- the suite ---------------------------------------------------------------------

def check_run(tap, run, name, path=None, digest=None, need_json=True):
    """The office exited by itself; JSON written; the input unchanged."""
    tap.ok(run.exited, "%s: the office exits by itself (%.1f s)" % (name, run.seconds), run.describe())
    if need_json:
        tap.ok(run.data is not None, "%s: the outcome is written as JSON" % name, run.describe())
    if path is not None:
        tap.ok(os.path.exists(path) and wb.sha256(path) == digest,
               "%s: the input file is unchanged (SHA-256)" % name, path)


def main(profile):
    tap = Tap("workbook")
    tmp = wb.temp_dir("workbook")
    try:
        headless = wb.headless_profile(profile, tmp)
        with Office(profile) as office:
            copies = make_copies(office, tmp)
        run_suite(tap, headless, tmp, copies)
    except Exception:
        tap.crash("workbook suite")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return tap.finish()


def run_suite(tap, headless, tmp, copies):
    # 1. the three formats ------------------------------------------------------------
    models = {}
    for label, path in (("fods", wb.YUANJIANG), ("ods", wb.YUANJIANG_ODS), ("xlsx", wb.YUANJIANG_XLSX)):
        digest = wb.sha256(path)
        run = wb.extract(headless, path, os.path.join(tmp, "model-%s.json" % label))
        check_run(tap, run, "extract .%s" % label, path, digest)
        models[label] = run.data or {}
        results = expectations(models[label])
        if label == "fods":
            for name, ok, detail in results:
                tap.ok(ok, ".fods: " + name, detail)
        else:
            failed = [(name, detail) for name, ok, detail in results if not ok]
            tap.ok(not failed, ".%s: all %d expectations of the .fods hold" % (label, len(results)),
                   "\n".join("%s: %s" % f for f in failed[:10]))
    for label in ("ods", "xlsx"):
        problems = model_differences(models["fods"], models[label])
        tap.ok(not problems, ".%s extract equals the .fods extract (values, texts and cells)" % label,
               "\n".join(problems))

    # 2. rows inserted and a column moved ---------------------------------------------
    run = wb.extract(headless, copies["moved"], os.path.join(tmp, "model-moved.json"))
    check_run(tap, run, "extract of the moved copy", need_json=True)
    columns = {"B": "C", "C": "D", "D": "B"}

    def relocate(address):
        sheet, cell = address.split("!")
        if sheet in (BUDGET, ITEMS):
            return wb.shift(address, rows=2)
        return address

    moved = run.data or {}
    fields_only = {"fields": models["fods"].get("fields", {}), "tables": {}}
    problems = model_differences(fields_only, {"fields": moved.get("fields", {}), "tables": {}}, relocate)
    tap.ok(not problems, "moved copy: every field has its value, 2 rows lower on %s" % BUDGET,
           "\n".join(problems))
    for table, mapping in (("expense_items", lambda a: wb.shift(a, rows=2)),
                           ("projects", lambda a: wb.shift(a, columns=columns)),
                           ("indicators", lambda a: a)):
        problems = model_differences({"fields": {}, "tables": {table: models["fods"]["tables"][table]}},
                                     {"fields": {}, "tables": {table: moved.get("tables", {}).get(table, [])}},
                                     mapping)
        tap.ok(not problems, "moved copy: table %s has the same values, cells moved" % table,
               "\n".join(problems))
    executed = (moved.get("tables", {}).get("projects") or [{}])[0].get("executed", {})
    tap.ok(executed == {"value": 40, "cell": PROJECTS + "!B4"},
           "moved copy: 全年执行数 of the first project is read from its new column B", executed)
    item = (moved.get("tables", {}).get("expense_items") or [{}])[0].get("executed", {})
    tap.ok(same(item.get("value"), 273.77) and item.get("cell") == ITEMS + "!C6",
           "moved copy: 301 工资福利支出 273.77 is read from C6", item)
    original = wb.validate(headless, wb.YUANJIANG, os.path.join(tmp, "original-findings.json"))
    run = wb.validate(headless, copies["moved"], os.path.join(tmp, "moved-findings.json"))
    expected = sorted((f["code"], relocate("%s!%s" % (f["sheet"], f["cell"])))
                      for f in original.findings())
    got = sorted((f["code"], "%s!%s" % (f.get("sheet"), f.get("cell"))) for f in run.findings())
    tap.ok(len(expected) == 11 and got == expected,
           "moved copy: validate reports the example's 11 findings, moved with their cells",
           "expected %s\ngot %s" % (expected, got))

    # 3. hostile workbooks ---------------------------------------------------------------
    def validated(key):
        path = copies[key]
        digest = wb.sha256(path)
        run = wb.validate(headless, path, os.path.join(tmp, key + "-findings.json"))
        check_run(tap, run, "validate %s" % key, path, digest)
        if run.data is not None:
            tap.ok(not run.failure(), "%s: read without a failure" % key, run.failure())
        return run

    run = validated("no-budget-sheet")
    missing = run.findings("JX-SHEET-MISSING")
    tap.ok(len(missing) == 1 and BUDGET in missing[0]["message"]["zh"]
           and BUDGET in missing[0]["message"]["en"],
           "sheet removed: one JX-SHEET-MISSING naming %s" % BUDGET, wb.findings_summary(run.data))

    run = validated("label-renamed")
    labels = run.findings("JX-LABEL-MISSING")
    tap.ok(len(labels) >= 1 and all(f.get("sheet") == BUDGET for f in labels),
           "label renamed: JX-LABEL-MISSING on sheet %s" % BUDGET, wb.findings_summary(run.data))
    tap.ok(any("基本支出" in f["message"]["zh"] and " A " in f["message"]["zh"] and BUDGET in f["message"]["zh"]
               for f in labels),
           "label renamed: the message names the label 基本支出, column A and the sheet",
           wb.findings_summary(run.data))
    tap.ok(any("'基本支出'" in f["message"]["en"] and "column A" in f["message"]["en"] for f in labels),
           "label renamed: the English message names the label and column A",
           "\n".join(f["message"]["en"] for f in labels))

    run = validated("text-amount")
    found = run.findings("JX-NOT-A-NUMBER")
    at_d5 = [f for f in found if (f.get("sheet"), f.get("cell")) == (BUDGET, "D5")]
    tap.ok(len(at_d5) == 1, "\"abc\" in an amount: JX-NOT-A-NUMBER at %s!D5" % BUDGET,
           wb.findings_summary(run.data))
    tap.ok(bool(at_d5) and "abc" in at_d5[0]["message"]["zh"],
           "\"abc\" in an amount: the message quotes the text", at_d5)
    # the sum that has D5 among its parts says it left D5 out (no made-up total)
    tap.ok(any(f.get("cell") == "D4" and f.get("check") == "total-executed-parts" for f in found),
           "\"abc\" in an amount: the sum D4 = D5 + D6 reports D5 as not counted",
           wb.findings_summary(run.data))

    run = validated("error-amount")
    found = run.findings("JX-ERROR-VALUE")
    tap.ok((BUDGET, "D6") in [(f.get("sheet"), f.get("cell")) for f in found],
           "=1/0 in an amount: JX-ERROR-VALUE at %s!D6" % BUDGET, wb.findings_summary(run.data))

    run = validated("merged")
    codes = lambda r: sorted((f["code"], f.get("sheet"), f.get("cell")) for f in r.findings())
    tap.ok(codes(run) == codes(original),
           "merged D5:E5: the same findings as the unmerged example",
           wb.findings_summary(run.data))
    digest = wb.sha256(copies["merged"])
    run = wb.extract(headless, copies["merged"], os.path.join(tmp, "merged-model.json"))
    check_run(tap, run, "extract merged", copies["merged"], digest)
    value = (run.data or {}).get("fields", {}).get("spending.basic.executed", {})
    tap.ok(same(value.get("value"), 273.77) and value.get("cell") == BUDGET + "!D5",
           "merged D5:E5: 273.77 is read from the top-left cell D5", value)

    # an empty spreadsheet is not the workbook: one failure that says so and
    # names every required sheet, instead of a finding for each
    digest = wb.sha256(copies["empty"])
    run = wb.validate(headless, copies["empty"], os.path.join(tmp, "empty-findings.json"))
    check_run(tap, run, "validate empty workbook", copies["empty"], digest)
    failure = run.failure() or ""
    named = sorted(s for s in REQUIRED_SHEETS if s in failure)
    tap.ok("standard workbook" in failure and named == sorted(REQUIRED_SHEETS) and not run.findings(),
           "empty workbook: one failure naming the standard workbook and the %d required sheets, no findings"
           % len(REQUIRED_SHEETS), failure or wb.findings_summary(run.data))
    run = wb.extract(headless, copies["empty"], os.path.join(tmp, "empty-model.json"))
    check_run(tap, run, "extract empty workbook", copies["empty"], digest)
    tap.ok("standard workbook" in (run.failure() or "") and not (run.data or {}).get("fields"),
           "empty workbook: extract says it is not the workbook, and extracts nothing", run.describe())

    # 4. schemas that cannot be loaded ----------------------------------------------------
    # cJSON stops one character past the place ("near line 4, column 4"): accept 3 or 4
    for key, name, wanted in (("bad-schema", "a schema that is not JSON", ("line 4", "column ")),
                              ("huge-schema", "a 50 MB schema", ("too large",))):
        digest = wb.sha256(wb.YUANJIANG)
        schema_digest = wb.sha256(copies[key])
        run = wb.validate(headless, wb.YUANJIANG, os.path.join(tmp, key + "-validate.json"),
                          schema=copies[key])
        check_run(tap, run, "validate with %s" % name, wb.YUANJIANG, digest)
        failure = run.failure() or ""
        tap.ok(all(w in failure for w in wanted) and
               (key != "bad-schema" or re.search(r"line 4, column [34]\b", failure)),
               "%s: \"failure\" says %s" % (name, "line 4, column 3" if key == "bad-schema" else "too large"),
               failure or run.describe())
        tap.ok(not run.findings(), "%s: no findings are made up" % name, wb.findings_summary(run.data))
        tap.ok(wb.sha256(copies[key]) == schema_digest, "%s: the schema file is unchanged" % name)
        run = wb.extract(headless, wb.YUANJIANG, os.path.join(tmp, key + "-extract.json"),
                         schema=copies[key])
        tap.ok(run.exited, "extract with %s: the office exits by itself" % name, run.describe())
        # headless.c promises: "The outcome is always written to `out` (with
        # "failure" set when the job could not run)".  Known failure when written
        # (reported): run_extract writes nothing when the job fails.
        failure = (run.data or {}).get("failure", "")
        tap.ok(run.data is not None and all(w in failure for w in wanted),
               "extract with %s: writes its outcome with \"failure\" to out" % name, run.describe())

    # 5. a file that is not there ---------------------------------------------------------------
    missing_book = os.path.join(tmp, "no-such-workbook.ods")
    run = wb.validate(headless, missing_book, os.path.join(tmp, "missing-findings.json"))
    check_run(tap, run, "validate a missing file")
    tap.ok("no-such-workbook.ods" in (run.failure() or ""),
           "missing file: \"failure\" names the file", run.failure() or run.describe())
    tap.ok(not os.path.exists(missing_book), "missing file: nothing is created in its place")


if __name__ == "__main__":
    start = time.time()
    status = main(sys.argv[1])
    print("# workbook suite: %.0f s" % (time.time() - start))
    sys.exit(status)
