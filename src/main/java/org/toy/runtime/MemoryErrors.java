package org.toy.runtime;

/**
 * Python's {@code MemoryError} in place of the JVM's {@link OutOfMemoryError}.
 *
 * <p>CPython raises MemoryError when {@code malloc} fails, and the program can catch it and go on:
 * the failed request took nothing. The JVM throws OutOfMemoryError when the heap cannot satisfy a
 * request even after a full collection; the VM turns it into a Toy MemoryError at the frame
 * ({@code EvalLoop}), so {@code except MemoryError} works, unwinding drops the frames' references,
 * and an uncaught one prints a traceback. Two cases differ in what is left:
 * <ul>
 *   <li>one huge request ({@code [0] * 10**10} when the count fits, {@code bytearray(10**10)}):
 *       the heap is as it was, and handling the error costs nothing special;</li>
 *   <li>a heap filled by many small objects (a list growing in a loop): there may be no room left
 *       even to build the exception and its traceback. For that, a reserve is held from start-up
 *       and let go at an OutOfMemoryError; it is taken again when an {@code except} clause
 *       handles the MemoryError (the frames unwound by then have dropped what they held).</li>
 * </ul>
 */
public final class MemoryErrors {
    private MemoryErrors() {}

    /**
     * Room to build an exception, a traceback and its text, and to print it. Zeroing the array
     * makes it resident, so every interpreter, each child process's too, pays it in RSS: 8 MB cost
     * 7-8 MB of `toy -c pass`'s peak (54-55 MB against 47 MB); a traceback needs a few KB.
     */
    private static final int RESERVE_BYTES = 1 << 20;
    /** Taken by {@link #rearm} when an interpreter starts: loading this class must never be what runs out. */
    private static volatile byte[] reserve;

    /** The MemoryError to raise for {@code e}: the reserve is let go first, so raising it cannot fail again. */
    public static ToyError from(OutOfMemoryError e) {
        reserve = null;
        return raise();
    }

    /** {@code MemoryError()}, as CPython's {@code PyErr_NoMemory} raises it: no arguments. */
    public static ToyError raise() {
        return new ToyError(new ToyException(ExceptionTypes.MEMORY_ERROR, ToyTuple.EMPTY));
    }

    /** Takes the reserve (again) if it is not held and there is room for it now. */
    public static void rearm() {
        if (reserve != null) return;
        try {
            reserve = new byte[RESERVE_BYTES];
        } catch (OutOfMemoryError stillFull) {
            // later: the program has not freed anything yet
        }
    }
}
