package org.toy.ipc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.toy.runtime.Args;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/**
 * {@code multiprocessing.Lock}, {@code RLock}, {@code Semaphore} and {@code BoundedSemaphore}:
 * CPython's {@code _multiprocessing.SemLock}, a semaphore shared by processes.
 *
 * <h2>Design</h2>
 * CPython puts a POSIX named semaphore in {@code /dev/shm}, whose waits are futexes. Toy does
 * the same by hand ({@link SemState}): the count lives in a {@link SharedMemory} block mapped by
 * every process holding the lock, and is taken and given back by compare-and-set, so an
 * uncontended acquire or release is a few atomic instructions in any process. A JVM has no
 * futex, so the sleeping is done in the hub of the creating process: a thread that finds the
 * count at zero announces itself in the {@code WAITERS} word, reads the {@code SEQ} word, tries
 * once more, and asks that hub to sleep until {@code SEQ} moves (directly in the creator, over a
 * Unix socket elsewhere); a release that sees waiters bumps {@code SEQ} and asks the hub to wake
 * them. Because the waiter announces itself before its last try and the releaser adds to the
 * count before it looks for waiters (both sequentially consistent), a wake-up cannot be lost;
 * the hub checks {@code SEQ} under its lock, so neither can one that overtakes its sleeper.
 * Each thread of a process uses its own connection (from a small pool), so one thread's sleep
 * never holds up another's wake. Every wait leaves the GIL through its scoped release.
 * <p>
 * As in CPython, what the counter cannot know stays in the process: the recursion count and the
 * thread that last acquired ({@code count}, {@code last_tid}), which make up {@code _is_mine},
 * the RLock's recursion and the reprs. A copy whose creator has exited can still take and give
 * the count, but can no longer sleep ({@code BrokenPipeError}). Locks cross
 * only while a child starts, as CPython's {@code assert_spawning} demands.
 */
public final class SemLock extends ToyObject implements Handle {
    /** The four kinds, with CPython's class names. */
    enum Kind {
        LOCK("Lock"), RLOCK("RLock"), SEMAPHORE("Semaphore"), BOUNDED("BoundedSemaphore");

        final ToyType type;

        Kind(String name) { this.type = new ToyType(name, ToyType.OBJECT); }
    }

    /** One copy per lock per process, so the process-local count is shared by every reference to it. */
    private static final Map<String, SemLock> COPIES = new ConcurrentHashMap<>();

    final Kind kind;
    private final String hubPath;
    private final long id;
    private final long maxvalue;
    private final SharedMemory mem;
    /** The futex, in the creating process; null in a copy elsewhere. */
    private final SemState local;
    private final ConcurrentLinkedDeque<Remote> idle = new ConcurrentLinkedDeque<>();
    /** {@code count}: acquires minus releases made by this process (guarded by this). */
    private int count;
    /** {@code last_tid}: the thread that last acquired here. */
    private ThreadState lastOwner;

    private SemLock(Kind kind, String hubPath, long id, long maxvalue, SharedMemory mem, SemState local) {
        this.kind = kind;
        this.hubPath = hubPath;
        this.id = id;
        this.maxvalue = maxvalue;
        this.mem = mem;
        this.local = local;
    }

    static {
        Handle.register("SemLock", SemLock::revive);
        for (Kind k : Kind.values()) installMethods(k.type, k);
    }

    static SemLock create(Kind kind, long value) {
        if (value < 0) throw Errors.of(ExceptionTypes.OS_ERROR, "[Errno 22] Invalid argument");
        long max = kind == Kind.LOCK || kind == Kind.RLOCK ? 1 : kind == Kind.BOUNDED ? value : SemState.UNBOUNDED;
        Hub hub = Hub.get();
        SharedMemory mem = SharedMemory.create(SemState.SLOTS);
        mem.set(SemState.VALUE, value);
        SemState s = hub.newSem(mem);
        SemLock l = new SemLock(kind, hub.socket.toString(), s.id, max, mem, s);
        COPIES.put(l.key(), l);
        return l;
    }

    private String key() { return hubPath + "#" + id; }

    @Override public String handleKind() { return "SemLock"; }

    @Override
    public ToyObject handleState() {
        assertSpawning(this);
        return ToyTuple.of(ToyStr.of(hubPath), ToyInt.of(id), ToyInt.of(kind.ordinal()), ToyInt.of(maxvalue), ToyStr.of(mem.path));
    }

    /** CPython's {@code context.assert_spawning}: these objects cross only in a child's start-up data. */
    static void assertSpawning(ToyObject o) {
        if (Handle.CHILD_COPIES.get() == null) {
            throw Errors.runtimeError(o.type().name() + " objects should only be shared between processes through inheritance");
        }
    }

