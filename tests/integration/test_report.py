"""The 自评报告 in the real office.  The two Yuanjiang workbooks (as reported,
and corrected) are turned into reports through the headless door (report and
batch) and through the Report command of a loaded workbook; the Writer
documents are read back paragraph by paragraph (doc.Text's enumeration,
ParaStyleName of each) and compared with

- the reference report's outline, read from its text (data/reference-self-
  evaluation.txt, a copy of the reference report): its level-1 sections in
  the same order (numbered 一 … 十二 once each, where the original skips 二
  and repeats 十二), its level-2 sections where the template has them, then
  the annexes on new pages;
- Writer's styles (Title, Heading 1/2/3, Text Body);
- the workbook's own cells, read from the same workbook in Calc (amounts,
  the economic classes and their items, the indicator rows), and the total
  score and grade that Compute writes afterwards (the report shows them
  before Compute has run, or a 【请填写】 placeholder when they cannot be
  computed).

and with the wording a reviewer signs: line items named only when in use,
lists numbered one level below their heading, sentences closed, absences
stated only where the workbook states them (the blank standard workbook gets
placeholders instead), the placeholders counted as the door reports them,
and the figures validation flagged carrying a comment, which leaves the text
as it is and goes with Writer's Delete All Comments.  A spreadsheet that is
not the standard workbook gets no report.

The exports (.docx, .pdf) are opened again: the .docx in Writer, the PDF's
first page as a PNG (build/report-page1.png), its text read with pdftotext:
no number broken across lines, the 总分 row on the page of the last
indicator.  The batch door is given a folder with the two workbooks and a
file of random bytes.

Usage: test_report.py PROFILE  (a profile with Jixiao, tools/office-profile.sh)
"""
import glob
import json
import os
import random
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
import zlib

sys.dont_write_bytecode = True   # no __pycache__ in the source tree

import uno  # noqa: E402
from office import close_document, Office  # noqa: E402
from tap import Tap  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
EXAMPLES = os.path.join(ROOT, "examples")
CORRECTED = "yuanjiang-cast-2023-corrected.fods"
REPORTED = "yuanjiang-cast-2023.fods"
HEADLESS_TIMEOUT = 120
GENERATED = 4   # departments from tests/generator/ reported as PDF

INFO, BUDGET, ITEMS, PROJECTS, INDICATORS = "基本情况", "基础数据表", "基本支出明细", "项目支出", "部门整体支出绩效自评表"

REFERENCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "reference-self-evaluation.txt")
LEVEL1_LINE = re.compile(r"^\s*[一二三四五六七八九十]+、(.+)$")
LEVEL2_LINE = re.compile(r"^\s*（[一二三四五六七八九十]+）(.+)$")


def reference_outline(path=REFERENCE):
    """The reference report's headings as [(level-1 title, [level-2 titles])], numbers dropped."""
    outline = []
    for line in open(path, encoding="utf-8"):
        m = LEVEL1_LINE.match(line)
        if m:
            outline.append((m.group(1).strip(), []))
        elif LEVEL2_LINE.match(line) and outline:
            outline[-1][1].append(LEVEL2_LINE.match(line).group(1).strip())
    return outline


def heading_words(title):
    """A heading's words without asides: "项目组织情况分析，主要包括…" → "项目组织情况",
    "部门（单位）整体支出规模…涉及范围等。" → "部门整体支出规模…涉及范围"."""
    words = re.split(r"[，,]", re.sub(r"（[^）]*）", "", title))[0].rstrip("。．. ")
    for tail in ("分析", "等"):
        if words.endswith(tail):
            words = words[:-len(tail)]
    return words


def same_heading(a, b):
    a, b = heading_words(a), heading_words(b)
    return bool(a) and bool(b) and (a.startswith(b) or b.startswith(a))


OUTLINE = [title for title, _ in reference_outline()]
SUBSECTIONS = {
    "部门基本情况": ["部门职责", "机构设置", "部门整体支出规模、使用方向和主要内容、涉及范围"],
    "一般公共预算支出情况": ["基本支出", "项目支出"],
    "项目组织实施情况": ["项目组织情况", "项目管理情况"],
    "部门整体支出绩效情况": ["绩效目标设置情况", "绩效目标完成情况", "自评结论"],
}
NOTHING = {
    "政府性基金预算支出情况": "本单位无政府性基金预算支出。",
    "国有资本经营预算支出情况": "本单位无国有资本经营预算支出。",
    "社会保险基金预算支出情况": "本单位未安排社会保险基金预算支出。",
}
ANNEXES = ["附件1　部门整体支出绩效评价基础数据表", "附件2　部门整体支出绩效自评表", "附件3　项目支出绩效自评表",
           "附件4　政府性基金预算支出情况表", "附件5　国有资本经营预算支出情况表", "附件6　社会保险基金预算支出情况表"]

DIGITS = "一二三四五六七八九"
BODY_STYLE = "Text body"   # the programmatic name of Writer's Text Body (odf.c's Text_20_body)


