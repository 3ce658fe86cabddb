#!/bin/sh
# tests/golden.sh: the outline of every sample and the court tree of all of
# them, compared with the files in tests/golden/. UPDATE=1 rewrites them.
BIN=${BIN:-./courtread}
dir=tests/golden
tmp=$(mktemp)
XDG_CACHE_HOME=$(mktemp -d) # --search's cache goes there, not to the user's
export XDG_CACHE_HOME
trap 'rm -rf "$tmp" "$XDG_CACHE_HOME"' EXIT

check() { # name, expected file; output in $tmp
    if [ "${UPDATE:-0}" = 1 ]; then
        cp "$tmp" "$2"
        echo "PASS $1 (updated)"
    elif diff -u "$2" "$tmp" >/dev/null 2>&1; then
        echo "PASS $1"
    else
        echo "FAIL $1: output differs from $2"
        diff -u "$2" "$tmp" | head -40
    fi
}

for f in samples/*; do
    name=$(basename "$f")
    "$BIN" --outline "$f" >"$tmp" 2>&1
    check "golden outline $name" "$dir/${name%.*}.outline"
done
"$BIN" --courts samples >"$tmp" 2>&1
check "golden court tree of samples" "$dir/courts.txt"
"$BIN" --outline samples >"$tmp" 2>&1
check "golden outline of the samples folder" "$dir/all.outline"

# Reports in the shapes real ones come in (web pages, WeChat, work reports,
# tight newspaper columns, newswire), written for these tests, with the
# outline a careful reader expects.
for f in tests/fixtures/*.txt; do
    name=$(basename "$f" .txt)
    "$BIN" --outline "$f" >"$tmp" 2>&1
    if diff -u "tests/fixtures/$name.outline" "$tmp" >/dev/null 2>&1; then
        echo "PASS fixture outline $name"
    else
        echo "FAIL fixture outline $name: differs from tests/fixtures/$name.outline"
        diff -u "tests/fixtures/$name.outline" "$tmp" | head -40
    fi
done

# The samples laid out at 40 columns, ambiguous characters 1 and 2 wide.
for amb in 1 2; do
    "$BIN" --dump --width 40 --ambiguous-width $amb samples >"$tmp" 2>&1
    check "golden dump of the samples at 40 columns, ambiguous $amb" "$dir/dump-40-amb$amb.txt"
done

# --search: a Han query over the samples; a full-width query finding
# half-width text and the reverse; a match across a line break of the file;
# smart case; and the exit status when nothing matches.
search() { # name, golden file, query, paths...
    name=$1 file=$2 query=$3
    shift 3
    "$BIN" --search "$query" "$@" >"$tmp" 2>&1
    check "golden search $name" "$dir/$file"
}
search "法官 in the samples" search-faguan.txt 法官 samples
search "full-width １２３６８ finds 12368 too" search-fullwidth.txt １２３６８ tests/search
search "half-width 12368 finds １２３６８ too" search-halfwidth.txt 12368 tests/search
search "ab finds ＡＢ and ab" search-ab.txt ab tests/search
search "a match across a line break" search-linebreak.txt 案件进度 tests/search
search "Court with a capital: case counts" search-case.txt Court tests/search
# the spaces between Chinese and digits or Latin letters do not count, either
# way; a simplified query finds traditional text; a regular expression
search "12次 finds 12 次 and 12次" search-spacing.txt 12次 tests/search-cjk
search "ABC 公司 finds ABC公司 and ABC 公司" search-spacing-latin.txt "ABC 公司" tests/search-cjk
search "simplified 发布 and 理发 find 發佈 and 理髮" search-traditional.txt 发布 tests/search-cjk
search "traditional 調解 finds 调解" search-simplified.txt 調解 tests/search-cjk
"$BIN" --regex --search '[0-9]+ ?次' tests/search-cjk >"$tmp" 2>&1
check "golden search --regex '[0-9]+ ?次'" "$dir/search-regex.txt"
"$BIN" --regex --search '审理(' tests/search-cjk >"$tmp" 2>&1
if [ $? = 2 ] && grep -qx "courtread: --search: not a regular expression: missing closing parenthesis (at character 4)" "$tmp"; then
    echo "PASS an invalid --regex: exit status 2 and why"
else
    echo "FAIL an invalid --regex: $(cat "$tmp")"
fi
if "$BIN" --search 没有这个词 samples >"$tmp" 2>&1; then
    echo "FAIL search with no match: exit status 0"
elif [ $? = 1 ] && [ ! -s "$tmp" ]; then
    echo "PASS search with no match: exit status 1, no output"
else
    echo "FAIL search with no match: $(cat "$tmp")"
fi
