package org.toy.runtime;

import java.util.Arrays;
import org.toy.ast.BinaryOp;
import org.toy.ast.CompareOp;

/** Python's list: a growable array (the VM appends and indexes it directly on its fast paths). */
public final class ToyList extends ToyObject {
    public static final ToyType TYPE = new ToyType("list", ToyType.OBJECT);

    public ToyObject[] items;
    public int size;

    public ToyList() { this.items = new ToyObject[4]; }

    /** Takes ownership of {@code items}. */
    public ToyList(ToyObject[] items) {
        this.items = items;
        this.size = items.length;
    }

    public static ToyList of(ToyObject... items) { return new ToyList(items); }

    public ToyObject get(int i) { return items[i]; }

    public void append(ToyObject v) {
        if (size == items.length) grow(size + 1);
        items[size++] = v;
    }

    private void grow(int needed) {
        items = Arrays.copyOf(items, Math.max(needed, Math.max(8, size + (size >> 1) + 1)));
    }

    /** A copy of the live items, e.g. for iteration that must not see later appends. */
    public ToyObject[] toArray() { return Arrays.copyOf(items, size); }

    /** {@code list.extend(iterable)}; extending a list by itself copies first. */
    public void extend(ToyObject iterable) {
        ToyObject[] more = iterable instanceof ToyList l ? l.items : Sequences.toArray(iterable);
        int count = iterable instanceof ToyList l ? l.size : more.length;
        if (size + count > items.length) grow(size + count);
        System.arraycopy(more, 0, items, size, count);
        size += count;
    }

    @Override public ToyType type() { return TYPE; }

    @Override public int len() { return size; }

    @Override public boolean isTrue() { return size != 0; }

    @Override public long hash() { throw Errors.unhashable(this); }

