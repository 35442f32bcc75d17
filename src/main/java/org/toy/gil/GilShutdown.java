package org.toy.gil;

/**
 * Thrown in a thread that wants the GIL after the program has ended (a daemon thread still
 * running when the main thread finished): as in CPython, such a thread never runs Toy code
 * again. A Java exception, so the program cannot catch it; the thread's bootstrap ends quietly.
 */
public final class GilShutdown extends RuntimeException {
    public GilShutdown() {
        super("interpreter shut down", null, false, false);
    }
}
