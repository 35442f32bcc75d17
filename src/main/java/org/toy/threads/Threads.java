package org.toy.threads;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.toy.gil.EvalBreaker;
import org.toy.gil.Gil;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyFloat;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyTuple;
import org.toy.vm.Interpreter;
import org.toy.vm.ThreadState;

/**
 * The Toy threads of one interpreter, and the one place where a Toy thread blocks on another.
 *
 * <h2>Registry</h2>
 * {@code threading}'s {@code _active}: every thread that has been started and has not ended,
 * the main thread first; the {@code Thread-N} counter; the main thread's {@code Thread} object.
 *
 * <h2>Blocking</h2>
 * Every wait of the thread library — lock and RLock acquires (so also condition, event,
 * semaphore, barrier and queue waits, which are built on them as in {@code threading.py}) and
 * joins — goes through {@link #block}: it leaves the GIL through the GIL's scoped release, then
 * waits on a Java condition of the <em>room lock</em>. The room lock guards the state of every
 * lock and thread as seen by waiters (free or taken, alive or ended), so a waiter's check and its
 * wait are atomic, and the deadlock detector sees one consistent picture.
 *
 * <h2>Deadlock detection</h2>
 * Ruby's VM does it, CPython does not. When a thread is about to wait without a timeout, and
 * when a thread ends, the detector looks at every live thread: if each one is waiting without a
 * timeout for a lock that is still taken or a thread that is still alive, no thread can ever run
 * again, since only a running thread can release a lock. A thread that sleeps, reads, waits with
 * a timeout or merely waits for the GIL can still act, so then nothing is reported. On a deadlock
 * every waiter is woken with {@link Deadlock}, and the main thread carries the report (the
 * wait-for graph, its cycle, each thread's Toy stack) out of the program.
 */
public final class Threads {
    private final Interpreter interp;

    /** Guards: live, waiters, the taken/free state of locks, threads' started/ended state. */
    final ReentrantLock room = new ReentrantLock();

    private final List<ToyThread> live = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private volatile ToyThread main;
    private volatile String fatal;
    private int counter;

    /** One thread waiting in {@link #block}. */
    private record Waiter(ToyThread thread, Waitable on, Condition wake, boolean forever) {}

    /** Java stack for each Toy thread: built-ins that call back into Toy recurse in Java. */
    static final long STACK_BYTES = 256L << 20;

    /** The Java name of a platform thread waiting in the pool for its next Toy thread. */
    static final String IDLE_NAME = "toy-idle-thread";

    /**
     * Platform threads for Toy threads. A Toy thread is one Java platform thread while it runs;
     * when it ends, its Java thread waits a few seconds for the next {@code start()} instead of
     * exiting, because creating a platform thread costs about 100 µs, as much as CPython's whole
     * start + join. Created on first use; daemon threads, so the JVM never waits for them.
     */
    private volatile java.util.concurrent.ThreadPoolExecutor pool;

    public Threads(Interpreter interp) {
        this.interp = interp;
    }

