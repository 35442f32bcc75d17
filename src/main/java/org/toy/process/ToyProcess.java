package org.toy.process;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.toy.ipc.Codec;
import org.toy.ipc.Frames;
import org.toy.runtime.Args;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyBytes;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyFloat;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.Interpreter;
import org.toy.vm.ThreadState;

/**
 * {@code multiprocessing.Process} ({@code BaseProcess} with its {@code Popen}): a child
 * interpreter in its own OS process. Also stands for the two processes that are not children:
 * {@code current_process()} ({@code _MainProcess}, or the child itself inside a child) and
 * {@code parent_process()} ({@code _ParentProcess}).
 */
public final class ToyProcess extends ToyObject implements org.toy.ipc.Handle {
    public static final ToyType TYPE = new ToyType("Process", ToyType.OBJECT, ToyProcess::construct);
    static final ToyType MAIN_TYPE = new ToyType("_MainProcess", TYPE);
    static final ToyType PARENT_TYPE = new ToyType("_ParentProcess", TYPE);

    /** CPython 3.11.7's text ({@code spawn._check_not_importing_main}). */
    private static final String SPAWN_BOOTSTRAP_ERROR = String.join("\n",
            "",
            "        An attempt has been made to start a new process before the",
            "        current process has finished its bootstrapping phase.",
            "",
            "        This probably means that you are not using fork to start your",
            "        child processes and you have forgotten to use the proper idiom",
            "        in the main module:",
            "",
            "            if __name__ == '__main__':",
            "                freeze_support()",
            "                ...",
            "",
            "        The \"freeze_support()\" line can be omitted if the program",
            "        is not going to be frozen to produce an executable.",
            "",
            "        To fix this issue, refer to the \"Safe importing of main module\"",
            "        section in https://docs.python.org/3/library/multiprocessing.html",
            "        ");

    private final Interpreter interp;
    /** TYPE, MAIN_TYPE, PARENT_TYPE, or a user subclass (class Worker(Process)). */
    private final ToyType type;
    /** The instance's {@code __dict__} (a subclass's attributes), made on first use. */
    private ToyDict dict;
    /** False for a subclass instance until {@code Process.__init__} has run. */
    private boolean initialized = true;
    private ToyObject target;
    private ToyObject args;
    private ToyObject kwargs;
    private volatile String name;
    private Boolean daemon;
    private String method;
    int[] identity;
    private long parentPid;
    /** For current_process() inside a child, and for parent_process(): the OS pid. */
    private long knownPid;

    private Process popen;
    private OutputStream lifeline;
    private Thread outPump;
    private Thread errPump;
    private volatile Integer exitcode;
    /** The signal we sent (15 or 9), so that 128+N from the JVM reads as -N. */
    private volatile int signalled;
    private boolean closed;
    /** A pool worker's fork state leaves out the globals that cannot be sent (see WorkerSet). */
    boolean skipUnsendableGlobals;
    /** Pipe ends sent to the child: given back when it ends (see Handle.CHILD_COPIES). */
    private List<Runnable> childCopies = List.of();

    private ToyProcess(Interpreter interp, ToyType type, ToyObject target, ToyObject args, ToyObject kwargs,
            String name, Boolean daemon, String method, int[] identity, long parentPid) {
        this.interp = interp;
        this.type = type;
        this.target = target;
        this.args = args;
        this.kwargs = kwargs;
        this.name = name;
        this.daemon = daemon;
        this.method = method;
        this.identity = identity;
        this.parentPid = parentPid;
    }

    static {
        TYPE.subclassable(ToyProcess::allocate);
        TYPE.home("multiprocessing");
    }

    /** An instance of a user subclass, before its {@code __init__} calls {@code Process.__init__}. */
    private static ToyObject allocate(ToyType subtype) {
        ToyProcess p = new ToyProcess(ThreadState.current().interp(), subtype, null, ToyTuple.EMPTY, new ToyDict(), "",
                false, null, new int[0], ProcessHandle.current().pid());
        p.initialized = false;
        return p;
    }

    /** Whether this is a user subclass's instance (its run() is the target). */
    private boolean isSubclass() { return type.isHeap(); }

    static ToyProcess mainProcess(Interpreter interp) {
        ToyProcess p = new ToyProcess(interp, MAIN_TYPE, null, ToyTuple.EMPTY, new ToyDict(), "MainProcess", false,
                null, new int[0], -1);
        p.knownPid = ProcessHandle.current().pid();
        return p;
    }

