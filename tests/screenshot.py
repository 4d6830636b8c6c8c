"""Screenshot of the real office with Jixiao's sidebar panel showing the
findings of the example workbook.  Runs LibreOffice with a window under
Xvfb (tests/screenshot.sh starts it), validates the workbook through the
menu command, selects the first finding, and captures the screen.

    /usr/bin/python3 tests/screenshot.py PROFILE WORKBOOK OUT.png
"""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "integration"))
from office import Office  # noqa: E402


def main(profile, workbook, out):
    with Office(profile, headless=False) as office:
        doc = office.open(workbook, hidden=False)
        window = doc.getCurrentController().getFrame().getContainerWindow()
        window.setPosSize(0, 0, 1600, 1000, 15)
        state = office.dispatch(doc, "org.jixiao.commands:Validate")
        # go to a finding as a click in the list would: its cells get selected
        office.dispatch(doc, "org.jixiao.commands:NextFinding?index=2")
        time.sleep(4)   # let the sidebar lay itself out and paint
        subprocess.run(["import", "-window", "root", out], check=True)
        doc.close(True)
    return 0 if state == 1 else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
