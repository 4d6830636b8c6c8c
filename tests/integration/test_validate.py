"""Validation through the headless door: the Yuanjiang example must give
exactly the findings examples/README.md lists (code, severity, sheet, cell,
check and the figures of the message), its corrected copy none, and its
.xlsx and .ods twins the same as the flat file.  Hostile workbooks (errors
everywhere, 10 000 line items, a formula cycle, random bytes, a missing file)
must each end with a JSON outcome, the office exiting by itself and the
input unchanged.
"""
import os
import random
import shutil
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree

from office import Office  # noqa: E402
from tap import Tap  # noqa: E402
import workbooks as wb  # noqa: E402
from workbooks import BUDGET, INDICATORS, ITEMS  # noqa: E402

# examples/README.md, "The Yuanjiang example … inconsistencies carried":
# (code, severity, sheet, cell, check, figures the message must quote)
EXPECTED = [
    ("JX-SUM-MISMATCH", "error", BUDGET, "D5", "basic-classes", ["273.77", "320.45", "46.68"]),
    ("JX-SUM-MISMATCH", "error", ITEMS, "C4", "expense-groups", ["273.77", "217.56", "56.21"]),
    ("JX-SUM-MISMATCH", "error", ITEMS, "C13", "expense-groups", ["41.73", "43.06", "1.33"]),
    ("JX-SUM-MISMATCH", "error", ITEMS, "C31", "expense-groups", ["4.62", "10.02", "5.40"]),
    ("JX-PART-EXCEEDS-TOTAL", "error", ITEMS, "C35", "expense-groups", ["5.40", "4.62"]),
    ("JX-SUM-MISMATCH", "error", BUDGET, "D6", "project-executed-parts", ["136.64", "114.41", "22.23"]),
    ("JX-SAME-ROUNDING", "note", INDICATORS, "E11", "total-cost-indicator", ["410.41", "410.42"]),
    ("JX-PEOPLE-IN-MONEY", "error", INDICATORS, "E13", "indicators", ["超过6万元", "6万人次"]),
    ("JX-UNMET-NO-REASON", "error", INDICATORS, "J11", "indicators", ["85.98%"]),
    ("JX-UNMET-NO-REASON", "error", INDICATORS, "J8", "indicators", ["83.33%"]),
    ("JX-OVERACHIEVED-NO-REASON", "warning", INDICATORS, "J7", "indicators", ["137.50%"]),
]

EXTRA_ITEMS = 10000


def key(f):
    return (f["code"], f["severity"], f.get("sheet"), f.get("cell"), f.get("check"))


def check_exit(tap, run, name, path=None, digest=None):
    tap.ok(run.exited, "%s: the office exits by itself within %d s (%.1f s)"
           % (name, wb.HEADLESS_TIMEOUT, run.seconds), run.describe())
    tap.ok(run.data is not None and ("failure" in run.data or "findings" in run.data),
           "%s: the outcome is written as JSON" % name, run.describe())
    if path is not None:
        tap.ok(os.path.exists(path) and wb.sha256(path) == digest,
               "%s: the input file is unchanged (SHA-256)" % name)


# --- hostile copies -------------------------------------------------------------------

ERRORS = ["=1/0", "=NA()", "=SQRT(-1)", "=\"a\"+1", "=NOSUCHFUNCTION(1)", "=#REF!+1"]


