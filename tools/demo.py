"""The demo: opens a workbook of Jixiao formulas in a headless LibreOffice
(Jixiao installed in the given profile), recalculates it and prints each
formula with the value Calc computed; or prints a batch's summary.json as a
table (each workbook with the figures its form shows).

    /usr/bin/python3 tools/demo.py PROFILE examples/functions.fods
    /usr/bin/python3 tools/demo.py --summary build/demo/batch/summary.json
"""
import json
import os
import sys
import unicodedata

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "integration"))
from office import Office  # noqa: E402


def width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text, size):
    return text + " " * max(0, size - width(text))


def summary(path):
    with open(path, encoding="utf-8") as f:
        rows = json.load(f)
    lines = []
    for row in rows:
        figures = ["%s %s" % (f["label"]["zh"], f["text"]) for f in row.get("summary", []) if f["text"]]
        lines.append((os.path.basename(row["source"]), "  ".join(figures) or row.get("failure", "")))
    size = max(width(name) for name, _ in lines)
    for name, text in lines:
        print("  " + pad(name, size) + "  " + text)
    return 0


def main(profile, path):
    with Office(profile) as office:
        doc = office.open(path)
        doc.calculateAll()
        sheet = doc.Sheets.getByIndex(0)
        rows = []
        row = 1
        while sheet.getCellByPosition(2, row).getString():
            result = sheet.getCellByPosition(3, row)
            shown = result.getString() if not result.getError() else "Err:%d" % result.getError()
            rows.append((sheet.getCellByPosition(0, row).getString(),
                         sheet.getCellByPosition(2, row).getString(), shown))
            row += 1
        doc.close(True)
    sizes = [max(width(r[i]) for r in rows) for i in range(3)]
    for r in rows:
        print("  ".join(pad(r[i], sizes[i]) for i in range(3)))
    return 0 if rows else 1


if __name__ == "__main__":
    sys.exit(summary(sys.argv[2]) if sys.argv[1] == "--summary" else main(sys.argv[1], sys.argv[2]))
