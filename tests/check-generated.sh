#!/bin/sh
# Checks that files derived from the function table are up to date.
# Usage: tests/check-generated.sh GEN_TOOL IDL README
set -u
gen=$1; idl=$2; readme=$3
passed=0; failed=0
tmp=$(mktemp -d)
"$gen" idl > "$tmp/idl"
if cmp -s "$tmp/idl" "$idl"; then passed=$((passed + 1)); echo "ok 1 IDL matches the function table"
else failed=$((failed + 1)); echo "not ok 1 $idl differs from the function table: run make regen"; fi
"$gen" markdown > "$tmp/md"
awk '/^<!-- begin functions -->$/{s=1;next} /^<!-- end functions -->$/{s=0} s' "$readme" > "$tmp/readme"
if cmp -s "$tmp/md" "$tmp/readme"; then passed=$((passed + 1)); echo "ok 2 README function reference matches the table"
else failed=$((failed + 1)); echo "not ok 2 README's function reference differs from the table: run make regen"; fi
rm -rf "$tmp"
mkdir -p build/results
echo "$passed $failed" > build/results/generated.counts
echo "generated: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