    /** Inside a child: the child as it sees itself. */
    static ToyProcess self(Interpreter interp, String name, boolean daemon, int[] identity, long parentPid) {
        ToyProcess p = new ToyProcess(interp, TYPE, null, ToyTuple.EMPTY, new ToyDict(), name, daemon, null,
                identity, parentPid);
        p.knownPid = ProcessHandle.current().pid();
        return p;
    }

    /** Inside a child: its parent. */
    static ToyProcess parent(Interpreter interp, String name, long pid) {
        ToyProcess p = new ToyProcess(interp, PARENT_TYPE, null, ToyTuple.EMPTY, new ToyDict(), name, false, null,
                new int[0], -1);
        p.knownPid = pid;
        return p;
    }

    /** {@code Process(group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None)}. */
    static ToyObject construct(ThreadState ts, ToyType type, ToyObject[] args, String[] kw) {
        return create(ts, null, args, kw, 0);
    }

    static ToyProcess create(ThreadState ts, String method, ToyObject[] args, String[] kw, int first) {
        ToyObject[] p = Args.bind("Process", args, kw, first, 0, "group", "target", "name", "args", "kwargs", "daemon");
        if (p[0] != null && p[0] != ToyNone.NONE) throw Errors.of(ExceptionTypes.ASSERTION_ERROR, "group argument must be None for now");
        return create(ts.interp(), method, p[1] == ToyNone.NONE ? null : p[1], p[2], p[3], p[4], p[5]);
    }

    static ToyProcess create(Interpreter interp, String method, ToyObject target, ToyObject name, ToyObject args,
            ToyObject kwargs, ToyObject daemon) {
        ToyProcess p = new ToyProcess(interp, TYPE, null, ToyTuple.EMPTY, new ToyDict(), "", null, method, new int[0],
                ProcessHandle.current().pid());
        p.init(target, name, args, kwargs, daemon);
        return p;
    }

    /** {@code BaseProcess.__init__}: the next identity and name, the target and its arguments. */
    private void init(ToyObject target, ToyObject name, ToyObject args, ToyObject kwargs, ToyObject daemon) {
        Processes ps = Processes.of(interp);
        int[] parentId = ps.current.identity;
        int[] identity = java.util.Arrays.copyOf(parentId, parentId.length + 1);
        identity[parentId.length] = ps.nextNumber();
        String n;
        if (name != null && name != ToyNone.NONE) {
            n = name.str();
        } else {
            // BaseProcess names a child after its class: a subclass by its own name, a context's
            // Process as ForkProcess, SpawnProcess, ForkServerProcess.
            String cls = type.isHeap() ? type.name()
                    : method == null ? "Process" : MultiprocessingModule.contextPrefix(method) + "Process";
            StringBuilder sb = new StringBuilder(cls).append('-');
            for (int i = 0; i < identity.length; i++) sb.append(i == 0 ? "" : ":").append(identity[i]);
            n = sb.toString();
        }
        this.daemon = daemon == null || daemon == ToyNone.NONE ? null : daemon.isTrue();
        this.target = target;
        this.args = args == null ? ToyTuple.EMPTY : args;
        this.kwargs = kwargs == null || kwargs == ToyNone.NONE ? new ToyDict() : kwargs;
        this.name = n;
        this.identity = identity;
        this.parentPid = ProcessHandle.current().pid();
        this.initialized = true;
    }

    static {
        org.toy.ipc.Handle.register("Process", ToyProcess::revive);
    }

    /** Crossing to another process (a copy in the fork state): a record that can no longer be started or joined. */
    @Override public String handleKind() { return "Process"; }

    @Override
    public ToyObject handleState() {
        ToyObject[] id = new ToyObject[identity.length];
        for (int i = 0; i < id.length; i++) id[i] = ToyInt.of(identity[i]);
        ToyObject pid = knownPid != 0 ? ToyInt.of(knownPid) : popen != null ? ToyInt.of(popen.pid()) : ToyNone.NONE;
        ToyTuple common = ToyTuple.of(ToyStr.of(name), ToyBool.of(daemon()), ToyTuple.of(id), ToyInt.of(parentPid), pid);
        if (!isSubclass()) return common;
        // A subclass's instance brings its class (by reference, or by value under fork) and its attributes.
        return ToyTuple.of(common.get(0), common.get(1), common.get(2), common.get(3), common.get(4), type, dict(),
                target == null ? ToyNone.NONE : target, args, kwargs);
    }

