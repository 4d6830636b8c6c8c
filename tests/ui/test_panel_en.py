"""The panel and menu in the English UI: the same commands by their English
mnemonics, and texts in sentence case with singular and plural right.

    /usr/bin/python3 tests/ui/test_panel_en.py PROFILE DISPLAY SHOTS_DIR
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from desktop import LABEL, PUSH_BUTTON, Desktop, close_document  # noqa: E402
from tap import Tap  # noqa: E402  (tests/integration/tap.py)

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
EXAMPLE = os.path.join(ROOT, "examples", "yuanjiang-cast-2023.fods")
BUTTONS = ["Validate", "Compute", "Generate report", "Export report…"]


def main(profile, display, shots):
    tap = Tap("ui-en")
    with Desktop(profile, display) as d:
        doc = d.open(EXAMPLE)
        doc.getCurrentController().getFrame().getComponentWindow().setFocus()
        time.sleep(0.3)
        d.keys("alt+j", "v")   # Self-evaluation (J) ▸ Validate workbook (V)
        panel = d.wait_until(lambda: d.panel(doc), timeout=15)
        labels = lambda: [c.getAccessibleName() for c in d.find_all(doc, LABEL, under=d.panel(doc))]  # noqa: E731
        summary = d.wait_until(lambda: next((t for t in labels() if t.startswith("Validated")), None))
        tap.ok(summary == "Validated\n9 errors · 1 warning · 1 note",
               "Alt+J V validates; the summary counts in words, singular and plural", repr(summary))
        names = [c.getAccessibleName() for c in d.find_all(doc, PUSH_BUTTON, under=panel)] if panel else []
        tap.ok(names[:4] == BUTTONS, "the panel's buttons, in sentence case", names)
        d.keys("alt+j", "n")   # Next finding (N)
        detail = d.wait_until(lambda: next((t for t in labels() if "JX-" in t), None))
        tap.ok(detail is not None and detail.startswith("✖ error · JX-SUM-MISMATCH · 1/11\nBasic expenditure"),
               "Alt+J N shows the first finding in full, in English", repr(detail))
        hint = next((t for t in labels() if t.startswith("What to do: ")), None)
        tap.ok(hint is not None and len(hint) > len("What to do: ") + 10, "and what to do about it", repr(hint))
        d.screenshot(os.path.join(shots, "english.png"))
        close_document(doc)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
