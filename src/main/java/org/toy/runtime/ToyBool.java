package org.toy.runtime;

import org.toy.ast.BinaryOp;

/** Python's bool: a subclass of int with exactly two instances; {@code &}, {@code |}, {@code ^} of bools stay bools. */
public final class ToyBool extends ToyInt {
    public static final ToyType TYPE = new ToyType("bool", ToyInt.TYPE);
    public static final ToyBool TRUE = new ToyBool(1);
    public static final ToyBool FALSE = new ToyBool(0);

    static {
        TYPE.setConstructor((ts, type, args, kw) -> {
            Args.noKeywords("bool", kw);
            int n = Args.range("bool", args, kw, 0, 0, 1);
            return n == 0 ? FALSE : of(args[0].isTrue());
        });
    }

    private ToyBool(long v) { super(v, null); }

    public static ToyBool of(boolean b) { return b ? TRUE : FALSE; }

    @Override public ToyType type() { return TYPE; }

    @Override public String repr() { return value != 0 ? "True" : "False"; }

    @Override public boolean isTrue() { return value != 0; }

    @Override
    public String format(String spec) { return spec.isEmpty() ? repr() : super.format(spec); }

    @Override
    public ToyObject binary(BinaryOp op, ToyObject other) {
        if (other instanceof ToyBool b) {
            switch (op) {
                case AND: return of((value & b.value) != 0);
                case OR: return of((value | b.value) != 0);
                case XOR: return of((value ^ b.value) != 0);
                default:
            }
        }
        return super.binary(op, other);
    }

    @Override
    public ToyObject binaryReflected(BinaryOp op, ToyObject other) {
        if (other instanceof ToyBool b) return b.binary(op, this);
        return super.binaryReflected(op, other);
    }
}
