package org.toy.bytecode;

import static org.toy.bytecode.Opcode.*;

/**
 * The instruction set as data: each opcode's name, what its argument means (for the
 * disassembler) and its stack effect (for the compiler's max-stack computation). A unit test
 * checks that every opcode has an entry here, a disassembly and a case in the VM.
 */
public final class OpInfo {
    private OpInfo() {}

    /** What an instruction's argument refers to. */
    public enum ArgKind { NONE, NUMBER, CONST, LOCAL, NAME, DEREF, JUMP, BINARY_OP, COMPARE_OP, FORMAT }

    private static final String[] NAMES = new String[256];
    private static final ArgKind[] KINDS = new ArgKind[256];

    private static void def(int op, String name, ArgKind kind) {
        NAMES[op] = name;
        KINDS[op] = kind;
    }

    static {
        def(NOP, "NOP", ArgKind.NONE);
        def(POP_TOP, "POP_TOP", ArgKind.NONE);
        def(PUSH_NULL, "PUSH_NULL", ArgKind.NONE);
        def(COPY, "COPY", ArgKind.NUMBER);
        def(SWAP, "SWAP", ArgKind.NUMBER);
        def(RESUME, "RESUME", ArgKind.NUMBER);
        def(LOAD_CONST, "LOAD_CONST", ArgKind.CONST);
        def(LOAD_FAST, "LOAD_FAST", ArgKind.LOCAL);
        def(STORE_FAST, "STORE_FAST", ArgKind.LOCAL);
        def(DELETE_FAST, "DELETE_FAST", ArgKind.LOCAL);
        def(LOAD_GLOBAL, "LOAD_GLOBAL", ArgKind.NAME);
        def(STORE_GLOBAL, "STORE_GLOBAL", ArgKind.NAME);
        def(DELETE_GLOBAL, "DELETE_GLOBAL", ArgKind.NAME);
        def(LOAD_NAME, "LOAD_NAME", ArgKind.NAME);
        def(STORE_NAME, "STORE_NAME", ArgKind.NAME);
        def(DELETE_NAME, "DELETE_NAME", ArgKind.NAME);
        def(LOAD_DEREF, "LOAD_DEREF", ArgKind.DEREF);
        def(STORE_DEREF, "STORE_DEREF", ArgKind.DEREF);
        def(DELETE_DEREF, "DELETE_DEREF", ArgKind.DEREF);
        def(LOAD_CLOSURE, "LOAD_CLOSURE", ArgKind.DEREF);
        def(LOAD_ATTR, "LOAD_ATTR", ArgKind.NAME);
        def(STORE_ATTR, "STORE_ATTR", ArgKind.NAME);
        def(DELETE_ATTR, "DELETE_ATTR", ArgKind.NAME);
        def(LOAD_METHOD, "LOAD_METHOD", ArgKind.NAME);
        def(BINARY_OP, "BINARY_OP", ArgKind.BINARY_OP);
        def(UNARY_NEGATIVE, "UNARY_NEGATIVE", ArgKind.NONE);
        def(UNARY_POSITIVE, "UNARY_POSITIVE", ArgKind.NONE);
        def(UNARY_INVERT, "UNARY_INVERT", ArgKind.NONE);
        def(UNARY_NOT, "UNARY_NOT", ArgKind.NONE);
        def(COMPARE_OP, "COMPARE_OP", ArgKind.COMPARE_OP);
        def(IS_OP, "IS_OP", ArgKind.NUMBER);
        def(CONTAINS_OP, "CONTAINS_OP", ArgKind.NUMBER);
        def(BINARY_SUBSCR, "BINARY_SUBSCR", ArgKind.NONE);
        def(STORE_SUBSCR, "STORE_SUBSCR", ArgKind.NONE);
        def(DELETE_SUBSCR, "DELETE_SUBSCR", ArgKind.NONE);
        def(BUILD_SLICE, "BUILD_SLICE", ArgKind.NUMBER);
        def(BUILD_TUPLE, "BUILD_TUPLE", ArgKind.NUMBER);
        def(BUILD_LIST, "BUILD_LIST", ArgKind.NUMBER);
        def(BUILD_SET, "BUILD_SET", ArgKind.NUMBER);
        def(BUILD_MAP, "BUILD_MAP", ArgKind.NUMBER);
        def(BUILD_STRING, "BUILD_STRING", ArgKind.NUMBER);
        def(LIST_APPEND, "LIST_APPEND", ArgKind.NUMBER);
        def(SET_ADD, "SET_ADD", ArgKind.NUMBER);
        def(MAP_ADD, "MAP_ADD", ArgKind.NUMBER);
        def(LIST_EXTEND, "LIST_EXTEND", ArgKind.NUMBER);
        def(SET_UPDATE, "SET_UPDATE", ArgKind.NUMBER);
        def(DICT_UPDATE, "DICT_UPDATE", ArgKind.NUMBER);
        def(DICT_MERGE, "DICT_MERGE", ArgKind.NUMBER);
        def(LIST_TO_TUPLE, "LIST_TO_TUPLE", ArgKind.NONE);
        def(FORMAT_VALUE, "FORMAT_VALUE", ArgKind.FORMAT);
        def(UNPACK_SEQUENCE, "UNPACK_SEQUENCE", ArgKind.NUMBER);
        def(UNPACK_EX, "UNPACK_EX", ArgKind.NUMBER);
        def(JUMP_FORWARD, "JUMP_FORWARD", ArgKind.JUMP);
        def(JUMP_BACKWARD, "JUMP_BACKWARD", ArgKind.JUMP);
        def(POP_JUMP_IF_FALSE, "POP_JUMP_IF_FALSE", ArgKind.JUMP);
        def(POP_JUMP_IF_TRUE, "POP_JUMP_IF_TRUE", ArgKind.JUMP);
        def(JUMP_IF_FALSE_OR_POP, "JUMP_IF_FALSE_OR_POP", ArgKind.JUMP);
        def(JUMP_IF_TRUE_OR_POP, "JUMP_IF_TRUE_OR_POP", ArgKind.JUMP);
        def(GET_ITER, "GET_ITER", ArgKind.NONE);
        def(FOR_ITER, "FOR_ITER", ArgKind.JUMP);
        def(CALL, "CALL", ArgKind.NUMBER);
        def(KW_NAMES, "KW_NAMES", ArgKind.CONST);
        def(CALL_FUNCTION_EX, "CALL_FUNCTION_EX", ArgKind.NUMBER);
        def(MAKE_FUNCTION, "MAKE_FUNCTION", ArgKind.NUMBER);
        def(RETURN_VALUE, "RETURN_VALUE", ArgKind.NONE);
        def(RAISE_VARARGS, "RAISE_VARARGS", ArgKind.NUMBER);
        def(RERAISE, "RERAISE", ArgKind.NUMBER);
        def(PUSH_EXC_INFO, "PUSH_EXC_INFO", ArgKind.NONE);
        def(POP_EXCEPT, "POP_EXCEPT", ArgKind.NONE);
        def(CHECK_EXC_MATCH, "CHECK_EXC_MATCH", ArgKind.NONE);
        def(LOAD_ASSERTION_ERROR, "LOAD_ASSERTION_ERROR", ArgKind.NONE);
        def(BEFORE_WITH, "BEFORE_WITH", ArgKind.NONE);
        def(WITH_EXCEPT_START, "WITH_EXCEPT_START", ArgKind.NONE);
        def(IMPORT_NAME, "IMPORT_NAME", ArgKind.NAME);
        def(IMPORT_FROM, "IMPORT_FROM", ArgKind.NAME);
        def(IMPORT_STAR, "IMPORT_STAR", ArgKind.NONE);
        def(PRINT_EXPR, "PRINT_EXPR", ArgKind.NONE);
        def(LOAD_BUILD_CLASS, "LOAD_BUILD_CLASS", ArgKind.NONE);
    }

