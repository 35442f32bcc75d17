package org.toy.repl;

import java.util.Set;

/** Python 3.11's keywords, which Toy reserves too: for completion and highlighting. */
final class Keywords {
    private Keywords() {}

    static final Set<String> ALL = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
            "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
            "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

    /** Keywords that are values: completing one should not add a space, since {@code .} or {@code )} may follow. */
    static final Set<String> VALUES = Set.of("False", "None", "True");
}
