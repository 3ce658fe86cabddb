#!/bin/sh
# tests/cli.sh: the command line as a user meets it, and every kind of bad
# input: each bad file loads or is skipped with one message
# "courtread: PATH: reason", and the good report beside it still loads.
BIN=${BIN:-./courtread}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
t=$(mktemp -d)
trap 'chmod -R u+rwx "$t" 2>/dev/null; rm -rf "$t"' EXIT
export XDG_CONFIG_HOME="$t/noconfig" HOME="$t/home"

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }

# A folder holding a good report plus the bad one made by the caller.
case_dir() {
    mkdir -p "$t/$1"
    printf '好报告的标题\n\n某某县人民法院审结案件。\n' >"$t/$1/good.txt"
    echo "$t/$1"
}

# run NAME DIR: outline of DIR into $t/out, $t/err, $t/status
run() {
    "$BIN" --outline "$2" >"$t/out" 2>"$t/err"
    echo $? >"$t/status"
}

# still_loads NAME: status 0 and the good report is in the output
still_loads() {
    if [ "$(cat "$t/status")" != 0 ]; then
        fail "$1" "exit status $(cat "$t/status"): $(cat "$t/err")"
        return 1
    fi
    if ! grep -q '^title	好报告的标题$' "$t/out"; then
        fail "$1" "the good report did not load"
        return 1
    fi
    return 0
}

# expect_err NAME TEXT: stderr is exactly TEXT
expect_err() {
    if [ "$(cat "$t/err")" = "$2" ]; then
        return 0
    fi
    fail "$1" "stderr was '$(cat "$t/err")', wanted '$2'"
    return 1
}

expect_out() { # NAME PATTERN
    if grep -q "$2" "$t/out"; then
        return 0
    fi
    fail "$1" "output lacks '$2'"
    return 1
}

no_controls() { # NAME
    if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$t/out"; then
        fail "$1" "control characters reached the output"
        return 1
    fi
    return 0
}

# A config file's keys and values are quoted in its messages: shown, not sent.
printf '[display]\nindent = \033[41mX\n[sec]\nk\033[32m = 1\n' >"$t/esc.ini"
"$BIN" --config "$t/esc.ini" --outline samples/01-jichuan-team.txt >/dev/null 2>"$t/out"
no_controls "escapes in config values" &&
    expect_out "escapes in config values" "not '\\\\x1B\[41mX'" && pass "escapes in config values are shown, not sent"

# A config "file" that is a FIFO, a device or a folder is refused, not
# waited on or read for ever; the defaults are used.
mkfifo "$t/fifo.ini"
for c in "$t/fifo.ini" /dev/zero "$t"; do
    timeout 10 "$BIN" --config "$c" --outline samples/01-jichuan-team.txt >"$t/out" 2>"$t/err"
    st=$?
    if [ $st = 0 ] && grep -q '^title	' "$t/out" && grep -q "^courtread: $c: " "$t/err"; then
        pass "--config $c is refused with a message"
    else
        fail "--config $c" "status $st: $(cat "$t/err")"
    fi
done
# courtread makes its folders only below the base it was given: never HOME
# itself or above it, never above an XDG folder
HOME="$t/nohome/x" XDG_CACHE_HOME= "$BIN" --search 法官 samples >/dev/null 2>&1
XDG_CACHE_HOME="$t/noxdg/a/b" "$BIN" --search 法官 samples >/dev/null 2>&1
if [ ! -e "$t/nohome" ] && [ ! -e "$t/noxdg" ]; then
    pass "no folders made above HOME or an XDG base"
else
    fail "folders above the base" "$(find "$t/nohome" "$t/noxdg" 2>/dev/null | head -3)"
fi

# "-" is a report on standard input; with no PATH and a pipe, the pipe is read
printf '标题辛\n\n城关法庭审结一起案件。\n' | "$BIN" --outline - >"$t/out" 2>"$t/err"
[ $? = 0 ] && expect_out "- reads standard input" '^title	标题辛$' && expect_err "- reads standard input" "" &&
    pass "- reads the report on standard input"
