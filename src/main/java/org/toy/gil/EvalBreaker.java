package org.toy.gil;

/**
 * CPython's "eval breaker": one volatile word of request bits that the dispatch loop reads at a
 * few places only — backward jumps, function entry ({@code RESUME}) and after calls, as in
 * CPython 3.10+ — so that the hot path pays a single volatile read and nothing else. Whoever
 * wants the running thread's attention (Ctrl-C, a thread waiting for the GIL) sets a bit; the
 * loop sees it within one loop iteration or call and handles it off the hot path.
 */
public final class EvalBreaker {
    /** Ctrl-C arrived: raise KeyboardInterrupt in the main thread. */
    public static final int KEYBOARD_INTERRUPT = 1;
    /** Another thread waits for the GIL: drop it at the next check (used by the GIL). */
    public static final int GIL_DROP_REQUEST = 2;
    /** Someone is waiting for the GIL: the holder keeps an eye on the clock (see {@link NewGil}). */
    public static final int GIL_WAITER = 4;
    /** The bits the GIL answers to, in {@link Gil#yieldIfRequested}. */
    public static final int GIL_BITS = GIL_DROP_REQUEST | GIL_WAITER;

    private volatile int bits;

    /** The hot-path check: non-zero when something is pending. */
    public int pending() { return bits; }

    public synchronized void set(int bit) { bits |= bit; }

    public synchronized void clear(int bit) { bits &= ~bit; }

    /** Clears and reports a bit, so one request is handled once. */
    public synchronized boolean take(int bit) {
        boolean was = (bits & bit) != 0;
        bits &= ~bit;
        return was;
    }
}
