#!/bin/sh
# The built component is pure C: it exports exactly the two symbols the
# office loads, no C++ symbol of ours, and no C++ source is in the tree.
# Usage: tests/check-library.sh build/libjixiao.so
set -u
lib=$1
passed=0; failed=0
check() {  # check NAME CONDITION-EXIT-STATUS DETAIL
    if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "ok - $1"
    else failed=$((failed + 1)); echo "not ok - $1"; [ -z "$3" ] || echo "#   $3"; fi
}
exports=$(nm -D --defined-only "$lib" | awk '$2 == "T" { print $3 }' | sort | tr '\n' ' ')
[ "$exports" = "component_getFactory component_getImplementationEnvironment " ]
check "exports only the component entry points" $? "$exports"
cxx=$(nm -D --defined-only "$lib" | awk '{ print $3 }' | grep -c '^_Z')
[ "$cxx" -eq 0 ]
check "no C++ symbols defined" $? "$cxx C++ symbols"
sources=$(git ls-files | grep -E '\.(cxx|cpp|cc|hxx|hpp)$' | head -3)
[ -z "$sources" ]
check "no C++ source in the tree" $? "$sources"
uno_in_core=$(grep -rlE '#include *[<"](uno|typelib|rtl|com/sun)/' addin/core | head -3)
[ -z "$uno_in_core" ]
check "the domain core includes no UNO header" $? "$uno_in_core"
mkdir -p build/results
echo "$passed $failed" > build/results/library.counts
echo "library: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
