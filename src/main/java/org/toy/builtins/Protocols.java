package org.toy.builtins;

import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyInstance;
import org.toy.runtime.ToyObject;
import org.toy.vm.ThreadState;

/**
 * Questions about what a value supports. CPython answers them by looking at type slots
 * ({@code tp_call}, {@code sq_item}); Toy's equivalent of a filled slot is a Java class that
 * overrides the corresponding {@link ToyObject} method, or a type with the dunder method.
 */
public final class Protocols {
    private Protocols() {}

    /** Per Java class: does it override {@code call} / {@code getItem}? Computed once per class. */
    private static final ClassValue<boolean[]> OVERRIDES = new ClassValue<>() {
        @Override
        protected boolean[] computeValue(Class<?> c) {
            return new boolean[] {
                declaredBelowRoot(c, "call", ThreadState.class, ToyObject[].class, String[].class),
                declaredBelowRoot(c, "getItem", ToyObject.class),
            };
        }
    };

    private static boolean declaredBelowRoot(Class<?> c, String name, Class<?>... params) {
        try {
            return c.getMethod(name, params).getDeclaringClass() != ToyObject.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** {@code callable(o)}. */
    public static boolean isCallable(ToyObject o) {
        if (o instanceof ToyInstance) return o.type().lookup("__call__") != null;
        return OVERRIDES.get(o.getClass())[0] || o.type().lookup("__call__") != null;
    }

    /** CPython's {@code PySequence_Check}: indexable by integers, and not a mapping. */
    public static boolean isSequence(ToyObject o) {
        if (o instanceof ToyDict) return false;
        if (o instanceof ToyInstance) return o.type().lookup("__getitem__") != null;
        return OVERRIDES.get(o.getClass())[1] || o.type().lookup("__getitem__") != null;
    }
}
