"""Shared helpers of the workbook suites (test_workbook, test_validate,
test_compute): the paths of the example workbooks, the headless door run
with a timeout, copies of workbooks changed through the office API, and
snapshots of a document's cells for before/after comparisons.

The headless door (`service:org.jixiao.Headless?…`) starts an office of its
own.  It must not share a profile with a running office (the second soffice
would hand its arguments to the first and return at once), so the suites
copy the profile they are given before starting anything: `Office` runs on
the original, the door on the copy.
"""
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.parse

import uno  # Debian's python3-uno

from office import close_document, props

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
EXAMPLES = os.path.join(ROOT, "examples")
BUILT = os.path.join(ROOT, "build", "examples")
SCHEMA = os.path.join(ROOT, "registration", "schema", "hunan-department-2023.json")

YUANJIANG = os.path.join(EXAMPLES, "yuanjiang-cast-2023.fods")
CORRECTED = os.path.join(EXAMPLES, "yuanjiang-cast-2023-corrected.fods")
STANDARD = os.path.join(EXAMPLES, "standard-workbook.fods")
YUANJIANG_ODS = os.path.join(BUILT, "yuanjiang-cast-2023.ods")
YUANJIANG_XLSX = os.path.join(BUILT, "yuanjiang-cast-2023.xlsx")
CORRECTED_XLSX = os.path.join(BUILT, "yuanjiang-cast-2023-corrected.xlsx")

# Sheet names of the standard layout
INFO = "基本情况"
BUDGET = "基础数据表"
ITEMS = "基本支出明细"
PROJECTS = "项目支出"
INDICATORS = "部门整体支出绩效自评表"

HEADLESS_TIMEOUT = 120

# Export filters by extension
FILTERS = {".ods": "calc8", ".fods": "OpenDocument Spreadsheet Flat XML",
           ".xlsx": "Calc MS Excel 2007 XML"}


# --- files ------------------------------------------------------------------

def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def temp_dir(suite):
    return tempfile.mkdtemp(prefix="jixiao-%s-" % suite)


def private_copy(source, directory):
    """A copy of `source` in `directory` (same name), so that nothing (not
    even LibreOffice's .~lock file) is ever written next to the examples."""
    copy = os.path.join(directory, os.path.basename(source))
    if not os.path.exists(copy):
        shutil.copyfile(source, copy)
    return copy


def headless_profile(profile, directory):
    """A copy of `profile` for the headless door (call before any office runs
    on `profile`)."""
    copy = os.path.join(directory, "headless-profile")
    shutil.copytree(os.path.abspath(profile), copy, symlinks=True)
    return copy


# --- the headless door --------------------------------------------------------

class Headless:
    """The outcome of one headless command."""

    def __init__(self, command, returncode, stderr, seconds, timed_out, out, data, parse_error):
        self.command = command
        self.returncode = returncode
        self.stderr = stderr
        self.seconds = seconds
        self.timed_out = timed_out
        self.out = out
        self.data = data              # the parsed JSON of `out` (or of findings=), or None
        self.parse_error = parse_error

    @property
    def exited(self):
        """The office exited by itself, normally, within the timeout."""
        return not self.timed_out and self.returncode == 0

    def describe(self):
        return "command %s\nexit %s after %.1f s%s\nstderr: %s%s" % (
            self.command, self.returncode, self.seconds,
            " (timed out, killed)" if self.timed_out else "",
            self.stderr.strip()[-1500:],
            "\nJSON: %s" % self.parse_error if self.parse_error else "")

    def failure(self):
        return (self.data or {}).get("failure")

    def findings(self, code=None, severity=None):
        found = (self.data or {}).get("findings", [])
        return [f for f in found
                if (code is None or f["code"] == code) and (severity is None or f["severity"] == severity)]


def service_url(command, **args):
    parts = [command]
    for key, value in args.items():
        if value is not None:
            parts.append("%s=%s" % (key, urllib.parse.quote(str(value), safe="")))
    return "service:org.jixiao.Headless?" + "&".join(parts)


