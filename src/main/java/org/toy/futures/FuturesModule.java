package org.toy.futures;

import org.toy.pool.Waits;
import org.toy.runtime.Args;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyType;
import org.toy.vm.Interpreter;

/**
 * The {@code concurrent} package and {@code concurrent.futures} with its {@code _base},
 * {@code thread} and {@code process} submodules, as attributes, so that
 * {@code import concurrent.futures} and {@code from concurrent.futures import ...} both work.
 */
public final class FuturesModule {
    private FuturesModule() {}

    public static final ToyType ERROR = new ToyType("concurrent.futures._base.Error", ExceptionTypes.EXCEPTION);
    public static final ToyType CANCELLED_ERROR = new ToyType("concurrent.futures._base.CancelledError", ERROR);
    public static final ToyType INVALID_STATE_ERROR = new ToyType("concurrent.futures._base.InvalidStateError", ERROR);
    public static final ToyType BROKEN_EXECUTOR = new ToyType("concurrent.futures._base.BrokenExecutor", ExceptionTypes.RUNTIME_ERROR);
    public static final ToyType BROKEN_PROCESS_POOL = new ToyType("concurrent.futures.process.BrokenProcessPool", BROKEN_EXECUTOR);
    public static final ToyType BROKEN_THREAD_POOL = new ToyType("concurrent.futures.thread.BrokenThreadPool", BROKEN_EXECUTOR);

    /** The {@code concurrent} package. */
    public static ToyModule concurrent(Interpreter interp) {
        ToyModule pkg = new ToyModule("concurrent");
        pkg.define("futures", futures());
        return pkg;
    }

    private static ToyModule futures() {
        ToyModule base = new ToyModule("concurrent.futures._base");
        ToyModule m = new ToyModule("concurrent.futures");
        for (ToyModule x : new ToyModule[] {base, m}) {
            x.define("FIRST_COMPLETED", ToyStr.of(Completion.FIRST_COMPLETED));
            x.define("FIRST_EXCEPTION", ToyStr.of(Completion.FIRST_EXCEPTION));
            x.define("ALL_COMPLETED", ToyStr.of(Completion.ALL_COMPLETED));
            x.define("Future", ToyFuture.TYPE);
            x.define("Executor", Executor.TYPE);
            x.define("CancelledError", CANCELLED_ERROR);
            x.define("TimeoutError", ExceptionTypes.TIMEOUT_ERROR);
            x.define("InvalidStateError", INVALID_STATE_ERROR);
            x.define("BrokenExecutor", BROKEN_EXECUTOR);
            x.function("wait", (ts, a, kw) -> {
                ToyObject[] p = Args.bind("wait", a, kw, 0, 1, "fs", "timeout", "return_when");
                String when = p[2] == null ? Completion.ALL_COMPLETED : p[2].str();
                return Completion.await(ts, Completion.futures(p[0]), Waits.seconds(p[1]), when);
            });
            x.function("as_completed", (ts, a, kw) -> {
                ToyObject[] p = Args.bind("as_completed", a, kw, 0, 1, "fs", "timeout");
                return new Completion.AsCompleted(Completion.futures(p[0]), Waits.seconds(p[1]));
            });
        }
        base.define("Error", ERROR);
        m.define("_base", base);
        m.define("ThreadPoolExecutor", ThreadPoolExecutor.TYPE);
        m.define("ProcessPoolExecutor", ProcessPoolExecutor.TYPE);
        ToyModule thread = new ToyModule("concurrent.futures.thread");
        thread.define("ThreadPoolExecutor", ThreadPoolExecutor.TYPE);
        thread.define("BrokenThreadPool", BROKEN_THREAD_POOL);
        m.define("thread", thread);
        ToyModule process = new ToyModule("concurrent.futures.process");
        process.define("ProcessPoolExecutor", ProcessPoolExecutor.TYPE);
        process.define("BrokenProcessPool", BROKEN_PROCESS_POOL);
        m.define("process", process);
        return m;
    }
}
