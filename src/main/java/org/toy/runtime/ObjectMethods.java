package org.toy.runtime;

import org.toy.ast.CompareOp;

/**
 * The methods of {@code object} and {@code BaseException} that a user class reaches through
 * {@code super()} or by name: {@code super().__init__(...)}, {@code object.__setattr__(self, n, v)},
 * {@code super().__str__()}. They do what the built-in default does, bypassing the class's own
 * override (which is usually the caller).
 */
public final class ObjectMethods {
    private ObjectMethods() {}

    private static boolean installed;

    /** Registers the methods once per JVM, as built-in types are shared by every interpreter. */
    public static synchronized void install() {
        if (installed) return;
        installed = true;
        installObject(ToyType.OBJECT);
        installBaseException(ExceptionTypes.BASE_EXCEPTION);
        ToyType.changed();
    }

    private static void installObject(ToyType object) {
        object.dict().put("__new__", BuiltinFunction.function("__new__", (ts, args, kw) -> {
            if (args.length == 0) throw Errors.typeError("object.__new__(): not enough arguments");
            if (!(args[0] instanceof ToyType cls)) {
                throw Errors.typeError("object.__new__(X): X is not a type object (" + args[0].type().name() + ")");
            }
            return Instantiation.allocate(cls, java.util.Arrays.copyOfRange(args, 1, args.length), kw);
        }));
        object.method("__init__", (ts, args, kw) -> {
            ToyType type = args[0].type();
            if (args.length > 1) {
                if (type.lookupOverride("__init__") != null) {
                    throw Errors.typeError("object.__init__() takes exactly one argument (the instance to initialize)");
                }
                if (type.lookupOverride("__new__") == null) throw Errors.typeError(type.name() + "() takes no arguments");
            }
            return ToyNone.NONE;
        });
        object.method("__repr__", (ts, args, kw) -> {
            Args.none("__repr__", args, kw, 1);
            ToyObject self = args[0];
            return ToyStr.of(self instanceof ToyInstance ? SpecialMethods.defaultRepr(self) : self.repr());
        });
        object.method("__str__", (ts, args, kw) -> {
            Args.none("__str__", args, kw, 1);
            return ToyStr.of(Ops.repr(args[0]));
        });
        object.method("__format__", (ts, args, kw) -> {
            Args.one("__format__", args, kw, 1);
            String spec = Args.str("__format__", args[1]);
            if (!spec.isEmpty()) {
                throw Errors.typeError("unsupported format string passed to " + args[0].type().name() + ".__format__");
            }
            return ToyStr.of(args[0].str());
        });
        object.method("__eq__", (ts, args, kw) -> {
            Args.one("__eq__", args, kw, 1);
            return args[0] == args[1] ? ToyBool.TRUE : NotImplemented.NOT_IMPLEMENTED;
        });
        object.method("__ne__", (ts, args, kw) -> {
            Args.one("__ne__", args, kw, 1);
            ToyObject eq = args[0].compare(CompareOp.EQ, args[1]);
            if (eq == NotImplemented.NOT_IMPLEMENTED && args[0] == args[1]) eq = ToyBool.TRUE;
            return eq == NotImplemented.NOT_IMPLEMENTED ? eq : ToyBool.of(!eq.isTrue());
        });
        object.method("__hash__", (ts, args, kw) -> {
            Args.none("__hash__", args, kw, 1);
            return ToyInt.of(args[0] instanceof ToyInstance ? Ops.id(args[0]) : args[0].hash());
        });
        object.method("__getattribute__", (ts, args, kw) -> {
            Args.one("__getattribute__", args, kw, 1);
            String name = attributeName(args[1]);
            return args[0] instanceof ToyInstance i ? Attributes.get(i, i.dict, name, null) : args[0].getAttr(name);
        });
        object.method("__setattr__", (ts, args, kw) -> {
            Args.noKeywords("__setattr__", kw);
            if (args.length != 3) throw Errors.typeError("expected 2 arguments, got " + (args.length - 1));
            setOrDelete(args[0], attributeName(args[1]), args[2]);
            return ToyNone.NONE;
        });
        object.method("__delattr__", (ts, args, kw) -> {
            Args.one("__delattr__", args, kw, 1);
            setOrDelete(args[0], attributeName(args[1]), null);
            return ToyNone.NONE;
        });
    }

    /** Generic attribute assignment, not the class's own {@code __setattr__} (that is the usual caller). */
    private static void setOrDelete(ToyObject self, String name, ToyObject value) {
        if (self instanceof ToyInstance i) Attributes.set(i, i.dict, name, null, value);
        else self.setAttr(name, value);
    }

    private static String attributeName(ToyObject o) {
        if (o instanceof ToyStr s) return s.value;
        throw Errors.typeError("attribute name must be string, not '" + o.type().name() + "'");
    }

    private static void installBaseException(ToyType base) {
        base.method("__init__", (ts, args, kw) -> {
            Args.noKeywords(args[0].type().name(), kw);
            ((ToyException) args[0]).setArgs(ToyTuple.of(java.util.Arrays.copyOfRange(args, 1, args.length)));
            return ToyNone.NONE;
        });
        base.method("__str__", (ts, args, kw) -> {
            Args.none("__str__", args, kw, 1);
            return ToyStr.of(((ToyException) args[0]).builtinStr());
        });
        base.method("__repr__", (ts, args, kw) -> {
            Args.none("__repr__", args, kw, 1);
            return ToyStr.of(((ToyException) args[0]).builtinRepr());
        });
    }
}
