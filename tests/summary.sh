#!/bin/sh
# Adds up build/results/NAME.counts of the suites named and prints the one
# closing line of `make check`: "N passed, N failed".  A suite that left no
# counts (it could not start) counts as one failure.  Exits non-zero if
# anything failed.  Usage: tests/summary.sh SUITE...
set -u
passed=0; failed=0
for suite in "$@"; do
    f=build/results/$suite.counts
    if [ ! -f "$f" ]; then
        echo "suite $suite did not run to the end (no $f)"
        failed=$((failed + 1)); continue
    fi
    read -r p q < "$f"
    passed=$((passed + p)); failed=$((failed + q))
done
[ $# -gt 0 ] || failed=1
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
