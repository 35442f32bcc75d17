package org.toy.futures;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.toy.ipc.Codec;
import org.toy.pool.HandlerThread;
import org.toy.process.Processes;
import org.toy.process.ToyProcessAccess;
import org.toy.process.WorkerSet;
import org.toy.runtime.Args;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.Interpreter;
import org.toy.vm.ThreadState;

/**
 * {@code concurrent.futures.ProcessPoolExecutor}: the pool's worker children
 * ({@link WorkerSet}), started at the first submit, each future one task. Results are set by a
 * handler thread. A worker that dies abruptly ({@code os._exit}, a kill) breaks the executor,
 * as {@code process.py}'s management thread does: every future not yet done fails with
 * {@code BrokenProcessPool}, the other workers are stopped, and later submits raise. The
 * handler is not a daemon: at exit the futures still running are completed first.
 */
final class ProcessPoolExecutor extends Executor {
    static final ToyType TYPE = new ToyType("ProcessPoolExecutor", Executor.TYPE, ProcessPoolExecutor::construct);

    private static final String BROKEN_RUNNING =
            "A process in the process pool was terminated abruptly while the future was running or pending.";
    private static final String BROKEN_SUBMIT = "A child process terminated abruptly, the process pool is not usable anymore";

    /** The cause a worker's exception carries: its traceback in the worker. */
    static final ToyType REMOTE_TRACEBACK = new ToyType("concurrent.futures.process._RemoteTraceback", ExceptionTypes.EXCEPTION);

    private final Interpreter interp;
    private final int maxWorkers;
    private final String method;
    private final ToyObject initializer;
    private final ToyObject initargs;
    private final int maxTasks;
    private WorkerSet workers;
    private HandlerThread handler;
    /** Futures submitted and not yet done. */
    private final Set<ToyFuture> pending = new LinkedHashSet<>();
    private volatile boolean shutdown;
    private volatile boolean broken;

    private ProcessPoolExecutor(Interpreter interp, int maxWorkers, String method, ToyObject initializer, ToyObject initargs,
            int maxTasks) {
        this.interp = interp;
        this.maxTasks = maxTasks;
        this.maxWorkers = maxWorkers;
        this.method = method;
        this.initializer = initializer;
        this.initargs = initargs;
    }

    private static ToyObject construct(ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        ToyObject[] p = Args.bind("ProcessPoolExecutor", args, kw, 0, 0, "max_workers", "mp_context", "initializer",
                "initargs", "max_tasks_per_child");
        int n = maxWorkers(p[0], Runtime.getRuntime().availableProcessors());
        String method = WorkerSet.contextMethod(ts, p[1]);
        ToyObject init = initializer(p[2]);
        int maxTasks = 0;
        if (p[4] != null && p[4] != ToyNone.NONE) {
            if (!(p[4] instanceof org.toy.runtime.ToyInt m)) throw Errors.typeError("max_tasks_per_child must be an integer");
            if (m.isSmall() ? m.value <= 0 : m.toBig().signum() <= 0) throw Errors.valueError("max_tasks_per_child must be >= 1");
            if (method == null) method = "spawn";   // as process.py when no mp_context is given
            if (method.equals("fork")) {
                throw Errors.valueError("max_tasks_per_child is incompatible with the 'fork' multiprocessing start method; "
                        + "supply a different mp_context.");
            }
            maxTasks = m.isSmall() ? (int) Math.min(m.value, Integer.MAX_VALUE) : Integer.MAX_VALUE;
        }
        return new ProcessPoolExecutor(ts.interp(), n, method, init, p[3] == null ? ToyTuple.EMPTY : p[3], maxTasks);
    }

    @Override public ToyType type() { return TYPE; }

    private synchronized boolean idle() { return pending.isEmpty(); }

    /** The workers and the handler, at the first submit (as CPython 3.11 does under fork). */
    private void ensureStarted(ThreadState ts) {
        if (workers != null) return;
        handler = HandlerThread.start(ts, "_executor_manager", false,
                () -> (shutdown || broken || interp.threads().mainExiting()) && idle());
        workers = new WorkerSet(interp, method, WorkerSet.methodPrefix(interp, method) + "Process", initializer, initargs, maxTasks,
                new Replies());
        try {
            workers.start(ts, maxWorkers);
        } catch (RuntimeException e) {
            workers.terminate();
            handler.stop();
            workers = null;
            throw e;
        }
    }

    private final class Replies implements WorkerSet.Listener {
        @Override
        public void sent(WorkerSet.Task task) { ((ToyFuture) task.owner()).markRunning(); }

        @Override
        public void done(WorkerSet.Task task, byte[] reply, int offset) {
            handler.post(ts -> {
                ToyFuture f = (ToyFuture) task.owner();
                ToyTuple r;
                try {
                    r = (ToyTuple) Codec.decode(reply, offset, reply.length - offset, Processes.resolver(interp));
                } catch (Codec.MalformedException | ClassCastException | ToyError e) {
                    r = ToyTuple.of(org.toy.runtime.ToyBool.FALSE, ToyException.of(ExceptionTypes.RUNTIME_ERROR,
                            "a worker sent a reply that cannot be read: " + e.getMessage()));
                }
                complete(ts, f, r.get(0).isTrue(), r.get(1));
            });
        }

