package org.toy.ast;

/** Comparison operators; the first six in CPython's {@code COMPARE_OP} order (Py_LT = 0 ...). */
public enum CompareOp {
    LT("<"), LE("<="), EQ("=="), NE("!="), GT(">"), GE(">="), IS("is"), IS_NOT("is not"), IN("in"), NOT_IN("not in");

    public final String symbol;

    CompareOp(String symbol) { this.symbol = symbol; }

    private static final CompareOp[] VALUES = values();

    public static CompareOp of(int ordinal) { return VALUES[ordinal]; }

    /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
    public CompareOp swapped() {
        return switch (this) {
            case LT -> GT; case LE -> GE; case GT -> LT; case GE -> LE;
            default -> this;
        };
    }
}
