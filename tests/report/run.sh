#!/bin/sh
# The report's wording rules on generated departments (tests/generator/):
# N departments, each clean and with each fault planted, through the domain
# core (build/tests/check_report).  Usage: tests/report/run.sh [N] [SEED]
#
# Writes build/generator/report-N-SEED/ (cases, schemas), the TAP output
# report.tap, and "passed failed" in build/results/report.counts.
set -u
cd "$(dirname "$0")/../.."
n=${1:-300}; seed=${2:-1}
out=build/generator/report-$n-$seed
mkdir -p build/results "$out"
start=$(date +%s)
if ! /usr/bin/python3 tests/generator/generate.py "$out" --count "$n" --seed "$seed" --office 0 \
        --office-faults 0 > /dev/null; then
    echo "report on generated departments: the generator failed" >&2
    echo "0 1" > build/results/report.counts
    exit 1
fi
build/tests/check_report "$out" > "$out/report.tap"
status=$?
grep -A12 '^not ok' "$out/report.tap" | head -60
grep '^# report' "$out/report.tap"
passed=$(grep -c '^ok ' "$out/report.tap")
failed=$(grep -c '^not ok ' "$out/report.tap")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1; tail -5 "$out/report.tap"
fi
echo "report on generated departments: $passed passed, $failed failed ($(( $(date +%s) - start )) s)"
echo "$passed $failed" > build/results/report.counts
[ "$failed" -eq 0 ]