def make_copies(office, tmp):
    made = {}

    def from_example(name, change):
        doc = wb.open_private(office, wb.YUANJIANG, tmp)
        try:
            states = wb.unprotect_all(doc)
            change(doc)
            wb.protect_again(doc, states)
            made[name] = wb.store(doc, os.path.join(tmp, name + ".ods"))
        finally:
            wb.close(doc)

    def all_errors(doc):
        # every cell of the three data blocks of 基础数据表 (B4:E6, B9:C10,
        # B13:D19) holds an error formula, six kinds in turn
        sheet = doc.Sheets.getByName(BUDGET)
        blocks = [("B4:E6", 4, 3), ("B9:C9", 2, 1), ("B13:D19", 3, 7)]
        n = 0
        for name, columns, rows in blocks:
            array = []
            for r in range(rows):
                row = []
                for c in range(columns):
                    row.append(ERRORS[n % len(ERRORS)])
                    n += 1
                array.append(tuple(row))
            sheet.getCellRangeByName(name).setFormulaArray(tuple(array))
        sheet.getCellRangeByName("B10").setFormula("=1/0")

    def many_items(doc):
        # 10 000 line items of 310 资本性支出 before 合计 (row 38), 0.01 each,
        # written with one setDataArray: 310 then totals 0.33 + 100.00
        sheet = doc.Sheets.getByName(ITEMS)
        sheet.Rows.insertByIndex(37, EXTRA_ITEMS)
        rows = tuple(("3109%04d" % i, "测试明细%d" % i, 0.01) for i in range(EXTRA_ITEMS))
        sheet.getCellRangeByPosition(0, 37, 2, 37 + EXTRA_ITEMS - 1).setDataArray(rows)

    def cycle(doc):
        # 基础数据表!D5 = F5 and F5 = D5: a circular reference (Err:522)
        sheet = doc.Sheets.getByName(BUDGET)
        sheet.getCellRangeByName("F5").setFormula("=D5")
        sheet.getCellRangeByName("D5").setFormula("=F5")

    from_example("all-errors", all_errors)
    from_example("many-items", many_items)
    from_example("cycle", cycle)

    made["random"] = os.path.join(tmp, "random-bytes.ods")
    generator = random.Random(20231231)
    with open(made["random"], "wb") as f:
        f.write(bytes(generator.getrandbits(8) for _ in range(256 * 1024)))
    return made


# --- the suite -----------------------------------------------------------------------------

def main(profile):
    tap = Tap("validate")
    tmp = wb.temp_dir("validate")
    try:
        headless = wb.headless_profile(profile, tmp)
        with Office(profile) as office:
            copies = make_copies(office, tmp)
        run_suite(tap, headless, tmp, copies)
    except Exception:
        tap.crash("validate suite")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return tap.finish()


