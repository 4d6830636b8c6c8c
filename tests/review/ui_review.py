"""The review panel in the real office, used as a person uses it.

The reference report (.odt made by the build) is opened in a visible Writer
under Xvfb.  The test opens the 报告审阅 menu with Alt+J and picks 审阅报告…,
which shows the sidebar's review panel, clicks 审阅报告 / Review report, reads what the panel shows through the
accessibility tree, clicks findings in the list with the mouse (xdotool)
and checks that Writer selected their words; then types over a selection
and clicks again: the panel must say the document changed.  A screenshot is
taken with a finding selected.

    /usr/bin/python3 tests/review/ui_review.py PROFILE REPORT.odt SHOT.png

Prints TAP; run by tests/review/run-ui.sh (DISPLAY set there).
"""
import os
import subprocess
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))
from office import Office  # noqa: E402
from tap import Tap  # noqa: E402

PUSH_BUTTON, LABEL, LIST, LIST_ITEM, MENU_ITEM, TOGGLE_BUTTON = 44, 30, 32, 33, 36, 62
DECK_TITLES = ("Performance self-evaluation", "绩效自评")
REVIEW_BUTTON = ("Review report", "审阅报告")
MENU_ENTRY = ("Review report…", "审阅报告")


def walk(ctx, out, depth=0):
    try:
        out.append((ctx.getAccessibleRole(), ctx.getAccessibleName(), ctx))
        n = ctx.getAccessibleChildCount()
    except Exception:
        return out
    if depth > 40:
        return out
    for i in range(min(n, 300)):
        try:
            walk(ctx.getAccessibleChild(i).getAccessibleContext(), out, depth + 1)
        except Exception:
            pass
    return out


