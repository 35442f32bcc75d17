package org.toy.builtins;

import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/**
 * {@code reversed(seq)}: walks a sequence from its last index down, through {@code len()} and
 * {@code getItem()}. A value whose type defines {@code __reversed__} (range, user classes) is asked
 * first, and a dict yields its keys last to first, as CPython 3.8+ does.
 */
public final class ReversedObject extends ToyObject {
    public static final ToyType TYPE = new ToyType("reversed", ToyType.OBJECT, ReversedObject::construct);
    /** The type CPython gives a reversed list; the behaviour is the same. */
    public static final ToyType LIST_TYPE = new ToyType("list_reverseiterator", ToyType.OBJECT);
    public static final ToyType DICT_TYPE = new ToyType("dict_reversekeyiterator", ToyType.OBJECT);

    private final ToyType type;
    private final ToyObject sequence;
    private final ToyObject[] keys; // a dict's keys, snapshot; null for sequences
    private int index;

    private ReversedObject(ToyType type, ToyObject sequence, ToyObject[] keys, int index) {
        this.type = type;
        this.sequence = sequence;
        this.keys = keys;
        this.index = index;
    }

    private static ToyObject construct(ThreadState ts, ToyType type, ToyObject[] args, String[] kwNames) {
        Signature.positional("reversed", args, kwNames, 1, 1);
        return of(ts, args[0]);
    }

    static ToyObject of(ThreadState ts, ToyObject seq) {
        ToyObject custom = seq.type().lookup("__reversed__");
        if (custom != null) return ts.call(custom, seq);
        if (seq instanceof ToyList l) return new ReversedObject(LIST_TYPE, l, null, l.size - 1);
        if (seq instanceof ToyDict d) {
            ToyObject[] keys = d.map.keySet().toArray(new ToyObject[0]);
            return new ReversedObject(DICT_TYPE, d, keys, keys.length - 1);
        }
        if (!Protocols.isSequence(seq) && !(seq instanceof ToyTuple) && !(seq instanceof ToyStr)) {
            throw Errors.typeError("'" + seq.type().name() + "' object is not reversible");
        }
        return new ReversedObject(TYPE, seq, null, seq.len() - 1);
    }

    @Override public ToyType type() { return type; }

    @Override public ToyObject iter() { return this; }

    @Override
    public ToyObject next() {
        if (index < 0) return null;
        if (keys != null) {
            if (sequence.len() != keys.length) {
                index = -1;
                throw Errors.runtimeError("dictionary changed size during iteration");
            }
            return keys[index--];
        }
        if (sequence instanceof ToyList l) {
            // CPython's listreviter: a list that shrank under the iterator just ends it.
            if (index >= l.size) {
                index = -1;
                return null;
            }
            return l.items[index--];
        }
        if (sequence instanceof ToyTuple t) return t.items[index--];
        if (sequence instanceof ToyStr s) return ToyStr.of(String.valueOf(s.value.charAt(index--)));
        try {
            return sequence.getItem(ToyInt.of(index--));
        } catch (ToyError e) {
            if (e.exception.isInstance(ExceptionTypes.INDEX_ERROR) || e.exception.isInstance(ExceptionTypes.STOP_ITERATION)) {
                index = -1;
                return null;
            }
            throw e;
        }
    }
}
