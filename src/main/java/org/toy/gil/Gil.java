package org.toy.gil;

import org.toy.vm.ThreadState;

/**
 * The global interpreter lock: a thread must hold it to run Toy bytecode or to touch Toy values.
 *
 * <h2>Why an interface</h2>
 * Everything outside this package sees only these few verbs, so that a later free-threaded mode
 * ({@code toy -X gil=0}, CPython 3.13t's switch) can put a do-nothing implementation in its place
 * without touching the VM, the built-ins or the thread library. Today the one implementation is
 * {@link NewGil}, CPython's "new GIL" (Antoine Pitrou, 3.2; {@code Python/ceval_gil.c}).
 *
 * <h2>The design, as {@code ceval_gil.c} tells it</h2>
 * <ul>
 *   <li><b>State.</b> A mutex ({@code ReentrantLock}) guards: {@code locked} (is the GIL taken?),
 *       {@code holder}, {@code lastHolder}, {@code switchNumber} (bumped each time a
 *       <em>different</em> thread takes the GIL) and the interval (5 ms by default,
 *       {@code sys.setswitchinterval}), and the queue of waiting threads, each parked
 *       ({@code LockSupport}) until the GIL is freed or handed to it.</li>
 *   <li><b>Who asks for a switch.</b> A thread that wants the GIL waits one interval. If the GIL
 *       is then still held and {@code switchNumber} has not moved (nobody else got a turn
 *       meanwhile), the holder is made to drop it ({@link EvalBreaker#GIL_DROP_REQUEST}). In
 *       CPython the waiter's timed wait notices; Toy lets the holder, which is on a CPU anyway,
 *       notice: a waiter sets {@link EvalBreaker#GIL_WAITER} and the deadline, and the holder
 *       reads the clock at every 64th breaker check while the bit is set. The waiter's own timed
 *       wait stays, one interval later, as the backstop. (A sleeping waiter must be woken and
 *       scheduled before it can ask; on a loaded machine that is milliseconds, at a 1 ms interval
 *       most of the time between switches.)
 *       Waiting one interval first is the whole point: a holder that is about to block or finish
 *       releases the GIL by itself, and a CPU-bound holder gets a full time slice, so switches
 *       happen at most about once per interval instead of on every instruction (the old GIL's
 *       "check interval" of 100 ticks thrashed on multicore machines).</li>
 *   <li><b>Where the holder notices.</b> The dispatch loop polls the eval breaker — one volatile
 *       read — only at {@code RESUME} (function entry), {@code JUMP_BACKWARD} (loop back edges)
 *       and after a call returns, exactly where CPython 3.10+ does ({@code CHECK_EVAL_BREAKER}).
 *       Never per instruction: that costs every program, and it would let a switch land in the
 *       middle of {@code counter += 1}, which 3.10+ does not. The slow path
 *       ({@code SlowPaths.handleBreaker}, CPython's {@code _Py_HandlePending}) calls
 *       {@link #yieldIfRequested}: drop, let the other thread run, take again.</li>
 *   <li><b>Forced switching.</b> After a <em>requested</em> drop, another thread must really get
 *       the GIL ({@code FORCE_SWITCHING}): without it, on a multicore machine the CPU-bound thread
 *       re-takes the lock before the woken waiter is even scheduled, and the waiter starves (the
 *       "speculative release" latency problem of Pitrou's essay). CPython's dropping thread
 *       sleeps until the switch has happened; Toy hands the GIL straight to the waiter that
 *       asked, under the mutex, which gives the same guarantee without that extra wake-up. A
 *       drop that nobody requested (a blocking call) frees the GIL for whoever comes first.</li>
 *   <li><b>Blocking calls.</b> {@code sleep}, console and file reads, {@code join} and every
 *       lock/condition/queue wait run inside {@code try (var released = gil.release(ts)) {...}}:
 *       CPython's {@code Py_BEGIN_ALLOW_THREADS}/{@code Py_END_ALLOW_THREADS} pair as one
 *       AutoCloseable scope (GraalPy's {@code GilNode}). That scope is the one door to the lock for
 *       the rest of Toy; no other code takes or drops it, and nothing in the runtime uses
 *       {@code synchronized} to protect Toy values — the GIL does.</li>
 *   <li><b>The cost of a single thread.</b> With no waiter nobody ever sets the drop request, so
 *       a single-threaded program pays one volatile read per back edge, call and return, and a
 *       lock/unlock of an uncontended mutex around each blocking call.</li>
 * </ul>
 *
 * <h2>Statistics</h2>
 * {@link GilStats} counts switches and drop requests, and per thread the nanoseconds spent
 * holding the GIL, waiting for it, and blocked outside it. Clocks are read at transitions only
 * ({@code System.nanoTime}, ~40 ns); per-thread CPU time ({@code ThreadMXBean}, ~600 ns) only when
 * a thread ends or when the statistics are read, never per bytecode.
 *
 * <h2>The timeline</h2>
 * With {@code toy --gil-trace=FILE.html} a {@link GilTrace} records every transition (wait, take,
 * take-over, block with its reason, requested drop, drop request, exit) with a timestamp, and
 * {@code org.toy.gil.timeline} draws them, child processes included, as one picture. Off, it costs
 * one volatile read of null per transition.
 */
