package org.toy.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target: generated valid programs ({@link ProgramGenerator}) → the VM, in-process as
 * {@code toy -c} runs them. Any outcome is normal output (exit 0), a Toy exception (a traceback on
 * stderr, exit 1) or the generator's step budget running out ({@code SystemExit(3)}); "toy:
 * internal error", a Java name or stack trace on stderr, a Java exception escaping or a hang are
 * findings.
 */
class ProgramFuzzTest {
    private static final long LIMIT_MS = 20_000;

    @FuzzTest(maxDuration = "60s")
    void runGeneratedProgram(FuzzedDataProvider data) throws Exception {
        String code = ProgramGenerator.generate(n -> data.consumeInt(0, n - 1), 40);
        check(code, Bounded.runProgram(code, LIMIT_MS));
    }

    /** A compile-time warning, as CPython prints it for {@code -c} code ({@code "is" with a literal}). */
    private static final java.util.regex.Pattern WARNING =
            java.util.regex.Pattern.compile("(?m)^<fuzz>:\\d+: SyntaxWarning: .*\n(?:  (?!File ).*\n)?");

    static void check(String code, Bounded.Outcome r) {
        String err = WARNING.matcher(r.err()).replaceAll("");
        boolean ok = switch (r.exit()) {
            case 0, 3 -> err.isEmpty();
            case 1 -> err.startsWith("Traceback (most recent call last):\n");
            default -> false;
        };
        if (!ok || err.contains("internal error") || err.contains("java.") || err.contains("\tat ")) {
            throw new AssertionError("exit " + r.exit() + "\n--- program\n" + code + "--- stderr\n" + r.err());
        }
    }
}
