package org.toy.ipc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import org.toy.gil.Gil;
import org.toy.runtime.Args;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyBytes;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyFloat;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/**
 * One end of a {@code multiprocessing.Pipe}: {@code send}/{@code recv} (values through
 * {@link Codec}), {@code send_bytes}/{@code recv_bytes}, {@code poll(timeout)}, {@code close}.
 * In the process that created the pipe an end works on the {@link Hub.PipeState} directly; a
 * copy in another process attaches to the creator's hub on first use and from then on the
 * hub forwards that end's messages to it (see {@link Hub}). EOFError comes once the peer has
 * closed and every message sent before has been received.
 */
public final class Connection extends ToyObject implements Handle {
    public static final ToyType TYPE = new ToyType("Connection", ToyType.OBJECT);

    private final String hubPath;
    private final long pipeId;
    private final int side;
    private final boolean readable;
    private final boolean writable;
    private final Hub.PipeState local;
    /** For a copy sent to a child: the holder counted for it, claimed when it attaches. */
    private final long token;
    private volatile boolean closed;
    // a copy in another process
    private SocketChannel channel;
    private OutputStream out;
    private Inbox remoteInbox;

    private Connection(String hubPath, long pipeId, int side, boolean readable, boolean writable, Hub.PipeState local,
            long token) {
        this.token = token;
        this.hubPath = hubPath;
        this.pipeId = pipeId;
        this.side = side;
        this.readable = readable;
        this.writable = writable;
        this.local = local;
    }

    static {
        Handle.register("Connection", Connection::revive);
    }

    /** {@code Pipe(duplex=True)}: (conn1, conn2); with duplex False, conn1 only receives and conn2 only sends. */
    public static ToyTuple pipe(boolean duplex) {
        Hub hub = Hub.get();
        Hub.PipeState p = hub.newPipe();
        String path = hub.socket.toString();
        return ToyTuple.of(new Connection(path, p.id, 0, true, duplex, p, 0), new Connection(path, p.id, 1, duplex, true, p, 0));
    }

    @Override public String handleKind() { return "Connection"; }

    @Override
    public ToyObject handleState() {
        if (closed) throw Errors.of(ExceptionTypes.OS_ERROR, "handle is closed");
        long t = 0;
        java.util.List<Runnable> copies = CHILD_COPIES.get();
        if (copies != null && local != null) {
            Hub.PipeState p = local;
            long claim = p.pend(side);
            copies.add(() -> p.release(claim));
            t = claim;
        }
        return ToyTuple.of(ToyStr.of(hubPath), ToyInt.of(pipeId), ToyInt.of(side), ToyBool.of(readable), ToyBool.of(writable),
                ToyInt.of(t));
    }

    private static ToyObject revive(ToyObject state) {
        ToyTuple t = (ToyTuple) state;
        String path = t.get(0).str();
        long id = ((ToyInt) t.get(1)).value;
        int side = (int) ((ToyInt) t.get(2)).value;
        if (side != 0 && side != 1) throw Errors.valueError("bad pipe end");
        Hub hub = Hub.local(path);
        Hub.PipeState p = hub == null ? null : hub.pipes.get(id);
        return new Connection(path, id, side, t.get(3).isTrue(), t.get(4).isTrue(), p, ((ToyInt) t.get(5)).value);
    }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() {
        return "<multiprocessing.connection.Connection object at 0x" + Long.toHexString(Ops.id(this)) + ">";
    }

    private void checkOpen() {
        if (closed) throw Errors.of(ExceptionTypes.OS_ERROR, "handle is closed");
    }

    private void checkReadable() {
        checkOpen();
        if (!readable) throw Errors.of(ExceptionTypes.OS_ERROR, "connection is write-only");
    }

    private void checkWritable() {
        checkOpen();
        if (!writable) throw Errors.of(ExceptionTypes.OS_ERROR, "connection is read-only");
    }

    private synchronized void attach() throws IOException {
        if (channel != null) return;
        SocketChannel ch = Hub.connect(hubPath, (byte) 'A', pipeId, side, token);
        Inbox inbox = new Inbox();
        InputStream in = new java.io.BufferedInputStream(ChannelStreams.in(ch), 1 << 16);
        Thread reader = new Thread(() -> {
            try {
                for (byte[] f; (f = Frames.read(in)) != null; ) inbox.add(f);
            } catch (IOException e) {
                // closed
            }
            inbox.closeSender();
        }, "toy-pipe-reader");
        reader.setDaemon(true);
        reader.start();
        out = ChannelStreams.out(ch);
        remoteInbox = inbox;
        channel = ch;
    }

    private Inbox inbox() {
        if (local != null) return local.inbox[side];
        try {
            attach();
        } catch (IOException e) {
            throw Errors.of(ExceptionTypes.EOF_ERROR, "");
        }
        return remoteInbox;
    }

