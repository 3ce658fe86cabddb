#!/bin/sh
# tests/screen.sh: the browser as a user meets it, driven in tmux on a
# private socket: start-up, moving between courts, reports and sections,
# resizing, help, themes and config messages, the clipboard, the saved
# position, quitting and the terminal going away. Polls capture-pane
# instead of sleeping. Prints PASS/FAIL lines (SKIP without tmux).
BIN=${BIN:-./courtread}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
SAMPLES="$PWD/samples"
if ! command -v tmux >/dev/null 2>&1; then
    echo "SKIP screen tests: tmux is not installed"
    exit 0
fi
t=$(mktemp -d)
export LANG=C.UTF-8 LC_ALL=C.UTF-8
printf 'set -g status off\nset -g escape-time 0\nset -g set-clipboard on\n' >"$t/tmux.conf"
# a fresh server (socket) for each start: a dying one may still hold the old
n=0
T() { tmux -S "$t/sock$n" -f "$t/tmux.conf" "$@"; }
. tests/reap.sh
trap 'T kill-server 2>/dev/null; sleep 0.3; reap "$t/config"; rm -rf "$t"' EXIT

pass() { echo "PASS screen: $1"; }
fail() {
    echo "FAIL screen: $1: $2"
    echo "--- screen:"
    T capture-pane -p -t t 2>/dev/null
    echo "---"
}

