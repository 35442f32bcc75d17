package org.toy.gil.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.toy.cli.Toy;

/**
 * {@code toy --gil-trace} end to end, on the two examples the README shows
 * ({@code docs/examples/gil_threads.toy} and {@code gil_processes.toy}): the pictures must say
 * what the GIL does. Two CPU-bound threads take turns, never running at once, about one switch
 * interval each; two CPU-bound processes, each with its own GIL, run at the same time. The pages
 * are checked as documents, then drawn by headless Chromium and checked as pixels. Timing bounds
 * are generous: the machine is shared, and a late wake-up must not flip a verdict.
 */
class GilTimelineTest {
    private static final Path OUT = Path.of("target", "gil-timeline");
    private static final double INTERVAL_MS = 5;
    private static final long MS = 1_000_000L;

    private static Path threadsPage;
    private static Path processesPage;

    @BeforeAll
    static void traceTheExamples() throws Exception {
        Files.createDirectories(OUT);
        threadsPage = trace("gil_threads.toy", "0.3", "threads.html");
        processesPage = trace("gil_processes.toy", "0.4", "processes.html");
    }

    private static Path trace(String example, String seconds, String page) throws Exception {
        Path html = OUT.resolve(page).toAbsolutePath();
        Files.deleteIfExists(html);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Toy toy = new Toy(InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        toy.setGilTrace(html);
        int status = toy.runFile(Path.of("docs", "examples", example).toString(), List.of(seconds));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, stderr);
        assertTrue(stderr.contains("GIL timeline written to " + html), stderr);
        assertTrue(Files.isRegularFile(html));
        return html;
    }

    private static TimelineDocument read(Path page) throws Exception {
        return TimelineDocument.parse(Files.readString(page, StandardCharsets.UTF_8));
    }

    // ---- the documents ----------------------------------------------------------------------------

    @Test
    void twoCpuBoundThreadsTakeTurnsAtTheSwitchInterval() throws Exception {
        TimelineDocument doc = read(threadsPage);
        assertEquals(1, doc.processes.size());
        TimelineDocument.Process p = doc.process("MainProcess");
        assertEquals(List.of("MainThread", "Thread-1 (spin)", "Thread-2 (spin)"), p.lanes.stream().map(l -> l.thread).toList());
        assertEquals(0, p.overlappingRunning(), "two threads held one GIL at the same time");
        // Every change of the running lane is a switch, drawn as a line and counted in the summary.
        assertEquals(p.switchAttribute, p.alternations(), "alternations vs the process's switch count");
        assertEquals(p.switchAttribute, p.switchLines, "switch lines vs the switch count");
        TimelineDocument.Lane a = p.lane("Thread-1");
        TimelineDocument.Lane b = p.lane("Thread-2");
        // While both spin, they alternate; a full 0.3 s would be 60 turns of 5 ms.
        long from = Math.max(a.of("running").get(0).start(), b.of("running").get(0).start());
        long to = Math.min(last(a.of("running")).end(), last(b.of("running")).end());
        List<Long> turns = new ArrayList<>();
        int handOvers = 0;
        long previousLane = -1;
        for (long[] run : p.runningInOrder()) {
            if (run[2] == 0 || run[1] <= from || run[0] >= to) continue;
            if (previousLane >= 0 && run[2] != previousLane) handOvers++;
            previousLane = run[2];
            if (run[0] > from && run[1] < to) turns.add(run[1] - run[0]);
        }
        assertTrue(handOvers >= 6, "the two threads should take turns: " + handOvers + " hand-overs in " + (to - from) / MS + " ms");
        assertTrue(a.of("waiting").size() >= 3 && b.of("waiting").size() >= 3, "each thread waits for its turn");
        turns.sort(null);
        double median = turns.get(turns.size() / 2) / 1e6;
        assertTrue(median >= 0.5 * INTERVAL_MS && median <= 20 * INTERVAL_MS,
                "a turn should last about one interval (" + INTERVAL_MS + " ms): median " + median + " ms of " + turns.size());
        assertTrue(p.dropRequests >= 3, "the waiting thread asks for the GIL: " + p.dropRequests);
        assertEquals(3, doc.summaryRows);
    }

