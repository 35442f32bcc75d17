package org.toy.gil.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.OutputStream;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toy.gil.Gil;
import org.toy.gil.GilTrace;
import org.toy.vm.Interpreter;
import org.toy.vm.ThreadState;

/**
 * The timeline model and page from traces written by hand (so every expected segment is known),
 * the trace file format, and the recorder driven through a real GIL.
 */
class TimelineTest {
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_700_000_000_000_000_000L;

    /** Builds a trace event by event: {@code at} in ms after T0. */
    private static final class Events {
        final List<Long> time = new ArrayList<>();
        final List<Integer> kind = new ArrayList<>();
        final List<Integer> thread = new ArrayList<>();
        final List<String> detail = new ArrayList<>();

        Events add(double atMs, int th, GilEvent e, String d) {
            time.add(T0 + (long) (atMs * MS));
            kind.add(e.ordinal());
            thread.add(th);
            detail.add(d);
            return this;
        }

        Events add(double atMs, int th, GilEvent e) { return add(atMs, th, e, null); }

        ProcessTrace trace(String name, long pid, double startMs, double endMs, String... threads) {
            List<ProcessTrace.Thread> ts = new ArrayList<>();
            for (int i = 0; i < threads.length; i++) ts.add(new ProcessTrace.Thread(threads[i], 100 + i, -1));
            long[] t = time.stream().mapToLong(Long::longValue).toArray();
            int[] k = kind.stream().mapToInt(Integer::intValue).toArray();
            int[] th = thread.stream().mapToInt(Integer::intValue).toArray();
            long start = T0 + (long) (startMs * MS);
            return new ProcessTrace(name, pid, start - MS, start, T0 + (long) (endMs * MS), 0, ts, t, k, th,
                    detail.toArray(new String[0]));
        }
    }

    /** Main starts two workers and joins them; the workers alternate twice under a forced switch. */
    private static ProcessTrace twoWorkers() {
        return new Events()
                .add(0, 0, GilEvent.WAIT).add(0.1, 0, GilEvent.TAKE_OVER)
                .add(1, 0, GilEvent.BLOCK, "join Thread-1")
                .add(1.2, 1, GilEvent.WAIT).add(1.3, 1, GilEvent.TAKE_OVER)
                .add(1.4, 2, GilEvent.WAIT)
                .add(6.4, 2, GilEvent.DROP_REQUEST)
                .add(6.5, 1, GilEvent.YIELD).add(6.6, 2, GilEvent.TAKE_OVER).add(6.7, 1, GilEvent.WAIT)
                .add(11.7, 1, GilEvent.DROP_REQUEST)
                .add(11.8, 2, GilEvent.YIELD).add(11.9, 1, GilEvent.TAKE_OVER).add(12.0, 2, GilEvent.WAIT)
                .add(15, 1, GilEvent.EXIT).add(15.1, 2, GilEvent.TAKE_OVER)
                .add(20, 2, GilEvent.EXIT).add(20.1, 0, GilEvent.WAIT).add(20.2, 0, GilEvent.TAKE_OVER)
                .trace("MainProcess", 42, 0, 21, "MainThread", "Thread-1", "Thread-2");
    }

    @Test
    void eventsBecomeSegmentsSwitchesAndDropRequests() {
        Timeline tl = Timeline.of(List.of(twoWorkers()));
        Timeline.Process p = tl.processes().get(0);
        assertEquals(3, p.lanes().size());
        Timeline.Lane main = p.lanes().get(0);
        assertEquals("MainThread", main.thread());
        assertEquals(List.of(Timeline.State.WAITING, Timeline.State.RUNNING, Timeline.State.BLOCKED,
                Timeline.State.WAITING, Timeline.State.RUNNING), main.segments().stream().map(Timeline.Segment::state).toList());
        Timeline.Segment join = main.segments().get(2);
        assertEquals("join Thread-1", join.detail());
        assertEquals(1 * MS, join.start());
        assertEquals(20.1 * MS, join.end(), 1);
        // Thread-1: running 1.3-6.5, waiting 6.5-11.9 (YIELD and WAIT merge into one segment), running 11.9-15.
        Timeline.Lane t1 = p.lanes().get(1);
        assertEquals(List.of(Timeline.State.WAITING, Timeline.State.RUNNING, Timeline.State.WAITING, Timeline.State.RUNNING),
                t1.segments().stream().map(Timeline.Segment::state).toList());
        assertEquals(6.5 * MS, t1.segments().get(2).start(), 1);
        assertEquals(11.9 * MS, t1.segments().get(2).end(), 1);
        assertEquals(2, t1.turns());
        assertEquals((6.5 - 1.3 + 15 - 11.9) * MS, t1.total(Timeline.State.RUNNING), 10);
        // Switches: main→T1, T1→T2 (forced), T2→T1 (forced), T1→T2 (T1 ended), T2→main.
        assertEquals(5, p.switches().size());
        assertEquals(List.of(false, true, true, false, false), p.switches().stream().map(Timeline.Switch::forced).toList());
        assertEquals(List.of(1, 2, 1, 2, 0), p.switches().stream().map(Timeline.Switch::to).toList());
        assertEquals(2, p.dropRequests().size());
        assertEquals(2, p.dropRequests().get(0).lane());
        // The lane's last segment ends with the trace: main still runs at the end.
        assertEquals(21 * MS, main.segments().get(4).end(), 1);
    }

