package org.toy.builtins;

import org.toy.runtime.Args;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/**
 * {@code zip(*iterables, strict=False)}: tuples of the iterables' items in step, stopping at the
 * shortest. With {@code strict=True}, iterables of unequal length raise CPython's ValueError.
 */
public final class ZipObject extends ToyObject {
    public static final ToyType TYPE = new ToyType("zip", ToyType.OBJECT, ZipObject::construct);

    private final ToyObject[] iterators;
    private final boolean strict;
    private boolean exhausted;

    private ZipObject(ToyObject[] iterators, boolean strict) {
        this.iterators = iterators;
        this.strict = strict;
    }

    private static ToyObject construct(ThreadState ts, ToyType type, ToyObject[] args, String[] kwNames) {
        Args.onlyKeywords("zip", kwNames, "strict");
        ToyObject strict = Args.keyword(args, kwNames, "strict", null);
        int n = Args.positional(args, kwNames, 0);
        ToyObject[] iterators = new ToyObject[n];
        for (int i = 0; i < n; i++) iterators[i] = Iteration.iter(args[i]);
        return new ZipObject(iterators, strict != null && strict.isTrue());
    }

    @Override public ToyType type() { return TYPE; }

    @Override public ToyObject iter() { return this; }

    @Override
    public ToyObject next() {
        if (exhausted || iterators.length == 0) return null;
        ToyObject[] items = new ToyObject[iterators.length];
        for (int i = 0; i < iterators.length; i++) {
            items[i] = iterators[i].next();
            if (items[i] == null) {
                exhausted = true;
                if (strict) checkAllExhausted(i);
                return null;
            }
        }
        return ToyTuple.of(items);
    }

    /** Iterator {@code stopped} ran out: under strict, every other one must run out at the same step. */
    private void checkAllExhausted(int stopped) {
        if (stopped > 0) throw lengthMismatch(stopped, "shorter");
        for (int i = 1; i < iterators.length; i++) {
            if (iterators[i].next() != null) throw lengthMismatch(i, "longer");
        }
    }

    private static RuntimeException lengthMismatch(int i, String comparison) {
        String others = i == 1 ? " 1" : "s 1-" + i;
        return Errors.valueError("zip() argument " + (i + 1) + " is " + comparison + " than argument" + others);
    }
}
