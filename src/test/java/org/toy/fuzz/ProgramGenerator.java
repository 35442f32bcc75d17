package org.toy.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small grammar-based generator of valid Toy programs (each also a valid Python 3 program
 * whose output CPython 3.11 fixes exactly), driven by a stream of {@link Choices}.
 *
 * <p>Every choice's option 0 is the simplest one, so an exhausted fuzzer input (which answers 0)
 * ends the program quickly. Programs always terminate and stay small:
 * <ul>
 *   <li>a step budget: every loop iteration and every function entry calls {@code _t()}, which
 *       ends the program with {@code SystemExit(3)} after {@value #STEP_BUDGET} steps (generated
 *       handlers catch {@code Exception} at most, never {@code SystemExit});</li>
 *   <li>every {@code while} also has its own counter, and functions only call functions defined
 *       before them, so there is no recursion;</li>
 *   <li>every assigned value goes through {@code _c()}, which cuts sequences and dicts to
 *       {@value #MAX_LEN} items and ints to 30 digits, and empties a container of more than 300
 *       nodes, a str counting one per 8 characters (nested lists that share themselves, and the
 *       strs of lists of strs, grow exponentially otherwise), so nothing grows without bound;</li>
 *   <li>repetition counts, ranges, shifts, widths and exponents are small literals.</li>
 * </ul>
 * Output is deterministic in CPython: no sets are printed (only their length or sorted items),
 * no ids or hashes, no clocks; floats are printed with repr, str or short fixed formats only.
 */
public final class ProgramGenerator {
    /** The source of decisions: a fuzzer's input or a seeded random generator. */
    public interface Choices {
        /** A number in [0, n); 0 once the input is exhausted. */
        int pick(int n);
    }

    static final int STEP_BUDGET = 400;
    static final int MAX_LEN = 40;

    static final String PRELUDE = """
            _steps = [0]
            def _t():
                _steps[0] += 1
                if _steps[0] > %d:
                    raise SystemExit(3)
            def _n(v, budget):
                n = 1
                if isinstance(v, str):
                    return 1 + len(v) // 8
                if isinstance(v, (list, tuple)):
                    for x in v:
                        if n > budget:
                            break
                        n += _n(x, budget - n)
                elif isinstance(v, dict):
                    for k in v:
                        if n > budget:
                            break
                        n += 1 + _n(v[k], budget - n)
                return n
            def _c(v):
                if isinstance(v, (list, tuple, dict)) and _n(v, 300) > 300:
                    return type(v)()
                if isinstance(v, (list, str, tuple)) and len(v) > %d:
                    return v[:%d]
                if isinstance(v, dict) and len(v) > %d:
                    return dict(list(v.items())[:%d])
                if isinstance(v, int) and (v > 10 ** 30 or v < -10 ** 30):
                    return v %% 1000003
                return v
            """.formatted(STEP_BUDGET, MAX_LEN, MAX_LEN, MAX_LEN, MAX_LEN);

    enum T { INT, FLOAT, STR, BOOL, LIST, DICT, TUPLE, ANY }

    private static final T[] CONCRETE = {T.INT, T.STR, T.LIST, T.FLOAT, T.BOOL, T.DICT, T.TUPLE};
    private static final String[] STR_LITERALS = {"'a'", "''", "'ab'", "'hello'", "'x y z'", "'A1b2'", "'12'",
        "\"it's\"", "'\\u00e9t\\u00e9'", "'a\\nb'", "'\\t-'", "'3.5'", "'-7'", "'  pad  '", "'a,b,,c'", "'\\u4e2d'"};
    private static final String[] FLOAT_LITERALS = {"0.5", "1.0", "2.5", "0.1", "3.75", "-1.5", "1e10", "2.5e-3",
        "100.0", "0.0", "-0.0", "1e300", "7.125", "0.2"};
    private static final String[] EXCEPTIONS = {"ValueError", "TypeError", "KeyError", "IndexError",
        "ZeroDivisionError", "ArithmeticError", "LookupError", "AssertionError", "NameError", "AttributeError",
        "OverflowError", "Exception", "RuntimeError", "UnboundLocalError"};

    private final Choices in;
    private final StringBuilder out = new StringBuilder();
    private int indent;
    private int fuel;
    private int loopDepth;
    private int whileCounters;
    private int uniq;
    /** Variables visible where code is being generated, by the type last given them. */
    private Map<String, T> vars = new LinkedHashMap<>();
    /** Globals, kept aside while a function body is generated. */
    private Map<String, T> globals;
    private final List<Fn> functions = new ArrayList<>();
    private boolean inFunction;
    /** The global a function being generated may assign ({@code global v3}), or null. */
    private String declaredGlobal;

    record Fn(String name, int params, int defaults, boolean star, T returns) {}

    private ProgramGenerator(Choices in, int fuel) {
        this.in = in;
        this.fuel = fuel;
    }

    /** A whole program: the prelude, up to about {@code fuel} statements, then the globals printed. */
    public static String generate(Choices in, int fuel) {
        ProgramGenerator g = new ProgramGenerator(in, fuel);
        g.out.append(PRELUDE);
        g.program();
        return g.out.toString();
    }

    // ---------------------------------------------------------------- statements

    private void program() {
        // A few variables of each kind to start from, so that fewer programs stop at a NameError.
        String[][] start = {{"5", "INT"}, {"'ab'", "STR"}, {"[3, 1, 2]", "LIST"}, {"{'a': 1, 2: 'b'}", "DICT"},
            {"2.5", "FLOAT"}, {"(1, 'x')", "TUPLE"}};
        int given = start.length - in.pick(4);
        for (int i = 0; i < given; i++) {
            line("v" + i + " = " + start[i][0]);
            vars.put("v" + i, T.valueOf(start[i][1]));
        }
        int n = 1 + in.pick(12);
        for (int i = 0; i < n && fuel > 0; i++) {
            // Half of the top-level statements go on after an error, so that more of each program runs.
            boolean guarded = in.pick(2) == 1;
            if (guarded) {
                line("try:");
                indent++;
            }
            statement(0);
            if (guarded) {
                indent--;
                line("except Exception as e:");
                line("    print('error', type(e).__name__)");
            }
        }
        for (Map.Entry<String, T> v : vars.entrySet()) {
            line("try:");
            indent++;
            line("print('" + v.getKey() + "', repr(" + v.getKey() + "))");
            indent--;
            line("except NameError:");
            indent++;
            line("print('" + v.getKey() + " unset')");
            indent--;
        }
    }

    private void block(int depth) {
        indent++;
        int n = 1 + in.pick(3);
        int before = out.length();
        for (int i = 0; i < n && fuel > 0; i++) statement(depth + 1);
        if (out.length() == before) line("pass");
        indent--;
    }

    private void statement(int depth) {
        fuel--;
        boolean nest = depth < 3 && fuel > 0;
        switch (in.pick(nest ? 22 : 10)) {
            case 0, 1 -> assign();
            case 2 -> print();
            case 3 -> augAssign();
            case 4 -> mutate();
            case 5 -> unpack();
            case 6 -> loopControl();
            case 7 -> raiseOrAssert();
            case 8 -> line(expr(T.ANY, 2));
            case 9 -> callStatement();
            case 10, 11 -> ifStatement(depth);
            case 12, 13 -> forStatement(depth);
            case 14 -> whileStatement(depth);
            case 15, 16 -> tryStatement(depth);
            case 17, 18 -> { if (!inFunction && loopDepth == 0) function(depth); else assign(); }
            case 19 -> print();
            case 20 -> comprehensionAssign();
            default -> fstringPrint();
        }
    }

    private void assign() {
        T t = type();
        String value = expr(t, 3);
        String name = target(t);
        line(name + " = _c(" + value + ")");
    }

    /** A variable to assign: an existing one of this scope or a new one. */
    private String target(T t) {
        String prefix = inFunction ? "l" : "v";
        List<String> own = new ArrayList<>();
        int count = 0;
        for (String v : vars.keySet()) {
            if (v.startsWith(prefix)) count++;
            if (v.startsWith(prefix) || v.equals(declaredGlobal)) own.add(v);
        }
        String name = own.isEmpty() || in.pick(3) == 0 ? prefix + count : own.get(in.pick(own.size()));
        vars.put(name, t);
        return name;
    }

    private void augAssign() {
        String[] ops = {"+=", "-=", "*=", "//=", "%=", "|=", "&=", "^=", "/=", "**="};
        String name = assignable();
        if (name == null) { assign(); return; }
        T t = vars.get(name);
        String op = ops[in.pick(ops.length)];
        String rhs = switch (op) {
            case "**=" -> String.valueOf(in.pick(4));
            case "*=" -> t == T.INT || t == T.FLOAT ? expr(t, 1) : String.valueOf(in.pick(4) - 1);
            default -> expr(t == T.ANY ? T.INT : t, 2);
        };
        line(name + " " + op + " " + rhs);
        line(name + " = _c(" + name + ")");
    }

    private void mutate() {
        String xs = existing(T.LIST, null);
        String d = existing(T.DICT, null);
        int k = in.pick(8);
        if (xs != null && k < 5) {
            switch (k) {
                case 0 -> line(xs + ".append(" + expr(T.ANY, 2) + ")");
                case 1 -> line(xs + "[" + expr(T.INT, 1) + "] = " + expr(T.ANY, 2));
                case 2 -> line(xs + ".pop(" + (in.pick(2) == 0 ? "" : expr(T.INT, 1)) + ")");
                case 3 -> line(xs + ".insert(" + expr(T.INT, 1) + ", " + expr(T.ANY, 1) + ")");
                default -> line(xs + (in.pick(2) == 0 ? ".sort()" : ".reverse()"));
            }
            if (mayAssign(xs)) line(xs + " = _c(" + xs + ")");
        } else if (d != null) {
            switch (in.pick(4)) {
                case 0 -> line(d + "[" + key() + "] = " + expr(T.ANY, 2));
                case 1 -> line("del " + d + "[" + key() + "]");
                case 2 -> line(d + ".update({" + key() + ": " + expr(T.ANY, 1) + "})");
                default -> line(d + ".pop(" + key() + ", None)");
            }
            if (mayAssign(d)) line(d + " = _c(" + d + ")");
        } else {
            assign();
        }
    }

    private void unpack() {
        switch (in.pick(3)) {
            case 0 -> {
                String a = target(T.INT), b = target(T.INT);
                line(a + ", " + b + " = divmod(" + expr(T.INT, 2) + ", " + expr(T.INT, 1) + ")");
            }
            case 1 -> {
                String a = assignable();
                String b = assignable();
                if (a == null || b == null || a.equals(b)) { assign(); return; }
                T ta = vars.get(a), tb = vars.get(b);
                line(a + ", " + b + " = " + b + ", " + a);
                vars.put(a, tb);
                vars.put(b, ta);
            }
            default -> {
                String src = expr(T.LIST, 2);
                String a = target(T.ANY), b = target(T.LIST);
                line(a + ", *" + b + " = " + src);
            }
        }
    }

    /** Whether this scope may assign {@code name} without making a global a local. */
    private boolean mayAssign(String name) {
        return name.startsWith(inFunction ? "l" : "v") || name.equals(declaredGlobal);
    }

    /** An existing variable this scope may assign, or null. */
    private String assignable() {
        String name = existing(T.ANY, inFunction ? "l" : "v");
        return declaredGlobal != null && (name == null || in.pick(3) == 0) ? declaredGlobal : name;
    }

    private void loopControl() {
        if (loopDepth == 0) { print(); return; }
        line("if " + expr(T.BOOL, 2) + ":");
        indent++;
        line(in.pick(2) == 0 ? "break" : "continue");
        indent--;
    }

    private void raiseOrAssert() {
        switch (in.pick(3)) {
            case 0 -> line("assert " + expr(T.BOOL, 2) + ", " + expr(T.STR, 1));
            case 1 -> {
                line("if " + expr(T.BOOL, 2) + ":");
                indent++;
                line("raise " + EXCEPTIONS[in.pick(6)] + "(" + expr(T.STR, 1) + ")");
                indent--;
            }
            default -> {
                if (inFunction) line("return " + expr(T.ANY, 2));
                else line("assert " + expr(T.BOOL, 2));
            }
        }
    }

    private void callStatement() {
        if (functions.isEmpty()) { print(); return; }
        line(call(functions.get(in.pick(functions.size()))));
    }

    private void print() {
        int n = in.pick(3);
        StringBuilder args = new StringBuilder(expr(T.ANY, 3));
        for (int i = 0; i < n; i++) args.append(", ").append(expr(T.ANY, 2));
        switch (in.pick(4)) {
            case 1 -> args.append(", sep=").append(strLiteral());
            case 2 -> args.append(", end=").append(in.pick(2) == 0 ? "'|\\n'" : "';\\n'");
            default -> { }
        }
        line("print(" + args + ")");
    }

    private void fstringPrint() {
        StringBuilder f = new StringBuilder("f\"");
        int n = 1 + in.pick(3);
        for (int i = 0; i < n; i++) {
            f.append(i == 0 ? "<" : " <");
            switch (in.pick(7)) {
                case 0 -> f.append("{ ").append(fpart(T.ANY, 2)).append(" }");
                case 1 -> f.append("{ ").append(fpart(T.ANY, 2)).append(" !r}");
                case 2 -> f.append("{ ").append(fpart(T.INT, 2)).append(" :>").append(in.pick(12)).append('}');
                case 3 -> f.append("{ ").append(fpart(T.FLOAT, 2)).append(" :.").append(in.pick(5)).append("f}");
                case 4 -> f.append("{ ").append(fpart(T.INT, 2)).append(" :,}");
                case 5 -> f.append("{ ").append(fpart(T.STR, 2)).append(" :").append(new String[] {"<", "^", "*>"}[in.pick(3)])
                        .append(in.pick(10)).append('}');
                default -> f.append("{ ").append(fpart(T.INT, 2)).append(new String[] {" :x}", " :b}", " :05d}", " :+}"}[in.pick(4)]);
            }
            f.append(">");
        }
        line("print(" + f + "\")");
    }

    /**
     * An expression for an f-string replacement field. CPython 3.11 allows neither a backslash nor
     * the enclosing quote inside one, so an expression with a quote or a backslash is replaced by a
     * plain name or number.
     */
    private String fpart(T t, int depth) {
        String e = expr(t, depth);
        if (e.indexOf('\'') < 0 && e.indexOf('"') < 0 && e.indexOf('\\') < 0) return e;
        String v = existing(t, null);
        return v != null ? v : t == T.FLOAT ? "2.5" : intLiteral();
    }

    private void comprehensionAssign() {
        T t = in.pick(2) == 0 ? T.LIST : T.DICT;
        String value = expr(t, 3);
        line(target(t) + " = _c(" + value + ")");
    }

    private void ifStatement(int depth) {
        line("if " + expr(T.BOOL, 3) + ":");
        block(depth);
        int elifs = in.pick(3);
        for (int i = 0; i < elifs && fuel > 0; i++) {
            line("elif " + expr(T.BOOL, 2) + ":");
            block(depth);
        }
        if (in.pick(2) == 1) {
            line("else:");
            block(depth);
        }
    }

    private void forStatement(int depth) {
        String iterable;
        String var;
        T varType;
        switch (in.pick(6)) {
            case 0 -> { iterable = "range(" + in.pick(7) + ")"; varType = T.INT; }
            case 1 -> { iterable = "range(" + (in.pick(5) - 2) + ", " + in.pick(8) + ", " + (1 + in.pick(3)) + ")"; varType = T.INT; }
            case 2 -> { iterable = expr(T.STR, 2); varType = T.STR; }
            case 3 -> { iterable = expr(T.LIST, 2); varType = T.ANY; }
            case 4 -> { iterable = "enumerate(" + expr(T.LIST, 1) + ")"; varType = T.TUPLE; }
            default -> { iterable = "reversed(" + expr(T.LIST, 1) + ")"; varType = T.ANY; }
        }
        var = target(varType);
        line("for " + var + " in " + iterable + ":");
        indent++;
        line("_t()");
        indent--;
        loopDepth++;
        block(depth);
        loopDepth--;
        if (in.pick(4) == 1) {
            line("else:");
            block(depth);
        }
    }

    private void whileStatement(int depth) {
        String w = "_w" + (whileCounters++);
        line(w + " = 0");
        line("while " + w + " < " + (1 + in.pick(6)) + (in.pick(2) == 0 ? "" : " and " + expr(T.BOOL, 2)) + ":");
        indent++;
        line(w + " += 1");
        line("_t()");
        indent--;
        loopDepth++;
        block(depth);
        loopDepth--;
    }

    private void tryStatement(int depth) {
        line("try:");
        block(depth);
        int handlers = in.pick(3);
        for (int i = 0; i < handlers; i++) {
            switch (in.pick(3)) {
                case 0 -> {
                    line("except " + EXCEPTIONS[in.pick(EXCEPTIONS.length)] + ":");
                    indent++;
                    line("print('caught')");
                }
                case 1 -> {
                    line("except (" + EXCEPTIONS[in.pick(EXCEPTIONS.length)] + ", "
                            + EXCEPTIONS[in.pick(EXCEPTIONS.length)] + ") as e:");
                    indent++;
                    line("print('caught', type(e).__name__)");
                }
                default -> {
                    line("except Exception as e:");
                    indent++;
                    line(in.pick(2) == 0 ? "print('caught', type(e).__name__)" : "print('caught', type(e).__name__, e)");
                }
            }
            if (in.pick(3) == 0) statement(depth + 1);
            indent--;
        }
        if (handlers > 0 && in.pick(3) == 0) {
            line("else:");
            block(depth);
        }
        if (handlers == 0 || in.pick(3) == 0) {
            line("finally:");
            block(depth);
        }
    }

    private void function(int depth) {
        String name = "f" + functions.size();
        int params = in.pick(4);
        int defaults = params == 0 ? 0 : in.pick(params + 1);
        StringBuilder sig = new StringBuilder();
        Map<String, T> saved = vars;
        globals = saved;
        vars = new LinkedHashMap<>(saved);
        for (int i = 0; i < params; i++) {
            if (i > 0) sig.append(", ");
            sig.append("p").append(i);
            if (i >= params - defaults) sig.append("=").append(expr(T.INT, 1));
        }
        for (int i = 0; i < params; i++) vars.put("p" + i, T.ANY);
        boolean star = in.pick(4) == 0;
        if (star) { sig.append(params > 0 ? ", " : "").append("*rest"); vars.put("rest", T.TUPLE); }
        line("def " + name + "(" + sig + "):");
        inFunction = true;
        indent++;
        line("_t()");
        declaredGlobal = in.pick(4) == 0 ? existing(T.ANY, "v") : null;
        if (declaredGlobal != null) line("global " + declaredGlobal);
        int n = 1 + in.pick(4);
        int saveLoops = loopDepth;
        loopDepth = 0;
        for (int i = 0; i < n && fuel > 0; i++) statement(depth + 1);
        if (in.pick(3) == 0) closure();
        T returns = type();
        line("return " + expr(returns, 2));
        loopDepth = saveLoops;
        indent--;
        inFunction = false;
        declaredGlobal = null;
        vars = saved;
        functions.add(new Fn(name, params, defaults, star, returns));
    }

    /** A nested function that reads (and with nonlocal, rebinds) a local of the enclosing one. */
    private void closure() {
        String local = existing(T.INT, "l");
        if (local == null) return;
        line("def inner(q=1):");
        indent++;
        if (in.pick(2) == 0) {
            line("nonlocal " + local);
            line(local + " = _c(" + local + " + q)");
        }
        line("return " + local + " * 2");
        indent--;
        line("print('inner', inner(), inner(" + in.pick(5) + "))");
    }

    private String call(Fn f) {
        StringBuilder args = new StringBuilder();
        int given = f.params - f.defaults + (f.defaults == 0 ? 0 : in.pick(f.defaults + 1));
        if (f.star) given += in.pick(3);
        if (in.pick(10) == 0) given += in.pick(3) - 1; // sometimes the wrong count: a TypeError
        boolean keywords = given <= f.params && in.pick(3) == 0;
        for (int i = 0; i < Math.max(0, given); i++) {
            if (i > 0) args.append(", ");
            if (keywords && i >= f.params - f.defaults && i < f.params) args.append("p").append(i).append("=");
            args.append(expr(T.ANY, 1));
        }
        return f.name + "(" + args + ")";
    }

    // ---------------------------------------------------------------- expressions

    private T type() {
        return CONCRETE[in.pick(CONCRETE.length)];
    }

    /** A variable of type {@code t} (any type for ANY) visible here, or null. */
    private String existing(T t, String prefix) {
        List<String> fit = new ArrayList<>();
        for (Map.Entry<String, T> v : vars.entrySet()) {
            if (prefix != null && !v.getKey().startsWith(prefix)) continue;
            if (t == T.ANY || v.getValue() == t || v.getValue() == T.ANY) fit.add(v.getKey());
        }
        if (fit.isEmpty()) return null;
        return fit.get(in.pick(fit.size()));
    }

    private String expr(T t, int depth) {
        if (t == T.ANY) t = in.pick(5) == 0 ? T.ANY : type();
        if (depth <= 0 || in.pick(4) == 0) return leaf(t);
        if (in.pick(8) == 0) {
            String v = existing(t, null);
            if (v != null) return v;
        }
        switch (in.pick(16)) {
            case 0 -> { return "(" + expr(t, depth - 1) + " if " + expr(T.BOOL, depth - 1) + " else " + expr(t, depth - 1) + ")"; }
            case 1 -> {
                if (!functions.isEmpty()) {
                    Fn f = functions.get(in.pick(functions.size()));
                    if (f.returns == t || in.pick(3) == 0) return call(f);
                }
            }
            default -> { }
        }
        return switch (t) {
            case INT -> intExpr(depth - 1);
            case FLOAT -> floatExpr(depth - 1);
            case STR -> strExpr(depth - 1);
            case BOOL -> boolExpr(depth - 1);
            case LIST -> listExpr(depth - 1);
            case DICT -> dictExpr(depth - 1);
            case TUPLE -> tupleExpr(depth - 1);
            default -> in.pick(3) == 0 ? "None" : expr(type(), depth);
        };
    }

    private String leaf(T t) {
        String v = in.pick(3) == 0 ? null : existing(t, null);
        if (v != null) return v;
        return switch (t) {
            case INT -> intLiteral();
            case FLOAT -> FLOAT_LITERALS[in.pick(FLOAT_LITERALS.length)];
            case STR -> strLiteral();
            case BOOL -> in.pick(2) == 0 ? "True" : "False";
            case LIST -> switch (in.pick(4)) {
                case 0 -> "[]";
                case 1 -> "[" + strLiteral() + ", " + strLiteral() + "]";
                case 2 -> "[" + intLiteral() + ", " + strLiteral() + "]";
                default -> "[" + intLiteral() + ", " + intLiteral() + ", " + intLiteral() + "]";
            };
            case DICT -> in.pick(2) == 0 ? "{}" : "{" + key() + ": " + intLiteral() + "}";
            case TUPLE -> in.pick(2) == 0 ? "()" : "(" + intLiteral() + ",)";
            default -> in.pick(2) == 0 ? "None" : intLiteral();
        };
    }

    private String intLiteral() {
        return switch (in.pick(8)) {
            case 0 -> String.valueOf(in.pick(4));
            case 1 -> String.valueOf(-1 - in.pick(6));
            case 2 -> "0x" + Integer.toHexString(in.pick(256));
            case 3 -> "123456789012345678901234567";
            case 4 -> "1_000";
            case 5 -> String.valueOf(in.pick(1 << 16));
            default -> String.valueOf(in.pick(30));
        };
    }

    private String strLiteral() {
        return STR_LITERALS[in.pick(STR_LITERALS.length)];
    }

    private String key() {
        return in.pick(2) == 0 ? String.valueOf(in.pick(5)) : STR_LITERALS[in.pick(5)];
    }

    private String intExpr(int d) {
        String[] ops = {"+", "-", "*", "//", "%", "&", "|", "^"};
        return switch (in.pick(16)) {
            case 0 -> "(" + expr(T.INT, d) + " " + ops[in.pick(ops.length)] + " " + expr(T.INT, d) + ")";
            case 1 -> "len(" + expr(in.pick(2) == 0 ? T.STR : T.LIST, d) + ")";
            case 2 -> "(" + expr(T.INT, d) + " ** " + in.pick(6) + ")";
            case 3 -> "(" + expr(T.INT, d) + (in.pick(2) == 0 ? " << " : " >> ") + in.pick(9) + ")";
            case 4 -> (in.pick(2) == 0 ? "-" : "~") + expr(T.INT, d);
            case 5 -> "int(" + switch (in.pick(3)) {
                case 0 -> expr(T.FLOAT, d);
                case 1 -> expr(T.STR, d);
                default -> "str(" + expr(T.INT, d) + ")";
            } + ")";
            case 6 -> in.pick(3) == 0 ? "abs(" + expr(T.INT, d) + ")"
                    : (in.pick(2) == 0 ? "min(" : "max(") + expr(T.INT, d) + (in.pick(2) == 0 ? "" : ", " + expr(T.INT, d)) + ")";
            case 7 -> "sum(" + expr(T.LIST, d) + ")";
            case 8 -> "round(" + expr(T.FLOAT, d) + ")";
            case 9 -> expr(T.LIST, d) + "[" + index(d) + "]";
            case 10 -> expr(T.DICT, d) + ".get(" + key() + ", " + intLiteral() + ")";
            case 11 -> "ord(" + expr(T.STR, d) + "[0])";
            case 12 -> expr(T.STR, d) + new String[] {".count(", ".find(", ".index("}[in.pick(3)] + expr(T.STR, d) + ")";
            case 13 -> expr(T.LIST, d) + new String[] {".count(", ".index("}[in.pick(2)] + expr(T.ANY, d) + ")";
            case 14 -> "int(" + expr(T.BOOL, d) + ")";
            default -> "(" + expr(T.INT, d) + " " + ops[in.pick(3)] + " " + expr(T.INT, d) + ")";
        };
    }

    private String floatExpr(int d) {
        String[] ops = {"+", "-", "*", "/", "//", "%"};
        return switch (in.pick(7)) {
            case 0 -> "(" + expr(T.FLOAT, d) + " " + ops[in.pick(ops.length)] + " " + expr(in.pick(2) == 0 ? T.INT : T.FLOAT, d) + ")";
            case 1 -> "float(" + expr(in.pick(2) == 0 ? T.INT : T.STR, d) + ")";
            case 2 -> "(" + expr(T.INT, d) + " / " + expr(T.INT, d) + ")";
            case 3 -> "round(" + expr(T.FLOAT, d) + ", " + in.pick(4) + ")";
            case 4 -> "abs(" + expr(T.FLOAT, d) + ")";
            case 5 -> "(" + expr(T.FLOAT, d) + " ** " + in.pick(4) + ")";
            default -> "-" + expr(T.FLOAT, d);
        };
    }

    private String strExpr(int d) {
        return switch (in.pick(16)) {
            case 0 -> "(" + expr(T.STR, d) + " + " + expr(T.STR, d) + ")";
            case 1 -> "(" + expr(T.STR, d) + " * " + (in.pick(5) - 1) + ")";
            case 2 -> expr(T.STR, d) + "[" + index(d) + "]";
            case 3 -> expr(T.STR, d) + "[" + slice(d) + "]";
            case 4 -> "str(" + expr(T.ANY, d) + ")";
            case 5 -> "repr(" + expr(T.ANY, d) + ")";
            case 6 -> expr(T.STR, d) + new String[] {".upper()", ".lower()", ".strip()", ".title()", ".capitalize()",
                ".swapcase()", ".lstrip()", ".rstrip('d ')"}[in.pick(8)];
            case 7 -> expr(T.STR, d) + ".replace(" + strLiteral() + ", " + strLiteral() + ")";
            case 8 -> strLiteral() + ".join(" + expr(T.LIST, d) + ")";
            case 9 -> "chr(" + (32 + in.pick(95)) + ")";
            case 10 -> "f'{ " + fpart(T.ANY, d) + " }-{ " + fpart(T.INT, d) + " :>4}'";
            case 11 -> new String[] {"hex", "bin", "ascii"}[in.pick(3)] + "(" + expr(T.INT, d) + ")";
            case 12 -> expr(T.STR, d) + new String[] {".center(", ".ljust(", ".rjust(", ".zfill("}[in.pick(4)] + in.pick(12) + ")";
            case 13 -> "type(" + expr(T.ANY, d) + ").__name__";
            case 14 -> "'%s=%d' % (" + expr(T.STR, d) + ", " + expr(T.INT, d) + ")";
            default -> "str(" + expr(T.INT, d) + ")";
        };
    }

    /** An index: mostly a small literal, which more often hits. */
    private String index(int d) {
        return in.pick(3) == 0 ? expr(T.INT, d) : String.valueOf(in.pick(4) - 1);
    }

    private String slice(int d) {
        return switch (in.pick(5)) {
            case 0 -> "::-1";
            case 1 -> expr(T.INT, d) + ":";
            case 2 -> ":" + expr(T.INT, d);
            case 3 -> expr(T.INT, d) + ":" + expr(T.INT, d) + ":" + (in.pick(5) - 2);
            default -> expr(T.INT, d) + ":" + expr(T.INT, d);
        };
    }

    private String boolExpr(int d) {
        String[] cmp = {"<", "<=", "==", "!=", ">", ">="};
        return switch (in.pick(10)) {
            case 0 -> "(" + expr(T.INT, d) + " " + cmp[in.pick(6)] + " " + expr(T.INT, d) + ")";
            case 1 -> "(" + expr(T.INT, d) + " < " + expr(T.INT, d) + " <= " + expr(T.INT, d) + ")";
            case 2 -> "(" + expr(T.ANY, d) + " in " + expr(in.pick(2) == 0 ? T.LIST : T.DICT, d) + ")";
            case 3 -> "(not " + expr(T.ANY, d) + ")";
            case 4 -> "(" + expr(T.BOOL, d) + (in.pick(2) == 0 ? " and " : " or ") + expr(T.BOOL, d) + ")";
            case 5 -> "isinstance(" + expr(T.ANY, d) + ", " + new String[] {"int", "str", "(list, tuple)", "float", "dict", "bool"}[in.pick(6)] + ")";
            case 6 -> new String[] {"bool(", "all(", "any("}[in.pick(3)] + expr(in.pick(2) == 0 ? T.ANY : T.LIST, d) + ")";
            case 7 -> "(" + expr(T.ANY, d) + " " + cmp[in.pick(6)] + " " + expr(T.ANY, d) + ")";
            case 8 -> "(" + expr(T.ANY, d) + (in.pick(2) == 0 ? " is None" : " is not None") + ")";
            default -> expr(T.STR, d) + switch (in.pick(4)) {
                case 0 -> ".isdigit()";
                case 1 -> ".isalpha()";
                case 2 -> ".startswith(" + strLiteral() + ")";
                default -> ".endswith(" + strLiteral() + ")";
            };
        };
    }

    private String listExpr(int d) {
        return switch (in.pick(16)) {
            case 0 -> {
                T t = in.pick(3) == 0 ? T.ANY : type();
                yield "[" + expr(t, d) + ", " + expr(t, d) + ", " + expr(t, d) + "]";
            }
            case 1 -> "list(range(" + (in.pick(5) - 1) + ", " + in.pick(12) + "))";
            case 2 -> "sorted(" + expr(T.LIST, d) + (in.pick(2) == 0 ? "" : ", reverse=True") + ")";
            case 3 -> "(" + expr(T.LIST, d) + " + " + expr(T.LIST, d) + ")";
            case 4 -> "(" + expr(T.LIST, d) + " * " + (in.pick(4) - 1) + ")";
            case 5 -> comprehension(d);
            case 6 -> "list(" + expr(in.pick(2) == 0 ? T.STR : T.TUPLE, d) + ")";
            case 7 -> expr(T.LIST, d) + "[" + slice(d) + "]";
            case 8 -> expr(T.STR, d) + ".split(" + (in.pick(2) == 0 ? "" : "','") + ")";
            case 9 -> "list(" + expr(T.DICT, d) + new String[] {".keys())", ".values())", ".items())"}[in.pick(3)];
            case 10 -> "list(zip(" + expr(T.LIST, d) + ", " + expr(T.STR, d) + "))";
            case 11 -> "list(enumerate(" + expr(T.LIST, d) + "))";
            case 12 -> "list(map(lambda a: " + lambdaBody(d) + ", " + expr(T.LIST, d) + "))";
            case 13 -> "list(filter(" + (in.pick(2) == 0 ? "None" : "lambda a: " + lambdaBody(d)) + ", " + expr(T.LIST, d) + "))";
            // key=repr: a set of mixed types iterates in an order that depends on str hashing.
            case 14 -> "sorted(set(" + expr(T.LIST, d) + "), key=repr)";
            default -> "sorted(" + expr(T.LIST, d) + ", key=lambda a: " + (in.pick(2) == 0 ? "str(a)" : "-len(str(a))") + ")";
        };
    }

    private String lambdaBody(int d) {
        Map<String, T> saved = vars;
        vars = new LinkedHashMap<>(vars);
        vars.put("a", T.ANY);
        String body = expr(T.ANY, Math.min(d, 2));
        vars = saved;
        return body;
    }

    private String comprehension(int d) {
        String v = "c" + (uniq++);
        Map<String, T> saved = vars;
        vars = new LinkedHashMap<>(vars);
        String iterable;
        switch (in.pick(3)) {
            case 0 -> { iterable = "range(" + in.pick(8) + ")"; vars.put(v, T.INT); }
            case 1 -> { iterable = expr(T.STR, d); vars.put(v, T.STR); }
            default -> { iterable = expr(T.LIST, d); vars.put(v, T.ANY); }
        }
        String elem = expr(T.ANY, d);
        String cond = in.pick(2) == 0 ? "" : " if " + expr(T.BOOL, d);
        vars = saved;
        return "[" + elem + " for " + v + " in " + iterable + cond + "]";
    }

    private String dictExpr(int d) {
        return switch (in.pick(6)) {
            case 0 -> "{" + key() + ": " + expr(T.ANY, d) + ", " + key() + ": " + expr(T.ANY, d) + "}";
            case 1 -> {
                String v = "c" + (uniq++);
                Map<String, T> saved = vars;
                vars = new LinkedHashMap<>(vars);
                vars.put(v, T.INT);
                String value = expr(T.ANY, d);
                vars = saved;
                yield "{" + v + ": " + value + " for " + v + " in range(" + in.pick(6) + ")}";
            }
            case 2 -> "dict(zip(" + expr(T.STR, d) + ", " + expr(T.LIST, d) + "))";
            case 3 -> "dict(" + expr(T.DICT, d) + ", k=" + expr(T.ANY, d) + ")";
            case 4 -> "{**" + expr(T.DICT, d) + ", " + key() + ": " + expr(T.ANY, d) + "}";
            default -> "dict(enumerate(" + expr(T.STR, d) + "))";
        };
    }

    private String tupleExpr(int d) {
        return switch (in.pick(5)) {
            case 0 -> "(" + expr(T.ANY, d) + ", " + expr(T.ANY, d) + ")";
            case 1 -> "tuple(" + expr(T.LIST, d) + ")";
            case 2 -> "divmod(" + expr(T.INT, d) + ", " + expr(T.INT, d) + ")";
            case 3 -> expr(T.TUPLE, d) + "[" + slice(d) + "]";
            default -> "(" + expr(T.TUPLE, d) + " + " + expr(T.TUPLE, d) + ")";
        };
    }

    // ---------------------------------------------------------------- output

    private void pad() {
        out.append("    ".repeat(indent));
    }

    private void line(String s) {
        pad();
        out.append(s).append('\n');
    }
}
