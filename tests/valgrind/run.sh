#!/bin/sh
# Runs the office under valgrind memcheck once, with Jixiao installed, and
# counts the invalid accesses and definitely-lost blocks of our library.
# The bar is zero.  Slow: the office takes minutes to start under memcheck;
# a run takes 10 to 30 minutes on two cores.
#
# Usage: tests/valgrind/run.sh            (make valgrind)
#   OXT=path/to/jixiao.oxt   the extension to test (default build/jixiao.oxt)
#   VALGRIND_EXTRA="--show-leak-kinds=all"   more valgrind options (this one lists
#       every record our code allocated, a check that our frames are recognised)
#
# soffice.bin is started directly (not through the soffice script and
# oosplash) under valgrind --trace-children=yes --error-limit=no, with the
# office's own noise suppressed by tests/valgrind/office.supp; then
# tests/valgrind/exercise.py drives it (the add-in functions, Validate and
# Compute on the example workbooks and a few hostile copies) and terminates
# it, and tests/valgrind/report.py filters the logs (build/valgrind/vg.PID.log)
# for frames in libjixiao.so or our sources.  The result is in
# build/valgrind/summary.txt.
set -u
cd "$(dirname "$0")/../.."
oxt=${OXT:-build/jixiao.oxt}
out=build/valgrind
profile=$PWD/$out/profile
pipe=jixiao_valgrind_$$
program=${PROGRAM:-/usr/lib/libreoffice/program}
command -v valgrind >/dev/null || { echo "valgrind: not installed (apt-get install valgrind)" >&2; exit 1; }

rm -rf "$out"; mkdir -p "$out"
tools/office-profile.sh "$profile" "$oxt" || exit 1
start=$(date +%s)

# the environment the soffice script sets for memcheck, plus quiet startup
G_SLICE=always-malloc GLIBCXX_FORCE_NEW=1 SAL_DISABLE_WATCHDOG=1 OOO_DISABLE_RECOVERY=1 \
SAL_USE_VCLPLUGIN=svp \
valgrind --tool=memcheck --trace-children=yes --error-limit=no --num-callers=40 \
    --trace-children-skip='*/java,*/gij,*/sh,*/bash,*/dash,*/xdg-*,*/gpg*' \
    --child-silent-after-fork=yes --leak-check=full --show-leak-kinds=definite \
    --errors-for-leak-kinds=definite --track-origins=no --fullpath-after= \
    --suppressions=tests/valgrind/office.supp --gen-suppressions=no ${VALGRIND_EXTRA:-} \
    --log-file="$PWD/$out/vg.%p.log" \
    "$program/soffice.bin" --headless --invisible --nologo --norestore --nodefault --nolockcheck \
    "-env:UserInstallation=$(/usr/bin/python3 -c 'import sys, uno; print(uno.systemPathToFileUrl(sys.argv[1]))' "$profile")" \
    "--accept=pipe,name=$pipe;urp;StarOffice.ComponentContext" \
    > "$out/office.out" 2>&1 &
office=$!

/usr/bin/python3 tests/valgrind/exercise.py "$pipe" 2>&1 | tee "$out/exercise.log"
# the office writes its leak report while it exits
waited=0
while kill -0 "$office" 2>/dev/null && [ "$waited" -lt 900 ]; do sleep 5; waited=$((waited + 5)); done
if kill -0 "$office" 2>/dev/null; then
    echo "valgrind: the office did not exit within 15 minutes of terminate; killing it" | tee -a "$out/exercise.log"
    kill -TERM "$office"; sleep 30; kill -KILL "$office" 2>/dev/null
fi
wait "$office" 2>/dev/null

/usr/bin/python3 tests/valgrind/report.py "$out"/vg.*.log > "$out/report.txt"
status=$?
grep -q 'FAILED' "$out/exercise.log" && status=1
cat "$out/report.txt"
{
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ), $(valgrind --version), $(soffice --version 2>/dev/null | head -1)"
    echo "steps: $(grep -c '^valgrind step:' "$out/exercise.log"), failed: $(grep -c 'FAILED' "$out/exercise.log")"
    tail -1 "$out/report.txt"
    echo "took $(( $(date +%s) - start )) s"
} > "$out/summary.txt"
cat "$out/summary.txt"
exit $status