def run_headless(profile, command, timeout=HEADLESS_TIMEOUT, json_from="out", **args):
    """Runs `soffice … service:org.jixiao.Headless?COMMAND&k=v…` on `profile`
    and waits at most `timeout` seconds (then kills the office it started).
    The JSON of the argument named by json_from ("out" or "findings") is
    parsed into .data."""
    out = args.get(json_from)
    if out is not None and os.path.exists(out):
        os.remove(out)
    url = service_url(command, **args)
    start = time.time()
    process = subprocess.Popen(
        ["soffice", "--headless", "--norestore", "--nologo", "--nolockcheck",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.abspath(profile)), url],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    timed_out = False
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        os.killpg(process.pid, signal.SIGKILL)   # the session this call started
        _, stderr = process.communicate()
    seconds = time.time() - start
    stderr = "\n".join(line for line in stderr.decode("utf-8", "replace").splitlines()
                       if "javaldx" not in line)
    data, parse_error = None, None
    if out is not None and json_from is not None:
        if os.path.exists(out):
            try:
                with open(out, encoding="utf-8") as f:
                    data = json.load(f)
            except ValueError as e:
                parse_error = "%s is not JSON: %s" % (out, e)
        else:
            parse_error = "%s was not written" % out
    return Headless(url, process.returncode, stderr, seconds, timed_out, out, data, parse_error)


def validate(profile, book, out, schema=None, timeout=HEADLESS_TIMEOUT):
    return run_headless(profile, "validate", timeout, **{"in": book, "out": out, "schema": schema})


def extract(profile, book, out, schema=None, timeout=HEADLESS_TIMEOUT):
    return run_headless(profile, "extract", timeout, **{"in": book, "out": out, "schema": schema})


def compute(profile, book, out, mode, findings, schema=None, timeout=HEADLESS_TIMEOUT):
    return run_headless(profile, "compute", timeout, json_from="findings",
                        **{"in": book, "out": out, "mode": mode, "findings": findings,
                           "schema": schema})


# --- cell addresses -----------------------------------------------------------

def column_letters(col):
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(col, row):
    """0-based column and row → "D5"."""
    return "%s%d" % (column_letters(col), row + 1)


def parse_cell(name):
    """"D5" → (3, 4), 0-based column and row."""
    m = re.fullmatch(r"([A-Z]+)(\d+)", name)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return col - 1, int(m.group(2)) - 1


def cells_of(range_name):
    """"G4:H6" → ["G4", "G5", "G6", "H4", …]; a single cell → [it]."""
    if ":" not in range_name:
        return [range_name]
    first, last = range_name.split(":")
    c1, r1 = parse_cell(first)
    c2, r2 = parse_cell(last)
    return [cell_name(c, r) for c in range(c1, c2 + 1) for r in range(r1, r2 + 1)]


def shift(address, rows=0, columns=None):
    """"基础数据表!D5" moved down by `rows`, its column renamed per `columns`
    ({"D": "B"})."""
    sheet, cell = address.split("!")
    m = re.fullmatch(r"([A-Z]+)(\d+)", cell)
    letters = (columns or {}).get(m.group(1), m.group(1))
    return "%s!%s%d" % (sheet, letters, int(m.group(2)) + rows)


# --- documents ------------------------------------------------------------------

def open_private(office, source, directory):
    """Opens a private copy of `source` (see private_copy)."""
    return office.open(private_copy(source, directory))


def unprotect_all(doc):
    states = {}
    for i in range(doc.Sheets.Count):
        sheet = doc.Sheets.getByIndex(i)
        states[sheet.Name] = sheet.isProtected()
        if states[sheet.Name]:
            sheet.unprotect("")
    return states


def protect_again(doc, states):
    for name, protected in states.items():
        if protected and doc.Sheets.hasByName(name):
            doc.Sheets.getByName(name).protect("")


def store(doc, path):
    """Stores a copy of `doc` under `path`, the filter chosen by extension."""
    filter_name = FILTERS[os.path.splitext(path)[1]]
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)),
                   props(FilterName=filter_name, Overwrite=True))
    return path


