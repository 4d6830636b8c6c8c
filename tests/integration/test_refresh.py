"""Refresh from workbook, in the real office: a report edited by hand, then
its workbook changed, then its figures refreshed.

The example's report (as reported) is generated through tools/jixiao, then
edited through UNO as an author would: sentences reworded around their
numbers, a paragraph inserted and one deleted, one figure overtyped.  Five
cells of the workbook change (the total spending, shown three times; a
class of basic spending; the overtyped project's spending; the staff; an
indicator's actual, which moves its completion and score).  tools/jixiao
refresh brings the report up to date, and the result is read back:

- every bound figure shows what a report generated from the changed
  workbook shows for the same source (the oracle: a fresh report);
- every other character is as the author left it: the document's text,
  with each bound figure masked, is the edited document's;
- the overtyped figure is reported and left; the deleted figures are gone
  and not counted as changes; the change list names exactly the figures
  that changed, old → new, each at its paragraph;
- each sentence whose figures changed carries a "请复核" comment, and the
  figures validation still flags keep their "校验" comment;
- all of it again after a round trip through .docx (the report edited,
  saved as .docx, refreshed as .docx, read back from .docx);
- a second refresh changes nothing; --take gives the overtyped figure the
  workbook's value; --keep keeps it quiet; a document Jixiao did not make,
  and an output that is the input, are refused with exit status 2.

Usage: test_refresh.py PROFILE  (a profile with Jixiao, tools/office-profile.sh)
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True

import uno  # noqa: E402
from office import close_document, Office  # noqa: E402
from tap import Tap  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
JIXIAO = os.path.join(ROOT, "tools", "jixiao")
REPORTED = os.path.join(ROOT, "examples", "yuanjiang-cast-2023.fods")
BINDINGS = "JixiaoBindings"
PARAGRAPH_BREAK = 0   # com.sun.star.text.ControlCharacter.PARAGRAPH_BREAK

# the author's edits: (what the report says, what the author makes of it)
REWORDED = [("万元，包括", "万元，其中主要包括"), ("经自评，", "经本单位认真自评，"),
            ("年度部门整体支出绩效自评得分", "年度部门整体支出绩效自评总得分")]
INSERTED = "作者补充：以上为财政拨款支出，均已按规定程序报批。"
DELETED = "3.对个人和家庭的补助"       # the paragraph listing this class goes
OVERTYPED = ("全年执行数", "74.41", "74.4")   # the project's spending, typed by hand

# the workbook's changes, by the source of a figure bound to the cell
CHANGES = {
    "spending.total.executed": 412.30,
    "expense_items[工资福利支出].executed": 275.00,
    "projects[科普专项].executed": 80.00,
    "staff.actual": 16,
    "indicators[直接受益中小学生].actual": "5500多人次",
}


def jixiao(profile, *args):
    result = subprocess.run([JIXIAO, "--profile", profile, "--lang", "en"] + list(args), capture_output=True,
                            timeout=600)
    return result.returncode, (result.stdout + result.stderr).decode("utf-8", "replace")


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def source_of(f):
    if "field" in f:
        return f["field"]
    return "%s[%s%s].%s" % (f["table"], f["row"], "#%d" % f["n"] if f.get("n", 1) > 1 else "", f["column"])


def bindings_of(doc):
    return json.loads(doc.DocumentProperties.UserDefinedProperties.getPropertyValue(BINDINGS))["figures"]


def store(doc, path, filter_name):
    doc.storeToURL(uno.systemPathToFileUrl(path), (prop("FilterName", filter_name),))


def prop(name, value):
    p = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    p.Name, p.Value = name, value
    return p


# --- the document as the author and the tests see it -----------------------------------------

def paragraphs(doc):
    """Every paragraph of the body, tables cell by cell, in order."""
    enum = doc.Text.createEnumeration()
    while enum.hasMoreElements():
        element = enum.nextElement()
        if element.supportsService("com.sun.star.text.TextTable"):
            for name in element.CellNames:
                cells = element.getCellByName(name).createEnumeration()
                while cells.hasMoreElements():
                    yield cells.nextElement()
        else:
            yield element


def figures_in(paragraph, texts):
    """A paragraph's text with each bound figure's place: (text, [(id, start, end)]).  A figure's
    bookmark that ends short of the text its binding records (.docx import moves a bookmark's end
    left by one for each comment before it) is taken to cover that text, as Jixiao does."""
    text, marks, open_at = "", [], {}
    portions = paragraph.createEnumeration()
    while portions.hasMoreElements():
        portion = portions.nextElement()
        kind = portion.TextPortionType
        if kind == "Bookmark":
            name = portion.Bookmark.Name
            if name.startswith("JX_F"):
                if portion.IsCollapsed:
                    marks.append((name, len(text), len(text)))
                elif portion.IsStart:
                    open_at[name] = len(text)
                elif name in open_at:
                    marks.append((name, open_at.pop(name), len(text)))
            continue
        if kind in ("Text", "TextField"):
            text += portion.String
    fixed = []
    for name, start, end in marks:
        want = texts.get(name, "")
        if want.startswith(text[start:end]) and text[start:start + len(want)] == want:
            end = start + len(want)
        fixed.append((name, start, end))
    return text, fixed


def masked(doc):
    """The document's text, paragraph by paragraph, each bound figure replaced by its id, and
    the figures' texts: (paragraph texts, {id: text})."""
    texts = {f["id"]: f["text"] for f in bindings_of(doc)}
    out, shown = [], {}
    for paragraph in paragraphs(doc):
        text, marks = figures_in(paragraph, texts)
        masked_text, at = "", 0
        for name, start, end in sorted(marks, key=lambda m: m[1]):
            masked_text += text[at:start] + "⟦%s⟧" % name
            shown[name] = text[start:end]
            at = end
        out.append(masked_text + text[at:])
    return out, shown


