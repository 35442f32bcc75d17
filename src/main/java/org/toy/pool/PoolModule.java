package org.toy.pool;

import org.toy.process.WorkerSet;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.ToyModule;
import org.toy.vm.Interpreter;

/**
 * The {@code multiprocessing.pool} module, and what the pool adds to {@code multiprocessing}
 * and its contexts: {@code Pool} and the exceptions of {@code multiprocessing.context}.
 */
public final class PoolModule {
    private PoolModule() {}

    /** Adds Pool (starting workers with {@code method}, null for the current one) and the errors to {@code m}. */
    public static void addTo(ToyModule m, Interpreter interp, String method) {
        m.define("Pool", BuiltinFunction.function("Pool", (ts, a, kw) -> ToyPool.create(ts, method, a, kw)));
        m.define("ProcessError", ToyPool.PROCESS_ERROR);
        m.define("TimeoutError", ToyPool.TIMEOUT_ERROR);
        m.define("BufferTooShort", ToyPool.BUFFER_TOO_SHORT);
        m.define("AuthenticationError", ToyPool.AUTHENTICATION_ERROR);
        if (method == null) m.define("pool", create());
    }

    private static ToyModule create() {
        ToyModule m = new ToyModule("multiprocessing.pool");
        m.define("Pool", ToyPool.TYPE);
        m.define("ApplyResult", PoolResult.APPLY_TYPE);
        m.define("AsyncResult", PoolResult.APPLY_TYPE);
        m.define("MapResult", PoolResult.MAP_TYPE);
        m.define("IMapIterator", IMapIterator.TYPE);
        m.define("IMapUnorderedIterator", IMapIterator.UNORDERED);
        m.define("MaybeEncodingError", WorkerSet.MAYBE_ENCODING_ERROR);
        m.define("TimeoutError", ToyPool.TIMEOUT_ERROR);
        m.define("RemoteTraceback", ToyPool.REMOTE_TRACEBACK);
        m.define("worker", WorkerSet.WORKER);
        return m;
    }
}
