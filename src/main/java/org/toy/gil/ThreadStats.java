package org.toy.gil;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * One thread's GIL account: nanoseconds holding the GIL, waiting for it, and blocked outside it
 * (sleep, I/O, lock waits), and how many times it took the GIL over from another thread. The
 * owning thread moves it from state to state at GIL transitions only (one {@code nanoTime} each);
 * other threads may read it at any time, so the fields are volatile and a reading is a snapshot.
 */
public final class ThreadStats {
    static final int NONE = 0;
    static final int HELD = 1;
    static final int WAITING = 2;
    static final int BLOCKED = 3;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private volatile String name;
    private volatile Thread javaThread;
    private volatile int state = NONE;
    private volatile long since;
    private volatile long held;
    private volatile long waited;
    private volatile long blocked;
    private volatile long switchesIn;
    private volatile long cpuAtEnd = -1;
    /** The Java thread's CPU time when it began serving this Toy thread (pooled threads serve several). */
    private volatile long cpuBase;
    /** The recorder that numbered this thread, and its number there (written and read by this thread only). */
    GilTrace traceOwner;
    int traceId;

    public ThreadStats(String name) {
        this.name = name;
    }

    public String name() { return name; }

    public void setName(String name) { this.name = name; }

    /** Binds the account to the Java thread now running the Toy thread (for its CPU time). */
    public void bind(Thread thread) {
        bind(thread, thread == Thread.currentThread() ? currentCpu() : 0);
    }

    /** {@code cpuBase}: the Java thread's CPU time that does not belong to this Toy thread (0 for the main thread). */
    public void bind(Thread thread, long cpuBase) {
        this.javaThread = thread;
        this.cpuAtEnd = -1;
        this.cpuBase = cpuBase;
    }

    /** Moves to {@code next}, charging the time since the last transition to the state left. */
    void enter(int next, long now) {
        long spent = now - since;
        switch (state) {
            case HELD -> held += spent;
            case WAITING -> waited += spent;
            case BLOCKED -> blocked += spent;
            default -> { }
        }
        state = next;
        since = now;
    }

    void tookOver() { switchesIn++; }

    /** The thread is done: its CPU time is read now, while the JVM still knows the thread. */
    public void finish() {
        Thread t = javaThread;
        if (t == Thread.currentThread()) cpuAtEnd = currentCpu() - cpuBase;
        enter(NONE, System.nanoTime());
    }

    private long live(int which, long total) {
        return state == which ? total + (System.nanoTime() - since) : total;
    }

    /** What the thread is doing as far as the GIL knows: "running", "waiting for the GIL", "blocked" (sleep, I/O, a lock), "idle". */
    public String activity() {
        return switch (state) {
            case HELD -> "running";
            case WAITING -> "waiting for the GIL";
            case BLOCKED -> "blocked";
            default -> "idle";
        };
    }

    public long heldNanos() { return live(HELD, held); }

    public long waitedNanos() { return live(WAITING, waited); }

    public long blockedNanos() { return live(BLOCKED, blocked); }

    /** Times this thread took the GIL after another thread had it. */
    public long switchesIn() { return switchesIn; }

    /** CPU time of the thread (user + system), or -1 if the JVM cannot tell. */
    public long cpuNanos() {
        if (cpuAtEnd >= 0) return cpuAtEnd;
        Thread t = javaThread;
        if (t == null || !THREADS.isThreadCpuTimeSupported()) return -1;
        if (t == Thread.currentThread()) return currentCpu() - cpuBase;
        long cpu = THREADS.getThreadCpuTime(t.getId());
        return cpu < 0 ? -1 : cpu - cpuBase;
    }

    /** This Toy thread's CPU time so far, read on its own Java thread ({@code time.thread_time}). */
    public long ownCpuNanos() {
        return javaThread == Thread.currentThread() ? currentCpu() - cpuBase : currentCpu();
    }

    /** The calling thread's CPU time ({@code time.thread_time}). */
    public static long currentCpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0L;
    }
}
