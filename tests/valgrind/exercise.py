"""Drives an office that tests/valgrind/run.sh started under valgrind: the
add-in functions (every formula of tests/integration/test_functions.py, and
the Function Wizard's descriptions), then Validate and Compute (values, then
formulas, which puts JX formulas into the sheet) on the example workbooks,
a few hostile copies, and finally terminates the office so that valgrind
writes its leak report.

Usage: /usr/bin/python3 tests/valgrind/exercise.py PIPE_NAME
Everything is slow under memcheck (the office takes minutes to start), hence
the long timeouts.  Prints one line per step; exit status 1 if a step failed.
"""
import os
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))

import uno  # noqa: E402

from office import props  # noqa: E402
import test_functions  # noqa: E402
import workbooks as wb  # noqa: E402

CONNECT_TIMEOUT = 900
STEP_TIMEOUT = 900


class Session:
    def __init__(self, pipe):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + CONNECT_TIMEOUT
        while True:
            try:
                self.context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                if time.time() > deadline:
                    raise RuntimeError("the office under valgrind did not answer in %d s" % CONNECT_TIMEOUT)
                time.sleep(2)
        self.smgr = self.context.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.context)

    def create_instance(self, service):
        return self.smgr.createInstanceWithContext(service, self.context)

    def open(self, path):
        return self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)),
                                                 "_blank", 0, props(Hidden=True))


failures = 0


def step(name, function):
    global failures
    start = time.time()
    try:
        result = function()
        print("valgrind step: %s: %s (%.0f s)" % (name, result if result is not None else "done",
                                                 time.time() - start))
    except Exception as e:
        failures += 1
        print("valgrind step: %s: FAILED %s (%.0f s)" % (name, e, time.time() - start))
    sys.stdout.flush()


def functions(session):
    doc = session.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, props(Hidden=True))
    sheet = doc.Sheets.getByIndex(0)
    for row, value in test_functions.INPUTS.items():
        cell = sheet.getCellByPosition(0, row - 1)
        if isinstance(value, str) and value.startswith("="):
            cell.setFormula(value)
        elif isinstance(value, str):
            cell.setString(value)
        elif value is not None:
            cell.setValue(value)
    for i, (formula, _) in enumerate(test_functions.CASES):
        sheet.getCellByPosition(2, i).setFormula(formula)
    sheet.getCellByPosition(3, 0).setFormula('=JX.CHECK("300人次开展")')
    doc.calculateAll()
    good = sum(test_functions.matches(test_functions.describe(sheet.getCellByPosition(2, i)), expected)
               for i, (_, expected) in enumerate(test_functions.CASES))
    # the Function Wizard's names and descriptions come from the add-in
    descriptions = session.create_instance("com.sun.star.sheet.FunctionDescriptions")
    listed = 0
    for i in range(descriptions.getCount()):
        entry = {p.Name: p.Value for p in descriptions.getByIndex(i)}
        listed += entry["Name"].startswith("JX.")
    doc.close(True)
    return "%d of %d formulas as expected, %d JX functions listed" % (good, len(test_functions.CASES), listed)


def commands(session, path, extra=()):
    def run():
        doc = session.open(path)
        if doc is None:
            raise RuntimeError("the office refused %s" % os.path.basename(path))
        states = []
        for command in ["org.jixiao.commands:Validate", "org.jixiao.commands:Compute?mode=values",
                        "org.jixiao.commands:Compute?mode=formulas", "org.jixiao.commands:Validate",
                        "org.jixiao.commands:Report?hidden=1"] + list(extra):
            why = wb.dispatch(session, doc, command, timeout=STEP_TIMEOUT)
            states.append("%s %s" % (command.split(":")[1], "ok" if why is None else why))
        doc.calculateAll()
        # the spreadsheet and the report Report opened
        components = session.desktop.getComponents().createEnumeration()
        while components.hasMoreElements():
            components.nextElement().close(True)
        return "; ".join(states)
    return run


def private_copy(path):
    """A copy under build/valgrind/books: a document another office has open
    is locked, and a hidden load of a locked file fails."""
    directory = os.path.join(ROOT, "build", "valgrind", "books")
    os.makedirs(directory, exist_ok=True)
    target = os.path.join(directory, os.path.basename(path))
    shutil.copyfile(path, target)
    return target


def main(pipe):
    session = Session(pipe)
    step("add-in functions", lambda: functions(session))
    step("commands on the Yuanjiang example", commands(session, private_copy(wb.YUANJIANG)))
    step("commands on the standard workbook", commands(session, private_copy(wb.STANDARD)))
    step("commands on the corrected example (.xlsx twin if built)", commands(session, private_copy(
        wb.CORRECTED_XLSX if os.path.exists(wb.CORRECTED_XLSX) else wb.CORRECTED)))
    hostile = os.path.join(ROOT, "build", "hostile", "cases-100")
    if os.path.isdir(hostile):
        for name in sorted(os.listdir(hostile))[:12]:
            # not the 1–10 MB strings: Writer lays out such a report for many minutes
            if name.endswith((".ods", ".xlsx", ".fods")) and "huge-string" not in name \
                    and "many-rows" not in name:
                step("commands on hostile %s" % name, commands(session, os.path.join(hostile, name)))
    try:
        session.desktop.terminate()
    except Exception:
        pass   # the bridge goes down with the office
    print("valgrind step: terminate requested")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
