package org.toy.runtime;

import java.math.BigInteger;
import org.toy.ast.BinaryOp;
import org.toy.ast.CompareOp;

/**
 * Python's int: arbitrary precision with a {@code long} fast path. A value that fits in a long is
 * held in {@link #value} with {@link #big} null; otherwise {@link #big} holds it and {@link #value}
 * is meaningless. Factories normalise, so a BigInteger that fits becomes a small int again.
 * Small ints −5..256 are cached, as in CPython. {@link ToyBool} extends this class, as bool
 * subclasses int in Python. The arithmetic itself lives in {@link IntMath}.
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

    /** True when the value fits a Java int (callers then read {@link #value}). */
    public final boolean fitsInt() { return big == null && value == (int) value; }

    /** The sign: -1, 0 or 1. */
    public final int signum() { return big != null ? big.signum() : Long.signum(value); }

    @Override public ToyType type() { return TYPE; }

    @Override public String repr() { return big != null ? big.toString() : Long.toString(value); }

    @Override public String format(String spec) { return Formatter.formatInt(this, FormatSpec.parse(spec, this)); }

    @Override public boolean isTrue() { return big != null || value != 0; }

    @Override public ToyInt index() { return this; }

    /** CPython's int hash: the value modulo the Mersenne prime 2**61 - 1, with -1 mapped to -2. */
    @Override
    public long hash() {
        long h;
        if (big == null) {
            if (value >= 0 && value < Hashing.MODULUS) return value; // small ints hash to themselves
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

    // ---- operators: int with int; float operands are handled by ToyFloat's reflected side ----

    @Override
    public ToyObject binary(BinaryOp op, ToyObject other) {
        if (other instanceof ToyInt o) return IntMath.binary(op, this, o);
        return NotImplemented.NOT_IMPLEMENTED;
    }

    @Override
    public ToyObject binaryReflected(BinaryOp op, ToyObject other) {
        if (other instanceof ToyInt o) return IntMath.binary(op, o, this);
        return NotImplemented.NOT_IMPLEMENTED;
    }

    /** Compares with ints and floats exactly. */
    @Override
    public ToyObject compare(CompareOp op, ToyObject other) {
        int c;
        if (other instanceof ToyInt o) {
            c = big == null && o.big == null ? Long.compare(value, o.value) : toBig().compareTo(o.toBig());
        } else if (other instanceof ToyFloat f) {
            c = Numbers.compareIntFloat(this, f.value);
            if (c == 2) return ToyBool.of(op == CompareOp.NE); // NaN: unordered
        } else {
            return NotImplemented.NOT_IMPLEMENTED;
        }
        return ToyBool.of(holds(op, c));
    }

    /** Whether {@code c} (the sign of a three-way comparison) satisfies {@code op}. */
    static boolean holds(CompareOp op, int c) {
        switch (op) {
            case LT: return c < 0;
            case LE: return c <= 0;
            case EQ: return c == 0;
            case NE: return c != 0;
            case GT: return c > 0;
            case GE: return c >= 0;
            default: throw new IllegalArgumentException(op.toString());
        }
    }

    @Override public ToyObject negative() { return IntMath.negate(this); }

    @Override public ToyObject positive() { return this instanceof ToyBool ? ToyInt.of(value) : this; }

    @Override public ToyObject invert() { return IntMath.invert(this); }

    // ---- the int type: constructor and methods ------------------------------------------------

    static {
        TYPE.setConstructor(Constructors::newInt);
        TYPE.method("bit_length", (ts, args, kw) -> {
            Args.none("bit_length", args, kw, 1);
            ToyInt self = (ToyInt) args[0];
            return ToyInt.of(self.isSmall() ? 64 - Long.numberOfLeadingZeros(Math.abs(self.value))
                    + (self.value == Long.MIN_VALUE ? 1 : 0) : self.big.abs().bitLength());
        });
        TYPE.method("conjugate", (ts, args, kw) -> ((ToyInt) args[0]).positive());
        TYPE.method("__index__", (ts, args, kw) -> ((ToyInt) args[0]).positive());
        TYPE.method("is_integer", (ts, args, kw) -> ToyBool.TRUE);
        TYPE.method("__format__", (ts, args, kw) -> {
            Args.one("__format__", args, kw, 1);
            return ToyStr.of(args[0].format(Strings.argument("__format__", 1, args[1])));
        });
    }

    @Override
    public ToyObject getAttr(String name) {
        switch (name) {
            case "real", "numerator": return positive();
            case "imag": return ToyInt.of(0);
            case "denominator": return ToyInt.of(1);
            default: return super.getAttr(name);
        }
    }
}
