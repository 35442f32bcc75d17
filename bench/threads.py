#!/usr/bin/env python3
"""Threads and GIL benchmark: Toy versus CPython on the programs in bench/threads/*.py.

Usage:
    python3 bench/threads.py [--rounds N] [--toy PATH] [--python PYTHON]
                             [--only NAME,...] [--timeout SECONDS]

Each program is valid Python and valid Toy; it prints lines ``metric NAME VALUE``.
Toy and CPython run alternately (toy, python, toy, python, ...) for N rounds,
and every figure reported is the median over the rounds.  The table shows both
medians, Toy/CPython, and the issue's target for Toy where there is one:

    CPU threads / sequential wall        0.9 - 1.2   (GIL serialisation reproduced)
    10 sleeping threads / one sleep      <= 1.2
    thread start + join                  <= CPython's
    switch rate x interval               0.7 - 1.3   (within 30% of 1/interval)
    single thread with an idle thread    <= 1.03     (the GIL's cost on one thread)

Only the standard library is used; the child runner is bench/run.py's.
"""

import argparse
import statistics
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))
import run as base  # noqa: E402  (bench/run.py: run_child, log)

PROGRAMS = ["cpu_bound", "io_bound", "start_join", "switch_rate", "convoy",
            "lock_uncontended", "single_thread_cost"]

# metric -> (low, high, compare-to-cpython?) for Toy's own figure; None bounds are open.
TARGETS = {
    "cpu_2threads_over_seq": (0.9, 1.2, False),
    "cpu_4threads_over_seq": (0.9, 1.2, False),
    "sleep_threads_over_one_sleep": (None, 1.2, False),
    "start_join_us": (None, None, True),
    "switch_rate_over_target_at_1ms": (0.7, 1.3, False),
    "switch_rate_over_target_at_5ms": (0.7, 1.3, False),
    "switch_rate_over_target_at_50ms": (0.7, 1.3, False),
    "fib_idle_over_alone": (None, 1.03, False),
    "loop_idle_over_alone": (None, 1.03, False),
}


def metrics(stdout):
    found = {}
    for line in stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "metric":
            found[parts[1]] = float(parts[2])
    return found


def verdict(name, toy, py):
    if name not in TARGETS or toy is None:
        return ""
    low, high, vs_cpython = TARGETS[name]
    if vs_cpython:
        return "ok" if py is not None and toy <= py else "MISS (> CPython)"
    if low is not None and toy < low:
        return "MISS (< %g)" % low
    if high is not None and toy > high:
        return "MISS (> %g)" % high
    return "ok"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--toy", default=str(BENCH_DIR.parent / "toy"))
    ap.add_argument("--python", default="python3")
    ap.add_argument("--only", default="")
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()
    names = [n for n in PROGRAMS if not args.only or n in args.only.split(",")]
    rows = []
    misses = 0
    for name in names:
        path = BENCH_DIR / "threads" / (name + ".py")
        samples = {"toy": {}, "py": {}}
        for r in range(args.rounds):
            for who, cmd in (("toy", [args.toy, str(path)]), ("py", [args.python, str(path)])):
                res = base.run_child(cmd, args.timeout)
                if not res.ok:
                    base.log("%s %s round %d FAILED: %s" % (who, name, r + 1, res.first_stderr_line()))
                    continue
                for k, v in metrics(res.stdout).items():
                    samples[who].setdefault(k, []).append(v)
            base.log("%s: round %d/%d done" % (name, r + 1, args.rounds))
        keys = list(samples["py"]) + [k for k in samples["toy"] if k not in samples["py"]]
        for k in keys:
            toy = statistics.median(samples["toy"][k]) if samples["toy"].get(k) else None
            py = statistics.median(samples["py"][k]) if samples["py"].get(k) else None
            v = verdict(k, toy, py)
            misses += v.startswith("MISS")
            rows.append((k, toy, py, v))
    print("| metric | Toy | CPython | Toy/CPython | target |")
    print("|---|---:|---:|---:|---|")
    for k, toy, py, v in rows:
        ratio = toy / py if toy is not None and py else None
        print("| %s | %s | %s | %s | %s |" % (k, base.fmt(toy, ".4g"), base.fmt(py, ".4g"), base.fmt(ratio, ".2f"), v))
    print("\nmedians of %d rounds; %d target(s) missed" % (args.rounds, misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
