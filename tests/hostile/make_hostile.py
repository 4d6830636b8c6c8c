"""Writes N malformed workbooks into a directory (default build/hostile/cases),
made from examples/standard-workbook.fods and examples/yuanjiang-cast-2023.fods.

Usage: /usr/bin/python3 tests/hostile/make_hostile.py N [OUTDIR] [--seed S]

Case i is fully determined by (S, i): its class, base workbook, format and
the random choices inside the class, so `make_hostile.py 100` writes the
first 100 cases of `make_hostile.py 1000` (the same changes to the same
cells; the stored bytes differ only in what the office stamps, such as dates).  Each case i cycles through CLASSES, so any N >= len(CLASSES)
covers every class; about one case in three also gets a second, random
class on top.

Most classes change the workbook through the office API (a headless
LibreOffice on a private profile, no Jixiao installed) and store it as
.ods, .xlsx or .fods; the raw classes work on the bytes of a stored file
(truncated zip, random bytes, an .xlsx that is a renamed .ods, an empty
file, broken XML, odd .xlsx parts).  OUTDIR/manifest.tsv lists
"file<TAB>class<TAB>base<TAB>description" for the runner.
"""
import hashlib
import io
import os
import random
import re
import shutil
import subprocess
import sys
import time
import zipfile

import uno  # Debian's python3-uno: run with /usr/bin/python3

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))

from office import Office  # noqa: E402
import workbooks as wb  # noqa: E402

GENERATOR_VERSION = 3
BASES = {"standard": wb.STANDARD, "yuanjiang": wb.YUANJIANG}
FORMATS = [".ods", ".xlsx", ".fods"]

ERROR_FORMULAS = ["=1/0", "=NA()", "=SQRT(-1)", "=\"a\"+1", "=NOSUCHFUNCTION(1)", "=#REF!+1",
                  "=1E308*10", "=INDIRECT(\"nowhere\")", "=ROW()/0"]
TEXTS_FOR_NUMBERS = ["很多", "三百", "1,2,3", "410.41万", "N/A", " ", "١٢٣", "1e999", "-",
                     "≥300人次", "12万元整", "0x1F", "∞", "NaN", "＋１２３．４", "1.2.3", "\t",
                     "=1+1", "'410.41", "一千二百三十四万五千六百七十八亿"]
EXTREMES = [1e308, -1e308, -0.0, 5e-324, 1.7976931348623157e308, -1e-300, 1e15, -410.41,
            999999999999.995, 2.5e-12, 4294967296.5, 1e20]
ODD_TEXTS = ["\u200b单位名称", "单位名称\u3000：", "主要\u202e职责", "\u0001\u0002", "合\u00a0计",
             "ｓｃｏｒｅ", "𠀀𠀁𠀂", "\ufeff科目编码", "合计合计合计", "科目编码 ", "%s{}\\n\"'<>&"]
DATA_SHEETS = [wb.INFO, wb.BUDGET, wb.ITEMS, wb.PROJECTS, wb.INDICATORS]


# --- helpers on documents ---------------------------------------------------------------

def sheet_of(doc, rng, names=None):
    names = [n for n in (names or DATA_SHEETS) if doc.Sheets.hasByName(n)]
    if not names:
        return doc.Sheets.getByIndex(0)
    return doc.Sheets.getByName(rng.choice(names))


def cells_where(sheet, kind):
    """(col, row) of the used area's cells holding a number ("number"), text
    ("text"), or anything ("any")."""
    columns, rows = wb.used_area(sheet)
    columns, rows = min(columns, 30), min(rows, 400)
    data = sheet.getCellRangeByPosition(0, 0, columns - 1, rows - 1).getDataArray()
    found = []
    for r, row in enumerate(data):
        for c, value in enumerate(row):
            if kind == "any" or (kind == "number" and isinstance(value, float) and value != 0) \
                    or (kind == "number" and isinstance(value, float) and c > 0 and r > 2) \
                    or (kind == "text" and isinstance(value, str) and value):
                found.append((c, r))
    return found


def pick_cells(doc, rng, kind, count):
    picked = []
    for _ in range(count):
        sheet = sheet_of(doc, rng)
        cells = cells_where(sheet, kind)
        if cells:
            picked.append((sheet, rng.choice(cells)))
    return picked


