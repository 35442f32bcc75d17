package org.toy.runtime;

/**
 * {@code classmethod(f)}: found on a class or an instance it gives {@code f} bound to the class
 * ({@link Attributes#bind}), so {@code cls} comes first.
 */
public final class ToyClassMethod extends ToyObject {
    public static final ToyType TYPE = new ToyType("classmethod", ToyType.OBJECT, (ts, type, args, kw) -> {
        Args.noKeywords("classmethod", kw);
        if (args.length != 1) throw Errors.typeError("classmethod expected 1 argument, got " + args.length);
        return new ToyClassMethod(args[0]);
    });

    public final ToyObject function;

    public ToyClassMethod(ToyObject function) { this.function = function; }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() { return "<classmethod(" + function.repr() + ")>"; }

    @Override
    public ToyObject getAttr(String name) {
        if (name.equals("__func__")) return function;
        return super.getAttr(name);
    }
}