    @Test
    void twoCpuBoundProcessesRunAtTheSameTime() throws Exception {
        TimelineDocument doc = read(processesPage);
        assertEquals(List.of("MainProcess", "Process-1", "Process-2"), doc.processes.stream().map(x -> x.name).toList());
        TimelineDocument.Lane main = doc.process("MainProcess").lane("MainThread");
        TimelineDocument.Lane one = doc.process("Process-1").lane("MainThread");
        TimelineDocument.Lane two = doc.process("Process-2").lane("MainThread");
        assertTrue(main.total("blocked") >= 300 * MS, "the parent waits for its children: " + main.total("blocked") / MS + " ms");
        assertTrue(one.total("running") >= 300 * MS && two.total("running") >= 300 * MS,
                "each child spins for 0.4 s: " + one.total("running") / MS + ", " + two.total("running") / MS + " ms");
        long together = overlap(one.of("running"), two.of("running"));
        assertTrue(together >= 250 * MS, "the two children should run at the same time: together " + together / MS + " ms");
        for (TimelineDocument.Process p : doc.processes) {
            assertEquals(0, p.overlappingRunning());
            assertEquals(p.switchAttribute, p.alternations());
        }
    }

    private static TimelineDocument.Segment last(List<TimelineDocument.Segment> s) { return s.get(s.size() - 1); }

    /** Nanoseconds during which both lists of (disjoint, ordered) segments cover the same time. */
    private static long overlap(List<TimelineDocument.Segment> a, List<TimelineDocument.Segment> b) {
        long sum = 0;
        for (TimelineDocument.Segment x : a) {
            for (TimelineDocument.Segment y : b) sum += Math.max(0, Math.min(x.end(), y.end()) - Math.max(x.start(), y.start()));
        }
        return sum;
    }

    @Test
    void theFlagOnTheCommandLine() throws Exception {
        Path html = OUT.resolve("dash-c.html").toAbsolutePath();
        Files.deleteIfExists(html);
        String[] ok = toy("--gil-trace=" + html, "-c", "import time\ntime.sleep(0.01)\nprint('slept')");
        assertEquals("0", ok[0], ok[2]);
        assertEquals("slept\n", ok[1]);
        assertTrue(ok[2].startsWith("toy: GIL timeline written to " + html), ok[2]);
        TimelineDocument doc = read(html);
        assertTrue(doc.process("MainProcess").lane("MainThread").total("blocked") >= 5 * MS, "the sleep is drawn blocked");
        assertTrue(Files.readString(html).contains("blocked (sleep)"), "with its reason");
        String[] bad = toy("--gil-trace=" + OUT.resolve("no-such-dir").resolve("x.html"), "-c", "pass");
        assertEquals("2", bad[0]);
        assertTrue(bad[2].startsWith("toy: cannot write the GIL timeline to "), bad[2]);
    }

