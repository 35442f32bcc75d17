package org.toy.runtime;

/** Python's set (placeholder shape; the values work completes it). */
public final class ToySet extends ToyObject {
    public static final ToyType TYPE = new ToyType("set", ToyType.OBJECT);

    private final java.util.LinkedHashSet<ToyObject> items = new java.util.LinkedHashSet<>();

    public void add(ToyObject item) { items.add(item); }

    @Override public ToyType type() { return TYPE; }
}
