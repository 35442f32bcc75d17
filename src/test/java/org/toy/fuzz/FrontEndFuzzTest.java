package org.toy.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.toy.compile.Compiler;
import org.toy.parse.Parsing;
import org.toy.source.Source;
import org.toy.source.ToySyntaxError;

/**
 * Fuzz target: any source text → lexer, parser, scope pass and compiler ends in code or a
 * {@link ToySyntaxError} — never another exception, a hang or unbounded memory.
 *
 * <p>Plain {@code mvn verify} replays the saved inputs in
 * {@code src/test/resources/org/toy/fuzz/FrontEndFuzzTestInputs/parseAndCompile/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes (see {@code fuzz/run-campaign.sh}).
 */
class FrontEndFuzzTest {
    /** Generous: real inputs take milliseconds, but the fuzzing JVM is instrumented and shares 2 cores. */
    private static final long LIMIT_MS = 20_000;

    // Jazzer writes these into a libFuzzer dictionary without escaping: no quotes, backslashes or newlines.
    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"def ", "lambda ", "if ", "elif ", "else:", "while ", "for ", " in ", "try:", "except ",
        "finally:", "with ", " as ", "return", "yield", "class ", "global ", "nonlocal ", "import ", "from ",
        "async ", "await ", "del ", "pass", "break", "continue", "raise ", "assert ", "not ", " and ", " or ",
        " is ", "None", "True", "False", ":", "(", ")", "[", "]", "{", "}", "=", "==",
        ":=", "**", "//", "->", "...", "@", "*", "f'", "'''", "{x!r:>{w}}", "b'", "r'", "rb'",
        "0x", "0o", "0b", "1_0", "1e", "1j", ".5", "#", ";", ","})
    void parseAndCompile(byte[] input) throws Exception {
        String text = new String(input, StandardCharsets.UTF_8);
        Bounded.call(() -> {
            try {
                return Compiler.compile(Parsing.parse(new Source("<fuzz>", text)), false);
            } catch (ToySyntaxError expected) {
                return null;
            }
        }, LIMIT_MS, null);
    }
}
