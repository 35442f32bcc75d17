package org.toy.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code :} commands, typed at the prompt. */
class MetaCommandsTest {
    @TempDir Path dir;

    private ReplHarness.Transcript type(String keystrokes) {
        return ReplHarness.run(keystrokes, dir.resolve("history"));
    }

    @Test
    void helpListsEveryCommand() {
        String text = type(":help\n").text();
        for (String command : new String[] {":dis", ":time", ":switch", ":gil", ":threads", ":reset", ":quit"}) {
            assertTrue(text.contains("  " + command), command + " missing from\n" + text);
        }
    }

    @Test
    void disOfAFunctionShowsItsBytecode() {
        String text = type("def f(n):\n    return n + 1\n\n:dis f\n").text();
        assertTrue(text.contains("LOAD_FAST"), text);
        assertTrue(text.contains("RETURN_VALUE"), text);
        assertFalse(text.contains("MAKE_FUNCTION"), text); // the function's code, not the line that defines it
    }

    @Test
    void disOfAnExpressionShowsTheLinesBytecode() {
        String text = type(":dis x + 1\n").text();
        assertTrue(text.contains("LOAD_NAME") && text.contains("(x)"), text);
        assertTrue(text.contains("BINARY_OP"), text);
    }

    @Test
    void disOfBadCodeIsASyntaxErrorAndTheSessionGoesOn() {
        String text = type(":dis 1 +\n2\n").text();
        assertTrue(text.contains("SyntaxError: invalid syntax"), text);
        assertTrue(text.contains(">>> 2\n"), text);
    }

    @Test
    void timeRunsTheStatementAndReportsItsTimes() {
        String text = type(":time t = 6 * 7\nt\n").text();
        assertTrue(text.matches("(?s).*wall \\d+\\.\\d{3} ms +cpu \\d+\\.\\d{3} ms +gil-wait \\d+\\.\\d{3} ms.*"), text);
        assertTrue(text.contains(">>> 42\n"), text); // it ran in the session
    }

    @Test
    void timeOfAFailingStatementStillShowsTheTraceback() {
        String text = type(":time nowhere\n").text();
        assertTrue(text.contains("wall "), text);
        assertTrue(text.contains("NameError: name 'nowhere' is not defined"), text);
    }

    @Test
    void switchSetsTheInterpretersSwitchInterval() {
        ReplHarness h = new ReplHarness(":switch 0.02\n:switch\n:switch -1\n", dir.resolve("h"), false);
        String text = h.run().text();
        assertEquals(0.02, h.repl.session().interpreter().switchInterval());
        assertTrue(text.contains("switch interval: 0.02 s (was 0.005 s)"), text);
        assertTrue(text.contains("switch interval: 0.02 s\n"), text);
        assertTrue(text.contains(":switch needs a positive number"), text);
    }

    @Test
    void resetForgetsEveryName() {
        String text = type("x = 1\n:reset\nx\n").text();
        assertTrue(text.contains("session reset"), text);
        assertTrue(text.contains("NameError: name 'x' is not defined"), text);
    }

    @Test
    void quitEndsTheSession() {
        var t = type(":quit\n'never'\n");
        assertEquals(0, t.exit());
        assertFalse(t.text().contains("never"), t.text());
    }

    @Test
    void gilShowsTheStatisticsWithARowPerThread() {
        String text = type("import threading\nt = threading.Thread(target=sum, args=([1, 2],), name='adder')\n"
                + "t.start(); t.join()\n:gil\n").text();
        assertTrue(text.contains("GIL enabled"), text);
        assertTrue(text.matches("(?s).*GIL statistics: interval 5\\.000 ms, \\d+ switches, \\d+ drop requests.*"), text);
        assertTrue(text.matches("(?s).*thread +cpu ms +held ms +waited ms +blocked ms +switches.*"), text);
        assertTrue(text.matches("(?s).*\nMainThread +\\d+\\.\\d +\\d+\\.\\d.*"), text); // its CPU time is known
        assertTrue(text.contains("\nadder "), text); // ended threads keep their row
    }

    @Test
    void threadsListsTheMainThreadAtThePrompt() {
        String text = type(":threads\n").text();
        assertTrue(text.contains("1 live thread\n"), text);
        assertTrue(text.matches("(?s).*  MainThread  ident \\d+  at the prompt\n.*"), text);
    }

    @Test
    void timeShowsTheMainThreadsWaitForTheGil() {
        // A thread that holds the GIL for a while: the statement has to wait for it at least once.
        String text = type("import threading\ndef spin():\n    n = 0\n    while n < 3000000: n += 1\n\n"
                + "t = threading.Thread(target=spin)\n:time t.start(); t.join(); x = sum(range(1000))\nx\n").text();
        assertTrue(text.matches("(?s).*gil-wait \\d+\\.\\d{3} ms.*"), text);
        assertTrue(text.contains(">>> 499500\n"), text);
    }

    @Test
    void anUnknownCommandPointsToHelp() {
        assertTrue(type(":frobnicate\n").text().contains("unknown command :frobnicate; :help lists the commands"));
    }
}
