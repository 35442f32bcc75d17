package org.toy.threads;

/**
 * Thrown in every blocked thread once the detector has found that none of them can ever wake:
 * a Java exception, not a Toy one, so no {@code except} or {@code finally} in the program can
 * swallow it. The main thread carries it out of the program, which prints {@link #report()} and
 * ends with a non-zero status; the other threads end silently.
 */
public final class Deadlock extends RuntimeException {
    private final String report;

    Deadlock(String report) {
        super("deadlock", null, false, false);
        this.report = report;
    }

    /** The wait-for graph, the cycle, and each thread's Toy stack, ready for stderr. */
    public String report() { return report; }
}