    @Test
    void childrenShareTheParentsAxisAndComeInNaturalOrder() {
        ProcessTrace parent = twoWorkers();
        ProcessTrace p10 = new Events().add(5, 0, GilEvent.WAIT).add(5.5, 0, GilEvent.TAKE_OVER)
                .trace("Process-10", 7, 4, 9, "MainThread");
        ProcessTrace p2 = new Events().add(8, 0, GilEvent.WAIT).add(8.5, 0, GilEvent.TAKE_OVER)
                .trace("Process-2", 8, 7, 12, "MainThread");
        Timeline tl = Timeline.of(List.of(parent, p10, p2));
        assertEquals(List.of("MainProcess", "Process-2", "Process-10"), tl.processes().stream().map(Timeline.Process::name).toList());
        Timeline.Process two = tl.processes().get(1);
        assertEquals(8.5 * MS, two.lanes().get(0).segments().get(1).start(), 1);
        assertEquals(7 * MS, two.start(), 1);
        assertEquals(21 * MS, tl.end(), 1);
        assertTrue(Timeline.naturalOrder("Process-2:1", "Process-2:10") < 0);
        assertTrue(Timeline.naturalOrder("a", "a1") < 0);
        assertEquals(0, Timeline.naturalOrder("Worker-007", "Worker-7"));
    }

    @Test
    void thePageIsWellFormedAndCarriesEverySegmentWithItsTitle() throws Exception {
        Timeline tl = Timeline.of(List.of(twoWorkers()));
        String html = TimelinePage.render(tl, "demo <&> \"quoted\"", 0.005);
        TimelineDocument doc = TimelineDocument.parse(html);
        assertEquals(1, doc.processes.size());
        TimelineDocument.Process p = doc.processes.get(0);
        assertEquals(List.of("MainThread", "Thread-1", "Thread-2"), p.lanes.stream().map(l -> l.thread).toList());
        assertEquals(5, p.switchAttribute);
        assertEquals(5, p.switchLines);
        assertEquals(5, p.alternations());
        assertEquals(2, p.dropRequests);
        assertEquals(0, p.overlappingRunning(), "two lanes of one process run at once");
        assertTrue(html.contains("demo &lt;&amp;&gt; &quot;quoted&quot;"));
        assertTrue(html.contains("blocked (join Thread-1)"), "the reason of a blocking call is in its title");
        assertTrue(html.contains(">0 ms<") && html.contains(">20 ms<"), "a time axis in milliseconds");
        assertTrue(html.contains(TimelinePage.RUNNING_COLOUR) && html.contains(TimelinePage.WAITING_COLOUR)
                && html.contains(TimelinePage.BLOCKED_COLOUR));
        assertEquals(3, doc.summaryRows, "one summary row per thread");
    }

