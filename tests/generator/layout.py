"""layout.py: a department written into a workbook laid out from the schema.

render(schema, department, options) places every field and table of the
schema on its sheet the way a department's copy of the standard workbook
might look: a title, the fixed cells where the schema says, label rows in a
shuffled order (some labels with spaces or a colon), each table's header,
its rows (spare preset rows, trailing blank rows, a fund table's columns in
another order) and its end rows.  Computed cells are left empty.

The result is a Grid (sheets of cells, named ranges) and a map from what a
cell holds ("field", id) / ("row", table, n, column) to its address, which
the fault planter uses to say where a finding must be.  write_fods() and
grid_json() give the flat ODF the office opens and the JSON the core
harness reads.
"""
import json
import os
import random
import sys
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))

import department as dept  # noqa: E402
from workbooks import cell_name, column_letters, parse_cell  # noqa: E402


def col_index(letters):
    return parse_cell(letters + "1")[0]


def a1(row, col):
    return cell_name(col, row)


class Sheet:
    def __init__(self, name):
        self.name = name
        self.cells = {}           # (row, col) -> str | float | int

    def put(self, row, col, value):
        if value is None or value == "":
            self.cells.pop((row, col), None)
        else:
            self.cells[(row, col)] = value

    @property
    def rows(self):
        return 1 + max((r for r, _ in self.cells), default=-1)


class Grid:
    def __init__(self):
        self.sheets = []
        self.names = {}           # name -> (sheet index, row, col)
        self.where = {}           # key -> (sheet name, row, col)

    def sheet(self, name):
        for s in self.sheets:
            if s.name == name:
                return s
        s = Sheet(name)
        self.sheets.append(s)
        return s

    def address(self, key):
        sheet, row, col = self.where[key]
        return sheet, a1(row, col)


class Options:
    """How this copy of the workbook is laid out: a seed for every choice the
    renderer makes (the same seed, the same layout), and a blank row to
    insert by hand."""

    def __init__(self, seed):
        self.seed = seed
        self.blank_row = None      # (table id, data row n): a blank row inserted before it
        choices = random.Random(seed)
        self.amount_text = choices.random() < 0.3   # some amounts typed as text with their unit
        self.spaced_labels = choices.random() < 0.3
        self.rng = None            # set while rendering


def amount_value(options, cents, unit="万元"):
    value = round(cents / 100, 2)
    if options.amount_text and options.rng.random() < 0.1:
        return "%.2f%s" % (value, unit)
    return value


def label_text(options, label):
    """A row label as a person may have retyped it."""
    if options.spaced_labels and options.rng.random() < 0.2:
        return options.rng.choice([" ".join(label), label + "：", label + " "])
    return label


# --- values by field and column --------------------------------------------------

def field_value(d, spec_id, spec, options):
    if spec.get("role") == "computed":
        return None
    for source in (d.info, d.contact):
        if spec_id in source:
            return source[spec_id]
    if spec_id in d.budget:
        value = d.budget[spec_id]
        if spec.get("type") == "amount":
            return amount_value(options, value, spec.get("unit", "万元"))
        return value
    if spec_id == "basic_items.total":
        return amount_value(options, d.items_total)
    return None


def indicator_cells(ind):
    if isinstance(ind, tuple):              # a spare preset row
        return {"level1": ind[0], "level2": ind[1]}
    return {"level1": ind.level1, "level2": ind.level2, "level3": ind.name, "target": ind.target,
            "actual": ind.actual, "weight": ind.weight, "band": ind.band, "deviation": ind.deviation}


def table_rows(d, table_id, options):
    """The rows of a table as {column id: value}, and each row's key for the
    address map (None for spare rows)."""
    if table_id == "indicators":
        rows, keys, n = [], [], 0
        for ind in d.indicators:
            rows.append(indicator_cells(ind))
            keys.append(None if isinstance(ind, tuple) else n)
            n += 0 if isinstance(ind, tuple) else 1
        return rows, keys
    if table_id == "expense_items":
        return ([{"code": code, "name": name,
                  "executed": None if amount is None else amount_value(options, amount)}
                 for code, name, amount in d.items], [code for code, _, _ in d.items])
    if table_id == "projects":
        return ([{"name": p["name"], "budget_initial": amount_value(options, p["initial"]),
                  "budget": amount_value(options, p["budget"]), "executed": amount_value(options, p["executed"]),
                  "target": p["target"], "result": p["result"], "explanation": p["note"]}
                 for p in d.projects], list(range(len(d.projects))))
    funds = d.funds.get(table_id, [])
    return ([{"name": name, "budget": amount_value(options, b), "executed": amount_value(options, e),
              "note": note} for name, b, e, note in funds], list(range(len(funds))))


# --- rendering ----------------------------------------------------------------------

TITLES = {"instructions": "填报说明", "info": "部门基本情况表", "budget": "部门整体支出绩效评价基础数据表",
          "basic_items": "基本支出明细表", "projects": "项目支出情况表", "indicators": "部门整体支出绩效自评表"}


