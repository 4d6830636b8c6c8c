#!/bin/sh
# Runs GLib test binaries in TAP mode and records how many cases passed and
# failed in build/results/<suite>.counts, for tests/summary.sh.
# Usage: tests/run-unit.sh SUITE BINARY...
set -u
suite=$1; shift
mkdir -p build/results
passed=0; failed=0
for bin in "$@"; do
    out=$("$bin" --tap 2>&1); status=$?
    p=$(printf '%s\n' "$out" | grep -c '^ok ')
    f=$(printf '%s\n' "$out" | grep -c '^not ok ')
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1   # crashed or sanitizer abort: count the binary as a failure
    fi
    if [ "$f" -ne 0 ]; then
        printf '%s\n' "$out" | grep -vE '^ok ' | tail -40
    fi
    echo "$suite $(basename "$bin"): $p passed, $f failed"
    passed=$((passed + p)); failed=$((failed + f))
done
echo "$passed $failed" > "build/results/$suite.counts"
[ "$failed" -eq 0 ]
