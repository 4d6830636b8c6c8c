# tests/tap.sh: adding up the TAP output of test programs, for the runners
# of the unit, integration and UI suites (sourced).
#
#   tap_add LABEL STATUS OUTPUT  counts one program's "ok" and "not ok"
#       lines and prints "LABEL: N passed, N failed".  A program that
#       failed without a "not ok" (a crash, a sanitizer abort, a timeout)
#       counts as one failure.  Shown before: its "not ok" and "#" lines
#       and, after a crash, its last lines; or, with TAP_SHOW=failures, only
#       the lines of a failing program.
#   tap_record SUITE  writes build/results/SUITE.counts for tests/summary.sh;
#       false if anything failed.
tap_passed=0
tap_failures=0

tap_add() {
    tap_ok=$(printf '%s\n' "$3" | grep -c '^ok ')
    tap_failed=$(printf '%s\n' "$3" | grep -c '^not ok ')
    tap_crashed=0
    if [ "$2" -ne 0 ] && [ "$tap_failed" -eq 0 ]; then
        tap_failed=1
        tap_crashed=1
    fi
    if [ "${TAP_SHOW:-}" = failures ]; then
        [ "$tap_failed" -eq 0 ] || printf '%s\n' "$3" | grep -vE '^ok ' | tail -40
    else
        printf '%s\n' "$3" | grep -E '^(not ok|#)' | head -60
        [ "$tap_crashed" -eq 0 ] || printf '%s\n' "$3" | tail -20
    fi
    echo "$1: $tap_ok passed, $tap_failed failed"
    tap_passed=$((tap_passed + tap_ok))
    tap_failures=$((tap_failures + tap_failed))
}

tap_record() {
    mkdir -p build/results
    echo "$tap_passed $tap_failures" > "build/results/$1.counts"
    [ "$tap_failures" -eq 0 ]
}
