package org.toy.manager;

import org.toy.runtime.Args;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyType;

/** {@code managers.Value(typecode, value)}: a plain holder in the manager (no shared memory, no lock), as CPython's. */
final class ManagedValue extends ToyObject {
    static final ToyType TYPE = new ToyType("Value", ToyType.OBJECT);

    private final ToyObject typecode;
    private ToyObject value;

    ManagedValue(ToyObject typecode, ToyObject value) {
        this.typecode = typecode;
        this.value = value;
    }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() { return "Value(" + typecode.repr() + ", " + value.repr() + ")"; }

    @Override
    public ToyObject getAttr(String name) {
        if (name.equals("value")) return value;
        return super.getAttr(name);
    }

    @Override
    public void setAttr(String name, ToyObject v) {
        if (name.equals("value") && v != null) value = v;
        else super.setAttr(name, v);
    }

    static {
        TYPE.method("get", (ts, a, kw) -> {
            Args.none("get", a, kw, 1);
            return ((ManagedValue) a[0]).value;
        });
        TYPE.method("set", (ts, a, kw) -> {
            Args.one("set", a, kw, 1);
            ((ManagedValue) a[0]).value = a[1];
            return ToyNone.NONE;
        });
    }

}
