package org.toy.builtins;

import org.toy.runtime.Args;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/** {@code enumerate(iterable, start=0)}: yields {@code (count, item)} pairs; the count may grow past a long. */
public final class EnumerateObject extends ToyObject {
    public static final ToyType TYPE = new ToyType("enumerate", ToyType.OBJECT, EnumerateObject::construct);

    private static final Signature SIGNATURE = Signature.of("enumerate", 1, "iterable", "start");

    private final ToyObject iterator;
    private ToyInt count;

    private EnumerateObject(ToyObject iterator, ToyInt start) {
        this.iterator = iterator;
        this.count = start;
    }

    private static ToyObject construct(ThreadState ts, ToyType type, ToyObject[] args, String[] kwNames) {
        // enumerate parses its arguments by hand in CPython, so its message lacks Argument Clinic's "(pos 1)".
        if (args.length == kwNames.length && !java.util.Arrays.asList(kwNames).contains("iterable")) {
            Args.onlyKeywords("enumerate", kwNames, "iterable", "start");
            throw Errors.typeError("enumerate() missing required argument 'iterable'");
        }
        ToyObject[] a = SIGNATURE.bind(args, kwNames, 0);
        ToyObject iterator = Iteration.iter(a[0]);
        ToyInt start = a[1] == null ? ToyInt.of(0) : a[1].index();
        return new EnumerateObject(iterator, start);
    }

    @Override public ToyType type() { return TYPE; }

    @Override public ToyObject iter() { return this; }

    @Override
    public ToyObject next() {
        ToyObject item = iterator.next();
        if (item == null) return null;
        ToyInt index = count;
        count = Arith.add(count, ToyInt.of(1));
        return ToyTuple.of(index, item);
    }
}
