package org.toy.repl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * A REPL on a dumb terminal that runs on a thread of its own while the test types into it a
 * little at a time, so that the prompt really waits (for threads started at it to print
 * meanwhile). The REPL is built on its thread, so that thread is its main thread, the one the
 * Ctrl-C handler interrupts. Every wait has a generous timeout.
 */
final class LiveRepl implements AutoCloseable {
    static final long TIMEOUT_SECONDS = 30;

    /** Keystrokes fed on demand; end of input (Ctrl-D) once {@link #eof} is called. */
    private static final class Keys extends InputStream {
        private final LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();

        @Override
        public int read() throws IOException {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            int first = read();
            if (first < 0) {
                queue.add(-1); // stays at the end
                return -1;
            }
            b[off] = (byte) first;
            int n = 1;
            Integer next;
            while (n < len && (next = queue.peek()) != null && next >= 0) {
                b[off + n++] = (byte) (int) queue.poll();
            }
            return n;
        }

        @Override
        public int available() { return queue.size(); }
    }

    private final Keys keys = new Keys();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final CompletableFuture<Repl> started = new CompletableFuture<>();
    final Terminal terminal;
    final Thread thread;

    LiveRepl(Path history) {
        try {
            terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, keys, screen, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(() -> {
            try {
                Repl repl = new Repl(terminal, new ReplSettings(history, false, false, "test"));
                started.complete(repl);
                exit.complete(repl.run());
            } catch (Throwable t) {
                started.completeExceptionally(t);
                exit.completeExceptionally(t);
            }
        }, "live-repl");
        thread.setDaemon(true);
        thread.start();
    }

    Repl repl() {
        try {
            return started.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the REPL did not start", e);
        }
    }

    void type(String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) keys.queue.add(b & 0xff);
    }

    void eof() { keys.queue.add(-1); }

    String screen() {
        return render(screen.toString(StandardCharsets.UTF_8));
    }

    /**
     * The screen as a terminal would show it: a carriage return goes back to the start of the line
     * and what follows overwrites it (JLine's dumb display erases a prompt with {@code \r}, spaces, {@code \r}).
     */
    static String render(String raw) {
        StringBuilder out = new StringBuilder();
        String[] lines = raw.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String shown = "";
            for (String part : lines[i].split("\r", -1)) {
                shown = part.length() >= shown.length() ? part : part + shown.substring(part.length());
            }
            out.append(shown.stripTrailing());
            if (i < lines.length - 1) out.append('\n');
        }
        return out.toString();
    }

    /** Waits until the screen shows {@code text} (after {@code from}); returns the screen. */
    String waitFor(String text) {
        await(() -> screen().contains(text), "never saw " + text);
        return screen();
    }

    /** Waits until the condition holds, or fails with the screen. */
    void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(what + "; the screen:\n" + screen());
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Waits until the prompt waits for a line (code typed so far has finished). */
    void awaitPrompt() {
        Repl r = repl();
        await(() -> r.reader().isReading(), "the prompt never came back");
    }

    /** Waits until the prompt is not reading: the line typed is running. */
    void awaitRunning() {
        Repl r = repl();
        await(() -> !r.reader().isReading(), "the line never started running");
    }

    /** The exit status, once the REPL has ended. */
    int exitStatus() {
        try {
            return exit.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the REPL did not end; the screen:\n" + screen(), e);
        }
    }

    @Override
    public void close() {
        eof();
        try {
            exit.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            thread.interrupt();
        }
    }
}
