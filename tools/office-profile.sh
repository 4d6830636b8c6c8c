#!/bin/sh
# Creates a throw-away LibreOffice user profile with Jixiao installed.
# Usage: tools/office-profile.sh PROFILE_DIR OXT [OXT ...]
#
# The extension is installed from inside the office through its deployment
# API (tools/install_extension.py), by the user who runs this script, root
# included: the profile and everything in it belong to that user, and no
# lock file is left behind.
set -eu
[ $# -ge 2 ] || { echo "usage: $0 PROFILE_DIR OXT [OXT ...]" >&2; exit 2; }
top=$(cd "$(dirname "$0")/.." && pwd)
profile=$(realpath -m "$1"); shift
for oxt in "$@"; do
    [ -f "$oxt" ] || { echo "office-profile: $oxt is missing: run make first" >&2; exit 1; }
done
command -v soffice >/dev/null 2>&1 || {
    echo "office-profile: LibreOffice (soffice) is not installed: run tools/setup-debian.sh" >&2
    exit 1
}
rm -rf "$profile"
mkdir -p "$profile"
/usr/bin/python3 "$top/tools/install_extension.py" "$profile" "$@" || {
    echo "office-profile: the profile $profile could not be prepared (see above)" >&2
    exit 1
}
