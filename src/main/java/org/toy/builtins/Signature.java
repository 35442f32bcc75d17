package org.toy.builtins;

import org.toy.runtime.Errors;
import org.toy.runtime.ToyObject;

/**
 * Binds a built-in's arguments to named parameters, as CPython's Argument Clinic does
 * ({@code _PyArg_UnpackKeywords}), so the TypeErrors read exactly as CPython's.
 *
 * <p>The parameters are, in order: {@code positionalOnly} positional-only ones, then
 * positional-or-keyword ones up to {@code maxPositional}, then keyword-only ones. The first
 * {@code required} are required. {@link #bind} answers one slot per parameter, Java null when absent.
 */
public final class Signature {
    private final String fname;
    private final String[] names;
    private final int positionalOnly;
    private final int maxPositional;
    private final int required;

    public Signature(String fname, int positionalOnly, int maxPositional, int required, String... names) {
        this.fname = fname;
        this.names = names;
        this.positionalOnly = positionalOnly;
        this.maxPositional = maxPositional;
        this.required = required;
    }

    /** All parameters may be given by position or by name. */
    public static Signature of(String fname, int required, String... names) {
        return new Signature(fname, 0, names.length, required, names);
    }

    /** Binds {@code args[first ..]} (the last {@code kwNames.length} of them keyword values). */
    public ToyObject[] bind(ToyObject[] args, String[] kwNames, int first) {
        int nargs = args.length - kwNames.length - first;
        int total = nargs + kwNames.length;
        if (total > names.length) {
            throw Errors.typeError(fname + "() takes at most " + names.length + " " + (nargs == 0 ? "keyword " : "")
                    + "argument" + plural(names.length) + " (" + total + " given)");
        }
        if (nargs > maxPositional) {
            if (maxPositional == 0) throw Errors.typeError(fname + "() takes no positional arguments");
            throw Errors.typeError(fname + "() takes " + (required < maxPositional ? "at most" : "exactly") + " "
                    + maxPositional + " positional argument" + plural(maxPositional) + " (" + nargs + " given)");
        }
        int minPositional = Math.min(required, positionalOnly);
        if (nargs < minPositional) {
            throw Errors.typeError(fname + "() takes " + (minPositional < maxPositional ? "at least" : "exactly") + " "
                    + minPositional + " positional argument" + plural(minPositional) + " (" + nargs + " given)");
        }
        ToyObject[] bound = new ToyObject[names.length];
        System.arraycopy(args, first, bound, 0, nargs);
        int kwBase = args.length - kwNames.length;
        for (int k = 0; k < kwNames.length; k++) {
            int slot = indexOf(kwNames[k]);
            if (slot < 0) throw Errors.typeError("'" + kwNames[k] + "' is an invalid keyword argument for " + fname + "()");
            if (slot < nargs) {
                throw Errors.typeError("argument for " + fname + "() given by name ('" + kwNames[k] + "') and position ("
                        + (slot + 1) + ")");
            }
            bound[slot] = args[kwBase + k];
        }
        for (int i = 0; i < required; i++) {
            if (bound[i] == null) {
                throw Errors.typeError(fname + "() missing required argument '" + names[i] + "' (pos " + (i + 1) + ")");
            }
        }
        return bound;
    }

    /**
     * CPython's {@code _PyArg_CheckPositional} for functions without keywords: {@code filter expected 2
     * arguments, got 1}, {@code next expected at least 1 argument, got 0}. Answers {@code n}.
     */
    public static int positional(String fname, ToyObject[] args, String[] kwNames, int min, int max) {
        if (kwNames.length > 0) throw Errors.typeError(fname + "() takes no keyword arguments");
        int n = args.length;
        if (n < min || n > max) {
            String bound = min == max ? "" : n < min ? "at least " : "at most ";
            int expected = n < min ? min : max;
            throw Errors.typeError(fname + " expected " + bound + expected + " argument" + plural(expected) + ", got " + n);
        }
        return n;
    }

    private int indexOf(String kw) {
        for (int i = positionalOnly; i < names.length; i++) {
            if (names[i].equals(kw)) return i;
        }
        return -1;
    }

    private static String plural(int n) { return n == 1 ? "" : "s"; }
}