def run_suite(tap, headless, tmp, copies):
    # 1. the example ---------------------------------------------------------------------
    digest = wb.sha256(wb.YUANJIANG)
    run = wb.validate(headless, wb.YUANJIANG, os.path.join(tmp, "yuanjiang.json"))
    check_exit(tap, run, "validate the example", wb.YUANJIANG, digest)
    data = run.data or {}
    tap.ok(not run.failure(), "the example: no failure", run.failure())
    tap.ok(data.get("source") == wb.YUANJIANG and data.get("schema") == "hunan-department-2023",
           "the example: source and schema id are named", {k: data.get(k) for k in ("source", "schema")})
    findings = run.findings()
    for code, severity, sheet, cell, check, figures in EXPECTED:
        at = [f for f in findings if f.get("sheet") == sheet and f.get("cell") == cell and f["code"] == code]
        tap.ok(len(at) == 1 and key(at[0]) == (code, severity, sheet, cell, check),
               "%s (%s, %s) at %s!%s" % (code, severity, check, sheet, cell),
               at or wb.findings_summary(data))
        message = at[0]["message"]["zh"] if at else ""
        tap.ok(all(x in message for x in figures),
               "%s at %s!%s quotes %s" % (code, sheet, cell, ", ".join(figures)), message)
    expected_keys = sorted(e[:5] for e in EXPECTED)
    tap.ok(sorted(key(f) for f in findings) == expected_keys,
           "the example: nothing else is reported (%d findings)" % len(EXPECTED),
           wb.findings_summary(data))
    errors = [f for f in findings if f["severity"] == "error"]
    tap.ok(len(errors) == 9, "the example: 9 errors", wb.findings_summary({"findings": errors}))
    tap.ok((data.get("errors"), data.get("warnings"), data.get("notes")) == (9, 1, 1),
           "the example: the counts read 9 errors, 1 warning, 1 note",
           {k: data.get(k) for k in ("errors", "warnings", "notes")})
    # every finding carries an English message (the door's JSON has both
    # languages; "en" must not be the Chinese text again)
    untranslated = [f for f in findings if f["message"]["en"] == f["message"]["zh"]]
    tap.ok(not untranslated, "the example: every finding has an English message",
           "\n".join("%s %s!%s en=%s" % (f["code"], f.get("sheet"), f.get("cell"), f["message"]["en"][:70])
                     for f in untranslated))
    reference = sorted(key(f) for f in findings)

    # 2. the twins and the corrected copy ----------------------------------------------------------
    for label, path in (("xlsx", wb.YUANJIANG_XLSX), ("ods", wb.YUANJIANG_ODS)):
        digest = wb.sha256(path)
        run = wb.validate(headless, path, os.path.join(tmp, "twin-%s.json" % label))
        check_exit(tap, run, "validate the .%s twin" % label, path, digest)
        tap.ok(sorted(key(f) for f in run.findings()) == reference,
               "the .%s twin: the same codes, severities and cells as the .fods" % label,
               wb.findings_summary(run.data))
        same_text = all(any(f["message"]["zh"] == g["message"]["zh"] for g in findings)
                        for f in run.findings())
        tap.ok(same_text and run.findings(), "the .%s twin: the same messages as the .fods" % label,
               wb.findings_summary(run.data))

    for label, path in (("fods", wb.CORRECTED), ("xlsx", wb.CORRECTED_XLSX)):
        digest = wb.sha256(path)
        run = wb.validate(headless, path, os.path.join(tmp, "corrected-%s.json" % label))
        check_exit(tap, run, "validate the corrected .%s" % label, path, digest)
        counts = {k: (run.data or {}).get(k) for k in ("errors", "warnings", "notes")}
        tap.ok(counts == {"errors": 0, "warnings": 0, "notes": 0} and not run.findings()
               and not run.failure(),
               "the corrected .%s: 0 errors, 0 warnings, 0 notes" % label,
               "%s\n%s" % (counts, wb.findings_summary(run.data)))

    # 3. hostile workbooks -------------------------------------------------------------------------
    def hostile(name, path):
        exists = os.path.exists(path)
        digest = wb.sha256(path) if exists else None
        run = wb.validate(headless, path, os.path.join(tmp, "hostile-%s.json" % name.replace(" ", "-")))
        check_exit(tap, run, name, path if exists else None, digest)
        return run

    run = hostile("errors everywhere in 基础数据表", copies["all-errors"])
    cells = {f.get("cell") for f in run.findings("JX-ERROR-VALUE") if f.get("sheet") == BUDGET}
    inputs = set(wb.cells_of("B4:D6")) | {"B9"} | set(wb.cells_of("D13:D15"))
    tap.ok(not run.failure() and inputs <= cells,
           "errors everywhere: JX-ERROR-VALUE at every input amount (B4:D6, B9, D13:D15)",
           "missing: %s\n%s" % (sorted(inputs - cells), wb.findings_summary(run.data, 60)))
    sums = [f for f in run.findings("JX-SUM-MISMATCH") if f.get("sheet") == BUDGET]
    tap.ok(not sums, "errors everywhere: no sum of 基础数据表 is made up from error cells",
           wb.findings_summary({"findings": sums}))

    run = hostile("10 000 line items", copies["many-items"])
    at = [f for f in run.findings("JX-SUM-MISMATCH") if (f.get("sheet"), f.get("cell")) == (ITEMS, "C36")]
    tap.ok(len(at) == 1 and "0.33" in at[0]["message"]["zh"] and "100.33" in at[0]["message"]["zh"],
           "10 000 line items: 310 资本性支出 0.33 ≠ 100.33 is reported at %s!C36" % ITEMS,
           wb.findings_summary(run.data))
    others = sorted(key(f) for f in run.findings() if (f.get("sheet"), f.get("cell")) != (ITEMS, "C36"))
    tap.ok(others == reference, "10 000 line items: otherwise the example's findings",
           wb.findings_summary(run.data))
    tap.ok(run.seconds < 60, "10 000 line items: validated in under 60 s (%.1f s)" % run.seconds)

    run = hostile("a formula cycle", copies["cycle"])
    at = [f for f in run.findings() if (f.get("sheet"), f.get("cell")) == (BUDGET, "D5")]
    tap.ok(any(f["code"] == "JX-ERROR-VALUE" for f in at),
           "a formula cycle: JX-ERROR-VALUE at %s!D5 (Err:522)" % BUDGET, wb.findings_summary(run.data))

    run = hostile("random bytes named .ods", copies["random"])
    tap.ok(bool(run.failure()) and "random-bytes.ods" in run.failure() and not run.findings(),
           "random bytes: \"failure\" names the file, no findings", run.failure() or run.describe())

    missing = os.path.join(tmp, "missing.ods")
    run = hostile("a missing file", missing)
    tap.ok(bool(run.failure()) and "missing.ods" in run.failure() and not run.findings(),
           "a missing file: \"failure\" names the file, no findings", run.failure() or run.describe())
    tap.ok(not os.path.exists(missing), "a missing file: nothing is created in its place")


if __name__ == "__main__":
    start = time.time()
    status = main(sys.argv[1])
    print("# validate suite: %.0f s" % (time.time() - start))
    sys.exit(status)
