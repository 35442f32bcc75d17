package org.toy.builtins;

import org.toy.runtime.Errors;
import org.toy.runtime.Strings;

/**
 * An {@code open()} mode string, validated as CPython's {@code _io.open} does: one of r/w/a/x,
 * optionally {@code +}, and {@code t} or {@code b}.
 */
record FileMode(String text, boolean reading, boolean writing, boolean appending, boolean creating,
                boolean updating, boolean binary) {

    static FileMode parse(String mode) {
        boolean r = false, w = false, a = false, x = false, plus = false, t = false, b = false;
        for (int i = 0; i < mode.length(); i++) {
            char c = mode.charAt(i);
            if ("rwaxt+b".indexOf(c) < 0 || mode.indexOf(c, i + 1) >= 0) throw invalid(mode);
            switch (c) {
                case 'r' -> r = true;
                case 'w' -> w = true;
                case 'a' -> a = true;
                case 'x' -> x = true;
                case '+' -> plus = true;
                case 't' -> t = true;
                default -> b = true;
            }
        }
        if (t && b) throw Errors.valueError("can't have text and binary mode at once");
        int kinds = (r ? 1 : 0) + (w ? 1 : 0) + (a ? 1 : 0) + (x ? 1 : 0);
        if (kinds > 1) throw Errors.valueError("must have exactly one of create/read/write/append mode");
        if (kinds == 0) {
            throw Errors.valueError("Must have exactly one of create/read/write/append mode and at most one plus");
        }
        return new FileMode(mode, r, w, a, x, plus, b);
    }

    private static RuntimeException invalid(String mode) {
        return Errors.valueError("invalid mode: " + Strings.repr(mode));
    }

    boolean canRead() { return reading || updating; }

    boolean canWrite() { return !reading || updating; }
}
