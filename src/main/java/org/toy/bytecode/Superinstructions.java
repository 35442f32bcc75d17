package org.toy.bytecode;

import static org.toy.bytecode.Opcode.*;

/**
 * The superinstructions the VM runs in place of common pairs of instructions, as CPython 3.11's
 * {@code LOAD_FAST__LOAD_FAST} family: one dispatch does the work of two.
 *
 * <p>Few pairs, chosen with the JIT in mind: HotSpot compiles the dispatch loop's switch with
 * only the cases it has seen run, and a case first seen later (a new phase of the program)
 * throws the compiled loop away and compiles it again, which costs more than the pairs save.
 * Every pair fused here leaves its base instructions common in the same loops, so fusing does
 * not make them rare. {@code LOAD_FAST__LOAD_CONST} and {@code LOAD_CONST__LOAD_FAST} were
 * measured and left out for that reason: with them a hot loop runs no plain LOAD_CONST, and the
 * {@code count = 0} after it meets an unseen case.
 *
 * <p>{@link #fuse} makes, for each code object, a copy of its instructions in which the first
 * instruction of each such pair is replaced by the superinstruction; the second is left as it
 * was, so the superinstruction reads its argument from there and skips it, and a jump to the
 * second instruction still runs it alone. Offsets do not move, so the line table and the
 * exception table hold for the copy. A pair is fused only when both halves are on the same line
 * and under the same exception handler, so an error in either half reports and is caught the
 * same way. {@code toy dis} shows {@link Code#instructions}, the base instructions (CPython's
 * {@code dis} shows the specialised names only with {@code adaptive=True}).
 *
 * <p>The numbers are above every base opcode and are not part of {@link Opcode}: they exist
 * only in the VM's copy.
 */
public final class Superinstructions {
    private Superinstructions() {}

    /** LOAD_FAST a; LOAD_FAST b. */
    public static final int LOAD_FAST__LOAD_FAST = 200;
    /** STORE_FAST a; LOAD_FAST b. */
    public static final int STORE_FAST__LOAD_FAST = 203;
    /** FOR_ITER end; STORE_FAST a: the next item goes straight into its local (CPython's FOR_ITER_RANGE does so). */
    public static final int FOR_ITER__STORE_FAST = 204;
    /** PUSH_NULL; LOAD_GLOBAL name (CPython 3.11 folds the NULL into LOAD_GLOBAL's argument). */
    public static final int PUSH_NULL__LOAD_GLOBAL = 205;

    /** The superinstruction for the pair {@code (first, second)}, or -1. */
    static int superinstruction(int first, int second) {
        switch (first) {
            case LOAD_FAST:
                return second == LOAD_FAST ? LOAD_FAST__LOAD_FAST : -1;
            case STORE_FAST:
                return second == LOAD_FAST ? STORE_FAST__LOAD_FAST : -1;
            case FOR_ITER:
                return second == STORE_FAST ? FOR_ITER__STORE_FAST : -1;
            case PUSH_NULL:
                return second == LOAD_GLOBAL ? PUSH_NULL__LOAD_GLOBAL : -1;
            default:
                return -1;
        }
    }

    /** The instructions the VM runs for {@code code}: its own, with pairs fused left to right. */
    static int[] fuse(int[] instructions, int[] lines, ExceptionTable table) {
        int[] out = instructions.clone();
        for (int i = 0; i + 1 < out.length; i++) {
            int fused = superinstruction(Opcode.op(out[i]), Opcode.op(out[i + 1]));
            if (fused < 0 || !sameLine(lines, i) || table.find(i) != table.find(i + 1)) continue;
            out[i] = Opcode.encode(fused, Opcode.arg(out[i]));
            i++; // the second half stays as it is; a pair does not start inside another
        }
        return out;
    }

    private static boolean sameLine(int[] lines, int i) {
        return lines.length <= i + 1 || lines[i] == lines[i + 1];
    }
}
