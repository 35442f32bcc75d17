package org.toy.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/** Python's dict: insertion-ordered, keyed by Python equality (through {@link ToyObject#equals}). */
public final class ToyDict extends ToyObject {
    public static final ToyType TYPE = new ToyType("dict", ToyType.OBJECT);

    public final LinkedHashMap<ToyObject, ToyObject> map;

    public ToyDict() { this.map = new LinkedHashMap<>(); }

    public ToyDict(LinkedHashMap<ToyObject, ToyObject> map) { this.map = map; }

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
        if (v == null) throw Errors.keyError(key);
        return v;
    }

    @Override public void setItem(ToyObject key, ToyObject value) { map.put(key, value); }

    @Override
    public void delItem(ToyObject key) {
        if (map.remove(key) == null) throw Errors.keyError(key);
    }

    @Override public boolean contains(ToyObject key) { return map.containsKey(key); }

    @Override
    public boolean eq(ToyObject other) {
        return other instanceof ToyDict d && d.map.equals(map);
    }
}
