package org.toy.runtime;

/** A cell: the box through which a closure shares one variable with the function that defines it. */
public final class ToyCell extends ToyObject {
    public static final ToyType TYPE = new ToyType("cell", ToyType.OBJECT);

    /** The variable's value, or Java null while it is unbound. */
    public ToyObject value;

    public ToyCell(ToyObject value) { this.value = value; }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() {
        return "<cell at 0x" + Long.toHexString(Ops.id(this)) + ": "
                + (value == null ? "empty>" : value.type().name() + " object at 0x" + Long.toHexString(Ops.id(value)) + ">");
    }
}
