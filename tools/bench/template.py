"""The report template engine, compiled tree against the engine before it.

tools/bench/template_bench.c is built twice: against the current core (the
bundle loads the schema and compiles its template once; render.c walks the
typed tree) and against the core of the commit before render.c came (the
loader checked the raw cJSON template; template.c walked it again for every
report, splitting every string anew), its sources taken from git into
build/bench/template-old/ with that commit's default schema (the older
loader does not read today's).  Both load their default schema and render
its template on the same generated departments (tests/unit/department.h).
No office is involved: this is the engine alone, in µs.
"""
import json
import os
import subprocess

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DEPARTMENTS = 50
ROUNDS = 41
SCHEMA_FILE = "registration/schema/hunan-department-2023.json"
PURE = ["addin/calc/cell_value.c", "addin/calc/functions.c"]


def pkg(flag):
    return subprocess.run(["pkg-config", flag, "glib-2.0", "libcjson"], capture_output=True, text=True,
                          check=True).stdout.split()


def old_commit():
    """The parent of the commit that added addin/core/render.c."""
    added = subprocess.run(["git", "log", "--diff-filter=A", "--format=%H", "--", "addin/core/render.c"],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return subprocess.run(["git", "rev-parse", added[-1] + "^"], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()


def build(out, old):
    """The bench binary against the old engine (sources from git) or the current one."""
    if old:
        commit = old_commit()
        src = os.path.join(out, "template-old", "src")
        os.makedirs(src, exist_ok=True)
        archive = subprocess.run(["git", "archive", commit, "addin/core", SCHEMA_FILE] + PURE +
                                 [p[:-2] + ".h" for p in PURE],
                                 cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", src], input=archive, check=True)
    else:
        commit, src = None, ROOT
    sources = sorted(os.path.join(src, "addin", "core", f) for f in os.listdir(os.path.join(src, "addin", "core"))
                     if f.endswith(".c")) + [os.path.join(src, p) for p in PURE]
    binary = os.path.join(out, "template-bench-%s" % ("old" if old else "new"))
    subprocess.run(["cc", "-std=gnu11", "-O2", "-w", "-I" + os.path.join(src, "addin"),
                    "-I" + os.path.join(ROOT, "tests", "unit")] + (["-DJX_BENCH_OLD"] if old else []) + pkg("--cflags")
                   + [os.path.join(ROOT, "tools", "bench", "template_bench.c")] + sources + pkg("--libs")
                   + ["-lm", "-o", binary], check=True)
    return binary, commit, os.path.join(src, SCHEMA_FILE)


def median(values):
    values = sorted(values)
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2.0


def run_template(profile, out, runs, perf_mode, log):
    binaries = {"new": build(out, False), "old": build(out, True)}
    samples = {"new": [], "old": []}
    for _ in range(runs):   # alternating, so both see the same machine
        for name in ("old", "new"):
            binary, _, schema = binaries[name]
            line = subprocess.run([binary, schema, str(DEPARTMENTS), str(ROUNDS)], capture_output=True,
                                  text=True, check=True).stdout
            samples[name].append(json.loads(line))
    result = {"departments": DEPARTMENTS, "rounds": ROUNDS, "runs": runs, "old_commit": binaries["old"][1][:7]}
    for name in samples:
        result[name] = {key: median([s[key] for s in samples[name]]) for key in ("load_us", "bare_load_us", "report_us")}
        result[name]["blocks"] = samples[name][0]["blocks"]
        result[name]["template_us"] = median([s["load_us"] - s["bare_load_us"] for s in samples[name]])
        result[name]["first_us"] = result[name]["template_us"] + result[name]["report_us"]
    for key in ("template_us", "report_us", "first_us"):
        result["ratio_" + key[:-3]] = result["new"][key] / result["old"][key]
    log("  template: ready in %.0f µs (old %.0f), a report %.0f µs (old %.0f)" % (
        result["new"]["template_us"], result["old"]["template_us"], result["new"]["report_us"],
        result["old"]["report_us"]))
    return result


def target_row(t, fmt, verdict):
    return "| Report template: compiling it and a report no slower than checking and walking the raw template | %s× | %s |" % (
        fmt(t["ratio_first"], 2), verdict(t["ratio_first"] <= 1.0 and t["ratio_report"] <= 1.0))


def describe(w, t, fmt):
    new, old = t["new"], t["old"]
    w("### Report template")
    w("")
    w("The template engine alone (tools/bench/template.py, no office), on the default schema of each "
      "engine's time: what the template adds to loading the schema file (its load minus the load of the "
      "same file without its \"report\" key: the rest of the loader changed too), then the default "
      "template rendered on %d generated departments (tests/unit/department.h) with the figures Compute "
      "would write for computed cells; medians of %d × %d rounds, the two engines alternating. *Compiled* "
      "is the current engine: the bundle compiles the template once into a typed tree, which every report "
      "walks. *Raw* is the engine before it (commit %s): the loader checked the template's JSON, and every "
      "report walked the JSON again, splitting each string anew." % (
          t["departments"], t.get("runs", 1), t["rounds"], t["old_commit"]))
    w("")
    w("| | the template ready, at load (µs) | one report (µs) | compile + the first report (µs) |")
    w("|---|---|---|---|")
    w("| raw JSON, checked then walked | %s | %s | %s |" % (fmt(old["template_us"], 0), fmt(old["report_us"], 0),
                                                            fmt(old["first_us"], 0)))
    w("| compiled tree | %s | %s | %s |" % (fmt(new["template_us"], 0), fmt(new["report_us"], 0),
                                           fmt(new["first_us"], 0)))
    w("| compiled ÷ raw | %s× | %s× | %s× |" % (fmt(t["ratio_template"], 2), fmt(t["ratio_report"], 2),
                                               fmt(t["ratio_first"], 2)))
    w("")
    w("The schema is loaded once per office session and cached; every report after the first costs the "
      "middle column. (The compiled engine also does more per report than the raw one did: it decides "
      "which line items are in use, whether an absence is stated, and attaches validation's notes.) "
      "Loading the whole schema file took %s µs now and %s µs then." % (
          fmt(new["load_us"], 0), fmt(old["load_us"], 0)))
    w("")
