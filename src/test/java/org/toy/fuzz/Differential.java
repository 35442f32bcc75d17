package org.toy.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The differential target (a campaign, not a CI test): programs from {@link ProgramGenerator},
 * driven by seeded randomness, run by Toy in-process and by {@code python3} (through
 * {@code fuzz/pyrunner.py}, one long-lived process); stdout, the exit status and the uncaught
 * exception's type must agree. Each disagreement is written to {@code DIR/diff-SEED.py} with both
 * outcomes, and counted.
 *
 * <p>{@code java -cp … org.toy.fuzz.Differential FIRST_SEED SECONDS DIR}; prints the figures at the end.
 */
public final class Differential {
    private static final Pattern LAST_ERROR = Pattern.compile("(?m)^([A-Za-z_][A-Za-z0-9_.]*)(?::.*)?$");

    private Differential() {}

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        long seconds = Long.parseLong(args[1]);
        Path dir = Path.of(args[2]);
        Files.createDirectories(dir);
        Process py = new ProcessBuilder("python3", "-X", "utf8", "fuzz/pyrunner.py")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        OutputStream toPy = py.getOutputStream();
        BufferedReader fromPy = new BufferedReader(new InputStreamReader(py.getInputStream(), StandardCharsets.UTF_8));
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        java.util.TreeMap<String, Integer> pyExceptions = new java.util.TreeMap<>();
        java.util.HashMap<String, Integer> pyMessages = new java.util.HashMap<>();
        long floatUlps = 0;
        long runs = 0, mismatches = 0, messageOnly = 0, toyErrors = 0, budget = 0;
        while (System.nanoTime() < end) {
            long s = seed + runs;
            Random random = new Random(s);
            String code = ProgramGenerator.generate(random::nextInt, 30);
            runs++;
            Bounded.Outcome toy;
            String problem = null;
            try {
                toy = Bounded.runProgram(code, 20_000);
                ProgramFuzzTest.check(code, toy);
            } catch (Throwable t) {
                toy = new Bounded.Outcome(-1, "", String.valueOf(t));
                problem = "toy: " + t.getClass().getSimpleName();
            }
            byte[] bytes = code.getBytes(StandardCharsets.UTF_8);
            toPy.write((bytes.length + "\n").getBytes(StandardCharsets.US_ASCII));
            toPy.write(bytes);
            toPy.flush();
            String line = fromPy.readLine();
            if (line == null) throw new IOException("python3 runner died");
            PyOutcome cp = PyOutcome.parse(line);
            String toyExc = toy.exit() == 1 ? lastErrorType(toy.err()) : null;
            if (toy.exit() == 3) budget++;
            if (toyExc != null) toyErrors++;
            if (cp.exc != null) pyExceptions.merge(cp.exc, 1, Integer::sum);
            if (cp.exc != null) pyMessages.merge(cp.exc + ": " + cp.msg.replaceAll("\\d+", "N"), 1, Integer::sum);
            if (problem == null) {
                if (!toy.out().equals(cp.out) && sameUpToUlps(toy.out(), cp.out)) floatUlps++;
                else if (!toy.out().equals(cp.out)) problem = "stdout differs";
                else if (toy.exit() != cp.exit) problem = "exit " + toy.exit() + " vs " + cp.exit;
                else if (toyExc != null && !toyExc.equals(cp.exc)) problem = "exception " + toyExc + " vs " + cp.exc;
                else if (toyExc != null && !lastErrorLine(toy.err()).equals(cp.exc + (cp.msg.isEmpty() ? "" : ": " + cp.msg))) {
                    messageOnly++;
                }
            }
            String keep = System.getenv("DIFF_KEEP"); // also keep programs that CPython ends with this exception
            if (problem == null && keep != null && keep.equals(cp.exc)) {
                Files.writeString(dir.resolve("kept-" + s + ".py"), code + "\n# " + cp.exc + ": " + cp.msg + "\n");
            }
            if (problem != null) {
                mismatches++;
                Files.writeString(dir.resolve("diff-" + s + ".py"), code + "\n# " + problem
                        + "\n# --- toy exit " + toy.exit() + "\n" + comment(toy.out()) + "# --- toy stderr\n" + comment(toy.err())
                        + "# --- python3 exit " + cp.exit + " " + cp.exc + ": " + cp.msg + "\n" + comment(cp.out));
                System.out.println("seed " + s + ": " + problem);
            }
        }
        toPy.close();
        py.waitFor();
        System.out.printf("differential: %d programs, %d mismatches, %d with another exception message only,"
                + " %d ended by an exception, %d by the step budget%n", runs, mismatches, messageOnly, toyErrors, budget);
        System.out.println("  and " + floatUlps + " whose output differed only in the last bits of a float (libm pow)");
        System.out.println("python3's uncaught exceptions: " + pyExceptions);
        System.out.println("the commonest: ");
        pyMessages.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(15)
                .forEach(e -> System.out.println("  " + e.getValue() + " " + e.getKey()));
    }

    private static final Pattern FLOAT = Pattern.compile("-?\\d+\\.\\d+(?:e[+-]\\d+)?|-?\\d+e[+-]\\d+");

    /**
     * Whether two outputs differ only in floats a couple of units in the last place apart. CPython's
     * {@code **} on floats is the C library's pow, which is not always correctly rounded (glibc gives
     * 17116636356.563536 ** 2 == 2.9297924016283265e+20, one ulp above the exact product); Java's
     * pow differs there, and no portable rule says which last bit is right. Such runs are counted,
     * not reported.
     */
    static boolean sameUpToUlps(String a, String b) {
        Matcher x = FLOAT.matcher(a), y = FLOAT.matcher(b);
        if (!x.replaceAll("F").equals(y.replaceAll("F"))) return false;
        x.reset();
        y.reset();
        while (x.find() && y.find()) {
            double p = Double.parseDouble(x.group()), q = Double.parseDouble(y.group());
            if (p != q && Math.abs(p - q) > 2 * Math.ulp(Math.max(Math.abs(p), Math.abs(q)))) return false;
        }
        return true;
    }

    private static String comment(String text) {
        StringBuilder b = new StringBuilder();
        for (String l : text.split("\n", -1)) b.append("# ").append(l).append('\n');
        return b.toString();
    }

    /** The exception line of the last traceback: its first unindented line (a message may span lines). */
    private static String lastErrorLine(String err) {
        int at = err.lastIndexOf("Traceback (most recent call last):\n");
        List<String> lines = err.substring(Math.max(0, at)).lines().skip(at >= 0 ? 1 : 0).toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith(" ")) return String.join("\n", lines.subList(i, lines.size())).strip();
        }
        return "";
    }

    private static String lastErrorType(String err) {
        Matcher m = LAST_ERROR.matcher(lastErrorLine(err).lines().findFirst().orElse(""));
        return m.matches() ? m.group(1) : "?";
    }

    /** One result line of pyrunner.py; a tiny reader for its flat JSON object. */
    record PyOutcome(String out, int exit, String exc, String msg) {
        static PyOutcome parse(String json) {
            return new PyOutcome(str(json, "out"), Integer.parseInt(raw(json, "exit")), str(json, "exc"), str(json, "msg"));
        }

        private static String raw(String json, String key) {
            int i = json.indexOf("\"" + key + "\": ") + key.length() + 4;
            int j = i;
            while (j < json.length() && json.charAt(j) != ',' && json.charAt(j) != '}') j++;
            return json.substring(i, j);
        }

        private static String str(String json, String key) {
            int i = json.indexOf("\"" + key + "\": ") + key.length() + 4;
            if (json.startsWith("null", i)) return null;
            StringBuilder b = new StringBuilder();
            for (int j = i + 1; ; j++) {
                char c = json.charAt(j);
                if (c == '"') return b.toString();
                if (c != '\\') { b.append(c); continue; }
                char e = json.charAt(++j);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> { b.append((char) Integer.parseInt(json.substring(j + 1, j + 5), 16)); j += 4; }
                    default -> b.append(e);
                }
            }
        }
    }
}
