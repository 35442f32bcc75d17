package org.toy.pool;

import java.util.ArrayList;
import java.util.List;
import org.toy.builtins.Protocols;
import org.toy.ipc.Codec;
import org.toy.process.Processes;
import org.toy.process.ToyProcessAccess;
import org.toy.process.WorkerSet;
import org.toy.runtime.Args;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.Interpreter;
import org.toy.vm.ThreadState;

/**
 * {@code multiprocessing.pool.Pool}: worker children ({@link WorkerSet}) that stay alive and
 * take task after task, results delivered by a handler thread ({@link HandlerThread}) to
 * {@link PoolResult}s and {@link IMapIterator}s. A map is cut into chunks as CPython cuts it;
 * each chunk is one task. A worker that dies is replaced, as CPython's pool replaces it; unlike
 * CPython, whose result would then never come, the task it was running fails with
 * {@code multiprocessing.ProcessError}, so a {@code get()} never waits for ever.
 */
public final class ToyPool extends org.toy.runtime.ToyObject implements Codec.ProcessLocal {
    public static final ToyType TYPE = new ToyType("Pool", ToyType.OBJECT, (ts, t, a, k) -> create(ts, null, a, k));

    /** {@code multiprocessing.ProcessError} and {@code multiprocessing.TimeoutError}, in {@code multiprocessing.context}. */
    public static final ToyType PROCESS_ERROR = Codec.exceptionType(
            new ToyType("multiprocessing.context.ProcessError", ExceptionTypes.EXCEPTION));
    public static final ToyType TIMEOUT_ERROR = Codec.exceptionType(
            new ToyType("multiprocessing.context.TimeoutError", PROCESS_ERROR));
    public static final ToyType BUFFER_TOO_SHORT = Codec.exceptionType(
            new ToyType("multiprocessing.context.BufferTooShort", PROCESS_ERROR));
    public static final ToyType AUTHENTICATION_ERROR = Codec.exceptionType(
            new ToyType("multiprocessing.context.AuthenticationError", PROCESS_ERROR));

    /** The cause a worker's exception carries: its traceback in the worker. */
    public static final ToyType REMOTE_TRACEBACK = new ToyType("multiprocessing.pool.RemoteTraceback", ExceptionTypes.EXCEPTION);

    private enum State { RUN, CLOSE, TERMINATE }

    /** What a task's reply goes to: chunk {@code index} of a result or an imap iterator. */
    private record Chunk(Object target, int index) {}

    private final Interpreter interp;
    private final int size;
    private final WorkerSet workers;
    private final HandlerThread handler;
    private volatile State state = State.RUN;

    private ToyPool(ThreadState ts, String method, int size, ToyObject initializer, ToyObject initargs, int maxTasks) {
        this.interp = ts.interp();
        this.size = size;
        String kind = WorkerSet.methodPrefix(interp, method) + "PoolWorker";
        this.workers = new WorkerSet(interp, method, kind, initializer, initargs, maxTasks, new Replies());
        this.handler = HandlerThread.start(ts, "_handle_results", true, () -> false);
        try {
            workers.start(ts, size);
        } catch (RuntimeException e) {
            workers.terminate();
            handler.stop();
            throw e;
        }
    }

    /** {@code Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None)}; method null: the current one. */
    public static ToyPool create(ThreadState ts, String method, ToyObject[] args, String[] kw) {
        ToyObject[] p = Args.bind("Pool", args, kw, 0, 0, "processes", "initializer", "initargs", "maxtasksperchild", "context");
        int n = p[0] == null || p[0] == ToyNone.NONE ? Runtime.getRuntime().availableProcessors() : Args.toInt(p[0]);
        if (n < 1) throw Errors.valueError("Number of processes must be at least 1");
        ToyObject init = p[1] == null ? ToyNone.NONE : p[1];
        if (init != ToyNone.NONE && !Protocols.isCallable(init)) throw Errors.typeError("initializer must be a callable");
        int maxTasks = 0;
        if (p[3] != null && p[3] != ToyNone.NONE) {
            if (!(p[3] instanceof ToyInt m) || p[3] instanceof org.toy.runtime.ToyBool || m.isSmall() && m.value <= 0
                    || !m.isSmall() && m.toBig().signum() <= 0) {
                throw Errors.valueError("maxtasksperchild must be a positive int or None");
            }
            maxTasks = m.isSmall() ? (int) Math.min(m.value, Integer.MAX_VALUE) : Integer.MAX_VALUE;
        }
        String how = WorkerSet.contextMethod(ts, p[4]);
        if (how == null) how = method;
        return new ToyPool(ts, how, n, init, p[2] == null ? ToyTuple.EMPTY : p[2], maxTasks);
    }

