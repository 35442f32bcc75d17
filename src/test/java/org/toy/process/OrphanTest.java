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
            String line = out.readLine();
            assertNotNull(line, "the parent printed the children's pids");
            pids = java.util.Arrays.stream(line.trim().split(" ")).map(Long::parseLong).toList();
            for (long pid : pids) assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            parent.toHandle().destroyForcibly();
            parent.waitFor();
            long deadline = System.nanoTime() + 2_000_000_000L;
            for (long pid : pids) {
                Optional<ProcessHandle> h = ProcessHandle.of(pid);
                while (h.isPresent() && h.get().isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
                assertFalse(h.isPresent() && h.get().isAlive(), "child " + pid + " outlived its killed parent by 2 s");
            }
        } finally {
            parent.destroyForcibly();
            for (ProcessHandle h : parent.descendants().toList()) h.destroyForcibly();
        }
    }
}
