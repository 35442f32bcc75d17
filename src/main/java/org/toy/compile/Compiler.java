package org.toy.compile;

import static org.toy.bytecode.Opcode.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.toy.ast.BinaryOp;
import org.toy.ast.CompareOp;
import org.toy.ast.Expr;
import org.toy.ast.Module;
import org.toy.ast.Params;
import org.toy.ast.Stmt;
import org.toy.ast.UnaryOperator;
import org.toy.bytecode.Code;
import org.toy.resolve.Resolver;
import org.toy.resolve.Scope;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyBytes;
import org.toy.runtime.ToyFloat;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToySet;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.source.Source;
import org.toy.source.Span;
import org.toy.source.ToySyntaxError;

/**
 * Turns a resolved syntax tree into code objects — AST to bytecode and nothing else (the
 * scopes were decided by {@link Resolver}). One {@link Unit} per code object being built; the
 * instruction sequences mirror CPython 3.11's {@code compile.c} so that {@code toy dis} and
 * {@code python3 -m dis} tell the same story.
 *
 * <p>Control flow that leaves a block early ({@code return}, {@code break}, {@code continue})
 * walks the stack of enclosing {@link FBlock}s and emits each one's clean-up inline: pop the
 * loop's iterator, run the {@code finally} body, call the {@code with}'s {@code __exit__},
 * restore the handled exception. That is CPython's "unwind the frame blocks" design.
 */
public final class Compiler {
    /** The kinds of enclosing block that an early exit must clean up, with their stack items. */
    private enum FBlockKind {
        WHILE_LOOP(0), FOR_LOOP(1), TRY_EXCEPT(0), FINALLY_TRY(0), FINALLY_END(2), HANDLER_CLEANUP(1), WITH(1),
        /** A return value kept on the stack while a finally body runs inline (CPython's POP_VALUE). */
        POP_VALUE(1);

        final int stackItems;

        FBlockKind(int stackItems) { this.stackItems = stackItems; }
    }

    /**
     * A block a jump may leave. {@code holes} are the stretches of code emitted while a break,
     * continue or return unwinds past it (inlined finally bodies, clean-up, the jump itself): its
     * handler must not cover them, as CPython's POP_BLOCK ends the protected range there.
     */
    private record FBlock(FBlockKind kind, CodeBuilder.Label start, CodeBuilder.Label exit, Object payload,
                          List<int[]> holes) {
        FBlock(FBlockKind kind, CodeBuilder.Label start, CodeBuilder.Label exit, Object payload) {
            this(kind, start, exit, payload, new ArrayList<>());
        }
    }

    /** The state of one code object under construction. */
    private static final class Unit {
        final Scope scope;
        final CodeBuilder out = new CodeBuilder();
        final Deque<FBlock> blocks = new ArrayDeque<>();
        final List<String> varNames;
        final List<String> cellAndFree = new ArrayList<>();
        /** Operand-stack items held by enclosing constructs (loop iterators, handled exceptions...). */
        int stackLevel;

        Unit(Scope scope) {
            this.scope = scope;
            this.varNames = new ArrayList<>(scope.localNames());
            cellAndFree.addAll(scope.cellVars());
            cellAndFree.addAll(scope.freeVars());
        }
    }

    private final Source source;
    private final Resolver.Resolution scopes;
    private final boolean interactive;
    private final java.util.function.Consumer<String> warnings;
    private Unit unit;

    private Compiler(Source source, Resolver.Resolution scopes, boolean interactive,
                     java.util.function.Consumer<String> warnings) {
        this.source = source;
        this.scopes = scopes;
        this.interactive = interactive;
        this.warnings = warnings;
    }

    /**
     * Compiles a module; {@code interactive} echoes expression statements, as the REPL does.
     * Compile-time warnings (CPython's SyntaxWarning) go to {@code warnings}, already formatted.
     */
    public static Code compile(Module module, boolean interactive, java.util.function.Consumer<String> warnings) {
        Resolver.Resolution scopes = Resolver.resolve(module);
        Compiler c = new Compiler(module.source(), scopes, interactive, warnings);
        return c.compileModule(module);
    }

    public static Code compile(Module module, boolean interactive) { return compile(module, interactive, w -> { }); }

    public static Code compile(Module module) { return compile(module, false); }

    /** A warning as Python's {@code warnings.formatwarning} prints it: where, category, message, the line. */
    private void warn(String category, String message, Span span) {
        String line = source.line(span.line()).strip();
        warnings.accept(source.name() + ":" + span.line() + ": " + category + ": " + message + "\n"
                + (line.isEmpty() ? "" : "  " + line + "\n"));
    }

    /** CPython's check_is_arg: {@code x is 1} compares identity with a literal, which is almost always a bug. */
    private void checkIsLiteral(Expr.Compare c) {
        Expr left = c.left();
        for (int i = 0; i < c.ops().size(); i++) {
            Expr right = c.comparators().get(i);
            CompareOp op = c.ops().get(i);
            if ((op == CompareOp.IS || op == CompareOp.IS_NOT) && (isLiteral(left) || isLiteral(right))) {
                warn("SyntaxWarning", op == CompareOp.IS ? "\"is\" with a literal. Did you mean \"==\"?"
                        : "\"is not\" with a literal. Did you mean \"!=\"?", c.span());
            }
            left = right;
        }
    }

    private static boolean isLiteral(Expr e) {
        if (e instanceof Expr.IntLit || e instanceof Expr.FloatLit || e instanceof Expr.StrLit
                || e instanceof Expr.BytesLit) {
            return true;
        }
        if (e instanceof Expr.UnaryOp u && u.op() != UnaryOperator.NOT) return isLiteral(u.operand());
        return e instanceof Expr.TupleExpr t && constantTuple(t) != null;
    }

    private ToySyntaxError error(String message, Span span) {
        return new ToySyntaxError(message, source.name(), span);
    }

    // ---- code units ----------------------------------------------------------------------

    private Code compileModule(Module module) {
        unit = new Unit(scopes.of(module));
        unit.out.line = module.body().isEmpty() ? 1 : module.body().get(0).span().line();
        emit(RESUME, 0);
        stmts(module.body());
        unit.out.line = Math.max(unit.out.line, 1);
        loadConst(ToyNone.NONE);
        emit(RETURN_VALUE);
        return finish("<module>", "<module>", 1, 0, 0, 0);
    }

