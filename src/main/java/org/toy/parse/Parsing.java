package org.toy.parse;

import org.toy.ast.Module;
import org.toy.source.Source;
import org.toy.source.ToySyntaxError;

/** The front end's facade: source text in, syntax tree out, or a {@link ToySyntaxError}. */
public final class Parsing {
    private Parsing() {}

    public static Module parse(Source source) {
        throw new ToySyntaxError("SyntaxError", "parser not yet written", source.name(), 1, 0, 1);
    }
}
