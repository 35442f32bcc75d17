package org.toy.runtime;

import org.toy.ast.BinaryOp;
import org.toy.ast.CompareOp;

/**
 * Python's set and frozenset: one class, with {@link #frozen} choosing the type. The table is
 * {@link SetTable}, CPython's own algorithm, and each operation follows the matching function of
 * {@code setobject.c} (which operand is iterated, when the result is copied), because those
 * choices decide the iteration order that programs print.
 */
public final class ToySet extends ToyObject implements Ops.ToySetLike {
    public static final ToyType SET_TYPE = new ToyType("set", ToyType.OBJECT);
    public static final ToyType FROZENSET_TYPE = new ToyType("frozenset", ToyType.OBJECT);

    public final boolean frozen;
    final SetTable table = new SetTable();

    public ToySet(boolean frozen) { this.frozen = frozen; }

    /** An empty mutable set ({@code set()}, or the VM's BUILD_SET before adding). */
    public ToySet() { this(false); }

    /** {@code set(iterable)} / {@code frozenset(iterable)} (set_update_internal on a new set). */
    public static ToySet fromIterable(ToyObject iterable, boolean frozen) {
        ToySet s = new ToySet(frozen);
        s.update(iterable);
        return s;
    }

    /**
     * A set display whose items are all constants, {@code {3, 1, 2}}, built the way CPython 3.11
     * builds it, so that it prints in the same order: the compiler folds three or more constant
     * items into a frozenset, the constant merger rebuilds that frozenset from its own iteration
     * order, and BUILD_SET + SET_UPDATE copies it into a new set. The VM should use this for
     * BUILD_SET of more than two constants, and {@link #add} for other displays.
     */
    public static ToySet fromConstants(ToyObject[] items) {
        ToySet folded = new ToySet(true);
        for (ToyObject x : items) folded.add(x);
        ToySet merged = new ToySet(true);
        for (ToyObject x : folded.toArray()) merged.add(x);
        ToySet result = new ToySet(false);
        result.table.merge(merged.table);
        return result;
    }

    @Override public ToyType type() { return frozen ? FROZENSET_TYPE : SET_TYPE; }

    @Override public int len() { return table.used; }

    @Override public boolean isTrue() { return table.used != 0; }

    /** The hash used to store key: a set key is looked up as the equal frozenset, as CPython does. */
    private static long hashOf(ToyObject key) { return key.hash(); }

    private static ToyObject asKey(ToyObject key) {
        return key instanceof ToySet s && !s.frozen ? s.copy(true) : key;
    }

    public void add(ToyObject key) { table.add(key, hashOf(key)); }

    @Override
    public boolean contains(ToyObject key) {
        key = asKey(key);
        return table.find(key, hashOf(key)) >= 0;
    }

    public boolean discard(ToyObject key) {
        key = asKey(key);
        return table.discard(key, hashOf(key));
    }

    /** {@code set.update(iterable)}. */
    public void update(ToyObject other) {
        if (other instanceof ToySet s) {
            table.merge(s.table);
            return;
        }
        if (other instanceof ToyDict d) {
            int size = d.map.size();
            if ((long) (table.fill + size) * 5 >= (long) table.mask * 3) table.resize((table.used + size) * 2);
            for (ToyObject k : d.map.keySet()) table.add(k, k.hash());
            return;
        }
        ToyObject it = other.iter();
        for (ToyObject k = it.next(); k != null; k = it.next()) add(k);
    }

    /** A copy with the same or the other frozenness (make_new_set from a set). */
    public ToySet copy(boolean asFrozen) {
        ToySet s = new ToySet(asFrozen);
        s.table.merge(table);
        return s;
    }

    /** The live keys in table order. */
    public ToyObject[] toArray() {
        ToyObject[] out = new ToyObject[table.used];
        int n = 0;
        for (int i = 0; i <= table.mask; i++) if (table.active(i)) out[n++] = table.keys[i];
        return out;
    }

    // ---- the algebra, after setobject.c -----------------------------------------------------

