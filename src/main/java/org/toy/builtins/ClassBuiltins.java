package org.toy.builtins;

import java.util.TreeSet;
import org.toy.bytecode.Code;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ObjectMethods;
import org.toy.runtime.ToyCell;
import org.toy.runtime.ToyClassMethod;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyInstance;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyProperty;
import org.toy.runtime.ToyStaticMethod;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToySuper;
import org.toy.runtime.ToyType;
import org.toy.vm.ClassBuilder;
import org.toy.vm.Frame;
import org.toy.vm.ThreadState;

/**
 * The built-ins for classes: {@code __build_class__} (what a {@code class} statement calls), the
 * descriptor types {@code property}, {@code staticmethod} and {@code classmethod}, {@code super},
 * and the introspection functions {@code vars} and {@code dir}.
 */
final class ClassBuiltins {
    private ClassBuiltins() {}

    /** What {@code dir(object())} lists in CPython 3.11: every object has these. */
    private static final String[] OBJECT_NAMES = {
        "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__",
        "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__", "__ne__",
        "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__",
        "__subclasshook__",
    };

    static void install(ToyModule builtins) {
        ObjectMethods.install();
        installSuper();
        builtins.function("__build_class__", ClassBuilder::buildClass);
        builtins.define("property", ToyProperty.TYPE);
        builtins.define("staticmethod", ToyStaticMethod.TYPE);
        builtins.define("classmethod", ToyClassMethod.TYPE);
        builtins.define("super", ToySuper.TYPE);
        builtins.function("vars", ClassBuiltins::vars);
        builtins.function("dir", ClassBuiltins::dir);
    }

    private static boolean superInstalled;

    private static synchronized void installSuper() {
        if (superInstalled) return;
        superInstalled = true;
        ToySuper.TYPE.setConstructor(ClassBuiltins::newSuper);
    }

    /** {@code super(C, obj)}, or {@code super()} with C and obj taken from the calling method. */
    static ToyObject newSuper(ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        Signature.positional("super", args, kw, 0, 2);
        if (args.length == 0) return zeroArgumentSuper(ts.callerFrame());
        if (!(args[0] instanceof ToyType cls)) {
            throw Errors.typeError("super() argument 1 must be a type, not " + args[0].type().name());
        }
        if (args.length == 1) throw Errors.typeError("super() with one argument (unbound super) is not supported");
        return new ToySuper(cls, args[1]);
    }

    /**
     * CPython's {@code super_init_without_args}: the class is the caller's {@code __class__}
     * cell (the compiler creates it when a method names {@code super}), the object its first
     * argument.
     */
    private static ToyObject zeroArgumentSuper(Frame f) {
        if (f == null || f.function == null) throw Errors.runtimeError("super(): no arguments");
        Code code = f.code;
        if (code.argCount == 0) throw Errors.runtimeError("super(): no arguments");
        ToyObject first = f.slots[0];
        for (int c = 0; c < code.cellVars.length; c++) {
            if (code.cellParameters[c] == 0) first = ((ToyCell) f.slots[code.varNames.length + c]).value;
        }
        if (first == null) throw Errors.runtimeError("super(): arg[0] deleted");
        int index = java.util.Arrays.asList(code.freeVars).indexOf("__class__");
        if (index < 0) throw Errors.runtimeError("super(): __class__ cell not found");
        ToyObject cls = ((ToyCell) f.slots[code.varNames.length + code.cellVars.length + index]).value;
        if (cls == null) throw Errors.runtimeError("super(): empty __class__ cell");
        if (!(cls instanceof ToyType t)) {
            throw Errors.runtimeError("super(): __class__ is not a type (" + cls.type().name() + ")");
        }
        return new ToySuper(t, first);
    }

    /** {@code vars(obj)}: its {@code __dict__}. */
    static ToyObject vars(ThreadState ts, ToyObject[] args, String[] kw) {
        Signature.positional("vars", args, kw, 1, 1);
        try {
            return args[0].getAttr("__dict__");
        } catch (ToyError e) {
            if (!e.exception.isInstance(ExceptionTypes.ATTRIBUTE_ERROR)) throw e;
            throw Errors.typeError("vars() argument must have __dict__ attribute");
        }
    }

    /** {@code dir(obj)}: the sorted names of its attributes, its class's and its bases'; {@code dir()}: the caller's names. */
    static ToyObject dir(ThreadState ts, ToyObject[] args, String[] kw) {
        int n = Signature.positional("dir", args, kw, 0, 1);
        TreeSet<String> names = new TreeSet<>();
        if (n == 0) {
            callerNames(ts.callerFrame(), names);
            return sortedList(names);
        }
        ToyObject obj = args[0];
        if (obj instanceof ToyModule m) {
            keys(m.globals(), names);
            return sortedList(names);
        }
        if (obj instanceof ToyInstance i) {
            ToyObject custom = org.toy.runtime.SpecialMethods.callIfDefined(i, "__dir__");
            if (custom != null) {
                for (ToyObject name : org.toy.runtime.Sequences.toArray(custom)) names.add(name.str());
                return sortedList(names);
            }
            keys(i.dict, names);
        }
        classNames(obj instanceof ToyType t ? t : obj.type(), names);
        return sortedList(names);
    }

    private static void classNames(ToyType type, TreeSet<String> names) {
        for (ToyType t = type; t != null; t = t.base()) {
            names.addAll(t.dict().keySet());
            if (t.isHeap() && !t.isSubtypeOf(ExceptionTypes.BASE_EXCEPTION)) {
                names.add("__dict__");
                names.add("__weakref__");
            }
        }
        names.addAll(java.util.List.of(OBJECT_NAMES));
    }

    private static void callerNames(Frame f, TreeSet<String> names) {
        if (f == null) return;
        if (f.function == null) {
            keys(f.globals, names);
            return;
        }
        Code code = f.code;
        for (int i = 0; i < code.varNames.length; i++) if (f.slots[i] != null) names.add(code.varNames[i]);
        for (int c = 0; c < code.cellVars.length + code.freeVars.length; c++) {
            if (f.slots[code.varNames.length + c] instanceof ToyCell cell && cell.value != null) {
                names.add(code.derefName(c));
            }
        }
    }

    private static void keys(ToyDict d, TreeSet<String> names) {
        for (ToyObject k : d.map.keySet()) if (k instanceof ToyStr s) names.add(s.value);
    }

    private static ToyList sortedList(TreeSet<String> names) {
        ToyList out = new ToyList();
        for (String s : names) out.append(ToyStr.of(s));
        return out;
    }
}
