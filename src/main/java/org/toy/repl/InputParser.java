package org.toy.repl;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * JLine's view of the text at the prompt. When the user presses Enter it asks
 * {@link InputCompleteness}; an incomplete statement throws {@link EOFError}, which makes JLine
 * open a {@code ...} line indented by {@code openBrackets} spaces (the reader's indentation
 * unit is set to 1), or not at all without auto-indent. For completion the "word" is the dotted name before the cursor, such as
 * {@code math.fl} in {@code print(math.fl}.
 *
 * <p>JLine's {@code DefaultParser} is not used: it treats quotes and backslashes as a shell
 * does, so a comment such as {@code # it's} would look like an unclosed string.
 */
final class InputParser implements Parser {
    private final boolean autoIndent;

    InputParser(boolean autoIndent) { this.autoIndent = autoIndent; }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE) {
            InputCompleteness.Verdict verdict = InputCompleteness.judge(line);
            if (!verdict.complete()) {
                throw new EOFError(-1, -1, "incomplete statement", "...", autoIndent ? verdict.nextIndent() : 0, null);
            }
        }
        return DottedWord.before(line, cursor);
    }

    /** The whole line is one "word" list with a single entry: the dotted name that ends at the cursor. */
    record DottedWord(String line, int cursor, String word) implements CompletingParsedLine {
        static DottedWord before(String line, int cursor) {
            int start = cursor;
            while (start > 0 && isNamePart(line.charAt(start - 1))) start--;
            return new DottedWord(line, cursor, line.substring(start, cursor));
        }

        private static boolean isNamePart(char c) {
            return c == '.' || c != '$' && Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
        }

        @Override public int wordCursor() { return word.length(); }
        @Override public int wordIndex() { return 0; }
        @Override public List<String> words() { return List.of(word); }
        // Names need no quoting or escaping: a candidate replaces the word as it is.
        @Override public CharSequence escape(CharSequence candidate, boolean complete) { return candidate; }
        @Override public int rawWordCursor() { return word.length(); }
        @Override public int rawWordLength() { return word.length(); }
    }
}
