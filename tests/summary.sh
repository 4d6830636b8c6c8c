#!/bin/sh
# Adds up build/results/*.counts and prints the one closing line of
# `make check`: "N passed, N failed".  Exits non-zero if anything failed or no
# suite ran.
set -u
passed=0; failed=0; suites=0
for f in build/results/*.counts; do
    [ -f "$f" ] || continue
    read -r p q < "$f"
    passed=$((passed + p)); failed=$((failed + q)); suites=$((suites + 1))
done
[ "$suites" -gt 0 ] || failed=1
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
