package org.toy.builtins;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyError;

/**
 * A text file opened by {@code open()}. Reads decode with the file's charset and translate
 * {@code \r\n} and {@code \r} to {@code \n} (Python's universal newlines); writes go straight to the
 * file, so a file never closed (CPython closes it when its last reference dies) still holds its text.
 *
 * <p>Reading goes through a decoder that reads ahead; {@link #consumedBytes} counts the bytes of the
 * characters handed out, so a write after a read (mode {@code r+}) happens where the reader stopped.
 */
final class ToyFile extends ToyStream {
    private final String name;
    private final FileMode mode;
    private final Charset charset;
    private final String encodingName;
    private RandomAccessFile file; // null once closed

    private InputStreamReader reader; // null until the first read after opening or writing
    /** Characters read ahead from {@link #reader}; refilled (with the GIL released) when empty. */
    private final char[] chunk = new char[8192];
    private int chunkPos;
    private int chunkLen;
    private long readerStart;
    private long consumedBytes;
    private int pushback = -1; // a character read past a '\r' that was not '\n'

    private ToyFile(String name, FileMode mode, Charset charset, String encodingName, RandomAccessFile file) {
        this.name = name;
        this.mode = mode;
        this.charset = charset;
        this.encodingName = encodingName;
        this.file = file;
    }

    /** Opens {@code path} (relative to the process's current directory), raising CPython's OSErrors. */
    static ToyFile open(String path, FileMode mode, String encoding) {
        Path p = Path.of(System.getProperty("user.dir")).resolve(path);
        if (Files.isDirectory(p)) throw IoErrors.osError(IoErrors.EISDIR, path);
        RandomAccessFile raf;
        try {
            if (mode.creating()) Files.createFile(p);
            raf = new RandomAccessFile(p.toFile(), mode.canWrite() ? "rw" : "r");
            if (mode.writing()) raf.setLength(0);
        } catch (IOException e) {
            throw IoErrors.fromJava(e, path);
        }
        // CPython opens the file before it looks the encoding up, so a missing file wins over a bad encoding.
        Charset charset;
        try {
            charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            closeQuietly(raf);
            throw Errors.of(ExceptionTypes.LOOKUP_ERROR, "unknown encoding: " + encoding);
        }
        return new ToyFile(path, mode, charset, encoding == null ? "UTF-8" : encoding, raf);
    }

    private static void closeQuietly(RandomAccessFile raf) {
        try {
            raf.close();
        } catch (IOException ignored) {
            // already failing with a better error
        }
    }

    @Override public String name() { return name; }

    @Override public String mode() { return mode.text(); }

    @Override public String encoding() { return encodingName; }

    @Override public boolean isClosed() { return file == null; }

    @Override public boolean readable() { return mode.canRead(); }

    @Override public boolean writable() { return mode.canWrite(); }

    // ---- reading ----------------------------------------------------------------------------------

    @Override
    protected String read(long n) {
        StringBuilder b = new StringBuilder();
        for (long i = 0; n < 0 || i < n; i++) {
            int c = readChar();
            if (c < 0) break;
            b.append((char) c);
        }
        return b.toString();
    }

    @Override
    protected String readLine(long limit) {
        StringBuilder b = new StringBuilder();
        while (limit < 0 || b.length() < limit) {
            int c = readChar();
            if (c < 0) break;
            b.append((char) c);
            if (c == '\n') break;
        }
        return b.toString();
    }

    /** The next character with newlines translated, or -1 at the end of the file. */
    private int readChar() {
        int c;
        if (pushback >= 0) {
            c = pushback;
            pushback = -1;
        } else {
            c = readRawChar();
        }
        if (c == '\r') {
            int d = readRawChar();
            if (d >= 0 && d != '\n') pushback = d;
            return '\n';
        }
        return c;
    }

    private int readRawChar() {
        try {
            if (reader == null) {
                readerStart = file.getFilePointer();
                consumedBytes = 0;
                reader = new InputStreamReader(Channels.newInputStream(file.getChannel()), charset);
                chunkPos = chunkLen = 0;
            }
            if (chunkPos == chunkLen) {
                // The only place a read can block: other threads run meanwhile.
                int n;
                try (var released = org.toy.gil.Gil.releaseCurrent("file read")) {
                    n = reader.read(chunk, 0, chunk.length);
                }
                if (n <= 0) return -1;
                chunkPos = 0;
                chunkLen = n;
            }
            char c = chunk[chunkPos++];
            consumedBytes += encodedLength(c);
            return c;
        } catch (IOException e) {
            throw ioError(e);
        }
    }

    private long encodedLength(char c) {
        if (charset == StandardCharsets.UTF_8) {
            if (c < 0x80) return 1;
            if (c < 0x800 || Character.isSurrogate(c)) return 2; // a surrogate pair is 4 bytes, 2 per half
            return 3;
        }
        return String.valueOf(c).getBytes(charset).length;
    }

    /** Moves the file position back to where the reader stopped, and forgets the read-ahead. */
    private void dropReader() throws IOException {
        if (reader == null) return;
        long position = readerStart + consumedBytes - (pushback >= 0 ? encodedLength((char) pushback) : 0);
        reader = null;
        pushback = -1;
        file.seek(position);
    }

    // ---- writing ----------------------------------------------------------------------------------

    @Override
    protected void write(String text) {
        try {
            dropReader();
            if (mode.appending()) file.seek(file.length());
            byte[] bytes = text.getBytes(charset);
            try (var released = org.toy.gil.Gil.releaseCurrent("file write")) {
                file.write(bytes);
            }
        } catch (IOException e) {
            throw ioError(e);
        }
    }

    /** Writes are unbuffered, so there is nothing to flush. */
    @Override
    protected void flush() { }

    @Override
    public void close() {
        if (file == null) return;
        try {
            file.close();
        } catch (IOException e) {
            throw ioError(e);
        } finally {
            file = null;
            reader = null;
        }
    }

    private ToyError ioError(IOException e) { return IoErrors.fromJava(e, name); }
}
