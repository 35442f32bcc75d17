package org.toy.modules;

import org.toy.runtime.ToyModule;
import org.toy.vm.Interpreter;

/** Placeholder until the modules land. */
public final class BuiltinModules {
    private BuiltinModules() {}

    public static ToyModule create(String name, Interpreter interp) {
        return null;
    }
}
