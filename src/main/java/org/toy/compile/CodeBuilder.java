package org.toy.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.toy.bytecode.Code;
import org.toy.bytecode.ExceptionTable;
import org.toy.bytecode.OpInfo;
import org.toy.bytecode.Opcode;
import org.toy.runtime.ToyFloat;
import org.toy.runtime.ToyObject;
import org.toy.source.Source;

/**
 * Emits one code object's instructions: the constant and name pools, labels with
 * back-patching, the line table, the exception table, and the maximum stack depth, computed
 * from each instruction's stack effect by walking every path (CPython's {@code stackdepth()}).
 */
final class CodeBuilder {
    /** A jump target that may not be placed yet; jumps to it are patched when it is bound. */
    static final class Label {
        int target = -1;
        final List<Integer> uses = new ArrayList<>();
    }

    private int[] code = new int[64];
    private int[] lines = new int[64];
    private int size;
    private final List<ToyObject> consts = new ArrayList<>();
    private final Map<Object, Integer> constIndex = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> nameIndex = new HashMap<>();
    private final List<int[]> handlers = new ArrayList<>(); // start, end, label ref index, depth
    private final List<Label> handlerLabels = new ArrayList<>();
    int line;

    int here() { return size; }

    int emit(int op, int arg) {
        if (size == code.length) {
            code = Arrays.copyOf(code, size * 2);
            lines = Arrays.copyOf(lines, size * 2);
        }
        code[size] = Opcode.encode(op, arg);
        lines[size] = line;
        return size++;
    }

    int emit(int op) { return emit(op, 0); }

    void emitJump(int op, Label target) {
        int at = emit(op, 0);
        if (target.target >= 0) code[at] = Opcode.encode(op, target.target);
        else target.uses.add(at);
    }

    void bind(Label label) {
        label.target = size;
        for (int at : label.uses) code[at] = Opcode.encode(Opcode.op(code[at]), size);
        label.uses.clear();
    }

    /** The last emitted opcode, or -1. */
    int lastOp() { return size == 0 ? -1 : Opcode.op(code[size - 1]); }

    /** Protects instructions [start, end): an exception there cuts the stack to depth and jumps to handler. */
    void protect(int start, int end, Label handler, int depth) {
        if (start >= end) return;
        handlers.add(new int[] {start, end, handlerLabels.size(), depth});
        handlerLabels.add(handler);
    }

    int constant(ToyObject value) {
        // Equal constants share a slot, but 1, 1.0 and True must not (nor 0.0 and -0.0).
        Object key = value instanceof Code ? value
                : value instanceof ToyFloat f ? List.of("float", Double.doubleToRawLongBits(f.value))
                : List.of(value.type().name(), value.repr());
        Integer i = constIndex.get(key);
        if (i == null) {
            i = consts.size();
            consts.add(value);
            constIndex.put(key, i);
        }
        return i;
    }

    int name(String n) {
        return nameIndex.computeIfAbsent(n, k -> {
            names.add(k);
            return names.size() - 1;
        });
    }

    Code build(String name, String qualName, Source source, int firstLine, String[] varNames, String[] cellVars,
               String[] freeVars, int argCount, int kwOnlyCount, int flags) {
        int[] table = new int[handlers.size() * 4];
        for (int i = 0; i < handlers.size(); i++) {
            int[] h = handlers.get(i);
            Label target = handlerLabels.get(h[2]);
            if (target.target < 0) throw new IllegalStateException("unbound handler label");
            table[4 * i] = h[0];
            table[4 * i + 1] = h[1];
            table[4 * i + 2] = target.target;
            table[4 * i + 3] = h[3];
        }
        ExceptionTable exceptions = table.length == 0 ? ExceptionTable.EMPTY : new ExceptionTable(table);
        int[] ins = Arrays.copyOf(code, size);
        int maxStack = maxStack(ins, exceptions);
        return new Code(name, qualName, source, firstLine, ins, Arrays.copyOf(lines, size),
                consts.toArray(new ToyObject[0]), names.toArray(new String[0]), varNames, cellVars, freeVars,
                argCount, kwOnlyCount, flags, maxStack, exceptions);
    }

    /** The deepest the operand stack can get, over every path through the code and its handlers. */
    private static int maxStack(int[] ins, ExceptionTable exceptions) {
        int[] depthAt = new int[ins.length + 1];
        Arrays.fill(depthAt, -1);
        ArrayDeque<Integer> work = new ArrayDeque<>();
        int max = 0;
        depthAt[0] = 0;
        work.push(0);
        for (int i = 0; i < exceptions.size(); i++) {
            int t = exceptions.target(i);
            int d = exceptions.depth(i) + 1;
            if (depthAt[t] < d) {
                depthAt[t] = d;
                work.push(t);
            }
        }
        while (!work.isEmpty()) {
            int ip = work.pop();
            int depth = depthAt[ip];
            while (ip < ins.length) {
                int op = Opcode.op(ins[ip]);
                int arg = Opcode.arg(ins[ip]);
                if (OpInfo.argKind(op) == OpInfo.ArgKind.JUMP) {
                    int jumped = depth + OpInfo.stackEffect(op, arg, true);
                    max = Math.max(max, jumped);
                    if (depthAt[arg] < jumped) {
                        depthAt[arg] = jumped;
                        work.push(arg);
                    }
                    if (op == Opcode.JUMP_FORWARD || op == Opcode.JUMP_BACKWARD) break;
                }
                depth += OpInfo.stackEffect(op, arg, false);
                max = Math.max(max, depth);
                // No instruction pushes more than a few items, so deeper means a path that leaves
                // items behind on each turn of a loop: a compiler bug, reported rather than looped on.
                if (max > 4 * ins.length + 64) throw new IllegalStateException("unbalanced operand stack at " + ip);
                if (op == Opcode.RETURN_VALUE || op == Opcode.RERAISE || op == Opcode.RAISE_VARARGS) break;
                ip++;
                if (depthAt[ip] >= depth) break;
                depthAt[ip] = depth;
            }
        }
        return max + 1;
    }
}
