package org.toy.repl;

import java.util.List;
import org.toy.ast.Module;
import org.toy.ast.Stmt;
import org.toy.parse.Parsing;
import org.toy.source.Source;
import org.toy.source.ToySyntaxError;

/**
 * Decides whether the text typed at the prompt is a whole statement or needs more lines, the job
 * of CPython's {@code codeop}. It asks the real parser, never a regex:
 *
 * <ul>
 *   <li>It parses. A compound statement ({@code if}, {@code def}, ...) still waits for a blank
 *       line, because its block may go on; anything else runs.
 *   <li>It fails at the end of the input: an unclosed bracket or triple-quoted string, a block
 *       opener with no body, a trailing backslash, a decorator with nothing under it. The parser
 *       wanted more, so the user gets a {@code ...} line. A blank line ends the wait, except
 *       inside brackets and strings, where blank lines are part of the text.
 *   <li>It fails before the end: a real syntax error, reported at once.
 * </ul>
 *
 * <p>To tell "at the end" from "before the end" the text is parsed with a newline appended: an
 * error the parser meets only at the end-of-file token lies on the line after the text.
 */
final class InputCompleteness {
    static final int INDENT_STEP = 4;

    private InputCompleteness() {}

    /** Whether to run the text, and if not, how far to indent the next line. */
    record Verdict(boolean complete, int nextIndent) {
        static final Verdict COMPLETE = new Verdict(true, 0);
    }

    static Verdict judge(String text) {
        if (text.isBlank() || text.startsWith(":")) return Verdict.COMPLETE;
        String[] lines = text.split("\n", -1);
        String last = lines[lines.length - 1];
        boolean endedByBlankLine = lines.length > 1 && last.isBlank();
        try {
            Module module = Parsing.parse(new Source("<stdin>", text + "\n"));
            boolean waitForBlock = !endedByBlankLine && endsWithCompoundStatement(module);
            return waitForBlock ? new Verdict(false, indentAfter(lines, false)) : Verdict.COMPLETE;
        } catch (ToySyntaxError e) {
            if (isOpenBracketOrString(e)) return new Verdict(false, indentAfter(lines, false));
            if (endedByBlankLine || e.line() <= lines.length) return Verdict.COMPLETE; // run it: the error is real
            return new Verdict(false, indentAfter(lines, e.getMessage().startsWith("expected an indented block")));
        }
    }

    private static boolean isOpenBracketOrString(ToySyntaxError e) {
        String message = e.getMessage();
        return message.endsWith("was never closed") || message.startsWith("unterminated triple-quoted string");
    }

    private static boolean endsWithCompoundStatement(Module module) {
        List<Stmt> body = module.body();
        if (body.isEmpty()) return false;
        Stmt last = body.get(body.size() - 1);
        return last instanceof Stmt.If || last instanceof Stmt.While || last instanceof Stmt.For
                || last instanceof Stmt.Try || last instanceof Stmt.With || last instanceof Stmt.FunctionDef
                || last instanceof Stmt.ClassDef;
    }

    /**
     * Python-style auto-indent: the last line's indentation, one step deeper after a block opener
     * and one step shallower after a statement that ends a block ({@code return}, {@code pass} ...).
     */
    private static int indentAfter(String[] lines, boolean opensBlock) {
        String line = "";
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                line = lines[i];
                break;
            }
        }
        int indent = indentationOf(line);
        if (opensBlock) return indent + INDENT_STEP;
        if (endsBlock(line.strip())) return Math.max(0, indent - INDENT_STEP);
        return indent;
    }

    private static int indentationOf(String line) {
        int width = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') width++;
            else if (c == '\t') width = (width / 8 + 1) * 8; // tab stops every 8, as the tokenizer counts
            else break;
        }
        return width;
    }

    private static boolean endsBlock(String statement) {
        for (String word : List.of("return", "pass", "break", "continue", "raise")) {
            if (statement.equals(word)
                    || statement.startsWith(word) && !Character.isJavaIdentifierPart(statement.charAt(word.length()))) {
                return true;
            }
        }
        return false;
    }
}
