package org.toy.ast;

import java.util.List;

/**
 * A parameter list: {@code def f(a, b=1, *args, c, d=2, **kwargs)}.
 * {@code positional} are a, b; {@code varargs} "args" (or null); {@code kwOnly} c, d; {@code kwargs} "kwargs" (or null).
 * A bare {@code *} gives kwOnly parameters with a null varargs.
 */
public record Params(List<Param> positional, String varargs, List<Param> kwOnly, String kwargs) {
    public static final Params EMPTY = new Params(List.of(), null, List.of(), null);

    /** One named parameter; default is null when it has none. */
    public record Param(org.toy.source.Span span, String name, Expr defaultValue) {}
}
