package org.toy.runtime;

/** Python's str, over a Java String (indices are UTF-16 units: characters outside the BMP count twice). */
public final class ToyStr extends ToyObject {
    public static final ToyType TYPE = new ToyType("str", ToyType.OBJECT);
    public static final ToyStr EMPTY = new ToyStr("");

    public final String value;

    public ToyStr(String value) { this.value = value; }

    public static ToyStr of(String s) { return s.isEmpty() ? EMPTY : new ToyStr(s); }

    @Override public ToyType type() { return TYPE; }

    @Override public String str() { return value; }

    @Override public String repr() { return Strings.repr(value); }

    @Override public boolean isTrue() { return !value.isEmpty(); }

    @Override public int len() { return value.length(); }

    @Override public long hash() { return value.hashCode(); }

    @Override public boolean eq(ToyObject other) { return other instanceof ToyStr s && s.value.equals(value); }
}