        @Override
        public void workerEnded(List<WorkerSet.Task> lost, int exitcode, boolean expected, boolean retired) {
            if (retired) handler.post(ts -> workers.replaceDead(ts));
            if (!expected) handler.post(ProcessPoolExecutor.this::breakPool);
        }
    }

    private void complete(ThreadState ts, ToyFuture f, boolean ok, ToyObject value) {
        synchronized (this) {
            if (!pending.remove(f)) return;
        }
        if (ok) f.setResult(ts, value);
        else f.setException(ts, WorkerSet.withRemoteTraceback((ToyException) value, REMOTE_TRACEBACK));
    }

    /** A worker died: every future not done fails, the others are stopped, submits raise from now on. */
    private void breakPool(ThreadState ts) {
        List<ToyFuture> all;
        synchronized (this) {
            if (broken) return;
            broken = true;
            all = new ArrayList<>(pending);
            pending.clear();
        }
        workers.terminate();
        for (ToyFuture f : all) f.failIfPending(ts, ToyException.of(FuturesModule.BROKEN_PROCESS_POOL, BROKEN_RUNNING));
    }

    @Override
    ToyFuture submit(ThreadState ts, ToyObject fn, ToyObject[] args, String[] kwNames) {
        int nargs = args.length - kwNames.length;
        ToyDict kwargs = new ToyDict();
        for (int i = 0; i < kwNames.length; i++) kwargs.put(ToyStr.of(kwNames[i]), args[nargs + i]);
        ToyTuple positional = ToyTuple.of(java.util.Arrays.copyOf(args, nargs));
        return submitTask(ts, fn, WorkerSet.APPLY, ToyTuple.of(positional, kwargs));
    }

    private ToyFuture submitTask(ThreadState ts, ToyObject fn, int kind, ToyObject payload) {
        synchronized (this) {
            if (broken) throw Errors.of(FuturesModule.BROKEN_PROCESS_POOL, BROKEN_SUBMIT);
            if (shutdown) throw Errors.runtimeError("cannot schedule new futures after shutdown");
            if (interp.threads().mainExiting()) throw Errors.runtimeError("cannot schedule new futures after interpreter shutdown");
        }
        ensureStarted(ts);
        WorkerSet.Task[] task = new WorkerSet.Task[1];
        WorkerSet ws = workers;
        ToyFuture f = new ToyFuture(() -> task[0] != null && ws.unqueue(task[0]) && forget(task[0]));
        synchronized (this) {
            pending.add(f);
        }
        try {
            task[0] = ws.task(fn, kind, payload, f);
        } catch (ToyError e) {
            // as CPython's queue feeder: a call that cannot be sent fails its future
            if (!e.exception.isInstance(ExceptionTypes.EXCEPTION)) throw e;
            complete(ts, f, false, e.exception);
            return f;
        }
        ws.submit(task[0]);
        return f;
    }

    private boolean forget(WorkerSet.Task t) {
        synchronized (this) {
            pending.remove((ToyFuture) t.owner());
        }
        return true;
    }

    @Override
    ToyObject map(ThreadState ts, ToyObject fn, ToyObject[] iterables, double timeout, int chunksize) {
        ToyObject[][] columns = new ToyObject[iterables.length][];
        int n = iterables.length == 0 ? 0 : Integer.MAX_VALUE;
        for (int i = 0; i < iterables.length; i++) {
            columns[i] = ToyProcessAccess.sequence(iterables[i]);
            n = Math.min(n, columns[i].length);
        }
        List<ToyFuture> fs = new ArrayList<>();
        for (int start = 0; start < n; start += chunksize) {
            ToyObject[] chunk = new ToyObject[Math.min(chunksize, n - start)];
            for (int k = 0; k < chunk.length; k++) {
                ToyObject[] args = new ToyObject[iterables.length];
                for (int i = 0; i < args.length; i++) args[i] = columns[i][start + k];
                chunk[k] = ToyTuple.of(args);
            }
            fs.add(submitTask(ts, fn, WorkerSet.STARMAP, new ToyList(chunk)));
        }
        return new ResultIterator(fs, timeout, true);
    }

    @Override
    void shutdown(ThreadState ts, boolean wait, boolean cancelFutures) {
        List<ToyFuture> all;
        synchronized (this) {
            shutdown = true;
            all = new ArrayList<>(pending);
        }
        if (workers == null) return;
        if (cancelFutures) for (ToyFuture f : all) f.cancel(ts);
        workers.close();
        if (wait) {
            workers.join(ts);
            handler.sync(ts);
        }
    }

    @Override
    public String repr() {
        return "<concurrent.futures.process.ProcessPoolExecutor object at 0x" + Long.toHexString(org.toy.runtime.Ops.id(this)) + ">";
    }
}