def numeral(n):
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (enough for headings)."""
    tens, ones = divmod(n, 10)
    text = ("" if tens == 0 else ("十" if tens == 1 else DIGITS[tens - 1] + "十"))
    return text + (DIGITS[ones - 1] if ones else "")


def amount(value):
    return "%.2f" % value


# --- the headless door -----------------------------------------------------------------

class Door:
    def __init__(self, returncode, stderr, seconds, timed_out):
        self.returncode, self.stderr, self.seconds, self.timed_out = returncode, stderr, seconds, timed_out

    @property
    def exited(self):
        return not self.timed_out and self.returncode is not None

    def describe(self):
        return "exit %s after %.1f s%s\n%s" % (self.returncode, self.seconds,
                                               " (killed: timeout)" if self.timed_out else "", self.stderr)


def door(profile, command, **args):
    """soffice --headless … service:org.jixiao.Headless?COMMAND&k=v on a private profile."""
    query = "&".join([command] + ["%s=%s" % (k, urllib.parse.quote(v, safe="/,")) for k, v in args.items()])
    start = time.time()
    process = subprocess.Popen(
        ["soffice", "--headless", "--norestore", "--nologo", "--nolockcheck",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), "service:org.jixiao.Headless?" + query],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    timed_out = False
    try:
        _, stderr = process.communicate(timeout=HEADLESS_TIMEOUT)
    except subprocess.TimeoutExpired:
        timed_out = True
        os.killpg(process.pid, signal.SIGKILL)   # the session started above, nothing else
        _, stderr = process.communicate()
    stderr = "\n".join(line for line in stderr.decode("utf-8", "replace").splitlines() if "javaldx" not in line)
    return Door(process.returncode, stderr, time.time() - start, timed_out)


# --- reading documents -----------------------------------------------------------------

def link_of(cell):
    """The target of the hyperlink in a cell's text, or ""."""
    fields = cell.getTextFields().createEnumeration()
    while fields.hasMoreElements():
        field = fields.nextElement()
        if field.getPropertySetInfo().hasPropertyByName("URL"):   # a URL field (Calc names no service)
            return field.URL
    return ""


class Block:
    def __init__(self, kind, style, text, element):
        self.kind, self.style, self.text, self.element = kind, style, text, element

    def __repr__(self):
        return "%s[%s] %s" % (self.kind, self.style, self.text[:40])


def blocks_of(doc):
    """The document body in order: paragraphs (style, text) and tables (name)."""
    out = []
    enum = doc.Text.createEnumeration()
    while enum.hasMoreElements():
        element = enum.nextElement()
        if element.supportsService("com.sun.star.text.TextTable"):
            out.append(Block("table", None, element.Name, element))
        else:
            out.append(Block("para", element.ParaStyleName, element.String, element))
    return out


class Section:
    def __init__(self, level, number, title, block):
        self.level, self.number, self.title, self.block = level, number, title, block
        self.children, self.body = [], []

    def child(self, title):
        for c in self.children:
            if c.title == title:
                return c
        return None

    def text(self):
        return [b.text for b in self.body if b.kind == "para"]


NUMBER_RE = {1: re.compile(r"^([一二三四五六七八九十]+)、(.*)$"),
             2: re.compile(r"^（([一二三四五六七八九十]+)）(.*)$"),
             3: re.compile(r"^(\d+)\.(.*)$"),
             4: re.compile(r"^（(\d+)）(.*)$")}


def outline_of(blocks):
    """Headings (style Heading N) as a tree; the rest of the body under its heading."""
    root = Section(0, "", "", None)
    stack = [root]
    for b in blocks:
        m = re.match(r"^Heading (\d)$", b.style or "")
        if b.kind == "para" and m:
            level = int(m.group(1))
            n = NUMBER_RE[level].match(b.text)
            section = Section(level, n.group(1) if n else "", n.group(2) if n else b.text, b)
            while stack[-1].level >= level:
                stack.pop()
            stack[-1].children.append(section)
            stack.append(section)
        else:
            stack[-1].body.append(b)
    return root


def components(office):
    out = []
    enum = office.desktop.getComponents().createEnumeration()
    while enum.hasMoreElements():
        out.append(enum.nextElement())
    return out


close = close_document


# --- the workbook's figures -------------------------------------------------------------

def cell(book, sheet, name):
    c = book.Sheets.getByName(sheet).getCellRangeByName(name)
    kind = c.getType().value
    if kind == "EMPTY":
        return None
    if kind == "TEXT":
        return c.getString()
    if kind == "FORMULA":
        return c.getString() if c.FormulaResultType2 == 2 else c.getValue()   # FormulaResult.TEXT
    return c.getValue()


def figures(book):
    """What the report must repeat, read from the workbook in Calc."""
    f = {"department": cell(book, INFO, "B3"), "year": "%d" % cell(book, INFO, "B4")}
    for key, row in (("total", 4), ("basic", 5), ("project", 6)):
        f[key] = {"initial": cell(book, BUDGET, "B%d" % row), "budget": cell(book, BUDGET, "C%d" % row),
                  "executed": cell(book, BUDGET, "D%d" % row)}
    items = []
    for row in range(4, 200):
        code = cell(book, ITEMS, "A%d" % row)
        if code is None or str(code).strip() in ("合计", ""):
            break
        code = code if isinstance(code, str) else "%d" % code
        items.append((code.strip(), cell(book, ITEMS, "B%d" % row), cell(book, ITEMS, "C%d" % row)))
    f["items"] = items
    indicators = []
    for row in range(4, 200):
        level1 = cell(book, INDICATORS, "A%d" % row)
        if level1 is None or level1 in ("总分", "等级"):
            break
        indicators.append({k: cell(book, INDICATORS, "%s%d" % (col, row)) for k, col in
                           (("level1", "A"), ("level2", "B"), ("level3", "C"), ("target", "D"), ("actual", "E"),
                            ("weight", "F"), ("band", "I"), ("deviation", "J"))})
    f["indicators"] = indicators
    f["execution_weight"] = cell(book, BUDGET, "B9")
    return f


