package org.toy.ipc;

import org.toy.runtime.Args;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/**
 * {@code multiprocessing.Condition(lock=None)}: CPython's {@code synchronize.Condition}, built as
 * it is from a Lock or RLock and three semaphores, all {@link SemLock}s, so it works across
 * processes with no state of its own: {@code sleeping} counts waiters that went to sleep,
 * {@code woken} those that woke (by notify or timeout), and a notifier releases {@code wait}
 * once per sleeper it wakes, then waits for each to report on {@code woken}.
 */
public final class SyncCondition extends ToyObject implements Handle {
    public static final ToyType TYPE = new ToyType("Condition", ToyType.OBJECT);

    final SemLock lock;
    private final SemLock sleeping;
    private final SemLock woken;
    private final SemLock waitSem;

    private SyncCondition(SemLock lock, SemLock sleeping, SemLock woken, SemLock waitSem) {
        this.lock = lock;
        this.sleeping = sleeping;
        this.woken = woken;
        this.waitSem = waitSem;
    }

    static SyncCondition create(SemLock lock) {
        SemLock l = lock != null ? lock : SemLock.create(SemLock.Kind.RLOCK, 1);
        return new SyncCondition(l, SemLock.create(SemLock.Kind.SEMAPHORE, 0), SemLock.create(SemLock.Kind.SEMAPHORE, 0),
                SemLock.create(SemLock.Kind.SEMAPHORE, 0));
    }

    static {
        Handle.register("Condition", SyncCondition::revive);
    }

    @Override public String handleKind() { return "Condition"; }

    @Override
    public ToyObject handleState() {
        SemLock.assertSpawning(this);
        return ToyTuple.of(lock, sleeping, woken, waitSem);
    }

    private static ToyObject revive(ToyObject state) {
        if (!(state instanceof ToyTuple t) || t.len() != 4) throw Errors.valueError("bad Condition state");
        for (int i = 0; i < 4; i++) if (!(t.get(i) instanceof SemLock)) throw Errors.valueError("bad Condition state");
        return new SyncCondition((SemLock) t.get(0), (SemLock) t.get(1), (SemLock) t.get(2), (SemLock) t.get(3));
    }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() { return "<Condition(" + lock.repr() + ", " + (sleeping.value() - woken.value()) + ")>"; }

    /** {@code wait(timeout=None)}: seconds, negative for none. */
    boolean await(ThreadState ts, double timeout) {
        if (!lock.isMine(ts)) throw SemLock.notOwned("must acquire() condition before using wait()");
        sleeping.release(ts);
        int count = lock.count();
        for (int i = 0; i < count; i++) lock.release(ts);
        try {
            return waitSem.acquire(ts, true, timeout);
        } finally {
            woken.release(ts);
            for (int i = 0; i < count; i++) lock.acquire(ts, true, -1);
        }
    }

    void notify(ThreadState ts, long n) {
        if (!lock.isMine(ts)) throw SemLock.notOwned("lock is not owned");
        if (waitSem.acquire(ts, false, 0)) throw SemLock.notOwned("notify: Should not have been able to acquire _wait_semaphore");
        // account for the timeouts since the last notify: sleepers that woke by themselves
        while (woken.acquire(ts, false, 0)) {
            if (!sleeping.acquire(ts, false, 0)) throw SemLock.notOwned("notify: Bug in sleeping_count.acquire- res should not be False");
        }
        long sleepers = 0;
        while (sleepers < n && sleeping.acquire(ts, false, 0)) {
            waitSem.release(ts);
            sleepers++;
        }
        if (sleepers > 0) {
            for (long i = 0; i < sleepers; i++) woken.acquire(ts, true, -1);
            while (waitSem.acquire(ts, false, 0)) {
                // re-zero: a sleeper may have timed out meanwhile
            }
        }
    }

    /** {@code wait_for(predicate, timeout=None)}. */
    ToyObject waitFor(ThreadState ts, ToyObject predicate, double timeout) {
        ToyObject result = ts.call(predicate);
        if (result.isTrue()) return result;
        long end = timeout < 0 ? 0 : System.nanoTime() + SemState.nanos(timeout);
        while (!result.isTrue()) {
            double wait = -1;
            if (timeout >= 0) {
                wait = (end - System.nanoTime()) / 1e9;
                if (wait <= 0) break;
            }
            await(ts, wait);
            result = ts.call(predicate);
        }
        return result;
    }

    private static SyncCondition self(ToyObject o) {
        if (o instanceof SyncCondition c) return c;
        throw Errors.typeError("descriptor requires a 'Condition' object");
    }

    static double timeout(ToyObject t) {
        return t == null || t == ToyNone.NONE ? -1 : Math.max(0, Connection.seconds(t));
    }

    static {
        for (String n : new String[] {"acquire", "__enter__"}) {
            TYPE.method(n, (ts, a, kw) -> ToyBool.of(SemLock.acquireWith(self(a[0]).lock, ts, a, kw)));
        }
        TYPE.method("release", (ts, a, kw) -> {
            Args.none("release", a, kw, 1);
            self(a[0]).lock.release(ts);
            return ToyNone.NONE;
        });
        TYPE.method("__exit__", (ts, a, kw) -> {
            self(a[0]).lock.release(ts);
            return ToyNone.NONE;
        });
        TYPE.method("wait", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("wait", a, kw, 1, 0, "timeout");
            return ToyBool.of(self(a[0]).await(ts, timeout(p[0])));
        });
        TYPE.method("wait_for", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("wait_for", a, kw, 1, 1, "predicate", "timeout");
            return self(a[0]).waitFor(ts, p[0], timeout(p[1]));
        });
        TYPE.method("notify", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("notify", a, kw, 1, 0, "n");
            self(a[0]).notify(ts, p[0] == null ? 1 : Args.toLong(p[0]));
            return ToyNone.NONE;
        });
        TYPE.method("notify_all", (ts, a, kw) -> {
            Args.none("notify_all", a, kw, 1);
            self(a[0]).notify(ts, Long.MAX_VALUE);
            return ToyNone.NONE;
        });
    }

    /** {@code Condition(lock=None)}. */
    public static BuiltinFunction factory() {
        return BuiltinFunction.function("Condition", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("Condition", a, kw, 0, 0, "lock");
            if (p[0] == null || p[0] == ToyNone.NONE) return create(null);
            if (p[0] instanceof SemLock l && (l.kind == SemLock.Kind.LOCK || l.kind == SemLock.Kind.RLOCK)) return create(l);
            throw Errors.attributeError("'" + p[0].type().name() + "' object has no attribute '_semlock'");
        });
    }
}
