package org.toy.threads;

import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/** {@code threading.Barrier}: threading.py's state machine (filling, draining, resetting, broken). */
public final class ToyBarrier extends ToyObject {
    public static final ToyType BROKEN_BARRIER_ERROR = new ToyType("threading.BrokenBarrierError",
            ExceptionTypes.RUNTIME_ERROR, (ts, t, a, k) -> new ToyException(t, ToyTuple.of(a.clone())));

    public static final ToyType TYPE = new ToyType("Barrier", ToyType.OBJECT, ToyBarrier::construct);

    private static final int FILLING = 0;
    private static final int DRAINING = 1;
    private static final int RESETTING = -1;
    private static final int BROKEN = -2;

    private final ToyCondition cond;
    private final ToyObject action;
    private final Double timeout;
    private final long parties;
    private int state = FILLING;
    private long count;

    private ToyBarrier(Threads threads, long parties, ToyObject action, Double timeout) {
        this.cond = new ToyCondition(threads, new ToyLock(threads), "wait at a Barrier");
        this.parties = parties;
        this.action = action;
        this.timeout = timeout;
    }

    private static ToyObject construct(ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        ToyObject[] p = Params.of("Barrier.__init__", 1, 1, "parties", "action", "timeout").bind(args, kw, 0);
        long parties = ((ToyInt) p[0].index()).value;
        ToyObject action = p[1] == null || p[1] == ToyNone.NONE ? null : p[1];
        return new ToyBarrier(ts.interp().threads(), parties, action, ToyCondition.timeoutArg(p[2]));
    }

    private static ToyError broken() {
        return new ToyError(new ToyException(BROKEN_BARRIER_ERROR, ToyTuple.EMPTY));
    }

    public long await(ThreadState ts, Double waitTimeout) {
        if (waitTimeout == null) waitTimeout = timeout;
        cond.enter(ts);
        try {
            enter(ts);
            long index = count++;
            try {
                if (index + 1 == parties) release(ts);
                else waitForRelease(ts, waitTimeout);
                return index;
            } finally {
                count--;
                exit(ts);
            }
        } finally {
            cond.exit(ts);
        }
    }

    private void enter(ThreadState ts) {
        while (state == RESETTING || state == DRAINING) cond.await(ts, null);
        if (state < 0) throw broken();
    }

    private void release(ThreadState ts) {
        try {
            if (action != null) ts.call(action);
            state = DRAINING;
            cond.notifyAll(ts);
        } catch (ToyError e) {
            breakBarrier(ts);
            throw e;
        }
    }

    private void waitForRelease(ThreadState ts, Double waitTimeout) {
        long end = waitTimeout == null ? 0 : System.nanoTime() + Threads.nanos(waitTimeout);
        while (state == FILLING) {
            Double left = null;
            if (waitTimeout != null) {
                left = (end - System.nanoTime()) / 1e9;
                if (left <= 0) break;
            }
            cond.await(ts, left);
        }
        if (state == FILLING) {
            breakBarrier(ts);
            throw broken();
        }
        if (state < 0) throw broken();
    }

    private void exit(ThreadState ts) {
        if (count == 0 && (state == RESETTING || state == DRAINING)) {
            state = FILLING;
            cond.notifyAll(ts);
        }
    }

    public void reset(ThreadState ts) {
        cond.enter(ts);
        try {
            if (count > 0) {
                if (state == FILLING || state == BROKEN) state = RESETTING;
            } else {
                state = FILLING;
            }
            cond.notifyAll(ts);
        } finally {
            cond.exit(ts);
        }
    }

    public void abort(ThreadState ts) {
        cond.enter(ts);
        try {
            breakBarrier(ts);
        } finally {
            cond.exit(ts);
        }
    }

    private void breakBarrier(ThreadState ts) {
        state = BROKEN;
        cond.notifyAll(ts);
    }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() {
        if (state == BROKEN) return "<threading.Barrier at " + ToyCondition.at(this) + ": broken>";
        return "<threading.Barrier at " + ToyCondition.at(this) + ": waiters=" + (state == FILLING ? count : 0) + "/" + parties + ">";
    }

    @Override
    public ToyObject getAttr(String attr) {
        switch (attr) {
            case "parties": return ToyInt.of(parties);
            case "n_waiting": return ToyInt.of(state == FILLING ? count : 0);
            case "broken": return ToyBool.of(state == BROKEN);
            default: return super.getAttr(attr);
        }
    }

    private static ToyBarrier self(ToyObject o) {
        if (o instanceof ToyBarrier b) return b;
        throw Errors.typeError("descriptor requires a 'Barrier' object but received a '" + o.type().name() + "'");
    }

    static {
        TYPE.method("wait", (ts, args, kw) -> {
            ToyObject[] p = Params.of("Barrier.wait", 1, 0, "timeout").bind(args, kw, 1);
            return ToyInt.of(self(args[0]).await(ts, ToyCondition.timeoutArg(p[0])));
        });
        TYPE.method("reset", (ts, args, kw) -> {
            Params.of("Barrier.reset", 1, 0).bind(args, kw, 1);
            self(args[0]).reset(ts);
            return ToyNone.NONE;
        });
        TYPE.method("abort", (ts, args, kw) -> {
            Params.of("Barrier.abort", 1, 0).bind(args, kw, 1);
            self(args[0]).abort(ts);
            return ToyNone.NONE;
        });
    }
}
