package org.toy.ast;

public enum UnaryOperator {
    NEGATIVE("-"), POSITIVE("+"), INVERT("~"), NOT("not");

    public final String symbol;

    UnaryOperator(String symbol) { this.symbol = symbol; }
}
