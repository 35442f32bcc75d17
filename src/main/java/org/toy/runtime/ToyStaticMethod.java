package org.toy.runtime;

import org.toy.vm.ThreadState;

/**
 * {@code staticmethod(f)}: found on a class or an instance it gives {@code f} itself, with no
 * binding ({@link Attributes#bind}). Callable directly, as in Python 3.10+.
 */
public final class ToyStaticMethod extends ToyObject {
    public static final ToyType TYPE = new ToyType("staticmethod", ToyType.OBJECT, (ts, type, args, kw) -> {
        Args.noKeywords("staticmethod", kw);
        if (args.length != 1) throw Errors.typeError("staticmethod expected 1 argument, got " + args.length);
        return new ToyStaticMethod(args[0]);
    });

    public final ToyObject function;

    public ToyStaticMethod(ToyObject function) { this.function = function; }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() { return "<staticmethod(" + function.repr() + ")>"; }

    @Override
    public ToyObject call(ThreadState ts, ToyObject[] args, String[] kwNames) {
        return function.call(ts, args, kwNames);
    }

    @Override
    public ToyObject getAttr(String name) {
        if (name.equals("__func__")) return function;
        return super.getAttr(name);
    }
}
