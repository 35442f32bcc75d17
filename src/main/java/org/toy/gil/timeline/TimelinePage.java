package org.toy.gil.timeline;

import java.util.List;

/**
 * Draws a {@link Timeline} as one self-contained HTML page with an inline SVG: no script, no
 * external file, so it opens anywhere and diffs as text.
 *
 * <h2>Layout</h2>
 * A legend on top; then per process a header line and one lane per thread, its label on the
 * left; segments are rectangles coloured by {@link Timeline.State}; a switch is a dark line
 * from the lane that gave the GIL up to the lane that took it (dashed when the GIL was released
 * voluntarily, around a blocking call or at a thread's end); a drop request is a red triangle on
 * the waiter's lane. A time axis with units runs along the bottom, and every shape carries a
 * {@code <title>} that the browser shows on hover. Below the picture, a summary table.
 * <p>
 * The page is well-formed XML as well as HTML (every element closed, text escaped), and shapes
 * carry {@code class} and {@code data-*} attributes, so that tests can read it back with an XML
 * parser. Numbers are formatted by hand, always with a decimal point whatever the locale (a
 * comma would break the SVG), and fast, since a full trace has tens of thousands of segments.
 */
public final class TimelinePage {
    static final int LABEL_WIDTH = 240;
    static final int PLOT_WIDTH = 1000;
    static final int RIGHT_MARGIN = 30;
    static final int LANE_HEIGHT = 22;
    static final int LANE_GAP = 6;
    static final int HEADER_HEIGHT = 24;
    static final int LEGEND_HEIGHT = 34;
    static final int AXIS_HEIGHT = 40;
    public static final int WIDTH = LABEL_WIDTH + PLOT_WIDTH + RIGHT_MARGIN;

    /** The colours of the states, also what a screenshot test looks for. */
    public static final String RUNNING_COLOUR = "#2ca02c";
    public static final String WAITING_COLOUR = "#ff7f0e";
    public static final String BLOCKED_COLOUR = "#6baed6";
    static final String IDLE_COLOUR = "#eeeeee";
    static final String STARTUP_COLOUR = "#cbb8de";
    static final String SWITCH_COLOUR = "#222222";
    static final String DROP_COLOUR = "#d62728";

    private final Timeline timeline;
    private final String title;
    private final double intervalSeconds;
    private final StringBuilder out = new StringBuilder(1 << 16);
    private final long span;

    private TimelinePage(Timeline timeline, String title, double intervalSeconds) {
        this.timeline = timeline;
        this.title = title;
        this.intervalSeconds = intervalSeconds;
        this.span = Math.max(1, timeline.end());
    }

    /** The whole page; {@code title} names the program, {@code intervalSeconds} is the parent's switch interval. */
    public static String render(Timeline timeline, String title, double intervalSeconds) {
        return new TimelinePage(timeline, title, intervalSeconds).page();
    }

    /** The SVG's height for a timeline, for a screenshot's window size. */
    public static int svgHeight(Timeline timeline) {
        int h = LEGEND_HEIGHT;
        for (Timeline.Process p : timeline.processes()) h += HEADER_HEIGHT + p.lanes().size() * (LANE_HEIGHT + LANE_GAP);
        return h + AXIS_HEIGHT;
    }

    private String page() {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>GIL timeline: ")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body { font-family: sans-serif; margin: 12px; color: #222; }\n")
                .append("h1 { font-size: 18px; margin: 0 0 4px 0; }\n")
                .append("p.meta { font-size: 13px; margin: 0 0 8px 0; color: #555; }\n")
                .append("svg text { font-family: sans-serif; font-size: 12px; }\n")
                .append("table.summary { border-collapse: collapse; font-size: 13px; margin-top: 10px; }\n")
                .append("table.summary td, table.summary th { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }\n")
                .append("table.summary td.name, table.summary th.name { text-align: left; }\n")
                .append("</style>\n</head>\n<body>\n");
        out.append("<h1>GIL timeline: ").append(escape(title)).append("</h1>\n");
        out.append("<p class=\"meta\">switch interval ").append(num(intervalSeconds * 1e3)).append(" ms; ")
                .append(timeline.processes().size()).append(timeline.processes().size() == 1 ? " process" : " processes")
                .append(", traced for ").append(duration(timeline.end())).append(". Hover over a shape for details.</p>\n");
        svg();
        summary();
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    // ---- the picture ----------------------------------------------------------------------------

