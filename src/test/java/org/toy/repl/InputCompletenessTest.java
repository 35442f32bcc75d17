package org.toy.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When Enter runs the input and when it opens a {@code ...} line, and how deep that line starts. */
class InputCompletenessTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            x = 1                          | run
            1 +                            | run
            x = )                          | run
            '':                            | run
            :dis f                         | run
            if x:                          | more 4
            if x: pass                     | more 0
            if x:\\n    y = 1              | more 4
            if x:\\n    y = 1\\n           | run
            if x:\\n    y = 1\\n    \\n    | run
            if x:\\n                       | run
            def f():\\n    return 1        | more 0
            def f():\\n    if a:\\n        pass | more 4
            class A:\\n    def f(self):    | more 8
            try:\\n    pass                | more 0
            @decorator                     | more 0
            x = [1,                        | more 0
            x = [1,\\n\\n                  | more 0
            "    f(a,"                     | run
            s = '''text                    | more 0
            y = 1 + \\\\                   | more 0
            for c in s:\\n  x = (1 2)      | run
            """)
    void verdicts(String input, String expected) {
        InputCompleteness.Verdict v = InputCompleteness.judge(input.replace("\\n", "\n").replace("\\\\", "\\"));
        assertEquals(expected, v.complete() ? "run" : "more " + v.nextIndent());
    }
}