    private static ToyObject revive(ToyObject state) {
        ThreadState ts = org.toy.gil.Gil.currentThreadState();
        if (ts == null || !(state instanceof ToyTuple t) || t.len() != 5 && t.len() != 10) throw Errors.valueError("bad Process state");
        ToyTuple id = (ToyTuple) t.get(2);
        int[] identity = new int[id.len()];
        for (int i = 0; i < identity.length; i++) identity[i] = (int) ((ToyInt) id.get(i)).value;
        ToyType type = TYPE;
        if (t.len() == 10) {
            if (!(t.get(5) instanceof ToyType cls) || !cls.isHeap() || !cls.isSubtypeOf(TYPE) || !(t.get(6) instanceof ToyDict)) {
                throw Errors.valueError("bad Process state");
            }
            type = cls;
        }
        boolean sub = t.len() == 10;
        ToyProcess p = new ToyProcess(ts.interp(), type, sub && t.get(7) != ToyNone.NONE ? t.get(7) : null,
                sub ? t.get(8) : ToyTuple.EMPTY, sub ? t.get(9) : new ToyDict(), t.get(0).str(),
                t.get(1).isTrue(), null, identity, ((ToyInt) t.get(3)).value);
        if (t.get(4) instanceof ToyInt pid) p.knownPid = pid.value;
        if (sub) p.dict = (ToyDict) t.get(6);
        return p;
    }

    boolean daemon() {
        if (daemon != null) return daemon;
        return Processes.of(interp).current.daemon();
    }

    @Override public ToyType type() { return type; }

    private void checkClosed() {
        if (closed) throw Errors.valueError("process object is closed");
    }

    // ---- start -------------------------------------------------------------------------------

    public void start(ThreadState ts) {
        checkClosed();
        if (!initialized) throw Errors.attributeError("'" + type.name() + "' object has no attribute '_closed'");
        if (popen != null) throw Errors.of(ExceptionTypes.ASSERTION_ERROR, "cannot start a process twice");
        if (type == MAIN_TYPE || type == PARENT_TYPE || knownPid != 0 || parentPid != ProcessHandle.current().pid()) {
            throw Errors.of(ExceptionTypes.ASSERTION_ERROR, "can only start a process object created by current process");
        }
        Processes ps = Processes.of(interp);
        if (ps.current.daemon()) {
            throw Errors.of(ExceptionTypes.ASSERTION_ERROR, "daemonic processes are not allowed to have children");
        }
        String how = method != null ? method : ps.method();
        if (!how.equals("fork") && ps.bootstrapping) throw Errors.runtimeError(SPAWN_BOOTSTRAP_ERROR);
        boolean fork = how.equals("fork");
        ToyModule main = interp.modules().get("__main__");
        ToyObject mainPath = main == null ? null : main.globals().get(ToyStr.of("__file__"));
        // A subclass's instance is its own target: the child calls its run() (BaseProcess._bootstrap).
        ToyObject childTarget = isSubclass() ? this : target == null ? ToyNone.NONE : target;
        ToyTuple payload = ToyTuple.of(fork && main != null ? main.globals() : ToyNone.NONE, childTarget,
                isSubclass() ? ToyTuple.EMPTY : args, isSubclass() ? new ToyDict() : kwargs);
        List<Runnable> copies = new ArrayList<>();
        byte[] body;
        org.toy.ipc.Handle.CHILD_COPIES.set(copies);
        try {
            body = Codec.encode(payload, !fork ? Codec.Options.MESSAGE
                    : skipUnsendableGlobals && main != null ? Codec.Options.forkSkipping(main.globals()) : Codec.Options.FORK);
        } catch (RuntimeException e) {
            copies.forEach(Runnable::run);
            throw e;
        } finally {
            org.toy.ipc.Handle.CHILD_COPIES.remove();
        }
        childCopies = copies;
        ToyDict prep = new ToyDict();
        prep.put(ToyStr.of("name"), ToyStr.of(name));
        ToyObject[] id = new ToyObject[identity.length];
        for (int i = 0; i < id.length; i++) id[i] = ToyInt.of(identity[i]);
        prep.put(ToyStr.of("identity"), ToyTuple.of(id));
        prep.put(ToyStr.of("daemon"), ToyBool.of(daemon()));
        prep.put(ToyStr.of("method"), ToyStr.of(how));
        prep.put(ToyStr.of("main_path"), !fork && mainPath instanceof ToyStr ? mainPath : ToyNone.NONE);
        ToyObject[] argv = new ToyObject[interp.argv().size()];
        for (int i = 0; i < argv.length; i++) argv[i] = ToyStr.of(interp.argv().get(i));
        prep.put(ToyStr.of("argv"), new ToyList(argv));
        prep.put(ToyStr.of("parent_pid"), ToyInt.of(ProcessHandle.current().pid()));
        prep.put(ToyStr.of("parent_name"), ToyStr.of(ps.current.name));
        prep.put(ToyStr.of("switch_interval"), ToyFloat.of(interp.switchInterval()));
        // --gil-trace: the child records its GIL too and leaves its trace where the parent looks.
        if (interp.gil().trace() != null) prep.put(ToyStr.of("gil_trace"), ToyStr.of(interp.gil().trace().childDirectory().toString()));
        prep.put(ToyStr.of("authkey"), new ToyBytes(org.toy.ipc.AuthKey.get()));
        byte[] head = Codec.encode(prep);
        // As popen_fork: flush our streams first, so that what we printed comes before the child's.
        interp.stdout().flush();
        interp.stderr().flush();
        try (var released = interp.gil().release(ts, "start " + name)) {
            Spawn.Child child = ps.spares.take();
            popen = child.process();
            outPump = child.outPump();
            errPump = child.errPump();
            lifeline = popen.getOutputStream();
            popen.onExit().thenRun(this::releaseCopies);
            Frames.write(lifeline, head);
            Frames.write(lifeline, body);
        } catch (IOException e) {
            if (popen == null) copies.forEach(Runnable::run);
            if (popen == null) throw Errors.of(ExceptionTypes.OS_ERROR, "cannot start a child interpreter: " + e.getMessage());
            // the child died at once; join() will report its exit code
        }
        ps.started(this);
    }

