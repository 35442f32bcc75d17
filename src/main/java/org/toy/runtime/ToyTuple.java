package org.toy.runtime;

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
}
