package org.toy.bytecode;

import org.toy.ast.BinaryOp;
import org.toy.ast.CompareOp;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyObject;

/**
 * {@code toy dis}: one block per code object, one line per instruction — source line (on the
 * first instruction of each line), offset, opcode, argument and what it resolves to — laid out
 * like {@code python3 -m dis} so the two can be read side by side.
 */
public final class Disassembler {
    private Disassembler() {}

    public static String disassemble(Code code) {
        StringBuilder out = new StringBuilder();
        disassemble(code, out, true);
        return out.toString();
    }

    private static void disassemble(Code code, StringBuilder out, boolean first) {
        if (!first) out.append('\n').append("Disassembly of ").append(code.repr()).append(":\n");
        java.util.Set<Integer> targets = new java.util.HashSet<>();
        for (int ins : code.instructions) {
            if (OpInfo.argKind(Opcode.op(ins)) == OpInfo.ArgKind.JUMP) targets.add(Opcode.arg(ins));
        }
        for (int i = 0; i < code.exceptionTable.size(); i++) targets.add(code.exceptionTable.target(i));
        // Columns as CPython's dis: line (3), current-instruction mark (3), jump-target mark (2),
        // offset (4), opname (20), argument (5), then the argument's meaning.
        int lastLine = -1;
        for (int ip = 0; ip < code.instructions.length; ip++) {
            int ins = code.instructions[ip];
            int line = code.lines[ip];
            StringBuilder row = new StringBuilder();
            if (line != lastLine) {
                if (ip > 0) out.append('\n');
                row.append(String.format("%3d", line));
                lastLine = line;
            } else {
                row.append("   ");
            }
            row.append("     ").append(targets.contains(ip) ? ">>" : "  ");
            row.append(String.format(" %4d ", ip * 2));
            row.append(describe(code, ins));
            out.append(row.toString().stripTrailing()).append('\n');
        }
        if (code.exceptionTable.size() > 0) {
            out.append("ExceptionTable:\n");
            for (int i = 0; i < code.exceptionTable.size(); i++) {
                ExceptionTable t = code.exceptionTable;
                out.append(String.format("  %d to %d -> %d [%d]%n", t.start(i) * 2, t.end(i) * 2, t.target(i) * 2,
                        t.depth(i)));
            }
        }
        for (ToyObject c : code.consts) {
            if (c instanceof Code inner) disassemble(inner, out, false);
        }
    }

    /** One instruction: padded name, argument, and the argument's meaning in parentheses. */
    public static String describe(Code code, int ins) {
        int op = Opcode.op(ins);
        int arg = Opcode.arg(ins);
        String name = OpInfo.exists(op) ? OpInfo.name(op) : "<" + op + ">";
        OpInfo.ArgKind kind = OpInfo.exists(op) ? OpInfo.argKind(op) : OpInfo.ArgKind.NUMBER;
        if (kind == OpInfo.ArgKind.NONE) return String.format("%-20s", name);
        String meaning = switch (kind) {
            case CONST -> Ops.repr(code.consts[arg]);
            case LOCAL -> code.varNames[arg];
            case NAME -> code.names[arg];
            case DEREF -> code.derefName(arg);
            case JUMP -> "to " + arg * 2;
            case BINARY_OP -> arg >= Opcode.INPLACE ? BinaryOp.of(arg - Opcode.INPLACE).symbol + "="
                    : BinaryOp.of(arg).symbol;
            case COMPARE_OP -> CompareOp.of(arg).symbol;
            case FORMAT -> switch (arg & 3) {
                case 1 -> "str"; case 2 -> "repr"; case 3 -> "ascii"; default -> "";
            } + ((arg & 4) != 0 ? ((arg & 3) != 0 ? ", " : "") + "with format" : "");
            default -> "";
        };
        String padded = String.format("%-20s %5d", name, arg);
        return meaning.isEmpty() ? padded : padded + " (" + meaning + ")";
    }
}
