package org.toy.ast;

/** The binary operators, in CPython 3.11's {@code BINARY_OP} argument order (NB_ADD = 0 ...). */
public enum BinaryOp {
    ADD("+", "__add__"), AND("&", "__and__"), FLOOR_DIVIDE("//", "__floordiv__"), LSHIFT("<<", "__lshift__"),
    MATMUL("@", "__matmul__"), MULTIPLY("*", "__mul__"), REMAINDER("%", "__mod__"), OR("|", "__or__"),
    POWER("**", "__pow__"), RSHIFT(">>", "__rshift__"), SUBTRACT("-", "__sub__"), TRUE_DIVIDE("/", "__truediv__"),
    XOR("^", "__xor__");

    public final String symbol;
    public final String dunder;
    /** {@code __radd__} and friends: tried on the right operand when the left one gives up. */
    public final String reflectedDunder;
    /** {@code __iadd__}: the in-place form that {@code +=} tries first. */
    public final String inplaceDunder;

    BinaryOp(String symbol, String dunder) {
        this.symbol = symbol;
        this.dunder = dunder;
        this.reflectedDunder = "__r" + dunder.substring(2);
        this.inplaceDunder = "__i" + dunder.substring(2);
    }

    private static final BinaryOp[] VALUES = values();

    public static BinaryOp of(int ordinal) { return VALUES[ordinal]; }
}
