package org.toy.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.Buffer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.toy.gil.EvalBreaker;

/**
 * The interactive prompt: a JLine {@link LineReader} in front of a {@link Session}.
 *
 * <p>Who does what: {@link InputParser} and {@link InputCompleteness} decide when a statement is
 * whole and how to indent the next line; {@link NameCompleter} answers Tab;
 * {@link SyntaxHighlighter} and {@link Palette} colour; {@link MetaCommands} runs the
 * {@code :} commands; {@link Session} runs the code. This class wires them to the terminal and
 * runs the read-eval-print loop.
 *
 * <p>Ctrl-C: while JLine reads a line the terminal is in raw mode and JLine turns Ctrl-C into
 * {@link UserInterruptException} (the line is cleared). While code runs the terminal is in
 * cooked mode, so Ctrl-C is a SIGINT; the handler installed here sets the eval breaker's
 * keyboard-interrupt bit, and the main thread raises {@code KeyboardInterrupt} at its next
 * check, which ends the statement but not the session. Only the main thread: threads started at
 * the prompt run on.
 *
 * <p>Threads: the prompt waits without the GIL ({@code Interpreter.exec} drops it after each
 * statement), so threads started at the prompt keep running while the user types, as in
 * CPython's REPL; their output goes above the prompt line ({@link PromptOutput}). Leaving the
 * REPL joins the non-daemon threads and shuts the GIL down ({@link Session#shutdown}).
 */
public final class Repl {
    static final String PROMPT = ">>> ";
    static final String CONTINUATION = "... ";
    private static final String INDENT_OR_COMPLETE = "toy-indent-or-complete";
    private static final String DEDENT_OR_BACKSPACE = "toy-dedent-or-backspace";

    private final Terminal terminal;
    private final ReplSettings settings;
    private final PromptOutput screen;
    private final PrintStream out;
    private final Palette palette;
    private final Session session;
    private final MetaCommands commands;
    private final LineReader reader;

    Repl(Terminal terminal, ReplSettings settings) {
        this.terminal = terminal;
        this.settings = settings;
        // Everything printed — by the prompt, by the code, by threads started at the prompt — goes
        // through one PromptOutput, above the line being typed while the prompt waits.
        this.screen = new PromptOutput(terminal);
        this.out = new PrintStream(screen, true, StandardCharsets.UTF_8);
        this.palette = new Palette(settings.colour());
        this.session = new Session(out, new BufferedReader(new InputStreamReader(terminal.input(), StandardCharsets.UTF_8)));
        this.commands = new MetaCommands(session, out);
        this.reader = buildReader();
        screen.setReader(reader);
        Thread main = Thread.currentThread();
        terminal.handle(Terminal.Signal.INT, signal -> {
            session.interpreter().breaker().set(EvalBreaker.KEYBOARD_INTERRUPT);
            main.interrupt(); // wakes a sleep or a blocking wait so that it notices
        });
    }

