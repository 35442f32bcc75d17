package org.toy.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.toy.source.ToySyntaxError;

/**
 * The layout half of Toy's tokenizer: the base class of the generated, action-free {@code ToyLexer}.
 *
 * <p>Design. Python's grammar is not context-free at the character level: a line's indentation
 * means something only relative to the lines before it, and a line break means "end of statement"
 * only outside brackets. The generated lexer produces raw tokens (a {@code NEWLINE} token is a line
 * break plus the next line's leading whitespace); {@link #nextToken()} post-processes them the way
 * CPython's {@code tokenizer.c} does:
 * <ul>
 *   <li>a bracket stack: inside {@code ()[]{}} line breaks vanish, a closing bracket must match the
 *       opening one, and at most {@value #MAX_NESTING} levels may be open (CPython's MAXLEVEL);</li>
 *   <li>blank and comment-only lines vanish; the logical NEWLINE sits at the end of the last line
 *       that had content, so "expected ':'" points where CPython points;</li>
 *   <li>an indentation stack measured twice, with tabs to the next multiple of 8 and with tabs as
 *       one column: when the two measures disagree about the order of two lines, the file mixes tabs
 *       and spaces ambiguously, which is a TabError (CPython's {@code altcol} check);</li>
 *   <li>at end of input: a final NEWLINE if the last line had no line break, then one DEDENT per
 *       open block, then EOF.</li>
 * </ul>
 * Tokenizer-level errors (unterminated strings, stray brackets, bad dedents, control characters)
 * are thrown at once, except an unclosed bracket at the end of input, which the parser's error
 * strategy words (see {@link #unclosedBracketError}), as {@link ToySyntaxError} with CPython's wording. Tokens come out of a
 * small pending queue because one raw NEWLINE can become several layout tokens.
 */
public abstract class IndentingLexer extends Lexer {
    /** CPython's tokenizer refuses to open more than this many brackets at once. */
    static final int MAX_NESTING = 200;

    private final Deque<Token> pending = new ArrayDeque<>();
    /** Indentation widths of the open blocks, tabs to multiples of 8; the bottom is 0. */
    private final List<Integer> indents = new ArrayList<>();
    /** The same widths with a tab counted as one column, for the TabError check. */
    private final List<Integer> altIndents = new ArrayList<>();
    private final Deque<Token> brackets = new ArrayDeque<>();
    /** The line break that ended the last line with content, not yet emitted as NEWLINE. */
    private Token lineEnd;
    private Token lastEmitted;
    private boolean atEof;
    /** Expression mode (f-string replacement fields): behave as if inside brackets throughout. */
    private boolean expressionMode;

    protected IndentingLexer(CharStream input) {
        super(input);
        resetLayout();
    }

    /** Lex a bare expression, as the inside of a bracket: no layout tokens at all. */
    public void setExpressionMode(boolean on) { expressionMode = on; }

    @Override
    public void reset() {
        super.reset();
        resetLayout();
    }

    private void resetLayout() {
        pending.clear();
        indents.clear();
        altIndents.clear();
        indents.add(0);
        altIndents.add(0);
        brackets.clear();
        lineEnd = null;
        lastEmitted = null;
        atEof = false;
    }

    @Override
    public Token nextToken() {
        while (true) {
            if (!pending.isEmpty()) return emitted(pending.poll());
            Token t = super.nextToken();
            int type = t.getType();
            if (type == ToyLexer.NEWLINE) {
                onLineBreak(t);
                continue;
            }
            if (type == Token.EOF) {
                if (atEof) return t;
                onEof(t);
                continue;
            }
            if (lastEmitted == null && lineEnd == null && t.getCharPositionInLine() > 0 && !expressionMode) {
                // The first line of the file is indented: measure it like any other line.
                String ws = _input.getText(Interval.of(t.getStartIndex() - t.getCharPositionInLine(), t.getStartIndex() - 1));
                indent(t.getLine(), ws, t);
            }
            switch (type) {
                case ToyLexer.LPAREN, ToyLexer.LBRACK, ToyLexer.LBRACE -> open(t);
                case ToyLexer.RPAREN, ToyLexer.RBRACK, ToyLexer.RBRACE -> close(t);
                case ToyLexer.UNTERMINATED_STRING -> throw unterminated(t, "unterminated string literal");
                case ToyLexer.UNTERMINATED_LONG_STRING -> throw unterminated(t, "unterminated triple-quoted string literal");
                case ToyLexer.ERROR_CHAR -> checkStrayCharacter(t);
                default -> { }
            }
            pending.add(t);
        }
    }

