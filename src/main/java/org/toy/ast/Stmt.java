package org.toy.ast;

import java.util.List;
import org.toy.source.Span;

/** Statements, shaped like CPython's {@code ast} module. Optional children are {@code null}; lists are never null. */
public sealed interface Stmt {
    Span span();

    record ExprStmt(Span span, Expr value) implements Stmt {}
    /** {@code a = b = value}: targets are Name, Attribute, Subscript, or Tuple/List of them (Starred inside). */
    record Assign(Span span, List<Expr> targets, Expr value) implements Stmt {}
    record AugAssign(Span span, Expr target, BinaryOp op, Expr value) implements Stmt {}
    /** {@code x: int = 1}; value may be null. Toy evaluates and ignores the annotation's meaning. */
    record AnnAssign(Span span, Expr target, Expr annotation, Expr value) implements Stmt {}
    record If(Span span, Expr test, List<Stmt> body, List<Stmt> orElse) implements Stmt {}
    record While(Span span, Expr test, List<Stmt> body, List<Stmt> orElse) implements Stmt {}
    record For(Span span, Expr target, Expr iter, List<Stmt> body, List<Stmt> orElse) implements Stmt {}
    record Break(Span span) implements Stmt {}
    record Continue(Span span) implements Stmt {}
    record Pass(Span span) implements Stmt {}
    record FunctionDef(Span span, String name, Params params, List<Stmt> body, List<Expr> decorators) implements Stmt {}
    record ClassDef(Span span, String name, List<Expr> bases, List<Expr.Keyword> keywords, List<Stmt> body,
                    List<Expr> decorators) implements Stmt {}
    record Return(Span span, Expr value) implements Stmt {}
    record Global(Span span, List<String> names) implements Stmt {}
    record Nonlocal(Span span, List<String> names) implements Stmt {}
    record Delete(Span span, List<Expr> targets) implements Stmt {}
    record Try(Span span, List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orElse, List<Stmt> finalBody)
            implements Stmt {}
    record Raise(Span span, Expr exc, Expr cause) implements Stmt {}
    record Assert(Span span, Expr test, Expr msg) implements Stmt {}
    record With(Span span, List<WithItem> items, List<Stmt> body) implements Stmt {}
    /** {@code import a.b as c}: one alias per name. */
    record Import(Span span, List<Alias> names) implements Stmt {}
    /** {@code from m import a as b, c}; names is [Alias("*", null)] for {@code import *}. */
    record ImportFrom(Span span, String module, List<Alias> names) implements Stmt {}

    /** {@code except type as name:}; type and name may be null (a bare except). */
    record ExceptHandler(Span span, Expr type, String name, List<Stmt> body) {}
    record WithItem(Expr context, Expr target) {}
    record Alias(String name, String asName) {}
}
