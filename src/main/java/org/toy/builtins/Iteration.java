package org.toy.builtins;

import java.util.ArrayList;
import java.util.List;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;

/**
 * How built-ins consume iterables. Lists, tuples and strings are walked by index (what their own
 * iterators do in CPython, and cheaper than a call per item); everything else goes through the
 * {@code iter()}/{@code next()} protocol, where {@code next()} answering Java null means exhausted.
 */
public final class Iteration {
    private Iteration() {}

    /** An iterator over {@code o}: {@code iter(o)}, or TypeError "'int' object is not iterable". */
    public static ToyObject iter(ToyObject o) {
        if (o instanceof ToyList || o instanceof ToyTuple || o instanceof ToyStr) return new SequenceIterator(o);
        return o.iter();
    }

    /** The items of {@code o}, in iteration order, as a fresh array. */
    public static ToyObject[] toArray(ToyObject o) {
        if (o instanceof ToyList l) return l.toArray();
        if (o instanceof ToyTuple t) return t.items.clone();
        List<ToyObject> items = new ArrayList<>();
        ToyObject it = iter(o);
        for (ToyObject x = it.next(); x != null; x = it.next()) items.add(x);
        return items.toArray(new ToyObject[0]);
    }

    /** {@code list(o)}. */
    public static ToyList toList(ToyObject o) { return new ToyList(toArray(o)); }
}