def notes(doc):
    """Jixiao's comments: (content, the text they are anchored over)."""
    found = []
    fields = doc.TextFields.createEnumeration()
    while fields.hasMoreElements():
        field = fields.nextElement()
        if field.supportsService("com.sun.star.text.textfield.Annotation") and field.Author.startswith("绩效自评助手"):
            found.append((field.Content, field.Anchor.getString()))
    return found


def find(doc, text, start=None):
    search = doc.createSearchDescriptor()
    search.SearchString = text
    return doc.findNext(start, search) if start is not None else doc.findFirst(search)


def edit_as_author(doc):
    """The edits of REWORDED, INSERTED, DELETED and OVERTYPED; returns the overtyped figure's id."""
    for before, after in REWORDED:
        found = find(doc, before)
        found.setString(after)
    anchor = find(doc, REWORDED[0][1])
    cursor = anchor.Text.createTextCursorByRange(anchor.End)
    cursor.gotoEndOfParagraph(False)
    anchor.Text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    anchor.Text.insertString(cursor, INSERTED, False)
    doomed = find(doc, DELETED)
    cursor = doomed.Text.createTextCursorByRange(doomed.Start)
    cursor.gotoStartOfParagraph(False)
    cursor.gotoEndOfParagraph(True)
    cursor.goRight(1, True)   # and its paragraph break
    cursor.setString("")
    label, old, new = OVERTYPED
    found = find(doc, label + old)
    cursor = found.Text.createTextCursorByRange(found.Start)
    cursor.goRight(len(label), False)
    cursor.goRight(len(old), True)
    doc.CurrentController.select(cursor)
    cursor.setString(new)
    for f in bindings_of(doc):
        if f["text"] == old and source_of(f) == "projects[科普专项].executed":
            mark = doc.Bookmarks.getByName(f["id"])
            if mark.Anchor.getString() == new:
                return f["id"]
    return None


