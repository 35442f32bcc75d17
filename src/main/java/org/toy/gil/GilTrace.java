package org.toy.gil;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.toy.gil.timeline.GilEvent;
import org.toy.gil.timeline.ProcessTrace;

/**
 * The flight recorder behind {@code toy --gil-trace=FILE.html}: every GIL transition of one
 * interpreter, with the thread and a {@code System.nanoTime} stamp, in a ring buffer.
 *
 * <h2>Design</h2>
 * <ul>
 *   <li><b>Nothing when off.</b> {@link NewGil} keeps the recorder in one volatile field that is
 *       null unless the flag was given; every hook is {@code if (trace != null)}. The hooks sit at
 *       GIL transitions only (take, drop, the scoped release, a drop request), never per
 *       bytecode, so even when on the recorder adds a few tens of nanoseconds to operations that
 *       already lock a mutex.</li>
 *   <li><b>Preallocated, lock-free.</b> Three parallel arrays (time, kind and thread packed in an
 *       int, an optional detail string such as the reason of a blocking call) are allocated once.
 *       A writer claims a slot with one atomic increment; when the buffer is full the oldest
 *       events are overwritten, and the picture says how many were lost.</li>
 *   <li><b>One clock for several processes.</b> The recorder notes {@link Instant#now()} and
 *       {@code nanoTime} together when it starts; {@link #snapshot} turns every stamp into
 *       nanoseconds since the Unix epoch, so a parent and its children, each a separate JVM with
 *       its own {@code nanoTime} origin, can be laid on one time axis.</li>
 *   <li><b>Threads are numbered on first sight</b>: each {@link ThreadStats} gets a small index
 *       the first time it records an event; the name is read when the snapshot is taken, since a
 *       Toy program may rename a thread after it started.</li>
 * </ul>
 */
public final class GilTrace {
    /**
     * Events kept by default: 1 MB of arrays, over a minute of two CPU-bound threads switching
     * every 5 ms, and a page of at most some 15 MB.
     */
    public static final int DEFAULT_CAPACITY = 1 << 16;

    private static final int KIND_BITS = 4;

    private final String process;
    private final long pid = ProcessHandle.current().pid();
    private final Path childDirectory;
    private final long originEpochNanos;
    private final long originNanoTime;

    private final long[] times;
    private final int[] kindAndThread;
    private final String[] details;
    private final int mask;
    private final AtomicLong cursor = new AtomicLong();

    private final List<ThreadStats> threads = new ArrayList<>();
    private final List<Long> threadIds = new ArrayList<>();

    /**
     * @param process        how the picture names this process ("MainProcess", "Process-1")
     * @param capacity       events kept (rounded up to a power of two, at least 16)
     * @param childDirectory where child processes write their traces for the parent to merge
     */
    public GilTrace(String process, int capacity, Path childDirectory) {
        this.process = process;
        this.childDirectory = childDirectory;
        int size = Integer.highestOneBit(Math.max(16, capacity) - 1) << 1;
        this.times = new long[size];
        this.kindAndThread = new int[size];
        this.details = new String[size];
        this.mask = size - 1;
        Instant now = Instant.now();
        this.originNanoTime = System.nanoTime();
        this.originEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** The directory children write their traces into (handed to each child at start). */
    public Path childDirectory() { return childDirectory; }

    /** Records one event of the calling thread ({@code thread} is its account). */
    void record(GilEvent kind, ThreadStats thread, long nanoTime, String detail) {
        int id = thread.traceOwner == this ? thread.traceId : register(thread);
        int slot = (int) (cursor.getAndIncrement() & mask);
        times[slot] = nanoTime;
        kindAndThread[slot] = id << KIND_BITS | kind.ordinal();
        details[slot] = detail;
    }

    private synchronized int register(ThreadStats thread) {
        if (thread.traceOwner != this) {
            threads.add(thread);
            threadIds.add(Thread.currentThread().getId());
            thread.traceId = threads.size() - 1;
            thread.traceOwner = this;
        }
        return thread.traceId;
    }

    /** Everything recorded so far, oldest first, stamped in epoch nanoseconds. */
    public synchronized ProcessTrace snapshot() {
        long end = epoch(System.nanoTime());
        long written = cursor.get();
        int n = (int) Math.min(written, times.length);
        long first = written - n;
        long[] t = new long[n];
        int[] kinds = new int[n];
        int[] ids = new int[n];
        String[] d = new String[n];
        for (int i = 0; i < n; i++) {
            int slot = (int) ((first + i) & mask);
            t[i] = epoch(times[slot]);
            kinds[i] = kindAndThread[slot] & ((1 << KIND_BITS) - 1);
            ids[i] = kindAndThread[slot] >>> KIND_BITS;
            d[i] = details[slot];
        }
        List<ProcessTrace.Thread> named = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) {
            ThreadStats s = threads.get(i);
            named.add(new ProcessTrace.Thread(s.name(), threadIds.get(i), s.cpuNanos()));
        }
        long launch = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime() * 1_000_000L;
        return new ProcessTrace(process, pid, Math.min(launch, originEpochNanos), originEpochNanos, end, first, named, t,
                kinds, ids, d).sortedByTime();
    }

    private long epoch(long nanoTime) { return originEpochNanos + (nanoTime - originNanoTime); }
}
