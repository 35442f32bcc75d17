package org.toy.source;

/**
 * Where a piece of source text sits: 1-based lines, 0-based columns (as CPython's
 * {@code lineno}/{@code col_offset}). The end is exclusive, so a caret line can
 * underline {@code endCol - col} characters of a one-line node.
 */
public record Span(int line, int col, int endLine, int endCol) {
    public static final Span NONE = new Span(0, 0, 0, 0);

    public static Span at(int line, int col) {
        return new Span(line, col, line, col + 1);
    }
}
