package org.toy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expectations written as comments in a script test (clox's and Wren's convention; see
 * src/test/toy/README.md). Every test file is also a valid Python program.
 */
record ScriptExpectations(List<String> stdout, String error, int errorLine, String syntaxError, int syntaxLine,
                          Integer exit, List<String> stdin, String skip, boolean nontest, String oracleOff) {

    private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s?(.*)$");
    private static final Pattern ERROR = Pattern.compile("#\\s*expect error:\\s*(.*)$");
    private static final Pattern SYNTAX = Pattern.compile("#\\s*expect syntax error(?: line (\\d+))?:\\s*(.*)$");
    private static final Pattern EXIT = Pattern.compile("#\\s*exit:\\s*(-?\\d+)");
    private static final Pattern STDIN = Pattern.compile("#\\s*stdin:\\s?(.*)$");
    private static final Pattern SKIP = Pattern.compile("#\\s*skip:\\s*(.*)$");
    private static final Pattern ORACLE_OFF = Pattern.compile("#\\s*oracle:\\s*off\\b\\s*(.*)$");

    static ScriptExpectations read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> stdout = new ArrayList<>();
        List<String> stdin = new ArrayList<>();
        String error = null;
        int errorLine = 0;
        String syntax = null;
        int syntaxLine = 0;
        Integer exit = null;
        String skip = null;
        String oracleOff = null;
        boolean nontest = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m;
            if ((m = EXPECT.matcher(line)).find()) stdout.add(m.group(1));
            if ((m = ERROR.matcher(line)).find()) {
                error = m.group(1).strip();
                errorLine = i + 1;
            }
            if ((m = SYNTAX.matcher(line)).find()) {
                syntax = m.group(2).strip();
                syntaxLine = m.group(1) != null ? Integer.parseInt(m.group(1)) : i + 1;
            }
            if ((m = EXIT.matcher(line)).find()) exit = Integer.parseInt(m.group(1));
            if ((m = STDIN.matcher(line)).find()) stdin.add(m.group(1));
            if ((m = SKIP.matcher(line)).find()) skip = m.group(1);
            if ((m = ORACLE_OFF.matcher(line)).find()) oracleOff = m.group(1).isEmpty() ? "off" : m.group(1);
            if (line.strip().startsWith("# nontest")) nontest = true;
        }
        return new ScriptExpectations(stdout, error, errorLine, syntax, syntaxLine, exit, stdin, skip, nontest,
                oracleOff);
    }

    int expectedExit() {
        if (exit != null) return exit;
        return error != null || syntaxError != null ? 1 : 0;
    }

    String stdinText() {
        return stdin.isEmpty() ? "" : String.join("\n", stdin) + "\n";
    }
}
