package org.toy.threads;

import org.toy.runtime.Errors;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/**
 * {@code _thread.lock} ({@code threading.Lock()}): a plain lock that any thread may release.
 * Taking a free lock needs no wait (the room lock for a moment, the GIL stays held); a taken
 * lock is waited for through {@link Threads#block}, without the GIL. Conditions use private
 * instances as their waiters' locks, labelled so that a deadlock report can say what they are.
 */
public final class ToyLock extends ToyObject implements Waitable, Lockish {
    public static final ToyType TYPE = new ToyType("_thread.lock", ToyType.OBJECT);

    private final Threads threads;
    /** Guarded by the room lock. */
    private boolean locked;
    /** The thread that took it last (reports only: a Lock has no owner in Python). */
    private ToyThread holder;
    /** For a condition's waiter lock: what the waiting thread waits for. */
    private final String label;

    ToyLock(Threads threads) {
        this(threads, null);
    }

    /** A fork copy of a lock that was held: held in the child too, by no thread (see ForkCopies). */
    void forkLocked() {
        threads.room.lock();
        try {
            locked = true;
        } finally {
            threads.room.unlock();
        }
    }

    ToyLock(Threads threads, String label) {
        this.threads = threads;
        this.label = label;
    }

    @Override
    public boolean acquire(ThreadState ts, boolean blocking, double timeout) {
        ToyThread me = threads.current(ts);
        threads.room.lock();
        try {
            if (!locked) {
                locked = true;
                holder = me;
                return true;
            }
        } finally {
            threads.room.unlock();
        }
        if (!blocking || timeout == 0) return false;
        return threads.block(ts, this, timeout < 0 ? -1 : Threads.nanos(timeout), () -> {
            if (locked) return false;
            locked = true;
            holder = me;
            return true;
        });
    }

    @Override
    public void release(ThreadState ts) {
        threads.room.lock();
        try {
            if (locked) {
                locked = false;
                holder = null;
                threads.wake(this);
                return;
            }
        } finally {
            threads.room.unlock();
        }
        throw Errors.runtimeError("release unlocked lock");
    }

    public boolean isLocked() {
        threads.room.lock();
        try {
            return locked;
        } finally {
            threads.room.unlock();
        }
    }

    @Override
    public boolean isOwned(ThreadState ts) { return isLocked(); }

    @Override
    public int releaseSave(ThreadState ts) {
        release(ts);
        return 1;
    }

    @Override
    public void acquireRestore(ThreadState ts, int saved) { acquire(ts, true, -1); }

    // Waitable
    @Override public boolean available() { return !locked; }
    @Override public ToyThread blocker() { return label == null ? holder : null; }
    @Override public String describe() { return label != null ? label : "acquire " + reprLocked(); }

    private String reprLocked() {
        return "<" + (locked ? "locked" : "unlocked") + " _thread.lock object at 0x" + Long.toHexString(Ops.id(this)) + ">";
    }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() {
        threads.room.lock();
        try {
            return reprLocked();
        } finally {
            threads.room.unlock();
        }
    }

    // ---- the Python methods ------------------------------------------------------------------

    private static final Params ACQUIRE = Params.of("acquire", 0, 0, "blocking", "timeout");

    /**
     * {@code acquire(blocking=True, timeout=-1)}'s checks, as {@code lock_acquire_parse_args}:
     * answers the timeout in seconds (negative: none), or NaN for a non-blocking call.
     */
    static double acquireTimeout(ToyObject[] args, String[] kw) {
        ToyObject[] p = ACQUIRE.bind(args, kw, 1);
        boolean blocking = p[0] == null || p[0].isTrue();
        double timeout = p[1] == null ? -1 : Threads.seconds(p[1]);
        boolean unset = timeout == -1;
        if (!blocking && !unset) throw Errors.valueError("can't specify a timeout for a non-blocking call");
        if (timeout < 0 && !unset) throw Errors.valueError("timeout value must be positive");
        if (!blocking) return Double.NaN;
        if (timeout > 9223372036.0) throw Errors.overflow("timeout value is too large");
        return timeout;
    }

    static boolean acquireWith(Lockish lock, ThreadState ts, ToyObject[] args, String[] kw) {
        double t = acquireTimeout(args, kw);
        return Double.isNaN(t) ? lock.acquire(ts, false, 0) : lock.acquire(ts, true, t);
    }

    private static ToyLock self(ToyObject o) {
        if (o instanceof ToyLock l) return l;
        throw Errors.typeError("descriptor requires a '_thread.lock' object but received a '" + o.type().name() + "'");
    }

    static {
        for (String name : new String[] {"acquire", "acquire_lock", "__enter__"}) {
            TYPE.method(name, (ts, args, kw) -> ToyBool.of(acquireWith(self(args[0]), ts, args, kw)));
        }
        for (String name : new String[] {"release", "release_lock"}) {
            TYPE.method(name, (ts, args, kw) -> {
                if (args.length != 1 || kw.length != 0) throw Errors.typeError("lock." + name + "() takes no arguments (" + (args.length - 1) + " given)");
                self(args[0]).release(ts);
                return ToyNone.NONE;
            });
        }
        TYPE.method("__exit__", (ts, args, kw) -> {
            self(args[0]).release(ts);
            return ToyNone.NONE;
        });
        for (String name : new String[] {"locked", "locked_lock"}) {
            TYPE.method(name, (ts, args, kw) -> ToyBool.of(self(args[0]).isLocked()));
        }
    }
}
