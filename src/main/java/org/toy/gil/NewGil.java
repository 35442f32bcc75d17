package org.toy.gil;

import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.toy.gil.timeline.GilEvent;
import org.toy.vm.ThreadState;

/**
 * CPython's "new GIL" ({@code Python/ceval_gil.c}, 3.2+): the design is explained in {@link Gil}.
 * {@code take} is {@code take_gil}, {@code dropGil} is {@code drop_gil} with
 * {@code FORCE_SWITCHING}. Two changes keep CPython's behaviour (a waiter waits one interval,
 * then the holder is made to drop the GIL and cannot take it straight back) while taking wake-ups
 * off the hand-over's critical path; on a loaded machine each wake-up of a sleeping thread costs
 * milliseconds, which at a 1 ms interval was most of the time between switches:
 * <ul>
 *   <li><b>The holder watches the clock.</b> A waiter sets {@link EvalBreaker#GIL_WAITER} and
 *       notes when its interval ends ({@code dropDeadline}); the holder, already on a CPU, reads
 *       the clock at every 64th eval-breaker check while someone waits and drops the GIL when the
 *       deadline has passed, as if the waiter had set the drop request. The waiter's own timed
 *       wait, CPython's mechanism, remains as the backstop one interval later.</li>
 *   <li><b>Direct hand-off.</b> A requested drop gives the GIL to the waiting thread (the one that
 *       asked, else the longest waiting) under the mutex and unparks it: that is forced switching
 *       without the old holder having to sleep until the new one has run, so the old holder's
 *       own interval starts at once. Waiters park on an explicit queue ({@code LockSupport}),
 *       not on a {@code Condition}, so that a hand-off wakes exactly the thread it chose.</li>
 * </ul>
 * A drop nobody asked for (a blocking call, a thread's end) frees the GIL and wakes the first
 * waiter, which competes for it; a thread back from a short blocking call may take it first,
 * as in CPython.
 */
public final class NewGil implements Gil {
    /** While someone waits, the holder reads the clock at every this many eval-breaker checks. */
    static final int CHECKS_PER_CLOCK_READ = 64;

    private final EvalBreaker breaker;
    private final GilStats stats = new GilStats();
    private final ReentrantLock mutex = new ReentrantLock();

    /** A thread waiting for the GIL; it parks, and whoever frees or hands over the GIL unparks it. */
    private static final class Waiter {
        final ThreadState ts;
        final Thread thread = Thread.currentThread();
        /** Set (with the mutex) when the GIL was handed to this waiter. */
        volatile boolean granted;
        /** Whether taking the GIL was a switch (mutex). */
        boolean tookOver;

        Waiter(ThreadState ts) {
            this.ts = ts;
        }
    }

    // Guarded by mutex; holder is volatile as well so isHeldBy needs no lock.
    private boolean locked;
    private volatile ThreadState holder;
    private ThreadState lastHolder;
    private long switchNumber;
    /** The threads waiting for the GIL, longest first. */
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    /** The waiter whose drop request is pending: it gets the GIL when the holder answers. */
    private Waiter requester;
    /**
     * When the holder must drop the GIL if someone still waits ({@code nanoTime}): one interval
     * after the last switch or after a waiter arrived at an empty queue, whichever is later.
     * Written with the mutex, read by the holder without it.
     */
    private volatile long dropDeadline;
    /** The holder's countdown to its next clock read (touched by the holder only). */
    private int checksBeforeClock = CHECKS_PER_CLOCK_READ;

    private volatile boolean shut;
    /** In microseconds, as CPython keeps it ({@code getswitchinterval} answers exactly this). */
    private volatile long intervalMicros = 5000;
    private volatile long intervalNanos = 5_000_000L;
    /** Null unless {@code --gil-trace} is on: then every transition is recorded (see {@link GilTrace}). */
    private volatile GilTrace trace;

    public NewGil(EvalBreaker breaker) {
        this.breaker = breaker;
    }

    // ---- taking ----------------------------------------------------------------------------------

    @Override
    public void take(ThreadState ts) {
        ThreadStats st = ts.gilStats();
        long asked = System.nanoTime();
        st.enter(ThreadStats.WAITING, asked);
        note(GilEvent.WAIT, st, asked, null);
        Waiter me = null;
        boolean tookOver = false;
        mutex.lock();
        try {
            if (shut && !ts.isMain()) throw new GilShutdown();
            if (!locked) {
                tookOver = grab(ts);
            } else {
                me = new Waiter(ts);
                if (waiting.isEmpty()) {
                    dropDeadline = asked + intervalNanos;
                    breaker.set(EvalBreaker.GIL_WAITER);
                }
                waiting.addLast(me);
            }
        } finally {
            mutex.unlock();
        }
        if (me != null) {
            awaitTurn(me);
            tookOver = me.tookOver;
            if (shut && !ts.isMain()) {
                // Handed the GIL while the program ended: pass it on and stop, as a daemon thread must.
                dropGil(ts, false);
                throw new GilShutdown();
            }
        }
        long now = System.nanoTime();
        // A thread handed the GIL may be scheduled late on a busy machine; its interval runs from
        // when it really starts, or it would have to hand the GIL straight back.
        if (tookOver) dropDeadline = Math.max(dropDeadline, now + intervalNanos);
        st.enter(ThreadStats.HELD, now);
        note(tookOver ? GilEvent.TAKE_OVER : GilEvent.TAKE, st, now, null);
        CURRENT.set(ts);
    }

