#!/usr/bin/env python3
"""Process start-up benchmark: Toy versus CPython 3.11, side by side, in one run.

Usage:
    python3 bench/processes/run.py [--rounds N] [--pause SECONDS] [--cold]

For each start method (fork, spawn, forkserver) it runs start_join.toy under Toy and under
python3 alternately, N rounds (default 3). Each run prints the median of 10 start+join after one
warm-up; the table shows the median of those medians. Two rows per method: back to back (the
next start comes right after the previous join) and with a pause before each start (outside the
timing; default 0.3 s), which is the case of a program that does something between starts.
--cold adds Toy with TOY_SPARE=0 (every child a cold JVM), to show what the warm spare buys.
Then idle_rss.toy: the VmRSS of an idle child, and of the parent's other children.
Only the standard library is used; the Toy launcher is ./toy beside bench/.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOY = str(HERE.parent.parent / "toy")
METHODS = ["fork", "spawn", "forkserver"]


def run(cmd, env=None):
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env)
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({out.returncode}): {out.stderr.strip()[-500:]}")
    return out.stdout


def field(text, name):
    m = re.search(name + r" (\S+)", text)
    return float(m.group(1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--pause", type=float, default=0.3)
    ap.add_argument("--cold", action="store_true")
    args = ap.parse_args()
    cold_env = dict(os.environ, TOY_SPARE="0")
    bench = str(HERE / "start_join.toy")
    rows = []
    for method in METHODS:
        for pause in (0.0, args.pause):
            toy, py, cold = [], [], []
            for _ in range(args.rounds):
                toy.append(field(run([TOY, bench, method, str(pause)]), "median_ms"))
                py.append(field(run([sys.executable, bench, method, str(pause)]), "median_ms"))
                if args.cold:
                    cold.append(field(run([TOY, bench, method, str(pause)], cold_env), "median_ms"))
            rows.append((method, pause, statistics.median(toy), statistics.median(py),
                         statistics.median(cold) if cold else None))
    print(f"start+join, ms (median of {args.rounds} runs x median of 10)")
    print(f"{'method':<11} {'pause s':>7} {'Toy':>8} {'CPython':>8} {'ratio':>6}" + (f" {'Toy cold':>9}" if args.cold else ""))
    for method, pause, t, p, c in rows:
        line = f"{method:<11} {pause:>7.1f} {t:>8.1f} {p:>8.1f} {t / p:>6.2f}"
        if c is not None:
            line += f" {c:>9.1f}"
        print(line)
    rss = str(HERE / "idle_rss.toy")
    print("\nidle child RSS, MB (median of runs); others = how many other children the parent has, their total RSS")
    print(f"{'method':<11} {'Toy':>6} {'others':>14} {'CPython':>8} {'others':>14}")
    for method in METHODS:
        tr, to, pr, po = [], [], [], []
        for _ in range(args.rounds):
            t = run([TOY, rss, method])
            p = run([sys.executable, rss, method])
            tr.append(field(t, "child_mb"))
            to.append((int(field(t, "others")), field(t, "others_mb")))
            pr.append(field(p, "child_mb"))
            po.append((int(field(p, "others")), field(p, "others_mb")))
        tn, tm = sorted(to)[len(to) // 2]
        pn, pm = sorted(po)[len(po) // 2]
        print(f"{method:<11} {statistics.median(tr):>6.1f} {f'{tn}: {tm:.1f}':>14} {statistics.median(pr):>8.1f} {f'{pn}: {pm:.1f}':>14}")


if __name__ == "__main__":
    main()
