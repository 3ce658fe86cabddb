#!/usr/bin/env python3
"""tests/keybench.py BIN DIR [CACHE]: the browser's first screen, its memory
and keystroke to repaint (make bench).

The browser runs in tmux on DIR (a 200x50 pane, its own state and config):
first with an empty cache (the first run on a library: parse and index),
then with CACHE as its XDG_CACHE_HOME (a warm index; without CACHE, the
cache the first run left). A tmux client in control mode (tmux -C) is told
each pane output as it is written, so the time from sending a key to the
last byte of the repaint it causes is measured to a fraction of a
millisecond, without polling the screen. Prints the first screen of each
run and its peak memory (VmHWM of the courtread process, as a ratio to the
library's bytes), one line per kind of key (its median and its slowest),
then "keystroke to repaint: …" for the slowest median. Not a test: figures
only (the machine may be busy).
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


def library_bytes(library):
    """The bytes of the reports the browser reads in library."""
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(library)
               for f in files if f.endswith((".txt", ".md")))


def peak_kb(pid, binary):
    """VmHWM (peak resident memory, KB) of the courtread process: pid (the
    pane's) or one of its descendants; None when it is gone."""
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            if os.path.realpath(f"/proc/{p}/exe") == binary:
                with open(f"/proc/{p}/status") as f:
                    return next(int(l.split()[1]) for l in f if l.startswith("VmHWM:"))
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo += f.read().split()
        except (OSError, StopIteration):
            pass
    return None


class Browser:
    """The browser on library in a tmux server of its own, with cache as its
    XDG_CACHE_HOME; .first is the seconds from the start to the end of the
    first screen (None when it showed nothing)."""

    def __init__(self, tmp, name, binary, library, cache):
        conf = os.path.join(tmp, "tmux.conf")
        with open(conf, "w") as f:
            f.write("set -g status off\nset -g escape-time 0\n")
        self.env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        self.tmux = ["tmux", "-S", os.path.join(tmp, name), "-f", conf]
        self.binary = binary
        # exec: the pane's process is courtread itself (its memory is read);
        # a state of its own (the place the first run saved would change
        # what the keys do)
        command = (f"exec env XDG_STATE_HOME={tmp}/{name}-state XDG_CONFIG_HOME={tmp}/config "
                   f"XDG_CACHE_HOME={cache} HOME={tmp} TERM=tmux-256color {binary} {library}")
        begun = time.monotonic()
        subprocess.run(self.tmux + ["new-session", "-d", "-s", "k", "-x", "200", "-y", "50", command],
                       env=self.env, check=True)
        self.client = Client(self.tmux, self.env)
        # the first screen (a large library takes a while to load), then a
        # second of quiet
        first = None
        while first is None and time.monotonic() - begun < 600:
            first = next((t for t, line in self.client.lines(1.0) if line.startswith(b"%output")),
                         None)
        self.first = None
        if first is not None:
            self.first = (self.client.until_quiet(1.0, 600) or first) - begun

    def peak_kb(self):
        out = subprocess.run(self.tmux + ["display-message", "-p", "-t", "k", "#{pane_pid}"],
                             env=self.env, capture_output=True, text=True).stdout.strip()
        return peak_kb(int(out), self.binary) if out.isdigit() else None

    def close(self):
        self.client.send("kill-server")
        self.client.close()


def memory(kb, size):
    if kb is None:
        return "peak memory not read"
    return f"peak memory {kb / 1024:.1f} MB = {kb * 1024 / size:.3f} x library"


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: keybench.py BIN DIR [CACHE]")
    binary, library = os.path.realpath(sys.argv[1]), os.path.abspath(sys.argv[2])
    if not shutil.which("tmux"):
        print("keystroke to repaint: not measured (no tmux)")
        return
    size = library_bytes(library) or 1
    tmp = tempfile.mkdtemp()
    cold = warm = None
    try:
        cold = Browser(tmp, "cold", binary, library, os.path.join(tmp, "cache"))
        if cold.first is None:
            print("browser: not measured (it showed nothing)")
            return
        print(f"browser, first run (empty cache): the first screen {cold.first:.2f} s, "
              f"{memory(cold.peak_kb(), size)}")
        cold.close()
        cold = None
        cache = os.path.abspath(sys.argv[3]) if len(sys.argv) == 4 else os.path.join(tmp, "cache")
        warm = Browser(tmp, "warm", binary, library, cache)
        if warm.first is None:
            print("browser: not measured (it showed nothing)")
            return
        print(f"browser, second run (warm index): the first screen {warm.first:.2f} s  "
              f"target < 1 s at 100,000 reports")
        c = warm.client
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
        print(f"browser, second run, after the keys: {memory(warm.peak_kb(), size)}  "
              f"target < 0.3 x library")
    finally:
        for b in (cold, warm):
            if b is not None:
                b.close()
        for name in ("cold", "warm"):  # a server left by a start that failed
            subprocess.run(["tmux", "-S", os.path.join(tmp, name), "kill-server"],
                           stderr=subprocess.DEVNULL)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
