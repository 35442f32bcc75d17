package org.toy.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.util.List;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What Tab offers for the word before the cursor. */
class NameCompleterTest {
    private Session session;
    private NameCompleter completer;

    @BeforeEach
    void setUp() {
        session = new Session(new PrintStream(new ByteArrayOutputStream()), new BufferedReader(new StringReader("")));
        completer = new NameCompleter(session);
        assertTrue(session.run("import math\nimport sys\ncounter = 1\ndef count_up(): pass\n_hidden = 2\n")
                instanceof Session.Outcome.Ran);
    }

    private List<String> values(String word) {
        return completer.candidates(word).stream().map(Candidate::value).toList();
    }

    @Test
    void globalsCallablesGetAnOpeningBracket() {
        assertEquals(List.of("count_up(", "counter"), values("cou"));
    }

    @Test
    void builtinsAndKeywords() {
        assertTrue(values("pri").contains("print("), values("pri").toString());
        assertEquals(List.of("while"), values("whi"));
        Candidate keyword = completer.candidates("whi").get(0);
        assertTrue(keyword.complete(), "a keyword is followed by a space");
        Candidate none = completer.candidates("Non").get(0);
        assertEquals("None", none.value());
        assertFalse(none.complete(), "None is a value: no space after it");
    }

    @Test
    void moduleMembersAfterADot() {
        List<String> found = values("math.fl");
        assertTrue(found.contains("math.floor("), found.toString());
        assertTrue(values("math.p").contains("math.pi"), values("math.p").toString());
        assertEquals("floor", completer.candidates("math.fl").get(0).displ()); // the menu shows the member alone
    }

    @Test
    void attributesOfAValueComeFromItsType() {
        List<String> found = values("sys.stdout.wr");
        assertTrue(found.contains("sys.stdout.write("), found.toString());
    }

    @Test
    void privateNamesOnlyOnceTheUnderscoreIsTyped() {
        assertFalse(values("math.").stream().anyMatch(v -> v.startsWith("math._")), values("math.").toString());
        assertTrue(values("_hid").contains("_hidden"), values("_hid").toString());
    }

    @Test
    void unknownOwnersNumbersAndEmptyWordsOfferNothing() {
        assertEquals(List.of(), values("nothing_here.x"));
        assertEquals(List.of(), values("1.2"));
        assertEquals(List.of(), values(""));
    }

    @Test
    void theWordIsTheDottedNameBeforeTheCursor() {
        assertEquals("math.fl", InputParser.DottedWord.before("print(math.fl", 13).word());
        assertEquals("x", InputParser.DottedWord.before("a = x + 1", 5).word());
        assertEquals("", InputParser.DottedWord.before("f(", 2).word());
    }
}
