package org.toy.gil.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The GIL traces of a program and its child processes turned into what the picture draws: per
 * thread a lane of segments (running with the GIL, waiting for it, blocked outside it), and the
 * moments the GIL changed hands or a waiter asked for it. All times are nanoseconds since the
 * program began running (see {@link #of}), so processes share one axis.
 *
 * <p>A thread's state between two of its events follows from the earlier event: after
 * {@code WAIT} or {@code YIELD} it waits, after {@code TAKE}/{@code TAKE_OVER} it runs, after
 * {@code BLOCK} it is blocked (the event's detail says on what), after {@code EXIT} it is gone.
 * Each process has its own GIL, so switches are counted and drawn within a process only.
 */
public final class Timeline {
    /** What a lane shows; the idle background (before a thread starts, after it ends) has no state. */
    public enum State {
        RUNNING("running", "holds the GIL and runs bytecode"),
        WAITING("waiting", "waits for the GIL"),
        BLOCKED("blocked", "blocked outside the GIL (sleep, I/O, join, a lock)");

        public final String css;
        public final String meaning;

        State(String css, String meaning) {
            this.css = css;
            this.meaning = meaning;
        }
    }

    /** A stretch of one state, [start, end) in nanoseconds; {@code detail} is a blocked segment's reason. */
    public record Segment(State state, long start, long end, String detail) {
        public long length() { return end - start; }
    }

    /**
     * One thread: its segments in time order and the totals of each state, and its CPU time
     * (-1 if unknown): far less CPU than running time means the OS kept the thread off the CPU
     * while it held the GIL (a busy machine).
     */
    public record Lane(String thread, long ident, long cpuNanos, List<Segment> segments) {
        public long total(State state) {
            long sum = 0;
            for (Segment s : segments) if (s.state == state) sum += s.length();
            return sum;
        }

        /** How many separate times the thread ran. */
        public int turns() {
            int n = 0;
            for (Segment s : segments) if (s.state == State.RUNNING) n++;
            return n;
        }
    }

    /** The GIL passed from lane {@code from} to lane {@code to}; {@code forced}: after a drop request. */
    public record Switch(long at, int from, int to, boolean forced) {}

    /** A waiter in lane {@code lane} asked the holder to drop the GIL. */
    public record DropRequest(long at, int lane) {}

    /**
     * One process: its interpreter's lanes, switches and drop requests, and its lifetime: its JVM
     * was launched at {@code launch} (never before time zero), its trace ran from {@code start}.
     */
    public record Process(String name, long pid, long launch, long start, long end, long lost, List<Lane> lanes,
            List<Switch> switches, List<DropRequest> dropRequests) {}

    private final List<Process> processes;
    private final long end;

    private Timeline(List<Process> processes, long end) {
        this.processes = processes;
        this.end = end;
    }

    /** The parent first, then the children by name ("Process-2" before "Process-10"). */
    public List<Process> processes() { return processes; }

    /** When the last trace ends, in nanoseconds since the first began. */
    public long end() { return end; }

    /**
     * Builds the timeline; {@code traces.get(0)} is the parent. Time zero is its first event (the
     * main module starts running; compiling it comes before), or a child's launch if earlier.
     */
    public static Timeline of(List<ProcessTrace> traces) {
        if (traces.isEmpty()) return new Timeline(List.of(), 0);
        ProcessTrace parent = traces.get(0);
        long origin = parent.size() > 0 ? parent.time()[0] : parent.startEpochNanos();
        for (ProcessTrace t : traces) {
            if (t.size() > 0) origin = Math.min(origin, t.time()[0]);
            if (t != parent) origin = Math.min(origin, t.launchEpochNanos());
        }
        List<ProcessTrace> ordered = new ArrayList<>(traces.subList(1, traces.size()));
        ordered.sort(Comparator.comparing(ProcessTrace::process, Timeline::naturalOrder));
        ordered.add(0, traces.get(0));
        List<Process> out = new ArrayList<>();
        long end = 0;
        for (ProcessTrace t : ordered) {
            Process p = build(t.sortedByTime(), origin);
            out.add(p);
            end = Math.max(end, p.end());
        }
        return new Timeline(out, end);
    }

    /** Replays one process's events, thread by thread, into segments. */
    private static Process build(ProcessTrace t, long origin) {
        int threads = t.threads().size();
        State[] state = new State[threads];
        String[] detail = new String[threads];
        long[] since = new long[threads];
        List<List<Segment>> segments = new ArrayList<>();
        for (int i = 0; i < threads; i++) segments.add(new ArrayList<>());
        boolean[] yielded = new boolean[threads];
        List<Switch> switches = new ArrayList<>();
        List<DropRequest> drops = new ArrayList<>();
        int lastHolder = -1;
        long end = t.endEpochNanos() - origin;
        for (int i = 0; i < t.size(); i++) {
            int th = t.thread()[i];
            long at = Math.min(t.time()[i] - origin, end);
            GilEvent e = t.event(i);
            if (e == GilEvent.DROP_REQUEST) {
                drops.add(new DropRequest(at, th));
                continue;
            }
            close(segments.get(th), state[th], since[th], at, detail[th]);
            detail[th] = null;
            switch (e) {
                case WAIT -> state[th] = State.WAITING;
                case YIELD -> {
                    state[th] = State.WAITING;
                    yielded[th] = true;
                }
                case TAKE, TAKE_OVER -> {
                    if (e == GilEvent.TAKE_OVER && lastHolder >= 0 && lastHolder != th) {
                        switches.add(new Switch(at, lastHolder, th, yielded[lastHolder]));
                    }
                    state[th] = State.RUNNING;
                    yielded[th] = false;
                    lastHolder = th;
                }
                case BLOCK -> {
                    state[th] = State.BLOCKED;
                    detail[th] = t.detail()[i];
                    yielded[th] = false;
                }
                case EXIT -> {
                    state[th] = null;
                    yielded[th] = false;
                }
                default -> throw new IllegalStateException("unhandled GIL event " + e);
            }
            since[th] = at;
        }
        List<Lane> lanes = new ArrayList<>();
        for (int th = 0; th < threads; th++) {
            close(segments.get(th), state[th], since[th], end, detail[th]);
            ProcessTrace.Thread who = t.threads().get(th);
            lanes.add(new Lane(who.name(), who.ident(), who.cpuNanos(), List.copyOf(segments.get(th))));
        }
        long start = t.startEpochNanos() - origin;
        long launch = Math.min(start, Math.max(0, t.launchEpochNanos() - origin));
        return new Process(t.process(), t.pid(), launch, start, end, t.lost(), lanes, switches, drops);
    }

    /** Compares names with their digit runs as numbers: "Process-2" before "Process-10". */
    static int naturalOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int ei = i;
                int ej = j;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) ei++;
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) ej++;
                String na = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) return c;
                i = ei;
                j = ej;
            } else {
                if (x != y) return Character.compare(x, y);
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Ends the current segment at {@code at}, merging it into the previous one when they are alike. */
    private static void close(List<Segment> lane, State state, long since, long at, String detail) {
        if (state == null || at <= since) return;
        if (!lane.isEmpty()) {
            Segment last = lane.get(lane.size() - 1);
            if (last.state == state && last.end == since && java.util.Objects.equals(last.detail, detail)) {
                lane.set(lane.size() - 1, new Segment(state, last.start, at, detail));
                return;
            }
        }
        lane.add(new Segment(state, since, at, detail));
    }
}
