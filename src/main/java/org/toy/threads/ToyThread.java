package org.toy.threads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.toy.runtime.Attributes;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.SpecialMethods;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.Interpreter;
import org.toy.vm.ThreadState;
import org.toy.vm.Traceback;

/**
 * {@code threading.Thread}: a real Java platform thread with its own {@link ThreadState}, started
 * and bootstrapped the way {@code threading.py} does it. {@code start()} registers the thread,
 * starts the Java thread and waits (without the GIL) until it has its ids; the new thread takes
 * the GIL, runs {@code run()} (the target), reports an uncaught exception through
 * {@code threading.excepthook} (stderr: {@code Exception in thread Thread-1 (worker):} and the
 * traceback) and goes on; then it is marked ended, which wakes its joiners.
 */
public class ToyThread extends ToyObject implements Waitable {
    public static final ToyType TYPE = new ToyType("Thread", ToyType.OBJECT, ToyThread::construct);
    static final ToyType MAIN_TYPE = new ToyType("_MainThread", TYPE);


    private static final int INITIAL = 0;
    private static final int STARTED = 1;
    private static final int STOPPED = 2;

    private static final Params INIT = new Params("Thread.__init__", 1, 0, 5,
            "group", "target", "name", "args", "kwargs", "daemon");

    final Threads threads;
    /** A user subclass (class Worker(Thread)), or null for a plain Thread. */
    private final ToyType subclass;
    /** The instance's {@code __dict__}, made on first use. */
    private ToyDict dict;
    /** False for a subclass instance until {@code Thread.__init__} has run. */
    private boolean initialized;
    private ToyObject target;
    private ToyObject[] callArgs;
    private String[] callKw;
    private volatile String name;
    private volatile boolean daemon;
    /** INITIAL, STARTED or STOPPED; changed under the room lock. */
    private volatile int state = INITIAL;
    private boolean startCalled;
    private volatile long ident;
    private volatile long nativeId;
    private volatile ThreadState ts;
    private volatile boolean exiting;

    ToyThread(Threads threads, ToyObject target, ToyObject[] callArgs, String[] callKw, String name, boolean daemon) {
        this.threads = threads;
        this.subclass = null;
        this.initialized = true;
        this.target = target;
        this.callArgs = callArgs;
        this.callKw = callKw;
        this.name = name;
        this.daemon = daemon;
    }

    /** An instance of a user subclass, before its {@code __init__} calls {@code Thread.__init__}. */
    private ToyThread(Threads threads, ToyType subclass) {
        this.threads = threads;
        this.subclass = subclass;
        this.callArgs = NO_ARGS;
        this.callKw = NO_KEYWORDS;
        this.name = "";
    }

    static {
        TYPE.subclassable(subtype -> new ToyThread(ThreadState.current().interp().threads(), subtype));
        TYPE.home("threading");
    }

    static ToyThread forMain(Threads threads, ThreadState ts) {
        ToyThread t = new ToyThread(threads, null, NO_ARGS, NO_KEYWORDS, "MainThread", false);
        t.state = STARTED;
        t.startCalled = true;
        t.ts = ts;
        t.ident = Thread.currentThread().getId();
        t.nativeId = nativeId();
        ts.setThreadObject(t);
        ts.gilStats().bind(Thread.currentThread(), 0);
        return t;
    }

    // ---- the fork copy (see ForkCopies) ------------------------------------------------------

    Threads threads() { return threads; }

    /** (name, daemon, started, ident, native_id, target, args, keyword names): what fork keeps. */
    ToyTuple forkState() {
        ToyObject[] kw = new ToyObject[callKw.length];
        for (int i = 0; i < kw.length; i++) kw[i] = ToyStr.of(callKw[i]);
        return ToyTuple.of(ToyStr.of(name), ToyBool.of(daemon), ToyBool.of(startCalled), ToyInt.of(ident),
                ToyInt.of(nativeId), target == null ? ToyNone.NONE : target, ToyTuple.of(callArgs.clone()), ToyTuple.of(kw));
    }

    static ToyThread forkBlank(Threads threads) {
        return new ToyThread(threads, null, NO_ARGS, NO_KEYWORDS, "", false);
    }

