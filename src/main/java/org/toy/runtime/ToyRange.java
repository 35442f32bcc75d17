package org.toy.runtime;

import org.toy.ast.CompareOp;

/**
 * Python's range over longs (ranges beyond the long range are not supported). The VM may iterate
 * one directly through {@link #start}, {@link #stop} and {@link #step}.
 */
public final class ToyRange extends ToyObject {
    public static final ToyType TYPE = new ToyType("range", ToyType.OBJECT);

    public final long start;
    public final long stop;
    public final long step;
    /** The number of values, as CPython's compute_range_length. */
    public final long length;

    public ToyRange(long start, long stop, long step) {
        if (step == 0) throw Errors.valueError("range() arg 3 must not be zero");
        this.start = start;
        this.stop = stop;
        this.step = step;
        this.length = computeLength(start, stop, step);
    }

    private static long computeLength(long start, long stop, long step) {
        if (step > 0 ? start >= stop : start <= stop) return 0;
        if (step == 1 && (stop - start) > 0) return stop - start; // the common case, when it does not overflow
        java.math.BigInteger lo = java.math.BigInteger.valueOf(step > 0 ? start : stop);
        java.math.BigInteger hi = java.math.BigInteger.valueOf(step > 0 ? stop : start);
        if (lo.compareTo(hi) >= 0) return 0;
        java.math.BigInteger n = hi.subtract(lo).subtract(java.math.BigInteger.ONE)
                .divide(java.math.BigInteger.valueOf(Math.abs(step))).add(java.math.BigInteger.ONE);
        if (n.bitLength() >= 63) throw Errors.overflow("Python int too large to convert to C ssize_t");
        return n.longValue();
    }

    /** The i-th value, for 0 <= i < length. */
    public long at(long i) { return start + i * step; }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() {
        return "range(" + start + ", " + stop + (step == 1 ? "" : ", " + step) + ")";
    }

    @Override public boolean isTrue() { return length != 0; }

    @Override
    public int len() {
        if (length > Integer.MAX_VALUE) throw Errors.overflow("Python int too large to convert to C ssize_t");
        return (int) length;
    }

    @Override
    public ToyObject getItem(ToyObject key) {
        if (key instanceof ToyInt i) {
            long idx = i.isSmall() ? i.value : Long.MAX_VALUE;
            if (idx < 0) idx += length;
            if (idx < 0 || idx >= length) throw Errors.indexError("range object index out of range");
            return ToyInt.of(at(idx));
        }
        if (key instanceof ToySlice s) {
            Slices.Bounds b = Slices.adjust(s, len());
            return new ToyRange(start + b.start() * step, start + b.stop() * step, step * b.step());
        }
        throw Errors.typeError("range indices must be integers or slices, not " + key.type().name());
    }

    @Override
    public boolean contains(ToyObject item) {
        if (item instanceof ToyInt i && !(item instanceof ToyBool)) {
            if (!i.isSmall()) return false;
            long v = i.value;
            if (step > 0 ? v < start || v >= stop : v > start || v <= stop) return false;
            return Math.floorMod(v - start, step) == 0;
        }
        return super.contains(item);
    }

    /** Two ranges are equal when they produce the same values, as range_equals. */
    @Override
    public boolean eq(ToyObject other) {
        if (!(other instanceof ToyRange r)) return false;
        if (length != r.length) return false;
        if (length == 0) return true;
        if (start != r.start) return false;
        return length == 1 || step == r.step;
    }

    @Override
    public ToyObject compare(CompareOp op, ToyObject other) {
        if ((op == CompareOp.EQ || op == CompareOp.NE) && other instanceof ToyRange) {
            return ToyBool.of(eq(other) == (op == CompareOp.EQ));
        }
        return NotImplemented.NOT_IMPLEMENTED;
    }

    /** range_hash: the hash of (len, start, step) with the unobservable parts replaced by None. */
    @Override
    public long hash() {
        ToyObject len = ToyInt.of(length);
        if (length == 0) return ToyTuple.of(len, ToyNone.NONE, ToyNone.NONE).hash();
        if (length == 1) return ToyTuple.of(len, ToyInt.of(start), ToyNone.NONE).hash();
        return ToyTuple.of(len, ToyInt.of(start), ToyInt.of(step)).hash();
    }

    @Override public ToyObject iter() { return new Iter(start, step, length); }

    @Override
    public ToyObject getAttr(String name) {
        switch (name) {
            case "start": return ToyInt.of(start);
            case "stop": return ToyInt.of(stop);
            case "step": return ToyInt.of(step);
            default: return super.getAttr(name);
        }
    }

    /** {@code range_iterator}: counts down the remaining values. */
    public static final class Iter extends ToyObject {
        public static final ToyType TYPE = new ToyType("range_iterator", ToyType.OBJECT);
        private long next;
        private final long step;
        private long remaining;

        public Iter(long start, long step, long length) {
            this.next = start;
            this.step = step;
            this.remaining = length;
        }

        @Override public ToyType type() { return TYPE; }

        @Override public ToyObject iter() { return this; }

        @Override
        public ToyObject next() {
            if (remaining <= 0) return null;
            remaining--;
            long v = next;
            next += step;
            return ToyInt.of(v);
        }
    }

    static {
        TYPE.setConstructor(Constructors::newRange);
        TYPE.method("count", (ts, args, kw) -> {
            Args.one("range.count", args, kw, 1);
            return ToyInt.of(args[0].contains(args[1]) ? 1 : 0);
        });
        TYPE.method("index", (ts, args, kw) -> {
            Args.one("range.index", args, kw, 1);
            ToyRange r = (ToyRange) args[0];
            if (args[1] instanceof ToyInt i && i.isSmall() && r.contains(i)) return ToyInt.of((i.value - r.start) / r.step);
            throw Errors.valueError(Ops.repr(args[1]) + " is not in range");
        });
    }
}
