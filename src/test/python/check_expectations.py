#!/usr/bin/env python3
"""Check Toy's script tests against the oracle, CPython.

Usage: check_expectations.py [PATH ...]   (default: src/test/toy beside this repo)

Every `.toy` file under the given paths (files or folders) is run with
`python3 FILE` (cwd = the file's folder, stdin = its `# stdin:` lines, 30 s
timeout) and its comment expectations are checked (see src/test/toy/README.md):

  # expect: TEXT                  next stdout line, in order; all stdout accounted for
  # expect error: Type: message   exit 1, last stderr line, innermost traceback line = this line
  # expect syntax error: message  exit 1, empty stdout, last stderr line, reported line = this line
  # expect syntax error line N: message   the same, reported at line N
  # exit: N                       expected exit status (default 0, or 1 for errors)
  # stdin: TEXT                   a line fed to stdin
  # skip: reason | # oracle: off — reason    not run (a SKIP line is printed)
  # nontest                       a helper module imported by other tests; not run

`.toy` modules beside a script are importable: toyimport/sitecustomize.py is put
on PYTHONPATH. Prints one line per failing file and `N passed, M failed`;
exits 1 if anything failed.
"""
import glob
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_ROOT = os.path.normpath(os.path.join(HERE, "..", "toy"))
HOOK_DIR = os.path.join(HERE, "toyimport")
TIMEOUT = 30
SLOW = 2.0

EXPECT = re.compile(r"#\s*expect: ?(.*)$")
EXPECT_ERROR = re.compile(r"#\s*expect error: (.*\S)\s*$")
EXPECT_SYNTAX = re.compile(r"#\s*expect syntax error(?: line (\d+))?: (.*\S)\s*$")
EXIT = re.compile(r"#\s*exit: (-?\d+)\s*$")
STDIN = re.compile(r"#\s*stdin: ?(.*)$")
SKIP = re.compile(r"#\s*(skip:.*|nontest\b.*|oracle: off.*)$")
FRAME = re.compile(r'^  File "(.*)", line (\d+)')


class Spec:
    def __init__(self, path):
        self.path = path
        self.expects = []          # (line number, text)
        self.error = None          # (line number, text)
        self.syntax = None         # (line number, text)
        self.exit = None
        self.stdin = []
        self.skip = None
        self.problems = []
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        if not lines or not lines[0].startswith("#"):
            self.problems.append("first line must be a '#' comment saying what the file tests")
        for no, line in enumerate(lines, 1):
            m = SKIP.search(line)
            if m and line.lstrip().startswith("#"):
                self.skip = self.skip or m.group(1)
            m = EXPECT_SYNTAX.search(line)
            if m:
                if self.syntax or self.error:
                    self.problems.append(f"line {no}: more than one error expectation")
                self.syntax = (int(m.group(1)) if m.group(1) else no, m.group(2))
                continue
            m = EXPECT_ERROR.search(line)
            if m:
                if self.syntax or self.error:
                    self.problems.append(f"line {no}: more than one error expectation")
                self.error = (no, m.group(1))
                continue
            m = EXPECT.search(line)
            if m:
                self.expects.append((no, m.group(1)))
                continue
            m = EXIT.search(line)
            if m:
                self.exit = int(m.group(1))
                continue
            m = STDIN.search(line)
            if m:
                self.stdin.append(m.group(1))
        if self.syntax and self.expects:
            self.problems.append("a syntax-error file cannot expect stdout")


def last_frame(stderr):
    """(file, line) of the innermost traceback entry, or None."""
    found = None
    for line in stderr.splitlines():
        m = FRAME.match(line)
        if m:
            found = (m.group(1), int(m.group(2)))
    return found


def remove_temp_files(pid):
    """Tests name their scratch files /tmp/toy_<what>_<pid>...; remove them after the run."""
    for name in glob.glob(f"/tmp/toy_*_{pid}*"):
        try:
            os.remove(name)
        except OSError:
            pass