    private Token emitted(Token t) {
        lastEmitted = t;
        return t;
    }

    private boolean hasContentOnLine() {
        return lastEmitted != null && !isLayout(lastEmitted.getType()) && lineEnd == null;
    }

    private static boolean isLayout(int type) {
        return type == ToyLexer.NEWLINE || type == ToyLexer.INDENT || type == ToyLexer.DEDENT;
    }

    private void onLineBreak(Token t) {
        if (!brackets.isEmpty() || expressionMode) return;     // implicit line joining
        if (hasContentOnLine()) lineEnd = t;
        int la = _input.LA(1);
        if (la == '\n' || la == '\r' || la == '#' || la == CharStream.EOF) return;   // blank or comment-only line
        if (lineEnd != null) {
            pending.add(synth(lineEnd, ToyLexer.NEWLINE, lineEnd.getLine(), lineEnd.getCharPositionInLine()));
            lineEnd = null;
        }
        String text = t.getText();
        int lineBreakLength = text.startsWith("\r\n") ? 2 : 1;
        indent(t.getLine() + 1, text.substring(lineBreakLength), t);
    }

    /** Compares a new logical line's indentation with the open blocks: INDENT, DEDENTs or an error. */
    private void indent(int line, String whitespace, Token at) {
        int col = 0;
        int altCol = 0;
        for (int i = 0; i < whitespace.length(); i++) {
            char c = whitespace.charAt(i);
            if (c == '\t') {
                col = (col / 8 + 1) * 8;
                altCol++;
            } else if (c == '\f') {
                col = altCol = 0;       // CPython resets the column at a form feed
            } else {
                col++;
                altCol++;
            }
        }
        int chars = whitespace.length();
        int top = indents.get(indents.size() - 1);
        int altTop = altIndents.get(altIndents.size() - 1);
        if (col == top) {
            if (altCol != altTop) throw tabError(line);
        } else if (col > top) {
            if (altCol <= altTop) throw tabError(line);
            indents.add(col);
            altIndents.add(altCol);
            pending.add(synth(at, ToyLexer.INDENT, line, Math.max(0, chars - 1)));
        } else {
            while (indents.size() > 1 && col < indents.get(indents.size() - 1)) {
                indents.remove(indents.size() - 1);
                altIndents.remove(altIndents.size() - 1);
                pending.add(synth(at, ToyLexer.DEDENT, line, chars));
            }
            if (col != indents.get(indents.size() - 1)) {
                int lineLength = lineLength(at, chars);
                throw new ToySyntaxError("IndentationError", "unindent does not match any outer indentation level",
                        getSourceName(), line, lineLength, lineLength + 1);
            }
            if (altCol != altIndents.get(altIndents.size() - 1)) throw tabError(line);
        }
    }

    private ToySyntaxError tabError(int line) {
        return new ToySyntaxError("TabError", "inconsistent use of tabs and spaces in indentation",
                getSourceName(), line, 0, 1);
    }

    /** The length of the line whose indentation {@code at} ends with (CPython's caret goes after it). */
    private int lineLength(Token at, int indentChars) {
        int i = at.getStopIndex() + 1;
        int length = indentChars;
        while (i < _input.size()) {
            int c = _input.getText(Interval.of(i, i)).codePointAt(0);
            if (c == '\n' || c == '\r') break;
            length++;
            i++;
        }
        return length;
    }

