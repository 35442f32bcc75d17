package org.toy.ipc;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A block of memory shared by processes: a file in {@code /dev/shm} (no disk write-back; the
 * temp directory where there is none), mapped read-write by every process that uses it.
 * Layout: word 0 is the lock word of {@link #lock}, then one 8-byte slot per element, accessed
 * through a {@code long[]} view {@link VarHandle} (8-byte aligned, native order): plain reads and
 * writes for values (so unsynchronised {@code +=} from two processes loses updates, as with
 * CPython's ctypes memory), compare-and-set for the lock.
 * <p>
 * The lock is a recursive spin-then-park lock on the lock word, which holds the owner's id
 * (pid and thread): a few hundred spins, then parking from 1 µs doubling to 1 ms. A process that
 * dies holding it leaves it held, as a POSIX semaphore would.
 */
final class SharedMemory {
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();

    final String path;
    final int slots;
    private final MappedByteBuffer buf;
    /** Recursion depth of the lock, meaningful only in the owner (the owner alone touches it). */
    private int depth;

    private SharedMemory(String path, int slots, MappedByteBuffer buf) {
        this.path = path;
        this.slots = slots;
        this.buf = buf;
    }

    private static final String PREFIX = "toy-shm-";

    private static Path directory() {
        Path dir = Path.of("/dev/shm");
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) dir = Path.of(System.getProperty("java.io.tmpdir"));
        return dir;
    }

    static SharedMemory create(int slots) {
        try {
            Path file = directory().resolve(PREFIX + PID + "-" + COUNTER.incrementAndGet() + "-" + System.nanoTime());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            file.toFile().deleteOnExit();
            return map(file.toString(), slots);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The block another process created and named in a message: only one of ours (a
     * {@code toy-shm-} file in the shared directory) and only as large as it already is, so a
     * hostile message can neither grow nor map an arbitrary file.
     */
    static SharedMemory attach(String path, int slots) {
        Path file = Path.of(path).normalize();
        long size = 8L * (slots + 1);
        try {
            if (!file.isAbsolute() || !directory().equals(file.getParent()) || !file.getFileName().toString().startsWith(PREFIX)
                    || !Files.isRegularFile(file) || Files.size(file) < size) {
                throw new IllegalArgumentException("not a shared memory block: " + path);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return map(path, slots);
    }

    private static SharedMemory map(String path, int slots) {
        try (FileChannel ch = FileChannel.open(Path.of(path), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = 8L * (slots + 1);
            if (ch.size() < size) ch.truncate(size);   // no-op when larger; a new file grows on map
            MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_WRITE, 0, size);
            return new SharedMemory(path, slots, b);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    long get(int i) { return (long) LONGS.get(buf, 8 * (i + 1)); }

    void set(int i, long v) { LONGS.set(buf, 8 * (i + 1), v); }

    long getVolatile(int i) { return (long) LONGS.getVolatile(buf, 8 * (i + 1)); }

    boolean compareAndSet(int i, long expect, long update) { return LONGS.compareAndSet(buf, 8 * (i + 1), expect, update); }

    long getAndAdd(int i, long delta) { return (long) LONGS.getAndAdd(buf, 8 * (i + 1), delta); }

    private static long me() { return (PID << 24) ^ (Thread.currentThread().getId() & 0xFFFFFF) | 1L << 62; }

    /** Acquires, waiting up to {@code nanos} (negative: forever); false on timeout. */
    boolean lock(boolean blocking, long nanos) {
        long id = me();
        if ((long) LONGS.getVolatile(buf, 0) == id) {
            depth++;
            return true;
        }
        long deadline = nanos < 0 ? Long.MAX_VALUE : System.nanoTime() + nanos;
        long park = 1_000;
        for (int spins = 0; ; spins++) {
            if (LONGS.compareAndSet(buf, 0, 0L, id)) {
                depth = 1;
                return true;
            }
            if (!blocking || System.nanoTime() >= deadline) return false;
            if (spins < 200) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(park);
                park = Math.min(park * 2, 1_000_000);
            }
        }
    }

    /** False if the calling thread does not own the lock. */
    boolean unlock() {
        if ((long) LONGS.getVolatile(buf, 0) != me()) return false;
        if (--depth == 0) LONGS.setVolatile(buf, 0, 0L);
        return true;
    }
}
