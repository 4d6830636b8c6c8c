"""Scaled copies of a filled workbook for the validation benchmark.

scale(office, source, factor, out) multiplies the rows of the two tables
that grow with a department's size, through the office API in bulk
(one insertByIndex and one setDataArray per table):

- 基本支出明细 (line items): each item row becomes `factor` rows of the same
  code, named "…（2）", "…（3）" …, its amount split in cents so that
  every class still equals the sum of its items;
- 部门整体支出绩效自评表 (indicators): each indicator becomes `factor` rows,
  三级指标 suffixed the same way, weights divided by `factor` so that
  they still add up to 100 with 预算执行率.

The copy validates like its source (the corrected example: no findings),
so the time measured is that of a clean workbook, only bigger.
"""
import os

import uno  # Debian's python3-uno
from office import props

ITEMS = "基本支出明细"
INDICATORS = "部门整体支出绩效自评表"
FILTERS = {".ods": "calc8", ".fods": "OpenDocument Spreadsheet Flat XML",
           ".xlsx": "Calc MS Excel 2007 XML"}


def _block(sheet, first_label, end_labels):
    """0-based rows [start, end) of the data block under the header whose
    column A reads first_label, ending before the first row whose column A is
    one of end_labels."""
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    last = cursor.RangeAddress.EndRow
    column_a = sheet.getCellRangeByPosition(0, 0, 0, last).getDataArray()
    labels = [str(row[0]).strip() for row in column_a]
    header = labels.index(first_label)
    end = next(i for i in range(header + 1, len(labels)) if labels[i] in end_labels)
    return header + 1, end


def _write_block(sheet, start, end, rows, columns):
    grow = len(rows) - (end - start)
    if grow > 0:
        sheet.Rows.insertByIndex(end - 1, grow)   # inside the block: formats follow
    sheet.getCellRangeByPosition(0, start, columns - 1, start + len(rows) - 1).setDataArray(
        tuple(tuple(r) for r in rows))


def _suffix(text, i):
    return text if i == 0 else "%s（%d）" % (text, i + 1)


def _split_cents(amount, factor):
    cents = int(round(amount * 100))
    base = cents // factor
    parts = [base] * (factor - 1) + [cents - base * (factor - 1)]
    return [p / 100.0 for p in parts]


def scale_items(sheet, factor):
    start, end = _block(sheet, "科目编码", ("合计",))
    old = sheet.getCellRangeByPosition(0, start, 2, end - 1).getDataArray()
    rows = []
    for code, name, amount in old:
        if len(str(code)) <= 3 or not isinstance(amount, float):   # a class row
            rows.append((code, name, amount))
            continue
        for i, part in enumerate(_split_cents(amount, factor)):
            rows.append((code, _suffix(name, i), part))
    _write_block(sheet, start, end, rows, 3)
    return len(old), len(rows)


def scale_indicators(sheet, factor):
    start, end = _block(sheet, "一级指标", ("总分", "等级"))
    old = sheet.getCellRangeByPosition(0, start, 9, end - 1).getDataArray()
    rows = []
    for row in old:
        for i in range(factor):
            copy = list(row)
            copy[2] = _suffix(row[2], i)
            if isinstance(row[5], float):
                copy[5] = round(row[5] / factor, 6)
            rows.append(copy)
    _write_block(sheet, start, end, rows, 10)
    return len(old), len(rows)


def scale(office, source, factor, out):
    """Writes the copy of `source` scaled by `factor` to `out` (factor 1: the
    source as it is, in out's format); returns the data rows of the two
    tables, {"items": n, "indicators": n}."""
    doc = office.open(source)
    try:
        counts = {}
        for key, name, grow, header, ends in (
                ("items", ITEMS, scale_items, "科目编码", ("合计",)),
                ("indicators", INDICATORS, scale_indicators, "一级指标", ("总分", "等级"))):
            sheet = doc.Sheets.getByName(name)
            if factor == 1:
                start, end = _block(sheet, header, ends)
                counts[key] = end - start
                continue
            protected = sheet.isProtected()
            if protected:
                sheet.unprotect("")
            counts[key] = grow(sheet, factor)[1]
            if protected:
                sheet.protect("")
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)),
                       props(FilterName=FILTERS[os.path.splitext(out)[1]], Overwrite=True))
        return counts
    finally:
        doc.close(True)
