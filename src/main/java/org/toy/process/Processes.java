package org.toy.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.toy.gil.Gil;
import org.toy.ipc.Codec;
import org.toy.modules.BuiltinModules;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.source.Source;
import org.toy.vm.Interpreter;
import org.toy.vm.ThreadState;

/**
 * The per-interpreter state of {@code multiprocessing} ({@code process.py}'s module globals):
 * the current and parent process objects, the children started from here, the name counter and
 * the start method. Kept beside the interpreter in a weak map, so several interpreters in one
 * JVM (the tests) each have their own.
 */
public final class Processes {
    private static final Map<Interpreter, Processes> ALL = Collections.synchronizedMap(new WeakHashMap<>());

    final Interpreter interp;
    /** {@code current_process()}: {@code MainProcess}, or in a child the child itself. */
    ToyProcess current;
    /** {@code parent_process()}: null in the main process. */
    ToyProcess parent;
    final List<ToyProcess> children = new ArrayList<>();
    private int counter;
    /** Run at exit before the children are joined (a manager stops). */
    private final List<Runnable> exitHooks = new ArrayList<>();
    /** The method set by {@code set_start_method}, or null (fork, as CPython 3.11 on Linux). */
    String startMethod;
    /** True while a spawned child re-runs the main script (CPython's {@code _inheriting}). */
    volatile boolean bootstrapping;

    /** The warm spare child that the next start() takes (none before the first start). */
    final Spares spares;

    private Processes(Interpreter interp) {
        this.interp = interp;
        this.spares = new Spares(interp);
        this.current = ToyProcess.mainProcess(interp);
    }

    public static Processes of(Interpreter interp) {
        synchronized (ALL) {
            return ALL.computeIfAbsent(interp, Processes::new);
        }
    }

    synchronized int nextNumber() { return ++counter; }

    /** Whether this is a daemon process (which may not have children, a manager included). */
    public boolean currentIsDaemon() { return current.daemon(); }

    /** {@code current_process().name}. */
    public String currentName() { return current.getAttr("name").str(); }

    String method() { return startMethod == null ? "fork" : startMethod; }

    synchronized List<ToyProcess> activeChildren() {
        children.removeIf(p -> !p.poll());
        return new ArrayList<>(children);
    }

    synchronized void started(ToyProcess p) {
        children.removeIf(c -> !c.poll());
        children.add(p);
    }

    /**
     * {@code util._exit_function}: at interpreter exit, terminate the daemon children, then join
     * the others. Called after the non-daemon threads have been joined, as CPython's atexit is.
     */
    public static void exitFunction(Interpreter interp) {
        org.toy.ipc.IpcQueue.flushAll();
        Processes ps;
        synchronized (ALL) {
            ps = ALL.get(interp);
        }
        if (ps == null) return;
        ps.spares.close();
        List<Runnable> hooks;
        synchronized (ps) {
            hooks = new ArrayList<>(ps.exitHooks);
            ps.exitHooks.clear();
        }
        hooks.forEach(Runnable::run);
        for (ToyProcess p : ps.activeChildren()) if (p.daemon()) p.signal(false);
        for (ToyProcess p : ps.activeChildren()) p.waitQuietly();
    }

    /** Registers what must happen when this interpreter's program ends ({@code util.Finalize} with an exit priority). */
    public static void atExit(Interpreter interp, Runnable hook) {
        Processes ps = of(interp);
        synchronized (ps) {
            ps.exitHooks.add(hook);
        }
    }

    /** How this interpreter finds the modules that a message names. */
    public static Codec.Resolver resolver(Interpreter interp) {
        return (name, file) -> {
            if (name.equals("builtins")) return interp.builtins();
            if (name.equals("__main__") || name.equals("__mp_main__")) {
                ToyModule m = interp.modules().get("__mp_main__");
                return m != null ? m : interp.modules().get("__main__");
            }
            ToyModule m = interp.modules().get(name);
            if (m != null) return m;
            if (name.startsWith("multiprocessing.context.")) return MultiprocessingModule.contextNamed(interp, name);
            int dot = name.lastIndexOf('.');
            if (dot > 0 && file == null) {
                // a built-in submodule (multiprocessing.pool): an attribute of its package
                ToyModule pkg = resolver(interp).module(name.substring(0, dot), null);
                ToyObject sub = pkg == null ? null : pkg.globals().get(ToyStr.of(name.substring(dot + 1)));
                if (sub instanceof ToyModule s) return s;
            }
            m = BuiltinModules.create(name, interp);
            if (m != null) {
                interp.modules().put(name, m);
                return m;
            }
            if (file == null || !Files.isRegularFile(Path.of(file))) return null;
            String text;
            try {
                text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
            ThreadState ts = Gil.currentThreadState();
            if (ts == null || ts.interp() != interp) ts = interp.mainThread();
            ToyModule loaded = interp.newModule(name, file);
            interp.exec(ts, interp.compile(new Source(file, text), false), loaded.globals());
            return loaded;
        };
    }
}
