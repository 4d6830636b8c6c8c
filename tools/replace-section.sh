#!/bin/sh
# Replaces the text between "<!-- begin NAME -->" and "<!-- end NAME -->" in
# FILE with the contents of CONTENT.  Usage: replace-section.sh FILE NAME CONTENT
set -eu
file=$1; name=$2; content=$3
awk -v name="$name" -v content="$content" '
    $0 == "<!-- begin " name " -->" { print; while ((getline line < content) > 0) print line; skip = 1; next }
    $0 == "<!-- end " name " -->" { skip = 0 }
    !skip { print }
' "$file" > "$file.tmp"
mv "$file.tmp" "$file"
