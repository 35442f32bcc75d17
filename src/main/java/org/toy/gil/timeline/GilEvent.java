package org.toy.gil.timeline;

/**
 * What a thread did to the GIL, as {@link org.toy.gil.GilTrace} records it. The state a thread is
 * in between two of its events follows from the earlier one: see {@link Timeline}.
 */
public enum GilEvent {
    /** Starts waiting for the GIL. */
    WAIT("waits for the GIL"),
    /** Takes the GIL, which it was also the last to hold. */
    TAKE("takes the GIL"),
    /** Takes the GIL over from another thread: a switch. */
    TAKE_OVER("takes the GIL over"),
    /** Releases the GIL around a blocking call; the detail says which (sleep, join, a lock ...). */
    BLOCK("releases the GIL to block"),
    /** Drops the GIL because a waiter asked (forced switching). */
    YIELD("drops the GIL on request"),
    /** A waiter that waited one interval in vain asks the holder to drop the GIL. */
    DROP_REQUEST("asks for the GIL"),
    /** Gives the GIL up for good: the thread has finished. */
    EXIT("finishes");

    public final String label;

    GilEvent(String label) {
        this.label = label;
    }

    private static final GilEvent[] ALL = values();

    public static GilEvent of(int ordinal) { return ALL[ordinal]; }
}
