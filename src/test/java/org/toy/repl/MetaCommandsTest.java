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
        assertTrue(text.matches("(?s).*wall \\d+\\.\\d{3} ms +cpu \\d+\\.\\d{3} ms +gil-wait n/a.*"), text);
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
    void gilAndThreadsWaitForTheThreadsWork() {
        String text = type(":gil\n:threads\n").text();
        assertTrue(text.contains(":gil: not available yet"), text);
        assertTrue(text.contains(":threads: not available yet"), text);
    }

    @Test
    void anUnknownCommandPointsToHelp() {
        assertTrue(type(":frobnicate\n").text().contains("unknown command :frobnicate; :help lists the commands"));
    }
}
