package org.toy.threads;

import org.toy.runtime.Errors;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/** {@code threading.Semaphore} and {@code BoundedSemaphore}: a counter and a condition, as threading.py. */
public final class ToySemaphore extends ToyObject {
    public static final ToyType TYPE = new ToyType("Semaphore", ToyType.OBJECT, (ts, t, a, k) -> construct(ts, a, k, false));
    public static final ToyType BOUNDED = new ToyType("BoundedSemaphore", TYPE, (ts, t, a, k) -> construct(ts, a, k, true));

    private final ToyCondition cond;
    private final boolean bounded;
    private final long initial;
    private long value;

    private ToySemaphore(Threads threads, long value, boolean bounded) {
        this.cond = new ToyCondition(threads, new ToyLock(threads), "acquire a Semaphore");
        this.value = value;
        this.initial = value;
        this.bounded = bounded;
    }

    private static ToyObject construct(ThreadState ts, ToyObject[] args, String[] kw, boolean bounded) {
        ToyObject[] p = Params.of((bounded ? "BoundedSemaphore" : "Semaphore") + ".__init__", 1, 0, "value").bind(args, kw, 0);
        long value = p[0] == null ? 1 : ((ToyInt) p[0].index()).value;
        if (value < 0) throw Errors.valueError("semaphore initial value must be >= 0");
        return new ToySemaphore(ts.interp().threads(), value, bounded);
    }

    /** {@code acquire(blocking=True, timeout=None)}. */
    public boolean acquire(ThreadState ts, boolean blocking, Double timeout) {
        if (!blocking && timeout != null) throw Errors.valueError("can't specify timeout for non-blocking acquire");
        long end = 0;
        cond.enter(ts);
        try {
            while (value == 0) {
                if (!blocking) return false;
                if (timeout != null) {
                    if (end == 0) {
                        end = System.nanoTime() + Threads.nanos(timeout);
                    } else {
                        timeout = (end - System.nanoTime()) / 1e9;
                        if (timeout <= 0) return false;
                    }
                }
                cond.await(ts, timeout);
            }
            value--;
            return true;
        } finally {
            cond.exit(ts);
        }
    }

    public void release(ThreadState ts, long n) {
        if (n < 1) throw Errors.valueError("n must be one or more");
        cond.enter(ts);
        try {
            if (bounded && value + n > initial) throw Errors.valueError("Semaphore released too many times");
            value += n;
            for (long i = 0; i < n; i++) cond.notify(ts, 1);
        } finally {
            cond.exit(ts);
        }
    }

    @Override public ToyType type() { return bounded ? BOUNDED : TYPE; }

    @Override
    public String repr() {
        return "<threading." + type().name() + " at " + ToyCondition.at(this) + ": value=" + value
                + (bounded ? "/" + initial : "") + ">";
    }

    private static ToySemaphore self(ToyObject o) {
        if (o instanceof ToySemaphore s) return s;
        throw Errors.typeError("descriptor requires a 'Semaphore' object but received a '" + o.type().name() + "'");
    }

    static {
        for (String name : new String[] {"acquire", "__enter__"}) {
            TYPE.method(name, (ts, args, kw) -> {
                ToyObject[] p = Params.of("Semaphore.acquire", 1, 0, "blocking", "timeout").bind(args, kw, 1);
                boolean blocking = p[0] == null || p[0].isTrue();
                return ToyBool.of(self(args[0]).acquire(ts, blocking, ToyCondition.timeoutArg(p[1])));
            });
        }
        TYPE.method("release", (ts, args, kw) -> {
            ToyObject[] p = Params.of("Semaphore.release", 1, 0, "n").bind(args, kw, 1);
            self(args[0]).release(ts, p[0] == null ? 1 : ((ToyInt) p[0].index()).value);
            return ToyNone.NONE;
        });
        TYPE.method("__exit__", (ts, args, kw) -> {
            self(args[0]).release(ts, 1);
            return ToyNone.NONE;
        });
    }

    @Override
    public ToyObject getAttr(String attr) {
        if (attr.equals("_value")) return ToyInt.of(value);
        return super.getAttr(attr);
    }
}
