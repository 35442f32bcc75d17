package org.toy.threads;

import org.toy.runtime.Errors;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/** {@code threading.Event}: a flag and a condition, as threading.py. */
public final class ToyEvent extends ToyObject {
    public static final ToyType TYPE = new ToyType("Event", ToyType.OBJECT, (ts, t, a, k) -> {
        Params.of("Event.__init__", 1, 0).bind(a, k, 0);
        return new ToyEvent(ts.interp().threads());
    });

    private final ToyCondition cond;
    private boolean flag;

    ToyEvent(Threads threads) {
        this.cond = new ToyCondition(threads, new ToyLock(threads), "wait for an Event");
    }

    public boolean isSet() { return flag; }

    public void set(ThreadState ts) {
        cond.enter(ts);
        try {
            flag = true;
            cond.notifyAll(ts);
        } finally {
            cond.exit(ts);
        }
    }

    public void clear(ThreadState ts) {
        cond.enter(ts);
        try {
            flag = false;
        } finally {
            cond.exit(ts);
        }
    }

    public boolean await(ThreadState ts, Double timeout) {
        cond.enter(ts);
        try {
            boolean signaled = flag;
            if (!signaled) signaled = cond.await(ts, timeout);
            return signaled;
        } finally {
            cond.exit(ts);
        }
    }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() { return "<threading.Event at " + ToyCondition.at(this) + ": " + (flag ? "set" : "unset") + ">"; }

    private static ToyEvent self(ToyObject o) {
        if (o instanceof ToyEvent e) return e;
        throw Errors.typeError("descriptor requires an 'Event' object but received a '" + o.type().name() + "'");
    }

    static {
        for (String name : new String[] {"is_set", "isSet"}) {
            TYPE.method(name, (ts, args, kw) -> {
                Params.of("Event." + name, 1, 0).bind(args, kw, 1);
                return ToyBool.of(self(args[0]).flag);
            });
        }
        TYPE.method("set", (ts, args, kw) -> {
            Params.of("Event.set", 1, 0).bind(args, kw, 1);
            self(args[0]).set(ts);
            return ToyNone.NONE;
        });
        TYPE.method("clear", (ts, args, kw) -> {
            Params.of("Event.clear", 1, 0).bind(args, kw, 1);
            self(args[0]).clear(ts);
            return ToyNone.NONE;
        });
        TYPE.method("wait", (ts, args, kw) -> {
            ToyObject[] p = Params.of("Event.wait", 1, 0, "timeout").bind(args, kw, 1);
            return ToyBool.of(self(args[0]).await(ts, ToyCondition.timeoutArg(p[0])));
        });
    }
}
