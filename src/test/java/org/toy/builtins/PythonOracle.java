package org.toy.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.toy.runtime.ToyObject;

/**
 * A differential table: each row is a Python expression and the Java that computes the same thing
 * in Toy. All the expressions run in one python3 process; each row's outcome (the result's repr, or
 * {@code Type: message}) must match Toy's. Skipped, as an assumption, where python3 is missing.
 */
public final class PythonOracle {
    private record Row(String python, Supplier<ToyObject> toy) {}

    private final List<Row> rows = new ArrayList<>();
    private final String prelude;

    public PythonOracle(String prelude) { this.prelude = prelude; }

    public PythonOracle row(String python, Supplier<ToyObject> toy) {
        rows.add(new Row(python, toy));
        return this;
    }

    public void check() throws IOException, InterruptedException {
        List<String> expected = runPython();
        List<String> failures = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            String toy = ToyTesting.outcome(rows.get(k).toy()).replace("\n", "\\n");
            if (!toy.equals(expected.get(k))) {
                failures.add(rows.get(k).python() + "\n    python3: " + expected.get(k) + "\n    toy:     " + toy);
            }
        }
        assertEquals("", String.join("\n", failures), failures.size() + " of " + rows.size() + " rows differ");
    }

    private List<String> runPython() throws IOException, InterruptedException {
        Path script = Files.createTempFile("oracle", ".py");
        StringBuilder py = new StringBuilder(prelude).append("\n");
        py.append("def _outcome(f):\n")
          .append("    try:\n        r = repr(f())\n")
          .append("    except BaseException as e:\n")
          .append("        t = type(e)\n")
          .append("        name = t.__qualname__ if t.__module__ == 'builtins' else t.__module__ + '.' + t.__qualname__\n")
          .append("        r = name + ': ' + str(e)\n")
          .append("    print(r.replace('\\n', '\\\\n'))\n");
        for (Row r : rows) py.append("_outcome(lambda: (").append(r.python()).append("))\n");
        Files.writeString(script, py.toString(), StandardCharsets.UTF_8);
        Process p;
        try {
            p = new ProcessBuilder("python3", "-W", "ignore", script.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not available: " + e.getMessage());
            throw e;
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 timed out");
        Files.deleteIfExists(script);
        List<String> lines = output.lines().toList();
        assertEquals(rows.size(), lines.size(), "python3 output:\n" + output);
        return lines;
    }
}
