#!/usr/bin/python3
"""generate.py: seeded departments and projects (the department-wide
workbook and the national project form), each clean and then with one fault
at a time, for the core harness (check_core) and the office harness
(run_office.py).

    generate.py OUT [--count N] [--projects N] [--seed S] [--office N] [--office-faults N]

Writes into OUT:
  schemas/*.json     each form's schema and variants with other
                     settings.scoring (decimals, bands, grades, thresholds);
  cases.jsonl        one line per case: department (or project) N clean,
                     then each fault planted into it; the workbook's cells,
                     its schema, the findings expected (code, sheet, cell:
                     none for a clean one) and whether Compute's two modes
                     are compared;
  office/*.fods      the first --office departments and projects as flat ODF
                     workbooks (and, for the first --office-faults of them,
                     each fault), with office/manifest.json: expected
                     findings and the computed cells to compare between the
                     two modes; those under a shipped schema are validated
                     without naming it, so Jixiao must tell the form itself.
Nothing here needs the office.
"""
import argparse
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

import department  # noqa: E402
import faults  # noqa: E402
import layout  # noqa: E402
import project  # noqa: E402

SCHEMAS = {"department": os.path.join(ROOT, "registration", "schema", "hunan-department-2023.json"),
           "project": os.path.join(ROOT, "registration", "schema", project.SCHEMA_FILE)}

# settings.scoring of the variants a bureau might ship (None: the schema's own)
# scoring.h's defaults, for a schema that leaves settings.scoring out
DEFAULT_SCORING = {"grade_excellent": 90, "grade_good": 80, "grade_pass": 60, "band_achieved_low": 0.8,
                   "band_partial_low": 0.6, "overachievement": 1.2, "execution_explain_below": 0.9,
                   "score_decimals": 2}

VARIANTS = {
    "default": None,
    "tenths": {"score_decimals": 1, "band_achieved_low": 0.75, "band_partial_low": 0.55,
               "grade_excellent": 95, "grade_good": 85, "grade_pass": 65},
    "whole": {"score_decimals": 0, "overachievement": 1.3, "execution_explain_below": 0.85},
    "fine": {"score_decimals": 3, "band_partial_low": 0.5, "overachievement": 1.25},
}


def load_schemas(out):
    """(form, variant) → (schema, path); scoring of a form without its own
    settings.scoring is the defaults (scoring.h), which the variants change."""
    schemas = {}
    os.makedirs(os.path.join(out, "schemas"), exist_ok=True)
    for form, source in SCHEMAS.items():
        with open(source, encoding="utf-8") as f:
            base = json.load(f)
        base.setdefault("settings", {}).setdefault("scoring", {})
        for key, value in DEFAULT_SCORING.items():
            base["settings"]["scoring"].setdefault(key, value)
        for name, scoring in VARIANTS.items():
            schema = json.loads(json.dumps(base))
            if scoring:
                schema["settings"]["scoring"].update(scoring)
                schema["id"] = "%s-%s" % (base["id"], name)
            path = os.path.join(out, "schemas", "%s-%s.json" % (form, name))
            with open(path, "w", encoding="utf-8") as f:
                json.dump(schema, f, ensure_ascii=False, indent=1)
            schemas[(form, name)] = (schema, path)
    return schemas


def computed_cells(schema, grid):
    """The addresses of every computed cell the layout placed."""
    cells = []
    computed_fields = {fid for fid, f in schema["fields"].items() if f.get("role") == "computed"}
    computed_columns = {(tid, cid) for tid, t in schema.get("tables", {}).items()
                        for cid, c in t["columns"].items() if c.get("role") == "computed"}
    for key in grid.where:
        if (key[0] == "field" and key[1] in computed_fields) or \
           (key[0] == "row" and (key[1], key[3]) in computed_columns):
            sheet, cell = grid.address(key)
            cells.append([sheet, cell])
    return sorted(cells)


def computed_fields(schema, grid):
    """field id → [sheet, cell] of every computed field the layout placed."""
    return {key[1]: list(grid.address(key)) for key in grid.where
            if key[0] == "field" and schema["fields"][key[1]].get("role") == "computed"}


def expectations(grid, expected):
    found = []
    for code, key in expected:
        sheet, cell = grid.address(key)
        found.append({"code": code, "sheet": sheet, "cell": cell})
    return found


def cases_of(form, n, seed, schemas):
    """Department (or project) n: its clean case, then each fault (name,
    grid, expected)."""
    variant = list(VARIANTS)[n % len(VARIANTS)] if n % 2 else "default"
    schema, path = schemas[(form, variant)]
    rules = schema["settings"]["scoring"]
    maker, planters = (department.make, faults.PLANTERS) if form == "department" else \
                      (project.make, faults.PROJECT_PLANTERS)
    d = maker(seed * 100003 + n, rules)
    options = layout.Options(seed * 7919 + n)
    grid = layout.render(schema, d, options)
    yield variant, path, d, schema, None, grid, []
    rng = random.Random(seed * 31 + n)
    for name, planter in planters:
        planted = faults.plant(planter, d, options, rules, rng)
        if planted is None:
            continue
        d2, o2, expected = planted
        g2 = layout.render(schema, d2, o2)
        yield variant, path, d2, schema, name, g2, expectations(g2, expected)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--projects", type=int, default=0, help="projects of the national form (default: none)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--office", type=int, default=20)
    parser.add_argument("--office-faults", type=int, default=3)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    schemas = load_schemas(args.out)
    office_dir = os.path.join(args.out, "office")
    os.makedirs(office_dir, exist_ok=True)
    manifest = []
    n_cases = n_faults = 0
    projects = args.projects
    forms = [("department", n) for n in range(args.count)] + [("project", n) for n in range(projects)]
    with open(os.path.join(args.out, "cases.jsonl"), "w", encoding="utf-8") as out:
        for form, n in forms:
            for variant, path, d, schema, fault, grid, expected in cases_of(form, n, args.seed, schemas):
                case_id = "%s%04d-%s" % (form[0], n, fault or "clean")
                # a blank row changes nothing Compute writes: compared with the clean copy
                same_as_clean = bool(fault and fault.startswith("blank-row"))
                case = {"id": case_id, "form": form, "department": d.name, "schema": os.path.relpath(path, args.out),
                        "variant": variant, "fault": fault, "expect": expected,
                        "compare_modes": fault is None or same_as_clean, "same_as_clean": same_as_clean,
                        "fields": computed_fields(schema, grid), "grid": layout.grid_json(grid)}
                out.write(layout.dumps(case) + "\n")
                n_cases += 1
                n_faults += fault is not None
                office = args.office if form == "department" else (args.office + 1) // 2
                if n < office and (fault is None or n < args.office_faults):
                    fods = os.path.join(office_dir, case_id + ".fods")
                    layout.write_fods(grid, fods)
                    manifest.append({"id": case_id, "file": os.path.basename(fods),
                                     "schema": os.path.relpath(path, args.out), "variant": variant,
                                     "shipped": variant == "default", "form": form,
                                     "department": d.name, "fault": fault, "expect": expected,
                                     "computed": computed_cells(schema, grid) if fault is None else [],
                                     "same_as_clean": same_as_clean, "fields": case["fields"]})
    with open(os.path.join(office_dir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    print("generated %d departments and %d projects: %d cases (%d faults planted), %d workbooks for the office"
          % (args.count, projects, n_cases, n_faults, len(manifest)))


if __name__ == "__main__":
    main()
