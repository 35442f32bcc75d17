package org.toy.vm;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.toy.ast.Module;
import org.toy.builtins.Builtins;
import org.toy.bytecode.Code;
import org.toy.compile.Compiler;
import org.toy.gil.EvalBreaker;
import org.toy.gil.Gil;
import org.toy.gil.NewGil;
import org.toy.parse.Parsing;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.source.Source;

/**
 * One Toy interpreter (CPython's {@code PyInterpreterState}): its modules, its streams, its
 * {@code sys} settings and its eval breaker. Nothing in the runtime is static and mutable, so
 * several interpreters can live in one JVM (tests, the REPL) and a child process starts a
 * fresh one.
 */
public final class Interpreter {
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final BufferedReader stdin;
    private final Map<String, ToyModule> modules = new HashMap<>();
    private final List<String> argv = new ArrayList<>();
    private final EvalBreaker breaker = new EvalBreaker();
    private final Gil gil = new NewGil(breaker);
    private final org.toy.threads.Threads threads = new org.toy.threads.Threads(this);
    private final ThreadState mainThread;
    private ToyModule builtins;
    private int recursionLimit = 1000;

    public Interpreter(PrintStream stdout, PrintStream stderr, BufferedReader stdin) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.stdin = stdin;
        org.toy.runtime.MemoryErrors.rearm();   // the reserve is taken now, not at the first OutOfMemoryError
        this.mainThread = new ThreadState(this, true);
        this.builtins = Builtins.create(this);
        builtins.define("thread", org.toy.threads.ThreadingModule.threadBuiltin());
        builtins.define("process", org.toy.process.MultiprocessingModule.processBuiltin());
        modules.put("builtins", builtins);
    }

    public PrintStream stdout() { return stdout; }
    public PrintStream stderr() { return stderr; }
    public BufferedReader stdin() { return stdin; }

    /** The state of the thread that created the interpreter. */
    public ThreadState mainThread() { return mainThread; }

    /** {@code sys.modules}: every module imported so far, by name. */
    public Map<String, ToyModule> modules() { return modules; }

    /** {@code sys.argv}: the script path (or "-c") and its arguments. */
    public List<String> argv() { return argv; }

    public ToyModule builtins() { return builtins; }

    public ToyDict builtinsDict() { return builtins.globals(); }

    public void setBuiltins(ToyModule builtins) { this.builtins = builtins; }

    public EvalBreaker breaker() { return breaker; }

    public int recursionLimit() { return recursionLimit; }

    public void setRecursionLimit(int limit) { this.recursionLimit = limit; }

    /** The global interpreter lock; every thread holds it to run Toy code. */
    public Gil gil() { return gil; }

    /** The interpreter's Toy threads: registry, main thread object, deadlock detector. */
    public org.toy.threads.Threads threads() { return threads; }

    public double switchInterval() { return gil.interval(); }

    public void setSwitchInterval(double seconds) { gil.setInterval(seconds); }

    /** Parses and compiles source text; throws ToySyntaxError. */
    public Code compile(Source source, boolean interactive) {
        Module tree = Parsing.parse(source);
        return Compiler.compile(tree, interactive, stderr::print);
    }

    /** A new module registered in {@code sys.modules}, with {@code __name__} and {@code __file__}. */
    public ToyModule newModule(String name, String file) {
        ToyModule m = new ToyModule(name);
        if (file != null) m.define("__file__", ToyStr.of(file));
        m.define("__builtins__", builtins);
        modules.put(name, m);
        return m;
    }

    /** Runs module-level code with {@code globals} as its namespace. */
    public ToyObject exec(ThreadState ts, Code code, ToyDict globals) {
        Frame frame = new Frame(code, globals, builtinsDict(), null);
        if (gil.isHeldBy(ts)) return EvalLoop.run(ts, frame);
        // Top-level entry (a program, a REPL line): hold the GIL while Toy code runs, so the
        // other threads run between REPL prompts and after the main module has finished.
        gil.take(ts);
        try {
            return EvalLoop.run(ts, frame);
        } finally {
            gil.drop(ts);
        }
    }
}
