package org.toy.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.toy.ipc.Codec;
import org.toy.ipc.Connection;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.Interpreter;
import org.toy.vm.ThreadState;

/**
 * Long-lived worker children that run many tasks each: the process side of
 * {@code multiprocessing.Pool} and {@code concurrent.futures.ProcessPoolExecutor}.
 *
 * <h2>Design</h2>
 * A worker is an ordinary {@link ToyProcess} (so every start method, the fork state, the
 * lifeline and the exit codes are the ones of {@code Process}) whose target is
 * {@code multiprocessing.pool.worker}: a loop that receives a task, runs it and sends back
 * the outcome, over a duplex {@link Connection} private to that worker. CPython's pool shares
 * one task queue between the workers; here the parent hands each task to one worker, at most
 * {@link #IN_FLIGHT} at a time (so a free worker takes the next task, as with a shared queue),
 * and therefore always knows which tasks a worker holds. That is what makes a dead worker
 * harmless: when a worker's connection reaches end-of-file (it exited, was killed, or called
 * {@code os._exit}), its reader thread reports the tasks it held as lost, and the owner fails
 * them (the executor breaks, the pool replaces the worker) instead of waiting for ever.
 * <p>
 * Under fork a worker starts from the parent's {@code __main__} as a Process does, except that
 * globals the codec cannot send (a lock, an open file) are left out rather than failing the
 * pool: a worker only needs the functions and data its tasks use.
 * <p>
 * Frames: a task is an 8-byte id then a codec message {@code (func, kind, payload)}; a reply
 * is the same id then {@code (ok, value)}, value being the result or the exception. Tasks are
 * encoded by the submitter (it holds the GIL) and replies decoded by the owner, so the reader
 * threads and the dispatching here are plain Java and never take the GIL.
 */
public final class WorkerSet {
    /** Tasks a worker holds at once: the one it runs. */
    private static final int IN_FLIGHT = 1;

    /** Task kinds. */
    public static final int APPLY = 0;
    public static final int MAP = 1;
    public static final int STARMAP = 2;

    /** {@code multiprocessing.pool.MaybeEncodingError}: a result or exception that could not be sent back. */
    public static final ToyType MAYBE_ENCODING_ERROR = Codec.exceptionType(
            new ToyType("multiprocessing.pool.MaybeEncodingError", ExceptionTypes.EXCEPTION));

    /** The worker loop, sent to the children by reference. */
    public static final BuiltinFunction WORKER = BuiltinFunction.moduleFunction("multiprocessing.pool", "worker",
            WorkerSet::work);

    /** One unit of work: its id, its frame, and the owner's record of it. */
    public static final class Task {
        final long id;
        final byte[] frame;
        private final Object owner;

        Task(long id, byte[] frame, Object owner) {
            this.id = id;
            this.frame = frame;
            this.owner = owner;
        }

        public Object owner() { return owner; }
    }

    /** What the owner hears, on the reader threads (no GIL held). */
    public interface Listener {
        /** A task has been handed to a worker. */
        default void sent(Task task) {}

        /** A task has ended; {@code reply} is its encoded {@code (ok, value)} from {@code offset}. */
        void done(Task task, byte[] reply, int offset);

        /**
         * A worker has ended, holding {@code lost} (never to be done); {@code expected} when the
         * owner stopped it (close, terminate) or it retired after its quota of tasks
         * ({@code retired}: it wants a successor), false when it died on its own.
         */
        void workerEnded(List<Task> lost, int exitcode, boolean expected, boolean retired);
    }

    private final class Worker {
        final ToyProcess process;
        final Connection conn;
        final LinkedHashMap<Long, Task> inFlight = new LinkedHashMap<>();
        /** We closed our end: the worker exits once it has read the end-of-file. */
        boolean released;
        /** Released because it has run its quota of tasks (maxtasksperchild). */
        boolean retired;
        int tasksSent;
        boolean ended;

        Worker(ToyProcess process, Connection conn) {
            this.process = process;
            this.conn = conn;
        }
    }