def change_workbook(office, book, out, figures):
    """The workbook with CHANGES made, stored at out."""
    cells = {source_of(f): f["cell"] for f in figures}
    doc = office.open(book)
    try:
        for source, value in CHANGES.items():
            sheet, address = cells[source].split("!")
            cell = doc.Sheets.getByName(sheet).getCellRangeByName(address)
            if isinstance(value, str):
                cell.setString(value)
            else:
                cell.setValue(value)
        store(doc, out, "calc8")
    finally:
        close_document(doc)
    return {source: cells[source] for source in CHANGES}


# --- checks ------------------------------------------------------------------------------------

def check_refreshed(tap, label, office, edited_path, refreshed_path, fresh, changes, overtyped, changed_cells):
    """What a refresh must leave: figures as the fresh report has them, every other character as
    the author left it, the change list right, re-read comments, validation's comments."""
    edited = office.open(edited_path)
    refreshed = office.open(refreshed_path)
    try:
        before_text, before_shown = masked(edited)
        after_text, after_shown = masked(refreshed)
        tap.ok(before_text == after_text,
               "%s: every character outside the bound figures is as the author left it (%d paragraphs)"
               % (label, len(after_text)),
               "\n".join("- %s\n+ %s" % (a, b) for a, b in zip(before_text, after_text) if a != b)[:3000])
        body = refreshed.Text.getString()
        tap.ok(all(after in body for _, after in REWORDED) and INSERTED in body and DELETED not in body and
               OVERTYPED[0] + OVERTYPED[2] + "万元" in body,
               "%s: the reworded sentences, the inserted paragraph, the deletion and the overtyped figure are "
               "intact" % label, body[:2000])
        bound = bindings_of(refreshed)
        by_id = {f["id"]: f for f in bound}
        wrong, compared = [], 0
        for f in bound:
            if f["id"] == overtyped or f["id"] not in after_shown:
                continue
            want = fresh.get((source_of(f), f["format"]))
            if want is None:
                continue
            compared += 1
            if after_shown[f["id"]] != want:
                wrong.append("%s %s: %r, a fresh report says %r" % (f["id"], source_of(f), after_shown[f["id"]], want))
        tap.ok(compared > 300 and not wrong,
               "%s: every bound figure shows what a fresh report of the changed workbook shows (%d compared)"
               % (label, compared), "\n".join(wrong[:30]))
        tap.ok(after_shown.get(overtyped) == OVERTYPED[2],
               "%s: the overtyped figure keeps the author's %s" % (label, OVERTYPED[2]), repr(after_shown.get(overtyped)))
        # the change list: exactly the figures whose text changed, old → new, at their paragraph
        listed = {f["id"]: f for f in changes["figures"]}
        expected = {i for i, text in after_shown.items()
                    if i in before_shown and before_shown[i] != text and i != overtyped}
        changed = {i for i, f in listed.items() if f["status"] == "changed"}
        placed = [f for f in listed.values() if f["status"] == "changed"
                  and f.get("workbook", "\0") not in f.get("paragraph", "")]
        tap.ok(changed == expected and changes["counts"]["changed"] == len(expected) and not placed and all(
            listed[i]["before"] == before_shown[i] and listed[i]["workbook"] == after_shown[i] for i in changed),
            "%s: the change list names the %d changed figures, old → new, each in its paragraph"
            % (label, len(expected)),
            "missing %s\nextra %s\nnot in their paragraph %s" % (sorted(expected - changed), sorted(changed - expected),
                                                               [f["id"] for f in placed]))
        cells = {f["cell"] for f in listed.values() if f["status"] == "changed"}
        tap.ok(all(cell in cells for cell in changed_cells),
               "%s: each changed cell's figures are among the changes" % label, repr(sorted(cells)))
        ot = listed.get(overtyped, {})
        tap.ok(ot.get("status") == "overtyped" and ot.get("before") == OVERTYPED[2] and ot.get("workbook") == "80.00"
               and changes["counts"]["overtyped"] == 1,
               "%s: the overtyped figure is reported (the author's 74.4, the workbook's 80.00), not overwritten"
               % label, json.dumps(ot, ensure_ascii=False))
        gone = {f["id"] for f in bindings_of(edited)} - set(before_shown)
        tap.ok(len(gone) > 0 and changes["counts"]["gone"] == len(gone) and not (gone & set(listed)),
               "%s: the %d figures deleted with their paragraph are gone, not changes" % (label, len(gone)),
               repr(changes["counts"]))
        comments = notes(refreshed)
        rereads = [(c, a) for c, a in comments if c.startswith("请复核")]
        unmarked = [i for i in expected if not any(listed[i]["workbook"] in a for _, a in rereads)]
        tap.ok(rereads and not unmarked,
               "%s: every sentence whose figures changed carries a 请复核 comment over it (%d comments)"
               % (label, len(rereads)), "unmarked: %s\n%s" % (unmarked, rereads[:5]))
        flagged = [c for c, _ in comments if c.startswith("校验 ")]
        tap.ok(any("JX-SUM-MISMATCH" in c for c in flagged),
               "%s: figures validation still flags keep their 校验 comment (%d)" % (label, len(flagged)),
               repr(comments[:10]))
        return by_id
    finally:
        close_document(edited)
        close_document(refreshed)


