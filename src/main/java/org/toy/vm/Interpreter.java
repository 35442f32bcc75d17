package org.toy.vm;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.toy.runtime.ToyModule;

/**
 * One Toy interpreter (CPython's {@code PyInterpreterState}): its modules, its streams and its
 * {@code sys} settings. Nothing in the runtime is static and mutable, so several interpreters can
 * live in one JVM (tests, the REPL) and a child process starts a fresh one.
 */
public final class Interpreter {
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final BufferedReader stdin;
    private final Map<String, ToyModule> modules = new HashMap<>();
    private final List<String> argv = new ArrayList<>();
    private ToyModule builtins;
    private int recursionLimit = 1000;
    private double switchInterval = 0.005;

    public Interpreter(PrintStream stdout, PrintStream stderr, BufferedReader stdin) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.stdin = stdin;
    }

    public PrintStream stdout() { return stdout; }
    public PrintStream stderr() { return stderr; }
    public BufferedReader stdin() { return stdin; }

    /** {@code sys.modules}: every module imported so far, by name. */
    public Map<String, ToyModule> modules() { return modules; }

    /** {@code sys.argv}: the script path (or "-c") and its arguments. */
    public List<String> argv() { return argv; }

    public ToyModule builtins() { return builtins; }

    public void setBuiltins(ToyModule builtins) { this.builtins = builtins; }

    public int recursionLimit() { return recursionLimit; }

    public void setRecursionLimit(int limit) { this.recursionLimit = limit; }

    public double switchInterval() { return switchInterval; }

    public void setSwitchInterval(double seconds) { this.switchInterval = seconds; }
}
