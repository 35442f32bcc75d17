package org.toy.runtime;

/**
 * {@code super(C, obj)}: attribute lookup that starts after {@code C} in the MRO of obj's class
 * (or of obj itself, when obj is a class: {@code super()} inside a classmethod), binding what it
 * finds to obj. The zero-argument form is resolved by the {@code super} built-in from the calling
 * frame's first argument and {@code __class__} cell.
 */
public final class ToySuper extends ToyObject {
    public static final ToyType TYPE = new ToyType("super", ToyType.OBJECT);

    private final ToyType thisType;
    private final ToyObject obj;
    /** The class whose MRO is searched: obj's class, or obj itself when it is a subclass. */
    private final ToyType start;

    public ToySuper(ToyType thisType, ToyObject obj) {
        this.thisType = thisType;
        this.obj = obj;
        if (obj instanceof ToyType t && t.isSubtypeOf(thisType)) {
            this.start = t;
        } else if (obj.type().isSubtypeOf(thisType)) {
            this.start = obj.type();
        } else {
            throw Errors.typeError("super(type, obj): obj must be an instance or subtype of type");
        }
    }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() {
        return "<super: <class '" + thisType.name() + "'>, <" + start.name() + " object>>";
    }

    @Override
    public ToyObject getAttr(String name) {
        if (name.equals("__class__")) return TYPE;
        if (name.equals("__self__")) return obj;
        if (name.equals("__thisclass__")) return thisType;
        for (ToyType t = thisType.base(); t != null; t = t.base()) {
            ToyObject found = t.dict().get(name);
            if (found == null) continue;
            if (obj == start) return Attributes.bindToClass(found, start);
            if (found instanceof ToyProperty p) return p.get(obj, name);
            return Attributes.bind(found, obj, start);
        }
        throw Errors.attributeError("'super' object has no attribute '" + name + "'");
    }
}
