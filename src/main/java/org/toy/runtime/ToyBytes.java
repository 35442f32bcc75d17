package org.toy.runtime;

/** Python's bytes (placeholder shape; the values work completes it). */
public final class ToyBytes extends ToyObject {
    public static final ToyType TYPE = new ToyType("bytes", ToyType.OBJECT);

    public final byte[] value;

    private ToyBytes(byte[] value) { this.value = value; }

    public static ToyBytes of(byte[] value) { return new ToyBytes(value); }

    @Override public ToyType type() { return TYPE; }
}
