#!/bin/sh
# The screenshot as a test: the office under Xvfb must show the panel and
# produce an image (checked for size and for not being a blank screen).
set -u
cd "$(dirname "$0")/.."
out=build/screenshots/sidebar.png
rm -f "$out"
mkdir -p build/results
if tests/screenshot.sh "$out" >/dev/null 2>&1 && [ -s "$out" ] &&
   [ "$(convert "$out" -format '%k' info:)" -gt 1000 ]; then
    echo "ok 1 sidebar screenshot: $out"; echo "1 0" > build/results/screenshot.counts
else
    echo "not ok 1 sidebar screenshot was not produced"; echo "0 1" > build/results/screenshot.counts
    exit 1
fi
