package org.toy.runtime;

import org.toy.ast.BinaryOp;
import org.toy.ast.CompareOp;

/** Python's bytes: an immutable array of octets; indexing gives ints. */
public final class ToyBytes extends ToyObject {
    public static final ToyType TYPE = new ToyType("bytes", ToyType.OBJECT);
    public static final ToyBytes EMPTY = new ToyBytes(new byte[0]);

    /** The octets; never mutated after construction. */
    public final byte[] value;

    /** Takes ownership of {@code value}. */
    public ToyBytes(byte[] value) { this.value = value; }

    @Override public ToyType type() { return TYPE; }

    @Override public int len() { return value.length; }

    @Override public boolean isTrue() { return value.length != 0; }

    /** {@code b'ab\x00'}: single quotes unless the bytes hold a single quote and no double quote. */
    @Override
    public String repr() {
        boolean hasSingle = false, hasDouble = false;
        for (byte x : value) {
            if (x == '\'') hasSingle = true;
            if (x == '"') hasDouble = true;
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder b = new StringBuilder(value.length + 3).append('b').append(quote);
        for (byte x : value) {
            int c = x & 0xff;
            if (c == quote || c == '\\') b.append('\\').append((char) c);
            else if (c == '\t') b.append("\\t");
            else if (c == '\n') b.append("\\n");
            else if (c == '\r') b.append("\\r");
            else if (c < 0x20 || c >= 0x7f) b.append(String.format("\\x%02x", c));
            else b.append((char) c);
        }
        return b.append(quote).toString();
    }

    @Override
    public long hash() {
        // Python's bytes hash equals its str hash for ASCII, which Toy does not need: any consistent hash will do.
        long h = java.util.Arrays.hashCode(value);
        return h == -1 ? -2 : h;
    }

    @Override
    public boolean eq(ToyObject other) {
        return other instanceof ToyBytes b && java.util.Arrays.equals(value, b.value);
    }

    @Override
    public ToyObject compare(CompareOp op, ToyObject other) {
        if (!(other instanceof ToyBytes b)) return NotImplemented.NOT_IMPLEMENTED;
        return ToyBool.of(ToyInt.holds(op, Integer.signum(java.util.Arrays.compareUnsigned(value, b.value))));
    }

    @Override
    public ToyObject binary(BinaryOp op, ToyObject other) {
        if (op == BinaryOp.ADD && other instanceof ToyBytes b) {
            byte[] out = java.util.Arrays.copyOf(value, value.length + b.value.length);
            System.arraycopy(b.value, 0, out, value.length, b.value.length);
            return new ToyBytes(out);
        }
        if (op == BinaryOp.MULTIPLY && other instanceof ToyInt n) return repeat(n);
        return NotImplemented.NOT_IMPLEMENTED;
    }

    @Override
    public ToyObject binaryReflected(BinaryOp op, ToyObject other) {
        if (op == BinaryOp.MULTIPLY && other instanceof ToyInt n) return repeat(n);
        return NotImplemented.NOT_IMPLEMENTED;
    }

    private ToyBytes repeat(ToyInt n) {
        long count = Sequences.repeatCount(n, value.length);
        if (count <= 0) return EMPTY;
        byte[] out = new byte[(int) count * value.length];
        for (int i = 0; i < count; i++) System.arraycopy(value, 0, out, i * value.length, value.length);
        return new ToyBytes(out);
    }

    @Override
    public ToyObject getItem(ToyObject key) {
        if (key instanceof ToyInt i) return ToyInt.of(value[Slices.index(i, value.length, "index out of range")] & 0xff);
        if (key instanceof ToySlice s) {
            Slices.Bounds b = Slices.adjust(s, value.length);
            byte[] out = new byte[b.length()];
            for (int k = 0, i = b.start(); k < out.length; k++, i += b.step()) out[k] = value[i];
            return new ToyBytes(out);
        }
        throw Errors.typeError("byte indices must be integers or slices, not " + key.type().name());
    }

    @Override
    public boolean contains(ToyObject item) {
        if (item instanceof ToyInt i) {
            if (!i.isSmall() || i.value < 0 || i.value > 255) throw Errors.valueError("byte must be in range(0, 256)");
            for (byte x : value) if ((x & 0xff) == i.value) return true;
            return false;
        }
        if (item instanceof ToyBytes b) return indexOf(value, b.value, 0) >= 0;
        throw Errors.typeError("a bytes-like object is required, not '" + item.type().name() + "'");
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    @Override public ToyObject iter() { return new Iter(this); }

    /** {@code bytes_iterator}. */
    public static final class Iter extends ToyObject {
        public static final ToyType TYPE = new ToyType("bytes_iterator", ToyType.OBJECT);
        private final byte[] bytes;
        private int index;

        Iter(ToyBytes b) { this.bytes = b.value; }

        @Override public ToyType type() { return TYPE; }

        @Override public ToyObject iter() { return this; }

        @Override
        public ToyObject next() { return index < bytes.length ? ToyInt.of(bytes[index++] & 0xff) : null; }
    }

    private static ToyBytes self(ToyObject[] args) { return (ToyBytes) args[0]; }

    private static byte[] bytesArg(String fname, ToyObject o) {
        if (o instanceof ToyBytes b) return b.value;
        throw Errors.typeError("a bytes-like object is required, not '" + o.type().name() + "'");
    }

    static {
        TYPE.setConstructor(Constructors::newBytes);
        TYPE.method("decode", (ts, args, kw) -> {
            ToyObject[] p = Args.bind("decode", args, kw, 1, 0, "encoding", "errors");
            return ToyStr.of(Codecs.decode(self(args).value, p[0] == null ? "utf-8" : Args.str("decode", p[0]),
                    p[1] == null ? "strict" : Args.str("decode", p[1])));
        });
        TYPE.method("hex", (ts, args, kw) -> {
            Args.none("bytes.hex", args, kw, 1);
            StringBuilder b = new StringBuilder();
            for (byte x : self(args).value) b.append(String.format("%02x", x & 0xff));
            return ToyStr.of(b.toString());
        });
        TYPE.method("startswith", (ts, args, kw) -> {
            Args.one("startswith", args, kw, 1);
            byte[] v = self(args).value, p = bytesArg("startswith", args[1]);
            return ToyBool.of(v.length >= p.length && indexOf(java.util.Arrays.copyOf(v, p.length), p, 0) == 0);
        });
        TYPE.method("endswith", (ts, args, kw) -> {
            Args.one("endswith", args, kw, 1);
            byte[] v = self(args).value, p = bytesArg("endswith", args[1]);
            return ToyBool.of(v.length >= p.length
                    && java.util.Arrays.equals(v, v.length - p.length, v.length, p, 0, p.length));
        });
        TYPE.method("find", (ts, args, kw) -> {
            Args.one("find", args, kw, 1);
            return ToyInt.of(indexOf(self(args).value, bytesArg("find", args[1]), 0));
        });
        TYPE.method("count", (ts, args, kw) -> {
            Args.one("count", args, kw, 1);
            byte[] v = self(args).value, p = bytesArg("count", args[1]);
            if (p.length == 0) return ToyInt.of(v.length + 1);
            int n = 0;
            for (int at = indexOf(v, p, 0); at >= 0; at = indexOf(v, p, at + p.length)) n++;
            return ToyInt.of(n);
        });
        TYPE.method("join", (ts, args, kw) -> {
            Args.one("join", args, kw, 1);
            ToyObject[] items = Sequences.toArray(args[1]);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < items.length; i++) {
                if (!(items[i] instanceof ToyBytes b)) {
                    throw Errors.typeError("sequence item " + i + ": expected a bytes-like object, "
                            + items[i].type().name() + " found");
                }
                if (i > 0) out.writeBytes(self(args).value);
                out.writeBytes(b.value);
            }
            return new ToyBytes(out.toByteArray());
        });
        TYPE.method("upper", (ts, args, kw) -> {
            Args.none("bytes.upper", args, kw, 1);
            byte[] v = self(args).value.clone();
            for (int i = 0; i < v.length; i++) if (v[i] >= 'a' && v[i] <= 'z') v[i] -= 32;
            return new ToyBytes(v);
        });
        TYPE.method("lower", (ts, args, kw) -> {
            Args.none("bytes.lower", args, kw, 1);
            byte[] v = self(args).value.clone();
            for (int i = 0; i < v.length; i++) if (v[i] >= 'A' && v[i] <= 'Z') v[i] += 32;
            return new ToyBytes(v);
        });
    }
}
