package org.toy.resolve;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.toy.ast.Expr;
import org.toy.ast.Module;
import org.toy.ast.Params;
import org.toy.ast.Stmt;
import org.toy.source.Span;
import org.toy.source.ToySyntaxError;

/**
 * The scope pass, CPython's {@code symtable.c} in two steps. Python's scoping cannot be decided
 * while compiling top to bottom: an assignment anywhere in a function makes a name local to the
 * whole function, and whether a local must live in a cell depends on functions nested later.
 * So the first step walks the whole tree and records, per scope, how each name is used; the
 * second step ({@link #analyze}) decides each name's {@link Scope.Binding} from the outside in
 * and passes free variables back out, turning the locals they capture into cells.
 */
public final class Resolver {
    private final String file;
    private final Map<Object, Scope> scopes = new IdentityHashMap<>();
    private Scope current;

    private Resolver(String file) { this.file = file; }

    /** Resolves a module: the result maps each scope-making node (Module, FunctionDef, Lambda, comprehension, ClassDef) to its Scope. */
    public static Resolution resolve(Module module) {
        Resolver r = new Resolver(module.source().name());
        Scope top = new Scope(Scope.Kind.MODULE, "<module>", null);
        r.scopes.put(module, top);
        r.current = top;
        r.stmts(module.body());
        r.analyze(top, Set.of());
        return new Resolution(r.scopes);
    }

    /** The scopes found by the resolver, keyed by AST node identity. */
    public record Resolution(Map<Object, Scope> scopes) {
        public Scope of(Object node) {
            Scope s = scopes.get(node);
            if (s == null) throw new IllegalStateException("no scope for " + node.getClass().getSimpleName());
            return s;
        }
    }

    // ---- step 1: record definitions and uses ---------------------------------------------------

    private Scope push(Scope.Kind kind, String name, Object node) {
        Scope s = new Scope(kind, name, current);
        current.children.add(s);
        scopes.put(node, s);
        current = s;
        return s;
    }

    private void pop() { current = current.parent; }

    private void define(String name, Span span) {
        int f = current.flags(name);
        if ((f & Scope.DEF_GLOBAL) == 0 && (f & Scope.DEF_NONLOCAL) == 0) current.add(name, Scope.DEF_LOCAL);
    }

    private void use(String name) { current.add(name, Scope.USE); }

    private void stmts(List<Stmt> body) {
        for (Stmt s : body) stmt(s);
    }