printf '标题壬\n\n城关法庭审结一起案件。\n' | "$BIN" --outline >"$t/out" 2>"$t/err"
[ $? = 0 ] && expect_out "a pipe with no PATH" '^title	标题壬$' && ! grep -q '^# ' "$t/out" &&
    pass "with no PATH a pipe is read, not the samples"
printf '标题癸\n\n城关法庭审结一起案件。\n' | XDG_CACHE_HOME="$t/stdincache" "$BIN" --search 审结 - >"$t/out" 2>&1
grep -q '^-	.*标题癸' "$t/out" && [ ! -e "$t/stdincache" ] &&
    pass "--search reads standard input and keeps no cache of it" || fail "--search -" "$(cat "$t/out")"

# --- bad input -------------------------------------------------------------
# Escape sequences in a file's name (a page saved from the web can be named
# anything) reach neither standard output nor standard error: they are shown
# as \xHH, in the outline's "# PATH" lines, in messages and in --search.
d=$(case_dir escname)
esc=$(printf 'a\033[31mred\033[0m.txt')
printf '标题庚\n\n城关法庭审结一起案件。\n' >"$d/$esc"
printf '\377\376' >"$d/$(printf 'b\033]0;title\007.txt')"
"$BIN" --outline "$d" >"$t/out" 2>"$t/err"
echo $? >"$t/status"
still_loads "escapes in a file name" && no_controls "escapes in a file name" &&
    expect_out "escapes in a file name" '^# .*/a\\x1B\[31mred\\x1B\[0m\.txt$' &&
    expect_err "escapes in a file name" "courtread: $d/b\\x1B]0;title\\x07.txt: no text in the file, skipped" &&
    XDG_CACHE_HOME="$t/esccache" "$BIN" --search 城关法庭 "$d" >"$t/out" 2>/dev/null &&
    no_controls "escapes in a file name, --search" &&
    expect_out "escapes in a file name, --search" 'a\\x1B\[31mred\\x1B\[0m\.txt' &&
    pass "escapes in a file name are shown, not sent"
d=$(case_dir crlf)
printf '标题甲\r\n\r\n正文内容。\r\n' >"$d/crlf.txt"
run crlf "$d"
still_loads "CRLF line ends" && expect_err "CRLF line ends" "" &&
    expect_out "CRLF line ends" '^title	标题甲$' && no_controls "CRLF line ends" &&
    pass "CRLF line ends"

d=$(case_dir cr)
printf '标题乙\r\r正文内容。\r' >"$d/cr.txt"
run cr "$d"
still_loads "CR line ends" && expect_err "CR line ends" "" &&
    expect_out "CR line ends" '^title	标题乙$' && pass "CR line ends"

d=$(case_dir tabs)
printf '\t标题丙\n\n\t正文\t内容。\n' >"$d/tabs.txt"
run tabs "$d"
still_loads "tabs" && expect_out "tabs" '^title	标题丙$' && pass "tabs"

d=$(case_dir nul)
printf '标题丁\000\n\n正文\000内容。\n' >"$d/nul.txt"
run nul "$d"
still_loads "NUL bytes" && expect_err "NUL bytes" "" && expect_out "NUL bytes" '^title	标题丁$' &&
    no_controls "NUL bytes" && pass "NUL bytes"

d=$(case_dir empty)
: >"$d/empty.txt"
run empty "$d"
still_loads "empty file" && expect_err "empty file" "courtread: $d/empty.txt: empty file, skipped" &&
    pass "empty file"

d=$(case_dir escapes)
printf '\033[2J\033]0;pwned\007标题戊\n\n正文\033[31m红色\033[0m内容。\033P+q\033\\\n' >"$d/esc.txt"
run escapes "$d"
still_loads "escape sequences" && expect_out "escape sequences" '^title	标题戊$' &&
    no_controls "escape sequences" && pass "escape sequences never reach the output"