    private void onEof(Token eof) {
        atEof = true;
        if (!brackets.isEmpty()) {
            // Not an error yet: CPython reports it only if the parser fails at or after the line of
            // the bracket (see unclosedBracketError). The token stream just ends.
            pending.add(eof);
            return;
        }
        if (lineEnd != null) {
            pending.add(synth(lineEnd, ToyLexer.NEWLINE, lineEnd.getLine(), lineEnd.getCharPositionInLine()));
            lineEnd = null;
        } else if (lastEmitted != null && !isLayout(lastEmitted.getType()) && !expressionMode) {
            pending.add(synth(eof, ToyLexer.NEWLINE, eof.getLine(), eof.getCharPositionInLine()));
        }
        if (!expressionMode) {
            for (int i = indents.size() - 1; i > 0; i--) {
                pending.add(synth(eof, ToyLexer.DEDENT, eof.getLine(), eof.getCharPositionInLine()));
            }
        }
        indents.subList(1, indents.size()).clear();
        altIndents.subList(1, altIndents.size()).clear();
        pending.add(eof);
    }

    /**
     * "'(' was never closed", if a bracket is still open at the end of input and the parser's own
     * error (at {@code errorLine}, or at EOF) comes after the bracket's line; otherwise null.
     * This is CPython's rule: an unclosed bracket explains a later error, not an earlier one.
     */
    ToySyntaxError unclosedBracketError(int errorLine, boolean atEndOfInput) {
        if (!atEof || brackets.isEmpty()) return null;
        Token open = brackets.peekLast();
        if (!atEndOfInput && errorLine <= open.getLine()) return null;
        return error("'" + open.getText() + "' was never closed", open);
    }

    private void open(Token t) {
        if (brackets.size() >= MAX_NESTING) throw error("too many nested parentheses", t);
        brackets.addLast(t);
    }

    private void close(Token t) {
        if (brackets.isEmpty()) {
            if (expressionMode) return;        // the f-string parser reports stray closers itself
            throw error("unmatched '" + t.getText() + "'", t);
        }
        Token open = brackets.removeLast();
        String pair = open.getText() + t.getText();
        if (!pair.equals("()") && !pair.equals("[]") && !pair.equals("{}")) {
            String message = "closing parenthesis '" + t.getText() + "' does not match opening parenthesis '"
                    + open.getText() + "'";
            if (open.getLine() != t.getLine()) message += " on line " + open.getLine();
            throw error(message, t);
        }
    }

    private ToySyntaxError unterminated(Token t, String what) {
        String text = t.getText();
        int detectedAt = t.getLine();
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && text.charAt(i + 1) != '\n')) detectedAt++;
        }
        return error(what + " (detected at line " + detectedAt + ")", t);
    }

    /** Non-printable and non-ASCII strays get CPython's tokenizer messages; '$' or '?' go to the parser. */
    private void checkStrayCharacter(Token t) {
        int c = t.getText().codePointAt(0);
        boolean printable = !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                && Character.getType(c) != Character.UNASSIGNED && Character.getType(c) != Character.SURROGATE
                && Character.getType(c) != Character.PRIVATE_USE && Character.getType(c) != Character.LINE_SEPARATOR
                && Character.getType(c) != Character.PARAGRAPH_SEPARATOR;
        if (!printable) {
            throw error(String.format("invalid non-printable character U+%04X", c), t);
        }
        if (c > 127) {
            throw error(String.format("invalid character '%s' (U+%04X)", Character.toString(c), c), t);
        }
    }

    private ToySyntaxError error(String message, Token t) {
        return new ToySyntaxError("SyntaxError", message, getSourceName(), t.getLine(), t.getCharPositionInLine(),
                t.getCharPositionInLine() + 1);
    }

    /** A layout token placed at (line, col); its text is what a token dump shows. */
    private Token synth(Token like, int type, int line, int col) {
        CommonToken t = new CommonToken(like);
        t.setType(type);
        t.setLine(line);
        t.setCharPositionInLine(col);
        t.setText(switch (type) {
            case ToyLexer.NEWLINE -> "\n";
            case ToyLexer.INDENT -> "<INDENT>";
            default -> "<DEDENT>";
        });
        if (type == ToyLexer.NEWLINE) t.setStopIndex(t.getStartIndex());
        return t;
    }
}
