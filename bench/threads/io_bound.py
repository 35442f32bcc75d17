# Ten 0.2 s sleeps: in ten threads they overlap (the GIL is released while sleeping).
import threading
import time

def ten_sleeps(seconds):
    start = time.perf_counter()
    ts = [threading.Thread(target=time.sleep, args=(seconds,)) for _ in range(10)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return time.perf_counter() - start

ten_sleeps(0.01)   # warm-up
wall = ten_sleeps(0.2)
print("metric sleep_10_threads_s", wall)
print("metric sleep_threads_over_one_sleep", wall / 0.2)
