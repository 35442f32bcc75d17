package org.toy.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toy.bytecode.Code;
import org.toy.bytecode.OpInfo;
import org.toy.bytecode.Opcode;
import org.toy.parse.Parsing;
import org.toy.runtime.ToyObject;
import org.toy.source.Source;
import org.toy.source.ToySyntaxError;

/**
 * Golden tests of opcode names only (Lua's code.lua): the shapes the compiler emits for key
 * constructs, written to read like CPython 3.11's {@code dis} output, without brittle operands.
 */
class BytecodeShapeTest {

    private static Code module(String code) {
        return Compiler.compile(Parsing.parse(new Source("<test>", code)));
    }

    private static Code firstFunction(String code) {
        for (ToyObject c : module(code).consts) if (c instanceof Code inner) return inner;
        throw new AssertionError("no function in " + code);
    }

    private static List<String> ops(Code code) {
        List<String> names = new ArrayList<>();
        for (int ins : code.instructions) names.add(OpInfo.name(Opcode.op(ins)));
        return names;
    }

    @Test
    void functionBodyUsesFastLocalsAndBinaryOp() {
        assertEquals(List.of("RESUME", "LOAD_FAST", "LOAD_CONST", "BINARY_OP", "STORE_FAST", "LOAD_FAST",
                        "RETURN_VALUE"),
                ops(firstFunction("def f(a):\n    b = a + 1\n    return b\n")));
    }

    @Test
    void moduleLevelNamesUseNameOps() {
        assertEquals(List.of("RESUME", "LOAD_CONST", "STORE_NAME", "PUSH_NULL", "LOAD_NAME", "LOAD_NAME", "CALL",
                "POP_TOP", "LOAD_CONST", "RETURN_VALUE"), ops(module("x = 1\nprint(x)\n")));
    }

    @Test
    void classStatementCallsBuildClassAsCpython311() {
        assertEquals(List.of("RESUME", "PUSH_NULL", "LOAD_BUILD_CLASS", "LOAD_CONST", "MAKE_FUNCTION", "LOAD_CONST",
                "LOAD_NAME", "CALL", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"), ops(module("class A(B):\n    x = 1\n")));
    }

    @Test
    void classBodySetsModuleAndQualnameAndUsesNameOps() {
        assertEquals(List.of("RESUME", "LOAD_NAME", "STORE_NAME", "LOAD_CONST", "STORE_NAME", "LOAD_CONST",
                "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"), ops(firstFunction("class A:\n    x = 1\n")));
    }

    @Test
    void zeroArgumentSuperMakesTheClassReturnItsClassCell() {
        List<String> body = ops(firstFunction("class A:\n    def f(self):\n        return super().f()\n"));
        assertEquals(List.of("LOAD_CLOSURE", "COPY", "STORE_NAME", "RETURN_VALUE"),
                body.subList(body.size() - 4, body.size()));
    }

    @Test
    void methodCallsUseLoadMethod() {
        assertEquals(List.of("RESUME", "LOAD_FAST", "LOAD_METHOD", "LOAD_CONST", "CALL", "RETURN_VALUE"),
                ops(firstFunction("def f(xs):\n    return xs.append(1)\n")));
    }

    @Test
    void keywordArgumentsAreNamedByKwNames() {
        assertEquals(List.of("RESUME", "PUSH_NULL", "LOAD_GLOBAL", "LOAD_CONST", "LOAD_CONST", "KW_NAMES", "CALL",
                "RETURN_VALUE"), ops(firstFunction("def f():\n    return g(1, b=2)\n")));
    }

    @Test
    void forLoopJumpsBackward() {
        assertEquals(List.of("RESUME", "LOAD_GLOBAL", "GET_ITER", "FOR_ITER", "STORE_FAST", "LOAD_FAST", "POP_TOP",
                "JUMP_BACKWARD", "LOAD_CONST", "RETURN_VALUE"),
                ops(firstFunction("def f():\n    for x in xs:\n        x\n")));
    }

    @Test
    void closuresLoadTheirCells() {
        Code outer = firstFunction("def f():\n    x = 1\n    def g():\n        return x\n    return g\n");
        assertEquals(List.of("x"), List.of(outer.cellVars));
        assertEquals(List.of("RESUME", "LOAD_CONST", "STORE_DEREF", "LOAD_CLOSURE", "BUILD_TUPLE", "LOAD_CONST",
                "MAKE_FUNCTION", "STORE_FAST", "LOAD_FAST", "RETURN_VALUE"), ops(outer));
    }

    @Test
    void tryExceptHasAnExceptionTableAndNoSetupInstructions() {
        Code f = firstFunction("def f():\n    try:\n        g()\n    except E:\n        pass\n");
        assertEquals(2, f.exceptionTable.size(), "the body's handler and the handler's clean-up");
        assertEquals(false, ops(f).contains("SETUP_FINALLY"));
        assertEquals(true, ops(f).contains("CHECK_EXC_MATCH"));
        assertEquals(true, ops(f).contains("PUSH_EXC_INFO"));
    }

    @Test
    void constantTuplesAreFolded() {
        assertEquals(List.of("RESUME", "LOAD_CONST", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"),
                ops(module("t = (1, 'a', (2.5, None))\n")));
    }

    @Test
    void earlyExitsOutsideTheirBlockAreSyntaxErrors() {
        assertEquals("'return' outside function",
                assertThrows(ToySyntaxError.class, () -> module("return 1\n")).getMessage());
        assertEquals("'break' outside loop",
                assertThrows(ToySyntaxError.class, () -> module("break\n")).getMessage());
        assertEquals("'continue' not properly in loop",
                assertThrows(ToySyntaxError.class, () -> module("def f():\n    continue\n")).getMessage());
    }

    @Test
    void maxStackCoversTheDeepestPath() {
        Code f = firstFunction("def f(a, b, c):\n    return [a, (b, [c, a + b * c])]\n");
        assertEquals(true, f.maxStack >= 6, "maxStack " + f.maxStack);
    }
}
