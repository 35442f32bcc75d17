package org.toy.repl;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import org.toy.bytecode.Disassembler;
import org.toy.gil.Gil;
import org.toy.gil.ThreadStats;
import org.toy.runtime.BoundMethod;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyFunction;
import org.toy.runtime.ToyObject;
import org.toy.source.Source;
import org.toy.source.ToySyntaxError;
import org.toy.threads.Threads;
import org.toy.vm.Traceback;

/**
 * Toy's own commands at the prompt, which start with {@code :} (never valid Python, so they
 * cannot shadow code). Each returns a {@link Session.Outcome} for the REPL to report, so
 * {@code :quit} ends the session as {@code exit()} does and {@code :time} reports an error in
 * its statement as the prompt would.
 */
final class MetaCommands {
    static final String HELP = String.join("\n",
            "Type Toy (Python) code at the >>> prompt; a compound statement ends with a blank line.",
            "Tab completes names, keywords and attributes (after a dot); Ctrl-R searches the history;",
            "Ctrl-C clears the line or interrupts running code; exit(), quit(), :quit or Ctrl-D leaves.",
            "",
            "  :help         this text",
            "  :dis NAME     the bytecode of a function",
            "  :dis EXPR     the bytecode of a line of code",
            "  :time STMT    run a statement and show its wall, CPU and GIL-wait time",
            "  :switch [S]   show or set the GIL switch interval, in seconds",
            "  :gil          GIL statistics",
            "  :threads      the live threads and what each waits on",
            "  :reset        forget every name: a fresh interpreter",
            "  :quit         leave the REPL");

    private final Session session;
    private final PrintStream out;

    MetaCommands(Session session, PrintStream out) {
        this.session = session;
        this.out = out;
    }

    /** Runs one command line, such as {@code ":dis f"}. */
    Session.Outcome run(String line) {
        String text = line.strip();
        int space = text.indexOf(' ');
        String name = space < 0 ? text : text.substring(0, space);
        String argument = space < 0 ? "" : text.substring(space + 1).strip();
        switch (name) {
            case ":help": say(HELP); break;
            case ":quit": case ":q": case ":exit": return new Session.Outcome.Exited(0, null);
            case ":reset": {
                int others = session.interpreter().threads().snapshot().size() - 1;
                session.reset();
                say("session reset: every name is forgotten"
                        + (others > 0 ? "; " + others + " thread" + (others == 1 ? "" : "s") + " of the old session stopped" : ""));
                break;
            }
            case ":dis": return dis(argument);
            case ":time": return time(argument);
            case ":switch": switchInterval(argument); break;
            case ":gil": say(gil().stripTrailing()); break;
            case ":threads": say(threads().stripTrailing()); break;
            default: say("unknown command " + name + "; :help lists the commands");
        }
        return new Session.Outcome.Ran();
    }

    private void say(String text) {
        out.println(text);
        out.flush();
    }

    /** A function's bytecode if the argument names one, else the bytecode of the argument as a line of code. */
    private Session.Outcome dis(String argument) {
        if (argument.isEmpty()) {
            say("usage: :dis NAME or :dis EXPR");
            return new Session.Outcome.Ran();
        }
        ToyObject value = argument.matches("[\\p{L}_][\\p{L}\\p{N}_]*") ? session.withGil(() -> session.lookup(argument)) : null;
        if (value instanceof BoundMethod m) value = m.function;
        if (value instanceof ToyFunction f) {
            say(Disassembler.disassemble(f.code).stripTrailing());
            return new Session.Outcome.Ran();
        }
        Source source = new Source(Session.INPUT_NAME, argument);
        try {
            say(Disassembler.disassemble(session.interpreter().compile(source, false)).stripTrailing());
            return new Session.Outcome.Ran();
        } catch (ToySyntaxError e) {
            return new Session.Outcome.Failed(Traceback.format(e, source.line(e.line())));
        }
    }

    /**
     * Runs the statement and prints its wall and CPU time. The CPU time is the main thread's own,
     * which is what the statement cost unless it started threads. The GIL wait is the main
     * thread's: how long it waited for threads started at the prompt to let it run.
     */
    private Session.Outcome time(String statement) {
        if (statement.isEmpty()) {
            say("usage: :time STMT");
            return new Session.Outcome.Ran();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuKnown = threads.isCurrentThreadCpuTimeSupported();
        ThreadStats main = session.interpreter().mainThread().gilStats();
        long cpu0 = cpuKnown ? threads.getCurrentThreadCpuTime() : 0;
        long waited0 = main.waitedNanos();
        long wall0 = System.nanoTime();
        Session.Outcome outcome = session.run(statement);
        long wall = System.nanoTime() - wall0;
        long waited = main.waitedNanos() - waited0;
        String cpu = cpuKnown ? millis(threads.getCurrentThreadCpuTime() - cpu0) : "n/a";
        say("wall " + millis(wall) + "   cpu " + cpu + "   gil-wait " + millis(waited));
        return outcome;
    }

    /** {@code :gil}: the interpreter's GIL statistics now, one row per thread that ever ran. */
    private String gil() {
        Gil gil = session.interpreter().gil();
        return (gil.enabled() ? "GIL enabled" : "GIL disabled (free-threaded)") + "\n" + gil.stats().table(gil.interval());
    }

    /**
     * {@code :threads}: every live thread with its ident, whether it is a daemon, what it is doing,
     * what it waits on (and who could end the wait), and, for a thread that is blocked, its Toy
     * stack (a running thread's stack moves too fast to be shown truthfully).
     */
    private String threads() {
        List<Threads.Snapshot> live = session.interpreter().threads().snapshot();
        StringBuilder b = new StringBuilder();
        b.append(live.size()).append(live.size() == 1 ? " live thread" : " live threads").append('\n');
        for (Threads.Snapshot t : live) {
            b.append("  ").append(t.name()).append("  ident ").append(t.ident());
            if (t.daemon()) b.append("  daemon");
            b.append("  ");
            ThreadStats stats = t.state() == null ? null : t.state().gilStats();
            if (t.main()) {
                b.append("at the prompt");
            } else if (t.waitsFor() != null) {
                b.append("waits to ").append(t.waitsFor());
                if (t.heldBy() != null) b.append(", held by ").append(t.heldBy());
                b.append(t.forever() ? " (no timeout)" : " (with a timeout)");
            } else {
                b.append(stats == null ? "starting" : stats.activity());
                if (stats != null && stats.activity().equals("blocked")) b.append(" (sleep or I/O)");
            }
            b.append('\n');
            boolean blocked = t.waitsFor() != null || stats != null && stats.activity().equals("blocked");
            if (!t.main() && blocked && t.state() != null) {
                for (ToyException.Entry e : t.state().stack()) {
                    b.append("      File \"").append(e.source().name()).append("\", line ").append(e.line())
                            .append(", in ").append(e.function()).append('\n');
                    String text = e.source().line(e.line()).strip();
                    if (!text.isEmpty()) b.append("        ").append(text).append('\n');
                }
            }
        }
        return b.toString();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    private void switchInterval(String argument) {
        double now = session.interpreter().switchInterval();
        if (argument.isEmpty()) {
            say("switch interval: " + now + " s");
            return;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(argument);
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            say(":switch needs a positive number of seconds, such as :switch 0.001");
            return;
        }
        session.interpreter().setSwitchInterval(seconds);
        say("switch interval: " + seconds + " s (was " + now + " s)");
    }
}