    @Test
    void niceTicksAndDurations() {
        assertEquals("12.5", TimelinePage.num(12.5));
        assertEquals("7", TimelinePage.num(7.0001));
        assertEquals("0.05", TimelinePage.num(0.05));
        assertEquals("-3.125", TimelinePage.num(-3.125));
        assertEquals("1000.007", TimelinePage.num(1000.007));
        assertEquals(1.0, TimelinePage.niceStep(0.7));
        assertEquals(2.0, TimelinePage.niceStep(1.3));
        assertEquals(50.0, TimelinePage.niceStep(31));
        assertEquals(0.1, TimelinePage.niceStep(0.1), 1e-12);
        assertEquals("250.0 µs", TimelinePage.duration(250_000));
        assertEquals("0.1", TimelinePage.fixed(149_999, 1_000_000L, 1));
        assertEquals("0.2", TimelinePage.fixed(150_000, 1_000_000L, 1));
        assertEquals("12.346", TimelinePage.fixed(12_345_678, 1_000_000L, 3));
        assertEquals("-1.500", TimelinePage.fixed(-1_500_000, 1_000_000L, 3));
        assertEquals("3", TimelinePage.fixed(3_000_000_000L, 1_000_000_000L, 0));
        assertEquals("5.000 ms", TimelinePage.duration(5 * MS));
        assertEquals("1.500 s", TimelinePage.duration(1500 * MS));
    }

    @Test
    void aTraceFileReadsBackAsWritten(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("children"));
        ProcessTrace t = twoWorkers();
        TraceFiles.write(t, dir);
        List<String> problems = new ArrayList<>();
        Files.writeString(dir.resolve("junk.gtrace"), "not a trace");
        Files.writeString(dir.resolve("9.gtrace.part"), "half");
        List<ProcessTrace> back = TraceFiles.readAll(dir, problems);
        assertEquals(1, back.size());
        assertEquals(1, problems.size(), "the junk file is reported: " + problems);
        ProcessTrace r = back.get(0);
        assertEquals(t.process(), r.process());
        assertEquals(t.pid(), r.pid());
        assertEquals(t.launchEpochNanos(), r.launchEpochNanos());
        assertEquals(t.threads(), r.threads());
        assertEquals(java.util.Arrays.asList(t.detail()), java.util.Arrays.asList(r.detail()));
        assertTrue(java.util.Arrays.equals(t.time(), r.time()) && java.util.Arrays.equals(t.kind(), r.kind())
                && java.util.Arrays.equals(t.thread(), r.thread()));
        TraceFiles.delete(dir);
        assertFalse(Files.exists(dir));
    }

    @Test
    void theRecorderSeesARealGilHandOverAndABlockingCall() throws Exception {
        Interpreter interp = new Interpreter(new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()), new BufferedReader(new StringReader("")));
        Gil gil = interp.gil();
        GilTrace trace = new GilTrace("MainProcess", 64, null);
        gil.startTrace(trace);
        gil.setInterval(0.002);
        ThreadState a = interp.mainThread();
        ThreadState b = new ThreadState(interp, false);
        gil.take(a);
        Thread other = new Thread(() -> {
            gil.take(b);
            gil.drop(b);
        });
        other.start();
        long end = System.nanoTime() + 2_000_000_000L;
        // Spin like the dispatch loop until b has had its turn (it asks after one interval).
        while (other.isAlive() && System.nanoTime() < end) {
            if (interp.breaker().pending() != 0) gil.yieldIfRequested(a);
        }
        try (var released = gil.release(a, "sleep")) {
            Thread.sleep(1);
        }
        gil.drop(a);
        other.join(2000);
        ProcessTrace t = trace.snapshot();
        List<GilEvent> kinds = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) kinds.add(t.event(i));
        assertTrue(kinds.contains(GilEvent.DROP_REQUEST) && kinds.contains(GilEvent.YIELD), "events: " + kinds);
        Timeline.Process p = Timeline.of(List.of(t)).processes().get(0);
        assertEquals(2, p.lanes().size());
        assertTrue(p.switches().stream().anyMatch(s -> s.forced() && s.to() == 1), "a forced switch to b: " + p.switches());
        assertTrue(p.lanes().get(0).segments().stream().anyMatch(s -> "sleep".equals(s.detail())));
        // A tiny buffer keeps the newest events and says how many were lost.
        GilTrace small = new GilTrace("MainProcess", 16, null);
        gil.startTrace(small);
        gil.take(a);
        for (int i = 0; i < 20; i++) {
            try (var released = gil.release(a, "loop")) {
                Thread.onSpinWait();
            }
        }
        gil.drop(a);
        ProcessTrace s = small.snapshot();
        assertEquals(16, s.size());
        assertEquals(2 + 20 * 3 + 1 - 16, s.lost(), "take, 20 x (block, wait, take), exit");
        gil.startTrace(null);
    }
}
