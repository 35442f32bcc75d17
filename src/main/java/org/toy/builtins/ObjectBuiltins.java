package org.toy.builtins;

import org.toy.runtime.Args;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/**
 * The built-ins about objects and their types: {@code isinstance issubclass hash id callable
 * getattr setattr hasattr delattr}, and one-argument {@code type(x)}.
 */
final class ObjectBuiltins {
    private ObjectBuiltins() {}

    static void install(ToyModule builtins) {
        TypeConstructor.install();
        builtins.function("isinstance", (ts, args, kw) -> {
            Signature.positional("isinstance", args, kw, 2, 2);
            return ToyBool.of(isInstance(args[0], args[1]));
        });
        builtins.function("issubclass", (ts, args, kw) -> {
            Signature.positional("issubclass", args, kw, 2, 2);
            if (!(args[0] instanceof ToyType cls)) throw Errors.typeError("issubclass() arg 1 must be a class");
            return ToyBool.of(isSubclass(cls, args[1]));
        });
        builtins.function("hash", (ts, args, kw) -> {
            Args.one("hash", args, kw, 0);
            return ToyInt.of(args[0].hash());
        });
        builtins.function("id", (ts, args, kw) -> {
            Args.one("id", args, kw, 0);
            return ToyInt.of(Ops.id(args[0]));
        });
        builtins.function("callable", (ts, args, kw) -> {
            Args.one("callable", args, kw, 0);
            return ToyBool.of(Protocols.isCallable(args[0]));
        });
        builtins.function("getattr", ObjectBuiltins::getattr);
        builtins.function("setattr", (ts, args, kw) -> {
            Signature.positional("setattr", args, kw, 3, 3);
            args[0].setAttr(attributeName(args[1]), args[2]);
            return ToyNone.NONE;
        });
        builtins.function("hasattr", (ts, args, kw) -> {
            Signature.positional("hasattr", args, kw, 2, 2);
            String name = attributeName(args[1]);
            try {
                args[0].getAttr(name);
                return ToyBool.TRUE;
            } catch (ToyError e) {
                if (e.exception.isInstance(ExceptionTypes.ATTRIBUTE_ERROR)) return ToyBool.FALSE;
                throw e;
            }
        });
        builtins.function("delattr", (ts, args, kw) -> {
            Signature.positional("delattr", args, kw, 2, 2);
            args[0].delAttr(attributeName(args[1]));
            return ToyNone.NONE;
        });
    }

    /** {@code getattr(obj, name[, default])}: the default answers only an AttributeError. */
    static ToyObject getattr(ThreadState ts, ToyObject[] args, String[] kw) {
        int n = Signature.positional("getattr", args, kw, 2, 3);
        String name = attributeName(args[1]);
        try {
            return args[0].getAttr(name);
        } catch (ToyError e) {
            if (n == 3 && e.exception.isInstance(ExceptionTypes.ATTRIBUTE_ERROR)) return args[2];
            throw e;
        }
    }

    private static String attributeName(ToyObject o) {
        if (o instanceof ToyStr s) return s.value;
        throw Errors.typeError("attribute name must be string, not '" + o.type().name() + "'");
    }

    /** {@code isinstance(obj, classinfo)}: classinfo is a type or a (nested) tuple of them. */
    static boolean isInstance(ToyObject obj, ToyObject classinfo) {
        if (classinfo instanceof ToyType t) return obj.type().isSubtypeOf(t);
        if (classinfo instanceof ToyTuple tuple) {
            for (ToyObject c : tuple.items) {
                if (isInstance(obj, c)) return true;
            }
            return false;
        }
        throw Errors.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
    }

    static boolean isSubclass(ToyType cls, ToyObject classinfo) {
        if (classinfo instanceof ToyType t) return cls.isSubtypeOf(t);
        if (classinfo instanceof ToyTuple tuple) {
            for (ToyObject c : tuple.items) {
                if (isSubclass(cls, c)) return true;
            }
            return false;
        }
        throw Errors.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
    }
}
