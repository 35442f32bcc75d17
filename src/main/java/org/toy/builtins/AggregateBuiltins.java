package org.toy.builtins;

import org.toy.ast.BinaryOp;
import org.toy.ast.CompareOp;
import org.toy.runtime.Args;
import org.toy.runtime.Errors;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyFloat;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyTuple;
import org.toy.vm.ThreadState;

/** The built-ins that reduce an iterable to one value: {@code len min max sum any all sorted}. */
final class AggregateBuiltins {
    private AggregateBuiltins() {}

    static void install(ToyModule builtins) {
        builtins.function("len", AggregateBuiltins::len);
        builtins.function("min", (ts, args, kw) -> minMax(ts, args, kw, "min", CompareOp.LT));
        builtins.function("max", (ts, args, kw) -> minMax(ts, args, kw, "max", CompareOp.GT));
        builtins.function("sum", AggregateBuiltins::sum);
        builtins.function("any", (ts, args, kw) -> anyAll(args, kw, "any", true));
        builtins.function("all", (ts, args, kw) -> anyAll(args, kw, "all", false));
        builtins.function("sorted", AggregateBuiltins::sorted);
    }

    static ToyObject len(ThreadState ts, ToyObject[] args, String[] kw) {
        Args.one("len", args, kw, 0);
        return ToyInt.of(args[0].len());
    }

    /**
     * {@code min}/{@code max} as CPython's {@code min_max}: one iterable or several arguments, an optional
     * key, a default for an empty iterable; {@code better} is the comparison a new winner must pass.
     */
    static ToyObject minMax(ThreadState ts, ToyObject[] args, String[] kw, String name, CompareOp better) {
        Args.onlyKeywords(name, kw, "key", "default");
        int n = Args.positional(args, kw, 0);
        if (n == 0) throw Errors.typeError(name + " expected at least 1 argument, got 0");
        ToyObject key = Args.keyword(args, kw, "key", ToyNone.NONE);
        ToyObject dflt = Args.keyword(args, kw, "default", null);
        if (n > 1 && dflt != null) {
            throw Errors.typeError("Cannot specify a default for " + name + "() with multiple positional arguments");
        }
        ToyObject it = Iteration.iter(n == 1 ? args[0] : ToyTuple.of(java.util.Arrays.copyOf(args, n)));
        ToyObject best = null, bestKey = null;
        for (ToyObject item = it.next(); item != null; item = it.next()) {
            ToyObject k = key == ToyNone.NONE ? item : ts.call(key, item);
            if (best == null || Ops.compare(better, k, bestKey).isTrue()) {
                best = item;
                bestKey = k;
            }
        }
        if (best != null) return best;
        if (dflt != null) return dflt;
        throw Errors.valueError(name + "() arg is an empty sequence");
    }

    private static final Signature SUM = new Signature("sum", 1, 2, 1, "iterable", "start");

    /** {@code sum(iterable, /, start=0)} with CPython's int and float fast paths, then the generic {@code +}. */
    static ToyObject sum(ThreadState ts, ToyObject[] args, String[] kw) {
        ToyObject[] a = SUM.bind(args, kw, 0);
        ToyObject result = a[1] == null ? ToyInt.of(0) : a[1];
        switch (result.type().name()) {
            case "str" -> throw Errors.typeError("sum() can't sum strings [use ''.join(seq) instead]");
            case "bytes" -> throw Errors.typeError("sum() can't sum bytes [use b''.join(seq) instead]");
            case "bytearray" -> throw Errors.typeError("sum() can't sum bytearray [use b''.join(seq) instead]");
            default -> { }
        }
        ToyObject it = Iteration.iter(a[0]);
        ToyObject item = it.next();
        // Fast path: an exact int total over int (and bool) items.
        if (result instanceof ToyInt total && !(result instanceof ToyBool)) {
            while (item instanceof ToyInt i) {
                total = Arith.add(total, i);
                item = it.next();
            }
            // int + float is float(int) + float: carry on in the float path.
            result = item instanceof ToyFloat ? ToyFloat.of(Arith.intToDouble(total)) : total;
        }
        // Fast path: a float total over float and small int items.
        if (result instanceof ToyFloat f) {
            double total = f.value;
            while (item instanceof ToyFloat || (item instanceof ToyInt i && i.isSmall())) {
                total += item instanceof ToyFloat x ? x.value : ((ToyInt) item).value;
                item = it.next();
            }
            result = ToyFloat.of(total);
        }
        for (; item != null; item = it.next()) result = Ops.binary(BinaryOp.ADD, result, item);
        return result;
    }

    static ToyObject anyAll(ToyObject[] args, String[] kw, String name, boolean stopOn) {
        Args.one(name, args, kw, 0);
        ToyObject it = Iteration.iter(args[0]);
        for (ToyObject item = it.next(); item != null; item = it.next()) {
            if (item.isTrue() == stopOn) return ToyBool.of(stopOn);
        }
        return ToyBool.of(!stopOn);
    }

    /** {@code sorted(iterable, /, *, key=None, reverse=False)}: a new list, sorted stably. */
    static ToyObject sorted(ThreadState ts, ToyObject[] args, String[] kw) {
        int n = Args.positional(args, kw, 0);
        if (n != 1) throw Errors.typeError("sorted expected 1 argument, got " + n);
        Args.onlyKeywords("sort", kw, "key", "reverse");
        ToyObject key = Args.keyword(args, kw, "key", ToyNone.NONE);
        ToyObject reverse = Args.keyword(args, kw, "reverse", ToyBool.FALSE);
        ToyObject[] values = Iteration.toArray(args[0]);
        ToyObject[] keys = values;
        if (key != ToyNone.NONE) {
            keys = new ToyObject[values.length];
            for (int i = 0; i < values.length; i++) keys[i] = ts.call(key, values[i]);
        }
        Sorting.sort(keys, values, reverse.index().isTrue());
        return new ToyList(values);
    }
}
