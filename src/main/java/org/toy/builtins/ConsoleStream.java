package org.toy.builtins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;

/** {@code sys.stdin}, {@code sys.stdout} or {@code sys.stderr}: a text stream over the interpreter's console. */
public final class ConsoleStream extends ToyStream {
    private final String name;
    private final PrintStream out; // null for stdin
    private final BufferedReader in; // null for stdout and stderr
    private boolean closed;

    private ConsoleStream(String name, PrintStream out, BufferedReader in) {
        this.name = name;
        this.out = out;
        this.in = in;
    }

    public static ConsoleStream output(String name, PrintStream out) { return new ConsoleStream(name, out, null); }

    public static ConsoleStream input(String name, BufferedReader in) { return new ConsoleStream(name, null, in); }

    @Override public String name() { return name; }

    @Override public String mode() { return in != null ? "r" : "w"; }

    @Override public String encoding() { return "utf-8"; }

    @Override public boolean isClosed() { return closed; }

    @Override public boolean readable() { return in != null; }

    @Override public boolean writable() { return out != null; }

    @Override
    protected String read(long n) {
        StringBuilder b = new StringBuilder();
        // The other threads run while this one waits for the console.
        try (var released = org.toy.gil.Gil.releaseCurrent("console read")) {
            for (long i = 0; n < 0 || i < n; i++) {
                int c = in.read();
                if (c < 0) break;
                b.append((char) c);
            }
        } catch (IOException e) {
            throw Errors.of(ExceptionTypes.OS_ERROR, String.valueOf(e.getMessage()));
        }
        return b.toString();
    }

    @Override
    protected String readLine(long limit) {
        String line;
        // The other threads run while this one waits for the console.
        try (var released = org.toy.gil.Gil.releaseCurrent("console read")) {
            line = in.readLine();
        } catch (IOException e) {
            throw Errors.of(ExceptionTypes.OS_ERROR, String.valueOf(e.getMessage()));
        }
        // BufferedReader drops the terminator; a last line without one gains one, a small difference from CPython.
        if (line == null) return "";
        String full = line + "\n";
        return limit >= 0 && limit < full.length() ? full.substring(0, (int) limit) : full;
    }

    @Override
    protected void write(String text) { out.print(text); }

    @Override
    protected void flush() {
        if (out != null) out.flush();
    }

    /** Closing the console marks this object closed; the interpreter's own stream stays usable. */
    @Override
    public void close() {
        flush();
        closed = true;
    }

    @Override
    protected boolean isInteractive() { return System.console() != null; }
}
