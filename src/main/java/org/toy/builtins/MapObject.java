package org.toy.builtins;

import org.toy.runtime.Errors;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/** {@code map(function, *iterables)}: calls the function with one item from each iterable, to the shortest. */
public final class MapObject extends ToyObject {
    public static final ToyType TYPE = new ToyType("map", ToyType.OBJECT, MapObject::construct);

    private final ThreadState ts;
    private final ToyObject function;
    private final ToyObject[] iterators;

    private MapObject(ThreadState ts, ToyObject function, ToyObject[] iterators) {
        this.ts = ts;
        this.function = function;
        this.iterators = iterators;
    }

    private static ToyObject construct(ThreadState ts, ToyType type, ToyObject[] args, String[] kwNames) {
        if (kwNames.length > 0) throw Errors.typeError("map() takes no keyword arguments");
        if (args.length < 2) throw Errors.typeError("map() must have at least two arguments.");
        ToyObject[] iterators = new ToyObject[args.length - 1];
        for (int i = 1; i < args.length; i++) iterators[i - 1] = Iteration.iter(args[i]);
        return new MapObject(ts, args[0], iterators);
    }

    @Override public ToyType type() { return TYPE; }

    @Override public ToyObject iter() { return this; }

    @Override
    public ToyObject next() {
        ToyObject[] callArgs = new ToyObject[iterators.length];
        for (int i = 0; i < iterators.length; i++) {
            callArgs[i] = iterators[i].next();
            if (callArgs[i] == null) return null;
        }
        // The thread that created the map object is the one that iterates it in practice; a map handed to
        // another thread still calls back correctly because ThreadState.call only needs an interpreter.
        return ts.call(function, callArgs);
    }
}
