package org.toy.ipc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyObject;

/**
 * An IPC object that can cross to another process inside a message (a pipe end, a queue, a
 * shared {@code Value}): it travels as its kind and a plain state value (paths, sizes,
 * descriptors), and the receiver revives it through the reviver registered for that kind.
 */
public interface Handle {
    /** The kind's registered name, e.g. {@code "Connection"}. */
    String handleKind();

    /** What the receiver needs to reach the same channel or memory; plain codec values only. */
    ToyObject handleState();

    Map<String, Function<ToyObject, ToyObject>> REVIVERS = new ConcurrentHashMap<>();

    static void register(String kind, Function<ToyObject, ToyObject> reviver) { REVIVERS.put(kind, reviver); }

    static ToyObject revive(String kind, ToyObject state) {
        Function<ToyObject, ToyObject> r = REVIVERS.get(kind);
        if (r == null) throw Errors.valueError("unknown handle kind " + kind);
        return r.apply(state);
    }
}