    /** The parent's thread as the child has it: a started thread has stopped, only the forking one runs on. */
    boolean forkFill(ToyTuple s) {
        if (s.len() != 8 || !(s.get(0) instanceof ToyStr n) || !(s.get(3) instanceof ToyInt id)
                || !(s.get(4) instanceof ToyInt nid) || !(s.get(6) instanceof ToyTuple a) || !(s.get(7) instanceof ToyTuple k)
                || k.len() > a.len()) {
            return false;
        }
        String[] kw = new String[k.len()];
        for (int i = 0; i < kw.length; i++) {
            if (!(k.get(i) instanceof ToyStr ks)) return false;
            kw[i] = ks.value;
        }
        name = n.value;
        daemon = s.get(1).isTrue();
        target = s.get(5) == ToyNone.NONE ? null : s.get(5);
        callArgs = a.items.clone();
        callKw = kw;
        if (s.get(2).isTrue()) {
            startCalled = true;
            ident = id.value;
            nativeId = nid.value;
            state = STOPPED;
        }
        return true;
    }

    // ---- construction ------------------------------------------------------------------------

    /** {@code Thread(group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None)}. */
    private static ToyObject construct(ThreadState ts, ToyType type, ToyObject[] args, String[] kwNames) {
        ToyObject[] p = INIT.bind(args, kwNames, 0);
        if (p[0] != null && p[0] != ToyNone.NONE) throw Errors.of(ExceptionTypes.ASSERTION_ERROR, "group argument must be None for now");
        ToyObject target = p[1] == null || p[1] == ToyNone.NONE ? null : p[1];
        return create(ts, target, p[2], p[3] == null ? ToyTuple.EMPTY : p[3], p[4], p[5]);
    }

    static ToyThread create(ThreadState ts, ToyObject target, ToyObject name, ToyObject args, ToyObject kwargs,
            ToyObject daemon) {
        ToyThread t = new ToyThread(ts.interp().threads(), null, NO_ARGS, NO_KEYWORDS, "", false);
        t.init(ts, target, name, args, kwargs, daemon);
        return t;
    }

    /** {@code Thread.__init__}: what a plain Thread(...) does, and what a subclass's __init__ calls through super(). */
    private void init(ThreadState ts, ToyObject target, ToyObject name, ToyObject args, ToyObject kwargs, ToyObject daemon) {
        if (startCalled) throw Errors.runtimeError("threads can only be started once");
        Call call = callOf(args, kwargs);
        this.target = target;
        this.callArgs = call.args();
        this.callKw = call.kw();
        this.name = name == null || name == ToyNone.NONE || !name.isTrue() && name instanceof ToyStr
                ? newName(threads, target) : name.str();
        this.daemon = daemon == null || daemon == ToyNone.NONE ? threads.current(ts).daemon : daemon.isTrue();
        this.initialized = true;
    }

    /** {@code target(*args, **kwargs)} in the vectorcall shape: positional values, then keyword values. */
    record Call(ToyObject[] args, String[] kw) {}

    static Call callOf(ToyObject args, ToyObject kwargs) {
        ToyObject[] positional = args == null || args == ToyNone.NONE ? NO_ARGS : sequence(args);
        List<String> kwNames = new ArrayList<>();
        List<ToyObject> values = new ArrayList<>(List.of(positional));
        if (kwargs != null && kwargs != ToyNone.NONE) {
            if (!(kwargs instanceof ToyDict d)) throw Errors.typeError("argument after ** must be a mapping, not " + kwargs.type().name());
            for (Map.Entry<ToyObject, ToyObject> e : d.map.entrySet()) {
                if (!(e.getKey() instanceof ToyStr k)) throw Errors.typeError("keywords must be strings");
                kwNames.add(k.value);
                values.add(e.getValue());
            }
        }
        return new Call(values.toArray(NO_ARGS), kwNames.toArray(NO_KEYWORDS));
    }

    /** {@code Thread-N (target)}: the counter, then the target's {@code __name__} if it has one. */
    static String newName(Threads threads, ToyObject target) {
        String name = "Thread-" + threads.nextNumber();
        if (target != null) {
            try {
                ToyObject n = target.getAttr("__name__");
                name += " (" + n.str() + ")";
            } catch (ToyError e) {
                if (!e.exception.isInstance(ExceptionTypes.ATTRIBUTE_ERROR)) throw e;
            }
        }
        return name;
    }