    private static ToyObject revive(ToyObject state) {
        if (!(state instanceof ToyTuple t) || t.len() != 5) throw Errors.valueError("bad SemLock state");
        String path = t.get(0).str();
        long id = ((ToyInt) t.get(1)).value;
        int k = (int) ((ToyInt) t.get(2)).value;
        if (k < 0 || k >= Kind.values().length) throw Errors.valueError("bad SemLock kind");
        long max = ((ToyInt) t.get(3)).value;
        return COPIES.computeIfAbsent(path + "#" + id, key -> {
            Hub hub = Hub.local(path);
            SemState here = hub == null ? null : hub.sems.get(id);
            SharedMemory mem = here != null ? here.mem : SharedMemory.attach(t.get(4).str(), SemState.SLOTS);
            return new SemLock(Kind.values()[k], path, id, max, mem, here);
        });
    }

    @Override public ToyType type() { return kind.type; }

    // ---- the count in shared memory, the futex in the creator's hub ---------------------------

    /** One connection to the creator's hub, used by one thread at a time. */
    private record Remote(SocketChannel channel, InputStream in, OutputStream out) {}

    /** Sends a frame to the creator's hub; the reply if {@code replied}, else null. */
    private byte[] request(byte[] frame, boolean replied) {
        Remote r = idle.poll();
        try {
            if (r == null) {
                SocketChannel ch = Hub.connect(hubPath, (byte) 'L', id, -1);
                r = new Remote(ch, ChannelStreams.in(ch), ChannelStreams.out(ch));
            }
            Frames.write(r.out, frame);
            byte[] reply = null;
            if (replied) {
                reply = Frames.read(r.in, 64);
                if (reply == null) throw new IOException("the lock's process has ended");
            }
            idle.push(r);
            return reply;
        } catch (IOException e) {
            if (r != null) {
                try {
                    r.channel.close();
                } catch (IOException ignored) {
                    // already gone
                }
            }
            throw Errors.of(ExceptionTypes.BROKEN_PIPE_ERROR, "[Errno 32] Broken pipe");
        }
    }

    /** Takes one from the count if it is positive. */
    private boolean tryTake() {
        for (long v; (v = mem.getVolatile(SemState.VALUE)) > 0; ) {
            if (mem.compareAndSet(SemState.VALUE, v, v - 1)) return true;
        }
        return false;
    }

    /** Waits for the count (the GIL already released): {@code nanos} negative for ever; false on timeout. */
    private boolean sleepFor(long nanos) {
        long deadline = nanos < 0 ? 0 : System.nanoTime() + nanos;
        mem.getAndAdd(SemState.WAITERS, 1);
        try {
            while (true) {
                long seq = mem.getVolatile(SemState.SEQ);
                if (tryTake()) return true;
                long left = nanos < 0 ? -1 : deadline - System.nanoTime();
                if (nanos >= 0 && left <= 0) return false;
                if (local != null) {
                    local.await(seq, left);
                } else {
                    byte[] f = new byte[17];
                    f[0] = 'W';
                    SemState.writeLong(f, 1, seq);
                    SemState.writeLong(f, 9, left);
                    request(f, true);
                }
            }
        } finally {
            mem.getAndAdd(SemState.WAITERS, -1);
        }
    }

    /** Gives one back to the count, refused (false) past a bounded maximum; wakes the sleepers if there are any. */
    private boolean give() {
        while (true) {
            long v = mem.getVolatile(SemState.VALUE);
            if (maxvalue != SemState.UNBOUNDED && v >= maxvalue) return false;
            if (mem.compareAndSet(SemState.VALUE, v, v + 1)) break;
        }
        if (mem.getVolatile(SemState.WAITERS) > 0) {
            mem.getAndAdd(SemState.SEQ, 1);
            if (local != null) local.wake();
            else request(new byte[] {'N'}, false);
        }
        return true;
    }

    long value() { return mem.getVolatile(SemState.VALUE); }

    // ---- SemLock's operations ---------------------------------------------------------------

    synchronized boolean isMine(ThreadState ts) { return count > 0 && lastOwner == ts; }

    synchronized int count() { return count; }

    /** {@code acquire(block=True, timeout=None)}; {@code timeout} in seconds, negative for none. */
    boolean acquire(ThreadState ts, boolean block, double timeout) {
        if (kind == Kind.RLOCK) {
            synchronized (this) {
                if (count > 0 && lastOwner == ts) {
                    count++;
                    return true;
                }
            }
        }
        boolean got = tryTake();
        if (!got) {
            long nanos = !block ? 0 : timeout < 0 ? -1 : SemState.nanos(timeout);
            if (nanos == 0) return false;
            try (var released = ts.interp().gil().release(ts)) {
                got = sleepFor(nanos);
            }
        }
        if (got) {
            synchronized (this) {
                count++;
                lastOwner = ts;
            }
        }
        return got;
    }

