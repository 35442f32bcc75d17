package org.toy.runtime;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The table behind a {@link ToyDict}: a {@link LinkedHashMap} (insertion order, Python equality)
 * that counts its changes, as CPython 3.11's dicts carry a version for the caches of
 * {@code LOAD_GLOBAL}. Every mutator bumps {@link #version}, so a cache that remembers the version
 * it read a value at knows the value is still current while the version is unchanged.
 *
 * <p>The views ({@link #entrySet()} and the rest) bump it too, when they are taken: a caller may
 * change the map through them, and a spurious bump only costs a cache refill.
 */
public final class DictMap extends LinkedHashMap<ToyObject, ToyObject> {
    private int version;

    public DictMap() {}

    public DictMap(Map<? extends ToyObject, ? extends ToyObject> contents) { super(contents); }

    /** Changes with every mutation of this map (wrapping around is harmless: a cache then just misses). */
    public int version() { return version; }

    @Override
    public ToyObject put(ToyObject key, ToyObject value) {
        version++;
        return super.put(key, value);
    }

    @Override
    public void putAll(Map<? extends ToyObject, ? extends ToyObject> m) {
        version++;
        super.putAll(m);
    }

    @Override
    public ToyObject putIfAbsent(ToyObject key, ToyObject value) {
        version++;
        return super.putIfAbsent(key, value);
    }

    @Override
    public ToyObject remove(Object key) {
        version++;
        return super.remove(key);
    }

    @Override
    public boolean remove(Object key, Object value) {
        version++;
        return super.remove(key, value);
    }

    @Override
    public void clear() {
        version++;
        super.clear();
    }

    @Override
    public ToyObject replace(ToyObject key, ToyObject value) {
        version++;
        return super.replace(key, value);
    }

    @Override
    public boolean replace(ToyObject key, ToyObject oldValue, ToyObject newValue) {
        version++;
        return super.replace(key, oldValue, newValue);
    }

    @Override
    public void replaceAll(BiFunction<? super ToyObject, ? super ToyObject, ? extends ToyObject> function) {
        version++;
        super.replaceAll(function);
    }

    @Override
    public ToyObject computeIfAbsent(ToyObject key, Function<? super ToyObject, ? extends ToyObject> f) {
        version++;
        return super.computeIfAbsent(key, f);
    }

    @Override
    public ToyObject computeIfPresent(ToyObject key,
                                      BiFunction<? super ToyObject, ? super ToyObject, ? extends ToyObject> f) {
        version++;
        return super.computeIfPresent(key, f);
    }

    @Override
    public ToyObject compute(ToyObject key, BiFunction<? super ToyObject, ? super ToyObject, ? extends ToyObject> f) {
        version++;
        return super.compute(key, f);
    }

    @Override
    public ToyObject merge(ToyObject key, ToyObject value,
                           BiFunction<? super ToyObject, ? super ToyObject, ? extends ToyObject> f) {
        version++;
        return super.merge(key, value, f);
    }

    @Override
    public Set<Map.Entry<ToyObject, ToyObject>> entrySet() {
        version++;
        return super.entrySet();
    }

    @Override
    public Set<ToyObject> keySet() {
        version++;
        return super.keySet();
    }

    @Override
    public Collection<ToyObject> values() {
        version++;
        return super.values();
    }
}