    static ToyError timeoutError() { return new ToyError(new ToyException(TIMEOUT_ERROR, ToyTuple.EMPTY)); }

    // ---- replies, on the reader threads ------------------------------------------------------

    private final class Replies implements WorkerSet.Listener {
        @Override
        public void done(WorkerSet.Task task, byte[] reply, int offset) {
            handler.post(ts -> {
                boolean ok;
                ToyObject value;
                try {
                    ToyTuple r = (ToyTuple) Codec.decode(reply, offset, reply.length - offset, Processes.resolver(interp));
                    ok = r.get(0).isTrue();
                    value = r.get(1);
                    if (!ok) value = WorkerSet.withRemoteTraceback((ToyException) value, REMOTE_TRACEBACK);
                } catch (Codec.MalformedException | ClassCastException | ToyError e) {
                    ok = false;
                    value = ToyException.of(ExceptionTypes.RUNTIME_ERROR, "a worker sent a reply that cannot be read: " + e.getMessage());
                }
                deliver(ts, (Chunk) task.owner(), ok, value);
            });
        }

        @Override
        public void workerEnded(List<WorkerSet.Task> lost, int exitcode, boolean expected, boolean retired) {
            if (retired) handler.post(workers::replaceDead);
            if (expected) return;
            handler.post(ts -> {
                for (WorkerSet.Task t : lost) {
                    deliver(ts, (Chunk) t.owner(), false, ToyException.of(PROCESS_ERROR,
                            "a worker process died (exitcode " + exitcode + ") while running this task"));
                }
                workers.replaceDead(ts);
            });
        }
    }

    private static void deliver(ThreadState ts, Chunk c, boolean ok, ToyObject value) {
        if (c.target() instanceof PoolResult r) r.set(ts, c.index(), ok, value);
        else ((IMapIterator) c.target()).set(c.index(), ok, value);
    }

    /** Sends one task; if it cannot even be encoded, that is its outcome (as CPython's task handler). */
    private void send(ThreadState ts, ToyObject func, int kind, ToyObject payload, Chunk chunk) {
        WorkerSet.Task t;
        try {
            t = workers.task(func, kind, payload, chunk);
        } catch (ToyError e) {
            if (!e.exception.isInstance(ExceptionTypes.EXCEPTION)) throw e;
            deliver(ts, chunk, false, e.exception);
            return;
        }
        workers.submit(t);
    }

    // ---- the Python methods ------------------------------------------------------------------

    private void checkRunning() {
        if (state != State.RUN) throw Errors.valueError("Pool not running");
    }

    private PoolResult applyAsync(ThreadState ts, ToyObject func, ToyObject args, ToyObject kwds, ToyObject cb, ToyObject ecb) {
        checkRunning();
        PoolResult r = new PoolResult(-1, 0, 1, cb, ecb);
        ToyObject a = args == null ? ToyTuple.EMPTY : ToyTuple.of(ToyProcessAccess.sequence(args));
        ToyObject k = kwds == null || kwds == ToyNone.NONE ? new ToyDict() : kwds;
        send(ts, func, WorkerSet.APPLY, ToyTuple.of(a, k), new Chunk(r, 0));
        return r;
    }

    /** The chunks of {@code items}, CPython's default size when {@code chunksize} is None. */
    private List<ToyList> chunks(ToyObject[] items, int chunksize) {
        List<ToyList> out = new ArrayList<>();
        for (int i = 0; i < items.length; i += chunksize) {
            out.add(new ToyList(java.util.Arrays.copyOfRange(items, i, Math.min(items.length, i + chunksize))));
        }
        return out;
    }

    private int defaultChunksize(int length) {
        int c = length / (size * 4);
        if (length % (size * 4) != 0) c++;
        return c;
    }

    private PoolResult mapAsync(ThreadState ts, ToyObject func, ToyObject iterable, ToyObject chunksize, boolean star,
            ToyObject cb, ToyObject ecb) {
        checkRunning();
        ToyObject[] items = ToyProcessAccess.sequence(iterable);
        int cs = chunksize == null || chunksize == ToyNone.NONE ? defaultChunksize(items.length) : Args.toInt(chunksize);
        if (items.length == 0) return new PoolResult(0, 0, 0, cb, ecb);
        if (cs < 1) throw Errors.valueError("Chunksize must be 1+, not " + cs);
        List<ToyList> parts = chunks(items, cs);
        PoolResult r = new PoolResult(items.length, cs, parts.size(), cb, ecb);
        for (int i = 0; i < parts.size(); i++) send(ts, func, star ? WorkerSet.STARMAP : WorkerSet.MAP, parts.get(i), new Chunk(r, i));
        return r;
    }

