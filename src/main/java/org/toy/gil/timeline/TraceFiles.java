package org.toy.gil.timeline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a child process hands its GIL trace to the parent: a small binary file in the directory the
 * parent named, written when the child exits and read when the parent renders. A file is written
 * under a temporary name and renamed into place, so the parent never reads half of one (a child
 * killed while writing leaves only a {@code .part} file, which is ignored).
 */
public final class TraceFiles {
    private TraceFiles() {}

    private static final int MAGIC = 0x544f5947; // "TOYG"
    private static final int VERSION = 1;
    private static final String SUFFIX = ".gtrace";
    /** Details are short reasons ("sleep", "join Thread-1"); a long repr is cut to this. */
    private static final int MAX_DETAIL = 200;

    /** Writes {@code trace} into {@code dir} as {@code PID.gtrace}. */
    public static void write(ProcessTrace trace, Path dir) throws IOException {
        Path part = dir.resolve(trace.pid() + SUFFIX + ".part");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(part), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(trace.process());
            out.writeLong(trace.pid());
            out.writeLong(trace.launchEpochNanos());
            out.writeLong(trace.startEpochNanos());
            out.writeLong(trace.endEpochNanos());
            out.writeLong(trace.lost());
            out.writeInt(trace.threads().size());
            for (ProcessTrace.Thread t : trace.threads()) {
                out.writeUTF(t.name());
                out.writeLong(t.ident());
                out.writeLong(t.cpuNanos());
            }
            Map<String, Integer> strings = new HashMap<>();
            List<String> table = new ArrayList<>();
            int[] detailIndex = new int[trace.size()];
            for (int i = 0; i < trace.size(); i++) {
                String d = trace.detail()[i];
                if (d == null) {
                    detailIndex[i] = -1;
                    continue;
                }
                String cut = d.length() > MAX_DETAIL ? d.substring(0, MAX_DETAIL) : d;
                detailIndex[i] = strings.computeIfAbsent(cut, k -> {
                    table.add(k);
                    return table.size() - 1;
                });
            }
            out.writeInt(table.size());
            for (String s : table) out.writeUTF(s);
            out.writeInt(trace.size());
            for (int i = 0; i < trace.size(); i++) {
                out.writeLong(trace.time()[i]);
                out.writeByte(trace.kind()[i]);
                out.writeInt(trace.thread()[i]);
                out.writeInt(detailIndex[i]);
            }
        }
        Files.move(part, dir.resolve(trace.pid() + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads one trace file. */
    public static ProcessTrace read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) throw new IOException("not a Toy GIL trace: " + file);
            String process = in.readUTF();
            long pid = in.readLong();
            long launch = in.readLong();
            long start = in.readLong();
            long end = in.readLong();
            long lost = in.readLong();
            int threadCount = in.readInt();
            List<ProcessTrace.Thread> threads = new ArrayList<>();
            for (int i = 0; i < threadCount; i++) threads.add(new ProcessTrace.Thread(in.readUTF(), in.readLong(), in.readLong()));
            String[] table = new String[in.readInt()];
            for (int i = 0; i < table.length; i++) table[i] = in.readUTF();
            int n = in.readInt();
            long[] time = new long[n];
            int[] kind = new int[n];
            int[] thread = new int[n];
            String[] detail = new String[n];
            for (int i = 0; i < n; i++) {
                time[i] = in.readLong();
                kind[i] = in.readByte();
                thread[i] = in.readInt();
                int d = in.readInt();
                detail[i] = d < 0 ? null : table[d];
                if (kind[i] < 0 || kind[i] >= GilEvent.values().length || thread[i] < 0 || thread[i] >= threadCount) {
                    throw new IOException("corrupt Toy GIL trace: " + file);
                }
            }
            return new ProcessTrace(process, pid, launch, start, end, lost, threads, time, kind, thread, detail);
        }
    }

    /** Every complete trace in {@code dir}; a file that cannot be read is skipped and named in {@code problems}. */
    public static List<ProcessTrace> readAll(Path dir, List<String> problems) {
        List<ProcessTrace> traces = new ArrayList<>();
        if (!Files.isDirectory(dir)) return traces;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                try {
                    traces.add(read(f));
                } catch (IOException e) {
                    problems.add(f.getFileName() + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.add(dir + ": " + e.getMessage());
        }
        return traces;
    }

    /** Removes the directory and whatever the children left in it. */
    public static void delete(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) Files.deleteIfExists(f);
        } catch (IOException e) {
            // already gone
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a child still writing; nothing more to do
        }
    }
}
