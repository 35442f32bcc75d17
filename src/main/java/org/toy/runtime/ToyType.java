package org.toy.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import org.toy.vm.ThreadState;

/**
 * A Toy type ({@code int}, {@code list}, {@code ValueError}, later user classes). It is itself a value
 * (of type {@code type}), callable to construct instances, and holds its attributes and methods in
 * {@link #dict}; single inheritance through {@link #base}, so the MRO is the base chain.
 *
 * <p>Built-in types are created once per JVM and shared by every interpreter, as CPython's static
 * types are: they are filled while their class initialises and not changed afterwards.
 */
public class ToyType extends ToyObject {
    public static final ToyType OBJECT = new ToyType("object", null);
    public static final ToyType TYPE = new ToyType("type", OBJECT);

    static {
        OBJECT.setConstructor(Constructors::newObject);
        TYPE.setConstructor(Constructors::newType);
    }

    /** How calling the type builds a value: {@code int("3")}. */
    @FunctionalInterface
    public interface Constructor {
        ToyObject construct(ThreadState ts, ToyType type, ToyObject[] args, String[] kwNames);
    }

    private final String name;
    private final ToyType base;
    private final Map<String, ToyObject> dict = new LinkedHashMap<>();
    private Constructor constructor;

    public ToyType(String name, ToyType base) {
        this.name = name;
        this.base = base;
    }

    public ToyType(String name, ToyType base, Constructor constructor) {
        this(name, base);
        this.constructor = constructor;
    }

    public String name() { return name; }

    public ToyType base() { return base; }

    /** The type's own attributes (methods, class attributes), not its bases'. */
    public Map<String, ToyObject> dict() { return dict; }

    public void setConstructor(Constructor constructor) { this.constructor = constructor; }

    /** Registers a built-in method: {@code body} receives self as {@code args[0]}. */
    public ToyType method(String methodName, BuiltinFunction.Body body) {
        dict.put(methodName, BuiltinFunction.method(this, methodName, body));
        return this;
    }

    /** The attribute {@code name} on this type or its bases (the MRO), or Java null. */
    public ToyObject lookup(String attr) {
        for (ToyType t = this; t != null; t = t.base) {
            ToyObject found = t.dict.get(attr);
            if (found != null) return found;
        }
        return null;
    }

    public boolean isSubtypeOf(ToyType other) {
        for (ToyType t = this; t != null; t = t.base) {
            if (t == other) return true;
        }
        return false;
    }

    @Override public ToyType type() { return TYPE; }

    @Override public String repr() { return "<class '" + name + "'>"; }

    @Override
    public ToyObject getAttr(String attr) {
        switch (attr) {
            case "__name__", "__qualname__": return ToyStr.of(name);
            case "__base__": return base == null ? ToyNone.NONE : base;
            default:
        }
        ToyObject found = lookup(attr);
        if (found != null) return found;
        throw Errors.attributeError("type object '" + name + "' has no attribute '" + attr + "'");
    }

    @Override
    public ToyObject call(ThreadState ts, ToyObject[] args, String[] kwNames) {
        if (constructor == null) throw Errors.typeError("cannot create '" + name + "' instances");
        return constructor.construct(ts, this, args, kwNames);
    }
}
