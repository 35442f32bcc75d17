package org.toy.modules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyObject;

/**
 * Binds arguments for functions that CPython writes in Python ({@code random.uniform},
 * {@code os.getenv}), whose TypeErrors read differently from C functions':
 * {@code Random.uniform() missing 2 required positional arguments: 'a' and 'b'}.
 * {@code selfCount} is 1 for bound methods, whose counts include self.
 */
final class PySignature {
    private final String fname;
    private final int selfCount;
    private final int required;
    private final String[] names;

    PySignature(String fname, int selfCount, int required, String... names) {
        this.fname = fname;
        this.selfCount = selfCount;
        this.required = required;
        this.names = names;
    }

    /** One slot per parameter, Java null when not given. */
    ToyObject[] bind(ToyObject[] args, String[] kwNames) {
        int nargs = args.length - kwNames.length;
        if (nargs > names.length) {
            int max = names.length + selfCount;
            String takes = required == names.length ? max + " positional argument" + (max == 1 ? "" : "s")
                    : "from " + (required + selfCount) + " to " + max + " positional arguments";
            int given = nargs + selfCount;
            throw Errors.typeError(fname + "() takes " + takes + " but " + given + (given == 1 ? " was" : " were") + " given");
        }
        ToyObject[] bound = new ToyObject[names.length];
        System.arraycopy(args, 0, bound, 0, nargs);
        for (int k = 0; k < kwNames.length; k++) {
            int slot = Arrays.asList(names).indexOf(kwNames[k]);
            if (slot < 0) throw Errors.typeError(fname + "() got an unexpected keyword argument '" + kwNames[k] + "'");
            if (bound[slot] != null) throw Errors.typeError(fname + "() got multiple values for argument '" + kwNames[k] + "'");
            bound[slot] = args[nargs + k];
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < required; i++) {
            if (bound[i] == null) missing.add("'" + names[i] + "'");
        }
        if (!missing.isEmpty()) {
            throw Errors.typeError(fname + "() missing " + missing.size() + " required positional argument"
                    + (missing.size() == 1 ? "" : "s") + ": " + joinNames(missing));
        }
        return bound;
    }

    /** Python's list of names: 'a', 'a' and 'b', 'a', 'b', and 'c'. */
    private static String joinNames(List<String> names) {
        int n = names.size();
        if (n == 1) return names.get(0);
        if (n == 2) return names.get(0) + " and " + names.get(1);
        return String.join(", ", names.subList(0, n - 1)) + ", and " + names.get(n - 1);
    }
}
