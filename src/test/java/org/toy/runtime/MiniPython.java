package org.toy.runtime;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.toy.ast.BinaryOp;
import org.toy.ast.CompareOp;
import org.toy.vm.Interpreter;
import org.toy.vm.ThreadState;

/**
 * A tiny evaluator for Python expressions and simple statements, used only by the tests: it turns
 * {@code "[3, 1, 2].sort()"}-style snippets into calls on the runtime (Ops, the types' methods and
 * constructors), so that the same text can be run by python3 as the oracle. It covers literals,
 * operators, comparisons, subscripts and slices, attribute calls with keywords, assignments to
 * names and items, augmented assignment and del; statements are separated by ';' and the value of
 * the last one is the result.
 */
final class MiniPython {
    private final Map<String, ToyObject> names = new HashMap<>();
    private final ThreadState ts;
    private String src;
    private int pos;

    MiniPython() {
        PrintStream out = new PrintStream(java.io.OutputStream.nullOutputStream());
        ts = new ThreadState(new Interpreter(out, out, new BufferedReader(new StringReader(""))));
        names.put("int", ToyInt.TYPE);
        names.put("bool", ToyBool.TYPE);
        names.put("float", ToyFloat.TYPE);
        names.put("str", ToyStr.TYPE);
        names.put("bytes", ToyBytes.TYPE);
        names.put("list", ToyList.TYPE);
        names.put("tuple", ToyTuple.TYPE);
        names.put("dict", ToyDict.TYPE);
        names.put("set", ToySet.SET_TYPE);
        names.put("frozenset", ToySet.FROZENSET_TYPE);
        names.put("range", ToyRange.TYPE);
        names.put("slice", ToySlice.TYPE);
        names.put("object", ToyType.OBJECT);
        names.put("type", ToyType.TYPE);
        fn("len", a -> ToyInt.of(a[0].len()));
        fn("repr", a -> ToyStr.of(Ops.repr(a[0])));
        fn("ascii", a -> ToyStr.of(Strings.ascii(Ops.repr(a[0]))));
        fn("hash", a -> ToyInt.of(a[0].hash()));
        fn("format", a -> ToyStr.of(a[0].format(a.length > 1 ? ((ToyStr) a[1]).value : "")));
        fn("round", a -> Numbers.round(a[0], a.length > 1 ? a[1] : ToyNone.NONE));
        fn("divmod", a -> a[0] instanceof ToyInt x && a[1] instanceof ToyInt y ? IntMath.divmod(x, y)
                : FloatMath.divmod(toDouble(a[0]), toDouble(a[1])));
        fn("abs", a -> a[0] instanceof ToyFloat f ? ToyFloat.of(Math.abs(f.value))
                : Ops.compare(CompareOp.LT, a[0], ToyInt.of(0)).isTrue() ? a[0].negative() : a[0].positive());
        fn("iter", a -> a[0].iter());
        fn("next", a -> {
            ToyObject v = a[0].next();
            if (v == null) throw Errors.of(ExceptionTypes.STOP_ITERATION, "");
            return v;
        });
        fn("pow", a -> Ops.binary(BinaryOp.POWER, a[0], a[1]));
        names.put("sorted", BuiltinFunction.function("sorted", (t, args, kw) -> {
            ToyList l = new ToyList(Sequences.toArray(args[0]));
            Sorting.sort(t, l.items, l.size, Args.keyword(args, kw, "key", ToyNone.NONE),
                    Args.keyword(args, kw, "reverse", ToyBool.FALSE).isTrue());
            return l;
        }));
    }

    private static double toDouble(ToyObject o) { return o instanceof ToyFloat f ? f.value : IntMath.toDouble((ToyInt) o); }

    private interface Fn { ToyObject apply(ToyObject[] args); }

    private void fn(String name, Fn f) {
        names.put(name, BuiltinFunction.function(name, (t, args, kw) -> f.apply(args)));
    }

