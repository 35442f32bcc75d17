package org.toy.ipc;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Length-prefixed frames, as {@code multiprocessing.connection}: a 4-byte big-endian length, or
 * the escape {@code 0xFFFFFFFF} followed by an 8-byte length for a payload of 2 GiB or more
 * (which a Java array cannot hold anyway, so Toy refuses it), then the payload.
 */
public final class Frames {
    private Frames() {}

    /** The largest payload a receiver accepts unless told otherwise (CPython has none; 1 GiB here). */
    public static final int DEFAULT_MAX = 1 << 30;

    public static void write(OutputStream out, byte[] b, int off, int len) throws IOException {
        byte[] header = {(byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len};
        if (len < 16 * 1024) {
            byte[] all = new byte[4 + len];
            System.arraycopy(header, 0, all, 0, 4);
            System.arraycopy(b, off, all, 4, len);
            out.write(all);
        } else {
            out.write(header);
            out.write(b, off, len);
        }
        out.flush();
    }

    public static void write(OutputStream out, byte[] b) throws IOException { write(out, b, 0, b.length); }

    /** The next frame, or null on a clean end of stream before its first byte. */
    public static byte[] read(InputStream in) throws IOException { return read(in, DEFAULT_MAX); }

    public static byte[] read(InputStream in, int max) throws IOException {
        int b0 = in.read();
        if (b0 < 0) return null;
        long len = ((long) b0 << 24) | (long) readFully(in, 3);
        if (len == 0xFFFFFFFFL) {
            long big = ((long) readFully(in, 4) << 32) | (readFully(in, 4) & 0xFFFFFFFFL);
            throw new IOException("frame of " + big + " bytes is too large");
        }
        if (len > max) throw new IOException("frame of " + len + " bytes exceeds the limit of " + max);
        byte[] payload = new byte[(int) len];
        int got = 0;
        while (got < len) {
            int n = in.read(payload, got, (int) len - got);
            if (n < 0) throw new EOFException("end of stream inside a frame");
            got += n;
        }
        return payload;
    }

    private static int readFully(InputStream in, int n) throws IOException {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int b = in.read();
            if (b < 0) throw new EOFException("end of stream inside a frame header");
            v = (v << 8) | b;
        }
        return v;
    }
}
