package org.toy.gil.timeline;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A GIL timeline page read back with an XML parser, as a test sees it: the processes, their lanes
 * and segments (from the {@code class} and {@code data-*} attributes the page promises), the
 * switch lines and drop-request marks, and the summary table. Parsing at all proves the page is
 * well-formed.
 */
final class TimelineDocument {
    record Segment(String state, long start, long end) {
        long length() { return end - start; }
    }

    static final class Lane {
        String thread;
        final List<Segment> segments = new ArrayList<>();

        List<Segment> of(String state) { return segments.stream().filter(s -> s.state.equals(state)).toList(); }

        long total(String state) { return of(state).stream().mapToLong(Segment::length).sum(); }
    }

    static final class Process {
        String name;
        int switchAttribute;
        int switchLines;
        int dropRequests;
        final List<Lane> lanes = new ArrayList<>();

        /** The running segments of all lanes in time order, each with its lane's index. */
        List<long[]> runningInOrder() {
            List<long[]> runs = new ArrayList<>();
            for (int l = 0; l < lanes.size(); l++) {
                for (Segment s : lanes.get(l).of("running")) runs.add(new long[] {s.start, s.end, l});
            }
            runs.sort(Comparator.comparingLong(r -> r[0]));
            return runs;
        }

        /** How often consecutive running segments belong to different lanes: the GIL changed hands. */
        int alternations() {
            List<long[]> runs = runningInOrder();
            int n = 0;
            for (int i = 1; i < runs.size(); i++) if (runs.get(i)[2] != runs.get(i - 1)[2]) n++;
            return n;
        }

        /** Nanoseconds during which two lanes are both running (must be 0 under one GIL). */
        long overlappingRunning() {
            List<long[]> runs = runningInOrder();
            long overlap = 0;
            long reach = Long.MIN_VALUE;
            for (long[] r : runs) {
                if (r[0] < reach) overlap += Math.min(reach, r[1]) - r[0];
                reach = Math.max(reach, r[1]);
            }
            return overlap;
        }

        Lane lane(String thread) {
            return lanes.stream().filter(l -> l.thread.equals(thread) || l.thread.startsWith(thread + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no lane " + thread + " in " + name));
        }
    }

    final List<Process> processes = new ArrayList<>();
    int summaryRows;
    /** Nanoseconds the time axis spans (the plot's width). */
    long span;

    static TimelineDocument parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder b = f.newDocumentBuilder();
        Document doc = b.parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        TimelineDocument out = new TimelineDocument();
        out.span = Long.parseLong(((Element) doc.getElementsByTagName("svg").item(0)).getAttribute("data-span"));
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (!g.getAttribute("class").equals("process")) continue;
            Process p = new Process();
            p.name = g.getAttribute("data-name");
            p.switchAttribute = Integer.parseInt(g.getAttribute("data-switches"));
            NodeList children = g.getElementsByTagName("*");
            for (int j = 0; j < children.getLength(); j++) {
                Element e = (Element) children.item(j);
                String cls = e.getAttribute("class");
                if (e.getTagName().equals("g") && cls.equals("lane")) {
                    Lane lane = new Lane();
                    lane.thread = e.getAttribute("data-thread");
                    NodeList rects = e.getElementsByTagName("rect");
                    for (int k = 0; k < rects.getLength(); k++) {
                        Element r = (Element) rects.item(k);
                        String c = r.getAttribute("class");
                        if (!c.startsWith("seg ")) continue;
                        lane.segments.add(new Segment(c.substring(4), Long.parseLong(r.getAttribute("data-start")),
                                Long.parseLong(r.getAttribute("data-end"))));
                    }
                    p.lanes.add(lane);
                } else if (cls.equals("switch")) {
                    p.switchLines++;
                } else if (cls.equals("drop-request")) {
                    p.dropRequests++;
                }
            }
            out.processes.add(p);
        }
        NodeList tables = doc.getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++) {
            Element t = (Element) tables.item(i);
            if (t.getAttribute("class").equals("summary")) out.summaryRows = t.getElementsByTagName("tr").getLength() - 1;
        }
        return out;
    }

    Process process(String name) {
        return processes.stream().filter(p -> p.name.equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no process " + name));
    }
}
