#!/bin/sh
# Runs the integration suites against a real headless LibreOffice with the
# built extension installed in a throw-away profile; records the counts in
# build/results/integration.counts.  Usage: tests/run-integration.sh [SUITE...]
set -u
cd "$(dirname "$0")/.."
profile=build/test-profile
tools/office-profile.sh "$profile" build/jixiao.oxt || exit 1
. tests/tap.sh
suites=${*:-$(ls tests/integration/test_*.py)}
for suite in $suites; do
    out=$(cd tests/integration && timeout 600 /usr/bin/python3 "$(basename "$suite")" "../../$profile" 2>&1)
    tap_add "integration $(basename "$suite" .py)" $? "$out"
done
tap_record integration
