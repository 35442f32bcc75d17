package org.toy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;
import org.toy.source.ToySyntaxError;

class IndentingLexerTest {
    /** The token stream as symbolic names, with NAME and NUMBER showing their text. */
    private static String tokens(String text) {
        ToyLexer lexer = new ToyLexer(CharStreams.fromString(text, "t.py"));
        lexer.removeErrorListeners();
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            String name = ToyLexer.VOCABULARY.getSymbolicName(t.getType());
            out.add(t.getType() == ToyLexer.NAME || t.getType() == ToyLexer.NUMBER ? t.getText() : name);
        }
        return String.join(" ", out);
    }

    private static ToySyntaxError error(String text) {
        return assertThrows(ToySyntaxError.class, () -> tokens(text));
    }

    @Test
    void nestedBlocksGiveIndentAndDedent() {
        assertEquals("IF x COLON NEWLINE INDENT IF y COLON NEWLINE INDENT a NEWLINE DEDENT b NEWLINE DEDENT c NEWLINE",
                tokens("if x:\n    if y:\n        a\n    b\nc\n"));
    }

    @Test
    void allBlocksCloseAtEndOfInput() {
        assertEquals("IF x COLON NEWLINE INDENT IF y COLON NEWLINE INDENT a NEWLINE DEDENT DEDENT",
                tokens("if x:\n  if y:\n    a\n"));
    }

    @Test
    void lineBreaksInsideBracketsVanish() {
        assertEquals("x ASSIGN LBRACK 1 COMMA 2 COMMA LPAREN 3 RPAREN RBRACK NEWLINE y NEWLINE",
                tokens("x = [1,\n        2,\n  (3\n)]\ny\n"));
    }

    @Test
    void blankAndCommentLinesVanish() {
        assertEquals("a NEWLINE IF b COLON NEWLINE INDENT c NEWLINE DEDENT d NEWLINE",
                tokens("\n# head\na  # tail\n\n   \nif b:\n\n      # odd comment\n    c\n\n# x\nd\n"));
    }

    @Test
    void backslashJoinsLines() {
        assertEquals("x ASSIGN 1 PLUS 2 NEWLINE", tokens("x = 1 + \\\n      2\n"));
    }

    @Test
    void missingFinalLineBreakStillEndsTheLine() {
        assertEquals("IF x COLON NEWLINE INDENT y NEWLINE DEDENT", tokens("if x:\n    y"));
        assertEquals("x NEWLINE", tokens("x"));
        assertEquals("", tokens(""));
        assertEquals("", tokens("\n\n# only a comment"));
    }

    @Test
    void tabsAdvanceToTheNextMultipleOfEight() {
        // A tab and eight spaces are the same width only if every line agrees on how it is made.
        assertEquals("IF x COLON NEWLINE INDENT a NEWLINE b NEWLINE DEDENT",
                tokens("if x:\n\ta\n\tb\n"));
        assertEquals("TabError", error("if x:\n\ta\n        b\n").kind());
    }

    @Test
    void newlineSitsAtTheEndOfTheLastLineWithContent() {
        ToyLexer lexer = new ToyLexer(CharStreams.fromString("if x\n\n  \n", "t.py"));
        Token t;
        do {
            t = lexer.nextToken();
        } while (t.getType() != ToyLexer.NEWLINE);
        assertEquals(1, t.getLine());
        assertEquals(4, t.getCharPositionInLine());
    }

    @Test
    void dedentToAnUnknownLevelIsAnIndentationError() {
        ToySyntaxError e = error("if x:\n    y=1\n  z=2\n");
        assertEquals("IndentationError", e.kind());
        assertEquals("unindent does not match any outer indentation level", e.getMessage());
        assertEquals(3, e.line());
        assertEquals(5, e.col());
    }

    @Test
    void bracketErrors() {
        assertEquals("unmatched ')'", error("x = 1)\n").getMessage());
        assertEquals("closing parenthesis ']' does not match opening parenthesis '('", error("(1]\n").getMessage());
        assertEquals("closing parenthesis ']' does not match opening parenthesis '(' on line 1",
                error("(1,\n2]\n").getMessage());
        ToySyntaxError deep = error("(".repeat(300) + ")".repeat(300));
        assertEquals("too many nested parentheses", deep.getMessage());
        assertEquals(200, deep.col());
    }

    @Test
    void strayCharacters() {
        assertEquals("invalid non-printable character U+0001", error("x = \u0001\n").getMessage());
        assertEquals("invalid character '€' (U+20AC)", error("x = €\n").getMessage());
        assertEquals("x ASSIGN ERROR_CHAR NEWLINE", tokens("x = $\n"));   // the parser reports '$'
    }

    @Test
    void unterminatedStrings() {
        assertEquals("unterminated string literal (detected at line 2)", error("x = 1\ny = 'abc\n").getMessage());
        assertEquals("unterminated triple-quoted string literal (detected at line 3)",
                error("x = '''abc\n\ndef").getMessage());
    }

    @Test
    void stringTokens() {
        assertEquals("STRING STRING STRING STRING NEWLINE", tokens("'a' \"b\" '''c\n''' rb'\\''\n"));
        assertEquals("STRING NEWLINE", tokens("'''a''b\"'''\n"));
    }

    @Test
    void numbers() {
        assertEquals("1_000 0x1F 0o17 0b101 1e-3 .5 5. 1_0.5e1_0 NEWLINE", tokens("1_000 0x1F 0o17 0b101 1e-3 .5 5. 1_0.5e1_0"));
    }
}
