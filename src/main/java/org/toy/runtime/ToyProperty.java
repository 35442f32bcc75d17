package org.toy.runtime;

/**
 * {@code property(fget, fset, fdel, doc)}: a data descriptor. Found on an instance's class, it
 * takes precedence over the instance dict, and reading, assigning or deleting the attribute calls
 * its getter, setter or deleter ({@link Attributes}). {@code @x.setter} makes a copy with the
 * setter filled in, as CPython's does.
 */
public final class ToyProperty extends ToyObject {
    public static final ToyType TYPE = new ToyType("property", ToyType.OBJECT, ToyProperty::construct);

    static {
        TYPE.method("getter", (ts, args, kw) -> self(args, kw).with(args[1], 0));
        TYPE.method("setter", (ts, args, kw) -> self(args, kw).with(args[1], 1));
        TYPE.method("deleter", (ts, args, kw) -> self(args, kw).with(args[1], 2));
        TYPE.method("__get__", (ts, args, kw) -> {
            ToyProperty p = (ToyProperty) args[0];
            return args.length > 1 && args[1] != ToyNone.NONE ? p.get(args[1], "") : p;
        });
    }

    private final ToyObject fget;
    private final ToyObject fset;
    private final ToyObject fdel;
    private final ToyObject doc;

    public ToyProperty(ToyObject fget, ToyObject fset, ToyObject fdel, ToyObject doc) {
        this.fget = fget;
        this.fset = fset;
        this.fdel = fdel;
        this.doc = doc;
    }

    /** fget, fset, fdel and doc, for the codec. */
    public ToyObject[] parts() { return new ToyObject[] {fget, fset, fdel, doc}; }

    private static ToyObject construct(org.toy.vm.ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        ToyObject[] p = Args.bind("property", args, kw, 0, 0, "fget", "fset", "fdel", "doc");
        return new ToyProperty(orNone(p[0]), orNone(p[1]), orNone(p[2]), orNone(p[3]));
    }

    private static ToyObject orNone(ToyObject o) { return o == null ? ToyNone.NONE : o; }

    private static ToyProperty self(ToyObject[] args, String[] kw) {
        Args.one("property", args, kw, 1);
        return (ToyProperty) args[0];
    }

    /** A copy with one accessor replaced: 0 getter, 1 setter, 2 deleter. */
    private ToyProperty with(ToyObject f, int which) {
        return new ToyProperty(which == 0 ? f : fget, which == 1 ? f : fset, which == 2 ? f : fdel, doc);
    }

    ToyObject get(ToyObject obj, String name) {
        if (fget == ToyNone.NONE) throw Errors.attributeError(missing(obj, name, "getter"));
        return Attributes.call(fget, obj);
    }

    void set(ToyObject obj, String name, ToyObject value) {
        if (fset == ToyNone.NONE) throw Errors.attributeError(missing(obj, name, "setter"));
        Attributes.call(fset, obj, value);
    }

    void delete(ToyObject obj, String name) {
        if (fdel == ToyNone.NONE) throw Errors.attributeError(missing(obj, name, "deleter"));
        Attributes.call(fdel, obj);
    }

    /** {@code property 'x' of 'P' object has no setter} (CPython 3.11). */
    private static String missing(ToyObject obj, String name, String what) {
        return "property '" + name + "' of '" + obj.type().name() + "' object has no " + what;
    }

    @Override public ToyType type() { return TYPE; }

    @Override
    public ToyObject getAttr(String name) {
        switch (name) {
            case "fget": return fget;
            case "fset": return fset;
            case "fdel": return fdel;
            case "__doc__":
                if (doc != ToyNone.NONE || fget == ToyNone.NONE) return doc;
                return fget.getAttr("__doc__");
            default: return super.getAttr(name);
        }
    }
}