def check(path):
    """Returns (status, messages): status is 'pass', 'fail', 'skip' or 'helper'."""
    spec = Spec(path)
    if spec.problems:
        return "fail", spec.problems
    if spec.skip:
        return ("helper" if spec.skip.startswith("nontest") else "skip"), [spec.skip]
    env = dict(os.environ)
    env["PYTHONPATH"] = HOOK_DIR + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    stdin = "".join(s + "\n" for s in spec.stdin)
    started = time.monotonic()
    child = subprocess.Popen(["python3", os.path.basename(path)],
                             cwd=os.path.dirname(os.path.abspath(path)),
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=env, encoding="utf-8", errors="replace")
    try:
        out_text, err_text = child.communicate(stdin, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        return "fail", [f"timed out after {TIMEOUT} s"]
    finally:
        remove_temp_files(child.pid)
    proc = subprocess.CompletedProcess(child.args, child.returncode, out_text, err_text)
    elapsed = time.monotonic() - started
    problems = []
    out = proc.stdout.split("\n")
    if out and out[-1] == "":
        out.pop()
    for i, (no, want) in enumerate(spec.expects):
        got = out[i] if i < len(out) else None
        if got is None:
            problems.append(f"expected {want!r} (line {no}), got end of output")
            break
        if got != want:
            problems.append(f"expected {want!r} (line {no}), got {got!r}")
    if len(out) > len(spec.expects):
        problems.append(f"unexpected output line {len(spec.expects) + 1}: {out[len(spec.expects)]!r}")
    err_lines = proc.stderr.rstrip("\n").split("\n") if proc.stderr.strip() else []
    last_err = err_lines[-1] if err_lines else ""
    want_exit = spec.exit if spec.exit is not None else (1 if spec.error or spec.syntax else 0)
    if proc.returncode != want_exit:
        problems.append(f"exit status {proc.returncode}, expected {want_exit}")
    expected_err = spec.error or spec.syntax
    if expected_err:
        no, want = expected_err
        if last_err != want:
            problems.append(f"expected error {want!r} (line {no}), last stderr line {last_err!r}")
        frame = last_frame(proc.stderr)
        if frame is None:
            problems.append("no traceback line number in stderr")
        else:
            fname, line = frame
            if os.path.basename(fname) != os.path.basename(path):
                problems.append(f"innermost traceback entry is in {fname}, not this file")
            elif line != no:
                problems.append(f"error reported at line {line}, expected line {no}")
    elif proc.returncode != want_exit and last_err:
        problems.append(f"stderr: {last_err}")
    if problems:
        return "fail", problems
    if elapsed > SLOW:
        return "pass", [f"slow: {elapsed:.1f} s (limit {SLOW} s)"]
    return "pass", []


def collect(paths):
    """The .toy files under paths, sorted; and the paths that name no .toy file or folder."""
    files, bad = [], []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                files.extend(os.path.join(root, n) for n in sorted(names) if n.endswith(".toy"))
        elif p.endswith(".toy"):
            files.append(p)
        else:
            bad.append(p)
    return files, bad


def main(argv):
    paths = argv[1:] or [DEFAULT_ROOT]
    files, bad = collect(paths)
    passed = failed = skipped = 0
    for p in bad:
        failed += 1
        print(f"FAIL {p}: not a .toy file or folder")
    for path in files:
        rel = os.path.relpath(path)
        status, messages = check(path)
        if status == "pass":
            passed += 1
            for m in messages:
                print(f"NOTE {rel}: {m}")
        elif status == "helper":
            pass
        elif status == "skip":
            skipped += 1
            print(f"SKIP {rel}: {messages[0]}")
        else:
            failed += 1
            print(f"FAIL {rel}: " + "; ".join(messages))
    tail = f", {skipped} skipped" if skipped else ""
    print(f"{passed} passed, {failed} failed{tail}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
