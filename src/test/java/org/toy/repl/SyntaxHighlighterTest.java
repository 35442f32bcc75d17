package org.toy.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

/** Colours while typing, and coloured tracebacks. */
class SyntaxHighlighterTest {
    private static AttributedStyle styleOf(String text, String part) {
        AttributedString coloured = SyntaxHighlighter.highlight(text);
        assertEquals(text, coloured.toString()); // colouring never changes the text
        return coloured.styleAt(text.indexOf(part));
    }

    @Test
    void keywordsStringsNumbersAndComments() {
        String line = "if x in 'a#b': y = 0x1F + 2.5e-3  # done";
        assertEquals(Palette.KEYWORD, styleOf(line, "if"));
        assertEquals(Palette.KEYWORD, styleOf(line, "in"));
        assertEquals(AttributedStyle.DEFAULT, styleOf(line, "x"));
        assertEquals(Palette.STRING, styleOf(line, "a#b"));
        assertEquals(Palette.NUMBER, styleOf(line, "0x1F"));
        assertEquals(Palette.NUMBER, styleOf(line, "-3"));
        assertEquals(Palette.COMMENT, styleOf(line, "# done"));
    }

    @Test
    void prefixedAndTripleQuotedStrings() {
        assertEquals(Palette.STRING, styleOf("f'{x}'", "f'"));
        assertEquals(Palette.STRING, styleOf("rb\"\\d\"", "rb"));
        assertEquals(Palette.STRING, styleOf("s = '''one\ntwo'''", "two"));
        assertEquals(Palette.KEYWORD, styleOf("elif'x'", "elif")); // not a string with the prefix "f"
        assertEquals(Palette.STRING, styleOf("elif'x'", "'x'"));
    }

    @Test
    void unfinishedInputIsColouredToItsEnd() {
        assertEquals(Palette.STRING, styleOf("x = 'open", "open"));
        assertEquals(AttributedStyle.DEFAULT, styleOf("x = 'open\ny", "y"));
        assertEquals(Palette.STRING, styleOf("x = \"\"\"open\nstill", "still"));
    }

    @Test
    void tracebacksAreColouredOnlyWhenEnabled() {
        String report = "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n    x\n"
                + "NameError: name 'x' is not defined\n";
        assertEquals(report, new Palette(false).traceback(report));
        String coloured = new Palette(true).traceback(report);
        assertTrue(coloured.contains("\u001b["), coloured);
        assertEquals(report, AttributedString.fromAnsi(coloured).toString());
        assertFalse(coloured.startsWith("\u001b"), "the first line stays plain");
    }
}