    /** set_intersection: iterate the smaller set and keep what the larger contains. */
    ToySet intersection(ToyObject other) {
        if (other == this) return copy(frozen);
        ToySet result = new ToySet(frozen);
        if (other instanceof ToySet o) {
            SetTable small = table, large = o.table;
            if (o.table.used > table.used) {
                small = o.table;
                large = table;
            }
            for (int i = 0; i <= small.mask; i++) {
                if (small.active(i) && large.find(small.keys[i], small.hashes[i]) >= 0) {
                    result.table.add(small.keys[i], small.hashes[i]);
                }
            }
            return result;
        }
        ToyObject it = other.iter();
        for (ToyObject k = it.next(); k != null; k = it.next()) {
            long h = k.hash();
            if (table.find(k, h) >= 0) result.table.add(k, h);
        }
        return result;
    }

    /** set_difference: iterate this set keeping what other lacks, or copy and remove when this is much bigger. */
    ToySet difference(ToyObject other) {
        int otherSize;
        if (other instanceof ToySet o) otherSize = o.table.used;
        else if (other instanceof ToyDict d) otherSize = d.map.size();
        else return copyAndRemove(other);
        if ((table.used >> 2) > otherSize) return copyAndRemove(other);
        ToySet result = new ToySet(frozen);
        for (int i = 0; i <= table.mask; i++) {
            if (!table.active(i)) continue;
            ToyObject k = table.keys[i];
            boolean inOther = other instanceof ToySet o ? o.table.find(k, table.hashes[i]) >= 0 : other.contains(k);
            if (!inOther) result.table.add(k, table.hashes[i]);
        }
        return result;
    }

    private ToySet copyAndRemove(ToyObject other) {
        ToySet result = copy(frozen);
        result.differenceUpdate(other);
        return result;
    }

    /** set_difference_update_internal. */
    void differenceUpdate(ToyObject other) {
        if (other == this) {
            table.clear();
            return;
        }
        if (other instanceof ToySet o) {
            // When other is much larger, only the common keys matter.
            ToySet source = (o.table.used >> 3) > table.used ? intersection(o) : o;
            SetTable t = source.table;
            for (int i = 0; i <= t.mask; i++) if (t.active(i)) table.discard(t.keys[i], t.hashes[i]);
        } else {
            ToyObject it = other.iter();
            for (ToyObject k = it.next(); k != null; k = it.next()) discard(k);
        }
        // More than a quarter dummies: rebuild.
        if (table.fill - table.used > table.mask / 4) {
            table.resize(table.used > 50000 ? table.used * 2 : table.used * 4);
        }
    }

    /** set_symmetric_difference_update. */
    void symmetricDifferenceUpdate(ToyObject other) {
        if (other == this) {
            table.clear();
            return;
        }
        ToySet o = other instanceof ToySet s ? s : fromIterable(other, false);
        SetTable t = o.table;
        for (int i = 0; i <= t.mask; i++) {
            if (t.active(i) && !table.discard(t.keys[i], t.hashes[i])) table.add(t.keys[i], t.hashes[i]);
        }
    }

    /** set_symmetric_difference: a copy of other, updated by this set. */
    ToySet symmetricDifference(ToyObject other) {
        ToySet result = fromIterable(other, frozen);
        result.symmetricDifferenceUpdate(this);
        return result;
    }

    ToySet union(ToyObject other) {
        ToySet result = copy(frozen);
        if (other != this) result.update(other);
        return result;
    }

    boolean isSubset(ToySet other) {
        if (table.used > other.table.used) return false;
        for (int i = 0; i <= table.mask; i++) {
            if (table.active(i) && other.table.find(table.keys[i], table.hashes[i]) < 0) return false;
        }
        return true;
    }

    // ---- the object protocol ----------------------------------------------------------------

    @Override
    public ToyObject binary(BinaryOp op, ToyObject other) {
        if (!(other instanceof ToySet)) return NotImplemented.NOT_IMPLEMENTED;
        switch (op) {
            case OR: return union(other);
            case AND: return intersection(other);
            case SUBTRACT: return difference(other);
            case XOR: return symmetricDifference(other);
            default: return NotImplemented.NOT_IMPLEMENTED;
        }
    }