def fresh_texts(office, path):
    """(source, format) → the text a report shows for it, from a report's bindings."""
    doc = office.open(path)
    try:
        return {(source_of(f), f["format"]): f["text"] for f in bindings_of(doc)}
    finally:
        close_document(doc)


def main(profile):
    tap = Tap("refresh")
    profile = os.path.abspath(profile)
    tmp = tempfile.mkdtemp(prefix="jixiao-refresh-")
    try:
        own = os.path.join(tmp, "profile")
        shutil.copytree(profile, own, symlinks=True)
        book = os.path.join(tmp, "yuanjiang-cast-2023.fods")
        shutil.copy(REPORTED, book)
        status, said = jixiao(own, "report", book, "--out", os.path.join(tmp, "generated"), "--formats", "odt")
        generated = os.path.join(tmp, "generated", "yuanjiang-cast-2023.odt")
        tap.ok(os.path.exists(generated), "the example's report is generated", said)

        edited_odt, edited_docx = os.path.join(tmp, "edited.odt"), os.path.join(tmp, "edited.docx")
        changed_book = os.path.join(tmp, "changed.ods")
        with Office(profile) as office:
            doc = office.open(generated)
            try:
                figures = bindings_of(doc)
                tap.ok(len(figures) > 300 and all(doc.Bookmarks.hasByName(f["id"]) for f in figures),
                       "the report binds its figures: %d bookmarks and their sources" % len(figures))
                overtyped = edit_as_author(doc)
                tap.ok(overtyped is not None, "the author's edits are made through UNO, one figure overtyped")
                store(doc, edited_odt, "writer8")
                store(doc, edited_docx, "MS Word 2007 XML")
            finally:
                close_document(doc)
            changed_cells = list(change_workbook(office, book, changed_book, figures).values())

        # the oracle: the report of the changed workbook
        jixiao(own, "report", changed_book, "--out", os.path.join(tmp, "fresh"), "--formats", "odt")
        fresh_path = os.path.join(tmp, "fresh", "changed.odt")

        # .odt, through the command line
        refreshed_odt, changes_odt = os.path.join(tmp, "refreshed.odt"), os.path.join(tmp, "changes-odt.json")
        edited_hash, book_hash = sha256(edited_odt), sha256(changed_book)
        status, said = jixiao(own, "refresh", edited_odt, "--workbook", changed_book, "--out", refreshed_odt,
                              "--changes", changes_odt)
        tap.ok(status == 1 and os.path.exists(refreshed_odt),
               "jixiao refresh (.odt): exit 1 (an overtyped figure awaits the author), the copy written", said)
        tap.ok("overtyped" in said and "74.4" in said and "→" in said,
               "jixiao refresh: the change list on standard output, old → new, and the overtyped figure", said)
        tap.ok(sha256(edited_odt) == edited_hash and sha256(changed_book) == book_hash,
               "jixiao refresh: the report and the workbook are not written")
        # .docx: the edited report saved as .docx, refreshed as .docx
        refreshed_docx, changes_docx = os.path.join(tmp, "refreshed.docx"), os.path.join(tmp, "changes-docx.json")
        status, said = jixiao(own, "refresh", edited_docx, "--workbook", changed_book, "--out", refreshed_docx,
                              "--changes", changes_docx)
        tap.ok(status == 1 and os.path.exists(refreshed_docx), "jixiao refresh (.docx): exit 1, the copy written", said)
        # a second refresh changes nothing; --take and --keep settle the overtyped figure
        again = os.path.join(tmp, "again.odt")
        status, said = jixiao(own, "refresh", refreshed_odt, "--workbook", changed_book, "--out", again,
                              "--format", "json")
        repeat = json.loads(said[said.index("{"):said.rindex("}") + 1]) if "{" in said else {}
        tap.ok(repeat.get("counts", {}).get("changed") == 0 and repeat["counts"]["overtyped"] == 1,
               "a second refresh changes nothing, and still reports the overtyped figure", said[-800:])
        taken, kept = os.path.join(tmp, "taken.odt"), os.path.join(tmp, "kept.odt")
        jixiao(own, "refresh", refreshed_odt, "--workbook", changed_book, "--out", taken, "--take", overtyped)
        status, said = jixiao(own, "refresh", refreshed_odt, "--workbook", changed_book, "--out", kept,
                              "--keep", "all")
        status2, said2 = jixiao(own, "refresh", kept, "--workbook", changed_book, "--out",
                                os.path.join(tmp, "kept-again.odt"), "--format", "json")
        kept_again = json.loads(said2[said2.index("{"):said2.rindex("}") + 1]) if "{" in said2 else {}
        tap.ok(kept_again.get("counts", {}).get("overtyped") == 0 and kept_again["counts"]["kept"] == 1
               and kept_again["counts"]["changed"] == 0,
               "--keep: the author's figure is kept, and no longer reported as overtyped next time", said + said2)
        # refused
        plain = os.path.join(tmp, "plain.odt")
        status_same, said_same = jixiao(own, "refresh", refreshed_odt, "--workbook", changed_book,
                                        "--out", refreshed_odt)
        with Office(profile) as office:
            fresh = fresh_texts(office, fresh_path)
            tap.ok(len(fresh) > 100, "the fresh report of the changed workbook binds its figures (%d sources)"
                   % len(fresh))
            changes = json.load(open(changes_odt, encoding="utf-8"))
            check_refreshed(tap, ".odt", office, edited_odt, refreshed_odt, fresh, changes, overtyped, changed_cells)
            changes = json.load(open(changes_docx, encoding="utf-8"))
            check_refreshed(tap, ".docx", office, edited_docx, refreshed_docx, fresh, changes, overtyped,
                            changed_cells)
            doc = office.open(taken)
            try:
                shown = doc.Bookmarks.getByName(overtyped).Anchor.getString()
                paragraph = doc.Bookmarks.getByName(overtyped).Anchor
                cursor = paragraph.Text.createTextCursorByRange(paragraph.Start)
                cursor.gotoStartOfParagraph(False)
                cursor.gotoEndOfParagraph(True)
                tap.ok(shown == "80.00" and "全年执行数80.00万元" in cursor.getString(),
                       "--take: the overtyped figure takes the workbook's 80.00, nothing of 74.4 left",
                       cursor.getString())
            finally:
                close_document(doc)
            blank = office.create("swriter")
            blank.Text.insertString(blank.Text.End, "一份不是绩效自评助手生成的文件。", False)
            store(blank, plain, "writer8")
            close_document(blank)
        status, said = jixiao(own, "refresh", plain, "--workbook", changed_book, "--out", os.path.join(tmp, "x.odt"))
        tap.ok(status == 2 and "not a report Jixiao generated" in said,
               "a document Jixiao did not generate: exit 2, in words", said)
        tap.ok(status_same == 2 and "input" in said_same, "the output is the input: exit 2, in words", said_same)
    except Exception:
        tap.crash("the refresh suite ran to its end")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