d=$(case_dir binary)
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000' >"$d/picture.txt"
printf '\377\330\377\340\000\020JFIF' >"$d/photo.jpg"
run binary "$d"
still_loads "binary file" &&
    expect_err "binary file" "courtread: $d/picture.txt: a PNG image, not a text report" &&
    pass "binary file: one message, image beside reports ignored"

"$BIN" --outline "$d/photo.jpg" >"$t/out" 2>"$t/err"
if [ $? = 1 ] && [ "$(cat "$t/err")" = "courtread: $d/photo.jpg: a JPEG image, not a text report" ]; then
    pass "an image named on the command line"
else
    fail "an image named on the command line" "$(cat "$t/err")"
fi

d=$(case_dir unreadable)
ln -s "$t/nowhere" "$d/gone.txt"
run unreadable "$d"
still_loads "dangling link" &&
    expect_err "dangling link" "courtread: $d/gone.txt: No such file or directory" &&
    pass "unreadable: dangling link"
if [ "$(id -u)" != 0 ]; then
    d=$(case_dir noperm)
    printf '秘密\n' >"$d/secret.txt"
    chmod 000 "$d/secret.txt"
    run noperm "$d"
    still_loads "no permission" &&
        expect_err "no permission" "courtread: $d/secret.txt: Permission denied" &&
        pass "unreadable: no permission"
fi

d=$(case_dir fifo)
mkfifo "$d/pipe.txt"
run fifo "$d"
still_loads "FIFO in a folder" && expect_err "FIFO in a folder" "" && pass "FIFO in a folder is passed over"
"$BIN" --outline "$d/pipe.txt" >"$t/out" 2>"$t/err"
if [ "$(cat "$t/err")" = "courtread: $d/pipe.txt: not a regular file" ]; then
    pass "FIFO named on the command line"
else
    fail "FIFO named on the command line" "$(cat "$t/err")"
fi

d=$(case_dir encodings)
printf '标题己\n\n国标编码的正文。\n' | iconv -f UTF-8 -t GB18030 >"$d/gb.txt"
{ printf '\377\376'; printf '标题庚\n\n双字节编码的正文。\n' | iconv -f UTF-8 -t UTF-16LE; } >"$d/u16.txt"
printf '\357\273\277标题辛\n\n带签名的正文。\n' >"$d/bom.txt"
printf '标题壬\n\n正文\377\376坏字节。\n' >"$d/damaged.txt"
run encodings "$d"
still_loads "encodings" && expect_err "encodings" "" && expect_out "GB18030" '^title	标题己$' &&
    expect_out "UTF-16" '^title	标题庚$' && expect_out "UTF-8 BOM" '^title	标题辛$' &&
    expect_out "damaged UTF-8" '^title	标题壬$' && pass "GB18030, UTF-16, BOM and damaged UTF-8"

d=$(case_dir big)
awk 'BEGIN { print "大文件的标题\n"; for (i = 0; i < 430000; i++) print "某某县人民法院审结各类案件，切实维护人民群众合法权益，推动审判工作高质量发展。\n" }' >"$d/big.txt"
printf '长行的标题\n\n' >"$d/longline.txt"
awk 'BEGIN { for (i = 0; i < 180000; i++) printf "法院审判工作，维护公平正义；" }' >>"$d/longline.txt"
[ "$(wc -c <"$d/big.txt")" -ge 50000000 ] || fail "50 MB file" "the file made is smaller"
[ "$(wc -c <"$d/longline.txt")" -ge 5000000 ] || fail "5 MB line" "the line made is shorter"
run big "$d"
still_loads "50 MB file and 5 MB line" && expect_err "50 MB file and 5 MB line" "" &&
    expect_out "50 MB file" '^title	大文件的标题$' && expect_out "5 MB line" '^title	长行的标题$' &&
    pass "a 50 MB file and a 5 MB single line"

d=$(case_dir loop)
mkdir "$d/sub"
ln -s .. "$d/sub/up"
ln -s "$d" "$d/sub/again"
run loop "$d"
still_loads "symlink loop" && [ "$(grep -c '^title	好报告的标题$' "$t/out")" = 1 ] &&
    pass "symlink loops: entered once" || fail "symlink loops" "report read more than once"

