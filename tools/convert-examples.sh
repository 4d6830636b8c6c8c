#!/bin/sh
# Converts the flat example workbooks into .ods and .xlsx, one office run
# per format on a private profile.  Usage: tools/convert-examples.sh OUTDIR FODS...
set -u
out=$1; shift
mkdir -p "$out"
profile=$(realpath -m "$out/../convert-profile")
url=$(/usr/bin/python3 -c 'import sys, uno; print(uno.systemPathToFileUrl(sys.argv[1]))' "$profile")
log="$out/convert.log"
: > "$log"
for format in ods 'xlsx:Calc MS Excel 2007 XML'; do
    soffice --headless --norestore --nolockcheck "-env:UserInstallation=$url" \
        --convert-to "$format" --outdir "$out" "$@" >>"$log" 2>&1
done
status=0
for fods in "$@"; do
    base=$(basename "$fods" .fods)
    for ext in ods xlsx; do
        [ -s "$out/$base.$ext" ] || { echo "convert-examples: $out/$base.$ext was not written" >&2; status=1; }
    done
done
if [ $status -ne 0 ]; then
    echo "convert-examples: the office could not convert the examples; what it said:" >&2
    sed 's/^/  /' "$log" >&2
    echo "  (is LibreOffice installed? run tools/setup-debian.sh)" >&2
fi
exit $status