    @Override
    public ToyObject binaryInPlace(BinaryOp op, ToyObject other) {
        if (frozen || !(other instanceof ToySet)) return NotImplemented.NOT_IMPLEMENTED;
        switch (op) {
            case OR: update(other); return this;
            case AND: table.takeFrom(intersection(other).table); return this;
            case SUBTRACT: differenceUpdate(other); return this;
            case XOR: symmetricDifferenceUpdate(other); return this;
            default: return NotImplemented.NOT_IMPLEMENTED;
        }
    }

    @Override
    public ToyObject compare(CompareOp op, ToyObject other) {
        if (!(other instanceof ToySet o)) return NotImplemented.NOT_IMPLEMENTED;
        int a = table.used, b = o.table.used;
        switch (op) {
            case EQ: return ToyBool.of(a == b && isSubset(o));
            case NE: return ToyBool.of(!(a == b && isSubset(o)));
            case LE: return ToyBool.of(isSubset(o));
            case GE: return ToyBool.of(o.isSubset(this));
            case LT: return ToyBool.of(a < b && isSubset(o));
            case GT: return ToyBool.of(a > b && o.isSubset(this));
            default: return NotImplemented.NOT_IMPLEMENTED;
        }
    }

    @Override
    public boolean eq(ToyObject other) {
        return other instanceof ToySet o && o.table.used == table.used && isSubset(o);
    }

    /** frozenset_hash: an order-independent mix of the entries' hashes; a mutable set is unhashable. */
    @Override
    public long hash() {
        if (!frozen) throw Errors.unhashable(this);
        long h = 0;
        for (int i = 0; i <= table.mask; i++) if (table.active(i)) h ^= shuffleBits(table.hashes[i]);
        h ^= ((long) table.used + 1) * 1927868237L;
        h ^= (h >>> 11) ^ (h >>> 25);
        h = h * 69069L + 907133923L;
        return h == -1 ? 590923713L : h;
    }

    private static long shuffleBits(long h) {
        return ((h ^ 89869747L) ^ (h << 16)) * 3644798167L;
    }

    @Override
    public String repr() {
        String name = type().name();
        if (table.used == 0) return name + "()";
        StringBuilder b = new StringBuilder();
        if (frozen) b.append(name).append('(');
        b.append('{');
        boolean first = true;
        for (int i = 0; i <= table.mask; i++) {
            if (!table.active(i)) continue;
            if (!first) b.append(", ");
            first = false;
            b.append(Ops.repr(table.keys[i]));
        }
        b.append('}');
        if (frozen) b.append(')');
        return b.toString();
    }

    @Override public ToyObject iter() { return new Iter(this); }

    /** {@code set_iterator}: walks the table; a size change during the walk is an error, as in CPython. */
    public static final class Iter extends ToyObject {
        public static final ToyType TYPE = new ToyType("set_iterator", ToyType.OBJECT);
        private ToySet set;
        private final int used;
        private int pos;

        Iter(ToySet set) {
            this.set = set;
            this.used = set.table.used;
        }

        @Override public ToyType type() { return TYPE; }

        @Override public ToyObject iter() { return this; }

        @Override
        public ToyObject next() {
            if (set == null) return null;
            SetTable t = set.table;
            if (t.used != used) {
                set = null;
                throw Errors.runtimeError("Set changed size during iteration");
            }
            while (pos <= t.mask && !t.active(pos)) pos++;
            if (pos > t.mask) {
                set = null;
                return null;
            }
            return t.keys[pos++];
        }
    }

    // ---- methods ------------------------------------------------------------------------------

    private static ToySet self(ToyObject[] args) { return (ToySet) args[0]; }

