"""make bench, group "review": how long reviewing a finished report takes.

- core: the review alone (paragraphs in, findings out; reading the file
  excluded) with build/tests/review-cli, on the reference report and on
  made-up reports of 25, 50 and 100 pages (tests/review/generate_reports.py
  --pages), so that growth with length shows (time ∝ pages^k);
- door: the headless door on the same reports as .odt, as the bureau runs
  it: opening the document in Writer, reading its paragraphs, reviewing them,
  as the door's one line per report says, in one office for all of them.
"""
import os
import json
import math
import re
import shutil
import statistics
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CLI = os.path.join(ROOT, "build", "tests", "review-cli")
REFERENCE = os.path.join(ROOT, "tests", "review", "yuanjiang-cast-2023-self-evaluation.txt")
PAGES = (25, 50, 100)


def core_times(files, runs):
    out = subprocess.run([CLI, "--time", str(max(runs, 5) * 4)] + files, capture_output=True, text=True,
                         check=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


def to_odt(txt, folder, profile):
    subprocess.run(["soffice", "--headless", "--norestore", "-env:UserInstallation=file://" + profile,
                    "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "odt", "--outdir", folder, txt],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return os.path.join(folder, os.path.basename(txt)[:-4] + ".odt")


def run_review(profile, out, runs, perf_mode):
    work = os.path.join(out, "review")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    if not os.path.exists(CLI):
        subprocess.run(["make", "-C", ROOT, "build/tests/review-cli"], stdout=subprocess.DEVNULL, check=True)
    texts = [REFERENCE]
    for pages in PAGES:
        subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "tests", "review", "generate_reports.py"), work,
                        "--pages", str(pages)], check=True)
        texts.append(os.path.join(work, "long-%d-pages.txt" % pages))
    core = core_times(texts, runs)
    result = {"core": {os.path.basename(c["file"]): c for c in core}}
    long = core[1:]
    # growth from the fastest runs: what the work costs, not what the machine's other load adds
    result["exponent"] = math.log(long[-1]["min_ms"] / long[0]["min_ms"]) / math.log(
        long[-1]["paragraphs"] / long[0]["paragraphs"])

    # the door: the reference and the 100-page report as .odt, each `runs` times, one office
    convert = os.path.join(out, "convert-profile")
    folder = os.path.join(work, "door-in")
    os.makedirs(folder)
    sources = {"reference": to_odt(REFERENCE, work, convert), "100 pages": to_odt(texts[-1], work, convert)}
    for name, path in sources.items():
        for k in range(runs + 1):   # the first is a warm-up
            shutil.copy(path, os.path.join(folder, "%s-%02d.odt" % (name.replace(" ", "-"), k)))
    query = "review&in=%s&out=%s" % (folder, os.path.join(work, "door-out"))
    run = subprocess.run(["soffice", "--headless", "--norestore", "--nologo",
                          "-env:UserInstallation=file://" + profile, "service:org.jixiao.Headless?" + query],
                         capture_output=True, text=True, timeout=1800)
    door = {}
    for name in sources:
        stem = name.replace(" ", "-")
        ms = [float(m.group(2)) for m in re.finditer(r"/%s-(\d+)\.odt: \d+ paragraphs.*\((\d+) ms\)" % stem,
                                                     run.stderr) if int(m.group(1)) > 0]
        door[name] = {"median_ms": statistics.median(ms) if ms else None, "runs": len(ms)}
    result["door"] = door
    return result


def describe(w, r, fmt, verdict, target, exponent):
    """The target lines of the README section."""
    ref = r["core"][os.path.basename(REFERENCE)]
    w("| Review the reference report under %d ms | %s ms (%d paragraphs; through Writer from .odt: %s ms) | %s |" % (
        target, fmt(ref["median_ms"], 2), ref["paragraphs"], fmt(r["door"]["reference"]["median_ms"], 0),
        verdict(ref["median_ms"] < target)))
    w("| Review grows linearly with length (time ∝ paragraphs^k from 25 to 100 pages, fastest runs, k ≤ %.2f) "
      "| k = %s | %s |" % (
        exponent, fmt(r["exponent"], 2), verdict(r["exponent"] <= exponent)))


def describe_section(w, r, fmt):
    w("### Review")
    w("")
    w("Reviewing a finished report's prose (`review-cli --time`: the review alone, the text already read; "
      "the headless door: opening the .odt in Writer, reading its paragraphs and reviewing them):")
    w("")
    w("| report | paragraphs | review | through Writer from .odt |")
    w("|---|---|---|---|")
    for name, c in r["core"].items():
        door = None
        if name == os.path.basename(REFERENCE):
            door, label = r["door"]["reference"], "the reference report"
        else:
            pages = int(re.search(r"(\d+)", name).group(1))
            label = "made up, %d pages" % pages
            door = r["door"]["100 pages"] if pages == 100 else None
        w("| %s | %d | %s ms | %s |" % (label, c["paragraphs"], fmt(c["median_ms"], 2),
                                        ("%s ms" % fmt(door["median_ms"], 0)) if door and door["median_ms"] else "–"))
    w("")
    w("The review itself is a small part of the door's time: most of it is Writer opening the document and "
      "handing over its paragraphs.")
    w("")
