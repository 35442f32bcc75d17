package org.toy.repl;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;

/**
 * Where the session's stdout and stderr go: the terminal, but never through the middle of the
 * line the user is typing. Threads started at the prompt keep running while it waits (as in
 * CPython's REPL), and what they print must not land in the edited line, so whole lines go
 * through JLine's {@link LineReader#printAbove}: while a {@code readLine} is in progress it
 * erases the prompt and the typed text, prints the lines, and draws them again below; when no
 * line is being read it just prints.
 *
 * <h2>Lines, order and partial lines</h2>
 * Bytes are collected until a newline; each complete line joins one FIFO queue, and whoever holds
 * the emit lock prints everything queued as one batch (one redraw of the prompt for many lines).
 * So lines appear in the order they were completed, whichever thread wrote them, and a line from
 * one thread is never cut by another's. A line without its newline yet ({@code print(x, end="")})
 * is held back while the prompt is active — it would have to be printed as a line of its own —
 * and written as it stands on {@code flush()} when no prompt is (the main thread's own
 * {@code end=""} output, the {@code >>>} banner), and when the prompt ends.
 *
 * <h2>No deadlock with the GIL</h2>
 * A thread that prints holds the GIL and the {@code PrintStream}'s monitor, then the emit lock,
 * then (in {@code printAbove}) the reader's lock, always in that order. The prompt holds the
 * reader's lock while it handles a key and never waits for the GIL meanwhile (Tab completion
 * reads the session's names without it), so a writer waits for the prompt at most as long as one
 * key takes. The writer must not leave the GIL while it waits: it is inside the
 * {@code PrintStream}'s monitor, and another thread holding the GIL could be waiting for that
 * monitor, so taking the GIL back would deadlock.
 */
final class PromptOutput extends OutputStream {
    private final Terminal terminal;
    private volatile LineReader reader;
    /** Set by the REPL just before it reads a line, cleared when the line is read. */
    private volatile boolean promptActive;

    /** Guards {@code partial} and {@code lines}; never held while printing. */
    private final Object buffer = new Object();
    private final java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    /** Held while printing: one printer at a time, in queue order. */
    private final ReentrantLock emit = new ReentrantLock();

    PromptOutput(Terminal terminal) {
        this.terminal = terminal;
    }

    void setReader(LineReader reader) { this.reader = reader; }

    /** The REPL is about to read a line: from now on, output goes above the prompt. */
    void promptStarts() {
        flush();
        promptActive = true;
    }

    /** The line has been read: output goes straight to the terminal again (held partial lines first). */
    void promptEnds() {
        promptActive = false;
        flush();
    }

    boolean promptActive() { return promptActive; }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        boolean complete = false;
        synchronized (buffer) {
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    partial.write(bytes, start, i + 1 - start);
                    lines.add(partial.toString(StandardCharsets.UTF_8));
                    partial.reset();
                    start = i + 1;
                    complete = true;
                }
            }
            partial.write(bytes, start, offset + length - start);
        }
        if (complete) print(false);
    }

    @Override
    public void flush() {
        print(!promptActive);
    }

    /** Prints the queued lines, and the partial line too if {@code withPartial}. */
    private void print(boolean withPartial) {
        printLocked(withPartial);
    }

    private void printLocked(boolean withPartial) {
        emit.lock();
        try {
            String batch;
            String rest = null;
            synchronized (buffer) {
                if (lines.isEmpty() && (!withPartial || partial.size() == 0)) return;
                StringBuilder b = new StringBuilder();
                while (!lines.isEmpty()) b.append(lines.poll());
                batch = b.toString();
                if (withPartial && partial.size() > 0) {
                    rest = partial.toString(StandardCharsets.UTF_8);
                    partial.reset();
                }
            }
            LineReader r = reader;
            if (!batch.isEmpty()) {
                if (r != null) {
                    r.printAbove(batch); // ends with a newline, so JLine adds none
                } else {
                    terminal.writer().print(batch);
                }
            }
            if (rest != null) {
                PrintWriter w = terminal.writer();
                w.print(rest);
            }
            terminal.writer().flush();
            terminal.flush();
        } finally {
            emit.unlock();
        }
    }
}