    private void stmt(Stmt s) {
        if (s instanceof Stmt.ExprStmt e) {
            expr(e.value());
        } else if (s instanceof Stmt.Assign a) {
            expr(a.value());
            for (Expr t : a.targets()) target(t);
        } else if (s instanceof Stmt.AugAssign a) {
            expr(a.value());
            if (a.target() instanceof Expr.Name n) use(n.id());
            target(a.target());
        } else if (s instanceof Stmt.AnnAssign a) {
            if (a.value() != null) expr(a.value());
            if (a.value() != null || !(a.target() instanceof Expr.Name)) target(a.target());
            else if (a.target() instanceof Expr.Name n) define(n.id(), n.span());
        } else if (s instanceof Stmt.If i) {
            expr(i.test());
            stmts(i.body());
            stmts(i.orElse());
        } else if (s instanceof Stmt.While w) {
            expr(w.test());
            stmts(w.body());
            stmts(w.orElse());
        } else if (s instanceof Stmt.For f) {
            expr(f.iter());
            target(f.target());
            stmts(f.body());
            stmts(f.orElse());
        } else if (s instanceof Stmt.FunctionDef f) {
            for (Expr d : f.decorators()) expr(d);
            defaults(f.params());
            define(f.name(), f.span());
            push(Scope.Kind.FUNCTION, f.name(), f);
            params(f.params());
            stmts(f.body());
            pop();
        } else if (s instanceof Stmt.ClassDef c) {
            for (Expr d : c.decorators()) expr(d);
            for (Expr b : c.bases()) expr(b);
            for (Expr.Keyword k : c.keywords()) expr(k.value());
            define(c.name(), c.span());
            push(Scope.Kind.CLASS, c.name(), c);
            stmts(c.body());
            pop();
        } else if (s instanceof Stmt.Return r) {
            if (r.value() != null) expr(r.value());
        } else if (s instanceof Stmt.Global g) {
            declare(g.names(), g.span(), true);
        } else if (s instanceof Stmt.Nonlocal n) {
            if (current.kind == Scope.Kind.MODULE) {
                throw new ToySyntaxError("nonlocal declaration not allowed at module level", file, n.span());
            }
            declare(n.names(), n.span(), false);
        } else if (s instanceof Stmt.Delete d) {
            for (Expr t : d.targets()) target(t);
        } else if (s instanceof Stmt.Try t) {
            stmts(t.body());
            for (Stmt.ExceptHandler h : t.handlers()) {
                if (h.type() != null) expr(h.type());
                if (h.name() != null) define(h.name(), h.span());
                stmts(h.body());
            }
            stmts(t.orElse());
            stmts(t.finalBody());
        } else if (s instanceof Stmt.Raise r) {
            if (r.exc() != null) expr(r.exc());
            if (r.cause() != null) expr(r.cause());
        } else if (s instanceof Stmt.Assert a) {
            expr(a.test());
            if (a.msg() != null) expr(a.msg());
        } else if (s instanceof Stmt.With w) {
            for (Stmt.WithItem item : w.items()) {
                expr(item.context());
                if (item.target() != null) target(item.target());
            }
            stmts(w.body());
        } else if (s instanceof Stmt.Import i) {
            for (Stmt.Alias a : i.names()) {
                String bound = a.asName() != null ? a.asName() : a.name().split("\\.")[0];
                define(bound, i.span());
            }
        } else if (s instanceof Stmt.ImportFrom i) {
            for (Stmt.Alias a : i.names()) {
                if (a.name().equals("*")) {
                    if (current.kind != Scope.Kind.MODULE) {
                        throw new ToySyntaxError("import * only allowed at module level", file, i.span());
                    }
                    continue;
                }
                define(a.asName() != null ? a.asName() : a.name(), i.span());
            }
        }
        // Break, Continue, Pass: nothing to record.
    }

    private void declare(List<String> names, Span span, boolean global) {
        for (String n : names) {
            int f = current.flags(n);
            String what = global ? "global" : "nonlocal";
            if ((f & Scope.DEF_PARAM) != 0) {
                throw new ToySyntaxError("name '" + n + "' is parameter and " + what, file, span);
            }
            if (!global && (f & Scope.DEF_GLOBAL) != 0 || global && (f & Scope.DEF_NONLOCAL) != 0) {
                throw new ToySyntaxError("name '" + n + "' is nonlocal and global", file, span);
            }
            if ((f & Scope.USE) != 0) {
                throw new ToySyntaxError("name '" + n + "' is used prior to " + what + " declaration", file, span);
            }
            if ((f & Scope.DEF_LOCAL) != 0) {
                throw new ToySyntaxError("name '" + n + "' is assigned to before " + what + " declaration", file, span);
            }
            current.add(n, global ? Scope.DEF_GLOBAL : Scope.DEF_NONLOCAL);
        }
    }

    private void defaults(Params p) {
        for (Params.Param a : p.positional()) if (a.defaultValue() != null) expr(a.defaultValue());
        for (Params.Param a : p.kwOnly()) if (a.defaultValue() != null) expr(a.defaultValue());
    }

    private void params(Params p) {
        // CPython's co_varnames order: positional, keyword-only, *args, **kwargs.
        for (Params.Param a : p.positional()) param(a.name(), a.span());
        for (Params.Param a : p.kwOnly()) param(a.name(), a.span());
        if (p.varargs() != null) param(p.varargs(), null);
        if (p.kwargs() != null) param(p.kwargs(), null);
    }

