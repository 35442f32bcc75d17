package org.toy.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.jline.terminal.Terminal;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyStr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threads started at the prompt: they run while it waits, print above it, show in
 * {@code :threads}, are joined when the REPL ends; Ctrl-C interrupts only the main thread.
 * No assertion depends on timing: waits have generous timeouts and every check holds whichever
 * thread runs first.
 */
class ReplThreadsTest {
    @TempDir Path dir;

    private static final String WORKER = "import threading, time\n"
            + "def worker(delay, text):\n    time.sleep(delay)\n    print(text)\n\n";

    @Test
    void aThreadPrintsWhileThePromptWaitsAndTheTypedLineSurvives() {
        try (LiveRepl repl = new LiveRepl(dir.resolve("history"))) {
            repl.type("import threading, time\ngo = False\n"
                    + "def worker():\n    while not go:\n        time.sleep(0.01)\n    print('from the thread')\n\n"
                    + "t = threading.Thread(target=worker)\nt.start()\n");
            repl.awaitPrompt();
            repl.type("x = 4"); // half a line: the thread prints while it is being typed
            Repl r = repl.repl();
            repl.await(() -> r.reader().isReading() && r.reader().getBuffer().toString().equals("x = 4"), "x = 4 never typed");
            r.session().withGil(() -> {
                r.session().globals().put(ToyStr.of("go"), ToyBool.TRUE);
                return null;
            });
            String screen = repl.waitFor("from the thread");
            repl.type("2\nx\n");
            screen = repl.waitFor("42\n");
            // The thread's line is printed above the prompt, which is drawn again with the text typed so far.
            // (The dumb terminal does not echo input, so the earlier prompts share one line, and the
            // prompt's erasure, a carriage return, leaves the end of that line in place.)
            assertTrue(screen.matches("(?s).*\nfrom the thread[^\n]*\n>>> x = 4.*"), screen);
            repl.type("t.join(30)\nt.is_alive()\n");
            repl.waitFor("False\n");
        }
    }

    @Test
    void manyLinesFromSeveralThreadsStayWholeAndInOrderPerThread() {
        try (LiveRepl repl = new LiveRepl(dir.resolve("history"))) {
            repl.type("import threading\n"
                    + "def chatter(name):\n    for i in range(50):\n        print(name, i)\n\n"
                    + "ts = [threading.Thread(target=chatter, args=(n,)) for n in 'abc']\n"
                    + "for t in ts: t.start()\n\n");
            repl.awaitPrompt(); // the threads may still be printing while the prompt waits
            repl.type("for t in ts: t.join(30)\n\n'joined'\n");
            String screen = repl.waitFor("'joined'\n");
            for (String name : new String[] {"a", "b", "c"}) {
                int last = -1;
                for (int i = 0; i < 50; i++) {
                    // (A dumb terminal does not end the typed line, so a line printed just after the
                    // prompt ends may follow the echo of the input: "for t inc 18".)
                    int at = screen.indexOf(name + " " + i + "\n", last + 1);
                    assertTrue(at >= 0, name + " " + i + " missing or cut:\n" + screen);
                    assertTrue(at > last, name + " " + i + " out of order:\n" + screen);
                    last = at;
                }
            }
        }
    }

    @Test
    void theReplJoinsNonDaemonThreadsAtExit() {
        var t = ReplHarness.run(WORKER + "threading.Thread(target=worker, args=(0.3, 'finished late')).start()\n",
                dir.resolve("history"));
        assertEquals(0, t.exit());
        assertTrue(t.text().contains("finished late\n"), t.text());
    }

    @Test
    void exitJoinsToo() {
        var t = ReplHarness.run(WORKER + "threading.Thread(target=worker, args=(0.3, 'finished late')).start()\nexit(3)\n",
                dir.resolve("history"));
        assertEquals(3, t.exit());
        assertTrue(t.text().contains("finished late\n"), t.text());
    }

