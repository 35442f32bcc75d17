package org.toy.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prompt end to end on a dumb terminal: what the user types, what the screen shows. */
class ReplTest {
    @TempDir Path dir;

    private ReplHarness.Transcript type(String keystrokes) {
        return ReplHarness.run(keystrokes, dir.resolve("history"));
    }

    @Test
    void bannerNamesTheVersionAndTheHelpCommand() {
        String text = type("").text();
        assertTrue(text.startsWith("Toy test (Python 3.11 semantics)"), text);
        assertTrue(text.contains(":help"), text);
    }

    @Test
    void aBlockRunsAfterTheBlankLine() {
        var t = type("def twice(n):\n    return n + n\n\ntwice(21)\n");
        assertTrue(t.text().contains("\n>>> 42\n") || t.text().contains(">>> 42\n"), t.text());
    }

    @Test
    void nestedBlocksAndElse() {
        var t = type("if 1:\n    if 0:\n        print('no')\n    else:\n        print('yes')\n\n");
        assertTrue(t.text().contains("yes\n"), t.text());
        assertFalse(t.text().contains("no\n"), t.text());
    }

    @Test
    void expressionsEchoTheirReprAndUnderscoreKeepsTheLast() {
        var t = type("6 * 7\nNone\n_\nx = 5\n_ + x\n");
        String text = t.text();
        assertFalse(text.contains("None"), text);
        assertTrue(text.contains(">>> 42\n>>> >>> 42\n>>> >>> 47\n"), text); // None echoes nothing and leaves _ alone
    }

    @Test
    void bracketsStringsAndBackslashesContinueTheStatement() {
        var t = type("xs = [1,\n\n 2]\nxs\ns = '''a\nb'''\ns\ny = 40 + \\\n2\ny\n");
        String text = t.text();
        assertTrue(text.contains("[1, 2]\n"), text);
        assertTrue(text.contains("'a\\nb'\n"), text);
        assertTrue(text.contains("42\n"), text);
    }

    @Test
    void errorsPrintATracebackAndTheSessionGoesOn() {
        var t = type("nowhere\nx = 7\nx\n");
        String text = t.text();
        assertTrue(text.contains("Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n"), text);
        assertTrue(text.contains("NameError: name 'nowhere' is not defined\n"), text);
        assertTrue(text.contains(">>> 7\n"), text);
        assertEquals(0, t.exit());
    }

    @Test
    void aSyntaxErrorInABlockShowsTheCaretAndReturnsToThePrompt() {
        var t = type("if 1:\n    x = )\n'after'\n");
        String text = t.text();
        assertTrue(text.contains("    x = )\n        ^\nSyntaxError: unmatched ')'\n"), text);
        assertTrue(text.contains("'after'\n"), text);
    }

    @Test
    void aBlockOpenerEndedByABlankLineIsAnIndentationError() {
        var t = type("for c in 'ab':\n\n'next'\n");
        assertTrue(t.text().contains("IndentationError: expected an indented block"), t.text());
        assertTrue(t.text().contains("'next'\n"), t.text());
    }

    @Test
    void exitEndsTheSessionWithItsStatus() {
        var t = type("exit(3)\n'never'\n");
        assertEquals(3, t.exit());
        assertFalse(t.text().contains("never"), t.text());
        assertEquals(0, type("quit()\n").exit());
        assertEquals(0, type("1\n").exit()); // end of input is Ctrl-D
    }

    @Test
    void exclamationMarksAreNotHistoryExpansion() {
        var t = type("a = 1\nb = 2\na != b\n");
        assertTrue(t.text().contains("True\n"), t.text());
    }

    @Test
    void tabAtTheStartOfALineIndentsWithSpaces() {
        var t = ReplHarness.ansi("if 1:\n\tprint('tabbed')\n    print('same block')\n\n", dir.resolve("h"));
        assertTrue(t.text().contains("tabbed\n"), t.text());
        assertFalse(t.text().contains("Error"), t.text()); // the Tab became four spaces, consistent with the next line
    }

    @Test
    void tabAfterAWordCompletesIt() {
        var t = ReplHarness.ansi("prin\t'done')\n", dir.resolve("h"));
        assertTrue(t.text().contains("done\n"), t.text());
    }

    @Test
    void autoIndentLetsBlocksBeTypedWithoutIndentation() {
        var t = new ReplHarness("def f(n):\nif n:\nreturn 'deep'\nreturn 'flat'\n\nf(1)\nf(0)\n", dir.resolve("h"), true).run();
        assertTrue(t.text().contains("'deep'\n"), t.text());
        assertTrue(t.text().contains("'flat'\n"), t.text());
    }

    @Test
    void historyIsWrittenAndReadBackByTheNextSession() throws Exception {
        Path history = dir.resolve("toy_history");
        ReplHarness.run("if 1:\n    b = 1\n\na = 41\n", history);
        String saved = Files.readString(history);
        assertTrue(saved.contains(":if 1:\\n    b = 1\n"), saved); // a block is one entry, its newlines escaped
        assertTrue(saved.contains(":a = 41\n"), saved);
        // Ctrl-P recalls "a = 41" from the first session; Enter runs it.
        ReplHarness second = new ReplHarness("\u0010\na + 1\n", history, false, "ansi");
        var t = second.run();
        assertTrue(t.text().contains("42\n"), t.text());
        List<String> entries = new ArrayList<>();
        second.repl.reader().getHistory().forEach(e -> entries.add(e.line()));
        assertEquals(List.of("if 1:\n    b = 1", "a = 41", "a + 1"), entries); // the repeated "a = 41" is kept once
    }

    @Test
    void controlCWhileCodeRunsRaisesKeyboardInterruptAndTheReplSurvives() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            ReplHarness h = new ReplHarness("while 1:\n    pass\n\n'alive'\n", dir.resolve("h"), false);
            // Press Ctrl-C only while the loop runs (a Ctrl-C at the prompt just clears the line),
            // and again until it is noticed.
            Thread repl = Thread.currentThread();
            Thread presser = new Thread(() -> {
                while (!h.screen().contains("Traceback")) {
                    if (runsToyCode(repl)) h.terminal.raise(Terminal.Signal.INT);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            presser.setDaemon(true);
            presser.start();
            var t = h.run();
            presser.interrupt();
            assertTrue(t.text().contains("KeyboardInterrupt\n"), t.text());
            assertTrue(t.text().contains("'alive'\n"), t.text());
        });
    }

    private static boolean runsToyCode(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals("org.toy.vm.EvalLoop")) return true;
        }
        return false;
    }
}
