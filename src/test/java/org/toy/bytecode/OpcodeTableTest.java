package org.toy.bytecode;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keeps the instruction set consistent, replacing Lua's "grep ORDER OP": every opcode constant
 * has an {@link OpInfo} entry with a stack effect and a disassembly, and a {@code case} in the VM.
 */
class OpcodeTableTest {

    /** The opcode constants declared in {@link Opcode}, by name (flags and masks excluded). */
    static List<Field> opcodeFields() {
        List<Field> out = new ArrayList<>();
        for (Field f : Opcode.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class && !f.getName().startsWith("FN_")
                    && !f.getName().equals("INPLACE")) {
                out.add(f);
            }
        }
        return out;
    }

    @Test
    void everyOpcodeHasInfoAndItsOwnNumber() throws IllegalAccessException {
        Set<Integer> seen = new HashSet<>();
        for (Field f : opcodeFields()) {
            int op = f.getInt(null);
            assertTrue(seen.add(op), () -> f.getName() + " reuses number " + op);
            assertTrue(OpInfo.exists(op), () -> f.getName() + " has no OpInfo entry");
            assertEquals(f.getName(), OpInfo.name(op), "OpInfo name of " + f.getName());
        }
        assertEquals(seen.size(), OpInfo.all().length, "OpInfo defines opcodes that Opcode does not declare");
    }

    @Test
    void everyOpcodeHasAStackEffectAndADisassembly() throws IllegalAccessException {
        Code empty = new Code("f", "f", new org.toy.source.Source("<t>", ""), 1, new int[0], new int[0],
                new org.toy.runtime.ToyObject[] {org.toy.runtime.ToyNone.NONE}, new String[] {"x"},
                new String[] {"a"}, new String[] {"c"}, new String[0], 0, 0, 0, 1, ExceptionTable.EMPTY);
        for (Field f : opcodeFields()) {
            int op = f.getInt(null);
            int arg = OpInfo.argKind(op) == OpInfo.ArgKind.NUMBER ? 2 : 0;
            assertDoesNotThrow(() -> OpInfo.stackEffect(op, arg, false), f.getName());
            assertDoesNotThrow(() -> OpInfo.stackEffect(op, arg, true), f.getName());
            String text = Disassembler.describe(empty, Opcode.encode(op, arg));
            assertTrue(text.startsWith(f.getName()), () -> "disassembly of " + f.getName() + ": " + text);
        }
    }

    @Test
    void everyOpcodeHasACaseInTheVm() throws IOException, IllegalAccessException {
        String vm = Files.readString(Path.of("src/main/java/org/toy/vm/EvalLoop.java"))
                + Files.readString(Path.of("src/main/java/org/toy/vm/SlowPaths.java"));
        for (Field f : opcodeFields()) {
            String name = f.getName();
            boolean handled = vm.contains("case " + name + ":") || vm.contains("case " + name + ",")
                    || vm.contains(", " + name + ":");
            assertTrue(handled, () -> "no case for " + name + " in EvalLoop or SlowPaths");
        }
    }

    @Test
    void encodingKeepsOpcodeAndArgumentApart() {
        int word = Opcode.encode(Opcode.LOAD_CONST, 0xABCDEF);
        assertEquals(Opcode.LOAD_CONST, Opcode.op(word));
        assertEquals(0xABCDEF, Opcode.arg(word));
        assertFalse(OpInfo.exists(255));
    }
}
