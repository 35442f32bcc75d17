package org.toy.manager;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.toy.ipc.AuthKey;
import org.toy.ipc.Frames;
import org.toy.ipc.Handle;
import org.toy.process.Processes;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.Interpreter;
import org.toy.vm.ThreadState;

/**
 * {@code multiprocessing.Manager()}, a started {@code SyncManager}: owns the manager process
 * ({@link ManagerServer}) and makes objects in it, answering their proxies. A copy that crossed
 * into a child (with the fork state, or as an argument) reaches the same manager and can make
 * objects too, but only the process that started it stops it: with {@code shutdown()}, at the end
 * of a {@code with} block, or when it exits (the manager's lifeline is its standard input).
 */
public final class SyncManager extends ToyObject implements Handle {
    public static final ToyType TYPE = new ToyType("SyncManager", ToyType.OBJECT);

    private static final String[] TYPEIDS = {"dict", "list", "Namespace", "Lock", "RLock", "Semaphore", "BoundedSemaphore",
            "Event", "Condition", "Queue", "JoinableQueue", "Value"};

    private final String address;
    /** The manager process, in the process that started it; null in a copy. */
    private final Process server;
    private volatile boolean stopped;

    private SyncManager(String address, Process server) {
        this.address = address;
        this.server = server;
    }

    static {
        Handle.register("SyncManager", s -> new SyncManager(s.str(), null));
    }

    @Override public String handleKind() { return "SyncManager"; }

    @Override public ToyObject handleState() { return ToyStr.of(address); }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() { return "<multiprocessing.managers.SyncManager object at 0x" + Long.toHexString(Ops.id(this)) + ">"; }

    /** Starts a manager process and waits for its address. */
    static SyncManager start(ThreadState ts) {
        Interpreter interp = ts.interp();
        if (Processes.of(interp).currentIsDaemon()) {
            throw Errors.of(ExceptionTypes.ASSERTION_ERROR, "daemonic processes are not allowed to have children");
        }
        Process p;
        String address;
        try (var released = interp.gil().release(ts)) {
            ProcessBuilder pb = new ProcessBuilder(command());
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            p = pb.start();
            OutputStream lifeline = p.getOutputStream();
            Frames.write(lifeline, AuthKey.get());
            InputStream out = p.getInputStream();
            byte[] path = Frames.read(out, 4096);
            if (path == null) throw new IOException("the manager process exited at start-up");
            address = new String(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Errors.of(ExceptionTypes.OS_ERROR, "cannot start a manager process: " + e.getMessage());
        }
        SyncManager m = new SyncManager(address, p);
        Processes.atExit(interp, m::stop);
        return m;
    }

    /** The manager's command line: the same JVM and classpath as this one, tuned for start-up as a child is. */
    private static List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto"));
        String cp = System.getProperty("java.class.path");
        if (cp.endsWith(".jar") && !cp.contains(File.pathSeparator)) {
            Path jsa = Path.of(cp).resolveSibling("toy.jsa");
            if (jsa.toFile().isFile()) cmd.addAll(List.of("-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        cmd.addAll(List.of("-cp", cp, ManagerServer.class.getName()));
        return cmd;
    }

    /** Closes the lifeline and waits for the manager to exit (killing it after 2 s). */
    void stop() {
        if (server == null || stopped) return;
        stopped = true;
        try {
            server.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!server.waitFor(2, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                server.waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private Proxy make(ThreadState ts, String typeid, ToyObject[] args, String[] kwNames) {
        if (stopped) throw Errors.of(ExceptionTypes.ASSERTION_ERROR, "server not yet started");
        int n = args.length - 1 - kwNames.length;
        ToyDict kw = new ToyDict();
        for (int i = 0; i < kwNames.length; i++) kw.put(ToyStr.of(kwNames[i]), args[1 + n + i]);
        ToyTuple positional = ToyTuple.of(java.util.Arrays.copyOfRange(args, 1, 1 + n));
        ToyObject id = ManagerConnection.request(ts, address, ToyTuple.of(ToyStr.of("create"), ToyStr.of(typeid), positional, kw));
        return new Proxy(address, typeid, ((ToyInt) id).value);
    }

    private static SyncManager self(ToyObject o) {
        if (o instanceof SyncManager m) return m;
        throw Errors.typeError("descriptor requires a 'SyncManager' object");
    }

    @Override
    public ToyObject getAttr(String name) {
        if (name.equals("address")) return ToyStr.of(address);
        return super.getAttr(name);
    }

    static {
        for (String typeid : TYPEIDS) {
            TYPE.method(typeid, (ts, a, kw) -> self(a[0]).make(ts, typeid, a, kw));
        }
        TYPE.method("shutdown", (ts, a, kw) -> {
            SyncManager m = self(a[0]);
            try (var released = ts.interp().gil().release(ts)) {
                m.stop();
            }
            return ToyNone.NONE;
        });
        TYPE.method("__enter__", (ts, a, kw) -> a[0]);
        TYPE.method("__exit__", (ts, a, kw) -> {
            SyncManager m = self(a[0]);
            try (var released = ts.interp().gil().release(ts)) {
                m.stop();
            }
            return ToyBool.FALSE;
        });
    }

    /** {@code multiprocessing.Manager()}. */
    public static BuiltinFunction factory() {
        return BuiltinFunction.function("Manager", (ts, a, kw) -> {
            org.toy.runtime.Args.none("Manager", a, kw, 0);
            return start(ts);
        });
    }
}
