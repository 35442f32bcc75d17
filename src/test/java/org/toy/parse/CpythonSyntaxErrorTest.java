package org.toy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.toy.source.Source;
import org.toy.source.ToySyntaxError;

/**
 * Differential test of syntax errors: kind, message, line and column must be CPython's
 * (from {@code compile()}; its 1-based offset minus one is Toy's 0-based column).
 */
class CpythonSyntaxErrorTest {
    static final List<String> SNIPPETS = List.of(
            "if x\n    pass\n",
            "for x in y\n    pass\n",
            "def f()\n    pass\n",
            "while x\n  pass\n",
            "class A\n  pass\n",
            "try\n  pass\n",
            "if x:\n  pass\nelse\n  pass\n",
            "x = (1,\n2\ny = 3\n",
            "x = [1,\n2\n",
            "x = 1)\n",
            "x = (1]\n",
            "x = (1,\n 2]\n",
            "x = }\n",
            "x = \"abc\n",
            "x = 'abc\ny = 2\n",
            "x = \"\"\"abc\n\n",
            "x = '''abc",
            "1 = x\n",
            "f() = 1\n",
            "a + 1 = 2\n",
            "x, 1 = 2\n",
            "1, x = 2\n",
            "x = 1 = 2\n",
            "None = 1\n",
            "True = 1\n",
            "'a' = 1\n",
            "f'x' = 1\n",
            "f(a=1) = 2\n",
            "[a, 1] = 2\n",
            "a.b, f() = 1, 2\n",
            "1 += 1\n",
            "(a, b) += 1\n",
            "[a] += 1\n",
            "x + 1 += 1\n",
            "del 1\n",
            "del f()\n",
            "for 1 in x: pass\n",
            "for f() in x: pass\n",
            "with a as 1: pass\n",
            "[x for 1 in y]\n",
            "if x:\npass\n",
            "for x in y:\npass\n",
            "while x:\npass\n",
            "def f():\nx=1\n",
            "class A:\nx=1\n",
            "try:\nx\n",
            "try:\n  x\nexcept:\nx\n",
            "try:\n  x\nfinally:\nx\n",
            "if x:\n  y\nelif z:\nw\n",
            "if x:\n  y\nelse:\nw\n",
            "with a:\nw\n",
            "\n\nif x:\n  y=1\n    z=2\n",
            "x=1\n        y=2\n",
            "  x = 1\n",
            "if x:\n    y=1\n  z=2\n",
            "if x:\n\ty=1\n        z=2\n",
            "if x:\n  y=1\n\tz=2\n",
            "x = \u0001\n",
            "x = $\n",
            "x = 1 +\n",
            "x = = 1\n",
            "x = not\n",
            "f(**a, *b)\n",
            "f(x for x in y, 1)\n",
            "def f(*): pass\n",
            "def f(**a, b): pass\n",
            "x = 'a' b'c'\n",
            "x = f'{a!x}'\n",
            "x = f'{}'\n",
            "x = f'}'\n",
            "x = f'{a'\n",
            "x = f\"{a\\n}\"\n",
            "x=1;;\n",
            "pass pass\n",
            "import\n",
            "from m import\n",
            "x = [1, 2\n",
            "if x:\n  y = (1,\n",
            "print 'x'\n".replace("print 'x'", "a b"),
            "def f(:\n  pass\n",
            "x = 1 if 2\n".replace(" if 2", " if"),
            "return return\n",
            "(" .repeat(5000) + ")".repeat(5000) + "\n",
            "x = (((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1\n",
            "x = b'\u00e9'\n",
            "x = '\\x4'\n",
            "lambda: (yield)\n".replace("(yield)", "x = 1"),
            "@dec\nx = 1\n",
            "x = 1 +* 2\n",
            "class A(x for x in y): pass\n",
            "1, a.b = 2\n", "f(), x = 1\n", "(1) = 2\n", "1, x = y = 2\n", "a, f() = 1 if x else 2\n",
            "x = f(), 1 = 2\n", "f() = lambda: 1\n", "f() = *a\n", "1, x = *a\n", "not x = 1\n", "-x = 1\n",
            "a < b = 1\n", "x = ('a'\n b'c')\n", "x = (f'{'\n 'b')\n", "x = 1 if 2 else 3 = 4\n"
    );

    @TestFactory
    Stream<DynamicTest> toyErrorsEqualCpythonErrors(@TempDir Path dir) throws Exception {
        List<String> expected = cpythonErrors(dir);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < SNIPPETS.size(); i++) {
            String snippet = SNIPPETS.get(i);
            String want = expected.get(i);
            String name = snippet.length() > 40 ? snippet.substring(0, 40) + "..." : snippet;
            tests.add(DynamicTest.dynamicTest(i + ": " + name.replace("\n", "\\n"), () -> {
                ToySyntaxError e = assertThrows(ToySyntaxError.class, () -> Parsing.parse(new Source("t.py", snippet)));
                assertEquals(want, e.kind() + "|" + e.getMessage() + "|" + e.line() + "|" + e.col(), snippet);
            }));
        }
        return tests.stream();
    }

    private static List<String> cpythonErrors(Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", "-c",
                "import sys\n"
                + "for p in sys.argv[1:]:\n"
                + "    src = open(p, encoding='utf-8', newline='').read()\n"
                + "    try:\n"
                + "        compile(src, 't.py', 'exec')\n"
                + "        print('no error')\n"
                + "    except SyntaxError as e:\n"
                + "        print(f'{type(e).__name__}|{e.msg}|{e.lineno}|{(e.offset or 1) - 1}')\n"));
        for (int i = 0; i < SNIPPETS.size(); i++) {
            Path file = dir.resolve("e" + i + ".py");
            Files.writeString(file, SNIPPETS.get(i), StandardCharsets.UTF_8);
            command.add(file.toString());
        }
        Process python;
        try {
            python = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException missing) {
            assumeTrue(false, "python3 is not available");
            throw missing;
        }
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(python.waitFor(60, TimeUnit.SECONDS) && python.exitValue() == 0, "python3 failed: " + output);
        List<String> lines = output.lines().toList();
        assertEquals(SNIPPETS.size(), lines.size(), output);
        return lines;
    }
}
