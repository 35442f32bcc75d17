package org.toy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The script tests: every {@code src/test/toy/**.toy} file is run by Toy (in-process, on fresh
 * streams) and checked twice — against its own {@code # expect} comments, and differentially
 * against {@code python3} (stdout, exit status and the last stderr line must be equal), unless
 * the file says {@code # oracle: off — reason}. {@code -Dtoy.tests=errors/} runs one folder.
 */
class ScriptTest {
    static final Path ROOT = Path.of("src/test/toy");
    private static final Map<Path, ScriptResult> TOY_RUNS = new ConcurrentHashMap<>();
    private static final boolean PYTHON = pythonAvailable();

    static Stream<Path> scripts() throws IOException {
        String filter = System.getProperty("toy.tests", "");
        if (!Files.isDirectory(ROOT)) return Stream.empty();
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".toy"))
                    .filter(p -> ROOT.relativize(p).toString().startsWith(filter))
                    .sorted().toList();
            return list.stream();
        }
    }

    @TestFactory
    Stream<DynamicTest> expectations() throws IOException {
        return scripts().map(p -> DynamicTest.dynamicTest(ROOT.relativize(p).toString(), p.toUri(),
                () -> checkExpectations(p)));
    }

    @TestFactory
    Stream<DynamicTest> sameAsCPython() throws IOException {
        return scripts().map(p -> DynamicTest.dynamicTest(ROOT.relativize(p).toString(), p.toUri(),
                () -> checkOracle(p)));
    }

    private static void checkExpectations(Path file) throws IOException {
        ScriptExpectations ex = ScriptExpectations.read(file);
        assumeTrue(ex.skip() == null, () -> "skipped: " + ex.skip());
        assumeTrue(!ex.nontest(), "helper module");
        ScriptResult r = runToy(file, ex);
        String where = file + "\n" + r.describe();
        assertEquals(ex.stdout(), r.stdoutLines(), () -> "stdout differs from the # expect lines\n" + where);
        assertEquals(ex.expectedExit(), r.exit(), () -> "exit status\n" + where);
        if (ex.error() != null) {
            assertEquals(ex.error(), r.lastStderrLine(), () -> "uncaught exception\n" + where);
            assertEquals(ex.errorLine(), r.lastReportedLine(), () -> "line of the innermost traceback entry\n" + where);
        } else if (ex.syntaxError() != null) {
            assertEquals(ex.syntaxError(), r.lastStderrLine(), () -> "syntax error\n" + where);
            assertEquals(ex.syntaxLine(), r.lastReportedLine(), () -> "line of the syntax error\n" + where);
        } else if (ex.expectedExit() == 0 && r.stderr().contains("Traceback")) {
            fail("a traceback on stderr\n" + where);
        }
    }

    private static void checkOracle(Path file) throws Exception {
        ScriptExpectations ex = ScriptExpectations.read(file);
        assumeTrue(ex.skip() == null, () -> "skipped: " + ex.skip());
        assumeTrue(!ex.nontest(), "helper module");
        assumeTrue(ex.oracleOff() == null, () -> "oracle off: " + ex.oracleOff());
        assumeTrue(PYTHON, "python3 is not installed");
        ScriptResult py = runPython(file, ex);
        ScriptResult toy = runToy(file, ex);
        String where = file + "\n=== Toy ===\n" + toy.describe() + "=== CPython ===\n" + py.describe();
        assertEquals(py.stdout(), toy.stdout(), () -> "stdout differs from CPython's\n" + where);
        assertEquals(py.exit(), toy.exit(), () -> "exit status differs from CPython's\n" + where);
        assertEquals(py.lastStderrLine(), toy.lastStderrLine(), () -> "last stderr line differs\n" + where);
    }

    /** Runs a script in-process, once per test run (both factories share the result). */
    static ScriptResult runToy(Path file, ScriptExpectations ex) {
        return TOY_RUNS.computeIfAbsent(file, f -> assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
            Toy toy = new Toy(new ByteArrayInputStream(ex.stdinText().getBytes(StandardCharsets.UTF_8)), outStream,
                    errStream);
            int exit = toy.runFile(f.toString(), List.of());
            return new ScriptResult(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), exit);
        }, () -> "timed out: " + f));
    }

    static ScriptResult runPython(Path file, ScriptExpectations ex) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("python3", file.toString());
        pb.environment().put("PYTHONHASHSEED", "0");
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        // Lets CPython import the .toy helper modules that some tests import (a sitecustomize
        // that adds ".toy" to the source suffixes).
        pb.environment().put("PYTHONPATH", Path.of("src/test/python/toyimport").toAbsolutePath().toString());
        Process p = pb.start();
        p.getOutputStream().write(ex.stdinText().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("python3 timed out on " + file);
        }
        return new ScriptResult(out.get(), err.get(), p.exitValue());
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
