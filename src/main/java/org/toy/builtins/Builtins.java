package org.toy.builtins;

import java.util.Map;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.NotImplemented;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyFloat;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.Interpreter;

/**
 * The {@code builtins} module: the registry that gathers each family of built-in functions, the
 * built-in types and the exception types under their Python names. Each interpreter gets its own
 * module object (a program may rebind {@code builtins.print}); the functions themselves are shared
 * and find their interpreter through the calling thread's state.
 */
public final class Builtins {
    private Builtins() {}

    /**
     * Types the runtime is still gaining ({@code set}, {@code range} ...): published when their class
     * exists, looked up by name so this package compiles against the runtime at any stage.
     */
    private static final Map<String, String> PENDING_TYPES = Map.of(
            "set", "org.toy.runtime.ToySet",
            "frozenset", "org.toy.runtime.ToyFrozenSet",
            "range", "org.toy.runtime.ToyRange",
            "bytes", "org.toy.runtime.ToyBytes",
            "bytearray", "org.toy.runtime.ToyByteArray",
            "slice", "org.toy.runtime.ToySlice");

    public static ToyModule create(Interpreter interp) {
        ToyModule builtins = new ToyModule("builtins");
        defineTypes(builtins);
        for (ToyType exception : ExceptionTypes.all()) builtins.define(exception.name(), exception);
        builtins.define("NotImplemented", NotImplemented.NOT_IMPLEMENTED);
        ConsoleBuiltins.install(builtins);
        AggregateBuiltins.install(builtins);
        IterationBuiltins.install(builtins);
        NumberBuiltins.install(builtins);
        TextBuiltins.install(builtins);
        ObjectBuiltins.install(builtins);
        FileBuiltins.install(builtins);
        builtins.define("exit", new Quitter("exit"));
        builtins.define("quit", new Quitter("quit"));
        return builtins;
    }

    private static void defineTypes(ToyModule builtins) {
        builtins.define("object", ToyType.OBJECT);
        builtins.define("type", ToyType.TYPE);
        builtins.define("int", ToyInt.TYPE);
        builtins.define("bool", ToyBool.TYPE);
        builtins.define("float", ToyFloat.TYPE);
        builtins.define("str", ToyStr.TYPE);
        builtins.define("list", ToyList.TYPE);
        builtins.define("tuple", ToyTuple.TYPE);
        builtins.define("dict", ToyDict.TYPE);
        PENDING_TYPES.forEach((name, className) -> {
            ToyObject type = runtimeType(className);
            if (type != null) builtins.define(name, type);
        });
    }

    /** The {@code TYPE} field of a runtime class, or null while that class does not exist. */
    private static ToyObject runtimeType(String className) {
        try {
            return (ToyObject) Class.forName(className).getField("TYPE").get(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return null;
        }
    }

    /** A built-in function of this module by name, for callers in Java (tests, the VM's fast paths). */
    public static BuiltinFunction function(ToyModule builtins, String name) {
        return (BuiltinFunction) builtins.getAttr(name);
    }
}
