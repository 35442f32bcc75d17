package org.toy.parse;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.toy.ast.BinaryOp;
import org.toy.ast.CompareOp;
import org.toy.ast.Expr;
import org.toy.ast.Module;
import org.toy.ast.Params;
import org.toy.ast.Stmt;
import org.toy.ast.UnaryOperator;
import org.toy.parse.ToyParser.*;
import org.toy.source.Source;
import org.toy.source.Span;
import org.toy.source.ToySyntaxError;

/**
 * Parse tree to syntax tree. One method per grammar rule, named after it; each node gets the span
 * CPython's {@code ast} module would give it. The checks the grammar leaves out on purpose
 * (assignment targets, parameter and argument order) are made here, with CPython's messages.
 */
final class AstBuilder {
    private final String file;
    private final Targets targets;

    AstBuilder(String file) {
        this.file = file;
        this.targets = new Targets(file);
    }

    Module module(Source source, File_inputContext ctx) {
        List<Stmt> body = new ArrayList<>();
        for (StmtContext s : ctx.stmt()) statement(s, body);
        return new Module(source, body);
    }

    /** An f-string field's expression. */
    Expr fstringExpr(Fstring_exprContext ctx) {
        return starTestlist(ctx.star_testlist());
    }

    // ======================================================================== statements

    private void statement(StmtContext ctx, List<Stmt> out) {
        if (ctx.simple_stmts() != null) {
            simpleStatements(ctx.simple_stmts(), out);
        } else {
            out.add(compound(ctx.compound_stmt()));
        }
    }

    private void simpleStatements(Simple_stmtsContext ctx, List<Stmt> out) {
        for (Simple_stmtContext s : ctx.simple_stmt()) out.add(simple(s));
    }

    private List<Stmt> block(BlockContext ctx) {
        List<Stmt> body = new ArrayList<>();
        if (ctx.simple_stmts() != null) {
            simpleStatements(ctx.simple_stmts(), body);
        } else {
            for (StmtContext s : ctx.stmt()) statement(s, body);
        }
        return body;
    }

    private Stmt simple(Simple_stmtContext ctx) {
        Span span = Spans.of(ctx);
        if (ctx instanceof ExprStmtContext e) return exprStatement(e.expr_stmt(), span);
        if (ctx instanceof PassStmtContext) return new Stmt.Pass(span);
        if (ctx instanceof BreakStmtContext) return new Stmt.Break(span);
        if (ctx instanceof ContinueStmtContext) return new Stmt.Continue(span);
        if (ctx instanceof ReturnStmtContext r) {
            return new Stmt.Return(span, r.star_testlist() == null ? null : starTestlist(r.star_testlist()));
        }
        if (ctx instanceof DelStmtContext d) {
            List<Expr> deleted = new ArrayList<>();
            ExprlistContext list = d.exprlist();
            if (list.COMMA().isEmpty()) {
                deleted.add(exprOrStar(list.getChild(0)));
            } else {
                for (int i = 0; i < list.getChildCount(); i += 2) deleted.add(exprOrStar(list.getChild(i)));
            }
            deleted.forEach(targets::checkDelete);
            return new Stmt.Delete(span, deleted);
        }
        if (ctx instanceof RaiseStmtContext r) {
            List<TestContext> tests = r.test();
            return new Stmt.Raise(span, tests.isEmpty() ? null : test(tests.get(0)),
                    tests.size() < 2 ? null : test(tests.get(1)));
        }
        if (ctx instanceof GlobalStmtContext g) return new Stmt.Global(span, names(g.NAME()));
        if (ctx instanceof NonlocalStmtContext n) return new Stmt.Nonlocal(span, names(n.NAME()));
        if (ctx instanceof AssertStmtContext a) {
            return new Stmt.Assert(span, test(a.test(0)), a.test().size() > 1 ? test(a.test(1)) : null);
        }
        if (ctx instanceof ImportStmtContext i) {
            List<Stmt.Alias> aliases = new ArrayList<>();
            for (Dotted_as_nameContext d : i.dotted_as_name()) {
                aliases.add(new Stmt.Alias(d.dotted_name().getText(), d.NAME() == null ? null : d.NAME().getText()));
            }
            return new Stmt.Import(span, aliases);
        }
        if (ctx instanceof FromImportStmtContext f) return fromImport(f, span);
        if (ctx instanceof YieldStmtContext y) throw unsupportedYield(y.getStart());
        throw new IllegalStateException("unknown statement " + ctx.getClass().getSimpleName());
    }

