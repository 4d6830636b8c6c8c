"""Benchmark group `scaling`: the bureau's batch through the command line
(tools/jixiao batch), one office against one office per core, offices'
start included, as a script waits; and where a workbook's time goes, from
the phases every summary row records.
"""
import json
import os
import shutil
import statistics
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
JIXIAO = os.path.join(ROOT, "tools", "jixiao")
BOOKS = 60
TARGET_RATIO = 1.8
PHASES = (("open", "open the workbook"), ("validate", "read and validate"),
          ("build", "build the report (model, template, flat ODT)"), ("load", "Writer lays it out"),
          ("store.odt", "store .odt"), ("store.pdf", "export .pdf"))


def _batch(profile, books, target, jobs):
    shutil.rmtree(target, ignore_errors=True)
    start = time.monotonic()
    result = subprocess.run([JIXIAO, "--profile", profile, "batch", books, "--out", target,
                             "--jobs", str(jobs)], capture_output=True, text=True)
    seconds = time.monotonic() - start
    if result.returncode == 2:
        raise RuntimeError("jixiao batch failed: " + result.stderr[-800:])
    with open(os.path.join(target, "summary.json"), encoding="utf-8") as f:
        return seconds, json.load(f)


def run_scaling(profile, out, runs, perf_mode, log, source_workbook):
    cores = os.cpu_count() or 1
    log("scaling: %d workbooks through tools/jixiao batch, 1 office against %d" % (BOOKS, cores))
    books = os.path.join(out, "scaling-in")
    shutil.rmtree(books, ignore_errors=True)
    os.makedirs(books)
    for i in range(BOOKS):
        shutil.copy(source_workbook, os.path.join(books, "book-%02d.ods" % i))
    own = os.path.join(out, "scaling-profile")
    shutil.rmtree(own, ignore_errors=True)
    shutil.copytree(profile, own, symlinks=True)
    target = os.path.join(out, "scaling-out")
    _batch(own, books, target, cores)   # warm-up: the profiles are made here
    rounds = max(3, runs // 3)
    single, parallel, rows = [], [], []
    for _ in range(rounds):
        seconds, found = _batch(own, books, target, 1)
        single.append(seconds)
        rows.extend(found)
        seconds, _ = _batch(own, books, target, cores)
        parallel.append(seconds)
    one, many = statistics.median(single), statistics.median(parallel)
    phases = {}
    for key, _ in PHASES:
        values = [row["phases"][key] for row in rows if key in row.get("phases", {})]
        if values:
            phases[key] = statistics.median(values) * 1000
    totals = [row["seconds"] * 1000 for row in rows if "seconds" in row]
    log("  1 office %.1f s, %d offices %.1f s: %.2fx" % (one, cores, many, one / many))
    return {"books": BOOKS, "cores": cores, "rounds": rounds, "single_seconds": single,
            "parallel_seconds": parallel, "ratio": one / many, "per_minute_single": BOOKS / one * 60,
            "per_minute_parallel": BOOKS / many * 60, "phases_ms": phases,
            "workbook_ms": statistics.median(totals) if totals else None}


def target_row(s, fmt, verdict):
    return "| batch with one office per core at least %.1f× one office (%d cores) | %s× | %s |" % (
        TARGET_RATIO, s["cores"], fmt(s["ratio"], 2), verdict(s["ratio"] >= TARGET_RATIO))


def describe(w, s, fmt):
    w("### Batch on every core")
    w("")
    w("%d copies of the standard workbook through `tools/jixiao batch` (reports as .odt and .pdf, "
      "findings, summary.json and summary.ods), timed as a script waits, the offices' start "
      "included: one office **%s s** (%s per minute), %d offices (`--jobs %d`) **%s s** (%s per "
      "minute): **%s×** (medians of %d rounds; runs %s and %s)." % (
          s["books"], fmt(statistics.median(s["single_seconds"]), 1), fmt(s["per_minute_single"], 0),
          s["cores"], s["cores"], fmt(statistics.median(s["parallel_seconds"]), 1),
          fmt(s["per_minute_parallel"], 0), fmt(s["ratio"], 2), s["rounds"],
          ", ".join(fmt(x, 1) for x in s["single_seconds"]),
          ", ".join(fmt(x, 1) for x in s["parallel_seconds"])))
    w("")
    if s.get("phases_ms"):
        w("Where one workbook's time goes (median over the one-office runs, from the `phases` "
          "each summary row records; %s ms in all per workbook):" % fmt(s.get("workbook_ms"), 0))
        w("")
        w("| phase | ms |")
        w("|---|---|")
        for key, name in PHASES:
            if key in s["phases_ms"]:
                w("| %s | %s |" % (name, fmt(s["phases_ms"][key], 0)))
        w("")
