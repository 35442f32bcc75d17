package org.toy.repl;

import java.io.BufferedReader;
import java.io.PrintStream;
import org.toy.bytecode.Code;
import java.util.function.Supplier;
import org.toy.gil.EvalBreaker;
import org.toy.gil.Gil;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.source.Source;
import org.toy.source.ToySyntaxError;
import org.toy.threads.Deadlock;
import org.toy.vm.ThreadState;
import org.toy.vm.Interpreter;
import org.toy.vm.Traceback;

/**
 * The state of one interactive session: an {@link Interpreter} and its {@code __main__} module,
 * where every line typed at the prompt runs. It knows nothing of terminals, so the prompt, the
 * meta commands and the tests all drive it the same way.
 */
final class Session {
    /** What became of one input. */
    sealed interface Outcome {
        record Ran() implements Outcome {}
        /** A syntax error or an uncaught exception, formatted as CPython prints it. */
        record Failed(String report) implements Outcome {}
        /**
         * {@code exit()}, {@code quit()} or {@code raise SystemExit(n)}: the session should end with
         * {@code code}, after printing {@code message} (not null) when SystemExit carried a non-integer.
         */
        record Exited(int code, String message) implements Outcome {}
    }

    static final String INPUT_NAME = "<stdin>";

    private final PrintStream out;
    private final BufferedReader in;
    private Interpreter interp;
    private ToyModule main;

    Session(PrintStream out, BufferedReader in) {
        this.out = out;
        this.in = in;
        reset();
    }

    /** Forgets every name and module: a fresh interpreter, as if the REPL had just started. */
    void reset() {
        if (interp != null) abandonThreads();
        // Program output and tracebacks share the terminal, so their order on screen is the order they happened.
        interp = new Interpreter(out, out, in);
        interp.argv().add("");
        main = interp.newModule("__main__", null);
        interp.threads().main(); // MainThread's GIL account is bound to this Java thread (its CPU time in :gil)
    }

    Interpreter interpreter() { return interp; }

    ToyDict globals() { return main.globals(); }

    /** Compiles {@code text} in interactive mode (expression statements echo their repr) and runs it. */
    Outcome run(String text) {
        Source source = new Source(INPUT_NAME, text);
        Code code;
        try {
            code = interp.compile(source, true);
        } catch (ToySyntaxError e) {
            return new Outcome.Failed(Traceback.format(e, e.file().equals(INPUT_NAME) ? source.line(e.line()) : null));
        }
        return exec(code);
    }

    /** Runs already compiled module-level code in {@code __main__}. */
    Outcome exec(Code code) {
        forgetInterrupt(); // a Ctrl-C that came too late for the last statement must not hit this one
        try {
            interp.exec(interp.mainThread(), code, main.globals());
            return new Outcome.Ran();
        } catch (ToyError e) {
            return uncaught(e.exception);
        } catch (ToySyntaxError e) {
            return new Outcome.Failed(Traceback.format(e, null)); // from a module imported here
        } catch (Deadlock e) {
            // The detector's verdict is final for this interpreter: every later wait would fail too.
            return new Outcome.Failed(e.report() + "toy: the threads of this session can no longer wait; :reset starts afresh\n");
        } catch (StackOverflowError e) {
            return new Outcome.Failed("RecursionError: maximum recursion depth exceeded\n");
        } catch (RuntimeException e) {
            return new Outcome.Failed("toy: internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : "")
                    + "\ntoy: this is a bug in Toy, not in your program; the session goes on.\n");
        } finally {
            forgetInterrupt();
            out.flush();
        }
    }

    /**
     * Runs {@code action} holding the GIL, as the main thread: for the prompt's own reads of Toy
     * values (meta commands; not Tab completion, see PromptOutput) while threads started at the
     * prompt may be running.
     */
    <T> T withGil(Supplier<T> action) {
        ThreadState ts = interp.mainThread();
        Gil gil = interp.gil();
        if (gil.isHeldBy(ts)) return action.get();
        gil.take(ts);
        try {
            return action.get();
        } finally {
            gil.drop(ts);
        }
    }

    /**
     * The session ends (Ctrl-D, {@code exit()}, {@code :quit}): as CPython's REPL does at exit, the
     * main thread joins every non-daemon thread (Ctrl-C stops the wait), then the GIL shuts down,
     * so daemon threads never run Toy code again. Returns what to report: a KeyboardInterrupt
     * or deadlock report, or null.
     */
    String shutdown() {
        String report = null;
        forgetInterrupt();
        try {
            interp.threads().joinNonDaemon(interp.mainThread());
        } catch (ToyError e) {
            report = Traceback.format(e.exception);
        } catch (Deadlock e) {
            report = e.report();
        } finally {
            forgetInterrupt();
            interp.gil().shutdown();
            interp.threads().shutdown();
            out.flush();
        }
        return report;
    }

    /** :reset: the old interpreter's threads stop at their next GIL switch; none of them runs Toy code again. */
    private void abandonThreads() {
        interp.gil().shutdown();
        interp.threads().shutdown();
    }

    private void forgetInterrupt() {
        interp.breaker().clear(EvalBreaker.KEYBOARD_INTERRUPT);
        Thread.interrupted(); // the signal handler also interrupts the thread, to wake a sleep
    }

    private static Outcome uncaught(ToyException exc) {
        if (!exc.isInstance(ExceptionTypes.SYSTEM_EXIT)) return new Outcome.Failed(Traceback.format(exc));
        ToyObject code = exc.args().len() == 0 ? ToyNone.NONE : exc.args().len() == 1 ? exc.args().get(0) : exc.args();
        if (code == ToyNone.NONE) return new Outcome.Exited(0, null);
        if (code instanceof ToyInt i) return new Outcome.Exited(i.isSmall() ? (int) i.value : 1, null);
        return new Outcome.Exited(1, code.str());
    }

    /** The value of a name typed at the prompt: a global, else a built-in; Java null if neither. */
    ToyObject lookup(String name) {
        ToyStr key = ToyStr.of(name);
        ToyObject value = main.globals().get(key);
        return value != null ? value : interp.builtinsDict().get(key);
    }
}