    /** {@code from ..pkg.mod import a as b}: the relative level is kept as leading dots in the module name. */
    private Stmt fromImport(FromImportStmtContext ctx, Span span) {
        StringBuilder module = new StringBuilder();
        for (TerminalNode dot : ctx.DOT()) module.append('.');
        for (TerminalNode dots : ctx.ELLIPSIS()) module.append("...");
        if (ctx.dotted_name() != null) module.append(ctx.dotted_name().getText());
        List<Stmt.Alias> aliases = new ArrayList<>();
        Import_targetsContext targets = ctx.import_targets();
        if (targets.STAR() != null) {
            aliases.add(new Stmt.Alias("*", null));
        } else {
            for (Import_as_nameContext n : targets.import_as_name()) {
                aliases.add(new Stmt.Alias(n.NAME(0).getText(), n.NAME().size() > 1 ? n.NAME(1).getText() : null));
            }
        }
        return new Stmt.ImportFrom(span, module.toString(), aliases);
    }

    private Stmt exprStatement(Expr_stmtContext ctx, Span span) {
        List<Star_testlistContext> lists = ctx.star_testlist();
        if (ctx.COLON() != null) {
            Expr target = starTestlist(lists.get(0));
            targets.checkAnnotated(target);
            Expr annotation = test(ctx.test());
            Expr value = lists.size() > 1 ? starTestlist(lists.get(1)) : null;
            return new Stmt.AnnAssign(span, target, annotation, value);
        }
        if (ctx.augassign() != null) {
            Expr target = starTestlist(lists.get(0));
            targets.checkAugmented(target);
            String op = ctx.augassign().getText();
            return new Stmt.AugAssign(span, target, binaryOp(op.substring(0, op.length() - 1)),
                    starTestlist(lists.get(1)));
        }
        if (lists.size() == 1) return new Stmt.ExprStmt(span, starTestlist(lists.get(0)));
        List<Expr> parts = new ArrayList<>();
        for (Star_testlistContext part : lists) parts.add(starTestlist(part));
        int second = lists.get(1).getStart().getType();
        targets.checkAssign(parts, second != ToyLexer.STAR && second != ToyLexer.NOT && second != ToyLexer.LAMBDA);
        return new Stmt.Assign(span, new ArrayList<>(parts.subList(0, parts.size() - 1)), parts.get(parts.size() - 1));
    }

    private Stmt compound(Compound_stmtContext ctx) {
        if (ctx instanceof IfStmtContext c) return ifStatement(c);
        if (ctx instanceof WhileStmtContext c) {
            List<Stmt> body = block(c.block());
            List<Stmt> orElse = elseBlock(c.else_clause());
            return new Stmt.While(Spans.between(c.getStart(), last(body, orElse)), test(c.test()), body, orElse);
        }
        if (ctx instanceof ForStmtContext c) {
            Expr target = exprlist(c.exprlist());
            targets.checkStore(target);
            Expr iter = starTestlist(c.star_testlist());
            List<Stmt> body = block(c.block());
            List<Stmt> orElse = elseBlock(c.else_clause());
            return new Stmt.For(Spans.between(c.getStart(), last(body, orElse)), target, iter, body, orElse);
        }
        if (ctx instanceof TryStmtContext c) return tryStatement(c);
        if (ctx instanceof WithStmtContext c) {
            List<Stmt.WithItem> items = new ArrayList<>();
            for (With_itemContext item : c.with_item()) {
                Expr target = item.expr() == null ? null : expr(item.expr());
                if (target != null) targets.checkStore(target);
                items.add(new Stmt.WithItem(test(item.test()), target));
            }
            List<Stmt> body = block(c.block());
            return new Stmt.With(Spans.between(c.getStart(), last(body)), items, body);
        }
        if (ctx instanceof FuncDefStmtContext c) return functionDef(c.funcdef(), decorators(c.decorator()));
        if (ctx instanceof ClassDefStmtContext c) return classDef(c.classdef(), decorators(c.decorator()));
        throw new IllegalStateException("unknown statement " + ctx.getClass().getSimpleName());
    }

