package org.toy.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.toy.bytecode.Code;
import org.toy.bytecode.Disassembler;
import org.toy.gil.timeline.TraceSession;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.source.Source;
import org.toy.source.ToySyntaxError;
import org.toy.threads.Deadlock;
import org.toy.vm.Interpreter;
import org.toy.vm.Traceback;

/**
 * Runs Toy the way {@code python3} runs Python: a file, a {@code -c} string or piped standard
 * input, with CPython's exit codes — 0, 1 for an uncaught exception or a syntax error, 2 for
 * bad usage or a missing file, {@code sys.exit(n)}'s n, 130 after Ctrl-C. Used by {@link Main}
 * and, in-process with captured streams, by the tests.
 */
public final class Toy {
    public static final String VERSION = "0.1.0";

    public static final int EXIT_OK = 0;
    public static final int EXIT_ERROR = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERRUPTED = 130;

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private Interpreter interp;
    private double switchInterval = Double.NaN;
    private boolean gilStats;
    private Path gilTrace;

    public Toy(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** The interpreter of the last run (null before). */
    public Interpreter interpreter() { return interp; }

    /** {@code --switch-interval=S}: the GIL switch interval for the next runs (NaN: the default). */
    public void setSwitchInterval(double seconds) { this.switchInterval = seconds; }

    /** {@code --gil-stats}: print the GIL table on stderr at exit. */
    public void setGilStats(boolean on) { this.gilStats = on; }

    /** {@code --gil-trace=FILE.html}: record the GIL and draw its timeline into {@code file} at exit. */
    public void setGilTrace(Path file) { this.gilTrace = file; }

    /** Runs {@code source} as the {@code __main__} module with {@code argv} as sys.argv. */
    public int runMain(Source source, List<String> argv) {
        interp = new Interpreter(out, err, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        interp.argv().addAll(argv);
        if (!Double.isNaN(switchInterval)) interp.setSwitchInterval(switchInterval);
        TraceSession trace = startTrace();
        int status = runModule(source);
        if (status != EXIT_SYNTAX_OR_DEADLOCK) status = shutdown(status);
        else status = EXIT_ERROR;
        org.toy.process.Processes.exitFunction(interp);   // multiprocessing's atexit: daemon children ended, others joined
        interp.gil().shutdown();
        interp.threads().shutdown();
        if (gilStats) err.print(interp.gil().stats().table(interp.gil().interval()));
        if (trace != null) err.println(trace.finish(source.name()));
        out.flush();
        err.flush();
        return status;
    }

    private TraceSession startTrace() {
        if (gilTrace == null) return null;
        try {
            return TraceSession.start(interp.gil(), gilTrace);
        } catch (IOException e) {
            err.println("toy: cannot record the GIL timeline: " + e.getMessage());
            return null;
        }
    }

    /** Internal marker: the program ended in a way that skips joining the threads. */
    private static final int EXIT_SYNTAX_OR_DEADLOCK = -1;

    private int runModule(Source source) {
        try {
            Code code;
            try {
                code = interp.compile(source, false);
            } catch (ToySyntaxError e) {
                out.flush();
                err.print(Traceback.format(e, sourceLine(source, e)));
                return EXIT_SYNTAX_OR_DEADLOCK;
            }
            ToyModule main = interp.newModule("__main__", source.name().startsWith("<") ? null : source.name());
            interp.exec(interp.mainThread(), code, main.globals());
            return EXIT_OK;
        } catch (ToyError e) {
            return uncaught(e.exception);
        } catch (Deadlock e) {
            out.flush();
            err.print(e.report());
            return EXIT_SYNTAX_OR_DEADLOCK;
        } catch (ToySyntaxError e) {
            // A syntax error in an imported module surfaces as a SyntaxError exception in Python;
            // Toy reports it the same way at top level.
            out.flush();
            err.print(Traceback.format(e, null));
            return EXIT_ERROR;
        } catch (StackOverflowError e) {
            out.flush();
            err.println("RecursionError: maximum recursion depth exceeded");
            return EXIT_ERROR;
        } catch (OutOfMemoryError e) {
            org.toy.runtime.MemoryErrors.from(e);   // lets the reserve go, so that printing cannot fail
            out.flush();
            err.println("MemoryError");
            return EXIT_ERROR;
        } catch (RuntimeException e) {
            return internalError(e);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * CPython's {@code threading._shutdown}: after the main module (even after an uncaught
     * exception) wait for every non-daemon thread; daemon threads are abandoned. Ctrl-C ends the
     * wait; a deadlock among the threads left is reported.
     */
    private int shutdown(int status) {
        try {
            interp.threads().joinNonDaemon(interp.mainThread());
            return status;
        } catch (ToyError e) {
            out.flush();
            err.print(Traceback.format(e.exception));
            return e.exception.isInstance(ExceptionTypes.KEYBOARD_INTERRUPT) ? EXIT_INTERRUPTED : EXIT_ERROR;
        } catch (Deadlock e) {
            out.flush();
            err.print(e.report());
            return EXIT_ERROR;
        }
    }

    private static String sourceLine(Source source, ToySyntaxError e) {
        return e.file().equals(source.name()) ? source.line(e.line()) : null;
    }

    /** SystemExit sets the exit code; anything else prints its traceback. */
    private int uncaught(ToyException exc) {
        out.flush();
        if (exc.isInstance(ExceptionTypes.SYSTEM_EXIT)) {
            ToyObject code = exc.args().len() == 0 ? ToyNone.NONE : exc.args().len() == 1 ? exc.args().get(0) : exc.args();
            if (code == ToyNone.NONE) return EXIT_OK;
            if (code instanceof ToyInt i) return i.isSmall() ? (int) i.value : EXIT_ERROR;
            err.println(code.str());
            return EXIT_ERROR;
        }
        err.print(Traceback.format(exc));
        return exc.isInstance(ExceptionTypes.KEYBOARD_INTERRUPT) ? EXIT_INTERRUPTED : EXIT_ERROR;
    }

    /** A bug in Toy itself: say so plainly, with a short report, never a Java stack trace. */
    private int internalError(RuntimeException e) {
        out.flush();
        err.println("toy: internal error: " + e.getClass().getSimpleName()
                + (e.getMessage() != null ? ": " + e.getMessage() : ""));
        StackTraceElement[] where = e.getStackTrace();
        if (where.length > 0) err.println("toy: at " + where[0].getClassName() + "." + where[0].getMethodName());
        err.println("toy: this is a bug in Toy, not in your program; please report it with the script that caused it.");
        return EXIT_ERROR;
    }

    /** {@code toy FILE args...}: a missing or unreadable file is a usage error (exit 2), as in CPython. */
    public int runFile(String path, List<String> args) {
        String text;
        try {
            text = Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("toy: can't open file '" + Path.of(path).toAbsolutePath() + "': [Errno 2] No such file or directory");
            return EXIT_USAGE;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("toy: can't open file '" + Path.of(path).toAbsolutePath() + "': " + e.getMessage());
            return EXIT_USAGE;
        }
        java.util.ArrayList<String> argv = new java.util.ArrayList<>();
        argv.add(path);
        argv.addAll(args);
        // As CPython 3.11: sys.argv[0] stays as typed, but __file__ and tracebacks use the absolute path.
        return runMain(new Source(Path.of(path).toAbsolutePath().normalize().toString(), text), argv);
    }

    /** {@code toy dis FILE}: the bytecode of every code object in the file. */
    public int disassemble(String path) {
        try {
            String text = Files.readString(Path.of(path), StandardCharsets.UTF_8);
            Source source = new Source(path, text);
            interp = new Interpreter(out, err, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            try {
                out.print(Disassembler.disassemble(interp.compile(source, false)));
                return EXIT_OK;
            } catch (ToySyntaxError e) {
                err.print(Traceback.format(e, sourceLine(source, e)));
                return EXIT_ERROR;
            }
        } catch (IOException e) {
            err.println("toy: can't open file '" + path + "': [Errno 2] No such file or directory");
            return EXIT_USAGE;
        } finally {
            out.flush();
        }
    }
}
