"""The demo: opens a workbook of Jixiao formulas in a headless LibreOffice
(Jixiao installed in the given profile), recalculates it and prints each
formula with the value Calc computed.

    /usr/bin/python3 tools/demo.py PROFILE examples/functions.fods
"""
import os
import sys
import unicodedata

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "integration"))
from office import Office  # noqa: E402


def width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text, size):
    return text + " " * max(0, size - width(text))


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
    sys.exit(main(sys.argv[1], sys.argv[2]))