    /** {@code if/elif/else}: each elif is an If nested in the previous one's orElse, as in CPython. */
    private Stmt ifStatement(IfStmtContext c) {
        List<Stmt> orElse = elseBlock(c.else_clause());
        List<Elif_clauseContext> elifs = c.elif_clause();
        for (int i = elifs.size() - 1; i >= 0; i--) {
            Elif_clauseContext elif = elifs.get(i);
            List<Stmt> body = block(elif.block());
            Stmt nested = new Stmt.If(Spans.between(elif.getStart(), last(body, orElse)), test(elif.test()), body, orElse);
            orElse = List.of(nested);
        }
        List<Stmt> body = block(c.block());
        return new Stmt.If(Spans.between(c.getStart(), last(body, orElse)), test(c.test()), body, orElse);
    }

    private Stmt tryStatement(TryStmtContext c) {
        List<Stmt> body = block(c.block());
        List<Stmt.ExceptHandler> handlers = new ArrayList<>();
        Span end = last(body);
        for (Except_clauseContext e : c.except_clause()) {
            List<Stmt> handlerBody = block(e.block());
            Span span = Spans.between(e.getStart(), last(handlerBody));
            handlers.add(new Stmt.ExceptHandler(span, e.test() == null ? null : test(e.test()),
                    e.NAME() == null ? null : e.NAME().getText(), handlerBody));
            end = span;
        }
        List<Stmt> orElse = elseBlock(c.else_clause());
        List<Stmt> finalBody = c.finally_clause() == null ? List.of() : block(c.finally_clause().block());
        if (!orElse.isEmpty()) end = last(orElse);
        if (!finalBody.isEmpty()) end = last(finalBody);
        return new Stmt.Try(Spans.between(c.getStart(), end), body, handlers, orElse, finalBody);
    }

    private List<Stmt> elseBlock(Else_clauseContext ctx) {
        return ctx == null ? List.of() : block(ctx.block());
    }

    /** The span of the last statement of the last non-empty body: where a compound statement ends. */
    @SafeVarargs
    private static Span last(List<Stmt>... bodies) {
        for (int i = bodies.length - 1; i >= 0; i--) {
            if (!bodies[i].isEmpty()) return bodies[i].get(bodies[i].size() - 1).span();
        }
        throw new IllegalStateException("a block is never empty");
    }

    private List<Expr> decorators(List<DecoratorContext> ctxs) {
        List<Expr> result = new ArrayList<>();
        for (DecoratorContext d : ctxs) result.add(test(d.test()));
        return result;
    }

    /** The span starts at {@code def}, not at the first decorator (CPython 3.8+). */
    private Stmt functionDef(FuncdefContext c, List<Expr> decorators) {
        Params params = c.params() == null ? Params.EMPTY : params(c.params());
        List<Stmt> body = block(c.block());
        return new Stmt.FunctionDef(Spans.between(c.getStart(), last(body)), c.NAME().getText(), params, body,
                decorators);
    }

    private Stmt classDef(ClassdefContext c, List<Expr> decorators) {
        List<Expr> bases = new ArrayList<>();
        List<Expr.Keyword> keywords = new ArrayList<>();
        if (c.arglist() != null) arguments(c.arglist(), null, bases, keywords);
        List<Stmt> body = block(c.block());
        return new Stmt.ClassDef(Spans.between(c.getStart(), last(body)), c.NAME().getText(), bases, keywords, body,
                decorators);
    }

    // ======================================================================== parameters

    /** Collects parameters in order, checking what Python checks; annotations are parsed and dropped. */
    private final class ParamCollector {
        final List<Params.Param> positional = new ArrayList<>();
        final List<Params.Param> kwOnly = new ArrayList<>();
        String varargs;
        String kwargs;
        boolean star;
        boolean slash;
        boolean sawDefault;
        Token bareStar;

        void plain(TerminalNode name, TestContext defaultCtx, ParserRuleContext at) {
            if (kwargs != null) throw error("arguments cannot follow var-keyword argument", at);
            Expr defaultValue = defaultCtx == null ? null : test(defaultCtx);
            Params.Param p = new Params.Param(Spans.of(name.getSymbol()), name.getText(), defaultValue);
            if (star) {
                kwOnly.add(p);
                return;
            }
            if (defaultValue == null && sawDefault) throw error("non-default argument follows default argument", at);
            sawDefault |= defaultValue != null;
            positional.add(p);
        }

