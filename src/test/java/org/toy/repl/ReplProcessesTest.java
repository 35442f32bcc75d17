package org.toy.repl;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions typed at the prompt have no file to be re-imported from, so they travel to a child
 * by value (their code and the globals they read): {@code process(f)} and a {@code Pool} work
 * with them under fork and under spawn, as they do not in CPython's REPL under spawn.
 */
class ReplProcessesTest {
    @TempDir Path dir;

    private String type(String keystrokes) {
        return assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> ReplHarness.run(keystrokes, dir.resolve("history")).text());
    }

    @Test
    void processAndPoolRunFunctionsDefinedAtThePrompt() {
        String text = type(String.join("\n",
                "import multiprocessing as mp",
                "offset = 100",
                "def square(x):",
                "    return x * x + offset",
                "",
                "q = mp.Queue()",
                "p = process(lambda: q.put(square(7)))",
                "q.get(timeout=60)",
                "p.join(60)",
                "p.exitcode",
                "with mp.Pool(2) as pool:",
                "    print('pool', pool.map(square, range(4)))",
                "",
                "ctx = mp.get_context('spawn')",
                "with ctx.Pool(1) as pool:",
                "    print('spawn pool', pool.apply(square, (3,)))",
                "",
                ""));
        assertTrue(text.contains(">>> 149\n"), text);          // square(7) computed in the child
        assertTrue(text.contains(">>> 0\n"), text);            // its exit code
        assertTrue(text.contains("pool [100, 101, 104, 109]\n"), text);
        assertTrue(text.contains("spawn pool 109\n"), text);
        assertTrue(!text.contains("Traceback"), text);
    }
}
