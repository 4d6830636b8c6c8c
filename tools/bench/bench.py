"""Jixiao's benchmarks (`make bench`, through tools/bench/run.sh).

Four measurement groups, each in an office session of its own, each
compared within the one run (never against numbers of another run):

  functions  per-cell cost of JX.SCORE over 20,000 cells against the same
             arithmetic as a built-in formula, a function of LibreOffice's
             Analysis add-in, and the same score as a Python-UNO add-in
  validate   the Validate command on the standard workbook and copies scaled
             to 10x and 100x the rows; the share spent reading cells
  report     the Report command against Writer loading the finished report
  batch      workbooks per minute through one headless office
  scaling    tools/jixiao batch with one office against one per core, and
             where a workbook's time goes
  template   the report template engine alone (no office), compiled tree
             against the engine before it
  review     reviewing a finished report: the reference and made-up reports
             of 25 to 100 pages, the review alone and through Writer

Each measurement is repeated (--runs, at least 5) and the median is kept.
Results go to build/bench/results.json, the README section to
build/bench/bench.md, and into README.md between <!-- begin bench --> and
<!-- end bench --> (tools/replace-section.sh).  When a target is missed and
perf works, the office is profiled (perf record -g) and the section says
where the time goes.

    /usr/bin/python3 tools/bench/bench.py --profile build/bench/profile \
        --out build/bench [--runs 7] [--groups functions,validate,report,batch] \
        [--perf auto|always|never] [--readme README.md | --no-readme]
    /usr/bin/python3 tools/bench/bench.py --rewrite     (the section from the last results)
"""
import argparse
import collections
import datetime
import glob
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
sys.path.insert(0, HERE)

import uno  # noqa: E402  Debian's python3-uno: run with /usr/bin/python3
import unohelper  # noqa: E402
from com.sun.star.awt import XCallback  # noqa: E402
from com.sun.star.frame import XDispatchResultListener  # noqa: E402
from com.sun.star.sheet.FillDirection import TO_BOTTOM  # noqa: E402

from office import Office, close_document, props  # noqa: E402
import scale  # noqa: E402
import scaling  # noqa: E402
import live  # noqa: E402
import template  # noqa: E402
import review  # noqa: E402

STANDARD = os.path.join(ROOT, "examples", "yuanjiang-cast-2023-corrected.fods")
CELLS = 20000
FACTORS = (1, 10, 100)
BATCH_BOOKS = 10
BATCH_RUNS = 5
# the headless batch command; {in} a folder of workbooks, {out} a folder for
# the findings (override with JIXIAO_BENCH_BATCH if the command differs)
BATCH_COMMAND = os.environ.get("JIXIAO_BENCH_BATCH", "batch&in={in}&out={out}")

TARGETS = {
    "jx_vs_analysis": 1.2,     # JX.SCORE within 1.2x of the Analysis add-in
    "python_vs_jx": 10.0,      # the Python add-in at least 10x slower
    "validate_ms": 100.0,      # the standard workbook under 100 ms
    "validate_exponent": 1.15,  # growth x10 -> x100: time ~ rows^k, k at most this
    "report_vs_load": 1.5,     # report within 1.5x of Writer loading it
    "batch_per_minute": 60.0,
    "live_check_ms": 50.0,     # edit -> updated panel list, after the debounce
    "review_ms": 100.0,        # reviewing the reference report
    "review_exponent": 1.15,   # review time ~ paragraphs^k, 25 -> 100 pages
}


def log(text):
    print("bench: " + text, flush=True)


def median(values):
    return statistics.median(values) if values else float("nan")


# --- the office ----------------------------------------------------------------------

class BenchOffice(Office):
    """Office with the office's standard error kept in a file (the headless
    door writes its timing line there) and its soffice.bin pid known."""

    def __init__(self, profile, log_path):
        super().__init__(profile, timeout=120)
        self.pipe = "jixiao_bench_" + uuid.uuid4().hex[:12]
        self.log_path = log_path

    def start(self):
        self.log_file = open(self.log_path, "ab")
        self.stderr = self.log_file
        super().start()
        self.transformer = self.create_instance("com.sun.star.util.URLTransformer")

    def stop(self):
        super().stop()
        self.log_file.close()

    def pid(self):
        """The soffice.bin process (soffice is a script that starts it)."""
        out = subprocess.run(["pgrep", "-f", "soffice.bin.*" + self.pipe],
                             capture_output=True, text=True).stdout.split()
        return int(out[0]) if out else None

    def cpu_seconds(self):
        """CPU time the office has used so far, all its threads (from the
        scheduler, in ns): unlike wall time, not inflated when other
        processes compete for the cores."""
        if getattr(self, "_pid", None) is None:
            self._pid = self.pid()
        total = 0
        for stat in glob.glob("/proc/%d/task/*/schedstat" % self._pid):
            try:
                with open(stat) as f:
                    total += int(f.read().split()[0])
            except (OSError, ValueError, IndexError):
                pass   # a thread that has just ended
        return total / 1e9

    def log_size(self):
        self.log_file.flush()
        return os.path.getsize(self.log_path)

    def log_since(self, offset):
        with open(self.log_path, "rb") as f:
            f.seek(offset)
            return f.read().decode("utf-8", "replace")

    def on_main_thread(self, function, timeout=300):
        """function() run from the office's main thread, as Calc recalculates
        when someone works in it (a bridge thread would do otherwise)."""
        if getattr(self, "async_callback", None) is None:
            self.async_callback = self.create_instance("com.sun.star.awt.AsyncCallback")
        call = MainThread(function)
        self.async_callback.addCallback(call, None)
        if not call.done.wait(timeout):
            raise RuntimeError("the office's main thread did not run the call within %d s" % timeout)
        if call.error is not None:
            raise call.error
        return call.result

    def dispatcher(self, doc, command):
        url = uno.createUnoStruct("com.sun.star.util.URL")
        url.Complete = command
        _, url = self.transformer.parseStrict(url)
        frame = doc.getCurrentController().getFrame()
        return url, frame.queryDispatch(url, "_self", 0)

    def timed_dispatch(self, doc, command, timeout=300):
        """Seconds from the dispatch to its DispatchResultEvent, and the state."""
        url, dispatcher = self.dispatcher(doc, command)
        if dispatcher is None:
            raise RuntimeError("no dispatcher for " + command)
        listener = Listener()
        cpu = self.cpu_seconds()
        start = time.perf_counter()
        dispatcher.dispatchWithNotification(url, (), listener)
        if not listener.done.wait(timeout):
            raise RuntimeError("%s did not finish within %d s" % (command, timeout))
        self.last_cpu = self.cpu_seconds() - cpu   # the office's CPU seconds meanwhile
        return listener.at - start, listener.state


class MainThread(unohelper.Base, XCallback):
    """Runs a function of ours from the office's main thread: the office calls
    notify() there, and the calls the function makes back into the office are
    executed on that thread (the bridge keeps a call chain on one thread)."""

    def __init__(self, function):
        self.function = function
        self.done = threading.Event()
        self.result = self.error = None

    def notify(self, data):
        try:
            self.result = self.function()
        except Exception as e:
            self.error = e
        finally:
            self.done.set()