def number_text(value):
    """A number as the report writes it without a format (%.15g)."""
    return ("%.15g" % value) if isinstance(value, float) else str(value)


# --- checks of one report ----------------------------------------------------------------

def computed(book):
    """What Compute (values) wrote: total, grade, and each indicator's 完成率 and 得分 (None: nothing)."""
    rows = [{"completion": cell(book, INDICATORS, "G%d" % r), "score": cell(book, INDICATORS, "H%d" % r)}
            for r in range(4, 4 + 13)]
    return {"total": cell(book, INDICATORS, "H17"), "grade": cell(book, INDICATORS, "H18"), "indicators": rows}


def indicator_problems(f, c, perf):
    """The paragraphs of 八（二） 2.–4. against the indicator rows and what Compute wrote."""
    bad = []
    results = perf.child("绩效目标完成情况") if perf else None
    for level1 in ("产出指标", "效益指标", "满意度指标"):
        section = results.child(level1) if results else None
        texts = section.text() if section else []
        rows = [(ind, cc) for ind, cc in zip(f["indicators"], c["indicators"]) if ind["level1"] == level1]
        if len(texts) != len(rows):
            bad.append("%s: %d paragraphs for %d indicators" % (level1, len(texts), len(rows)))
        for i, ((ind, cc), text) in enumerate(zip(rows, texts)):
            # a list under the level-3 heading 2.产出指标 takes level 4: （1）（2）…
            want = ["（%d）%s：" % (i + 1, ind["level3"]), ind["target"], ind["actual"]]
            if ind["band"]:
                want.append("评价档次为“%s”" % ind["band"])
            elif isinstance(cc["completion"], float):
                want.append("完成率%.2f%%" % (100 * cc["completion"]))
                if (cc["completion"] < 1 - 1e-9) != ("未达到年度指标" in text):
                    bad.append("%s: 未达到年度指标 iff the completion < 100%%" % text)
            else:
                want.append("完成率【请填写：完成率】")
                if "未达到年度指标" in text:
                    bad.append("%s: no completion, yet 未达到年度指标" % text)
            want.append("得分%s分" % (amount(cc["score"]) if isinstance(cc["score"], float) else "【请填写：得分】"))
            want.append("（分值%s分）" % number_text(ind["weight"]))
            missing = [w for w in want if w not in text]
            if missing or not text.startswith(want[0]):
                bad.append("%s: lacks %s" % (text, missing))
    return bad


