#!/bin/sh
# Runs the integration suites against a real headless LibreOffice with the
# built extension installed in a throw-away profile; records the counts in
# build/results/integration.counts.  Usage: tests/run-integration.sh [SUITE...]
set -u
cd "$(dirname "$0")/.."
profile=build/test-profile
tools/office-profile.sh "$profile" build/jixiao.oxt || exit 1
suites=${*:-$(ls tests/integration/test_*.py)}
passed=0; failed=0
for suite in $suites; do
    name=$(basename "$suite" .py)
    out=$(cd tests/integration && timeout 600 /usr/bin/python3 "$(basename "$suite")" "../../$profile" 2>&1)
    status=$?
    printf '%s\n' "$out" | grep -E '^(not ok|#)' | head -60
    p=$(printf '%s\n' "$out" | grep -c '^ok ')
    f=$(printf '%s\n' "$out" | grep -c '^not ok ')
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1; printf '%s\n' "$out" | tail -20
    fi
    echo "integration $name: $p passed, $f failed"
    passed=$((passed + p)); failed=$((failed + f))
done
echo "$passed $failed" > build/results/integration.counts
[ "$failed" -eq 0 ]
