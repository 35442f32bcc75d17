package org.toy.runtime;

import java.util.Iterator;
import java.util.Map;
import org.toy.ast.BinaryOp;

/** Python's dict: insertion-ordered, keyed by Python equality (through {@link ToyObject#equals}). */
public final class ToyDict extends ToyObject {
    public static final ToyType TYPE = new ToyType("dict", ToyType.OBJECT);

    public final DictMap map;

    public ToyDict() { this.map = new DictMap(); }

    /** A dict holding a copy of {@code contents}, in its order. */
    public ToyDict(Map<ToyObject, ToyObject> contents) { this.map = new DictMap(contents); }

    /** The value for key, or Java null. Raises TypeError for an unhashable key. */
    public ToyObject get(ToyObject key) { return map.get(key); }

    public void put(ToyObject key, ToyObject value) { map.put(key, value); }

    @Override public ToyType type() { return TYPE; }

    @Override public int len() { return map.size(); }

    @Override public boolean isTrue() { return !map.isEmpty(); }

    @Override public long hash() { throw Errors.unhashable(this); }

    @Override
    public String repr() {
        StringBuilder b = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<ToyObject, ToyObject> e : map.entrySet()) {
            if (!first) b.append(", ");
            first = false;
            b.append(Ops.repr(e.getKey())).append(": ").append(Ops.repr(e.getValue()));
        }
        return b.append('}').toString();
    }

    @Override
    public ToyObject getItem(ToyObject key) {
        ToyObject v = map.get(key);
        if (v == null) throw missing(key);
        return v;
    }

    /**
     * The KeyError for a missing key, unless the key is unhashable: Java's HashMap skips hashing
     * when the map is empty, but Python always hashes first ({@code {}[[1]]} is a TypeError).
     */
    static ToyError missing(ToyObject key) {
        key.hash();
        return Errors.keyError(key);
    }

    @Override public void setItem(ToyObject key, ToyObject value) { map.put(key, value); }

    @Override
    public void delItem(ToyObject key) {
        if (map.remove(key) == null) throw missing(key);
    }

    @Override
    public boolean contains(ToyObject key) {
        if (map.isEmpty()) key.hash(); // raises for an unhashable key, as Python does
        return map.containsKey(key);
    }

    @Override
    public boolean eq(ToyObject other) {
        return other instanceof ToyDict d && d.map.equals(map);
    }

    /** {@code d | other} makes a merged copy; {@code d |= other} updates in place. */
    @Override
    public ToyObject binary(BinaryOp op, ToyObject other) {
        if (op != BinaryOp.OR || !(other instanceof ToyDict d)) return NotImplemented.NOT_IMPLEMENTED;
        ToyDict out = new ToyDict(map);
        out.map.putAll(d.map);
        return out;
    }

    @Override
    public ToyObject binaryInPlace(BinaryOp op, ToyObject other) {
        if (op != BinaryOp.OR) return NotImplemented.NOT_IMPLEMENTED;
        update(other);
        return this;
    }

    @Override public ToyObject iter() { return new Iter(this, View.Kind.KEYS); }

    /**
     * {@code dict.update(other)}: another dict, an object with {@code keys()}, or an iterable of
     * pairs, with CPython's errors for malformed pairs.
     */
    public void update(ToyObject other) {
        if (other instanceof ToyDict d) {
            map.putAll(d.map);
            return;
        }
        if (!(other instanceof ToyList || other instanceof ToyTuple) && other.type().lookup("keys") != null) {
            ToyObject keys = other.getAttr("keys").call(null, NO_ARGS, NO_KEYWORDS);
            ToyObject it = keys.iter();
            for (ToyObject k = it.next(); k != null; k = it.next()) map.put(k, other.getItem(k));
            return;
        }
        ToyObject it = other.iter();
        int index = 0;
        for (ToyObject pair = it.next(); pair != null; pair = it.next(), index++) {
            ToyObject[] kv;
            try {
                kv = Sequences.toArray(pair);
            } catch (ToyError e) {
                if (!e.exception.isInstance(ExceptionTypes.TYPE_ERROR)) throw e;
                throw Errors.typeError("cannot convert dictionary update sequence element #" + index + " to a sequence");
            }
            if (kv.length != 2) {
                throw Errors.valueError("dictionary update sequence element #" + index + " has length "
                        + kv.length + "; 2 is required");
            }
            map.put(kv[0], kv[1]);
        }
    }

    // ---- iteration and views ----------------------------------------------------------------

    /** {@code dict_keyiterator} and friends; changing the dict's size while iterating is an error, as in CPython. */
    public static final class Iter extends ToyObject {
        private static final ToyType KEY_TYPE = new ToyType("dict_keyiterator", ToyType.OBJECT);
        private static final ToyType VALUE_TYPE = new ToyType("dict_valueiterator", ToyType.OBJECT);
        private static final ToyType ITEM_TYPE = new ToyType("dict_itemiterator", ToyType.OBJECT);

        private final ToyDict dict;
        private final View.Kind kind;
        private final Iterator<Map.Entry<ToyObject, ToyObject>> entries;
        private final int size;

        Iter(ToyDict dict, View.Kind kind) {
            this.dict = dict;
            this.kind = kind;
            this.entries = dict.map.entrySet().iterator();
            this.size = dict.map.size();
        }

        @Override
        public ToyType type() {
            return kind == View.Kind.KEYS ? KEY_TYPE : kind == View.Kind.VALUES ? VALUE_TYPE : ITEM_TYPE;
        }

        @Override public ToyObject iter() { return this; }

        @Override
        public ToyObject next() {
            if (dict.map.size() != size) throw Errors.runtimeError("dictionary changed size during iteration");
            Map.Entry<ToyObject, ToyObject> e;
            try {
                if (!entries.hasNext()) return null;
                e = entries.next();
            } catch (java.util.ConcurrentModificationException ex) {
                throw Errors.runtimeError("dictionary keys changed during iteration");
            }
            switch (kind) {
                case KEYS: return e.getKey();
                case VALUES: return e.getValue();
                default: return ToyTuple.of(e.getKey(), e.getValue());
            }
        }
    }

    /** {@code dict_keys}, {@code dict_values}, {@code dict_items}: live views of the dict. */
    public static final class View extends ToyObject {
        enum Kind { KEYS, VALUES, ITEMS }

        private static final ToyType KEYS_TYPE = new ToyType("dict_keys", ToyType.OBJECT);
        private static final ToyType VALUES_TYPE = new ToyType("dict_values", ToyType.OBJECT);
        private static final ToyType ITEMS_TYPE = new ToyType("dict_items", ToyType.OBJECT);

        private final ToyDict dict;
        private final Kind kind;

        View(ToyDict dict, Kind kind) {
            this.dict = dict;
            this.kind = kind;
        }

        @Override
        public ToyType type() { return kind == Kind.KEYS ? KEYS_TYPE : kind == Kind.VALUES ? VALUES_TYPE : ITEMS_TYPE; }

        @Override public int len() { return dict.map.size(); }

        @Override public boolean isTrue() { return !dict.map.isEmpty(); }

        @Override public ToyObject iter() { return new Iter(dict, kind); }

        @Override
        public boolean contains(ToyObject item) {
            switch (kind) {
                case KEYS: return dict.map.containsKey(item);
                case ITEMS: {
                    if (!(item instanceof ToyTuple t) || t.items.length != 2) return false;
                    ToyObject v = dict.map.get(t.items[0]);
                    return v != null && (v == t.items[1] || Ops.eq(v, t.items[1]));
                }
                default: return super.contains(item);
            }
        }

        @Override
        public String repr() {
            StringBuilder b = new StringBuilder(type().name()).append("([");
            ToyObject it = iter();
            boolean first = true;
            for (ToyObject x = it.next(); x != null; x = it.next()) {
                if (!first) b.append(", ");
                first = false;
                b.append(Ops.repr(x));
            }
            return b.append("])").toString();
        }

        /** Keys and items views combine with any iterable as sets do. */
        @Override
        public ToyObject binary(BinaryOp op, ToyObject other) {
            if (kind == Kind.VALUES) return NotImplemented.NOT_IMPLEMENTED;
            switch (op) {
                case AND, OR, SUBTRACT, XOR:
                    return ToySet.fromIterable(this, false).binary(op, ToySet.fromIterable(other, false));
                default: return NotImplemented.NOT_IMPLEMENTED;
            }
        }

        @Override
        public boolean eq(ToyObject other) {
            if (kind == Kind.VALUES) return this == other;
            if (other instanceof View v && v.kind != Kind.VALUES || other instanceof ToySet) {
                return ToySet.fromIterable(this, false).eq(other instanceof ToySet ? other
                        : ToySet.fromIterable(other, false));
            }
            return false;
        }
    }

    // ---- methods ------------------------------------------------------------------------------

    private static ToyDict self(ToyObject[] args) { return (ToyDict) args[0]; }

    static {
        TYPE.setConstructor(Constructors::newDict);
        TYPE.method("keys", (ts, args, kw) -> {
            Args.none("dict.keys", args, kw, 1);
            return new View(self(args), View.Kind.KEYS);
        });
        TYPE.method("values", (ts, args, kw) -> {
            Args.none("dict.values", args, kw, 1);
            return new View(self(args), View.Kind.VALUES);
        });
        TYPE.method("items", (ts, args, kw) -> {
            Args.none("dict.items", args, kw, 1);
            return new View(self(args), View.Kind.ITEMS);
        });
        TYPE.method("get", (ts, args, kw) -> {
            int n = Args.range("get", args, kw, 1, 1, 2);
            ToyObject v = self(args).map.get(args[1]);
            if (v == null) args[1].hash(); // unhashable keys raise even on an empty dict
            return v != null ? v : n == 2 ? args[2] : ToyNone.NONE;
        });
        TYPE.method("setdefault", (ts, args, kw) -> {
            int n = Args.range("setdefault", args, kw, 1, 1, 2);
            ToyObject v = self(args).map.get(args[1]);
            if (v != null) return v;
            ToyObject dflt = n == 2 ? args[2] : ToyNone.NONE;
            self(args).map.put(args[1], dflt);
            return dflt;
        });
        TYPE.method("pop", (ts, args, kw) -> {
            int n = Args.range("pop", args, kw, 1, 1, 2);
            ToyObject v = self(args).map.remove(args[1]);
            if (v != null) return v;
            if (n == 2) return args[2];
            throw missing(args[1]);
        });
        TYPE.method("popitem", (ts, args, kw) -> {
            Args.none("dict.popitem", args, kw, 1);
            ToyDict d = self(args);
            if (d.map.isEmpty()) throw Errors.keyError(ToyStr.of("popitem(): dictionary is empty"));
            // LIFO order: the most recently inserted pair (Java 17's LinkedHashMap has no lastEntry).
            Map.Entry<ToyObject, ToyObject> last = null;
            for (Map.Entry<ToyObject, ToyObject> e : d.map.entrySet()) last = e;
            d.map.remove(last.getKey());
            return ToyTuple.of(last.getKey(), last.getValue());
        });
        TYPE.method("update", (ts, args, kw) -> {
            int n = Args.positional(args, kw, 1);
            if (n > 1) throw Errors.typeError("update expected at most 1 argument, got " + n);
            ToyDict d = self(args);
            if (n == 1) d.update(args[1]);
            int base = args.length - kw.length;
            for (int i = 0; i < kw.length; i++) d.map.put(ToyStr.of(kw[i]), args[base + i]);
            return ToyNone.NONE;
        });
        TYPE.method("copy", (ts, args, kw) -> {
            Args.none("dict.copy", args, kw, 1);
            return new ToyDict(self(args).map);
        });
        TYPE.method("clear", (ts, args, kw) -> {
            Args.none("dict.clear", args, kw, 1);
            self(args).map.clear();
            return ToyNone.NONE;
        });
        // A class method in CPython; here a plain function found on the type (and on instances).
        TYPE.dict().put("fromkeys", BuiltinFunction.function("fromkeys", (ts, args, kw) -> {
            int n = Args.range("fromkeys", args, kw, 0, 1, 2);
            ToyObject value = n == 2 ? args[1] : ToyNone.NONE;
            ToyDict d = new ToyDict();
            ToyObject it = args[0].iter();
            for (ToyObject k = it.next(); k != null; k = it.next()) d.map.put(k, value);
            return d;
        }));
    }
}