def check_report(tap, name, doc, f, c):
    """c: what Compute writes into the workbook (computed())."""
    total, grade = c["total"], c["grade"]
    blocks = blocks_of(doc)
    paragraphs = [b for b in blocks if b.kind == "para"]
    title = "%s%s年度部门整体支出绩效自评报告" % (f["department"], f["year"])
    tap.ok(paragraphs and paragraphs[0].style == "Title" and paragraphs[0].text == title,
           "%s: the first paragraph is the title in style Title" % name,
           "%r" % (paragraphs[0] if paragraphs else None))
    props_title = doc.DocumentProperties.Title
    tap.ok(props_title == title, "%s: document property Title is the title" % name, repr(props_title))
    tap.ok(doc.DocumentProperties.Subject == f["department"], "%s: document property Subject is the department" % name,
           repr(doc.DocumentProperties.Subject))

    root = outline_of(blocks)
    numbered = [s for s in root.children if s.number]
    annexes = [s for s in root.children if not s.number]
    got = [(s.number, s.title) for s in numbered]
    want = [(numeral(i + 1), t) for i, t in enumerate(OUTLINE)]
    tap.ok(len(OUTLINE) == 12 and got == want,
           "%s: the level-1 headings are the reference report's sections (%s), in order, numbered 一、… 十二、"
           % (name, os.path.basename(REFERENCE)), "\n".join("%s、%s" % x for x in got))
    bad = []
    for title, ref_kids in reference_outline():
        ours = next((s for s in numbered if s.title == title), None)
        if ours is None or not ours.children:
            continue   # the reference's sub-headings there are its own prose
        at = 0
        for kid in ref_kids:
            found = next((i for i in range(at, len(ours.children)) if same_heading(kid, ours.children[i].title)), None)
            if found is None:
                bad.append("%s: the reference's （…）%s is not among %s (in order)"
                           % (title, kid, [c.title for c in ours.children]))
            else:
                at = found + 1
    tap.ok(not bad, "%s: the reference report's level-2 sections are there, in its order" % name, "\n".join(bad))
    tap.ok(len(set(s.number for s in numbered)) == len(numbered) == 12,
           "%s: level-1 numbers are unique (12)" % name)
    tap.ok(all(s.block.style == "Heading 1" and s.block.element.OutlineLevel == 1 for s in root.children),
           "%s: level-1 headings are in style Heading 1 (outline level 1)" % name,
           "\n".join("%s %s" % (s.block.style, s.block.text) for s in root.children))
    tap.ok([s.title for s in annexes] == ANNEXES and root.children[-len(annexes):] == annexes,
           "%s: the annexes follow, unnumbered" % name, "\n".join(s.title for s in annexes))
    tap.ok(all(s.block.element.BreakType.value == "PAGE_BEFORE" for s in annexes) and
           all(s.block.element.BreakType.value == "NONE" for s in numbered),
           "%s: each annex (and no section) starts a new page" % name,
           "\n".join("%s %s" % (s.block.element.BreakType.value, s.title) for s in root.children))

    # level 2 (and 3): numbers restart under each parent, consecutive, unique
    bad = []
    for parent in numbered:
        for level, kids in ((2, parent.children),) + tuple((3, c.children) for c in parent.children):
            expected = [numeral(i + 1) if level == 2 else str(i + 1) for i in range(len(kids))]
            if [k.number for k in kids] != expected:
                bad.append("%s: %s" % (parent.title, [k.number for k in kids]))
            for k in kids:
                if k.level != level or k.block.style != "Heading %d" % level:
                    bad.append("%s: %s %s" % (k.title, k.level, k.block.style))
    tap.ok(not bad, "%s: level-2 numbers （一）（二）… and level-3 1. 2. … restart under each parent" % name,
           "\n".join(bad))
    got2 = {s.title: [c.title for c in s.children] for s in numbered if s.children}
    tap.ok(got2 == SUBSECTIONS, "%s: the level-2 headings are the template's" % name, repr(got2))
    perf = next((s for s in numbered if s.title == "部门整体支出绩效情况"), None)
    results = perf.child("绩效目标完成情况") if perf else None
    tap.ok(results is not None and [(k.number, k.title) for k in results.children] ==
           [("1", "预算执行"), ("2", "产出指标"), ("3", "效益指标"), ("4", "满意度指标")],
           "%s: 八（二） has the level-3 headings 1. 预算执行 … 4. 满意度指标 in style Heading 3" % name)
    bad = indicator_problems(f, c, perf)
    tap.ok(not bad, "%s: each indicator's paragraph gives its target, actual, and the 完成率 and 得分 Compute "
           "writes; 未达到年度指标 only below 100%%" % name, "\n".join(bad))

    # body paragraphs between the first heading and the annexes are Text Body
    first = blocks.index(numbered[0].block)
    last = blocks.index(annexes[0].block) if annexes else len(blocks)
    odd = [b for b in blocks[first:last] if b.kind == "para" and not b.style.startswith("Heading ")
           and b.style != BODY_STYLE]
    tap.ok(not odd and first > 0, "%s: every body paragraph of the sections is in style Text Body (%s)"
           % (name, BODY_STYLE), "\n".join(repr(b) for b in odd))
    unended = [b.text for b in blocks[first:last] if b.kind == "para" and b.style == BODY_STYLE
               and not sentence_ended(b.text) and not INLINE_HEADING.match(b.text)]
    tap.ok(not unended, "%s: every body paragraph ends with its punctuation (。！？, ： before a list, ； inside one, "
           "or a 【placeholder】)" % name, "\n".join(t[-40:] for t in unended))

    def section(*path):
        s = root
        for title in path:
            s = s.child(title) if s else None
        return s

    # 一（三）: the spending figures of 基础数据表
    scale = section("部门基本情况", "部门整体支出规模、使用方向和主要内容、涉及范围")
    t, b, p = f["total"], f["basic"], f["project"]
    expected = ("%s%s年度整体支出规模为%s万元，其中基本支出%s万元，项目支出%s万元。年初预算数%s万元，全年预算数%s万元，"
                "预算执行率%.2f%%。" % (f["department"], f["year"], amount(t["executed"]), amount(b["executed"]),
                                    amount(p["executed"]), amount(t["initial"]), amount(t["budget"]),
                                    100 * t["executed"] / t["budget"]))
    texts = scale.text() if scale else []
    tap.ok(texts[:1] == [expected], "%s: 一（三） states 整体支出 %s 万元 and its parts as 基础数据表 has them"
           % (name, amount(t["executed"])), "got:  %s\nwant: %s" % (texts[:1], expected))

    # 二（一）: 基本支出 and each economic class with its items, as 基本支出明细 has them
    basic = section("一般公共预算支出情况", "基本支出")
    texts = basic.text() if basic else []
    def in_use(value):   # an item written as 0 (or left blank) is not used: not named
        return isinstance(value, float) and value != 0

    classes = [(code, n, v) for code, n, v in f["items"] if len(code) == 3 and
               (in_use(v) or any(in_use(iv) for c, _, iv in f["items"] if c != code and c.startswith(code)))]
    want = ["%s基本支出%s万元，其中：" % (f["department"], amount(b["executed"]))]
    for i, (code, cname, value) in enumerate(classes):
        parts = ["%s%s万元" % (n, amount(v)) for c, n, v in f["items"] if c != code and c.startswith(code)
                 and in_use(v)]
        want.append("%d.%s%s万元，包括%s。" % (i + 1, cname, amount(value), "、".join(parts)))
    unused = [n for c, n, v in f["items"] if len(c) > 3 and not in_use(v)]
    tap.ok(texts == want and unused and not any(n + "0" in "".join(texts) for n in unused),
           "%s: 二（一） gives 基本支出 and the %d classes with the items in use as 基本支出明细 has them; the %d "
           "items written as 0 or left blank (%s) are not named" % (name, len(classes), len(unused), "、".join(unused)),
           "\n".join("got:  %s\nwant: %s" % x for x in zip(texts, want) if x[0] != x[1])
           + "\n(%d vs %d paragraphs)" % (len(texts), len(want)))

    # 五 六 七: nothing to report
    for title, words in NOTHING.items():
        s = section(title)
        tap.ok(s is not None and s.text() == [words], "%s: %s says %s" % (name, title, words),
               repr(s.text() if s else None))

    # 八（三）: the total score and grade, or their placeholders
    conclusion = section("部门整体支出绩效情况", "自评结论")
    text = "".join(conclusion.text()) if conclusion else ""
    if total is not None:
        tap.ok("得分%s分" % amount(total) in text and "评价等级为“%s”" % grade in text,
               "%s: 八（三） gives the total %s and grade %s that Compute writes" % (name, amount(total), grade), text)
    else:
        tap.ok("得分【请填写：总分】分" in text and "【请填写：等级】" in text,
               "%s: 八（三） asks for the total and grade (Compute cannot give them)" % name, text)
        # the placeholder is highlighted in the character style JX Placeholder
        styles = []
        if conclusion:
            portions = conclusion.body[0].element.createEnumeration()
            while portions.hasMoreElements():
                portion = portions.nextElement()
                styles.append((portion.String, portion.CharStyleName))
        tap.ok(("【请填写：总分】", "JX Placeholder") in styles and
               all(s != "JX Placeholder" for t, s in styles if t and "【" not in t),   # ("": a bookmark)
               "%s: the placeholders (and only they) are in the character style JX Placeholder" % name, repr(styles))

    # the annex tables
    tables = doc.TextTables
    names = list(tables.getElementNames())
    tap.ok({"基础数据表", "部门整体支出绩效自评表", "项目支出绩效自评表1", "项目支出绩效自评表2"} <= set(names),
           "%s: the annex tables are there, one per project" % name, repr(names))
    if tables.hasByName("基础数据表"):
        base = tables.getByName("基础数据表")
        rows = [[base.getCellByName("%s%d" % (c, r)).getString() for c in "ABCD"] for r in (2, 3, 4)]
        want = [[label, amount(v["initial"]), amount(v["budget"]), amount(v["executed"])]
                for label, v in (("整体支出", t), ("其中：基本支出", b), ("项目支出", p))]
        tap.ok(rows == want, "%s: 附件1 基础数据表 repeats the budget figures" % name, "%r\n%r" % (rows, want))
    if tables.hasByName("部门整体支出绩效自评表"):
        table = tables.getByName("部门整体支出绩效自评表")
        count = table.getRows().getCount()

        def row(r):
            return [table.getCellByName("%s%d" % (c, r)).getString() for c in "ABCDEFGH"]

        n = len(f["indicators"])
        tap.ok(count == n + 3, "%s: the indicator table has a header, 预算执行率, %d indicators and 总分" % (name, n),
               "%d rows" % count)
        bad = []
        for i, ind in enumerate(f["indicators"]):
            got = row(i + 3)
            want = [ind["level1"], ind["level2"], ind["level3"], ind["target"], ind["actual"], number_text(ind["weight"])]
            if got[:6] != want:
                bad.append("row %d: %r != %r" % (i + 3, got[:6], want))
            if (ind["deviation"] or "") != got[7]:
                bad.append("row %d: deviation %r != %r" % (i + 3, got[7], ind["deviation"]))
        tap.ok(not bad, "%s: the indicator table's rows equal the workbook's (level3, target, actual, weight)" % name,
               "\n".join(bad))
        last = row(count)
        weights = sum(ind["weight"] for ind in f["indicators"]) + f["execution_weight"]
        want = ["总分", "", "", "", "", number_text(weights), amount(total) if total is not None else "",
                "等级：%s" % (grade or "")]
        tap.ok(last == want, "%s: its last row is 总分 %s" % (name, want[6] or "(empty)"), "%r\n%r" % (last, want))
    return root


