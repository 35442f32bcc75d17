package org.toy.runtime;

/** Python's {@code NotImplemented}: what an operator answers when it does not know the other operand. */
public final class NotImplemented extends ToyObject {
    public static final ToyType TYPE = new ToyType("NotImplementedType", ToyType.OBJECT);
    public static final NotImplemented NOT_IMPLEMENTED = new NotImplemented();

    private NotImplemented() {}

    @Override public ToyType type() { return TYPE; }
    @Override public String repr() { return "NotImplemented"; }
}
