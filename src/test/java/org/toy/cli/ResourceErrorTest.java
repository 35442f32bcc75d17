package org.toy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Resource errors users understand (issue 8): a program that fills the heap gets Python's
 * {@code MemoryError} — catchable, with a traceback when uncaught, the process surviving to print
 * it — never a JVM OutOfMemoryError dump; a thread the OS refuses is CPython's
 * {@code RuntimeError: can't start new thread}.
 *
 * <p>Each case runs a fresh JVM with a small heap (64 MB), so that filling it takes seconds and
 * this suite's own JVM is never at risk. CPython is not the oracle here: it would grow until the
 * OS kills it.
 */
class ResourceErrorTest {
    record Run(int exit, String out, String err) {
        String lastErr() {
            List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    /** {@code toy -c code} in a child JVM with {@code -Xmx64m}, under {@code ulimit -v kb} when kb > 0. */
    static Run run(String code, long virtualKb) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // the launcher's flags (./toy), with a small heap
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-Xlog:os+thread=off", "-Xss8m",
                "-XX:ReservedCodeCacheSize=32m", "-XX:CompressedClassSpaceSize=64m", "-Xshare:off",
                "-cp", System.getProperty("java.class.path"), "org.toy.cli.Main", "-c", code));
        if (virtualKb > 0) {
            List<String> limited = new ArrayList<>(List.of("bash", "-c", "ulimit -v " + virtualKb + " && exec \"$@\"", "toy"));
            limited.addAll(cmd);
            cmd = limited;
        }
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the program did not end");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static void assertNoJava(Run r) {
        assertFalse(r.err.contains("java.lang"), () -> "a Java name reached the user:\n" + r.err);
        assertFalse(r.err.contains("\tat "), () -> "a Java stack trace reached the user:\n" + r.err);
        assertFalse(r.err.contains("internal error"), () -> "internal error:\n" + r.err);
    }

    @Test
    void aListGrowingInAFunctionRaisesMemoryErrorThatCanBeCaughtTwice() throws Exception {
        Run r = run(String.join("\n",
                "import threading",
                "def grow():",
                "    chunks = []",
                "    while True:",
                "        chunks.append([len(chunks)] * 1000)",
                "for attempt in (1, 2):",
                "    try:",
                "        grow()",
                "    except MemoryError as e:",
                "        print('caught', attempt, repr(e))",
                "t = threading.Thread(target=grow, name='grower')",
                "t.start()",
                "t.join()",
                "print('alive', sum(range(1000)))"), 0);
        assertNoJava(r);
        assertEquals("caught 1 MemoryError()\ncaught 2 MemoryError()\nalive 499500\n", r.out, r::err);
        assertTrue(r.err.startsWith("Exception in thread grower:\nTraceback (most recent call last):\n"), r::err);
        assertEquals("MemoryError", r.lastErr(), r::err);
        assertEquals(0, r.exit, r::err);
    }

    @Test
    void anUncaughtMemoryErrorAtModuleLevelPrintsATraceback() throws Exception {
        // The list stays reachable from the module's globals: printing the report needs the reserve.
        Run r = run("print('start')\ndata = []\nwhile True:\n    data.append(str(len(data)) * 20)\n", 0);
        assertNoJava(r);
        assertEquals("start\n", r.out);
        assertTrue(r.err.startsWith("Traceback (most recent call last):\n  File \"<string>\", line 4, in <module>\n"), r::err);
        assertEquals("MemoryError", r.lastErr(), r::err);
        assertEquals(1, r.exit);
    }

    @Test
    void aThreadTheOsRefusesIsRuntimeError() throws Exception {
        // Under a 4 GB address-space limit, thread stacks (256 MB reserved each) run out after a few threads.
        Run r = run(String.join("\n",
                "import threading",
                "ev = threading.Event()",
                "started = []",
                "try:",
                "    for i in range(1000):",
                "        t = threading.Thread(target=ev.wait)",
                "        t.start()",
                "        started.append(t)",
                "except RuntimeError as e:",
                "    print('RuntimeError:', e)",
                "ev.set()",
                "for t in started:",
                "    t.join()",
                "print('joined', len(started) > 0, len(started) < 1000)"), 4_000_000);
        assumeFalse(r.err.contains("Could not reserve") || r.err.contains("Error occurred during initialization"),
                "the JVM cannot start under this address-space limit here");
        assertEquals("RuntimeError: can't start new thread\njoined True True\n", r.out, r::err);
        assertFalse(r.err.contains("Traceback"), r::err);
        assertEquals(0, r.exit, r::err);
    }
}
