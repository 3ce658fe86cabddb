#!/bin/sh
# tests/shared.sh: the real reports in ../shared/corpus and ../shared/corpus-web,
# and our own in tests/reports, scored by the shared tools. Every field of score-outline's summary line is
# compared: ../shared/corpus must stay perfect; ../shared/corpus-web must stay
# at or above its floors (raise them as the parser improves; never lower
# them). A missing ../shared is reported as SKIP, not as a pass.
BIN=${BIN:-./courtread}
SHARED=${SHARED:-../shared}

# corpus-web floors: fractions for F1/captions/courts, counts of right answers
# for the fields (the a of a/b).
WEB_FLOORS="F1=1.000 captions=1.000 courts_p=1.000 courts_r=1.000 title=41 subtitle=11 byline=26 court=46 author=3 date=30"
# corpus-web set as columns by column-wrap at seed 3, same rules.
WRAPPED3_FLOORS="F1=0.959 captions=0.926 courts_p=1.000 courts_r=1.000 title=39 byline=25 court=46 date=30"
# tests/reports: reports written for this project (see its README), same rules.
REPORT_FLOORS="F1=1.000 captions=0.900 courts_p=0.905 courts_r=0.809 title=16 subtitle=4 byline=13 court=16 author=2 date=17"

# Check a summary line: every key=value against the floors "key=min ...";
# with perfect=1, every fraction must be 1.000 and every a/b must have a=b.
# Prints the fields that fall short; prints nothing when all pass.
short_of() { # summary, perfect, floors
    echo "$1" | tr ' ' '\n' | awk -F= -v perfect="$2" -v floors="$3" '
        BEGIN {
            n = split(floors, f, " ")
            for (i = 1; i <= n; i++) { split(f[i], kv, "="); min[kv[1]] = kv[2] }
        }
        NF == 2 && $1 != "outline:" {
            key = $1; val = $2
            if (index(val, "/")) {
                split(val, ab, "/")
                if (perfect && ab[1] != ab[2]) print key "=" val
                else if ((key in min) && ab[1] + 0 < min[key] + 0) print key "=" val " (floor " min[key] ")"
            } else {
                if (perfect && val + 0 != 1) print key "=" val
                else if ((key in min) && val + 0 < min[key] + 0) print key "=" val " (floor " min[key] ")"
            }
            seen[key] = 1
        }
        END {
            for (k in min) if (!(k in seen)) print k " missing from the summary"
        }'
}

score() { # name, dir, perfect, floors
    if [ ! -d "$2" ] || [ ! -x "$SHARED/tools/score-outline" ]; then
        echo "SKIP score-outline $1: $2 is not here"
        return
    fi
    out=$("$SHARED/tools/score-outline" --bin "$BIN" "$2" 2>&1)
    last=$(echo "$out" | tail -n 1)
    case "$last" in
    outline:*) ;;
    *)
        echo "FAIL score-outline $1: no summary line"
        echo "$out" | tail -20
        return ;;
    esac
    bad=$(short_of "$last" "$3" "$4")
    if [ -z "$bad" ]; then
        echo "PASS score-outline $1: $last"
    else
        echo "FAIL score-outline $1: $last"
        echo "  short: $(echo "$bad" | tr '\n' ' ')"
        echo "$out" | grep -v '^    ' | head -60
    fi
}

score corpus "$SHARED/corpus" 1 ""
score corpus-web "$SHARED/corpus-web" 0 "$WEB_FLOORS"
# corpus-web re-set as newspaper columns, at a seed the column rules were
# never tuned on (issue 10 asks for three seeds within 0.05 of the above)
if [ -x "$SHARED/tools/column-wrap" ] && [ -d "$SHARED/corpus-web" ]; then
    wrapped=$(mktemp -d)
    "$SHARED/tools/column-wrap" "$SHARED/corpus-web" "$wrapped/web3" 3 >/dev/null 2>&1
    score corpus-web-wrapped-3 "$wrapped/web3" 0 "$WRAPPED3_FLOORS"
    rm -rf "$wrapped"
fi
score reports tests/reports 0 "$REPORT_FLOORS"

if [ ! -x "$SHARED/tools/check-dump" ] || [ ! -d "$SHARED/corpus" ]; then
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