    private Code finish(String name, String qualName, int firstLine, int argCount, int kwOnly, int flags) {
        Unit u = unit;
        return u.out.build(name, qualName, source, firstLine, u.varNames.toArray(new String[0]),
                u.scope.cellVars().toArray(new String[0]), u.scope.freeVars().toArray(new String[0]),
                argCount, kwOnly, flags);
    }

    /** Compiles a function or lambda body into its own code object, then emits MAKE_FUNCTION for it. */
    private void makeFunction(Object node, String name, Params params, List<Stmt> body, Expr lambdaBody,
                              Span span) {
        int flags = 0;
        // Defaults are evaluated now, in the enclosing scope, once (hence the classic mutable-default surprise).
        List<Expr> defaults = new ArrayList<>();
        for (Params.Param p : params.positional()) if (p.defaultValue() != null) defaults.add(p.defaultValue());
        if (!defaults.isEmpty()) {
            for (Expr d : defaults) expr(d);
            emit(BUILD_TUPLE, defaults.size());
            flags |= FN_DEFAULTS;
        }
        int kwDefaults = 0;
        for (Params.Param p : params.kwOnly()) {
            if (p.defaultValue() != null) {
                loadConst(ToyStr.of(p.name()));
                expr(p.defaultValue());
                kwDefaults++;
            }
        }
        if (kwDefaults > 0) {
            emit(BUILD_MAP, kwDefaults);
            flags |= FN_KWDEFAULTS;
        }

        Scope scope = scopes.of(node);
        Unit outer = unit;
        unit = new Unit(scope);
        unit.out.line = span.line();
        emit(RESUME, 0);
        if (lambdaBody != null) {
            expr(lambdaBody);
            emit(RETURN_VALUE);
        } else {
            stmts(body);
            if (unit.out.lastOp() != RETURN_VALUE || endsOpen(body)) {
                loadConst(ToyNone.NONE);
                emit(RETURN_VALUE);
            }
        }
        int codeFlags = (params.varargs() != null ? Code.VARARGS : 0) | (params.kwargs() != null ? Code.VARKEYWORDS : 0);
        Code code = finish(name, scope.qualName, span.line(), params.positional().size(), params.kwOnly().size(),
                codeFlags);
        unit = outer;
        closure(code, flags);
    }

    /**
     * A class statement as CPython 3.11 compiles it: the body becomes a function of no
     * parameters, and {@code __build_class__(body, name, *bases, **keywords)} runs it and makes
     * the class; then the decorators apply and the name is bound.
     */
    private void classDef(Stmt.ClassDef c) {
        for (Expr d : c.decorators()) expr(d);
        unit.out.line = c.span().line();
        emit(PUSH_NULL);
        emit(LOAD_BUILD_CLASS);
        closure(classBody(c), 0);
        loadConst(ToyStr.of(c.name()));
        for (Expr b : c.bases()) {
            if (b instanceof Expr.Starred) throw error("starred base classes are not supported", b.span());
            expr(b);
        }
        for (Expr.Keyword k : c.keywords()) {
            if (k.name() == null) throw error("**keywords in a class statement are not supported", k.span());
            expr(k.value());
        }
        setLine(c.span());
        if (!c.keywords().isEmpty()) {
            ToyObject[] names = new ToyObject[c.keywords().size()];
            for (int i = 0; i < names.length; i++) names[i] = ToyStr.of(c.keywords().get(i).name());
            emit(KW_NAMES, unit.out.constant(ToyTuple.of(names)));
        }
        emit(CALL, 2 + c.bases().size() + c.keywords().size());
        for (int i = 0; i < c.decorators().size(); i++) emit(CALL, 0);
        name(c.name(), Access.STORE);
    }

    /**
     * The class body's code: it sets {@code __module__} and {@code __qualname__} (and
     * {@code __doc__}), runs the statements with LOAD_NAME/STORE_NAME on the class namespace,
     * and returns the {@code __class__} cell (also stored as {@code __classcell__}) or None.
     */
    private Code classBody(Stmt.ClassDef c) {
        Scope scope = scopes.of(c);
        Unit outer = unit;
        unit = new Unit(scope);
        unit.out.line = c.span().line();
        emit(RESUME, 0);
        emit(LOAD_NAME, unit.out.name("__name__"));
        emit(STORE_NAME, unit.out.name("__module__"));
        loadConst(ToyStr.of(scope.qualName));
        emit(STORE_NAME, unit.out.name("__qualname__"));
        List<Stmt> body = c.body();
        if (!body.isEmpty() && body.get(0) instanceof Stmt.ExprStmt e && e.value() instanceof Expr.StrLit doc) {
            unit.out.line = e.span().line();
            expr(doc);
            emit(STORE_NAME, unit.out.name("__doc__"));
            body = body.subList(1, body.size());
        }
        stmts(body);
        if (scope.cellVars().contains("__class__")) {
            emit(LOAD_CLOSURE, derefIndex("__class__"));
            emit(COPY, 1);
            emit(STORE_NAME, unit.out.name("__classcell__"));
        } else {
            loadConst(ToyNone.NONE);
        }
        emit(RETURN_VALUE);
        Code code = finish(c.name(), scope.qualName, c.span().line(), 0, 0, 0);
        unit = outer;
        return code;
    }

    /** True when control can fall off the end of a body whose last instruction happens to be a return. */
    private static boolean endsOpen(List<Stmt> body) {
        return body.isEmpty() || !(body.get(body.size() - 1) instanceof Stmt.Return);
    }

    /** Emits the closure tuple (if the code has free variables), the code constant and MAKE_FUNCTION. */
    private void closure(Code code, int flags) {
        if (code.freeVars.length > 0) {
            for (String free : code.freeVars) emit(LOAD_CLOSURE, derefIndex(free));
            emit(BUILD_TUPLE, code.freeVars.length);
            flags |= FN_CLOSURE;
        }
        loadConst(code);
        emit(MAKE_FUNCTION, flags);
    }

    private int derefIndex(String name) {
        int i = unit.cellAndFree.indexOf(name);
        if (i < 0) throw new IllegalStateException("no cell for " + name + " in " + unit.scope);
        return i;
    }

    // ---- emission helpers ------------------------------------------------------------------

    private int emit(int op, int arg) { return unit.out.emit(op, arg); }

    private int emit(int op) { return unit.out.emit(op, 0); }

    private void jump(int op, CodeBuilder.Label label) { unit.out.emitJump(op, label); }

    private void bind(CodeBuilder.Label label) { unit.out.bind(label); }

    private static CodeBuilder.Label label() { return new CodeBuilder.Label(); }

