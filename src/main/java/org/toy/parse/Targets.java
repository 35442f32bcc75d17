package org.toy.parse;

import java.util.List;
import org.toy.ast.Expr;
import org.toy.source.Span;
import org.toy.source.ToySyntaxError;

/**
 * Checks that the left of {@code =}, {@code +=}, {@code del}, {@code for} and {@code as} can be
 * stored to (or deleted). The grammar accepts any expression there, so that these checks can give
 * CPython's messages ("cannot assign to function call here. Maybe you meant '==' instead of '='?").
 */
final class Targets {
    private final String file;

    Targets(String file) {
        this.file = file;
    }

    /**
     * {@code t1 = t2 = ... = value}, where {@code parts} are the targets followed by the value.
     * CPython first tries to read the statement as a mistyped comparison ({@code x, 1 = 2} names the
     * {@code 1 = 2}); it looks at the last element of the first part and at the start of the second
     * part, which must be a plain operand ({@code secondIsPlain}: no leading '*', 'not' or 'lambda')
     * not itself followed by '='. Only if that does not apply is the first invalid target named.
     */
    void checkAssign(List<Expr> parts, boolean secondIsPlain) {
        List<Expr> assigned = parts.subList(0, parts.size() - 1);
        Expr firstBad = null;
        for (Expr target : assigned) {
            firstBad = invalid(target, false);
            if (firstBad != null) break;
        }
        if (firstBad == null) return;

        Expr first = parts.get(0);
        Expr last = isBareTuple(first) ? lastOf((Expr.TupleExpr) first) : first;
        Expr second = parts.get(1);
        boolean secondFollowedByAssign = parts.size() > 2 && !isBareTuple(second) && isBitwiseOr(second);
        if (secondIsPlain && !secondFollowedByAssign) {
            if (last instanceof Expr.Name) {
                Expr b = isBareTuple(second) ? ((Expr.TupleExpr) second).elts().get(0) : second;
                throw new ToySyntaxError("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", file,
                        Spans.join(last.span(), b.span()));
            }
            boolean keywordLiteral = last instanceof Expr.NoneLit || last instanceof Expr.BoolLit;
            boolean display = last instanceof Expr.TupleExpr || last instanceof Expr.ListExpr
                    || last instanceof Expr.GeneratorExp;
            if (isBitwiseOr(last) && !keywordLiteral && !display && !(last instanceof Expr.Name)) {
                throw error("cannot assign to " + describe(last) + " here. Maybe you meant '==' instead of '='?", last);
            }
        }
        throw error("cannot assign to " + describe(firstBad), firstBad);
    }

    /** A tuple written without parentheses: it starts where its first element starts. */
    private static boolean isBareTuple(Expr e) {
        return e instanceof Expr.TupleExpr t && !t.elts().isEmpty()
                && t.span().line() == t.elts().get(0).span().line() && t.span().col() == t.elts().get(0).span().col();
    }

    private static Expr lastOf(Expr.TupleExpr t) {
        return t.elts().get(t.elts().size() - 1);
    }

    /** Whether CPython's {@code bitwise_or} rule can produce this node (no comparison, not, and/or, if, lambda). */
    private static boolean isBitwiseOr(Expr e) {
        return !(e instanceof Expr.Lambda || e instanceof Expr.IfExp || e instanceof Expr.BoolOp
                || e instanceof Expr.Compare || e instanceof Expr.Starred
                || (e instanceof Expr.UnaryOp u && u.op() == org.toy.ast.UnaryOperator.NOT));
    }

    /** A {@code for}, comprehension or {@code with ... as} target. */
    void checkStore(Expr target) {
        Expr bad = invalid(target, false);
        if (bad != null) throw error("cannot assign to " + describe(bad), bad);
    }

    void checkDelete(Expr target) {
        Expr bad = invalid(target, true);
        if (bad != null) throw error("cannot delete " + describe(bad), bad);
    }

    void checkAugmented(Expr target) {
        if (!isSingle(target)) {
            throw error("'" + describe(target) + "' is an illegal expression for augmented assignment", target);
        }
    }

    void checkAnnotated(Expr target) {
        if (target instanceof Expr.TupleExpr) throw error("only single target (not tuple) can be annotated", target);
        if (target instanceof Expr.ListExpr) throw error("only single target (not list) can be annotated", target);
        if (!isSingle(target)) throw error("illegal target for annotation", target);
    }

    private static boolean isSingle(Expr e) {
        return e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Subscript;
    }

    /** The first node that cannot be a target, or null (CPython's {@code _PyPegen_get_invalid_target}). */
    private static Expr invalid(Expr e, boolean delete) {
        if (isSingle(e)) return null;
        List<Expr> elements = e instanceof Expr.TupleExpr t ? t.elts() : e instanceof Expr.ListExpr l ? l.elts() : null;
        if (elements != null) {
            for (Expr element : elements) {
                Expr bad = invalid(element, delete);
                if (bad != null) return bad;
            }
            return null;
        }
        if (e instanceof Expr.Starred s && !delete) return invalid(s.value(), false);
        return e;
    }

    /** CPython's {@code _PyPegen_get_expr_name}: how error messages name a kind of expression. */
    static String describe(Expr e) {
        if (e instanceof Expr.Attribute) return "attribute";
        if (e instanceof Expr.Subscript) return "subscript";
        if (e instanceof Expr.Starred) return "starred";
        if (e instanceof Expr.Name) return "name";
        if (e instanceof Expr.ListExpr) return "list";
        if (e instanceof Expr.TupleExpr) return "tuple";
        if (e instanceof Expr.Lambda) return "lambda";
        if (e instanceof Expr.Call) return "function call";
        if (e instanceof Expr.BoolOp) return "expression";
        if (e instanceof Expr.BinOp) return "expression";
        if (e instanceof Expr.UnaryOp) return "expression";
        if (e instanceof Expr.GeneratorExp) return "generator expression";
        if (e instanceof Expr.ListComp) return "list comprehension";
        if (e instanceof Expr.SetComp) return "set comprehension";
        if (e instanceof Expr.DictComp) return "dict comprehension";
        if (e instanceof Expr.DictExpr) return "dict literal";
        if (e instanceof Expr.SetExpr) return "set display";
        if (e instanceof Expr.FString) return "f-string expression";
        if (e instanceof Expr.FormattedValue) return "f-string expression";
        if (e instanceof Expr.NoneLit) return "None";
        if (e instanceof Expr.Compare) return "comparison";
        if (e instanceof Expr.IfExp) return "conditional expression";
        if (e instanceof Expr.BoolLit b) return b.value() ? "True" : "False";
        return "literal";
    }

    private ToySyntaxError error(String message, Expr at) {
        Span s = at.span();
        return new ToySyntaxError(message, file, s);
    }
}
