#!/bin/sh
# Creates a throw-away LibreOffice user profile with Jixiao installed.
# Usage: tools/office-profile.sh PROFILE_DIR OXT
#
# The first start of a fresh profile wipes per-user extension registrations
# made before it, so the office is started once before unopkg runs.  unopkg
# refuses to run as root without --shared; as root, the profile is prepared
# by the unprivileged user "nobody" (the office itself may then run as root).
set -eu
profile=$(realpath -m "$1"); oxt=$(realpath "$2")
rm -rf "$profile"; mkdir -p "$profile"
url="file://$profile"
as_user() {
    if [ "$(id -u)" -eq 0 ]; then
        chown -R nobody:nogroup "$profile"
        setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$profile" "$@"
    else
        HOME="${HOME:-$profile}" "$@"
    fi
}
# nobody must be able to read the .oxt
if [ "$(id -u)" -eq 0 ]; then
    cp "$oxt" "$profile.oxt"; chmod 644 "$profile.oxt"; oxt="$profile.oxt"
fi
as_user soffice --headless --terminate_after_init "-env:UserInstallation=$url" >/dev/null 2>&1
as_user unopkg add --suppress-license "-env:UserInstallation=$url" "$oxt" 2>&1 \
    | grep -v 'javaldx' || true
as_user unopkg list "-env:UserInstallation=$url" 2>/dev/null | grep "org.jixiao.extension" >/dev/null || {
    echo "office-profile: the extension did not install into $profile" >&2
    exit 1
}
[ "$(id -u)" -ne 0 ] || rm -f "$profile.oxt"
