#!/usr/bin/env python3
"""tests/keybench.py BIN DIR: keystroke to repaint in the browser (make bench).

The browser runs in tmux on DIR (a 200x50 pane, its own state, config and
cache). A tmux client in control mode (tmux -C) is told each pane output as
it is written, so the time from sending a key to the last byte of the
repaint it causes is measured to a fraction of a millisecond, without
polling the screen. Prints one line per kind of key (its median and its
slowest), then "keystroke to repaint: …" for the slowest median. Not a test:
figures only (the machine may be busy).
"""
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

QUIET = 0.05  # no output for this long: the repaint is over
ROUNDS = int(os.environ.get("KEY_ROUNDS", "20"))
# (key as send-keys takes it, what it does, the key that undoes it)
KEYS = [
    ("j", "next line of the focused list", "k"),
    ("J", "next report", "K"),
    ("Tab", "focus the next pane", "BTab"),
    ("Space", "a page down in the reader", "b"),
]


class Client:
    """A tmux control-mode client: commands in, %output notifications out."""

    def __init__(self, tmux, env):
        self.p = subprocess.Popen(tmux + ["-C", "attach", "-t", "k"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, env=env)
        self.buf = b""

    def send(self, command):
        self.p.stdin.write(command.encode() + b"\n")
        self.p.stdin.flush()

    def lines(self, timeout):
        """The lines that arrive within timeout seconds, each with its time."""
        got = []
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return got
            r, _, _ = select.select([self.p.stdout], [], [], left)
            if not r:
                return got
            chunk = os.read(self.p.stdout.fileno(), 65536)
            if not chunk:
                return got
            now = time.monotonic()
            self.buf += chunk
            while b"\n" in self.buf:
                line, self.buf = self.buf.split(b"\n", 1)
                got.append((now, line))

    def until_quiet(self, quiet, limit):
        """The time of the last pane output before quiet seconds with nothing
        from tmux (limit seconds at most), or None when there was none."""
        last = None
        end = time.monotonic() + limit
        while time.monotonic() < end:
            got = self.lines(quiet)
            if not got:
                return last
            outputs = [t for t, line in got if line.startswith(b"%output")]
            if outputs:
                last = outputs[-1]
        return last

    def close(self):
        self.p.stdin.close()
        self.p.wait(timeout=5)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: keybench.py BIN DIR")
    binary, library = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    if not shutil.which("tmux"):
        print("keystroke to repaint: not measured (no tmux)")
        return
    tmp = tempfile.mkdtemp()
    conf = os.path.join(tmp, "tmux.conf")
    with open(conf, "w") as f:
        f.write("set -g status off\nset -g escape-time 0\n")
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    tmux = ["tmux", "-S", os.path.join(tmp, "sock"), "-f", conf]
    command = (f"env XDG_STATE_HOME={tmp}/state XDG_CONFIG_HOME={tmp}/config "
               f"XDG_CACHE_HOME={tmp}/cache HOME={tmp} TERM=tmux-256color {binary} {library}")
    try:
        begun = time.monotonic()
        subprocess.run(tmux + ["new-session", "-d", "-s", "k", "-x", "200", "-y", "50", command],
                       env=env, check=True)
        c = Client(tmux, env)
        # the first screen (a large library takes a while to load), then a
        # second of quiet
        first = None
        while first is None:
            first = next((t for t, line in c.lines(1.0) if line.startswith(b"%output")), None)
            if first is None and time.monotonic() - begun > 120:
                print("keystroke to repaint: not measured (the browser showed nothing)")
                return
        done = c.until_quiet(1.0, 60) or first
        print(f"  the first screen: {done - begun:.2f} s after the start")
        worst = 0.0
        for key, what, back in KEYS:
            times = []
            for i in range(ROUNDS):
                k = key if i % 2 == 0 else back
                sent = time.monotonic()
                c.send(f"send-keys -t k {k}")
                last = c.until_quiet(QUIET, 5)
                if last is not None:
                    times.append((last - sent) * 1000)
            if not times:
                print(f"  {key:5} ({what}): no repaint")
                continue
            med = statistics.median(times)
            worst = max(worst, med)
            print(f"  {key:5} ({what}): median {med:.2f} ms, slowest {max(times):.2f} ms")
        print(f"keystroke to repaint: {worst:.2f} ms, the slowest median (target < 5 ms)")
        c.send("kill-server")
        c.close()
    finally:
        subprocess.run(tmux + ["kill-server"], stderr=subprocess.DEVNULL, env=env)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
