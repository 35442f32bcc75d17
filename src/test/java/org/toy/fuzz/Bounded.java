package org.toy.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.toy.cli.Toy;
import org.toy.gil.EvalBreaker;
import org.toy.source.Source;
import org.toy.vm.Interpreter;

/**
 * Runs one fuzz input with a time limit, on a worker thread with a stack as roomy as the CLI's.
 * A run that overstays is a finding ({@link Hang}); the worker is asked to stop (KeyboardInterrupt
 * through the eval breaker) and, if it does not, abandoned for a fresh one.
 */
final class Bounded {
    /** A run that did not end in time. */
    static final class Hang extends AssertionError {
        Hang(String message) { super(message); }
    }

    /** What a program run printed and returned. */
    record Outcome(int exit, String out, String err) {}

    private static ExecutorService worker = newWorker();

    private Bounded() {}

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "fuzz-worker", 512L << 20);
            t.setDaemon(true);
            return t;
        });
    }

    /** Calls {@code task} on the worker; its exceptions and errors reach the caller unchanged. */
    static synchronized <V> V call(Callable<V> task, long millis, Runnable onTimeout) throws Exception {
        Future<V> f = worker.submit(task);
        try {
            return f.get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) throw ex;
            if (cause instanceof Error er) throw er;
            throw e;
        } catch (TimeoutException e) {
            if (onTimeout != null) onTimeout.run();
            try {
                f.get(2, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException stillStuck) {
                f.cancel(true);
                worker.shutdownNow();
                worker = newWorker();
            }
            throw new Hang("no result within " + millis + " ms");
        }
    }

    /** Runs {@code code} as {@code __main__}, the way {@code toy -c} would, with captured streams. */
    static Outcome runProgram(String code, long millis) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Toy toy = new Toy(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = call(() -> toy.runMain(new Source("<fuzz>", code), List.of("<fuzz>")), millis, () -> {
                Interpreter interp = toy.interpreter();
                if (interp != null) interp.breaker().set(EvalBreaker.KEYBOARD_INTERRUPT);
            });
        } catch (Hang h) {
            throw new Hang(h.getMessage() + "\n--- program\n" + code);
        }
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