# --- command line ------------------------------------------------------------
"$BIN" --help >"$t/out" 2>&1 && grep -q '^Usage: courtread' "$t/out" && pass "--help" ||
    fail "--help" "no usage"
"$BIN" --version >"$t/out" 2>&1 && grep -q '^courtread [0-9]' "$t/out" && pass "--version" ||
    fail "--version" "no version"

"$BIN" --bogus >"$t/out" 2>"$t/err"
s=$?
[ $s = 2 ] && grep -q "^courtread: unknown option '--bogus'" "$t/err" && pass "unknown option: exit 2" ||
    fail "unknown option" "status $s: $(cat "$t/err")"

"$BIN" --outline "$t/does-not-exist" >"$t/out" 2>"$t/err"
s=$?
[ $s = 2 ] && [ "$(cat "$t/err")" = "courtread: $t/does-not-exist: No such file or directory" ] &&
    pass "missing path: exit 2" || fail "missing path" "status $s: $(cat "$t/err")"

"$BIN" --encoding NOPE --outline samples >"$t/out" 2>"$t/err"
s=$?
[ $s = 2 ] && grep -q "unknown encoding 'NOPE'" "$t/err" && pass "unknown encoding: exit 2" ||
    fail "unknown encoding" "status $s"

"$BIN" --encoding >"$t/out" 2>"$t/err"
[ $? = 2 ] && grep -q "needs a value" "$t/err" && pass "option without its value: exit 2" ||
    fail "option without its value" "$(cat "$t/err")"

d=$(case_dir forced)
printf '标题癸\n\n强制编码。\n' | iconv -f UTF-8 -t GBK >"$d/gbk.txt"
"$BIN" --encoding GBK --outline "$d/gbk.txt" >"$t/out" 2>"$t/err"
grep -q '^title	标题癸$' "$t/out" && pass "--encoding GBK" || fail "--encoding GBK" "$(cat "$t/out")"

"$BIN" --outline "$d" >"$t/out" 2>"$t/err"
grep -q "^# $d/good.txt\$" "$t/out" && grep -q "^# $d/gbk.txt\$" "$t/out" &&
    pass "several reports: a '# PATH' line before each" || fail "several reports" "no headers"

(cd "$t" && "$BIN" --outline >"$t/out" 2>"$t/err" </dev/null)
grep -q '^court	霁川市中级人民法院$' "$t/out" && pass "no path: the bundled samples" ||
    fail "no path" "$(head -3 "$t/err")"

mkdir -p "$t/cfg/courtread"
d=$(case_dir library)
printf '[general]\nlibrary = %s\nbogus = 1\n' "$d" >"$t/cfg/courtread/config.ini"
XDG_CONFIG_HOME="$t/cfg" "$BIN" --outline >"$t/out" 2>"$t/err" </dev/null
s=$?
[ $s = 0 ] && grep -q '^title	好报告的标题$' "$t/out" &&
    [ "$(cat "$t/err")" = "courtread: $t/cfg/courtread/config.ini:3: unknown key 'general:bogus'" ] &&
    pass "config: library path, and a message for an unknown key" ||
    fail "config library" "status $s: $(cat "$t/err")"

printf '[general\n' >"$t/bad.ini"
"$BIN" --config "$t/bad.ini" --outline "$d" >"$t/out" 2>"$t/err"
[ $? = 0 ] && grep -q "bad.ini:1: '\[general': not a \[section\]" "$t/err" &&
    grep -q '^title	好报告的标题$' "$t/out" && pass "a broken config line: a message naming it" ||
    fail "broken config" "$(cat "$t/err")"

"$BIN" --courts samples >"$t/out" 2>"$t/err"
grep -q '^其他	1$' "$t/out" && grep -q '^  霁川市苍砚旗人民法院	1$' "$t/out" &&
    pass "--courts: tree with 其他" || fail "--courts" "$(cat "$t/out")"
