package org.toy.futures;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.toy.ipc.Codec;
import org.toy.pool.Waits;
import org.toy.runtime.Args;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;
import org.toy.vm.Traceback;

/**
 * {@code concurrent.futures.Future}, as {@code _base.py}: the states PENDING, RUNNING,
 * CANCELLED, CANCELLED_AND_NOTIFIED and FINISHED, the result or exception, the done
 * callbacks, and the waiters of {@code wait}/{@code as_completed}. The state lives under this
 * object's Java monitor, so an executor's reader thread may mark a future running without the
 * GIL; whatever calls Toy code (the callbacks) runs on a Toy thread.
 */
public final class ToyFuture extends ToyObject implements Codec.ProcessLocal {
    public static final ToyType TYPE = new ToyType("Future", ToyType.OBJECT, (ts, t, a, k) -> {
        Args.none("Future", a, k, 0);
        return new ToyFuture(null);
    });

    enum State { PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED }

    private State state = State.PENDING;
    private ToyObject result = ToyNone.NONE;
    private ToyException exception;
    private final List<ToyObject> callbacks = new ArrayList<>();
    private final List<Object> waiters = new ArrayList<>();
    /** For an executor that can take back a task not yet started: whether it did (cancel succeeds). */
    private final BooleanSupplier takeBack;

    ToyFuture(BooleanSupplier takeBack) { this.takeBack = takeBack; }

    // ---- state -------------------------------------------------------------------------------

    synchronized boolean isDone() {
        return state == State.CANCELLED || state == State.CANCELLED_AND_NOTIFIED || state == State.FINISHED;
    }

    synchronized boolean isCancelled() { return state == State.CANCELLED || state == State.CANCELLED_AND_NOTIFIED; }

    /** Finished with an exception (for FIRST_EXCEPTION). */
    synchronized boolean raised() { return state == State.FINISHED && exception != null; }

    /** {@code wait} and {@code as_completed} are told through {@code monitor}.notifyAll(). */
    synchronized void addWaiter(Object monitor) { waiters.add(monitor); }

    synchronized void removeWaiter(Object monitor) { waiters.remove(monitor); }

    private void notifyWaiters() {
        List<Object> ws;
        synchronized (this) {
            notifyAll();
            ws = new ArrayList<>(waiters);
        }
        for (Object w : ws) {
            synchronized (w) {
                w.notifyAll();
            }
        }
    }

    /** A worker has the task (possibly without the GIL); false if it was cancelled first. */
    boolean setRunningOrNotifyCancel() {
        synchronized (this) {
            if (state == State.CANCELLED) {
                state = State.CANCELLED_AND_NOTIFIED;
            } else if (state == State.PENDING) {
                state = State.RUNNING;
                return true;
            } else {
                throw Errors.runtimeError("Future in unexpected state");
            }
        }
        notifyWaiters();
        return false;
    }

    /** Marks a task taken by a worker: RUNNING unless it is already further on. */
    synchronized void markRunning() {
        if (state == State.PENDING) state = State.RUNNING;
    }

    void setResult(ThreadState ts, ToyObject value) { finish(ts, value, null); }

    void setException(ThreadState ts, ToyException e) { finish(ts, ToyNone.NONE, e); }

    private void finish(ThreadState ts, ToyObject value, ToyException e) {
        synchronized (this) {
            if (state == State.CANCELLED || state == State.CANCELLED_AND_NOTIFIED || state == State.FINISHED) {
                throw Errors.of(FuturesModule.INVALID_STATE_ERROR, state.name() + ": " + repr());
            }
            result = value;
            exception = e;
            state = State.FINISHED;
        }
        notifyWaiters();
        invokeCallbacks(ts);
    }

    /** Finishes with {@code e} unless the future is already done (a broken or shut-down executor). */
    void failIfPending(ThreadState ts, ToyException e) {
        synchronized (this) {
            if (state == State.FINISHED || state == State.CANCELLED_AND_NOTIFIED) return;
            if (state == State.CANCELLED) {
                state = State.CANCELLED_AND_NOTIFIED;
                e = null;
            } else {
                exception = e;
                state = State.FINISHED;
            }
        }
        notifyWaiters();
        if (e != null) invokeCallbacks(ts);
    }

    boolean cancel(ThreadState ts) {
        synchronized (this) {
            if (state == State.RUNNING || state == State.FINISHED) return false;
            if (state == State.CANCELLED || state == State.CANCELLED_AND_NOTIFIED) return true;
            if (takeBack != null && !takeBack.getAsBoolean()) return false;
            // an executor that took the task back will never reach it: the waiters are told now
            state = takeBack != null ? State.CANCELLED_AND_NOTIFIED : State.CANCELLED;
        }
        notifyWaiters();
        invokeCallbacks(ts);
        return true;
    }

