package org.toy.threads;

import java.util.Arrays;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyFloat;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyTuple;
import org.toy.vm.Interpreter;
import org.toy.vm.ThreadState;

/**
 * The {@code threading} and {@code queue} modules, and the {@code thread(target, *args, **kwargs)}
 * built-in. The classes live beside this file; this one only publishes them under Python's names.
 */
public final class ThreadingModule {
    private ThreadingModule() {}

    public static ToyModule threading(Interpreter interp) {
        ToyModule m = new ToyModule("threading");
        m.define("Thread", ToyThread.TYPE);
        m.define("Timer", ToyTimer.TIMER);
        m.define("Condition", ToyCondition.TYPE);
        m.define("Semaphore", ToySemaphore.TYPE);
        m.define("BoundedSemaphore", ToySemaphore.BOUNDED);
        m.define("Event", ToyEvent.TYPE);
        m.define("Barrier", ToyBarrier.TYPE);
        m.define("BrokenBarrierError", ToyBarrier.BROKEN_BARRIER_ERROR);
        m.define("local", ThreadLocal.TYPE);
        m.define("TIMEOUT_MAX", ToyFloat.of(9223372036.0));
        m.function("Lock", (ts, args, kw) -> {
            Params.of("allocate_lock", 0, 0).bind(args, kw, 0);
            return new ToyLock(ts.interp().threads());
        });
        m.function("RLock", (ts, args, kw) -> {
            if (args.length > 0) throw Errors.typeError("RLock() takes no arguments");
            return new ToyRLock(ts.interp().threads());
        });
        for (String name : new String[] {"current_thread", "currentThread"}) {
            m.function(name, (ts, args, kw) -> {
                Params.of(name, 0, 0).bind(args, kw, 0);
                return ts.interp().threads().current(ts);
            });
        }
        m.function("main_thread", (ts, args, kw) -> {
            Params.of("main_thread", 0, 0).bind(args, kw, 0);
            return ts.interp().threads().main();
        });
        for (String name : new String[] {"active_count", "activeCount"}) {
            m.function(name, (ts, args, kw) -> {
                Params.of(name, 0, 0).bind(args, kw, 0);
                return ToyInt.of(ts.interp().threads().enumerate().size());
            });
        }
        m.function("enumerate", (ts, args, kw) -> {
            Params.of("enumerate", 0, 0).bind(args, kw, 0);
            return new ToyList(ts.interp().threads().enumerate().toArray(new ToyObject[0]));
        });
        m.function("get_ident", (ts, args, kw) -> {
            Params.of("get_ident", 0, 0).bind(args, kw, 0);
            return ts.interp().threads().current(ts).getAttr("ident");
        });
        m.function("get_native_id", (ts, args, kw) -> {
            Params.of("get_native_id", 0, 0).bind(args, kw, 0);
            return ToyInt.of(ToyThread.nativeId());
        });
        m.function("excepthook", (ts, args, kw) -> {
            Params.of("excepthook", 0, 1, "args").bind(args, kw, 0);
            if (!(args[0] instanceof ToyThread.ExceptHookArgs a)) {
                throw Errors.typeError("_thread._excepthook argument type must be ExceptHookArgs");
            }
            if (!a.exc.isInstance(ExceptionTypes.SYSTEM_EXIT)) ToyThread.defaultExcepthook(ts.interp(), a.exc, a.thread);
            return ToyNone.NONE;
        });
        m.define("__excepthook__", m.getAttr("excepthook"));
        return m;
    }

    public static ToyModule queue(Interpreter interp) {
        ToyModule m = new ToyModule("queue");
        m.define("Queue", ToyQueue.QUEUE);
        m.define("LifoQueue", ToyQueue.LIFO);
        m.define("SimpleQueue", ToyQueue.SIMPLE);
        m.define("Empty", ToyQueue.EMPTY);
        m.define("Full", ToyQueue.FULL);
        return m;
    }

    /** {@code thread(target, *args, **kwargs)}: starts a thread running {@code target(*args, **kwargs)}; its handle. */
    public static BuiltinFunction threadBuiltin() {
        return BuiltinFunction.function("thread", ThreadingModule::startThread);
    }

    private static ToyObject startThread(ThreadState ts, ToyObject[] args, String[] kw) {
        int nargs = args.length - kw.length;
        if (nargs < 1) throw Errors.typeError("thread() missing required argument 'target' (pos 1)");
        ToyObject target = args[0];
        ToyObject[] callArgs = Arrays.copyOfRange(args, 1, args.length);
        Threads threads = ts.interp().threads();
        ToyThread t = new ToyThread(threads, target, callArgs, kw, ToyThread.newName(threads, target),
                threads.current(ts).daemon());
        t.start(ts);
        return t;
    }

    static ToyObject exceptionArgs(ToyException e) { return e.args().len() == 0 ? ToyTuple.EMPTY : e.args(); }
}