class Listener(unohelper.Base, XDispatchResultListener):
    def __init__(self):
        self.done = threading.Event()
        self.state = None
        self.at = None

    def dispatchFinished(self, event):
        self.at = time.perf_counter()
        self.state = event.State
        self.done.set()

    def disposing(self, event):
        pass


close = close_document


# --- perf -----------------------------------------------------------------------------

def perf_works():
    if shutil.which("perf") is None:
        return False
    try:
        return subprocess.run(["perf", "record", "-q", "-e", "cpu-clock", "-o", "/dev/null", "true"],
                              capture_output=True, timeout=30).returncode == 0
    except Exception:
        return False


class Perf:
    """perf record -g (DWARF unwinding: LibreOffice has no frame pointers) on
    one process while `with` lasts."""

    def __init__(self, pid, data, frequency=1999):
        self.pid, self.data, self.frequency = pid, data, frequency

    def __enter__(self):
        self.process = subprocess.Popen(
            ["perf", "record", "-q", "-e", "cpu-clock", "-F", str(self.frequency),
             "--call-graph", "dwarf,16384",
             "-o", self.data, "-p", str(self.pid)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.0)   # attached
        return self

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def perf_stacks(data):
    """The samples of a perf.data as stacks of (symbol, library path), leaf
    first; an inlined function gets the library of the one it is inlined in."""
    # --no-inline: resolving inlined frames runs addr2line per address (minutes)
    out = subprocess.run(["perf", "script", "--no-inline", "-i", data, "-F", "ip,sym,dso"],
                         capture_output=True, text=True, errors="replace").stdout
    stacks, current, inlined = [], [], []
    for line in out.splitlines():
        line = line.strip()
        if not line:
            if current:
                stacks.append(current)
            current, inlined = [], []
            continue
        parts = line.split(None, 1)
        if len(parts) < 2:
            continue
        symbol, _, library = parts[1].rpartition(" (")
        library = library.rstrip(")")
        if library == "inlined":
            inlined.append(symbol)
            continue
        for name in inlined:
            current.append((name, library))
        inlined = []
        current.append((symbol or parts[1], library))
    if current:
        stacks.append(current)
    return stacks


OURS = "libjixiao.so"


def is_ours(library):
    return os.path.basename(library) == OURS


def is_office(library):
    return "/libreoffice/" in library and not is_ours(library)


# LibreOffice frames that tell what a phase spends its time on, outermost first
MARKERS = (
    ("SfxObjectShell::GenerateAndStoreThumbnail", "the thumbnail"),
    ("SvXMLExport::exportDoc", "ODF export"),
    ("libpdffilterlo.so", "PDF export"),
    ("SfxBaseController::attachFrame", "a view and its window"),
    ("SfxObjectShell::DoLoad", "import"),
    ("SfxBaseModel::close", "closing"),
    ("getDataArray", "getDataArray"),
    ("getFormulaArray", "getFormulaArray"),
)


def marker_of(stack):
    for frame in reversed(stack):
        for key, label in MARKERS:
            if key in frame[0] or key == os.path.basename(frame[1]):
                return label
    return None


def where_time_goes(stacks, within, phases=()):
    """Shares (percent) of the samples under the frame `within`.  A sample is
    Jixiao's own when, going out from the leaf, Jixiao's library comes before
    any of LibreOffice's (the C library and GLib count for whoever called
    them); else LibreOffice's.  Each sample is also given the innermost of
    `phases` on its stack."""
    samples = [s for s in stacks if any(f[0] == within for f in s)]
    n = len(samples)
    if n == 0:
        return None
    ours, office, phase, phase_own, inclusive = (collections.Counter() for _ in range(5))
    for stack in samples:
        owner = next((f for f in stack if is_ours(f[1]) or is_office(f[1])), None)
        own = owner is not None and is_ours(owner[1])
        if own:
            ours[owner[0]] += 1
        else:
            office[os.path.basename(owner[1]) if owner else "other"] += 1
        for name in set(f[0] for f in stack):
            inclusive[name] += 1
        where = next((f[0] for f in stack if f[0] in phases), "other")
        marker = marker_of(stack) if not own else None
        if marker:
            where += " › " + marker
        phase[where] += 1
        if own:
            phase_own[where] += 1

    def pct(counter, k=10):
        return [(name, round(100.0 * c / n, 1)) for name, c in counter.most_common(k)]
    return {
        "samples": n,
        "jixiao": round(100.0 * sum(ours.values()) / n, 1),
        "jixiao_functions": pct(ours),
        "elsewhere": pct(office, 8),
        "phases": [(name, p, round(100.0 * phase_own[name] / n, 1)) for name, p in pct(phase, 16)],
        "inclusive": {name: round(100.0 * c / n, 1) for name, c in inclusive.items()
                      if c * 100 >= n},   # at least 1 %
    }


# --- group 1: per-cell cost of a JX function -------------------------------------------

FUNCTIONS = [
    # key, label, formula of row 1 (filled down), inputs
    ("empty", "no formulas (empty recalculation)", None, "numbers"),
    ("builtin", "built-in `=ROUND(MIN(1;B1/A1)*C1;2)`", "=ROUND(MIN(1;B1/A1)*C1;2)", "numbers"),
    ("analysis", "Analysis add-in `=QUOTIENT(B1;A1)`", "=QUOTIENT(B1;A1)", "numbers"),
    ("jx", "`=JX.SCORE(C1;A1;B1)`", "=JX.SCORE(C1;A1;B1)", "numbers"),
    ("python", "Python-UNO add-in `=PYSCORE(C1;A1;B1)`", "=PYSCORE(C1;A1;B1)", "numbers"),
    ("jx_floor", "`=JX.VALUE(A1)` (Jixiao's call path, next to no work)", "=JX.VALUE(A1)", "numbers"),
    ("empty_text", "no formulas, text inputs", None, "texts"),
    ("jx_text", "`=JX.SCORE(C1;A1;B1)`, A/B texts (\"≥300人次\")", "=JX.SCORE(C1;A1;B1)", "texts"),
    ("python_text", "`=PYSCORE(C1;A1;B1)`, A/B texts", "=PYSCORE(C1;A1;B1)", "texts"),
]


def function_inputs(kind):
    rows = []
    for i in range(CELLS):
        target = 100 + (i * 7919) % 900          # 100 … 999
        actual = 1 + (i * 104729) % 1200          # below and above the target
        weight = 5.0 + i % 6
        if kind == "numbers":
            rows.append((float(target), float(actual), weight))
        else:
            rows.append(("≥%d人次" % target, "%d人次" % actual, weight))
    return tuple(rows)


def run_functions(profile, out, runs, perf_mode):
    log("functions: JX.SCORE against built-in, Analysis add-in and Python add-in, %d cells" % CELLS)
    office = BenchOffice(profile, os.path.join(out, "office-functions.log"))
    office.start()
    result = {"cells": CELLS, "runs": runs, "seconds": {}, "checks": {}}
    docs = {}
    try:
        inputs = {kind: function_inputs(kind) for kind in ("numbers", "texts")}
        for key, _, formula, kind in FUNCTIONS:
            doc = office.create()
            sheet = doc.Sheets.getByIndex(0)
            sheet.getCellRangeByPosition(0, 0, 2, CELLS - 1).setDataArray(inputs[kind])
            if formula:
                sheet.getCellByPosition(3, 0).setFormula(formula)
                sheet.getCellRangeByPosition(3, 0, 3, CELLS - 1).fillAuto(TO_BOTTOM, 1)
            docs[key] = doc
        # one warm-up round, then `runs` rounds, the variants interleaved so
        # that a change of the machine's load hits them all alike
        def recalculate(doc):
            cpu, start = office.cpu_seconds(), time.perf_counter()
            doc.calculateAll()
            return time.perf_counter() - start, office.cpu_seconds() - cpu

        result["cpu_seconds"] = {}
        for round_ in range(2 * runs + 1):
            for key in docs:
                seconds, cpu = office.on_main_thread(lambda: recalculate(docs[key]))
                if round_ > 0:
                    result["seconds"].setdefault(key, []).append(seconds)
                    result["cpu_seconds"].setdefault(key, []).append(cpu)
        # the results must agree (and be numbers) before their speed counts
        values = {key: [row[0] for row in docs[key].Sheets.getByIndex(0)
                        .getCellRangeByPosition(3, 0, 3, CELLS - 1).getDataArray()]
                  for key, _, formula, _ in FUNCTIONS if formula}
        numbers = inputs["numbers"]
        for key, reference in (("python", "jx"), ("builtin", "jx"), ("jx_text", "jx"),
                               ("python_text", "jx")):
            differ = [i for i, (a, b) in enumerate(zip(values[key], values[reference]))
                      if not isinstance(a, float) or not isinstance(b, float) or abs(a - b) > 1e-9]
            result["checks"]["%s_differs_from_%s" % (key, reference)] = len(differ)
            if differ:
                i = differ[0]
                result["checks"]["%s_example" % key] = {
                    "target": numbers[i][0], "actual": numbers[i][1], "weight": numbers[i][2],
                    key: values[key][i], reference: values[reference][i]}
        result["checks"]["jx_not_numbers"] = sum(1 for v in values["jx"] if not isinstance(v, float))

        med = {key: median(v) for key, v in result["cpu_seconds"].items()}
        wall = {key: median(v) for key, v in result["seconds"].items()}
        per_cell, per_cell_wall = {}, {}
        for key, _, formula, kind in FUNCTIONS:
            if formula:
                empty = "empty" if kind == "numbers" else "empty_text"
                per_cell[key] = max(med[key] - med[empty], 0) / CELLS * 1e6
                per_cell_wall[key] = max(wall[key] - wall[empty], 0) / CELLS * 1e6
        result["median_cpu_seconds"] = med
        result["median_seconds"] = wall
        result["per_cell_us"] = per_cell
        result["per_cell_wall_us"] = per_cell_wall
        result["ratios"] = {
            "jx_vs_builtin": per_cell["jx"] / per_cell["builtin"],
            "jx_vs_analysis": per_cell["jx"] / per_cell["analysis"],
            "python_vs_jx": per_cell["python"] / per_cell["jx"],
            "python_text_vs_jx_text": per_cell["python_text"] / per_cell["jx_text"],
            "jx_floor_vs_analysis": per_cell["jx_floor"] / per_cell["analysis"],
        }
        for key in ("jx", "builtin", "analysis", "python", "jx_floor", "jx_text", "python_text"):
            log("  %-12s %7.2f µs per cell (CPU), %7.2f µs (wall)" % (key, per_cell[key], per_cell_wall[key]))
        missed = (result["ratios"]["jx_vs_analysis"] > TARGETS["jx_vs_analysis"] or
                  result["ratios"]["python_vs_jx"] < TARGETS["python_vs_jx"])
        if perf_mode == "always" or (perf_mode == "auto" and missed):
            result["profile"] = profile_functions(office, docs, out)
    finally:
        for doc in docs.values():
            close(doc)
        office.stop()
    return result


def profile_functions(office, docs, out):
    if not perf_works():
        log("  perf does not work here: no profile")
        return {"error": "perf record does not work on this machine"}
    profiles = {}
    for key in ("jx", "jx_text", "analysis", "python"):
        data = os.path.join(out, "perf-%s.data" % key)
        log("  profiling %s (perf record -g)" % key)
        with Perf(office.pid(), data):
            for _ in range(4):
                office.on_main_thread(docs[key].calculateAll)
        profiles[key] = where_time_goes(perf_stacks(data), "ScFormulaCell::Interpret")
    return profiles


# --- group 2: validation ------------------------------------------------------------------

DOOR_LINE = re.compile(r"jixiao: (.*): (\d+) errors, (\d+) warnings, (\d+) notes "
                       r"\((\d+) ms, reading (\d+) ms\)")


def make_workbooks(office, out):
    books = {}
    for factor in FACTORS:
        path = os.path.join(out, "workbook-x%d.ods" % factor)
        counts = scale.scale(office, STANDARD, factor, path)
        books[factor] = {"path": path, "items": counts["items"], "indicators": counts["indicators"],
                         "rows": counts["items"] + counts["indicators"]}
        log("  x%-3d %4d line items, %4d indicators -> %s" %
            (factor, counts["items"], counts["indicators"], os.path.relpath(path, ROOT)))
    return books


def door(office, headless, command):
    """Runs a headless-door command in the running office (stay=1); returns
    its seconds and what it wrote to standard error."""
    offset = office.log_size()
    cpu = office.cpu_seconds()
    start = time.perf_counter()
    headless.trigger(command + "&stay=1")
    seconds = time.perf_counter() - start
    office.last_cpu = office.cpu_seconds() - cpu
    time.sleep(0.05)   # the office's stderr is unbuffered; give the file a moment
    return seconds, office.log_since(offset)


def run_validate(profile, out, runs, perf_mode):
    log("validate: the Validate command on the standard workbook, x10 and x100")
    office = BenchOffice(profile, os.path.join(out, "office-validate.log"))
    office.start()
    result = {"runs": runs, "books": {}}
    docs = {}
    try:
        books = make_workbooks(office, out)
        for factor, book in books.items():
            docs[factor] = office.open(book["path"])
            result["books"][factor] = dict(book, command=[], command_cpu=[], pipeline=[],
                                           reading=[], door=[], findings=None)
        # the first command of a session loads the schema: kept apart
        seconds, state = office.timed_dispatch(docs[1], "org.jixiao.commands:Validate")
        result["first_command_ms"] = seconds * 1000
        for round_ in range(runs + 1):
            for factor in FACTORS:
                seconds, state = office.timed_dispatch(docs[factor], "org.jixiao.commands:Validate")
                if state != 1:
                    raise RuntimeError("Validate failed on x%d (state %s)" % (factor, state))
                if round_ > 0:
                    result["books"][factor]["command"].append(seconds * 1000)
                    result["books"][factor]["command_cpu"].append(office.last_cpu * 1000)
        # the headless door runs the same pipeline and prints its timing
        headless = office.create_instance("org.jixiao.Headless")
        for round_ in range(runs + 1):
            for factor in FACTORS:
                book = result["books"][factor]
                json_out = os.path.join(out, "findings-x%d.json" % factor)
                seconds, text = door(office, headless, "validate&in=%s&out=%s" % (
                    uno_quote(book["path"]), uno_quote(json_out)))
                m = DOOR_LINE.search(text)
                if m is None:
                    raise RuntimeError("the headless door printed no timing: %r" % text)
                if round_ > 0:
                    book["pipeline"].append(float(m.group(5)))
                    book["reading"].append(float(m.group(6)))
                    book["door"].append(seconds * 1000)
                book["findings"] = [int(m.group(i)) for i in (2, 3, 4)]
        for factor, book in result["books"].items():
            for key in ("command", "command_cpu", "pipeline", "reading", "door"):
                book[key + "_ms"] = median(book[key])
            book["reading_share"] = book["reading_ms"] / book["pipeline_ms"] if book["pipeline_ms"] else float("nan")
            log("  x%-3d Validate %6.1f ms  (pipeline %5.0f ms, reading %5.0f ms); %s findings" % (
                factor, book["command_ms"], book["pipeline_ms"], book["reading_ms"], book["findings"]))
        b10, b100 = result["books"][10], result["books"][100]
        result["exponent"] = (math.log(b100["command_ms"] / b10["command_ms"]) /
                              math.log(b100["rows"] / b10["rows"]))
        # the share of reading in the command itself: perf samples under
        # jx_calc_read among those of the command (CPU time, not waits)
        if perf_mode != "never":
            result["profile"] = profile_validate(office, docs, result["books"], out)
    finally:
        for doc in docs.values():
            close(doc)
        office.stop()
    return result


VALIDATE_PHASES = ("jx_schema_cache_get", "jx_calc_read", "jx_model_build", "jx_validate",
                   "jx_findings_count", "jx_state_set", "jx_sidebar_show", "jx_validation_clear")
REPORT_PHASES = VALIDATE_PHASES + (
    "jx_compute_plan", "jx_report_render", "jx_fonts_choose", "jx_report_to_fodt", "jx_writer_load",
    "jx_state_set_report", "jx_document_open", "jx_document_store", "jx_document_close",
    "jx_findings_to_json", "write_summary")


def profile_validate(office, docs, books, out):
    if not perf_works():
        return {"error": "perf record does not work on this machine"}
    profiles = {}
    for factor in FACTORS:
        data = os.path.join(out, "perf-validate-x%d.data" % factor)
        repeat = int(min(300, max(8, 1500 / max(books[factor]["command_ms"], 1))))  # ≈ 1.5 s
        log("  profiling Validate on x%d, %d times (perf record -g)" % (factor, repeat))
        with Perf(office.pid(), data):
            for _ in range(repeat):
                office.timed_dispatch(docs[factor], "org.jixiao.commands:Validate")
        p = where_time_goes(perf_stacks(data), "object_dispatch", VALIDATE_PHASES)
        if p:
            p["reading_share"] = sum(pct for name, pct, _ in p["phases"]
                                     if name.startswith("jx_calc_read")) / 100.0
            books[factor]["perf_reading_share"] = p["reading_share"]
        profiles[factor] = p
    return profiles


def uno_quote(path):
    import urllib.parse
    return urllib.parse.quote(os.path.abspath(path), safe="")


# --- group 3: the report --------------------------------------------------------------------

def text_documents(office):
    found = []
    components = office.desktop.getComponents().createEnumeration()
    while components.hasMoreElements():
        c = components.nextElement()
        if c is not None and hasattr(c, "supportsService") and \
                c.supportsService("com.sun.star.text.TextDocument"):
            found.append(c)
    return found


def run_report(profile, out, runs, perf_mode):
    log("report: the Report command against Writer loading the finished report")
    office = BenchOffice(profile, os.path.join(out, "office-report.log"))
    office.start()
    result = {"runs": runs}
    doc = None
    try:
        book = os.path.join(out, "workbook-x1.ods")
        if not os.path.exists(book):
            scale.scale(office, STANDARD, 1, book)
        doc = office.open(book)
        _, dispatcher = office.dispatcher(doc, "org.jixiao.commands:Report")
        if dispatcher is None:
            log("  not available yet (no dispatcher for org.jixiao.commands:Report)")
            result["available"] = False
            return result
        result["available"] = True
        stored = os.path.join(out, "report.odt")

        def report():
            """Seconds of one Report command; the document it made is closed."""
            before = text_documents(office)
            seconds, state = office.timed_dispatch(doc, "org.jixiao.commands:Report")
            new = [d for d in text_documents(office) if not any(d == b for b in before)]
            if state != 1 or not new:
                for d in new:
                    close(d)
                raise RuntimeError("the Report command failed (state %s)" % state if state != 1
                                   else "the Report command opened no Writer document")
            return seconds, new, office.last_cpu

        # the command opens its report in a window of its own (not hidden):
        # the floor opens the stored report the same way
        generate, load, generate_cpu, load_cpu = [], [], [], []
        try:
            for round_ in range(runs + 1):
                seconds, new, cpu = report()
                if round_ == 0:
                    new[-1].storeToURL(uno.systemPathToFileUrl(stored),
                                       props(FilterName="writer8", Overwrite=True))
                else:
                    generate.append(seconds)
                    generate_cpu.append(cpu)
                for d in new:
                    close(d)
                cpu = office.cpu_seconds()
                start = time.perf_counter()
                loaded = office.open(stored, hidden=False)
                seconds = time.perf_counter() - start
                cpu = office.cpu_seconds() - cpu
                close(loaded)
                if round_ > 0:
                    load.append(seconds)
                    load_cpu.append(cpu)
        except RuntimeError as e:
            result["error"] = str(e)
            log("  " + result["error"])
            return result
        result.update(generate_ms=median(generate) * 1000, load_ms=median(load) * 1000,
                      generate_cpu_ms=median(generate_cpu) * 1000, load_cpu_ms=median(load_cpu) * 1000,
                      generate=generate, load=load, size=os.path.getsize(stored))
        result["ratio"] = result["generate_ms"] / result["load_ms"]
        result["cpu_ratio"] = result["generate_cpu_ms"] / result["load_cpu_ms"]
        log("  Report %.0f ms, Writer loads it in %.0f ms: %.2fx (CPU: %.0f ms, %.0f ms, %.2fx)" % (
            result["generate_ms"], result["load_ms"], result["ratio"], result["generate_cpu_ms"],
            result["load_cpu_ms"], result["cpu_ratio"]))
        if perf_mode == "always" or (perf_mode == "auto" and result["ratio"] > TARGETS["report_vs_load"]):
            if perf_works():
                data = os.path.join(out, "perf-report.data")
                log("  profiling Report (perf record -g)")
                made = []
                with Perf(office.pid(), data):
                    for _ in range(4):
                        made += report()[1]
                for d in made:
                    close(d)
                result["profile"] = {"report": where_time_goes(perf_stacks(data), "object_dispatch",
                                                               REPORT_PHASES)}
    finally:
        if doc is not None:
            close(doc)
        office.stop()
    return result


# --- group 4: batch ----------------------------------------------------------------------------

def run_batch(profile, out, runs, perf_mode):
    log("batch: workbooks per minute through one headless office")
    office = BenchOffice(profile, os.path.join(out, "office-batch.log"))
    office.start()
    result = {"runs": runs, "books": BATCH_BOOKS}
    try:
        headless = office.create_instance("org.jixiao.Headless")
        _, text = door(office, headless, "batch")
        result["available"] = "unknown command" not in text
        source = os.path.join(out, "workbook-x1.ods")
        if not os.path.exists(source):
            scale.scale(office, STANDARD, 1, source)

        def folder(name, n):
            path = os.path.join(out, name)
            shutil.rmtree(path, ignore_errors=True)
            os.makedirs(path)
            for i in range(n):
                shutil.copy(source, os.path.join(path, "book-%02d.ods" % i))
            return path

        books = folder("batch-in", BATCH_BOOKS)
        # for reference: one workbook at a time through the validate door
        # (open, validate, write the JSON, close) in the same running office
        single = []
        for i in range(runs + 1):
            seconds, _ = door(office, headless, "validate&in=%s&out=%s" % (
                uno_quote(os.path.join(books, "book-%02d.ods" % (i % BATCH_BOOKS))),
                uno_quote(os.path.join(out, "batch-single.json"))))
            if i > 0:
                single.append(seconds)
        result["single_per_minute"] = 60.0 / median(single)
        log("  reference: the validate door, one workbook at a time: %.0f per minute"
            % result["single_per_minute"])
        if not result["available"]:
            log("  batch: not available yet (the headless door has no batch command)")
            return result

        def batch(path):
            target = os.path.join(out, "batch-out")
            shutil.rmtree(target, ignore_errors=True)
            os.makedirs(target)
            command = BATCH_COMMAND.replace("{in}", uno_quote(path)).replace("{out}", uno_quote(target))
            seconds, text = door(office, headless, command)
            return seconds, text, os.listdir(target)

        batch(folder("batch-warm-up", 2))   # fonts, filters, the schema: loaded once
        report = os.path.join(out, "report.odt")
        if os.path.exists(report):
            result["thumbnail"] = thumbnail_cost(office, report, out, runs)
        per_minute, cpu = [], []
        for _ in range(BATCH_RUNS):
            seconds, text, written = batch(books)
            per_minute.append(BATCH_BOOKS / seconds * 60)
            cpu.append(office.last_cpu / BATCH_BOOKS)
        result.update(per_minute=median(per_minute), per_minute_runs=per_minute,
                      cpu_per_book=median(cpu), outputs=sorted(written), stderr=text[-3000:])
        log("  batch: %.0f workbooks per minute (%d files written for %d workbooks)" % (
            result["per_minute"], len(written), BATCH_BOOKS))
        if perf_mode == "always" or (perf_mode == "auto" and
                                     result["per_minute"] < TARGETS["batch_per_minute"]):
            if perf_works():
                data = os.path.join(out, "perf-batch.data")
                log("  profiling batch (perf record -g)")
                small = folder("batch-profile", 3)
                with Perf(office.pid(), data, frequency=999):
                    batch(small)
                result["profile"] = {"batch": where_time_goes(perf_stacks(data), "object_dispatch",
                                                              REPORT_PHASES)}
    finally:
        office.stop()
    return result


def thumbnail_cost(office, report, out, runs):
    """Storing the finished report as .odt with and without its thumbnail
    (the media descriptor's NoThumbnail), in ms."""
    doc = office.open(report)
    times = {False: [], True: []}
    try:
        for round_ in range(runs + 1):
            for skip in (False, True):
                extra = {"NoThumbnail": True} if skip else {}
                start = time.perf_counter()
                doc.storeToURL(uno.systemPathToFileUrl(os.path.join(out, "thumbnail-test.odt")),
                               props(FilterName="writer8", Overwrite=True, **extra))
                if round_ > 0:
                    times[skip].append((time.perf_counter() - start) * 1000)
    finally:
        close(doc)
    return {"with_ms": median(times[False]), "without_ms": median(times[True])}


# --- the README section ----------------------------------------------------------------------

def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except Exception:
        pass
    memory = 0
    try:
        with open("/proc/meminfo") as f:
            memory = int(next(line.split()[1] for line in f if line.startswith("MemTotal"))) / 2**20
    except Exception:
        pass
    version = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout.strip()
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(memory),
        "kernel": platform.release(), "libreoffice": version.replace("LibreOffice ", "").split(" ")[0] if version else "?",
        "libreoffice_full": version, "load": os.getloadavg(),
        "date": datetime.date.today().isoformat(),
        "perf": perf_works(),
    }


