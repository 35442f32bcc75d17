# GIL hand-overs per second between two CPU-bound threads, at 1, 5 and 50 ms switch intervals.
# Each thread counts the times it finds that the other one ran since its last look.
import sys
import threading
import time

state = {"last": None, "switches": 0}

def spin(me, end):
    while time.perf_counter() < end:
        if state["last"] != me:
            state["last"] = me
            state["switches"] += 1

for ms in (0, 1, 5, 50):   # 0: an unreported warm-up round at 1 ms (Toy's JIT compiles meanwhile)
    sys.setswitchinterval(max(ms, 1) / 1000)
    state["last"] = None
    state["switches"] = 0
    seconds = 1.0 if ms == 50 else 0.5
    end = time.perf_counter() + seconds
    ts = [threading.Thread(target=spin, args=(k, end)) for k in range(2)]
    start = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    rate = state["switches"] / (time.perf_counter() - start)
    if ms == 0:
        continue
    print("metric switches_per_s_at_" + str(ms) + "ms", rate)
    print("metric switch_rate_over_target_at_" + str(ms) + "ms", rate * ms / 1000)
