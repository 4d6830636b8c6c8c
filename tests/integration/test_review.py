"""Reviewing finished reports through the headless door, in the real office.

- The reference report as the bureau receives it: the .txt, and the .odt,
  .docx and .doc the build makes from it (build/review/).  Each must give
  exactly the reference report's inconsistencies, at the same paragraphs and
  characters, whatever the format.
- A folder of reports: one .review.json each, summary.json and summary.ods
  (read back in Calc: typed cells, hyperlinks to the reports); a spreadsheet named .odt, random bytes named .docx, a GB18030 text
  and a path with & in it are reported, never fatal.
- Jixiao's own reports: the report door writes the corrected example's
  report (review clean) and the example's as reported (its drift found in
  the prose: 基本支出 ≠ its classes, people in 万元, 410.42 vs 410.41).

Usage: test_review.py PROFILE  (a profile with Jixiao, tools/office-profile.sh)
"""
import json
import os
import random
import shutil
import sys
import tempfile
import urllib.parse

sys.dont_write_bytecode = True   # no __pycache__ in the source tree

from office import close_document, Office  # noqa: E402
from tap import Tap  # noqa: E402
from test_doors import link_of, Run  # noqa: E402  (a summary cell's hyperlink; tools/jixiao)
from test_report import door  # noqa: E402  (the headless door, run as a bureau runs it)

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
REFERENCE = os.path.join(ROOT, "tests", "review", "yuanjiang-cast-2023-self-evaluation.txt")
MADE = os.path.join(ROOT, "build", "review")
EXAMPLES = os.path.join(ROOT, "examples")

# (code, paragraph, words of the sentence it points at)
EXPECTED = [
    ("JX-SUM-MISMATCH", 25, "我单位基本支出：273.77万元，其中。"),
    ("JX-SUM-MISMATCH", 26, "工资福利支出273.77万元，包括基本工资"),
    ("JX-SUM-MISMATCH", 27, "商品服务支出41.73万元，包括办公费"),
    ("JX-SUM-MISMATCH", 28, "对个人和家庭的补助支出4.62万元"),
    ("JX-PART-EXCEEDS-TOTAL", 28, "其他对个人和家庭的补助支出5.4万元"),
    ("JX-SAME-DIFFERS", 31, "实际资金支出：114.41万元"),
    ("JX-PEOPLE-IN-MONEY", 67, "一是科普活动受益学生人数辐射范围人数超过6万元"),
    ("JX-OUTLINE-SKIPPED", 11, "（二）部门（单位）整体支出规模"),
    ("JX-OUTLINE-SKIPPED", 23, "三、一般公共预算支出情况"),
    ("JX-OUTLINE-REPEATED", 61, "4、年度完成"),
    ("JX-OUTLINE-REPEATED", 81, "十二、其他需要说明的情况"),
    ("JX-SAME-ROUNDING", 51, "全年支出410.42万元"),
]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def places(findings):
    return [(f["code"], f["paragraph"], f["start"], f["end"]) for f in findings]


def check_reference(tap, name, data, reference_places=None):
    found = [(f["code"], f["paragraph"]) for f in data.get("findings", [])]
    tap.ok(sorted(found) == sorted((c, p) for c, p, _ in EXPECTED) and not data.get("failure"),
           "%s: exactly the reference report's %d inconsistencies" % (name, len(EXPECTED)),
           "\n".join("%s@%d %s" % (f["code"], f["paragraph"], f["message"]["zh"]) for f in data.get("findings", []))
           + "\nfailure: %r" % data.get("failure"))
    by_place = {(f["code"], f["paragraph"]): f for f in data.get("findings", [])}
    wrong = [(c, p, words) for c, p, words in EXPECTED
             if words not in by_place.get((c, p), {}).get("sentence", "")]
    tap.ok(not wrong, "%s: each finding points at its sentence" % name, repr(wrong))
    tap.ok((data.get("errors"), data.get("warnings"), data.get("notes")) == (7, 4, 1),
           "%s: 7 errors, 4 warnings, 1 note" % name, repr(data)[:300])
    if reference_places is not None:
        tap.ok(places(data["findings"]) == reference_places,
               "%s: the same paragraphs and characters as the .txt" % name,
               "%r\n%r" % (places(data["findings"]), reference_places))


def read_summary(office, path):
    book = office.open(path)
    try:
        sheet = book.Sheets.getByIndex(0)
        used = sheet.createCursor()
        used.gotoEndOfUsedArea(False)
        rows = used.RangeAddress.EndRow + 1
        data = sheet.getCellRangeByPosition(0, 0, 8, rows - 1).DataArray
        links = [link_of(sheet.getCellByPosition(0, r)) for r in range(1, rows)]
        return data, links
    finally:
        close_document(book)


