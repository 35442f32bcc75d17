package org.toy.process;

import org.toy.runtime.ToyObject;

/** Helpers of this package that the IPC objects use. */
public final class ToyProcessAccess {
    private ToyProcessAccess() {}

    /** The items of a tuple, list or other iterable. */
    public static ToyObject[] sequence(ToyObject o) { return ToyProcess.sequence(o); }
}
