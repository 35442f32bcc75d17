package org.toy.threads;

import java.util.ArrayList;
import java.util.List;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyObject;

/**
 * Binds the arguments of the thread library's functions with the messages of the Python code
 * they stand for ({@code threading.py}, {@code queue.py}): {@code Thread.__init__() got an
 * unexpected keyword argument 'x'}. {@code selfCount} is 1 for methods (counts include self);
 * parameters from {@code keywordOnly} on cannot be given by position.
 */
final class Params {
    private final String fname;
    private final int selfCount;
    private final int required;
    private final int keywordOnly;
    private final String[] names;

    Params(String fname, int selfCount, int required, int keywordOnly, String... names) {
        this.fname = fname;
        this.selfCount = selfCount;
        this.required = required;
        this.keywordOnly = keywordOnly;
        this.names = names;
    }

    static Params of(String fname, int selfCount, int required, String... names) {
        return new Params(fname, selfCount, required, names.length, names);
    }

    /** One slot per parameter, Java null when not given; {@code args[first..]} are the arguments. */
    ToyObject[] bind(ToyObject[] args, String[] kwNames, int first) {
        int nargs = args.length - kwNames.length - first;
        if (nargs > keywordOnly) {
            int max = keywordOnly + selfCount;
            String takes = required == keywordOnly ? max + " positional argument" + (max == 1 ? "" : "s")
                    : "from " + (required + selfCount) + " to " + max + " positional arguments";
            int given = nargs + selfCount;
            throw Errors.typeError(fname + "() takes " + takes + " but " + given + (given == 1 ? " was" : " were") + " given");
        }
        ToyObject[] bound = new ToyObject[names.length];
        System.arraycopy(args, first, bound, 0, nargs);
        for (int k = 0; k < kwNames.length; k++) {
            int slot = indexOf(kwNames[k]);
            if (slot < 0) throw Errors.typeError(fname + "() got an unexpected keyword argument '" + kwNames[k] + "'");
            if (bound[slot] != null) throw Errors.typeError(fname + "() got multiple values for argument '" + kwNames[k] + "'");
            bound[slot] = args[args.length - kwNames.length + k];
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < required; i++) {
            if (bound[i] == null) missing.add("'" + names[i] + "'");
        }
        if (!missing.isEmpty()) {
            int n = missing.size();
            String list = n == 1 ? missing.get(0) : n == 2 ? missing.get(0) + " and " + missing.get(1)
                    : String.join(", ", missing.subList(0, n - 1)) + ", and " + missing.get(n - 1);
            throw Errors.typeError(fname + "() missing " + n + " required positional argument" + (n == 1 ? "" : "s")
                    + ": " + list);
        }
        return bound;
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return i;
        return -1;
    }
}
