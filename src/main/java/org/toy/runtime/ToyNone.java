package org.toy.runtime;

/** Python's {@code None}: one instance, never Java null. */
public final class ToyNone extends ToyObject {
    public static final ToyType TYPE = new ToyType("NoneType", ToyType.OBJECT);
    public static final ToyNone NONE = new ToyNone();

    private ToyNone() {}

    @Override public ToyType type() { return TYPE; }
    @Override public String repr() { return "None"; }
    @Override public boolean isTrue() { return false; }
    /** CPython 3.11 hashes None by address; any constant serves. */
    @Override public long hash() { return 0xFCA86420L; }
}
