#!/bin/sh
# Generated departments (tests/generator/): N departments and N/2 projects,
# each clean and then with one fault at a time, through the domain core
# (build/tests/check_core);
# the first K of them (and every fault of the first 5) through the real
# office in one session.  Usage: tests/generator/run.sh [N] [K] [SEED]
#
# Writes build/generator/N-SEED/ (cases, schemas, workbooks), the TAP output
# core.tap and office.tap, and "passed failed" in
# build/results/generator.counts for tests/summary.sh.
set -u
cd "$(dirname "$0")/../.."
n=${1:-300}; k=${2:-20}; seed=${3:-1}
out=build/generator/$n-$seed
profile=build/generator/profile
mkdir -p build/results "$out"

fail() {
    echo "generator: $*" >&2
    echo "0 1" > build/results/generator.counts
    exit 1
}

start=$(date +%s)
/usr/bin/python3 tests/generator/generate.py "$out" --count "$n" --projects $((n / 2)) --seed "$seed" --office "$k" \
    --office-faults 5 || fail "the generator failed"
build/tests/check_core "$out" > "$out/core.tap"
core_status=$?
tools/office-profile.sh "$profile" build/jixiao.oxt || fail "could not install build/jixiao.oxt"
timeout $((k * 20 + 300)) /usr/bin/python3 tests/generator/run_office.py "$profile" "$out" > "$out/office.tap" 2>&1
office_status=$?

passed=0; failed=0
for tap in "$out/core.tap" "$out/office.tap"; do
    grep -A12 '^not ok' "$tap" | head -60
    grep '^# generator' "$tap"
    passed=$((passed + $(grep -c '^ok ' "$tap")))
    failed=$((failed + $(grep -c '^not ok ' "$tap")))
done
if [ "$core_status" -ne 0 ] && ! grep -q '^not ok' "$out/core.tap"; then
    failed=$((failed + 1)); tail -5 "$out/core.tap"
fi
if [ "$office_status" -ne 0 ] && ! grep -q '^not ok' "$out/office.tap"; then
    failed=$((failed + 1)); tail -20 "$out/office.tap"
fi
echo "generated departments and projects: $passed passed, $failed failed ($(( $(date +%s) - start )) s)"
echo "$passed $failed" > build/results/generator.counts
[ "$failed" -eq 0 ]
