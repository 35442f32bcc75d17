package org.toy.source;

import java.util.List;

/** The text of one program or module, with its name as tracebacks print it. */
public final class Source {
    private final String name;
    private final String text;
    private List<String> lines;

    public Source(String name, String text) {
        this.name = name;
        this.text = text;
    }

    public String name() { return name; }

    public String text() { return text; }

    /** The 1-based line {@code n} without its line ending, or "" when there is none. */
    public String line(int n) {
        if (lines == null) lines = text.lines().toList();
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
    }
}
