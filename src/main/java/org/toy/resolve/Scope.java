package org.toy.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One block of Python scoping — the module, a function, a lambda, a comprehension, a class —
 * with what each name is in it once {@link Resolver} has analysed the whole tree (CPython's
 * {@code PySTEntryObject}).
 */
public final class Scope {
    public enum Kind { MODULE, FUNCTION, COMPREHENSION, CLASS }

    /** What a name means inside one scope, as CPython's symtable scopes. */
    public enum Binding {
        /** A fast local of a function. */
        LOCAL,
        /** Declared {@code global}. */
        GLOBAL_EXPLICIT,
        /** Not bound anywhere enclosing: a module global or a built-in. */
        GLOBAL_IMPLICIT,
        /** Bound in an enclosing function: read through a cell passed in the closure. */
        FREE,
        /** A local that an inner function captures: it lives in a cell. */
        CELL,
        /** Module and class bodies: looked up by name at run time (LOAD_NAME). */
        NAME
    }

    // Flags gathered by the first pass.
    static final int DEF_LOCAL = 1;
    static final int DEF_PARAM = 2;
    static final int DEF_GLOBAL = 4;
    static final int DEF_NONLOCAL = 8;
    static final int USE = 16;

    public final Kind kind;
    public final String name;
    public final String qualName;
    public final Scope parent;
    final Map<String, Integer> flags = new LinkedHashMap<>();
    final List<String> params = new ArrayList<>();
    final List<Scope> children = new ArrayList<>();
    final Map<String, Binding> bindings = new LinkedHashMap<>();
    /** A class body's names that are both its own (NAME) and free variables relayed to its methods. */
    final java.util.Set<String> classRelay = new java.util.HashSet<>();

    Scope(Kind kind, String name, Scope parent) {
        this.kind = kind;
        this.name = name;
        this.parent = parent;
        this.qualName = qualify(kind, name, parent);
    }

    /** CPython's {@code __qualname__}: {@code outer.<locals>.inner}. */
    private static String qualify(Kind kind, String name, Scope parent) {
        if (parent == null || parent.kind == Kind.MODULE) return name;
        if (parent.kind == Kind.CLASS) return parent.qualName + "." + name;
        return parent.qualName + ".<locals>." + name;
    }

    int flags(String n) { return flags.getOrDefault(n, 0); }

    void add(String n, int flag) { flags.merge(n, flag, (a, b) -> a | b); }

    /** Whether this scope has function-style fast locals (functions, lambdas, comprehensions). */
    public boolean isFunctionLike() { return kind == Kind.FUNCTION || kind == Kind.COMPREHENSION; }

    /** What {@code n} means here. */
    public Binding binding(String n) {
        Binding b = bindings.get(n);
        if (b != null) return b;
        return isFunctionLike() ? Binding.GLOBAL_IMPLICIT : Binding.NAME;
    }

    /** Parameter names in order: positional, *args, keyword-only, **kwargs, as the compiler numbers them. */
    public List<String> params() { return params; }

    /** Locals that live in cells, sorted as CPython sorts {@code co_cellvars}. */
    public List<String> cellVars() { return sorted(Binding.CELL); }

    /** Names this scope reads from enclosing functions, sorted as {@code co_freevars}. */
    public List<String> freeVars() {
        if (classRelay.isEmpty()) return sorted(Binding.FREE);
        TreeSet<String> names = new TreeSet<>(sorted(Binding.FREE));
        names.addAll(classRelay);
        return new ArrayList<>(names);
    }

    private List<String> sorted(Binding which) {
        TreeSet<String> names = new TreeSet<>();
        bindings.forEach((n, b) -> { if (b == which) names.add(n); });
        return new ArrayList<>(names);
    }

    /** Fast locals: parameters first (even those that live in cells), then the other locals in order of first binding. */
    public List<String> localNames() {
        List<String> out = new ArrayList<>(params);
        bindings.forEach((n, b) -> {
            if (b == Binding.LOCAL && !out.contains(n)) out.add(n);
        });
        return out;
    }

    @Override
    public String toString() { return kind + " " + qualName + " " + bindings; }
}
