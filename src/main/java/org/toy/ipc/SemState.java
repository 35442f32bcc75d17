package org.toy.ipc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The shared state of one {@link SemLock} and the futex its waiters sleep on.
 * <p>
 * The state is three words of {@link SharedMemory}, mapped by every process that holds the
 * lock: {@link #VALUE} (the semaphore's count, taken and given back by compare-and-set, so an
 * uncontended acquire or release never leaves the process), {@link #WAITERS} (how many threads,
 * in any process, are about to sleep or sleeping) and {@link #SEQ} (bumped by every release
 * that finds waiters). The futex lives in the hub of the process that created the lock:
 * {@link #await} is {@code FUTEX_WAIT(SEQ, expected)} — sleep unless the sequence has moved —
 * and {@link #wake} is {@code FUTEX_WAKE(all)}.
 * <p>
 * Hub protocol after the hello {@code L id}: {@code W seq(8) nanos(8)} waits (negative nanos:
 * no timeout) and is replied {@code 1} when woken, timed out or the sequence had moved;
 * {@code N} wakes every sleeper and has no reply.
 */
final class SemState {
    /** {@code SEM_VALUE_MAX}: a semaphore that is not bounded. */
    static final long UNBOUNDED = Long.MAX_VALUE;
    static final int VALUE = 0;
    static final int WAITERS = 1;
    static final int SEQ = 2;
    static final int SLOTS = 3;

    final long id;
    final SharedMemory mem;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();

    SemState(long id, SharedMemory mem) {
        this.id = id;
        this.mem = mem;
    }

    /** Sleeps until woken or {@code nanos} pass (negative: no timeout), unless {@link #SEQ} is no longer {@code expected}. */
    void await(long expected, long nanos) {
        lock.lock();
        try {
            if (mem.getVolatile(SEQ) != expected) return;
            if (nanos < 0) moved.awaitUninterruptibly();
            else if (nanos > 0) moved.awaitNanos(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every sleeper; they retry their compare-and-set (a release bumped {@link #SEQ} first). */
    void wake() {
        lock.lock();
        try {
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Serves one remote copy's connection until it closes. */
    void serve(InputStream in, OutputStream out) throws IOException {
        for (byte[] f; (f = Frames.read(in, 64)) != null; ) {
            if (f.length == 17 && f[0] == 'W') {
                await(readLong(f, 1), readLong(f, 9));
                Frames.write(out, new byte[] {1});
            } else if (f.length == 1 && f[0] == 'N') {
                wake();
            } else {
                return;
            }
        }
    }

    static long readLong(byte[] b, int at) {
        long v = 0;
        for (int i = at; i < at + 8; i++) v = (v << 8) | (b[i] & 0xFF);
        return v;
    }

    static void writeLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) b[at + i] = (byte) (v >>> (56 - 8 * i));
    }

    static long nanos(double seconds) {
        if (seconds < 0) return -1;
        return (long) Math.min(seconds * 1e9, TimeUnit.DAYS.toNanos(365 * 100));
    }
}
