package org.toy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code toy} command as a separate process: argv, stdin, signals and exit codes. */
class CommandLineTest {
    @TempDir Path dir;

    record Result(int exit, String out, String err) {}

    static Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).start();
    }

    static Result finish(Process p, String stdin) throws Exception {
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("toy did not finish");
        }
        return new Result(p.exitValue(), out.get(), err.get());
    }

    static Result run(String stdin, String... args) throws Exception {
        return finish(start(args), stdin);
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void dashCGetsItsArguments() throws Exception {
        Result r = run("", "-c", "import sys\nprint(sys.argv)", "a", "b");
        assertEquals(0, r.exit(), r.err());
        assertEquals("['-c', 'a', 'b']\n", r.out());
    }

    @Test
    void pipedStandardInputRunsAsAScript() throws Exception {
        Result r = run("x = 6 * 7\nprint(x)\n");
        assertEquals(0, r.exit(), r.err());
        assertEquals("42\n", r.out());
    }

    @Test
    void fileArgumentsReachSysArgv() throws Exception {
        Path script = dir.resolve("args.toy");
        Files.writeString(script, "import sys\nprint(sys.argv[1:])\n");
        Result r = run("", script.toString(), "x", "-c");
        assertEquals(0, r.exit(), r.err());
        assertEquals("['x', '-c']\n", r.out());
    }

    @Test
    void badUsageIsExitTwo() throws Exception {
        Result r = run("", "--no-such-option");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown option --no-such-option"), r.err());
    }

    @Test
    void versionAndHelp() throws Exception {
        assertTrue(run("", "--version").out().startsWith("Toy "));
        assertTrue(run("", "--help").out().contains("usage: toy"));
    }

    @Test
    void disassemblesEveryCodeObject() throws Exception {
        Path script = dir.resolve("f.toy");
        Files.writeString(script, "def f(a):\n    return a + 1\nprint(f(1))\n");
        Result r = run("", "dis", script.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("MAKE_FUNCTION"), r.out());
        assertTrue(r.out().contains("Disassembly of <code object f"), r.out());
        assertTrue(r.out().contains("BINARY_OP                0 (+)"), r.out());
    }

    @Test
    void ctrlCRaisesKeyboardInterruptAndExits130() throws Exception {
        Process p = start("-c", "import sys\nprint('ready', flush=True)\nwhile True:\n    pass\n");
        // Wait for the program to be inside its loop before interrupting it.
        byte[] ready = p.getInputStream().readNBytes(6);
        assertEquals("ready\n", new String(ready, StandardCharsets.UTF_8));
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
        Result r = finish(p, "");
        assertEquals(130, r.exit(), r.err());
        assertTrue(r.err().startsWith("Traceback (most recent call last):"), r.err());
        assertTrue(r.err().strip().endsWith("KeyboardInterrupt"), r.err());
    }
}
