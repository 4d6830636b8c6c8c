#!/bin/sh
# The review on reports nobody here wrote by hand:
#   - made-up reports (tests/review/generate_reports.py): SEEDS departments
#     (default 60), each consistent (must review clean) and with each prose
#     fault planted alone (exactly the findings the manifest names), through
#     the review's core (build/tests/review-cli);
#   - Jixiao's own reports of the generator's departments (tests/generator/,
#     DEPARTMENTS of them, default 60, every bureau variant): rendered in the
#     core and reviewed by their schema's rules (build/tests/check_generator_reports).
# Records the counts in build/results/review-generated.counts.
set -u
cd "$(dirname "$0")/../.."
seeds=${1:-60}; departments=${2:-60}
out=build/review/generated
rm -rf "$out" "$out-departments"
mkdir -p build/results
fail() { echo "not ok 1 $1"; echo "0 1" > build/results/review-generated.counts; exit 1; }
/usr/bin/python3 tests/review/generate_reports.py "$out" "$seeds" || fail "the reports could not be generated"
/usr/bin/python3 tests/generator/generate.py "$out-departments" --count "$departments" --seed 7 --office 0 \
    --office-faults 0 >/dev/null || fail "the departments could not be generated"
mine=$(/usr/bin/python3 tests/review/check_generated.py build/tests/review-cli "$out")
s1=$?
theirs=$(build/tests/check_generator_reports "$out-departments")
s2=$?
result=$(printf '%s\n%s\n' "$mine" "$theirs")
printf '%s\n' "$result" | grep -E '^not ok' -A8 | head -60
printf '%s\n' "$result" | grep -E '^# review'
p=$(printf '%s\n' "$result" | grep -c '^ok ')
f=$(printf '%s\n' "$result" | grep -c '^not ok ')
if { [ "$s1" -ne 0 ] || [ "$s2" -ne 0 ]; } && [ "$f" -eq 0 ]; then f=1; printf '%s\n' "$result" | tail -5; fi
echo "$p $f" > build/results/review-generated.counts
echo "review-generated: $p passed, $f failed ($seeds made-up departments, $(ls "$out" | grep -c '\.txt$') reports;" \
     "$departments generated departments' reports with their faults)"
[ "$f" -eq 0 ]
