package org.toy.builtins;

import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/** {@code filter(function, iterable)}: the items for which the function is true; None means the items' own truth. */
public final class FilterObject extends ToyObject {
    public static final ToyType TYPE = new ToyType("filter", ToyType.OBJECT, FilterObject::construct);

    private final ThreadState ts;
    private final ToyObject function;
    private final ToyObject iterator;

    private FilterObject(ThreadState ts, ToyObject function, ToyObject iterator) {
        this.ts = ts;
        this.function = function;
        this.iterator = iterator;
    }

    private static ToyObject construct(ThreadState ts, ToyType type, ToyObject[] args, String[] kwNames) {
        Signature.positional("filter", args, kwNames, 2, 2);
        return new FilterObject(ts, args[0], Iteration.iter(args[1]));
    }

    @Override public ToyType type() { return TYPE; }

    @Override public ToyObject iter() { return this; }

    @Override
    public ToyObject next() {
        for (ToyObject item = iterator.next(); item != null; item = iterator.next()) {
            boolean keep = function == ToyNone.NONE ? item.isTrue() : ts.call(function, item).isTrue();
            if (keep) return item;
        }
        return null;
    }
}
