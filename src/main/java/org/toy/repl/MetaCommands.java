package org.toy.repl;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.toy.bytecode.Disassembler;
import org.toy.runtime.BoundMethod;
import org.toy.runtime.ToyFunction;
import org.toy.runtime.ToyObject;
import org.toy.source.Source;
import org.toy.source.ToySyntaxError;
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

    static final String NOT_YET = "not available yet (the GIL/threads work)";

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
            case ":reset":
                session.reset();
                say("session reset: every name is forgotten");
                break;
            case ":dis": return dis(argument);
            case ":time": return time(argument);
            case ":switch": switchInterval(argument); break;
            case ":gil": case ":threads": say(name + ": " + NOT_YET); break;
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
        ToyObject value = argument.matches("[\\p{L}_][\\p{L}\\p{N}_]*") ? session.lookup(argument) : null;
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
     * which is what the statement cost unless it started threads.
     */
    private Session.Outcome time(String statement) {
        if (statement.isEmpty()) {
            say("usage: :time STMT");
            return new Session.Outcome.Ran();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuKnown = threads.isCurrentThreadCpuTimeSupported();
        long cpu0 = cpuKnown ? threads.getCurrentThreadCpuTime() : 0;
        long wall0 = System.nanoTime();
        Session.Outcome outcome = session.run(statement);
        long wall = System.nanoTime() - wall0;
        String cpu = cpuKnown ? millis(threads.getCurrentThreadCpuTime() - cpu0) : "n/a";
        say("wall " + millis(wall) + "   cpu " + cpu + "   gil-wait n/a until the GIL lands");
        return outcome;
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
