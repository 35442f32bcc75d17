# The convoy effect: a thread doing tiny blocking operations (0.1 ms sleeps) while another thread
# is CPU-bound waits up to a switch interval to get the GIL back after each one.
import threading
import time

stop = []

def burn():
    x = 0
    while not stop:
        x += 1

def io(n, out):
    for _ in range(n):
        t0 = time.perf_counter()
        time.sleep(0.0001)
        out.append(time.perf_counter() - t0)

alone = []
io(50, alone)
cpu = threading.Thread(target=burn)
cpu.start()
busy = []
t = threading.Thread(target=io, args=(50, busy))
t.start()
t.join()
stop.append(True)
cpu.join()
alone.sort()
busy.sort()
print("metric convoy_op_alone_ms", alone[25] * 1000)
print("metric convoy_op_with_cpu_thread_ms", busy[25] * 1000)
