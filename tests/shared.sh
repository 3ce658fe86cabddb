#!/bin/sh
# tests/shared.sh: the real reports in ../shared/corpus, scored by the shared
# tools. Skipped (not failed) when ../shared is not there.
BIN=${BIN:-./courtread}
SHARED=${SHARED:-../shared}

if [ ! -d "$SHARED/corpus" ] || [ ! -x "$SHARED/tools/score-outline" ]; then
    echo "SKIP score-outline: $SHARED/corpus is not here"
    exit 0
fi
out=$("$SHARED/tools/score-outline" --bin "$BIN" "$SHARED/corpus" 2>&1)
last=$(echo "$out" | tail -n 1)
case "$last" in
*"F1=1.000"*"title=5/5"*"court=5/5"*)
    echo "PASS score-outline: $last" ;;
*)
    echo "FAIL score-outline: $last"
    echo "$out" ;;
esac

if [ ! -x "$SHARED/tools/check-dump" ]; then
    echo "SKIP check-dump: $SHARED/tools/check-dump is not here"
    exit 0
fi
for amb in 1 2; do
    out=$("$SHARED/tools/check-dump" --bin "$BIN" --ambiguous "$amb" "$SHARED/corpus" 2>&1)
    last=$(echo "$out" | tail -n 1)
    case "$last" in
    *"over-width=0 bad-start=0 bad-end=0 controls=0 han-lost=0 han-added=0"*)
        echo "PASS check-dump --ambiguous $amb: $last" ;;
    *)
        echo "FAIL check-dump --ambiguous $amb: $last"
        echo "$out" | head -20 ;;
    esac
done