    private void loadConst(ToyObject value) { emit(LOAD_CONST, unit.out.constant(value)); }

    private int setLine(Span span) {
        int old = unit.out.line;
        if (span != null && span.line() > 0) unit.out.line = span.line();
        return old;
    }

    // ---- names -----------------------------------------------------------------------------

    private enum Access { LOAD, STORE, DELETE }

    private void name(String id, Access access) {
        Scope.Binding b = unit.scope.binding(id);
        switch (b) {
            case LOCAL -> emit(access == Access.LOAD ? LOAD_FAST : access == Access.STORE ? STORE_FAST : DELETE_FAST,
                    localIndex(id));
            case CELL, FREE -> emit(access == Access.LOAD ? LOAD_DEREF : access == Access.STORE ? STORE_DEREF
                    : DELETE_DEREF, derefIndex(id));
            case GLOBAL_EXPLICIT, GLOBAL_IMPLICIT -> emit(access == Access.LOAD ? LOAD_GLOBAL
                    : access == Access.STORE ? STORE_GLOBAL : DELETE_GLOBAL, unit.out.name(id));
            case NAME -> emit(access == Access.LOAD ? LOAD_NAME : access == Access.STORE ? STORE_NAME : DELETE_NAME,
                    unit.out.name(id));
            default -> throw new IllegalStateException(b.toString());
        }
    }

    private int localIndex(String id) {
        int i = unit.varNames.indexOf(id);
        if (i < 0) {
            unit.varNames.add(id);
            i = unit.varNames.size() - 1;
        }
        return i;
    }

    // ---- statements ------------------------------------------------------------------------

    private void stmts(List<Stmt> body) {
        for (Stmt s : body) stmt(s);
    }

    private void stmt(Stmt s) {
        unit.out.line = s.span().line();
        if (s instanceof Stmt.ExprStmt e) {
            expr(e.value());
            emit(interactive && unit.scope.kind == Scope.Kind.MODULE ? PRINT_EXPR : POP_TOP);
        } else if (s instanceof Stmt.Assign a) {
            expr(a.value());
            for (int i = 0; i < a.targets().size(); i++) {
                if (i < a.targets().size() - 1) emit(COPY, 1);
                store(a.targets().get(i));
            }
        } else if (s instanceof Stmt.AugAssign a) {
            augAssign(a);
        } else if (s instanceof Stmt.AnnAssign a) {
            if (a.value() != null) {
                expr(a.value());
                store(a.target());
            }
        } else if (s instanceof Stmt.If i) {
            ifStmt(i);
        } else if (s instanceof Stmt.While w) {
            whileStmt(w);
        } else if (s instanceof Stmt.For f) {
            forStmt(f);
        } else if (s instanceof Stmt.Break b) {
            breakOrContinue(b.span(), true);
        } else if (s instanceof Stmt.Continue c) {
            breakOrContinue(c.span(), false);
        } else if (s instanceof Stmt.Pass) {
            emit(NOP);
        } else if (s instanceof Stmt.FunctionDef f) {
            for (Expr d : f.decorators()) expr(d);
            unit.out.line = f.span().line();
            makeFunction(f, f.name(), f.params(), f.body(), null, f.span());
            for (int i = 0; i < f.decorators().size(); i++) emit(CALL, 0);
            name(f.name(), Access.STORE);
        } else if (s instanceof Stmt.ClassDef c) {
            classDef(c);
        } else if (s instanceof Stmt.Return r) {
            returnStmt(r);
        } else if (s instanceof Stmt.Global || s instanceof Stmt.Nonlocal) {
            emit(NOP);
        } else if (s instanceof Stmt.Delete d) {
            for (Expr t : d.targets()) delete(t);
        } else if (s instanceof Stmt.Try t) {
            tryStmt(t);
        } else if (s instanceof Stmt.Raise r) {
            if (r.exc() == null) {
                emit(RAISE_VARARGS, 0);
            } else {
                expr(r.exc());
                if (r.cause() != null) expr(r.cause());
                emit(RAISE_VARARGS, r.cause() != null ? 2 : 1);
            }
        } else if (s instanceof Stmt.Assert a) {
            CodeBuilder.Label ok = label();
            jumpIf(a.test(), ok, true);
            emit(LOAD_ASSERTION_ERROR);
            if (a.msg() != null) {
                expr(a.msg());
                emit(CALL, 0);
            }
            emit(RAISE_VARARGS, 1);
            bind(ok);
        } else if (s instanceof Stmt.With w) {
            withStmt(w, 0);
        } else if (s instanceof Stmt.Import i) {
            for (Stmt.Alias a : i.names()) {
                loadConst(a.asName() != null && a.name().contains(".") ? ToyTuple.EMPTY : ToyNone.NONE);
                emit(IMPORT_NAME, unit.out.name(a.name()));
                name(a.asName() != null ? a.asName() : a.name().split("\\.")[0], Access.STORE);
            }
        } else if (s instanceof Stmt.ImportFrom i) {
            importFrom(i);
        } else {
            throw new IllegalStateException("unknown statement " + s.getClass().getSimpleName());
        }
    }

    private void importFrom(Stmt.ImportFrom i) {
        ToyObject[] fromList = new ToyObject[i.names().size()];
        for (int k = 0; k < fromList.length; k++) fromList[k] = ToyStr.of(i.names().get(k).name());
        loadConst(ToyTuple.of(fromList));
        emit(IMPORT_NAME, unit.out.name(i.module()));
        if (i.names().size() == 1 && i.names().get(0).name().equals("*")) {
            emit(IMPORT_STAR);
            return;
        }
        for (Stmt.Alias a : i.names()) {
            emit(IMPORT_FROM, unit.out.name(a.name()));
            name(a.asName() != null ? a.asName() : a.name(), Access.STORE);
        }
        emit(POP_TOP);
    }

    private void augAssign(Stmt.AugAssign a) {
        int op = a.op().ordinal() + INPLACE;
        Expr t = a.target();
        if (t instanceof Expr.Name n) {
            name(n.id(), Access.LOAD);
            expr(a.value());
            emit(BINARY_OP, op);
            name(n.id(), Access.STORE);
        } else if (t instanceof Expr.Attribute at) {
            expr(at.value());
            emit(COPY, 1);
            emit(LOAD_ATTR, unit.out.name(at.attr()));
            expr(a.value());
            emit(BINARY_OP, op);
            emit(SWAP, 2);
            emit(STORE_ATTR, unit.out.name(at.attr()));
        } else if (t instanceof Expr.Subscript sub) {
            expr(sub.value());
            index(sub.index());
            emit(COPY, 2);
            emit(COPY, 2);
            emit(BINARY_SUBSCR);
            expr(a.value());
            emit(BINARY_OP, op);
            emit(SWAP, 3);
            emit(SWAP, 2);
            emit(STORE_SUBSCR);
        } else {
            throw error("'" + describe(t) + "' is an illegal expression for augmented assignment", t.span());
        }
    }

