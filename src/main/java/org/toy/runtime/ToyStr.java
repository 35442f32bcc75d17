package org.toy.runtime;

import org.toy.ast.BinaryOp;
import org.toy.ast.CompareOp;

/**
 * Python's str, over a Java String (indices are UTF-16 units: characters outside the BMP count
 * twice). The methods are registered by {@link StrMethods}; {@code %} is {@link PercentFormat}
 * and {@code str.format} is {@link StrFormat}.
 */
public final class ToyStr extends ToyObject {
    public static final ToyType TYPE = new ToyType("str", ToyType.OBJECT);
    public static final ToyStr EMPTY = new ToyStr("");

    /** One-character strings for Latin-1, shared as CPython shares them (indexing and iteration make many). */
    private static final ToyStr[] CHARS = new ToyStr[256];

    static {
        for (int i = 0; i < CHARS.length; i++) CHARS[i] = new ToyStr(String.valueOf((char) i));
        TYPE.setConstructor(Constructors::newStr);
        StrMethods.register(TYPE);
    }

    public final String value;

    public ToyStr(String value) { this.value = value; }

    public static ToyStr of(String s) { return s.isEmpty() ? EMPTY : new ToyStr(s); }

    /**
     * Identifiers (global, attribute and module names) are interned, as CPython interns them: a
     * name stored by one code object and looked up by another is then the same key object, and
     * the dict lookup succeeds on identity without comparing characters. The table only grows by
     * the names that appear in programs and built-in modules, and holds immutable values.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, ToyStr> INTERNED =
            new java.util.concurrent.ConcurrentHashMap<>();

    public static ToyStr intern(String s) {
        ToyStr t = INTERNED.get(s);
        return t != null ? t : INTERNED.computeIfAbsent(s, ToyStr::new);
    }

    /** The one-character string {@code c}. */
    public static ToyStr of(char c) { return c < 256 ? CHARS[c] : new ToyStr(String.valueOf(c)); }

    @Override public ToyType type() { return TYPE; }

    @Override public String str() { return value; }

    @Override public String repr() { return Strings.repr(value); }

    @Override public String format(String spec) { return Formatter.formatStr(value, FormatSpec.parse(spec, this)); }

    @Override public boolean isTrue() { return !value.isEmpty(); }

    @Override public int len() { return value.length(); }

    /** Python randomises str hashes, so any hash consistent with equality serves; -1 is reserved. */
    @Override
    public long hash() {
        int h = value.hashCode();
        return h == -1 ? -2 : h;
    }

    @Override public boolean eq(ToyObject other) { return other instanceof ToyStr s && s.value.equals(value); }

    @Override
    public ToyObject compare(CompareOp op, ToyObject other) {
        if (!(other instanceof ToyStr s)) return NotImplemented.NOT_IMPLEMENTED;
        return ToyBool.of(ToyInt.holds(op, Strings.compare(value, s.value)));
    }

    @Override
    public ToyObject binary(BinaryOp op, ToyObject other) {
        switch (op) {
            case ADD:
                if (other instanceof ToyStr s) return s.value.isEmpty() ? this : of(value.concat(s.value));
                break;
            case MULTIPLY:
                if (other instanceof ToyInt n) return repeat(n);
                break;
            case REMAINDER:
                return of(PercentFormat.format(value, other));
            default:
        }
        return NotImplemented.NOT_IMPLEMENTED;
    }

    @Override
    public ToyObject binaryReflected(BinaryOp op, ToyObject other) {
        if (op == BinaryOp.MULTIPLY && other instanceof ToyInt n) return repeat(n);
        return NotImplemented.NOT_IMPLEMENTED;
    }

    private ToyStr repeat(ToyInt n) {
        long count = Sequences.repeatCount(n, value.length());
        if (count <= 0 || value.isEmpty()) return EMPTY;
        return count == 1 ? this : of(value.repeat((int) count));
    }

    @Override
    public ToyObject getItem(ToyObject key) {
        if (key instanceof ToyInt i) return of(value.charAt(Slices.index(i, value.length(), "string index out of range")));
        if (key instanceof ToySlice s) {
            Slices.Bounds b = Slices.adjust(s, value.length());
            if (b.step() == 1) return of(value.substring(b.start(), b.start() + b.length()));
            char[] out = new char[b.length()];
            for (int k = 0, i = b.start(); k < out.length; k++, i += b.step()) out[k] = value.charAt(i);
            return of(new String(out));
        }
        if (key instanceof ToyInstance) return getItem(key.index()); // a user class with __index__
        throw Errors.typeError("string indices must be integers, not '" + key.type().name() + "'");
    }

    @Override
    public boolean contains(ToyObject item) {
        if (!(item instanceof ToyStr s)) {
            throw Errors.typeError("'in <string>' requires string as left operand, not " + item.type().name());
        }
        return value.contains(s.value);
    }

    @Override public ToyObject iter() { return new Iter(this); }

    /** {@code str_ascii_iterator} (or {@code str_iterator} for other text, as CPython 3.11 names them). */
    public static final class Iter extends ToyObject {
        public static final ToyType ASCII_TYPE = new ToyType("str_ascii_iterator", ToyType.OBJECT);
        public static final ToyType TYPE = new ToyType("str_iterator", ToyType.OBJECT);
        private final String s;
        private int index;

        Iter(ToyStr s) { this.s = s.value; }

        @Override
        public ToyType type() {
            for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return TYPE;
            return ASCII_TYPE;
        }

        @Override public ToyObject iter() { return this; }

        @Override
        public ToyObject next() {
            if (index >= s.length()) return null;
            return of(s.charAt(index++));
        }
    }
}
