package org.toy.builtins;

import org.toy.runtime.ToyModule;
import org.toy.vm.Interpreter;

/** Placeholder until the built-ins land. */
public final class Builtins {
    private Builtins() {}

    public static ToyModule create(Interpreter interp) {
        return new ToyModule("builtins");
    }
}
