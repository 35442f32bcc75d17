package org.toy.runtime;

import java.math.BigInteger;

/**
 * A range whose bounds or length do not fit in a long ({@code range(10**20)}): the same
 * {@code range} type as {@link ToyRange}, with BigInteger arithmetic. Rare, so kept apart from
 * ToyRange, whose long fields the VM iterates directly. As in CPython, {@code len()} of such a
 * range raises OverflowError while indexing and {@code in} work.
 */
final class BigRange extends ToyObject {
    private final BigInteger start;
    private final BigInteger stop;
    private final BigInteger step;
    private final BigInteger length;

    BigRange(BigInteger start, BigInteger stop, BigInteger step) {
        if (step.signum() == 0) throw Errors.valueError("range() arg 3 must not be zero");
        this.start = start;
        this.stop = stop;
        this.step = step;
        BigInteger lo = step.signum() > 0 ? start : stop;
        BigInteger hi = step.signum() > 0 ? stop : start;
        this.length = lo.compareTo(hi) >= 0 ? BigInteger.ZERO
                : hi.subtract(lo).subtract(BigInteger.ONE).divide(step.abs()).add(BigInteger.ONE);
    }

    /** A range for any int bounds: the long-based ToyRange when everything fits, else a BigRange. */
    static ToyObject of(ToyInt start, ToyInt stop, ToyInt step) {
        if (start.isSmall() && stop.isSmall() && step.isSmall()) {
            try {
                return new ToyRange(start.value, stop.value, step.value);
            } catch (ToyError e) {
                if (!e.exception.isInstance(ExceptionTypes.OVERFLOW_ERROR)) throw e;
            }
        }
        return new BigRange(start.toBig(), stop.toBig(), step.toBig());
    }

    @Override public ToyType type() { return ToyRange.TYPE; }

    @Override
    public String repr() {
        return "range(" + start + ", " + stop + (step.equals(BigInteger.ONE) ? "" : ", " + step) + ")";
    }

    @Override public boolean isTrue() { return length.signum() != 0; }

    @Override
    public int len() { throw Errors.overflow("Python int too large to convert to C ssize_t"); }

    @Override
    public ToyObject getItem(ToyObject key) {
        if (!(key instanceof ToyInt i)) {
            throw Errors.typeError("range indices must be integers or slices, not " + key.type().name());
        }
        BigInteger idx = i.toBig();
        if (idx.signum() < 0) idx = idx.add(length);
        if (idx.signum() < 0 || idx.compareTo(length) >= 0) throw Errors.indexError("range object index out of range");
        return ToyInt.of(start.add(idx.multiply(step)));
    }

    @Override
    public boolean contains(ToyObject item) {
        if (!(item instanceof ToyInt i) || item instanceof ToyBool) return super.contains(item);
        BigInteger v = i.toBig();
        boolean inside = step.signum() > 0 ? v.compareTo(start) >= 0 && v.compareTo(stop) < 0
                : v.compareTo(start) <= 0 && v.compareTo(stop) > 0;
        return inside && v.subtract(start).mod(step.abs()).signum() == 0;
    }

    @Override
    public boolean eq(ToyObject other) {
        return other instanceof BigRange r && r.length.equals(length)
                && (length.signum() == 0 || r.start.equals(start) && (length.equals(BigInteger.ONE) || r.step.equals(step)));
    }

    @Override
    public long hash() {
        return ToyTuple.of(ToyInt.of(length), ToyInt.of(start), ToyInt.of(step)).hash();
    }

    @Override
    public ToyObject iter() {
        return new ToyObject() {
            private BigInteger next = start;
            private BigInteger left = length;

            @Override public ToyType type() { return ToyRange.Iter.TYPE; }

            @Override public ToyObject iter() { return this; }

            @Override
            public ToyObject next() {
                if (left.signum() == 0) return null;
                ToyObject v = ToyInt.of(next);
                next = next.add(step);
                left = left.subtract(BigInteger.ONE);
                return v;
            }
        };
    }

    @Override
    public ToyObject getAttr(String name) {
        switch (name) {
            case "start": return ToyInt.of(start);
            case "stop": return ToyInt.of(stop);
            case "step": return ToyInt.of(step);
            default: return super.getAttr(name);
        }
    }
}
