package org.toy.futures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.toy.runtime.Args;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.threads.ToyThread;
import org.toy.vm.Interpreter;
import org.toy.vm.ThreadState;
import org.toy.vm.Traceback;

/**
 * {@code concurrent.futures.ThreadPoolExecutor}, as {@code thread.py}: real Toy threads named
 * {@code ThreadPoolExecutor-N_k}, started one per submit until {@code max_workers} unless one is
 * idle, taking work items from one queue. The wait for the next item leaves the GIL. The
 * threads stop when the executor shuts down, or when the program's main thread has finished
 * (CPython's {@code _python_exit}), in both cases after the queued items have run.
 */
final class ThreadPoolExecutor extends Executor {
    static final ToyType TYPE = new ToyType("ThreadPoolExecutor", Executor.TYPE, ThreadPoolExecutor::construct);

    /** CPython's class-wide counter of executors (names), one per interpreter. */
    private static final Map<Interpreter, AtomicInteger> COUNTERS = Collections.synchronizedMap(new WeakHashMap<>());

    private record WorkItem(ToyFuture future, ToyObject fn, ToyObject[] args, String[] kw) {}

    private static final WorkItem STOP = new WorkItem(null, null, null, null);

    private final Interpreter interp;
    private final int maxWorkers;
    private final String prefix;
    private final ToyObject initializer;
    private final ToyObject initargs;
    private final LinkedBlockingQueue<WorkItem> queue = new LinkedBlockingQueue<>();
    private final Semaphore idle = new Semaphore(0);
    private final List<ToyObject> threads = new ArrayList<>();
    private volatile boolean shutdown;
    private volatile String broken;

    private ThreadPoolExecutor(Interpreter interp, int maxWorkers, String prefix, ToyObject initializer, ToyObject initargs) {
        this.interp = interp;
        this.maxWorkers = maxWorkers;
        this.prefix = prefix;
        this.initializer = initializer;
        this.initargs = initargs;
    }

    private static ToyObject construct(ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        ToyObject[] p = Args.bind("ThreadPoolExecutor", args, kw, 0, 0, "max_workers", "thread_name_prefix", "initializer", "initargs");
        int n = maxWorkers(p[0], Math.min(32, Runtime.getRuntime().availableProcessors() + 4));
        ToyObject init = initializer(p[2]);
        int number = COUNTERS.computeIfAbsent(ts.interp(), k -> new AtomicInteger()).getAndIncrement();
        String prefix = p[1] != null && p[1].isTrue() ? p[1].str() : "ThreadPoolExecutor-" + number;
        return new ThreadPoolExecutor(ts.interp(), n, prefix, init, p[3] == null ? ToyTuple.EMPTY : p[3]);
    }

    @Override public ToyType type() { return TYPE; }

    @Override
    ToyFuture submit(ThreadState ts, ToyObject fn, ToyObject[] args, String[] kwNames) {
        synchronized (this) {
            if (broken != null) throw Errors.of(FuturesModule.BROKEN_THREAD_POOL, broken);
            if (shutdown) throw Errors.runtimeError("cannot schedule new futures after shutdown");
            if (interp.threads().mainExiting()) throw Errors.runtimeError("cannot schedule new futures after interpreter shutdown");
        }
        ToyFuture f = new ToyFuture(null);
        queue.add(new WorkItem(f, fn, args, kwNames));
        adjustThreadCount(ts);
        return f;
    }

    /** {@code _adjust_thread_count}: an idle thread takes the item, else a new one starts, up to max_workers. */
    private void adjustThreadCount(ThreadState ts) {
        if (idle.tryAcquire()) return;
        String name;
        synchronized (this) {
            if (threads.size() >= maxWorkers) return;
            name = prefix + "_" + threads.size();
        }
        BuiltinFunction loop = BuiltinFunction.function("_worker", (t, a, k) -> {
            work(t);
            return ToyNone.NONE;
        });
        ToyObject thread = ToyThread.TYPE.call(ts, new ToyObject[] {loop, ToyStr.of(name), ToyBool.FALSE},
                new String[] {"target", "name", "daemon"});
        synchronized (this) {
            threads.add(thread);
        }
        ((ToyThread) thread).start(ts);
    }

    private void work(ThreadState ts) {
        if (initializer != ToyNone.NONE) {
            try {
                ts.call(initializer, org.toy.process.ToyProcessAccess.sequence(initargs));
            } catch (ToyError e) {
                interp.stdout().flush();
                interp.stderr().print("Exception in initializer:\n" + Traceback.format(e.exception));
                interp.stderr().flush();
                initializerFailed(ts);
                return;
            }
        }
        while (true) {
            WorkItem item;
            try (var released = interp.gil().release(ts)) {
                item = queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (item == STOP) {
                queue.add(STOP);   // for the next thread, as thread.py re-puts None
                return;
            }
            if (item == null) {
                if ((shutdown || interp.threads().mainExiting()) && queue.isEmpty()) return;
                continue;
            }
            run(ts, item);
            idle.release();
        }
    }

    private static void run(ThreadState ts, WorkItem w) {
        if (!w.future().setRunningOrNotifyCancel()) return;
        ToyObject v;
        try {
            v = ts.call(w.fn(), w.args(), w.kw());
        } catch (ToyError e) {
            w.future().setException(ts, e.exception);
            return;
        }
        w.future().setResult(ts, v);
    }

    /** {@code _initializer_failed}: the pool is broken and every queued item fails. */
    private void initializerFailed(ThreadState ts) {
        String why = "A thread initializer failed, the thread pool is not usable anymore";
        synchronized (this) {
            broken = why;
        }
        for (WorkItem w; (w = queue.poll()) != null; ) {
            if (w == STOP) {
                queue.add(STOP);
                break;
            }
            w.future().failIfPending(ts, ToyException.of(FuturesModule.BROKEN_THREAD_POOL, why));
        }
    }

    @Override
    void shutdown(ThreadState ts, boolean wait, boolean cancelFutures) {
        List<ToyObject> all;
        synchronized (this) {
            shutdown = true;
            all = new ArrayList<>(threads);
        }
        if (cancelFutures) {
            List<WorkItem> drained = new ArrayList<>();
            queue.drainTo(drained);
            for (WorkItem w : drained) if (w != STOP) w.future().cancel(ts);
        }
        queue.add(STOP);
        if (wait) {
            for (ToyObject t : all) {
                if (t != interp.threads().current(ts)) ts.call(t.getAttr("join"));
            }
        }
    }

    @Override
    public String repr() {
        return "<concurrent.futures.thread.ThreadPoolExecutor object at 0x" + Long.toHexString(org.toy.runtime.Ops.id(this)) + ">";
    }

}
