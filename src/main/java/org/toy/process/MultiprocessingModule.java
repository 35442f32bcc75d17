package org.toy.process;

import java.util.List;
import org.toy.runtime.Args;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.vm.Interpreter;
import org.toy.vm.ThreadState;

/**
 * The {@code multiprocessing} module and the {@code process(target, *args, **kwargs)} built-in.
 * A context ({@code get_context("spawn")}) is a module-shaped object whose {@code Process}
 * starts children with that method.
 */
public final class MultiprocessingModule {
    private MultiprocessingModule() {}

    static final List<String> METHODS = List.of("fork", "spawn", "forkserver");

    public static ToyModule create(Interpreter interp) {
        return build(interp, null, "multiprocessing");
    }

    private static ToyModule build(Interpreter interp, String method, String moduleName) {
        ToyModule m = new ToyModule(moduleName);
        if (method == null) {
            m.define("Process", ToyProcess.TYPE);
        } else {
            m.function("Process", (ts, a, kw) -> ToyProcess.create(ts, method, a, kw, 0));
        }
        m.function("current_process", (ts, a, kw) -> {
            Args.none("current_process", a, kw, 0);
            return Processes.of(ts.interp()).current;
        });
        m.function("parent_process", (ts, a, kw) -> {
            Args.none("parent_process", a, kw, 0);
            ToyProcess p = Processes.of(ts.interp()).parent;
            return p == null ? ToyNone.NONE : p;
        });
        m.function("active_children", (ts, a, kw) -> {
            Args.none("active_children", a, kw, 0);
            return new ToyList(Processes.of(ts.interp()).activeChildren().toArray(new ToyObject[0]));
        });
        m.function("cpu_count", (ts, a, kw) -> {
            Args.none("cpu_count", a, kw, 0);
            return ToyInt.of(Runtime.getRuntime().availableProcessors());
        });
        m.function("get_all_start_methods", (ts, a, kw) -> {
            Args.none("get_all_start_methods", a, kw, 0);
            return ToyList.of(ToyStr.of("fork"), ToyStr.of("spawn"), ToyStr.of("forkserver"));
        });
        m.function("get_start_method", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("get_start_method", a, kw, 0, 0, "allow_none");
            if (method != null) return ToyStr.of(method);
            Processes ps = Processes.of(ts.interp());
            if (ps.startMethod == null && p[0] != null && p[0].isTrue()) return ToyNone.NONE;
            if (ps.startMethod == null) ps.startMethod = "fork";
            return ToyStr.of(ps.startMethod);
        });
        m.function("set_start_method", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("set_start_method", a, kw, 0, 1, "method", "force");
            if (method != null) throw Errors.valueError("cannot set start method of concrete context");
            Processes ps = Processes.of(ts.interp());
            boolean force = p[1] != null && p[1].isTrue();
            if (ps.startMethod != null && !force) throw Errors.runtimeError("context has already been set");
            if (p[0] == ToyNone.NONE && force) {
                ps.startMethod = null;
                return ToyNone.NONE;
            }
            String want = p[0].str();
            if (!METHODS.contains(want)) throw Errors.valueError("cannot find context for " + p[0].repr());
            ps.startMethod = want;
            return ToyNone.NONE;
        });
        m.function("get_context", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("get_context", a, kw, 0, 0, "method");
            String want;
            if (p[0] == null || p[0] == ToyNone.NONE) {
                if (method != null) return m;
                Processes ps = Processes.of(ts.interp());
                want = ps.startMethod == null ? "fork" : ps.startMethod;
            } else {
                want = p[0].str();
                if (!METHODS.contains(want)) throw Errors.valueError("cannot find context for " + p[0].repr());
            }
            return context(ts.interp(), want);
        });
        m.function("freeze_support", (ts, a, kw) -> ToyNone.NONE);
        m.define("Pipe", org.toy.ipc.Connection.pipeFunction());
        m.define("Queue", org.toy.ipc.IpcQueue.queueFunction());
        m.define("SimpleQueue", org.toy.ipc.IpcQueue.simpleQueueFunction());
        m.define("JoinableQueue", org.toy.ipc.IpcQueue.joinableQueueFunction());
        m.define("Value", org.toy.ipc.SharedValue.valueFunction());
        m.define("Array", org.toy.ipc.SharedValue.arrayFunction());
        org.toy.pool.PoolModule.addTo(m, interp, method);
        for (String n : new String[] {"Lock", "RLock", "Semaphore", "BoundedSemaphore"}) m.define(n, org.toy.ipc.SemLock.factory(n));
        m.define("Condition", org.toy.ipc.SyncCondition.factory());
        m.define("Event", org.toy.ipc.SyncEvent.factory());
        m.define("Manager", org.toy.manager.SyncManager.factory());
        return m;
    }

    /** A context met in a message by its module name ({@code multiprocessing.context.SpawnContext}). */
    static ToyModule contextNamed(Interpreter interp, String moduleName) {
        for (String method : METHODS) {
            if (context(interp, method).name().equals(moduleName)) return context(interp, method);
        }
        return null;
    }

    private static ToyModule context(Interpreter interp, String method) {
        return build(interp, method, "multiprocessing.context." + contextPrefix(method) + "Context");
    }

    /** CPython's capitalisation of a start method in its context's class names: Fork, Spawn, ForkServer. */
    static String contextPrefix(String method) {
        if (method.equals("forkserver")) return "ForkServer";
        return Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }

    /** {@code process(target, *args, **kwargs)}: starts a child running {@code target(*args, **kwargs)}; its handle. */
    public static BuiltinFunction processBuiltin() {
        return BuiltinFunction.function("process", MultiprocessingModule::startProcess);
    }

    private static ToyObject startProcess(ThreadState ts, ToyObject[] args, String[] kw) {
        int nargs = args.length - kw.length;
        if (nargs < 1) throw Errors.typeError("process() missing required argument 'target' (pos 1)");
        ToyObject[] positional = java.util.Arrays.copyOfRange(args, 1, nargs);
        ToyDict kwargs = new ToyDict();
        for (int i = 0; i < kw.length; i++) kwargs.put(ToyStr.of(kw[i]), args[nargs + i]);
        ToyProcess p = ToyProcess.create(ts.interp(), null, args[0], null, ToyTuple.of(positional), kwargs, ToyBool.FALSE);
        p.start(ts);
        return p;
    }
}