    /** Runs {@code body} on a platform thread of its own (an idle pooled one, or a new one). */
    void launch(Runnable body) {
        java.util.concurrent.ThreadPoolExecutor p = pool;
        if (p == null) {
            synchronized (this) {
                if (pool == null) {
                    pool = new java.util.concurrent.ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, java.util.concurrent.TimeUnit.SECONDS,
                            new java.util.concurrent.SynchronousQueue<>(), r -> {
                                Thread t = new Thread(null, r, IDLE_NAME, STACK_BYTES);
                                t.setDaemon(true);
                                return t;
                            });
                }
                p = pool;
            }
        }
        p.execute(body);
    }

    /** The program has ended: idle pooled threads exit now (running daemon threads are left alone). */
    public void shutdown() {
        java.util.concurrent.ThreadPoolExecutor p = pool;
        if (p != null) p.shutdown();
    }

    Interpreter interp() { return interp; }

    /** {@code _newname("Thread-%d")}: the next number for an unnamed thread. */
    synchronized int nextNumber() { return ++counter; }

    /** The main thread's {@code Thread} object, registered as live the first time it is needed. */
    public ToyThread main() {
        ToyThread m = main;
        if (m != null) return m;
        synchronized (this) {
            if (main == null) {
                ThreadState ts = interp.mainThread();
                ToyThread t = ToyThread.forMain(this, ts);
                room.lock();
                try {
                    live.add(0, t);
                } finally {
                    room.unlock();
                }
                main = t;
            }
            return main;
        }
    }

    /** {@code threading.current_thread()}. */
    public ToyThread current(ThreadState ts) {
        ToyObject t = ts.threadObject();
        if (t instanceof ToyThread tt) return tt;
        return main();
    }

    /** {@code threading.enumerate()}: the live threads, main first. */
    List<ToyThread> enumerate() {
        main();
        room.lock();
        try {
            return new ArrayList<>(live);
        } finally {
            room.unlock();
        }
    }

    /**
     * One live thread as the REPL's {@code :threads} shows it: {@code waitsFor} describes the wait
     * it is in ({@code "acquire <locked _thread.lock ...>"}, {@code "join Thread-1"}) or is null,
     * {@code heldBy} names the thread that could end that wait when there is one, and
     * {@code forever} tells a wait without a timeout.
     */
    public record Snapshot(String name, long ident, boolean daemon, boolean main, String waitsFor, String heldBy,
            boolean forever, ThreadState state) {}

    /** The live threads, main first, each with the wait it is in (one consistent picture, under the room lock). */
    public List<Snapshot> snapshot() {
        main();
        room.lock();
        try {
            List<Snapshot> out = new ArrayList<>();
            for (ToyThread t : live) {
                Waiter w = null;
                for (Waiter x : waiters) {
                    if (x.thread == t) w = x;
                }
                ToyThread by = w == null ? null : w.on.blocker();
                out.add(new Snapshot(t.name(), t.identValue(), t.daemon(), t == main, w == null ? null : w.on.describe(),
                        by == null || by == w.on || by == t ? null : by.name(), w != null && w.forever, t.state()));
            }
            return out;
        } finally {
            room.unlock();
        }
    }

    // ---- life cycle (called by ToyThread) ------------------------------------------------------

    void starting(ToyThread t) {
        main();
        room.lock();
        try {
            live.add(t);
        } finally {
            room.unlock();
        }
    }

    /** The thread has ended: joiners wake; the ones left may now be deadlocked. */
    void ended(ToyThread t) {
        room.lock();
        try {
            live.remove(t);
            t.markStopped();
            wake(t);
            checkDeadlock();
        } finally {
            room.unlock();
        }
    }

    /** Wakes every thread waiting on {@code on} (a lock was released, a thread ended). Room lock held. */
    void wake(Waitable on) {
        for (Waiter w : waiters) {
            if (w.on == on) w.wake.signal();
        }
    }

    /**
     * CPython's {@code threading._shutdown}: at the end of the program the main thread joins every
     * non-daemon thread (including those started meanwhile); daemon threads are abandoned.
     */
    /**
     * Whether the main thread has finished the program and is joining the other threads: the
     * moment CPython runs {@code threading._register_atexit} callbacks, when executors stop.
     */
    public boolean mainExiting() {
        ToyThread m = main();
        return m != null && m.isExiting();
    }

    public void joinNonDaemon(ThreadState ts) {
        main().setExiting();
        while (true) {
            ToyThread next = null;
            room.lock();
            try {
                for (ToyThread t : live) {
                    if (t != main && !t.daemon()) {
                        next = t;
                        break;
                    }
                }
            } finally {
                room.unlock();
            }
            if (next == null) return;
            next.join(ts, -1);
        }
    }

    // ---- the door for every wait -------------------------------------------------------------

    /**
     * Waits without the GIL until {@code take} succeeds (it runs with the room lock held and
     * claims the resource), or {@code timeoutNanos} pass; negative means forever. Answers whether
     * {@code take} succeeded. Ctrl-C interrupts the main thread's wait with KeyboardInterrupt.
     */
    boolean block(ThreadState ts, Waitable on, long timeoutNanos, BooleanSupplier take) {
        ToyThread me = current(ts);
        Gil gil = interp.gil();
        // The wait's description is built only when the timeline is being recorded.
        try (Gil.Released released = gil.release(ts, gil.trace() == null ? null : on.describe())) {
            room.lock();
            Waiter w = new Waiter(me, on, room.newCondition(), timeoutNanos < 0);
            waiters.add(w);
            try {
                if (w.forever) checkDeadlock();
                long left = timeoutNanos;
                while (true) {
                    if (fatal != null) throw new Deadlock(fatal);
                    if (take.getAsBoolean()) return true;
                    if (!w.forever && left <= 0) return false;
                    try {
                        if (w.forever) w.wake.await();
                        else left = w.wake.awaitNanos(left);
                    } catch (InterruptedException e) {
                        if (ts.isMain() && interp.breaker().take(EvalBreaker.KEYBOARD_INTERRUPT)) {
                            throw new ToyError(new ToyException(ExceptionTypes.KEYBOARD_INTERRUPT, ToyTuple.EMPTY));
                        }
                    }
                }
            } finally {
                waiters.remove(w);
                room.unlock();
            }
        }
    }

    /** Runs {@code action} with the room lock (a lock's state change that needs no wait). */
    <T> T locked(java.util.function.Supplier<T> action) {
        room.lock();
        try {
            return action.get();
        } finally {
            room.unlock();
        }
    }

    // ---- deadlock detection ------------------------------------------------------------------

    /** Room lock held. If no live thread can ever go on, records the report and wakes everyone. */
    private void checkDeadlock() {
        if (fatal != null || main == null || live.isEmpty()) return;
        Map<ToyThread, Waiter> waiting = new IdentityHashMap<>();
        for (Waiter w : waiters) waiting.put(w.thread, w);
        for (ToyThread t : live) {
            Waiter w = waiting.get(t);
            if (w == null || !w.forever || w.on.available()) return;
        }
        fatal = report(waiting);
        for (Waiter w : waiters) w.wake.signal();
    }

    private String report(Map<ToyThread, Waiter> waiting) {
        StringBuilder b = new StringBuilder();
        b.append("Toy found a deadlock: every thread is blocked, none can wake another.\n");
        for (ToyThread t : live) {
            Waiter w = waiting.get(t);
            b.append("  ").append(t.name()).append(" waits to ").append(w.on.describe());
            ToyThread by = w.on.blocker();
            if (by != null && by != w.on) b.append(", held by ").append(by.name());
            b.append('\n');
        }
        String cycle = cycle(waiting);
        if (cycle != null) b.append("Wait-for cycle: ").append(cycle).append('\n');
        for (ToyThread t : live) {
            b.append("\nThread ").append(t.name()).append(" (most recent call last):\n");
            ThreadState ts = t.state();
            if (t.isExiting()) {
                b.append("  (the main module has ended; joining the non-daemon threads at exit)\n");
                continue;
            }
            if (ts == null) continue;
            for (ToyException.Entry e : ts.stack()) {
                b.append("  File \"").append(e.source().name()).append("\", line ").append(e.line())
                        .append(", in ").append(e.function()).append('\n');
                String text = e.source().line(e.line()).strip();
                if (!text.isEmpty()) b.append("    ").append(text).append('\n');
            }
        }
        b.append("\nDeadlockError: ").append(live.size() == 1 ? "the only thread is" : "all " + live.size() + " threads are")
                .append(" blocked forever\n");
        return b.toString();
    }

    /** The first cycle found by following each thread to the one it waits for, or null. */
    private String cycle(Map<ToyThread, Waiter> waiting) {
        for (ToyThread start : live) {
            List<ToyThread> path = new ArrayList<>();
            ToyThread t = start;
            while (t != null && !path.contains(t)) {
                path.add(t);
                Waiter w = waiting.get(t);
                t = w == null ? null : w.on.blocker();
            }
            if (t != null) {
                StringBuilder b = new StringBuilder();
                for (ToyThread p : path.subList(path.indexOf(t), path.size())) b.append(p.name()).append(" -> ");
                return b.append(t.name()).toString();
            }
        }
        return null;
    }

    // ---- small shared helpers ----------------------------------------------------------------

    /** A timeout argument in seconds: an int or a float, as {@code _PyTime_FromSecondsObject}. */
    static double seconds(ToyObject o) {
        if (o instanceof ToyFloat f) {
            if (Double.isNaN(f.value)) throw Errors.valueError("Invalid value NaN (not a number)");
            return f.value;
        }
        if (o instanceof ToyInt i) return org.toy.builtins.Arith.intToDouble(i);
        throw Errors.typeError("'" + o.type().name() + "' object cannot be interpreted as an integer");
    }

    static long nanos(double seconds) {
        return seconds >= 9.2e9 ? Long.MAX_VALUE / 2 : (long) Math.ceil(seconds * 1e9);
    }
}
