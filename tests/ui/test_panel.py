"""The sidebar panel, menu and toolbar as a person uses them, in the real
office under Xvfb: buttons are clicked with the mouse (xdotool) or pressed
through their accessible action, menus opened with Alt+J and a letter, cells
typed into with the keyboard; what the panel shows is read from the
accessibility tree and photographed.

    /usr/bin/python3 tests/ui/test_panel.py PROFILE DISPLAY SHOTS_DIR

The example workbook (examples/yuanjiang-cast-2023.fods) is opened and never
saved.  Screenshots of each state go to SHOTS_DIR (`make screenshots`
copies them to examples/screenshots/).
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from desktop import (LABEL, LIST, MENU_ITEM, PUSH_BUTTON, SEPARATOR, TOOL_BAR, Desktop,  # noqa: E402
                     close_document)
from tap import Tap  # noqa: E402  (tests/integration/tap.py)

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
EXAMPLE = os.path.join(ROOT, "examples", "yuanjiang-cast-2023.fods")

MENU = ["校验工作簿(V)", "下一个问题(N)", "上一个问题(B)", None, "计算完成率和得分(C)", "计算为数值（报送用）(U)",
        None, "生成自评报告(R)", "导出报告（.odt、.docx、.pdf）(E)…", None, "显示侧边栏面板(P)"]
TOOLBAR = ["校验", "计算", "生成报告", "导出报告…"]
# the finding a person fixes by typing the sum of its parts into the cell
SUM_FINDING = "基础数据表!D5 基本支出全年执行数"
SUM_FIX = "320.45"


class Panel:
    """What the panel of one document shows, read through accessibility."""

    def __init__(self, desktop, doc):
        self.d = desktop
        self.doc = doc

    def root(self):
        return self.d.panel(self.doc)

    def button(self, name):
        root = self.root()
        return self.d.find(self.doc, PUSH_BUTTON, name, under=root) if root else None

    def labels(self):
        root = self.root()
        return [c.getAccessibleName() for c in self.d.find_all(self.doc, LABEL, under=root)] if root else []

    def label(self, contains):
        root = self.root()
        return self.d.find(self.doc, LABEL, contains=contains, under=root) if root else None

    def summary(self):
        for text in self.labels():
            if "错误 " in text or "尚未校验" in text or "这不是" in text:
                return text
        return ""

    def list(self):
        root = self.root()
        return self.d.find(self.doc, LIST, under=root) if root else None

    def items(self):
        box = self.list()
        return self.d.items(box) if box else []

    def selected(self):
        box = self.list()
        return self.d.selected_item(box) if box else None

    def detail(self):
        return self.label("JX-")


def deck(doc):
    return doc.getCurrentController().getSidebar().getDecks().getByName("JixiaoDeck")


def deck_open(doc):
    sidebar = doc.getCurrentController().getSidebar()
    return sidebar.isVisible() and deck(doc).isActive()


def focus_sheet(doc):
    """Puts the keyboard focus on the sheet, as a click into it would."""
    doc.getCurrentController().getFrame().getComponentWindow().setFocus()
    time.sleep(0.3)


def whole_text_shown(d, label, screen_w=1600, screen_h=1000, slack=4):
    """Checks that every character of a label is drawn inside the label, and
    the label inside the panel and on the screen.  Returns '' or what is cut.

    The accessible layout leaves the line breaks out (the bounds of text
    index i are those of the i-th character that is not a line break) and
    differs from the painted text by a pixel or three: `slack`."""
    lx, ly, lw, lh = d.bounds(label)
    if lx < 0 or ly < 0 or lx + lw > screen_w or ly + lh > screen_h:
        return "the label %r lies off the screen" % ((lx, ly, lw, lh),)
    parent = label.getAccessibleParent().getAccessibleContext()
    px, py, pw, ph = d.bounds(parent)
    if lx < px or ly < py or lx + lw > px + pw or ly + lh > py + ph:
        return "the label %r lies outside the panel %r" % ((lx, ly, lw, lh), (px, py, pw, ph))
    text = label.getText()
    if text != label.getAccessibleName():
        return "the label's text differs from its name"
    drawn = [c for c in text if c != "\n"]
    for i, c in enumerate(drawn):
        b = label.getCharacterBounds(i)
        if b.Width <= 0 or b.Height <= 0:
            return "character %d %r is not drawn" % (i, c)
        if b.X < -slack or b.Y < -slack or b.X + b.Width > lw + slack or b.Y + b.Height > lh + slack:
            return "character %d %r is drawn at %r, outside the label's %dx%d" % (
                i, c, (b.X, b.Y, b.Width, b.Height), lw, lh)
    return ""


def main(profile, display, shots):
    tap = Tap("ui")
    os.makedirs(shots, exist_ok=True)

    def shot(name):
        time.sleep(0.8)   # let the window paint
        d.screenshot(os.path.join(shots, name + ".png"))

    with Desktop(profile, display) as d:
        doc = d.open(EXAMPLE)
        panel = Panel(d, doc)
        wait = d.wait_until

        # --- the menu and the toolbar ------------------------------------------------
        focus_sheet(doc)
        d.keys("alt+j")
        menu = wait(lambda: [c for c in d.find_all(doc, contains="") if c.getAccessibleRole() in (MENU_ITEM, SEPARATOR)
                             and c.getAccessibleParent().getAccessibleContext().getAccessibleName() == "绩效自评(J)"],
                    timeout=5)
        names = [None if c.getAccessibleRole() == SEPARATOR else c.getAccessibleName() for c in menu or []]
        tap.ok(names == MENU, "the 绩效自评 menu lists its commands in order, with separators", names)
        shot("menu")
        d.keys("Escape", "Escape")
        toolbar, buttons = None, []
        for bar in d.find_all(doc, TOOL_BAR, "绩效自评"):   # the sidebar's tab bar has the deck's name too
            names = [c.getAccessibleName() for c in d.find_all(doc, PUSH_BUTTON, under=bar)]
            if names:
                toolbar, buttons = bar, names
        tap.ok(buttons == TOOLBAR, "the toolbar is titled 绩效自评 and has Validate, Compute, Report, Export",
               buttons)
        if toolbar:
            x, y, w, h = d.bounds(toolbar)
            standard = d.find(doc, TOOL_BAR, "标准")
            sy = d.bounds(standard)[1] if standard else 0
            tap.ok(0 <= x < 20 and sy < y < 150, "the toolbar is docked under the standard toolbars",
                   "toolbar at %r, standard toolbar at y=%d" % ((x, y, w, h), sy))
        else:
            tap.ok(False, "the toolbar is docked under the standard toolbars", "no toolbar")

        # --- the deck stays open --------------------------------------------------------
        d.keys("alt+j", "p")   # 显示侧边栏面板
        tap.ok(wait(lambda: deck_open(doc) and panel.button("校验(V)") is not None),
               "Alt+J P opens the 绩效自评 deck")
        d.keys("alt+j", "p")
        time.sleep(1)
        tap.ok(deck_open(doc), "Alt+J P a second time leaves the deck open")

        d.click(panel.button("校验(V)"))
        summary = wait(lambda: "错误 9" in panel.summary() and panel.summary())
        tap.ok(bool(summary) and deck_open(doc), "clicking 校验 shows the findings and the deck stays open",
               "summary %r, deck open %s" % (panel.summary(), deck_open(doc)))
        tap.ok(summary and summary.startswith("已校验\n") and "错误 9 · 警告 1 · 提示 1" in summary,
               "the summary says what ran and the counts per severity, on lines of their own", summary)
        label = panel.label("错误 9")
        why = whole_text_shown(d, label) if label else "no summary label"
        tap.ok(why == "", "the summary is shown whole (not clipped)", why)
        items = panel.items()
        tap.ok(len(items) == 11 and items[0].startswith("✖ " + SUM_FINDING),
               "the list shows the 11 findings of the example, errors first", items[:3])
        d.press(panel.button("校验(V)"))   # as a click does, a second time
        time.sleep(1)
        tap.ok(deck_open(doc), "校验 pressed again: the deck stays open")
        shot("sidebar")

        # --- a long finding, in full ----------------------------------------------------
        longest = max(range(len(items)), key=lambda i: len(items[i]))
        box = panel.list()
        item = box.getAccessibleChild(longest).getAccessibleContext() if box else None
        bx, by, bw, bh = d.bounds(box)
        ix, iy, iw, ih = d.bounds(item)
        d.xdotool("mousemove", bx + 40, iy + ih // 2, "click", 1)   # click it
        detail = wait(lambda: panel.detail())
        message = items[longest].split(" ", 2)[2]
        tap.ok(detail is not None and message in detail.getAccessibleName(),
               "clicking it shows its whole message under the list", detail and detail.getAccessibleName())
        why = whole_text_shown(d, detail) if detail else "no detail"
        tap.ok(why == "", "every character of the long message is on screen inside the panel", why)
        name = detail.getAccessibleName() if detail else ""
        tap.ok(name.split("\n")[0] == "ℹ 提示 · JX-SAME-ROUNDING · 11/11",
               "the detail names severity, code and which finding of how many", name.split("\n")[0])
        places = [c.getAccessibleName() for c in d.find_all(doc, PUSH_BUTTON, under=panel.root())
                  if "!" in c.getAccessibleName()]
        tap.ok(len(places) == 2 and "部门整体支出绩效自评表!E11" in places[0] and "基础数据表!D4" in places[1],
               "both places the finding names are buttons", places)
        hint = panel.label("怎么改：")
        why = whole_text_shown(d, hint) if hint else "no hint"
        tap.ok(hint is not None and why == "", "a fix hint is shown whole", why)
        if len(places) == 2:
            d.click(d.find(doc, PUSH_BUTTON, places[1], under=panel.root()))
            where = wait(lambda: doc.getCurrentController().getSelection().AbsoluteName == "$基础数据表.$D$4")
            tap.ok(where, "clicking the second place selects 基础数据表!D4",
                   doc.getCurrentController().getSelection().AbsoluteName)
        shot("finding-details")

        # --- next and previous from the menu --------------------------------------------
        focus_sheet(doc)
        before = panel.selected()
        index = items.index(before) if before in items else -1
        d.keys("alt+j", "n")
        after = wait(lambda: panel.selected() != before and panel.selected())
        expected = items[(index + 1) % len(items)]
        tap.ok(after == expected, "Alt+J N selects the next finding in the list", "%r after %r" % (after, before))
        detail = panel.detail()
        tap.ok(detail is not None and expected.split(" ", 2)[2] in detail.getAccessibleName(),
               "and shows its message in full", detail and detail.getAccessibleName())
        # (the status bar's message is drawn where the accessibility tree does
        # not reach: the screenshot shows it)
        shot("next-finding")
        d.keys("alt+j", "b")
        back = wait(lambda: panel.selected() == before)
        tap.ok(back, "Alt+J B goes back to the finding before", panel.selected())

        # --- live checking: an edit that fixes a sum --------------------------------------
        d.click(box.getAccessibleChild(0).getAccessibleContext())   # the D5 finding: its cell is selected
        wait(lambda: doc.getCurrentController().getSelection().AbsoluteName == "$基础数据表.$D$5")
        focus_sheet(doc)
        d.type(SUM_FIX)
        d.keys("Return")
        start = time.time()
        gone = wait(lambda: panel.items() and not any(SUM_FINDING in i for i in panel.items()), timeout=10)
        took = time.time() - start
        sheet = doc.Sheets.getByName("基础数据表")
        tap.ok(sheet.getCellRangeByName("D5").getValue() == 320.45, "typing 320.45 into 基础数据表!D5 changes it")
        tap.ok(bool(gone), "the finding of that sum leaves the list without pressing 校验 (%.2f s after Enter)"
               % took, panel.items()[:3])
        tap.ok("随编辑更新" in panel.summary(), "the summary says the list follows the edit", panel.summary())
        tap.ok(deck_open(doc), "the deck is still open after the edit")
        shot("live-check")
        fixed_items = panel.items()

        # --- Compute, then Ctrl+Z -----------------------------------------------------------
        d.click(panel.button("计算(C)"))
        computed = wait(lambda: panel.summary().startswith("已计算：写入"))
        tap.ok(bool(computed) and deck_open(doc), "clicking 计算 computes and the deck stays open", panel.summary())
        shot("computed")
        computed_items = panel.items()
        focus_sheet(doc)
        d.keys("ctrl+z")
        undone = wait(lambda: panel.summary().startswith("已撤销"), timeout=10)
        tap.ok(bool(undone) and "已计算" not in panel.summary(),
               "Ctrl+Z after 计算: the panel says the Compute was undone", panel.summary())
        tap.ok(wait(lambda: panel.items() == fixed_items, timeout=5),
               "and lists the findings of the workbook as it was before 计算",
               "\n".join(set(panel.items()) ^ set(fixed_items)))
        shot("undo-compute")
        d.keys("ctrl+y")
        # (what Compute could not do is listed by 计算 itself, not by a later check)
        redone = wait(lambda: panel.summary().startswith("已恢复") and panel.items()
                      and set(panel.items()) <= set(computed_items), timeout=10)
        tap.ok(bool(redone), "Ctrl+Y: the panel says the Compute was redone and lists the findings after it",
               "%s\n%s" % (panel.summary(), "\n".join(set(panel.items()) - set(computed_items))))
        d.keys("ctrl+z")
        wait(lambda: panel.summary().startswith("已撤销"), timeout=10)

        # --- a cell still being typed into when 校验 is clicked -------------------------------
        doc.getCurrentController().select(sheet.getCellRangeByName("D5"))
        focus_sheet(doc)
        d.type("273.77")   # back to the wrong figure, and no Enter
        time.sleep(0.5)
        d.click(panel.button("校验(V)"))
        back = wait(lambda: any(SUM_FINDING in i for i in panel.items()), timeout=10)
        tap.ok(sheet.getCellRangeByName("D5").getValue() == 273.77 and bool(back),
               "校验 clicked while the cell is still being edited validates what was typed",
               "D5 = %r" % sheet.getCellRangeByName("D5").getValue())

        # --- a Compute that changes nothing ----------------------------------------------------
        d.click(panel.button("计算(C)"))
        wait(lambda: panel.summary().startswith("已计算"))
        doc.setModified(False)
        d.click(panel.button("计算(C)"))
        same = wait(lambda: "未改动" in panel.summary())
        tap.ok(bool(same) and not doc.isModified(), "计算 a second time changes nothing and says so",
               "%r, modified %s" % (panel.summary(), doc.isModified()))

        # --- a spreadsheet that is not the workbook ----------------------------------------------
        other = d.office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, ())
        other.getCurrentController().getFrame().getContainerWindow().setPosSize(0, 0, 1600, 1000, 15)
        time.sleep(2)
        other.Sheets.getByIndex(0).getCellRangeByName("A1").setString("考勤表")
        op = Panel(d, other)
        d.dispatch(other, "org.jixiao.commands:ShowPanel")
        wait(lambda: op.button("校验(V)") is not None)
        d.click(op.button("校验(V)"))
        message = wait(lambda: "这不是" in op.summary() and op.summary())
        tap.ok(bool(message) and "标准工作簿" in message and op.items() == [],
               "校验 on another spreadsheet: one message naming the standard workbook, no list of findings",
               "%r %r" % (op.summary(), op.items()[:3]))
        label = op.label("这不是")
        why = whole_text_shown(d, label) if label else "no message"
        tap.ok(why == "", "the message is shown whole", why)
        shot("not-a-workbook")
        open_button = op.button("打开标准工作簿(S)")
        before = d.office.desktop.getComponents().createEnumeration()
        count = 0
        while before.hasMoreElements():
            before.nextElement()
            count += 1
        if open_button:
            d.click(open_button)

        def opened():
            found = []
            e = d.office.desktop.getComponents().createEnumeration()
            while e.hasMoreElements():
                c = e.nextElement()
                if hasattr(c, "Sheets") and c.Sheets.hasByName("部门整体支出绩效自评表") and not c.getURL():
                    found.append(c)
            return found
        new = wait(opened, timeout=15)
        tap.ok(open_button is not None and bool(new),
               "its button opens an untitled copy of the standard workbook")
        for c in new or []:
            close_document(c)
        close_document(other)

        # --- quitting while a status message is still shown (its timer pending) -------------
        d.dispatch(doc, "org.jixiao.commands:NextFinding")
        close_document(doc)
        process = d.office.process
        d.office.stop()
        tap.ok(process.returncode == 0, "the office quits cleanly with a timer of the panel pending",
               "exit status %r" % process.returncode)
    return tap.finish()


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
    sys.exit(main(*sys.argv[1:4]))
