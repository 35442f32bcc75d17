package org.toy.runtime;

import org.toy.ast.BinaryOp;
import org.toy.ast.CompareOp;

/**
 * The generic operations of Python's abstract object layer ({@code Objects/abstract.c}): dispatch
 * to the operands' methods, the reflected fallback, and the TypeErrors with CPython's messages.
 * The VM's hot paths handle the common int cases inline and call here for everything else.
 */
public final class Ops {
    private Ops() {}

    /** {@code a OP b}: left operand first, then the reflected method of the right one. */
    public static ToyObject binary(BinaryOp op, ToyObject a, ToyObject b) {
        return binary(op, a, b, false);
    }

    private static ToyObject binary(BinaryOp op, ToyObject a, ToyObject b, boolean inPlace) {
        ToyObject r;
        // A right operand whose type subclasses the left's gets the first try, as in CPython.
        if (b.type() != a.type() && b.type().isSubtypeOf(a.type())) {
            r = b.binaryReflected(op, a);
            if (r != NotImplemented.NOT_IMPLEMENTED) return r;
            r = a.binary(op, b);
        } else {
            r = a.binary(op, b);
            if (r != NotImplemented.NOT_IMPLEMENTED) return r;
            r = b.binaryReflected(op, a);
        }
        if (r != NotImplemented.NOT_IMPLEMENTED) return r;
        throw binaryTypeError(op, a, b, inPlace);
    }

    /** {@code a OP= b}: the in-place method, else the ordinary operator. */
    public static ToyObject binaryInPlace(BinaryOp op, ToyObject a, ToyObject b) {
        ToyObject r = a.binaryInPlace(op, b);
        if (r != NotImplemented.NOT_IMPLEMENTED) return r;
        return binary(op, a, b, true);
    }

    /** CPython's messages: the sequence ones, else "unsupported operand type(s) for +=" (with '=' in place). */
    private static ToyError binaryTypeError(BinaryOp op, ToyObject a, ToyObject b, boolean inPlace) {
        if (op == BinaryOp.ADD && a instanceof ToyStr) {
            return Errors.typeError("can only concatenate str (not \"" + b.type().name() + "\") to str");
        }
        if (op == BinaryOp.ADD && (a instanceof ToyList || a instanceof ToyTuple) && a.type() != b.type()) {
            return Errors.typeError("can only concatenate " + a.type().name() + " (not \"" + b.type().name()
                    + "\") to " + a.type().name());
        }
        if (op == BinaryOp.MULTIPLY && (isSequence(a) || isSequence(b))) {
            ToyObject other = isSequence(a) ? b : a;
            return Errors.typeError("can't multiply sequence by non-int of type '" + other.type().name() + "'");
        }
        if (op == BinaryOp.ADD && a instanceof ToyBytes) {
            return Errors.typeError("can't concat " + b.type().name() + " to bytes");
        }
        if (op == BinaryOp.POWER && !inPlace) {
            return Errors.typeError("unsupported operand type(s) for ** or pow(): '" + a.type().name() + "' and '"
                    + b.type().name() + "'");
        }
        return Errors.unsupported(inPlace ? op.symbol + "=" : op.symbol, a, b);
    }

    private static boolean isSequence(ToyObject o) {
        return o instanceof ToyList || o instanceof ToyTuple || o instanceof ToyStr || o instanceof ToyBytes;
    }

    /** Rich comparison for the six ordering operators, with Python's reflection and defaults. */
    public static ToyObject compare(CompareOp op, ToyObject a, ToyObject b) {
        ToyObject r;
        boolean reflectedFirst = b.type() != a.type() && b.type().isSubtypeOf(a.type());
        if (reflectedFirst) {
            r = b.compare(op.swapped(), a);
            if (r != NotImplemented.NOT_IMPLEMENTED) return r;
        }
        r = a.compare(op, b);
        if (r != NotImplemented.NOT_IMPLEMENTED) return r;
        if (!reflectedFirst) {
            r = b.compare(op.swapped(), a);
            if (r != NotImplemented.NOT_IMPLEMENTED) return r;
        }
        switch (op) {
            case EQ: return ToyBool.of(a == b || a.eq(b));
            case NE: return ToyBool.of(!(a == b || a.eq(b)));
            default:
                throw Errors.typeError("'" + op.symbol + "' not supported between instances of '" + a.type().name()
                        + "' and '" + b.type().name() + "'");
        }
    }

    /** {@code a == b} as a Java boolean. */
    public static boolean eq(ToyObject a, ToyObject b) {
        if (a == b) return true;
        // The two commonest dict keys, decided without the rich-comparison protocol.
        if (a instanceof ToyStr x && b instanceof ToyStr y) return x.value.equals(y.value);
        if (a instanceof ToyInt x && b instanceof ToyInt y && x.big == null && y.big == null) return x.value == y.value;
        ToyObject r = a.compare(CompareOp.EQ, b);
        if (r == NotImplemented.NOT_IMPLEMENTED) r = b.compare(CompareOp.EQ, a);
        if (r == NotImplemented.NOT_IMPLEMENTED) return a.eq(b);
        return r.isTrue();
    }

    /** {@code a < b} as a Java boolean (sorting, min, max). */
    public static boolean lessThan(ToyObject a, ToyObject b) {
        return compare(CompareOp.LT, a, b).isTrue();
    }

    public static ToyObject bool(boolean b) { return b ? ToyBool.TRUE : ToyBool.FALSE; }

    /**
     * repr() with a guard against self-containing containers ({@code l.append(l)} prints {@code [[...]]}).
     * The guard is per thread, as CPython's Py_ReprEnter keeps it in the thread state.
     */
    public static String repr(ToyObject o) {
        if (!(o instanceof ToyList || o instanceof ToyDict || o instanceof ToySetLike || o instanceof ToyTuple)) {
            return o.repr();
        }
        java.util.IdentityHashMap<ToyObject, Boolean> active = REPR_ACTIVE.get();
        if (active.containsKey(o)) {
            return o instanceof ToyList ? "[...]" : o instanceof ToyDict ? "{...}"
                    : o instanceof ToyTuple ? "(...)" : o.type().name() + "(...)";
        }
        active.put(o, Boolean.TRUE);
        try {
            return o.repr();
        } finally {
            active.remove(o);
        }
    }

    private static final ThreadLocal<java.util.IdentityHashMap<ToyObject, Boolean>> REPR_ACTIVE =
            ThreadLocal.withInitial(java.util.IdentityHashMap::new);

    /** Marker for set-like containers that take part in the recursive-repr guard. */
    public interface ToySetLike {}

    /** {@code id(o)}: a number identifying the object while it lives. */
    public static long id(ToyObject o) {
        return System.identityHashCode(o) & 0xFFFFFFFFL;
    }
}
