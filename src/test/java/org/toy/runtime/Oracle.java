package org.toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Differential testing against CPython: every snippet of a table is evaluated by {@link MiniPython}
 * on the Toy runtime and by one batched {@code python3} run, and the two must print the same: the
 * repr of the value, or {@code !! Type: message} for an exception. Skipped when python3 is missing.
 */
final class Oracle {
    private Oracle() {}

    private static final String DRIVER = String.join("\n",
            "import ast, json, sys",
            "for line in open(sys.argv[1], encoding='utf-8'):",
            "    src = json.loads(line)",
            "    env = {}",
            "    try:",
            "        mod = ast.parse(src)",
            "        last = mod.body.pop()",
            "        exec(compile(mod, '<t>', 'exec'), env)",
            "        if isinstance(last, ast.Expr):",
            "            r = repr(eval(compile(ast.Expression(last.value), '<t>', 'eval'), env))",
            "        else:",
            "            exec(compile(ast.Module([last], []), '<t>', 'exec'), env)",
            "            r = 'None'",
            "    except Exception as e:",
            "        r = '!! ' + type(e).__name__ + ': ' + str(e)",
            "    print(json.dumps(r))",
            "");

    /** python3's answers for the snippets, in order. */
    static List<String> python(List<String> snippets) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("toy-oracle");
            Path driver = dir.resolve("driver.py");
            Path input = dir.resolve("input.jsonl");
            Files.writeString(driver, DRIVER);
            StringBuilder lines = new StringBuilder();
            for (String s : snippets) lines.append(jsonString(s)).append('\n');
            Files.writeString(input, lines.toString(), StandardCharsets.UTF_8);
            Process p;
            try {
                p = new ProcessBuilder("python3", driver.toString(), input.toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                Assumptions.assumeTrue(false, "python3 is not available");
                return null;
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) out.add(parseJsonString(line));
            }
            p.waitFor(60, TimeUnit.SECONDS);
            assertEquals(snippets.size(), out.size(), "python3 answered every snippet");
            return out;
        } catch (IOException | InterruptedException e) {
            throw new RuntimeException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Removes the scratch directory, so test runs leave nothing in /tmp. */
    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover scratch directory is harmless.
        }
    }

    /** Toy's answer for one snippet, in the oracle's notation. */
    static String toy(String snippet) {
        try {
            return Ops.repr(new MiniPython().run(snippet));
        } catch (ToyError e) {
            return "!! " + e.exception.type().name() + ": " + e.exception.str();
        }
    }

    /** One dynamic test per snippet, named by the snippet. */
    static Stream<DynamicTest> compare(String... snippets) {
        List<String> list = List.of(snippets);
        List<String> expected = python(list);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String snippet = list.get(i), want = expected.get(i);
            tests.add(DynamicTest.dynamicTest(snippet, () -> assertEquals(want, toy(snippet), snippet)));
        }
        return tests.stream();
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    static String parseJsonString(String json) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < json.length() - 1; i++) {
            char c = json.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = json.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    b.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }
}
