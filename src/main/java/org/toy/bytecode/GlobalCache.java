package org.toy.bytecode;

import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyObject;

/**
 * The inline cache of one global name in one code object: the value {@code LOAD_GLOBAL} found,
 * and the versions of the globals and built-ins dicts it was found at (CPython 3.11's
 * {@code LOAD_GLOBAL_MODULE} / {@code LOAD_GLOBAL_BUILTIN} keep the same two versions). While
 * neither dict has changed, the value is the lookup's answer without hashing anything.
 *
 * <p>An entry is written and read only by the thread holding the GIL, which orders the accesses of
 * the threads that share the code object; it is not part of the code's value (the code object
 * stays immutable as far as {@code dis}, equality and execution are concerned).
 */
public final class GlobalCache {
    ToyDict globals;
    ToyDict builtins;
    int globalsVersion;
    int builtinsVersion;
    ToyObject value;

    /** The cached value if both dicts are the ones it was found in and unchanged since, else null. */
    public ToyObject lookup(ToyDict globals, ToyDict builtins) {
        return this.globals == globals && this.builtins == builtins && globalsVersion == globals.map.version()
                && builtinsVersion == builtins.map.version() ? value : null;
    }

    /** Remembers {@code value} as found in these dicts as they are now. */
    public void fill(ToyDict globals, ToyDict builtins, ToyObject value) {
        this.globals = globals;
        this.builtins = builtins;
        this.globalsVersion = globals.map.version();
        this.builtinsVersion = builtins.map.version();
        this.value = value;
    }
}
