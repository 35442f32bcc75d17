package org.toy.runtime;

/**
 * Argument checking for built-in functions and methods, with CPython's messages. Counts exclude
 * {@code self}: methods pass {@code first = 1}. Positional arguments are
 * {@code args[first .. args.length - kwNames.length)}.
 */
public final class Args {
    private Args() {}

    /** The number of positional arguments after {@code first}. */
    public static int positional(ToyObject[] args, String[] kwNames, int first) {
        return args.length - kwNames.length - first;
    }

    public static void noKeywords(String fname, String[] kwNames) {
        if (kwNames.length > 0) throw Errors.typeError(fname + "() takes no keyword arguments");
    }

    /** METH_NOARGS: {@code upper() takes no arguments (1 given)}. */
    public static void none(String fname, ToyObject[] args, String[] kwNames, int first) {
        noKeywords(fname, kwNames);
        int n = positional(args, kwNames, first);
        if (n != 0) throw Errors.typeError(fname + "() takes no arguments (" + n + " given)");
    }

    /** METH_O: {@code len() takes exactly one argument (2 given)}. */
    public static void one(String fname, ToyObject[] args, String[] kwNames, int first) {
        noKeywords(fname, kwNames);
        int n = positional(args, kwNames, first);
        if (n != 1) throw Errors.typeError(fname + "() takes exactly one argument (" + n + " given)");
    }

    /** Argument Clinic's range check: {@code pop expected at most 1 argument, got 2}. */
    public static int range(String fname, ToyObject[] args, String[] kwNames, int first, int min, int max) {
        noKeywords(fname, kwNames);
        int n = positional(args, kwNames, first);
        if (n < min) {
            throw Errors.typeError(fname + " expected at least " + min + " argument" + (min == 1 ? "" : "s")
                    + ", got " + n);
        }
        if (n > max) {
            throw Errors.typeError(fname + " expected at most " + max + " argument" + (max == 1 ? "" : "s")
                    + ", got " + n);
        }
        return n;
    }

    /** The keyword argument {@code name}, or {@code dflt} when it was not given. */
    public static ToyObject keyword(ToyObject[] args, String[] kwNames, String name, ToyObject dflt) {
        int base = args.length - kwNames.length;
        for (int i = 0; i < kwNames.length; i++) {
            if (kwNames[i].equals(name)) return args[base + i];
        }
        return dflt;
    }

    /** Refuses keyword names outside {@code allowed}: {@code 'x' is an invalid keyword argument for f()}. */
    public static void onlyKeywords(String fname, String[] kwNames, String... allowed) {
        outer:
        for (String k : kwNames) {
            for (String a : allowed) if (a.equals(k)) continue outer;
            throw Errors.typeError("'" + k + "' is an invalid keyword argument for " + fname + "()");
        }
    }

    /** An int argument as a Java long, with CPython's errors for other types and huge values. */
    public static long toLong(ToyObject o) {
        ToyInt i = o.index();
        if (!i.isSmall()) throw Errors.overflow("Python int too large to convert to C ssize_t");
        return i.value;
    }

    /** An int argument as a Java int. */
    public static int toInt(ToyObject o) {
        long v = toLong(o);
        if (v != (int) v) throw Errors.overflow("Python int too large to convert to C ssize_t");
        return (int) v;
    }

    /**
     * Binds positional and keyword arguments to the parameter {@code names} (after {@code first}
     * leading arguments such as self), as Argument Clinic does for simple signatures. Missing
     * optional parameters are Java null; the first {@code required} parameters must be given.
     */
    public static ToyObject[] bind(String fname, ToyObject[] args, String[] kwNames, int first, int required,
            String... names) {
        ToyObject[] bound = new ToyObject[names.length];
        int n = positional(args, kwNames, first);
        if (n > names.length) {
            throw Errors.typeError(fname + "() takes at most " + names.length + " argument"
                    + (names.length == 1 ? "" : "s") + " (" + n + " given)");
        }
        System.arraycopy(args, first, bound, 0, n);
        int base = args.length - kwNames.length;
        for (int k = 0; k < kwNames.length; k++) {
            int slot = -1;
            for (int i = 0; i < names.length; i++) if (names[i].equals(kwNames[k])) slot = i;
            if (slot < 0) throw Errors.typeError("'" + kwNames[k] + "' is an invalid keyword argument for " + fname + "()");
            if (bound[slot] != null) {
                throw Errors.typeError("argument for " + fname + "() given by name ('" + kwNames[k]
                        + "') and position (" + (slot + 1) + ")");
            }
            bound[slot] = args[base + k];
        }
        for (int i = 0; i < required; i++) {
            if (bound[i] == null) {
                throw Errors.typeError(fname + "() missing required argument '" + names[i] + "' (pos " + (i + 1) + ")");
            }
        }
        return bound;
    }

    /** A str argument: {@code must be str, not int} otherwise (CPython's Argument Clinic wording). */
    public static String str(String fname, ToyObject o) {
        if (o instanceof ToyStr s) return s.value;
        throw Errors.typeError(fname + "() argument must be str, not " + o.type().name());
    }
}
