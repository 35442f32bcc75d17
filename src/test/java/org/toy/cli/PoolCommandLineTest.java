package org.toy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code multiprocessing.Pool} and {@code ProcessPoolExecutor} from the command line: tasks
 * defined with {@code -c} (no file, so they travel by value), a worker killed mid-task, and
 * workers gone when the program ends.
 */
class PoolCommandLineTest {
    @Test
    void functionsDefinedWithDashCRunInPoolWorkers() throws Exception {
        String program = String.join("\n",
                "from multiprocessing import Pool",
                "import os",
                "base = 100",
                "def shifted(x):",
                "    return x + base",
                "def helper(x):",
                "    return shifted(x) * 2",
                "square = lambda x: x * x",
                "with Pool(2) as p:",
                "    print(p.map(shifted, range(4)))",
                "    print(p.map(square, [3, 4]))",
                "    print(p.apply(helper, (1,)))",
                "    print(p.apply(os.getpid) != os.getpid())");
        CommandLineTest.Result r = CommandLineTest.run("", "-c", program);
        assertEquals(0, r.exit(), r.err());
        assertEquals("[100, 101, 102, 103]\n[9, 16]\n202\nTrue\n", r.out());
    }

    @Test
    void functionsDefinedWithDashCRunInAProcessPoolExecutor() throws Exception {
        String program = String.join("\n",
                "from concurrent.futures import ProcessPoolExecutor",
                "factor = 3",
                "def times(x):",
                "    return x * factor",
                "with ProcessPoolExecutor(2) as ex:",
                "    print(ex.submit(times, 5).result())",
                "    print(list(ex.map(times, range(4), chunksize=2)))");
        CommandLineTest.Result r = CommandLineTest.run("", "-c", program);
        assertEquals(0, r.exit(), r.err());
        assertEquals("15\n[0, 3, 6, 9]\n", r.out());
    }

    /**
     * A worker killed while it runs a task: CPython's pool would wait for that result for ever;
     * Toy fails it with ProcessError as soon as the worker's channel closes, long before the
     * generous timeout, then replaces the worker and terminates cleanly.
     */
    @Test
    void aKilledWorkerFailsItsTaskAndIsReplaced() throws Exception {
        String program = String.join("\n",
                "import multiprocessing as mp, os, time",
                "def nap(s):",
                "    time.sleep(s)",
                "    return os.getpid()",
                "p = mp.Pool(1)",
                "victim = p._pool[0].pid",
                "r = p.apply_async(nap, (30,))",
                "time.sleep(0.5)",
                "os.kill(victim, 9)",
                "t = time.monotonic()",
                "try:",
                "    r.get(timeout=60)",
                "except mp.ProcessError as e:",
                "    print(type(e).__name__, e)",
                "print(time.monotonic() - t < 20)",
                "print(p.apply(nap, (0,)) != victim)",
                "p.terminate()",
                "p.join()",
                "print('done')");
        CommandLineTest.Result r = CommandLineTest.run("", "-c", program);
        assertEquals(0, r.exit(), r.err());
        // the JVM reports a child killed by signal 9 as 137 (128 + 9) unless Toy itself sent it
        assertTrue(r.out().matches("ProcessError a worker process died \\(exitcode (-9|137)\\) "
                + "while running this task\nTrue\nTrue\ndone\n"), r.out());
    }

    @Test
    void workersDoNotOutliveTheProgram() throws Exception {
        String program = String.join("\n",
                "import multiprocessing as mp",
                "p = mp.Pool(2)",
                "print(p.map(abs, [-1, -2]))",
                "for w in p._pool:",
                "    print(w.pid)");
        CommandLineTest.Result r = CommandLineTest.run("", "-c", program);
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals("[1, 2]", lines[0]);
        List<Long> pids = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) pids.add(Long.parseLong(lines[i].trim()));
        assertEquals(2, pids.size());
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (long pid : pids) {
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false, "worker " + pid + " is still alive");
        }
    }
}
