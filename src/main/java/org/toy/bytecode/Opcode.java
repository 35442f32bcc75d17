package org.toy.bytecode;

/**
 * The instruction set. Names follow CPython 3.11 wherever the meaning matches, so {@code toy dis}
 * reads beside {@code python3 -m dis}. An instruction is one {@code int}: the opcode in the low
 * 8 bits and a 24-bit argument above it (no EXTENDED_ARG). Jump arguments are absolute
 * instruction indices. Each constant's comment gives the stack effect, Lua-style:
 * {@code (before -- after)}; the same effect is data in {@link OpInfo}.
 *
 * <p>Calls use 3.11's convention: {@code PUSH_NULL; <callable>; <args>; CALL n}, or
 * {@code LOAD_METHOD name} (which leaves {@code method self} or {@code NULL value}) then
 * {@code CALL n}; keyword arguments name themselves with {@code KW_NAMES} just before CALL.
 */
public final class Opcode {
    private Opcode() {}

    public static final int NOP = 0;                  // ( -- )
    public static final int POP_TOP = 1;              // (x -- )
    public static final int PUSH_NULL = 2;            // ( -- NULL)          marks "no self" below a callable
    public static final int COPY = 3;                 // (.. x -- .. x x)    copy the n-th item from the top
    public static final int SWAP = 4;                 // swap top and n-th item
    public static final int RESUME = 5;               // ( -- )              function entry: poll the eval breaker

    public static final int LOAD_CONST = 10;          // ( -- consts[i])
    public static final int LOAD_FAST = 11;           // ( -- locals[i])     UnboundLocalError if unset
    public static final int STORE_FAST = 12;          // (v -- )
    public static final int DELETE_FAST = 13;         // ( -- )
    public static final int LOAD_GLOBAL = 14;         // ( -- globals[names[i]] or builtins[...])
    public static final int STORE_GLOBAL = 15;        // (v -- )
    public static final int DELETE_GLOBAL = 16;       // ( -- )
    public static final int LOAD_NAME = 17;           // module level: as LOAD_GLOBAL; a class body looks in its namespace first
    public static final int STORE_NAME = 18;          // (v -- )
    public static final int DELETE_NAME = 19;         // ( -- )
    public static final int LOAD_DEREF = 20;          // ( -- cell[i].value)
    public static final int STORE_DEREF = 21;         // (v -- )
    public static final int DELETE_DEREF = 22;        // ( -- )
    public static final int LOAD_CLOSURE = 23;        // ( -- cell[i])      the cell itself, for MAKE_FUNCTION
    public static final int LOAD_ATTR = 24;           // (o -- o.names[i])
    public static final int STORE_ATTR = 25;          // (v o -- )
    public static final int DELETE_ATTR = 26;         // (o -- )
    public static final int LOAD_METHOD = 27;         // (o -- meth o | NULL o.name)

    public static final int BINARY_OP = 30;           // (a b -- a op b)    arg: BinaryOp ordinal, +13 in-place
    public static final int UNARY_NEGATIVE = 31;      // (a -- -a)
    public static final int UNARY_POSITIVE = 32;      // (a -- +a)
    public static final int UNARY_INVERT = 33;        // (a -- ~a)
    public static final int UNARY_NOT = 34;           // (a -- not a)
    public static final int COMPARE_OP = 35;          // (a b -- a op b)    arg: CompareOp ordinal 0..5
    public static final int IS_OP = 36;               // (a b -- a is b)    arg 1: is not
    public static final int CONTAINS_OP = 37;         // (a b -- a in b)    arg 1: not in
    public static final int BINARY_SUBSCR = 38;       // (o k -- o[k])
    public static final int STORE_SUBSCR = 39;       // (v o k -- )
    public static final int DELETE_SUBSCR = 40;      // (o k -- )
    public static final int BUILD_SLICE = 41;         // (a b [c] -- slice)  arg: 2 or 3

