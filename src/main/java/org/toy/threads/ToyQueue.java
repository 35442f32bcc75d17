package org.toy.threads;

import java.util.ArrayDeque;
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

/**
 * {@code queue.Queue}, {@code LifoQueue} and {@code SimpleQueue}, as {@code queue.py} builds
 * them: one mutex and three conditions on it (not empty, not full, all tasks done), so a blocked
 * {@code get}/{@code put}/{@code join} is a condition wait and the deadlock detector sees it.
 */
public final class ToyQueue extends ToyObject {
    private static ToyType exceptionType(String name) {
        return new ToyType(name, ExceptionTypes.EXCEPTION, (ts, t, a, k) -> new ToyException(t, ToyTuple.of(a.clone())));
    }

    /** Printed as CPython 3.11 prints them: Empty comes from the C module {@code _queue}. */
    public static final ToyType EMPTY = exceptionType("_queue.Empty");
    public static final ToyType FULL = exceptionType("queue.Full");

    public static final ToyType QUEUE = new ToyType("Queue", ToyType.OBJECT, (ts, t, a, k) -> construct(ts, a, k, "Queue", false));
    public static final ToyType LIFO = new ToyType("LifoQueue", QUEUE, (ts, t, a, k) -> construct(ts, a, k, "LifoQueue", true));
    public static final ToyType SIMPLE = new ToyType("_queue.SimpleQueue", ToyType.OBJECT, (ts, t, a, k) -> {
        if (a.length > 0) throw Errors.typeError("SimpleQueue() takes no arguments");
        return new ToyQueue(ts.interp().threads(), 0, false, true);
    });

    private final long maxsize;
    private final boolean lifo;
    private final boolean simple;
    private final ArrayDeque<ToyObject> items = new ArrayDeque<>();
    private final ToyLock mutex;
    private final ToyCondition notEmpty;
    private final ToyCondition notFull;
    private final ToyCondition allTasksDone;
    private long unfinished;

    private ToyQueue(Threads threads, long maxsize, boolean lifo, boolean simple) {
        this.maxsize = maxsize;
        this.lifo = lifo;
        this.simple = simple;
        this.mutex = new ToyLock(threads);
        String kind = simple ? "SimpleQueue" : lifo ? "LifoQueue" : "Queue";
        this.notEmpty = new ToyCondition(threads, mutex, "get from an empty " + kind);
        this.notFull = new ToyCondition(threads, mutex, "put into a full " + kind);
        this.allTasksDone = new ToyCondition(threads, mutex, "join a " + kind + " with unfinished tasks");
    }

    private static ToyObject construct(ThreadState ts, ToyObject[] args, String[] kw, String name, boolean lifo) {
        ToyObject[] p = Params.of(name + ".__init__", 1, 0, "maxsize").bind(args, kw, 0);
        long maxsize = p[0] == null ? 0 : ((ToyInt) p[0].index()).value;
        return new ToyQueue(ts.interp().threads(), maxsize, lifo, false);
    }

    private static ToyError raise(ToyType type) {
        return new ToyError(new ToyException(type, ToyTuple.EMPTY));
    }

    private static Double timeout(ToyObject o) {
        Double t = ToyCondition.timeoutArg(o);
        if (t != null && t < 0) throw Errors.valueError("'timeout' must be a non-negative number");
        return t;
    }

    public void put(ThreadState ts, ToyObject item, boolean block, ToyObject timeoutArg) {
        notFull.enter(ts);
        try {
            if (maxsize > 0 && !simple) {
                if (!block) {
                    if (items.size() >= maxsize) throw raise(FULL);
                } else {
                    Double t = timeout(timeoutArg);
                    if (t == null) {
                        while (items.size() >= maxsize) notFull.await(ts, null);
                    } else {
                        long end = System.nanoTime() + Threads.nanos(t);
                        while (items.size() >= maxsize) {
                            double remaining = (end - System.nanoTime()) / 1e9;
                            if (remaining <= 0) throw raise(FULL);
                            notFull.await(ts, remaining);
                        }
                    }
                }
            }
            items.addLast(item);
            unfinished++;
            notEmpty.notify(ts, 1);
        } finally {
            notFull.exit(ts);
        }
    }

