package org.toy.builtins;

import org.toy.runtime.ClassFactory;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.Frame;
import org.toy.vm.ThreadState;

/**
 * Makes {@code type} callable: {@code type(x)} answers x's type, and {@code type(name, bases, ns)}
 * makes a class as a {@code class} statement would, so that the builtins' {@code type} stays the
 * type object itself ({@code isinstance(int, type)} holds).
 */
final class TypeConstructor {
    private TypeConstructor() {}

    private static boolean installed;

    /**
     * Installs the constructor unless the runtime already gave {@code type} one. ToyType has no getter
     * for its constructor, so ask it: a type without one refuses with "cannot create 'type' instances"
     * before it looks at the (null) thread state.
     */
    static synchronized void install() {
        if (installed) return;
        installed = true;
        try {
            ToyType.TYPE.call(null, ToyObject.NO_ARGS, ToyObject.NO_KEYWORDS);
        } catch (ToyError e) {
            boolean none = e.exception.isInstance(ExceptionTypes.TYPE_ERROR) && e.exception.str().startsWith("cannot create");
            if (!none) return;
        } catch (RuntimeException e) {
            return; // a constructor exists and failed on the null thread state: leave it
        }
        ToyType.TYPE.setConstructor(TypeConstructor::construct);
    }

    /** {@code type("Point", (object,), {"x": 0})}: the class is defined in the caller's module. */
    private static ToyObject newClass(ThreadState ts, ToyObject[] args) {
        if (!(args[0] instanceof ToyStr name)) {
            throw Errors.typeError("type.__new__() argument 1 must be str, not " + args[0].type().name());
        }
        if (!(args[1] instanceof ToyTuple bases)) {
            throw Errors.typeError("type.__new__() argument 2 must be tuple, not " + args[1].type().name());
        }
        if (!(args[2] instanceof ToyDict ns)) {
            throw Errors.typeError("type.__new__() argument 3 must be dict, not " + args[2].type().name());
        }
        Frame caller = ts.callerFrame();
        ToyObject module = caller == null ? null : caller.globals.get(ToyStr.intern("__name__"));
        return ClassFactory.create(name.value, bases.items, new ToyDict(ns.map),
                module == null ? "builtins" : module.str());
    }

    static ToyObject construct(ThreadState ts, ToyType type, ToyObject[] args, String[] kwNames) {
        int n = args.length - kwNames.length;
        if (n == 1 && kwNames.length == 0) return args[0].type();
        if (n == 3 && kwNames.length == 0) return newClass(ts, args);
        throw Errors.typeError("type() takes 1 or 3 arguments");
    }
}
