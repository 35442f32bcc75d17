package org.toy.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toy.cli.Main;
import org.toy.cli.Toy;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.source.Source;
import org.toy.vm.Interpreter;

/**
 * Threads on the real VM: GIL invariants (one thread runs Toy code at a time, CPU-bound threads
 * share one CPU's worth of time, sleepers overlap, switches come about once per interval), the
 * deadlock detector (reported with its cycle; a timeout or a sleeper is never a deadlock), and
 * the life cycle (daemon threads abandoned, Ctrl-C interrupts the main thread's join).
 */
class ThreadsTest {
    @TempDir Path dir;

    record Run(int exit, String out, String err) {
        String lastErrLine() {
            String[] lines = err.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    static Run run(String program) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Toy toy = new Toy(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = toy.runMain(new Source("prog.toy", program), List.of("prog.toy"));
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        });
    }

    private static String lines(String... lines) { return String.join("\n", lines) + "\n"; }

    // ---- GIL invariants ------------------------------------------------------------------------

    @Test
    void atMostOneThreadRunsToyCodeAtATime() {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        Interpreter interp = new Interpreter(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), new java.io.BufferedReader(new java.io.StringReader("")));
        interp.setSwitchInterval(0.0002);
        interp.builtins().define("probe", BuiltinFunction.function("probe", (ts, args, kw) -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            for (int i = 0; i < 100; i++) Thread.onSpinWait();
            calls.incrementAndGet();
            inside.decrementAndGet();
            return ToyNone.NONE;
        }));
        String program = lines(
                "import threading, time",
                "def work():",
                "    total = 0",
                "    for i in range(4000):",
                "        probe()",
                "        total += i",
                "        if i % 1000 == 0:",
                "            time.sleep(0.001)",
                "ts = [threading.Thread(target=work) for _ in range(4)]",
                "for t in ts:",
                "    t.start()",
                "for i in range(4000):",
                "    probe()",
                "for t in ts:",
                "    t.join(30)");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            ToyModule main = interp.newModule("__main__", null);
            interp.exec(interp.mainThread(), interp.compile(new Source("probe.toy", program), false), main.globals());
            interp.threads().joinNonDaemon(interp.mainThread());
        });
        assertEquals(5 * 4000, calls.get());
        assertEquals(1, most.get(), "two threads ran Toy code at the same time");
        assertTrue(interp.gil().stats().switches() > 10, "switches: " + interp.gil().stats().switches());
    }

    @Test
    void twoCpuBoundThreadsShareOneCpusWorthOfTime() {
        Run r = run(lines(
                "import threading, time",
                "cpu = []",
                "def spin():",
                "    t0 = time.thread_time()",
                "    total = 0",
                "    for i in range(1500000):",
                "        total += i",
                "    cpu.append(time.thread_time() - t0)",
                "start = time.perf_counter()",
                "ts = [threading.Thread(target=spin) for _ in range(2)]",
                "for t in ts:",
                "    t.start()",
                "for t in ts:",
                "    t.join(60)",
                "print(sum(cpu), time.perf_counter() - start)"));
        assertEquals(0, r.exit(), r.err());
        String[] parts = r.out().strip().split(" ");
        double cpu = Double.parseDouble(parts[0]);
        double wall = Double.parseDouble(parts[1]);
        // Serialised by the GIL: the two threads' CPU time adds up to about the wall time, not twice it.
        assertTrue(cpu < 1.4 * wall, "thread_time sum " + cpu + " s vs wall " + wall + " s");
        assertTrue(cpu > 0.05, "the threads did not run: " + cpu);
    }

    @Test
    void tenSleepingThreadsFinishTogether() {
        Run r = run(lines(
                "import threading, time",
                "start = time.perf_counter()",
                "ts = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(10)]",
                "for t in ts:",
                "    t.start()",
                "for t in ts:",
                "    t.join(10)",
                "print(time.perf_counter() - start)"));
        assertEquals(0, r.exit(), r.err());
        double wall = Double.parseDouble(r.out().strip());
        // Run one after another the sleeps take 2.0 s; overlapping, about 0.2 s. The bound sits far
        // from both so that a loaded machine's late wake-ups cannot flip the verdict.
        assertTrue(wall < 1.2, "ten 0.2 s sleeps in threads took " + wall + " s");
    }

    @Test
    void twoCpuBoundThreadsSwitchAboutOncePerInterval() {
        Run r = run(lines(
                "import sys, threading, time",
                "sys.setswitchinterval(0.005)",
                "def spin():",
                "    end = time.perf_counter() + 0.6",
                "    while time.perf_counter() < end:",
                "        pass",
                "before = sys.gil.switches",
                "start = time.perf_counter()",
                "ts = [threading.Thread(target=spin) for _ in range(2)]",
                "for t in ts:",
                "    t.start()",
                "for t in ts:",
                "    t.join(30)",
                "print(sys.gil.switches - before, time.perf_counter() - start)"));
        assertEquals(0, r.exit(), r.err());
        String[] parts = r.out().strip().split(" ");
        long switches = Long.parseLong(parts[0]);
        double wall = Double.parseDouble(parts[1]);
        double expected = wall / 0.005;
        // Timed waits on this 2-vCPU VM wake on ~4 ms boundaries, so at 5 ms both Toy and CPython
        // reach only a third to a half of the nominal rate (bench/threads.py measures it). The
        // invariant: the threads do take turns (at least ten hand-offs, where a GIL that never
        // switches gives none) and never faster than the interval allows. On a heavily loaded
        // machine the rate falls further, so the lower bound is an absolute count.
        assertTrue(switches >= 10 && switches < 2.0 * expected,
                switches + " switches in " + wall + " s at 5 ms (about " + (long) expected + " expected)");
    }

    @Test
    void callInTheMiddleOfAnUpdateLosesUpdatesButInPlaceAddDoesNot() {
        String template = lines(
                "import sys, threading",
                "sys.setswitchinterval(0.0001)",
                "counter = 0",
                "go = threading.Event()",
                "def one():",
                "    return 1",
                "def work():",
                "    global counter",
                "    go.wait(10)",
                "    for _ in range(50000):",
                "        STATEMENT",
                "ts = [threading.Thread(target=work) for _ in range(2)]",
                "for t in ts:",
                "    t.start()",
                "go.set()",
                "for t in ts:",
                "    t.join(60)",
                "print(counter)");
        Run exact = run(template.replace("STATEMENT", "counter += 1"));
        assertEquals("100000", exact.out().strip(), exact.err());
        // The lossy version: retried, since a run without a single switch inside one() is possible in principle.
        boolean lost = false;
        for (int attempt = 0; attempt < 5 && !lost; attempt++) {
            Run lossy = run(template.replace("STATEMENT", "counter = counter + one()"));
            assertEquals(0, lossy.exit(), lossy.err());
            lost = Long.parseLong(lossy.out().strip()) < 100000;
        }
        assertTrue(lost, "counter = counter + one() never lost an update");
    }

    // ---- deadlock detection --------------------------------------------------------------------

    @Test
    void twoLocksInOppositeOrderAreReportedWithTheCycleAndStacks() {
        Run r = run(lines(
                "import threading",
                "a = threading.Lock()",
                "b = threading.Lock()",
                "has_a = threading.Event()",
                "has_b = threading.Event()",
                "def first():",
                "    with a:",
                "        has_a.set()",
                "        has_b.wait()",
                "        b.acquire()",
                "def second():",
                "    with b:",
                "        has_b.set()",
                "        has_a.wait()",
                "        a.acquire()",
                "t1 = threading.Thread(target=first)",
                "t2 = threading.Thread(target=second)",
                "t1.start()",
                "t2.start()",
                "t1.join()",
                "print('never')"));
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains("Wait-for cycle: Thread-1 (first) -> Thread-2 (second) -> Thread-1 (first)"), r.err());
        assertTrue(r.err().contains("MainThread waits to join Thread-1 (first)"), r.err());
        assertTrue(r.err().contains("  File \"prog.toy\", line 10, in first\n    b.acquire()"), r.err());
        assertTrue(r.err().contains("  File \"prog.toy\", line 15, in second\n    a.acquire()"), r.err());
        assertTrue(r.err().contains("  File \"prog.toy\", line 20, in <module>\n    t1.join()"), r.err());
        assertEquals("DeadlockError: all 3 threads are blocked forever", r.lastErrLine());
    }

    @Test
    void aWaitWithATimeoutIsNeverADeadlock() {
        Run r = run(lines(
                "import threading",
                "lock = threading.Lock()",
                "never = threading.Event()",
                "holding = threading.Event()",
                "def hold():",
                "    with lock:",
                "        holding.set()",
                "        never.wait()",
                "t = threading.Thread(target=hold)",
                "t.start()",
                "holding.wait()",
                "print(lock.acquire(timeout=0.2))",
                "never.set()",
                "t.join()",
                "print(lock.acquire())"));
        assertEquals(0, r.exit(), r.err());
        assertEquals("False\nTrue\n", r.out());
    }

    @Test
    void aSleepingThreadCanStillWakeTheOthers() {
        Run r = run(lines(
                "import threading, time",
                "e = threading.Event()",
                "def waiter():",
                "    e.wait()",
                "    print('woken')",
                "t = threading.Thread(target=waiter)",
                "t.start()",
                "time.sleep(0.2)",
                "e.set()",
                "t.join()"));
        assertEquals(0, r.exit(), r.err());
        assertEquals("woken\n", r.out());
    }

    @Test
    void aThreadEndingWhileHoldingALockLeavesTheMainThreadDeadlocked() {
        Run r = run(lines(
                "import threading",
                "lock = threading.Lock()",
                "t = threading.Thread(target=lock.acquire)",
                "t.start()",
                "t.join()",
                "lock.acquire()"));
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("MainThread waits to acquire <locked _thread.lock object"), r.err());
        assertEquals("DeadlockError: the only thread is blocked forever", r.lastErrLine());
    }

    @Test
    void aDeadlockAmongNonDaemonThreadsAtExitIsReported() {
        Run r = run(lines(
                "import queue, threading",
                "q = queue.Queue()",
                "threading.Thread(target=q.get, name='consumer').start()",
                "print('main done')"));
        assertEquals(1, r.exit());
        assertEquals("main done\n", r.out());
        assertTrue(r.err().contains("consumer waits to get from an empty Queue"), r.err());
        assertTrue(r.err().contains("joining the non-daemon threads at exit"), r.err());
    }

    // ---- life cycle ----------------------------------------------------------------------------

    @Test
    void daemonThreadsAreAbandonedAtExitAndStopSoonAfter() throws Exception {
        Run r = run(lines(
                "import threading",
                "def spin():",
                "    while True:",
                "        pass",
                "threading.Thread(target=spin, name='toy-test-spinner', daemon=True).start()",
                "print('bye')"));
        assertEquals(0, r.exit(), r.err());
        assertEquals("bye\n", r.out());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean alive = true;
        while (alive && System.nanoTime() < end) {
            alive = Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("toy-test-spinner"));
            if (alive) Thread.sleep(20);
        }
        assertFalse(alive, "the abandoned daemon thread kept running after the program ended");
    }

    private Process toy(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).start();
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void ctrlCInterruptsTheMainThreadsJoin() throws Exception {
        Path script = dir.resolve("join.toy");
        Files.writeString(script, lines(
                "import threading, time",
                "def ticker():",
                "    while True:",
                "        time.sleep(0.05)",
                "t = threading.Thread(target=ticker, daemon=True)",
                "t.start()",
                "print('joining', flush=True)",
                "t.join()"));
        Process p = toy(script.toString());
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("joining", out.readLine());
        Thread.sleep(200);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "toy did not end after Ctrl-C");
        assertEquals(130, p.exitValue());
        String e = err.get();
        assertTrue(e.strip().endsWith("KeyboardInterrupt"), e);
        assertTrue(e.contains("t.join()"), e);
    }

    @Test
    void gilStatsTableAndSwitchIntervalFlag() throws Exception {
        Path script = dir.resolve("stats.toy");
        Files.writeString(script, lines(
                "import sys, threading",
                "print(sys.getswitchinterval())",
                "t = threading.Thread(target=sum, args=(range(100000),), name='summer')",
                "t.start()",
                "t.join()"));
        Process p = toy("--switch-interval=0.002", "--gil-stats", script.toString());
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        String out = readAll(p.getInputStream());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err.get());
        assertEquals("0.002\n", out);
        String table = err.get();
        assertTrue(table.startsWith("GIL statistics: interval 2.000 ms, "), table);
        assertTrue(table.contains("held ms") && table.contains("MainThread") && table.contains("summer"), table);
    }
}