# a line of a cell's text that heads what follows: "（一）应科学合理编制预算，严格执行预算"
INLINE_HEADING = re.compile(r"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+[、.．])[^。！？]{0,40}$")


def sentence_ended(text):
    text = text.rstrip()
    if not text:
        return True
    if text[-1] in "。！？：；】":
        return True
    return text[-1] in "”’）)」』" and len(text) > 1 and text[-2] in "。！？"


def annotations(doc):
    out = []
    enum = doc.TextFields.createEnumeration()
    while enum.hasMoreElements():
        field = enum.nextElement()
        if field.supportsService("com.sun.star.text.textfield.Annotation"):
            out.append(field)
    return out


def text_after(field, n=8):
    """The n characters after a field's anchor: what the comment sits on."""
    anchor = field.getAnchor()
    cursor = anchor.getText().createTextCursorByRange(anchor.getEnd())
    for _ in range(n):   # goRight(n) does not move at all when fewer than n are left
        if not cursor.goRight(1, True):
            break
    return cursor.getString()


def body_texts(doc):
    return [b.text for b in blocks_of(doc) if b.kind == "para"] + \
        [doc.TextTables.getByName(t).getCellByName(c).getString()
         for t in doc.TextTables.getElementNames() for c in doc.TextTables.getByName(t).getCellNames()]


def count_found(doc, text):
    search = doc.createSearchDescriptor()
    search.SearchString = text
    found = doc.findAll(search)
    return found.getCount() if found is not None else 0


ABSENCES = ("本年度未设置", "本年度无项目支出", "未安排", "本单位无")


def check_notes(tap, office, name, doc):
    """The flagged figures of the as-reported workbook carry comments, the text untouched."""
    notes = annotations(doc)
    authors = set(n.Author for n in notes)
    tap.ok(len(notes) >= 5 and authors == {"绩效自评助手 Jixiao"} and all("JX-" in n.Content for n in notes),
           "%s: %d figures validation flagged carry a comment by 绩效自评助手 Jixiao saying what it found"
           % (name, len(notes)), "%r\n%s" % (authors, "\n".join(n.Content for n in notes)))
    at = [text_after(n) for n in notes]
    tap.ok(notes and all(re.match(r"^[0-9]", t) or re.match(r"^\D{0,3}[0-9]", t) for t in at),
           "%s: each comment sits at its figure (%s …)" % (name, "、".join(t[:6] for t in at[:4])), repr(at))
    before = body_texts(doc)
    state = office.dispatch(doc, ".uno:DeleteAllNotes")   # Writer: right-click a comment, Delete All Comments
    after = body_texts(doc)
    tap.ok(notes and not annotations(doc) and after == before,
           "%s: Delete All Comments removes them in one go and the text is what it was" % name,
           "state %r, %d left\n%s" % (state, len(annotations(doc)),
                                     "\n".join("%s | %s" % x for x in zip(before, after) if x[0] != x[1])[:2000]))


