"""The CPython side of the differential campaign (fuzz/run-campaign.sh, org.toy.fuzz.Differential).

Reads programs from stdin, each as a decimal byte count on a line followed by that many bytes of
UTF-8 source, runs each in a fresh __main__-like namespace with stdout captured, and writes one
JSON line per program: {"out": stdout, "exit": 0|1|n, "exc": type name or null, "msg": str(exc)}.
"""
import io
import json
import signal
import sys
import warnings


class Timeout(BaseException):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def run(code):
    real_stdout = sys.stdout
    buf = io.StringIO()
    sys.stdout = buf
    exit_code, exc, msg = 0, None, None
    signal.alarm(20)
    try:
        exec(compile(code, "<fuzz>", "exec"), {"__name__": "__main__"})
    except SystemExit as e:
        code_ = e.code
        exit_code = 0 if code_ is None else code_ if isinstance(code_, int) else 1
    except Timeout:
        exit_code, exc, msg = -1, "Timeout", ""
    except BaseException as e:  # the program's own uncaught exception
        exit_code, exc, msg = 1, type(e).__name__, str(e)
    finally:
        signal.alarm(0)
        sys.stdout = real_stdout
    return {"out": buf.getvalue(), "exit": exit_code, "exc": exc, "msg": msg}


def main():
    signal.signal(signal.SIGALRM, on_alarm)
    warnings.simplefilter("ignore")  # SyntaxWarning: Toy's are checked by the fuzz targets
    sys.setrecursionlimit(1000)
    stdin = sys.stdin.buffer
    while True:
        header = stdin.readline()
        if not header:
            break
        code = stdin.read(int(header)).decode("utf-8")
        sys.__stdout__.write(json.dumps(run(code)) + "\n")
        sys.__stdout__.flush()


if __name__ == "__main__":
    main()