public interface Gil {

    /**
     * Takes the GIL for {@code ts}, waiting as long as needed (CPython's {@code take_gil}).
     * Used when a thread starts running Toy code; everything else uses {@link #release}.
     */
    void take(ThreadState ts);

    /** Gives the GIL up for good: the thread has finished running Toy code ({@code drop_gil}). */
    void drop(ThreadState ts);

    /**
     * The one door for blocking operations: drops the GIL now and takes it back when the scope
     * closes. If {@code ts} does not hold the GIL (a nested scope, a Java-only caller), the scope
     * does nothing. {@code reason} says what the thread blocks on ("sleep", "join Thread-1"); the
     * GIL timeline shows it.
     */
    Released release(ThreadState ts, String reason);

    /** {@link #release(ThreadState, String)} for a caller that gives no reason. */
    default Released release(ThreadState ts) { return release(ts, "a blocking call"); }

    /**
     * Called from the eval breaker's slow path on the thread that holds the GIL: if a drop was
     * requested, hand the GIL to a waiting thread (forced switching) and take it back.
     */
    void yieldIfRequested(ThreadState ts);

    /** Whether {@code ts} holds the GIL now. */
    boolean isHeldBy(ThreadState ts);

    /** False for a free-threaded implementation. */
    boolean enabled();

    /** The switch interval in seconds ({@code sys.getswitchinterval()}). */
    double interval();

    /** Sets the switch interval (already checked to be positive). */
    void setInterval(double seconds);

    /**
     * The program has ended: every thread other than the main one that wants the GIL from now on
     * gets {@link GilShutdown} (daemon threads are abandoned, as CPython's finalisation does), and
     * the holder is asked to drop it.
     */
    void shutdown();

    /** Switch count, drop requests and per-thread times. */
    GilStats stats();

    /** Starts recording every transition into {@code trace} ({@code toy --gil-trace}). */
    void startTrace(GilTrace trace);

    /** The recorder, or null when the GIL is not being traced. */
    GilTrace trace();

    /**
     * The scoped release for code that has no ThreadState at hand (a stream's blocking read):
     * releases the GIL if the calling Java thread holds it, else does nothing.
     */
    static Released releaseCurrent(String reason) {
        ThreadState ts = NewGil.CURRENT.get();
        return ts == null ? NewGil.NOTHING_RELEASED : ts.interp().gil().release(ts, reason);
    }

    /** {@link #releaseCurrent(String)} for a caller that gives no reason. */
    static Released releaseCurrent() { return releaseCurrent("a blocking call"); }

    /** The ThreadState that took the GIL last on the calling Java thread, or null. */
    static ThreadState currentThreadState() { return NewGil.CURRENT.get(); }

    /** A released GIL, taken back by {@link #close}. */
    interface Released extends AutoCloseable {
        @Override
        void close();
    }
}