def used_area(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    address = cursor.RangeAddress
    return address.EndColumn + 1, address.EndRow + 1


def formulas(sheet, columns=None, rows=None):
    """The formula array (a tuple of row tuples) of the sheet's used area, or
    of the first `columns` × `rows` cells."""
    used_columns, used_rows = used_area(sheet)
    columns = columns or used_columns
    rows = rows or used_rows
    return sheet.getCellRangeByPosition(0, 0, columns - 1, rows - 1).getFormulaArray()


def snapshot(doc):
    """Every sheet's name, protection and formula array, in order."""
    result = []
    for i in range(doc.Sheets.Count):
        sheet = doc.Sheets.getByIndex(i)
        result.append((sheet.Name, sheet.isProtected(), formulas(sheet)))
    return result


def snapshot_differences(before, after, limit=12, ignore=()):
    """Human-readable differences between two snapshots ([] if equal); cells
    named in `ignore` ("sheet!A1") are not compared."""
    problems = []
    ignore = set(ignore)
    if [s[0] for s in before] != [s[0] for s in after]:
        return ["sheets %s became %s" % ([s[0] for s in before], [s[0] for s in after])]
    for (name, protected, cells), (_, protected2, cells2) in zip(before, after):
        if protected != protected2:
            problems.append("%s: protected %s became %s" % (name, protected, protected2))
        rows = max(len(cells), len(cells2))
        for r in range(rows):
            row = cells[r] if r < len(cells) else ()
            row2 = cells2[r] if r < len(cells2) else ()
            for c in range(max(len(row), len(row2))):
                a = row[c] if c < len(row) else ""
                b = row2[c] if c < len(row2) else ""
                if a != b and "%s!%s" % (name, cell_name(c, r)) not in ignore:
                    problems.append("%s!%s: %r became %r" % (name, cell_name(c, r), a[:60], b[:60]))
    return problems[:limit] + (["… %d more" % (len(problems) - limit)] if len(problems) > limit else [])


def cell(doc, address):
    """"基础数据表!D5" → the cell object."""
    sheet, name = address.split("!")
    return doc.Sheets.getByName(sheet).getCellRangeByName(name)


FORMULA_RESULT_STRING = 2  # com.sun.star.sheet.FormulaResult.STRING


def cell_value(c):
    """A cell's content as Python sees it: None (empty), a float, a str, or
    ("error", code)."""
    if c.getError():
        return ("error", c.getError())
    kind = c.getType().value
    if kind == "EMPTY":
        return None
    if kind == "TEXT" or (kind == "FORMULA" and c.FormulaResultType2 == FORMULA_RESULT_STRING):
        return c.getString()
    return c.getValue()


def dispatch(office, doc, command, timeout=120):
    """Dispatches a command URL (e.g. "org.jixiao.commands:Compute?mode=values")
    on the document's frame.  Returns None when done, else why it could not be
    dispatched."""
    from com.sun.star.util import URL
    transformer = office.create_instance("com.sun.star.util.URLTransformer")
    url = URL()
    url.Complete = command
    parsed, url = transformer.parseStrict(url)
    frame = doc.getCurrentController().getFrame()
    dispatcher = frame.queryDispatch(url, "_self", 0)
    if dispatcher is None:
        return ("queryDispatch(%s) returned None: no protocol handler for %s is registered"
                % (command, command.split(":")[0] + ":"))
    # with a notification where the handler offers one: Compute has finished
    # when dispatchFinished arrives
    import unohelper
    from com.sun.star.frame import XDispatchResultListener

    class Listener(unohelper.Base, XDispatchResultListener):
        state = None

        def dispatchFinished(self, event):
            Listener.state = event.State

        def disposing(self, event):
            pass

    if hasattr(dispatcher, "dispatchWithNotification"):
        dispatcher.dispatchWithNotification(url, (), Listener())
        deadline = time.time() + timeout
        while Listener.state is None and time.time() < deadline:
            time.sleep(0.05)
        if Listener.state is None:
            return "%s did not finish within %d s" % (command, timeout)
        if Listener.state != 1:   # com.sun.star.frame.DispatchResultState.SUCCESS
            return "%s finished with DispatchResultState %s" % (command, Listener.state)
    else:
        dispatcher.dispatch(url, ())
    return None


close = close_document


def number_equal(actual, expected, tolerance=1e-9):
    return isinstance(actual, (int, float)) and not isinstance(actual, bool) and \
        abs(actual - expected) <= tolerance


def findings_summary(data, limit=30):
    lines = []
    for f in (data or {}).get("findings", [])[:limit]:
        lines.append("%s %s %s!%s %s" % (f["severity"], f["code"], f.get("sheet"), f.get("cell"),
                                         f["message"]["zh"][:90]))
    return "\n".join(lines)
