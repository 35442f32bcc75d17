package org.toy.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.toy.ipc.Codec;
import org.toy.modules.BuiltinModules;
import org.toy.runtime.ToyModule;
import org.toy.vm.Interpreter;

/**
 * Fuzz target: bytes → the IPC codec's decoder ({@link Codec#decode}) ends in a value or a
 * {@link Codec.MalformedException} — never another exception, a hang, or an allocation larger
 * than the input justifies.
 *
 * <p>"Justifies" is measured, not guessed: the decoding thread's allocated bytes (HotSpot's
 * per-thread counter) must stay under {@link #BYTES_PER_INPUT_BYTE} times the input plus a fixed
 * allowance. Every decoded element costs at least one input byte and a bounded number of Java
 * objects (a boxed value, a map entry, a memo slot), so an honest message stays well inside; a
 * length trusted before it is checked, or work that grows faster than the input, does not.
 *
 * <p>Modules are resolved among the built-in ones only (never from files: a message naming a
 * file would make the receiver import it, which is the trusted path, as for pickle).
 * Plain {@code mvn verify} replays the seeds and findings in
 * {@code src/test/resources/org/toy/fuzz/CodecFuzzTestInputs/decode/}; {@code JAZZER_FUZZ=1}
 * fuzzes (see {@code fuzz/run-campaign.sh}).
 */
class CodecFuzzTest {
    private static final long LIMIT_MS = 10_000;
    static final long BYTES_PER_INPUT_BYTE = 1024;
    static final long FIXED_ALLOWANCE = 4L << 20;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static Interpreter interp;

    /** One receiving interpreter for the whole run: its built-ins and built-in modules resolve names. */
    private static synchronized Interpreter interpreter() {
        if (interp == null) {
            PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            interp = new Interpreter(sink, sink, new BufferedReader(new StringReader("")));
        }
        return interp;
    }

    static Codec.Resolver builtinOnly(Interpreter in) {
        return (name, file) -> {
            if (name.equals("builtins")) return in.builtins();
            ToyModule m = in.modules().get(name);
            if (m == null) {
                m = BuiltinModules.create(name, in);
                if (m != null) in.modules().put(name, m);
            }
            return m;
        };
    }

    private static void decodeOrReject(byte[] input, Codec.Resolver resolver) {
        try {
            Codec.decode(input, resolver);
        } catch (Codec.MalformedException expected) {
            // the one failure a hostile message may cause
        }
    }

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] input) throws Exception {
        Codec.Resolver resolver = builtinOnly(interpreter());
        long allocated = Bounded.call(() -> {
            // The first decode may load classes and build a built-in module; the second measures the decoder.
            decodeOrReject(input, resolver);
            long tid = Thread.currentThread().getId();
            long before = THREADS.getThreadAllocatedBytes(tid);
            decodeOrReject(input, resolver);
            return THREADS.getThreadAllocatedBytes(tid) - before;
        }, LIMIT_MS, null);
        long limit = BYTES_PER_INPUT_BYTE * input.length + FIXED_ALLOWANCE;
        if (allocated > limit) {
            throw new AssertionError("decoding " + input.length + " bytes allocated " + allocated + " bytes (limit " + limit + ")");
        }
    }
}
