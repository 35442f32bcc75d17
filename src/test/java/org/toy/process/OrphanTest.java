package org.toy.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No orphans: a parent killed with SIGKILL takes its children with it within 2 s. */
class OrphanTest {
    @Test
    void childrenDieWithAKilledParent(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("parent.toy");
        Files.writeString(script, String.join("\n",
                "import multiprocessing, time",
                "def sleeper():",
                "    print('ready', flush=True)",
                "    time.sleep(60)",
                "ps = [multiprocessing.Process(target=sleeper) for _ in range(2)]",
                "for p in ps:",
                "    p.start()",
                "print(ps[0].pid, ps[1].pid, flush=True)",
                "time.sleep(60)",
                ""));
        Process parent = new ProcessBuilder(Spawn.javaBinary(), "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "org.toy.cli.Main", script.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> pids;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            // The parent prints the pids; each child prints "ready" once it runs its target, i.e.
            // once its JVM has booted and watches for its parent's death. Killing the parent
            // before that would time the JVM's start-up, not the orphan detection.
            String pidLine = null;
            int ready = 0;
            while (pidLine == null || ready < 2) {
                String line = out.readLine();
                if (line == null) break;
                if (line.equals("ready")) ready++;
                else pidLine = line;
            }
            assertNotNull(pidLine, "the parent printed the children's pids");
            assertTrue(ready == 2, "both children started");
            pids = java.util.Arrays.stream(pidLine.trim().split(" ")).map(Long::parseLong).toList();
            for (long pid : pids) assertTrue(running(pid), "child " + pid + " runs");
            parent.toHandle().destroyForcibly();
            parent.waitFor();
            long deadline = System.nanoTime() + 2_000_000_000L;
            for (long pid : pids) {
                while (running(pid) && System.nanoTime() < deadline) Thread.sleep(20);
                assertFalse(running(pid), "child " + pid + " outlived its killed parent by 2 s");
            }
        } finally {
            parent.destroyForcibly();
            for (ProcessHandle h : parent.descendants().toList()) h.destroyForcibly();
        }
    }

    /**
     * Whether {@code pid} is a live process. An exited orphan that nobody has reaped yet is a
     * zombie, which {@link ProcessHandle#isAlive} still reports alive; /proc says state Z.
     */
    static boolean running(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) return false;
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException e) {
            return false; // gone between the two checks
        }
    }
}
