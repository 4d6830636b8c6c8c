#!/bin/sh
# Installs the Debian 12 packages Jixiao needs to build, test and run, if any
# is missing.  Called by `make demo`, `make check` and .ci/run; safe to rerun.
set -eu
packages="gcc make pkg-config zip unzip libglib2.0-dev libcjson-dev libcjson1
  libreoffice-calc libreoffice-writer libreoffice-dev libreoffice-l10n-zh-cn
  libreoffice-script-provider-python python3 python3-uno
  fonts-noto-cjk fonts-arphic-ukai xvfb xauth xdotool imagemagick x11-utils poppler-utils
  clang libclang-rt-14-dev valgrind parallel"
missing=""
for p in $packages; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in *"install ok installed"*) ;; *) missing="$missing $p" ;; esac
done
[ -n "$missing" ] || exit 0
echo "setup: installing$missing"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
