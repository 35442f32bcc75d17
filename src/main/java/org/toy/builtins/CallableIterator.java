package org.toy.builtins;

import org.toy.runtime.Ops;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/** {@code iter(callable, sentinel)}: calls the callable until it returns the sentinel. */
public final class CallableIterator extends ToyObject {
    public static final ToyType TYPE = new ToyType("callable_iterator", ToyType.OBJECT);

    private final ThreadState ts;
    private ToyObject callable; // null once the sentinel was seen
    private final ToyObject sentinel;

    CallableIterator(ThreadState ts, ToyObject callable, ToyObject sentinel) {
        this.ts = ts;
        this.callable = callable;
        this.sentinel = sentinel;
    }

    @Override public ToyType type() { return TYPE; }

    @Override public ToyObject iter() { return this; }

    @Override
    public ToyObject next() {
        if (callable == null) return null;
        ToyObject value = ts.call(callable);
        if (Ops.eq(value, sentinel)) {
            callable = null;
            return null;
        }
        return value;
    }
}