    @Override
    public String repr() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            if (i > 0) b.append(", ");
            b.append(Ops.repr(items[i]));
        }
        return b.append(']').toString();
    }

    @Override
    public boolean eq(ToyObject other) {
        if (!(other instanceof ToyList l) || l.size != size) return false;
        for (int i = 0; i < size; i++) {
            if (items[i] != l.items[i] && !Ops.eq(items[i], l.items[i])) return false;
        }
        return true;
    }

    @Override
    public ToyObject compare(CompareOp op, ToyObject other) {
        if (!(other instanceof ToyList l)) return NotImplemented.NOT_IMPLEMENTED;
        return Sequences.compare(op, items, size, l.items, l.size);
    }

    // ---- operators --------------------------------------------------------------------------

    @Override
    public ToyObject binary(BinaryOp op, ToyObject other) {
        if (op == BinaryOp.ADD && other instanceof ToyList l) {
            ToyObject[] out = Arrays.copyOf(items, size + l.size);
            System.arraycopy(l.items, 0, out, size, l.size);
            return new ToyList(out);
        }
        if (op == BinaryOp.MULTIPLY && other instanceof ToyInt n) return new ToyList(repeat(n));
        return NotImplemented.NOT_IMPLEMENTED;
    }

    @Override
    public ToyObject binaryReflected(BinaryOp op, ToyObject other) {
        if (op == BinaryOp.MULTIPLY && other instanceof ToyInt n) return new ToyList(repeat(n));
        return NotImplemented.NOT_IMPLEMENTED;
    }

    /** {@code +=} extends with any iterable; {@code *=} repeats in place. */
    @Override
    public ToyObject binaryInPlace(BinaryOp op, ToyObject other) {
        if (op == BinaryOp.ADD) {
            extend(other);
            return this;
        }
        if (op == BinaryOp.MULTIPLY && other instanceof ToyInt n) {
            ToyObject[] out = repeat(n);
            items = out.length == 0 ? new ToyObject[4] : out;
            size = out.length;
            return this;
        }
        return NotImplemented.NOT_IMPLEMENTED;
    }

    private ToyObject[] repeat(ToyInt n) {
        long count = Sequences.repeatCount(n, size);
        if (count <= 0 || size == 0) return new ToyObject[0];
        ToyObject[] out = new ToyObject[(int) count * size];
        for (int i = 0; i < count; i++) System.arraycopy(items, 0, out, i * size, size);
        return out;
    }

    // ---- items --------------------------------------------------------------------------------

    @Override
    public ToyObject getItem(ToyObject key) {
        if (key instanceof ToyInt i) return items[Slices.index(i, size, "list index out of range")];
        if (key instanceof ToySlice s) {
            Slices.Bounds b = Slices.adjust(s, size);
            if (b.step() == 1) return new ToyList(Arrays.copyOfRange(items, b.start(), b.start() + b.length()));
            ToyObject[] out = new ToyObject[b.length()];
            for (int k = 0, i = b.start(); k < out.length; k++, i += b.step()) out[k] = items[i];
            return new ToyList(out);
        }
        if (key instanceof ToyInstance) return getItem(key.index()); // a user class with __index__
        throw badIndex(key);
    }

    private static ToyError badIndex(ToyObject key) {
        return Errors.typeError("list indices must be integers or slices, not " + key.type().name());
    }

    @Override
    public void setItem(ToyObject key, ToyObject value) {
        if (key instanceof ToyInt i) {
            items[Slices.index(i, size, "list assignment index out of range")] = value;
            return;
        }
        if (!(key instanceof ToySlice s)) throw badIndex(key);
        ToyObject[] values;
        try {
            values = value == this ? toArray() : Sequences.toArray(value);
        } catch (ToyError e) {
            if (e.exception.isInstance(ExceptionTypes.TYPE_ERROR)) throw Errors.typeError("can only assign an iterable");
            throw e;
        }
        Slices.Bounds b = Slices.adjust(s, size);
        if (b.step() == 1) {
            // Replace [start, stop) (empty when stop < start) by the new items.
            int start = b.start(), stop = Math.max(b.start(), b.stop());
            int newSize = size - (stop - start) + values.length;
            ToyObject[] out = newSize > items.length ? new ToyObject[Math.max(newSize, 4)] : items;
            if (out != items) System.arraycopy(items, 0, out, 0, start);
            System.arraycopy(items, stop, out, start + values.length, size - stop);
            System.arraycopy(values, 0, out, start, values.length);
            for (int i = newSize; i < size; i++) out[i] = null; // let removed items be collected
            items = out;
            size = newSize;
            return;
        }
        if (values.length != b.length()) {
            throw Errors.valueError("attempt to assign sequence of size " + values.length
                    + " to extended slice of size " + b.length());
        }
        for (int k = 0, i = b.start(); k < values.length; k++, i += b.step()) items[i] = values[k];
    }

    @Override
    public void delItem(ToyObject key) {
        if (key instanceof ToyInt i) {
            removeAt(Slices.index(i, size, "list assignment index out of range"));
            return;
        }
        if (!(key instanceof ToySlice s)) throw badIndex(key);
        Slices.Bounds b = Slices.adjust(s, size);
        if (b.length() == 0) return;
        boolean[] doomed = new boolean[size];
        for (int k = 0, i = b.start(); k < b.length(); k++, i += b.step()) doomed[i] = true;
        int w = 0;
        for (int r = 0; r < size; r++) if (!doomed[r]) items[w++] = items[r];
        for (int i = w; i < size; i++) items[i] = null;
        size = w;
    }

    private ToyObject removeAt(int i) {
        ToyObject x = items[i];
        System.arraycopy(items, i + 1, items, i, size - i - 1);
        items[--size] = null;
        return x;
    }

    @Override
    public boolean contains(ToyObject item) {
        for (int i = 0; i < size; i++) if (items[i] == item || Ops.eq(items[i], item)) return true;
        return false;
    }

    @Override public ToyObject iter() { return new Iter(this); }

    /** {@code list_iterator}: reads the live list, so items appended during the loop are seen. */
    public static final class Iter extends ToyObject {
        public static final ToyType TYPE = new ToyType("list_iterator", ToyType.OBJECT);
        private ToyList list;
        private int index;

        public Iter(ToyList list) { this.list = list; }

        @Override public ToyType type() { return TYPE; }

        @Override public ToyObject iter() { return this; }

        @Override
        public ToyObject next() {
            if (list == null) return null;
            if (index < list.size) return list.items[index++];
            list = null; // once exhausted, stays exhausted
            return null;
        }
    }

    // ---- methods ------------------------------------------------------------------------------

    private static ToyList self(ToyObject[] args) { return (ToyList) args[0]; }

    /** The index of the first item equal to x in [from, to), or -1. */
    private int find(ToyObject x, int from, int to) {
        for (int i = from; i < Math.min(to, size); i++) if (items[i] == x || Ops.eq(items[i], x)) return i;
        return -1;
    }

    static {
        TYPE.setConstructor(Constructors::newList);
        TYPE.method("append", (ts, args, kw) -> {
            Args.one("list.append", args, kw, 1);
            self(args).append(args[1]);
            return ToyNone.NONE;
        });
        TYPE.method("extend", (ts, args, kw) -> {
            Args.one("list.extend", args, kw, 1);
            self(args).extend(args[1]);
            return ToyNone.NONE;
        });
        TYPE.method("insert", (ts, args, kw) -> {
            Args.noKeywords("insert", kw);
            int n = Args.positional(args, kw, 1);
            if (n != 2) throw Errors.typeError("insert expected 2 arguments, got " + n);
            ToyList l = self(args);
            long i = Args.toLong(args[1]);
            if (i < 0) i = Math.max(0, i + l.size);
            if (i > l.size) i = l.size;
            if (l.size == l.items.length) l.grow(l.size + 1);
            System.arraycopy(l.items, (int) i, l.items, (int) i + 1, l.size - (int) i);
            l.items[(int) i] = args[2];
            l.size++;
            return ToyNone.NONE;
        });
        TYPE.method("pop", (ts, args, kw) -> {
            int n = Args.range("pop", args, kw, 1, 0, 1);
            ToyList l = self(args);
            long i = n == 0 ? l.size - 1 : Args.toLong(args[1]); // a bad index type first, as in CPython
            if (l.size == 0) throw Errors.indexError("pop from empty list");
            if (i < 0) i += l.size;
            if (i < 0 || i >= l.size) throw Errors.indexError("pop index out of range");
            return l.removeAt((int) i);
        });
        TYPE.method("remove", (ts, args, kw) -> {
            Args.one("list.remove", args, kw, 1);
            ToyList l = self(args);
            int i = l.find(args[1], 0, l.size);
            if (i < 0) throw Errors.valueError("list.remove(x): x not in list");
            l.removeAt(i);
            return ToyNone.NONE;
        });
        TYPE.method("index", (ts, args, kw) -> {
            int n = Args.range("index", args, kw, 1, 1, 3);
            ToyList l = self(args);
            int from = n > 1 ? clampIndex(args[2], l.size) : 0;
            int to = n > 2 ? clampIndex(args[3], l.size) : l.size;
            int i = l.find(args[1], from, to);
            if (i < 0) throw Errors.valueError(Ops.repr(args[1]) + " is not in list");
            return ToyInt.of(i);
        });
        TYPE.method("count", (ts, args, kw) -> {
            Args.one("list.count", args, kw, 1);
            ToyList l = self(args);
            int count = 0;
            for (int i = 0; i < l.size; i++) if (l.items[i] == args[1] || Ops.eq(l.items[i], args[1])) count++;
            return ToyInt.of(count);
        });
        TYPE.method("sort", (ts, args, kw) -> {
            if (Args.positional(args, kw, 1) > 0) throw Errors.typeError("sort() takes no positional arguments");
            Args.onlyKeywords("sort", kw, "key", "reverse");
            ToyList l = self(args);
            ToyObject key = Args.keyword(args, kw, "key", ToyNone.NONE);
            boolean reverse = Args.keyword(args, kw, "reverse", ToyBool.FALSE).isTrue();
            // As CPython, the list looks empty while sorting, so a key or __lt__ that mutates it is caught.
            ToyObject[] saved = l.items;
            int n = l.size;
            l.items = new ToyObject[0];
            l.size = 0;
            try {
                Sorting.sort(ts, saved, n, key, reverse);
            } finally {
                boolean modified = l.size != 0 || l.items.length != 0;
                l.items = saved;
                l.size = n;
                if (modified) throw Errors.valueError("list modified during sort");
            }
            return ToyNone.NONE;
        });
        TYPE.method("reverse", (ts, args, kw) -> {
            Args.none("list.reverse", args, kw, 1);
            ToyList l = self(args);
            for (int i = 0, j = l.size - 1; i < j; i++, j--) {
                ToyObject t = l.items[i];
                l.items[i] = l.items[j];
                l.items[j] = t;
            }
            return ToyNone.NONE;
        });
        TYPE.method("copy", (ts, args, kw) -> {
            Args.none("list.copy", args, kw, 1);
            return new ToyList(self(args).toArray());
        });
        TYPE.method("clear", (ts, args, kw) -> {
            Args.none("list.clear", args, kw, 1);
            ToyList l = self(args);
            l.items = new ToyObject[4];
            l.size = 0;
            return ToyNone.NONE;
        });
    }

    /** A start/stop argument of index(): slice semantics, clamped to [0, length]. */
    static int clampIndex(ToyObject o, int length) {
        if (!(o instanceof ToyInt)) {
            throw Errors.typeError("slice indices must be integers or have an __index__ method");
        }
        long i = Slices.sliceIndex(o);
        if (i < 0) i = Math.max(0, i + length);
        return (int) Math.min(i, length);
    }
}
