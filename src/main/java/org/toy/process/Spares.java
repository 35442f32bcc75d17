package org.toy.process;

import java.io.IOException;
import org.toy.vm.Interpreter;

/**
 * A warm spare child interpreter, kept ready by a parent that has started processes.
 *
 * <h2>Design</h2>
 * A JVM cannot fork, so a child is a new JVM, and booting one (the JVM, Toy's classes, an
 * interpreter) costs far more than CPython's {@code fork()}. The cost is moved off the critical
 * path: a child boots <em>before</em> it is needed and then waits on its lifeline for a job (see
 * {@link ChildMain}, {@link Lifeline}). {@code start()} hands the job — the fork state or the
 * spawn instructions, exactly as a freshly launched child would be sent them — to the spare and
 * launches the next spare in the background. A child that took a spare is the same as one
 * launched for it: its own OS process with its own pid, a child of this process, and nothing of
 * the job has been done before the job arrived.
 * <p>
 * <b>When a spare exists.</b> Only after the first process start of this interpreter: a program
 * that never starts a process pays nothing, not even when it imports {@code multiprocessing}
 * (every spawned child re-runs its main module's imports; booting a spare there would tax every
 * child). The first start is therefore cold, every later one warm (or, if it comes before the
 * spare has finished booting, part-warm: it still saves what the spare did meanwhile).
 * <p>
 * <b>No orphans.</b> A spare is bound to its parent as every child is: end-of-file on its stdin
 * (the parent died, even by SIGKILL, or closed it), with the parent's exit as the backstop. At
 * the interpreter's normal exit {@link #close()} ends the spare.
 * <p>
 * {@code TOY_SPARE=0} in the environment turns spares off (every child cold), to measure them.
 */
final class Spares {
    private final Interpreter interp;
    private final boolean enabled = !"0".equals(System.getenv("TOY_SPARE"));
    /** The booted or booting spare, or null. Guarded by this. */
    private Spawn.Child spare;
    /** True while a background thread launches the next spare. Guarded by this. */
    private boolean launching;
    private boolean closed;

    Spares(Interpreter interp) {
        this.interp = interp;
    }

    /** A child ready for its job: the spare when there is a live one, else a new launch. Then a new spare is made. */
    Spawn.Child take() throws IOException {
        Spawn.Child c;
        synchronized (this) {
            c = spare;
            spare = null;
        }
        if (c == null || !c.process().isAlive()) c = Spawn.launch(interp);
        replenish();
        return c;
    }

    private synchronized void replenish() {
        if (!enabled || closed || spare != null || launching) return;
        launching = true;
        Thread t = new Thread(this::launchSpare, "toy-spare-launcher");
        t.setDaemon(true);
        t.start();
    }

    private void launchSpare() {
        Spawn.Child c;
        try {
            c = Spawn.launch(interp);
        } catch (IOException e) {
            c = null;   // no spare: the next start launches its child itself, and reports any error
        }
        synchronized (this) {
            launching = false;
            if (!closed) {
                spare = c;
                return;
            }
        }
        if (c != null) end(c);
    }

    /** At exit: the spare is not needed; one still being launched is ended when it arrives. */
    void close() {
        Spawn.Child c;
        synchronized (this) {
            closed = true;
            c = spare;
            spare = null;
        }
        if (c != null) end(c);
    }

    /** An unused spare reads end-of-file on its lifeline and halts; SIGKILL in case it is stuck booting. */
    private static void end(Spawn.Child c) {
        try {
            c.process().getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
        c.process().destroyForcibly();
    }
}