    static ToyObject[] sequence(ToyObject o) {
        if (o instanceof ToyTuple t) return t.items.clone();
        if (o instanceof ToyList l) return l.toArray();
        List<ToyObject> items = new ArrayList<>();
        ToyObject it = o.iter();
        for (ToyObject x = it.next(); x != null; x = it.next()) items.add(x);
        return items.toArray(NO_ARGS);
    }

    // ---- the Python-visible state ------------------------------------------------------------

    public String name() { return name; }

    boolean daemon() { return daemon; }

    /** {@code ident}, 0 before the thread has started. */
    long identValue() { return ident; }

    ThreadState state() { return ts; }

    boolean isExiting() { return exiting; }

    boolean isAlive() { return state == STARTED; }

    /** Room lock held. */
    void markStopped() { state = STOPPED; }

    @Override
    public ToyType type() {
        if (subclass != null) return subclass;
        return this == threads.main() ? MAIN_TYPE : TYPE;
    }

    @Override
    public String repr() {
        ToyObject custom = subclass == null ? null : SpecialMethods.find(this, "__repr__");
        if (custom != null) return SpecialMethods.string(SpecialMethods.call(this, custom), "__repr__");
        if (!initialized) return "<" + type().name() + " object (Thread.__init__() not called)>";
        String status = state == INITIAL ? "initial" : state == STARTED ? "started" : "stopped";
        if (daemon) status += " daemon";
        if (ident != 0) status += " " + ident;
        return "<" + type().name() + "(" + name + ", " + status + ")>";
    }

    @Override
    public ToyObject getAttr(String attr) {
        switch (attr) {
            case "name": return ToyStr.of(name);
            case "ident": return ident == 0 ? ToyNone.NONE : ToyInt.of(ident);
            case "native_id": return nativeId == 0 ? ToyNone.NONE : ToyInt.of(nativeId);
            case "daemon": return ToyBool.of(daemon);
            case "__class__": return type();
            case "__dict__": return dict();
            // threading.py's own fields, which subclasses' run() methods sometimes read
            case "_target": return target == null ? ToyNone.NONE : target;
            case "_args": return ToyTuple.of(java.util.Arrays.copyOf(callArgs, callArgs.length - callKw.length));
            case "_kwargs": {
                ToyDict d = new ToyDict();
                for (int i = 0; i < callKw.length; i++) d.put(ToyStr.of(callKw[i]), callArgs[callArgs.length - callKw.length + i]);
                return d;
            }
            default: return Attributes.get(this, dict, attr, null);
        }
    }

    private ToyDict dict() {
        if (dict == null) dict = new ToyDict();
        return dict;
    }

    @Override
    public void setAttr(String attr, ToyObject value) {
        switch (attr) {
            case "name" -> name = value == null ? name : value.str();
            case "daemon" -> setDaemon(value == null ? ToyBool.FALSE : value);
            default -> Attributes.set(this, dict(), attr, null, value);
        }
        if (ts != null && attr.equals("name")) ts.gilStats().setName(name);
    }

    private void setDaemon(ToyObject value) {
        if (state != INITIAL || startCalled) throw Errors.runtimeError("cannot set daemon status of active thread");
        daemon = value.isTrue();
    }

    // ---- start, run, join --------------------------------------------------------------------

    /** {@code start()}: at most once; returns when the new thread has its ids (it may already run). */
    public void start(ThreadState caller) {
        if (!initialized) throw Errors.runtimeError("thread.__init__() not called");
        if (startCalled) throw Errors.runtimeError("threads can only be started once");
        startCalled = true;
        Interpreter interp = caller.interp();
        threads.starting(this);
        try {
            threads.launch(this::bootstrap);
        } catch (OutOfMemoryError | java.util.concurrent.RejectedExecutionException e) {
            threads.ended(this);
            throw Errors.runtimeError("can't start new thread");
        }
        // threading.py waits on self._started: wait (without the GIL) until the thread has its ids.
        threads.block(caller, startedSignal, -1, () -> state != INITIAL);
    }

