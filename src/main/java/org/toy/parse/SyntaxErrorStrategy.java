package org.toy.parse;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.toy.source.ToySyntaxError;

/**
 * The second-stage error strategy: no recovery, the first error becomes a {@link ToySyntaxError}
 * worded as CPython 3.11 words it. ANTLR funnels every kind of error (missing token, extra token,
 * no viable alternative) through the {@code report*} methods, so each one throws.
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {
    private final String file;
    private final IndentingLexer lexer;

    SyntaxErrorStrategy(String file, IndentingLexer lexer) {
        this.file = file;
        this.lexer = lexer;
    }

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        throw error(parser, e.getOffendingToken());
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        throw error(parser, e.getOffendingToken());
    }

    @Override
    protected void reportFailedPredicate(Parser parser, FailedPredicateException e) {
        throw error(parser, e.getOffendingToken());
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        throw error(parser, parser.getCurrentToken());
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        throw error(parser, parser.getCurrentToken());
    }

    private ToySyntaxError error(Parser parser, Token offending) {
        ToySyntaxError unclosed = lexer.unclosedBracketError(offending.getLine(), offending.getType() == Token.EOF);
        return unclosed != null ? unclosed : parserError(parser, offending);
    }

    private ToySyntaxError parserError(Parser parser, Token offending) {
        int type = offending.getType();
        if (type == ToyLexer.INDENT) {
            return at("IndentationError", "unexpected indent", offending);
        }
        IntervalSet expected = parser.getExpectedTokens();
        if (expected.contains(ToyLexer.INDENT)) {
            return at("IndentationError", "expected an indented block after " + blockOwner(parser.getContext()), offending);
        }
        if (type == ToyLexer.NEWLINE && expected.contains(ToyLexer.COLON)) {
            return at("SyntaxError", "expected ':'", offending);
        }
        if (type == ToyLexer.DEDENT) {
            return at("IndentationError", "unexpected unindent", offending);
        }
        return at("SyntaxError", "invalid syntax", offending);
    }

    /** "'if' statement on line 3", "function definition on line 1": what the missing block belongs to. */
    private static String blockOwner(ParserRuleContext ctx) {
        RuleContext owner = ctx instanceof ToyParser.BlockContext ? ctx.getParent() : ctx;
        String what;
        if (owner instanceof ToyParser.FuncdefContext) {
            what = "function definition";
        } else if (owner instanceof ToyParser.ClassdefContext) {
            what = "class definition";
        } else if (owner instanceof ToyParser.Elif_clauseContext) {
            what = "'elif' statement";
        } else if (owner instanceof ToyParser.Else_clauseContext) {
            what = "'else' statement";
        } else if (owner instanceof ToyParser.Except_clauseContext) {
            what = "'except' statement";
        } else if (owner instanceof ToyParser.Finally_clauseContext) {
            what = "'finally' statement";
        } else if (owner instanceof ParserRuleContext prc) {
            what = "'" + prc.getStart().getText() + "' statement";
        } else {
            what = "statement";
        }
        int line = owner instanceof ParserRuleContext prc ? prc.getStart().getLine() : 0;
        if (owner instanceof ToyParser.FuncdefContext f) line = f.getStart().getLine();
        return what + " on line " + line;
    }

    private ToySyntaxError at(String kind, String message, Token t) {
        int col = t.getCharPositionInLine();
        int end = t.getType() == Token.EOF || t.getType() == ToyLexer.NEWLINE
                ? col + 1 : (Spans.endLine(t) == t.getLine() ? Spans.endCol(t) : col + 1);
        return new ToySyntaxError(kind, message, file, t.getLine(), col, end);
    }
}