    void release(ThreadState ts) {
        synchronized (this) {
            if (kind == Kind.RLOCK) {
                if (!(count > 0 && lastOwner == ts)) {
                    throw Errors.of(ExceptionTypes.ASSERTION_ERROR, "attempt to release recursive lock not owned by thread");
                }
            }
            // counted down before the counter goes up: a thread that acquires the moment it does
            // must find this process's count already without our hold
            count--;
            if (kind == Kind.RLOCK && count > 0) return;
        }
        boolean ok;
        if (local != null || mem.getVolatile(SemState.WAITERS) == 0) ok = give();
        else {
            try (var released = ts.interp().gil().release(ts)) {
                ok = give();
            }
        }
        if (!ok) {
            synchronized (this) {
                count++;
            }
            throw Errors.valueError("semaphore or lock released too many times");
        }
    }

    // ---- Python view -------------------------------------------------------------------------

    /** {@code current_process().name}, with {@code |ThreadName} outside the main thread. */
    static String ownerName(ThreadState ts) {
        String name = org.toy.process.Processes.of(ts.interp()).currentName();
        String thread = ts.interp().threads().current(ts).getAttr("name").str();
        return thread.equals("MainThread") ? name : name + "|" + thread;
    }

    @Override
    public String repr() {
        ThreadState ts = org.toy.gil.Gil.currentThreadState();
        return switch (kind) {
            case SEMAPHORE -> "<Semaphore(value=" + value() + ")>";
            case BOUNDED -> "<BoundedSemaphore(value=" + value() + ", maxvalue=" + maxvalue + ")>";
            case LOCK -> {
                String name;
                if (ts != null && isMine(ts)) name = ownerName(ts);
                else if (value() == 1) name = "None";
                else if (count() > 0) name = "SomeOtherThread";
                else name = "SomeOtherProcess";
                yield "<Lock(owner=" + name + ")>";
            }
            case RLOCK -> {
                String owner;
                if (ts != null && isMine(ts)) owner = ownerName(ts) + ", " + count();
                else if (value() == 1) owner = "None, 0";
                else if (count() > 0) owner = "SomeOtherThread, nonzero";
                else owner = "SomeOtherProcess, nonzero";
                yield "<RLock(" + owner + ")>";
            }
        };
    }

    static SemLock self(ToyObject o) {
        if (o instanceof SemLock s) return s;
        throw Errors.typeError("descriptor 'acquire' for '_multiprocessing.SemLock' objects doesn't apply to a '" + o.type().name() + "' object");
    }

    /** Reads {@code acquire}'s arguments: {@code (block=True, timeout=None)}. */
    static boolean acquireWith(SemLock l, ThreadState ts, ToyObject[] a, String[] kw) {
        ToyObject[] p = Args.bind("acquire", a, kw, 1, 0, "block", "timeout");
        boolean block = p[0] == null || p[0].isTrue();
        double t = p[1] == null || p[1] == ToyNone.NONE ? -1 : Math.max(0, Connection.seconds(p[1]));
        return l.acquire(ts, block, t);
    }

    private static void installMethods(ToyType t, Kind kind) {
        for (String n : new String[] {"acquire", "__enter__"}) {
            t.method(n, (ts, a, kw) -> ToyBool.of(acquireWith(self(a[0]), ts, a, kw)));
        }
        t.method("release", (ts, a, kw) -> {
            if (a.length != 1 || kw.length != 0) throw Errors.typeError("SemLock.release() takes no arguments (" + (a.length - 1) + " given)");
            self(a[0]).release(ts);
            return ToyNone.NONE;
        });
        t.method("__exit__", (ts, a, kw) -> {
            self(a[0]).release(ts);
            return ToyNone.NONE;
        });
        if (kind == Kind.SEMAPHORE || kind == Kind.BOUNDED) {
            t.method("get_value", (ts, a, kw) -> {
                Args.none("get_value", a, kw, 1);
                return ToyInt.of(self(a[0]).value());
            });
        }
    }

    /** The factories {@code Lock()}, {@code RLock()}, {@code Semaphore(value=1)}, {@code BoundedSemaphore(value=1)}. */
    public static BuiltinFunction factory(String name) {
        Kind kind = Kind.valueOf(name.equals("BoundedSemaphore") ? "BOUNDED" : name.toUpperCase());
        return BuiltinFunction.function(name, (ts, a, kw) -> {
            if (kind == Kind.LOCK || kind == Kind.RLOCK) {
                Args.none(name, a, kw, 0);
                return create(kind, 1);
            }
            ToyObject[] p = Args.bind(name, a, kw, 0, 0, "value");
            return create(kind, p[0] == null ? 1 : Args.toLong(p[0]));
        });
    }

    static ToyError notOwned(String message) { return Errors.of(ExceptionTypes.ASSERTION_ERROR, message); }
}