    private final Interpreter interp;
    private final String method;
    private final String nameKind;
    private final ToyObject initializer;
    private final ToyObject initargs;
    private final Listener listener;
    /** Tasks a worker runs before it is let go and replaced; 0 for no limit. */
    private final int maxTasks;
    private final ArrayDeque<Task> queue = new ArrayDeque<>();
    private final List<Worker> workers = new ArrayList<>();
    private long nextId;
    private boolean closing;
    private boolean terminating;

    /**
     * {@code method} null for the current start method; {@code nameKind} is what replaces
     * "Process" in the children's names ({@code ForkPoolWorker-3}).
     */
    public WorkerSet(Interpreter interp, String method, String nameKind, ToyObject initializer, ToyObject initargs,
            int maxTasks, Listener listener) {
        this.interp = interp;
        this.maxTasks = maxTasks;
        this.method = method;
        this.nameKind = nameKind;
        this.initializer = initializer == null ? ToyNone.NONE : initializer;
        this.initargs = initargs == null ? ToyTuple.EMPTY : initargs;
        this.listener = listener;
    }

    /** The start method's prefix of a child's class name: Fork, Spawn or ForkServer. */
    public static String methodPrefix(Interpreter interp, String method) {
        String m = method != null ? method : Processes.of(interp).method();
        return m.equals("forkserver") ? "ForkServer" : Character.toUpperCase(m.charAt(0)) + m.substring(1);
    }

    /** The start method of a {@code multiprocessing} context passed as {@code context=}/{@code mp_context=}, else null. */
    public static String contextMethod(ThreadState ts, ToyObject ctx) {
        if (ctx instanceof org.toy.runtime.ToyModule m && m.name().startsWith("multiprocessing.context.")) {
            return m.globals().get(ToyStr.of("get_start_method")).call(ts, ToyObject.NO_ARGS, ToyObject.NO_KEYWORDS).str();
        }
        return null;
    }

    // ---- workers -----------------------------------------------------------------------------

    /** Starts {@code n} workers (the caller holds the GIL: the fork state is encoded now). */
    public void start(ThreadState ts, int n) {
        for (int i = 0; i < n; i++) launch(ts);
    }

    private void launch(ThreadState ts) {
        ToyTuple ends = Connection.pipe(true);
        Connection mine = (Connection) ends.get(0);
        Connection theirs = (Connection) ends.get(1);
        ToyProcess p = ToyProcess.create(interp, method, WORKER, null, ToyTuple.of(theirs, initializer, initargs), null,
                ToyBool.TRUE);
        // Process-3 or SpawnProcess-3 becomes SpawnPoolWorker-3: the class part is the pool's.
        String name = p.getAttr("name").str();
        p.setAttr("name", ToyStr.of(nameKind + name.substring(name.lastIndexOf('-'))));
        p.skipUnsendableGlobals = true;
        try {
            p.start(ts);
        } catch (RuntimeException e) {
            mine.close();
            throw e;
        } finally {
            theirs.close();   // the child holds its own copy; EOF comes when it lets go
        }
        Worker w = new Worker(p, mine);
        synchronized (this) {
            workers.add(w);
        }
        Thread reader = new Thread(() -> read(w), "toy-pool-reader");
        reader.setDaemon(true);
        reader.start();
        dispatch();
    }

    /** Replaces the workers that died on their own or retired (the pool keeps its size, as CPython's). */
    public void replaceDead(ThreadState ts) {
        int dead = 0;
        synchronized (this) {
            if (closing || terminating) return;
            for (var it = workers.iterator(); it.hasNext(); ) {
                Worker w = it.next();
                if (w.ended && (!w.released || w.retired)) {
                    it.remove();
                    dead++;
                }
            }
        }
        start(ts, dead);
    }

    /** The worker processes (for tests and reprs). */
    public synchronized List<ToyProcess> processes() {
        List<ToyProcess> all = new ArrayList<>();
        for (Worker w : workers) all.add(w.process);
        return all;
    }

    private void read(Worker w) {
        try {
            while (true) {
                byte[] reply = w.conn.recvBytes(null);
                if (reply.length < 8) break;
                long id = 0;
                for (int i = 0; i < 8; i++) id = (id << 8) | (reply[i] & 0xFF);
                Task t;
                synchronized (this) {
                    t = w.inFlight.remove(id);
                }
                if (t != null) listener.done(t, reply, 8);
                dispatch();
            }
        } catch (ToyError e) {
            // end of file (or our end closed): the worker has exited or died
        }
        int code = awaitExit(w.process);
        List<Task> lost;
        boolean expected;
        boolean retired;
        synchronized (this) {
            w.ended = true;
            lost = new ArrayList<>(w.inFlight.values());
            w.inFlight.clear();
            expected = w.released || terminating;
            retired = w.retired && !closing;
            notifyAll();
        }
        listener.workerEnded(lost, code, expected, retired);
        dispatch();
    }

