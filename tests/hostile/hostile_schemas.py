"""Hostile report templates: schemas under the 8 MB limit whose report would
expand past what Writer can lay out, each run through `tools/jixiao report`.

Usage: /usr/bin/python3 tests/hostile/hostile_schemas.py PROFILE OUTDIR [--timeout 60]

Each schema is the default schema (registration/schema/) with its report
replaced by one attack:

  literal       a 6 MB literal paragraph                       (refused at compile)
  placeholders  300 000 placeholders in 4 900-character strings (refused at compile)
  each          a thousand "each" loops                         (refused at compile)
  nested        a table of every line item for every line item, on a workbook
                of 3 000 line items: 3 million cells            (stopped while rendering)
  items         every group listing its 200 items with a 400-character text
                each, on the same workbook                      (stopped while rendering)

Every run must end, within --timeout seconds, with exit status 2, the
template's JSON path ($.report…) in what it says, no report written, no lock
file left beside the workbook or in the output folder, and the workbook's
SHA-256 unchanged.  One TAP line per schema, the seconds each took, and a
"# hostile schemas:" summary line.
"""
import argparse
import copy
import hashlib
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SCHEMA = os.path.join(ROOT, "registration", "schema", "hunan-department-2023.json")
EXAMPLE = os.path.join(ROOT, "examples", "yuanjiang-cast-2023.fods")
JIXIAO = os.path.join(ROOT, "tools", "jixiao")
LIMIT = 8 * 1024 * 1024      # the schema loader's size limit


def report_with(body, sections=None):
    return {"title": "{department}{year}年度部门整体支出绩效自评报告",
            "sections": sections or [{"title": "部门基本情况", "body": body}]}


def attacks():
    """(name, report template, workbook kind, where the path must point)"""
    literal = "很长的文字" * 400000                      # 2 000 000 characters, 6 MB
    placeholders = ["{department}" * 408] * 736          # 4 896 characters each, 300 288 placeholders
    loops = [{"each": "expense_items", "paragraph": "{.name}{.executed|amount}万元"}] * 1000
    nested = [{"each": "expense_items", "table": {
        "source": "expense_items", "header": ["科目", "金额"], "row": ["{.name}", "{.executed|amount}"]}}]
    items = [{"each": "expense_items", "rows": "groups", "paragraph": "{.name}：{items}",
              "items": {"paragraph": "{.name}" + "经" * 400 + "{.executed|amount}万元"}}]
    return [
        ("literal", report_with(["开头", literal]), "example", r"\$\.report\.sections\[0\]\.body\[1\]"),
        ("placeholders", report_with(placeholders), "example", r"\$\.report\.sections\[0\]\.body\[\d+\]"),
        ("each", report_with(loops), "example", r"\$\.report\.sections\[0\]\.body\[200\]"),
        ("nested", report_with(nested), "large", r"\$\.report\.sections\[0\]\.body\[0\]\.table"),
        ("items", report_with(items), "large", r"\$\.report\.sections\[0\]\.body\[0\]\.items\.paragraph"),
    ]


def large_workbook(path, items=3000):
    """The example workbook with `items` more line items under 310 (资本性支出)."""
    text = open(EXAMPLE, encoding="utf-8").read()
    anchor = text.index("<text:p>30101</text:p>")
    row_start = text.rindex("<table:table-row", 0, anchor)
    row = ("<table:table-row table:style-name=\"ro16\">"
           "<table:table-cell office:value-type=\"string\" calcext:value-type=\"string\"><text:p>3109%05d</text:p>"
           "</table:table-cell><table:table-cell office:value-type=\"string\" calcext:value-type=\"string\">"
           "<text:p>明细%d</text:p></table:table-cell><table:table-cell office:value-type=\"float\" "
           "office:value=\"1\" calcext:value-type=\"float\"><text:p>1</text:p></table:table-cell></table:table-row>\n")
    rows = "".join(row % (i, i) for i in range(items))
    with open(path, "w", encoding="utf-8") as f:
        f.write(text[:row_start] + rows + text[row_start:])


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def locks(folder):
    return [name for name in os.listdir(folder) if name.startswith(".~lock.")]


def main(argv):
    parser = argparse.ArgumentParser(usage=__doc__.split("\n\n")[1][len("Usage: "):])
    parser.add_argument("profile")
    parser.add_argument("out")
    parser.add_argument("--timeout", type=int, default=60)
    options = parser.parse_args(argv[1:])
    timeout = options.timeout
    profile, out = os.path.abspath(options.profile), os.path.abspath(options.out)
    os.makedirs(out, exist_ok=True)
    books = {"example": os.path.join(out, "example.fods"), "large": os.path.join(out, "large.fods")}
    with open(EXAMPLE, "rb") as src, open(books["example"], "wb") as dst:
        dst.write(src.read())
    large_workbook(books["large"])
    base = json.load(open(SCHEMA, encoding="utf-8"))
    failed = 0
    seconds = []
    cases = attacks()
    for n, (name, report, book_kind, path_pattern) in enumerate(cases, 1):
        schema = copy.deepcopy(base)
        schema["report"] = report
        schema_path = os.path.join(out, "schema-%s.json" % name)
        data = json.dumps(schema, ensure_ascii=False).encode("utf-8")
        problems = []
        if len(data) > LIMIT:
            problems.append("the schema is %d bytes, over the loader's limit" % len(data))
        with open(schema_path, "wb") as f:
            f.write(data)
        book = books[book_kind]
        reports = os.path.join(out, "reports-%s" % name)
        os.makedirs(reports, exist_ok=True)
        before = sha256(book)
        began = time.time()
        try:
            run = subprocess.run([JIXIAO, "--profile", profile, "report", book, "--schema", schema_path,
                                  "--out", reports, "--formats", "odt", "--lang", "en"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=timeout)
            status, said = run.returncode, run.stdout + run.stderr
        except subprocess.TimeoutExpired:
            status, said = None, ""
            problems.append("no outcome within %d s" % timeout)
        took = time.time() - began
        seconds.append(took)
        if status is not None and status != 2:
            problems.append("exit status %s, not 2" % status)
        if status is not None and not re.search(path_pattern, said):
            problems.append("the template's path (%s) is not in what it said: %s" % (path_pattern, said.strip()[-300:]))
        written = [f for f in os.listdir(reports) if f.endswith(".odt")]
        if written:
            problems.append("a report was written: %s" % written)
        left = locks(reports) + locks(os.path.dirname(book))
        if left:
            problems.append("lock files left behind: %s" % left)
        if sha256(book) != before:
            problems.append("the workbook changed")
        message = next((line for line in said.splitlines() if "$.report" in line), said.strip()[-160:])
        print("%s %d %s %.1f s: %s" % ("not ok" if problems else "ok", n, name, took, message[:200]))
        for p in problems:
            print("#   %s" % p)
        failed += bool(problems)
        sys.stdout.flush()
    print("# hostile schemas: %d through tools/jixiao report, %d failed, slowest %.1f s (bound %d s)"
          % (len(cases), failed, max(seconds), timeout))
    print("1..%d" % len(cases))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
