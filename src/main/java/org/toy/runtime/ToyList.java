package org.toy.runtime;

import java.util.Arrays;

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
        if (size == items.length) items = Arrays.copyOf(items, Math.max(8, size + (size >> 1) + 1));
        items[size++] = v;
    }

    /** A copy of the live items, e.g. for iteration that must not see later appends. */
    public ToyObject[] toArray() { return Arrays.copyOf(items, size); }

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
}
