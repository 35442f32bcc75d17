package org.toy.runtime;

import java.util.Map;

/**
 * Makes a user class from what a {@code class} statement (or {@code type(name, bases, ns)})
 * gathered: CPython's {@code type_new}. The namespace becomes the class's dict, with the
 * adjustments CPython makes there: {@code __qualname__} leaves the dict for the type itself,
 * {@code __new__} becomes a static method, {@code __doc__} defaults to None, a class that defines
 * {@code __eq__} without {@code __hash__} becomes unhashable, and the {@code __class__} cell of
 * zero-argument {@code super()} is filled in.
 *
 * <p>Toy has single inheritance: one base, which must be {@code object}, a user class, an
 * exception type or a built-in type made {@link ToyType#subclassable} ({@code threading.Thread},
 * {@code multiprocessing.Process}); instances of the other built-in types are Java classes of
 * their own that cannot carry a subclass's dict yet.
 */
public final class ClassFactory {
    private ClassFactory() {}

    /** {@code module} is the defining module's {@code __name__}, used when the namespace has no {@code __module__}. */
    public static ToyType create(String name, ToyObject[] bases, ToyDict namespace, String module) {
        ToyType base = base(bases);
        ToyObject qual = namespace.get(ToyStr.intern("__qualname__"));
        if (qual != null && !(qual instanceof ToyStr)) {
            throw Errors.typeError("type __qualname__ must be a str, not " + qual.type().name());
        }
        ToyObject mod = namespace.get(ToyStr.intern("__module__"));
        ToyType cls = ToyType.heap(name, qual != null ? qual.str() : name,
                mod instanceof ToyStr m ? m.value : module, base, Instantiation::construct);
        Map<String, ToyObject> dict = cls.dict();
        if (mod == null) dict.put("__module__", ToyStr.of(module));
        ToyCell classCell = null;
        for (Map.Entry<ToyObject, ToyObject> e : namespace.map.entrySet()) {
            String key = e.getKey().str();
            ToyObject value = e.getValue();
            switch (key) {
                case "__qualname__" -> { }
                case "__classcell__" -> classCell = value instanceof ToyCell c ? c : null;
                case "__new__" -> dict.put(key, value instanceof ToyFunction ? new ToyStaticMethod(value) : value);
                default -> dict.put(key, value);
            }
        }
        dict.putIfAbsent("__doc__", ToyNone.NONE);
        if (dict.containsKey("__eq__") && !dict.containsKey("__hash__")) dict.put("__hash__", ToyNone.NONE);
        if (classCell != null) classCell.value = cls;
        return cls;
    }

    /**
     * A class rebuilt from a message (the codec's class by value): its type object with an empty
     * dict, which the caller fills; {@code base} must be a base {@code class} would accept.
     */
    public static ToyType revive(String name, String qualName, String module, ToyObject base) {
        return ToyType.heap(name, qualName, module, base(new ToyObject[] {base}), Instantiation::construct);
    }

    private static ToyType base(ToyObject[] bases) {
        if (bases.length == 0) return ToyType.OBJECT;
        if (bases.length > 1) throw Errors.typeError("multiple inheritance is not supported");
        if (!(bases[0] instanceof ToyType base)) {
            throw Errors.typeError("bases must be types, not '" + bases[0].type().name() + "'");
        }
        if (base == ToyType.OBJECT || base.isHeap() || base.isSubtypeOf(ExceptionTypes.BASE_EXCEPTION)
                || base.builtinAllocator() != null) {
            return base;
        }
        throw Errors.typeError("type '" + base.name() + "' is not an acceptable base type");
    }
}
