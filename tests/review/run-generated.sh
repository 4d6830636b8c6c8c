#!/bin/sh
# Generated reports through the review's core: SEEDS departments (default
# 60), each consistent (must review clean) and with each fault planted alone
# (must give exactly the findings the manifest names).  Records the counts in
# build/results/review-generated.counts.
set -u
cd "$(dirname "$0")/../.."
seeds=${1:-60}
out=build/review/generated
rm -rf "$out"
mkdir -p build/results
/usr/bin/python3 tests/review/generate_reports.py "$out" "$seeds" || {
    echo "not ok 1 the reports could not be generated"; echo "0 1" > build/results/review-generated.counts; exit 1; }
result=$(/usr/bin/python3 tests/review/check_generated.py build/tests/review-cli "$out")
status=$?
printf '%s\n' "$result" | grep -E '^not ok' -A8 | head -60
p=$(printf '%s\n' "$result" | grep -c '^ok ')
f=$(printf '%s\n' "$result" | grep -c '^not ok ')
if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; printf '%s\n' "$result" | tail -5; fi
echo "$p $f" > build/results/review-generated.counts
echo "review-generated: $p passed, $f failed ($seeds departments, $(ls "$out" | grep -c '\.txt$') reports)"
[ "$f" -eq 0 ]