# scripts cut it: the name (with its indent) and the count are two fields
if [ "$(cut -f2 "$t/out" | grep -cv '^[0-9][0-9]*$')" = 0 ] &&
    cut -f1 "$t/out" | grep -q '^  霁川市鹤汀区人民法院$' &&
    [ "$(cut -f2 "$t/out" | awk '{ s += $1 } END { print s }')" = "$(ls samples | wc -l)" ]; then
    pass "--courts: NAME<TAB>COUNT, the counts add up to the reports"
else
    fail "--courts columns" "$(cat -A "$t/out" | head -3)"
fi

"$BIN" --outline samples >/dev/full 2>"$t/err"
[ $? != 0 ] && pass "a write error is not success" || fail "write error" "exit 0 on /dev/full"

# --- documentation -------------------------------------------------------------
if command -v groff >/dev/null 2>&1; then
    if groff -man -ww -z man/courtread.1 >"$t/err" 2>&1 && [ ! -s "$t/err" ]; then
        pass "man page: groff -man -ww -z is clean"
    else
        fail "man page lint" "$(head -3 "$t/err")"
    fi
else
    echo "SKIP man page lint: no groff"
fi
missing=
for opt in $("$BIN" --help | grep -o -- '--[a-z-]*' | sort -u); do
    grep -q -- "$(echo "$opt" | sed 's/-/\\\\-/g')" man/courtread.1 || missing="$missing $opt"
done
[ -z "$missing" ] && pass "man page: every option of --help is documented" ||
    fail "man page options" "missing:$missing"

# --- layout options ---------------------------------------------------------------
for bad in "--width 0" "--width abc" "--ambiguous-width 3"; do
    # shellcheck disable=SC2086
    "$BIN" --dump $bad samples >"$t/out" 2>"$t/err"
    s=$?
    [ $s = 2 ] && grep -q "takes a whole number" "$t/err" && pass "bad value '$bad': exit 2" ||
        fail "bad value '$bad'" "status $s: $(cat "$t/err")"
done
"$BIN" --dump samples/06-mediation-notes.txt >"$t/out" 2>"$t/err"
awk '{ if (length($0) > 80 * 3) bad = 1 } END { exit bad }' "$t/out" && pass "--dump: 80 columns when not a terminal" ||
    fail "--dump default width" "long lines"
printf '[display]\nambiguous_width = 3\nindent = 9\n' >"$t/disp.ini"
"$BIN" --config "$t/disp.ini" --dump --width 30 samples/06-mediation-notes.txt >"$t/out" 2>"$t/err"
[ $? = 0 ] && grep -q "disp.ini:2: 'display:ambiguous_width' must be a whole number from 1 to 2, not '3'" "$t/err" &&
    grep -q "disp.ini:3: 'display:indent' must be a whole number from 0 to 4, not '9'" "$t/err" &&
    grep -q '^　　只有把案件事实弄清楚' "$t/out" && pass "config: bad display values are reported, defaults kept" ||
    fail "config display values" "$(cat "$t/err")"
printf '[display]\nindent = 0\n' >"$t/disp.ini"
"$BIN" --config "$t/disp.ini" --dump --width 30 samples/06-mediation-notes.txt >"$t/out" 2>"$t/err"
grep -q '^只有把案件事实弄清楚' "$t/out" && pass "config: indent = 0" || fail "config indent" "$(head -5 "$t/out")"