def main(profile):
    tap = Tap("review")
    tmp = tempfile.mkdtemp(prefix="jixiao-review-")
    try:
        door_profile = os.path.join(tmp, "profile")
        shutil.copytree(os.path.abspath(profile), door_profile, symlinks=True)

        # --- one report: the .txt, then the .odt, .docx and .doc made from it ----------------
        reference_places = None
        for ext in ("txt", "odt", "docx", "doc"):
            source = REFERENCE if ext == "txt" else os.path.join(MADE, os.path.basename(REFERENCE)[:-4] + "." + ext)
            if not os.path.exists(source):
                tap.ok(False, "%s of the reference report exists (make builds it)" % ext, source)
                continue
            out = os.path.join(tmp, "reference.%s.json" % ext)
            run = door(door_profile, "review", **{"in": source, "out": out})
            tap.ok(run.exited and run.returncode == 0 and os.path.exists(out),
                   "door review %s: the office exits by itself and writes the findings" % ext, run.describe())
            if not os.path.exists(out):
                continue
            data = load(out)
            check_reference(tap, "reference ." + ext, data, reference_places)
            if ext == "txt":
                reference_places = places(data["findings"])
                tap.ok("93 paragraphs, 7 errors, 4 warnings, 1 notes" in run.stderr,
                       "door review: one line on standard error with the counts", run.stderr)

        # --- a bureau's own rules: schema= -----------------------------------------------
        graded = os.path.join(tmp, "graded.txt")
        with open(graded, "w", encoding="utf-8") as f:
            f.write("经自评，本单位2023年度部门整体支出绩效自评得分82.90分，评价等级为“中”。\n")
        with open(os.path.join(ROOT, "registration", "schema", "hunan-department-2023.json"), encoding="utf-8") as f:
            schema = json.load(f)
        schema.setdefault("settings", {}).setdefault("scoring", {})["grade_good"] = 85
        bureau = os.path.join(tmp, "bureau.json")
        with open(bureau, "w", encoding="utf-8") as f:
            json.dump(schema, f, ensure_ascii=False)
        outcomes = {}
        for name, extra in (("default", {}), ("bureau", {"schema": bureau})):
            out = os.path.join(tmp, "graded-%s.json" % name)
            door(door_profile, "review", **dict({"in": graded, "out": out}, **extra))
            outcomes[name] = [f["code"] for f in load(out)["findings"]] if os.path.exists(out) else None
        tap.ok(outcomes == {"default": ["JX-GRADE-MISMATCH"], "bureau": []},
               "schema=: 82.90 graded 中 is wrong by the default bounds, right by a bureau's with 良 from 85",
               repr(outcomes))

        # --- a folder, hostile files included ------------------------------------------
        folder, out_dir = os.path.join(tmp, "in & out"), os.path.join(tmp, "findings")
        os.makedirs(folder)
        shutil.copy(REFERENCE, folder)
        shutil.copy(os.path.join(MADE, "yuanjiang-cast-2023-self-evaluation.docx"), folder)
        shutil.copy(os.path.join(EXAMPLES, "yuanjiang-cast-2023.fods"), os.path.join(folder, "a-workbook.odt"))
        with open(os.path.join(folder, "noise.docx"), "wb") as f:
            f.write(bytes(random.Random(17).getrandbits(8) for _ in range(4096)))
        with open(os.path.join(folder, "gb18030.txt"), "wb") as f:
            f.write("一、部门基本情况\n三、一般公共预算支出情况\n".encode("gb18030"))
        with open(os.path.join(folder, "notes.csv"), "w") as f:
            f.write("not a report\n")
        run = door(door_profile, "review", **{"in": folder, "out": out_dir})
        tap.ok(run.exited and run.returncode == 0, "door review of a folder: the office exits by itself (%.1f s)"
               % run.seconds, run.describe())
        written = sorted(os.listdir(out_dir)) if os.path.isdir(out_dir) else []
        tap.ok(written == ["a-workbook.odt.review.json", "gb18030.txt.review.json", "noise.docx.review.json",
                           "summary.json", "summary.ods", "yuanjiang-cast-2023-self-evaluation.docx.review.json",
                           "yuanjiang-cast-2023-self-evaluation.txt.review.json"],
               "folder: a .review.json per report (not the .csv), summary.json and summary.ods", repr(written))
        if "yuanjiang-cast-2023-self-evaluation.docx.review.json" in written:
            check_reference(tap, "folder .docx",
                            load(os.path.join(out_dir, "yuanjiang-cast-2023-self-evaluation.docx.review.json")),
                            reference_places)
        if "a-workbook.odt.review.json" in written:
            data = load(os.path.join(out_dir, "a-workbook.odt.review.json"))
            tap.ok("not a text document" in (data.get("failure") or "") and data["findings"] == [],
                   "folder: a spreadsheet named .odt is reported as not a text document", repr(data)[:300])
        if "gb18030.txt.review.json" in written:
            data = load(os.path.join(out_dir, "gb18030.txt.review.json"))
            tap.ok([(f["code"], f["paragraph"]) for f in data["findings"]] == [("JX-OUTLINE-SKIPPED", 2)],
                   "folder: a GB18030 text is read (二、 is missing)", repr(data)[:300])
        if "noise.docx.review.json" in written:
            data = load(os.path.join(out_dir, "noise.docx.review.json"))
            tap.ok(isinstance(data.get("findings"), list), "folder: random bytes named .docx give an outcome",
                   repr(data)[:300])

        # --- Jixiao's own reports -----------------------------------------------------------
        reports = os.path.join(tmp, "reports")
        for book in ("yuanjiang-cast-2023-corrected.fods", "yuanjiang-cast-2023.fods"):
            copy = os.path.join(tmp, book)
            shutil.copy(os.path.join(EXAMPLES, book), copy)
            run = door(door_profile, "report", **{"in": copy, "out": reports, "formats": "odt,docx"})
            tap.ok(run.exited and os.path.exists(os.path.join(reports, book[:-5] + ".odt")),
                   "report door writes the report of %s" % book, run.describe())
        for name in os.listdir(reports) if os.path.isdir(reports) else []:
            if name.endswith(".findings.json"):
                os.remove(os.path.join(reports, name))   # the workbook's findings, not a report
        reviewed = os.path.join(tmp, "reviewed")
        run = door(door_profile, "review", **{"in": reports, "out": reviewed})
        for ext in ("odt", "docx"):
            path = os.path.join(reviewed, "yuanjiang-cast-2023-corrected.%s.review.json" % ext)
            data = load(path) if os.path.exists(path) else {}
            tap.ok(data.get("findings") == [] and not data.get("failure") and data.get("paragraphs", 0) > 60,
                   "Jixiao's report of the corrected workbook (.%s) reviews clean" % ext,
                   run.describe() + "\n" + json.dumps(data, ensure_ascii=False)[:1500])
            path = os.path.join(reviewed, "yuanjiang-cast-2023.%s.review.json" % ext)
            data = load(path) if os.path.exists(path) else {}
            messages = [f["message"]["zh"] for f in data.get("findings", [])]
            wanted = ["基本支出 273.77 万元 ≠", "“科普活动受益学生辐射人数”是人数", "在此为 410.42 万元，第"]
            tap.ok(all(any(w in m for m in messages) for w in wanted),
                   "Jixiao's report of the workbook as reported (.%s): its drift is found in the prose" % ext,
                   "\n".join(messages))

        # --- the command line: tools/jixiao review, its exit statuses ------------------------
        cli = Run(["--format", "text", "review", REFERENCE], door_profile)
        tap.ok(cli.status == 1 and cli.out.count("\n") == len(EXPECTED) + 1 and "¶25" in cli.out
               and "JX-OUTLINE-REPEATED" in cli.out,
               "tools/jixiao review: a line per finding with its paragraph, exit 1", cli.describe())
        clean = os.path.join(tmp, "clean")
        os.makedirs(clean)
        for ext in ("odt", "docx"):
            made = os.path.join(reports, "yuanjiang-cast-2023-corrected." + ext)
            if os.path.exists(made):
                shutil.copy(made, clean)
        cli = Run(["review", clean, "--out", os.path.join(tmp, "clean-out")], door_profile)
        tap.ok(cli.status == 0 and "2 reports reviewed" in cli.out,
               "tools/jixiao review of a folder of clean reports: exit 0", cli.describe())
        cli = Run(["review", os.path.join(tmp, "missing.docx")], door_profile)
        tap.ok(cli.status == 2 and "does not exist" in cli.err, "tools/jixiao review of a missing file: exit 2",
               cli.describe())

        # --- the summary, read back in Calc -----------------------------------------------
        summary = os.path.join(out_dir, "summary.ods")
        if os.path.exists(summary):
            with Office(profile) as office:
                data, links = read_summary(office, summary)
                rows = {os.path.basename(r[0]): r for r in data[1:]}
                ref = rows.get("yuanjiang-cast-2023-self-evaluation.txt")
                tap.ok(len(data) == 6 and ref is not None and ref[1:5] == (93.0, 7.0, 4.0, 1.0),
                       "summary.ods: a row per report; the reference reads 93 paragraphs, 7 errors, 4 warnings, "
                       "1 note", repr(data))
                tap.ok(ref is not None and ref[5].startswith("基本支出 273.77 万元 ≠"),
                       "summary.ods: the first finding in words", repr(ref))
                names = [os.path.basename(r[0]) for r in data[1:]]
                tap.ok(all(link and link.startswith("file://") and link.endswith(urllib.parse.quote(name))
                           for link, name in zip(links, names)) and len(links) == 5,
                       "summary.ods: the report column is a hyperlink to each report", repr(links))
                bad = rows.get("a-workbook.odt")
                tap.ok(bad is not None and "not a text document" in bad[8],
                       "summary.ods: the failure is given in words", repr(bad))
        else:
            tap.ok(False, "summary.ods was written", run.describe())
    except Exception:
        tap.crash("review suite")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
