#!/bin/sh
# make bench: builds the Python twin of JX.SCORE, prepares a throw-away
# profile with Jixiao and it installed, runs the benchmarks and rewrites the
# README's bench section.  Extra arguments go to bench.py (e.g. --runs 9,
# --groups functions,validate, --perf always, --no-readme).
set -eu
cd "$(dirname "$0")/../.."
out=build/bench
[ -f build/jixiao.oxt ] || { echo "bench: build/jixiao.oxt is missing (make)" >&2; exit 1; }
mkdir -p "$out"
tools/bench/build-pyaddin.sh "$out" >/dev/null
tools/bench/profile.sh "$out/profile" build/jixiao.oxt "$out/pyaddin.oxt"
exec /usr/bin/python3 tools/bench/bench.py --profile "$out/profile" --out "$out" "$@"
