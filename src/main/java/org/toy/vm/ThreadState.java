package org.toy.vm;

import java.util.ArrayList;
import java.util.List;
import org.toy.gil.ThreadStats;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyObject;

/**
 * Everything that belongs to one thread running Toy code (CPython's {@code PyThreadState}): its
 * frames, the exception being handled (for a bare {@code raise}), and its recursion depth.
 * Built-ins receive the calling thread's state and use it to call back into Toy.
 */
public final class ThreadState {
    private final Interpreter interp;

    /** The exception currently being handled by an {@code except} block, or null. */
    ToyException handledException;

    /** Toy frames currently on this thread (the recursion depth). */
    int depth;

    /** The keyword names KW_NAMES announced for the next CALL (CPython 3.11 keeps them the same way). */
    String[] kwNames = ToyObject.NO_KEYWORDS;

    /** Set just before a re-raise, so unwinding adds no second traceback line for the same frame. */
    boolean reraising;

    private final boolean main;

    /** This thread's GIL account (sys.gil, --gil-stats). */
    private final ThreadStats gilStats;


    /** The {@code threading.Thread} object for this thread, created by the thread library. */
    private volatile ToyObject threadObject;
    /**
     * The frame that made the call now running in Java (set by CALL before it calls anything
     * that is not a Toy function). Zero-argument {@code super()} reads its first argument and
     * its {@code __class__} cell from there, as CPython's reads the calling frame; and a blocked
     * thread is always inside such a call, so the deadlock report starts its stack there.
     * A plain field, not a volatile one: it is written on every call of a built-in, and a
     * volatile write there is a full fence. Another thread reads it only after this thread has
     * released the GIL or blocked through the threads library, and those locks order the write
     * before the read.
     */
    Frame callerFrame;

    /**
     * The thread state of the Java thread running Toy code. Runtime values call their special
     * methods ({@code __repr__}, {@code __add__} ...) from virtual methods that take no thread
     * state, so they find it here; {@link EvalLoop#run} binds it on entry. A ThreadLocal keeps
     * several Toy threads (and several interpreters in one JVM) apart.
     */
    private static final ThreadLocal<ThreadState> CURRENT = new ThreadLocal<>();

    /** The calling Java thread's Toy thread state; fails if this thread never ran Toy code. */
    public static ThreadState current() {
        ThreadState ts = CURRENT.get();
        if (ts == null) throw new IllegalStateException("no Toy thread state bound to " + Thread.currentThread());
        return ts;
    }

    /** Makes {@code ts} the current thread's state; returns the one it replaces (maybe null). */
    static ThreadState bind(ThreadState ts) {
        ThreadState previous = CURRENT.get();
        if (previous != ts) CURRENT.set(ts);
        return previous;
    }

    /** Undoes {@link #bind}, keeping the binding when there was none before (tracebacks print after the run). */
    static void unbind(ThreadState ts, ThreadState previous) {
        if (previous != null && previous != ts) CURRENT.set(previous);
    }

    /**
     * The thread's Toy code has ended: drop what still points into its last frames (the caller
     * frame a built-in was called from, the exception being handled), so that what those frames
     * held can be collected while the Thread object lives on, and unbind it from the Java thread,
     * which the pool reuses.
     */
    public void release() {
        callerFrame = null;
        handledException = null;
        if (CURRENT.get() == this) CURRENT.remove();
    }

    /** The frame that called the built-in now running (see {@link #callerFrame}), or null. */
    public Frame callerFrame() { return callerFrame; }

    /** The state of an interpreter's main thread. */
    public ThreadState(Interpreter interp) {
        this(interp, true);
    }

    public ThreadState(Interpreter interp, boolean main) {
        this.interp = interp;
        this.main = main;
        this.gilStats = new ThreadStats(main ? "MainThread" : "Thread");
        interp.gil().stats().register(gilStats);
    }

    public ThreadStats gilStats() { return gilStats; }

    public ToyObject threadObject() { return threadObject; }

    public void setThreadObject(ToyObject thread) { this.threadObject = thread; }

    /**
     * The Toy stack of a thread blocked in a built-in call, outermost first, as traceback
     * entries; empty when the thread has not called into Java yet.
     */
    public List<ToyException.Entry> stack() {
        List<ToyException.Entry> entries = new ArrayList<>();
        for (Frame f = callerFrame; f != null; f = f.back) {
            entries.add(0, new ToyException.Entry(f.code.source, f.line(), f.code.name));
        }
        return entries;
    }

    /** Whether this is the interpreter's main thread (the one KeyboardInterrupt goes to). */
    public boolean isMain() { return main; }

    public Interpreter interp() { return interp; }

    /** The exception being handled right now ({@code sys.exc_info()[1]}), or null. */
    public ToyException handledException() { return handledException; }

    /**
     * Calls any callable from Java (a built-in's callback: {@code sorted(key=f)}, {@code map(f, xs)}).
     * Toy functions run in a nested dispatch loop that stops when their frame returns.
     */
    public ToyObject call(ToyObject callable, ToyObject... args) {
        return call(callable, args, ToyObject.NO_KEYWORDS);
    }

    public ToyObject call(ToyObject callable, ToyObject[] args, String[] kwNames) {
        return callable.call(this, args, kwNames);
    }
}