    private void invokeCallbacks(ThreadState ts) {
        List<ToyObject> cbs;
        synchronized (this) {
            cbs = new ArrayList<>(callbacks);
            callbacks.clear();
        }
        for (ToyObject cb : cbs) callOne(ts, cb);
    }

    /** As {@code _base.py}: a callback that raises is logged ("exception calling callback for ..."). */
    private void callOne(ThreadState ts, ToyObject cb) {
        try {
            ts.call(cb, this);
        } catch (ToyError err) {
            if (!err.exception.isInstance(ExceptionTypes.EXCEPTION)) throw err;
            ts.interp().stdout().flush();
            ts.interp().stderr().print("exception calling callback for " + repr() + "\n" + Traceback.format(err.exception));
            ts.interp().stderr().flush();
        }
    }

    // ---- results -----------------------------------------------------------------------------

    private static ToyError cancelledError() {
        return new ToyError(new ToyException(FuturesModule.CANCELLED_ERROR, ToyTuple.EMPTY));
    }

    private void await(ThreadState ts, double timeout) {
        if (!Waits.until(ts, this, this::doneUnlocked, timeout)) {
            throw new ToyError(new ToyException(ExceptionTypes.TIMEOUT_ERROR, ToyTuple.EMPTY));
        }
    }

    private boolean doneUnlocked() {
        return state == State.CANCELLED || state == State.CANCELLED_AND_NOTIFIED || state == State.FINISHED;
    }

    ToyObject result(ThreadState ts, double timeout) {
        await(ts, timeout);
        synchronized (this) {
            if (state != State.FINISHED) throw cancelledError();
            if (exception != null) throw new ToyError(exception);
            return result;
        }
    }

    ToyObject exception(ThreadState ts, double timeout) {
        await(ts, timeout);
        synchronized (this) {
            if (state != State.FINISHED) throw cancelledError();
            return exception == null ? ToyNone.NONE : exception;
        }
    }

    // ---- Python view -------------------------------------------------------------------------

    @Override public ToyType type() { return TYPE; }

    @Override
    public synchronized String repr() {
        String at = "<Future at 0x" + Long.toHexString(Ops.id(this)) + " state=";
        return switch (state) {
            case PENDING -> at + "pending>";
            case RUNNING -> at + "running>";
            case CANCELLED, CANCELLED_AND_NOTIFIED -> at + "cancelled>";
            case FINISHED -> exception != null ? at + "finished raised " + exception.type().name() + ">"
                    : at + "finished returned " + result.type().name() + ">";
        };
    }

    private static ToyFuture me(ToyObject o) {
        if (o instanceof ToyFuture f) return f;
        throw Errors.typeError("descriptor requires a 'Future' object but received a '" + o.type().name() + "'");
    }

    static {
        TYPE.method("cancel", (ts, a, kw) -> {
            Args.none("cancel", a, kw, 1);
            return ToyBool.of(me(a[0]).cancel(ts));
        });
        TYPE.method("cancelled", (ts, a, kw) -> {
            Args.none("cancelled", a, kw, 1);
            return ToyBool.of(me(a[0]).isCancelled());
        });
        TYPE.method("running", (ts, a, kw) -> {
            Args.none("running", a, kw, 1);
            ToyFuture f = me(a[0]);
            synchronized (f) {
                return ToyBool.of(f.state == State.RUNNING);
            }
        });
        TYPE.method("done", (ts, a, kw) -> {
            Args.none("done", a, kw, 1);
            return ToyBool.of(me(a[0]).isDone());
        });
        TYPE.method("result", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("result", a, kw, 1, 0, "timeout");
            return me(a[0]).result(ts, Waits.seconds(p[0]));
        });
        TYPE.method("exception", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("exception", a, kw, 1, 0, "timeout");
            return me(a[0]).exception(ts, Waits.seconds(p[0]));
        });
        TYPE.method("add_done_callback", (ts, a, kw) -> {
            Args.one("add_done_callback", a, kw, 1);
            ToyFuture f = me(a[0]);
            synchronized (f) {
                if (!f.doneUnlocked()) {
                    f.callbacks.add(a[1]);
                    return ToyNone.NONE;
                }
            }
            f.callOne(ts, a[1]);
            return ToyNone.NONE;
        });
        TYPE.method("set_running_or_notify_cancel", (ts, a, kw) -> {
            Args.none("set_running_or_notify_cancel", a, kw, 1);
            return ToyBool.of(me(a[0]).setRunningOrNotifyCancel());
        });
        TYPE.method("set_result", (ts, a, kw) -> {
            Args.one("set_result", a, kw, 1);
            me(a[0]).setResult(ts, a[1]);
            return ToyNone.NONE;
        });
        TYPE.method("set_exception", (ts, a, kw) -> {
            Args.one("set_exception", a, kw, 1);
            if (!(a[1] instanceof ToyException e)) throw Errors.typeError("exceptions must derive from BaseException");
            me(a[0]).setException(ts, e);
            return ToyNone.NONE;
        });
    }
}
