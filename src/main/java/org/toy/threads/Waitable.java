package org.toy.threads;

/**
 * Something a Toy thread can block on without the GIL: a lock (or a condition's waiter lock) or
 * a thread to join. Its state is guarded by {@link Threads}'s room lock, so the deadlock detector
 * sees every waiter and every resource in one consistent state.
 */
interface Waitable {
    /** Whether a waiter could go on now (the lock is free, the thread has ended). Room lock held. */
    boolean available();

    /** The thread that could make it available, when there is exactly one (a lock's holder), or null. */
    ToyThread blocker();

    /** How the deadlock report names the wait: "join Thread-1", "acquire <locked _thread.lock ...>". */
    String describe();
}
