#!/bin/sh
# Runs a Jixiao headless command in a private profile (created, with the
# current build/jixiao.oxt installed, when missing or older than the .oxt).
# Usage: tools/jixiao-run.sh validate BOOK [OUT.json] [SCHEMA]
#        tools/jixiao-run.sh report BOOK [OUTDIR] [odt,docx,pdf]
#        tools/jixiao-run.sh batch INDIR [OUTDIR]
set -eu
cd "$(dirname "$0")/.."
profile=$PWD/build/run-profile
oxt=build/jixiao.oxt
if [ ! -f "$profile/.installed" ] || [ "$oxt" -nt "$profile/.installed" ]; then
    tools/office-profile.sh "$profile" "$oxt"
    touch "$profile/.installed"
fi
encode() { /usr/bin/python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
command=$1; shift
case "$command" in
validate)
    book=$(realpath "$1")
    out=$(realpath -m "${2:-build/findings.json}")
    args="validate&in=$(encode "$book")&out=$(encode "$out")"
    [ -z "${3:-}" ] || args="$args&schema=$(encode "$(realpath "$3")")"
    rm -f "$out"
    soffice --headless --norestore "-env:UserInstallation=file://$profile" \
        "service:org.jixiao.Headless?$args" 2>&1 | grep -v javaldx || true
    [ -f "$out" ] || { echo "jixiao: no findings were written" >&2; exit 1; }
    /usr/bin/python3 - "$out" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
for f in data["findings"]:
    where = ("%s!%s" % (f["sheet"], f["cell"])) if "sheet" in f else ""
    print("%-7s %-26s %-18s %s" % (f["severity"], f["code"], where, f["message"]["zh"]))
print("%d errors, %d warnings, %d notes -> %s" % (data["errors"], data["warnings"], data["notes"], sys.argv[1]))
PY
    ;;
report)
    book=$(realpath "$1")
    out=$(realpath -m "${2:-build/demo}")
    formats=${3:-odt,docx,pdf}
    soffice --headless --norestore "-env:UserInstallation=file://$profile" \
        "service:org.jixiao.Headless?report&in=$(encode "$book")&out=$(encode "$out")&formats=$formats" 2>&1 \
        | grep -v javaldx || true
    base=$(basename "${book%.*}")
    [ -f "$out/$base.${formats%%,*}" ] || { echo "jixiao: no report was written" >&2; exit 1; }
    ls -l "$out/$base".* ;;
batch)
    in=$(realpath "$1")
    out=$(realpath -m "${2:-build/batch}")
    soffice --headless --norestore "-env:UserInstallation=file://$profile" \
        "service:org.jixiao.Headless?batch&in=$(encode "$in")&out=$(encode "$out")" 2>&1 | grep -v javaldx || true
    [ -f "$out/summary.ods" ] || { echo "jixiao: no summary was written" >&2; exit 1; } ;;
*)
    echo "usage: $0 validate BOOK [OUT.json] [SCHEMA] | report BOOK [OUTDIR] [FORMATS] | batch INDIR [OUTDIR]" >&2
    exit 2 ;;
esac
