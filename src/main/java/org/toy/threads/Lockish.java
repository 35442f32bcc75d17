package org.toy.threads;

import org.toy.vm.ThreadState;

/** What a Condition needs from its lock (threading.py's {@code _release_save}, {@code _acquire_restore}, {@code _is_owned}). */
interface Lockish {
    /** {@code timeout} in seconds, negative for none. */
    boolean acquire(ThreadState ts, boolean blocking, double timeout);

    void release(ThreadState ts);

    boolean isOwned(ThreadState ts);

    /** Releases completely, answering what {@link #acquireRestore} needs to take it back. */
    int releaseSave(ThreadState ts);

    void acquireRestore(ThreadState ts, int saved);
}