    @Test
    void daemonThreadsAreAbandonedAtExit() {
        var t = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ReplHarness.run(
                "import threading, time\nthreading.Thread(target=time.sleep, args=(300,), daemon=True).start()\n:quit\n",
                dir.resolve("history")));
        assertEquals(0, t.exit());
    }

    @Test
    void ctrlCInterruptsTheMainThreadOnlyAndTheThreadsLiveOn() {
        try (LiveRepl repl = new LiveRepl(dir.resolve("history"))) {
            repl.type("import threading\nstop = False\n"
                    + "def spin():\n    n = 0\n    while not stop:\n        n += 1\n\n"
                    + "t = threading.Thread(target=spin)\nt.start()\n'ready'\n");
            repl.waitFor("'ready'\n");
            repl.awaitPrompt();
            repl.type("while True: pass\n\n");
            Terminal terminal = repl.terminal;
            // As a SIGINT would: repeated, because one that lands before the loop starts is forgotten.
            repl.await(() -> {
                if (!repl.repl().reader().isReading()) terminal.raise(Terminal.Signal.INT);
                return repl.screen().contains("KeyboardInterrupt");
            }, "Ctrl-C never interrupted the loop");
            repl.awaitPrompt();
            repl.type("t.is_alive()\n");
            repl.waitFor("True\n");
            repl.type("stop = True\nt.join(30)\nt.is_alive()\n");
            repl.waitFor("False\n");
        }
    }

    @Test
    void ctrlCEndsTheJoinAtExit() {
        try (LiveRepl repl = new LiveRepl(dir.resolve("history"))) {
            repl.type("import threading, time\nthreading.Thread(target=time.sleep, args=(300,), name='sleeper').start()\n");
            repl.awaitPrompt();
            repl.eof();
            Session session = repl.repl().session();
            repl.await(() -> session.interpreter().threads().snapshot().stream()
                    .anyMatch(t -> t.main() && "join sleeper".equals(t.waitsFor())), "the exit never joined the thread");
            repl.terminal.raise(Terminal.Signal.INT);
            assertEquals(1, repl.exitStatus());
            assertTrue(repl.screen().contains("KeyboardInterrupt"), repl.screen());
        }
    }

    @Test
    void aDeadlockAtThePromptIsReportedAndResetRecovers() {
        var t = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> ReplHarness.run(
                "import threading\nl = threading.Lock()\nl.acquire()\nl.acquire()\n'alive'\n:reset\n"
                        + "import threading\nl = threading.Lock()\nl.acquire()\nl.acquire(timeout=0.01)\n",
                dir.resolve("history")));
        assertTrue(t.text().contains("DeadlockError: the only thread is blocked forever"), t.text());
        assertTrue(t.text().contains(":reset starts afresh"), t.text());
        assertTrue(t.text().contains("'alive'\n"), t.text());
        assertTrue(t.text().endsWith(">>> False\n>>> \n"), t.text());
    }

    /** A session with meta commands, driven directly: no terminal. */
    private static final class Direct {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        final Session session = new Session(out, new BufferedReader(new StringReader("")));
        final MetaCommands commands = new MetaCommands(session, out);

        void run(String code) {
            Session.Outcome outcome = session.run(code);
            assertTrue(outcome instanceof Session.Outcome.Ran, code + " -> " + outcome);
        }

        String command(String line) {
            bytes.reset();
            commands.run(line);
            return bytes.toString(StandardCharsets.UTF_8);
        }

        /** Runs the command until its output contains {@code expected} (a thread has reached its wait). */
        String awaitCommand(String line, String expected) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String text = command(line);
            while (!text.contains(expected)) {
                if (System.nanoTime() > deadline) throw new AssertionError(line + " never showed " + expected + ":\n" + text);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                text = command(line);
            }
            return text;
        }
    }

    @Test
    void threadsShowsWhatEachThreadWaitsOnAndWhere() {
        Direct d = new Direct();
        d.run("import threading, time\nlock = threading.Lock()\nlock.acquire()\n"
                + "def take():\n    lock.acquire()\n\n"
                + "def nap():\n    time.sleep(300)\n\n"
                + "a = threading.Thread(target=take, name='taker')\na.start()\n"
                + "b = threading.Thread(target=nap, name='napper', daemon=True)\nb.start()\n");
        String text = d.awaitCommand(":threads", "napper");
        text = d.awaitCommand(":threads", "taker");
        text = d.awaitCommand(":threads", "waits to acquire");
        text = d.awaitCommand(":threads", "blocked (sleep or I/O)");
        assertTrue(text.contains("3 live threads"), text);
        assertTrue(text.matches("(?s).*  taker  ident \\d+  waits to acquire .*locked.*, held by MainThread \\(no timeout\\)\n"
                + "      File \"<stdin>\", line 5, in take\n.*"), text);
        assertTrue(text.matches("(?s).*  napper  ident \\d+  daemon  blocked \\(sleep or I/O\\)\n"
                + "      File \"<stdin>\", line 8, in nap\n.*"), text);
        assertTrue(text.contains("time.sleep(300)"), text);
        d.run("lock.release()\na.join(30)\n");
        assertFalse(d.command(":threads").contains("taker"));
        assertEquals(null, d.session.shutdown()); // the daemon napper is abandoned
    }
}