    /** Runs the toy command in its own JVM: exit code, stdout, stderr. */
    private static String[] toy(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.toy.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("toy did not finish");
        }
        return new String[] {String.valueOf(p.exitValue()), out.get(), err.get()};
    }

    private static String drain(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- the pictures -----------------------------------------------------------------------------

    @Test
    void chromiumDrawsTheLanes() throws Exception {
        Optional<Chromium> chromium = Chromium.find();
        if (chromium.isEmpty()) {
            String why = "SKIPPED: the GIL timeline screenshot test needs Debian's chromium "
                    + "(apt-get install chromium; .ci/run installs it), which is not on this machine";
            System.err.println(why);
            Assumptions.abort(why);
        }
        Path threadsPng = OUT.resolve("threads.png");
        Path processesPng = OUT.resolve("processes.png");
        chromium.get().screenshot(threadsPage, threadsPng, TimelinePage.WIDTH + 40, windowHeight(threadsPage));
        chromium.get().screenshot(processesPage, processesPng, TimelinePage.WIDTH + 40, windowHeight(processesPage));

        Picture threads = new Picture(ImageIO.read(threadsPng.toFile()));
        List<int[]> lanes = threads.lanes();
        assertEquals(3, lanes.size(), "three lanes drawn (main and two threads): " + describe(lanes));
        for (int[] lane : lanes) assertTrue(lane[1] - lane[0] + 1 >= 15, "a lane is drawn about 22 px high: " + describe(lanes));
        assertTrue(threads.count(TimelinePage.BLOCKED_COLOUR, lanes.get(0)) >= 50, "main is drawn blocked in join");
        int[] t1 = lanes.get(1);
        int[] t2 = lanes.get(2);
        for (int[] t : List.of(t1, t2)) {
            // A few pixels suffice: on a loaded machine one thread may be kept off the CPU while it
            // holds the GIL, and the other's share of the picture shrinks.
            assertTrue(threads.count(TimelinePage.RUNNING_COLOUR, t) >= 8 && threads.count(TimelinePage.WAITING_COLOUR, t) >= 8,
                    "a spinning thread's lane shows it running and waiting for the GIL: running "
                            + threads.count(TimelinePage.RUNNING_COLOUR, t) + " px, waiting "
                            + threads.count(TimelinePage.WAITING_COLOUR, t) + " px");
        }
        int both = threads.sharedColumns(TimelinePage.RUNNING_COLOUR, t1, t2);
        int fewer = Math.min(threads.count(TimelinePage.RUNNING_COLOUR, t1), threads.count(TimelinePage.RUNNING_COLOUR, t2));
        assertTrue(both <= fewer / 4, "the threads take turns, so their green rarely shares a column: " + both + " of " + fewer);

        Picture processes = new Picture(ImageIO.read(processesPng.toFile()));
        List<int[]> plans = processes.lanes();
        assertEquals(3, plans.size(), "three lanes drawn (the parent and two children): " + describe(plans));
        assertTrue(processes.count(TimelinePage.BLOCKED_COLOUR, plans.get(0)) >= 100, "the parent is drawn blocked in join");
        int shared = processes.sharedColumns(TimelinePage.RUNNING_COLOUR, plans.get(1), plans.get(2));
        double columnsFor200ms = 0.2e9 * TimelinePage.PLOT_WIDTH / read(processesPage).span;
        assertTrue(shared >= columnsFor200ms, "the children's green overlaps for at least 0.2 s (" + (int) columnsFor200ms
                + " columns): they run at the same time; shared " + shared);
    }

    private static int windowHeight(Path page) throws Exception {
        TimelineDocument doc = read(page);
        int lanes = 0;
        for (TimelineDocument.Process p : doc.processes) lanes += p.lanes.size();
        int svg = TimelinePage.LEGEND_HEIGHT + doc.processes.size() * TimelinePage.HEADER_HEIGHT
                + lanes * (TimelinePage.LANE_HEIGHT + TimelinePage.LANE_GAP) + TimelinePage.AXIS_HEIGHT;
        return 100 + svg + 30 * (lanes + 1);
    }

    private static String describe(List<int[]> bands) {
        StringBuilder b = new StringBuilder();
        for (int[] x : bands) b.append('[').append(x[0]).append("..").append(x[1]).append(']');
        return b.toString();
    }

    /** A screenshot, searched for the timeline's exact colours. */
    private record Picture(BufferedImage image) {
        /** Pixels a row must have in the lane colours to be part of a lane (the legend's three swatches have 42). */
        private static final int LANE_MIN_WIDTH = 60;
        private static final List<String> STATES = List.of(TimelinePage.RUNNING_COLOUR, TimelinePage.WAITING_COLOUR,
                TimelinePage.BLOCKED_COLOUR);

        private boolean is(int x, int y, int rgb) {
            int p = image.getRGB(x, y);
            return Math.abs((p >> 16 & 255) - (rgb >> 16 & 255)) <= 3 && Math.abs((p >> 8 & 255) - (rgb >> 8 & 255)) <= 3
                    && Math.abs((p & 255) - (rgb & 255)) <= 3;
        }

        private static int rgb(String hex) { return Integer.parseInt(hex.substring(1), 16); }

        /** Runs of consecutive rows drawn in the state colours for at least LANE_MIN_WIDTH pixels: the lanes, top down. */
        List<int[]> lanes() {
            List<int[]> out = new ArrayList<>();
            int start = -1;
            for (int y = 0; y < image.getHeight(); y++) {
                int n = 0;
                for (int x = 0; x < image.getWidth(); x++) {
                    for (String c : STATES) {
                        if (is(x, y, rgb(c))) {
                            n++;
                            break;
                        }
                    }
                }
                if (n >= LANE_MIN_WIDTH && start < 0) start = y;
                if (n < LANE_MIN_WIDTH && start >= 0) {
                    out.add(new int[] {start, y - 1});
                    start = -1;
                }
            }
            if (start >= 0) out.add(new int[] {start, image.getHeight() - 1});
            return out;
        }

        /** Pixels of the colour in the middle row of a band. */
        int count(String colour, int[] band) { return columnsOf(colour, band).size(); }

        private List<Integer> columnsOf(String colour, int[] band) {
            int c = rgb(colour);
            int y = (band[0] + band[1]) / 2;
            List<Integer> xs = new ArrayList<>();
            for (int x = 0; x < image.getWidth(); x++) if (is(x, y, c)) xs.add(x);
            return xs;
        }

        /** Columns where both bands show the colour in their middle rows. */
        int sharedColumns(String colour, int[] a, int[] b) {
            List<Integer> xs = columnsOf(colour, a);
            xs.retainAll(new java.util.HashSet<>(columnsOf(colour, b)));
            return xs.size();
        }
    }
}
