package org.toy.runtime;

import org.toy.ast.CompareOp;

/** Operations shared by the sequence types: unpacking any iterable, repetition counts, ordering. */
public final class Sequences {
    private Sequences() {}

    /**
     * The items of any iterable as a fresh array (list(x), tuple(x), f(*x), unpacking): lists,
     * tuples, strs, ranges and dicts are read directly; anything else goes through iter()/next().
     */
    public static ToyObject[] toArray(ToyObject iterable) {
        if (iterable instanceof ToyList l) return l.toArray();
        if (iterable instanceof ToyTuple t) return t.items.clone();
        ToyObject it = iterable.iter();
        ToyObject[] out = new ToyObject[8];
        int n = 0;
        for (ToyObject x = it.next(); x != null; x = it.next()) {
            if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
            out[n++] = x;
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** The repetition count for {@code seq * n}; a result too large for memory raises MemoryError. */
    static long repeatCount(ToyInt n, int itemLength) {
        if (!n.isSmall()) {
            if (n.big.signum() < 0) return 0;
            throw Errors.overflow("cannot fit 'int' into an index-sized integer");
        }
        if (n.value > 0 && itemLength > 0 && n.value > Integer.MAX_VALUE / itemLength) {
            throw MemoryErrors.raise();
        }
        return n.value;
    }

    /**
     * Lexicographic rich comparison of two arrays, as list_richcompare: the first differing items
     * decide, else the lengths do. Items are compared with {@code ==} first, like CPython.
     */
    public static ToyObject compare(CompareOp op, ToyObject[] a, int aLength, ToyObject[] b, int bLength) {
        if ((op == CompareOp.EQ || op == CompareOp.NE) && aLength != bLength) return ToyBool.of(op == CompareOp.NE);
        int i = 0;
        for (; i < aLength && i < bLength; i++) {
            if (a[i] != b[i] && !Ops.eq(a[i], b[i])) break;
        }
        if (i >= aLength || i >= bLength) return ToyBool.of(ToyInt.holds(op, Integer.compare(aLength, bLength)));
        if (op == CompareOp.EQ) return ToyBool.FALSE;
        if (op == CompareOp.NE) return ToyBool.TRUE;
        return Ops.compare(op, a[i], b[i]);
    }
}
