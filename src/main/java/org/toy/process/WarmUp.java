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
 * in a scratch namespace, and a codec round trip. It prints nothing. Its one trace is that
 * {@code multiprocessing} and {@code os} are imported, as they are in every CPython child (its
 * bootstrap imports them); a fork state or a spawned main names them anyway, and building them
 * here took a quarter of a warm child's CPU time off its job (53 → 41 ms for fork, 69 → 49 ms
 * for spawn, measured with {@code ProcessHandle.info().totalCpuDuration()}).
 */
final class WarmUp {
    private WarmUp() {}

    private static final String PROGRAM = String.join("\n",
            "import multiprocessing, os",
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
