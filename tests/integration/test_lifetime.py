"""Lifetime of Jixiao's UNO objects in a real office: after every command
has run on a workbook and its report, and the documents are closed, no
object that belongs to a document may remain.  Jixiao counts its live
objects per class (org.jixiao.commands:DebugObjects writes them)."""
import gc
import json
import os
import sys
import tempfile
import time

from office import Office
from tap import Tap

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "..", "examples", "yuanjiang-cast-2023.fods")
COMMANDS = ["Validate", "Compute?mode=formulas", "Compute?mode=values", "Report", "NextFinding",
            "PreviousFinding"]
# Per process, not per document: the add-in instance Calc keeps, the
# factories the service manager keeps, the terminate listener of the
# panel's timers (ui/live.c) the desktop keeps.
PROCESS_WIDE = {"org.jixiao.calc.FunctionsAddIn", "org.jixiao.Factory", "org.jixiao.LaterTermination"}


def counts(office, doc, path):
    gc.collect()            # the Python bridge releases what it held
    time.sleep(0.5)
    office.dispatch(doc, "org.jixiao.commands:DebugObjects?path=" + path)
    with open(path) as f:
        return json.load(f)


def main(profile):
    tap = Tap("lifetime")
    work = tempfile.mkdtemp(prefix="jx-lifetime-")
    path = os.path.join(work, "objects.json")
    with Office(profile) as office:
        doc = office.open(EXAMPLE)
        for command in COMMANDS:
            state = office.dispatch(doc, "org.jixiao.commands:" + command)
            tap.ok(state == 1, "%s finishes" % command, "state %r" % state)
        while_open = counts(office, doc, path)
        tap.ok(while_open.get("org.jixiao.DocumentForgetter") == 1,
               "one document state while the workbook is open", while_open)
        components = office.desktop.getComponents().createEnumeration()
        documents = []
        while components.hasMoreElements():
            documents.append(components.nextElement())
        tap.ok(len(documents) == 2, "the workbook and its report are open", len(documents))
        for d in documents:
            d.close(True)
        del documents, components, doc
        probe = office.create()
        after = counts(office, probe, path)
        for name, live in sorted(after.items()):
            if name == "total" or name in PROCESS_WIDE:
                continue
            allowed = 1 if name == "org.jixiao.Commands" else 0   # the probe's own handler
            tap.ok(live <= allowed, "%s: %d alive after the documents closed" % (name, live), after)
        probe.close(True)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
