# The GIL's cost on a single thread: fib and a loop, alone and with a second thread idling on an
# Event (a waiting thread that never competes for the GIL must cost nothing).
import threading
import time

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def loop(n):
    total = 0
    i = 0
    while i < n:
        total += i
        i += 1
    return total

def best(f, arg):
    times = []
    for _ in range(5):
        start = time.perf_counter()
        f(arg)
        times.append(time.perf_counter() - start)
    return min(times)

fib(20)
loop(100000)
fib_alone = best(fib, 27)
loop_alone = best(loop, 2000000)
idle = threading.Event()
t = threading.Thread(target=idle.wait)
t.start()
fib_idle = best(fib, 27)
loop_idle = best(loop, 2000000)
idle.set()
t.join()
print("metric fib_alone_s", fib_alone)
print("metric fib_with_idle_thread_s", fib_idle)
print("metric loop_alone_s", loop_alone)
print("metric loop_with_idle_thread_s", loop_idle)
print("metric fib_idle_over_alone", fib_idle / fib_alone)
print("metric loop_idle_over_alone", loop_idle / loop_alone)
