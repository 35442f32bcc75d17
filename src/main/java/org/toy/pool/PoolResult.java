package org.toy.pool;

import org.toy.ipc.Codec;
import org.toy.runtime.Errors;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/**
 * {@code ApplyResult} (also {@code AsyncResult}) and {@code MapResult}: a result the pool's
 * handler thread delivers, in chunks for a map. As CPython's {@code _set}: the first failed
 * chunk's exception is the outcome, the result is ready only when every chunk has answered,
 * and the callback runs (on the handler thread) before a waiting {@code get()} returns.
 */
public final class PoolResult extends ToyObject implements Codec.ProcessLocal {
    public static final ToyType APPLY_TYPE = new ToyType("ApplyResult", ToyType.OBJECT);
    public static final ToyType MAP_TYPE = new ToyType("MapResult", APPLY_TYPE);

    private final boolean map;
    private final int chunksize;
    private final ToyObject callback;
    private final ToyObject errorCallback;
    /** A map's values, filled chunk by chunk. */
    private final ToyObject[] values;
    private int left;
    private boolean success = true;
    private ToyObject value = ToyNone.NONE;
    /** Set under this object's monitor, after the callbacks. */
    private boolean ready;

    /** A result of {@code chunks} chunks ({@code map}), or of one call when {@code length} is negative. */
    PoolResult(int length, int chunksize, int chunks, ToyObject callback, ToyObject errorCallback) {
        this.map = length >= 0;
        this.chunksize = chunksize;
        this.values = map ? new ToyObject[length] : null;
        this.left = chunks;
        this.callback = callback;
        this.errorCallback = errorCallback;
        if (map && chunks == 0) {
            value = new ToyList();
            ready = true;
        }
    }

    /** Chunk {@code index} has answered (on the handler thread, or the submitter's when it could not be sent). */
    void set(ThreadState ts, int index, boolean ok, ToyObject v) {
        if (ready) return;
        left--;
        if (ok && success) {
            if (map) {
                ToyObject[] items = ((ToyList) v).toArray();
                System.arraycopy(items, 0, values, index * chunksize, items.length);
            } else {
                value = v;
            }
            if (left > 0) return;
            if (map) value = new ToyList(values.clone());
            try {
                if (callback != ToyNone.NONE) ts.call(callback, value);
            } finally {
                markReady();
            }
        } else {
            if (!ok && success) {
                success = false;
                value = v;
            }
            if (left > 0) return;
            try {
                if (errorCallback != ToyNone.NONE) ts.call(errorCallback, value);
            } finally {
                markReady();
            }
        }
    }

    private void markReady() {
        synchronized (this) {
            ready = true;
            notifyAll();
        }
    }

    private synchronized boolean isReady() { return ready; }

    ToyObject get(ThreadState ts, double timeout) {
        if (!Waits.until(ts, this, () -> ready, timeout)) throw ToyPool.timeoutError();
        if (success) return value;
        throw new ToyError((ToyException) value);
    }

    @Override public ToyType type() { return map ? MAP_TYPE : APPLY_TYPE; }

    @Override
    public String repr() {
        return "<multiprocessing.pool." + type().name() + " object at 0x" + Long.toHexString(Ops.id(this)) + ">";
    }

    private static PoolResult me(ToyObject o) {
        if (o instanceof PoolResult r) return r;
        throw Errors.typeError("descriptor requires an 'ApplyResult' object but received a '" + o.type().name() + "'");
    }

    static {
        APPLY_TYPE.method("ready", (ts, a, kw) -> {
            org.toy.runtime.Args.none("ready", a, kw, 1);
            return ToyBool.of(me(a[0]).isReady());
        });
        APPLY_TYPE.method("successful", (ts, a, kw) -> {
            org.toy.runtime.Args.none("successful", a, kw, 1);
            PoolResult r = me(a[0]);
            if (!r.isReady()) throw Errors.valueError(r.repr() + " not ready");
            return ToyBool.of(r.success);
        });
        APPLY_TYPE.method("wait", (ts, a, kw) -> {
            ToyObject[] p = org.toy.runtime.Args.bind("wait", a, kw, 1, 0, "timeout");
            PoolResult r = me(a[0]);
            Waits.until(ts, r, () -> r.ready, Waits.seconds(p[0]));
            return ToyNone.NONE;
        });
        APPLY_TYPE.method("get", (ts, a, kw) -> {
            ToyObject[] p = org.toy.runtime.Args.bind("get", a, kw, 1, 0, "timeout");
            return me(a[0]).get(ts, Waits.seconds(p[0]));
        });
    }
}
