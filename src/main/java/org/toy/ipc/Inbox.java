package org.toy.ipc;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Messages waiting for one receiver: a deque of frames, and whether the sending side has gone. */
final class Inbox {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final ArrayDeque<byte[]> items = new ArrayDeque<>();
    private boolean senderClosed;

    void add(byte[] b) {
        lock.lock();
        try {
            items.add(b);
            ready.signal();
        } finally {
            lock.unlock();
        }
    }

    void closeSender() {
        lock.lock();
        try {
            senderClosed = true;
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Everything queued so far (for a receiver that moves to another process). */
    ArrayDeque<byte[]> drain() {
        lock.lock();
        try {
            ArrayDeque<byte[]> all = new ArrayDeque<>(items);
            items.clear();
            return all;
        } finally {
            lock.unlock();
        }
    }

    boolean senderClosed() {
        lock.lock();
        try {
            return senderClosed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits up to {@code nanos} (negative: forever) for a message; true if one is there or the
     * sender has closed (so that a read will not block).
     */
    boolean await(long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (items.isEmpty() && !senderClosed) {
                if (nanos < 0) ready.awaitUninterruptibly();
                else {
                    if (left <= 0) return false;
                    try {
                        left = ready.awaitNanos(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The next message, or null when empty (after {@link #await}: the sender closed). */
    byte[] poll() {
        lock.lock();
        try {
            return items.poll();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    static long nanos(double seconds) {
        return seconds < 0 ? -1 : (long) Math.min(seconds * 1e9, (double) TimeUnit.DAYS.toNanos(365));
    }
}
