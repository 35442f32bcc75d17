package org.toy.builtins;

import org.toy.runtime.ToyList;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;

/**
 * The built-ins' private iterator over a list, tuple or str. Like CPython's {@code listiterator} it
 * re-reads the list's size on every step, so items appended during the loop are seen. It never
 * reaches Toy code: {@code iter(x)} itself asks the value for its own iterator.
 */
final class SequenceIterator extends ToyObject {
    static final ToyType TYPE = new ToyType("sequence_iterator", ToyType.OBJECT);

    private final ToyObject sequence;
    private int index;

    SequenceIterator(ToyObject sequence) { this.sequence = sequence; }

    @Override public ToyType type() { return TYPE; }

    @Override public ToyObject iter() { return this; }

    @Override
    public ToyObject next() {
        if (sequence instanceof ToyList l) return index < l.size ? l.items[index++] : null;
        if (sequence instanceof ToyTuple t) return index < t.items.length ? t.items[index++] : null;
        String s = ((ToyStr) sequence).value;
        return index < s.length() ? ToyStr.of(String.valueOf(s.charAt(index++))) : null;
    }
}
