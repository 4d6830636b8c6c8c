#!/bin/sh
# Hostile workbooks: generates N malformed workbooks (deterministic seeds) from
# the example workbooks and runs them through Validate, Compute and Report in
# one office session with Jixiao installed; then hostile report templates
# (tests/hostile/hostile_schemas.py) through tools/jixiao report.
#
# Usage: tests/hostile/run.sh [N]          (default 100)
#   OXT=path/to/jixiao.oxt   the extension to test (default build/jixiao.oxt)
#   HOSTILE_TIMEOUT=60       seconds one step (open, one command, close) may take
#   HOSTILE_HEADLESS_EVERY=10  every Kth case also goes through the headless door
#   HOSTILE_SKIP=Report      commands left out (by name, comma-separated)
#
# Writes build/hostile/cases-N/ (the workbooks and manifest.tsv, reused while
# the generator and examples are unchanged), build/hostile/run-N.tap (one TAP
# line per workbook), build/hostile/summary-N.txt, and "passed failed" in
# build/results/hostile.counts for tests/summary.sh.
set -u
cd "$(dirname "$0")/../.."
n=${1:-100}
oxt=${OXT:-build/jixiao.oxt}
timeout_step=${HOSTILE_TIMEOUT:-60}
every=${HOSTILE_HEADLESS_EVERY:-10}
out=build/hostile
cases=$out/cases-$n
profile=$out/profile-$n
tap=$out/run-$n.tap
mkdir -p build/results "$out"

fail() {
    echo "hostile: $*" >&2
    echo "0 1" > build/results/hostile.counts
    exit 1
}

start=$(date +%s)
tools/office-profile.sh "$profile" "$oxt" || fail "could not install $oxt into a profile"
# generation: about 0.5 s a workbook; the whole run is bounded all the same
timeout $((n * 10 + 300)) /usr/bin/python3 tests/hostile/make_hostile.py "$n" "$cases" \
    || fail "the generator failed"
made=$(grep -c . "$cases/manifest.tsv")
timeout $((n * (3 * timeout_step + 90) + 300)) /usr/bin/python3 tests/hostile/run_hostile.py \
    "$profile" "$cases" --timeout "$timeout_step" --headless-every "$every" \
    --skip "${HOSTILE_SKIP:-}" > "$tap" 2>&1
status=$?

# report templates that would expand past what Writer can lay out
schemas_tap=$out/schemas.tap
timeout $((5 * (timeout_step + 30) + 120)) /usr/bin/python3 tests/hostile/hostile_schemas.py \
    "$out/schema-profile" "$out/schemas" --timeout "$timeout_step" > "$schemas_tap" 2>&1
schemas_status=$?
cat "$schemas_tap" >> "$tap"
if [ "$schemas_status" -ne 0 ] && ! grep -q '^not ok ' "$schemas_tap"; then
    echo "not ok - the hostile schemas' runner failed" >> "$tap"
    tail -20 "$schemas_tap"
fi

passed=$(grep -c '^ok ' "$tap")
failed=$(grep -c '^not ok ' "$tap")
missing=$((n - made))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1      # the runner itself died
    tail -20 "$tap"
fi
[ "$missing" -le 0 ] || failed=$((failed + missing))   # cases the generator could not make
grep -A4 '^not ok ' "$tap" | head -80
grep '^# ' "$tap" | grep -E 'hostile:|hostile schemas:|refused by|live Jixiao objects' | tee "$out/summary-$n.txt"
echo "hostile workbooks and templates: $passed passed, $failed failed ($made workbooks made of $n, $(( $(date +%s) - start )) s in all)"
echo "$passed $failed" > build/results/hostile.counts
[ "$failed" -eq 0 ]
