package org.toy.parse;

import java.math.BigDecimal;
import java.util.List;
import org.toy.ast.BinaryOp;
import org.toy.ast.CompareOp;
import org.toy.ast.Expr;
import org.toy.ast.Module;
import org.toy.ast.Params;
import org.toy.ast.Stmt;
import org.toy.ast.UnaryOperator;

/**
 * Prints a Toy syntax tree in the format of CPython's {@code ast.dump(tree)}, without the
 * {@code ctx=Load()} fields (Toy's tree has no expression contexts). Set beside CPython's output,
 * it makes the parser testable differentially: same program, same tree.
 *
 * <p>Known gaps, all outside Toy's language: positional-only parameters print as ordinary ones,
 * annotations on parameters are dropped, and {@code AnnAssign.simple} is guessed from the target.
 */
public final class AstDump {
    private final StringBuilder out = new StringBuilder();

    private AstDump() {}

    public static String dump(Module module) {
        AstDump d = new AstDump();
        d.out.append("Module(body=");
        d.stmts(module.body());
        d.out.append(", type_ignores=[])");
        return d.out.toString();
    }

    public static String dump(Expr e) {
        AstDump d = new AstDump();
        d.expr(e);
        return d.out.toString();
    }

    // ---- building blocks: node(name, field, value, field, value...) ----

    private void node(String name, Object... fields) {
        out.append(name).append('(');
        boolean first = true;
        for (int i = 0; i < fields.length; i += 2) {
            Object value = fields[i + 1];
            if (value == null) continue;            // ast.dump omits optional fields that are None
            if (!first) out.append(", ");
            first = false;
            out.append(fields[i]).append('=');
            value(value);
        }
        out.append(')');
    }