        void star(TerminalNode name, ParserRuleContext at) {
            if (kwargs != null) throw error("arguments cannot follow var-keyword argument", at);
            if (star) throw error("* argument may appear only once", at);
            star = true;
            if (name == null) {
                bareStar = at.getStart();
            } else {
                varargs = name.getText();
            }
        }

        void doubleStar(TerminalNode name, ParserRuleContext at) {
            if (kwargs != null) throw error("arguments cannot follow var-keyword argument", at);
            kwargs = name.getText();
        }

        void slash(ParserRuleContext at) {
            if (star || kwargs != null) throw error("/ must be ahead of *", at);
            if (slash) throw error("/ may appear only once", at);
            if (positional.isEmpty()) throw error("at least one argument must precede /", at);
            slash = true;   // positional-only parameters are treated as positional
        }

        Params build() {
            if (bareStar != null && kwOnly.isEmpty()) {
                throw new ToySyntaxError("named arguments must follow bare *", file, Spans.of(bareStar));
            }
            return new Params(positional, varargs, kwOnly, kwargs);
        }
    }

    private Params params(ParamsContext ctx) {
        ParamCollector collector = new ParamCollector();
        for (ParamContext p : ctx.param()) {
            if (p instanceof PlainParamContext plain) {
                collector.plain(plain.NAME(), plain.test().isEmpty() ? null : defaultOf(plain), p);
            } else if (p instanceof StarParamContext s) {
                collector.star(s.NAME(), p);
            } else if (p instanceof DoubleStarParamContext d) {
                collector.doubleStar(d.NAME(), p);
            } else {
                collector.slash(p);
            }
        }
        return collector.build();
    }

    /** {@code name: annotation = default}: the default is the test after '='. */
    private static TestContext defaultOf(PlainParamContext p) {
        return p.ASSIGN() == null ? null : p.test(p.test().size() - 1);
    }

    private Params lambdaParams(Lambda_paramsContext ctx) {
        ParamCollector collector = new ParamCollector();
        for (Lambda_paramContext p : ctx.lambda_param()) {
            if (p instanceof LambdaPlainParamContext plain) {
                collector.plain(plain.NAME(), plain.test(), p);
            } else if (p instanceof LambdaStarParamContext s) {
                collector.star(s.NAME(), p);
            } else if (p instanceof LambdaDoubleStarParamContext d) {
                collector.doubleStar(d.NAME(), p);
            } else {
                collector.slash(p);
            }
        }
        return collector.build();
    }

    // ======================================================================== expressions

    /** Python's star_expressions: a tuple (without parentheses) when there is a comma. */
    private Expr starTestlist(Star_testlistContext ctx) {
        if (ctx.COMMA().isEmpty()) return testOrStar(ctx.getChild(0));
        List<Expr> elts = new ArrayList<>();
        for (int i = 0; i < ctx.getChildCount(); i += 2) elts.add(testOrStar(ctx.getChild(i)));
        return new Expr.TupleExpr(Spans.of(ctx), elts);
    }

    private Expr exprlist(ExprlistContext ctx) {
        if (ctx.COMMA().isEmpty()) return exprOrStar(ctx.getChild(0));
        List<Expr> elts = new ArrayList<>();
        for (int i = 0; i < ctx.getChildCount(); i += 2) elts.add(exprOrStar(ctx.getChild(i)));
        return new Expr.TupleExpr(Spans.of(ctx), elts);
    }

    private Expr testOrStar(ParseTree t) {
        return t instanceof Star_exprContext s ? starExpr(s) : test((TestContext) t);
    }

    private Expr exprOrStar(ParseTree t) {
        return t instanceof Star_exprContext s ? starExpr(s) : expr((ExprContext) t);
    }

    private Expr starExpr(Star_exprContext ctx) {
        return new Expr.Starred(Spans.of(ctx), expr(ctx.expr()));
    }

    Expr test(TestContext ctx) {
        if (ctx.lambdef() != null) {
            LambdefContext l = ctx.lambdef();
            Params params = l.lambda_params() == null ? Params.EMPTY : lambdaParams(l.lambda_params());
            return new Expr.Lambda(Spans.of(l), params, test(l.test()));
        }
        Expr body = orTest(ctx.or_test(0));
        if (ctx.IF() == null) return body;
        return new Expr.IfExp(Spans.of(ctx), orTest(ctx.or_test(1)), body, test(ctx.test()));
    }

