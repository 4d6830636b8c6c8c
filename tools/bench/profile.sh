#!/bin/sh
# Creates the benchmarks' throw-away LibreOffice profile: Jixiao
# (tools/office-profile.sh) plus the Python twin of JX.SCORE.
# Usage: tools/bench/profile.sh PROFILE_DIR JIXIAO_OXT PYADDIN_OXT
set -eu
cd "$(dirname "$0")/../.."
profile=$(realpath -m "$1"); pyoxt=$(realpath "$3")
tools/office-profile.sh "$profile" "$2"
# as in office-profile.sh: unopkg refuses root without --shared, so the
# profile (owned by nobody now) gets the extension as nobody
as_user() {
    if [ "$(id -u)" -eq 0 ]; then
        setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$profile" "$@"
    else
        HOME="${HOME:-$profile}" "$@"
    fi
}
# office-profile.sh ends with `unopkg list | grep -q`: grep leaves early and
# unopkg dies of SIGPIPE without removing its lock file; no unopkg runs now
rm -f "$profile/.lock"
if [ "$(id -u)" -eq 0 ]; then
    cp "$pyoxt" "$profile.py.oxt"; chmod 644 "$profile.py.oxt"; pyoxt="$profile.py.oxt"
fi
as_user unopkg add --suppress-license "-env:UserInstallation=file://$profile" "$pyoxt" 2>&1 \
    | grep -v javaldx || true
as_user unopkg list "-env:UserInstallation=file://$profile" 2>/dev/null \
    | grep 'org.jixiao.bench.pyaddin' >/dev/null || {
    echo "bench: the Python add-in did not install into $profile" >&2
    exit 1
}
[ "$(id -u)" -ne 0 ] || rm -f "$profile.py.oxt"
