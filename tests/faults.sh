#!/bin/sh
# tests/faults.sh: courtread killed at any moment, and a full disk. What it
# saved before is never lost or left half written: the state file and the
# library index are whole after every SIGKILL, and a disk with no room makes
# a message, not a damaged file.
BIN=${BIN:-./courtread}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
t=$(mktemp -d)
. tests/reap.sh
trap 'reap "$t/home"; umount "$t/full" 2>/dev/null; rm -rf "$t"' EXIT
export XDG_CONFIG_HOME="$t/noconfig" HOME="$t/home"

pass() { echo "PASS faults: $1"; }
fail() { echo "FAIL faults: $1: $2"; }
skip() { echo "SKIP faults: $1: $2"; }

# A library of the samples, old enough for the index to trust their time.
mkdir -p "$t/lib"
cp samples/*.txt "$t/lib/"
touch -d '2020-01-01' "$t/lib"/*.txt

# --- --search killed while it writes the index, at twenty moments: the
# next run finds a whole index, and gives what a fresh run gives
XDG_CACHE_HOME="$t/fresh" "$BIN" --search 法官 "$t/lib" >"$t/want" 2>&1
ok=1
i=0
while [ $i -lt 20 ]; do
    rm -rf "$t/killed"
    XDG_CACHE_HOME="$t/killed" "$BIN" --search 法官 "$t/lib" >/dev/null 2>&1 &
    pid=$!
    sleep "0.00$i"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    XDG_CACHE_HOME="$t/killed" "$BIN" --search 法官 "$t/lib" >"$t/got" 2>&1
    XDG_CACHE_HOME="$t/killed" "$BIN" --search 法官 "$t/lib" >"$t/got2" 2>&1
    if ! cmp -s "$t/want" "$t/got" || ! cmp -s "$t/want" "$t/got2"; then
        ok=0
        fail "--search killed at $i ms" "$(diff "$t/want" "$t/got" | head -3)"
        break
    fi
    i=$((i + 1))
done
[ $ok = 1 ] && pass "--search killed at twenty moments: the index is whole"

# --- the browser killed at random moments while it saves: the state file
# is always one whole file (every line a position or the last report)
if command -v tmux >/dev/null 2>&1; then
    T() { tmux -L courtread-faults "$@"; }
    ok=1
    i=0
    while [ $i -lt 8 ]; do
        T kill-server 2>/dev/null
        T new-session -d -s f -x 100 -y 30 \
            "env XDG_STATE_HOME=$t/state TERM=tmux-256color $BIN $t/lib"
        sleep 0.5
        T send-keys -t f j j Enter j j j
        sleep 0.2
        pid=$(T display -p -t f '#{pane_pid}')
        T send-keys -t f q
        sleep "0.0$i"
        kill -9 "$pid" 2>/dev/null
        sleep 0.2
        f="$t/state/courtread/state"
        if [ -f "$f" ] && ! awk -F '\t' '/^#/ || ($1 == "last" && NF == 2) || ($1 == "pos" && NF == 3 && $2 ~ /^[0-9]+$/) { next } { exit 1 }' "$f"; then
            ok=0
            fail "browser killed at $i" "a damaged state file: $(head -3 "$f")"
            break
        fi
        i=$((i + 1))
    done
    T kill-server 2>/dev/null
    [ $ok = 1 ] && pass "the browser killed while it saves: the state file stays whole"
else
    skip "browser killed while it saves" "no tmux"
fi

# --- a full disk: a small tmpfs (when this user may mount one)
mkdir -p "$t/full"
if mount -t tmpfs -o size=48k tmpfs "$t/full" 2>/dev/null; then
    mkdir -p "$t/full/state/courtread"
    printf '# courtread state: the last report open, then reading positions\nlast\t/r/a.txt\npos\t42\t/r/a.txt\n' \
        >"$t/full/state/courtread/state"
    cp "$t/full/state/courtread/state" "$t/state-before"
    head -c 60000 /dev/zero >"$t/full/filler" 2>/dev/null # the disk is full now
    XDG_CACHE_HOME="$t/full/cache" "$BIN" --search 法官 "$t/lib" >"$t/got" 2>"$t/err"
    if cmp -s "$t/want" "$t/got" && [ "$(wc -l <"$t/err")" = 1 ] && grep -q 'full' "$t/err"; then
        pass "a full disk: --search answers, and says once why there is no index"
    else
        fail "full disk, --search" "$(cat "$t/err"; ls "$t/full/cache/courtread/" 2>/dev/null)"
    fi
    # whatever the full disk left of the index is no damaged file
    XDG_CACHE_HOME="$t/full/cache" "$BIN" --search 法官 "$t/lib" >"$t/got" 2>"$t/err"
    if cmp -s "$t/want" "$t/got" && ! grep -q damaged "$t/err"; then
        pass "a full disk: what it left of the index is whole"
    else
        fail "full disk, after" "$(cat "$t/err")"
    fi
    if command -v tmux >/dev/null 2>&1; then # the browser saves on a full disk
        T kill-server 2>/dev/null
        T new-session -d -s f -x 100 -y 30 \
            "env XDG_STATE_HOME=$t/full/state TERM=tmux-256color $BIN $t/lib 2>$t/full-err; echo \$? >$t/full-status"
        sleep 0.5
        T send-keys -t f j j Enter j j j
        sleep 0.2
        T send-keys -t f q
        for _ in 1 2 3 4 5 6 7 8 9 10; do [ -s "$t/full-status" ] && break; sleep 0.3; done
        T kill-server 2>/dev/null
        if cmp -s "$t/state-before" "$t/full/state/courtread/state" &&
            grep -q "cannot save the reading position" "$t/full-err" &&
            ! ls "$t/full/state/courtread/" | grep -q tmp; then
            pass "a full disk: the browser says it cannot save, and the saved positions are kept"
        else
            fail "full disk, state" "$(cat "$t/full-err"; ls "$t/full/state/courtread/")"
        fi
    else
        skip "a full disk, the browser" "no tmux"
    fi
    umount "$t/full"
else
    skip "a full disk" "cannot mount a tmpfs here (not root, or no permission)"
fi
