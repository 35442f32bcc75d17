package org.toy.pool;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.toy.gil.EvalBreaker;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyTuple;
import org.toy.vm.ThreadState;

/**
 * Waiting for a result that another thread delivers (a pool's AsyncResult, a future): without
 * the GIL, on the Java monitor of the object whose state changes, and Ctrl-C still ends the
 * main thread's wait with KeyboardInterrupt, as it ends {@code time.sleep}.
 */
public final class Waits {
    private Waits() {}

    /**
     * Waits until {@code done} (checked holding {@code monitor}, whose owner calls notifyAll when
     * it changes) or {@code timeout} seconds pass (negative: no limit); whether it is done.
     */
    public static boolean until(ThreadState ts, Object monitor, BooleanSupplier done, double timeout) {
        synchronized (monitor) {
            if (done.getAsBoolean()) return true;
        }
        if (timeout == 0) return false;
        long deadline = timeout < 0 ? Long.MAX_VALUE : System.nanoTime() + (long) Math.min(timeout * 1e9, 3.15e16);
        try (var released = ts.interp().gil().release(ts)) {
            synchronized (monitor) {
                while (!done.getAsBoolean()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) return false;
                    try {
                        if (timeout < 0) monitor.wait();
                        else TimeUnit.NANOSECONDS.timedWait(monitor, left);
                    } catch (InterruptedException e) {
                        if (ts.isMain() && ts.interp().breaker().take(EvalBreaker.KEYBOARD_INTERRUPT)) {
                            throw new ToyError(new ToyException(ExceptionTypes.KEYBOARD_INTERRUPT, ToyTuple.EMPTY));
                        }
                    }
                }
                return true;
            }
        }
    }

    /** A {@code timeout} argument in seconds: None (or absent) is -1, no limit; negative counts as 0. */
    public static double seconds(org.toy.runtime.ToyObject o) {
        if (o == null || o == org.toy.runtime.ToyNone.NONE) return -1;
        double t;
        if (o instanceof org.toy.runtime.ToyFloat f) t = f.value;
        else if (o instanceof org.toy.runtime.ToyInt i) t = i.isSmall() ? i.value : i.toBig().doubleValue();
        else throw org.toy.runtime.Errors.typeError("'" + o.type().name() + "' object cannot be interpreted as an integer");
        return Double.isNaN(t) ? 0 : Math.max(0, t);
    }
}