def fmt(value, digits=1):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return ("%%.%df" % digits) % value


def verdict(ok):
    return "**yes**" if ok else "**no**"


def section(results, runs):
    m = results["machine"]
    lines = []
    w = lines.append
    w("<!-- generated by `make bench` (tools/bench/bench.py): do not edit -->")
    w("")
    w("## Benchmarks")
    w("")
    w("`make bench` measures Jixiao in a real headless LibreOffice and rewrites this section "
      "(it takes about %s minutes). Speed is measured here, never in timed tests. Every figure "
      "is the median of %d runs after a warm-up (of %d for the per-cell costs), and every "
      "comparison is a ratio within one run, in one office session per group. Times are "
      "wall-clock, as a user waits, except where marked *CPU*: the CPU time the office used "
      "meanwhile (all its threads, from the scheduler), which other processes competing for "
      "the cores do not inflate." % (fmt(results.get("minutes"), 0), runs, 2 * runs))
    w("")
    w("| machine | LibreOffice | date | load average at start, at end |")
    w("|---|---|---|---|")
    w("| %s, %d cores, %d GiB, Linux %s | %s | %s | %.2f, %.2f |" % (
        m["cpu"], m["cores"], m["memory_gib"], m["kernel"], m["libreoffice"], m["date"], m["load"][0],
        results.get("load_end", m["load"])[0]))
    w("")
    w("| target | measured | met |")
    w("|---|---|---|")
    for name in GROUPS:
        if "failed" in (results.get(name) or {}):
            w("| %s | failed: %s | – |" % (name, results[name]["failed"].replace("|", "/")[:200]))
    f = results.get("functions")
    f = f if f and "failed" not in f else None
    v = results.get("validate")
    v = v if v and "failed" not in v else None
    rep = results.get("report")
    rep = rep if rep is None or "failed" not in rep else None
    b = results.get("batch")
    b = b if b is None or "failed" not in b else None
    sc = results.get("scaling")
    sc = sc if sc is None or "failed" not in sc else None
    if f:
        r = f["ratios"]
        w("| JX.SCORE per cell within 1.2× of the Analysis add-in | %s× | %s |" % (
            fmt(r["jx_vs_analysis"], 2), verdict(r["jx_vs_analysis"] <= TARGETS["jx_vs_analysis"])))
        w("| Python add-in at least 10× slower than JX.SCORE | %s× | %s |" % (
            fmt(r["python_vs_jx"], 2), verdict(r["python_vs_jx"] >= TARGETS["python_vs_jx"])))
    if v:
        b1 = v["books"][1]
        w("| Validate the standard workbook under 100 ms | %s ms (the first of a session: %s ms) | %s |" % (
            fmt(b1["command_ms"]), fmt(v["first_command_ms"]), verdict(b1["command_ms"] < TARGETS["validate_ms"])))
        w("| Validate grows linearly with the rows (time ∝ rows^k from x10 to x100, k ≤ %.2f) | k = %s | %s |" % (
            TARGETS["validate_exponent"], fmt(v["exponent"], 2), verdict(v["exponent"] <= TARGETS["validate_exponent"])))
    if rep is not None:
        if rep.get("ratio") is not None:
            w("| Report within 1.5× of Writer loading the finished report | %s× | %s |" % (
                fmt(rep["ratio"], 2), verdict(rep["ratio"] <= TARGETS["report_vs_load"])))
        else:
            w("| Report within 1.5× of Writer loading the finished report | %s | – |" % (
                "not available yet" if not rep.get("available") else rep.get("error", "failed")))
    if b is not None:
        if b.get("per_minute") is not None:
            w("| Batch at least 60 workbooks per minute | %s per minute | %s |" % (
                fmt(b["per_minute"], 0), verdict(b["per_minute"] >= TARGETS["batch_per_minute"])))
        else:
            w("| Batch at least 60 workbooks per minute | not available yet | – |")
    if sc is not None:
        w(scaling.target_row(sc, fmt, verdict))
    tp = results.get("template")
    tp = tp if tp and "failed" not in tp else None
    if tp:
        w(template.target_row(tp, fmt, verdict))
    lv = results.get("live")
    lv = lv if lv and "failed" not in lv else None
    if lv:
        live.describe(w, lv, fmt, verdict, TARGETS["live_check_ms"])
    rv = results.get("review")
    rv = rv if rv and "failed" not in rv else None
    if rv:
        review.describe(w, rv, fmt, verdict, TARGETS["review_ms"], TARGETS["review_exponent"])
    w("")
    if lv:
        live.describe_section(w, lv, fmt)
    if rv:
        review.describe_section(w, rv, fmt)

    if f:
        us = f["per_cell_us"]
        w("### Per-cell cost of a JX function")
        w("")
        w("%s cells, each one formula in column D over numbers in A (target), B (actual), C (weight), "
          "recalculated with `doc.calculateAll()` from the office's main thread (where Calc "
          "recalculates when someone works in it); the per-cell cost is the recalculation's time "
          "minus that of the same sheet without formulas (%s ms CPU), divided by the cells. "
          "The ratios are of CPU times." % (
              "{:,}".format(CELLS), fmt(f["median_cpu_seconds"]["empty"] * 1000, 2)))
        w("")
        w("| formula | µs per cell, CPU | µs per cell, wall | × JX.SCORE |")
        w("|---|---|---|---|")
        wall = f.get("per_cell_wall_us", {})
        for key in ("builtin", "analysis", "jx", "python", "jx_floor", "jx_text", "python_text"):
            label = next(x[1] for x in FUNCTIONS if x[0] == key)
            base = "jx_text" if key.endswith("_text") else "jx"
            w("| %s | %s | %s | %s |" % (label, fmt(us[key], 2), fmt(wall.get(key), 2),
                                         "1" if key == base else fmt(us[key] / us[base], 2)))
        w("")
        w("- The built-in formula is the same arithmetic as JX.SCORE for numeric inputs "
          "(the rate capped at 1, times the weight, rounded to 2 decimals); Calc may compute "
          "such a formula group in parallel threads, add-in calls never are.")
        w("- `QUOTIENT` comes from LibreOffice's own Analysis add-in (scaddins, "
          "`com.sun.star.sheet.addin.Analysis.getQuotient`, a C++ UNO component) and takes the "
          "path every add-in call takes: the interpreter's `ScUnoAddInCall`, core reflection, "
          "`invoke` on the component. Its work is one division, so its time is that path: the "
          "floor for any add-in. (`GCD`, `ISEVEN` and most other Analysis names are built into "
          "Calc nowadays and would not take that path.)")
        w("- `PYSCORE` is JX.SCORE as a user would write it in Python-UNO "
          "(tools/bench/pyaddin/: an `.idl` with JX.SCORE's signature, five `any`s, and a few "
          "lines of Python that take the first digits of a text), installed as an extension of "
          "its own.")
        w("- `JX.VALUE` of a number does next to nothing in Jixiao: its time is Jixiao's call "
          "path (a C object in the binary UNO environment, its dispatcher, the arguments read "
          "from `any`s).")
        c = f.get("checks", {})
        agree = ("- The values agree: JX.SCORE gives the same on the texts as on the numbers (%d "
                 "cells differ); PYSCORE differs from JX.SCORE in %d cells, the built-in formula in %d."
                 % (c.get("jx_text_differs_from_jx", -1), c.get("python_differs_from_jx", -1),
                    c.get("builtin_differs_from_jx", -1)))
        example = c.get("builtin_example") or c.get("python_example")
        if example:
            other = "builtin" if "builtin" in example else "python"
            agree += (" For example A = %g, B = %g, C = %g: JX.SCORE gives %s, %s %s (%g/%g × %g "
                      "is %.17g in binary; the decimal value is a half)." % (
                          example["target"], example["actual"], example["weight"], example["jx"],
                          "the built-in formula" if other == "builtin" else "PYSCORE", example[other],
                          example["actual"], example["target"], example["weight"],
                          example["actual"] / example["target"] * example["weight"]))
        w(agree)
        w("")
        w("#### Where the time of JX.SCORE goes")
        w("")
        describe_function_profile(w, f, f.get("profile"))
        w("")

    if v:
        w("### Validation")
        w("")
        w("The standard workbook is `examples/yuanjiang-cast-2023-corrected.fods` (no findings). "
          "Its copies multiply the rows of 基本支出明细 (line items, amounts split so every class "
          "still adds up) and of 部门整体支出绩效自评表 (indicators, weights divided so they still "
          "add up to 100) by 10 and 100 (tools/bench/scale.py, into build/bench/); they validate "
          "without findings too. *Validate* is the wall time from dispatching "
          "`org.jixiao.commands:Validate` on the open document to its completion event (reading "
          "the cells, the model, the rules, the findings handed to the document's state and panel). "
          "The share spent reading cells is that of the command's perf samples (CPU) under "
          "`jx_calc_read`, which reads each sheet with one `getDataArray` (Compute adds one "
          "`getFormulaArray`). *Door* is what the headless door prints for the same workbook in "
          "the same office (`jixiao: … (N ms, reading M ms)`, whole milliseconds): the same "
          "pipeline on a freshly opened copy, whose first reads are slower.")
        w("")
        w("| workbook | line items | indicators | Validate (ms) | Validate, CPU (ms) | reading cells, share of the command (perf) | door: pipeline (ms) | door: reading cells (ms) |")
        w("|---|---|---|---|---|---|---|---|")
        for factor in FACTORS:
            book = v["books"][factor]
            share = book.get("perf_reading_share")
            w("| %s | %d | %d | %s | %s | %s | %s | %s |" % (
                "standard" if factor == 1 else "×%d" % factor, book["items"], book["indicators"],
                fmt(book["command_ms"]), fmt(book.get("command_cpu_ms")),
                "%s %%" % fmt(100 * share, 0) if share is not None else "–",
                fmt(book["pipeline_ms"], 0), fmt(book["reading_ms"], 0)))
        w("")
        w("The first Validate of an office session took %s ms: the schema is loaded and cached "
          "then, and the office's first calls are slower. From ×10 to ×100 the time grows as "
          "rows^%s." % (
              fmt(v["first_command_ms"]), fmt(v["exponent"], 2)))
        w("")
        prof = (v.get("profile") or {}).get(100)
        if prof:
            w("#### Where the time of Validate goes (×100)")
            w("")
            describe_phases(w, prof, "the Validate command")
            w("")

    w("### Report")
    w("")
    if rep is not None:
        if rep.get("ratio") is not None:
            w("From dispatching `org.jixiao.commands:Report` on the standard workbook to its "
              "completion event, the Writer document finished and open: **%s ms**. Writer opens "
              "the same document, stored as .odt (%s KB), in **%s ms** (the floor; opened as "
              "the command opens its report, in a window of its own): **%s×** (CPU: %s ms "
              "against %s ms, %s×). The command validates the workbook, builds the report, "
              "writes it as flat ODF and has Writer load that from memory." % (
                  fmt(rep["generate_ms"], 0), fmt(rep.get("size", 0) / 1024.0, 0),
                  fmt(rep["load_ms"], 0), fmt(rep["ratio"], 2), fmt(rep.get("generate_cpu_ms"), 0),
                  fmt(rep.get("load_cpu_ms"), 0), fmt(rep.get("cpu_ratio"), 2)))
            if rep.get("profile"):
                w("")
                describe_phases(w, rep["profile"]["report"], "the Report command")
        elif not rep.get("available"):
            w("Not available yet (the office has no dispatcher for `org.jixiao.commands:Report`). "
              "When it has, this measures the time from the command to the finished Writer "
              "document against Writer loading that document from a file.")
        else:
            w("%s." % rep.get("error", "failed"))
        w("")
    if b is not None:
        w("### Batch")
        w("")
        if b.get("per_minute") is not None:
            w("%d copies of the standard workbook through the headless door's `batch` command "
              "(`%s`, its default formats: a report as .odt and .pdf, the findings JSON, and a "
              "summary.ods) in one running office, its start excluded: **%s workbooks per "
              "minute** (runs: %s). The office used %s s of CPU per workbook: with a core to "
              "itself it would manage about %s per minute." % (
                  BATCH_BOOKS, BATCH_COMMAND, fmt(b["per_minute"], 0),
                  ", ".join(fmt(x, 0) for x in b.get("per_minute_runs", [])),
                  fmt(b.get("cpu_per_book"), 2),
                  fmt(60.0 / b["cpu_per_book"] if b.get("cpu_per_book") else None, 0)))
            if b.get("profile"):
                w("")
                describe_phases(w, b["profile"]["batch"], "a batch of 3")
            thumb = b.get("thumbnail")
            if thumb:
                w("")
                w("Storing an .odt renders a thumbnail of its first page "
                  "(`SfxObjectShell::GenerateAndStoreThumbnail`, the bitmap scaled in software). "
                  "In this office, storing the finished report as .odt takes %s ms, and %s ms "
                  "with the media descriptor's `NoThumbnail` set to true." % (
                      fmt(thumb["with_ms"], 0), fmt(thumb["without_ms"], 0)))
        else:
            w("Not available yet (the headless door has no `batch` command). When it has, this "
              "measures %d workbooks through one running office, its start excluded." % BATCH_BOOKS)
        w("")
        w("For reference, the headless `validate` door, one workbook at a time in the same "
          "running office (open, validate, write the JSON, close), manages %s workbooks per "
          "minute." % fmt(b.get("single_per_minute"), 0))
        w("")
    if sc is not None:
        scaling.describe(w, sc, fmt)
    if tp:
        template.describe(w, tp, fmt)
    w("Raw numbers: `build/bench/results.json`; the profiles: `build/bench/perf-*.data` "
      "(`perf report -i …`).")
    return "\n".join(lines) + "\n"