    private static String describe(Expr e) {
        if (e instanceof Expr.TupleExpr) return "tuple";
        if (e instanceof Expr.ListExpr) return "list";
        if (e instanceof Expr.Call) return "function call";
        return "expression";
    }

    private void ifStmt(Stmt.If i) {
        CodeBuilder.Label orElse = label();
        CodeBuilder.Label end = label();
        jumpIf(i.test(), orElse, false);
        stmts(i.body());
        if (!i.orElse().isEmpty()) {
            jump(JUMP_FORWARD, end);
            bind(orElse);
            stmts(i.orElse());
        } else {
            bind(orElse);
        }
        bind(end);
    }

    private void whileStmt(Stmt.While w) {
        CodeBuilder.Label top = label();
        CodeBuilder.Label orElse = label();
        CodeBuilder.Label end = label();
        bind(top);
        jumpIf(w.test(), orElse, false);
        unit.blocks.push(new FBlock(FBlockKind.WHILE_LOOP, top, end, null));
        stmts(w.body());
        unit.blocks.pop();
        unit.out.line = w.span().line();
        jump(JUMP_BACKWARD, top);
        bind(orElse);
        stmts(w.orElse());
        bind(end);
    }

    private void forStmt(Stmt.For f) {
        CodeBuilder.Label top = label();
        CodeBuilder.Label exhausted = label();
        CodeBuilder.Label end = label();
        expr(f.iter());
        unit.out.line = f.span().line();
        emit(GET_ITER);
        bind(top);
        jump(FOR_ITER, exhausted);
        unit.stackLevel++;
        store(f.target());
        unit.blocks.push(new FBlock(FBlockKind.FOR_LOOP, top, end, null));
        stmts(f.body());
        unit.blocks.pop();
        unit.out.line = f.span().line();
        jump(JUMP_BACKWARD, top);
        unit.stackLevel--;
        bind(exhausted);
        stmts(f.orElse());
        bind(end);
    }

    private void breakOrContinue(Span span, boolean isBreak) {
        FBlock loop = null;
        for (FBlock b : unit.blocks) {
            if (b.kind == FBlockKind.WHILE_LOOP || b.kind == FBlockKind.FOR_LOOP) {
                loop = b;
                break;
            }
        }
        if (loop == null) throw error(isBreak ? "'break' outside loop" : "'continue' not properly in loop", span);
        List<int[]> holes = unwindTo(loop, false);
        if (isBreak) {
            if (loop.kind == FBlockKind.FOR_LOOP) emit(POP_TOP);
            jump(JUMP_FORWARD, loop.exit);
        } else {
            jump(JUMP_BACKWARD, loop.start);
        }
        for (int[] hole : holes) hole[1] = unit.out.here();
    }

    private void returnStmt(Stmt.Return r) {
        if (!unit.scope.isFunctionLike()) throw error("'return' outside function", r.span());
        if (r.value() != null) expr(r.value());
        else loadConst(ToyNone.NONE);
        List<int[]> holes = unwindTo(null, true);
        unit.out.line = r.span().line();
        emit(RETURN_VALUE);
        for (int[] hole : holes) hole[1] = unit.out.here();
    }

    /**
     * Emits the clean-up of every block from the innermost out to (not including) {@code stop},
     * or all of them when stop is null. With {@code preserveTop} the value on top of the stack
     * (a return value) is kept above each block's clean-up.
     */
    private List<int[]> unwindTo(FBlock stop, boolean preserveTop) {
        List<FBlock> saved = new ArrayList<>();
        List<int[]> holes = new ArrayList<>();
        int level = unit.stackLevel;
        try {
            while (!unit.blocks.isEmpty() && unit.blocks.peek() != stop) {
                FBlock b = unit.blocks.pop();
                saved.add(b);
                int[] hole = {unit.out.here(), -1}; // closed by the caller once its jump is emitted
                b.holes.add(hole);
                holes.add(hole);
                unwindOne(b, preserveTop);
                // The clean-up took the block's items off the stack (a loop's iterator only when a
                // return value sits above it), so a try in a finally body inlined after it records
                // the lower depth in its handler (fuzz finding: the VM restored a wrong stack).
                if (b.kind != FBlockKind.FOR_LOOP || preserveTop) unit.stackLevel -= b.kind.stackItems;
            }
        } finally {
            for (int i = saved.size() - 1; i >= 0; i--) unit.blocks.push(saved.get(i));
            unit.stackLevel = level;
        }
        return holes;
    }

    /** {@code protect(start, end, …)} less the holes that jumps out of {@code blocks} left in it. */
    private void protect(int start, int end, CodeBuilder.Label handler, int depth, List<FBlock> blocks) {
        List<int[]> holes = new ArrayList<>();
        for (FBlock b : blocks) holes.addAll(b.holes);
        holes.sort((x, y) -> Integer.compare(x[0], y[0]));
        int from = start;
        for (int[] hole : holes) {
            if (hole[0] > from) unit.out.protect(from, Math.min(hole[0], end), handler, depth);
            from = Math.max(from, hole[1]);
        }
        unit.out.protect(from, end, handler, depth);
    }

