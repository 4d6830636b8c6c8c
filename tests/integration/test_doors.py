"""The bureau's doors on hostile input: the command line (tools/jixiao) and
the headless door it drives, as a script on a folder of other people's
workbooks would use them.

- department texts and file names that look like formulas reach
  summary.ods as text, never as formulas; links are real hyperlinks;
- two workbooks with one stem give two reports; name= stays in its folder;
- an output that is the input is refused and the input's bytes stay;
- exit statuses 0 (clean), 1 (findings), 2 (could not run), failures in
  words, nothing but printable text on the terminal;
- a spreadsheet that is not the workbook is said to be so once, naming the
  standard workbook, instead of a finding per missing sheet;
- batch on two offices, shards run by GNU parallel, joined by merge.

Usage: test_doors.py PROFILE  (a profile with Jixiao, tools/office-profile.sh)
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

import uno

from office import Office
from tap import Tap

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
JIXIAO = os.path.join(ROOT, "tools", "jixiao")
EXAMPLES = os.path.join(ROOT, "examples")
REPORTED = os.path.join(EXAMPLES, "yuanjiang-cast-2023.fods")
CORRECTED = os.path.join(EXAMPLES, "yuanjiang-cast-2023-corrected.fods")
OTHER_SPREADSHEET = os.path.join(EXAMPLES, "functions.fods")   # a spreadsheet, not the workbook
SCHEMA = os.path.join(ROOT, "registration", "schema", "hunan-department-2023.json")
DEPARTMENT = "沅江市科学技术协会"

HOSTILE_TEXTS = [
    '=HYPERLINK("http://evil.example/";"点此查看")',
    "=cmd|' /C calc'!A0",
    '=A3&" 总分99.5 优"',
    "@SUM(1+1)",
]
HOSTILE_NAMES = [
    'q"&"inj.fods',
    'z");CONCATENATE("pwn.fods',
    "esc\x1b[31mred.fods",
    "=1+1.fods",
]


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def with_department(text, path):
    """The corrected example with another department name."""
    with open(CORRECTED, encoding="utf-8") as f:
        xml = f.read()
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    with open(path, "w", encoding="utf-8") as f:
        f.write(xml.replace("<text:p>%s</text:p>" % DEPARTMENT, "<text:p>%s</text:p>" % escaped, 1))


class Run:
    def __init__(self, args, profile, cwd=None):
        result = subprocess.run([JIXIAO, "--profile", profile] + args, capture_output=True, cwd=cwd,
                                timeout=900)
        self.status = result.returncode
        self.raw = result.stdout + result.stderr
        self.out = result.stdout.decode("utf-8", "replace")
        self.err = result.stderr.decode("utf-8", "replace")

    def describe(self):
        return "exit %d\n--- stdout\n%s\n--- stderr\n%s" % (self.status, self.out[-3000:], self.err[-3000:])


def terminal_clean(raw):
    """No control character but tab and newline (\\r is allowed for the progress line)."""
    return not any(b < 0x20 and b not in (0x09, 0x0a, 0x0d) or b == 0x7f for b in raw)


def link_of(cell):
    fields = cell.getTextFields().createEnumeration()
    while fields.hasMoreElements():
        field = fields.nextElement()
        if field.getPropertySetInfo().hasPropertyByName("URL"):   # a URL field (Calc names no service)
            return field.URL
    return ""


def read_summary(office, path):
    """Rows of a summary.ods: (values, types, link of the report cell)."""
    doc = office.open(path)
    sheet = doc.Sheets.getByIndex(0)
    rows = []
    formulas = 0
    for r in range(0, 200):
        cells = [sheet.getCellByPosition(c, r) for c in range(11)]
        values = [c.getString() for c in cells]
        if not any(values):
            break
        formulas += sum(1 for c in cells if c.getType().value == "FORMULA")
        rows.append((values, link_of(cells[8])))
    doc.close(True)
    return rows, formulas


def door(profile, query):
    """The headless door itself, without the command line's own checks."""
    return subprocess.run(["soffice", "--headless", "--norestore", "--nologo", "--nolockcheck",
                           "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
                           "service:org.jixiao.Headless?" + query],
                          capture_output=True, timeout=300)


def q(path):
    return urllib.parse.quote(path, safe="/")