def describe_function_profile(w, f, prof):
    us = f["per_cell_us"]
    floor, analysis, jx, python = us["jx_floor"], us["analysis"], us["jx"], us["python"]
    w("- **The call path.** `JX.VALUE` of a number costs %s µs per cell, %s× `QUOTIENT`'s %s µs: "
      "%s" % (fmt(floor, 2), fmt(floor / analysis, 2), fmt(analysis, 2),
              "reaching a C component costs Calc no more than reaching the Analysis add-in, so "
              "what JX.SCORE costs beyond it is Jixiao's own work per call."
              if floor <= analysis * TARGETS["jx_vs_analysis"] else
              "Jixiao's call path itself costs more than the Analysis add-in's."))
    w("- **The Python target.** Every add-in call pays that path, so PYSCORE (%s µs) can be at "
      "most %s× slower than a Jixiao function that does nothing at all; %s× is out of reach on "
      "this path, whatever Jixiao does. PYSCORE's own work is about %s µs per call (the Python "
      "bridge, below)." % (
          fmt(python, 1), fmt(python / floor, 1), fmt(TARGETS["python_vs_jx"], 0),
          fmt(python - analysis, 0)))
    if not prof or "error" in prof or not prof.get("jx"):
        w("- perf does not work on this machine, so no profile was taken. Without perf, "
          "`valgrind --tool=callgrind --toggle-collect=object_dispatch` on soffice.bin counts "
          "the same.")
        return
    for key, what in (("jx", "numbers"), ("jx_text", "texts")):
        p = prof.get(key)
        if not p:
            continue
        cost = us[key]
        share = p["jixiao"]
        inc = p["inclusive"]
        w("- **JX.SCORE on %s** (%s µs per cell; perf record -g on soffice.bin during "
          "`calculateAll()`, %d samples): %s %% in Jixiao's library (≈ %s µs), %s %% in "
          "LibreOffice (≈ %s µs: %s)." % (
              what, fmt(cost, 2), p["samples"], fmt(share), fmt(cost * share / 100, 1),
              fmt(100 - share), fmt(cost * (100 - share) / 100, 1),
              ", ".join("%s %s %%" % (lib, fmt(x)) for lib, x in p["elsewhere"][:4])))
        w("  Inside Jixiao, by innermost function (with the libraries it calls): " + ", ".join(
            "`%s` %s %%" % (name, fmt(x)) for name, x in p["jixiao_functions"][:6]) + ".")
        rounding = inc.get("jx_round", 0.0)
        if rounding >= 5:
            w("  **`jx_round` alone takes %s %% (≈ %s µs per cell)**: it finds the decimal digits "
              "by printing the number (`g_ascii_formatd`, i.e. `snprintf` \"%%.17g\") and "
              "parsing them back, and JX.SCORE calls it twice per cell (the score, and "
              "`grid_top` capping it at the weight). Were rounding nearly free, JX.SCORE would "
              "cost about %s µs, %s× QUOTIENT." % (fmt(rounding), fmt(cost * rounding / 100, 1),
                                 fmt(cost * (1 - rounding / 100), 1),
                                 fmt(cost * (1 - rounding / 100) / analysis, 2)))
        parse = sum(inc.get(n, 0.0) for n in ("jx_quantity_parse",))
        if key == "jx_text" and parse:
            w("  Reading the two texts (`jx_quantity_parse`) takes %s %%." % fmt(parse))
    py = prof.get("python")
    if py:
        inc = py["inclusive"]
        g = lambda name: fmt(inc.get(name, 0.0))
        w("- **PYSCORE** (%s µs per cell, %d samples): pyuno creates and deletes a Python thread "
          "state for every call that comes from a thread Python does not know, Calc's main "
          "thread among them (`PyThreadAttach` %s %%, `_PyThreadState_DeleteCurrent` %s %%); "
          "much of that is the kernel mapping and unmapping the new thread state's frame stack "
          "(`mmap` %s %%, `munmap` %s %%, page faults %s %%). Running the Python code itself "
          "(`_PyEval_EvalFrameDefault`) takes %s %%." % (
              fmt(us["python"], 1), py["samples"], g("pyuno::PyThreadAttach::PyThreadAttach"),
              g("_PyThreadState_DeleteCurrent"), g("__mmap"), g("__munmap"),
              g("asm_exc_page_fault"), g("_PyEval_EvalFrameDefault")))
    an = prof.get("analysis")
    if an:
        w("- For comparison, QUOTIENT's time (%d samples) lies in " % an["samples"] + ", ".join(
            "%s %s %%" % (lib, fmt(x)) for lib, x in an["elsewhere"][:5]) + ".")


