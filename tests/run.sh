#!/bin/sh
# tests/run.sh: run every test and end with one line "N passed, N failed".
# Arguments: the cmocka test binaries. Shell tests print "PASS name" or
# "FAIL name: why"; cmocka binaries are counted from their summaries.
# SHARED points at ../shared; tests that need it are skipped when it is absent.
pass=0
fail=0
skip=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for t in "$@"; do
    "$t" >"$log" 2>&1
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log")
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log")
    pass=$((pass + ${p:-0}))
    fail=$((fail + ${f:-0}))
    if [ -z "$p$f" ]; then
        echo "FAIL $t: did not run to the end"
        fail=$((fail + 1))
        cat "$log"
    elif [ "${f:-0}" != 0 ]; then
        cat "$log"
    else
        echo "PASS $t (${p} tests)"
    fi
done

for script in tests/golden.sh tests/cli.sh tests/shared.sh tests/screen.sh tests/faults.sh; do
    sh "$script" >"$log" 2>&1
    cat "$log"
    pass=$((pass + $(grep -c '^PASS' "$log")))
    fail=$((fail + $(grep -c '^FAIL' "$log")))
    skip=$((skip + $(grep -c '^SKIP' "$log")))
done

if [ "$skip" != 0 ]; then
    echo "$pass passed, $fail failed, $skip skipped"
else
    echo "$pass passed, $fail failed"
fi
[ "$fail" = 0 ]