def data_cell(doc, rng):
    """A cell in the data part of a data sheet (B–J, rows 3–40)."""
    sheet = sheet_of(doc, rng)
    return sheet, sheet.getCellByPosition(rng.randint(1, 9), rng.randint(2, 39))


# --- the classes that change a document ---------------------------------------------------
# Each takes (doc, rng) and returns a short description.

def m_error_cells(doc, rng):
    n = rng.randint(1, 40)
    done = 0
    for sheet, (c, r) in pick_cells(doc, rng, "number", n) + pick_cells(doc, rng, "text", n // 3):
        sheet.getCellByPosition(c, r).setFormula(rng.choice(ERROR_FORMULAS))
        done += 1
    for _ in range(n // 2):
        _, cell = data_cell(doc, rng)
        cell.setFormula(rng.choice(ERROR_FORMULAS))
        done += 1
    return "%d error formulas" % done


def m_text_in_numbers(doc, rng):
    n = rng.randint(1, 30)
    done = 0
    for sheet, (c, r) in pick_cells(doc, rng, "number", n):
        sheet.getCellByPosition(c, r).setString(rng.choice(TEXTS_FOR_NUMBERS))
        done += 1
    for _ in range(n):
        _, cell = data_cell(doc, rng)
        cell.setString(rng.choice(TEXTS_FOR_NUMBERS))
        done += 1
    return "%d texts in number cells" % done


def m_extreme_numbers(doc, rng):
    n = rng.randint(1, 30)
    for _ in range(n):
        _, cell = data_cell(doc, rng)
        cell.setValue(rng.choice(EXTREMES))
    for sheet, (c, r) in pick_cells(doc, rng, "number", n):
        sheet.getCellByPosition(c, r).setValue(rng.choice(EXTREMES))
    return "%d extreme numbers (1e308, -0, denormals)" % (2 * n)


def m_huge_string(doc, rng):
    size = rng.choice([1, 2, 10, 10]) * 1024 * 1024
    unit = rng.choice(["很长的文字", "x", "≥300人次", "0.33万元"])
    text = (unit * (size // len(unit.encode("utf-8")) + 1))[:size // len(unit.encode("utf-8")) * len(unit)]
    sheet = sheet_of(doc, rng, [wb.INFO, wb.INDICATORS, wb.ITEMS])
    cells = cells_where(sheet, "any")
    c, r = rng.choice(cells) if cells else (1, 4)
    sheet.getCellByPosition(c, r).setString(text)
    return "a %d MB string at %s!%s" % (size >> 20, sheet.Name, wb.cell_name(c, r))


def m_empty_sheet(doc, rng):
    sheet = sheet_of(doc, rng)
    columns, rows = wb.used_area(sheet)
    from com.sun.star.sheet.CellFlags import VALUE, DATETIME, STRING, FORMULA, ANNOTATION
    sheet.getCellRangeByPosition(0, 0, columns - 1, rows - 1).clearContents(
        VALUE | DATETIME | STRING | FORMULA | ANNOTATION)
    return "sheet %s emptied" % sheet.Name


def m_missing_sheet(doc, rng):
    names = [n for n in DATA_SHEETS if doc.Sheets.hasByName(n)]
    gone = rng.sample(names, rng.randint(1, min(3, len(names))))
    for name in gone:
        if doc.Sheets.Count > 1:
            doc.Sheets.removeByName(name)
    return "sheets removed: %s" % ", ".join(gone)


def m_only_empty_sheet(doc, rng):
    doc.Sheets.insertNewByName("Sheet1", 0)
    while doc.Sheets.Count > 1:
        doc.Sheets.removeByName(doc.Sheets.getByIndex(1).Name)
    return "one empty sheet left"


def m_renamed_sheet(doc, rng):
    sheet = sheet_of(doc, rng)
    old = sheet.Name
    sheet.Name = rng.choice([old + " ", old + "(1)", old[:-1], "Sheet" + str(rng.randint(2, 9)),
                             "'" + old[1:], old.replace("表", "")]) or "x"
    return "sheet %s renamed %s" % (old, sheet.Name)


def m_deleted_rows(doc, rng):
    sheet = sheet_of(doc, rng)
    _, rows = wb.used_area(sheet)
    n = rng.randint(1, 8)
    for _ in range(n):
        start = rng.randint(0, max(0, rows - 1))
        sheet.Rows.removeByIndex(start, rng.randint(1, 4))
    return "%d row deletions in %s" % (n, sheet.Name)


def m_inserted_rows(doc, rng):
    sheet = sheet_of(doc, rng)
    _, rows = wb.used_area(sheet)
    n = rng.randint(1, 6)
    for _ in range(n):
        sheet.Rows.insertByIndex(rng.randint(0, rows), rng.randint(1, 50))
    return "%d row insertions in %s" % (n, sheet.Name)


def m_moved_labels(doc, rng):
    n = rng.randint(1, 10)
    moved = 0
    for sheet, (c, r) in pick_cells(doc, rng, "text", n):
        source = sheet.getCellByPosition(c, r)
        target = sheet.getCellByPosition(min(c + rng.randint(-1, 3), 30) if c else rng.randint(1, 4),
                                         max(0, r + rng.randint(-3, 20)))
        if rng.random() < 0.5:
            sheet.moveRange(target.CellAddress, source.RangeAddress)
        else:   # swap two labels
            a, b = source.getString(), target.getString()
            source.setString(b)
            target.setString(a)
        moved += 1
    return "%d labels moved or swapped" % moved


def m_moved_columns(doc, rng):
    sheet = sheet_of(doc, rng, [wb.BUDGET, wb.ITEMS, wb.PROJECTS, wb.INDICATORS])
    columns, _ = wb.used_area(sheet)
    src = rng.randint(0, max(0, columns - 1))
    sheet.Columns.insertByIndex(rng.randint(0, columns), 1)
    if rng.random() < 0.5:
        sheet.Columns.removeByIndex(src, 1)
    return "columns shifted in %s" % sheet.Name


def m_merged_cells(doc, rng):
    n = rng.randint(1, 12)
    for _ in range(n):
        sheet = sheet_of(doc, rng)
        c, r = rng.randint(0, 8), rng.randint(0, 40)
        sheet.getCellRangeByPosition(c, r, c + rng.randint(0, 3), r + rng.randint(0, 5)).merge(True)
    return "%d merged ranges" % n


def m_formula_cycles(doc, rng):
    n = rng.randint(1, 6)
    for _ in range(n):
        sheet = sheet_of(doc, rng, [wb.BUDGET, wb.ITEMS, wb.PROJECTS, wb.INDICATORS])
        length = rng.randint(1, 5)
        cells = [(rng.randint(1, 7), rng.randint(3, 30)) for _ in range(length)]
        for i, (c, r) in enumerate(cells):
            nc, nr = cells[(i + 1) % length]
            sheet.getCellByPosition(c, r).setFormula("=%s+1" % wb.cell_name(nc, nr))
    return "%d formula cycles" % n


def m_named_ranges(doc, rng):
    names = doc.NamedRanges
    choice = rng.randint(0, 3)
    if choice == 0:
        for name in list(names.ElementNames):
            names.removeByName(name)
        return "named ranges removed"
    for name in list(names.ElementNames):
        names.removeByName(name)
    from com.sun.star.table import CellAddress
    target = {1: "$'%s'.$D$5:$E$9" % wb.BUDGET, 2: "#REF!", 3: "$'%s'.$A$1" % wb.ITEMS}[choice]
    for name in ("JX_DEPARTMENT", "JX_YEAR"):
        try:
            names.addNewByName(name, target, CellAddress(), 0)
        except Exception:
            pass
    return "named ranges point to %s" % target


def m_protected(doc, rng):
    for i in range(doc.Sheets.Count):
        sheet = doc.Sheets.getByIndex(i)
        if sheet.isProtected():
            sheet.unprotect("")
        if rng.random() < 0.7:
            sheet.protect("secret%d" % rng.randint(0, 99))
    return "sheets protected with a password (Compute cannot write)"


def m_many_rows(doc, rng):
    sheet = doc.Sheets.getByName(wb.ITEMS) if doc.Sheets.hasByName(wb.ITEMS) else sheet_of(doc, rng)
    n = rng.choice([2000, 10000, 30000])
    _, rows = wb.used_area(sheet)
    at = max(4, rows - 2)
    sheet.Rows.insertByIndex(at, n)
    data = tuple(("3109%05d" % i, "明细%d" % i, rng.choice([0.01, 1e308, -0.0, 5.0])) for i in range(n))
    sheet.getCellRangeByPosition(0, at, 2, at + n - 1).setDataArray(data)
    return "%d line items in %s" % (n, sheet.Name)


def m_far_cell(doc, rng):
    sheet = sheet_of(doc, rng)
    col, row = rng.choice([(16383, 1048575), (1023, 1048575), (16383, 10), (200, 100000)])
    try:
        cell = sheet.getCellByPosition(col, row)
    except Exception:   # beyond this office's sheet size (1024 columns unless jumbo sheets)
        col = 1023
        cell = sheet.getCellByPosition(col, row)
    cell.setString("far away")
    return "a cell at %s!%s (huge used area)" % (sheet.Name, wb.cell_name(col, row))


def m_odd_texts(doc, rng):
    n = rng.randint(1, 12)
    for sheet, (c, r) in pick_cells(doc, rng, "text", n):
        sheet.getCellByPosition(c, r).setString(rng.choice(ODD_TEXTS))
    return "%d labels with invisible or odd characters" % n


def m_duplicate_sheets(doc, rng):
    sheet = sheet_of(doc, rng)
    name = sheet.Name
    doc.Sheets.copyByName(name, name + "_2", rng.randint(0, doc.Sheets.Count))
    # and the same labels a second time lower down
    columns, rows = wb.used_area(sheet)
    block = sheet.getCellRangeByPosition(0, 0, columns - 1, rows - 1)
    target = sheet.getCellByPosition(0, rows + 5).CellAddress
    sheet.copyRange(target, block.RangeAddress)
    return "sheet %s duplicated and its block repeated" % name


def m_array_and_volatile(doc, rng):
    sheet = sheet_of(doc, rng, [wb.BUDGET, wb.INDICATORS])
    sheet.getCellRangeByPosition(5, 3, 7, 8).setArrayFormula("=RAND()*1E308")
    _, cell = data_cell(doc, rng)
    cell.setFormula("=REPT(\"很\";30000)")
    return "array formula and volatile cells"


def m_hidden_and_filtered(doc, rng):
    sheet = sheet_of(doc, rng)
    _, rows = wb.used_area(sheet)
    for _ in range(rng.randint(1, 10)):
        sheet.Rows.getByIndex(rng.randint(0, max(0, rows))).IsVisible = False
    sheet.Columns.getByIndex(rng.randint(0, 5)).IsVisible = False
    return "hidden rows and a hidden column in %s" % sheet.Name


def m_wrong_types(doc, rng):
    """dates, booleans and percentages where text or amounts are expected"""
    n = rng.randint(1, 20)
    for _ in range(n):
        _, cell = data_cell(doc, rng)
        cell.setFormula(rng.choice(["=DATE(2023;12;31)", "=TRUE()", "=0.95", "=\"\"", "=NOW()", "=-0"]))
    return "%d cells of unexpected types" % n


DOC_CLASSES = [
    ("error-cells", m_error_cells), ("text-in-numbers", m_text_in_numbers),
    ("extreme-numbers", m_extreme_numbers), ("huge-string", m_huge_string),
    ("empty-sheet", m_empty_sheet), ("missing-sheet", m_missing_sheet),
    ("only-empty-sheet", m_only_empty_sheet), ("renamed-sheet", m_renamed_sheet),
    ("deleted-rows", m_deleted_rows), ("inserted-rows", m_inserted_rows),
    ("moved-labels", m_moved_labels), ("moved-columns", m_moved_columns),
    ("merged-cells", m_merged_cells), ("formula-cycles", m_formula_cycles),
    ("named-ranges", m_named_ranges), ("protected", m_protected),
    ("many-rows", m_many_rows), ("far-cell", m_far_cell), ("odd-texts", m_odd_texts),
    ("duplicate-sheets", m_duplicate_sheets), ("array-volatile", m_array_and_volatile),
    ("hidden", m_hidden_and_filtered), ("wrong-types", m_wrong_types),
]
# classes that are cheap enough to stack as a second mutation
STACKABLE = ["error-cells", "text-in-numbers", "extreme-numbers", "empty-sheet", "missing-sheet",
             "renamed-sheet", "deleted-rows", "inserted-rows", "moved-labels", "merged-cells",
             "formula-cycles", "named-ranges", "odd-texts", "hidden", "wrong-types"]


# --- the raw classes: bytes of a stored file ----------------------------------------------
# Each takes (source bytes of a clean .ods/.xlsx/.fods by format, rng) and returns
# (extension, bytes, description).

def r_truncated(clean, rng):
    fmt = rng.choice([".ods", ".xlsx", ".fods"])
    data = clean[fmt]
    cut = rng.choice([1, 4, 30, 100, len(data) // 2, len(data) - 22, len(data) - 1, rng.randint(1, len(data) - 1)])
    return fmt, data[:cut], "%s truncated to %d of %d bytes" % (fmt, cut, len(data))


def r_random_bytes(clean, rng):
    fmt = rng.choice([".ods", ".xlsx", ".fods"])
    size = rng.choice([1, 17, 4096, 256 * 1024])
    prefix = rng.choice([b"", b"PK\x03\x04", b"<?xml version=\"1.0\"?>", b"\xef\xbb\xbf"])
    return fmt, prefix + bytes(rng.getrandbits(8) for _ in range(size)), \
        "%d random bytes%s as %s" % (size, " after a magic" if prefix else "", fmt)


def r_renamed(clean, rng):
    src, dst = rng.choice([(".ods", ".xlsx"), (".xlsx", ".ods"), (".fods", ".xlsx"), (".ods", ".fods"),
                           (".xlsx", ".fods")])
    return dst, clean[src], "a %s renamed %s" % (src, dst)


def r_empty(clean, rng):
    fmt = rng.choice([".ods", ".xlsx", ".fods"])
    return fmt, b"" if rng.random() < 0.7 else b"\n", "an empty %s" % fmt


def r_flipped_bytes(clean, rng):
    fmt = rng.choice([".ods", ".xlsx", ".fods"])
    data = bytearray(clean[fmt])
    n = rng.choice([1, 8, 64, 512])
    for _ in range(n):
        data[rng.randrange(len(data))] = rng.getrandbits(8)
    return fmt, bytes(data), "%s with %d flipped bytes" % (fmt, n)


def rezip(data, change):
    """A zip with each member passed through change(name, bytes) → bytes or None (drop)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = change(info.filename, src.read(info.filename))
            if content is not None:
                compress = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
                dst.writestr(info.filename, content, compress)
    return out.getvalue()


def r_xlsx_parts(clean, rng):
    kind = rng.randint(0, 8)
    sheet_re = re.compile(r"xl/worksheets/sheet\d+\.xml")

    def change(name, content):
        text = content.decode("utf-8", "replace")
        if kind == 0 and name == "xl/sharedStrings.xml":
            return None
        if kind == 1 and sheet_re.fullmatch(name) and rng.random() < 0.5:
            return None      # workbook.xml names a sheet part that is missing
        if kind == 2 and sheet_re.fullmatch(name):
            return re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:XFD1048576"', text).encode()
        if kind == 3 and sheet_re.fullmatch(name):
            return re.sub(r'<v>([^<]*)</v>', lambda m: "<v>%s</v>" % rng.choice(
                [m.group(1), "1e999", "-0", "NaN", "", "abc", "99999999999999999999999"]), text).encode()
        if kind == 4 and sheet_re.fullmatch(name):
            return re.sub(r' r="([A-Z]+)(\d+)"', lambda m: ' r="%s%s"' % (
                rng.choice([m.group(1), "ZZZZ", "A"]), rng.choice([m.group(2), "0", "1048577", "99999999"])),
                text).encode()
        if kind == 5 and sheet_re.fullmatch(name):
            return re.sub(r'<c ([^>]*?)t="s"', r'<c \1t="e"', text).encode()   # every string an error
        if kind == 6 and name == "xl/styles.xml":
            return b"<styleSheet/>"
        if kind == 7 and name == "xl/workbook.xml":
            return re.sub(r'name="[^"]*"', 'name="Sheet"', text, count=3).encode()  # duplicate names
        if kind == 8 and name == "[Content_Types].xml":
            return None
        return content
    return ".xlsx", rezip(clean[".xlsx"], change), "an .xlsx with odd parts (kind %d)" % kind


def r_ods_parts(clean, rng):
    kind = rng.randint(0, 5)

    def change(name, content):
        text = content.decode("utf-8", "replace")
        if kind == 0 and name == "content.xml":
            return re.sub(r'table:number-rows-repeated="\d+"', 'table:number-rows-repeated="1048000"',
                          text).encode()
        if kind == 1 and name == "content.xml":
            return re.sub(r'office:value="([^"]*)"', lambda m: 'office:value="%s"' % rng.choice(
                ["1e999", "-0", "NaN", "", "x", m.group(1)]), text).encode()
        if kind == 2 and name == "META-INF/manifest.xml":
            return None
        if kind == 3 and name == "mimetype":
            return b"application/vnd.oasis.opendocument.text"
        if kind == 4 and name == "content.xml":
            return content[:len(content) // 2]
        if kind == 5 and name == "content.xml":
            return re.sub(r'table:number-columns-repeated="\d+"', 'table:number-columns-repeated="16384"',
                          text).encode()
        return content
    return ".ods", rezip(clean[".ods"], change), "an .ods with odd parts (kind %d)" % kind


def r_fods_xml(clean, rng):
    kind = rng.randint(0, 3)
    text = clean[".fods"].decode("utf-8")
    if kind == 0:
        bomb = ('<!DOCTYPE office:document [<!ENTITY a "aaaaaaaaaa">' +
                "".join('<!ENTITY %s "%s">' % (chr(98 + i), ("&%s;" % chr(97 + i)) * 10) for i in range(6)) +
                "]>")
        text = text.replace("<office:document", bomb + "<office:document", 1)
        text = text.replace("<text:p>", "<text:p>&g;", 1)
        what = "entity expansion (a million characters)"
    elif kind == 1:
        text = text.replace("</office:spreadsheet>", "", 1)
        what = "unclosed elements"
    elif kind == 2:
        text = text.replace('encoding="UTF-8"', 'encoding="GB2312"', 1)
        what = "a wrong declared encoding"
    else:
        text = re.sub(r'office:value-type="float" office:value="([^"]*)"',
                      'office:value-type="float" office:value="1e400"', text)
        what = "overflowing values"
    return ".fods", text.encode("utf-8"), "a .fods with %s" % what


RAW_CLASSES = [
    ("truncated", r_truncated), ("random-bytes", r_random_bytes), ("renamed-format", r_renamed),
    ("empty-file", r_empty), ("flipped-bytes", r_flipped_bytes), ("xlsx-oddities", r_xlsx_parts),
    ("ods-oddities", r_ods_parts), ("fods-xml", r_fods_xml),
]

CLASSES = [(name, "doc", f) for name, f in DOC_CLASSES] + [(name, "raw", f) for name, f in RAW_CLASSES]


# --- driver --------------------------------------------------------------------------------

def plan(i, seed):
    rng = random.Random("%d/%d" % (seed, i))
    name, kind, function = CLASSES[i % len(CLASSES)]
    base = list(BASES)[(i // len(CLASSES)) % len(BASES)]
    fmt = FORMATS[(i // (len(CLASSES) * len(BASES)) + i) % len(FORMATS)]
    extra = rng.choice([c for c in STACKABLE if c != name]) if kind == "doc" and rng.random() < 0.33 else None
    if name == "protected":
        extra = None     # nothing can be changed once the sheets carry a password
    return rng, name, kind, function, base, fmt, extra


def make_case(office, i, seed, outdir, clean):
    rng, name, kind, function, base, fmt, extra = plan(i, seed)
    stem = "%04d-%s-%s" % (i, name, base)
    if kind == "raw":
        ext, data, what = function(clean[base], rng)
        path = os.path.join(outdir, stem + ext)
        with open(path, "wb") as f:
            f.write(data)
        return path, name, base, what
    doc = office.open(BASES[base])
    try:
        states = wb.unprotect_all(doc)
        what = function(doc, rng)
        if extra:
            try:
                what += "; " + dict(DOC_CLASSES)[extra](doc, rng)
            except Exception:   # e.g. rows inserted below a cell on the last row
                what += "; (%s refused by the office)" % extra
        if name != "protected":
            wb.protect_again(doc, states)
        path = os.path.join(outdir, stem + fmt)
        wb.store(doc, path)
    finally:
        wb.close(doc)
    return path, name, base, what


def clean_copies(office, directory):
    """Each base stored once in each format, for the raw classes."""
    clean = {}
    for base, path in BASES.items():
        doc = office.open(path)
        try:
            clean[base] = {}
            for fmt in FORMATS:
                target = os.path.join(directory, "clean-%s%s" % (base, fmt))
                wb.store(doc, target)
                with open(target, "rb") as f:
                    clean[base][fmt] = f.read()
        finally:
            wb.close(doc)
    return clean


def fingerprint(n, seed):
    digest = hashlib.sha256()
    with open(os.path.abspath(__file__), "rb") as f:
        digest.update(f.read())
    for path in BASES.values():
        with open(path, "rb") as f:
            digest.update(f.read())
    digest.update(("%d %d %d" % (GENERATOR_VERSION, n, seed)).encode())
    return digest.hexdigest()


def restart(office):
    try:
        office.stop()
    except Exception:
        pass
    if office.process is not None:
        office.process.kill()
        office.process = None
    office.desktop = None
    office.start()


def main(argv):
    args, seed = [], 20231231
    rest = iter(argv[1:])
    for a in rest:
        if a == "--seed":
            seed = int(next(rest))
        else:
            args.append(a)
    n = int(args[0]) if args else 100
    outdir = os.path.abspath(args[1] if len(args) > 1 else os.path.join(ROOT, "build", "hostile", "cases"))
    stamp = os.path.join(outdir, "generated.sha256")
    want = fingerprint(n, seed)
    if os.path.exists(stamp) and open(stamp).read().strip() == want:
        print("make_hostile: %d cases in %s are up to date" % (n, outdir))
        return 0
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    work = outdir + ".work"     # per case directory, so that two runs can go on at once
    profile = os.path.join(work, "generator-profile")
    if not os.path.isdir(profile):
        # a plain profile, no Jixiao: its first start happens once, here
        subprocess.run(["soffice", "--headless", "--terminate_after_init",
                        "-env:UserInstallation=" + uno.systemPathToFileUrl(profile)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    # private copies of the examples: a document another office has open is
    # locked (.~lock.NAME#), and a hidden load of a locked file fails
    private = os.path.join(work, "bases")
    os.makedirs(private, exist_ok=True)
    for base, path in list(BASES.items()):
        BASES[base] = os.path.join(private, os.path.basename(path))
        shutil.copyfile(path, BASES[base])
    start = time.time()
    failures = 0
    manifest = []
    office = Office(profile)
    office.start()
    try:
        clean = clean_copies(office, work)
        for i in range(n):
            for attempt in (1, 2):
                try:
                    path, name, base, what = make_case(office, i, seed, outdir, clean)
                    manifest.append("%s\t%s\t%s\t%s" % (os.path.basename(path), name, base, what))
                    break
                except Exception as e:
                    # the office refused a change, or stopped loading documents:
                    # start it afresh and try once more, then give up on the case
                    print("make_hostile: case %d (%s), attempt %d: %s" % (
                        i, CLASSES[i % len(CLASSES)][0], attempt,
                        (str(e).splitlines() or [type(e).__name__])[0][:200]))
                    restart(office)
                    if attempt == 2:
                        failures += 1
            if (i + 1) % 100 == 0:
                print("make_hostile: %d/%d (%.0f s)" % (i + 1, n, time.time() - start))
                sys.stdout.flush()
    finally:
        office.stop()
    with open(os.path.join(outdir, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(manifest) + "\n")
    with open(stamp, "w") as f:
        f.write(want + "\n")
    classes = sorted({line.split("\t")[1] for line in manifest})
    print("make_hostile: %d cases (%d classes) in %s in %.0f s; %d not made"
          % (len(manifest), len(classes), outdir, time.time() - start, failures))
    return 1 if failures > n // 20 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
