package org.toy.builtins;

import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyTuple;
import org.toy.vm.ThreadState;

/**
 * {@code iter} and {@code next}, plus the iterator types that are themselves built-in names
 * ({@code enumerate zip map filter reversed}), since calling the type builds the iterator.
 */
final class IterationBuiltins {
    private IterationBuiltins() {}

    static void install(ToyModule builtins) {
        builtins.function("iter", IterationBuiltins::iter);
        builtins.function("next", IterationBuiltins::next);
        builtins.define("enumerate", EnumerateObject.TYPE);
        builtins.define("zip", ZipObject.TYPE);
        builtins.define("map", MapObject.TYPE);
        builtins.define("filter", FilterObject.TYPE);
        builtins.define("reversed", ReversedObject.TYPE);
    }

    /** {@code iter(obj)} asks the value for its iterator; {@code iter(callable, sentinel)} builds one. */
    static ToyObject iter(ThreadState ts, ToyObject[] args, String[] kw) {
        int n = Signature.positional("iter", args, kw, 1, 2);
        if (n == 1) return args[0].iter();
        if (!Protocols.isCallable(args[0])) throw Errors.typeError("iter(v, w): v must be callable");
        return new CallableIterator(ts, args[0], args[1]);
    }

    /** {@code next(iterator[, default])}: StopIteration (no message) when exhausted and no default. */
    static ToyObject next(ThreadState ts, ToyObject[] args, String[] kw) {
        int n = Signature.positional("next", args, kw, 1, 2);
        ToyObject item = args[0].next();
        if (item != null) return item;
        if (n == 2) return args[1];
        throw stopIteration();
    }

    static ToyError stopIteration() {
        return new ToyError(new ToyException(ExceptionTypes.STOP_ITERATION, ToyTuple.EMPTY));
    }
}