    public ToyObject get(ThreadState ts, boolean block, ToyObject timeoutArg) {
        notEmpty.enter(ts);
        try {
            if (!block) {
                if (items.isEmpty()) throw raise(EMPTY);
            } else {
                Double t = timeout(timeoutArg);
                if (t == null) {
                    while (items.isEmpty()) notEmpty.await(ts, null);
                } else {
                    long end = System.nanoTime() + Threads.nanos(t);
                    while (items.isEmpty()) {
                        double remaining = (end - System.nanoTime()) / 1e9;
                        if (remaining <= 0) throw raise(EMPTY);
                        notEmpty.await(ts, remaining);
                    }
                }
            }
            ToyObject item = lifo ? items.removeLast() : items.removeFirst();
            notFull.notify(ts, 1);
            return item;
        } finally {
            notEmpty.exit(ts);
        }
    }

    public void taskDone(ThreadState ts) {
        allTasksDone.enter(ts);
        try {
            long left = unfinished - 1;
            if (left <= 0) {
                if (left < 0) throw Errors.valueError("task_done() called too many times");
                allTasksDone.notifyAll(ts);
            }
            unfinished = left;
        } finally {
            allTasksDone.exit(ts);
        }
    }

    public void join(ThreadState ts) {
        allTasksDone.enter(ts);
        try {
            while (unfinished > 0) allTasksDone.await(ts, null);
        } finally {
            allTasksDone.exit(ts);
        }
    }

    @Override public ToyType type() { return simple ? SIMPLE : lifo ? LIFO : QUEUE; }

    @Override
    public String repr() {
        return "<" + (simple ? "_queue.SimpleQueue" : "queue." + type().name()) + " object at " + ToyCondition.at(this) + ">";
    }

    @Override
    public ToyObject getAttr(String attr) {
        if (!simple) {
            switch (attr) {
                case "maxsize": return ToyInt.of(maxsize);
                case "unfinished_tasks": return ToyInt.of(unfinished);
                default:
            }
        }
        return super.getAttr(attr);
    }

    private static ToyQueue self(ToyObject o) {
        if (o instanceof ToyQueue q) return q;
        throw Errors.typeError("descriptor requires a 'Queue' object but received a '" + o.type().name() + "'");
    }

    static {
        for (ToyType type : new ToyType[] {QUEUE, SIMPLE}) {
            String n = type == QUEUE ? "Queue" : "SimpleQueue";
            type.method("put", (ts, args, kw) -> {
                ToyObject[] p = Params.of(n + ".put", 1, 1, "item", "block", "timeout").bind(args, kw, 1);
                self(args[0]).put(ts, p[0], p[1] == null || p[1].isTrue(), p[2]);
                return ToyNone.NONE;
            });
            type.method("put_nowait", (ts, args, kw) -> {
                ToyObject[] p = Params.of(n + ".put_nowait", 1, 1, "item").bind(args, kw, 1);
                self(args[0]).put(ts, p[0], false, null);
                return ToyNone.NONE;
            });
            type.method("get", (ts, args, kw) -> {
                ToyObject[] p = Params.of(n + ".get", 1, 0, "block", "timeout").bind(args, kw, 1);
                return self(args[0]).get(ts, p[0] == null || p[0].isTrue(), p[1]);
            });
            type.method("get_nowait", (ts, args, kw) -> {
                Params.of(n + ".get_nowait", 1, 0).bind(args, kw, 1);
                return self(args[0]).get(ts, false, null);
            });
            type.method("qsize", (ts, args, kw) -> ToyInt.of(self(args[0]).size(ts)));
            type.method("empty", (ts, args, kw) -> ToyBool.of(self(args[0]).size(ts) == 0));
        }
        QUEUE.method("full", (ts, args, kw) -> {
            ToyQueue q = self(args[0]);
            long n = q.size(ts);
            return ToyBool.of(0 < q.maxsize && q.maxsize <= n);
        });
        QUEUE.method("task_done", (ts, args, kw) -> {
            Params.of("Queue.task_done", 1, 0).bind(args, kw, 1);
            self(args[0]).taskDone(ts);
            return ToyNone.NONE;
        });
        QUEUE.method("join", (ts, args, kw) -> {
            Params.of("Queue.join", 1, 0).bind(args, kw, 1);
            self(args[0]).join(ts);
            return ToyNone.NONE;
        });
    }

    private long size(ThreadState ts) {
        mutex.acquire(ts, true, -1);
        try {
            return items.size();
        } finally {
            mutex.release(ts);
        }
    }
}
