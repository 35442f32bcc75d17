package org.toy.runtime;

import org.toy.bytecode.Code;
import org.toy.vm.EvalLoop;
import org.toy.vm.ThreadState;

/**
 * A function defined in Toy ({@code def} or {@code lambda}): its code, the globals it was defined
 * in, its default values (evaluated once, at definition) and its closure cells.
 */
public final class ToyFunction extends ToyObject {
    public static final ToyType TYPE = new ToyType("function", ToyType.OBJECT);

    public final Code code;
    public final ToyDict globals;
    /** Defaults of the last positional parameters, or an empty array. */
    public final ToyObject[] defaults;
    /** Defaults of keyword-only parameters, or null. */
    public final ToyDict kwDefaults;
    /** One cell per free variable of {@link #code}, or an empty array. */
    public final ToyCell[] closure;
    private String name;
    private String qualName;
    private ToyDict attributes;

    public ToyFunction(Code code, ToyDict globals, ToyObject[] defaults, ToyDict kwDefaults, ToyCell[] closure) {
        this.code = code;
        this.globals = globals;
        this.defaults = defaults;
        this.kwDefaults = kwDefaults;
        this.closure = closure;
        this.name = code.name;
        this.qualName = code.qualName;
    }

    public String name() { return name; }

    public String qualName() { return qualName; }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() {
        return "<function " + qualName + " at 0x" + Long.toHexString(Ops.id(this)) + ">";
    }

    /** Called from Java (a built-in's callback): runs a nested dispatch loop for this call. */
    @Override
    public ToyObject call(ThreadState ts, ToyObject[] args, String[] kwNames) {
        return EvalLoop.callFunction(ts, this, args, kwNames);
    }

    @Override
    public ToyObject getAttr(String attr) {
        switch (attr) {
            case "__name__": return ToyStr.of(name);
            case "__qualname__": return ToyStr.of(qualName);
            case "__code__": return code;
            case "__defaults__": return defaults.length == 0 ? ToyNone.NONE : ToyTuple.of(defaults.clone());
            case "__globals__": return globals;
            case "__module__": {
                ToyObject m = globals.get(ToyStr.of("__name__"));
                return m == null ? ToyNone.NONE : m;
            }
            case "__dict__":
                if (attributes == null) attributes = new ToyDict();
                return attributes;
            default:
        }
        if (attributes != null) {
            ToyObject v = attributes.get(ToyStr.of(attr));
            if (v != null) return v;
        }
        return super.getAttr(attr);
    }

    @Override
    public void setAttr(String attr, ToyObject value) {
        switch (attr) {
            case "__name__" -> name = value.str();
            case "__qualname__" -> qualName = value.str();
            default -> {
                if (attributes == null) attributes = new ToyDict();
                if (value == null) {
                    if (attributes.map.remove(ToyStr.of(attr)) == null) throw Errors.noAttribute(this, attr);
                } else {
                    attributes.put(ToyStr.of(attr), value);
                }
            }
        }
    }
}
