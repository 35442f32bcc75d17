package org.toy.futures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.toy.ipc.Codec;
import org.toy.process.ToyProcessAccess;
import org.toy.runtime.Args;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/**
 * {@code concurrent.futures.Executor}: {@code submit}, {@code map}, {@code shutdown} and the
 * {@code with} statement, over the two ways of running a call that the subclasses supply.
 */
abstract class Executor extends ToyObject implements Codec.ProcessLocal {
    static final ToyType TYPE = new ToyType("Executor", ToyType.OBJECT);

    /** {@code submit(fn, /, *args, **kwargs)}: {@code args} holds the positional values, then the keyword values. */
    abstract ToyFuture submit(ThreadState ts, ToyObject fn, ToyObject[] args, String[] kwNames);

    abstract void shutdown(ThreadState ts, boolean wait, boolean cancelFutures);

    /**
     * {@code map(fn, *iterables, timeout=None, chunksize=1)}: every call submitted now, the
     * results given in order. The thread pool ignores chunksize, as CPython's does.
     */
    ToyObject map(ThreadState ts, ToyObject fn, ToyObject[] iterables, double timeout, int chunksize) {
        ToyObject[][] columns = new ToyObject[iterables.length][];
        int n = Integer.MAX_VALUE;
        for (int i = 0; i < iterables.length; i++) {
            columns[i] = ToyProcessAccess.sequence(iterables[i]);
            n = Math.min(n, columns[i].length);
        }
        if (iterables.length == 0) n = 0;
        List<ToyFuture> fs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            ToyObject[] args = new ToyObject[iterables.length];
            for (int i = 0; i < args.length; i++) args[i] = columns[i][k];
            fs.add(submit(ts, fn, args, NO_KEYWORDS));
        }
        return new ResultIterator(fs, timeout, false);
    }

    /** {@code max_workers}: {@code dflt} for None, else at least 1 (CPython's message). */
    static int maxWorkers(ToyObject o, int dflt) {
        if (o == null || o == ToyNone.NONE) return dflt;
        int n = Args.toInt(o);
        if (n <= 0) throw Errors.valueError("max_workers must be greater than 0");
        return n;
    }

    /** {@code initializer}: None or a callable. */
    static ToyObject initializer(ToyObject o) {
        ToyObject init = o == null ? ToyNone.NONE : o;
        if (init != ToyNone.NONE && !org.toy.builtins.Protocols.isCallable(init)) throw Errors.typeError("initializer must be a callable");
        return init;
    }

    private static Executor me(ToyObject o) {
        if (o instanceof Executor e) return e;
        throw Errors.typeError("descriptor requires an 'Executor' object but received a '" + o.type().name() + "'");
    }

    static {
        TYPE.method("submit", (ts, a, kw) -> {
            int nargs = a.length - kw.length;
            if (nargs < 2) throw Errors.typeError("submit() missing 1 required positional argument: 'fn'");
            return me(a[0]).submit(ts, a[1], Arrays.copyOfRange(a, 2, a.length), kw);
        });
        TYPE.method("map", (ts, a, kw) -> {
            int nargs = a.length - kw.length;
            if (nargs < 2) throw Errors.typeError("map() missing 1 required positional argument: 'fn'");
            double timeout = -1;
            int chunksize = 1;
            for (int i = 0; i < kw.length; i++) {
                ToyObject v = a[nargs + i];
                switch (kw[i]) {
                    case "timeout" -> timeout = org.toy.pool.Waits.seconds(v);
                    case "chunksize" -> chunksize = Args.toInt(v);
                    default -> throw Errors.typeError("map() got an unexpected keyword argument '" + kw[i] + "'");
                }
            }
            if (chunksize < 1) throw Errors.valueError("chunksize must be >= 1.");
            return me(a[0]).map(ts, a[1], Arrays.copyOfRange(a, 2, nargs), timeout, chunksize);
        });
        TYPE.method("shutdown", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("shutdown", a, kw, 1, 0, "wait", "cancel_futures");
            me(a[0]).shutdown(ts, p[0] == null || p[0].isTrue(), p[1] != null && p[1].isTrue());
            return ToyNone.NONE;
        });
        TYPE.method("__enter__", (ts, a, kw) -> {
            Args.none("__enter__", a, kw, 1);
            return a[0];
        });
        TYPE.method("__exit__", (ts, a, kw) -> {
            me(a[0]).shutdown(ts, true, false);
            return ToyBool.FALSE;
        });
    }
}
