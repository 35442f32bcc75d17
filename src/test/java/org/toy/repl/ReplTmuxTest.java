package org.toy.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toy.cli.Main;

/**
 * The REPL under a real pseudo-terminal (tmux, on a private socket so no one else's server is
 * touched). Ctrl-C while code runs is sent as SIGINT with {@code kill -INT}, never as
 * {@code send-keys C-c}: tmux forwarding C-c to a program that is not in raw mode has killed
 * the whole tmux server on these machines. Skipped, with a message, when tmux is missing.
 */
class ReplTmuxTest {
    @TempDir Path dir;
    private final String socket = "toy-repl-test-" + UUID.randomUUID();
    private boolean started;

    private static boolean tmuxAvailable() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    private String tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private String waitForScreen(String expected) throws Exception {
        String screen = "";
        for (int i = 0; i < 200; i++) {
            screen = tmux("capture-pane", "-p", "-t", "repl");
            if (screen.contains(expected)) return screen;
            Thread.sleep(100);
        }
        throw new AssertionError("never saw " + expected + " on the screen:\n" + screen);
    }

    @AfterEach
    void stopServer() throws Exception {
        if (started) tmux("kill-server");
    }

    @Test
    void typeAFunctionCallItPrintFromAThreadAndInterruptALongLoop() throws Exception {
        if (!tmuxAvailable()) {
            System.out.println("ReplTmuxTest skipped: tmux is not installed");
            assumeTrue(false, "tmux is not installed");
        }
        String marker = "-Dtoy.tmux.test=" + socket;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "exec env TOY_HISTORY=" + dir.resolve("history") + " " + java + " " + marker + " -cp "
                + System.getProperty("java.class.path") + " " + Main.class.getName();
        tmux("new-session", "-d", "-s", "repl", "-x", "100", "-y", "40", command);
        started = true;
        waitForScreen(">>>"); // capture-pane drops trailing spaces

        tmux("send-keys", "-t", "repl", "def add(a, b):", "Enter");
        waitForScreen("\n...");
        tmux("send-keys", "-t", "repl", "return a + b", "Enter", "Enter");
        tmux("send-keys", "-t", "repl", "add(40, 2)", "Enter");
        waitForScreen("\n42\n");

        // A thread prints while the prompt waits: its line goes above the prompt, and the half-typed
        // line is drawn again below it, whether the thread prints before or after the typing.
        tmux("send-keys", "-t", "repl", "import threading, time", "Enter");
        tmux("send-keys", "-t", "repl", "threading.Thread(target=lambda: (time.sleep(0.5), print('from a', 'thread'))).start()",
                "Enter");
        tmux("send-keys", "-t", "repl", "x = 'half");
        waitForScreen("from a thread");
        tmux("send-keys", "-t", "repl", " line'", "Enter", "x", "Enter");
        String typed = waitForScreen("\n'half line'\n");
        assertTrue(typed.contains("from a thread\n>>> x = 'half line'\n"), typed);

        tmux("send-keys", "-t", "repl", "while 1:", "Enter", "pass", "Enter", "Enter");
        Thread.sleep(500);
        ProcessHandle jvm = findJvm(marker).orElseThrow(() -> new AssertionError("the REPL's JVM is not found"));
        for (int i = 0; i < 50 && !tmux("capture-pane", "-p", "-t", "repl").contains("KeyboardInterrupt"); i++) {
            new ProcessBuilder("kill", "-INT", Long.toString(jvm.pid())).start().waitFor();
            Thread.sleep(200);
        }
        waitForScreen("KeyboardInterrupt");
        tmux("send-keys", "-t", "repl", "'still here'", "Enter");
        String screen = waitForScreen("'still here'\n");
        assertTrue(jvm.isAlive(), "the REPL survived the interrupt:\n" + screen);

        tmux("send-keys", "-t", "repl", "exit()", "Enter");
        assertTrue(jvm.onExit().get(20, TimeUnit.SECONDS) != null);
    }

    private static Optional<ProcessHandle> findJvm(String marker) {
        return ProcessHandle.allProcesses()
                // The JVM itself, not the shell tmux started it from: SIGINT to the shell would close the pane.
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .findFirst();
    }
}
