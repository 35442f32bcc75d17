package org.toy.builtins;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyObject;
import org.toy.vm.Interpreter;

/**
 * The three console streams of one interpreter, made once so that {@code sys.stdout} is always the
 * same object. The Interpreter has no slot for them, so they are kept here, keyed weakly by the
 * interpreter. {@code print()} and {@code input()} go through {@code sys.stdout}/{@code sys.stdin}
 * when the sys module exists, so a program that replaces them is obeyed, as in CPython.
 */
public final class StandardStreams {
    private static final Map<Interpreter, StandardStreams> BY_INTERPRETER =
            Collections.synchronizedMap(new WeakHashMap<>());

    public final ConsoleStream stdin;
    public final ConsoleStream stdout;
    public final ConsoleStream stderr;

    private StandardStreams(Interpreter interp) {
        stdin = ConsoleStream.input("<stdin>", interp.stdin());
        stdout = ConsoleStream.output("<stdout>", interp.stdout());
        stderr = ConsoleStream.output("<stderr>", interp.stderr());
    }

    public static StandardStreams of(Interpreter interp) {
        return BY_INTERPRETER.computeIfAbsent(interp, StandardStreams::new);
    }

    /** {@code sys.stdout} as Toy code sees it now. */
    public static ToyObject currentStdout(Interpreter interp) { return current(interp, "stdout", of(interp).stdout); }

    public static ToyObject currentStdin(Interpreter interp) { return current(interp, "stdin", of(interp).stdin); }

    public static ToyObject currentStderr(Interpreter interp) { return current(interp, "stderr", of(interp).stderr); }

    private static ToyObject current(Interpreter interp, String name, ConsoleStream console) {
        ToyModule sys = interp.modules().get("sys");
        if (sys == null) return console;
        try {
            return sys.getAttr(name);
        } catch (ToyError e) {
            throw Errors.runtimeError("lost sys." + name);
        }
    }
}