    private Expr testNoCond(Test_nocondContext ctx) {
        if (ctx.or_test() != null) return orTest(ctx.or_test());
        Lambdef_nocondContext l = ctx.lambdef_nocond();
        Params params = l.lambda_params() == null ? Params.EMPTY : lambdaParams(l.lambda_params());
        return new Expr.Lambda(Spans.of(l), params, testNoCond(l.test_nocond()));
    }

    private Expr orTest(Or_testContext ctx) {
        if (ctx.getChildCount() == 1) return andTest(ctx.and_test(0));
        List<Expr> values = new ArrayList<>();
        for (And_testContext a : ctx.and_test()) values.add(andTest(a));
        return new Expr.BoolOp(Spans.of(ctx), false, values);
    }

    private Expr andTest(And_testContext ctx) {
        if (ctx.getChildCount() == 1) return notTest(ctx.not_test(0));
        List<Expr> values = new ArrayList<>();
        for (Not_testContext n : ctx.not_test()) values.add(notTest(n));
        return new Expr.BoolOp(Spans.of(ctx), true, values);
    }

    private Expr notTest(Not_testContext ctx) {
        if (ctx.comparison() != null) return comparison(ctx.comparison());
        return new Expr.UnaryOp(Spans.of(ctx), UnaryOperator.NOT, notTest(ctx.not_test()));
    }

    private Expr comparison(ComparisonContext ctx) {
        Expr left = expr(ctx.expr(0));
        if (ctx.getChildCount() == 1) return left;
        List<CompareOp> ops = new ArrayList<>();
        List<Expr> comparators = new ArrayList<>();
        for (int i = 0; i < ctx.comp_op().size(); i++) {
            ops.add(compareOp(ctx.comp_op(i)));
            comparators.add(expr(ctx.expr(i + 1)));
        }
        return new Expr.Compare(Spans.of(ctx), left, ops, comparators);
    }

    private static CompareOp compareOp(Comp_opContext ctx) {
        if (ctx.getChildCount() == 2) return ctx.IS() != null ? CompareOp.IS_NOT : CompareOp.NOT_IN;
        return switch (ctx.getText()) {
            case "<" -> CompareOp.LT;
            case ">" -> CompareOp.GT;
            case "==" -> CompareOp.EQ;
            case ">=" -> CompareOp.GE;
            case "<=" -> CompareOp.LE;
            case "!=" -> CompareOp.NE;
            case "in" -> CompareOp.IN;
            default -> CompareOp.IS;
        };
    }

    Expr expr(ExprContext ctx) {
        return binaryChain(ctx);
    }

    /**
     * The layered binary-operator rules ({@code expr} down to {@code term}) all have the shape
     * {@code operand (op operand)*}; they fold left-associatively, without recursion along the chain.
     */
    private Expr binaryChain(ParserRuleContext ctx) {
        Expr result = operand(ctx.getChild(0));
        Token start = ctx.getStart();
        for (int i = 1; i < ctx.getChildCount(); i += 2) {
            BinaryOp op = binaryOp(ctx.getChild(i).getText());
            Expr right = operand(ctx.getChild(i + 1));
            result = new Expr.BinOp(Spans.between(start, right.span()), result, op, right);
        }
        return result;
    }

    private Expr operand(ParseTree t) {
        if (t instanceof FactorContext f) return factor(f);
        return binaryChain((ParserRuleContext) t);
    }

    private static BinaryOp binaryOp(String symbol) {
        for (BinaryOp op : BinaryOp.values()) {
            if (op.symbol.equals(symbol)) return op;
        }
        throw new IllegalStateException("unknown operator " + symbol);
    }

    private Expr factor(FactorContext ctx) {
        if (ctx.power() != null) return power(ctx.power());
        UnaryOperator op = switch (ctx.getStart().getType()) {
            case ToyLexer.MINUS -> UnaryOperator.NEGATIVE;
            case ToyLexer.PLUS -> UnaryOperator.POSITIVE;
            default -> UnaryOperator.INVERT;
        };
        return new Expr.UnaryOp(Spans.of(ctx), op, factor(ctx.factor()));
    }