# The library index (XDG_CACHE_HOME/courtread/index.db): a second run of
# every mode gives the same lines as the first (which parsed everything), a
# search gives what it gives with no index at all (no cache folder: every
# report read), a changed file is searched as it is now, and --reindex
# parses again.
mkdir -p "$t/cachelib"
cp -p samples/*.txt "$t/cachelib/"
same=1
for mode in --outline --courts "--search 法官" "--search 人民法院" "--search 调" "--search 12 次" \
    "--search 國際" "--search 霁川市" "-E --search 法.官"; do
    # shellcheck disable=SC2086 # the mode is words
    XDG_CACHE_HOME="$t/xdgcache" "$BIN" $mode "$t/cachelib" >"$t/first" 2>&1
    # shellcheck disable=SC2086
    XDG_CACHE_HOME="$t/xdgcache" "$BIN" $mode "$t/cachelib" >"$t/second" 2>&1
    # shellcheck disable=SC2086
    XDG_CACHE_HOME= HOME="$t/nohome" "$BIN" $mode "$t/cachelib" >"$t/none" 2>&1
    if ! cmp -s "$t/first" "$t/second" || ! cmp -s "$t/first" "$t/none"; then
        same=0
        fail "index: $mode" "$(diff "$t/first" "$t/second" | head -3; diff "$t/first" "$t/none" | head -3)"
    fi
done
if [ $same = 1 ] && [ -s "$t/xdgcache/courtread/index.db" ] && [ ! -e "$t/nohome" ]; then
    pass "the index: a second run and a run without it give what the first gave, in every mode"
fi
# the same searches over the fixtures, our reports and the shared corpora
# (when there): with the index's candidates and without them; and over a
# library of reports the index keeps no text map of (letters set apart by
# spaces: searched by a parse) beside one it keeps a map of
mkdir -p "$t/nomap"
cp samples/01-jichuan-team.txt "$t/nomap/"
{
    printf '南溪区人民法院审结一起合同纠纷\n\n'
    for k in 1 2 3 4 5 6 7 8; do
        printf '法 院 审 理 了 一 起 合 同 纠 纷 ， 法 官 判 决 被 告 支 付 货 款 。\n'
    done
} >"$t/nomap/spaced.txt"
for lib in tests/fixtures tests/reports "$t/nomap" ../shared/corpus ../shared/corpus-web; do
    [ -d "$lib" ] || continue
    same=1
    for q in 法院 法官 审判 调解 人民法庭 中院 2023 １２ 國 "院 长" 的; do
        XDG_CACHE_HOME="$t/xdgcache" "$BIN" --search "$q" "$lib" >"$t/first" 2>&1
        XDG_CACHE_HOME="$t/xdgcache" "$BIN" --search "$q" "$lib" >"$t/second" 2>&1
        XDG_CACHE_HOME= HOME="$t/nohome" "$BIN" --search "$q" "$lib" >"$t/none" 2>&1
        if ! cmp -s "$t/first" "$t/second" || ! cmp -s "$t/first" "$t/none"; then
            same=0
            fail "index: --search $q $lib" "$(diff "$t/second" "$t/none" | head -3)"
        fi
    done
    [ $same = 1 ] && pass "the index: searches of $lib give what a search of every report gives"
done
sleep 0.01
printf '\n　　承办法官蓝鹊耐心释法。\n' >>"$t/cachelib/01-jichuan-team.txt"
if XDG_CACHE_HOME="$t/xdgcache" "$BIN" --search 蓝鹊 "$t/cachelib" 2>&1 | grep -q 蓝鹊; then
    pass "--search: a changed file is searched as it is now"
else
    fail "--search index" "the index hid the change"
fi
XDG_CACHE_HOME="$t/xdgcache" "$BIN" --outline "$t/cachelib" >"$t/first" 2>&1
XDG_CACHE_HOME="$t/xdgcache" "$BIN" --reindex --outline "$t/cachelib" >"$t/second" 2>&1
cmp -s "$t/first" "$t/second" && pass "--reindex gives what the index gave" ||
    fail "--reindex" "$(diff "$t/first" "$t/second" | head -3)"
# A damaged index is said, and made anew
printf 'not an index' >"$t/xdgcache/courtread/index.db"
rm -f "$t/xdgcache/courtread/index.db-wal" "$t/xdgcache/courtread/index.db-shm"
XDG_CACHE_HOME="$t/xdgcache" "$BIN" --outline "$t/cachelib" >"$t/second" 2>"$t/err"
if cmp -s "$t/first" "$t/second" && grep -q 'index.db: damaged or not an index' "$t/err" &&
    XDG_CACHE_HOME="$t/xdgcache" "$BIN" --outline "$t/cachelib" 2>&1 >/dev/null | cmp -s - /dev/null; then
    pass "a damaged index is said once and made anew"
else
    fail "damaged index" "$(cat "$t/err")"
fi
