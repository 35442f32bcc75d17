package org.toy.runtime;

import java.util.Map;

/** A module: a name and a namespace dict ({@code math}, or a {@code .toy} file's globals). */
public final class ToyModule extends ToyObject {
    public static final ToyType TYPE = new ToyType("module", ToyType.OBJECT);

    private final String name;
    private final ToyDict globals;

    public ToyModule(String name, ToyDict globals) {
        this.name = name;
        this.globals = globals;
        globals.put(ToyStr.intern("__name__"), ToyStr.of(name));
    }

    public ToyModule(String name) { this(name, new ToyDict()); }

    public String name() { return name; }

    public ToyDict globals() { return globals; }

    /** Defines {@code module.attr = value}. */
    public ToyModule define(String attr, ToyObject value) {
        // a function of a built-in module crosses to other processes by reference to the module
        if (value instanceof BuiltinFunction f && !name.equals("builtins")) f.claimModule(name);
        if (value instanceof ToyType t && !name.equals("builtins")) t.claimHome(name, attr);
        globals.put(ToyStr.intern(attr), value);
        return this;
    }

    /** Defines a module function. */
    public ToyModule function(String fname, BuiltinFunction.Body body) {
        return define(fname, BuiltinFunction.function(fname, body));
    }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() {
        ToyObject file = globals.get(ToyStr.of("__file__"));
        return file == null ? "<module '" + name + "' (built-in)>" : "<module '" + name + "' from " + file.repr() + ">";
    }

    @Override
    public ToyObject getAttr(String attr) {
        ToyObject v = globals.get(ToyStr.of(attr));
        if (v != null) return v;
        if (attr.equals("__dict__")) return globals;
        throw Errors.attributeError("module '" + name + "' has no attribute '" + attr + "'");
    }

    @Override
    public void setAttr(String attr, ToyObject value) {
        if (value == null) {
            if (globals.map.remove(ToyStr.of(attr)) == null) {
                throw Errors.attributeError("module '" + name + "' has no attribute '" + attr + "'");
            }
        } else {
            globals.put(ToyStr.of(attr), value);
        }
    }

    public Map<ToyObject, ToyObject> namespace() { return globals.map; }
}
