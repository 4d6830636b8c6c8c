#!/bin/sh
# Runs GLib test binaries in TAP mode and records how many cases passed and
# failed in build/results/<suite>.counts, for tests/summary.sh.
# Usage: tests/run-unit.sh SUITE BINARY...
set -u
suite=$1; shift
. "$(dirname "$0")/tap.sh"
TAP_SHOW=failures   # GLib's "#" lines are noise unless something failed
for bin in "$@"; do
    out=$("$bin" --tap 2>&1)
    tap_add "$suite $(basename "$bin")" $? "$out"
done
tap_record "$suite"
