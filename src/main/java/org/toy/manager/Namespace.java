package org.toy.manager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyType;

/** {@code managers.Namespace}: a bag of attributes, held by the manager; its repr sorts them as CPython's. */
final class Namespace extends ToyObject {
    static final ToyType TYPE = new ToyType("Namespace", ToyType.OBJECT);

    private final Map<String, ToyObject> attrs = new LinkedHashMap<>();

    @Override public ToyType type() { return TYPE; }

    @Override
    public ToyObject getAttr(String name) {
        ToyObject v = attrs.get(name);
        if (v != null) return v;
        if (name.equals("__class__")) return TYPE;
        throw Errors.attributeError("'Namespace' object has no attribute '" + name + "'");
    }

    @Override
    public void setAttr(String name, ToyObject value) {
        if (value == null) {
            if (attrs.remove(name) == null) throw Errors.attributeError(name);
        } else {
            attrs.put(name, value);
        }
    }

    @Override
    public String repr() {
        List<String> items = new ArrayList<>();
        for (Map.Entry<String, ToyObject> e : attrs.entrySet()) {
            if (!e.getKey().startsWith("_")) items.add(e.getKey() + "=" + e.getValue().repr());
        }
        items.sort(null);
        return "Namespace(" + String.join(", ", items) + ")";
    }
}
