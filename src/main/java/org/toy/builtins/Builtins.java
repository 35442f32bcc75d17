package org.toy.builtins;

import java.util.Map;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.NotImplemented;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyBytes;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyRange;
import org.toy.runtime.ToySet;
import org.toy.runtime.ToySlice;
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
        ClassBuiltins.install(builtins);
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
        builtins.define("set", ToySet.SET_TYPE);
        builtins.define("frozenset", ToySet.FROZENSET_TYPE);
        builtins.define("range", ToyRange.TYPE);
        builtins.define("bytes", ToyBytes.TYPE);
        builtins.define("slice", ToySlice.TYPE);
    }

    /** A built-in function of this module by name, for callers in Java (tests, the VM's fast paths). */
    public static BuiltinFunction function(ToyModule builtins, String name) {
        return (BuiltinFunction) builtins.getAttr(name);
    }
}
