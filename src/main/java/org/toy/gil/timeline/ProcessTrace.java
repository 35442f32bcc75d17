package org.toy.gil.timeline;

import java.util.List;

/**
 * The GIL events one process recorded, oldest first, on the shared epoch clock (nanoseconds since
 * 1970), plus what is needed to label them: the process's name and pid, and its threads in the
 * order they were first seen ({@code threads.get(thread[i])} did event {@code i}).
 *
 * @param launchEpochNanos when the process's JVM started (millisecond precision), before the trace did
 * @param lost events overwritten because the ring buffer was full (the oldest ones)
 */
public record ProcessTrace(String process, long pid, long launchEpochNanos, long startEpochNanos, long endEpochNanos, long lost,
        List<Thread> threads, long[] time, int[] kind, int[] thread, String[] detail) {

    /** A traced thread: its Toy name, {@code threading.get_ident()}, and its CPU time (-1 if unknown). */
    public record Thread(String name, long ident, long cpuNanos) {}

    public int size() { return time.length; }

    public GilEvent event(int i) { return GilEvent.of(kind[i]); }

    /**
     * The same trace with its events in time order. Events of different threads claim their slots in the order they happen, but a thread stamps
     * its clock just before it claims one; sorting (stably) by time fixes the few neighbours
     * that came out of order.
     */
    public ProcessTrace sortedByTime() {
        int n = time.length;
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) sorted = time[i - 1] <= time[i];
        if (sorted) return this;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Long.compare(time[a], time[b]));
        long[] t = new long[n];
        int[] k = new int[n];
        int[] th = new int[n];
        String[] d = new String[n];
        for (int i = 0; i < n; i++) {
            int j = order[i];
            t[i] = time[j];
            k[i] = kind[j];
            th[i] = thread[j];
            d[i] = detail[j];
        }
        return new ProcessTrace(process, pid, launchEpochNanos, startEpochNanos, endEpochNanos, lost, threads, t, k, th, d);
    }
}