def pdf_pages(pdf):
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, timeout=120).stdout
    return text.decode("utf-8", "replace").split("\f")


def pdf_problems(pdf):
    """(lines broken inside a number in the pages before 附件1, whether 附件2's 总分 row stands
    on a page without an indicator row, how many pages those were)."""
    pages = pdf_pages(pdf)
    body = pages[:next((i for i, p in enumerate(pages) if re.search(r"附件\s*1", p)), len(pages))]
    total = [p for p in pages if re.search(r"^\s*总分", p, re.M)]
    # an indicator row above 总分 on its page shows a score; the repeated header has none
    alone = len(total) != 1 or not re.search(r"\d+\.\d\d", total[0].split("总分")[0])
    return split_numbers(body), alone, len(body)


def split_numbers(pages):
    """Lines that end inside a number, or part a number from its unit ("97.6|0%", "1.|85 万元", "6.34|万元")."""
    bad = []
    for page in pages:
        lines = [l.strip() for l in page.splitlines() if l.strip()]
        for a, b in zip(lines, lines[1:]):
            if re.search(r"[0-9.]$", a) and re.match(r"^[0-9.%％]|^万|^元|^余|^多", b):
                bad.append("%s | %s" % (a[-12:], b[:12]))
    return bad


def find_new_writer(office, before):
    for c in components(office):
        if c.supportsService("com.sun.star.text.TextDocument") and not any(c is b or c == b for b in before):
            return c
    return None


# --- PNG without PIL -----------------------------------------------------------------

