#!/usr/bin/python3
"""run_office.py: generated departments through the real office, in ONE
session, with Jixiao installed.

    run_office.py PROFILE DIR        (DIR/office/manifest.json from generate.py)

For every workbook of the manifest, through the headless door inside the
running office (service org.jixiao.Headless, stay=1):
  - validate with its schema: the findings (code, sheet, cell) must be
    exactly the expected ones (none for a clean department, the planted
    fault's one otherwise);
  - for a clean department, compute into two copies, mode=values and
    mode=formulas; both are opened, recalculated, and every computed cell
    must show the same in both (the formulas are evaluated by Calc, the
    JX functions by the add-in).
The input workbooks are never written (their SHA-256 is checked).

Output: one TAP line per workbook and "# generator (office): …" figures.
"""
import hashlib
import json
import os
import sys
import tempfile
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
sys.dont_write_bytecode = True

import uno  # noqa: E402,F401  Debian's python3-uno

from office import Office, close_document  # noqa: E402
import workbooks as wb  # noqa: E402


def quote(value):
    if os.sep in value:
        value = os.path.abspath(value)
    return urllib.parse.quote(value, safe="")


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def door(headless, command, **args):
    parts = [command] + ["%s=%s" % (k, quote(v)) for k, v in args.items()] + ["stay=1"]
    headless.trigger("&".join(parts))


def found_keys(data):
    return sorted("%s %s!%s" % (f["code"], f.get("sheet"), f.get("cell")) for f in (data or {}).get("findings", []))


def read_computed(office, path, cells):
    doc = office.open(path)
    try:
        doc.calculateAll()
        return {"%s!%s" % (s, c): wb.cell_value(wb.cell(doc, "%s!%s" % (s, c))) for s, c in cells}
    finally:
        close_document(doc)


def same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a))
    return a == b


def main():
    profile, directory = sys.argv[1], sys.argv[2]
    office_dir = os.path.join(directory, "office")
    with open(os.path.join(office_dir, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    tmp = tempfile.mkdtemp(prefix="jixiao-generator-")
    counts = dict(workbooks=0, departments=0, clean=0, faults=0, found=0, false=0, compared=0, cells=0,
                  disagree=0, same_as_clean=0, failed=0)
    clean_fields = {}          # field id -> what Compute showed in the last clean department
    start = time.time()
    with Office(profile, timeout=120) as office:
        headless = office.create_instance("org.jixiao.Headless")
        for n, case in enumerate(manifest, 1):
            path = os.path.join(office_dir, case["file"])
            schema = os.path.join(directory, case["schema"])
            digest = sha256(path)
            problems = []
            out = os.path.join(tmp, case["id"] + ".json")
            door(headless, "validate", **{"in": path, "out": out, "schema": schema})
            try:
                with open(out, encoding="utf-8") as f:
                    data = json.load(f)
            except (OSError, ValueError) as e:
                data = None
                problems.append("no findings JSON: %s" % e)
            if data and data.get("failure"):
                problems.append("failure: %s" % data["failure"])
            expected = sorted("%s %s!%s" % (e["code"], e["sheet"], e["cell"]) for e in case["expect"])
            got = found_keys(data)
            missing = [e for e in expected if e not in got]
            extra = list(got)
            for e in expected:
                if e in extra:
                    extra.remove(e)
            problems += ["missed: %s" % m for m in missing]
            for f in (data or {}).get("findings", []):
                if "%s %s!%s" % (f["code"], f.get("sheet"), f.get("cell")) in extra:
                    problems.append("unexpected: %s %s!%s %s" % (f["code"], f.get("sheet"), f.get("cell"),
                                                                 f["message"]["zh"][:100]))
            counts["false"] += len(extra)
            if case["fault"]:
                counts["faults"] += 1
                counts["found"] += not missing
            else:
                counts["departments"] += 1
            if case["same_as_clean"]:
                # a blank row inside a table changes no total, score or grade
                copy = os.path.join(tmp, "%s-values.ods" % case["id"])
                door(headless, "compute", **{"in": path, "out": copy, "mode": "values", "schema": schema})
                cells = [tuple(where) for where in case["fields"].values()]
                shown = read_computed(office, copy, cells) if os.path.exists(copy) else {}
                for fid, (sheet, cell) in case["fields"].items():
                    got = shown.get("%s!%s" % (sheet, cell))
                    if fid in clean_fields and not same(got, clean_fields[fid]):
                        problems.append("%s: Compute shows %r, in the clean copy %r" % (fid, got, clean_fields[fid]))
                counts["same_as_clean"] += 1
            if case["computed"]:
                shown = {}
                for mode in ("values", "formulas"):
                    copy = os.path.join(tmp, "%s-%s.ods" % (case["id"], mode))
                    door(headless, "compute", **{"in": path, "out": copy, "mode": mode, "schema": schema})
                    shown[mode] = read_computed(office, copy, case["computed"]) if os.path.exists(copy) else None
                    if shown[mode] is None:
                        problems.append("compute (%s) wrote no copy" % mode)
                if shown["values"] is not None and shown["formulas"] is not None:
                    counts["compared"] += 1
                    bad = ["%s: values %r, formulas %r" % (cell, shown["values"][cell], shown["formulas"][cell])
                           for cell in sorted(shown["values"])
                           if not same(shown["values"][cell], shown["formulas"][cell])]
                    counts["cells"] += len(shown["values"])
                    counts["disagree"] += bool(bad)
                    problems += ["formulas and values disagree: " + b for b in bad[:10]]
                    clean_fields = {fid: shown["values"].get("%s!%s" % (sheet, cell))
                                    for fid, (sheet, cell) in case["fields"].items()}
            if sha256(path) != digest:
                problems.append("the input workbook was changed")
            ok = not problems
            counts["workbooks"] += 1
            counts["failed"] += not ok
            counts["clean"] += ok and not case["fault"]
            print("%s %d %s (%s, %s)" % ("ok" if ok else "not ok", n, case["id"], case["department"],
                                         case["variant"]))
            for p in problems:
                print("#   " + p)
            sys.stdout.flush()
    print("1..%d" % counts["workbooks"])
    print("# generator (office): %(departments)d departments validated (%(clean)d clean), %(faults)d faults "
          "planted, %(found)d found at their cell, %(false)d false findings; formulas and values compared on "
          "%(compared)d departments (%(cells)d cells), %(disagree)d disagree; %(same_as_clean)d with a blank row "
          "compute as without it" % counts
          + " (%.0f s)" % (time.time() - start))
    return 1 if counts["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
