package org.toy.vm;

import org.toy.bytecode.Code;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyFunction;
import org.toy.runtime.ToyObject;

/**
 * One activation of a code object. Its {@link #slots} hold, as CPython 3.11's "localsplus",
 * the fast locals, then the cells and free variables, then the operand stack; {@link #ip} and
 * {@link #sp} are saved here only when the frame is not the one running (a call, a return, an
 * exception), the dispatch loop keeps them in Java locals otherwise.
 */
public final class Frame {
    public final Code code;
    public final ToyObject[] slots;
    public final ToyDict globals;
    public final ToyDict builtins;
    /** The function this frame runs, or null for module code. */
    public final ToyFunction function;
    /**
     * A class body's namespace, or null: LOAD_NAME looks here before the globals and STORE_NAME
     * stores here (CPython's {@code f_locals} for a class body).
     */
    ToyDict locals;
    /** The calling frame in the same dispatch loop, or null if this frame was entered from Java. */
    Frame back;
    int ip;
    int sp;

    Frame(Code code, ToyDict globals, ToyDict builtins, ToyFunction function) {
        this.code = code;
        this.globals = globals;
        this.builtins = builtins;
        this.function = function;
        int locals = code.slotCount();
        this.slots = new ToyObject[locals + code.maxStack];
        this.sp = locals;
    }

    /** The source line being executed (for tracebacks). */
    public int line() {
        int at = Math.max(0, Math.min(ip - 1, code.lines.length - 1));
        return code.lines.length == 0 ? code.firstLine : code.lines[at];
    }
}
