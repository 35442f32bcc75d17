package org.toy.runtime;

import org.toy.ast.BinaryOp;
import org.toy.ast.CompareOp;
import org.toy.vm.ThreadState;

/**
 * An instance of a user class: its class and its {@code __dict__}. Every {@link ToyObject}
 * virtual is overridden to call the special method the class defines, if it does, and to behave
 * as {@code object} does otherwise, with CPython's messages for results of the wrong type.
 */
public final class ToyInstance extends ToyObject {
    private final ToyType type;
    /** {@code self.__dict__}; its keys are interned names, so the VM's lookups hit on identity. */
    public final ToyDict dict = new ToyDict();

    public ToyInstance(ToyType type) { this.type = type; }

    @Override public ToyType type() { return type; }

    // ---- attributes ---------------------------------------------------------------------------

    @Override
    public ToyObject getAttr(String name) { return getAttr(name, null); }

    /** {@code self.name} with {@code key} the interned name (null: make one). */
    public ToyObject getAttr(String name, ToyStr key) {
        if (key != null && type.plainAttributes()) {
            ToyObject v = dict.map.get(key);
            if (v != null) return v;
        }
        return Attributes.get(this, dict, name, key);
    }

    @Override
    public void setAttr(String name, ToyObject value) { setAttr(name, null, value); }

    public void setAttr(String name, ToyStr key, ToyObject value) {
        if (key != null && value != null && type.plainAttributes()) {
            dict.map.put(key, value);
            return;
        }
        ToyObject hook = type.lookupOverride(value == null ? "__delattr__" : "__setattr__");
        if (hook != null) {
            ToyStr n = ToyStr.of(name);
            SpecialMethods.call(this, hook, value == null ? new ToyObject[] {n} : new ToyObject[] {n, value});
            return;
        }
        Attributes.set(this, dict, name, key, value);
    }

    /**
     * LOAD_METHOD's fast path: the plain function {@code name} found on the class, when nothing
     * in the instance dict hides it, so the VM can call it with self and no bound method. Null
     * for anything else (the VM then takes the general attribute path).
     */
    public ToyObject plainMethod(String name, ToyStr key) {
        ToyObject m = type.lookup(name);
        if ((m instanceof ToyFunction || m instanceof BuiltinFunction f && f.isMethod()) && !dict.map.containsKey(key)) {
            return m;
        }
        return null;
    }

    // ---- text ---------------------------------------------------------------------------------

    @Override
    public String repr() {
        ToyObject m = SpecialMethods.find(this, "__repr__");
        if (m == null) return SpecialMethods.defaultRepr(this);
        return SpecialMethods.string(SpecialMethods.call(this, m), "__repr__");
    }

    @Override
    public String str() {
        ToyObject m = SpecialMethods.find(this, "__str__");
        if (m == null) return Ops.repr(this);
        return SpecialMethods.string(SpecialMethods.call(this, m), "__str__");
    }

    @Override
    public String format(String spec) {
        ToyObject m = SpecialMethods.find(this, "__format__");
        if (m == null) {
            if (spec.isEmpty()) return str();
            throw Errors.typeError("unsupported format string passed to " + type.name() + ".__format__");
        }
        ToyObject r = SpecialMethods.call(this, m, ToyStr.of(spec));
        if (r instanceof ToyStr s) return s.value;
        throw Errors.typeError("__format__ must return a str, not " + r.type().name());
    }

    @Override
    public boolean isTrue() {
        ToyObject m = SpecialMethods.find(this, "__bool__");
        if (m != null) {
            ToyObject r = SpecialMethods.call(this, m);
            if (r instanceof ToyBool) return r == ToyBool.TRUE;
            throw Errors.typeError("__bool__ should return bool, returned " + r.type().name());
        }
        return SpecialMethods.find(this, "__len__") == null || len() != 0;
    }

    // ---- hashing and comparison -----------------------------------------------------------------

    @Override
    public long hash() {
        ToyObject m = SpecialMethods.find(this, "__hash__");
        if (m == null) return super.hash();
        if (m == ToyNone.NONE) throw Errors.unhashable(this);
        ToyObject r = SpecialMethods.call(this, m);
        if (!(r instanceof ToyInt i)) throw Errors.typeError("__hash__ method should return an integer");
        return i.hash();
    }

    private static final String[] COMPARE_DUNDERS = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

    /** The rich comparison; {@code !=} inverts a user {@code __eq__} when there is no {@code __ne__}, as object's. */
    @Override
    public ToyObject compare(CompareOp op, ToyObject other) {
        ToyObject r = SpecialMethods.callIfDefined(this, COMPARE_DUNDERS[op.ordinal()], other);
        if (r != null) return r;
        if (op == CompareOp.NE) {
            r = SpecialMethods.callIfDefined(this, "__eq__", other);
            if (r != null && r != NotImplemented.NOT_IMPLEMENTED) return ToyBool.of(!r.isTrue());
        }
        return NotImplemented.NOT_IMPLEMENTED;
    }

    // ---- operators ----------------------------------------------------------------------------

    @Override
    public ToyObject binary(BinaryOp op, ToyObject other) { return operator(op.dunder, other); }

    @Override
    public ToyObject binaryReflected(BinaryOp op, ToyObject other) { return operator(op.reflectedDunder, other); }