    private IMapIterator imap(ThreadState ts, ToyObject func, ToyObject iterable, ToyObject chunksize, boolean ordered) {
        checkRunning();
        int cs = chunksize == null ? 1 : Args.toInt(chunksize);
        if (cs < 1) throw Errors.valueError("Chunksize must be 1+, not " + cs);
        ToyObject[] items = ToyProcessAccess.sequence(iterable);
        List<ToyList> parts = chunks(items, cs);
        IMapIterator it = new IMapIterator(ordered, parts.size());
        for (int i = 0; i < parts.size(); i++) send(ts, func, WorkerSet.MAP, parts.get(i), new Chunk(it, i));
        return it;
    }

    private void close() {
        if (state == State.RUN) {
            state = State.CLOSE;
            workers.close();
        }
    }

    private void terminate(ThreadState ts) {
        state = State.TERMINATE;
        workers.terminate();
        workers.join(ts);
        handler.stop();
    }

    private void join(ThreadState ts) {
        if (state == State.RUN) throw Errors.valueError("Pool is still running");
        workers.join(ts);
        handler.sync(ts);
        handler.stop();
    }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() {
        return "<multiprocessing.pool.Pool state=" + state + " pool_size=" + size + ">";
    }

    @Override
    public ToyObject getAttr(String attr) {
        if (attr.equals("_pool")) return new ToyList(workers.processes().toArray(new ToyObject[0]));
        if (attr.equals("_processes")) return ToyInt.of(size);
        return super.getAttr(attr);
    }

    private static ToyPool me(ToyObject o) {
        if (o instanceof ToyPool p) return p;
        throw Errors.typeError("descriptor requires a 'Pool' object but received a '" + o.type().name() + "'");
    }

    private static ToyObject orNone(ToyObject o) { return o == null ? ToyNone.NONE : o; }

    static {
        TYPE.method("apply", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("apply", a, kw, 1, 1, "func", "args", "kwds");
            return me(a[0]).applyAsync(ts, p[0], p[1], p[2], ToyNone.NONE, ToyNone.NONE).get(ts, -1);
        });
        TYPE.method("apply_async", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("apply_async", a, kw, 1, 1, "func", "args", "kwds", "callback", "error_callback");
            return me(a[0]).applyAsync(ts, p[0], p[1], p[2], orNone(p[3]), orNone(p[4]));
        });
        for (String name : new String[] {"map", "starmap"}) {
            boolean star = name.equals("starmap");
            TYPE.method(name, (ts, a, kw) -> {
                ToyObject[] p = Args.bind(name, a, kw, 1, 2, "func", "iterable", "chunksize");
                return me(a[0]).mapAsync(ts, p[0], p[1], p[2], star, ToyNone.NONE, ToyNone.NONE).get(ts, -1);
            });
            TYPE.method(name + "_async", (ts, a, kw) -> {
                ToyObject[] p = Args.bind(name + "_async", a, kw, 1, 2, "func", "iterable", "chunksize", "callback", "error_callback");
                return me(a[0]).mapAsync(ts, p[0], p[1], p[2], star, orNone(p[3]), orNone(p[4]));
            });
        }
        for (String name : new String[] {"imap", "imap_unordered"}) {
            boolean ordered = name.equals("imap");
            TYPE.method(name, (ts, a, kw) -> {
                ToyObject[] p = Args.bind(name, a, kw, 1, 2, "func", "iterable", "chunksize");
                return me(a[0]).imap(ts, p[0], p[1], p[2], ordered);
            });
        }
        TYPE.method("close", (ts, a, kw) -> {
            Args.none("close", a, kw, 1);
            me(a[0]).close();
            return ToyNone.NONE;
        });
        TYPE.method("terminate", (ts, a, kw) -> {
            Args.none("terminate", a, kw, 1);
            me(a[0]).terminate(ts);
            return ToyNone.NONE;
        });
        TYPE.method("join", (ts, a, kw) -> {
            Args.none("join", a, kw, 1);
            me(a[0]).join(ts);
            return ToyNone.NONE;
        });
        TYPE.method("__enter__", (ts, a, kw) -> {
            Args.none("__enter__", a, kw, 1);
            me(a[0]).checkRunning();
            return a[0];
        });
        TYPE.method("__exit__", (ts, a, kw) -> {
            me(a[0]).terminate(ts);
            return ToyNone.NONE;
        });
    }
}
