package org.toy.runtime;

import org.toy.vm.ThreadState;

/**
 * Python's generic attribute protocol ({@code PyObject_GenericGetAttr} and
 * {@code PyObject_GenericSetAttr}) for objects that may have an instance dict.
 *
 * <p>The order matters and is CPython's: a data descriptor on the type ({@code property}) wins
 * over the instance dict; the instance dict wins over everything else on the type; what is found
 * on the type is bound to the instance (a function becomes a bound method, a
 * {@code classmethod} binds the class, a {@code staticmethod} gives its function); last comes a
 * user {@code __getattr__}.
 */
public final class Attributes {
    private Attributes() {}

    /**
     * {@code obj.name}. {@code dict} is the instance dict or null; {@code key} is {@code name} as
     * an interned str (the VM passes its own), or null to make one.
     */
    public static ToyObject get(ToyObject obj, ToyDict dict, String name, ToyStr key) {
        ToyType type = obj.type();
        ToyObject descr = type.lookup(name);
        if (descr instanceof ToyProperty p) return p.get(obj, name);
        if (dict != null) {
            ToyObject v = dict.map.get(key != null ? key : ToyStr.of(name));
            if (v != null) return v;
        }
        if (descr != null) return bind(descr, obj, type);
        if (name.equals("__class__")) return type;
        if (name.equals("__dict__") && dict != null) return dict;
        ToyObject hook = type.lookupOverride("__getattr__");
        if (hook != null) return SpecialMethods.call(obj, hook, ToyStr.of(name));
        throw Errors.noAttribute(obj, name);
    }

    /** {@code obj.name = value}, or {@code del obj.name} when value is null. */
    public static void set(ToyObject obj, ToyDict dict, String name, ToyStr key, ToyObject value) {
        ToyType type = obj.type();
        ToyObject descr = type.lookup(name);
        if (descr instanceof ToyProperty p) {
            if (value == null) p.delete(obj, name);
            else p.set(obj, name, value);
            return;
        }
        if (dict == null) {
            if (descr != null) {
                throw Errors.attributeError("'" + type.name() + "' object attribute '" + name + "' is read-only");
            }
            throw Errors.noAttribute(obj, name);
        }
        ToyStr k = key != null ? key : ToyStr.intern(name);
        if (value != null) {
            dict.map.put(k, value);
        } else if (dict.map.remove(k) == null) {
            throw Errors.noAttribute(obj, name);
        }
    }

    /** What an attribute found on {@code obj}'s type means for {@code obj} (the descriptor protocol). */
    static ToyObject bind(ToyObject descr, ToyObject obj, ToyType type) {
        if (descr instanceof ToyFunction) return new BoundMethod(obj, descr);
        if (descr instanceof BuiltinFunction f && f.isMethod()) return new BoundMethod(obj, f);
        if (descr instanceof ToyStaticMethod m) return m.function;
        if (descr instanceof ToyClassMethod m) return new BoundMethod(type, m.function);
        return descr;
    }

    /** What an attribute found on a class means when read through the class itself: {@code A.f}. */
    static ToyObject bindToClass(ToyObject descr, ToyType cls) {
        if (descr instanceof ToyStaticMethod m) return m.function;
        if (descr instanceof ToyClassMethod m) return new BoundMethod(cls, m.function);
        return descr;
    }

    /** Calls {@code callable} from Java on the current Toy thread. */
    static ToyObject call(ToyObject callable, ToyObject... args) {
        return ThreadState.current().call(callable, args);
    }
}