    /** Runs the snippet and answers the last statement's value (None for a statement). */
    ToyObject run(String source) {
        src = source;
        pos = 0;
        ToyObject last = ToyNone.NONE;
        while (true) {
            last = statement();
            skipSpace();
            if (pos >= src.length()) return last;
            expect(";");
        }
    }

    // ---- statements -------------------------------------------------------------------------

    private ToyObject statement() {
        skipSpace();
        if (src.startsWith("del ", pos)) {
            pos += 4;
            Target t = target();
            if (t.key == null) names.remove(t.name);
            else t.container.delItem(t.key);
            return ToyNone.NONE;
        }
        int save = pos;
        // An assignment target is a name, optionally subscripted or dotted, followed by = or OP=.
        if (isNameStart(peek())) {
            try {
                Target t = target();
                skipSpace();
                for (String op : new String[] {"+=", "-=", "*=", "/=", "//=", "%=", "**=", "|=", "&=", "^=", "<<=", ">>="}) {
                    if (src.startsWith(op, pos)) {
                        pos += op.length();
                        ToyObject rhs = expression();
                        ToyObject result = Ops.binaryInPlace(binaryOp(op.substring(0, op.length() - 1)), t.get(), rhs);
                        t.set(result);
                        return ToyNone.NONE;
                    }
                }
                if (peek() == '=' && (pos + 1 >= src.length() || src.charAt(pos + 1) != '=')) {
                    pos++;
                    t.set(expression());
                    return ToyNone.NONE;
                }
            } catch (ParseFailure e) {
                // not an assignment
            }
        }
        pos = save;
        return expression();
    }

    private static final class ParseFailure extends RuntimeException {
        ParseFailure() { super(null, null, false, false); }
    }

    /** name, name[key] or name.attr[key]... : the last subscript is the assignment slot. */
    private final class Target {
        String name;
        ToyObject container;
        ToyObject key;

        ToyObject get() { return key == null ? lookup(name) : container.getItem(key); }

        void set(ToyObject v) {
            if (key == null) names.put(name, v);
            else container.setItem(key, v);
        }
    }

    private Target target() {
        Target t = new Target();
        t.name = name();
        skipSpace();
        if (peek() != '[' && peek() != '.') return t;
        ToyObject value = lookup(t.name);
        while (true) {
            skipSpace();
            if (peek() == '.') {
                pos++;
                value = value.getAttr(name());
            } else if (peek() == '[') {
                pos++;
                ToyObject key = subscript();
                expect("]");
                skipSpace();
                if (peek() == '=' || (peek() != '[' && peek() != '.' && peek() != '(')) {
                    t.container = value;
                    t.key = key;
                    return t;
                }
                value = value.getItem(key);
            } else {
                throw new ParseFailure();
            }
        }
    }

    // ---- expressions ------------------------------------------------------------------------

    private ToyObject expression() {
        ToyObject v = orTest();
        skipSpace();
        if (src.startsWith("if ", pos)) {
            pos += 3;
            ToyObject cond = orTest();
            expect("else");
            ToyObject other = expression();
            return cond.isTrue() ? v : other;
        }
        return v;
    }

    private ToyObject orTest() {
        ToyObject v = andTest();
        while (keyword("or")) {
            ToyObject r = andTest();
            if (!v.isTrue()) v = r;
        }
        return v;
    }

    private ToyObject andTest() {
        ToyObject v = notTest();
        while (keyword("and")) {
            ToyObject r = notTest();
            if (v.isTrue()) v = r;
        }
        return v;
    }

    private ToyObject notTest() {
        if (keyword("not")) return ToyBool.of(!notTest().isTrue());
        return comparison();
    }