    private Expr power(PowerContext ctx) {
        Expr base = atomExpr(ctx.atom_expr());
        if (ctx.factor() == null) return base;
        return new Expr.BinOp(Spans.of(ctx), base, BinaryOp.POWER, factor(ctx.factor()));
    }

    private Expr atomExpr(Atom_exprContext ctx) {
        Expr result = atom(ctx.atom());
        Token start = ctx.getStart();
        for (TrailerContext t : ctx.trailer()) {
            Span span = Spans.between(start, t.getStop());
            if (t instanceof CallTrailerContext call) {
                List<Expr> args = new ArrayList<>();
                List<Expr.Keyword> keywords = new ArrayList<>();
                if (call.arglist() != null) arguments(call.arglist(), call, args, keywords);
                result = new Expr.Call(span, result, args, keywords);
            } else if (t instanceof SubscriptTrailerContext sub) {
                result = new Expr.Subscript(span, result, subscripts(sub.subscriptlist()));
            } else {
                result = new Expr.Attribute(span, result, ((AttributeTrailerContext) t).NAME().getText());
            }
        }
        return result;
    }

    private Expr subscripts(SubscriptlistContext ctx) {
        if (ctx.COMMA().isEmpty()) return subscript(ctx.subscript(0));
        List<Expr> elts = new ArrayList<>();
        for (SubscriptContext s : ctx.subscript()) elts.add(subscript(s));
        return new Expr.TupleExpr(Spans.of(ctx), elts);
    }

    private Expr subscript(SubscriptContext ctx) {
        if (ctx.star_expr() != null) return starExpr(ctx.star_expr());
        if (ctx.COLON().isEmpty()) return test(ctx.test(0));
        Expr[] parts = new Expr[3];     // lower, upper, step: which one a test is depends on the colons before it
        int colons = 0;
        for (ParseTree child : ctx.children) {
            if (child instanceof TerminalNode) {
                colons++;
            } else {
                parts[colons] = test((TestContext) child);
            }
        }
        return new Expr.Slice(Spans.of(ctx), parts[0], parts[1], parts[2]);
    }

    /** Call (or class) arguments, with Python's ordering rules; {@code call} is null for a class's bases. */
    private void arguments(ArglistContext ctx, CallTrailerContext call, List<Expr> args, List<Expr.Keyword> keywords) {
        boolean sawKeyword = false;
        boolean sawDoubleStar = false;
        for (ArgumentContext a : ctx.argument()) {
            Span span = Spans.of(a);
            if (a instanceof KeywordArgumentContext k) {
                keywords.add(new Expr.Keyword(span, k.NAME().getText(), test(k.test())));
                sawKeyword = true;
            } else if (a instanceof DoubleStarArgumentContext d) {
                keywords.add(new Expr.Keyword(span, null, test(d.test())));
                sawDoubleStar = true;
            } else if (a instanceof StarArgumentContext s) {
                if (sawDoubleStar) {
                    throw new ToySyntaxError("iterable argument unpacking follows keyword argument unpacking", file, span);
                }
                args.add(new Expr.Starred(span, test(s.test())));
            } else {
                PlainArgumentContext p = (PlainArgumentContext) a;
                if (p.comp_for() != null) {
                    args.add(generatorArgument(p, ctx, call));
                    continue;
                }
                if (p.ASSIGN() != null) throw badKeyword(p);
                if (sawDoubleStar) {
                    throw new ToySyntaxError("positional argument follows keyword argument unpacking", file, span);
                }
                if (sawKeyword) throw new ToySyntaxError("positional argument follows keyword argument", file, span);
                args.add(test(p.test(0)));
            }
        }
    }

    /** {@code f(x for x in y)}: only as the sole argument, and it borrows the call's parentheses, as in CPython. */
    private Expr generatorArgument(PlainArgumentContext p, ArglistContext list, CallTrailerContext call) {
        if (call == null) {     // class bases: CPython has no special message here
            throw new ToySyntaxError("invalid syntax", file, Spans.of(p.comp_for().getStart()));
        }
        if (list.argument().size() > 1 || !list.COMMA().isEmpty()) {
            throw new ToySyntaxError("Generator expression must be parenthesized", file, Spans.of(p));
        }
        return new Expr.GeneratorExp(Spans.of(call), test(p.test(0)), comprehension(p.comp_for()));
    }

