package org.toy.runtime;

import org.toy.vm.ThreadState;

/**
 * What calling a built-in type does, {@code int("12", 16)} and friends, with CPython's
 * conversions and messages. Each type registers its constructor here in its static initialiser.
 */
final class Constructors {
    private Constructors() {}

    static ToyObject newInt(ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        ToyObject[] p = Args.bind("int", args, kw, 0, 0, "x", "base");
        if (p[0] == null) {
            if (p[1] != null) throw Errors.typeError("int() missing string argument");
            return ToyInt.of(0);
        }
        ToyObject x = p[0];
        if (p[1] != null) {
            int base = (int) Math.max(Math.min(Args.toLong(p[1]), Integer.MAX_VALUE), Integer.MIN_VALUE);
            if (x instanceof ToyStr s) return Numbers.parseInt(s.value, base);
            if (x instanceof ToyBytes b) return Numbers.parseInt(new String(b.value, java.nio.charset.StandardCharsets.ISO_8859_1), base);
            throw Errors.typeError("int() can't convert non-string with explicit base");
        }
        if (x instanceof ToyBool b) return ToyInt.of(b.value);
        if (x instanceof ToyInt i) return i;
        if (x instanceof ToyFloat f) return Numbers.floatToInt(f.value);
        if (x instanceof ToyStr s) return Numbers.parseInt(s.value, 10);
        if (x instanceof ToyBytes b) return Numbers.parseInt(new String(b.value, java.nio.charset.StandardCharsets.ISO_8859_1), 10);
        ToyObject method = x.type().lookup("__int__");
        if (method == null) method = x.type().lookup("__index__");
        if (method != null) return ts.call(method, x).index();
        throw Errors.typeError("int() argument must be a string, a bytes-like object or a real number, not '"
                + x.type().name() + "'");
    }

    static ToyObject newFloat(ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        Args.noKeywords("float", kw);
        int n = Args.range("float", args, kw, 0, 0, 1);
        if (n == 0) return ToyFloat.of(0.0);
        ToyObject x = args[0];
        if (x instanceof ToyFloat) return x;
        if (x instanceof ToyInt i) return ToyFloat.of(IntMath.toDouble(i));
        if (x instanceof ToyStr s) return ToyFloat.of(Numbers.parseFloat(s.value));
        ToyObject method = x.type().lookup("__float__");
        if (method != null) return ts.call(method, x);
        throw Errors.typeError("float() argument must be a string or a real number, not '" + x.type().name() + "'");
    }

    static ToyObject newStr(ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        if (args.length == 1 && kw.length == 0) { // str(x), by far the commonest call
            return args[0] instanceof ToyStr ? args[0] : ToyStr.of(args[0].str());
        }
        ToyObject[] p = Args.bind("str", args, kw, 0, 0, "object", "encoding", "errors");
        if (p[0] == null) return ToyStr.EMPTY;
        if (p[1] == null && p[2] == null) return p[0] instanceof ToyStr ? p[0] : ToyStr.of(p[0].str());
        if (!(p[0] instanceof ToyBytes b)) {
            throw Errors.typeError("decoding to str: need a bytes-like object, " + p[0].type().name() + " found");
        }
        return ToyStr.of(Codecs.decode(b.value, p[1] == null ? "utf-8" : Args.str("str", p[1]),
                p[2] == null ? "strict" : Args.str("str", p[2])));
    }

    static ToyObject newBytes(ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        ToyObject[] p = Args.bind("bytes", args, kw, 0, 0, "source", "encoding", "errors");
        ToyObject src = p[0];
        if (src == null) return ToyBytes.EMPTY;
        if (src instanceof ToyStr s) {
            if (p[1] == null) throw Errors.typeError("string argument without an encoding");
            return new ToyBytes(Codecs.encode(s.value, Args.str("bytes", p[1]), p[2] == null ? "strict" : p[2].str()));
        }
        if (p[1] != null) throw Errors.typeError("encoding without a string argument");
        if (src instanceof ToyBytes) return src;
        if (src instanceof ToyInt n) {
            long size = Args.toLong(n);
            if (size < 0) throw Errors.valueError("negative count");
            return new ToyBytes(new byte[(int) size]);
        }
        ToyObject[] items;
        try {
            items = Sequences.toArray(src);
        } catch (ToyError e) {
            if (!e.exception.isInstance(ExceptionTypes.TYPE_ERROR)) throw e;
            throw Errors.typeError("cannot convert '" + src.type().name() + "' object to bytes");
        }
        byte[] out = new byte[items.length];
        for (int i = 0; i < items.length; i++) {
            long v = Args.toLong(items[i]);
            if (v < 0 || v > 255) throw Errors.valueError("bytes must be in range(0, 256)");
            out[i] = (byte) v;
        }
        return new ToyBytes(out);
    }

