package org.toy.parse;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.toy.ast.Expr;
import org.toy.source.Span;
import org.toy.source.ToySyntaxError;

/**
 * Splits the body of one f-string token into literal text and replacement fields, following
 * Python 3.11: {@code {{}} and {@code }}} are escaped braces; a field is
 * {@code {expression[=][!conversion][:spec]}} where the spec may hold nested fields; the
 * expression may not contain a backslash or a comment. Each expression is parsed by the real
 * parser, starting at its true line and column, so its spans point into the file.
 */
final class FStringParser {
    /** Parses an expression's text found at (line, col) of the file. */
    interface ExpressionParser {
        Expr parse(String text, int line, int col);
    }

    /** Python allows a spec's fields to have specs, but no deeper. */
    private static final int MAX_DEPTH = 2;

    private final String file;
    private final ExpressionParser expressions;
    private final Token token;
    private final String body;
    private final boolean raw;
    /** The whole literal's span: CPython 3.11 gives it to every literal piece and field. */
    private final Span span;
    private final int bodyLine;
    private final int bodyCol;

    FStringParser(String file, ExpressionParser expressions, Token token, Literals.StringToken parts, Span span) {
        this.file = file;
        this.expressions = expressions;
        this.token = token;
        this.body = parts.body();
        this.raw = parts.raw();
        this.span = span;
        this.bodyLine = token.getLine();
        this.bodyCol = token.getCharPositionInLine() + parts.bodyOffset();
    }

    /** The literal pieces (StrLit, possibly empty) and FormattedValues of the body, in order. */
    List<Expr> parse() {
        List<Expr> parts = new ArrayList<>();
        parseRange(0, body.length(), 0, parts);
        return parts;
    }

    private void parseRange(int from, int to, int depth, List<Expr> parts) {
        StringBuilder literal = new StringBuilder();
        int i = from;
        while (i < to) {
            char c = body.charAt(i);
            if (c == '\\' && !raw && i + 1 < to) {
                // A \N{NAME} escape's braces are not a field; other escapes pass through to the decoder.
                if (body.charAt(i + 1) == 'N' && i + 2 < to && body.charAt(i + 2) == '{') {
                    int close = body.indexOf('}', i);
                    if (close < 0 || close >= to) close = to - 1;
                    literal.append(body, i, close + 1);
                    i = close + 1;
                } else if (body.charAt(i + 1) == '{' || body.charAt(i + 1) == '}') {
                    literal.append(c);
                    i++;
                } else {
                    literal.append(c).append(body.charAt(i + 1));
                    i += 2;
                }
                continue;
            }
            if (c == '{') {
                if (i + 1 < to && body.charAt(i + 1) == '{' && depth == 0) {
                    literal.append('{');
                    i += 2;
                    continue;
                }
                flush(literal, parts);
                i = field(i, to, depth, parts);
                continue;
            }
            if (c == '}') {
                if (i + 1 < to && body.charAt(i + 1) == '}' && depth == 0) {
                    literal.append('}');
                    i += 2;
                    continue;
                }
                throw error("f-string: single '}' is not allowed");
            }
            literal.append(c);
            i++;
        }
        flush(literal, parts);
    }

    private void flush(StringBuilder literal, List<Expr> parts) {
        if (literal.length() == 0) return;
        String value;
        try {
            value = Literals.decodeStr(literal.toString(), raw);
        } catch (Literals.BadEscape e) {
            throw error(e.getMessage());
        }
        parts.add(new Expr.StrLit(span, value));
        literal.setLength(0);
    }