    /** Methods shared by set and frozenset. */
    private static void registerCommon(ToyType t, String name) {
        t.method("copy", (ts, args, kw) -> {
            Args.none(name + ".copy", args, kw, 1);
            ToySet s = self(args);
            return s.frozen ? s : s.copy(false);
        });
        t.method("union", (ts, args, kw) -> {
            Args.noKeywords("union", kw);
            ToySet result = self(args).copy(self(args).frozen);
            for (int i = 1; i < args.length; i++) if (args[i] != args[0]) result.update(args[i]);
            return result;
        });
        t.method("intersection", (ts, args, kw) -> {
            Args.noKeywords("intersection", kw);
            ToySet result = self(args);
            if (args.length == 1) return result.copy(result.frozen);
            for (int i = 1; i < args.length; i++) result = result.intersection(args[i]);
            return result;
        });
        t.method("difference", (ts, args, kw) -> {
            Args.noKeywords("difference", kw);
            ToySet s = self(args);
            if (args.length == 1) return s.copy(s.frozen);
            ToySet result = s.difference(args[1]);
            for (int i = 2; i < args.length; i++) result.differenceUpdate(args[i]);
            return result;
        });
        t.method("symmetric_difference", (ts, args, kw) -> {
            Args.one(name + ".symmetric_difference", args, kw, 1);
            return self(args).symmetricDifference(args[1]);
        });
        t.method("issubset", (ts, args, kw) -> {
            Args.one(name + ".issubset", args, kw, 1);
            return ToyBool.of(self(args).isSubset(args[1] instanceof ToySet o ? o : fromIterable(args[1], false)));
        });
        t.method("issuperset", (ts, args, kw) -> {
            Args.one(name + ".issuperset", args, kw, 1);
            ToySet s = self(args);
            if (args[1] instanceof ToySet o) return ToyBool.of(o.isSubset(s));
            ToyObject it = args[1].iter();
            for (ToyObject k = it.next(); k != null; k = it.next()) if (!s.contains(k)) return ToyBool.FALSE;
            return ToyBool.TRUE;
        });
        t.method("isdisjoint", (ts, args, kw) -> {
            Args.one(name + ".isdisjoint", args, kw, 1);
            ToySet s = self(args);
            ToyObject it = args[1].iter();
            for (ToyObject k = it.next(); k != null; k = it.next()) if (s.contains(k)) return ToyBool.FALSE;
            return ToyBool.TRUE;
        });
    }

    static {
        SET_TYPE.setConstructor(Constructors::newSet);
        FROZENSET_TYPE.setConstructor(Constructors::newFrozenSet);
        registerCommon(SET_TYPE, "set");
        registerCommon(FROZENSET_TYPE, "frozenset");
        ToyType t = SET_TYPE;
        t.method("add", (ts, args, kw) -> {
            Args.one("set.add", args, kw, 1);
            self(args).add(args[1]);
            return ToyNone.NONE;
        });
        t.method("remove", (ts, args, kw) -> {
            Args.one("set.remove", args, kw, 1);
            if (!self(args).discard(args[1])) throw Errors.keyError(args[1]);
            return ToyNone.NONE;
        });
        t.method("discard", (ts, args, kw) -> {
            Args.one("set.discard", args, kw, 1);
            self(args).discard(args[1]);
            return ToyNone.NONE;
        });
        t.method("pop", (ts, args, kw) -> {
            Args.none("set.pop", args, kw, 1);
            ToyObject k = self(args).table.pop();
            if (k == null) throw Errors.keyError(ToyStr.of("pop from an empty set"));
            return k;
        });
        t.method("clear", (ts, args, kw) -> {
            Args.none("set.clear", args, kw, 1);
            self(args).table.clear();
            return ToyNone.NONE;
        });
        t.method("update", (ts, args, kw) -> {
            Args.noKeywords("update", kw);
            for (int i = 1; i < args.length; i++) self(args).update(args[i]);
            return ToyNone.NONE;
        });
        t.method("intersection_update", (ts, args, kw) -> {
            Args.noKeywords("intersection_update", kw);
            ToySet s = self(args), result = s;
            for (int i = 1; i < args.length; i++) result = result.intersection(args[i]);
            if (result != s) s.table.takeFrom(result.table);
            return ToyNone.NONE;
        });
        t.method("difference_update", (ts, args, kw) -> {
            Args.noKeywords("difference_update", kw);
            for (int i = 1; i < args.length; i++) self(args).differenceUpdate(args[i]);
            return ToyNone.NONE;
        });
        t.method("symmetric_difference_update", (ts, args, kw) -> {
            Args.one("set.symmetric_difference_update", args, kw, 1);
            self(args).symmetricDifferenceUpdate(args[1]);
            return ToyNone.NONE;
        });
    }
}
