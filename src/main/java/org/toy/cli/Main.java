package org.toy.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.toy.gil.EvalBreaker;
import org.toy.source.Source;
import org.toy.vm.Interpreter;

/**
 * The {@code toy} command. Arguments are parsed by hand, as {@code python3} parses its own:
 * a parsing library costs start-up time on every run and every child process, and everything
 * after the script name belongs to the script anyway.
 */
public final class Main {
    private Main() {}

    static final String USAGE = String.join("\n",
            "usage: toy [option] ... [-c cmd | file | -] [arg] ...",
            "       toy dis FILE        show the bytecode of FILE",
            "Options:",
            "  -c cmd     program passed in as string (terminates option list)",
            "  -h, --help print this help message and exit",
            "  -V, --version",
            "             print the Toy version and exit",
            "  --switch-interval=S",
            "             the GIL switch interval in seconds (default 0.005)",
            "  --gil-stats",
            "             at exit, print a table of GIL use per thread on stderr",
            "  --gil-trace=FILE.html",
            "             record the GIL's hand-overs and, at exit, draw them as a timeline",
            "             (one lane per thread, child processes included) in FILE.html",
            "  file       program read from script file",
            "  -          program read from stdin (default; interactive mode if a tty)",
            "  arg ...    arguments passed to program in sys.argv[1:]");

    public static void main(String[] args) throws InterruptedException {
        // Deep Toy recursion never uses the Java stack, but built-ins that call back into Toy do:
        // a roomy stack for the interpreter's main thread keeps those far from the JVM's limit.
        int[] exit = new int[1];
        Thread main = new Thread(null, () -> exit[0] = run(args), "toy-main", 512L << 20);
        main.start();
        main.join();
        System.exit(exit[0]);
    }

    static int run(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Toy toy = new Toy(System.in, out, err);
        int i = 0;
        String command = null;
        boolean stdinScript = false;
        while (i < args.length) {
            String a = args[i];
            if (a.equals("-c")) {
                if (i + 1 >= args.length) return usage(err, "Argument expected for the -c option");
                command = args[i + 1];
                i += 2;
                break;
            } else if (a.equals("-h") || a.equals("--help")) {
                out.println(USAGE);
                out.flush();
                return Toy.EXIT_OK;
            } else if (a.equals("-V") || a.equals("--version")) {
                out.println("Toy " + Toy.VERSION + " (Python 3.11 semantics)");
                out.flush();
                return Toy.EXIT_OK;
            } else if (a.startsWith("--switch-interval=")) {
                try {
                    double s = Double.parseDouble(a.substring("--switch-interval=".length()));
                    if (!(s > 0)) return usage(err, "switch interval must be strictly positive");
                    toy.setSwitchInterval(s);
                } catch (NumberFormatException e) {
                    return usage(err, "bad switch interval: " + a);
                }
                i++;
            } else if (a.equals("--gil-stats")) {
                toy.setGilStats(true);
                i++;
            } else if (a.startsWith("--gil-trace=")) {
                java.nio.file.Path file = java.nio.file.Path.of(a.substring("--gil-trace=".length())).toAbsolutePath();
                if (a.length() == "--gil-trace=".length() || !java.nio.file.Files.isDirectory(file.getParent())
                        || java.nio.file.Files.isDirectory(file)) {
                    return usage(err, "cannot write the GIL timeline to '" + a.substring("--gil-trace=".length()) + "'");
                }
                toy.setGilTrace(file);
                i++;
            } else if (a.equals("-")) {
                stdinScript = true;
                i++;
                break;
            } else if (a.startsWith("-") && a.length() > 1) {
                return usage(err, "unknown option " + a);
            } else {
                break;
            }
        }
        installInterruptHandler(toy);
        List<String> rest = new ArrayList<>(List.of(args).subList(i, args.length));
        if (command != null) {
            List<String> argv = new ArrayList<>();
            argv.add("-c");
            argv.addAll(rest);
            return toy.runMain(new Source("<string>", command), argv);
        }
        if (!stdinScript && !rest.isEmpty() && rest.get(0).equals("dis")) {
            if (rest.size() != 2) return usage(err, "usage: toy dis FILE");
            return toy.disassemble(rest.get(1));
        }
        if (!stdinScript && !rest.isEmpty()) return toy.runFile(rest.get(0), rest.subList(1, rest.size()));
        if (!stdinScript && System.console() != null) {
            // The REPL is a separate class, loaded only here: JLine costs start-up time a script must not pay.
            return org.toy.repl.Repl.start(Toy.VERSION);
        }
        String text;
        try {
            text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("toy: cannot read standard input: " + e.getMessage());
            return Toy.EXIT_USAGE;
        }
        List<String> argv = new ArrayList<>();
        argv.add(stdinScript ? "-" : "");
        if (!rest.isEmpty()) argv.addAll(rest);
        return toy.runMain(new Source("<stdin>", text), argv);
    }

    private static int usage(PrintStream err, String message) {
        err.println("toy: " + message);
        err.println("usage: toy [option] ... [-c cmd | file | -] [arg] ...");
        err.println("Try `toy -h' for more information.");
        return Toy.EXIT_USAGE;
    }

    /** Ctrl-C sets the eval breaker's bit; the main thread raises KeyboardInterrupt at its next check. */
    private static void installInterruptHandler(Toy toy) {
        Thread mainThread = Thread.currentThread();
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> {
                Interpreter interp = toy.interpreter();
                if (interp != null) interp.breaker().set(EvalBreaker.KEYBOARD_INTERRUPT);
                mainThread.interrupt(); // wakes a sleep or a wait so it can notice
            });
        } catch (IllegalArgumentException e) {
            // No SIGINT on this platform (or it is ignored): nothing to install.
        }
    }
}
