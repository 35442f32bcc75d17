package org.toy.runtime;

import org.toy.ast.BinaryOp;
import org.toy.ast.CompareOp;
import org.toy.vm.ThreadState;

/**
 * The root of every Toy value. Where CPython has type slots ({@code tp_repr}, {@code nb_add}, ...),
 * Toy has virtual methods with Python's default behaviour; each built-in type overrides the ones it
 * supports, and a user class (later) overrides them all to look up its {@code __dunder__} methods.
 *
 * <p>Rules every value follows:
 * <ul>
 *   <li>Never Java {@code null} for a Toy value: None is {@link ToyNone#NONE}. The one exception is
 *       {@link #next()}, whose {@code null} means "exhausted" (CPython's NULL without an exception).</li>
 *   <li>Errors are Toy exceptions thrown as {@link ToyError} (see {@link Errors}), never Java exceptions.</li>
 *   <li>Operators answer {@link NotImplemented#NOT_IMPLEMENTED} when they do not know the other operand,
 *       exactly as Python's {@code __add__} does; {@link Ops} then tries the reflected side and raises
 *       the TypeError with CPython's message.</li>
 *   <li>{@link #equals}/{@link #hashCode} are Python's {@code ==} and {@code hash()}, so Java maps can
 *       hold Toy keys with Python's rules ({@code 1 == 1.0 == True}).</li>
 * </ul>
 */
public abstract class ToyObject {

    public abstract ToyType type();

    /** {@code repr(self)}. */
    public String repr() {
        return "<" + type().name() + " object at 0x" + Long.toHexString(Ops.id(this)) + ">";
    }

    /** {@code str(self)}: by default the repr, through the guard against self-containing containers. */
    public String str() { return Ops.repr(this); }

    /**
     * {@code format(self, spec)}, i.e. {@code __format__}: used by f-strings, {@code format()} and
     * {@code str.format}. The default accepts only an empty spec, as {@code object.__format__}.
     */
    public String format(String spec) {
        if (spec.isEmpty()) return str();
        throw Errors.typeError("unsupported format string passed to " + type().name() + ".__format__");
    }

    /** {@code bool(self)}. */
    public boolean isTrue() { return true; }

    // ---- hashing and equality -------------------------------------------------------------

    /** {@code hash(self)}; unhashable types throw {@code TypeError: unhashable type: 'list'}. */
    public long hash() { return Ops.id(this); }

    /** {@code self == other} as a Java boolean: the default is identity, as {@code object.__eq__}. */
    public boolean eq(ToyObject other) { return this == other; }

    @Override
    public final boolean equals(Object o) {
        return o instanceof ToyObject t && (this == t || Ops.eq(this, t));
    }

    @Override
    public final int hashCode() {
        long h = hash();
        return (int) (h ^ (h >>> 32));
    }

    // ---- operators ------------------------------------------------------------------------

    /** {@code self OP other}, or NOT_IMPLEMENTED. */
    public ToyObject binary(BinaryOp op, ToyObject other) { return NotImplemented.NOT_IMPLEMENTED; }

    /** {@code other OP self} tried on the right operand ({@code __radd__}), or NOT_IMPLEMENTED. */
    public ToyObject binaryReflected(BinaryOp op, ToyObject other) { return NotImplemented.NOT_IMPLEMENTED; }

    /** {@code self OP= other} ({@code __iadd__}); NOT_IMPLEMENTED falls back to {@link #binary}. */
    public ToyObject binaryInPlace(BinaryOp op, ToyObject other) { return NotImplemented.NOT_IMPLEMENTED; }

    /** Rich comparison for LT, LE, EQ, NE, GT, GE, or NOT_IMPLEMENTED. */
    public ToyObject compare(CompareOp op, ToyObject other) { return NotImplemented.NOT_IMPLEMENTED; }

    public ToyObject negative() { throw Errors.badUnary("-", this); }
    public ToyObject positive() { throw Errors.badUnary("+", this); }
    public ToyObject invert() { throw Errors.badUnary("~", this); }

    /** {@code operator.index(self)}: ints and bools answer themselves. */
    public ToyInt index() {
        throw Errors.typeError("'" + type().name() + "' object cannot be interpreted as an integer");
    }

    // ---- containers -----------------------------------------------------------------------

    public int len() { throw Errors.typeError("object of type '" + type().name() + "' has no len()"); }

    public ToyObject getItem(ToyObject key) {
        throw Errors.typeError("'" + type().name() + "' object is not subscriptable");
    }

    public void setItem(ToyObject key, ToyObject value) {
        checkSequenceIndex(key);
        throw Errors.typeError("'" + type().name() + "' object does not support item assignment");
    }

    public void delItem(ToyObject key) {
        checkSequenceIndex(key);
        // CPython's wording depends on the path: PySequence_DelItem for a sequence and an int index.
        throw Errors.typeError("'" + type().name() + "' object "
                + (isImmutableSequence() && key instanceof ToyInt ? "doesn't" : "does not") + " support item deletion");
    }

    private boolean isImmutableSequence() {
        return this instanceof ToyStr || this instanceof ToyTuple || this instanceof ToyBytes
                || this instanceof ToyRange || this instanceof BigRange;
    }

    /**
     * PyObject_SetItem and PyObject_DelItem turn a sequence's int key into an index before they
     * find that the sequence cannot change: an int too big for one is an IndexError first.
     */
    private void checkSequenceIndex(ToyObject key) {
        if (isImmutableSequence() && key instanceof ToyInt k && !k.isSmall()) {
            throw Errors.indexError("cannot fit 'int' into an index-sized integer");
        }
    }

    /** {@code item in self}: by default, iterate and compare. */
    public boolean contains(ToyObject item) {
        ToyObject it;
        try {
            it = iter();
        } catch (ToyError e) {
            throw Errors.typeError("argument of type '" + type().name() + "' is not iterable");
        }
        for (ToyObject x = it.next(); x != null; x = it.next()) {
            if (x == item || Ops.eq(x, item)) return true;
        }
        return false;
    }

    /** {@code iter(self)}. */
    public ToyObject iter() { throw Errors.typeError("'" + type().name() + "' object is not iterable"); }

    /** {@code next(self)} on an iterator: the next item, or Java null when exhausted. */
    public ToyObject next() { throw Errors.typeError("'" + type().name() + "' object is not an iterator"); }

    // ---- attributes and calls ---------------------------------------------------------------

    /**
     * {@code self.name}. The default looks the name up on the type (and its bases) and binds what
     * it finds to self ({@link Attributes}). Instances with a {@code __dict__} override this.
     */
    public ToyObject getAttr(String name) {
        return Attributes.get(this, null, name, null);
    }

    public void setAttr(String name, ToyObject value) {
        if (type().lookup(name) != null) {
            throw Errors.attributeError("'" + type().name() + "' object attribute '" + name + "' is read-only");
        }
        throw Errors.noAttribute(this, name);
    }

    public void delAttr(String name) { setAttr(name, null); }

    /**
     * {@code self(*args, **kwargs)} in the vectorcall shape: the last {@code kwNames.length} entries of
     * {@code args} are the keyword arguments' values; {@code kwNames} is never null (use
     * {@link #NO_KEYWORDS}). {@code ts} is the calling thread, for values that call back into Toy.
     */
    public ToyObject call(ThreadState ts, ToyObject[] args, String[] kwNames) {
        throw Errors.typeError("'" + type().name() + "' object is not callable");
    }

    public static final String[] NO_KEYWORDS = new String[0];
    public static final ToyObject[] NO_ARGS = new ToyObject[0];
}
