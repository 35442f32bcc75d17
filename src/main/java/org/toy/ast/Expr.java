package org.toy.ast;

import java.math.BigInteger;
import java.util.List;
import org.toy.source.Span;

/**
 * Expressions, shaped like CPython's {@code ast} module so a reader can hold the two side by side.
 * Every node carries its {@link Span}; optional children are {@code null}.
 */
public sealed interface Expr {
    Span span();

    // ---- atoms ----
    record Name(Span span, String id) implements Expr {}
    record IntLit(Span span, BigInteger value) implements Expr {}
    record FloatLit(Span span, double value) implements Expr {}
    /** A string literal after escapes and adjacent-literal concatenation ("a" "b"). */
    record StrLit(Span span, String value) implements Expr {}
    record BytesLit(Span span, byte[] value) implements Expr {}
    record BoolLit(Span span, boolean value) implements Expr {}
    record NoneLit(Span span) implements Expr {}
    /** An f-string: literal {@link StrLit} pieces and {@link FormattedValue}s, in order. */
    record FString(Span span, List<Expr> parts) implements Expr {}
    /** {@code {value!conversion:formatSpec}}; conversion is 0, 'r', 's' or 'a'; formatSpec is an FString or null. */
    record FormattedValue(Span span, Expr value, char conversion, Expr formatSpec) implements Expr {}

    // ---- operators ----
    record BinOp(Span span, Expr left, BinaryOp op, Expr right) implements Expr {}
    record UnaryOp(Span span, UnaryOperator op, Expr operand) implements Expr {}
    /** {@code a and b and c}: at least two values. */
    record BoolOp(Span span, boolean isAnd, List<Expr> values) implements Expr {}
    /** {@code a < b <= c}: ops.size() == comparators.size() >= 1. */
    record Compare(Span span, Expr left, List<CompareOp> ops, List<Expr> comparators) implements Expr {}
    record IfExp(Span span, Expr test, Expr body, Expr orElse) implements Expr {}
    record Lambda(Span span, Params params, Expr body) implements Expr {}

    // ---- postfix ----
    /** args may contain {@link Starred}; a keyword with a null name is {@code **mapping}. */
    record Call(Span span, Expr func, List<Expr> args, List<Keyword> keywords) implements Expr {}
    record Attribute(Span span, Expr value, String attr) implements Expr {}
    /** {@code value[index]}; a slice index is a {@link Slice}, {@code a[1:2, 3]} a Tuple containing one. */
    record Subscript(Span span, Expr value, Expr index) implements Expr {}
    record Slice(Span span, Expr lower, Expr upper, Expr step) implements Expr {}
    record Starred(Span span, Expr value) implements Expr {}

    // ---- displays ----
    record ListExpr(Span span, List<Expr> elts) implements Expr {}
    record TupleExpr(Span span, List<Expr> elts) implements Expr {}
    record SetExpr(Span span, List<Expr> elts) implements Expr {}
    /** A null key means {@code **value} unpacking. */
    record DictExpr(Span span, List<Expr> keys, List<Expr> values) implements Expr {}
    record ListComp(Span span, Expr elt, List<Comprehension> generators) implements Expr {}
    record SetComp(Span span, Expr elt, List<Comprehension> generators) implements Expr {}
    record DictComp(Span span, Expr key, Expr value, List<Comprehension> generators) implements Expr {}
    /** {@code (x for x in xs)}: Toy evaluates it eagerly, like a list comprehension, and yields an iterator. */
    record GeneratorExp(Span span, Expr elt, List<Comprehension> generators) implements Expr {}

    /** One {@code for target in iter if cond...} clause of a comprehension. */
    record Comprehension(Expr target, Expr iter, List<Expr> ifs) {}

    /** {@code name=value} in a call; name null for {@code **value}. */
    record Keyword(Span span, String name, Expr value) {}
}
