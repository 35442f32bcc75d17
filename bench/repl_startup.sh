#!/usr/bin/env bash
# repl_startup.sh — time from starting `toy` (no arguments, on a terminal) to its first `>>> `
# prompt. Target: median <= 0.6 s. A benchmark, not a test: the machines are noisy, so it
# reports the median of several runs. Each run gets a fresh pseudo-terminal (python3's pty
# module), waits for the prompt, then sends Ctrl-D so the REPL exits normally.
#
#   bench/repl_startup.sh [RUNS]      (default 7)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-7}"

# Build the jar and the class-data-sharing archive first, so no run pays for them.
"$here/toy" -c pass >/dev/null

TOY_HISTORY="$(mktemp)" python3 - "$here/toy" "$runs" <<'PY'
import fcntl, os, pty, select, statistics, struct, sys, termios, time

toy, runs = sys.argv[1], int(sys.argv[2])
TARGET = 0.6

def time_to_prompt():
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        # A new pty is 0x0; JLine would shorten the prompt to fit. Give it a normal 80x24 screen.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.execv(toy, [toy])
    seen = b""
    try:
        while b">>> " not in seen:
            ready, _, _ = select.select([fd], [], [], 10)
            if not ready:
                raise SystemExit("no prompt after 10 s; the screen so far: %r" % seen)
            seen += os.read(fd, 4096)
        elapsed = time.perf_counter() - start
        os.write(fd, b"\x04")  # Ctrl-D: leave the REPL
        os.waitpid(pid, 0)
        return elapsed
    finally:
        os.close(fd)

times = [time_to_prompt() for _ in range(runs)]
median = statistics.median(times)
print("toy REPL, time to first prompt over %d runs: median %.3f s (min %.3f, max %.3f); target <= %.1f s: %s"
      % (runs, median, min(times), max(times), TARGET, "ok" if median <= TARGET else "SLOWER"))
PY
