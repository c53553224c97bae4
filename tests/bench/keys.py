#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/bench/keys.py: the dashboard in a pty of 80x24: how long each key takes to answer and how many bytes it writes.
#   tests/bench/keys.py [--settle MS] [--out FILE] KEY... -- CMD...
# Starts CMD with TERM=xterm-256color, waits for its first screen, then sends each KEY in turn
# (Python escapes: '\r' Enter, '\x1b' Esc, '\x1b[B' Down; a KEY of 'type:TEXT' sends TEXT at once) and
# prints a line per step: the key, the milliseconds from sending it to the last byte of the answer
# (the answer ends when nothing more comes for --settle ms, default 250), and the bytes written.
# The first line is the start: from exec to the last byte of the first screen.  --out FILE: every
# byte the program wrote, as it wrote them, into FILE.
import os, pty, select, struct, sys, termios, fcntl, time

def main():
    settle, out = 0.25, None
    args = sys.argv[1:]
    while args[:1] in (["--settle"], ["--out"]) and len(args) > 1:
        if args[0] == "--settle":
            settle = float(args[1]) / 1000
        else:
            out = open(args[1], "wb")
        args = args[2:]
    if "--" not in args:
        sys.exit("usage: keys.py [--settle MS] [--out FILE] KEY... -- CMD...")
    keys, cmd = args[:args.index("--")], args[args.index("--") + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execvp(cmd[0], cmd)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    os.kill(pid, 28)  # SIGWINCH: the size is set after the fork

    def answer(t0, first_wait=10.0):
        n, last = 0, None
        while True:
            r, _, _ = select.select([fd], [], [], settle if last else first_wait)
            if not r:
                return ((last - t0) * 1000 if last else -1), n
            try:
                data = os.read(fd, 65536)
            except OSError:
                return ((last - t0) * 1000 if last else -1), n
            if not data:
                return ((last - t0) * 1000 if last else -1), n
            n += len(data)
            last = time.monotonic()
            if out:
                out.write(data)

    t0 = time.monotonic()
    ms, n = answer(t0)
    print("%-12s %8.1f ms %7d bytes" % ("start", ms, n))
    for k in keys:
        text = k[5:] if k.startswith("type:") else k.encode().decode("unicode_escape")
        t0 = time.monotonic()
        os.write(fd, text.encode())
        ms, n = answer(t0)
        print("%-12s %8.1f ms %7d bytes" % (k, ms, n))
    os.write(fd, b"q")
    answer(time.monotonic(), 2.0)
    try:
        os.kill(pid, 15)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)

main()
