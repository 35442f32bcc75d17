package org.toy.vm;

import java.util.IdentityHashMap;
import org.toy.runtime.ToyException;
import org.toy.source.ToySyntaxError;

/** Formats uncaught exceptions and syntax errors exactly as CPython prints them. */
public final class Traceback {
    private Traceback() {}

    /** The full report of an uncaught exception, with its cause/context chain first. */
    public static String format(ToyException exc) {
        StringBuilder out = new StringBuilder();
        chain(exc, out, new IdentityHashMap<>());
        return out.toString();
    }

    private static void chain(ToyException exc, StringBuilder out, IdentityHashMap<ToyException, Boolean> seen) {
        seen.put(exc, Boolean.TRUE);
        ToyException cause = exc.cause();
        ToyException context = exc.context();
        if (cause != null && !seen.containsKey(cause)) {
            chain(cause, out, seen);
            out.append("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (context != null && !exc.suppressContext() && !seen.containsKey(context)) {
            chain(context, out, seen);
            out.append("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        if (!exc.traceback().isEmpty()) {
            out.append("Traceback (most recent call last):\n");
            for (ToyException.Entry e : exc.traceback()) {
                out.append("  File \"").append(e.source().name()).append("\", line ").append(e.line())
                        .append(", in ").append(e.function()).append('\n');
                // CPython cannot re-read a -c program's text, so it shows no source line for it.
                String text = e.source().name().equals("<string>") ? "" : e.source().line(e.line()).strip();
                if (!text.isEmpty()) out.append("    ").append(text).append('\n');
            }
        }
        out.append(lastLine(exc)).append('\n');
    }

    /**
     * {@code ValueError: message}, or just the type's name when the message is empty; a class
     * from another module is qualified with it ({@code helper.MyError}), as CPython prints it.
     */
    public static String lastLine(ToyException exc) {
        String message = exc.str();
        String type = exc.type().displayName();
        return message.isEmpty() ? type : type + ": " + message;
    }

    /** A SyntaxError as CPython prints it: the location, the line, a caret, the message. */
    public static String format(ToySyntaxError e, String lineText) {
        StringBuilder out = new StringBuilder();
        out.append("  File \"").append(e.file()).append("\", line ").append(e.line()).append('\n');
        if (lineText != null && !lineText.isBlank()) {
            String stripped = lineText.stripLeading();
            int shift = lineText.length() - stripped.length();
            String shown = stripped.stripTrailing();
            out.append("    ").append(shown).append('\n');
            int col = Math.max(0, e.col() - shift);
            int width = Math.max(1, Math.min(e.endCol(), shift + shown.length() + 1) - e.col());
            out.append("    ").append(" ".repeat(Math.min(col, shown.length()))).append("^".repeat(width)).append('\n');
        }
        out.append(e.kind()).append(": ").append(e.getMessage()).append('\n');
        return out.toString();
    }
}