    static ToyObject newList(ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        Args.noKeywords("list", kw);
        int n = Args.range("list", args, kw, 0, 0, 1);
        return n == 0 ? new ToyList() : new ToyList(Sequences.toArray(args[0]));
    }

    static ToyObject newTuple(ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        Args.noKeywords("tuple", kw);
        int n = Args.range("tuple", args, kw, 0, 0, 1);
        if (n == 0) return ToyTuple.EMPTY;
        if (args[0] instanceof ToyTuple) return args[0];
        return ToyTuple.of(Sequences.toArray(args[0]));
    }

    static ToyObject newDict(ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        int n = Args.positional(args, kw, 0);
        if (n > 1) throw Errors.typeError("dict expected at most 1 argument, got " + n);
        ToyDict d = new ToyDict();
        if (n == 1) d.update(args[0]);
        int base = args.length - kw.length;
        for (int i = 0; i < kw.length; i++) d.put(ToyStr.of(kw[i]), args[base + i]);
        return d;
    }

    static ToyObject newSet(ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        Args.noKeywords("set", kw);
        int n = Args.range("set", args, kw, 0, 0, 1);
        return n == 0 ? new ToySet(false) : ToySet.fromIterable(args[0], false);
    }

    static ToyObject newFrozenSet(ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        Args.noKeywords("frozenset", kw);
        int n = Args.range("frozenset", args, kw, 0, 0, 1);
        if (n == 1 && args[0] instanceof ToySet s && s.frozen) return s;
        return n == 0 ? new ToySet(true) : ToySet.fromIterable(args[0], true);
    }

    static ToyObject newRange(ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        Args.noKeywords("range", kw);
        int n = Args.positional(args, kw, 0);
        if (n == 0) throw Errors.typeError("range expected at least 1 argument, got 0");
        if (n > 3) throw Errors.typeError("range expected at most 3 arguments, got " + n);
        if (n == 1) return BigRange.of(ToyInt.of(0), rangeArg(args[0]), ToyInt.of(1));
        return BigRange.of(rangeArg(args[0]), rangeArg(args[1]), n == 3 ? rangeArg(args[2]) : ToyInt.of(1));
    }

    private static ToyInt rangeArg(ToyObject o) {
        if (!(o instanceof ToyInt) && !(o instanceof ToyInstance)) {
            throw Errors.typeError("'" + o.type().name() + "' object cannot be interpreted as an integer");
        }
        return o.index();
    }

    static ToyObject newObject(ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        if (args.length > 0) throw Errors.typeError("object() takes no arguments");
        return new PlainObject();
    }

    /** {@code type(x)} answers x's type; {@code type(name, bases, ns)} makes a class, as {@code class} does. */
    static ToyObject newType(ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        if (args.length == 1 && kw.length == 0) return args[0].type();
        if (args.length == 3 && kw.length == 0) return newClass(ts, args);
        throw Errors.typeError("type() takes 1 or 3 arguments");
    }

    /** {@code type("Point", (object,), {"x": 0})}: the class belongs to the calling frame's module. */
    private static ToyObject newClass(ThreadState ts, ToyObject[] args) {
        if (!(args[0] instanceof ToyStr name)) {
            throw Errors.typeError("type.__new__() argument 1 must be str, not " + args[0].type().name());
        }
        if (!(args[1] instanceof ToyTuple bases)) {
            throw Errors.typeError("type.__new__() argument 2 must be tuple, not " + args[1].type().name());
        }
        if (!(args[2] instanceof ToyDict ns)) {
            throw Errors.typeError("type.__new__() argument 3 must be dict, not " + args[2].type().name());
        }
        org.toy.vm.Frame caller = ts.callerFrame();
        ToyObject module = caller == null ? null : caller.globals.get(ToyStr.intern("__name__"));
        return ClassFactory.create(name.value, bases.items, new ToyDict(ns.map),
                module == null ? "builtins" : module.str());
    }
}