    /** Parses the field whose '{' is at {@code open}; returns the index after its '}'. */
    private int field(int open, int to, int depth, List<Expr> parts) {
        if (depth >= MAX_DEPTH) throw error("f-string: expressions nested too deeply");
        int exprStart = open + 1;
        int i = exprEnd(exprStart, to);
        String exprText = body.substring(exprStart, i);
        if (exprText.isBlank()) throw error("f-string: empty expression not allowed");

        String selfDocumenting = null;
        if (i < to && body.charAt(i) == '=') {
            i++;
            while (i < to && Character.isWhitespace(body.charAt(i))) i++;
            selfDocumenting = body.substring(exprStart, i);     // "x = " keeps its spaces, as in CPython
        }
        char conversion = 0;
        if (i < to && body.charAt(i) == '!') {
            if (i + 1 >= to) throw error("f-string: expecting '}'");
            conversion = body.charAt(i + 1);
            if (conversion != 's' && conversion != 'r' && conversion != 'a') {
                throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
            i += 2;
        }
        Expr spec = null;
        if (i < to && body.charAt(i) == ':') {
            int specEnd = specEnd(i + 1, to);
            List<Expr> specParts = new ArrayList<>();
            parseRange(i + 1, specEnd, depth + 1, specParts);
            spec = new Expr.FString(span, specParts);
            i = specEnd;
        }
        if (i >= to || body.charAt(i) != '}') throw error("f-string: expecting '}'");

        int[] position = positionOf(exprStart);
        Expr value = parseExpression(exprText, position[0], position[1]);
        if (selfDocumenting != null) {
            parts.add(new Expr.StrLit(span, Literals.normalizeNewlines(selfDocumenting)));
            if (conversion == 0 && spec == null) conversion = 'r';
        }
        parts.add(new Expr.FormattedValue(span, value, conversion, spec));
        return i + 1;
    }

    /** Scans an expression: stops at a top-level '}', '!', ':' or '=' that is not part of an operator. */
    private int exprEnd(int from, int to) {
        int depth = 0;
        int i = from;
        while (i < to) {
            char c = body.charAt(i);
            if (c == '\\') throw error("f-string expression part cannot include a backslash");
            if (c == '\'' || c == '"') {
                i = skipString(i, to);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    if (c == '}') return i;
                    throw error("f-string: unmatched '" + c + "'");
                }
                depth--;
            } else if (depth == 0) {
                char next = i + 1 < to ? body.charAt(i + 1) : 0;
                char previous = i > from ? body.charAt(i - 1) : 0;
                if (c == '#') throw error("f-string expression part cannot include '#'");
                if (c == '!' && next != '=') return i;
                if (c == ':') return i;
                if (c == '=' && next != '=' && "=!<>".indexOf(previous) < 0) return i;
            }
            i++;
        }
        throw error(depth > 0 ? "f-string: unmatched '('" : "f-string: expecting '}'");
    }

    private int skipString(int start, int to) {
        char q = body.charAt(start);
        boolean triple = start + 2 < to && body.charAt(start + 1) == q && body.charAt(start + 2) == q;
        String close = triple ? String.valueOf(q).repeat(3) : String.valueOf(q);
        int end = body.indexOf(close, start + close.length());
        if (end < 0 || end >= to) throw error("f-string: unterminated string");
        return end + close.length();
    }

    /** The end of a format spec: the '}' that closes the field, skipping nested fields. */
    private int specEnd(int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = body.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) return i;
                depth--;
            }
        }
        throw error("f-string: expecting '}'");
    }

    private Expr parseExpression(String text, int line, int col) {
        try {
            return expressions.parse(text, line, col);
        } catch (ToySyntaxError e) {
            String message = e.getMessage().startsWith("f-string") ? e.getMessage() : "f-string: " + e.getMessage();
            throw new ToySyntaxError(e.kind(), message, e.file(), e.line(), e.col(), e.endCol());
        }
    }

    /** Line and column in the file of a body offset: the body of a triple-quoted string may span lines. */
    private int[] positionOf(int offset) {
        int line = bodyLine;
        int col = bodyCol;
        for (int i = 0; i < offset; i++) {
            char c = body.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= body.length() || body.charAt(i + 1) != '\n'))) {
                line++;
                col = 0;
            } else if (!Character.isLowSurrogate(c)) {
                col++;
            }
        }
        return new int[] {line, col};
    }

    /** CPython 3.11 reports f-string errors at the end of the whole literal. */
    private ToySyntaxError error(String message) {
        return new ToySyntaxError("SyntaxError", message, file, span.endLine(), span.endCol(), span.endCol() + 1);
    }
}
