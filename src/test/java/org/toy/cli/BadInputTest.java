package org.toy.cli;

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
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toy.source.Source;

/**
 * Bad input ends in a clean Python-style error and exit code — never a Java exception, a
 * Java stack trace, a crash or a hang.
 */
class BadInputTest {
    @TempDir Path dir;

    record Run(int exit, String out, String err) {
        String lastErr() {
            List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    static Run run(String code) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Toy toy = new Toy(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = toy.runMain(new Source("<string>", code), List.of("-c"));
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        });
    }

    private static void assertNoJava(Run r) {
        assertFalse(r.err.contains("java."), () -> "a Java name reached the user:\n" + r.err);
        assertFalse(r.err.contains("\tat "), () -> "a Java stack trace reached the user:\n" + r.err);
        assertFalse(r.err.contains("internal error"), () -> "internal error:\n" + r.err);
    }

    @Test
    void emptyProgramDoesNothing() {
        Run r = run("");
        assertEquals(0, r.exit);
        assertEquals("", r.out + r.err);
    }

    @Test
    void randomBytesAreASyntaxError() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[1 + random.nextInt(200)];
            random.nextBytes(bytes);
            Run r = run(new String(bytes, StandardCharsets.ISO_8859_1));
            assertNoJava(r);
            assertTrue(r.exit == 0 || r.exit == 1, "exit " + r.exit);
            if (r.exit == 1) assertTrue(r.lastErr().matches("\\w*(Syntax|Indentation|Tab)?Error: .*|\\w+Error.*"),
                    r.err);
        }
    }

    @Test
    void unterminatedStringAndBracket() {
        Run s = run("x = 'abc\n");
        assertEquals(1, s.exit);
        assertEquals("SyntaxError: unterminated string literal (detected at line 1)", s.lastErr());
        Run b = run("x = (1,\n2\n");
        assertEquals(1, b.exit);
        assertEquals("SyntaxError: '(' was never closed", b.lastErr());
    }

    @Test
    void mixedTabsAndSpaces() {
        Run r = run("if True:\n        x = 1\n\ty = 2\n");
        assertEquals(1, r.exit);
        assertTrue(r.lastErr().startsWith("TabError") || r.lastErr().startsWith("IndentationError"), r.err);
        assertNoJava(r);
    }

    @Test
    void fiveThousandNestedParentheses() {
        Run r = run("x = " + "(".repeat(5000) + "1" + ")".repeat(5000) + "\nprint(x)\n");
        assertNoJava(r);
        assertEquals(1, r.exit);
        assertEquals("SyntaxError: too many nested parentheses", r.lastErr());
    }

    @Test
    void hundredThousandLineScript() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 100_000; i++) b.append("x").append(i % 100).append(" = ").append(i).append('\n');
        b.append("print(x99)\n");
        Run r = run(b.toString());
        assertEquals(0, r.exit, r.err);
        assertEquals("99999\n", r.out);
    }

    @Test
    void unboundedRecursionIsARecursionError() {
        Run r = run("def f(n):\n    return f(n + 1)\nf(0)\n");
        assertEquals(1, r.exit);
        assertEquals("RecursionError: maximum recursion depth exceeded", r.lastErr());
        assertNoJava(r);
    }

    @Test
    void recursionLimitCanBeRaised() {
        Run r = run("import sys\nsys.setrecursionlimit(200000)\ndef f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\n"
                + "print(f(100000))\n");
        assertEquals(0, r.exit, r.err);
        assertEquals("100000\n", r.out);
    }

    @Test
    void missingFileIsExitTwo() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Toy toy = new Toy(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = toy.runFile(dir.resolve("nope.toy").toString(), List.of());
        assertEquals(2, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("[Errno 2] No such file or directory"));
    }

    @Test
    void sysExitSetsTheExitCode() {
        assertEquals(3, run("import sys\nsys.exit(3)\n").exit);
        assertEquals(0, run("import sys\nsys.exit()\n").exit);
        Run message = run("import sys\nsys.exit('bye')\n");
        assertEquals(1, message.exit);
        assertEquals("bye", message.lastErr());
    }

    @Test
    void syntaxErrorsRunNothing() throws IOException {
        Path file = dir.resolve("bad.toy");
        Files.writeString(file, "print('ran')\nif x\n    pass\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Toy toy = new Toy(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, toy.runFile(file.toString(), List.of()));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals("  File \"" + file + "\", line 2\n    if x\n        ^\nSyntaxError: expected ':'\n", text);
    }
}
