package org.toy.ipc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The counter of one {@link SemLock} (a POSIX semaphore's state), hosted by the hub of the
 * process that created it. Waiters block on a Java condition, in the creator's hub threads for
 * copies in other processes, so a blocked acquire costs no CPU and wakes as soon as a release
 * happens anywhere.
 * <p>
 * Hub protocol after the hello {@code L id}, request and reply frames:
 * {@code A nanos(8)} acquire (negative: no timeout, 0: try) replied 1 or 0 (timed out);
 * {@code R} release replied 1, or 0 if the count is already at its maximum;
 * {@code V} replied with the count (8 bytes).
 */
final class SemState {
    /** {@code SEM_VALUE_MAX}: a semaphore that is not bounded. */
    static final long UNBOUNDED = Long.MAX_VALUE;

    final long id;
    final long maxvalue;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition positive = lock.newCondition();
    private long value;

    SemState(long id, long value, long maxvalue) {
        this.id = id;
        this.value = value;
        this.maxvalue = maxvalue;
    }

    /** {@code sem_timedwait}: waits up to {@code nanos} (negative: for ever) for a positive count. */
    boolean acquire(long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (value == 0) {
                if (nanos < 0) positive.awaitUninterruptibly();
                else {
                    if (left <= 0) return false;
                    try {
                        left = positive.awaitNanos(left);
                    } catch (InterruptedException e) {
                        return false;
                    }
                }
            }
            value--;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** {@code sem_post}, refused (false) when the count would pass a bounded maximum. */
    boolean release() {
        lock.lock();
        try {
            if (maxvalue != UNBOUNDED && value >= maxvalue) return false;
            value++;
            positive.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    long value() {
        lock.lock();
        try {
            return value;
        } finally {
            lock.unlock();
        }
    }

    /** Serves one remote copy's connection until it closes. */
    void serve(InputStream in, OutputStream out) throws IOException {
        for (byte[] f; (f = Frames.read(in, 64)) != null; ) {
            if (f.length == 9 && f[0] == 'A') {
                long nanos = 0;
                for (int i = 1; i < 9; i++) nanos = (nanos << 8) | (f[i] & 0xFF);
                boolean got = acquire(nanos);
                try {
                    Frames.write(out, new byte[] {(byte) (got ? 1 : 0)});
                } catch (IOException e) {
                    // the waiter's process died while it waited: the unit it would have taken goes back
                    if (got) release();
                    throw e;
                }
            } else if (f.length == 1 && f[0] == 'R') {
                Frames.write(out, new byte[] {(byte) (release() ? 1 : 0)});
            } else if (f.length == 1 && f[0] == 'V') {
                long v = value();
                byte[] b = new byte[8];
                for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (56 - 8 * i));
                Frames.write(out, b);
            } else {
                return;
            }
        }
    }

    static long nanos(double seconds) {
        if (seconds < 0) return -1;
        return (long) Math.min(seconds * 1e9, TimeUnit.DAYS.toNanos(365 * 100));
    }
}
