package org.toy.threads;

import java.util.ArrayDeque;
import org.toy.runtime.Errors;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/**
 * {@code threading.Condition}, as {@code threading.py} builds it: each waiter allocates a fresh
 * lock, takes it, queues it, releases the condition's lock and then blocks taking its own lock a
 * second time; {@code notify} releases the first waiters' locks. So every condition wait (and
 * everything built on conditions: events, semaphores, barriers, queues) is a lock wait in the
 * end, and the deadlock detector needs to know about locks and joins only. The waiter queue is
 * Toy state, touched with the GIL held.
 */
public final class ToyCondition extends ToyObject {
    public static final ToyType TYPE = new ToyType("Condition", ToyType.OBJECT, ToyCondition::construct);

    private final Threads threads;
    private final Lockish lock;
    private final ToyObject lockObject;
    private final ArrayDeque<ToyLock> waiters = new ArrayDeque<>();
    /** How a deadlock report names a wait on this condition. */
    private final String label;

    ToyCondition(Threads threads, ToyObject lockObject, String label) {
        this.threads = threads;
        this.lockObject = lockObject;
        this.lock = (Lockish) lockObject;
        this.label = label;
    }

    private static ToyObject construct(ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        ToyObject[] p = Params.of("Condition.__init__", 1, 0, "lock").bind(args, kw, 0);
        Threads threads = ts.interp().threads();
        ToyObject lock = p[0] == null || p[0] == ToyNone.NONE ? new ToyRLock(threads) : p[0];
        if (!(lock instanceof Lockish)) {
            throw Errors.typeError("Toy's Condition needs a threading.Lock or RLock, not " + lock.type().name());
        }
        return new ToyCondition(threads, lock, "wait for a notify (Condition.wait)");
    }

    public void enter(ThreadState ts) { lock.acquire(ts, true, -1); }

    public void exit(ThreadState ts) { lock.release(ts); }

    /** {@code wait(timeout=None)}: {@code timeout} null waits for a notify however long it takes. */
    public boolean await(ThreadState ts, Double timeout) {
        if (!lock.isOwned(ts)) throw Errors.runtimeError("cannot wait on un-acquired lock");
        ToyLock waiter = new ToyLock(threads, label);
        waiter.acquire(ts, false, 0);
        waiters.add(waiter);
        int saved = lock.releaseSave(ts);
        boolean gotit = false;
        try {
            if (timeout == null) {
                waiter.acquire(ts, true, -1);
                gotit = true;
            } else if (timeout > 0) {
                gotit = waiter.acquire(ts, true, timeout);
            } else {
                gotit = waiter.acquire(ts, false, 0);
            }
            return gotit;
        } finally {
            lock.acquireRestore(ts, saved);
            if (!gotit) waiters.remove(waiter);
        }
    }

    /** {@code wait_for(predicate, timeout=None)}, threading.py's loop. */
    public ToyObject awaitFor(ThreadState ts, ToyObject predicate, Double timeout) {
        long end = 0;
        Double waittime = timeout;
        ToyObject result = ts.call(predicate);
        while (!result.isTrue()) {
            if (waittime != null) {
                if (end == 0) {
                    end = System.nanoTime() + Threads.nanos(waittime);
                } else {
                    waittime = (end - System.nanoTime()) / 1e9;
                    if (waittime <= 0) break;
                }
            }
            await(ts, waittime);
            result = ts.call(predicate);
        }
        return result;
    }

    public void notify(ThreadState ts, long n) {
        if (!lock.isOwned(ts)) throw Errors.runtimeError("cannot notify on un-acquired lock");
        while (!waiters.isEmpty() && n > 0) {
            ToyLock waiter = waiters.peekFirst();
            try {
                waiter.release(ts);
                n--;
            } catch (org.toy.runtime.ToyError e) {
                // already released: skip it, as threading.py does
            }
            waiters.remove(waiter);
        }
    }

    public void notifyAll(ThreadState ts) { notify(ts, Long.MAX_VALUE); }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() { return "<Condition(" + lockObject.repr() + ", " + waiters.size() + ")>"; }

    static Double timeoutArg(ToyObject o) {
        return o == null || o == ToyNone.NONE ? null : Threads.seconds(o);
    }

    private static ToyCondition self(ToyObject o) {
        if (o instanceof ToyCondition c) return c;
        throw Errors.typeError("descriptor requires a 'Condition' object but received a '" + o.type().name() + "'");
    }

    static {
        for (String name : new String[] {"acquire", "__enter__"}) {
            TYPE.method(name, (ts, args, kw) -> ToyBool.of(ToyLock.acquireWith(self(args[0]).lock, ts, args, kw)));
        }
        TYPE.method("release", (ts, args, kw) -> {
            self(args[0]).lock.release(ts);
            return ToyNone.NONE;
        });
        TYPE.method("__exit__", (ts, args, kw) -> {
            self(args[0]).lock.release(ts);
            return ToyNone.NONE;
        });
        TYPE.method("_is_owned", (ts, args, kw) -> ToyBool.of(self(args[0]).lock.isOwned(ts)));
        TYPE.method("wait", (ts, args, kw) -> {
            ToyObject[] p = Params.of("Condition.wait", 1, 0, "timeout").bind(args, kw, 1);
            return ToyBool.of(self(args[0]).await(ts, timeoutArg(p[0])));
        });
        TYPE.method("wait_for", (ts, args, kw) -> {
            ToyObject[] p = Params.of("Condition.wait_for", 1, 1, "predicate", "timeout").bind(args, kw, 1);
            return self(args[0]).awaitFor(ts, p[0], timeoutArg(p[1]));
        });
        TYPE.method("notify", (ts, args, kw) -> {
            ToyObject[] p = Params.of("Condition.notify", 1, 0, "n").bind(args, kw, 1);
            long n = p[0] == null ? 1 : ((ToyInt) p[0].index()).value;
            self(args[0]).notify(ts, n);
            return ToyNone.NONE;
        });
        for (String name : new String[] {"notify_all", "notifyAll"}) {
            TYPE.method(name, (ts, args, kw) -> {
                Params.of("Condition." + name, 1, 0).bind(args, kw, 1);
                self(args[0]).notifyAll(ts);
                return ToyNone.NONE;
            });
        }
    }

    static String at(ToyObject o) { return "0x" + Long.toHexString(Ops.id(o)); }
}