    /** {@code f(a.b=1)}: the left of a keyword argument must be a plain name. */
    private ToySyntaxError badKeyword(PlainArgumentContext p) {
        Expr target = test(p.test(0));
        if (target instanceof Expr.BoolLit || target instanceof Expr.NoneLit) {
            return new ToySyntaxError("cannot assign to " + Targets.describe(target), file, target.span());
        }
        return new ToySyntaxError("expression cannot contain assignment, perhaps you meant \"==\"?", file, Spans.of(p));
    }

    private Expr atom(AtomContext ctx) {
        Span span = Spans.of(ctx);
        if (ctx instanceof NameAtomContext n) return new Expr.Name(span, n.NAME().getText());
        if (ctx instanceof NumberAtomContext n) {
            Object value = Literals.number(n.NUMBER().getText());
            return value instanceof BigInteger b ? new Expr.IntLit(span, b) : new Expr.FloatLit(span, (Double) value);
        }
        if (ctx instanceof StringAtomContext s) return strings(s.STRING(), span);
        if (ctx instanceof NoneAtomContext) return new Expr.NoneLit(span);
        if (ctx instanceof TrueAtomContext) return new Expr.BoolLit(span, true);
        if (ctx instanceof FalseAtomContext) return new Expr.BoolLit(span, false);
        if (ctx instanceof ParenAtomContext p) {
            if (p.yield_expr() != null) throw unsupportedYield(p.yield_expr().getStart());
            Testlist_compContext inner = p.testlist_comp();
            if (inner == null) return new Expr.TupleExpr(span, List.of());
            if (inner.comp_for() != null) {
                return new Expr.GeneratorExp(span, testOrStar(inner.getChild(0)), comprehension(inner.comp_for()));
            }
            if (inner.COMMA().isEmpty()) return testOrStar(inner.getChild(0));    // just grouping
            return new Expr.TupleExpr(span, elements(inner));
        }
        if (ctx instanceof ListAtomContext l) {
            Testlist_compContext inner = l.testlist_comp();
            if (inner == null) return new Expr.ListExpr(span, List.of());
            if (inner.comp_for() != null) {
                return new Expr.ListComp(span, testOrStar(inner.getChild(0)), comprehension(inner.comp_for()));
            }
            return new Expr.ListExpr(span, elements(inner));
        }
        if (ctx instanceof BraceAtomContext b) return braces(b.dictorsetmaker(), span);
        throw new ToySyntaxError("Toy does not support '...' (Ellipsis)", file, span);
    }

    private List<Expr> elements(ParserRuleContext ctx) {
        List<Expr> elts = new ArrayList<>();
        for (int i = 0; i < ctx.getChildCount(); i += 2) elts.add(testOrStar(ctx.getChild(i)));
        return elts;
    }

    private Expr braces(DictorsetmakerContext ctx, Span span) {
        if (ctx == null) return new Expr.DictExpr(span, List.of(), List.of());
        if (ctx.dict_entry().isEmpty()) {
            if (ctx.comp_for() != null) {
                return new Expr.SetComp(span, testOrStar(ctx.getChild(0)), comprehension(ctx.comp_for()));
            }
            return new Expr.SetExpr(span, elements(ctx));
        }
        if (ctx.comp_for() != null) {
            Dict_entryContext e = ctx.dict_entry(0);
            if (e.test().isEmpty()) {
                throw new ToySyntaxError("dict unpacking cannot be used in dict comprehension", file, Spans.of(e));
            }
            return new Expr.DictComp(span, test(e.test(0)), test(e.test(1)), comprehension(ctx.comp_for()));
        }
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        for (Dict_entryContext e : ctx.dict_entry()) {
            if (e.expr() != null) {
                keys.add(null);
                values.add(expr(e.expr()));
            } else {
                keys.add(test(e.test(0)));
                values.add(test(e.test(1)));
            }
        }
        return new Expr.DictExpr(span, keys, values);
    }

