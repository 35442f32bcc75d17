# Uncontended lock acquire/release (one thread): the cost of the fast path.
import threading
import time

lock = threading.Lock()
n = 300000
for _ in range(10000):
    lock.acquire()
    lock.release()
start = time.perf_counter()
for _ in range(n):
    lock.acquire()
    lock.release()
print("metric lock_acquire_release_ns", (time.perf_counter() - start) / n * 1e9)
