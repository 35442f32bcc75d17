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

    /**
     * Set while a child's start-up message is encoded: a handle that counts its holders (a pipe
     * end) adds one for the child and leaves here how to give it back when the child ends
     * without having claimed it.
     */
    ThreadLocal<java.util.List<Runnable>> CHILD_COPIES = new ThreadLocal<>();

    Map<String, Function<ToyObject, ToyObject>> REVIVERS = new ConcurrentHashMap<>();

    static void register(String kind, Function<ToyObject, ToyObject> reviver) { REVIVERS.put(kind, reviver); }

    static ToyObject revive(String kind, ToyObject state) {
        Function<ToyObject, ToyObject> r = REVIVERS.get(kind);
        if (r == null) {
            // the handle classes register themselves when loaded
            for (String c : new String[] {"org.toy.ipc.Connection", "org.toy.ipc.IpcQueue", "org.toy.ipc.SharedValue", "org.toy.ipc.SemLock",
                    "org.toy.ipc.SyncCondition", "org.toy.ipc.SyncEvent", "org.toy.process.ToyProcess",
                    "org.toy.manager.Proxy", "org.toy.manager.SyncManager"}) {
                try {
                    Class.forName(c, true, Handle.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
            r = REVIVERS.get(kind);
        }
        if (r == null) throw Errors.valueError("unknown handle kind " + kind);
        return r.apply(state);
    }
}
