package org.toy.ipc;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process's IPC host. A pipe or a queue lives in the process that created it; its ends
 * and handles used in the same process work on it directly, and copies that travelled to other
 * processes (in a child's start-up state, as arguments, inside messages) reach it through this
 * hub: a Unix-domain socket in a private ({@code 0700}) directory, one connection per remote
 * end or queue handle, length-prefixed frames (see {@link Frames}).
 * <p>
 * Every connection first passes the {@link AuthKey} handshake; one that fails is closed unserved.
 * Protocol (then the first byte of the first frame says what the connection is for):
 * <ul>
 *   <li>{@code A id side}: attach to one end of pipe {@code id}. The hub then forwards every
 *       message for that end down the connection (first the backlog), and each frame the
 *       client sends, {@code S payload}, goes to the other end. The connection's end of stream
 *       is the end's close: the peer sees EOFError once it has drained its messages.</li>
 *   <li>{@code P id}: puts into queue {@code id}: frames {@code ack(1) timeout(8) payload};
 *       with ack 1 the hub replies 1 (enqueued) or 0 (full after the timeout).</li>
 *   <li>{@code G id}: gets from queue {@code id}: {@code G block(1) timeout(8)} replied by
 *       {@code 1 payload} or {@code 0} (empty), {@code Q} replied by the size (8 bytes).</li>
 *   <li>{@code L id}: operations on semaphore {@code id} (see {@link SemState}).</li>
 * </ul>
 * The hub lives as long as its process: a pipe or queue whose creator has exited is gone
 * (its remote users see EOF), as with CPython's manager-hosted objects.
 */
public final class Hub {
    private static volatile Hub instance;

    final Path dir;
    final Path socket;
    private final ServerSocketChannel server;
    private final AtomicLong ids = new AtomicLong();
    final Map<Long, PipeState> pipes = new ConcurrentHashMap<>();
    final Map<Long, QueueState> queues = new ConcurrentHashMap<>();
    final Map<Long, SemState> sems = new ConcurrentHashMap<>();

    private Hub() throws IOException {
        dir = Files.createTempDirectory("toy-ipc-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        socket = dir.resolve("hub");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(this::acceptLoop, "toy-ipc-hub");
        t.setDaemon(true);
        t.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(socket);
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // best effort
            }
        }));
    }

    public static Hub get() {
        Hub h = instance;
        if (h != null) return h;
        synchronized (Hub.class) {
            if (instance == null) {
                try {
                    instance = new Hub();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return instance;
        }
    }

    /** The hub of this process if it is the one at {@code path}. */
    static Hub local(String path) {
        Hub h = instance;
        return h != null && h.socket.toString().equals(path) ? h : null;
    }

    long newId() { return ids.incrementAndGet(); }

    private void acceptLoop() {
        while (true) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (IOException e) {
                return;
            }
            Thread t = new Thread(() -> serve(ch), "toy-ipc-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(SocketChannel ch) {
        try (ch) {
            InputStream in = new java.io.BufferedInputStream(ChannelStreams.in(ch), 1 << 16);
            OutputStream out = ChannelStreams.out(ch);
            if (!AuthKey.serve(in, out)) return;
            byte[] hello = Frames.read(in);
            if (hello == null || hello.length < 9) return;
            long id = new DataInputStream(new java.io.ByteArrayInputStream(hello, 1, 8)).readLong();
            switch (hello[0]) {
                case 'A' -> {
                    PipeState p = pipes.get(id);
                    if (p == null || hello.length < 18) return;
                    long token = new DataInputStream(new java.io.ByteArrayInputStream(hello, 10, 8)).readLong();
                    p.serveRemote(hello[9], token, ch, in, out);
                }
                case 'P' -> {
                    QueueState q = queues.get(id);
                    if (q != null) q.servePuts(in, out);
                }
                case 'G' -> {
                    QueueState q = queues.get(id);
                    if (q != null) q.serveGets(in, out);
                }
                case 'L' -> {
                    SemState s = sems.get(id);
                    if (s != null) s.serve(in, out);
                }
                default -> { }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Opens a connection to the hub at {@code path} and sends its hello frame. */
    static SocketChannel connect(String path, byte kind, long id, int extra) throws IOException {
        return connect(path, kind, id, extra, 0);
    }

    static SocketChannel connect(String path, byte kind, long id, int extra, long token) throws IOException {
        SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(path));
        try {
            AuthKey.answer(ChannelStreams.in(ch), ChannelStreams.out(ch));
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        byte[] hello = new byte[extra < 0 ? 9 : 18];
        hello[0] = kind;
        for (int i = 0; i < 8; i++) hello[1 + i] = (byte) (id >>> (56 - 8 * i));
        if (extra >= 0) {
            hello[9] = (byte) extra;
            for (int i = 0; i < 8; i++) hello[10 + i] = (byte) (token >>> (56 - 8 * i));
        }
        Frames.write(ChannelStreams.out(ch), hello);
        return ch;
    }

    // ---- pipes -------------------------------------------------------------------------------

    /** Both ends of one pipe, hosted here: an inbox per end, or the connection of an end that moved away. */
    static final class PipeState {
        final long id;
        final Inbox[] inbox = {new Inbox(), new Inbox()};
        final OutputStream[] remote = new OutputStream[2];
        final SocketChannel[] remoteChannel = new SocketChannel[2];
        final boolean[] closed = new boolean[2];
        /**
         * Copies of each end still open, as the kernel counts descriptors: the creator's own
         * object, copies sent to children that have not ended or claimed them yet, and attached
         * remote copies. An end closes (its peer sees EOF) when its count reaches zero.
         */
        final int[] holders = {1, 1};
        final Map<Long, Integer> pending = new ConcurrentHashMap<>();
        private final AtomicLong tokens = new AtomicLong();

        PipeState(long id) { this.id = id; }

        /** One more holder of {@code side}, sent to a child; the token claims or releases it. */
        synchronized long pend(int side) {
            holders[side]++;
            long token = tokens.incrementAndGet();
            pending.put(token, side);
            return token;
        }

        void release(long token) {
            Integer side = pending.remove(token);
            if (side != null) drop(side);
        }

        void drop(int side) {
            boolean last;
            synchronized (this) {
                last = --holders[side] == 0;
            }
            if (last) close(side);
        }

        /** A message from end {@code from} to the other end. */
        void deliver(int from, byte[] payload) throws IOException {
            int to = 1 - from;
            OutputStream out;
            synchronized (this) {
                if (closed[to] && remote[to] == null) return;
                out = remote[to];
                if (out == null) {
                    inbox[to].add(payload);
                    return;
                }
            }
            synchronized (out) {
                Frames.write(out, payload);
            }
        }

        void close(int side) {
            int peer = 1 - side;
            SocketChannel ch;
            synchronized (this) {
                if (closed[side]) return;
                closed[side] = true;
                ch = remoteChannel[peer];
            }
            inbox[peer].closeSender();
            if (ch != null) {
                try {
                    ch.shutdownOutput();
                } catch (IOException e) {
                    // gone already
                }
            }
        }

        void serveRemote(int side, long token, SocketChannel ch, InputStream in, OutputStream out) throws IOException {
            if (side != 0 && side != 1) return;
            synchronized (this) {
                // a child's copy claims the holder counted for it at start(); any other copy adds one
                if (token == 0 || pending.remove(token) == null) holders[side]++;
                synchronized (out) {
                    ArrayDeque<byte[]> backlog = inbox[side].drain();
                    for (byte[] b : backlog) Frames.write(out, b);
                }
                remote[side] = out;
                remoteChannel[side] = ch;
                if (closed[1 - side]) ch.shutdownOutput();
            }
            try {
                for (byte[] f; (f = Frames.read(in)) != null; ) {
                    if (f.length == 0) continue;
                    if (f[0] == 'S') deliver(side, java.util.Arrays.copyOfRange(f, 1, f.length));
                    else if (f[0] == 'C') break;
                }
            } catch (IOException e) {
                // the remote end's process died: same as a close
            } finally {
                synchronized (this) {
                    if (remoteChannel[side] == ch) {
                        remote[side] = null;
                        remoteChannel[side] = null;
                    }
                }
                drop(side);
            }
        }
    }

    PipeState newPipe() {
        PipeState p = new PipeState(newId());
        pipes.put(p.id, p);
        return p;
    }

    // ---- queues ------------------------------------------------------------------------------

    /** A queue hosted here: frames in a FIFO, bounded by {@code maxsize} (0: unbounded). */
    static final class QueueState {
        final long id;
        final int maxsize;
        private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        private final java.util.concurrent.locks.Condition notEmpty = lock.newCondition();
        private final java.util.concurrent.locks.Condition notFull = lock.newCondition();
        private final java.util.concurrent.locks.Condition allDone = lock.newCondition();
        private final ArrayDeque<byte[]> items = new ArrayDeque<>();
        /** JoinableQueue: items put and not yet marked done. */
        private long unfinished;

        QueueState(long id, int maxsize) {
            this.id = id;
            this.maxsize = maxsize;
        }

        /** Enqueues, waiting up to {@code nanos} (negative: forever) for room; false if still full. */
        boolean put(byte[] b, long nanos) {
            lock.lock();
            try {
                long left = nanos;
                while (maxsize > 0 && items.size() >= maxsize) {
                    if (nanos < 0) notFull.awaitUninterruptibly();
                    else {
                        if (left <= 0) return false;
                        try {
                            left = notFull.awaitNanos(left);
                        } catch (InterruptedException e) {
                            return false;
                        }
                    }
                }
                items.add(b);
                unfinished++;
                notEmpty.signal();
                return true;
            } finally {
                lock.unlock();
            }
        }

        /** Dequeues, waiting up to {@code nanos} (negative: forever); null if still empty. */
        byte[] get(long nanos) {
            lock.lock();
            try {
                long left = nanos;
                while (items.isEmpty()) {
                    if (nanos < 0) notEmpty.awaitUninterruptibly();
                    else {
                        if (left <= 0) return null;
                        try {
                            left = notEmpty.awaitNanos(left);
                        } catch (InterruptedException e) {
                            return null;
                        }
                    }
                }
                byte[] b = items.poll();
                notFull.signal();
                return b;
            } finally {
                lock.unlock();
            }
        }

        int size() {
            lock.lock();
            try {
                return items.size();
            } finally {
                lock.unlock();
            }
        }

        /** {@code task_done()}: false if called more often than items were put. */
        boolean taskDone() {
            lock.lock();
            try {
                if (unfinished <= 0) return false;
                if (--unfinished == 0) allDone.signalAll();
                return true;
            } finally {
                lock.unlock();
            }
        }

        /** {@code join()}: waits until every item put has been marked done. */
        void join() {
            lock.lock();
            try {
                while (unfinished > 0) allDone.awaitUninterruptibly();
            } finally {
                lock.unlock();
            }
        }

        void servePuts(InputStream in, OutputStream out) throws IOException {
            for (byte[] f; (f = Frames.read(in)) != null; ) {
                if (f.length < 9) return;
                long nanos = 0;
                for (int i = 1; i < 9; i++) nanos = (nanos << 8) | (f[i] & 0xFF);
                boolean ok = put(java.util.Arrays.copyOfRange(f, 9, f.length), nanos);
                if (f[0] == 1) Frames.write(out, new byte[] {(byte) (ok ? 1 : 0)});
            }
        }

        void serveGets(InputStream in, OutputStream out) throws IOException {
            for (byte[] f; (f = Frames.read(in)) != null; ) {
                if (f.length >= 1 && f[0] == 'T') {
                    Frames.write(out, new byte[] {(byte) (taskDone() ? 1 : 0)});
                    continue;
                }
                if (f.length >= 1 && f[0] == 'J') {
                    join();
                    Frames.write(out, new byte[] {1});
                    continue;
                }
                if (f.length >= 1 && f[0] == 'Q') {
                    int n = size();
                    Frames.write(out, new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
                    continue;
                }
                if (f.length < 10 || f[0] != 'G') return;
                long nanos = 0;
                for (int i = 2; i < 10; i++) nanos = (nanos << 8) | (f[i] & 0xFF);
                byte[] item = get(f[1] == 0 ? 0 : nanos);
                if (item == null) {
                    Frames.write(out, new byte[] {0});
                } else {
                    byte[] reply = new byte[item.length + 1];
                    reply[0] = 1;
                    System.arraycopy(item, 0, reply, 1, item.length);
                    Frames.write(out, reply);
                }
            }
        }
    }

    QueueState newQueue(int maxsize) {
        QueueState q = new QueueState(newId(), maxsize);
        queues.put(q.id, q);
        return q;
    }

    SemState newSem(SharedMemory mem) {
        SemState s = new SemState(newId(), mem);
        sems.put(s.id, s);
        return s;
    }
}