    /** {@code for x in xs if c for y in ys}: one Comprehension per {@code for}, the ifs attached to it. */
    private List<Expr.Comprehension> comprehension(Comp_forContext first) {
        List<Expr.Comprehension> generators = new ArrayList<>();
        Comp_forContext current = first;
        while (current != null) {
            Expr target = exprlist(current.exprlist());
            targets.checkStore(target);
            List<Expr> ifs = new ArrayList<>();
            generators.add(new Expr.Comprehension(target, orTest(current.or_test()), ifs));
            Comp_iterContext next = current.comp_iter();
            current = null;
            while (next != null && current == null) {
                if (next.comp_for() != null) {
                    current = next.comp_for();
                } else {
                    ifs.add(testNoCond(next.comp_if().test_nocond()));
                    next = next.comp_if().comp_iter();
                }
            }
        }
        return generators;
    }

    // ======================================================================== strings

    /** Adjacent literals concatenate: str with str, bytes with bytes, and any f-string makes the whole an FString. */
    private Expr strings(List<TerminalNode> tokens, Span span) {
        List<Literals.StringToken> parts = new ArrayList<>();
        boolean anyBytes = false, anyStr = false, anyF = false;
        for (TerminalNode t : tokens) {
            Literals.StringToken p = Literals.StringToken.of(t.getText());
            parts.add(p);
            anyBytes |= p.bytes();
            anyStr |= !p.bytes();
            anyF |= p.fstring();
        }
        if (anyBytes && anyStr) {
            throw endOfLiteral("cannot mix bytes and nonbytes literals", span);
        }
        for (int i = 0; i < parts.size(); i++) {
            if (anyBytes && !tokens.get(i).getText().chars().allMatch(c -> c < 128)) {
                throw new ToySyntaxError("bytes can only contain ASCII literal characters", file,
                        Spans.of(tokens.get(i).getSymbol()));
            }
        }
        try {
            if (anyBytes) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                for (Literals.StringToken p : parts) bytes.writeBytes(Literals.decodeBytes(p.body(), p.raw()));
                return new Expr.BytesLit(span, bytes.toByteArray());
            }
            if (!anyF) {
                StringBuilder s = new StringBuilder();
                for (Literals.StringToken p : parts) s.append(Literals.decodeStr(p.body(), p.raw()));
                return new Expr.StrLit(span, s.toString());
            }
        } catch (Literals.BadEscape e) {
            throw endOfLiteral(e.getMessage(), span);
        }
        List<Expr> pieces = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Literals.StringToken p = parts.get(i);
            Token token = tokens.get(i).getSymbol();
            if (p.fstring()) {
                pieces.addAll(new FStringParser(file, this::fieldExpression, token, p, span).parse());
            } else {
                try {
                    pieces.add(new Expr.StrLit(span, Literals.decodeStr(p.body(), p.raw())));
                } catch (Literals.BadEscape e) {
                    throw endOfLiteral(e.getMessage(), span);
                }
            }
        }
        return new Expr.FString(span, mergeLiterals(pieces, span));
    }

    /** CPython reports errors inside a string literal at the end of the (concatenated) literal. */
    private ToySyntaxError endOfLiteral(String message, Span span) {
        return new ToySyntaxError("SyntaxError", message, file, span.endLine(), span.endCol(), span.endCol() + 1);
    }

    /** Adjacent literal pieces become one, and empty ones vanish, as in CPython's JoinedStr. */
    private static List<Expr> mergeLiterals(List<Expr> pieces, Span span) {
        List<Expr> merged = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (Expr piece : pieces) {
            if (piece instanceof Expr.StrLit s) {
                pending.append(s.value());
                continue;
            }
            if (pending.length() > 0) merged.add(new Expr.StrLit(span, pending.toString()));
            pending.setLength(0);
            merged.add(piece);
        }
        if (pending.length() > 0) merged.add(new Expr.StrLit(span, pending.toString()));
        return merged;
    }

    private Expr fieldExpression(String text, int line, int col) {
        return fstringExpr(ParseTrees.expression(text, file, line, col));
    }

    // ======================================================================== helpers

    private static List<String> names(List<TerminalNode> nodes) {
        List<String> result = new ArrayList<>();
        for (TerminalNode n : nodes) result.add(n.getText());
        return result;
    }

    private ToySyntaxError error(String message, ParserRuleContext at) {
        return new ToySyntaxError(message, file, Spans.of(at));
    }

    private ToySyntaxError unsupportedYield(Token at) {
        return new ToySyntaxError("Toy does not support generators ('yield')", file, Spans.of(at));
    }
}
