package org.toy.gil.timeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.toy.gil.Gil;
import org.toy.gil.GilTrace;

/**
 * One {@code --gil-trace} run from start to picture. The parent starts recording before the main
 * module runs and makes a scratch directory; every child process it starts is told that
 * directory (see {@code ToyProcess.start}), records its own GIL and writes its trace there when
 * it exits ({@link #startChild}). At the parent's exit {@link #finish} merges its own trace with
 * the children's on the shared epoch clock, renders the page and removes the directory.
 */
public final class TraceSession {
    private final Gil gil;
    private final GilTrace trace;
    private final Path html;

    private TraceSession(Gil gil, GilTrace trace, Path html) {
        this.gil = gil;
        this.trace = trace;
        this.html = html;
    }

    /** Starts recording the parent's GIL; the picture will go to {@code html}. */
    public static TraceSession start(Gil gil, Path html) throws IOException {
        Path children = Files.createTempDirectory("toy-gil-trace-");
        GilTrace trace = new GilTrace("MainProcess", GilTrace.DEFAULT_CAPACITY, children);
        gil.startTrace(trace);
        return new TraceSession(gil, trace, html);
    }

    /**
     * In a child process: records its GIL and, when the JVM exits (normally, by {@code sys.exit},
     * or on SIGTERM from {@code terminate()}), writes the trace into {@code dir} for the parent.
     */
    public static void startChild(Gil gil, String processName, Path dir) {
        GilTrace trace = new GilTrace(processName, GilTrace.DEFAULT_CAPACITY, dir);
        gil.startTrace(trace);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                TraceFiles.write(trace.snapshot(), dir);
            } catch (IOException e) {
                // the parent has gone and removed the directory; nobody wants the trace now
            }
        }, "toy-gil-trace-writer"));
    }

    /**
     * Stops using the recorder, merges the children's traces, writes the page and answers a
     * line for stderr that says where it went (or why it could not be written).
     */
    public String finish(String title) {
        ProcessTrace mine = trace.snapshot();
        List<String> problems = new ArrayList<>();
        List<ProcessTrace> all = new ArrayList<>();
        all.add(mine);
        all.addAll(TraceFiles.readAll(trace.childDirectory(), problems));
        TraceFiles.delete(trace.childDirectory());
        Timeline timeline = Timeline.of(all);
        String page = TimelinePage.render(timeline, title, gil.interval());
        try {
            Files.writeString(html, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "toy: cannot write the GIL timeline to " + html + ": " + e.getMessage();
        }
        int lanes = 0;
        for (Timeline.Process p : timeline.processes()) lanes += p.lanes().size();
        StringBuilder b = new StringBuilder("toy: GIL timeline written to ").append(html).append(" (")
                .append(timeline.processes().size()).append(timeline.processes().size() == 1 ? " process, " : " processes, ")
                .append(lanes).append(lanes == 1 ? " thread)" : " threads)");
        for (String p : problems) b.append("\ntoy: a child's GIL trace could not be read: ").append(p);
        return b.toString();
    }
}