    @SuppressWarnings("unchecked")
    private void unwindOne(FBlock b, boolean preserveTop) {
        switch (b.kind) {
            case WHILE_LOOP, TRY_EXCEPT -> { }
            case FOR_LOOP -> {
                if (preserveTop) {
                    emit(SWAP, 2);
                    emit(POP_TOP);
                }
            }
            case FINALLY_TRY -> {
                // Run the finally body inline; the block itself is already popped, so a return
                // inside the finally body does not run it again.
                // With a return value kept below it, a break, continue or return in that body must
                // drop the value first (CPython's POP_VALUE block), or the stack grows at each jump.
                int level = unit.stackLevel;
                unit.stackLevel += preserveTop ? 1 : 0;
                if (preserveTop) unit.blocks.push(new FBlock(FBlockKind.POP_VALUE, null, null, null));
                stmts((List<Stmt>) b.payload);
                if (preserveTop) unit.blocks.pop();
                unit.stackLevel = level;
            }
            case FINALLY_END -> {
                if (preserveTop) emit(SWAP, 2);
                emit(POP_TOP);
                if (preserveTop) emit(SWAP, 2);
                emit(POP_EXCEPT);
            }
            case HANDLER_CLEANUP -> {
                if (preserveTop) emit(SWAP, 2);
                emit(POP_EXCEPT);
                if (b.payload != null) {
                    loadConst(ToyNone.NONE);
                    name((String) b.payload, Access.STORE);
                    name((String) b.payload, Access.DELETE);
                }
            }
            case WITH -> {
                if (preserveTop) emit(SWAP, 2);
                callExitWithNones();
            }
            case POP_VALUE -> {
                if (preserveTop) emit(SWAP, 2);
                emit(POP_TOP);
            }
            default -> throw new IllegalStateException(b.kind.toString());
        }
    }

    /** (exit -- ): {@code exit(None, None, None)}, using exit in CALL's "method" slot as CPython does. */
    private void callExitWithNones() {
        loadConst(ToyNone.NONE);
        loadConst(ToyNone.NONE);
        loadConst(ToyNone.NONE);
        emit(CALL, 2);
        emit(POP_TOP);
    }

    /** The handler that restores the previously handled exception and re-raises: (prev exc -- ). */
    private void emitCleanupReraise() {
        emit(SWAP, 2);
        emit(POP_EXCEPT);
        emit(RERAISE, 0);
    }

    private void tryStmt(Stmt.Try t) {
        if (!t.finalBody().isEmpty()) {
            tryFinally(t);
        } else {
            tryExcept(t.body(), t.handlers(), t.orElse());
        }
    }

    private void tryFinally(Stmt.Try t) {
        CodeBuilder.Label handler = label();
        CodeBuilder.Label cleanup = label();
        CodeBuilder.Label end = label();
        int depth = unit.stackLevel;
        int start = unit.out.here();
        emit(NOP);
        FBlock finallyTry = new FBlock(FBlockKind.FINALLY_TRY, null, null, t.finalBody());
        unit.blocks.push(finallyTry);
        if (t.handlers().isEmpty()) stmts(t.body());
        else tryExcept(t.body(), t.handlers(), t.orElse());
        unit.blocks.pop();
        protect(start, unit.out.here(), handler, depth, List.of(finallyTry));
        stmts(t.finalBody());
        jump(JUMP_FORWARD, end);

        // The exceptional path: the exception is on the stack; run the finally body, re-raise.
        bind(handler);
        int handlerStart = unit.out.here();
        emit(PUSH_EXC_INFO);
        unit.stackLevel += 2;
        FBlock finallyEnd = new FBlock(FBlockKind.FINALLY_END, null, null, null);
        unit.blocks.push(finallyEnd);
        stmts(t.finalBody());
        unit.blocks.pop();
        unit.stackLevel -= 2;
        emit(RERAISE, 0);
        protect(handlerStart, unit.out.here(), cleanup, depth + 1, List.of(finallyEnd));
        bind(cleanup);
        emitCleanupReraise();
        bind(end);
    }

    private void tryExcept(List<Stmt> body, List<Stmt.ExceptHandler> handlers, List<Stmt> orElse) {
        CodeBuilder.Label handler = label();
        CodeBuilder.Label cleanup = label();
        CodeBuilder.Label end = label();
        int depth = unit.stackLevel;
        int start = unit.out.here();
        emit(NOP);
        FBlock tryBlock = new FBlock(FBlockKind.TRY_EXCEPT, null, null, null);
        unit.blocks.push(tryBlock);
        stmts(body);
        unit.blocks.pop();
        protect(start, unit.out.here(), handler, depth, List.of(tryBlock));
        stmts(orElse);
        jump(JUMP_FORWARD, end);

        bind(handler);
        int handlerStart = unit.out.here();
        emit(PUSH_EXC_INFO);                       // (prev exc)
        List<FBlock> handlerBlocks = new ArrayList<>();
        for (int i = 0; i < handlers.size(); i++) {
            Stmt.ExceptHandler h = handlers.get(i);
            unit.out.line = h.span().line();
            CodeBuilder.Label next = label();
            if (h.type() == null) {
                if (i != handlers.size() - 1) throw error("default 'except:' must be last", h.span());
            } else {
                expr(h.type());
                emit(CHECK_EXC_MATCH);
                jump(POP_JUMP_IF_FALSE, next);
            }
            if (h.name() != null) name(h.name(), Access.STORE);
            else emit(POP_TOP);
            // Inside the handler body: (prev). A named exception is unbound when the body ends,
            // however it ends (CPython: "e = None; del e").
            CodeBuilder.Label namedCleanup = label();
            int bodyStart = unit.out.here();
            unit.stackLevel += 1;
            FBlock cleanupBlock = new FBlock(FBlockKind.HANDLER_CLEANUP, null, null, h.name());
            handlerBlocks.add(cleanupBlock);
            unit.blocks.push(cleanupBlock);
            stmts(h.body());
            unit.blocks.pop();
            unit.stackLevel -= 1;
            int bodyEnd = unit.out.here();
            emit(POP_EXCEPT);
            if (h.name() != null) {
                loadConst(ToyNone.NONE);
                name(h.name(), Access.STORE);
                name(h.name(), Access.DELETE);
            }
            jump(JUMP_FORWARD, end);
            if (h.name() != null) {
                protect(bodyStart, bodyEnd, namedCleanup, depth + 1, List.of(cleanupBlock));
                bind(namedCleanup);               // (prev exc2)
                loadConst(ToyNone.NONE);
                name(h.name(), Access.STORE);
                name(h.name(), Access.DELETE);
                emit(RERAISE, 0);
            }
            bind(next);
        }
        emit(RERAISE, 0);                          // no handler matched: (prev exc) -> re-raise exc
        protect(handlerStart, unit.out.here(), cleanup, depth + 1, handlerBlocks);
        bind(cleanup);
        emitCleanupReraise();
        bind(end);
    }

