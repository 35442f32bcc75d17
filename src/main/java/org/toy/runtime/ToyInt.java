package org.toy.runtime;

import java.math.BigInteger;

/**
 * Python's int: arbitrary precision with a {@code long} fast path. A value that fits in a long is
 * held in {@link #value} with {@link #big} null; otherwise {@link #big} holds it and {@link #value}
 * is meaningless. Factories normalise, so a BigInteger that fits becomes a small int again.
 * Small ints −5..256 are cached, as in CPython. {@link ToyBool} extends this class, as bool
 * subclasses int in Python.
 */
public class ToyInt extends ToyObject {
    public static final ToyType TYPE = new ToyType("int", ToyType.OBJECT);

    private static final int CACHE_LOW = -5;
    private static final int CACHE_HIGH = 256;
    private static final ToyInt[] CACHE = new ToyInt[CACHE_HIGH - CACHE_LOW + 1];

    static {
        for (int i = 0; i < CACHE.length; i++) CACHE[i] = new ToyInt(i + CACHE_LOW, null);
    }

    static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    public final long value;
    public final BigInteger big;

    ToyInt(long value, BigInteger big) {
        this.value = value;
        this.big = big;
    }

    public static ToyInt of(long v) {
        if (v >= CACHE_LOW && v <= CACHE_HIGH) return CACHE[(int) v - CACHE_LOW];
        return new ToyInt(v, null);
    }

    public static ToyInt of(BigInteger v) {
        if (v.bitLength() < 64) return of(v.longValue());
        return new ToyInt(0, v);
    }

    public final boolean isSmall() { return big == null; }

    public final BigInteger toBig() { return big != null ? big : BigInteger.valueOf(value); }

    /** The value as a Java int, or an OverflowError/IndexError-free clamp is the caller's job. */
    public final boolean fitsInt() { return big == null && value == (int) value; }

    @Override public ToyType type() { return TYPE; }

    @Override public String repr() { return big != null ? big.toString() : Long.toString(value); }

    @Override public boolean isTrue() { return big != null || value != 0; }

    @Override public ToyInt index() { return this; }

    /** CPython's int hash: the value modulo the Mersenne prime 2**61 - 1, with -1 mapped to -2. */
    @Override
    public long hash() {
        long h;
        if (big == null) {
            long a = Math.abs(value);
            h = value == Long.MIN_VALUE ? Hashing.hashBig(toBig()) : Math.floorMod(a, Hashing.MODULUS);
            if (value < 0 && value != Long.MIN_VALUE) h = -h;
        } else {
            h = Hashing.hashBig(big);
        }
        return h == -1 ? -2 : h;
    }

    @Override
    public boolean eq(ToyObject other) {
        if (other instanceof ToyInt o) {
            return big == null && o.big == null ? value == o.value : toBig().equals(o.toBig());
        }
        if (other instanceof ToyFloat f) return Numbers.compareIntFloat(this, f.value) == 0;
        return false;
    }
}