    private ToyObject comparison() {
        ToyObject left = bitOr();
        ToyObject result = null;
        while (true) {
            skipSpace();
            String op = null;
            for (String o : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
                if (src.startsWith(o, pos) && !src.startsWith("<<", pos) && !src.startsWith(">>", pos)) {
                    op = o;
                    break;
                }
            }
            boolean in = false, notIn = false, is = false, isNot = false;
            if (op == null) {
                if (keyword("in")) in = true;
                else if (src.startsWith("not in", pos)) { pos += 6; notIn = true; }
                else if (keyword("is")) { if (keyword("not")) isNot = true; else is = true; }
                else break;
            } else {
                pos += op.length();
            }
            ToyObject right = bitOr();
            ToyObject r;
            if (in || notIn) r = ToyBool.of(right.contains(left) != notIn);
            else if (is || isNot) r = ToyBool.of((left == right) != isNot);
            else r = Ops.compare(compareOp(op), left, right);
            if (result == null || result.isTrue()) result = r; // a chain is decided by its first false link
            left = right;
        }
        return result == null ? left : result;
    }

    private static CompareOp compareOp(String op) {
        switch (op) {
            case "<": return CompareOp.LT;
            case "<=": return CompareOp.LE;
            case "==": return CompareOp.EQ;
            case "!=": return CompareOp.NE;
            case ">": return CompareOp.GT;
            default: return CompareOp.GE;
        }
    }

    private static BinaryOp binaryOp(String op) {
        for (BinaryOp b : BinaryOp.values()) if (b.symbol.equals(op)) return b;
        throw new IllegalArgumentException(op);
    }

    private ToyObject bitOr() {
        ToyObject v = bitXor();
        while (op("|")) v = Ops.binary(BinaryOp.OR, v, bitXor());
        return v;
    }

    private ToyObject bitXor() {
        ToyObject v = bitAnd();
        while (op("^")) v = Ops.binary(BinaryOp.XOR, v, bitAnd());
        return v;
    }

    private ToyObject bitAnd() {
        ToyObject v = shift();
        while (op("&")) v = Ops.binary(BinaryOp.AND, v, shift());
        return v;
    }

    private ToyObject shift() {
        ToyObject v = arith();
        while (true) {
            if (op("<<")) v = Ops.binary(BinaryOp.LSHIFT, v, arith());
            else if (op(">>")) v = Ops.binary(BinaryOp.RSHIFT, v, arith());
            else return v;
        }
    }

    private ToyObject arith() {
        ToyObject v = term();
        while (true) {
            if (op("+")) v = Ops.binary(BinaryOp.ADD, v, term());
            else if (op("-")) v = Ops.binary(BinaryOp.SUBTRACT, v, term());
            else return v;
        }
    }

    private ToyObject term() {
        ToyObject v = factor();
        while (true) {
            if (op("//")) v = Ops.binary(BinaryOp.FLOOR_DIVIDE, v, factor());
            else if (op("/")) v = Ops.binary(BinaryOp.TRUE_DIVIDE, v, factor());
            else if (op("*")) v = Ops.binary(BinaryOp.MULTIPLY, v, factor());
            else if (op("%")) v = Ops.binary(BinaryOp.REMAINDER, v, factor());
            else if (op("@")) v = Ops.binary(BinaryOp.MATMUL, v, factor());
            else return v;
        }
    }

    private ToyObject factor() {
        if (op("-")) return factor().negative();
        if (op("+")) return factor().positive();
        if (op("~")) return factor().invert();
        return power();
    }

    private ToyObject power() {
        ToyObject base = primary();
        if (op("**")) return Ops.binary(BinaryOp.POWER, base, factor());
        return base;
    }

    /** An operator token, not the start of a longer one ("*" is not "**", "/" is not "//"). */
    private boolean op(String o) {
        skipSpace();
        if (!src.startsWith(o, pos)) return false;
        int end = pos + o.length();
        if (end < src.length()) {
            char next = src.charAt(end);
            if (next == '=' && !o.equals("=")) return false;
            if ((o.equals("*") || o.equals("/") || o.equals("<") || o.equals(">")) && next == o.charAt(0)) return false;
        }
        pos = end;
        return true;
    }

    private ToyObject primary() {
        ToyObject v = atom();
        while (true) {
            skipSpace();
            char c = peek();
            if (c == '.') {
                pos++;
                v = v.getAttr(name());
            } else if (c == '(') {
                pos++;
                v = call(v);
            } else if (c == '[') {
                pos++;
                ToyObject key = subscript();
                expect("]");
                v = v.getItem(key);
            } else {
                return v;
            }
        }
    }

