#!/usr/bin/env python3
"""What JVM flags cost a Toy child: boot time, CPU time and RSS of a child interpreter.

Usage:
    python3 bench/processes/child_boot.py [--rounds N]      (run ./toy once first: it builds the
                                                             jar and the CDS archives)

Launches org.toy.process.ChildMain under each flag set, the sets interleaved, N rounds (default
5), and waits until the child has booted (its lifeline thread runs, as a warm spare's does),
then reads its CPU time (utime+stime in /proc/PID/stat) and VmRSS, closes its stdin (the child
ends) and prints medians. CPU time is the figure to compare on a loaded machine: wall time
there is mostly waiting for a core.
"""

import argparse
import os
import statistics
import subprocess
import time
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent.parent / "target"
JAR = str(TARGET / "toy.jar")
QUIET = ["-Xlog:cds=off", "-Xlog:cds+dynamic=off"]
BASE = ["-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto"] + QUIET
CHILD_JSA = "-XX:SharedArchiveFile=" + str(TARGET / "toy-child.jsa")
PARENT_JSA = "-XX:SharedArchiveFile=" + str(TARGET / "toy.jsa")
C1 = "-XX:TieredStopAtLevel=1"
ONE_C1 = "-XX:CICompilerCount=1"
# Spawn's command line, then one change at a time.
CONFIGS = {
    "as Spawn does": BASE + [C1, ONE_C1, CHILD_JSA],
    "2 compiler threads": BASE + [C1, CHILD_JSA],
    "launcher's CDS archive": BASE + [C1, ONE_C1, PARENT_JSA],
    "JDK CDS only": BASE + [C1, ONE_C1],
    "-Xshare:off": ["-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:off", C1, ONE_C1],
    "C1+C2 (no TieredStopAtLevel)": BASE + [CHILD_JSA],
    "-Xint": BASE + ["-Xint", CHILD_JSA],
    "-Xss256k": BASE + [C1, ONE_C1, CHILD_JSA, "-Xss256k"],
    "-Xmx256m": BASE + [C1, ONE_C1, CHILD_JSA, "-Xmx256m"],
    "-Xmn8m": BASE + [C1, ONE_C1, CHILD_JSA, "-Xmn8m"],
    "G1 instead of Serial": ["-XX:+UseG1GC", "-XX:-UsePerfData", "-Xshare:auto"] + QUIET + [C1, ONE_C1, CHILD_JSA],
}


def cpu_ms(pid):
    stat = open(f"/proc/{pid}/stat").read()
    fields = stat[stat.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def booted(pid):
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            if open(f"/proc/{pid}/task/{task}/comm").read().strip() == "toy-lifeline":
                return True
    except OSError:
        pass
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    results = {name: [] for name in CONFIGS}
    for _ in range(args.rounds):
        for name, flags in CONFIGS.items():
            t0 = time.perf_counter()
            p = subprocess.Popen(["java"] + flags + ["-cp", JAR, "org.toy.process.ChildMain"],
                                 stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            while not booted(p.pid):
                if p.poll() is not None:
                    raise SystemExit(f"{name}: the child exited with {p.returncode} before it booted")
                time.sleep(0.002)
            wall = (time.perf_counter() - t0) * 1000
            time.sleep(0.3)   # idle, as a spare waits
            results[name].append((wall, cpu_ms(p.pid), rss_mb(p.pid)))
            p.stdin.close()
            p.wait(30)
    print(f"child boot to ready, medians of {args.rounds}")
    print(f"{'flags':<32} {'wall ms':>8} {'cpu ms':>7} {'RSS MB':>7}")
    for name, rows in results.items():
        print(f"{name:<32} {statistics.median(r[0] for r in rows):>8.0f} "
              f"{statistics.median(r[1] for r in rows):>7.0f} {statistics.median(r[2] for r in rows):>7.1f}")


if __name__ == "__main__":
    main()