    /** Takes the GIL for {@code ts} (mutex held, GIL free or being handed over); answers whether it was a switch. */
    private boolean grab(ThreadState ts) {
        locked = true;
        holder = ts;
        checksBeforeClock = CHECKS_PER_CLOCK_READ;
        // The request was for whoever held the GIL before; it is answered.
        if ((breaker.pending() & EvalBreaker.GIL_DROP_REQUEST) != 0) breaker.clear(EvalBreaker.GIL_DROP_REQUEST);
        if (ts == lastHolder) return false;
        lastHolder = ts;
        switchNumber++;
        // Everyone still waiting gets a fresh interval from this switch, as in take_gil.
        dropDeadline = System.nanoTime() + intervalNanos;
        stats.switches.incrementAndGet();
        ts.gilStats().tookOver();
        return true;
    }

    /**
     * {@code take_gil}'s loop for a queued waiter: park until handed the GIL or until it is free.
     * The holder drops it when the deadline passes; if it has not one interval later (CPython's
     * own rule: a whole interval went by and nobody else had a turn), the waiter sets the drop
     * request itself. Taking the GIL is not interruptible (Ctrl-C is handled once the thread runs
     * again): an interrupt is kept for the caller.
     */
    private void awaitTurn(Waiter me) {
        boolean interrupted = false;
        long saved = -1;
        long backstop = 0;
        try {
            while (true) {
                mutex.lock();
                try {
                    if (me.granted) return;
                    if (shut && !me.ts.isMain()) {
                        leave(me);
                        throw new GilShutdown();
                    }
                    if (!locked) {
                        leave(me);
                        me.tookOver = grab(me.ts);
                        return;
                    }
                    long now = System.nanoTime();
                    if (switchNumber != saved) {
                        saved = switchNumber;
                        backstop = Math.max(now, dropDeadline) + intervalNanos;
                    } else if (now >= backstop) {
                        request(me, now);
                        backstop = now + intervalNanos;
                    }
                } finally {
                    mutex.unlock();
                }
                LockSupport.parkNanos(this, backstop - System.nanoTime());
                if (Thread.interrupted()) interrupted = true;
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Sets the drop request on behalf of {@code who} (mutex held). */
    private void request(Waiter who, long now) {
        if ((breaker.pending() & EvalBreaker.GIL_DROP_REQUEST) == 0) {
            stats.dropRequests.incrementAndGet();
            note(GilEvent.DROP_REQUEST, who.ts.gilStats(), now, null);
        }
        breaker.set(EvalBreaker.GIL_DROP_REQUEST);
        if (requester == null) requester = who;
    }

    /** A waiter stops waiting (mutex held). */
    private void leave(Waiter w) {
        waiting.remove(w);
        if (requester == w) requester = null;
        if (waiting.isEmpty()) breaker.clear(EvalBreaker.GIL_WAITER);
    }

    // ---- dropping --------------------------------------------------------------------------------

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
     * {@code drop_gil}. After a requested drop with someone waiting, the GIL goes straight to the
     * waiter that asked (or the longest waiting): forced switching, since this thread cannot take
     * it back. Any other drop frees the GIL and wakes the first waiter.
     */
    private void dropGil(ThreadState ts, boolean requested) {
        Waiter next;
        mutex.lock();
        try {
            if (holder != ts) throw new IllegalStateException("drop of a GIL this thread does not hold");
            lastHolder = ts;
            if (requested && !waiting.isEmpty()) {
                next = requester != null ? requester : waiting.peekFirst();
                leave(next);
                next.tookOver = grab(next.ts);
                next.granted = true;
            } else {
                holder = null;
                locked = false;
                next = waiting.peekFirst();
            }
        } finally {
            mutex.unlock();
        }
        if (next != null) LockSupport.unpark(next.thread);
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

    /**
     * The eval breaker's slow path while a waiter is present or a drop was requested: every
     * {@value #CHECKS_PER_CLOCK_READ}th call reads the clock, and once the waiter's interval is up
     * the holder drops the GIL as though asked; a drop request is answered at once.
     */
    @Override
    public void yieldIfRequested(ThreadState ts) {
        int pending = breaker.pending();
        if ((pending & EvalBreaker.GIL_DROP_REQUEST) == 0) {
            if ((pending & EvalBreaker.GIL_WAITER) == 0 || holder != ts || --checksBeforeClock > 0) return;
            checksBeforeClock = CHECKS_PER_CLOCK_READ;
            long now = System.nanoTime();
            if (now < dropDeadline) return;
            mutex.lock();
            try {
                Waiter first = waiting.peekFirst();
                if (first == null) return;
                request(first, now);
            } finally {
                mutex.unlock();
            }
        }
        if (holder != ts) return;
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
            for (Waiter w : waiting) LockSupport.unpark(w.thread);
            breaker.set(EvalBreaker.GIL_DROP_REQUEST);
        } finally {
            mutex.unlock();
        }
    }

    // ---- settings and observation ---------------------------------------------------------------

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
