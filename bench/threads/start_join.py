# Thread start + join latency, one thread at a time.
import threading
import time

def nothing():
    pass

for _ in range(50):
    t = threading.Thread(target=nothing)
    t.start()
    t.join()
n = 500
start = time.perf_counter()
for _ in range(n):
    t = threading.Thread(target=nothing)
    t.start()
    t.join()
print("metric start_join_us", (time.perf_counter() - start) / n * 1e6)
