package org.toy.parse;

import java.util.concurrent.atomic.AtomicReference;
import org.toy.ast.Module;
import org.toy.source.Source;
import org.toy.source.ToySyntaxError;

/**
 * The front end's facade: source text in, syntax tree out, or a {@link ToySyntaxError}.
 *
 * <p>The path is {@link ToyLexer} (layout by {@link IndentingLexer}) → {@link ParseTrees} (two-stage
 * ANTLR parse) → {@link AstBuilder} (with {@link FStringParser}, {@link Literals} and {@link Targets}).
 * Recursive descent needs stack in proportion to nesting. Brackets are capped at 200 levels by the
 * lexer, as in CPython, but a chain such as {@code - - - ... 1} is not; so if the caller's stack
 * runs out, the parse is retried once on a thread with a large stack instead of failing.
 */
public final class Parsing {
    /** Enough for about a hundred thousand nested unary operators; reserved, not committed, memory. */
    private static final long DEEP_STACK_BYTES = 1L << 30;

    private Parsing() {}

    public static Module parse(Source source) {
        try {
            return parseHere(source);
        } catch (StackOverflowError tooDeep) {
            return parseOnDeepStack(source);
        }
    }

    private static Module parseHere(Source source) {
        ToyParser.File_inputContext tree = ParseTrees.file(source.text(), source.name());
        return new AstBuilder(source.name()).module(source, tree);
    }

    private static Module parseOnDeepStack(Source source) {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                outcome.set(parseHere(source));
            } catch (StackOverflowError e) {
                outcome.set(new ToySyntaxError("SyntaxError", "too many nested expressions", source.name(), 1, 0, 1));
            } catch (RuntimeException e) {
                outcome.set(e);
            }
        }, "toy-deep-parse", DEEP_STACK_BYTES);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing", e);
        }
        Object result = outcome.get();
        if (result instanceof RuntimeException e) throw e;
        return (Module) result;
    }
}
