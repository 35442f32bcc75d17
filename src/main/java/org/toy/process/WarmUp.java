package org.toy.process;

import org.toy.ipc.Codec;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyModule;
import org.toy.source.Source;
import org.toy.vm.Interpreter;
import org.toy.vm.ThreadState;

/**
 * What a child does before it has a job, so that a warm spare is handed one with the lexer,
 * parser, compiler, VM and codec already loaded and run once: a small program compiled and run
 * in a scratch namespace that no module table sees, and a codec round trip. It prints nothing
 * and leaves no trace in the interpreter's modules, so a child that ran it is indistinguishable
 * from one that did not.
 */
final class WarmUp {
    private WarmUp() {}

    private static final String PROGRAM = String.join("\n",
            "def f(n, k=1, *rest, **kw):",
            "    return n + k",
            "class C:",
            "    def __init__(self, x):",
            "        self.x = x",
            "total = 0",
            "for i in range(20):",
            "    total = f(total, i)",
            "d = {'a': [1, 2.5, 'x'], 'b': (None, True)}",
            "s = f'{total:>4} {d!r}' + str(C(3).x)",
            "try:",
            "    raise ValueError(s)",
            "except ValueError as e:",
            "    s = str(e)",
            "");

    static void run(Interpreter interp) {
        ThreadState ts = interp.mainThread();
        ToyModule scratch = new ToyModule("__warmup__");
        scratch.define("__builtins__", interp.builtins());
        interp.gil().take(ts);
        try {
            interp.exec(ts, interp.compile(new Source("<warmup>", PROGRAM), false), scratch.globals());
            ToyDict d = scratch.globals();
            Codec.decode(Codec.encode(d.get(org.toy.runtime.ToyStr.of("d"))), null);
        } catch (RuntimeException e) {
            // Warming up is an optimisation only; a failure here must not stop the child.
        } finally {
            interp.gil().drop(ts);
        }
    }
}