def describe_phases(w, p, what):
    """Where the time of a command goes, by phase and by owner."""
    if not p:
        return
    w("perf record -g on soffice.bin during %s (%d samples): %s %% in Jixiao's own code, "
      "%s %% in LibreOffice (%s)." % (
          what, p["samples"], fmt(p["jixiao"]), fmt(100 - p["jixiao"]),
          ", ".join("%s %s %%" % (os.path.basename(lib), fmt(x)) for lib, x in p["elsewhere"][:5])))
    w("")
    w("| phase: innermost Jixiao function › what LibreOffice does in it | share | of which Jixiao's own code |")
    w("|---|---|---|")
    for name, pct, own in p["phases"]:
        if pct >= 1:
            w("| `%s` | %s %% | %s %% |" % (name, fmt(pct), fmt(own)))
    w("")
    w("Jixiao's own code, by innermost function: " + ", ".join(
        "`%s` %s %%" % (n, fmt(x)) for n, x in p["jixiao_functions"][:8]) + ".")


# --- main -----------------------------------------------------------------------------------------

def run_scaling(profile, out, runs, perf_mode):
    source = os.path.join(ROOT, "build", "examples", "yuanjiang-cast-2023-corrected.ods")
    return scaling.run_scaling(profile, out, runs, perf_mode, log, source)


