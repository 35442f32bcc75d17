package org.toy.ipc;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.toy.runtime.Args;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.threads.ToyQueue;
import org.toy.vm.ThreadState;

/**
 * {@code multiprocessing.Queue(maxsize)} and {@code SimpleQueue}: a FIFO of encoded items hosted
 * by the process that created it ({@link Hub.QueueState}). Items are encoded by the caller
 * before any lock is taken and decoded by the receiver after the queue lock is released. In the
 * creating process {@code put}/{@code get} work on the FIFO directly. A copy in another process
 * talks to the creator's hub: an unbounded {@code put} hands the bytes to a feeder thread that
 * writes them in batches (CPython's feeder thread), so {@code put} never waits; a bounded
 * {@code put} and every {@code get} are request and reply, the wait (and its timeout) happening
 * in the hub. At process exit the feeders are flushed ({@code join_thread}).
 */
public final class IpcQueue extends ToyObject implements Handle {
    public static final ToyType TYPE = new ToyType("Queue", ToyType.OBJECT);
    public static final ToyType SIMPLE = new ToyType("SimpleQueue", ToyType.OBJECT);
    public static final ToyType JOINABLE = new ToyType("JoinableQueue", TYPE);

    private static final Set<IpcQueue> FEEDING = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private final ToyType type;
    private final String hubPath;
    private final long id;
    private final int maxsize;
    private final Hub.QueueState local;
    private volatile boolean closed;
    // a copy in another process
    private SocketChannel putChannel;
    private OutputStream putOut;
    private InputStream putIn;
    private SocketChannel getChannel;
    private OutputStream getOut;
    private InputStream getIn;
    private final ArrayDeque<byte[]> feed = new ArrayDeque<>();
    private Thread feeder;
    private boolean feederBusy;

    private IpcQueue(ToyType type, String hubPath, long id, int maxsize, Hub.QueueState local) {
        this.type = type;
        this.hubPath = hubPath;
        this.id = id;
        this.maxsize = maxsize;
        this.local = local;
    }

    static {
        Handle.register("Queue", s -> revive(TYPE, s));
        Handle.register("SimpleQueue", s -> revive(SIMPLE, s));
        Handle.register("JoinableQueue", s -> revive(JOINABLE, s));
    }

    public static IpcQueue create(ToyType type, int maxsize) {
        Hub hub = Hub.get();
        Hub.QueueState q = hub.newQueue(Math.max(0, maxsize));
        return new IpcQueue(type, hub.socket.toString(), q.id, Math.max(0, maxsize), q);
    }

    private static ToyObject revive(ToyType type, ToyObject state) {
        ToyTuple t = (ToyTuple) state;
        String path = t.get(0).str();
        long id = ((ToyInt) t.get(1)).value;
        int maxsize = (int) ((ToyInt) t.get(2)).value;
        Hub hub = Hub.local(path);
        return new IpcQueue(type, path, id, maxsize, hub == null ? null : hub.queues.get(id));
    }

    @Override public String handleKind() { return type.name(); }

    @Override
    public ToyObject handleState() { return ToyTuple.of(ToyStr.of(hubPath), ToyInt.of(id), ToyInt.of(maxsize)); }

    @Override public ToyType type() { return type; }

    @Override
    public String repr() {
        return "<multiprocessing.queues." + type.name() + " object at 0x" + Long.toHexString(Ops.id(this)) + ">";
    }

    private void checkClosed() {
        if (closed) throw Errors.valueError("Queue " + repr() + " is closed");
    }

