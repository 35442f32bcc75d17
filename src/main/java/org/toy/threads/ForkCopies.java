package org.toy.threads;

import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyTuple;
import org.toy.vm.ThreadState;

/**
 * What {@code fork()} leaves of threading's objects in the child, for the fork state that the
 * codec carries (pickle refuses these objects; fork copies memory, so CPython's child has them):
 * <ul>
 *   <li>a {@code Lock} keeps the state it had: a lock held at the fork stays held in the child,
 *       by nobody (CPython's reason to re-create locks after fork);</li>
 *   <li>a {@code Thread} keeps its name, daemon flag and ident; one that had started has stopped,
 *       because only the forking thread exists in the child ({@code threading._after_fork}), so
 *       {@code is_alive()} is False and {@code join()} returns at once; one not yet started can
 *       still be started there;</li>
 *   <li>the forking thread's own object is the child's main thread.</li>
 * </ul>
 * The codec writes a copy as a kind and a state made of plain values, then rebuilds it in two
 * steps ({@link #blank}, then {@link #fill}) so that a state that refers back to the object (a
 * thread whose target's globals hold it) finds it in the memo.
 */
public final class ForkCopies {
    private ForkCopies() {}

    private static final String LOCK = "lock";
    private static final String THREAD = "thread";
    private static final String CURRENT_THREAD = "current-thread";

    /** The kind of fork copy {@code v} has, or null when fork has no copy of it here. */
    public static String kindOf(ToyObject v) {
        if (v instanceof ToyLock) return LOCK;
        if (v instanceof ToyThread t && t.type() != null && !t.type().isHeap()) {
            return t == t.threads().current(ThreadState.current()) ? CURRENT_THREAD : THREAD;
        }
        return null;   // a subclass's instance pickles by its class; the rest cannot cross
    }

    /** The plain values a copy of {@code v} (of {@code kind}) is rebuilt from. */
    public static ToyObject state(String kind, ToyObject v) {
        switch (kind) {
            case LOCK: return ToyBool.of(((ToyLock) v).isLocked());
            case THREAD: return ((ToyThread) v).forkState();
            default: return ToyNone.NONE;
        }
    }

    /** A new object of {@code kind} in this (the child's) interpreter, not yet filled in. */
    public static ToyObject blank(String kind) {
        Threads threads = ThreadState.current().interp().threads();
        switch (kind) {
            case LOCK: return new ToyLock(threads);
            case THREAD: return ToyThread.forkBlank(threads);
            case CURRENT_THREAD: return threads.current(ThreadState.current());
            default: throw new IllegalArgumentException("no fork copy of kind " + kind);
        }
    }

    /** Gives {@code blank} the state it had in the parent; false when the state is malformed. */
    public static boolean fill(String kind, ToyObject blank, ToyObject state) {
        switch (kind) {
            case LOCK:
                if (!(state instanceof ToyBool locked)) return false;
                if (locked.isTrue()) ((ToyLock) blank).forkLocked();
                return true;
            case THREAD:
                return state instanceof ToyTuple t && ((ToyThread) blank).forkFill(t);
            default:
                return true;
        }
    }
}