    private void param(String name, Span span) {
        if ((current.flags(name) & Scope.DEF_PARAM) != 0) {
            throw new ToySyntaxError("duplicate argument '" + name + "' in function definition", file,
                    span == null ? Span.NONE : span);
        }
        current.add(name, Scope.DEF_PARAM);
        current.params.add(name);
    }

    /** An assignment or deletion target. */
    private void target(Expr t) {
        if (t instanceof Expr.Name n) {
            define(n.id(), n.span());
        } else if (t instanceof Expr.TupleExpr tu) {
            for (Expr e : tu.elts()) target(e);
        } else if (t instanceof Expr.ListExpr l) {
            for (Expr e : l.elts()) target(e);
        } else if (t instanceof Expr.Starred st) {
            target(st.value());
        } else {
            expr(t); // attribute and subscript targets evaluate their object and index
        }
    }

    private void exprs(List<Expr> es) {
        for (Expr e : es) if (e != null) expr(e);
    }

    private void expr(Expr e) {
        if (e instanceof Expr.Name n) {
            use(n.id());
            // CPython's symtable: a function that names super may call it with no arguments,
            // which needs the enclosing class; it gets it through an implicit __class__ cell.
            if (n.id().equals("super") && current.isFunctionLike()) use("__class__");
        } else if (e instanceof Expr.BinOp b) {
            expr(b.left());
            expr(b.right());
        } else if (e instanceof Expr.UnaryOp u) {
            expr(u.operand());
        } else if (e instanceof Expr.BoolOp b) {
            exprs(b.values());
        } else if (e instanceof Expr.Compare c) {
            expr(c.left());
            exprs(c.comparators());
        } else if (e instanceof Expr.IfExp i) {
            expr(i.test());
            expr(i.body());
            expr(i.orElse());
        } else if (e instanceof Expr.Lambda l) {
            defaults(l.params());
            push(Scope.Kind.FUNCTION, "<lambda>", l);
            params(l.params());
            expr(l.body());
            pop();
        } else if (e instanceof Expr.Call c) {
            expr(c.func());
            exprs(c.args());
            for (Expr.Keyword k : c.keywords()) expr(k.value());
        } else if (e instanceof Expr.Attribute a) {
            expr(a.value());
        } else if (e instanceof Expr.Subscript s) {
            expr(s.value());
            expr(s.index());
        } else if (e instanceof Expr.Slice s) {
            if (s.lower() != null) expr(s.lower());
            if (s.upper() != null) expr(s.upper());
            if (s.step() != null) expr(s.step());
        } else if (e instanceof Expr.Starred s) {
            expr(s.value());
        } else if (e instanceof Expr.ListExpr l) {
            exprs(l.elts());
        } else if (e instanceof Expr.TupleExpr t) {
            exprs(t.elts());
        } else if (e instanceof Expr.SetExpr s) {
            exprs(s.elts());
        } else if (e instanceof Expr.DictExpr d) {
            exprs(d.keys());
            exprs(d.values());
        } else if (e instanceof Expr.ListComp c) {
            comprehension(c, "<listcomp>", c.generators(), List.of(c.elt()));
        } else if (e instanceof Expr.SetComp c) {
            comprehension(c, "<setcomp>", c.generators(), List.of(c.elt()));
        } else if (e instanceof Expr.DictComp c) {
            comprehension(c, "<dictcomp>", c.generators(), List.of(c.key(), c.value()));
        } else if (e instanceof Expr.GeneratorExp c) {
            comprehension(c, "<genexpr>", c.generators(), List.of(c.elt()));
        } else if (e instanceof Expr.FString f) {
            exprs(f.parts());
        } else if (e instanceof Expr.FormattedValue f) {
            expr(f.value());
            if (f.formatSpec() != null) expr(f.formatSpec());
        }
        // Literals use no names.
    }