    private static ToyError raise(ToyType t) { return new ToyError(new ToyException(t, ToyTuple.EMPTY)); }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (56 - 8 * i));
        return b;
    }

    // ---- put ---------------------------------------------------------------------------------

    public void put(ThreadState ts, ToyObject item, boolean block, double timeout) {
        checkClosed();
        byte[] b = Codec.encode(item);
        long nanos = !block ? 0 : Inbox.nanos(timeout);
        if (local != null) {
            boolean ok;
            if (maxsize == 0) ok = local.put(b, -1);
            else {
                try (var released = ts.interp().gil().release(ts, "Queue.put")) {
                    ok = local.put(b, nanos);
                }
            }
            if (!ok) throw raise(ToyQueue.FULL);
            return;
        }
        if (maxsize == 0 && type != JOINABLE) {
            feed(b);   // a joinable queue counts the item at put(), so its remote puts wait for the hub
            return;
        }
        try (var released = ts.interp().gil().release(ts, "Queue.put")) {
            synchronized (this) {
                openPut();
                byte[] frame = new byte[9 + b.length];
                frame[0] = 1;
                System.arraycopy(longBytes(nanos), 0, frame, 1, 8);
                System.arraycopy(b, 0, frame, 9, b.length);
                Frames.write(putOut, frame);
                byte[] reply = Frames.read(putIn);
                if (reply == null || reply.length != 1) throw Errors.of(ExceptionTypes.EOF_ERROR, "the queue's process has ended");
                if (reply[0] == 0) throw raise(ToyQueue.FULL);
            }
        } catch (IOException e) {
            throw Errors.of(ExceptionTypes.BROKEN_PIPE_ERROR, "[Errno 32] Broken pipe");
        }
    }

    private synchronized void openPut() throws IOException {
        if (putChannel != null) return;
        putChannel = Hub.connect(hubPath, (byte) 'P', id, -1);
        putOut = new BufferedOutputStream(ChannelStreams.out(putChannel), 1 << 16);
        putIn = ChannelStreams.in(putChannel);
    }

    private void feed(byte[] b) {
        synchronized (feed) {
            feed.add(b);
            if (feeder == null) {
                feeder = new Thread(this::feederLoop, "QueueFeederThread");
                feeder.setDaemon(true);
                feeder.start();
                FEEDING.add(this);
            }
            feed.notifyAll();
        }
    }

    private void feederLoop() {
        byte[] header = new byte[9];
        try {
            openPut();
            while (true) {
                byte[][] batch;
                synchronized (feed) {
                    feederBusy = false;
                    feed.notifyAll();
                    while (feed.isEmpty()) {
                        if (closed) return;
                        feed.wait();
                    }
                    batch = feed.toArray(new byte[0][]);
                    feed.clear();
                    feederBusy = true;
                }
                for (byte[] b : batch) {
                    int len = 9 + b.length;
                    putOut.write(new byte[] {(byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len});
                    putOut.write(header);
                    putOut.write(b);
                }
                putOut.flush();
            }
        } catch (IOException | InterruptedException e) {
            synchronized (feed) {
                feed.clear();
                feederBusy = false;
                feed.notifyAll();
            }
        }
    }

    /** {@code join_thread()}: waits until the feeder has written everything put so far. */
    public void flush(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (feed) {
            while ((!feed.isEmpty() || feederBusy) && feeder != null && feeder.isAlive()) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) return;
                try {
                    feed.wait(left);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** At process exit: every queue's feeder writes what it holds (CPython joins its feeder threads). */
    public static void flushAll() {
        IpcQueue[] all;
        synchronized (FEEDING) {
            all = FEEDING.toArray(new IpcQueue[0]);
        }
        for (IpcQueue q : all) q.flush(10_000);
    }

    // ---- get ---------------------------------------------------------------------------------

    public ToyObject get(ThreadState ts, boolean block, double timeout) {
        checkClosed();
        long nanos = !block ? 0 : Inbox.nanos(timeout);
        byte[] b;
        try (var released = ts.interp().gil().release(ts, "Queue.get")) {
            if (local != null) {
                b = local.get(nanos);
            } else {
                synchronized (this) {
                    openGet();
                    byte[] req = new byte[10];
                    req[0] = 'G';
                    req[1] = (byte) (block ? 1 : 0);
                    System.arraycopy(longBytes(nanos), 0, req, 2, 8);
                    Frames.write(getOut, req);
                    byte[] reply = Frames.read(getIn);
                    if (reply == null || reply.length == 0) throw Errors.of(ExceptionTypes.EOF_ERROR, "the queue's process has ended");
                    b = reply[0] == 0 ? null : java.util.Arrays.copyOfRange(reply, 1, reply.length);
                }
            }
        } catch (IOException e) {
            throw Errors.of(ExceptionTypes.EOF_ERROR, "the queue's process has ended");
        }
        if (b == null) throw raise(ToyQueue.EMPTY);
        return Codec.decode(b, org.toy.process.Processes.resolver(ts.interp()));
    }

    private synchronized void openGet() throws IOException {
        if (getChannel != null) return;
        getChannel = Hub.connect(hubPath, (byte) 'G', id, -1);
        getOut = ChannelStreams.out(getChannel);
        getIn = new java.io.BufferedInputStream(ChannelStreams.in(getChannel));
    }

    /** A one-byte request on the get connection ({@code T}: task_done, {@code J}: join); the reply byte. */
    private int request(ThreadState ts, byte op) {
        try (var released = ts.interp().gil().release(ts, "JoinableQueue.task_done or join")) {
            synchronized (this) {
                openGet();
                Frames.write(getOut, new byte[] {op});
                byte[] r = Frames.read(getIn);
                if (r == null || r.length != 1) throw Errors.of(ExceptionTypes.EOF_ERROR, "the queue's process has ended");
                return r[0];
            }
        } catch (IOException e) {
            throw Errors.of(ExceptionTypes.EOF_ERROR, "the queue's process has ended");
        }
    }

    public int qsize(ThreadState ts) {
        if (local != null) return local.size();
        try (var released = ts.interp().gil().release(ts, "Queue.qsize")) {
            synchronized (this) {
                openGet();
                Frames.write(getOut, new byte[] {'Q'});
                byte[] r = Frames.read(getIn);
                if (r == null || r.length != 4) throw Errors.of(ExceptionTypes.EOF_ERROR, "the queue's process has ended");
                return ((r[0] & 0xFF) << 24) | ((r[1] & 0xFF) << 16) | ((r[2] & 0xFF) << 8) | (r[3] & 0xFF);
            }
        } catch (IOException e) {
            throw Errors.of(ExceptionTypes.EOF_ERROR, "the queue's process has ended");
        }
    }

    // ---- Python methods ----------------------------------------------------------------------

    private static IpcQueue me(ToyObject o) {
        if (!(o instanceof IpcQueue q)) throw Errors.typeError("descriptor requires a 'Queue' object");
        return q;
    }

    private static double timeoutOf(ToyObject t) {
        if (t == null || t == ToyNone.NONE) return -1;
        double s = Connection.seconds(t);
        return Math.max(0, s);
    }

    static {
        for (ToyType t : new ToyType[] {TYPE, SIMPLE}) {
            t.method("put", (ts, a, kw) -> {
                if (t == SIMPLE) {
                    Args.one("put", a, kw, 1);
                    me(a[0]).put(ts, a[1], true, -1);
                    return ToyNone.NONE;
                }
                ToyObject[] p = Args.bind("put", a, kw, 1, 1, "obj", "block", "timeout");
                me(a[0]).put(ts, p[0], p[1] == null || p[1].isTrue(), timeoutOf(p[2]));
                return ToyNone.NONE;
            });
            t.method("get", (ts, a, kw) -> {
                if (t == SIMPLE) {
                    Args.none("get", a, kw, 1);
                    return me(a[0]).get(ts, true, -1);
                }
                ToyObject[] p = Args.bind("get", a, kw, 1, 0, "block", "timeout");
                return me(a[0]).get(ts, p[0] == null || p[0].isTrue(), timeoutOf(p[1]));
            });
            t.method("empty", (ts, a, kw) -> {
                Args.none("empty", a, kw, 1);
                return ToyBool.of(me(a[0]).qsize(ts) == 0);
            });
            t.method("close", (ts, a, kw) -> {
                Args.none("close", a, kw, 1);
                IpcQueue q = me(a[0]);
                q.flush(10_000);
                q.closed = true;
                synchronized (q.feed) {
                    q.feed.notifyAll();
                }
                return ToyNone.NONE;
            });
        }
        JOINABLE.method("task_done", (ts, a, kw) -> {
            Args.none("task_done", a, kw, 1);
            IpcQueue q = me(a[0]);
            boolean ok = q.local != null ? q.local.taskDone() : q.request(ts, (byte) 'T') == 1;
            if (!ok) throw Errors.valueError("task_done() called too many times");
            return ToyNone.NONE;
        });
        JOINABLE.method("join", (ts, a, kw) -> {
            Args.none("join", a, kw, 1);
            IpcQueue q = me(a[0]);
            if (q.local != null) {
                try (var released = ts.interp().gil().release(ts, "Queue.join")) {
                    q.local.join();
                }
            } else {
                q.request(ts, (byte) 'J');
            }
            return ToyNone.NONE;
        });
        TYPE.method("put_nowait", (ts, a, kw) -> {
            Args.one("put_nowait", a, kw, 1);
            me(a[0]).put(ts, a[1], false, 0);
            return ToyNone.NONE;
        });
        TYPE.method("get_nowait", (ts, a, kw) -> {
            Args.none("get_nowait", a, kw, 1);
            return me(a[0]).get(ts, false, 0);
        });
        TYPE.method("qsize", (ts, a, kw) -> {
            Args.none("qsize", a, kw, 1);
            return ToyInt.of(me(a[0]).qsize(ts));
        });
        TYPE.method("full", (ts, a, kw) -> {
            Args.none("full", a, kw, 1);
            IpcQueue q = me(a[0]);
            return ToyBool.of(q.maxsize > 0 && q.qsize(ts) >= q.maxsize);
        });
        TYPE.method("join_thread", (ts, a, kw) -> {
            Args.none("join_thread", a, kw, 1);
            IpcQueue q = me(a[0]);
            if (!q.closed) throw Errors.of(ExceptionTypes.ASSERTION_ERROR, "Queue " + q.repr() + " not closed");
            try (var released = ts.interp().gil().release(ts, "Queue.join_thread")) {
                q.flush(Long.MAX_VALUE / 4);
            }
            return ToyNone.NONE;
        });
        TYPE.method("cancel_join_thread", (ts, a, kw) -> {
            Args.none("cancel_join_thread", a, kw, 1);
            FEEDING.remove(me(a[0]));
            return ToyNone.NONE;
        });
    }

    /** {@code multiprocessing.Queue(maxsize=0)}. */
    public static BuiltinFunction queueFunction() {
        return BuiltinFunction.function("Queue", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("Queue", a, kw, 0, 0, "maxsize");
            return create(TYPE, p[0] == null ? 0 : Args.toInt(p[0]));
        });
    }

    /** {@code multiprocessing.JoinableQueue(maxsize=0)}. */
    public static BuiltinFunction joinableQueueFunction() {
        return BuiltinFunction.function("JoinableQueue", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("JoinableQueue", a, kw, 0, 0, "maxsize");
            return create(JOINABLE, p[0] == null ? 0 : Args.toInt(p[0]));
        });
    }

    /** {@code multiprocessing.SimpleQueue()}. */
    public static BuiltinFunction simpleQueueFunction() {
        return BuiltinFunction.function("SimpleQueue", (ts, a, kw) -> {
            Args.none("SimpleQueue", a, kw, 0);
            return create(SIMPLE, 0);
        });
    }
}
