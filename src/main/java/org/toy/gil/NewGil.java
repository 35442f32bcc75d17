package org.toy.gil;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.toy.gil.timeline.GilEvent;
import org.toy.vm.ThreadState;

/**
 * CPython's "new GIL" ({@code Python/ceval_gil.c}, 3.2+), line for line where it matters: the
 * design is explained in {@link Gil}. {@code take} is {@code take_gil}, {@code dropGil} is
 * {@code drop_gil} with {@code FORCE_SWITCHING}; CPython's second mutex ({@code switch_mutex})
 * is folded into the one mutex here, since Java conditions can share a lock.
 */
public final class NewGil implements Gil {
    private final EvalBreaker breaker;
    private final GilStats stats = new GilStats();

    private final ReentrantLock mutex = new ReentrantLock();
    /** Signalled when the GIL is dropped ({@code gil->cond}). */
    private final Condition released = mutex.newCondition();
    /** Signalled when a thread takes the GIL ({@code gil->switch_cond}). */
    private final Condition switched = mutex.newCondition();

    // Guarded by mutex; holder is volatile as well so isHeldBy needs no lock.
    private boolean locked;
    private volatile ThreadState holder;
    private ThreadState lastHolder;
    private long switchNumber;
    private int waiters;
    /** In microseconds, as CPython keeps it ({@code getswitchinterval} answers exactly this). */
    private volatile boolean shut;
    private volatile long intervalMicros = 5000;
    private volatile long intervalNanos = 5_000_000L;
    /** Null unless {@code --gil-trace} is on: then every transition is recorded (see {@link GilTrace}). */
    private volatile GilTrace trace;

    public NewGil(EvalBreaker breaker) {
        this.breaker = breaker;
    }

    @Override
    public void take(ThreadState ts) {
        ThreadStats st = ts.gilStats();
        long asked = System.nanoTime();
        st.enter(ThreadStats.WAITING, asked);
        note(GilEvent.WAIT, st, asked, null);
        boolean interrupted = false;
        boolean tookOver = false;
        mutex.lock();
        try {
            if (shut && !ts.isMain()) throw new GilShutdown();
            if (locked) {
                waiters++;
                try {
                    while (locked) {
                        if (shut && !ts.isMain()) throw new GilShutdown();
                        long saved = switchNumber;
                        long left;
                        try {
                            left = released.awaitNanos(intervalNanos);
                        } catch (InterruptedException e) {
                            // Taking the GIL is not interruptible (Ctrl-C is handled once the
                            // thread runs again); keep the flag for the caller.
                            interrupted = true;
                            continue;
                        }
                        // A whole interval passed, the GIL is still held and nobody else had a
                        // turn: ask the holder to drop it at its next eval-breaker check.
                        if (left <= 0 && locked && switchNumber == saved) {
                            if ((breaker.pending() & EvalBreaker.GIL_DROP_REQUEST) == 0) {
                                stats.dropRequests.incrementAndGet();
                                note(GilEvent.DROP_REQUEST, st, System.nanoTime(), null);
                            }
                            breaker.set(EvalBreaker.GIL_DROP_REQUEST);
                        }
                    }
                } finally {
                    waiters--;
                }
            }
            // Woken by shutdown() with the GIL free: still not allowed to run.
            if (shut && !ts.isMain()) throw new GilShutdown();
            locked = true;
            holder = ts;
            if (ts != lastHolder) {
                lastHolder = ts;
                switchNumber++;
                stats.switches.incrementAndGet();
                st.tookOver();
                tookOver = true;
            }
            switched.signalAll();
            // The request was for whoever held the GIL before; it is answered.
            if ((breaker.pending() & EvalBreaker.GIL_DROP_REQUEST) != 0) breaker.clear(EvalBreaker.GIL_DROP_REQUEST);
        } finally {
            mutex.unlock();
        }
        long now = System.nanoTime();
        st.enter(ThreadStats.HELD, now);
        note(tookOver ? GilEvent.TAKE_OVER : GilEvent.TAKE, st, now, null);
        CURRENT.set(ts);
        if (interrupted) Thread.currentThread().interrupt();
    }

    @Override
    public void drop(ThreadState ts) {
        if (holder != ts) return;
        long now = System.nanoTime();
        ts.gilStats().enter(ThreadStats.NONE, now);
        note(GilEvent.EXIT, ts.gilStats(), now, null);
        dropGil(ts, false);
        if (!ts.isMain()) CURRENT.remove();
    }

    /**
     * {@code drop_gil}: free the GIL and wake one waiter; after a requested drop, wait until a
     * waiter has really taken it (forced switching), so this thread cannot grab it straight back.
     */
    private void dropGil(ThreadState ts, boolean requested) {
        mutex.lock();
        try {
            if (holder != ts) throw new IllegalStateException("drop of a GIL this thread does not hold");
            lastHolder = ts;
            holder = null;
            locked = false;
            released.signal();
            if (requested && waiters > 0) {
                breaker.clear(EvalBreaker.GIL_DROP_REQUEST);
                while (lastHolder == ts && waiters > 0) {
                    // Bounded, in case the waiter was itself interrupted out of existence.
                    try {
                        switched.await(intervalNanos, TimeUnit.NANOSECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public Released release(ThreadState ts, String reason) {
        if (holder != ts) return NOTHING_RELEASED;
        long now = System.nanoTime();
        ts.gilStats().enter(ThreadStats.BLOCKED, now);
        note(GilEvent.BLOCK, ts.gilStats(), now, reason);
        dropGil(ts, false);
        return () -> take(ts);
    }

    static final Released NOTHING_RELEASED = () -> { };

    /** The ThreadState that last took the GIL on each Java thread ({@code _PyThreadState_GET}). */
    static final ThreadLocal<ThreadState> CURRENT = new ThreadLocal<>();

    @Override
    public void yieldIfRequested(ThreadState ts) {
        if ((breaker.pending() & EvalBreaker.GIL_DROP_REQUEST) == 0 || holder != ts) return;
        if (shut && !ts.isMain()) {
            drop(ts);
            throw new GilShutdown();
        }
        long now = System.nanoTime();
        ts.gilStats().enter(ThreadStats.WAITING, now);
        note(GilEvent.YIELD, ts.gilStats(), now, null);
        dropGil(ts, true);
        take(ts);
    }

    @Override
    public void shutdown() {
        mutex.lock();
        try {
            shut = true;
            released.signalAll();
            breaker.set(EvalBreaker.GIL_DROP_REQUEST);
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public boolean isHeldBy(ThreadState ts) { return holder == ts; }

    @Override
    public boolean enabled() { return true; }

    @Override
    public double interval() { return 1e-6 * intervalMicros; }

    @Override
    public void setInterval(double seconds) {
        long micros = (long) (1e6 * seconds);
        intervalMicros = micros;
        intervalNanos = Math.max(1L, micros) * 1000L; // take_gil waits at least 1 µs
    }

    @Override
    public GilStats stats() { return stats; }

    @Override
    public void startTrace(GilTrace trace) { this.trace = trace; }

    @Override
    public GilTrace trace() { return trace; }

    /** The one check the trace costs when it is off: a volatile read of null. */
    private void note(GilEvent event, ThreadStats thread, long now, String detail) {
        GilTrace t = trace;
        if (t != null) t.record(event, thread, now, detail);
    }

    /** The thread holding the GIL now, or null (for tests and the deadlock report). */
    public ThreadState holder() { return holder; }
}
