package org.toy.threads;

import org.toy.runtime.Errors;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/**
 * {@code _thread.RLock}: a lock its owner may take again; only the owner may release it, as many
 * times as it took it. Waits go through {@link Threads#block} like {@link ToyLock}'s.
 */
public final class ToyRLock extends ToyObject implements Waitable, Lockish {
    public static final ToyType TYPE = new ToyType("_thread.RLock", ToyType.OBJECT);

    private final Threads threads;
    /** Guarded by the room lock. */
    private ThreadState owner;
    private ToyThread ownerThread;
    private int count;

    ToyRLock(Threads threads) {
        this.threads = threads;
    }

    @Override
    public boolean acquire(ThreadState ts, boolean blocking, double timeout) {
        ToyThread me = threads.current(ts);
        threads.room.lock();
        try {
            if (owner == ts) {
                count++;
                return true;
            }
            if (owner == null) {
                take(ts, me, 1);
                return true;
            }
        } finally {
            threads.room.unlock();
        }
        if (!blocking || timeout == 0) return false;
        return threads.block(ts, this, timeout < 0 ? -1 : Threads.nanos(timeout), () -> {
            if (owner != null) return false;
            take(ts, me, 1);
            return true;
        });
    }

    private void take(ThreadState ts, ToyThread me, int n) {
        owner = ts;
        ownerThread = me;
        count = n;
    }

    @Override
    public void release(ThreadState ts) {
        threads.room.lock();
        try {
            if (owner == ts && count > 0) {
                if (--count == 0) free();
                return;
            }
        } finally {
            threads.room.unlock();
        }
        throw Errors.runtimeError("cannot release un-acquired lock");
    }

    private void free() {
        owner = null;
        ownerThread = null;
        count = 0;
        threads.wake(this);
    }

    @Override
    public boolean isOwned(ThreadState ts) {
        threads.room.lock();
        try {
            return owner == ts;
        } finally {
            threads.room.unlock();
        }
    }

    @Override
    public int releaseSave(ThreadState ts) {
        threads.room.lock();
        try {
            if (owner == ts && count > 0) {
                int saved = count;
                free();
                return saved;
            }
        } finally {
            threads.room.unlock();
        }
        throw Errors.runtimeError("cannot release un-acquired lock");
    }

    @Override
    public void acquireRestore(ThreadState ts, int saved) {
        acquire(ts, true, -1);
        threads.room.lock();
        try {
            count = saved;
        } finally {
            threads.room.unlock();
        }
    }

    // Waitable
    @Override public boolean available() { return owner == null; }
    @Override public ToyThread blocker() { return ownerThread; }
    @Override public String describe() { return "acquire " + reprLocked(); }

    private String reprLocked() {
        long ownerId = ownerThread == null ? 0 : ((Number) ownerIdent()).longValue();
        return "<" + (owner != null ? "locked" : "unlocked") + " _thread.RLock object owner=" + ownerId + " count=" + count
                + " at 0x" + Long.toHexString(Ops.id(this)) + ">";
    }

    private Object ownerIdent() {
        ToyObject id = ownerThread.getAttr("ident");
        return id instanceof org.toy.runtime.ToyInt i ? i.value : 0L;
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

    private static ToyRLock self(ToyObject o) {
        if (o instanceof ToyRLock l) return l;
        throw Errors.typeError("descriptor requires a '_thread.RLock' object but received a '" + o.type().name() + "'");
    }

    static {
        for (String name : new String[] {"acquire", "__enter__"}) {
            TYPE.method(name, (ts, args, kw) -> ToyBool.of(ToyLock.acquireWith(self(args[0]), ts, args, kw)));
        }
        TYPE.method("release", (ts, args, kw) -> {
            if (args.length != 1 || kw.length != 0) throw Errors.typeError("_thread.RLock.release() takes no arguments (" + (args.length - 1) + " given)");
            self(args[0]).release(ts);
            return ToyNone.NONE;
        });
        TYPE.method("__exit__", (ts, args, kw) -> {
            self(args[0]).release(ts);
            return ToyNone.NONE;
        });
        TYPE.method("_is_owned", (ts, args, kw) -> ToyBool.of(self(args[0]).isOwned(ts)));
    }
}