def test_exit_statuses(tap, profile, tmp):
    clean = Run(["validate", CORRECTED], profile)
    tap.ok(clean.status == 0, "validate: a clean workbook exits 0", clean.describe())
    found = Run(["validate", REPORTED], profile)
    tap.ok(found.status == 1 and "JX-SUM-MISMATCH" in found.out, "validate: a workbook with errors exits 1",
           found.describe())
    js = Run(["validate", "--format", "json", REPORTED], profile)
    try:
        data = json.loads(js.out)
        tap.ok(js.status == 1 and data["errors"] == 9 and len(data["findings"]) == 11,
               "validate --format json: the findings JSON on stdout", js.out[:300])
    except ValueError:
        tap.ok(False, "validate --format json: the findings JSON on stdout", js.describe())
    fake = os.path.join(tmp, "fake.ods")
    with open(fake, "w") as f:
        f.write("not a workbook\n")
    for name, args, words in (
            ("a text file named .ods", ["validate", fake], "not a spreadsheet"),
            ("a missing file", ["validate", os.path.join(tmp, "missing.ods")], "does not exist"),
            ("a folder", ["validate", tmp], "is a folder"),
            ("random bytes", ["validate", os.path.join(tmp, "random.ods")], "LibreOffice"),
            ("an unknown option", ["validate", "--bogus", CORRECTED], "unrecognized arguments")):
        if name == "random bytes":
            with open(args[1], "wb") as f:
                f.write(os.urandom(4000))
        run = Run(args, profile)
        tap.ok(run.status == 2 and words in run.err and "0 errors" not in run.out and "Traceback" not in run.err,
               "validate: %s exits 2 and says why in words" % name, run.describe())
    unreadable = os.path.join(tmp, "locked.ods")
    shutil.copy(os.path.join(ROOT, "build", "examples", "yuanjiang-cast-2023.ods"), unreadable)
    os.chmod(unreadable, 0)
    if os.geteuid() != 0:   # root reads everything
        run = Run(["validate", unreadable], profile)
        tap.ok(run.status == 2 and "cannot read" in run.err, "validate: an unreadable file exits 2", run.describe())
    # options before or after the command's name mean the same
    before = Run(["--lang", "en", "--format", "text", "validate", REPORTED], profile)
    after = Run(["validate", "--lang", "en", REPORTED], profile)
    tap.ok(before.out.splitlines()[-1:] == after.out.splitlines()[-1:] == ["9 errors, 1 warning, 1 note"],
           "options before the command are kept (--lang en)", before.describe() + after.describe())
    help_run = subprocess.run([JIXIAO, "--help"], capture_output=True, text=True)
    tap.ok(help_run.returncode == 0 and "exit status" in help_run.stdout and "batch" in help_run.stdout,
           "--help describes the commands and the exit statuses", help_run.stdout[:500])


def test_not_the_workbook(tap, profile, tmp):
    """Another spreadsheet: exit 2 and one failure naming the standard
    workbook (where it is), in every command; no finding per missing sheet."""
    book = os.path.join(tmp, "其他表格.fods")
    shutil.copy(OTHER_SPREADSHEET, book)
    findings = os.path.join(tmp, "other-findings.json")
    run = Run(["validate", book, "--out", findings], profile)
    outcome = json.load(open(findings, encoding="utf-8")) if os.path.isfile(findings) else {}
    failure = outcome.get("failure") or ""
    tap.ok(run.status == 2 and "is not a" in failure and "standard workbook" in failure
           and outcome.get("findings") == [] and "JX-SHEET-MISSING" not in run.out + run.err,
           "validate another spreadsheet: exit 2, one failure naming the standard workbook, no findings",
           run.describe() + "\n" + failure)
    tap.ok(run.err.count("standard workbook") == 1 and "基础数据表" in failure,
           "validate another spreadsheet: said once, with the required sheets it lacks", run.describe())
    shipped = re.search(r"at (/\S+\.fods)\.", failure)
    tap.ok(shipped is not None and os.path.isfile(shipped.group(1)),
           "the message gives the path of the standard workbook, and it is there", failure)
    bureau = Run(["validate", "--schema", SCHEMA, book], profile)
    tap.ok(bureau.status == 2 and "standard workbook" in bureau.err and "finance bureau" in bureau.err
           and ".fods." not in bureau.err,
           "with a bureau's schema: the standard workbook is the bureau's, no path inside the extension",
           bureau.describe())
    copy = os.path.join(tmp, "other-computed.fods")
    run = Run(["compute", book, "--out", copy], profile)
    tap.ok(run.status == 2 and "standard workbook" in run.err and not os.path.exists(copy),
           "compute another spreadsheet: exit 2, the reason in words, no copy written", run.describe())
    folder = os.path.join(tmp, "mixed-in")
    os.makedirs(folder)
    shutil.copy(book, folder)
    shutil.copy(CORRECTED, folder)
    out = os.path.join(tmp, "mixed-out")
    run = Run(["batch", folder, "--out", out, "--formats", "odt"], profile)
    rows = json.load(open(os.path.join(out, "summary.json"), encoding="utf-8")) \
        if os.path.isfile(os.path.join(out, "summary.json")) else []
    other = [r for r in rows if os.path.basename(r.get("source", "")) == os.path.basename(book)]
    fine = [r for r in rows if r.get("source", "").endswith("corrected.fods")]
    tap.ok(run.status == 2 and len(other) == 1 and "standard workbook" in other[0].get("failure", "")
           and "report" not in other[0],
           "batch: the other spreadsheet's row says why, and it has no report", run.describe() + "\n" + repr(rows))
    tap.ok(len(fine) == 1 and "failure" not in fine[0] and os.path.isfile(fine[0].get("report", "")),
           "batch: the workbook beside it is reported as usual", repr(fine))


