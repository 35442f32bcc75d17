package org.toy.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm spare child never outlives its parent: not when the parent is SIGKILLed, and not
 * when it exits normally. Each case waits until the spare has booted (its lifeline thread runs),
 * so that it times the spare's end, not its JVM's start-up.
 */
class SpareTest {
    /** Starts and joins one process (after which a spare exists), says so, then waits for a line on stdin. */
    private static final String PARENT = String.join("\n",
            "import multiprocessing, sys",
            "def nothing():",
            "    pass",
            "if __name__ == '__main__':",
            "    p = multiprocessing.Process(target=nothing)",
            "    p.start()",
            "    p.join()",
            "    print('joined', p.exitcode, flush=True)",
            "    sys.stdin.readline()",
            "    print('bye', flush=True)",
            "");

    @Test
    void aSpareDiesWithAKilledParent(@TempDir Path dir) throws Exception {
        Process parent = startParent(dir);
        try {
            List<ProcessHandle> spares = awaitBootedSpares(parent);
            parent.toHandle().destroyForcibly();
            parent.waitFor();
            assertAllGoneWithin2s(spares, "its parent was killed");
        } finally {
            killAll(parent);
        }
    }

    @Test
    void noSpareIsLeftAfterANormalExit(@TempDir Path dir) throws Exception {
        Process parent = startParent(dir);
        try {
            List<ProcessHandle> spares = awaitBootedSpares(parent);
            try (OutputStream in = parent.getOutputStream()) {
                in.write("go\n".getBytes(StandardCharsets.UTF_8));
            }
            BufferedReader out = reader(parent);
            assertEquals("bye", out.readLine());
            assertTrue(parent.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the parent exits");
            assertEquals(0, parent.exitValue());
            assertAllGoneWithin2s(spares, "its parent exited");
        } finally {
            killAll(parent);
        }
    }

    private BufferedReader stdout;

    private BufferedReader reader(Process p) {
        if (stdout == null) stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        return stdout;
    }

    private Process startParent(Path dir) throws IOException {
        Path script = dir.resolve("parent.toy");
        Files.writeString(script, PARENT);
        return new ProcessBuilder(Spawn.javaBinary(), "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "org.toy.cli.Main", script.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** After the parent's first join: its remaining children (the spare), once each has booted. */
    private List<ProcessHandle> awaitBootedSpares(Process parent) throws Exception {
        assertEquals("joined 0", reader(parent).readLine());
        long deadline = System.nanoTime() + 60_000_000_000L;   // a JVM boot on a loaded machine
        List<ProcessHandle> spares = List.of();
        while (System.nanoTime() < deadline) {
            spares = parent.toHandle().children().toList();
            if (!spares.isEmpty() && spares.stream().allMatch(SpareTest::booted)) return spares;
            Thread.sleep(20);
        }
        throw new AssertionError("no booted spare appeared: " + spares);
    }

    /** A booted child runs its lifeline thread (it exists only once the interpreter is built). */
    private static boolean booted(ProcessHandle h) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + h.pid() + "/task"))) {
            return tasks.anyMatch(t -> {
                try {
                    return Files.readString(t.resolve("comm")).trim().equals(Lifeline.THREAD_NAME);
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    private static void assertAllGoneWithin2s(List<ProcessHandle> children, String why) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        for (ProcessHandle h : children) {
            while (running(h.pid()) && System.nanoTime() < deadline) Thread.sleep(20);
            assertFalse(running(h.pid()), "spare " + h.pid() + " outlived by 2 s the moment " + why);
        }
    }

    private static void killAll(Process parent) {
        for (ProcessHandle h : parent.descendants().toList()) h.destroyForcibly();
        parent.destroyForcibly();
    }

    private static boolean running(long pid) { return OrphanTest.running(pid); }
}