    @Override
    public ToyObject binaryInPlace(BinaryOp op, ToyObject other) { return operator(op.inplaceDunder, other); }

    private ToyObject operator(String dunder, ToyObject other) {
        ToyObject r = SpecialMethods.callIfDefined(this, dunder, other);
        return r != null ? r : NotImplemented.NOT_IMPLEMENTED;
    }

    @Override
    public ToyObject negative() {
        ToyObject r = SpecialMethods.callIfDefined(this, "__neg__");
        return r != null ? r : super.negative();
    }

    @Override
    public ToyObject positive() {
        ToyObject r = SpecialMethods.callIfDefined(this, "__pos__");
        return r != null ? r : super.positive();
    }

    @Override
    public ToyObject invert() {
        ToyObject r = SpecialMethods.callIfDefined(this, "__invert__");
        return r != null ? r : super.invert();
    }

    @Override
    public ToyInt index() {
        ToyObject r = SpecialMethods.callIfDefined(this, "__index__");
        if (r == null) return super.index();
        if (r instanceof ToyInt i) return i;
        throw Errors.typeError("__index__ returned non-int (type " + r.type().name() + ")");
    }

    // ---- containers ---------------------------------------------------------------------------

    @Override
    public int len() {
        ToyObject r = SpecialMethods.callIfDefined(this, "__len__");
        if (r == null) return super.len();
        if (!(r instanceof ToyInt)) {
            throw Errors.typeError("'" + r.type().name() + "' object cannot be interpreted as an integer");
        }
        long n = Args.toLong(r);
        if (n < 0) throw Errors.valueError("__len__() should return >= 0");
        if (n > Integer.MAX_VALUE) throw Errors.overflow("cannot fit 'int' into an index-sized integer");
        return (int) n;
    }

    @Override
    public ToyObject getItem(ToyObject key) {
        ToyObject r = SpecialMethods.callIfDefined(this, "__getitem__", key);
        return r != null ? r : super.getItem(key);
    }

    @Override
    public void setItem(ToyObject key, ToyObject value) {
        if (SpecialMethods.callIfDefined(this, "__setitem__", key, value) == null) super.setItem(key, value);
    }

    @Override
    public void delItem(ToyObject key) {
        if (SpecialMethods.callIfDefined(this, "__delitem__", key) == null) super.delItem(key);
    }

    @Override
    public boolean contains(ToyObject item) {
        ToyObject r = SpecialMethods.callIfDefined(this, "__contains__", item);
        if (r != null) return r.isTrue();
        return super.contains(item);
    }

    /** {@code iter(self)}: {@code __iter__}, else the old protocol of {@code __getitem__} from 0. */
    @Override
    public ToyObject iter() {
        ToyObject m = SpecialMethods.find(this, "__iter__");
        if (m == null) {
            if (SpecialMethods.find(this, "__getitem__") != null) return new IndexIterator(this);
            return super.iter();
        }
        ToyObject it = SpecialMethods.call(this, m);
        if (it instanceof ToyInstance i ? SpecialMethods.find(i, "__next__") == null : !isIterator(it)) {
            throw Errors.typeError("iter() returned non-iterator of type '" + it.type().name() + "'");
        }
        return it;
    }

    /** Whether a built-in value is an iterator: its {@code iter()} answers itself. */
    private static boolean isIterator(ToyObject o) {
        try {
            return o.iter() == o;
        } catch (ToyError e) {
            return false;
        }
    }

    /** {@code next(self)}: {@code __next__}; its StopIteration is the end (Java null). */
    @Override
    public ToyObject next() {
        ToyObject m = SpecialMethods.find(this, "__next__");
        if (m == null) return super.next();
        try {
            return SpecialMethods.call(this, m);
        } catch (ToyError e) {
            if (e.exception.isInstance(ExceptionTypes.STOP_ITERATION)) return null;
            throw e;
        }
    }

    // ---- calls --------------------------------------------------------------------------------

    @Override
    public ToyObject call(ThreadState ts, ToyObject[] args, String[] kwNames) {
        ToyObject m = SpecialMethods.find(this, "__call__");
        if (m == null) return super.call(ts, args, kwNames);
        if (!(m instanceof ToyFunction)) return Attributes.bind(m, this, type).call(ts, args, kwNames);
        ToyObject[] withSelf = new ToyObject[args.length + 1];
        withSelf[0] = this;
        System.arraycopy(args, 0, withSelf, 1, args.length);
        return m.call(ts, withSelf, kwNames);
    }

    /** The iterator of a class with {@code __getitem__} but no {@code __iter__}: indexes 0, 1, ... until IndexError. */
    private static final class IndexIterator extends ToyObject {
        private static final ToyType TYPE = new ToyType("iterator", ToyType.OBJECT);
        private ToyObject sequence;
        private long index;

        IndexIterator(ToyObject sequence) { this.sequence = sequence; }

        @Override public ToyType type() { return TYPE; }

        @Override public ToyObject iter() { return this; }

        @Override
        public ToyObject next() {
            if (sequence == null) return null;
            try {
                return sequence.getItem(ToyInt.of(index++));
            } catch (ToyError e) {
                if (!e.exception.isInstance(ExceptionTypes.INDEX_ERROR)
                        && !e.exception.isInstance(ExceptionTypes.STOP_ITERATION)) {
                    throw e;
                }
                sequence = null;
                return null;
            }
        }
    }
}
