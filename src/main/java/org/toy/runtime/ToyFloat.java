package org.toy.runtime;

/** Python's float: an IEEE double. */
public final class ToyFloat extends ToyObject {
    public static final ToyType TYPE = new ToyType("float", ToyType.OBJECT);

    public final double value;

    public ToyFloat(double value) { this.value = value; }

    public static ToyFloat of(double v) { return new ToyFloat(v); }

    @Override public ToyType type() { return TYPE; }

    @Override public String repr() { return Numbers.floatRepr(value); }

    @Override public boolean isTrue() { return value != 0.0; }

    @Override
    public boolean eq(ToyObject other) {
        if (other instanceof ToyFloat f) return value == f.value;
        if (other instanceof ToyInt i) return Numbers.compareIntFloat(i, value) == 0;
        return false;
    }

    @Override public long hash() { return Numbers.hashFloat(value); }
}
