"""The panel on the second form, the national 项目支出绩效自评表, as a
person uses it in the real office under Xvfb: the same buttons, keys and
panel as on the department workbook, the form told by Jixiao itself.

    /usr/bin/python3 tests/ui/test_panel_project.py PROFILE DISPLAY SHOTS_DIR

A copy of examples/yuanjiang-cast-2023-kepu.fods is opened (never saved)
with one figure typed wrong (当年财政拨款 全年执行数 89.64 instead of 88.64):
Alt+J V lists the one finding, Alt+J N goes to its cell, typing the right
figure there empties the list, 计算 fills the computed cells (总分 98.19,
优) and one Ctrl+Z takes them back.
"""
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from desktop import Desktop, close_document  # noqa: E402
from tap import Tap  # noqa: E402  (tests/integration/tap.py)
from test_panel import Panel, deck_open, focus_sheet  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
EXAMPLE = os.path.join(ROOT, "examples", "yuanjiang-cast-2023-kepu.fods")
FORM = "项目支出绩效自评表"


def main(profile, display, shots):
    tap = Tap("ui-project")
    tmp = tempfile.mkdtemp(prefix="jixiao-ui-project-")
    copy = os.path.join(tmp, "科普专项.fods")
    shutil.copy(EXAMPLE, copy)
    try:
        with Desktop(profile, display) as d:
            wait = d.wait_until
            doc = d.open(copy)
            panel = Panel(d, doc)
            sheet = doc.Sheets.getByName(FORM)
            sheet.getCellRangeByName("D7").setValue(89.64)   # an input cell: a person's typo
            focus_sheet(doc)
            d.keys("alt+j", "v")
            summary = wait(lambda: panel.summary().startswith("已校验") and panel.summary(), timeout=15)
            tap.ok(bool(summary) and "错误 1 · 警告 0 · 提示 0" in summary and deck_open(doc),
                   "Alt+J V on the project form: one error", repr(panel.summary()))
            items = panel.items()
            tap.ok(len(items) == 1 and items[0].startswith("✖ %s!D6 " % FORM),
                   "the list names the 年度资金总额 全年执行数 cell that does not add up", items)
            d.keys("alt+j", "n")
            where = wait(lambda: doc.getCurrentController().getSelection().AbsoluteName == "$%s.$D$6" % FORM)
            tap.ok(where, "Alt+J N selects %s!D6" % FORM, doc.getCurrentController().getSelection().AbsoluteName)
            detail = panel.detail()
            tap.ok(detail is not None and "JX-SUM-MISMATCH" in detail.getAccessibleName() and
                   "96.64" in detail.getAccessibleName() and "97.64" in detail.getAccessibleName(),
                   "its message says 96.64 against the sources' 97.64", detail and detail.getAccessibleName())
            time.sleep(0.8)
            d.screenshot(os.path.join(shots, "project-form.png"))

            doc.getCurrentController().select(sheet.getCellRangeByName("D7"))
            focus_sheet(doc)
            d.type("88.64")
            d.keys("Return")
            cleared = wait(lambda: panel.items() == [] and "错误 0" in panel.summary(), timeout=10)
            tap.ok(bool(cleared), "typing 88.64 into D7: the finding leaves the list", panel.summary())

            before = sheet.getCellRangeByName("G24").getString()
            d.click(panel.button("计算(C)"))
            computed = wait(lambda: panel.summary().startswith("已计算：写入"), timeout=15)
            doc.calculateAll()
            total = sheet.getCellRangeByName("G24").getValue()
            grade = sheet.getCellRangeByName("G25").getString()
            tap.ok(bool(computed) and before == "" and abs(total - 98.19) < 1e-9 and grade == "优",
                   "clicking 计算 fills 总分 98.19 and 自评等级 优", "%r %r %r" % (panel.summary(), total, grade))
            time.sleep(0.8)
            d.screenshot(os.path.join(shots, "project-computed.png"))
            focus_sheet(doc)
            d.keys("ctrl+z")
            undone = wait(lambda: panel.summary().startswith("已撤销"), timeout=10)
            tap.ok(bool(undone) and sheet.getCellRangeByName("G24").getString() == "" and
                   sheet.getCellRangeByName("G6").getString() == "",
                   "one Ctrl+Z takes every computed cell back", panel.summary())
            close_document(doc)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
