#!/bin/sh
# Creates the benchmarks' throw-away LibreOffice profile: Jixiao plus the
# Python twin of JX.SCORE, both installed by tools/office-profile.sh.
# Usage: tools/bench/profile.sh PROFILE_DIR JIXIAO_OXT PYADDIN_OXT
set -eu
cd "$(dirname "$0")/../.."
tools/office-profile.sh "$1" "$2" "$3"
