#!/bin/sh
# The review panel in the real office under Xvfb, driven as a person drives
# it (tests/review/ui_review.py), with the office's UI in Chinese; records
# the counts in build/results/review-ui.counts and leaves the screenshot in
# build/screenshots/review.png.  Uses X display :95 and its own profile.
set -u
cd "$(dirname "$0")/../.."
mkdir -p build/results build/screenshots
profile=$PWD/build/review-ui-profile
report=build/review/yuanjiang-cast-2023-self-evaluation.odt
shot=build/screenshots/review.png
fail() { echo "not ok 1 review panel: $1"; echo "0 1" > build/results/review-ui.counts; exit 1; }
tools/office-profile.sh "$profile" build/jixiao.oxt >/dev/null 2>&1 || fail "the profile could not be made"
registry="$profile/user/registrymodifications.xcu"
sed -i 's#</oor:items>#<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse"><value>zh-CN</value></prop></item>\n</oor:items>#' "$registry"
display=:95
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
out=$(DISPLAY=$display timeout 600 /usr/bin/python3 tests/review/ui_review.py "$profile" "$report" "$shot" 2>&1)
status=$?
printf '%s\n' "$out" | grep -E '^(not ok|ok|#)' | grep -vE '^#   ' | head -40
printf '%s\n' "$out" | grep -E '^not ok' -A6 | grep '^#' | head -40
p=$(printf '%s\n' "$out" | grep -c '^ok ')
f=$(printf '%s\n' "$out" | grep -c '^not ok ')
if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; printf '%s\n' "$out" | tail -20; fi
echo "$p $f" > build/results/review-ui.counts
echo "review-ui: $p passed, $f failed"
[ "$f" -eq 0 ]
