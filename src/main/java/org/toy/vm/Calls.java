package org.toy.vm;

import org.toy.bytecode.Code;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyCell;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyFunction;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;

/**
 * The call protocol for Toy functions: building the callee's frame and binding arguments to
 * parameters with Python's rules and CPython's error messages ({@code ceval.c}'s
 * {@code initialize_locals}). The common case — the right number of positional arguments and
 * nothing else — is a straight array copy.
 */
final class Calls {
    private Calls() {}

    /**
     * A frame for {@code fn} with the {@code argc} arguments at {@code src[start..]}, the last
     * {@code kwNames.length} of which are keyword arguments.
     */
    static Frame newFrame(ThreadState ts, ToyFunction fn, ToyObject[] src, int start, int argc, String[] kwNames) {
        Code code = fn.code;
        Frame frame = new Frame(code, fn.globals, ts.interp().builtinsDict(), fn);
        ToyObject[] slots = frame.slots;
        int n = code.argCount;
        if (kwNames.length == 0 && argc == n && (code.flags & (Code.VARARGS | Code.VARKEYWORDS)) == 0
                && code.kwOnlyCount == 0) {
            System.arraycopy(src, start, slots, 0, n);
        } else {
            bind(fn, slots, src, start, argc, kwNames);
        }
        if (code.cellVars.length + fn.closure.length != 0) makeCells(code, fn, slots);
        return frame;
    }

    /** Fills the cell and free-variable slots: new cells, then the closure's. */
    private static void makeCells(Code code, ToyFunction fn, ToyObject[] slots) {
        int locals = code.varNames.length;
        int cells = code.cellVars.length;
        for (int c = 0; c < cells; c++) {
            int p = code.cellParameters[c];
            slots[locals + c] = new ToyCell(p >= 0 ? slots[p] : null);
        }
        System.arraycopy(fn.closure, 0, slots, locals + cells, fn.closure.length);
    }

    private static void bind(ToyFunction fn, ToyObject[] slots, ToyObject[] src, int start, int argc,
                             String[] kwNames) {
        Code code = fn.code;
        String name = fn.qualName();
        int n = code.argCount;
        int kwOnly = code.kwOnlyCount;
        int positional = argc - kwNames.length;
        int varargsSlot = code.hasVarargs() ? n + kwOnly : -1;
        int varkwSlot = code.hasVarKeywords() ? n + kwOnly + (code.hasVarargs() ? 1 : 0) : -1;

        System.arraycopy(src, start, slots, 0, Math.min(positional, n));
        if (varargsSlot >= 0) {
            slots[varargsSlot] = positional > n
                    ? ToyTuple.of(java.util.Arrays.copyOfRange(src, start + n, start + positional)) : ToyTuple.EMPTY;
        }
        ToyDict kwDict = varkwSlot >= 0 ? new ToyDict() : null;
        for (int k = 0; k < kwNames.length; k++) {
            String key = kwNames[k];
            ToyObject value = src[start + positional + k];
            int slot = parameterSlot(code, n + kwOnly, key);
            if (slot >= 0) {
                if (slots[slot] != null) {
                    throw Errors.typeError(name + "() got multiple values for argument '" + key + "'");
                }
                slots[slot] = value;
            } else if (kwDict != null) {
                kwDict.put(ToyStr.of(key), value);
            } else {
                throw Errors.typeError(name + "() got an unexpected keyword argument '" + key + "'");
            }
        }
        if (positional > n && varargsSlot < 0) throw tooManyPositional(fn, positional, slots);

        int defaults = fn.defaults.length;
        // The list of missing names is made only when one is missing: this runs on every call
        // with keyword arguments.
        java.util.List<String> missing = null;
        for (int p = 0; p < n; p++) {
            if (slots[p] != null) continue;
            if (p >= n - defaults) {
                slots[p] = fn.defaults[p - (n - defaults)];
            } else {
                if (missing == null) missing = new java.util.ArrayList<>();
                missing.add(code.varNames[p]);
            }
        }
        if (missing != null) throw missingArguments(name, missing, "positional");
        for (int p = n; p < n + kwOnly; p++) {
            if (slots[p] != null) continue;
            ToyObject d = fn.kwDefaults == null ? null : fn.kwDefaults.get(ToyStr.of(code.varNames[p]));
            if (d != null) {
                slots[p] = d;
            } else {
                if (missing == null) missing = new java.util.ArrayList<>();
                missing.add(code.varNames[p]);
            }
        }
        if (missing != null) throw missingArguments(name, missing, "keyword-only");
        if (varkwSlot >= 0) slots[varkwSlot] = kwDict;
    }

    /**
     * The slot of the parameter named {@code key} among the first {@code count}, or -1. Names
     * from the compiler are interned, so the identity pass usually finds it without comparing
     * characters.
     */
    private static int parameterSlot(Code code, int count, String key) {
        String[] names = code.varNames;
        for (int p = 0; p < count; p++) if (names[p] == key) return p;
        for (int p = 0; p < count; p++) if (names[p].equals(key)) return p;
        return -1;
    }

    private static RuntimeException tooManyPositional(ToyFunction fn, int given, ToyObject[] slots) {
        Code code = fn.code;
        int n = code.argCount;
        int defaults = fn.defaults.length;
        int kwOnlyGiven = 0;
        for (int p = n; p < n + code.kwOnlyCount; p++) if (slots[p] != null) kwOnlyGiven++;
        String sig = defaults > 0 ? "from " + (n - defaults) + " to " + n : Integer.toString(n);
        boolean plural = defaults > 0 || n != 1;
        String kwOnlySig = kwOnlyGiven == 0 ? ""
                : " positional argument" + (given != 1 ? "s" : "") + " (and " + kwOnlyGiven + " keyword-only argument"
                + (kwOnlyGiven != 1 ? "s" : "") + ")";
        return Errors.typeError(fn.qualName() + "() takes " + sig + " positional argument" + (plural ? "s" : "")
                + " but " + given + kwOnlySig + " " + (given == 1 && kwOnlyGiven == 0 ? "was" : "were") + " given");
    }

    /** {@code f() missing 2 required positional arguments: 'a' and 'b'}. */
    static RuntimeException missingArguments(String name, java.util.List<String> missing, String kind) {
        StringBuilder names = new StringBuilder();
        int m = missing.size();
        for (int i = 0; i < m; i++) {
            if (i > 0) names.append(m == 2 ? " and " : i == m - 1 ? ", and " : ", ");
            names.append('\'').append(missing.get(i)).append('\'');
        }
        return Errors.typeError(name + "() missing " + m + " required " + kind + " argument" + (m == 1 ? "" : "s")
                + ": " + names);
    }
}
