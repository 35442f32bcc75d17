package org.toy.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.toy.vm.ThreadState;

/** The built-in exception hierarchy, as in CPython's {@code Objects/exceptions.c}. */
public final class ExceptionTypes {
    private ExceptionTypes() {}

    private static final List<ToyType> ALL_TYPES = new ArrayList<>();

    public static final ToyType BASE_EXCEPTION = define("BaseException", null);
    public static final ToyType SYSTEM_EXIT = define("SystemExit", BASE_EXCEPTION);
    public static final ToyType KEYBOARD_INTERRUPT = define("KeyboardInterrupt", BASE_EXCEPTION);
    public static final ToyType GENERATOR_EXIT = define("GeneratorExit", BASE_EXCEPTION);
    public static final ToyType EXCEPTION = define("Exception", BASE_EXCEPTION);
    public static final ToyType STOP_ITERATION = define("StopIteration", EXCEPTION);
    public static final ToyType ARITHMETIC_ERROR = define("ArithmeticError", EXCEPTION);
    public static final ToyType FLOATING_POINT_ERROR = define("FloatingPointError", ARITHMETIC_ERROR);
    public static final ToyType OVERFLOW_ERROR = define("OverflowError", ARITHMETIC_ERROR);
    public static final ToyType ZERO_DIVISION_ERROR = define("ZeroDivisionError", ARITHMETIC_ERROR);
    public static final ToyType ASSERTION_ERROR = define("AssertionError", EXCEPTION);
    public static final ToyType ATTRIBUTE_ERROR = define("AttributeError", EXCEPTION);
    public static final ToyType BUFFER_ERROR = define("BufferError", EXCEPTION);
    public static final ToyType EOF_ERROR = define("EOFError", EXCEPTION);
    public static final ToyType IMPORT_ERROR = define("ImportError", EXCEPTION);
    public static final ToyType MODULE_NOT_FOUND_ERROR = define("ModuleNotFoundError", IMPORT_ERROR);
    public static final ToyType LOOKUP_ERROR = define("LookupError", EXCEPTION);
    public static final ToyType INDEX_ERROR = define("IndexError", LOOKUP_ERROR);
    public static final ToyType KEY_ERROR = define("KeyError", LOOKUP_ERROR);
    public static final ToyType MEMORY_ERROR = define("MemoryError", EXCEPTION);
    public static final ToyType NAME_ERROR = define("NameError", EXCEPTION);
    public static final ToyType UNBOUND_LOCAL_ERROR = define("UnboundLocalError", NAME_ERROR);
    public static final ToyType OS_ERROR = define("OSError", EXCEPTION);
    public static final ToyType BLOCKING_IO_ERROR = define("BlockingIOError", OS_ERROR);
    public static final ToyType CHILD_PROCESS_ERROR = define("ChildProcessError", OS_ERROR);
    public static final ToyType CONNECTION_ERROR = define("ConnectionError", OS_ERROR);
    public static final ToyType BROKEN_PIPE_ERROR = define("BrokenPipeError", CONNECTION_ERROR);
    public static final ToyType CONNECTION_RESET_ERROR = define("ConnectionResetError", CONNECTION_ERROR);
    public static final ToyType FILE_EXISTS_ERROR = define("FileExistsError", OS_ERROR);
    public static final ToyType FILE_NOT_FOUND_ERROR = define("FileNotFoundError", OS_ERROR);
    public static final ToyType INTERRUPTED_ERROR = define("InterruptedError", OS_ERROR);
    public static final ToyType IS_A_DIRECTORY_ERROR = define("IsADirectoryError", OS_ERROR);
    public static final ToyType NOT_A_DIRECTORY_ERROR = define("NotADirectoryError", OS_ERROR);
    public static final ToyType PERMISSION_ERROR = define("PermissionError", OS_ERROR);
    public static final ToyType PROCESS_LOOKUP_ERROR = define("ProcessLookupError", OS_ERROR);
    public static final ToyType TIMEOUT_ERROR = define("TimeoutError", OS_ERROR);
    public static final ToyType REFERENCE_ERROR = define("ReferenceError", EXCEPTION);
    public static final ToyType RUNTIME_ERROR = define("RuntimeError", EXCEPTION);
    public static final ToyType NOT_IMPLEMENTED_ERROR = define("NotImplementedError", RUNTIME_ERROR);
    public static final ToyType RECURSION_ERROR = define("RecursionError", RUNTIME_ERROR);
    public static final ToyType SYNTAX_ERROR = define("SyntaxError", EXCEPTION);
    public static final ToyType INDENTATION_ERROR = define("IndentationError", SYNTAX_ERROR);
    public static final ToyType TAB_ERROR = define("TabError", INDENTATION_ERROR);
    public static final ToyType SYSTEM_ERROR = define("SystemError", EXCEPTION);
    public static final ToyType TYPE_ERROR = define("TypeError", EXCEPTION);
    public static final ToyType VALUE_ERROR = define("ValueError", EXCEPTION);
    public static final ToyType UNICODE_ERROR = define("UnicodeError", VALUE_ERROR);
    public static final ToyType UNICODE_DECODE_ERROR = define("UnicodeDecodeError", UNICODE_ERROR);
    public static final ToyType UNICODE_ENCODE_ERROR = define("UnicodeEncodeError", UNICODE_ERROR);
    public static final ToyType WARNING = define("Warning", EXCEPTION);
    public static final ToyType DEPRECATION_WARNING = define("DeprecationWarning", WARNING);
    public static final ToyType RUNTIME_WARNING = define("RuntimeWarning", WARNING);
    public static final ToyType USER_WARNING = define("UserWarning", WARNING);

    /** Every built-in exception type, in definition order: the builtins module publishes them by name. */
    public static List<ToyType> all() { return Collections.unmodifiableList(ALL_TYPES); }

    private static ToyType define(String name, ToyType base) {
        ToyType t = new ToyType(name, base == null ? ToyType.OBJECT : base, ExceptionTypes::construct);
        ALL_TYPES.add(t);
        return t;
    }

    /** {@code ValueError("msg", 2)}: positional args become {@code e.args}; keywords are refused. */
    private static ToyObject construct(ThreadState ts, ToyType type, ToyObject[] args, String[] kwNames) {
        if (kwNames.length > 0) throw Errors.typeError(type.name() + "() takes no keyword arguments");
        return new ToyException(type, ToyTuple.of(args.clone()));
    }
}
