#!/bin/sh
# The UI suite (tests/ui/): the real office with a window on a virtual
# screen (Xvfb), driven with the mouse and keyboard (xdotool) and read
# through the accessibility tree; the UI in Chinese, then in English.
# Screenshots of each state go to build/screenshots/ (`make screenshots`
# keeps them in examples/screenshots/).  Records build/results/ui.counts.
# Uses the first free X display of :81–:86 (JIXIAO_UI_DISPLAYS to change).
set -u
cd "$(dirname "$0")/.."
mkdir -p build/results
shots=build/screenshots
fail() { echo "not ok 1 $1"; echo "0 1" > build/results/ui.counts; exit 1; }
for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || fail "the UI suite needs $tool (tools/setup-debian.sh installs it)"
done
display=""
for n in ${JIXIAO_UI_DISPLAYS:-81 82 83 84 85 86}; do
    if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || fail "no free X display among ${JIXIAO_UI_DISPLAYS:-81 82 83 84 85 86}"
. tests/tap.sh
# each suite with its UI language: a profile each
for run in zh:test_panel en:test_panel_en; do
    lang=${run%%:*}; suite=${run#*:}
    profile=$PWD/build/ui-profile-$lang
    tools/office-profile.sh "$profile" build/jixiao.oxt >/dev/null || fail "no office profile"
    # the UI language, and no tip of the day over the window
    registry="$profile/user/registrymodifications.xcu"
    locale=$([ "$lang" = zh ] && echo zh-CN || echo en-US)
    sed -i "s#</oor:items>#<item oor:path=\"/org.openoffice.Office.Linguistic/General\"><prop oor:name=\"UILocale\" oor:op=\"fuse\"><value>$locale</value></prop></item>\n<item oor:path=\"/org.openoffice.Office.Common/Misc\"><prop oor:name=\"ShowTipOfTheDay\" oor:op=\"fuse\"><value>false</value></prop></item>\n</oor:items>#" "$registry"
    out=$(timeout 900 /usr/bin/python3 "tests/ui/$suite.py" "$profile" "$display" "$shots" 2>&1)
    tap_add "ui $suite" $? "$out"
done
tap_record ui
