package org.toy.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toy.cli.Toy;
import org.toy.manager.ManagerServer;

/** The manager is a separate process that never outlives its program, however the program ends. */
class ManagerTest {
    private static List<ProcessHandle> managers(ProcessHandle of) {
        return of.descendants().filter(p -> p.info().commandLine().orElse("").contains(ManagerServer.class.getName())).toList();
    }

    /** Whether {@code p} ends within {@code millis}; an unreaped zombie counts as ended (see {@link OrphanTest}). */
    private static boolean goneWithin(ProcessHandle p, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!OrphanTest.running(p.pid())) return true;
            Thread.sleep(20);
        }
        return !OrphanTest.running(p.pid());
    }

    @Test
    void aManagerLeftRunningStopsWhenItsProgramEnds(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("left.toy");
        Files.writeString(script, String.join("\n",
                "import multiprocessing as mp",
                "m = mp.Manager()",
                "d = m.dict()",
                "d['k'] = 42",
                "print(d['k'])",
                "print(m.address)",
                ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = new Toy(new ByteArrayInputStream(new byte[0]), ps, ps).runFile(script.toString(), List.of());
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(0, exit, out::toString);
        assertEquals("42", lines[0]);
        for (ProcessHandle m : managers(ProcessHandle.current())) assertTrue(goneWithin(m, 3000), "manager still running");
        assertFalse(Files.exists(Path.of(lines[1])), "the manager removed its socket");
    }

    @Test
    void aManagerDiesWithAKilledParent(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("parent.toy");
        Files.writeString(script, String.join("\n",
                "import multiprocessing as mp, time",
                "m = mp.Manager()",
                "m.list([1])",
                "print(m.address, flush=True)",
                "time.sleep(60)",
                ""));
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process parent = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.toy.cli.Main", script.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            String address = out.readLine();
            List<ProcessHandle> ms = managers(parent.toHandle());
            assertEquals(1, ms.size(), "one manager process, a child of the program");
            parent.toHandle().destroyForcibly();
            parent.waitFor();
            assertTrue(goneWithin(ms.get(0), 2000), "the manager outlived its killed parent");
            assertFalse(Files.exists(Path.of(address)), "the manager removed its socket");
        } finally {
            parent.destroyForcibly();
        }
    }
}
