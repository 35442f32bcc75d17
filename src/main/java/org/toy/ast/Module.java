package org.toy.ast;

import java.util.List;
import org.toy.source.Source;

/** A whole file (or a {@code -c} string, or one REPL entry) as a list of statements. */
public record Module(Source source, List<Stmt> body) {}