def render(schema, d, options):
    grid = Grid()
    rng = options.rng = random.Random(options.seed)
    fields = schema["fields"]
    tables = schema.get("tables", {})
    for sheet_id, sheet_spec in schema["sheets"].items():
        sheet = grid.sheet(sheet_spec["name"])
        sheet_index = len(grid.sheets) - 1
        sheet.put(0, 0, TITLES.get(sheet_id, sheet_spec["name"] + "预算支出情况表"))
        row = 1
        # fixed cells (填报人 B2 …) and the labels beside them
        fixed = [(fid, f) for fid, f in fields.items() if f["sheet"] == sheet_id and "cell" in f["at"]]
        for fid, f in fixed:
            r, c = int(f["at"]["cell"][1:]) - 1, col_index(f["at"]["cell"][0])
            sheet.put(r, c - 1, f["label"]["zh"])
            sheet.put(r, c, field_value(d, fid, f, options))
            grid.where[("field", fid)] = (sheet.name, r, c)
            row = max(row, r + 1)
        if rng.random() < 0.4:
            sheet.put(row, 0, rng.choice(["单位：万元", "金额单位：万元", "填报单位（盖章）："]))
            row += 1
        if sheet_id == "instructions":
            for n, text in enumerate(["请在浅黄色单元格中填写。", "金额单位为万元，保留两位小数。"]):
                sheet.put(row + n, 0, n + 1)
                sheet.put(row + n, 1, text)
            continue
        # label rows: one per label, its fields in their value columns
        end_labels = set()
        for t in tables.values():
            if t["sheet"] == sheet_id:
                end_labels.update(t.get("end", {}).get("labels", []))
        by_label = {}
        for fid, f in fields.items():
            if f["sheet"] != sheet_id or "cell" in f["at"]:
                continue
            if "named" in f["at"]:
                by_label.setdefault(f["label"]["zh"], []).append((fid, f, "B", f["at"]["named"]))
            else:
                by_label.setdefault(f["at"]["label"], []).append((fid, f, f["at"]["value_column"], None))
        before = [label for label in by_label if label not in end_labels]
        rng.shuffle(before)
        for label in before:
            row = label_row(grid, sheet, sheet_index, row, label, by_label[label], d, options)
            if rng.random() < 0.05:
                sheet.put(row, 0, "注：" + rng.choice(dept.TEXTS["general"]))
                row += 1
        for table_id, t in tables.items():
            if t["sheet"] != sheet_id:
                continue
            row = render_table(grid, sheet, row, table_id, t, d, options) + 0
            for label in t.get("end", {}).get("labels", []):
                if label in by_label:
                    row = label_row(grid, sheet, sheet_index, row, label, by_label[label], d, options)
            if not any(label in by_label for label in t.get("end", {}).get("labels", [])) and rng.random() < 0.6:
                prefixes = t.get("end", {}).get("prefixes", [])
                if prefixes:
                    sheet.put(row, 0, prefixes[0] + "无此项支出的，本表不填。")
                    row += 1
    return grid


def label_row(grid, sheet, sheet_index, row, label, entries, d, options):
    sheet.put(row, 0, label_text(options, label))
    for fid, f, column, name in entries:
        c = col_index(column)
        sheet.put(row, c, field_value(d, fid, f, options))
        grid.where[("field", fid)] = (sheet.name, row, c)
        if name:
            grid.names[name] = (sheet_index, row, c)
    return row + 1


def render_table(grid, sheet, row, table_id, t, d, options):
    """The header, the rows and the trailing blank rows; returns the next row."""
    rng = options.rng
    columns = list(t["columns"].items())
    first = col_index(t["header"]["label_column"])
    order = [cid for cid, c in columns if c["header"] == t["header"]["label"]]
    rest = [cid for cid, _ in columns if cid not in order]
    if table_id in ("government_funds", "state_capital", "social_insurance"):
        rng.shuffle(rest)                   # nothing pins their columns
    col_of = {cid: first + n for n, cid in enumerate(order + rest)}
    for cid, c in columns:
        sheet.put(row, col_of[cid], c["header"])
    row += 1
    rows, keys = table_rows(d, table_id, options)
    for n, (cells, key) in enumerate(zip(rows, keys)):
        if options.blank_row == (table_id, n):
            row += 1                         # a blank row inserted by hand
        for cid, value in cells.items():
            sheet.put(row, col_of[cid], value)
        for cid in col_of:
            if key is not None:
                grid.where[("row", table_id, key, cid)] = (sheet.name, row, col_of[cid])
        if options.blank_row == (table_id, n):
            grid.where[("blank", table_id)] = (sheet.name, row - 1, first)
        row += 1
    return row + rng.choice([0, 0, 1, 2, 3])   # the template's spare lines


# --- output -----------------------------------------------------------------------

def cell_xml(value):
    if isinstance(value, bool) or value is None:
        return "<table:table-cell/>"
    if isinstance(value, (int, float)):
        return ('<table:table-cell office:value-type="float" office:value="%s"><text:p>%s</text:p>'
                "</table:table-cell>" % (repr(float(value)), dept.number_text(value)))
    return ('<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>'
            % escape(str(value)))


def write_fods(grid, path):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" '
           'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">',
           "<office:body><office:spreadsheet>"]
    for sheet in grid.sheets:
        out.append('<table:table table:name="%s">' % escape(sheet.name, {'"': "&quot;"}))
        width = 1 + max((c for _, c in sheet.cells), default=0)
        for r in range(sheet.rows):
            cells = [cell_xml(sheet.cells.get((r, c))) for c in range(width)]
            out.append("<table:table-row>%s</table:table-row>" % "".join(cells))
        out.append("</table:table>")
    if grid.names:
        out.append("<table:named-expressions>")
        for name, (s, r, c) in sorted(grid.names.items()):
            ref = "$'%s'.$%s$%d" % (grid.sheets[s].name, column_letters(c), r + 1)
            out.append('<table:named-range table:name="%s" table:base-cell-address="%s" '
                       'table:cell-range-address="%s"/>' % (name, ref, ref))
        out.append("</table:named-expressions>")
    out.append("</office:spreadsheet></office:body></office:document>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def grid_json(grid):
    return {"sheets": [{"name": s.name, "cells": [[r, c, v] for (r, c), v in sorted(s.cells.items())]}
                       for s in grid.sheets],
            "names": [[name, s, r, c] for name, (s, r, c) in sorted(grid.names.items())]}


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
