package org.toy.pool;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.threads.ToyThread;
import org.toy.vm.ThreadState;
import org.toy.vm.Traceback;

/**
 * A Toy thread that runs jobs posted from plain Java threads: CPython's pool result-handler
 * thread. The workers' reader threads hold no GIL and have no Toy thread state, so whatever
 * touches Toy values — decoding a result, setting it, calling a user's callback, starting a
 * replacement worker — is posted here and runs under the GIL, in order.
 */
public final class HandlerThread {
    private static final Consumer<ThreadState> STOP = ts -> {};

    private final LinkedBlockingQueue<Consumer<ThreadState>> jobs = new LinkedBlockingQueue<>();
    private final String name;
    private final BooleanSupplier idleExit;
    private volatile boolean ended;

    private HandlerThread(String name, BooleanSupplier idleExit) {
        this.name = name;
        this.idleExit = idleExit;
    }

    /**
     * Starts a handler named {@code Thread-N (name)}. A daemon one lives until {@link #stop};
     * a non-daemon one also ends when {@code idleExit} says so while it has nothing to do.
     */
    public static HandlerThread start(ThreadState ts, String name, boolean daemon, BooleanSupplier idleExit) {
        HandlerThread h = new HandlerThread(name, idleExit);
        BuiltinFunction loop = BuiltinFunction.function(name, (t, a, k) -> {
            h.loop(t);
            return ToyNone.NONE;
        });
        ToyObject thread = ToyThread.TYPE.call(ts, new ToyObject[] {loop, ToyBool.of(daemon)}, new String[] {"target", "daemon"});
        ((ToyThread) thread).start(ts);
        return h;
    }

    public void post(Consumer<ThreadState> job) { jobs.add(job); }

    /** Ends the thread once the jobs posted so far have run. */
    public void stop() { jobs.add(STOP); }

    public boolean ended() { return ended; }

    /** Waits until every job posted before this call has run (not from the handler itself). */
    public void sync(ThreadState ts) {
        if (ended) return;
        boolean[] reached = new boolean[1];
        Object monitor = new Object();
        post(t -> {
            synchronized (monitor) {
                reached[0] = true;
                monitor.notifyAll();
            }
        });
        while (!Waits.until(ts, monitor, () -> reached[0], 0.1) && !ended) {
            // the handler may end without running it (its interpreter is shutting down)
        }
    }

    private void loop(ThreadState ts) {
        try {
            while (true) {
                Consumer<ThreadState> job;
                try (var released = ts.interp().gil().release(ts)) {
                    job = jobs.poll(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (job == STOP) return;
                if (job == null) {
                    if (idleExit.getAsBoolean()) return;
                    continue;
                }
                try {
                    job.accept(ts);
                } catch (ToyError e) {
                    // a user's callback raised: reported, and the handler goes on
                    if (!e.exception.isInstance(ExceptionTypes.EXCEPTION)) throw e;
                    ts.interp().stdout().flush();
                    ts.interp().stderr().print("Exception in thread " + ToyStr.of(name).str() + ":\n" + Traceback.format(e.exception));
                    ts.interp().stderr().flush();
                }
            }
        } finally {
            ended = true;
        }
    }
}
