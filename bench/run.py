#!/usr/bin/env python3
"""Benchmark runner: Toy versus CPython on the workloads in bench/*.toy.

Usage:
    python3 bench/run.py [--rounds N] [--toy PATH_TO_TOY_LAUNCHER]
                         [--only NAME,...] [--json OUT]
                         [--python PYTHON] [--timeout SECONDS] [--no-startup]

For every workload it runs Toy and CPython alternately (toy, python, toy,
python, ...) for N rounds.  From each run it takes

  * the in-process time printed by the workload on its final line
    ``elapsed: SECONDS`` (the workload times itself with time.perf_counter()),
  * the whole-process wall time (spawn to exit, measured here),
  * the child's peak resident set size (``ru_maxrss`` from ``os.wait4`` on
    exactly that child's pid; KiB on Linux).

Toy's stdout, minus the ``elapsed:`` line, must equal CPython's; a difference
is reported as MISMATCH.  A Toy run that exits non-zero is reported as FAIL
with the first line of its stderr, and the runner goes on.

Every reported figure is a median over the runs, never a mean.
Only the Python 3 standard library is used.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent

# Preferred order; any other bench/*.toy file is appended alphabetically.
WORKLOAD_ORDER = [
    "loop_sum",
    "fib",
    "while_count",
    "str_join",
    "dict_ops",
    "sieve",
    "kwcalls",
    "methods",
]

# Targets (see bench/README.md).
TARGET_RATIO = 1.0          # toy median / cpython median, per workload
TARGET_STARTUP_WALL = 0.35  # seconds, `toy -c pass`
TARGET_STARTUP_MB = 80.0    # MiB peak RSS, `toy -c pass`


# --------------------------------------------------------------------------
# Running one child process
# --------------------------------------------------------------------------

class RunResult:
    """Outcome of one child process."""

    def __init__(self):
        self.returncode = None
        self.stdout = ""
        self.stderr = ""
        self.wall = None        # seconds, spawn to reaped
        self.maxrss_kib = None  # ru_maxrss of that child (KiB on Linux)
        self.timed_out = False
        self.spawn_error = None

    @property
    def ok(self):
        return (self.spawn_error is None and not self.timed_out
                and self.returncode == 0)

    def first_stderr_line(self):
        if self.spawn_error is not None:
            return self.spawn_error
        if self.timed_out:
            return "timed out"
        for line in self.stderr.splitlines():
            if line.strip():
                return line.strip()
        return "exit code %s (no stderr)" % self.returncode


def run_child(argv, timeout):
    """Run argv, return a RunResult with wall time and peak RSS.

    stdout/stderr go to temporary files (no pipe deadlocks, and nothing in
    this process competes with the child while it runs).  The child is
    reaped with os.wait4 so that ru_maxrss belongs to exactly that child.
    """
    res = RunResult()
    with tempfile.TemporaryFile() as out_f, tempfile.TemporaryFile() as err_f:
        t0 = time.perf_counter()
        try:
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                                    stdout=out_f, stderr=err_f)
        except OSError as e:
            res.spawn_error = "cannot start %s: %s" % (argv[0], e)
            return res

        killed = []

        def on_timeout():
            killed.append(True)
            try:
                proc.kill()
            except OSError:
                pass

        timer = threading.Timer(timeout, on_timeout) if timeout else None
        if timer is not None:
            timer.daemon = True
            timer.start()
        try:
            while True:
                try:
                    _pid, status, rusage = os.wait4(proc.pid, 0)
                    break
                except InterruptedError:
                    continue
        finally:
            if timer is not None:
                timer.cancel()
        t1 = time.perf_counter()

        res.returncode = os.waitstatus_to_exitcode(status)
        proc.returncode = res.returncode  # tell Popen the child is reaped
        res.wall = t1 - t0
        res.maxrss_kib = rusage.ru_maxrss
        res.timed_out = bool(killed)

        out_f.seek(0)
        err_f.seek(0)
        res.stdout = out_f.read().decode("utf-8", errors="replace")
        res.stderr = err_f.read().decode("utf-8", errors="replace")
    return res


def split_output(stdout):
    """Return (checked_lines, elapsed_seconds or None, problem or None).

    The workload must print exactly one ``elapsed: SECONDS`` line, and it
    must be the final line.  All other lines are compared with CPython's.
    """
    lines = stdout.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    elapsed_idx = [i for i, l in enumerate(lines) if l.startswith("elapsed:")]
    checked = [l for l in lines if not l.startswith("elapsed:")]
    if not elapsed_idx:
        return checked, None, "no 'elapsed:' line in output"
    if len(elapsed_idx) > 1:
        return checked, None, "more than one 'elapsed:' line"
    if elapsed_idx[0] != len(lines) - 1:
        return checked, None, "'elapsed:' is not the final line"
    text = lines[-1][len("elapsed:"):].strip()
    try:
        value = float(text)
    except ValueError:
        return checked, None, "bad elapsed value %r" % text
    return checked, value, None


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

def median_or_none(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def kib_to_mb(kib):
    return None if kib is None else kib / 1024.0


def fmt(value, spec):
    return "-" if value is None else format(value, spec)


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def discover_workloads():
    found = {p.stem: p for p in sorted(BENCH_DIR.glob("*.toy"))}
    names = [n for n in WORKLOAD_ORDER if n in found]
    names += [n for n in sorted(found) if n not in WORKLOAD_ORDER]
    return [(n, found[n]) for n in names]


def first_diff(expected, got):
    for i in range(max(len(expected), len(got))):
        e = expected[i] if i < len(expected) else "<missing>"
        g = got[i] if i < len(got) else "<missing>"
        if e != g:
            return i + 1, e, g
    return None


# --------------------------------------------------------------------------
# Benchmarks
# --------------------------------------------------------------------------

def bench_workload(name, path, toy, python, rounds, timeout):
    """Alternate toy/python runs of one workload; return a result dict."""
    toy_runs, py_runs = [], []
    toy_fail = None       # first failure message of Toy
    py_fail = None        # first failure message of CPython
    expected = None       # CPython's checked lines
    toy_outputs = []      # Toy's checked lines, per successful run

    for r in range(1, rounds + 1):
        # --- Toy ---
        if toy_fail is None:
            res = run_child([toy, str(path)], timeout)
            lines, elapsed, problem = split_output(res.stdout)
            if not res.ok:
                toy_fail = res.first_stderr_line()
            elif problem is not None:
                toy_fail = problem
            else:
                toy_outputs.append(lines)
            toy_runs.append({"elapsed": elapsed if res.ok else None,
                             "wall": res.wall,
                             "maxrss_kib": res.maxrss_kib,
                             "returncode": res.returncode})
            log("[%s] round %d/%d toy:    %s" % (
                name, r, rounds,
                "FAIL (%s)" % toy_fail if toy_fail else
                "elapsed %.3fs wall %.3fs rss %.0fMB" % (
                    elapsed, res.wall, kib_to_mb(res.maxrss_kib))))
        # --- CPython ---
        if py_fail is None:
            res = run_child([python, str(path)], timeout)
            lines, elapsed, problem = split_output(res.stdout)
            if not res.ok:
                py_fail = res.first_stderr_line()
            elif problem is not None:
                py_fail = problem
            elif expected is None:
                expected = lines
            elif lines != expected:
                py_fail = "CPython output differs between runs"
            py_runs.append({"elapsed": elapsed if res.ok else None,
                            "wall": res.wall,
                            "maxrss_kib": res.maxrss_kib,
                            "returncode": res.returncode})
            log("[%s] round %d/%d python: %s" % (
                name, r, rounds,
                "FAIL (%s)" % py_fail if py_fail else
                "elapsed %.3fs wall %.3fs rss %.0fMB" % (
                    elapsed, res.wall, kib_to_mb(res.maxrss_kib))))

    # Correctness: every successful Toy run must print what CPython prints.
    mismatch = None
    if expected is not None:
        for lines in toy_outputs:
            d = first_diff(expected, lines)
            if d is not None:
                mismatch = {"line": d[0], "expected": d[1], "got": d[2]}
                break

    toy_ok_runs = [x for x in toy_runs if x["elapsed"] is not None]
    py_ok_runs = [x for x in py_runs if x["elapsed"] is not None]
    toy_med = None if toy_fail else median_or_none(x["elapsed"] for x in toy_ok_runs)
    py_med = None if py_fail else median_or_none(x["elapsed"] for x in py_ok_runs)
    ratio = toy_med / py_med if (toy_med is not None and py_med) else None

    if toy_fail:
        status = "FAIL: " + toy_fail
    elif py_fail:
        status = "CPYTHON FAIL: " + py_fail
    elif mismatch:
        status = "MISMATCH"
    else:
        status = "ok"

    return {
        "name": name,
        "file": str(path),
        "status": status,
        "toy_failure": toy_fail,
        "cpython_failure": py_fail,
        "mismatch": mismatch,
        "expected_output": expected,
        "toy_median_s": toy_med,
        "cpython_median_s": py_med,
        "ratio": ratio,
        "meets_target": (status == "ok" and ratio is not None
                         and ratio <= TARGET_RATIO),
        "toy_wall_median_s": None if toy_fail else median_or_none(x["wall"] for x in toy_ok_runs),
        "cpython_wall_median_s": None if py_fail else median_or_none(x["wall"] for x in py_ok_runs),
        "toy_peak_mb": None if toy_fail else kib_to_mb(median_or_none(x["maxrss_kib"] for x in toy_ok_runs)),
        "cpython_peak_mb": None if py_fail else kib_to_mb(median_or_none(x["maxrss_kib"] for x in py_ok_runs)),
        "toy_runs": toy_runs,
        "cpython_runs": py_runs,
    }


def bench_startup(toy, python, runs, timeout):
    """`toy -c pass` versus `python3 -c pass`, alternating, `runs` each."""
    toy_runs, py_runs = [], []
    toy_fail = py_fail = None
    for r in range(1, runs + 1):
        if toy_fail is None:
            res = run_child([toy, "-c", "pass"], timeout)
            if not res.ok:
                toy_fail = res.first_stderr_line()
            else:
                toy_runs.append({"wall": res.wall, "maxrss_kib": res.maxrss_kib})
        if py_fail is None:
            res = run_child([python, "-c", "pass"], timeout)
            if not res.ok:
                py_fail = res.first_stderr_line()
            else:
                py_runs.append({"wall": res.wall, "maxrss_kib": res.maxrss_kib})
    log("[startup] %d runs each: toy %s, python %s" % (
        runs, "FAIL (%s)" % toy_fail if toy_fail else "ok",
        "FAIL (%s)" % py_fail if py_fail else "ok"))

    toy_wall = None if toy_fail else median_or_none(x["wall"] for x in toy_runs)
    py_wall = None if py_fail else median_or_none(x["wall"] for x in py_runs)
    toy_mb = None if toy_fail else kib_to_mb(median_or_none(x["maxrss_kib"] for x in toy_runs))
    py_mb = None if py_fail else kib_to_mb(median_or_none(x["maxrss_kib"] for x in py_runs))
    if toy_fail:
        status = "FAIL: " + toy_fail
    elif py_fail:
        status = "CPYTHON FAIL: " + py_fail
    else:
        status = "ok"
    return {
        "name": "startup (-c pass)",
        "status": status,
        "toy_failure": toy_fail,
        "cpython_failure": py_fail,
        "toy_wall_median_s": toy_wall,
        "cpython_wall_median_s": py_wall,
        "wall_ratio": toy_wall / py_wall if (toy_wall is not None and py_wall) else None,
        "toy_peak_mb": toy_mb,
        "cpython_peak_mb": py_mb,
        "meets_wall_target": toy_wall is not None and toy_wall <= TARGET_STARTUP_WALL,
        "meets_rss_target": toy_mb is not None and toy_mb <= TARGET_STARTUP_MB,
        "toy_runs": toy_runs,
        "cpython_runs": py_runs,
    }


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------

HEADERS = ["workload", "toy median s", "cpython median s", "ratio toy/cpython",
           "toy wall median", "cpython wall median", "toy peak MB",
           "cpython peak MB", "ok"]


def table_rows(results, startup):
    rows = []
    for w in results:
        rows.append([
            w["name"],
            "FAIL" if w["toy_failure"] else fmt(w["toy_median_s"], ".3f"),
            "FAIL" if w["cpython_failure"] else fmt(w["cpython_median_s"], ".3f"),
            fmt(w["ratio"], ".2f"),
            "FAIL" if w["toy_failure"] else fmt(w["toy_wall_median_s"], ".3f"),
            "FAIL" if w["cpython_failure"] else fmt(w["cpython_wall_median_s"], ".3f"),
            "FAIL" if w["toy_failure"] else fmt(w["toy_peak_mb"], ".1f"),
            "FAIL" if w["cpython_failure"] else fmt(w["cpython_peak_mb"], ".1f"),
            w["status"],
        ])
    if startup is not None:
        s = startup
        rows.append([
            s["name"],
            "-",
            "-",
            fmt(s["wall_ratio"], ".2f") + (" (wall)" if s["wall_ratio"] is not None else ""),
            "FAIL" if s["toy_failure"] else fmt(s["toy_wall_median_s"], ".3f"),
            "FAIL" if s["cpython_failure"] else fmt(s["cpython_wall_median_s"], ".3f"),
            "FAIL" if s["toy_failure"] else fmt(s["toy_peak_mb"], ".1f"),
            "FAIL" if s["cpython_failure"] else fmt(s["cpython_peak_mb"], ".1f"),
            s["status"],
        ])
    return rows


def format_table(rows):
    widths = [len(h) for h in HEADERS]
    for row in rows:
        for i, cell in enumerate(row[:-1]):  # last column is free text
            widths[i] = max(widths[i], len(cell))
    def line(cells, header=False):
        out = []
        for i, cell in enumerate(cells):
            if i == len(cells) - 1:
                out.append(cell)
            elif i == 0 or header:
                out.append(cell.ljust(widths[i]))
            else:
                out.append(cell.rjust(widths[i]))
        return " | ".join(out).rstrip()
    sep = "-+-".join("-" * w for w in widths[:-1]) + "-+-" + "-" * max(widths[-1], 2)
    text = [line(HEADERS, header=True), sep]
    text += [line(r) for r in rows]
    return "\n".join(text)


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Run the Toy benchmarks against CPython.")
    ap.add_argument("--rounds", type=int, default=5,
                    help="rounds per workload, each one Toy run then one "
                         "CPython run (default 5)")
    ap.add_argument("--toy", default=str(REPO_DIR / "toy"),
                    help="path to the toy launcher (default <repo>/toy)")
    ap.add_argument("--python", default="python3",
                    help="CPython interpreter to compare with (default python3)")
    ap.add_argument("--only", default=None,
                    help="comma-separated workload names (default: all); "
                         "'startup' selects the startup row")
    ap.add_argument("--json", metavar="OUT", default=None,
                    help="also write all results (raw runs included) as JSON")
    ap.add_argument("--timeout", type=float, default=300.0,
                    help="seconds before one run is killed (default 300)")
    ap.add_argument("--no-startup", action="store_true",
                    help="skip the `-c pass` startup row")
    args = ap.parse_args(argv)

    if args.rounds < 1:
        ap.error("--rounds must be at least 1")

    toy = args.toy
    if os.sep in toy or (os.altsep and os.altsep in toy):
        toy = str(Path(toy).resolve())

    workloads = discover_workloads()
    run_startup = not args.no_startup
    if args.only:
        wanted = [n.strip() for n in args.only.split(",") if n.strip()]
        known = {n for n, _ in workloads}
        unknown = [n for n in wanted if n not in known and n != "startup"]
        if unknown:
            ap.error("unknown workload(s): %s (known: %s, startup)" % (
                ", ".join(unknown), ", ".join(n for n, _ in workloads)))
        workloads = [(n, p) for n, p in workloads if n in wanted]
        run_startup = run_startup and "startup" in wanted

    if not os.path.exists(toy) and os.sep in toy:
        log("WARNING: toy launcher %s does not exist; every Toy run will FAIL"
            % toy)

    py_version = subprocess.run(
        [args.python, "-c", "import sys; print(sys.version.split()[0])"],
        capture_output=True, text=True).stdout.strip() or "unknown"

    print("toy: %s" % toy)
    print("python: %s (%s)" % (args.python, py_version))
    print("rounds: %d   machine: %s, %s cores" % (
        args.rounds, platform.platform(), os.cpu_count()))
    sys.stdout.flush()

    results = []
    for name, path in workloads:
        results.append(bench_workload(name, path, toy, args.python,
                                      args.rounds, args.timeout))

    startup = None
    if run_startup:
        startup = bench_startup(toy, args.python, args.rounds * 2, args.timeout)

    print()
    print(format_table(table_rows(results, startup)))
    print()

    for w in results:
        if w["mismatch"]:
            m = w["mismatch"]
            print("!!! MISMATCH in %s: Toy's output differs from CPython's at "
                  "line %d\n!!!   expected: %r\n!!!   got:      %r" % (
                      w["name"], m["line"], m["expected"], m["got"]))
        if w["cpython_failure"]:
            print("!!! CPython failed on %s: %s" % (w["name"], w["cpython_failure"]))

    n_meet = sum(1 for w in results if w["meets_target"])
    summary = "Summary: %d/%d workloads meet ratio <= %.1f" % (
        n_meet, len(results), TARGET_RATIO)
    if startup is not None:
        summary += "; startup: toy -c pass %s s wall (target <= %.2f: %s), " \
                   "%s MB peak (target <= %.0f: %s)" % (
                       fmt(startup["toy_wall_median_s"], ".3f"),
                       TARGET_STARTUP_WALL,
                       "met" if startup["meets_wall_target"] else "NOT met",
                       fmt(startup["toy_peak_mb"], ".1f"),
                       TARGET_STARTUP_MB,
                       "met" if startup["meets_rss_target"] else "NOT met")
    print(summary)

    if args.json:
        doc = {
            "generated": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "toy": toy,
            "python": args.python,
            "python_version": py_version,
            "rounds": args.rounds,
            "platform": platform.platform(),
            "cpu_count": os.cpu_count(),
            "targets": {"ratio": TARGET_RATIO,
                        "startup_wall_s": TARGET_STARTUP_WALL,
                        "startup_peak_mb": TARGET_STARTUP_MB},
            "workloads": results,
            "startup": startup,
            "summary": {"workloads": len(results),
                        "meeting_ratio_target": n_meet,
                        "line": summary},
        }
        out = Path(args.json)
        if out.parent and not out.parent.exists():
            out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(doc, indent=2) + "\n")
        print("JSON written to %s" % out)

    bad = any(w["status"] != "ok" for w in results) or (
        startup is not None and startup["status"] != "ok")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
