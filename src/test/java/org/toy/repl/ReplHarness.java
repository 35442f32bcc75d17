package org.toy.repl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * A REPL on a JLine {@code DumbTerminal} fed with scripted keystrokes, its screen captured as text.
 * With the terminal type "dumb" JLine binds no editing keys (Tab, Ctrl-C and Ctrl-P are inserted
 * as characters), so tests of key bindings use {@link #ansi}: the same streams, but a type for
 * which JLine uses its full key map (its screen then holds escape sequences).
 */
final class ReplHarness {
    final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    final Terminal terminal;
    final Repl repl;

    ReplHarness(String keystrokes, Path history, boolean autoIndent) {
        this(keystrokes, history, autoIndent, Terminal.TYPE_DUMB);
    }

    ReplHarness(String keystrokes, Path history, boolean autoIndent, String type) {
        try {
            terminal = new DumbTerminal("test", type,
                    new ByteArrayInputStream(keystrokes.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        repl = new Repl(terminal, new ReplSettings(history, false, autoIndent, "test"));
    }

    /** The exit status and everything printed, banner included. */
    record Transcript(int exit, String text) {}

    static Transcript run(String keystrokes, Path history) {
        return new ReplHarness(keystrokes, history, false).run();
    }

    static Transcript ansi(String keystrokes, Path history) {
        return new ReplHarness(keystrokes, history, false, "ansi").run();
    }

    Transcript run() {
        int exit = repl.run();
        return new Transcript(exit, screen());
    }

    String screen() {
        return screen.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
