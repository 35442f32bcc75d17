package org.toy.runtime;

/** Python's bool: a subclass of int with exactly two instances. */
public final class ToyBool extends ToyInt {
    public static final ToyType TYPE = new ToyType("bool", ToyInt.TYPE);
    public static final ToyBool TRUE = new ToyBool(1);
    public static final ToyBool FALSE = new ToyBool(0);

    private ToyBool(long v) { super(v, null); }

    public static ToyBool of(boolean b) { return b ? TRUE : FALSE; }

    @Override public ToyType type() { return TYPE; }

    @Override public String repr() { return value != 0 ? "True" : "False"; }

    @Override public boolean isTrue() { return value != 0; }
}
