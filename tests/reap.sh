# tests/reap.sh: sourced by the tests that start the browser in tmux.
# reap MARK: SIGKILL every process whose environment holds MARK (the test's
# own temporary directory), so that nothing a test started outlives it. A
# sanitizer build can hang in LeakSanitizer's exit check once its terminal
# is gone (seen: three such at 35% CPU each after a day of test runs).
reap() {
    for e in /proc/[0-9]*/environ; do
        if grep -qaF "$1" "$e" 2>/dev/null; then
            p=${e#/proc/}
            kill -9 "${p%/environ}" 2>/dev/null
        fi
    done
}
