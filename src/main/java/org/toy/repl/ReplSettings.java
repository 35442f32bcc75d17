package org.toy.repl;

import java.nio.file.Path;
import org.jline.terminal.Terminal;

/**
 * What a REPL needs from its surroundings, gathered in one place so that tests can pass their
 * own: where the history lives, whether to colour, whether to indent continuation lines, and the
 * version for the banner.
 */
record ReplSettings(Path historyFile, boolean colour, boolean autoIndent, String version) {
    /**
     * The settings for a user's terminal. Colour is off when {@code NO_COLOR} is set
     * (https://no-color.org) or the terminal is dumb. Auto-indent is for people typing at a real
     * terminal; on a dumb one the input is usually a script, whose lines carry their own indentation.
     */
    static ReplSettings forTerminal(Terminal terminal, String version) {
        boolean dumb = terminal.getType() == null || terminal.getType().startsWith(Terminal.TYPE_DUMB);
        String noColor = System.getenv("NO_COLOR");
        boolean colour = !dumb && (noColor == null || noColor.isEmpty());
        Path history = historyFile(System.getProperty("toy.history"), System.getenv("TOY_HISTORY"),
                System.getProperty("user.home"));
        return new ReplSettings(history, colour, !dumb, version);
    }

    /** {@code -Dtoy.history=PATH} or {@code TOY_HISTORY=PATH} move the history file away from {@code ~/.toy_history}. */
    static Path historyFile(String property, String environment, String home) {
        if (property != null && !property.isEmpty()) return Path.of(property);
        if (environment != null && !environment.isEmpty()) return Path.of(environment);
        return Path.of(home, ".toy_history");
    }
}
