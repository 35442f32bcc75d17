package org.toy.process;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.toy.ipc.Codec;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.source.Source;
import org.toy.source.ToySyntaxError;
import org.toy.vm.Interpreter;
import org.toy.vm.ThreadState;
import org.toy.vm.Traceback;

/**
 * The child interpreter's entry point (CPython's {@code spawn_main} + {@code _bootstrap}): boot
 * (the interpreter and a {@link WarmUp}), then wait on the {@link Lifeline} for the preparation
 * data and the payload — a warm spare waits here, booted, until a {@code start()} needs it —
 * rebuild the parent's state (fork) or re-run the main script as {@code __mp_main__} (spawn and
 * forkserver), run the target, and exit with CPython's code: 0, 1 after an uncaught exception
 * (printed under {@code Process NAME:}), or {@code sys.exit(n)}'s n.
 */
public final class ChildMain {
    private ChildMain() {}

    public static void main(String[] args) throws InterruptedException {
        int[] exit = new int[1];
        Thread main = new Thread(null, () -> exit[0] = run(), "toy-main", 512L << 20);
        main.start();
        main.join();
        System.exit(exit[0]);
    }

    static int run() {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // Boot before the job: this is the work a warm spare has done by the time it is handed one.
        watchParentExit();
        Interpreter interp = new Interpreter(out, err, new BufferedReader(new StringReader("")));
        WarmUp.run(interp);
        Lifeline lifeline = Lifeline.watch();
        Lifeline.Job job = lifeline.awaitJob();
        if (job == null) return 1;   // a spare the parent never used: it died or closed us
        int status;
        try {
            status = bootstrap(interp, job.prep(), job.payload());
        } finally {
            out.flush();
            err.flush();
        }
        try {
            interp.threads().joinNonDaemon(interp.mainThread());
        } catch (org.toy.threads.Deadlock e) {
            // As the top-level interpreter (cli.Toy): the detector's report, exit code 1.
            out.flush();
            err.print(e.report());
            status = 1;
        } catch (RuntimeException e) {
            // an interrupt at exit: the status stands
        }
        Processes.exitFunction(interp);
        interp.gil().shutdown();
        interp.threads().shutdown();
        out.flush();
        err.flush();
        lifeline.release();
        return status;
    }

    /**
     * The backstop of the no-orphans rule ({@link Lifeline} is the fast path): the parent's exit,
     * which {@code ProcessHandle} notices by polling. Installed first, so that a spare still
     * booting when its parent is SIGKILLed ends too.
     */
    private static void watchParentExit() {
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(1)));
    }

    private static String text(ToyDict d, String key) {
        ToyObject v = d.get(ToyStr.of(key));
        return v instanceof ToyStr s ? s.value : null;
    }

    private static int bootstrap(Interpreter interp, byte[] prepBytes, byte[] payload) {
        ThreadState ts = interp.mainThread();
        ToyDict prep = (ToyDict) Codec.decode(prepBytes, null);
        if (prep.get(ToyStr.of("authkey")) instanceof org.toy.runtime.ToyBytes key) org.toy.ipc.AuthKey.set(key.value);
        String name = text(prep, "name");
        ToyTuple id = (ToyTuple) prep.get(ToyStr.of("identity"));
        int[] identity = new int[id.len()];
        for (int i = 0; i < identity.length; i++) identity[i] = (int) ((ToyInt) id.get(i)).value;
        boolean daemon = prep.get(ToyStr.of("daemon")).isTrue();
        String method = text(prep, "method");
        String mainPath = text(prep, "main_path");
        for (ToyObject a : ((ToyList) prep.get(ToyStr.of("argv"))).toArray()) interp.argv().add(a.str());
        long parentPid = ((ToyInt) prep.get(ToyStr.of("parent_pid"))).value;
        ToyObject interval = prep.get(ToyStr.of("switch_interval"));
        if (interval instanceof org.toy.runtime.ToyFloat f && f.value > 0) interp.setSwitchInterval(f.value);
        String gilTrace = text(prep, "gil_trace");
        if (gilTrace != null) org.toy.gil.timeline.TraceSession.startChild(interp.gil(), name, Path.of(gilTrace));

        Processes ps = Processes.of(interp);
        ps.current = ToyProcess.self(interp, name, daemon, identity, parentPid);
        ps.parent = ToyProcess.parent(interp, text(prep, "parent_name"), parentPid);
        ps.startMethod = method;

        interp.gil().take(ts);
        try {
            if (!method.equals("fork") && mainPath != null) {
                // spawn: re-run the main script as __mp_main__, aliased as __main__ (spawn._fixup_main_from_path).
                String source;
                try {
                    source = Files.readString(Path.of(mainPath), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    interp.stderr().println("toy: can't open file '" + mainPath + "': " + e.getMessage());
                    return 1;
                }
                ToyModule main = interp.newModule("__mp_main__", mainPath);
                main.define("__name__", ToyStr.of("__mp_main__"));
                interp.modules().put("__main__", main);
                ps.bootstrapping = true;
                try {
                    interp.exec(ts, interp.compile(new Source(mainPath, source), false), main.globals());
                } catch (ToyError e) {
                    interp.stdout().flush();
                    interp.stderr().print(Traceback.format(e.exception));
                    return 1;
                } catch (ToySyntaxError e) {
                    interp.stderr().print(Traceback.format(e, null));
                    return 1;
                } finally {
                    ps.bootstrapping = false;
                }
            }
            ToyTuple call;
            try {
                call = (ToyTuple) Codec.decode(payload, Processes.resolver(interp));
            } catch (ToyError e) {
                interp.stderr().print(Traceback.format(e.exception));
                return 1;
            }
            if (call.get(0) instanceof ToyDict globals) {
                ToyModule main = new ToyModule("__main__", globals);
                interp.modules().put("__main__", main);
            }
            return runTarget(interp, ts, name, call.get(1), call.get(2), call.get(3));
        } catch (Codec.MalformedException e) {
            interp.stderr().println("toy: the parent sent a malformed message: " + e.getMessage());
            return 1;
        } finally {
            interp.gil().drop(ts);
        }
    }

    /** {@code BaseProcess._bootstrap}: run the target and turn the way it ended into an exit code. */
    private static int runTarget(Interpreter interp, ThreadState ts, String name, ToyObject target, ToyObject args,
            ToyObject kwargs) {
        try {
            if (target != ToyNone.NONE) ToyProcess.callTarget(ts, target, args, kwargs);
            return 0;
        } catch (ToyError e) {
            ToyException exc = e.exception;
            interp.stdout().flush();
            if (exc.isInstance(ExceptionTypes.SYSTEM_EXIT)) {
                ToyObject code = exc.args().len() == 0 ? ToyNone.NONE : exc.args().len() == 1 ? exc.args().get(0) : exc.args();
                if (code == ToyNone.NONE) return 0;
                if (code instanceof ToyInt i) return i.isSmall() ? (int) i.value : 1;
                interp.stderr().println(code.str());
                return 1;
            }
            interp.stderr().print("Process " + name + ":\n" + Traceback.format(exc));
            return 1;
        } catch (org.toy.threads.Deadlock e) {
            // Every thread of the child is blocked for ever: report the cycle, as the top level does.
            interp.stdout().flush();
            interp.stderr().print(e.report());
            return 1;
        } catch (StackOverflowError e) {
            interp.stderr().println("Process " + name + ":\nRecursionError: maximum recursion depth exceeded");
            return 1;
        }
    }
}