    private void withStmt(Stmt.With w, int item) {
        Stmt.WithItem it = w.items().get(item);
        CodeBuilder.Label handler = label();
        CodeBuilder.Label cleanup = label();
        CodeBuilder.Label suppress = label();
        CodeBuilder.Label end = label();
        int depth = unit.stackLevel;
        expr(it.context());
        unit.out.line = w.span().line();
        emit(BEFORE_WITH);                          // (exit enter_result)
        int start = unit.out.here();
        if (it.target() != null) store(it.target());
        else emit(POP_TOP);
        unit.stackLevel += 1;
        FBlock withBlock = new FBlock(FBlockKind.WITH, null, null, null);
        unit.blocks.push(withBlock);
        if (item + 1 < w.items().size()) withStmt(w, item + 1);
        else stmts(w.body());
        unit.blocks.pop();
        unit.stackLevel -= 1;
        protect(start, unit.out.here(), handler, depth + 1, List.of(withBlock));
        unit.out.line = w.span().line();
        callExitWithNones();
        jump(JUMP_FORWARD, end);

        bind(handler);                              // (exit exc)
        int handlerStart = unit.out.here();
        emit(PUSH_EXC_INFO);                        // (exit prev exc)
        emit(WITH_EXCEPT_START);                    // (exit prev exc result)
        jump(POP_JUMP_IF_TRUE, suppress);
        emit(RERAISE, 0);
        bind(suppress);
        emit(POP_TOP);
        emit(POP_EXCEPT);
        emit(POP_TOP);
        jump(JUMP_FORWARD, end);
        unit.out.protect(handlerStart, unit.out.here(), cleanup, depth + 2);
        bind(cleanup);
        emitCleanupReraise();
        bind(end);
    }

    // ---- assignment targets --------------------------------------------------------------

    private void store(Expr t) { target(t, Access.STORE); }

    private void delete(Expr t) { target(t, Access.DELETE); }

    /** An assignment or {@code del} target: the same walk, with STORE_* or DELETE_* instructions. */
    private void target(Expr t, Access access) {
        boolean storing = access == Access.STORE;
        int old = setLine(t.span());
        if (t instanceof Expr.Name n) {
            name(n.id(), access);
        } else if (t instanceof Expr.Attribute a) {
            expr(a.value());
            emit(storing ? STORE_ATTR : DELETE_ATTR, unit.out.name(a.attr()));
        } else if (t instanceof Expr.Subscript s) {
            expr(s.value());
            index(s.index());
            emit(storing ? STORE_SUBSCR : DELETE_SUBSCR);
        } else if ((t instanceof Expr.TupleExpr || t instanceof Expr.ListExpr) && storing) {
            unpack(t instanceof Expr.TupleExpr tu ? tu.elts() : ((Expr.ListExpr) t).elts(), t.span());
        } else if (t instanceof Expr.TupleExpr || t instanceof Expr.ListExpr) {
            for (Expr e : t instanceof Expr.TupleExpr tu ? tu.elts() : ((Expr.ListExpr) t).elts()) delete(e);
        } else if (t instanceof Expr.Starred && storing) {
            throw error("starred assignment target must be in a list or tuple", t.span());
        } else {
            throw error((storing ? "cannot assign to " : "cannot delete ") + describe(t), t.span());
        }
        unit.out.line = old;
    }

    private void unpack(List<Expr> elts, Span span) {
        int star = -1;
        for (int i = 0; i < elts.size(); i++) {
            if (elts.get(i) instanceof Expr.Starred) {
                if (star >= 0) throw error("multiple starred expressions in assignment", elts.get(i).span());
                star = i;
            }
        }
        if (star < 0) {
            emit(UNPACK_SEQUENCE, elts.size());
        } else {
            emit(UNPACK_EX, star | (elts.size() - star - 1) << 8);
        }
        for (Expr e : elts) store(e instanceof Expr.Starred s ? s.value() : e);
    }

    // ---- expressions -----------------------------------------------------------------------

    /** Compiles a condition that jumps to {@code target} when its truth equals {@code whenTrue}. */
    private void jumpIf(Expr e, CodeBuilder.Label target, boolean whenTrue) {
        if (e instanceof Expr.UnaryOp u && u.op() == UnaryOperator.NOT) {
            jumpIf(u.operand(), target, !whenTrue);
            return;
        }
        if (e instanceof Expr.BoolOp b) {
            // (a and b) jumps on false as soon as one is false; on true only when the last is.
            boolean shortCircuitOn = !b.isAnd();
            if (shortCircuitOn == whenTrue) {
                for (Expr v : b.values()) jumpIf(v, target, whenTrue);
            } else {
                CodeBuilder.Label skip = label();
                for (int i = 0; i < b.values().size() - 1; i++) jumpIf(b.values().get(i), skip, !whenTrue);
                jumpIf(b.values().get(b.values().size() - 1), target, whenTrue);
                bind(skip);
            }
            return;
        }
        expr(e);
        jump(whenTrue ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, target);
    }

    private void exprs(List<Expr> es) {
        for (Expr e : es) expr(e);
    }

    private void expr(Expr e) {
        int old = setLine(e.span());
        exprBody(e);
        unit.out.line = old;
    }