    /** {@code toy} with a terminal: builds the system terminal (only now: JLine is slow to load) and runs the loop. */
    public static int start(String version) {
        Terminal terminal;
        try {
            terminal = TerminalBuilder.builder().system(true).dumb(true).name("toy").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (terminal) {
            return new Repl(terminal, ReplSettings.forTerminal(terminal, version)).run();
        } catch (IOException e) {
            return 0; // closing the terminal failed after the session ended: nothing left to do
        }
    }

    private LineReader buildReader() {
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("toy")
                .parser(new InputParser(settings.autoIndent()))
                .completer(new NameCompleter(session))
                .variable(LineReader.HISTORY_FILE, settings.historyFile())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .variable(LineReader.INDENTATION, 1) // InputParser gives the indent in columns
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // "!" is an operator, not history
                .option(LineReader.Option.AUTO_FRESH_LINE, true); // print(x, end="") must not hide the prompt
        if (palette.enabled()) builder.highlighter(new SyntaxHighlighter());
        LineReader built = builder.build();
        built.getWidgets().put(INDENT_OR_COMPLETE, () -> indentOrComplete(built));
        built.getWidgets().put(DEDENT_OR_BACKSPACE, () -> dedentOrBackspace(built));
        KeyMap<Binding> keys = built.getKeyMaps().get(LineReader.MAIN);
        keys.bind(new Reference(INDENT_OR_COMPLETE), KeyMap.ctrl('I'));
        keys.bind(new Reference(DEDENT_OR_BACKSPACE), KeyMap.del(), KeyMap.ctrl('H'));
        return built;
    }

    /** Tab at the start of a line indents (with spaces, to the next multiple of 4); elsewhere it completes. */
    private static boolean indentOrComplete(LineReader reader) {
        Buffer buffer = reader.getBuffer();
        String before = buffer.upToCursor();
        String lineSoFar = before.substring(before.lastIndexOf('\n') + 1);
        if (lineSoFar.isBlank()) {
            buffer.write(" ".repeat(InputCompleteness.INDENT_STEP - lineSoFar.length() % InputCompleteness.INDENT_STEP));
            return true;
        }
        reader.callWidget(LineReader.COMPLETE_WORD);
        return true;
    }

    /** Backspace in the indentation goes back one level (to the previous multiple of 4), as editors do. */
    private static boolean dedentOrBackspace(LineReader reader) {
        Buffer buffer = reader.getBuffer();
        String before = buffer.upToCursor();
        String lineSoFar = before.substring(before.lastIndexOf('\n') + 1);
        if (!lineSoFar.isEmpty() && lineSoFar.chars().allMatch(c -> c == ' ')) {
            int width = lineSoFar.length() % InputCompleteness.INDENT_STEP;
            buffer.backspace(width == 0 ? InputCompleteness.INDENT_STEP : width);
            return true;
        }
        reader.callWidget(LineReader.BACKWARD_DELETE_CHAR);
        return true;
    }

    /** The read-eval-print loop; returns the exit status. */
    int run() {
        out.println("Toy " + settings.version() + " (Python 3.11 semantics) on Java " + Runtime.version().feature());
        out.println("Type :help for help; exit(), :quit or Ctrl-D leaves.");
        try {
            while (true) {
                String text;
                screen.promptStarts();
                try {
                    text = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    screen.promptEnds();
                    out.println("KeyboardInterrupt");
                    continue;
                } catch (EndOfFileException e) {
                    screen.promptEnds();
                    out.println();
                    return exit(0);
                } finally {
                    screen.promptEnds();
                }
                if (text.isBlank()) continue;
                Session.Outcome outcome = text.strip().startsWith(":") ? commands.run(text) : session.run(text);
                Integer exit = report(outcome);
                if (exit != null) return exit(exit);
            }
        } finally {
            saveHistory();
        }
    }

    /**
     * Leaving the REPL: the non-daemon threads started at the prompt are joined, as CPython's REPL
     * does at exit, and the GIL shuts down. Ctrl-C during the join gives up waiting.
     */
    private int exit(int status) {
        String report = session.shutdown();
        if (report == null) return status;
        out.print(palette.traceback(report));
        out.flush();
        return status == 0 ? 1 : status;
    }

    /** Prints what needs printing; returns the exit status if the session should end, else null. */
    private Integer report(Session.Outcome outcome) {
        if (outcome instanceof Session.Outcome.Failed failed) {
            out.print(palette.traceback(failed.report()));
            out.flush();
        } else if (outcome instanceof Session.Outcome.Exited exited) {
            if (exited.message() != null) out.println(exited.message());
            return exited.code();
        }
        return null;
    }

    private void saveHistory() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            out.println("toy: could not save the history to " + settings.historyFile() + ": " + e.getMessage());
        }
    }

    /** For tests: the session behind the prompt. */
    Session session() { return session; }

    LineReader reader() { return reader; }
}
