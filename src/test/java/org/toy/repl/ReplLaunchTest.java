package org.toy.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.toy.cli.Main;

/** How {@code toy} decides between the REPL and a script, seen from outside: a separate JVM. */
class ReplLaunchTest {
    record Run(int exit, String out) {}

    private static Run toy(String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "toy did not finish");
        return new Run(p.exitValue(), out);
    }

    @Test
    void runningCodeNeverLoadsJLine() throws Exception {
        Run r = toy("", "-c", "pass");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("org.toy.cli.Main"), "the class-load log is there");
        assertFalse(r.out().contains("org.jline"), "JLine was loaded for -c");
        assertFalse(r.out().contains("org.toy.repl"), "the REPL was loaded for -c");
    }

    @Test
    void pipedStandardInputRunsAsAScriptWithoutAPrompt() throws Exception {
        Run r = toy("x = 6 * 7\nprint(x)\nx\n");
        assertEquals(0, r.exit(), r.out());
        String printed = r.out().lines().filter(l -> !l.startsWith("[")).reduce("", (a, b) -> a + b + "\n");
        assertEquals("42\n", printed); // a script: no banner, no prompt, no echo of the bare expression
        assertFalse(r.out().contains("org.jline"), "JLine was loaded for piped input");
    }
}