def test_inputs_never_written(tap, profile, tmp):
    book = os.path.join(tmp, "mine.ods")
    shutil.copy(os.path.join(ROOT, "build", "examples", "yuanjiang-cast-2023.ods"), book)
    before = sha256(book)
    for command, query in (("validate", "validate&in=%s&out=%s"), ("extract", "extract&in=%s&out=%s"),
                           ("compute", "compute&in=%s&out=%s&mode=values")):
        result = door(profile, query % (q(book), q(book)))
        tap.ok(sha256(book) == before and b"never writes its inputs" in result.stderr,
               "door %s with out=in: refused, the input's bytes unchanged" % command,
               result.stderr.decode("utf-8", "replace")[-500:])
    link = os.path.join(tmp, "link-to-mine.ods")
    os.symlink(book, link)
    result = door(profile, "compute&in=%s&out=%s" % (q(book), q(link)))
    tap.ok(sha256(book) == before and b"never writes its inputs" in result.stderr,
           "door compute with out= a link to the input: refused", result.stderr.decode("utf-8", "replace")[-500:])
    for args in (["validate", book, "--out", book], ["compute", book, "--out", link],
                 ["extract", book, "--out", book]):
        run = Run(args, profile)
        tap.ok(run.status == 2 and sha256(book) == before and "never writes its inputs" in run.err,
               "jixiao %s with the input as output: exit 2, input unchanged" % args[0], run.describe())
    # name= stays in its folder
    out = os.path.join(tmp, "named")
    for name in ("../../escaped", "/tmp/abs", ".hidden", "a\nb"):
        run = Run(["report", book, "--out", out, "--name", name, "--formats", "odt"], profile)
        outside = [p for p in (os.path.join(tmp, "escaped.odt"), os.path.join(os.path.dirname(tmp), "escaped.odt"),
                               "/tmp/abs.odt") if os.path.exists(p)]
        tap.ok(run.status == 2 and not outside and "plain file name" in run.err,
               "report --name %r: refused, nothing written outside its folder" % name, run.describe())
    # headless outputs go into folders made for them
    deep = os.path.join(tmp, "new", "deeper", "findings.json")
    result = door(profile, "validate&in=%s&out=%s" % (q(CORRECTED), q(deep)))
    tap.ok(os.path.isfile(deep), "door validate: out= in a folder that does not exist yet is written",
           result.stderr.decode("utf-8", "replace")[-300:])


def test_hostile_batch(tap, profile, tmp, office):
    folder = os.path.join(tmp, "hostile-in")
    os.makedirs(folder)
    for i, text in enumerate(HOSTILE_TEXTS):
        with_department(text, os.path.join(folder, "dept-%d.fods" % i))
    for name in HOSTILE_NAMES:
        shutil.copy(CORRECTED, os.path.join(folder, name))
    # one stem, two workbooks
    shutil.copy(os.path.join(ROOT, "build", "examples", "yuanjiang-cast-2023-corrected.ods"),
                os.path.join(folder, "same.ods"))
    shutil.copy(os.path.join(ROOT, "build", "examples", "yuanjiang-cast-2023.xlsx"),
                os.path.join(folder, "same.xlsx"))
    with open(os.path.join(folder, "broken.ods"), "wb") as f:
        f.write(os.urandom(3000))
    hashes = {name: sha256(os.path.join(folder, name)) for name in os.listdir(folder)}
    out = os.path.join(tmp, "hostile-out")
    run = Run(["batch", folder, "--out", out, "--jobs", "2", "--formats", "odt"], profile)
    count = len(hashes)
    tap.ok(run.status == 2, "batch: a folder with an unreadable workbook exits 2", run.describe())
    tap.ok(terminal_clean(run.raw), "batch: no control character from names or texts reaches the terminal",
           repr(run.raw[-600:]))
    tap.ok(all(sha256(os.path.join(folder, n)) == h for n, h in hashes.items()) and
           sorted(os.listdir(folder)) == sorted(hashes), "batch: the input folder is left as it was")
    tap.ok(os.path.isfile(os.path.join(out, "same.ods.odt")) and os.path.isfile(os.path.join(out, "same.xlsx.odt")),
           "batch: same.ods and same.xlsx give two reports", repr(sorted(os.listdir(out)) if os.path.isdir(out) else None))
    summary = os.path.join(out, "summary.ods")
    if not tap.ok(os.path.isfile(summary), "batch: summary.ods is written", run.describe()):
        return
    rows, formulas = read_summary(office, summary)
    tap.ok(formulas == 0, "summary.ods read back: no formula cell (%d found)" % formulas)
    tap.ok(len(rows) == count + 1, "summary.ods: a header and one row per workbook (%d)" % count,
           "\n".join(repr(r) for r in rows))
    departments = {r[0][1] for r in rows[1:]}
    tap.ok(all(text in departments for text in HOSTILE_TEXTS),
           "summary.ods: formula-like department texts are kept as text", repr(departments))
    by_file = {r[0][0]: r for r in rows[1:]}
    for name in HOSTILE_NAMES:
        shown = name.replace("\x1b", "")
        row = by_file.get(name) or by_file.get(shown)
        expected = uno.systemPathToFileUrl(os.path.join(out, name[:-len(".fods")] + ".odt"))
        tap.ok(row is not None and row[1] == expected and os.path.isfile(os.path.join(out, name[:-len(".fods")] + ".odt")),
               "summary.ods: the file %r is linked as a hyperlink to its own report" % name,
               "%r\nexpected %r" % (row, expected))
    broken = by_file.get("broken.ods")
    tap.ok(broken is not None and broken[0][10] != "" and broken[1] == "",
           "summary.ods: the unreadable workbook has a failure and no link", repr(broken))


