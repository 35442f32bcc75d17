package org.toy.vm;

import java.util.Arrays;
import org.toy.runtime.ClassFactory;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyFunction;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyType;

/**
 * The built-in {@code __build_class__(func, name, *bases)} that a {@code class} statement calls
 * (CPython's {@code builtin___build_class__}): it runs the class body — compiled as a function
 * with no parameters — in a frame whose namespace is a fresh dict, then makes the class from that
 * namespace. The body's {@code __class__} cell, if methods use {@code super()}, comes back in
 * the namespace as {@code __classcell__} and is filled by {@link ClassFactory}.
 */
public final class ClassBuilder {
    private ClassBuilder() {}

    public static ToyObject buildClass(ThreadState ts, ToyObject[] args, String[] kwNames) {
        int positional = args.length - kwNames.length;
        if (positional < 2) throw Errors.typeError("__build_class__: not enough arguments");
        if (!(args[0] instanceof ToyFunction body)) throw Errors.typeError("__build_class__: func must be a function");
        if (!(args[1] instanceof ToyStr name)) throw Errors.typeError("__build_class__: name is not a string");
        for (int k = 0; k < kwNames.length; k++) {
            ToyObject value = args[positional + k];
            if (kwNames[k].equals("metaclass") && value == ToyType.TYPE) continue;
            throw Errors.typeError(kwNames[k].equals("metaclass") ? "metaclasses are not supported"
                    : name.value + ".__init_subclass__() takes no keyword arguments");
        }
        ToyObject[] bases = Arrays.copyOfRange(args, 2, positional);

        ToyDict namespace = new ToyDict();
        Frame frame = Calls.newFrame(ts, body, ToyObject.NO_ARGS, 0, 0, ToyObject.NO_KEYWORDS);
        frame.locals = namespace;
        EvalLoop.run(ts, frame);

        ToyObject module = body.globals.get(ToyStr.intern("__name__"));
        ToyType cls = ClassFactory.create(name.value, bases, namespace, module == null ? "__main__" : module.str());
        cls.setDefiningGlobals(body.globals);
        return cls;
    }
}
