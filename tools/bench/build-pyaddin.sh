#!/bin/sh
# Builds the benchmark's Python-UNO add-in (PYSCORE, JX.SCORE's twin) into
# build/bench/pyaddin.oxt: its type library from the .idl with unoidl-write,
# then the sources of tools/bench/pyaddin/ zipped beside it.
# Usage: tools/bench/build-pyaddin.sh [OUT_DIR]   (default build/bench)
set -eu
cd "$(dirname "$0")/../.."
SDK=${SDK:-/usr/lib/libreoffice/sdk}
PROGRAM=${PROGRAM:-/usr/lib/libreoffice/program}
out=$(realpath -m "${1:-build/bench}")
src=tools/bench/pyaddin
stage=$out/pyaddin
mkdir -p "$out"
rm -rf "$stage" "$out/pyaddin.oxt"
mkdir -p "$stage/META-INF"
"$SDK/bin/unoidl-write" "$PROGRAM/types.rdb" "$PROGRAM/types/offapi.rdb" \
    "$src/XPyFunctions.idl" "$out/pyaddin.rdb"
cp "$src/description.xml" "$src/pyaddin.components" "$src/pyscore.py" "$out/pyaddin.rdb" "$stage/"
cp "$src/META-INF/manifest.xml" "$stage/META-INF/"
(cd "$stage" && zip -qr -X "$out/pyaddin.oxt" .)
echo "$out/pyaddin.oxt"
