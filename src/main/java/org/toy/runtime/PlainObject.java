package org.toy.runtime;

/** An instance of {@code object} itself, {@code object()}: identity equality and hash, nothing else. */
public final class PlainObject extends ToyObject {
    @Override public ToyType type() { return ToyType.OBJECT; }
}