    /** What start() waits for: the new thread has begun (never a deadlock: it will run). */
    private final Waitable startedSignal = new Waitable() {
        @Override public boolean available() { return true; }
        @Override public ToyThread blocker() { return ToyThread.this; }
        @Override public String describe() { return "see " + name + " start"; }
    };

    private void bootstrap() {
        Interpreter interp = threads.interp();
        ThreadState mine = new ThreadState(interp, false);
        mine.setThreadObject(this);
        mine.gilStats().setName(name);
        Thread java = Thread.currentThread();
        java.setName(name);
        mine.gilStats().bind(java);
        ts = mine;
        ident = java.getId();
        nativeId = nativeId();
        threads.room.lock();
        try {
            state = STARTED;
            threads.wake(startedSignal);
        } finally {
            threads.room.unlock();
        }
        boolean took = false;
        try {
            interp.gil().take(mine);
            took = true;
            if (subclass != null) mine.call(getAttr("run"), NO_ARGS, NO_KEYWORDS);   // the subclass's run()
            else run(mine);
        } catch (ToyError e) {
            mine.release();   // before the report: a MemoryError's frames may hold the heap
            if (!e.exception.isInstance(ExceptionTypes.SYSTEM_EXIT)) excepthook(mine, e.exception);
        } catch (Deadlock | org.toy.gil.GilShutdown e) {
            // The program is ending; this thread ends with it, quietly.
        } catch (StackOverflowError e) {
            excepthook(mine, ToyException.of(ExceptionTypes.RECURSION_ERROR, "maximum recursion depth exceeded"));
        } catch (OutOfMemoryError e) {
            excepthook(mine, org.toy.runtime.MemoryErrors.from(e).exception);
        } catch (RuntimeException e) {
            interp.stderr().println("toy: internal error in thread " + name + ": " + e);
        } finally {
            mine.release();
            mine.gilStats().finish();
            threads.ended(this);
            if (took) interp.gil().drop(mine);
            Thread.currentThread().setName(Threads.IDLE_NAME);
        }
    }

    /** {@code run()}: calls the target with its arguments; Timer overrides it. */
    void run(ThreadState ts) {
        if (target != null) ts.call(target, callArgs, callKw);
    }

    /** {@code threading.excepthook}, or the default report on stderr. */
    void excepthook(ThreadState ts, ToyException exc) {
        Interpreter interp = ts.interp();
        ToyModule threading = interp.modules().get("threading");
        ToyObject hook = threading == null ? null : threading.globals().get(ToyStr.of("excepthook"));
        try {
            if (hook != null && !(hook instanceof BuiltinFunction bf && bf.name().equals("excepthook"))) {
                ts.call(hook, new ExceptHookArgs(exc, this));
            } else {
                defaultExcepthook(interp, exc, this);
            }
        } catch (ToyError e) {
            interp.stderr().print("Exception in threading.excepthook:\n" + Traceback.format(e.exception));
            interp.stderr().flush();
        }
    }

    static void defaultExcepthook(Interpreter interp, ToyException exc, ToyThread thread) {
        interp.stdout().flush();
        interp.stderr().print("Exception in thread " + (thread == null ? "None" : thread.name()) + ":\n"
                + Traceback.format(exc));
        interp.stderr().flush();
    }

    /** {@code join(timeout=None)}; {@code timeoutNanos} negative waits forever. */
    void join(ThreadState caller, long timeoutNanos) {
        if (!startCalled) throw Errors.runtimeError("cannot join thread before it is started");
        if (this == threads.current(caller)) throw Errors.runtimeError("cannot join current thread");
        if (state == STOPPED) return;
        threads.block(caller, this, timeoutNanos, () -> state == STOPPED);
    }

    /** The main thread joining the non-daemon threads at exit (named so in a deadlock report). */
    void setExiting() { exiting = true; }

    // Waitable: joining this thread.
    @Override public boolean available() { return state == STOPPED; }
    @Override public ToyThread blocker() { return this; }
    @Override public String describe() { return "join " + name; }