    // ---- waiting and polling -----------------------------------------------------------------

    /** True while the child runs; records its exit code once it has ended. */
    boolean poll() {
        if (popen == null) return false;
        if (exitcode != null) return false;
        if (popen.isAlive()) return true;
        finish();
        return false;
    }

    private void finish() {
        int v = popen.exitValue();
        int sig = signalled;
        if (sig != 0 && v == 128 + sig) v = -sig;
        else if (sig != 0 && v > 128 && v < 128 + 32) v = -(v - 128);
        drainPumps();
        releaseCopies();
        exitcode = v;
    }

    private void drainPumps() {
        try {
            if (outPump != null) outPump.join(2000);
            if (errPump != null) errPump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void join(ThreadState ts, double timeout) {
        checkClosed();
        if (parentPid != ProcessHandle.current().pid()) throw Errors.of(ExceptionTypes.ASSERTION_ERROR, "can only join a child process");
        if (popen == null) throw Errors.of(ExceptionTypes.ASSERTION_ERROR, "can only join a started process");
        if (exitcode != null) return;
        try (var released = interp.gil().release(ts, "join " + name)) {
            long deadline = timeout < 0 ? Long.MAX_VALUE : System.nanoTime() + (long) (timeout * 1e9);
            while (popen.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                try {
                    popen.waitFor(Math.min(left, 100_000_000L), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    break;
                }
            }
            if (!popen.isAlive()) finish();
        }
    }

    /** At exit: wait for the child without a ThreadState. */
    void waitQuietly() {
        if (popen == null || exitcode != null) return;
        try {
            popen.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        finish();
    }

    /** SIGTERM ({@code terminate}) or SIGKILL ({@code kill}), remembered so the exit code reads -15 / -9. */
    void signal(boolean kill) {
        if (popen == null || exitcode != null || !popen.isAlive()) return;
        signalled = kill ? 9 : 15;
        if (kill) popen.toHandle().destroyForcibly();
        else popen.toHandle().destroy();
    }

    /** The child has ended: the pipe ends it was sent and never claimed are closed on its behalf. */
    private void releaseCopies() {
        List<Runnable> copies;
        synchronized (this) {
            copies = childCopies;
            childCopies = List.of();
        }
        copies.forEach(Runnable::run);
    }

    private ToyObject exitcodeValue() {
        if (type == MAIN_TYPE || type == PARENT_TYPE || knownPid != 0) return ToyNone.NONE;
        if (popen == null) return ToyNone.NONE;
        poll();
        return exitcode == null ? ToyNone.NONE : ToyInt.of(exitcode);
    }

    private boolean isAlive() {
        checkClosed();
        if (knownPid != 0) {
            if (type == PARENT_TYPE) return ProcessHandle.of(knownPid).map(ProcessHandle::isAlive).orElse(false);
            return true;
        }
        return poll();
    }

    private ToyObject pid() {
        if (knownPid != 0) return ToyInt.of(knownPid);
        checkClosed();
        return popen == null ? ToyNone.NONE : ToyInt.of(popen.pid());
    }

    // ---- Python view -------------------------------------------------------------------------

    @Override
    public String repr() {
        ToyObject custom = isSubclass() ? org.toy.runtime.SpecialMethods.find(this, "__repr__") : null;
        if (custom != null) {
            return org.toy.runtime.SpecialMethods.string(org.toy.runtime.SpecialMethods.call(this, custom), "__repr__");
        }
        String status;
        Integer code = null;
        if (this == Processes.of(interp).current) status = "started";
        else if (closed) status = "closed";
        else if (type == PARENT_TYPE) status = "unknown";
        else if (popen == null) status = "initial";
        else {
            poll();
            code = exitcode;
            status = code != null ? "stopped" : "started";
        }
        List<String> info = new ArrayList<>();
        info.add(type.name());
        info.add("name=" + ToyStr.of(name).repr());
        if (popen != null) info.add("pid=" + popen.pid());
        info.add("parent=" + (type == PARENT_TYPE || type == MAIN_TYPE ? "None" : String.valueOf(parentPid)));
        info.add(status);
        if (code != null) info.add("exitcode=" + (code == -15 ? "SIGTERM" : code == -9 ? "SIGKILL" : code.toString()));
        if (daemon()) info.add("daemon");
        return "<" + String.join(" ", info) + ">";
    }

    @Override
    public ToyObject getAttr(String attr) {
        switch (attr) {
            case "name": return ToyStr.of(name);
            case "daemon": return ToyBool.of(daemon());
            case "pid": case "ident": return pid();
            case "exitcode": checkClosed(); return exitcodeValue();
            case "authkey": return new ToyBytes(org.toy.ipc.AuthKey.get());
            case "_identity": {
                ToyObject[] id = new ToyObject[identity.length];
                for (int i = 0; i < id.length; i++) id[i] = ToyInt.of(identity[i]);
                return ToyTuple.of(id);
            }
            case "__class__": return type;
            case "__dict__": return dict();
            case "_target": return target == null ? ToyNone.NONE : target;
            case "_args": return args;
            case "_kwargs": return kwargs;
            default: return org.toy.runtime.Attributes.get(this, dict, attr, null);
        }
    }

    private ToyDict dict() {
        if (dict == null) dict = new ToyDict();
        return dict;
    }

    @Override
    public void setAttr(String attr, ToyObject value) {
        switch (attr) {
            case "name" -> {
                if (!(value instanceof ToyStr s)) throw Errors.of(ExceptionTypes.ASSERTION_ERROR, "name must be a string");
                name = s.value;
            }
            case "daemon" -> {
                if (popen != null) throw Errors.of(ExceptionTypes.ASSERTION_ERROR, "process has already started");
                daemon = value.isTrue();
            }
            default -> org.toy.runtime.Attributes.set(this, dict(), attr, null, value);
        }
    }

    private static ToyProcess me(ToyObject self) {
        if (!(self instanceof ToyProcess p)) throw Errors.typeError("descriptor requires a 'Process' object");
        return p;
    }

    static {
        TYPE.method("__init__", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("Process.__init__", a, kw, 1, 0, "group", "target", "name", "args", "kwargs", "daemon");
            if (p[0] != null && p[0] != ToyNone.NONE) throw Errors.of(ExceptionTypes.ASSERTION_ERROR, "group argument must be None for now");
            ToyProcess self = me(a[0]);
            if (self.popen != null) throw Errors.of(ExceptionTypes.ASSERTION_ERROR, "cannot start a process twice");
            self.init(p[1] == ToyNone.NONE ? null : p[1], p[2], p[3], p[4], p[5]);
            return ToyNone.NONE;
        });
        TYPE.method("start", (ts, a, kw) -> {
            Args.none("start", a, kw, 1);
            me(a[0]).start(ts);
            return ToyNone.NONE;
        });
        TYPE.method("run", (ts, a, kw) -> {
            Args.none("run", a, kw, 1);
            ToyProcess p = me(a[0]);
            if (p.target != null) p.target.call(ts, callArgs(p), callKw(p));
            return ToyNone.NONE;
        });
        TYPE.method("join", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("join", a, kw, 1, 0, "timeout");
            double t = p[0] == null || p[0] == ToyNone.NONE ? -1 : Math.max(0, seconds(p[0]));
            me(a[0]).join(ts, t);
            return ToyNone.NONE;
        });
        TYPE.method("is_alive", (ts, a, kw) -> {
            Args.none("is_alive", a, kw, 1);
            return ToyBool.of(me(a[0]).isAlive());
        });
        TYPE.method("terminate", (ts, a, kw) -> {
            Args.none("terminate", a, kw, 1);
            ToyProcess p = me(a[0]);
            p.checkClosed();
            if (p.popen == null) throw Errors.attributeError("'NoneType' object has no attribute 'terminate'");
            p.signal(false);
            return ToyNone.NONE;
        });
        TYPE.method("kill", (ts, a, kw) -> {
            Args.none("kill", a, kw, 1);
            ToyProcess p = me(a[0]);
            p.checkClosed();
            if (p.popen == null) throw Errors.attributeError("'NoneType' object has no attribute 'kill'");
            p.signal(true);
            return ToyNone.NONE;
        });
        TYPE.method("close", (ts, a, kw) -> {
            Args.none("close", a, kw, 1);
            ToyProcess p = me(a[0]);
            if (p.popen != null) {
                if (p.poll()) {
                    throw Errors.valueError("Cannot close a process while it is still running. You should first call join() or terminate().");
                }
                Processes.of(p.interp).children.remove(p);
            }
            p.closed = true;
            return ToyNone.NONE;
        });
    }

    static double seconds(ToyObject o) {
        if (o instanceof ToyFloat f) return f.value;
        if (o instanceof ToyInt i) return i.isSmall() ? i.value : i.toBig().doubleValue();
        throw Errors.typeError("'" + o.type().name() + "' object cannot be interpreted as an integer");
    }

    private static ToyObject[] callArgs(ToyProcess p) {
        List<ToyObject> all = new ArrayList<>(List.of(sequence(p.args)));
        if (p.kwargs instanceof ToyDict d) all.addAll(d.map.values());
        return all.toArray(NO_ARGS);
    }

    private static String[] callKw(ToyProcess p) {
        List<String> names = new ArrayList<>();
        if (p.kwargs instanceof ToyDict d) {
            for (Map.Entry<ToyObject, ToyObject> e : d.map.entrySet()) {
                if (!(e.getKey() instanceof ToyStr k)) throw Errors.typeError("keywords must be strings");
                names.add(k.value);
            }
        }
        return names.toArray(NO_KEYWORDS);
    }

    static ToyObject[] sequence(ToyObject o) {
        if (o instanceof ToyTuple t) return t.items.clone();
        if (o instanceof ToyList l) return l.toArray();
        List<ToyObject> items = new ArrayList<>();
        ToyObject it = o.iter();
        for (ToyObject x = it.next(); x != null; x = it.next()) items.add(x);
        return items.toArray(NO_ARGS);
    }

    /**
     * {@code target(*args, **kwargs)} for the child's bootstrap; a subclass's instance (the
     * process object itself, copied over) becomes {@code current_process()} and runs its run().
     */
    static ToyObject callTarget(ThreadState ts, ToyObject target, ToyObject args, ToyObject kwargs) {
        if (target instanceof ToyProcess self && self.isSubclass()) {
            self.knownPid = ProcessHandle.current().pid();
            Processes.of(ts.interp()).current = self;
            return ts.call(self.getAttr("run"), NO_ARGS, NO_KEYWORDS);
        }
        ToyProcess p = new ToyProcess(ts.interp(), TYPE, target, args, kwargs, "", false, null, new int[0], 0);
        return target.call(ts, callArgs(p), callKw(p));
    }

    /** For {@link WorkerSet}: the exit code once the child has ended, else null. */
    Integer endedWith() {
        poll();
        return exitcode;
    }

    /** Whether an error from start() is one the caller should see as is. */
    static boolean isToyError(Throwable t) { return t instanceof ToyError; }
}