def test_shards(tap, profile, tmp, office):
    folder = os.path.join(tmp, "shard-in")
    os.makedirs(folder)
    for i in range(5):
        shutil.copy(CORRECTED if i % 2 else REPORTED, os.path.join(folder, "科协-%d.fods" % i))
    out = os.path.join(tmp, "shard-out")
    # the README's recipe: GNU parallel runs the shards (here on this machine), merge joins them
    result = subprocess.run(["parallel", "-q", "--halt", "never", JIXIAO, "--profile", profile + "-{}", "batch", folder,
                             "--out", out, "--jobs", "1", "--formats", "odt", "--shard", "{}/2", ":::", "1", "2"],
                            capture_output=True, timeout=900)
    parts = sorted(n for n in os.listdir(out) if n.startswith("summary-")) if os.path.isdir(out) else []
    tap.ok(parts == ["summary-1-of-2.json", "summary-1-of-2.ods", "summary-2-of-2.json", "summary-2-of-2.ods"],
           "shards under GNU parallel: each writes its own summary", repr(parts) + "\n" +
           result.stderr.decode("utf-8", "replace")[-1500:])
    shard_rows = []
    for name in parts:
        if name.endswith(".json"):
            shard_rows.extend(json.load(open(os.path.join(out, name), encoding="utf-8")))
    tap.ok(sorted(os.path.basename(r["source"]) for r in shard_rows) == sorted(os.listdir(folder)),
           "shards: every workbook in exactly one share", repr([r["source"] for r in shard_rows]))
    merged = os.path.join(tmp, "merged")
    run = Run(["merge", merged, out], profile)
    tap.ok(run.status == 1 and os.path.isfile(os.path.join(merged, "summary.ods")),
           "merge: joins the shards; exit 1 (some workbooks have errors)", run.describe())
    if os.path.isfile(os.path.join(merged, "summary.ods")):
        rows, formulas = read_summary(office, os.path.join(merged, "summary.ods"))
        tap.ok(len(rows) == 6 and formulas == 0, "merge: summary.ods has the 5 workbooks",
               "\n".join(repr(r) for r in rows))
    # the same folder in one run with two offices names and counts alike
    whole = os.path.join(tmp, "whole-out")
    run = Run(["batch", folder, "--out", whole, "--jobs", "2", "--formats", "odt"], profile)
    rows = json.load(open(os.path.join(whole, "summary.json"), encoding="utf-8")) if run.status != 2 else []
    tap.ok(run.status == 1 and len(rows) == 5 and "5/5 done" in run.err,
           "batch --jobs 2: one summary of 5 workbooks, progress up to 5/5", run.describe())


def main(profile):
    tap = Tap("doors")
    profile = os.path.abspath(profile)
    tmp = tempfile.mkdtemp(prefix="jixiao-doors-")
    try:
        own = os.path.join(tmp, "profile")
        shutil.copytree(profile, own, symlinks=True)
        for k in (1, 2):
            shutil.copytree(profile, "%s-%d" % (own, k), symlinks=True)
        test_exit_statuses(tap, own, tmp)
        test_not_the_workbook(tap, own, tmp)
        test_inputs_never_written(tap, own, tmp)
        with Office(profile) as office:
            test_hostile_batch(tap, own, tmp, office)
            test_shards(tap, own, tmp, office)
    except Exception:
        tap.crash("the doors suite ran to its end")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
