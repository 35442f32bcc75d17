package org.toy.runtime;

import org.toy.vm.ThreadState;

/**
 * A function written in Java: a built-in ({@code len}), a module function ({@code time.sleep}) or a
 * method of a built-in type ({@code str.upper}, which receives self as {@code args[0]}).
 */
public final class BuiltinFunction extends ToyObject {
    public static final ToyType TYPE = new ToyType("builtin_function_or_method", ToyType.OBJECT);

    /** The Java body, in the vectorcall shape of {@link ToyObject#call}. */
    @FunctionalInterface
    public interface Body {
        ToyObject call(ThreadState ts, ToyObject[] args, String[] kwNames);
    }

    private final String name;
    private final ToyType owner;
    private final Body body;
    /** For a function that crosses processes by reference: the built-in module that defines it, else null. */
    private volatile String module;

    private BuiltinFunction(String name, ToyType owner, Body body, String module) {
        this.name = name;
        this.owner = owner;
        this.body = body;
        this.module = module;
    }

    private BuiltinFunction(String name, ToyType owner, Body body) {
        this(name, owner, body, null);
    }

    public static BuiltinFunction function(String name, Body body) {
        return new BuiltinFunction(name, null, body);
    }

    public static BuiltinFunction method(ToyType owner, String name, Body body) {
        return new BuiltinFunction(name, owner, body);
    }

    /**
     * A function of the built-in module {@code module} ({@code multiprocessing.pool.worker}) that
     * the codec sends by reference, so that another interpreter finds it in its own module.
     */
    public static BuiltinFunction moduleFunction(String module, String name, Body body) {
        return new BuiltinFunction(name, null, body, module);
    }

    public String name() { return name; }

    /** The module of a {@link #moduleFunction} or of the first module that defined it, else null. */
    public String module() { return module; }

    /** Called when a built-in module defines this function: the first such module owns it. */
    void claimModule(String moduleName) {
        if (module == null && owner == null) module = moduleName;
    }

    /** True for a method of a built-in type: looking it up on an instance binds it. */
    public boolean isMethod() { return owner != null; }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() {
        return owner == null ? "<built-in function " + name + ">"
                : "<method '" + name + "' of '" + owner.name() + "' objects>";
    }

    @Override
    public ToyObject call(ThreadState ts, ToyObject[] args, String[] kwNames) {
        if (owner != null) checkSelf(args, kwNames);
        return body.call(ts, args, kwNames);
    }

    /**
     * A method called through its type, {@code str.upper(x)}, gets no binding to check its
     * receiver, so it is checked here, as CPython's method descriptors do.
     */
    private void checkSelf(ToyObject[] args, String[] kwNames) {
        if (args.length - kwNames.length < 1) {
            throw Errors.typeError("unbound method " + owner.name() + "." + name + "() needs an argument");
        }
        ToyType selfType = args[0].type();
        if (selfType != owner && !selfType.isSubtypeOf(owner)) {
            throw Errors.typeError("descriptor '" + name + "' for '" + owner.name() + "' objects doesn't apply to a '"
                    + selfType.name() + "' object");
        }
    }

    @Override
    public ToyObject getAttr(String attr) {
        if (attr.equals("__name__") || attr.equals("__qualname__")) return ToyStr.of(name);
        return super.getAttr(attr);
    }
}
