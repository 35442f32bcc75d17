package org.toy.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.toy.vm.Interpreter;

/**
 * Starting a child interpreter: a new JVM on the same {@code java} binary and classpath, running
 * {@link ChildMain}.
 *
 * <h2>Design</h2>
 * A JVM cannot {@code fork()}: its threads, JIT and GC would not survive it. So every start
 * method execs a fresh JVM, as CPython's {@code spawn} does, and the start methods differ only
 * in what the child is sent (see {@link ChildMain}): under {@code fork} the parent's
 * {@code __main__} namespace by value (functions included, through {@link org.toy.ipc.Codec}),
 * so that the child begins as a copy of the parent's state at {@code start()}; under
 * {@code spawn} the path of the main script, which the child re-runs as {@code __mp_main__}
 * before it decodes its target by reference.
 * <p>
 * The channel is the child's standard input, in length-prefixed frames: first the preparation
 * data (name, identity, daemon flag, start method, main path, argv, the parent's pid), then the
 * payload {@code (main namespace or None, target, args, kwargs)}. The child boots (JVM, classes,
 * interpreter, a warm-up) before it reads them, so a warm spare ({@link Spares}) can be launched
 * ahead of need and handed its job later. The pipe stays open for the child's whole life: it is
 * the child's lifeline ({@link Lifeline}). When the parent dies, even by SIGKILL, the kernel
 * closes the write end, the child reads end-of-file and exits — no orphans, which CPython does
 * not promise. {@code ProcessHandle.parent().onExit()} is the backstop (it polls, so it is slower).
 * <p>
 * The child's stdout and stderr are pipes that the parent copies into its own streams, so a
 * child's prints reach wherever the parent's go — the terminal, or a test's captured stream
 * when the parent runs in-process. {@code join()} waits for those copies to reach the end of
 * the stream, so a child's output comes before what the parent prints after the join.
 * <p>
 * Start-up cost is the JVM's: the child runs C1 only with SerialGC and no perf data, and uses
 * its class-data-sharing archive when the classpath is the fat jar beside it. Most of that cost
 * is paid ahead of time by a warm spare ({@link Spares}).
 */
public final class Spawn {
    private Spawn() {}

    /**
     * Set by the launcher's training run ({@code ./toy}) to the path of the child's own
     * class-data-sharing archive: the first child started writes it at exit. A child loads
     * classes its parent never does (ChildMain, the codec's decoder, the lifeline), so it gets
     * an archive of its own, {@code toy-child.jsa} beside the jar, used when present.
     */
    static final String TRAIN_PROPERTY = "toy.child.archive";
    private static final java.util.concurrent.atomic.AtomicBoolean TRAINED = new java.util.concurrent.atomic.AtomicBoolean();

    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The command line of a child interpreter. */
    static List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.add("-XX:+UseSerialGC");
        // Both JIT tiers, as the parent has: C1 alone boots a child in a tenth less CPU
        // (bench/processes/child_boot.py), but runs a CPU-bound target about 1.7x slower than
        // the parent runs it, which is the work a process exists to do in parallel.
        cmd.add("-XX:-UsePerfData");
        cmd.add("-Xshare:auto");
        String cp = System.getProperty("java.class.path");
        String train = System.getProperty(TRAIN_PROPERTY);
        if (train != null && TRAINED.compareAndSet(false, true)) {
            // The launcher's training run: this child writes the child archive as it exits.
            cmd.add("-XX:ArchiveClassesAtExit=" + train);
            cmd.add("-Xlog:cds=off");
            cmd.add("-Xlog:cds+dynamic=off");
        } else if (cp.endsWith(".jar") && !cp.contains(File.pathSeparator)) {
            Path child = Path.of(cp).resolveSibling("toy-child.jsa");
            Path jsa = Files.isRegularFile(child) ? child : Path.of(cp).resolveSibling("toy.jsa");
            if (Files.isRegularFile(jsa)) {
                cmd.add("-XX:SharedArchiveFile=" + jsa);
                cmd.add("-Xlog:cds=off");
                cmd.add("-Xlog:cds+dynamic=off");
            }
        }
        cmd.add("-cp");
        cmd.add(cp);
        cmd.add(ChildMain.class.getName());
        return cmd;
    }

    /** A child JVM as launched: the process, and the threads copying its stdout and stderr into the parent's. */
    record Child(Process process, Thread outPump, Thread errPump) {}

    /** Launches a child interpreter whose output goes to {@code interp}'s streams; it boots, then waits for a job. */
    static Child launch(Interpreter interp) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command());
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        return new Child(p, pump(p.getInputStream(), interp.stdout(), "toy-child-stdout"),
                pump(p.getErrorStream(), interp.stderr(), "toy-child-stderr"));
    }

    /** A daemon thread copying a child's stream into the parent's. */
    static Thread pump(InputStream from, PrintStream to, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (from) {
                for (int n; (n = from.read(buf)) > 0; ) {
                    synchronized (to) {
                        to.write(buf, 0, n);
                        to.flush();
                    }
                }
            } catch (IOException e) {
                // the child is gone
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