# start W H [VAR=value...] -- ARGS...: a fresh browser in a WxH pane
start() {
    w=$1 h=$2
    shift 2
    envs=
    while [ $# -gt 0 ] && [ "$1" != -- ]; do
        envs="$envs $1"
        shift
    done
    shift
    T kill-server 2>/dev/null
    n=$((n + 1))
    # each run its own state, or the one before's (a killed run may still
    # be saving into its own)
    if [ -n "$KEEP_STATE" ]; then state=$t/state$((n - 1)); else state=$t/state$n; fi
    # the shell writes the exit status: tmux does not always learn it
    T new-session -d -s t -x "$w" -y "$h" \
        "env XDG_STATE_HOME=$state XDG_CONFIG_HOME=$t/config HOME=$t TERM=tmux-256color $envs $BIN $*; echo \$? >$t/status$n"
    T set -g remain-on-exit on
    T set -g window-size manual
}

screen() { T capture-pane -p -t t; }

# poll_every SECONDS TIMES COMMAND...: run it until it succeeds, that often
poll_every() {
    every=$1 times=$2
    shift 2
    for _ in $(seq "$times"); do
        "$@" && return 0
        sleep "$every"
    done
    return 1
}

# until COMMAND...: poll until it succeeds (15 s at most: the sanitizer
# build on a loaded machine is slow to start)
until_ok() { poll_every 0.05 300 "$@"; }

shows() { screen | grep -qF -- "$1"; }
lacks() { ! shows "$1"; }
# top_line: the reader's first row (right of the last pane border)
top_line() { screen | head -1 | sed 's/.*│//'; }
top_has() { top_line | grep -qF -- "$1"; }
top_lacks() { ! top_has "$1"; }

wait_for() { until_ok shows "$1"; }
wait_gone() { until_ok lacks "$1"; }
wait_top() { until_ok top_has "$1"; }

# dead: until the program has exited (6 s at most)
dead() {
    for _ in $(seq 120); do
        [ -s "$t/status$n" ] && return 0
        sleep 0.05
    done
    return 1
}

exit_status() { cat "$t/status$n"; }
# alive: still running a moment later (after a key that must not quit)
alive() {
    sleep 0.3
    [ ! -s "$t/status$n" ]
}

# app_pid: the program's process (the pane's shell is its parent)
# (read from /proc: a bare machine may have no ps)
app_pid() {
    pp=$(T display -p -t t '#{pane_pid}')
    for f in /proc/[0-9]*/stat; do
        awk -v pp="$pp" '$4 == pp { print $1 }' "$f" 2>/dev/null
    done
}

check() { # check NAME COMMAND...: PASS when the command succeeds
    name=$1
    shift
    if "$@"; then pass "$name"; else fail "$name" "$*"; fi
}

# --- start-up: three panes, the courts, the status line (120x40, 200x50)
for size in "120 40" "200 50"; do
    set -- $size
    start "$1" "$2" -- "$SAMPLES"
    if wait_for "F1 help" && screen | grep -qF "霁川市中级人民法院" &&
        [ "$(screen | head -1 | grep -o '│' | wc -l)" = 2 ] &&
        screen | grep -qE "\+ 其他 +1 │"; then
        pass "start-up at $1x$2 shows three panes and the courts"
    else
        fail "start-up at $1x$2" "no three panes"
    fi
done

# --- the measure: at 200 columns the reader's text is a column of at most
# reader_width (72), centred; -w sets it for the session; 0 is the whole pane
# reader_cols: the widest reader row (right of the last border, its margins
# trimmed) in columns
reader_cols() { screen | head -n -2 | sed 's/.*│//; s/^ *//; s/ *$//' | wc -L; }
# reader_left: the blank columns before the reader's text on its first row
reader_left() { top_line | sed 's/[^ ].*//' | wc -L; }
start 200 50 -- "$SAMPLES/03-heting-web.txt"
wait_for "F1 help"
cols=$(reader_cols)
left=$(reader_left)
if [ "$cols" -le 72 ] && [ "$cols" -ge 64 ] && [ "$left" -ge 30 ]; then
    pass "at 200 columns the reader's lines are within reader_width: $cols columns, $left from the border"
else
    fail "measure" "the widest line is $cols columns, $left from the border"
fi
# a search in the column: the match is found, highlighted where it stands
T send-keys -t t l l /
T send-keys -t t -l "回访"
T send-keys -t t Enter
wait_for "1/2"
hl=$(T capture-pane -e -p -t t | grep -m1 '48;5;214' | sed 's/\x1b\[[0-9;]*m//g; s/.*│//')
if [ -n "$hl" ] && [ "$(printf '%s' "$hl" | sed 's/^ *//; s/ *$//' | wc -L)" -le 72 ]; then
    pass "a match in the column is highlighted: 1/2"
else
    fail "search in the column" "no highlighted row within 72 columns: $hl"
fi
start 200 50 -- -w 40 "$SAMPLES/03-heting-web.txt"
wait_for "F1 help"
cols=$(reader_cols)
if [ "$cols" -le 40 ] && [ "$cols" -ge 34 ]; then pass "-w 40 sets the reader's column: $cols"; else
    fail "-w in the browser" "the widest line is $cols columns"
fi
mkdir -p "$t/config/courtread"
printf '[display]\nreader_width = 0\n' >"$t/config/courtread/config.ini"
start 200 50 -- "$SAMPLES/03-heting-web.txt"
wait_for "F1 help"
cols=$(reader_cols)
if [ "$cols" -gt 100 ]; then pass "reader_width = 0: the whole pane ($cols columns)"; else
    fail "reader_width = 0" "the widest line is $cols columns"
fi
rm -f "$t/config/courtread/config.ini"

# --- a court, a report, a section
start 120 40 -- "$SAMPLES"
wait_for "F1 help"
T send-keys -t t j j Enter j
if wait_for "苍砚旗人民法院 · 扎根草原" && wait_top "2025年"; then
    pass "moving to a court and a report opens it"
else
    fail "court and report" "the report did not open"
fi
T send-keys -t t Tab j
check "moving to a section in the outline brings it to the top" wait_top "聚焦诉源治理"

# --- the mouse is off by default (as in less): no mouse reporting is asked
# of the terminal, so its own selection works; [display] mouse = on asks
mouse_flags() { T display -p -t t '#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}'; }
start 120 40 -- "$SAMPLES"
wait_for "F1 help"
check "the mouse is off by default: no mouse reporting asked" [ "$(mouse_flags)" = 000 ]
mkdir -p "$t/config/courtread"
printf '[display]\nmouse = on\n' >"$t/config/courtread/config.ini"

# --- the mouse (X10 reports, as tmux-256color's kmous): a click selects, a
# second click on a court opens it; the wheel scrolls the reader
click() { T send-keys -t t -l "$(printf '\033[M %s%s\033[M#%s%s' "$1" "$2" "$1" "$2")"; }
start 120 40 -- "$SAMPLES"
wait_for "F1 help"
check "mouse = on asks for mouse reports" [ "$(mouse_flags)" != 000 ]
start 120 40 -- "$SAMPLES"
wait_for "F1 help"
click '&' '#' # column 5, row 2: 霁川市苍砚旗人民法院
click '&' '#'
check "clicking a court twice opens it" wait_for "- 霁川市苍砚旗人民法院"
# both clicks read at once (a loaded machine): curses reports a double click
start 120 40 -- "$SAMPLES"
wait_for "F1 help"
T send-keys -t t -l "$(printf '\033[M &#\033[M#&#\033[M &#\033[M#&#')"
check "two clicks read at once open it too" wait_for "- 霁川市苍砚旗人民法院"
start 80 24 -- "$SAMPLES"
wait_for "F1 help"
T send-keys -t t -l "$(printf '\033[Ma]#')" # wheel down over the reader (column 60)
check "the wheel scrolls the reader" until_ok top_lacks "夯实队伍根基"
rm -f "$t/config/courtread/config.ini"

# --- ] [ and 3 from any pane, and a resize keeps the heading on top
start 120 40 -- "$SAMPLES/03-heting-web.txt"
wait_for "F1 help"
T send-keys -t t ']'
check "] goes to the first section" wait_top "法官下沉"
T send-keys -t t ']'
check "] again goes to the next section" wait_top "线上线下"
T send-keys -t t '['
check "[ goes back" wait_top "法官下沉"
T send-keys -t t 2
check "2 goes to section 2" wait_top "线上线下"
T resize-window -t t -x 80 -y 24
check "a resize to 80x24 keeps the heading on top" wait_top "线上线下"
T resize-window -t t -x 200 -y 50
check "a resize to 200x50 keeps it too" wait_top "线上线下"

# --- J and K: the next and previous report in the court list's order
start 120 40 -- "$SAMPLES"
wait_for "F1 help"
T send-keys -t t J
check "J opens the next report" wait_for "霁川市苍砚旗人民法院 · 扎根草原"
T send-keys -t t K
check "K goes back" wait_for "霁川市中级人民法院 · 夯实队伍根基"
# the reports either side of the open one are read ahead while no key
# waits (and made cards again when another opens far off): each opens whole
T send-keys -t t J J
if wait_for "鹤汀区法院：“家门口”的调解室让纠纷止于萌芽" && wait_for "（二）完善回访制度" &&
    wait_for "驻点法官共接待群众咨询320人次"; then
    pass "J J: the report read ahead opens whole (outline and text)"
else
    fail "J J: the report read ahead opens whole (outline and text)" "not on screen"
fi
T send-keys -t t K K K
check "K K K back to the first: those read ahead made cards again are read again" \
    wait_for "霁川市中级人民法院 · 夯实队伍根基"

# --- marks: m a, move away, ' a comes back; '' returns to before the jump
start 120 40 -- "$SAMPLES/03-heting-web.txt"
wait_for "F1 help"
T send-keys -t t 2 m a
check "m a sets a mark" wait_for "Mark a set"
T send-keys -t t l l g # to the reader, its top
check "l l g: the reader's top" wait_top "鹤汀区法院"
T send-keys -t t "'" a
check "' a goes back to the mark" wait_top "线上线下"
T send-keys -t t "'" "'"
check "'' returns to the place before the jump" wait_top "鹤汀区法院"

# --- a non-UTF-8 locale switches to a UTF-8 one
start 120 40 LANG=C LC_ALL=C -- "$SAMPLES"
check "LANG=C still shows Chinese" wait_for "霁川市中级人民法院"

# --- search in the reader: incremental, the counter, n/N round the report,
# Esc back to where it was, history, full-width digits finding half-width
start 80 24 -- "$SAMPLES/03-heting-web.txt"
wait_for "F1 help"
T send-keys -t t l l /
T send-keys -t t -l "回访"
if wait_for "1/2" && until_ok top_lacks "鹤汀区法院"; then
    pass "typing a query moves to the first match, the status counts 1/2"
else
    fail "incremental search" "no move or no counter"
fi
T send-keys -t t Escape
check "Esc returns to where the search started" wait_top "鹤汀区法院"
T send-keys -t t / && T send-keys -t t -l "回访" && T send-keys -t t Enter n
check "n goes to the next match: 2/2" wait_for "2/2"
T send-keys -t t n
if wait_for "continued from the top" && wait_for "1/2"; then
    pass "n past the last match wraps round with a message"
else
    fail "wrap" "no wrap-around message"
fi
T send-keys -t t N
check "N goes back round: 2/2" wait_for "2/2"
T send-keys -t t / && T send-keys -t t -l "诉前调解" && T send-keys -t t Enter
# at this width 诉 ends one screen line and 前调解 starts the next
check "a match wrapped over two screen lines is highlighted on both" until_ok sh -c "[ \$(tmux -S '$t/sock$n' capture-pane -e -p -t t | grep -c '48;5;214') = 2 ]"
T send-keys -t t / Up
check "Up in the prompt recalls the last query" wait_for "/诉前调解"
T send-keys -t t C-u
T send-keys -t t -l "３２０"
check "a full-width query finds half-width digits" wait_for "1/1"
T send-keys -t t Enter
T send-keys -t t q # quit, so the history is saved before the next run reads it
dead
KEEP_STATE=1 start 80 24 -- "$SAMPLES/03-heting-web.txt"
wait_for "F1 help"
T send-keys -t t l l / Up
check "the search history is kept between runs" wait_for "/３２０"

# --- s: every match in the library; Enter opens one, n goes on, R returns
start 120 40 -- "$SAMPLES"
wait_for "F1 help"
T send-keys -t t s
T send-keys -t t -l "调解"
T send-keys -t t Enter
check "s lists the matches of the library" wait_for "31 matches of “调解” in 5 reports"
# the search left each report a card: the list reads those of its rows again
if wait_for " · 1 聚焦诉源治理 化解矛盾纠纷" && wait_for "    该院在各苏木镇设立调解工作室"; then
    pass "each row has its match's section and snippet"
else
    fail "each row has its match's section and snippet" "not on screen"
fi
T send-keys -t t j j Enter
if wait_for "霁川市苍砚旗人民法院 · 扎根草原" && wait_for "3/4" && wait_top "调解工作室"; then
    pass "Enter opens the report at the match"
else
    fail "results → open" "not at the match"
fi
T send-keys -t t n
check "n goes on through that report's matches" wait_for "4/4"
T send-keys -t t R
check "R returns to the list" wait_for "31 matches of"
T send-keys -t t q
check "q leaves the list" wait_gone "31 matches of"
T send-keys -t t R
wait_for "31 matches of"
T send-keys -t t C-c
list_closed() { wait_gone "31 matches of" && alive; }
check "^C closes the list of matches, the browser runs on" list_closed

# --- a report changed after the search: its rows say so, not a snippet
# from wherever its matches' places now fall
mkdir -p "$t/chg"
cp "$SAMPLES"/* "$t/chg/"
start 120 40 -- "$t/chg"
wait_for "F1 help"
T send-keys -t t s
T send-keys -t t -l "调解"
T send-keys -t t Enter
wait_for "31 matches of “调解” in 5 reports"
wait_for "    该院在各苏木镇设立调解工作室"
# (not the report open, nor the one read ahead after it: they stay as read)
printf '前言一行。\n' | cat - "$t/chg/03-heting-web.txt" >"$t/chg/new" &&
    mv "$t/chg/new" "$t/chg/03-heting-web.txt"
T send-keys -t t j
check "a row of a report changed since the search says so" \
    wait_for "(the report changed since the search: Enter opens it as it is)"

# --- search as Chinese is typed: 12次 finds 12 次, a simplified query finds
# traditional text, ^R for a regular expression, Pattern not found on Enter,
# N/M in the list of matches, n from a report's last match to the next's
CJK="$PWD/tests/search-cjk"
start 200 30 -- "$CJK/spacing.txt"
wait_for "F1 help"
T send-keys -t t l l /
T send-keys -t t -l "12次"
check "/12次 finds 12 次 and 12次: 1/2" wait_for "1/2"
T send-keys -t t Enter
check "... and the highlight covers 12 次 as written" until_ok sh -c "tmux -S '$t/sock$n' capture-pane -e -p -t t | grep -q '48;5;214m12 次'"
T send-keys -t t /
T send-keys -t t -l "没有这个词"
T send-keys -t t Enter
check "Enter on a query that matches nothing says Pattern not found" wait_for "Pattern not found: 没有这个词"
T send-keys -t t / C-r
check "^R in the prompt switches to a regular expression" wait_for "Regex /"
T send-keys -t t -l "[0-9]+ ?次"
check "a regular expression finds its matches: 1/2" wait_for "1/2"
T send-keys -t t Enter / C-u
T send-keys -t t -l "巡回("
T send-keys -t t Enter
check "an invalid regular expression says why" wait_for "Not a regular expression: missing closing parenthesis"
start 100 30 -- "$CJK/traditional.txt"
wait_for "F1 help"
T send-keys -t t l l /
T send-keys -t t -l "理发"
check "a simplified query finds traditional text (理发 → 理髮)" wait_for "1/1"
start 100 30 -- "$CJK"
wait_for "F1 help"
T send-keys -t t s
T send-keys -t t -l "调解"
T send-keys -t t Enter
check "the list of matches counts the selected one: 1/5" wait_for "1/5"
T send-keys -t t j
check "... and follows the selection: 2/5" wait_for "2/5"
# the status line: the report open and the match counted
status_has() { screen | tail -n 2 | head -n 1 | grep -qF -- "$1"; }
status_is() { status_has "$1" && status_has "$2"; }
T send-keys -t t G Enter
check "Enter opens the last match's report" until_ok status_is "霧橋縣法院發佈" "1/1"
T send-keys -t t n
check "n past a report's last match goes on to the next report's first" until_ok status_is "雾桥县法院调解工作回顾" "1/4"
T send-keys -t t N
check "N goes back to the report before" until_ok status_is "霧橋縣法院發佈" "1/1"
T send-keys -t t s
T send-keys -t t -l "没有这个词"
T send-keys -t t Enter
check "a library search that matches nothing says Pattern not found" wait_for "Pattern not found: 没有这个词"
T send-keys -t t R
T resize-window -t t -x 60 -y 12
T send-keys -t t G
T resize-window -t t -x 120 -y 40
check "the list of matches is laid out again when the terminal grows" until_ok sh -c "tmux -S '$t/sock$n' capture-pane -p -t t | grep -c '雾桥县人民法院 · ' | grep -qx 4"

# --- / in the court list filters it as you type
start 120 40 -- "$SAMPLES"
wait_for "F1 help"
T send-keys -t t /
T send-keys -t t -l "鹤汀"
if until_ok lacks "澜屿市中级人民法院" && shows "霁川市鹤汀区人民法院"; then
    pass "/ in the court list filters its courts"
else
    fail "filter" "澜屿 still shown or 鹤汀 gone"
fi
if screen | grep -qE '^ [-+] 霁川市中级人民法院 +1 │' && lacks "桐岚县人民法院"; then
    pass "a court found by the filter shows under the courts above it"
else
    fail "filter keeps ancestors" "no 霁川市中级人民法院 above 鹤汀区, or 桐岚县 shown"
fi
T send-keys -t t Escape
check "Esc clears the filter" wait_for "澜屿市中级人民法院"
T send-keys -t t Tab /
T send-keys -t t -l "练好"
if until_ok lacks "│   筑牢思想根基" && shows "│   练好基本功"; then
    pass "/ in the outline filters its sections"
else
    fail "outline filter" "other sections still shown"
fi

# --- the focused pane: the line beside it stands out, with a pointer towards
# it halfway down (◂ right of a side pane, ▸ left of the reader); Tab moves it
# marker: the borders up to the pointer on its row, halfway down the panes
# ("◂", "│◂", "│▸"; the outline's own ▸ is on other rows)
marker() { screen | sed -n "$(((h - 2) / 2 + 1))p" | grep -o '^[^◂▸]*[◂▸]' | sed 's/[^│◂▸]//g'; }
marker_is() { [ "$(marker)" = "$1" ]; }
for env in TERM=tmux-256color NO_COLOR=1; do
    start 120 40 $env -- "$SAMPLES"
    wait_for "F1 help"
    check "the focused court list is marked ($env)" until_ok marker_is "◂"
    T send-keys -t t Tab
    check "Tab: the outline is marked ($env)" until_ok marker_is "│◂"
    T send-keys -t t Tab
    check "Tab: the reader is marked ($env)" until_ok marker_is "│▸"
done
# with no colour the line and its pointer are bold
if T capture-pane -e -p -t t | grep -q "$(printf '\033')\[1m▸"; then pass "NO_COLOR: the pointer is bold"; else
    fail "focus with NO_COLOR" "no bold pointer"
fi

# --- a kept filter shows on the status line, each pane's its own
start 120 40 -- "$SAMPLES"
wait_for "F1 help"
T send-keys -t t /
T send-keys -t t -l "鹤汀"
T send-keys -t t Enter
check "a kept filter of the court list shows" wait_for "[court list: /鹤汀]"
T send-keys -t t Tab /
T send-keys -t t -l "练好"
T send-keys -t t Enter
if wait_for "[court list: /鹤汀] [outline: /练好]"; then pass "the outline's filter shows beside it"; else
    fail "outline filter shown" "no [outline: /练好]"
fi
T send-keys -t t h h g Enter # a court folds: the list is made again, with its own filter
if until_ok shows "霁川市鹤汀区人民法院" && lacks "澜屿市中级人民法院"; then
    pass "the court list keeps its own filter once the outline is filtered"
else
    fail "two filters" "the court list lost its filter"
fi
T send-keys -t t Escape # drops the filter kept last, the outline's
if wait_gone "[outline: /练好]" && shows "[court list: /鹤汀]"; then
    pass "Esc drops the filter kept last; the other stays shown"
else
    fail "Esc and two filters" "not the outline's alone dropped"
fi
T send-keys -t t / Escape # in the court list: / and Esc clear its filter
check "clearing the filter clears its mark" wait_gone "[court list:"

# --- 80x24: the court list gives way; one pane at a time when narrower
start 80 24 -- "$SAMPLES"
wait_for "F1 help"
T send-keys -t t Tab
if wait_for "▸" && [ "$(screen | head -1 | grep -o '│' | wc -l)" = 1 ] &&
    ! screen | grep -qF "+ 其他"; then
    pass "at 80x24 the outline and reader show, the court list is hidden"
else
    fail "80x24 collapse" "expected outline and reader only"
fi
T resize-window -t t -x 50 -y 20
if wait_gone "│" && screen | grep -qF "▸"; then
    pass "narrower: one pane at a time"
else
    fail "narrow" "expected one pane"
fi
T send-keys -t t ']'
check "] from the outline shows the reader at the next section" wait_top "筑牢思想根基"
T send-keys -t t Tab
check "Tab switches the one pane shown (reader to court list)" wait_for "+ 其他"
T resize-window -t t -x 12 -y 3
check "too small shows a message" wait_for "too small"
T resize-window -t t -x 120 -y 40
check "and recovers when enlarged" wait_for "F1 help"

# --- the court list at 80x24: counts on the right, report rows told apart
# (a › mark, dimmer, the date on the right), long names cut with …
start 80 24 -- "$SAMPLES"
wait_for "F1 help"
# (the first report is open, its court unfolded: 鹤汀区 is three rows down)
T send-keys -t t j j j Enter
if wait_for "- 霁川市鹤汀区人民法院" && screen | grep -qE '^   - 霁川市鹤汀区人民法院 +1 │' &&
    screen | grep -qE '^     › [^│]+… 2025-06-18 │'; then
    pass "80x24: a court's count on the right; its report row › title… date"
else
    fail "report rows" "no › row with a title cut short and its date"
fi
# the report row dim, the court rows in the court colour (default theme)
esc=$(printf '\033')
dim="$esc\\[([0-9]+;)*2(;[0-9]+)*m"
report=$(T capture-pane -e -p -t t | grep '› 鹤汀区法院')
court=$(T capture-pane -e -p -t t | grep '霁川市苍砚旗')
# (no change of style between the dim › and the title: the title is dim too)
if printf '%s' "${report%%鹤汀区法院*}" | grep -qE "$dim" && [ "${report#*› 鹤汀区法院}" != "$report" ] &&
    printf '%s' "${court%%霁川市苍砚旗*}" | grep -q '38;5;110' &&
    ! printf '%s' "${court%%霁川市苍砚旗*}" | grep -qE "$dim"; then
    pass "80x24: report rows are dim, court rows in the court colour"
else
    fail "report row style" "$(printf '%s\n%s' "$report" "$court" | cat -v)"
fi
mkdir -p "$t/config/courtread"
printf '[display]\ncourts_width = 20\n' >"$t/config/courtread/config.ini"
start 80 24 -- "$SAMPLES"
wait_for "F1 help"
if screen | grep -qE '^  \+ 霁川市苍砚旗… 1 │' && screen | grep -qE '^ - 霁川市中级人… +1 │'; then
    pass "a narrow court list cuts long names with … and keeps the counts"
else
    fail "ellipsis" "no 霁川市苍砚旗… with its count"
fi
printf '[display]\ncourts_width = 12\n' >"$t/config/courtread/config.ini"
start 80 24 -- "$SAMPLES"
wait_for "F1 help"
if screen | grep -qE '^ - 霁川… +1 │' && screen | grep -qE '^  › 夯实队… │' &&
    screen | grep -qE '^ \+ 其他 +1 │'; then
    pass "at 12 columns: the indent gives way, names and counts stay"
else
    fail "12 columns" "names or counts lost"
fi
rm -f "$t/config/courtread/config.ini"

# --- help overlay lists the bindings, as configured
mkdir -p "$t/config/courtread"
printf '[keys]\nsection_next = n\n' >"$t/config/courtread/config.ini"
start 120 40 -- "$SAMPLES"
wait_for "F1 help"
T send-keys -t t F1
if wait_for "courtread keys" && screen | grep -q 'n  *next section'; then
    pass "F1 shows the help with the configured keys"
else
    fail "help" "no help overlay or not as configured"
fi
T send-keys -t t Escape
check "a key closes the help" wait_gone "courtread keys"
rm -f "$t/config/courtread/config.ini"

# --- q restores the screen and exits 0
start 120 40 -- "$SAMPLES"
wait_for "F1 help"
T send-keys -t t q
if dead && [ "$(exit_status)" = 0 ] && ! screen | grep -qF "F1 help"; then
    pass "q quits with status 0 and restores the screen"
else
    fail "q" "still running or screen not restored"
fi

# --- ^C cancels, as in less, vim and readline: a search prompt, a filter;
# at the top it does not quit but says how to
start 120 40 -- "$SAMPLES/03-heting-web.txt"
wait_for "F1 help"
T send-keys -t t C-c
says_how_to_quit() { wait_for "Press q to quit" && alive; }
check "^C at the top does not quit: it says q quits" says_how_to_quit
T send-keys -t t l l /
T send-keys -t t -l "回访"
wait_for "1/2"
T send-keys -t t C-c
if wait_top "鹤汀区法院" && wait_gone "1/2" && shows "F1 help" && alive; then
    pass "^C in a search prompt cancels it and the browser runs on"
else
    fail "^C in a prompt" "not cancelled, or the browser quit"
fi
T send-keys -t t h h /
T send-keys -t t -l "中级"
until_ok lacks "霁川市鹤汀区人民法院     1"
T send-keys -t t Enter
T send-keys -t t C-c
check "^C drops a kept filter of the court list" wait_for "霁川市鹤汀区人民法院     1"
T send-keys -t t q
check "q still quits" dead

# --- = and ^G: the report's file, its courts, encoding, size and place
start 120 40 -- "$SAMPLES/04-lanyu-gb18030.txt"
wait_for "F1 help"
T send-keys -t t =
if wait_for "$SAMPLES/04-lanyu-gb18030.txt" && shows "GB18030" && shows "Position"; then
    pass "= shows the report's path, its encoding and the position"
else
    fail "=" "no path or encoding"
fi
T send-keys -t t q
if wait_gone "GB18030" && alive; then
    pass "a key (even q) closes it, the browser runs on"
else
    fail "= closes" "still shown, or the browser quit"
fi
T send-keys -t t C-g
check "^G shows it too" wait_for "GB18030"

# --- e: the editor ($VISUAL, $EDITOR) at the reading position; the browser
# comes back as it was, the report loaded again when the file changed
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >"%s/edit-args"\n' "$t" >"$t/editor"
chmod +x "$t/editor"
start 120 40 VISUAL= EDITOR="$t/editor" -- "$SAMPLES/03-heting-web.txt"
wait_for "F1 help"
mouse_before=$(T display -p -t t '#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}')
T send-keys -t t 2
wait_top "线上线下"
T send-keys -t t e
want=$(grep -n "线上线下联动" "$SAMPLES/03-heting-web.txt" | cut -d: -f1)
if until_ok test -s "$t/edit-args" && [ "$(sed -n 1p "$t/edit-args")" = "+$want" ] &&
    [ "$(sed -n 2p "$t/edit-args")" = "$SAMPLES/03-heting-web.txt" ]; then
    pass "e opens the editor with +$want (the reader's line in the file) and the path"
else
    fail "e" "the editor got: $(tr '\n' ' ' <"$t/edit-args" 2>/dev/null)"
fi
if wait_top "线上线下" && shows "· 二、线上线下联动" &&
    [ "$(T display -p -t t '#{alternate_on}')" = 1 ] &&
    [ "$(T display -p -t t '#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}')" = "$mouse_before" ]; then
    pass "after the editor the browser is back as it was"
else
    fail "after the editor" "not back as it was"
fi
mkdir -p "$t/lib-edit"
cp "$SAMPLES/03-heting-web.txt" "$t/lib-edit/"
printf '#!/bin/sh\nsed -i "s/线上线下联动/线上线下协同/" "$2"\n' >"$t/editor2"
chmod +x "$t/editor2"
start 120 40 VISUAL="$t/editor2" -- "$t/lib-edit/03-heting-web.txt"
wait_for "F1 help"
T send-keys -t t 2 e
check "a file changed in the editor is loaded again, at the same place" wait_top "线上线下协同"

# --- |: the report or (Tab) the section piped to a command, then a key returns
start 120 40 -- "$SAMPLES/03-heting-web.txt"
wait_for "F1 help"
T send-keys -t t '|'
T send-keys -t t -l "cat >$t/piped; echo piped-ok"
T send-keys -t t Enter
if wait_for "piped-ok" && wait_for "press a key to return"; then
    T send-keys -t t Space
    if wait_for "Piped the report" && grep -qF "鹤汀区法院" "$t/piped" && grep -qF "完善回访制度" "$t/piped"; then
        pass "| pipes the report to a command, and a key returns"
    else
        fail "|" "no return, or the file lacks the report"
    fi
else
    fail "|" "the command did not run"
fi
T send-keys -t t 2 '|' Tab
T send-keys -t t -l "cat >$t/piped2"
T send-keys -t t Enter
wait_for "press a key to return"
T send-keys -t t Space
if wait_for "Piped the section" && grep -qF "线上线下联动" "$t/piped2" && ! grep -qF "法官下沉" "$t/piped2"; then
    pass "| with Tab pipes the section only"
else
    fail "| section" "$(head -2 "$t/piped2" 2>/dev/null)"
fi

# --- N%: digits then % go that far; a digit still jumps to its section at
# once; '' returns to before the first digit
start 80 24 -- "$SAMPLES/03-heting-web.txt"
wait_for "F1 help"
T send-keys -t t l l 5 0
check "a count shows in the status line" wait_for "50…"
T send-keys -t t %
# halfway through the text: the end of the first section, before the second
if until_ok top_lacks "鹤汀区法院" && top_lacks "二、线上线下" && shows "◆ 二、线上线下联动"; then
    pass "50% goes halfway"
else
    fail "50%" "not halfway"
fi
T send-keys -t t "'" "'"
check "'' returns to before the count" wait_top "鹤汀区法院"
T send-keys -t t 1 0 0 %
check "100% goes to the end" wait_for "到位。"

# --- ESC-u clears the search highlight; n brings it back
start 80 24 -- "$SAMPLES/03-heting-web.txt"
wait_for "F1 help"
T send-keys -t t l l /
T send-keys -t t -l "回访"
T send-keys -t t Enter
wait_for "1/2"
T send-keys -t t Escape u
if wait_for "Highlight cleared" && lacks "1/2" && ! T capture-pane -e -p -t t | grep -F "回访" | grep -q '\[7m\|\[4m\|48;5'; then
    pass "ESC-u clears the highlight"
else
    fail "ESC-u" "still highlighted"
fi
T send-keys -t t n
check "n shows it again" wait_for "/2  "

# --- the browser keeps its library in the index, and a changed file shows
# as it is now
mkdir -p "$t/lib"
cp -p "$SAMPLES"/*.txt "$t/lib/"
start 120 40 -- "$t/lib"
wait_for "F1 help"
T send-keys -t t q
dead
if [ -s "$t"/.cache/courtread/index.db ]; then
    pass "the browser keeps its library in the index"
else
    fail "browser index" "no index file"
fi
sed -i '1s/.*/夯实队伍根基 锻造审判铁军/' "$t/lib/01-jichuan-team.txt"
start 120 40 -- "$t/lib"
check "a changed report shows as it is now" wait_for "锻造审判铁军"

# --- the full-text table is filled behind the browser: a library search at
# once, on a new index, lists every match (the reports not yet in the table
# are read), and quitting does not wait for the filling
mkdir -p "$t/big"
for k in $(seq 100); do
    mkdir -p "$t/big/$k"
    cp "$SAMPLES"/* "$t/big/$k/"
done
# search_big: a browser on the big library, and s 调解 at once
search_big() {
    start 120 40 XDG_CACHE_HOME="$t/cache-fill" -- "$t/big"
    wait_for "F1 help"
    T send-keys -t t s
    T send-keys -t t -l "调解"
    T send-keys -t t Enter
    wait_for "3100 matches of “调解” in 500 reports"
}
check "s at once, while the table is filled, lists every match" search_big
T send-keys -t t q q
if until_ok dead && [ "$(exit_status)" = 0 ]; then
    pass "quitting while the table is filled"
else
    fail "quit while filling" "did not quit"
fi
check "s on the table filled before lists the same matches" search_big

# --- a library search goes on between keys: its first screen of matches
# shows while the rest are searched (the status line says how far), the
# count follows, as many as --search finds; a key typed meanwhile is taken
# at once: q quits, Esc and ^C stop it, s starts another in its place. The
# library: 1,500 long reports (60 MB), searched for over half a second here
# (its list shows after some 0.03 s).
mkdir -p "$t/long"
for k in $(seq 10); do
    cat "$SAMPLES/01-jichuan-team.txt" "$SAMPLES/03-heting-web.txt" "$SAMPLES/02-cangyan-banner.txt"
done >"$t/long.txt"
awk -v d="$t/long" '{ s = s $0 "\n" } END { for (k = 1; k <= 1500; k++) { f = d "/" k ".txt"; printf "%s", s >f; close(f) } }' "$t/long.txt"
# the count a search of every report at once finds (and the index filled)
want=$(XDG_CACHE_HOME="$t/cache-long" "$BIN" --search 调解 "$t/long" | wc -l)
want2=$(XDG_CACHE_HOME="$t/cache-long" "$BIN" --search 法院 "$t/long" | wc -l)
start_long() {
    start 120 40 XDG_CACHE_HOME="$t/cache-long" -- "$t/long"
    wait_for "F1 help"
    T send-keys -t t s
    T send-keys -t t -l "$1"
}
start_long 调解
T send-keys -t t Enter
# while it goes on: one look at the screen, and looks closer together
streaming() {
    scr=$(screen)
    echo "$scr" | head -n 1 | grep -qF "matches of “调解” in" && echo "$scr" | head -n 1 | grep -qF " so far" &&
        echo "$scr" | grep -qF "[searching… " # (on the status line: nowhere else)
}
soon() { poll_every 0.01 1500 "$@"; }
check "the first screen of matches shows while the search goes on, the status line says so" soon streaming
T send-keys -t t q
check "q closes the list, the search goes on; its end says what it found" wait_for "$want matches of “调解”: R lists them"
check "... and the status line no longer says searching" until_ok lacks "[searching… "
T send-keys -t t R
check "the count: the matches --search finds ($want)" wait_for " $want matches of “调解” in 1500 reports "
T send-keys -t t G
check "the list holds them all: G goes to the last" wait_for " $want/$want"
start_long 调解
T send-keys -t t Enter q
if dead && [ "$(exit_status)" = 0 ] && [ "$(T display -p -t t '#{alternate_on}')" = 0 ]; then
    pass "q during a library search quits at once, status 0, the screen restored"
else
    fail "q during a search" "still running or the screen not restored"
fi
# (^C comes as a signal, ahead of the Enter typed before it: it is sent
# once the search is seen going on)
for key in Escape C-c; do
    start_long 调解
    if [ "$key" = C-c ]; then
        T send-keys -t t Enter
        soon status_has "[searching… "
        T send-keys -t t C-c
    else
        T send-keys -t t Enter Escape
    fi
    if wait_for "Search stopped after " && alive && lacks " $want matches of"; then
        pass "$key stops a library search going on"
    else
        fail "$key during a search" "not stopped"
    fi
done
start_long 调解
T send-keys -t t Enter s
T send-keys -t t -l 法院
T send-keys -t t Enter
check "a new library search replaces the one going on ($want2 matches of 法院)" wait_for " $want2 matches of “法院” in 1500 reports "

# --- c hides and shows the court list; + widens the focused side pane (the
# outline when the reader has the focus, as it has once the court list hid)
borders_are() { [ "$(screen | head -1 | grep -o '│' | wc -l)" = "$1" ]; }
start 120 40 -- "$SAMPLES"
wait_for "F1 help"
T send-keys -t t c
check "c hides the court list" until_ok borders_are 1
T send-keys -t t c
check "c shows it again" until_ok borders_are 2
T send-keys -t t + +
check "+ widens the outline: its title shows whole" wait_for "▸ 夯实队伍根基 锻造审判尖兵"

# --- the reading position and the last report come back
start 120 40 -- "$SAMPLES"
wait_for "F1 help"
T send-keys -t t j j Enter j ']' ']'
wait_top "聚焦司法便民"
T send-keys -t t q
dead
KEEP_STATE=1 start 120 40 -- "$SAMPLES"
check "the last report reopens at the saved position" wait_top "聚焦司法便民"
if [ -f "$state/courtread/state" ] && ! ls "$state/courtread" | grep -q tmp; then
    pass "state saved in XDG_STATE_HOME, no temporary file left"
else
    fail "state file" "missing or a temporary file left"
fi

# --- two copies at once, quitting together: each keeps its reading position
# (the second copy in a server of its own: a second session with manual
# window sizes brings tmux down)
U() { tmux -S "$t/sock-u" -f "$t/tmux.conf" "$@"; }
start 120 40 -- "$SAMPLES/02-cangyan-banner.txt"
wait_for "F1 help"
U new-session -d -s u -x 120 -y 40 \
    "env XDG_STATE_HOME=$state HOME=$t TERM=tmux-256color $BIN $SAMPLES/03-heting-web.txt; echo \$? >$t/status-u"
until_ok sh -c "tmux -S '$t/sock-u' capture-pane -p -t u | grep -qF 'F1 help'"
T send-keys -t t ']' ']'
U send-keys -t u 2
wait_top "聚焦司法便民"
until_ok sh -c "tmux -S '$t/sock-u' capture-pane -p -t u | head -1 | grep -qF '线上线下'"
T send-keys -t t q
U send-keys -t u q
dead
until_ok test -s "$t/status-u"
U kill-server 2>/dev/null
KEEP_STATE=1 start 120 40 -- "$SAMPLES/03-heting-web.txt"
check "two copies at once: the first keeps its position" wait_top "线上线下"
ln -s "$state" "$t/state$n" # the next start's KEEP_STATE: the same folder again
KEEP_STATE=1 start 120 40 -- "$SAMPLES/02-cangyan-banner.txt"
check "two copies at once: the second keeps its position" wait_top "聚焦司法便民"

# --- y shows the paragraph, a second y sends it by OSC 52 with the
# citation after it (tmux keeps it as a paste buffer); under tmux the first
# OSC 52 copy says how tmux lets it through
T send-keys -t t y
check "y shows what it will copy" wait_for "y copies this paragraph"
T send-keys -t t y
if wait_for "by OSC 52 (the terminal decides); in tmux it needs: set -g set-clipboard on" &&
    T show-buffer 2>/dev/null | tail -1 | grep -qF "——《扎根草原"; then
    pass "y y sends the paragraph and its citation by OSC 52, with the tmux hint"
else
    fail "y" "nothing copied: $(T show-buffer 2>&1 | tail -1)"
fi
T send-keys -t t j y y
if wait_for "characters by OSC 52 (the terminal decides)" && lacks "set-clipboard"; then
    pass "the tmux hint comes with the first OSC 52 copy only"
else
    fail "tmux hint" "hint repeated or no copy"
fi

# --- quoting with a copy command: v ) ) selects the heading and the first
# sentence after it, y runs the command with the quotation and the citation
mkdir -p "$t/config/courtread"
printf '[copy]\ncommand = cat >%s/copied\n' "$t" >"$t/config/courtread/config.ini"
start 120 40 -- "$SAMPLES/03-heting-web.txt"
wait_for "F1 help"
T send-keys -t t ']' v
check "v starts a selection at the top line" wait_for "-- SELECT -- 1 character"
T send-keys -t t ')' ')'
# reversed TEXT: the reader's part of the row that shows TEXT is in reverse video
reversed() { T capture-pane -e -p -t t | grep -F -- "$1" | sed 's/.*│//' | grep -q '\[7m'; }
not_reversed() { ! reversed "$1"; }
check "the selection shows reversed" until_ok reversed "开展法律咨询"
check "what is not selected is not" not_reversed "纠纷87件"
# the selection is byte offsets: resizes keep the same text selected
T resize-window -t t -x 70 -y 20
check "a resize keeps the selection" until_ok reversed "法官下沉社区"
T resize-window -t t -x 120 -y 40
T send-keys -t t y
printf '%s\n\n%s\n%s' "一、法官下沉社区" "调解室每周安排一名员额法官驻点，开展法律咨询、诉前调解和普法宣传。" \
    "——《鹤汀区法院：“家门口”的调解室让纠纷止于萌芽》，霁川市鹤汀区人民法院，2025-06-18，霁川市鹤汀区人民法院" >"$t/want"
if wait_for "Copied 41 characters with cat >" && until_ok cmp -s "$t/copied" "$t/want"; then
    pass "v ) ) y gives the command the heading, the sentence and the citation"
else
    fail "v y" "$(cat "$t/copied" 2>&1)"
fi
check "y ends the selection" until_ok not_reversed "开展法律咨询"
rm -f "$t/copied"
# y without a selection: the paragraph at the top, shown, then copied
T send-keys -t t y
check "y without a selection shows the paragraph" wait_for "y copies this paragraph (65 characters)"
T send-keys -t t y
if wait_for "Copied 65 characters" && until_ok grep -qF "指导调解纠纷87件。" "$t/copied" &&
    grep -qF "——《鹤汀区法院" "$t/copied" && ! grep -qF "一、法官下沉社区" "$t/copied"; then
    pass "y y copies the paragraph with its citation"
else
    fail "y y" "$(cat "$t/copied" 2>&1)"
fi
T send-keys -t t v l Escape
check "Esc ends a selection, nothing copied" wait_for "Selection ended; nothing copied"
# method = both: the command and OSC 52 (tmux's buffer), the citation as set
printf '[copy]\ncommand = cat >%s/copied\nmethod = both\ncitation = (%%d, %%f)\n' "$t" \
    >"$t/config/courtread/config.ini"
start 120 40 -- "$SAMPLES/03-heting-web.txt"
wait_for "F1 help"
T send-keys -t t ']' y y
if wait_for "Copied 65 characters with cat >$t/copied, and sent them by OSC 52" &&
    until_ok grep -qF "(2025-06-18, $SAMPLES/03-heting-web.txt)" "$t/copied" &&
    T show-buffer | tail -1 | grep -qF "(2025-06-18, $SAMPLES/03-heting-web.txt)"; then
    pass "method = both runs the command and sends OSC 52, with the citation's format"
else
    fail "method = both" "$(cat "$t/copied" 2>&1)"
fi
printf '[copy]\nmethod = command\n' >"$t/config/courtread/config.ini"
start 120 40 -- "$SAMPLES/03-heting-web.txt"
wait_for "F1 help"
T send-keys -t t y y
check "method = command with no command says so" \
    wait_for "Nothing copied: [copy] method is command but no [copy] command is set"
printf '[copy]\ncommand = echo no clipboard here >&2 && exit 3\ncitation =\n' >"$t/config/courtread/config.ini"
start 120 40 -- "$SAMPLES/03-heting-web.txt"
wait_for "F1 help"
T send-keys -t t y y
check "a failing command is told with its status and its words" \
    wait_for "failed: exit status 3: no clipboard here"
rm -f "$t/config/courtread/config.ini"

# --- SIGTERM restores the terminal and saves
pid=$(app_pid)
T send-keys -t t '['
kill -TERM "$pid"
if dead && ! screen | grep -qF "F1 help" && [ "$(exit_status)" = 143 ]; then
    pass "SIGTERM restores the terminal, status 143"
else
    fail "SIGTERM" "still running"
fi

# --- a key redraws only what changed: a fraction of a full repaint (^L)
start 120 40 -- "$SAMPLES"
wait_for "F1 help"
T pipe-pane -o -t t "cat >>$t/bytes"
sleep 0.2
T send-keys -t t j
sleep 0.3
key=$(wc -c <"$t/bytes")
: >"$t/bytes"
T send-keys -t t C-l
sleep 0.3
full=$(wc -c <"$t/bytes")
if [ "$key" -gt 0 ] && [ $((key * 10)) -lt "$full" ]; then
    pass "j sends $key bytes, a full repaint $full"
else
    fail "minimal redraw" "j sent $key bytes, a full repaint $full"
fi

# --- waiting for a key costs no CPU
start 120 40 -- "$SAMPLES"
wait_for "F1 help"
pid=$(app_pid)
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(ticks)
sleep 1
after=$(ticks)
if [ $((after - before)) -le 2 ]; then pass "idle: $((after - before)) CPU ticks in a second"; else
    fail "idle" "$((after - before)) CPU ticks in a second"
fi

# --- the terminal vanishes: the process is gone within a second
start 120 40 -- "$SAMPLES"
wait_for "F1 help"
pid=$(app_pid)
T kill-server
gone=no
for _ in $(seq 20); do
    # gone, or a zombie nobody reaps (the tmux server, its parent, is gone)
    case $(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) in "" | Z) gone=yes; break ;; esac
    sleep 0.05
done
if [ $gone = yes ]; then pass "gone within a second of the terminal"; else
    fail "terminal vanished" "pid $pid still running"
    kill -9 "$pid" 2>/dev/null
fi

# --- colours: the default theme has them, NO_COLOR and vt100 do not
start 120 40 -- "$SAMPLES"
wait_for "F1 help"
check "the default theme uses 256 colours" sh -c "tmux -S '$t/sock$n' capture-pane -e -p -t t | grep -q '38;5;'"
start 120 40 NO_COLOR=1 -- "$SAMPLES"
wait_for "F1 help"
if ! T capture-pane -e -p -t t | grep -q '38;5;\|\[3[0-7]m'; then pass "NO_COLOR draws no colour"; else
    fail "NO_COLOR" "colour escapes found"
fi
for term in xterm vt100 screen-256color xterm-256color; do
    start 120 40 TERM=$term -- "$SAMPLES"
    check "TERM=$term shows the courts" wait_for "霁川市中级人民法院"
done

# --- a bad theme and a bad config key start with a message
printf '[title]\nfg = purpleish\n' >"$t/bad.ini"
start 120 40 -- --theme "$t/bad.ini" "$SAMPLES"
check "a bad theme colour starts with a message" wait_for "bad.ini:2: 'title:fg': 'purpleish' is not a colour"
mkdir -p "$t/config/courtread"
printf '[display]\nfrobnicate = 1\n' >"$t/config/courtread/config.ini"
start 120 40 -- "$SAMPLES"
if wait_for "config.ini:2: unknown key 'display:frobnicate'" && screen | grep -qF "F1 help"; then
    pass "a bad config key starts with a message"
else
    fail "bad config" "no message"
fi
rm -f "$t/config/courtread/config.ini"

# --- a config with a bad line: the line is named and skipped, the rest (the
# library) applies; an unknown theme falls back to the default one
mkdir -p "$t/mylib"
printf '潆溪法庭巡回审判\n\n今天上午，潆溪法庭在集市上开庭审理了一起借款纠纷。\n' >"$t/mylib/a.txt"
printf '[display]\nindent = 2\nthis line is junk\n[general]\nlibrary = %s\n' "$t/mylib" \
    >"$t/config/courtread/config.ini"
start 120 40 --
if wait_for "config.ini:3: 'this line is junk': not a key = value" && shows "潆溪法庭巡回审判"; then
    pass "a config with a bad line names it and still applies its library setting"
else
    fail "forgiving config" "no message for line 3, or the library not opened"
fi
printf '[general]\ntheme = solarised\nlibrary = %s\n' "$t/mylib" >"$t/config/courtread/config.ini"
start 120 40 --
if wait_for "solarised: no such theme; using the default theme" &&
    T capture-pane -e -p -t t | grep -q '38;5;'; then
    pass "an unknown theme falls back to the default theme with a message"
else
    fail "unknown theme" "no message or no colours"
fi
rm -f "$t/config/courtread/config.ini"

# --- a report on standard input: read from it, keys from the terminal
printf '潆溪法庭巡回审判\n\n今天上午，潆溪法庭在集市上开庭审理了一起借款纠纷。\n' >"$t/piped.txt"
start 100 30 -- - "<" "$t/piped.txt"
if wait_for "潆溪法庭巡回审判" && shows "在集市上开庭"; then
    T send-keys -t t q
    if until_ok dead && [ "$(exit_status)" = 0 ]; then
        pass "a report on standard input is shown, and q quits"
    else
        fail "standard input" "q did not quit"
    fi
else
    fail "standard input" "the report is not shown"
fi

# --- a crash restores the terminal: the normal screen, no mouse reports
start 100 30 -- "$SAMPLES"
if wait_for "F1 help" && [ "$(T display -p -t t '#{alternate_on}')" = 1 ]; then
    kill -SEGV "$(app_pid)"
    if dead && [ "$(T display -p -t t '#{alternate_on}')" = 0 ] &&
        [ "$(T display -p -t t '#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}')" = 000 ]; then
        pass "a crash leaves the terminal as it was"
    else
        fail "a crash" "alternate $(T display -p -t t '#{alternate_on}') mouse $(T display -p -t t '#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}')"
    fi
else
    fail "a crash" "the browser did not start in the alternate screen"
fi