    /** The OS thread id on Linux ({@code /proc/thread-self} is {@code PID/task/TID}); else the Java id. */
    static long nativeId() {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            return Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
        } catch (Exception e) {
            return Thread.currentThread().getId();
        }
    }

    // ---- methods -----------------------------------------------------------------------------

    static ToyThread self(ToyObject o, String method) {
        if (o instanceof ToyThread t) return t;
        throw Errors.typeError("descriptor '" + method + "' requires a 'Thread' object but received a '" + o.type().name() + "'");
    }

    static {
        TYPE.method("__init__", (ts, args, kw) -> {
            ToyObject[] p = INIT.bind(args, kw, 1);
            if (p[0] != null && p[0] != ToyNone.NONE) throw Errors.of(ExceptionTypes.ASSERTION_ERROR, "group argument must be None for now");
            ToyObject target = p[1] == null || p[1] == ToyNone.NONE ? null : p[1];
            self(args[0], "__init__").init(ts, target, p[2], p[3] == null ? ToyTuple.EMPTY : p[3], p[4], p[5]);
            return ToyNone.NONE;
        });
        TYPE.method("start", (ts, args, kw) -> {
            Params.of("Thread.start", 1, 0).bind(args, kw, 1);
            self(args[0], "start").start(ts);
            return ToyNone.NONE;
        });
        TYPE.method("run", (ts, args, kw) -> {
            Params.of("Thread.run", 1, 0).bind(args, kw, 1);
            self(args[0], "run").run(ts);
            return ToyNone.NONE;
        });
        TYPE.method("join", (ts, args, kw) -> {
            ToyObject[] p = Params.of("Thread.join", 1, 0, "timeout").bind(args, kw, 1);
            ToyThread t = self(args[0], "join");
            long nanos = p[0] == null || p[0] == ToyNone.NONE ? -1 : Threads.nanos(Math.max(0, Threads.seconds(p[0])));
            t.join(ts, nanos);
            return ToyNone.NONE;
        });
        TYPE.method("is_alive", (ts, args, kw) -> {
            Params.of("Thread.is_alive", 1, 0).bind(args, kw, 1);
            return ToyBool.of(self(args[0], "is_alive").isAlive());
        });
        TYPE.method("getName", (ts, args, kw) -> {
            Params.of("Thread.getName", 1, 0).bind(args, kw, 1);
            return ToyStr.of(self(args[0], "getName").name);
        });
        TYPE.method("setName", (ts, args, kw) -> {
            ToyObject[] p = Params.of("Thread.setName", 1, 1, "name").bind(args, kw, 1);
            self(args[0], "setName").setAttr("name", p[0]);
            return ToyNone.NONE;
        });
        TYPE.method("isDaemon", (ts, args, kw) -> {
            Params.of("Thread.isDaemon", 1, 0).bind(args, kw, 1);
            return ToyBool.of(self(args[0], "isDaemon").daemon);
        });
        TYPE.method("setDaemon", (ts, args, kw) -> {
            ToyObject[] p = Params.of("Thread.setDaemon", 1, 1, "daemonic").bind(args, kw, 1);
            self(args[0], "setDaemon").setDaemon(p[0]);
            return ToyNone.NONE;
        });
    }

    /** {@code threading.ExceptHookArgs}: exc_type, exc_value, exc_traceback, thread. */
    static final class ExceptHookArgs extends ToyObject {
        static final ToyType TYPE = new ToyType("_thread._ExceptHookArgs", ToyType.OBJECT);
        final ToyException exc;
        final ToyThread thread;

        ExceptHookArgs(ToyException exc, ToyThread thread) {
            this.exc = exc;
            this.thread = thread;
        }

        @Override public ToyType type() { return TYPE; }

        @Override
        public ToyObject getAttr(String attr) {
            switch (attr) {
                case "exc_type": return exc.type();
                case "exc_value": return exc;
                case "exc_traceback": return ToyNone.NONE;
                case "thread": return thread == null ? ToyNone.NONE : thread;
                default: return super.getAttr(attr);
            }
        }

        @Override
        public String repr() {
            return "_thread._ExceptHookArgs(exc_type=" + exc.type().repr() + ", exc_value=" + exc.repr()
                    + ", exc_traceback=None, thread=" + (thread == null ? "None" : thread.repr()) + ")";
        }
    }

    static long id(ToyObject o) { return Ops.id(o); }
}
