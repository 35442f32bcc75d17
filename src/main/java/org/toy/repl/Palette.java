package org.toy.repl;

import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** The REPL's colours, for the highlighter and for tracebacks; all off when {@code enabled} is false. */
final class Palette {
    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT + AttributedStyle.BLACK);
    static final AttributedStyle LOCATION = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle ERROR = AttributedStyle.BOLD.foreground(AttributedStyle.RED);

    private final boolean enabled;

    Palette(boolean enabled) { this.enabled = enabled; }

    boolean enabled() { return enabled; }

    /**
     * A traceback or syntax error report with the {@code File "...", line N} lines in one colour
     * and the caret and the final {@code Type: message} line in another. Plain text when disabled.
     */
    String traceback(String report) {
        if (!enabled) return report;
        AttributedStringBuilder out = new AttributedStringBuilder();
        String[] lines = report.split("\n", -1);
        int last = lines.length - 1;
        while (last > 0 && lines[last].isEmpty()) last--;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("  File ")) out.styled(LOCATION, line);
            else if (i == last || line.strip().matches("\\^+")) out.styled(ERROR, line);
            else out.append(line);
            if (i < lines.length - 1) out.append('\n');
        }
        return out.toAttributedString().toAnsi();
    }
}
