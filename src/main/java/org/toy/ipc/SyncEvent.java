package org.toy.ipc;

import org.toy.runtime.Args;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.Errors;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/**
 * {@code multiprocessing.Event()}: CPython's {@code synchronize.Event}, a {@link SyncCondition}
 * over a Lock and a Semaphore whose value (0 or 1) is the flag.
 */
public final class SyncEvent extends ToyObject implements Handle {
    public static final ToyType TYPE = new ToyType("Event", ToyType.OBJECT);

    private final SyncCondition cond;
    private final SemLock flag;

    private SyncEvent(SyncCondition cond, SemLock flag) {
        this.cond = cond;
        this.flag = flag;
    }

    static {
        Handle.register("Event", SyncEvent::revive);
    }

    @Override public String handleKind() { return "Event"; }

    @Override
    public ToyObject handleState() {
        SemLock.assertSpawning(this);
        return ToyTuple.of(cond, flag);
    }

    private static ToyObject revive(ToyObject state) {
        if (!(state instanceof ToyTuple t) || t.len() != 2 || !(t.get(0) instanceof SyncCondition c) || !(t.get(1) instanceof SemLock f)) {
            throw Errors.valueError("bad Event state");
        }
        return new SyncEvent(c, f);
    }

    @Override public ToyType type() { return TYPE; }

    /** Runs {@code body} holding the condition's lock ({@code with self._cond:}). */
    private boolean locked(ThreadState ts, java.util.function.BooleanSupplier body) {
        cond.lock.acquire(ts, true, -1);
        try {
            return body.getAsBoolean();
        } finally {
            cond.lock.release(ts);
        }
    }

    private boolean peek(ThreadState ts) {
        if (!flag.acquire(ts, false, 0)) return false;
        flag.release(ts);
        return true;
    }

    boolean isSet(ThreadState ts) { return locked(ts, () -> peek(ts)); }

    void set(ThreadState ts) {
        locked(ts, () -> {
            flag.acquire(ts, false, 0);
            flag.release(ts);
            cond.notify(ts, Long.MAX_VALUE);
            return true;
        });
    }

    void clear(ThreadState ts) { locked(ts, () -> flag.acquire(ts, false, 0)); }

    boolean await(ThreadState ts, double timeout) {
        return locked(ts, () -> {
            if (!peek(ts)) cond.await(ts, timeout);
            return peek(ts);
        });
    }

    @Override
    public String repr() {
        ThreadState ts = org.toy.gil.Gil.currentThreadState();
        String status = ts != null && isSet(ts) ? "set" : "unset";
        return "<Event at 0x" + Long.toHexString(Ops.id(this)) + " " + status + ">";
    }

    private static SyncEvent self(ToyObject o) {
        if (o instanceof SyncEvent e) return e;
        throw Errors.typeError("descriptor requires an 'Event' object");
    }

    static {
        TYPE.method("is_set", (ts, a, kw) -> {
            Args.none("is_set", a, kw, 1);
            return ToyBool.of(self(a[0]).isSet(ts));
        });
        TYPE.method("set", (ts, a, kw) -> {
            Args.none("set", a, kw, 1);
            self(a[0]).set(ts);
            return ToyNone.NONE;
        });
        TYPE.method("clear", (ts, a, kw) -> {
            Args.none("clear", a, kw, 1);
            self(a[0]).clear(ts);
            return ToyNone.NONE;
        });
        TYPE.method("wait", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("wait", a, kw, 1, 0, "timeout");
            return ToyBool.of(self(a[0]).await(ts, SyncCondition.timeout(p[0])));
        });
    }

    /** {@code Event()}. */
    public static BuiltinFunction factory() {
        return BuiltinFunction.function("Event", (ts, a, kw) -> {
            Args.none("Event", a, kw, 0);
            return new SyncEvent(SyncCondition.create(SemLock.create(SemLock.Kind.LOCK, 1)), SemLock.create(SemLock.Kind.SEMAPHORE, 0));
        });
    }
}
