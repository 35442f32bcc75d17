package org.toy.process;

import java.io.BufferedInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.toy.ipc.Frames;

/**
 * The child's end of its lifeline: its standard input, whose write end the parent holds for the
 * child's whole life. A thread named {@code toy-lifeline} reads the job from it (two frames: the
 * preparation data, then the payload) and then waits for end-of-file, which means the parent has
 * died (the kernel closes its descriptors even after SIGKILL) or has closed an unused spare: the
 * child halts at once. So a child never outlives its parent, whether it is running a job or is
 * still a warm spare waiting for one.
 * <p>
 * <p>
 * Stdin is read through a {@link FileChannel}, which {@link #release()} can close under the
 * blocked reader. That matters at exit: HotSpot's final safepoint waits up to 300 ms for threads
 * blocked in native code ({@code VM_Exit::wait_for_threads_in_native_to_block}), and a plain
 * {@code FileInputStream.read} would keep this thread there — a third of a second on every
 * child's exit, which was most of a process's start+join.
 * <p>
 * The thread exists from the moment the child has booted; a test that must know a spare is
 * ready (not still starting its JVM) looks for it in {@code /proc/PID/task/&#42;/comm}.
 */
final class Lifeline {
    /** The name of the reading thread, as the OS shows it (at most 15 characters on Linux). */
    static final String THREAD_NAME = "toy-lifeline";

    /** What the parent sends: the preparation data and the payload, both encoded by the Codec. */
    record Job(byte[] prep, byte[] payload) {}

    private final CompletableFuture<Job> job = new CompletableFuture<>();
    private final FileChannel stdin = new FileInputStream(FileDescriptor.in).getChannel();
    private volatile boolean released;

    private Lifeline() {}

    /** Starts reading the job from standard input. */
    static Lifeline watch() {
        Lifeline l = new Lifeline();
        InputStream in = new BufferedInputStream(streamOf(l.stdin));
        Thread t = new Thread(() -> l.read(in), THREAD_NAME);
        t.setDaemon(true);
        t.start();
        return l;
    }

    /**
     * The channel as a stream, without {@code Channels.newInputStream}: that stream's
     * {@code available()} asks a file channel for its position, which a pipe refuses
     * ({@code ESPIPE}, "Illegal seek"), and BufferedInputStream calls it whenever a frame is
     * larger than its buffer.
     */
    private static InputStream streamOf(FileChannel channel) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : channel.read(ByteBuffer.wrap(b, off, len));
            }
        };
    }

    private void read(InputStream in) {
        try {
            byte[] prep = Frames.read(in);
            byte[] payload = prep == null ? null : Frames.read(in);
            job.complete(payload == null ? null : new Job(prep, payload));
            byte[] buf = new byte[256];
            while (in.read(buf) >= 0) {
                // nothing else is sent on the lifeline
            }
        } catch (IOException e) {
            if (released) return;   // the child is exiting by itself
            // otherwise the same as end-of-file
        }
        // Before the job: a spare that is not needed (or whose parent died). After it: the parent
        // is gone, and the child must not outlive it. Either way there is nothing to finish.
        job.complete(null);
        Runtime.getRuntime().halt(1);
    }

    /** The child is about to exit by itself: stop watching, so that the JVM can exit at once. */
    void release() {
        released = true;
        try {
            stdin.close();
        } catch (IOException e) {
            // closed already
        }
    }

    /** The job, once the parent sends it; null when the lifeline ends first. */
    Job awaitJob() {
        try {
            return job.get();
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
