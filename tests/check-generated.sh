#!/bin/sh
# Checks that files derived from the C tables (functions, finding codes) are up to date.
# Usage: tests/check-generated.sh GEN_TOOL IDL README
set -u
gen=$1; idl=$2; readme=$3
passed=0; failed=0
tmp=$(mktemp -d)
"$gen" idl > "$tmp/idl"
if cmp -s "$tmp/idl" "$idl"; then passed=$((passed + 1)); echo "ok 1 IDL matches the function table"
else failed=$((failed + 1)); echo "not ok 1 $idl differs from the function table: run make regen"; fi
n=1
for part in functions findings; do
    n=$((n + 1))
    "$gen" "$part" > "$tmp/md"
    awk -v p="$part" '$0 == "<!-- begin " p " -->" {s=1; next} $0 == "<!-- end " p " -->" {s=0} s' "$readme" > "$tmp/readme"
    if cmp -s "$tmp/md" "$tmp/readme"; then passed=$((passed + 1)); echo "ok $n README $part section matches its table"
    else failed=$((failed + 1)); echo "not ok $n README $part section differs from its table: run make regen"; fi
done
rm -rf "$tmp"
mkdir -p build/results
echo "$passed $failed" > build/results/generated.counts
echo "generated: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