    public void sendBytes(ThreadState ts, byte[] payload) {
        checkWritable();
        try (var released = ts == null ? Gil.releaseCurrent("Connection.send") : ts.interp().gil().release(ts, "Connection.send")) {
            if (local != null) {
                local.deliver(side, payload);
                return;
            }
            attach();
            byte[] frame = new byte[payload.length + 1];
            frame[0] = 'S';
            System.arraycopy(payload, 0, frame, 1, payload.length);
            synchronized (out) {
                Frames.write(out, frame);
            }
        } catch (IOException e) {
            throw Errors.of(ExceptionTypes.BROKEN_PIPE_ERROR, "[Errno 32] Broken pipe");
        }
    }

    public byte[] recvBytes(ThreadState ts) {
        checkReadable();
        Inbox in = inbox();
        try (var released = ts == null ? Gil.releaseCurrent("Connection.recv") : ts.interp().gil().release(ts, "Connection.recv")) {
            in.await(-1);
        }
        byte[] b = in.poll();
        if (b == null) throw new ToyError(new ToyException(ExceptionTypes.EOF_ERROR, ToyTuple.EMPTY));
        return b;
    }

    public boolean poll(ThreadState ts, double timeout) {
        checkReadable();
        Inbox in = inbox();
        if (in.size() > 0) return true;
        if (timeout == 0) return in.senderClosed();
        try (var released = ts.interp().gil().release(ts, "Connection.poll")) {
            return in.await(Inbox.nanos(timeout));
        }
    }

    public void close() {
        if (closed) return;
        closed = true;
        if (local != null) {
            local.drop(side);
            return;
        }
        if (channel == null && token != 0) {
            try {
                attach();   // claim the holder counted for us, then give it back
            } catch (IOException e) {
                return;
            }
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closed anyway
            }
        }
    }

    private static Connection me(ToyObject o) {
        if (!(o instanceof Connection c)) throw Errors.typeError("descriptor requires a 'Connection' object");
        return c;
    }

    static {
        TYPE.method("send", (ts, a, kw) -> {
            Args.one("send", a, kw, 1);
            Connection c = me(a[0]);
            c.checkWritable();
            c.sendBytes(ts, Codec.encode(a[1]));
            return ToyNone.NONE;
        });
        TYPE.method("recv", (ts, a, kw) -> {
            Args.none("recv", a, kw, 1);
            byte[] b = me(a[0]).recvBytes(ts);
            return Codec.decode(b, org.toy.process.Processes.resolver(ts.interp()));
        });
        TYPE.method("send_bytes", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("send_bytes", a, kw, 1, 1, "buf", "offset", "size");
            if (!(p[0] instanceof ToyBytes b)) throw Errors.typeError("a bytes-like object is required, not '" + p[0].type().name() + "'");
            int off = p[1] == null ? 0 : Args.toInt(p[1]);
            int size = p[2] == null ? b.value.length - off : Args.toInt(p[2]);
            if (off < 0 || off > b.value.length) throw Errors.valueError("offset out of bounds");
            if (size < 0) throw Errors.valueError("size is negative");
            if (off + size > b.value.length) throw Errors.valueError("buffer length < offset + size");
            me(a[0]).sendBytes(ts, java.util.Arrays.copyOfRange(b.value, off, off + size));
            return ToyNone.NONE;
        });
        TYPE.method("recv_bytes", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("recv_bytes", a, kw, 1, 0, "maxlength");
            byte[] b = me(a[0]).recvBytes(ts);
            if (p[0] != null && p[0] != ToyNone.NONE && b.length > Args.toInt(p[0])) {
                me(a[0]).close();
                throw Errors.of(ExceptionTypes.OS_ERROR, "bad message length");
            }
            return new ToyBytes(b);
        });
        TYPE.method("poll", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("poll", a, kw, 1, 0, "timeout");
            double t = p[0] == null ? 0.0 : p[0] == ToyNone.NONE ? -1 : seconds(p[0]);
            return ToyBool.of(me(a[0]).poll(ts, Math.max(t, p[0] == ToyNone.NONE ? -1 : 0)));
        });
        TYPE.method("close", (ts, a, kw) -> {
            Args.none("close", a, kw, 1);
            me(a[0]).close();
            return ToyNone.NONE;
        });
        TYPE.method("fileno", (ts, a, kw) -> {
            Args.none("fileno", a, kw, 1);
            me(a[0]).checkOpen();
            return ToyInt.of(3 + me(a[0]).side);
        });
    }

    @Override
    public ToyObject getAttr(String name) {
        switch (name) {
            case "closed": return ToyBool.of(closed);
            case "readable": return ToyBool.of(readable);
            case "writable": return ToyBool.of(writable);
            default: return super.getAttr(name);
        }
    }

    static double seconds(ToyObject o) {
        if (o instanceof ToyFloat f) return f.value;
        if (o instanceof ToyInt i) return i.isSmall() ? i.value : i.toBig().doubleValue();
        throw Errors.typeError("'" + o.type().name() + "' object cannot be interpreted as an integer");
    }

    /** {@code multiprocessing.Pipe(duplex=True)}. */
    public static BuiltinFunction pipeFunction() {
        return BuiltinFunction.function("Pipe", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("Pipe", a, kw, 0, 0, "duplex");
            return pipe(p[0] == null || p[0].isTrue());
        });
    }
}