    private ToyObject call(ToyObject callable) {
        List<ToyObject> args = new ArrayList<>();
        List<String> kw = new ArrayList<>();
        List<ToyObject> kwValues = new ArrayList<>();
        skipSpace();
        while (peek() != ')') {
            int save = pos;
            if (isNameStart(peek())) {
                String n = name();
                skipSpace();
                if (peek() == '=' && src.charAt(pos + 1) != '=') {
                    pos++;
                    kw.add(n);
                    kwValues.add(expression());
                    skipSpace();
                    if (peek() == ',') pos++;
                    skipSpace();
                    continue;
                }
                pos = save;
            }
            args.add(expression());
            skipSpace();
            if (peek() == ',') pos++;
            skipSpace();
        }
        pos++;
        args.addAll(kwValues);
        return ts.call(callable, args.toArray(new ToyObject[0]), kw.toArray(new String[0]));
    }

    private ToyObject subscript() {
        ToyObject[] parts = new ToyObject[3];
        int n = 0;
        boolean slice = false;
        while (true) {
            skipSpace();
            char c = peek();
            if (c == ':' ) {
                slice = true;
                parts[n] = parts[n] == null ? ToyNone.NONE : parts[n];
                n++;
                pos++;
                continue;
            }
            if (c == ']') break;
            parts[n] = expression();
        }
        if (!slice) return parts[0];
        for (int i = 0; i < 3; i++) if (parts[i] == null) parts[i] = ToyNone.NONE;
        return new ToySlice(parts[0], parts[1], parts[2]);
    }

