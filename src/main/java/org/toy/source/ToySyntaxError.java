package org.toy.source;

/**
 * A program that cannot be compiled. Raised by the lexer, the parser, the scope pass
 * and the compiler; the CLI prints it the way CPython prints a SyntaxError and runs
 * nothing. {@code kind} is the Python exception name: "SyntaxError" or "IndentationError"
 * (or "TabError").
 */
public final class ToySyntaxError extends RuntimeException {
    private final String kind;
    private final String file;
    private final int line;
    private final int col;
    private final int endCol;

    public ToySyntaxError(String kind, String message, String file, int line, int col, int endCol) {
        super(message, null, false, false);
        this.kind = kind;
        this.file = file;
        this.line = line;
        this.col = col;
        this.endCol = endCol;
    }

    public ToySyntaxError(String message, String file, Span span) {
        this("SyntaxError", message, file, span.line(), span.col(),
                span.endLine() == span.line() ? span.endCol() : span.col() + 1);
    }

    public String kind() { return kind; }
    public String file() { return file; }
    public int line() { return line; }
    /** 0-based column of the first offending character. */
    public int col() { return col; }
    /** 0-based exclusive end column (at least {@code col + 1}). */
    public int endCol() { return Math.max(endCol, col + 1); }
}
