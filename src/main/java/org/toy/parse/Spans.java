package org.toy.parse;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.toy.source.Span;

/** Source spans of tokens and parse-tree nodes, in CPython's convention (1-based lines, 0-based columns, end exclusive). */
final class Spans {
    private Spans() {}

    static Span of(Token t) {
        return between(t, t);
    }

    static Span of(ParserRuleContext ctx) {
        return between(ctx.getStart(), ctx.getStop());
    }

    /** From the start of {@code first} to the end of {@code last}. */
    static Span between(Token first, Token last) {
        return new Span(first.getLine(), first.getCharPositionInLine(), endLine(last), endCol(last));
    }

    /** From the start of {@code first} to the end of an already built span. */
    static Span between(Token first, Span last) {
        return new Span(first.getLine(), first.getCharPositionInLine(), last.endLine(), last.endCol());
    }

    static Span join(Span first, Span last) {
        return new Span(first.line(), first.col(), last.endLine(), last.endCol());
    }

    /** The line of a token's last character: a triple-quoted string may span several lines. */
    static int endLine(Token t) {
        String text = t.getText();
        int line = t.getLine();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) line++;
        }
        return line;
    }

    static int endCol(Token t) {
        String text = t.getText();
        int lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
        if (lastBreak < 0) return t.getCharPositionInLine() + text.codePointCount(0, text.length());
        return text.codePointCount(lastBreak + 1, text.length());
    }
}
