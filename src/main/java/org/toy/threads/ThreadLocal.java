package org.toy.threads;

import java.util.Map;
import java.util.WeakHashMap;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyType;

/**
 * {@code threading.local()}: an attribute bag with one namespace per thread, keyed (weakly) by
 * the running thread's ThreadState: a pooled Java thread serves several Toy threads in turn.
 */
public final class ThreadLocal extends ToyObject {
    public static final ToyType TYPE = new ToyType("_thread._local", ToyType.OBJECT, (ts, t, a, k) -> {
        if (a.length > 0) throw Errors.typeError("Initialization arguments are not supported");
        return new ThreadLocal();
    });

    /** Touched with the GIL held only. */
    private final Map<Object, ToyDict> dicts = new WeakHashMap<>();

    private ToyDict dict() {
        Object key = org.toy.gil.Gil.currentThreadState();
        return dicts.computeIfAbsent(key != null ? key : Thread.currentThread(), t -> new ToyDict());
    }

    @Override public ToyType type() { return TYPE; }

    @Override
    public ToyObject getAttr(String name) {
        ToyDict d = dict();
        if (name.equals("__dict__")) return d;
        ToyObject v = d.get(ToyStr.of(name));
        if (v != null) return v;
        ToyObject found = type().lookup(name);
        if (found != null) return super.getAttr(name);
        throw Errors.attributeError("'_thread._local' object has no attribute '" + name + "'");
    }

    @Override
    public void setAttr(String name, ToyObject value) {
        ToyDict d = dict();
        if (value == null) {
            if (d.map.remove(ToyStr.of(name)) == null) {
                throw Errors.attributeError("'_thread._local' object has no attribute '" + name + "'");
            }
        } else {
            d.put(ToyStr.of(name), value);
        }
    }
}