    private void exprBody(Expr e) {
        if (e instanceof Expr.Name n) {
            name(n.id(), Access.LOAD);
        } else if (e instanceof Expr.IntLit i) {
            loadConst(ToyInt.of(i.value()));
        } else if (e instanceof Expr.FloatLit f) {
            loadConst(ToyFloat.of(f.value()));
        } else if (e instanceof Expr.StrLit s) {
            loadConst(ToyStr.of(s.value()));
        } else if (e instanceof Expr.BytesLit b) {
            loadConst(new ToyBytes(b.value()));
        } else if (e instanceof Expr.BoolLit b) {
            loadConst(ToyBool.of(b.value()));
        } else if (e instanceof Expr.NoneLit) {
            loadConst(ToyNone.NONE);
        } else if (e instanceof Expr.FString f) {
            fString(f);
        } else if (e instanceof Expr.FormattedValue f) {
            fString(new Expr.FString(f.span(), List.of(f)));
        } else if (e instanceof Expr.BinOp b) {
            expr(b.left());
            expr(b.right());
            setLine(b.span());
            emit(BINARY_OP, b.op().ordinal());
        } else if (e instanceof Expr.UnaryOp u) {
            expr(u.operand());
            emit(switch (u.op()) {
                case NEGATIVE -> UNARY_NEGATIVE;
                case POSITIVE -> UNARY_POSITIVE;
                case INVERT -> UNARY_INVERT;
                case NOT -> UNARY_NOT;
            });
        } else if (e instanceof Expr.BoolOp b) {
            CodeBuilder.Label end = label();
            for (int i = 0; i < b.values().size(); i++) {
                expr(b.values().get(i));
                if (i < b.values().size() - 1) jump(b.isAnd() ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP, end);
            }
            bind(end);
        } else if (e instanceof Expr.Compare c) {
            compare(c);
        } else if (e instanceof Expr.IfExp i) {
            CodeBuilder.Label orElse = label();
            CodeBuilder.Label end = label();
            jumpIf(i.test(), orElse, false);
            expr(i.body());
            jump(JUMP_FORWARD, end);
            bind(orElse);
            expr(i.orElse());
            bind(end);
        } else if (e instanceof Expr.Lambda l) {
            makeFunction(l, "<lambda>", l.params(), null, l.body(), l.span());
        } else if (e instanceof Expr.Call c) {
            call(c);
        } else if (e instanceof Expr.Attribute a) {
            expr(a.value());
            setLine(a.span());
            emit(LOAD_ATTR, unit.out.name(a.attr()));
        } else if (e instanceof Expr.Subscript s) {
            expr(s.value());
            index(s.index());
            setLine(s.span());
            emit(BINARY_SUBSCR);
        } else if (e instanceof Expr.Slice s) {
            slice(s);
        } else if (e instanceof Expr.Starred s) {
            throw error("can't use starred expression here", s.span());
        } else if (e instanceof Expr.ListExpr l) {
            sequence(l.elts(), BUILD_LIST, LIST_APPEND, LIST_EXTEND, false);
        } else if (e instanceof Expr.TupleExpr t) {
            ToyTuple folded = constantTuple(t);
            if (folded != null) loadConst(folded);
            else sequence(t.elts(), BUILD_TUPLE, LIST_APPEND, LIST_EXTEND, true);
        } else if (e instanceof Expr.SetExpr s) {
            ToySet folded = s.elts().size() >= 3 ? constantSet(s) : null;
            if (folded != null) {
                // CPython 3.11 folds three or more constants into a frozenset and copies it into a
                // new set (BUILD_SET 0; SET_UPDATE), which decides the order the set prints in.
                emit(BUILD_SET, 0);
                loadConst(folded);
                emit(SET_UPDATE, 1);
            } else {
                sequence(s.elts(), BUILD_SET, SET_ADD, SET_UPDATE, false);
            }
        } else if (e instanceof Expr.DictExpr d) {
            dict(d);
        } else if (e instanceof Expr.ListComp c) {
            comprehension(c, "<listcomp>", c.generators(), BUILD_LIST, c.elt(), null);
        } else if (e instanceof Expr.SetComp c) {
            comprehension(c, "<setcomp>", c.generators(), BUILD_SET, c.elt(), null);
        } else if (e instanceof Expr.DictComp c) {
            comprehension(c, "<dictcomp>", c.generators(), BUILD_MAP, c.key(), c.value());
        } else if (e instanceof Expr.GeneratorExp c) {
            // Toy has no generators: the expression is evaluated eagerly into a list, and the
            // consumer receives an iterator over it.
            comprehension(c, "<genexpr>", c.generators(), BUILD_LIST, c.elt(), null);
            emit(GET_ITER);
        } else {
            throw new IllegalStateException("unknown expression " + e.getClass().getSimpleName());
        }
    }

    /** A tuple of literals becomes one constant, as CPython's constant folding does. */
    private static ToyTuple constantTuple(Expr.TupleExpr t) {
        ToyObject[] items = new ToyObject[t.elts().size()];
        for (int i = 0; i < items.length; i++) {
            Expr e = t.elts().get(i);
            if (e instanceof Expr.IntLit n) items[i] = ToyInt.of(n.value());
            else if (e instanceof Expr.FloatLit f) items[i] = ToyFloat.of(f.value());
            else if (e instanceof Expr.StrLit s) items[i] = ToyStr.of(s.value());
            else if (e instanceof Expr.BoolLit b) items[i] = ToyBool.of(b.value());
            else if (e instanceof Expr.NoneLit) items[i] = ToyNone.NONE;
            else if (e instanceof Expr.TupleExpr inner && constantTuple(inner) != null) items[i] = constantTuple(inner);
            else return null;
        }
        return ToyTuple.of(items);
    }

    /** A frozenset constant for a set display of literals, built as CPython's constant folder builds it. */
    private static ToySet constantSet(Expr.SetExpr s) {
        ToySet folded = new ToySet(true);
        for (Expr e : s.elts()) {
            ToyTuple single = constantTuple(new Expr.TupleExpr(e.span(), List.of(e)));
            if (single == null) return null;
            folded.add(single.get(0));
        }
        // The constant merger rebuilds the frozenset from its own iteration order.
        ToySet merged = new ToySet(true);
        for (ToyObject x : folded.toArray()) merged.add(x);
        return merged;
    }

    private void fString(Expr.FString f) {
        int n = 0;
        for (Expr part : f.parts()) {
            if (part instanceof Expr.FormattedValue v) {
                expr(v.value());
                int flags = switch (v.conversion()) {
                    case 's' -> 1;
                    case 'r' -> 2;
                    case 'a' -> 3;
                    default -> 0;
                };
                if (v.formatSpec() != null) {
                    expr(v.formatSpec());
                    flags |= 4;
                }
                emit(FORMAT_VALUE, flags);
            } else {
                expr(part);
            }
            n++;
        }
        if (n == 0) loadConst(ToyStr.EMPTY);
        else if (n > 1 || !(f.parts().get(0) instanceof Expr.FormattedValue)) emit(BUILD_STRING, n);
    }

    private void compare(Expr.Compare c) {
        checkIsLiteral(c);
        expr(c.left());
        int n = c.ops().size();
        if (n == 1) {
            expr(c.comparators().get(0));
            compareOp(c.ops().get(0));
            return;
        }
        CodeBuilder.Label cleanup = label();
        CodeBuilder.Label end = label();
        for (int i = 0; i < n - 1; i++) {
            expr(c.comparators().get(i));
            emit(SWAP, 2);
            emit(COPY, 2);
            compareOp(c.ops().get(i));
            jump(JUMP_IF_FALSE_OR_POP, cleanup);
        }
        expr(c.comparators().get(n - 1));
        compareOp(c.ops().get(n - 1));
        jump(JUMP_FORWARD, end);
        bind(cleanup);
        emit(SWAP, 2);
        emit(POP_TOP);
        bind(end);
    }

