# CPU-bound work, sum over range(N), done twice: sequentially, in 2 threads, in 4 threads.
import threading
import time

N = 3000000

def task(n):
    total = 0
    for i in range(n):
        total += i
    return total

def timed(parts, total=2 * N):
    n = total // parts
    ts = [threading.Thread(target=task, args=(n,)) for _ in range(parts)]
    start = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return time.perf_counter() - start

# Warm up every path once (Toy's JIT compiles the dispatch loop for each new entry).
task(N // 10)
timed(2, N // 5)
timed(4, N // 5)
start = time.perf_counter()
task(N)
task(N)
seq = time.perf_counter() - start
t2 = timed(2)
t4 = timed(4)
print("metric cpu_seq_s", seq)
print("metric cpu_2threads_s", t2)
print("metric cpu_4threads_s", t4)
print("metric cpu_2threads_over_seq", t2 / seq)
print("metric cpu_4threads_over_seq", t4 / seq)
