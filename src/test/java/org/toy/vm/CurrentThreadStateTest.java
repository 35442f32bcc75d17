package org.toy.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyStr;
import org.toy.source.Source;

/**
 * Special methods are called from ToyObject virtuals that take no thread state; they find it
 * through {@link ThreadState#current()}. Each Java thread must see its own Toy thread state, even
 * with two interpreters running at once, and the binding must survive the end of the run (an
 * uncaught exception's {@code __str__} runs while its traceback is printed).
 */
class CurrentThreadStateTest {

    private static final String PROGRAM = "class Tag:\n    def __init__(self, n):\n        self.n = n\n"
            + "    def __repr__(self):\n        return 'Tag' + str(self.n)\n"
            + "total = 0\nfor i in range(2000):\n    total += len(repr(Tag(i)))\nprint(total, repr(Tag(7)))\n"
            + "last = Tag(9)\n";

    private record Run(Interpreter interp, ByteArrayOutputStream out, ThreadState ts, ToyModule module) {}

    private static Run run() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        Interpreter interp = new Interpreter(ps, ps, new BufferedReader(new StringReader("")));
        ToyModule module = interp.newModule("__main__", null);
        ThreadState ts = new ThreadState(interp, true);
        interp.exec(ts, interp.compile(new Source("<test>", PROGRAM), false), module.globals());
        return new Run(interp, out, ts, module);
    }

    @Test
    void eachJavaThreadCallsSpecialMethodsOnItsOwnThreadState() throws Exception {
        Run[] runs = new Run[2];
        ThreadState[] seen = new ThreadState[2];
        String[] reprs = new String[2];
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int k = t;
            threads[t] = new Thread(() -> {
                runs[k] = run();
                seen[k] = ThreadState.current();
                reprs[k] = runs[k].module.globals().get(ToyStr.intern("last")).repr();
            });
            threads[t].start();
        }
        for (Thread t : threads) t.join(30_000);
        for (int t = 0; t < 2; t++) {
            assertEquals("12890 Tag7\n", runs[t].out.toString(StandardCharsets.UTF_8));
            assertSame(runs[t].ts, seen[t], "the binding outlives the run, for tracebacks printed after it");
            assertEquals("Tag9", reprs[t]);
        }
    }
}