    private void value(Object v) {
        if (v instanceof Expr e) {
            expr(e);
        } else if (v instanceof Stmt s) {
            stmt(s);
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) out.append(", ");
                Object item = list.get(i);
                if (item == null) out.append("None"); else value(item);
            }
            out.append(']');
        } else if (v instanceof Raw r) {
            out.append(r.text);
        } else if (v instanceof String s) {
            out.append(strRepr(s));
        } else if (v instanceof Runnable r) {
            r.run();
        } else {
            out.append(v);
        }
    }

    /** Text printed as is (operators, numbers). */
    private record Raw(String text) {}

    private static Raw raw(String text) { return new Raw(text); }

    // ---- statements ----

    private void stmts(List<Stmt> body) {
        value(body);
    }

    private void stmt(Stmt s) {
        if (s instanceof Stmt.ExprStmt e) node("Expr", "value", e.value());
        else if (s instanceof Stmt.Assign a) node("Assign", "targets", a.targets(), "value", a.value());
        else if (s instanceof Stmt.AugAssign a) node("AugAssign", "target", a.target(), "op", raw(binOp(a.op())), "value", a.value());
        else if (s instanceof Stmt.AnnAssign a) node("AnnAssign", "target", a.target(), "annotation", a.annotation(),
                "value", a.value(), "simple", raw(a.target() instanceof Expr.Name ? "1" : "0"));
        else if (s instanceof Stmt.If i) node("If", "test", i.test(), "body", i.body(), "orelse", i.orElse());
        else if (s instanceof Stmt.While w) node("While", "test", w.test(), "body", w.body(), "orelse", w.orElse());
        else if (s instanceof Stmt.For f) node("For", "target", f.target(), "iter", f.iter(), "body", f.body(), "orelse", f.orElse());
        else if (s instanceof Stmt.Break) node("Break");
        else if (s instanceof Stmt.Continue) node("Continue");
        else if (s instanceof Stmt.Pass) node("Pass");
        else if (s instanceof Stmt.FunctionDef f) node("FunctionDef", "name", f.name(), "args", arguments(f.params()),
                "body", f.body(), "decorator_list", f.decorators());
        else if (s instanceof Stmt.ClassDef c) node("ClassDef", "name", c.name(), "bases", c.bases(),
                "keywords", keywords(c.keywords()), "body", c.body(), "decorator_list", c.decorators());
        else if (s instanceof Stmt.Return r) node("Return", "value", r.value());
        else if (s instanceof Stmt.Global g) node("Global", "names", g.names());
        else if (s instanceof Stmt.Nonlocal n) node("Nonlocal", "names", n.names());
        else if (s instanceof Stmt.Delete d) node("Delete", "targets", d.targets());
        else if (s instanceof Stmt.Try t) node("Try", "body", t.body(), "handlers", handlers(t.handlers()),
                "orelse", t.orElse(), "finalbody", t.finalBody());
        else if (s instanceof Stmt.Raise r) node("Raise", "exc", r.exc(), "cause", r.cause());
        else if (s instanceof Stmt.Assert a) node("Assert", "test", a.test(), "msg", a.msg());
        else if (s instanceof Stmt.With w) node("With", "items", withItems(w.items()), "body", w.body());
        else if (s instanceof Stmt.Import i) node("Import", "names", aliases(i.names()));
        else if (s instanceof Stmt.ImportFrom f) {
            String module = f.module();
            int level = 0;
            while (level < module.length() && module.charAt(level) == '.') level++;
            String name = module.substring(level);
            node("ImportFrom", "module", name.isEmpty() ? null : name, "names", aliases(f.names()), "level", raw(String.valueOf(level)));
        } else throw new IllegalArgumentException(s.getClass().getName());
    }

    private List<Runnable> handlers(List<Stmt.ExceptHandler> handlers) {
        return handlers.stream().<Runnable>map(h -> () -> node("ExceptHandler", "type", h.type(), "name", h.name(),
                "body", h.body())).toList();
    }

    private List<Runnable> withItems(List<Stmt.WithItem> items) {
        return items.stream().<Runnable>map(w -> () -> node("withitem", "context_expr", w.context(),
                "optional_vars", w.target())).toList();
    }

    private List<Runnable> aliases(List<Stmt.Alias> aliases) {
        return aliases.stream().<Runnable>map(a -> () -> node("alias", "name", a.name(), "asname", a.asName())).toList();
    }

    private List<Runnable> keywords(List<Expr.Keyword> keywords) {
        return keywords.stream().<Runnable>map(k -> () -> node("keyword", "arg", k.name(), "value", k.value())).toList();
    }

    private Runnable arguments(Params p) {
        return () -> {
            List<Runnable> args = p.positional().stream().<Runnable>map(a -> () -> node("arg", "arg", a.name())).toList();
            List<Expr> defaults = p.positional().stream().map(Params.Param::defaultValue)
                    .filter(d -> d != null).toList();
            List<Runnable> kwOnly = p.kwOnly().stream().<Runnable>map(a -> () -> node("arg", "arg", a.name())).toList();
            List<Expr> kwDefaults = p.kwOnly().stream().map(Params.Param::defaultValue).toList();
            node("arguments", "posonlyargs", List.of(), "args", args,
                    "vararg", p.varargs() == null ? null : (Runnable) () -> node("arg", "arg", p.varargs()),
                    "kwonlyargs", kwOnly, "kw_defaults", kwDefaults,
                    "kwarg", p.kwargs() == null ? null : (Runnable) () -> node("arg", "arg", p.kwargs()),
                    "defaults", defaults);
        };
    }

    // ---- expressions ----

    private void expr(Expr e) {
        if (e instanceof Expr.Name n) node("Name", "id", n.id());
        else if (e instanceof Expr.IntLit i) node("Constant", "value", raw(i.value().toString()));
        else if (e instanceof Expr.FloatLit f) node("Constant", "value", raw(floatRepr(f.value())));
        else if (e instanceof Expr.StrLit s) node("Constant", "value", s.value());
        else if (e instanceof Expr.BytesLit b) node("Constant", "value", raw(bytesRepr(b.value())));
        else if (e instanceof Expr.BoolLit b) node("Constant", "value", raw(b.value() ? "True" : "False"));
        else if (e instanceof Expr.NoneLit) node("Constant", "value", raw("None"));
        else if (e instanceof Expr.FString f) node("JoinedStr", "values", f.parts());
        else if (e instanceof Expr.FormattedValue f) node("FormattedValue", "value", f.value(),
                "conversion", raw(String.valueOf(f.conversion() == 0 ? -1 : (int) f.conversion())), "format_spec", f.formatSpec());
        else if (e instanceof Expr.BinOp b) node("BinOp", "left", b.left(), "op", raw(binOp(b.op())), "right", b.right());
        else if (e instanceof Expr.UnaryOp u) node("UnaryOp", "op", raw(unaryOp(u.op())), "operand", u.operand());
        else if (e instanceof Expr.BoolOp b) node("BoolOp", "op", raw(b.isAnd() ? "And()" : "Or()"), "values", b.values());
        else if (e instanceof Expr.Compare c) node("Compare", "left", c.left(),
                "ops", c.ops().stream().map(op -> raw(compareOp(op))).toList(), "comparators", c.comparators());
        else if (e instanceof Expr.IfExp i) node("IfExp", "test", i.test(), "body", i.body(), "orelse", i.orElse());
        else if (e instanceof Expr.Lambda l) node("Lambda", "args", arguments(l.params()), "body", l.body());
        else if (e instanceof Expr.Call c) node("Call", "func", c.func(), "args", c.args(), "keywords", keywords(c.keywords()));
        else if (e instanceof Expr.Attribute a) node("Attribute", "value", a.value(), "attr", a.attr());
        else if (e instanceof Expr.Subscript s) node("Subscript", "value", s.value(), "slice", s.index());
        else if (e instanceof Expr.Slice s) node("Slice", "lower", s.lower(), "upper", s.upper(), "step", s.step());
        else if (e instanceof Expr.Starred s) node("Starred", "value", s.value());
        else if (e instanceof Expr.ListExpr l) node("List", "elts", l.elts());
        else if (e instanceof Expr.TupleExpr t) node("Tuple", "elts", t.elts());
        else if (e instanceof Expr.SetExpr s) node("Set", "elts", s.elts());
        else if (e instanceof Expr.DictExpr d) node("Dict", "keys", d.keys(), "values", d.values());
        else if (e instanceof Expr.ListComp c) node("ListComp", "elt", c.elt(), "generators", generators(c.generators()));
        else if (e instanceof Expr.SetComp c) node("SetComp", "elt", c.elt(), "generators", generators(c.generators()));
        else if (e instanceof Expr.GeneratorExp c) node("GeneratorExp", "elt", c.elt(), "generators", generators(c.generators()));
        else if (e instanceof Expr.DictComp c) node("DictComp", "key", c.key(), "value", c.value(),
                "generators", generators(c.generators()));
        else throw new IllegalArgumentException(e.getClass().getName());
    }

    private List<Runnable> generators(List<Expr.Comprehension> gens) {
        return gens.stream().<Runnable>map(g -> () -> node("comprehension", "target", g.target(), "iter", g.iter(),
                "ifs", g.ifs(), "is_async", raw("0"))).toList();
    }

    private static String binOp(BinaryOp op) {
        return switch (op) {
            case ADD -> "Add()";
            case SUBTRACT -> "Sub()";
            case MULTIPLY -> "Mult()";
            case MATMUL -> "MatMult()";
            case TRUE_DIVIDE -> "Div()";
            case FLOOR_DIVIDE -> "FloorDiv()";
            case REMAINDER -> "Mod()";
            case POWER -> "Pow()";
            case LSHIFT -> "LShift()";
            case RSHIFT -> "RShift()";
            case OR -> "BitOr()";
            case XOR -> "BitXor()";
            case AND -> "BitAnd()";
        };
    }

    private static String unaryOp(UnaryOperator op) {
        return switch (op) {
            case NEGATIVE -> "USub()";
            case POSITIVE -> "UAdd()";
            case INVERT -> "Invert()";
            case NOT -> "Not()";
        };
    }

    private static String compareOp(CompareOp op) {
        return switch (op) {
            case LT -> "Lt()";
            case LE -> "LtE()";
            case EQ -> "Eq()";
            case NE -> "NotEq()";
            case GT -> "Gt()";
            case GE -> "GtE()";
            case IS -> "Is()";
            case IS_NOT -> "IsNot()";
            case IN -> "In()";
            case NOT_IN -> "NotIn()";
        };
    }

    // ---- Python's repr of constants ----

    /** Python's float repr: shortest digits, scientific notation below 1e-4 and from 1e16. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = b.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - b.scale();       // d = 0.digits * 10^(exponent+1)
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        if (exponent < 0) return sign + "0." + "0".repeat(-exponent - 1) + digits;
        if (digits.length() <= exponent + 1) return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }

    /** Python's str repr: single quotes unless the text has a single quote and no double quote. */
    static String strRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(quote);
        s.codePoints().forEach(c -> {
            if (c == quote || c == '\\') b.append('\\').appendCodePoint(c);
            else if (c == '\n') b.append("\\n");
            else if (c == '\r') b.append("\\r");
            else if (c == '\t') b.append("\\t");
            else if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", c));
            else if (c >= 0x80 && !isPrintable(c)) {
                b.append(c <= 0xff ? String.format("\\x%02x", c) : c <= 0xffff ? String.format("\\u%04x", c)
                        : String.format("\\U%08x", c));
            } else b.appendCodePoint(c);
        });
        return b.append(quote).toString();
    }

    private static boolean isPrintable(int c) {
        int type = Character.getType(c);
        return !(type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SPACE_SEPARATOR && c != ' ');
    }

    static String bytesRepr(byte[] bytes) {
        boolean hasSingle = false, hasDouble = false;
        for (byte x : bytes) {
            hasSingle |= x == '\'';
            hasDouble |= x == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder b = new StringBuilder("b").append(quote);
        for (byte x : bytes) {
            int c = x & 0xff;
            if (c == quote || c == '\\') b.append('\\').append((char) c);
            else if (c == '\n') b.append("\\n");
            else if (c == '\r') b.append("\\r");
            else if (c == '\t') b.append("\\t");
            else if (c < 0x20 || c >= 0x7f) b.append(String.format("\\x%02x", c));
            else b.append((char) c);
        }
        return b.append(quote).toString();
    }
}
