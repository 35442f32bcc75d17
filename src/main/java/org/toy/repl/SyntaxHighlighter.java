package org.toy.repl;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours the line being typed: keywords, strings, numbers and comments. It runs on every key
 * press over text that is usually unfinished (an open string, half a number), so it is a small
 * forgiving scanner rather than the real lexer, which would stop at the first error.
 */
final class SyntaxHighlighter implements Highlighter {
    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        return highlight(buffer);
    }

    static AttributedString highlight(String text) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end;
            AttributedStyle style = AttributedStyle.DEFAULT;
            if (c == '#') {
                end = lineEnd(text, i);
                style = Palette.COMMENT;
            } else if (stringStart(text, i) >= 0) {
                end = stringEnd(text, stringStart(text, i));
                style = Palette.STRING;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                end = numberEnd(text, i);
                style = Palette.NUMBER;
            } else if (Character.isJavaIdentifierStart(c) && c != '$') {
                end = i + 1;
                while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) end++;
                if (Keywords.ALL.contains(text.substring(i, end))) style = Palette.KEYWORD;
            } else {
                end = i + 1;
            }
            out.styled(style, text.substring(i, end));
            i = end;
        }
        return out.toAttributedString();
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }

    /** The index of the opening quote if a string literal (with its prefix: r, b, f, rb ...) starts at i, else -1. */
    private static int stringStart(String text, int i) {
        int j = i;
        while (j < text.length() && j - i < 2 && "rRbBfFuU".indexOf(text.charAt(j)) >= 0) j++;
        // Names are consumed whole, so i is never inside one: in "elif'x'" the f is not a prefix.
        return j < text.length() && (text.charAt(j) == '\'' || text.charAt(j) == '"') ? j : -1;
    }

    /** Past the closing quote; an unclosed string runs to the end of its line (or of the text, if triple-quoted). */
    private static int stringEnd(String text, int quoteAt) {
        char quote = text.charAt(quoteAt);
        String triple = String.valueOf(quote).repeat(3);
        boolean isTriple = text.startsWith(triple, quoteAt);
        int i = quoteAt + (isTriple ? 3 : 1);
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (isTriple ? text.startsWith(triple, i) : c == quote) {
                return i + (isTriple ? 3 : 1);
            } else if (c == '\n' && !isTriple) {
                return i;
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** Digits, letters (0x1F, 1e5, 2j), underscores, dots, and a sign right after an exponent. */
    private static int numberEnd(String text, int i) {
        int end = i;
        while (end < text.length()) {
            char c = text.charAt(end);
            boolean exponentSign = (c == '+' || c == '-') && end > i && "eE".indexOf(text.charAt(end - 1)) >= 0
                    && !text.startsWith("0x", i) && !text.startsWith("0X", i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || exponentSign)) break;
            end++;
        }
        return end;
    }
}
