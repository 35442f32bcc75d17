package org.toy.threads;

import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/** {@code threading.Timer(interval, function, args=None, kwargs=None)}: a thread that waits, then calls. */
public final class ToyTimer extends ToyThread {
    public static final ToyType TIMER = new ToyType("Timer", ToyThread.TYPE, ToyTimer::construct);

    private final double interval;
    private final ToyObject function;
    private final ToyObject[] fargs;
    private final String[] fkw;
    private final ToyEvent finished;

    private ToyTimer(Threads threads, String name, boolean daemon, double interval, ToyObject function, Call call) {
        super(threads, null, NO_ARGS, NO_KEYWORDS, name, daemon);
        this.interval = interval;
        this.function = function;
        this.fargs = call.args();
        this.fkw = call.kw();
        this.finished = new ToyEvent(threads);
    }

    private static ToyObject construct(ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        ToyObject[] p = Params.of("Timer.__init__", 1, 2, "interval", "function", "args", "kwargs").bind(args, kw, 0);
        Threads threads = ts.interp().threads();
        double interval = Threads.seconds(p[0]);
        Call call = callOf(p[2], p[3]);
        return new ToyTimer(threads, newName(threads, null), threads.current(ts).daemon(), interval, p[1], call);
    }

    @Override
    void run(ThreadState ts) {
        finished.await(ts, interval);
        if (!finished.isSet()) ts.call(function, fargs, fkw);
        finished.set(ts);
    }

    @Override public ToyType type() { return TIMER; }

    @Override
    public ToyObject getAttr(String attr) {
        switch (attr) {
            case "finished": return finished;
            case "function": return function;
            case "interval": return org.toy.runtime.ToyFloat.of(interval);
            default: return super.getAttr(attr);
        }
    }

    static {
        TIMER.method("cancel", (ts, args, kw) -> {
            Params.of("Timer.cancel", 1, 0).bind(args, kw, 1);
            ((ToyTimer) args[0]).finished.set(ts);
            return ToyNone.NONE;
        });
    }
}