    private void svg() {
        int height = svgHeight(timeline);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" data-span=\"").append(span)
                .append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\">\n");
        legend();
        int y = LEGEND_HEIGHT;
        int plotTop = y;
        List<Timeline.Process> processes = timeline.processes();
        for (int p = 0; p < processes.size(); p++) y = process(p, processes.get(p), y);
        axis(plotTop, y);
        out.append("</svg>\n");
    }

    private void legend() {
        out.append("<g class=\"legend\">\n");
        int x = LABEL_WIDTH;
        x = swatch(x, RUNNING_COLOUR, Timeline.State.RUNNING);
        x = swatch(x, WAITING_COLOUR, Timeline.State.WAITING);
        x = swatch(x, BLOCKED_COLOUR, Timeline.State.BLOCKED);
        out.append("<rect x=\"").append(x).append("\" y=\"8\" width=\"14\" height=\"14\" fill=\"").append(IDLE_COLOUR)
                .append("\" stroke=\"#999\"/><text x=\"").append(x + 19).append("\" y=\"19\">not started / ended</text>\n");
        x += 150;
        out.append("<rect x=\"").append(x).append("\" y=\"8\" width=\"14\" height=\"14\" fill=\"").append(STARTUP_COLOUR)
                .append("\"/><text x=\"").append(x + 19).append("\" y=\"19\">child JVM start-up</text>\n");
        x += 140;
        out.append("<line x1=\"").append(x + 7).append("\" y1=\"6\" x2=\"").append(x + 7).append("\" y2=\"24\" stroke=\"")
                .append(SWITCH_COLOUR).append("\" stroke-width=\"1.5\"/><text x=\"").append(x + 17)
                .append("\" y=\"19\">switch</text>\n");
        x += 70;
        out.append("<path d=\"M").append(x + 2).append(",8 L").append(x + 12).append(",8 L").append(x + 7)
                .append(",16 Z\" fill=\"").append(DROP_COLOUR).append("\"/><text x=\"").append(x + 17)
                .append("\" y=\"19\">drop request</text>\n");
        out.append("</g>\n");
    }

    private int swatch(int x, String colour, Timeline.State state) {
        out.append("<rect class=\"swatch ").append(state.css).append("\" x=\"").append(x)
                .append("\" y=\"8\" width=\"14\" height=\"14\" fill=\"").append(colour).append("\"><title>")
                .append(escape(state.meaning)).append("</title></rect><text x=\"").append(x + 19).append("\" y=\"19\">")
                .append(state.css).append("</text>\n");
        return x + 110;
    }

    /** One process: its header, its lanes, its switches and drop requests; answers the next free y. */
    private int process(int index, Timeline.Process p, int y) {
        out.append("<g class=\"process\" data-process=\"").append(index).append("\" data-name=\"").append(escape(p.name()))
                .append("\" data-pid=\"").append(p.pid()).append("\" data-switches=\"").append(p.switches().size())
                .append("\">\n");
        out.append("<text class=\"process-name\" x=\"4\" y=\"").append(y + 16).append("\" font-weight=\"bold\">")
                .append(escape(p.name())).append(" (pid ").append(p.pid()).append(")</text>");
        out.append("<text x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 16).append("\" fill=\"#555\">")
                .append(p.switches().size()).append(" switches, ").append(p.dropRequests().size()).append(" drop requests")
                .append(p.lost() > 0 ? ", the first " + p.lost() + " events were lost (buffer full)" : "").append("</text>\n");
        y += HEADER_HEIGHT;
        int[] laneTop = new int[p.lanes().size()];
        for (int l = 0; l < p.lanes().size(); l++) {
            laneTop[l] = y;
            lane(p, l, y);
            y += LANE_HEIGHT + LANE_GAP;
        }
        for (Timeline.Switch s : p.switches()) switchLine(p, s, laneTop);
        for (Timeline.DropRequest d : p.dropRequests()) dropMark(p, d, laneTop[d.lane()]);
        out.append("</g>\n");
        return y;
    }

    private void lane(Timeline.Process p, int l, int y) {
        Timeline.Lane lane = p.lanes().get(l);
        out.append("<g class=\"lane\" data-lane=\"").append(l).append("\" data-thread=\"").append(escape(lane.thread()))
                .append("\" data-ident=\"").append(lane.ident()).append("\">\n");
        out.append("<text x=\"16\" y=\"").append(y + 15).append("\">").append(escape(ellipsis(lane.thread(), 30)))
                .append("</text>");
        out.append("<rect class=\"idle\" x=\"").append(num(x(0))).append("\" y=\"").append(y).append("\" width=\"")
                .append(num(x(timeline.end()) - x(0))).append("\" height=\"").append(LANE_HEIGHT).append("\" fill=\"")
                .append(IDLE_COLOUR).append("\"/>\n");
        if (l == 0 && p.launch() < p.start()) {
            out.append("<rect class=\"startup\" x=\"").append(num(x(p.launch()))).append("\" y=\"").append(y)
                    .append("\" width=\"").append(num(x(p.start()) - x(p.launch()))).append("\" height=\"").append(LANE_HEIGHT)
                    .append("\" fill=\"").append(STARTUP_COLOUR).append("\"><title>")
                    .append(escape(p.name() + ": the JVM starts and reads its orders, " + at(p.launch()) + " to "
                            + at(p.start()) + " (" + duration(p.start() - p.launch()) + ")"))
                    .append("</title></rect>\n");
        }
        for (Timeline.Segment s : lane.segments()) {
            double x0 = x(s.start());
            out.append("<rect class=\"seg ").append(s.state().css).append("\" data-start=\"").append(s.start())
                    .append("\" data-end=\"").append(s.end()).append("\" x=\"").append(num(x0)).append("\" y=\"")
                    .append(y).append("\" width=\"").append(num(x(s.end()) - x0)).append("\" height=\"").append(LANE_HEIGHT)
                    .append("\" fill=\"").append(colour(s.state())).append("\"><title>")
                    .append(escape(p.name() + " / " + lane.thread() + ": " + s.state().css
                            + (s.detail() != null ? " (" + s.detail() + ")" : "") + ", " + at(s.start()) + " to "
                            + at(s.end()) + " (" + duration(s.length()) + ")"))
                    .append("</title></rect>\n");
        }
        out.append("</g>\n");
    }

    private void switchLine(Timeline.Process p, Timeline.Switch s, int[] laneTop) {
        int a = laneTop[s.from()];
        int b = laneTop[s.to()];
        int y1 = Math.min(a, b) + LANE_HEIGHT / 2;
        int y2 = Math.max(a, b) + LANE_HEIGHT / 2;
        String x = num(x(s.at()));
        out.append("<line class=\"switch\" data-at=\"").append(s.at()).append("\" data-from=\"").append(s.from())
                .append("\" data-to=\"").append(s.to()).append("\" x1=\"").append(x).append("\" y1=\"").append(y1)
                .append("\" x2=\"").append(x).append("\" y2=\"").append(y2).append("\" stroke=\"").append(SWITCH_COLOUR)
                .append("\" stroke-width=\"1\"").append(s.forced() ? "" : " stroke-dasharray=\"3,2\"").append("><title>")
                .append(escape("switch at " + at(s.at()) + ": " + p.lanes().get(s.from()).thread() + " to "
                        + p.lanes().get(s.to()).thread() + (s.forced() ? ", forced by a drop request" : ", released voluntarily")))
                .append("</title></line>\n");
    }

    private void dropMark(Timeline.Process p, Timeline.DropRequest d, int top) {
        double x = x(d.at());
        out.append("<path class=\"drop-request\" data-at=\"").append(d.at()).append("\" d=\"M").append(num(x - 3.5))
                .append(',').append(top).append(" L").append(num(x + 3.5)).append(',').append(top).append(" L")
                .append(num(x)).append(',').append(top + 7).append(" Z\" fill=\"").append(DROP_COLOUR).append("\"><title>")
                .append(escape(p.lanes().get(d.lane()).thread() + " asks for the GIL at " + at(d.at())
                        + " (it waited one switch interval in vain)"))
                .append("</title></path>\n");
    }

    /** Ticks at a round step (1, 2 or 5 times a power of ten) with the unit that suits the span. */
    private void axis(int top, int bottom) {
        double unit = span < 2_000_000L ? 1e3 : span < 2_000_000_000L ? 1e6 : 1e9;
        String unitName = unit == 1e3 ? "µs" : unit == 1e6 ? "ms" : "s";
        double step = niceStep(span / unit / 10) * unit;
        out.append("<g class=\"axis\" data-unit=\"").append(unitName).append("\">\n");
        out.append("<line x1=\"").append(LABEL_WIDTH).append("\" y1=\"").append(bottom + 4).append("\" x2=\"")
                .append(LABEL_WIDTH + PLOT_WIDTH).append("\" y2=\"").append(bottom + 4).append("\" stroke=\"#444\"/>\n");
        for (int k = 0; k * step <= span + 1; k++) {
            String x = num(x((long) (k * step)));
            out.append("<line class=\"grid\" x1=\"").append(x).append("\" y1=\"").append(top).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(bottom + 8).append("\" stroke=\"#bbb\" stroke-width=\"0.5\"/>")
                    .append("<text class=\"tick\" x=\"").append(x).append("\" y=\"").append(bottom + 22)
                    .append("\" text-anchor=\"middle\">").append(num(k * step / unit)).append(' ').append(unitName)
                    .append("</text>\n");
        }
        out.append("<text x=\"").append(LABEL_WIDTH + PLOT_WIDTH / 2).append("\" y=\"").append(bottom + 36)
                .append("\" text-anchor=\"middle\" fill=\"#555\">time since the program began to run (").append(unitName)
                .append(")</text>\n</g>\n");
    }

    static double niceStep(double rough) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(rough, 1e-9))));
        double f = rough / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    // ---- the summary ----------------------------------------------------------------------------

    private void summary() {
        out.append("<table class=\"summary\">\n<tr><th class=\"name\">process</th><th class=\"name\">thread</th>")
                .append("<th>running ms</th><th>CPU ms</th><th>waiting ms</th><th>blocked ms</th><th>turns</th>")
                .append("<th>switches</th><th>drop requests</th></tr>\n");
        for (Timeline.Process p : timeline.processes()) {
            boolean first = true;
            for (Timeline.Lane lane : p.lanes()) {
                out.append("<tr><td class=\"name\">").append(first ? escape(p.name() + " (pid " + p.pid() + ")") : "")
                        .append("</td><td class=\"name\">").append(escape(lane.thread())).append("</td><td>")
                        .append(ms(lane.total(Timeline.State.RUNNING))).append("</td><td>")
                        .append(lane.cpuNanos() < 0 ? "-" : ms(lane.cpuNanos())).append("</td><td>")
                        .append(ms(lane.total(Timeline.State.WAITING))).append("</td><td>")
                        .append(ms(lane.total(Timeline.State.BLOCKED))).append("</td><td>").append(lane.turns())
                        .append("</td><td>").append(first ? String.valueOf(p.switches().size()) : "").append("</td><td>")
                        .append(first ? String.valueOf(p.dropRequests().size()) : "").append("</td></tr>\n");
                first = false;
            }
        }
        out.append("</table>\n<p class=\"meta\">Running is wall-clock time holding the GIL; CPU is the thread's CPU time. ")
                .append("When CPU is well below running, the operating system kept the thread off the CPU while it held ")
                .append("the GIL: other programs were competing for the machine.</p>\n");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private double x(long nanos) { return LABEL_WIDTH + (double) PLOT_WIDTH * nanos / span; }

    private static String colour(Timeline.State s) {
        return switch (s) {
            case RUNNING -> RUNNING_COLOUR;
            case WAITING -> WAITING_COLOUR;
            case BLOCKED -> BLOCKED_COLOUR;
        };
    }

    /** A coordinate with at most three decimals and no trailing zeros ("12.5", "7"); fast, as a page has many. */
    static String num(double v) {
        long m = Math.round(v * 1000);
        StringBuilder b = new StringBuilder(12);
        if (m < 0) {
            b.append('-');
            m = -m;
        }
        b.append(m / 1000);
        int frac = (int) (m % 1000);
        if (frac != 0) {
            b.append('.').append((char) ('0' + frac / 100));
            if (frac % 100 != 0) b.append((char) ('0' + frac / 10 % 10));
            if (frac % 10 != 0) b.append((char) ('0' + frac % 10));
        }
        return b.toString();
    }

    private static String ms(long nanos) { return fixed(nanos, 1_000_000L, 1); }

    private static String at(long nanos) { return fixed(nanos, 1_000_000L, 3) + " ms"; }

    static String duration(long nanos) {
        if (nanos < 1_000_000L) return fixed(nanos, 1_000L, 1) + " µs";
        if (nanos < 1_000_000_000L) return fixed(nanos, 1_000_000L, 3) + " ms";
        return fixed(nanos, 1_000_000_000L, 3) + " s";
    }

    /**
     * {@code nanos / unit} with exactly {@code decimals} decimals, rounded half up, as
     * {@code String.format("%.Nf")} would print it but without its cost: a page formats a few
     * numbers per segment, and a full trace has tens of thousands of segments.
     */
    static String fixed(long nanos, long unit, int decimals) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) scale *= 10;
        boolean negative = nanos < 0;
        long n = Math.abs(nanos);
        // Rounded in integers: nanos * scale / unit, half up.
        long scaled = (n / unit) * scale + ((n % unit) * scale * 2 + unit) / (2 * unit);
        StringBuilder b = new StringBuilder(16);
        if (negative && scaled != 0) b.append('-');
        b.append(scaled / scale);
        if (decimals > 0) {
            String frac = Long.toString(scaled % scale + scale).substring(1);
            b.append('.').append(frac);
        }
        return b.toString();
    }

    private static String ellipsis(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Text and attribute escaping for XML and HTML alike. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') b.append('?'); // not allowed in XML 1.0
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}