    private void compareOp(CompareOp op) {
        switch (op) {
            case IS -> emit(IS_OP, 0);
            case IS_NOT -> emit(IS_OP, 1);
            case IN -> emit(CONTAINS_OP, 0);
            case NOT_IN -> emit(CONTAINS_OP, 1);
            default -> emit(COMPARE_OP, op.ordinal());
        }
    }

    private void index(Expr index) {
        if (index instanceof Expr.Slice s) slice(s);
        else expr(index);
    }

    private void slice(Expr.Slice s) {
        if (s.lower() != null) expr(s.lower()); else loadConst(ToyNone.NONE);
        if (s.upper() != null) expr(s.upper()); else loadConst(ToyNone.NONE);
        if (s.step() != null) {
            expr(s.step());
            emit(BUILD_SLICE, 3);
        } else {
            emit(BUILD_SLICE, 2);
        }
    }

    /** A list, tuple or set display; starred items are spliced in with the *_EXTEND/UPDATE op. */
    private void sequence(List<Expr> elts, int build, int add, int extend, boolean toTuple) {
        boolean starred = elts.stream().anyMatch(x -> x instanceof Expr.Starred);
        if (!starred) {
            exprs(elts);
            emit(build, elts.size());
            return;
        }
        emit(build == BUILD_TUPLE ? BUILD_LIST : build, 0);
        for (Expr x : elts) {
            if (x instanceof Expr.Starred s) {
                expr(s.value());
                emit(extend, 1);
            } else {
                expr(x);
                emit(add, 1);
            }
        }
        if (toTuple) emit(LIST_TO_TUPLE);
    }

    private void dict(Expr.DictExpr d) {
        boolean unpacking = d.keys().stream().anyMatch(k -> k == null);
        if (!unpacking) {
            for (int i = 0; i < d.keys().size(); i++) {
                expr(d.keys().get(i));
                expr(d.values().get(i));
            }
            emit(BUILD_MAP, d.keys().size());
            return;
        }
        emit(BUILD_MAP, 0);
        for (int i = 0; i < d.keys().size(); i++) {
            if (d.keys().get(i) == null) {
                expr(d.values().get(i));
                emit(DICT_UPDATE, 1);
            } else {
                expr(d.keys().get(i));
                expr(d.values().get(i));
                emit(MAP_ADD, 1);
            }
        }
    }

    private void call(Expr.Call c) {
        boolean starred = c.args().stream().anyMatch(a -> a instanceof Expr.Starred)
                || c.keywords().stream().anyMatch(k -> k.name() == null);
        Set<String> seen = new HashSet<>();
        for (Expr.Keyword k : c.keywords()) {
            if (k.name() != null && !seen.add(k.name())) {
                throw error("keyword argument repeated: " + k.name(), k.span());
            }
        }
        if (starred) {
            emit(PUSH_NULL);
            expr(c.func());
            callEx(c);
            return;
        }
        if (c.func() instanceof Expr.Attribute a) {
            expr(a.value());
            setLine(a.span());
            emit(LOAD_METHOD, unit.out.name(a.attr()));
        } else {
            emit(PUSH_NULL);
            expr(c.func());
        }
        exprs(c.args());
        for (Expr.Keyword k : c.keywords()) expr(k.value());
        setLine(c.span());
        if (!c.keywords().isEmpty()) {
            ToyObject[] names = new ToyObject[c.keywords().size()];
            for (int i = 0; i < names.length; i++) names[i] = ToyStr.of(c.keywords().get(i).name());
            emit(KW_NAMES, unit.out.constant(ToyTuple.of(names)));
        }
        emit(CALL, c.args().size() + c.keywords().size());
    }

    /** f(*args, **kwargs): build the positional tuple and the keyword dict, then CALL_FUNCTION_EX. */
    private void callEx(Expr.Call c) {
        emit(BUILD_LIST, 0);
        for (Expr a : c.args()) {
            if (a instanceof Expr.Starred s) {
                expr(s.value());
                emit(LIST_EXTEND, 1);
            } else {
                expr(a);
                emit(LIST_APPEND, 1);
            }
        }
        emit(LIST_TO_TUPLE);
        if (c.keywords().isEmpty()) {
            setLine(c.span());
            emit(CALL_FUNCTION_EX, 0);
            return;
        }
        emit(BUILD_MAP, 0);
        for (Expr.Keyword k : c.keywords()) {
            if (k.name() == null) {
                expr(k.value());
            } else {
                loadConst(ToyStr.of(k.name()));
                expr(k.value());
                emit(BUILD_MAP, 1);
            }
            emit(DICT_MERGE, 1);
        }
        setLine(c.span());
        emit(CALL_FUNCTION_EX, 1);
    }

    /**
     * A comprehension is compiled as a function taking the first iterator as ".0", called at
     * once: {@code MAKE_FUNCTION; <first iterable>; GET_ITER; CALL 0}, as CPython 3.11 does.
     */
    private void comprehension(Object node, String name, List<Expr.Comprehension> gens, int build, Expr elt,
                               Expr value) {
        Scope scope = scopes.of(node);
        Span span = ((Expr) node).span();
        Unit outer = unit;
        unit = new Unit(scope);
        unit.out.line = span.line();
        emit(RESUME, 0);
        emit(build, 0);
        comprehensionGenerator(gens, 0, build, elt, value);
        emit(RETURN_VALUE);
        Code code = finish(name, scope.qualName, span.line(), 1, 0, 0);
        unit = outer;
        closure(code, 0);
        expr(gens.get(0).iter());
        emit(GET_ITER);
        emit(CALL, 0);
    }

    private void comprehensionGenerator(List<Expr.Comprehension> gens, int i, int build, Expr elt, Expr value) {
        Expr.Comprehension g = gens.get(i);
        CodeBuilder.Label top = label();
        CodeBuilder.Label end = label();
        if (i == 0) {
            emit(LOAD_FAST, localIndex(".0"));
        } else {
            expr(g.iter());
            emit(GET_ITER);
        }
        bind(top);
        jump(FOR_ITER, end);
        store(g.target());
        for (Expr cond : g.ifs()) jumpIf(cond, top, false);
        if (i + 1 < gens.size()) {
            comprehensionGenerator(gens, i + 1, build, elt, value);
        } else if (build == BUILD_MAP) {
            expr(elt);
            expr(value);
            emit(MAP_ADD, gens.size() + 1);
        } else {
            expr(elt);
            emit(build == BUILD_LIST ? LIST_APPEND : SET_ADD, gens.size() + 1);
        }
        jump(JUMP_BACKWARD, top);
        bind(end);
    }
}