    /** True if {@code op} is an instruction. */
    public static boolean exists(int op) { return op >= 0 && op < 256 && NAMES[op] != null; }

    public static String name(int op) { return NAMES[op]; }

    public static ArgKind argKind(int op) { return KINDS[op]; }

    /** Every defined opcode, ascending. */
    public static int[] all() {
        return java.util.stream.IntStream.range(0, 256).filter(OpInfo::exists).toArray();
    }

    /**
     * The change in stack depth made by one instruction, as CPython's {@code stack_effect()}.
     * For jumps, {@code jump} chooses the branch taken.
     */
    public static int stackEffect(int op, int arg, boolean jump) {
        switch (op) {
            case NOP, RESUME, JUMP_FORWARD, JUMP_BACKWARD, KW_NAMES, DELETE_FAST, DELETE_GLOBAL, DELETE_NAME,
                 DELETE_DEREF, UNARY_NEGATIVE, UNARY_POSITIVE, UNARY_INVERT, UNARY_NOT, LIST_TO_TUPLE, LOAD_ATTR,
                 GET_ITER, SWAP:
                return 0;
            case POP_TOP, STORE_FAST, STORE_GLOBAL, STORE_NAME, STORE_DEREF, DELETE_ATTR, BINARY_OP, COMPARE_OP,
                 IS_OP, CONTAINS_OP, BINARY_SUBSCR, LIST_APPEND, SET_ADD, LIST_EXTEND, SET_UPDATE, DICT_UPDATE,
                 DICT_MERGE, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, RETURN_VALUE, RERAISE, POP_EXCEPT, IMPORT_STAR,
                 PRINT_EXPR:
                return -1;
            case PUSH_NULL, COPY, LOAD_CONST, LOAD_FAST, LOAD_GLOBAL, LOAD_NAME, LOAD_DEREF, LOAD_CLOSURE,
                 LOAD_METHOD, PUSH_EXC_INFO, LOAD_ASSERTION_ERROR, LOAD_BUILD_CLASS, BEFORE_WITH, WITH_EXCEPT_START,
                 IMPORT_FROM:
                return 1;
            case CHECK_EXC_MATCH, IMPORT_NAME:
                return 0;
            case STORE_ATTR, DELETE_SUBSCR, MAP_ADD:
                return -2;
            case STORE_SUBSCR:
                return -3;
            case BUILD_SLICE:
                return 1 - arg;
            case BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING:
                return 1 - arg;
            case BUILD_MAP:
                return 1 - 2 * arg;
            case FORMAT_VALUE:
                return (arg & 4) != 0 ? -1 : 0;
            case UNPACK_SEQUENCE:
                return arg - 1;
            case UNPACK_EX:
                return (arg & 0xFF) + (arg >> 8);
            case JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP:
                return jump ? 0 : -1;
            case FOR_ITER:
                return jump ? -1 : 1;
            case CALL:
                return -1 - arg;
            case CALL_FUNCTION_EX:
                return -2 - (arg & 1);
            case MAKE_FUNCTION:
                return -Integer.bitCount(arg & (FN_DEFAULTS | FN_KWDEFAULTS | FN_CLOSURE));
            case RAISE_VARARGS:
                return -arg;
            default:
                throw new IllegalArgumentException("no stack effect for opcode " + op);
        }
    }
}
