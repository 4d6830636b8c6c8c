#!/bin/sh
# Takes a screenshot of the sidebar panel in the real office under Xvfb,
# with the office's UI in Chinese.  Usage: tests/screenshot.sh OUT.png
set -eu
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-build/screenshots/sidebar.png}")
mkdir -p "$(dirname "$out")"
profile=$PWD/build/screenshot-profile
tools/office-profile.sh "$profile" build/jixiao.oxt
# the UI language: zh-CN (needs libreoffice-l10n-zh-cn)
registry="$profile/user/registrymodifications.xcu"
sed -i 's#</oor:items>#<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse"><value>zh-CN</value></prop></item>\n</oor:items>#' "$registry"
display=:$(( ( $$ % 400 ) + 100 ))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$display timeout 300 /usr/bin/python3 tests/screenshot.py "$profile" examples/yuanjiang-cast-2023.fods "$out"
echo "screenshot: $out"
