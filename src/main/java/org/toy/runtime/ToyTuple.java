package org.toy.runtime;

import java.util.Arrays;
import org.toy.ast.BinaryOp;
import org.toy.ast.CompareOp;

/** Python's tuple: an immutable array of values. */
public final class ToyTuple extends ToyObject {
    public static final ToyType TYPE = new ToyType("tuple", ToyType.OBJECT);
    public static final ToyTuple EMPTY = new ToyTuple(new ToyObject[0]);

    /** The items; never mutated after construction. */
    public final ToyObject[] items;

    private ToyTuple(ToyObject[] items) { this.items = items; }

    /** Takes ownership of {@code items}: the caller must not change the array afterwards. */
    public static ToyTuple of(ToyObject... items) {
        return items.length == 0 ? EMPTY : new ToyTuple(items);
    }

    public ToyObject get(int i) { return items[i]; }

    @Override public ToyType type() { return TYPE; }

    @Override public int len() { return items.length; }

    @Override public boolean isTrue() { return items.length != 0; }

    @Override
    public String repr() {
        if (items.length == 1) return "(" + Ops.repr(items[0]) + ",)";
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < items.length; i++) {
            if (i > 0) b.append(", ");
            b.append(Ops.repr(items[i]));
        }
        return b.append(')').toString();
    }

    @Override
    public boolean eq(ToyObject other) {
        if (!(other instanceof ToyTuple t) || t.items.length != items.length) return false;
        for (int i = 0; i < items.length; i++) {
            if (items[i] != t.items[i] && !Ops.eq(items[i], t.items[i])) return false;
        }
        return true;
    }

    @Override
    public ToyObject compare(CompareOp op, ToyObject other) {
        if (!(other instanceof ToyTuple t)) return NotImplemented.NOT_IMPLEMENTED;
        return Sequences.compare(op, items, items.length, t.items, t.items.length);
    }

    /** CPython 3.8+'s xxHash-based tuplehash, so equal tuples hash alike and sets order as CPython's. */
    @Override
    public long hash() {
        final long prime1 = 0x9E3779B185EBCA87L, prime2 = 0xC2B2AE3D27D4EB4FL, prime5 = 0x27D4EB2F165667C5L;
        long acc = prime5;
        for (ToyObject item : items) {
            long lane = item.hash();
            acc += lane * prime2;
            acc = Long.rotateLeft(acc, 31);
            acc *= prime1;
        }
        acc += items.length ^ (prime5 ^ 3527539L);
        return acc == -1 ? 1546275796L : acc;
    }

    @Override
    public ToyObject binary(BinaryOp op, ToyObject other) {
        if (op == BinaryOp.ADD && other instanceof ToyTuple t) {
            if (t.items.length == 0) return this;
            if (items.length == 0) return t;
            ToyObject[] out = Arrays.copyOf(items, items.length + t.items.length);
            System.arraycopy(t.items, 0, out, items.length, t.items.length);
            return new ToyTuple(out);
        }
        if (op == BinaryOp.MULTIPLY && other instanceof ToyInt n) return repeat(n);
        return NotImplemented.NOT_IMPLEMENTED;
    }

    @Override
    public ToyObject binaryReflected(BinaryOp op, ToyObject other) {
        if (op == BinaryOp.MULTIPLY && other instanceof ToyInt n) return repeat(n);
        return NotImplemented.NOT_IMPLEMENTED;
    }

    private ToyTuple repeat(ToyInt n) {
        long count = Sequences.repeatCount(n, items.length);
        if (count == 1) return this;
        if (count <= 0 || items.length == 0) return EMPTY;
        ToyObject[] out = new ToyObject[(int) count * items.length];
        for (int i = 0; i < count; i++) System.arraycopy(items, 0, out, i * items.length, items.length);
        return new ToyTuple(out);
    }

    @Override
    public ToyObject getItem(ToyObject key) {
        if (key instanceof ToyInt i) return items[Slices.index(i, items.length, "tuple index out of range")];
        if (key instanceof ToySlice s) {
            Slices.Bounds b = Slices.adjust(s, items.length);
            if (b.step() == 1 && b.length() == items.length) return this;
            ToyObject[] out = new ToyObject[b.length()];
            for (int k = 0, i = b.start(); k < out.length; k++, i += b.step()) out[k] = items[i];
            return of(out);
        }
        if (key instanceof ToyInstance) return getItem(key.index()); // a user class with __index__
        throw Errors.typeError("tuple indices must be integers or slices, not " + key.type().name());
    }

    @Override
    public boolean contains(ToyObject item) {
        for (ToyObject x : items) if (x == item || Ops.eq(x, item)) return true;
        return false;
    }

    @Override public ToyObject iter() { return new Iter(this); }

    /** {@code tuple_iterator}. */
    public static final class Iter extends ToyObject {
        public static final ToyType TYPE = new ToyType("tuple_iterator", ToyType.OBJECT);
        private final ToyObject[] items;
        private int index;

        public Iter(ToyTuple t) { this.items = t.items; }

        @Override public ToyType type() { return TYPE; }

        @Override public ToyObject iter() { return this; }

        @Override
        public ToyObject next() { return index < items.length ? items[index++] : null; }
    }

    static {
        TYPE.setConstructor(Constructors::newTuple);
        TYPE.method("count", (ts, args, kw) -> {
            Args.one("tuple.count", args, kw, 1);
            int count = 0;
            for (ToyObject x : ((ToyTuple) args[0]).items) if (x == args[1] || Ops.eq(x, args[1])) count++;
            return ToyInt.of(count);
        });
        TYPE.method("index", (ts, args, kw) -> {
            int n = Args.range("index", args, kw, 1, 1, 3);
            ToyObject[] items = ((ToyTuple) args[0]).items;
            int from = n > 1 ? ToyList.clampIndex(args[2], items.length) : 0;
            int to = n > 2 ? ToyList.clampIndex(args[3], items.length) : items.length;
            for (int i = from; i < to; i++) if (items[i] == args[1] || Ops.eq(items[i], args[1])) return ToyInt.of(i);
            throw Errors.valueError("tuple.index(x): x not in tuple");
        });
    }
}