    public static final int BUILD_TUPLE = 45;         // (x1..xn -- tuple)
    public static final int BUILD_LIST = 46;          // (x1..xn -- list)
    public static final int BUILD_SET = 47;           // (x1..xn -- set)
    public static final int BUILD_MAP = 48;           // (k1 v1..kn vn -- dict)
    public static final int BUILD_STRING = 49;        // (s1..sn -- s1+..+sn)
    public static final int LIST_APPEND = 50;         // (.. list .. v -- .. list ..)  list is the i-th item below v
    public static final int SET_ADD = 51;             // same shape as LIST_APPEND
    public static final int MAP_ADD = 52;             // (.. dict .. k v -- .. dict ..)
    public static final int LIST_EXTEND = 53;         // (.. list .. it -- .. list ..)
    public static final int SET_UPDATE = 54;          // (.. set .. it -- .. set ..)
    public static final int DICT_UPDATE = 55;         // (.. dict .. m -- .. dict ..)  for {**m}
    public static final int DICT_MERGE = 56;          // as DICT_UPDATE, but duplicate keys are an error (f(**m))
    public static final int LIST_TO_TUPLE = 57;       // (list -- tuple)
    public static final int FORMAT_VALUE = 58;        // (v [spec] -- str)  arg: conversion (0 none,1 s,2 r,3 a) | 4 if spec
    public static final int UNPACK_SEQUENCE = 59;     // (seq -- xn..x1)   the first item ends on top
    public static final int UNPACK_EX = 60;           // (seq -- ...)      arg: before | after << 8

    public static final int JUMP_FORWARD = 65;        // ( -- )            to arg
    public static final int JUMP_BACKWARD = 66;       // ( -- )            to arg; polls the eval breaker
    public static final int POP_JUMP_IF_FALSE = 67;   // (c -- )
    public static final int POP_JUMP_IF_TRUE = 68;    // (c -- )
    public static final int JUMP_IF_FALSE_OR_POP = 69; // (c -- c) if jumping, else (c -- )
    public static final int JUMP_IF_TRUE_OR_POP = 70; // (c -- c) if jumping, else (c -- )
    public static final int GET_ITER = 71;            // (o -- iter(o))
    public static final int FOR_ITER = 72;            // (it -- it next) or (it -- ) and jump to arg when exhausted

    public static final int CALL = 75;                // (NULL|meth f|self a1..an -- result)
    public static final int KW_NAMES = 76;            // ( -- )            consts[i] names the last keyword args of the next CALL
    public static final int CALL_FUNCTION_EX = 77;    // (NULL f argtuple [kwdict] -- result)  arg 1: kwdict present
    public static final int MAKE_FUNCTION = 78;       // ([defaults] [kwdefaults] [closure] code -- fn)  arg: flags
    public static final int RETURN_VALUE = 79;        // (v -- )           return to the caller

    public static final int RAISE_VARARGS = 80;       // (exc [cause] -- )  arg 0: re-raise the handled exception
    public static final int RERAISE = 81;             // (exc -- )         re-raise without a new traceback entry
    public static final int PUSH_EXC_INFO = 82;       // (exc -- prev exc) exc becomes the handled exception
    public static final int POP_EXCEPT = 83;          // (prev -- )        restores the handled exception
    public static final int CHECK_EXC_MATCH = 84;     // (exc type -- exc bool)
    public static final int LOAD_ASSERTION_ERROR = 85; // ( -- AssertionError)
    public static final int BEFORE_WITH = 86;         // (mgr -- exit enter())
    public static final int WITH_EXCEPT_START = 87;   // (exit prev exc -- exit prev exc exit(type, exc, tb))

    public static final int IMPORT_NAME = 90;         // (fromlist -- module) names[i]; None: the top package
    public static final int IMPORT_FROM = 91;         // (m -- m m.names[i])
    public static final int IMPORT_STAR = 92;         // (m -- )
    public static final int PRINT_EXPR = 93;          // (v -- )           REPL: echo repr(v) unless None
    public static final int LOAD_BUILD_CLASS = 94;    // ( -- __build_class__)  from the built-ins, for a class statement

    /** MAKE_FUNCTION flags, as CPython's. */
    public static final int FN_DEFAULTS = 0x01;
    public static final int FN_KWDEFAULTS = 0x02;
    public static final int FN_CLOSURE = 0x08;

    /** BINARY_OP's argument for the in-place form of an operator: ordinal + INPLACE. */
    public static final int INPLACE = 13;

    public static int op(int instruction) { return instruction & 0xFF; }

    public static int arg(int instruction) { return instruction >>> 8; }

    public static int encode(int op, int arg) {
        if (arg < 0 || arg > 0xFFFFFF) throw new IllegalArgumentException("argument out of range: " + arg);
        return op | arg << 8;
    }
}
