"""make bench, group "live": how long findings take to follow an edit.

The panel lives in a window, so this group runs a visible office on a
virtual screen (Xvfb, the first free display of :86 down to :81).  The
standard workbook is validated once; then 基础数据表!D5 is changed
alternately off and back to its value, which adds and removes a sum
finding.  For each edit:

- check: from the end of the debounce to the updated list (validation and
  the panel's refresh, on the office's main thread: the time the office
  cannot answer typing), as the extension records it (…:DebugTimings);
- edit → list: from the moment the edit is made (a remote setValue) to the
  moment the list, read through the accessibility tree, shows the change:
  what a person waits, the debounce included.
"""
import json
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "ui"))

from desktop import LIST, Desktop, close_document  # noqa: E402

STANDARD = os.path.join(ROOT, "examples", "yuanjiang-cast-2023-corrected.fods")
FINDING = "基础数据表!D5"
DEBOUNCE_MS = 250   # JX_LIVE_DEBOUNCE_MS in addin/ui/live.h


def free_display():
    for n in range(86, 80, -1):
        if not os.path.exists("/tmp/.X%d-lock" % n) and not os.path.exists("/tmp/.X11-unix/X%d" % n):
            return ":%d" % n
    raise RuntimeError("no free X display among :81-:86")


def run_live(profile, out, runs, perf_mode):
    edits = 2 * runs
    result = {"edits": edits, "debounce_ms": DEBOUNCE_MS}
    with Desktop(profile, free_display()) as d:
        doc = d.open(STANDARD)
        try:
            if d.dispatch(doc, "org.jixiao.commands:Validate") != 1:
                raise RuntimeError("Validate failed")
            box = d.wait_until(lambda: d.find(doc, LIST, under=d.panel(doc)) if d.panel(doc) else None,
                               timeout=20)
            if box is None:
                raise RuntimeError("the panel's list did not appear")
            cell = doc.Sheets.getByName("基础数据表").getCellRangeByName("D5")
            right = cell.getValue()

            def shows_finding():
                try:
                    return any(FINDING in box.getAccessibleChild(i).getAccessibleContext().getAccessibleName()
                               for i in range(box.getAccessibleChildCount()))
                except Exception:   # the list changed while it was read
                    return None

            waits = []
            for i in range(edits + 1):
                wrong = i % 2 == 0
                start = time.perf_counter()
                cell.setValue(right + 1 if wrong else right)
                deadline = start + 10
                while shows_finding() != wrong and time.perf_counter() < deadline:
                    time.sleep(0.002)
                if shows_finding() != wrong:
                    raise RuntimeError("the list did not follow edit %d" % i)
                if i > 0:   # the first edit warms up
                    waits.append((time.perf_counter() - start) * 1000)
                time.sleep(0.4)
            path = os.path.join(out, "live-timings.json")
            d.dispatch(doc, "org.jixiao.commands:DebugTimings?path=" + path)
            with open(path, encoding="utf-8") as f:
                timings = json.load(f)[-edits:]
        finally:
            close_document(doc)
    checks = [t["check_ms"] for t in timings]
    result.update(edit_to_list_ms=statistics.median(waits), edit_to_list_max_ms=max(waits),
                  check_ms=statistics.median(checks), check_max_ms=max(checks),
                  debounce_wait_ms=statistics.median(t["wait_ms"] for t in timings))
    return result


def describe(w, live, fmt, verdict, target):
    """The target line (first call, live given) for the README section."""
    w("| Live check: edit → updated list under %d ms after the debounce | %s ms (slowest %s ms) | %s |" % (
        target, fmt(live["check_ms"]), fmt(live["check_max_ms"]), verdict(live["check_max_ms"] < target)))


def describe_section(w, live, fmt):
    w("### Live checking")
    w("")
    w("The panel re-validates %d ms after the last change to the workbook (the debounce). %d edits of "
      "the standard workbook's 基础数据表!D5, each adding or removing a sum finding, in a visible office "
      "under Xvfb:" % (live["debounce_ms"], live["edits"]))
    w("")
    w("| | median | slowest |")
    w("|---|---|---|")
    w("| check: end of the debounce → the panel's list updated (on the main thread) | %s ms | %s ms |" % (
        fmt(live["check_ms"]), fmt(live["check_max_ms"])))
    w("| edit → the list shows it (as read through the accessibility tree; the debounce included) "
      "| %s ms | %s ms |" % (fmt(live["edit_to_list_ms"]), fmt(live["edit_to_list_max_ms"])))
    w("")
    w("Typing itself starts no check: a cell reaches the workbook when it is entered, and the check "
      "waits until the changes stop, so the office is busy only for the check's few milliseconds.")
    w("")