def find(frame, role, names, timeout=20):
    """The first accessible of role whose name starts with one of names."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for r, name, ctx in walk(frame.getContainerWindow().getAccessibleContext(), []):
            if r == role and any(name.startswith(n) for n in names):
                return ctx
        time.sleep(0.5)
    return None


def items_of(frame):
    """The findings listed in the panel (items that begin with ✖, ⚠ or ℹ)."""
    return [(name, ctx) for r, name, ctx in walk(frame.getContainerWindow().getAccessibleContext(), [])
            if r == LIST_ITEM and name[:1] in ("✖", "⚠", "ℹ")]


def summary_of(frame):
    labels = [name for r, name, ctx in walk(frame.getContainerWindow().getAccessibleContext(), [])
              if r == LABEL and ("审阅" in name or "eview" in name)]
    return labels[0] if labels else ""


def click(ctx):
    """A left click at the middle of an accessible, with the mouse."""
    where, size = ctx.getLocationOnScreen(), ctx.getSize()
    x, y = where.X + size.Width // 2, where.Y + size.Height // 2
    subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=True)
    return x, y


def selected_text(doc):
    selection = doc.getCurrentController().getSelection()
    try:
        return selection.getByIndex(0).getString()
    except Exception:
        return None


def wait_for(condition, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.3)
    return condition()


def main(profile, report, shot):
    tap = Tap("review-ui")
    with Office(profile, headless=False) as office:
        doc = office.open(report, hidden=False)
        frame = doc.getCurrentController().getFrame()
        frame.getContainerWindow().setPosSize(0, 0, 1600, 1000, 15)
        doc.getCurrentController().getSidebar().setVisible(False)   # as a fresh window may open
        time.sleep(3)

        # the menu: Alt+J, then 审阅报告… opens the sidebar on the review panel
        frame.getContainerWindow().setFocus()
        time.sleep(1)
        subprocess.run(["xdotool", "key", "alt+j"], check=True)
        entry = find(frame, MENU_ITEM, MENU_ENTRY, timeout=10)
        tap.ok(entry is not None, "Alt+J opens Writer's 报告审阅 menu with 审阅报告…")
        if entry is not None:
            click(entry)
        button = find(frame, PUSH_BUTTON, REVIEW_BUTTON)
        tap.ok(button is not None, "审阅报告… shows the review panel with its 审阅报告 / Review report button")
        tab = find(frame, TOGGLE_BUTTON, DECK_TITLES, timeout=5)
        tap.ok(tab is not None, "Writer's sidebar has the 绩效自评 deck's tab")
        if button is None:
            return tap.finish()
        before = summary_of(frame)
        tap.ok("审阅报告" in before or "Review report" in before,
               "before a review the panel says how to start one", before)

        click(button)
        summary = wait_for(lambda: (lambda s: s if ("93" in s and ("已审阅" in s or "Reviewed" in s)) else None)
                           (summary_of(frame)))
        tap.ok(summary is not None and ("7" in summary and "4" in summary and "1" in summary),
               "clicking 审阅报告 reviews 93 paragraphs: 7 errors, 4 warnings, 1 note", repr(summary_of(frame)))
        items = wait_for(lambda: items_of(frame) if len(items_of(frame)) >= 12 else None) or items_of(frame)
        names = [name for name, _ in items]
        tap.ok(len(names) == 12, "the panel lists the 12 findings", "\n".join(names))
        if not names:
            return tap.finish()
        tap.ok(("第25段" in names[0] or "¶25" in names[0]) and "273.77" in names[0] and "320.45" in names[0],
               "the first finding is 基本支出 273.77 vs its parts 320.45, at paragraph 25", names[0])

        # a click on a finding selects its words in the document
        wanted = [("25", "我单位基本支出：273.77万元，其中。"),
                  ("67", "一是科普活动受益学生人数辐射范围人数超过6万元"),
                  ("81", "十二、其他需要说明的情况")]
        for paragraph, words in wanted:
            index = next((i for i, n in enumerate(names) if ("第%s段" % paragraph) in n or ("¶%s " % paragraph) in n),
                         None)
            if index is None:
                tap.ok(False, "a finding at paragraph %s is listed" % paragraph, "\n".join(names))
                continue
            click(items_of(frame)[index][1])
            got = wait_for(lambda: selected_text(doc) if selected_text(doc) == words else None, 10)
            tap.ok(got == words, "clicking the finding at paragraph %s selects “%s”" % (paragraph, words),
                   repr(selected_text(doc)))
            detail = wait_for(lambda: next((n for r, n, c in walk(frame.getContainerWindow().getAccessibleContext(), [])
                                            if r == LABEL and words in n), None), 5)
            tap.ok(detail is not None and (("第%s段" % paragraph) in detail or ("Paragraph %s" % paragraph) in detail),
                   "below the list, the finding in full with its sentence", repr(detail))

        # the screenshot for the README: the first finding selected
        click(items_of(frame)[0][1])
        wait_for(lambda: selected_text(doc) == wanted[0][1], 10)
        time.sleep(2)
        subprocess.run(["import", "-window", "root", shot], check=True)
        tap.ok(os.path.getsize(shot) > 20000, "screenshot written: %s" % shot)

        # typing over the selection changes paragraph 25: a click on its finding now asks for a
        # new review instead of selecting words that are no longer there
        frame.getComponentWindow().setFocus()   # the keyboard goes back to the text, selection kept
        time.sleep(1)
        subprocess.run(["xdotool", "type", "--delay", "50", "X"], check=True)
        changed = wait_for(lambda: doc.getText().getString().count("我单位基本支出") == 0)
        click(items_of(frame)[1][1])   # another finding first, so that the next click is a change
        time.sleep(1)
        click(items_of(frame)[0][1])
        message = wait_for(lambda: (lambda s: s if ("改动" in s or "changed" in s) else None)(summary_of(frame)))
        tap.ok(changed and message is not None and selected_text(doc) != wanted[0][1],
               "after an edit, clicking a finding says the document changed (no wrong selection)",
               repr(summary_of(frame)))
        doc.setModified(False)
        doc.close(True)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