    private ToyObject atom() {
        skipSpace();
        char c = peek();
        if (c == '(') {
            pos++;
            List<ToyObject> items = new ArrayList<>();
            boolean comma = false;
            skipSpace();
            while (peek() != ')') {
                items.add(expression());
                skipSpace();
                if (peek() == ',') { pos++; comma = true; }
                skipSpace();
            }
            pos++;
            if (items.size() == 1 && !comma) return items.get(0);
            return ToyTuple.of(items.toArray(new ToyObject[0]));
        }
        if (c == '[') {
            pos++;
            ToyList l = new ToyList();
            skipSpace();
            while (peek() != ']') {
                l.append(expression());
                skipSpace();
                if (peek() == ',') pos++;
                skipSpace();
            }
            pos++;
            return l;
        }
        if (c == '{') {
            pos++;
            skipSpace();
            ToyDict d = null;
            ToySet s = null;
            if (peek() == '}') { pos++; return new ToyDict(); }
            List<ToyObject> setItems = new ArrayList<>();
            boolean allConstant = true;
            while (peek() != '}') {
                int itemStart = pos;
                ToyObject k = expression();
                allConstant &= isConstant(src.substring(itemStart, pos));
                skipSpace();
                if (peek() == ':') {
                    pos++;
                    if (d == null) d = new ToyDict();
                    d.put(k, expression());
                } else {
                    if (s == null) s = new ToySet();
                    s.add(k);
                    setItems.add(k);
                }
                skipSpace();
                if (peek() == ',') pos++;
                skipSpace();
            }
            pos++;
            if (s != null && allConstant && setItems.size() > 2) return ToySet.fromConstants(setItems.toArray(new ToyObject[0]));
            return d != null ? d : s;
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(src.charAt(pos + 1)))) return number();
        if (c == '\'' || c == '"' || ((c == 'b' || c == 'r') && pos + 1 < src.length()
                && (src.charAt(pos + 1) == '\'' || src.charAt(pos + 1) == '"'))) {
            return strings();
        }
        String n = name();
        switch (n) {
            case "None": return ToyNone.NONE;
            case "True": return ToyBool.TRUE;
            case "False": return ToyBool.FALSE;
            default: return lookup(n);
        }
    }

    /** Whether an item's source is a constant the CPython compiler folds: no names but None/True/False. */
    private static boolean isConstant(String text) {
        String t = text.replaceAll("'[^']*'|\"[^\"]*\"", "").replaceAll("None|True|False", "");
        return !t.matches("(?s).*[A-Za-z_].*") || t.matches("[0-9.eE+\\- ]*");
    }

    private ToyObject lookup(String n) {
        ToyObject v = names.get(n);
        if (v == null) throw Errors.nameError(n);
        return v;
    }

    private ToyObject number() {
        int start = pos;
        if (src.startsWith("0x", pos) || src.startsWith("0o", pos) || src.startsWith("0b", pos)) {
            pos += 2;
            while (pos < src.length() && (Character.isLetterOrDigit(peek()) || peek() == '_')) pos++;
            return Numbers.parseInt(src.substring(start, pos), 0);
        }
        boolean isFloat = false;
        while (pos < src.length()) {
            char c = peek();
            if (Character.isDigit(c) || c == '_') {
                pos++;
            } else if (c == '.') {
                isFloat = true;
                pos++;
            } else if (c == 'e' || c == 'E') {
                isFloat = true;
                pos++;
                if (peek() == '+' || peek() == '-') pos++;
            } else {
                break;
            }
        }
        String text = src.substring(start, pos);
        return isFloat ? ToyFloat.of(Numbers.parseFloat(text)) : Numbers.parseInt(text, 10);
    }

    /** One or more adjacent string literals (concatenated), with b and r prefixes and the common escapes. */
    private ToyObject strings() {
        StringBuilder text = new StringBuilder();
        boolean bytes = false;
        while (true) {
            skipSpace();
            char c = peek();
            boolean raw = false;
            if (c == 'b' || c == 'r') {
                if (pos + 1 >= src.length() || (src.charAt(pos + 1) != '\'' && src.charAt(pos + 1) != '"')) break;
                bytes |= c == 'b';
                raw = c == 'r';
                pos++;
                c = peek();
            }
            if (c != '\'' && c != '"') break;
            pos++;
            while (peek() != c) {
                char d = src.charAt(pos++);
                if (d == '\\' && !raw) {
                    char e = src.charAt(pos++);
                    switch (e) {
                        case 'n' -> text.append('\n');
                        case 't' -> text.append('\t');
                        case 'r' -> text.append('\r');
                        case '0' -> text.append('\0');
                        case 'x' -> { text.append((char) Integer.parseInt(src.substring(pos, pos + 2), 16)); pos += 2; }
                        case 'u' -> { text.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16)); pos += 4; }
                        case 'U' -> { text.appendCodePoint(Integer.parseInt(src.substring(pos, pos + 8), 16)); pos += 8; }
                        default -> text.append(e);
                    }
                } else {
                    text.append(d);
                }
            }
            pos++;
        }
        if (bytes) {
            byte[] b = new byte[text.length()];
            for (int i = 0; i < b.length; i++) b[i] = (byte) text.charAt(i);
            return new ToyBytes(b);
        }
        return ToyStr.of(text.toString());
    }

    // ---- lexing -----------------------------------------------------------------------------

    private char peek() { return pos < src.length() ? src.charAt(pos) : '\0'; }

    private void skipSpace() { while (pos < src.length() && src.charAt(pos) == ' ') pos++; }

    private static boolean isNameStart(char c) { return Character.isLetter(c) || c == '_'; }

    private String name() {
        skipSpace();
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(peek()) || peek() == '_')) pos++;
        if (start == pos) throw new ParseFailure();
        return src.substring(start, pos);
    }

    private boolean keyword(String k) {
        skipSpace();
        if (src.startsWith(k, pos) && (pos + k.length() >= src.length()
                || !Character.isLetterOrDigit(src.charAt(pos + k.length())))) {
            pos += k.length();
            return true;
        }
        return false;
    }

    private void expect(String s) {
        skipSpace();
        if (!src.startsWith(s, pos)) {
            throw new IllegalStateException("expected '" + s + "' at " + pos + " in: " + src);
        }
        pos += s.length();
    }
}