    /**
     * A comprehension is a function of its own (as in CPython 3.11): the first iterable is
     * evaluated outside and passed in as the parameter ".0"; everything else is inside.
     */
    private void comprehension(Object node, String name, List<Expr.Comprehension> gens, List<Expr> results) {
        expr(gens.get(0).iter());
        push(Scope.Kind.COMPREHENSION, name, node);
        param(".0", null);
        for (int i = 0; i < gens.size(); i++) {
            Expr.Comprehension g = gens.get(i);
            if (i > 0) expr(g.iter());
            target(g.target());
            exprs(g.ifs());
        }
        exprs(results);
        pop();
    }

    // ---- step 2: decide each name's binding -----------------------------------------------------

    /**
     * Decides bindings in {@code scope}, given the names bound as locals by enclosing functions;
     * returns the free variables of {@code scope} (which the enclosing scope must supply).
     */
    private Set<String> analyze(Scope scope, Set<String> boundAbove) {
        Set<String> local = new HashSet<>();
        for (Map.Entry<String, Integer> e : scope.flags.entrySet()) {
            String n = e.getKey();
            int f = e.getValue();
            Scope.Binding b;
            if ((f & Scope.DEF_GLOBAL) != 0) {
                b = Scope.Binding.GLOBAL_EXPLICIT;
            } else if ((f & Scope.DEF_NONLOCAL) != 0) {
                if (!boundAbove.contains(n)) {
                    throw new ToySyntaxError("no binding for nonlocal '" + n + "' found", file, Span.NONE);
                }
                b = Scope.Binding.FREE;
            } else if ((f & (Scope.DEF_LOCAL | Scope.DEF_PARAM)) != 0) {
                b = scope.isFunctionLike() ? Scope.Binding.LOCAL : Scope.Binding.NAME;
                local.add(n);
            } else if (boundAbove.contains(n)) {
                b = Scope.Binding.FREE;
            } else {
                b = scope.isFunctionLike() ? Scope.Binding.GLOBAL_IMPLICIT : Scope.Binding.NAME;
            }
            scope.bindings.put(n, b);
        }

        // What the children may capture: enclosing functions' locals plus ours (a class body's
        // names are not visible to the functions inside it, and neither are module globals).
        Set<String> visible = new HashSet<>(boundAbove);
        for (Map.Entry<String, Scope.Binding> e : scope.bindings.entrySet()) {
            if (e.getValue() == Scope.Binding.GLOBAL_EXPLICIT) visible.remove(e.getKey());
        }
        if (scope.isFunctionLike()) visible.addAll(local);
        if (scope.kind == Scope.Kind.CLASS) visible.add("__class__");

        Set<String> free = new HashSet<>();
        for (Scope child : scope.children) {
            for (String n : analyze(child, visible)) {
                Scope.Binding mine = scope.bindings.get(n);
                if (scope.isFunctionLike() && (mine == Scope.Binding.LOCAL || mine == Scope.Binding.CELL)) {
                    scope.bindings.put(n, Scope.Binding.CELL);
                } else if (scope.kind == Scope.Kind.CLASS && n.equals("__class__")) {
                    // The class body owns the cell; __build_class__ fills it with the new class.
                    scope.bindings.put(n, Scope.Binding.CELL);
                } else if (scope.kind == Scope.Kind.CLASS && mine == Scope.Binding.NAME) {
                    // The class binds n itself (by name) and also passes an enclosing function's
                    // n through to its methods: CPython's DEF_FREE_CLASS.
                    scope.classRelay.add(n);
                } else if (mine == null || mine == Scope.Binding.GLOBAL_IMPLICIT || mine == Scope.Binding.FREE) {
                    // Not ours: relay it from further out (a function or class body between the
                    // defining function and the one that uses it).
                    scope.bindings.put(n, Scope.Binding.FREE);
                }
            }
        }
        for (Map.Entry<String, Scope.Binding> e : scope.bindings.entrySet()) {
            if (e.getValue() == Scope.Binding.FREE) free.add(e.getKey());
        }
        free.addAll(scope.classRelay);
        return free;
    }
}
