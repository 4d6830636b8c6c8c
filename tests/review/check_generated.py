"""Reviews the generated reports (generate_reports.py) with the core alone
(build/tests/review-cli) and compares each with its manifest entry: a
consistent report must give no finding; a report with a planted fault
exactly the findings the manifest names (code and paragraph).  Prints TAP.

    check_generated.py REVIEW_CLI DIR
"""
import json
import os
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))
from tap import Tap  # noqa: E402


def main(cli, folder):
    tap = Tap("review-generated")
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    files = [os.path.join(folder, entry["file"]) for entry in manifest]
    out = subprocess.run([cli] + files, capture_output=True, text=True)
    outcomes = {}
    for line in out.stdout.splitlines():
        data = json.loads(line)
        outcomes[os.path.basename(data["source"])] = data
    for entry in manifest:
        data = outcomes.get(entry["file"], {})
        got = sorted((f["code"], f["paragraph"]) for f in data.get("findings", []))
        want = sorted(tuple(e) for e in entry["expected"])
        what = ("%s: clean, no finding" % entry["file"]) if not want else \
               ("%s: %s" % (entry["file"], " ".join("%s@%d" % w for w in want)))
        tap.ok(got == want and not data.get("failure"), what,
               "\n".join("%s@%d %s | %s" % (f["code"], f["paragraph"], f["message"]["zh"], f["sentence"])
                         for f in data.get("findings", [])) or repr(data)[:300])
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
