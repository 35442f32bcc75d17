package org.toy.parse;

import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Text to ANTLR parse tree, in two stages: the fast SLL prediction mode with a bail-out strategy,
 * and only if that fails, full LL with {@link SyntaxErrorStrategy} to find and word the real error.
 * Valid programs never take the second stage. Nothing is ever printed: the default console
 * listeners are removed from both the lexer and the parser.
 */
final class ParseTrees {
    private ParseTrees() {}

    static ToyParser.File_inputContext file(String text, String file) {
        return parse(text, file, 1, 0, false, ToyParser::file_input);
    }

    /** An f-string replacement field's expression, lexed as if inside brackets, at its real position. */
    static ToyParser.Fstring_exprContext expression(String text, String file, int line, int col) {
        return parse(text, file, line, col, true, ToyParser::fstring_expr);
    }

    private static <T extends ParserRuleContext> T parse(String text, String file, int line, int col,
                                                         boolean expressionMode, Function<ToyParser, T> entry) {
        ToyLexer lexer = new ToyLexer(CharStreams.fromString(text, file));
        lexer.removeErrorListeners();
        lexer.setExpressionMode(expressionMode);
        lexer.setLine(line);
        lexer.setCharPositionInLine(col);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();      // tokenizer errors first, as CPython reports them before generic parser errors

        ToyParser parser = new ToyParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return entry.apply(parser);
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.setErrorHandler(new SyntaxErrorStrategy(file, lexer));
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return entry.apply(parser);
        }
    }
}
