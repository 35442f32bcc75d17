package org.toy.gil;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the GIL did, for {@code sys.gil} and {@code toy --gil-stats}: how often it changed hands,
 * how often a waiter had to ask for it, and each thread's {@link ThreadStats}. Threads stay in the
 * list after they end, so the table at exit shows every thread that ever ran.
 */
public final class GilStats {
    private final List<ThreadStats> threads = new CopyOnWriteArrayList<>();
    final AtomicLong dropRequests = new AtomicLong();
    final AtomicLong switches = new AtomicLong();

    /** Adds a thread's account (when its ThreadState is created). */
    public void register(ThreadStats stats) {
        if (!threads.contains(stats)) threads.add(stats);
    }

    /** Times the GIL was taken by a thread other than its last holder ({@code switch_number}). */
    public long switches() { return switches.get(); }

    /** Times a waiter timed out and set the drop request. */
    public long dropRequests() { return dropRequests.get(); }

    public List<ThreadStats> threads() { return new ArrayList<>(threads); }

    /** The {@code --gil-stats} table: one row per thread, times in milliseconds. */
    public String table(double intervalSeconds) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "GIL statistics: interval %.3f ms, %d switches, %d drop requests%n",
                intervalSeconds * 1e3, switches(), dropRequests()));
        b.append(String.format(Locale.ROOT, "%-28s %10s %10s %10s %10s %9s%n",
                "thread", "cpu ms", "held ms", "waited ms", "blocked ms", "switches"));
        for (ThreadStats t : threads) {
            long cpu = t.cpuNanos();
            b.append(String.format(Locale.ROOT, "%-28s %10s %10.1f %10.1f %10.1f %9d%n",
                    t.name(), cpu < 0 ? "-" : String.format(Locale.ROOT, "%.1f", cpu / 1e6),
                    t.heldNanos() / 1e6, t.waitedNanos() / 1e6, t.blockedNanos() / 1e6, t.switchesIn()));
        }
        return b.toString();
    }
}
