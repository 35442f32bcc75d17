package org.toy.cli;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one run of a script printed and how it ended. */
record ScriptResult(String stdout, String stderr, int exit) {
    private static final Pattern FILE_LINE = Pattern.compile("File \"[^\"]*\", line (\\d+)");

    List<String> stdoutLines() { return stdout.lines().toList(); }

    /** The last non-empty line of stderr (an exception's "Type: message"). */
    String lastStderrLine() {
        List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** The line number of the innermost traceback entry (or of a syntax error), or -1. */
    int lastReportedLine() {
        Matcher m = FILE_LINE.matcher(stderr);
        int line = -1;
        while (m.find()) line = Integer.parseInt(m.group(1));
        return line;
    }

    String describe() {
        return "exit " + exit + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
    }
}
