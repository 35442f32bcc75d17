package org.toy.runtime;

import org.toy.vm.ThreadState;

/**
 * Calling a user class, {@code Point(1, 2)}: CPython's {@code type_call} with {@code object}'s
 * (or {@code BaseException}'s) {@code __new__} and {@code __init__}. A user {@code __new__} makes
 * the object if there is one; then, if the object is an instance of the class, {@code __init__}
 * runs with the same arguments. Exception classes make {@link ToyException}s (the VM raises and
 * catches only those), whose {@code args} are the positional arguments.
 */
public final class Instantiation {
    private Instantiation() {}

    static ToyObject construct(ThreadState ts, ToyType type, ToyObject[] args, String[] kwNames) {
        ToyObject newMethod = type.lookupOverride("__new__");
        ToyObject init = type.lookupOverride("__init__");
        // A subclass of Thread or Process that defines no __init__ still runs the built-in one.
        if (init == null && type.builtinAllocator() != null) init = type.lookup("__init__");
        ToyObject obj;
        if (newMethod != null) {
            ToyObject fn = newMethod instanceof ToyStaticMethod s ? s.function : newMethod;
            obj = fn.call(ts, prepend(type, args), kwNames);
            if (!obj.type().isSubtypeOf(type)) return obj;
        } else {
            obj = allocate(type, args, kwNames);
        }
        if (init != null) {
            ToyObject r = ts.call(Attributes.bind(init, obj, type), args, kwNames);
            if (r != ToyNone.NONE) {
                throw Errors.typeError("__init__() should return None, not '" + r.type().name() + "'");
            }
        } else if (obj instanceof ToyException) {
            Args.noKeywords(type.name(), kwNames);
        }
        return obj;
    }

    /**
     * {@code object.__new__(cls)} / {@code BaseException.__new__(cls, *args)}: a bare instance.
     * Arguments are refused, as object's are, unless some {@code __init__} will take them.
     */
    static ToyObject allocate(ToyType type, ToyObject[] args, String[] kwNames) {
        if (type.isSubtypeOf(ExceptionTypes.BASE_EXCEPTION)) {
            int n = args.length - kwNames.length;
            return new ToyException(type, ToyTuple.of(java.util.Arrays.copyOf(args, n)));
        }
        ToyType.Allocator allocator = type.builtinAllocator();
        if (allocator != null && type.isHeap()) return allocator.allocate(type);
        if (args.length > 0) {
            if (type.lookupOverride("__new__") != null) {
                throw Errors.typeError("object.__new__() takes exactly one argument (the type to instantiate)");
            }
            if (type.lookupOverride("__init__") == null) throw Errors.typeError(type.name() + "() takes no arguments");
        }
        if (type == ToyType.OBJECT) return new PlainObject();
        if (!type.isHeap()) {
            throw Errors.typeError("object.__new__(" + type.name() + ") is not safe, use " + type.name()
                    + ".__new__()");
        }
        return new ToyInstance(type);
    }

    private static ToyObject[] prepend(ToyObject first, ToyObject[] rest) {
        ToyObject[] out = new ToyObject[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