def run_template(profile, out, runs, perf_mode):
    return template.run_template(profile, out, runs, perf_mode, log)


GROUPS = {"functions": run_functions, "validate": run_validate, "report": run_report,
          "batch": run_batch, "scaling": run_scaling, "live": live.run_live, "template": run_template,
          "review": review.run_review}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", help="an office profile with Jixiao and PYSCORE")
    parser.add_argument("--out", default=os.path.join(ROOT, "build", "bench"))
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--groups", default=",".join(GROUPS))
    parser.add_argument("--perf", choices=("auto", "always", "never"), default="auto")
    parser.add_argument("--readme", default=os.path.join(ROOT, "README.md"))
    parser.add_argument("--no-readme", action="store_true")
    parser.add_argument("--rewrite", action="store_true",
                        help="only rewrite the section from the last results.json (no measuring)")
    args = parser.parse_args()
    if args.runs < 5:
        parser.error("--runs must be at least 5")
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    if args.rewrite:
        with open(os.path.join(out, "results.json"), encoding="utf-8") as f:
            results = json.load(f)
        for group in ("validate",):   # JSON made the factors strings
            for key in ("books", "profile"):
                if isinstance((results.get(group) or {}).get(key), dict):
                    results[group][key] = {int(k) if k.isdigit() else k: v
                                           for k, v in results[group][key].items()}
        return write_section(results, results.get("runs", args.runs), out, args)
    if not args.profile:
        parser.error("--profile is needed to measure")
    for old in glob.glob(os.path.join(out, "office-*.log")) + glob.glob(os.path.join(out, "perf-*.data*")):
        os.remove(old)
    started = time.time()
    results = {"machine": machine(), "runs": args.runs, "targets": TARGETS}
    log("LibreOffice %s, %s, %d cores, load %.2f" % (
        results["machine"]["libreoffice"], results["machine"]["cpu"], results["machine"]["cores"],
        results["machine"]["load"][0]))
    results["group_minutes"] = {}
    failed = False
    for name in args.groups.split(","):
        group_start = time.time()
        try:
            results[name] = GROUPS[name](os.path.abspath(args.profile), out, args.runs, args.perf)
        except Exception as e:   # the other groups still run; the section says so
            import traceback
            traceback.print_exc()
            results[name] = {"failed": "%s: %s" % (type(e).__name__, e)}
            failed = True
        results["group_minutes"][name] = round((time.time() - group_start) / 60, 2)
        log("  (%s: %.1f minutes)" % (name, results["group_minutes"][name]))
    results["minutes"] = (time.time() - started) / 60
    results["load_end"] = os.getloadavg()
    with open(os.path.join(out, "results.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, ensure_ascii=False, indent=1, default=str)
    status = write_section(results, args.runs, out, args)
    log("done in %.1f minutes" % results["minutes"])
    return 1 if failed else status


def write_section(results, runs, out, args):
    text = section(results, runs)
    md = os.path.join(out, "bench.md")
    with open(md, "w", encoding="utf-8") as f:
        f.write(text)
    if not args.no_readme:
        with open(args.readme, encoding="utf-8") as f:
            readme = f.read()
        if "<!-- begin bench -->" not in readme:
            log("%s has no <!-- begin bench --> marker: section left in %s" % (args.readme, md))
        else:
            subprocess.run([os.path.join(ROOT, "tools", "replace-section.sh"), args.readme, "bench", md],
                           check=True)
            log("README section rewritten from " + os.path.relpath(md, ROOT))
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