def png_ink(path):
    """(width, height, fraction of dark pixels, fraction of dark pixels in the top fifth)
    of an 8-bit grey or RGB PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = color = depth = None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
    assert depth == 8 and color in (0, 2, 6), "unexpected PNG format %s/%s" % (depth, color)
    bpp = {0: 1, 2: 3, 6: 4}[color]
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    dark = top = 0
    at = 0
    for y in range(height):
        kind = raw[at]
        line = bytearray(raw[at + 1:at + 1 + stride])
        at += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp):
            if line[x] < 128:
                dark += 1
                if y < height // 5:
                    top += 1
        prev = line
    return width, height, dark / float(width * height), top / float(width * height)


# --- the suite ------------------------------------------------------------------------

def main(profile):
    tap = Tap("report")
    profile = os.path.abspath(profile)
    tmp = tempfile.mkdtemp(prefix="jixiao-report-")
    build = os.path.join(ROOT, "build")
    try:
        books = {}
        for name in (CORRECTED, REPORTED):   # private copies: no lock files next to the examples
            books[name] = os.path.join(tmp, name)
            shutil.copy(os.path.join(EXAMPLES, name), books[name])
        door_profile = os.path.join(tmp, "door-profile")
        shutil.copytree(profile, door_profile, symlinks=True)

        # --- the headless report door -----------------------------------------------
        out = os.path.join(tmp, "door")
        run = door(door_profile, "report", **{"in": books[CORRECTED], "out": out, "formats": "odt,docx,pdf"})
        base = os.path.join(out, CORRECTED[:-len(".fods")])
        tap.ok(run.exited and run.returncode == 0, "door report: the office exits by itself (%.1f s)" % run.seconds,
               run.describe())
        tap.ok(all(os.path.getsize(base + ext) > 1000 if os.path.exists(base + ext) else False
                   for ext in (".odt", ".docx", ".pdf")),
               "door report: .odt, .docx and .pdf are written", repr(os.listdir(out) if os.path.isdir(out) else None))
        try:
            findings = json.load(open(base + ".findings.json", encoding="utf-8"))
            tap.ok(findings.get("errors") == 0 and not findings.get("failure"),
                   "door report: .findings.json of the corrected copy has no errors", repr(findings)[:500])
        except Exception:
            tap.crash("door report: .findings.json is JSON")
        tap.ok("沅江市科学技术协会, total 97.36 优, 0 errors" in run.stderr,
               "door report: the summary line gives department, total 97.36, grade 优, 0 errors", run.stderr)
        counted = re.search(r"(\d+) values to fill", run.stderr)
        reported_out = os.path.join(tmp, "reported")
        door(door_profile, "report", **{"in": books[REPORTED], "out": reported_out, "formats": "pdf"})
        reported_pdf = os.path.join(reported_out, REPORTED[:-len(".fods")] + ".pdf")

        # --- a spreadsheet that is not the standard workbook: no report -----------------
        stranger = os.path.join(tmp, "functions.fods")
        shutil.copy(os.path.join(EXAMPLES, "functions.fods"), stranger)
        none_out = os.path.join(tmp, "none")
        none = door(door_profile, "report", **{"in": stranger, "out": none_out, "formats": "odt"})
        # (the door recognises it first, as the panel does: one message naming the standard workbook)
        tap.ok(none.exited and not os.path.exists(os.path.join(none_out, "functions.odt"))
               and "is not a" in none.stderr and "standard workbook" in none.stderr,
               "door report: a spreadsheet with none of the schema's sheets gets no report and a message saying why",
               none.describe())

        # --- the blank standard workbook: placeholders, no absence asserted ---------------
        blank_book = os.path.join(tmp, "standard-workbook.fods")
        shutil.copy(os.path.join(EXAMPLES, "standard-workbook.fods"), blank_book)
        blank_out = os.path.join(tmp, "blank")
        blank = door(door_profile, "report", **{"in": blank_book, "out": blank_out, "formats": "odt"})
        blank_odt = os.path.join(blank_out, "standard-workbook.odt")
        tap.ok(blank.exited and os.path.exists(blank_odt), "door report: the blank standard workbook gets a report",
               blank.describe())

        # --- generated departments (tests/generator/) through the batch door, as PDF -----
        generated = os.path.join(tmp, "generated")
        subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "tests", "generator", "generate.py"), generated,
                        "--count", str(GENERATED), "--seed", "16", "--office", str(GENERATED), "--office-faults", "0"],
                       check=True, stdout=subprocess.DEVNULL, timeout=120)
        books_in = os.path.join(generated, "office")
        os.remove(os.path.join(books_in, "manifest.json"))
        generated_out = os.path.join(tmp, "generated-out")
        made = door(door_profile, "batch", **{"in": books_in, "out": generated_out, "formats": "pdf"})
        pdfs = sorted(glob.glob(os.path.join(generated_out, "*.pdf")))
        tap.ok(made.exited and len(pdfs) == GENERATED, "batch: %d generated departments give %d PDF reports"
               % (GENERATED, len(pdfs)), made.describe())
        bad, alone = [], []
        for pdf in pdfs:
            broken, total_alone, _ = pdf_problems(pdf)
            bad += ["%s: %s" % (os.path.basename(pdf), b) for b in broken]
            if total_alone:
                alone.append(os.path.basename(pdf))
        tap.ok(pdfs and not bad, "generated departments: no line broken inside a number or between a number and its "
               "unit (%d reports)" % len(pdfs), "\n".join(bad[:20]))
        tap.ok(pdfs and not alone, "generated departments: 附件2's 总分 row shares its page with indicator rows",
               "\n".join(alone))

        # --- the batch door on two workbooks and random bytes ---------------------------
        batch_in, batch_out = os.path.join(tmp, "batch-in"), os.path.join(tmp, "batch-out")
        os.makedirs(batch_in)
        for name in (CORRECTED, REPORTED):
            shutil.copy(books[name], batch_in)
        with open(os.path.join(batch_in, "x.ods"), "wb") as f:
            f.write(bytes(random.Random(20231231).getrandbits(8) for _ in range(8192)))
        batch = door(door_profile, "batch", **{"in": batch_in, "out": batch_out})
        tap.ok(batch.exited and batch.returncode == 0, "batch: the office exits by itself (%.1f s)" % batch.seconds,
               batch.describe())
        summary = os.path.join(batch_out, "summary.ods")
        tap.ok(os.path.exists(summary), "batch: summary.ods is written", batch.describe())

        # --- the office: Report command, exports, reading back ------------------------------
        with Office(profile) as office:
            reports, after = {}, {}
            f_corrected = None
            for name in (CORRECTED, REPORTED):
                book = office.open(books[name])
                f = figures(book)
                short = "Report (%s)" % ("corrected" if name == CORRECTED else "as reported")
                if name == CORRECTED:
                    f_corrected = f
                    tap.ok(f["total"]["executed"] == 410.41 and len(f["indicators"]) == 13 and len(f["items"]) == 34,
                           "the corrected workbook reads as examples/README.md says "
                           "(410.41, 13 indicators, 34 item rows)", repr(f)[:400])
                before = components(office)
                state = office.dispatch(book, "org.jixiao.commands:Report?hidden=1")
                report = find_new_writer(office, before)
                tap.ok(state == 1 and report is not None, "%s: the command gives a new Writer document" % short,
                       "state %r" % state)
                if report is None:
                    close(book)
                    continue
                reports[name] = (book, report)
                # what Compute writes into the workbook afterwards: the report said it first
                state = office.dispatch(book, "org.jixiao.commands:Compute?mode=values")
                c = after[name] = computed(book)
                if name == CORRECTED:
                    tap.ok(state == 1 and isinstance(c["total"], float) and abs(c["total"] - 97.36) < 0.005
                           and c["grade"] == "优",
                           "%s: Compute writes 总分 97.36 and 等级 优 (examples/README.md)" % short,
                           "%r %r %r" % (state, c["total"], c["grade"]))
                else:
                    tap.ok(state == 1 and c["total"] is None,
                           "%s: Compute cannot give the total (an indicator in the wrong unit)" % short,
                           "%r %r" % (state, c["total"]))
                check_report(tap, short, report, f, c)
                if name == REPORTED:
                    check_notes(tap, office, short, report)

            # the door's .odt reads the same, and holds as many placeholders as the door said
            if os.path.exists(base + ".odt") and CORRECTED in after:
                report = office.open(base + ".odt")
                check_report(tap, "door .odt", report, f_corrected, after[CORRECTED])
                found = count_found(report, "【请填写")
                tap.ok(counted is not None and int(counted.group(1)) == found and found > 0,
                       "door report: the summary's %s values to fill are the %d 【请填写】 in the report"
                       % (counted.group(1) if counted else "?", found), run.stderr)
                close(report)

            # the blank standard workbook: what is missing is asked for, no absence is stated
            if os.path.exists(blank_odt):
                report = office.open(blank_odt)
                text = "\n".join(body_texts(report))
                said = [a for a in ABSENCES if a in text]
                tap.ok(not said and "【请填写：政府性基金预算支出】" in text and
                       "【请填写：部门整体支出绩效自评表（效益指标）】" in text,
                       "the blank standard workbook's report states no absence (本年度未设置…, 本年度无项目支出, "
                       "本单位无…, 未安排…) and asks for the fund and indicator rows instead",
                       "said: %r\n%s" % (said, text[:3000]))
                blank_count = re.search(r"(\d+) values to fill", blank.stderr)
                found = count_found(report, "【请填写")
                tap.ok(blank_count is not None and int(blank_count.group(1)) == found,
                       "door report: the blank workbook's %s values to fill are the %d 【请填写】 in its report"
                       % (blank_count.group(1) if blank_count else "?", found), blank.stderr)
                close(report)

            # exports of the last report of the corrected workbook
            if CORRECTED in reports:
                book, report = reports[CORRECTED]
                docx, pdf = os.path.join(tmp, "export.docx"), os.path.join(tmp, "export.pdf")
                for path in (docx, pdf):
                    state = office.dispatch(book, "org.jixiao.commands:ExportReport?path=" +
                                            urllib.parse.quote(path))
                    tap.ok(state == 1 and os.path.exists(path) and os.path.getsize(path) > 1000,
                           "ExportReport writes %s" % os.path.basename(path), "state %r" % state)
                headings = [b.text for b in blocks_of(report) if b.kind == "para" and
                            (b.style or "").startswith("Heading ")]
                if os.path.exists(docx):
                    again = office.open(docx)
                    back = [b.text for b in blocks_of(again) if b.kind == "para" and
                            (b.style or "").startswith("Heading ")]
                    tap.ok(back == headings and len(headings) > 30,
                           "the .docx opens in Writer with the same %d headings (styles Heading N)" % len(headings),
                           "\n".join("%s | %s" % x for x in zip(back, headings) if x[0] != x[1]) +
                           "\n%d vs %d" % (len(back), len(headings)))
                    title = [b for b in blocks_of(again) if b.kind == "para"][0]
                    tap.ok(title.style == "Title" and title.text.endswith("年度部门整体支出绩效自评报告"),
                           "the .docx keeps the title in style Title", repr(title))
                    close(again)
                if os.path.exists(pdf):
                    png = os.path.join(build, "report-page1.png")
                    if os.path.exists(png):
                        os.remove(png)
                    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "40", "-gray", "-png", "-singlefile",
                                    pdf, png[:-len(".png")]], check=False, timeout=60)
                    try:
                        width, height, ink, top = png_ink(png)
                        tap.ok(abs(height / float(width) - 297 / 210.0) < 0.02 and 0.002 < ink < 0.3 and top > 0.0005,
                               "the PDF's first page (build/report-page1.png) is an A4 page with text, the title on top",
                               "%dx%d ink %.4f top %.4f" % (width, height, ink, top))
                    except Exception:
                        tap.crash("the PDF's first page converts to a PNG")
                    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"], capture_output=True,
                                          timeout=60).stdout.decode("utf-8", "replace")
                    tap.ok("一、部门基本情况" in text and "沅江市科学技术协会" in text,
                           "the PDF's first page has the title and 一、部门基本情况 as text", text[:300])
                    for what, path in (("the corrected copy's", pdf), ("the example's (as reported)", reported_pdf)):
                        if not os.path.exists(path):
                            tap.ok(False, "%s PDF is written" % what)
                            continue
                        bad, alone, pages = pdf_problems(path)
                        tap.ok(pages >= 5 and not bad, "%s PDF: its %d pages of text break no line inside a number "
                               "or between a number and its unit" % (what, pages), "\n".join(bad))
                        tap.ok(not alone, "%s PDF: 附件2's 总分 row shares its page with indicator rows" % what)

            # the batch summary
            if os.path.exists(summary):
                sheet_doc = office.open(summary)
                sheet = sheet_doc.Sheets.getByIndex(0)
                rows = []
                for r in range(0, 10):
                    values = [sheet.getCellByPosition(c, r).getString() for c in range(11)]
                    if not any(values):
                        break
                    rows.append(values + [link_of(sheet.getCellByPosition(8, r))])
                tap.ok(len(rows) == 4, "batch: summary.ods has a header and 3 rows", "\n".join(map(repr, rows)))
                byname = {r[0]: r for r in rows[1:]}
                broken = byname.get("x.ods")
                tap.ok(broken is not None and broken[10] != "" and broken[8] == "" and broken[1] == "",
                       "batch: the random bytes give a row with a failure and no report", repr(broken))
                good = byname.get(CORRECTED)
                odt = os.path.join(batch_out, CORRECTED[:-len(".fods")] + ".odt")
                tap.ok(good is not None and good[1:5] == ["沅江市科学技术协会", "97.36", "优", "0"] and good[10] == ""
                       and good[11] == uno.systemPathToFileUrl(odt) and os.path.exists(odt),
                       "batch: the corrected copy's row: department, 97.36, 优, 0 errors, a link to its report",
                       repr(good))
                reported = byname.get(REPORTED)
                tap.ok(reported is not None and reported[1] == "沅江市科学技术协会" and reported[2] == "" and
                       reported[3] == "" and reported[4] == "9" and reported[10] == "" and
                       os.path.exists(os.path.join(batch_out, REPORTED[:-len(".fods")] + ".pdf")),
                       "batch: the as-reported copy's row: no total, 9 errors, its report written", repr(reported))
                close(sheet_doc)

            for book, report in reports.values():
                close(report)
                close(book)
    except Exception:
        tap.crash("the report suite ran to its end")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