    /** The exit code of a worker whose channel has closed; killed if it lingers. */
    private static int awaitExit(ToyProcess p) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            Integer code = p.endedWith();
            if (code != null) return code;
            if (System.nanoTime() > deadline) {
                p.signal(true);
                deadline = Long.MAX_VALUE;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -9;
            }
        }
    }

    // ---- tasks -------------------------------------------------------------------------------

    /** A task {@code func} of {@code kind} over {@code payload}, encoded now (the caller holds the GIL). */
    public Task task(ToyObject func, int kind, ToyObject payload, Object owner) {
        byte[] body = Codec.encode(ToyTuple.of(func, ToyInt.of(kind), payload));
        long id;
        synchronized (this) {
            id = ++nextId;
        }
        byte[] frame = new byte[8 + body.length];
        for (int i = 0; i < 8; i++) frame[i] = (byte) (id >>> (56 - 8 * i));
        System.arraycopy(body, 0, frame, 8, body.length);
        return new Task(id, frame, owner);
    }

    public void submit(Task t) {
        synchronized (this) {
            queue.add(t);
        }
        dispatch();
    }

    /** Takes back a task no worker has yet; false if it has been sent. */
    public synchronized boolean unqueue(Task t) { return queue.remove(t); }

    /** The tasks no worker has yet, taken back (an executor that broke or was shut down). */
    public synchronized List<Task> drainQueue() {
        List<Task> all = new ArrayList<>(queue);
        queue.clear();
        return all;
    }

    /** Hands queued tasks to free workers, and lets idle workers go once closing. */
    private void dispatch() {
        List<Worker> to = new ArrayList<>();
        List<Task> sends = new ArrayList<>();
        List<Worker> release = new ArrayList<>();
        synchronized (this) {
            for (Worker w : workers) {
                if (w.ended || w.released) continue;
                boolean spent = maxTasks > 0 && w.tasksSent >= maxTasks;
                while (!spent && w.inFlight.size() < IN_FLIGHT && !queue.isEmpty() && !terminating) {
                    Task t = queue.poll();
                    w.inFlight.put(t.id, t);
                    w.tasksSent++;
                    spent = maxTasks > 0 && w.tasksSent >= maxTasks;
                    to.add(w);
                    sends.add(t);
                }
                if ((spent || closing && queue.isEmpty()) && w.inFlight.isEmpty()) {
                    // let it go: it reads end-of-file once idle and exits
                    w.released = true;
                    w.retired = spent;
                    release.add(w);
                }
            }
        }
        for (int i = 0; i < sends.size(); i++) {
            listener.sent(sends.get(i));
            try {
                to.get(i).conn.sendBytes(null, sends.get(i).frame);
            } catch (ToyError e) {
                // the worker is gone: its reader reports the task as lost
            }
        }
        for (Worker w : release) w.conn.close();
    }

    // ---- stopping ----------------------------------------------------------------------------

    /** No more tasks: each worker exits once the queue is empty and it is idle. */
    public void close() {
        synchronized (this) {
            closing = true;
        }
        dispatch();
    }

    /** Stops every worker now (SIGTERM); their tasks are reported lost. */
    public void terminate() {
        List<Worker> all;
        synchronized (this) {
            terminating = true;
            closing = true;
            queue.clear();
            all = new ArrayList<>(workers);
        }
        for (Worker w : all) w.process.signal(false);
    }

    /** Whether every worker has ended. */
    public synchronized boolean allEnded() {
        for (Worker w : workers) if (!w.ended) return false;
        return true;
    }

    /** Waits (without the GIL) until every worker has ended. */
    public void join(ThreadState ts) {
        try (var released = ts == null ? org.toy.gil.Gil.releaseCurrent() : interp.gil().release(ts)) {
            synchronized (this) {
                while (!allEnded()) {
                    try {
                        wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /**
     * A worker's exception as the parent raises it: as CPython's {@code ExceptionWithTraceback},
     * the worker's traceback text becomes its cause, a {@code remoteType} exception whose message
     * is that text between triple quotes.
     */
    public static ToyException withRemoteTraceback(ToyException e, ToyType remoteType) {
        ToyObject tb;
        try {
            tb = e.getAttr("__toy_traceback__");
        } catch (ToyError missing) {
            return e;
        }
        if (tb instanceof ToyStr text && e.cause() == null) {
            e.setCause(ToyException.of(remoteType, "\n\"\"\"\n" + text.value + "\"\"\""));
        }
        return e;
    }

    // ---- the worker's side -------------------------------------------------------------------

    /** {@code worker(conn, initializer, initargs)}: runs tasks until the pool closes the connection. */
    private static ToyObject work(ThreadState ts, ToyObject[] args, String[] kw) {
        if (args.length != 3 || kw.length != 0 || !(args[0] instanceof Connection conn)) {
            throw Errors.typeError("worker() takes a pool connection, an initializer and its arguments");
        }
        if (args[1] != ToyNone.NONE) ts.call(args[1], ToyProcess.sequence(args[2]));
        Codec.Resolver resolver = Processes.resolver(ts.interp());
        while (true) {
            byte[] frame;
            try {
                frame = conn.recvBytes(ts);
            } catch (ToyError e) {
                return ToyNone.NONE;   // the pool let us go
            }
            byte[] reply = perform(ts, frame, resolver);
            try {
                conn.sendBytes(ts, reply);
            } catch (ToyError e) {
                return ToyNone.NONE;
            }
        }
    }

    private static byte[] perform(ThreadState ts, byte[] frame, Codec.Resolver resolver) {
        boolean ok;
        ToyObject value;
        try {
            if (frame.length < 8) throw Errors.valueError("malformed task");
            ToyTuple task = (ToyTuple) Codec.decode(frame, 8, frame.length - 8, resolver);
            value = run(ts, task.get(0), (int) ((ToyInt) task.get(1)).value, task.get(2));
            ok = true;
        } catch (ToyError e) {
            // SystemExit and KeyboardInterrupt end the worker, as in CPython's worker loop
            if (!e.exception.isInstance(ExceptionTypes.EXCEPTION)) throw e;
            value = e.exception;
            ok = false;
        } catch (Codec.MalformedException | ClassCastException e) {
            value = ToyException.of(ExceptionTypes.RUNTIME_ERROR, "malformed task: " + e.getMessage());
            ok = false;
        }
        byte[] body;
        try {
            body = Codec.encode(ToyTuple.of(ToyBool.of(ok), value));
        } catch (ToyError e) {
            // CPython's MaybeEncodingError: "Error sending result: '...'. Reason: '...'"
            String why = e.exception.repr();
            body = Codec.encode(ToyTuple.of(ToyBool.FALSE, ToyException.of(MAYBE_ENCODING_ERROR,
                    "Error sending result: '" + reprOf(value) + "'. Reason: '" + why + "'")));
        }
        byte[] reply = new byte[8 + body.length];
        System.arraycopy(frame, 0, reply, 0, Math.min(8, frame.length));
        System.arraycopy(body, 0, reply, 8, body.length);
        return reply;
    }

    private static String reprOf(ToyObject v) {
        try {
            return v.repr();
        } catch (ToyError e) {
            return "<unprintable>";
        }
    }

    private static ToyObject run(ThreadState ts, ToyObject func, int kind, ToyObject payload) {
        switch (kind) {
            case APPLY: {
                ToyTuple p = (ToyTuple) payload;
                return ToyProcess.callTarget(ts, func, p.get(0), p.get(1));
            }
            case MAP: case STARMAP: {
                ToyObject[] items = ToyProcess.sequence(payload);
                ToyObject[] out = new ToyObject[items.length];
                for (int i = 0; i < items.length; i++) {
                    out[i] = kind == MAP ? ts.call(func, items[i]) : ts.call(func, ToyProcess.sequence(items[i]));
                }
                return new ToyList(out);
            }
            default: throw Errors.valueError("unknown task kind " + kind);
        }
    }
}
