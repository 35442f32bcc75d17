package org.toy.vm;

import static org.toy.bytecode.Opcode.*;

import java.util.Arrays;
import org.toy.ast.BinaryOp;
import org.toy.bytecode.Code;
import org.toy.bytecode.ExceptionTable;
import org.toy.bytecode.GlobalCache;
import org.toy.gil.EvalBreaker;
import org.toy.runtime.BoundMethod;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.Errors;
import org.toy.runtime.MemoryErrors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyCell;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyFunction;
import org.toy.runtime.ToyInstance;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToySet;
import org.toy.runtime.ToySlice;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToySuper;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;

/**
 * Everything the dispatch loop does not do inline: the rarer opcodes, the error paths, and
 * exception unwinding. Kept out of {@link EvalLoop#run} so that method stays small enough for
 * the JIT to compile.
 */
final class SlowPaths {
    private SlowPaths() {}

    // ---- names -------------------------------------------------------------------------------

    /** LOAD_GLOBAL: from the instruction's inline cache while the globals and built-ins are unchanged. */
    static ToyObject loadGlobal(Frame f, int arg) {
        GlobalCache cache = f.code.globalCaches[arg];
        ToyObject v = cache.lookup(f.globals, f.builtins);
        if (v != null) return v;
        v = lookUpGlobal(f, arg);
        cache.fill(f.globals, f.builtins, v);
        return v;
    }

    private static ToyObject lookUpGlobal(Frame f, int arg) {
        ToyStr key = f.code.nameKeys[arg];
        ToyObject v = f.globals.map.get(key);
        if (v == null) v = f.builtins.map.get(key);
        if (v == null) throw Errors.nameError(key.value);
        return v;
    }

    /** LOAD_NAME: a class body's namespace first, then the globals and the built-ins. */
    static ToyObject loadName(Frame f, int arg) {
        if (f.locals != null) {
            ToyObject v = f.locals.map.get(f.code.nameKeys[arg]);
            if (v != null) return v;
        }
        return lookUpGlobal(f, arg);
    }

    static void storeName(Frame f, int arg, ToyObject value) {
        (f.locals != null ? f.locals : f.globals).map.put(f.code.nameKeys[arg], value);
    }

    private static void deleteName(Frame f, int arg) {
        ToyStr key = f.code.nameKeys[arg];
        if ((f.locals != null ? f.locals : f.globals).map.remove(key) == null) throw Errors.nameError(key.value);
    }

    static void deleteGlobal(Frame f, int arg) {
        ToyStr key = f.code.nameKeys[arg];
        if (f.globals.map.remove(key) == null) throw Errors.nameError(key.value);
    }

    static ToyError unboundLocal(Code code, int slot) {
        return Errors.of(ExceptionTypes.UNBOUND_LOCAL_ERROR, "cannot access local variable '" + code.varNames[slot]
                + "' where it is not associated with a value");
    }

    static ToyError unboundDeref(Code code, int index) {
        String name = code.derefName(index);
        if (index < code.cellVars.length) {
            return Errors.of(ExceptionTypes.UNBOUND_LOCAL_ERROR, "cannot access local variable '" + name
                    + "' where it is not associated with a value");
        }
        return Errors.of(ExceptionTypes.NAME_ERROR, "cannot access free variable '" + name
                + "' where it is not associated with a value in enclosing scope");
    }

    /**
     * A method that LOAD_METHOD can leave unbound ({@code meth self}) — a built-in method, or a
     * Toy function found on an instance's class — or null.
     */
    static ToyObject methodFor(ToyObject self, Code code, int arg) {
        if (self instanceof ToyInstance i) return i.plainMethod(code.names[arg], code.nameKeys[arg]);
        if (self instanceof ToyType || self instanceof ToyModule || self instanceof ToySuper) return null;
        ToyObject m = self.type().lookup(code.names[arg]);
        return m instanceof BuiltinFunction bf && bf.isMethod() ? m : null;
    }

    /** LOAD_ATTR; instances look their dict up with the interned key, allocation-free. */
    static ToyObject loadAttr(ToyObject o, Code code, int arg) {
        return o instanceof ToyInstance i ? i.getAttr(code.names[arg], code.nameKeys[arg]) : o.getAttr(code.names[arg]);
    }

    static void storeAttr(ToyObject o, Code code, int arg, ToyObject value) {
        if (o instanceof ToyInstance i) i.setAttr(code.names[arg], code.nameKeys[arg], value);
        else o.setAttr(code.names[arg], value);
    }

    /** CALL of a bound Toy method below a NULL: {@code NULL m args} becomes {@code func self args}. */
    static ToyObject spreadBoundMethod(ToyObject[] s, int base, BoundMethod m) {
        s[base] = m.function;
        s[base + 1] = m.self;
        return m.function;
    }

    // ---- arithmetic --------------------------------------------------------------------------

    /** The int fast path of BINARY_OP: the result, or null when it needs the general path. */
    static ToyObject smallIntOp(int op, long a, long b) {
        switch (op >= INPLACE ? op - INPLACE : op) {
            case 0: { // +
                long r = a + b;
                return ((a ^ r) & (b ^ r)) < 0 ? null : ToyInt.of(r);
            }
            case 10: { // -
                long r = a - b;
                return ((a ^ b) & (a ^ r)) < 0 ? null : ToyInt.of(r);
            }
            case 5: { // *
                long hi = Math.multiplyHigh(a, b);
                long r = a * b;
                return (hi == 0 && r >= 0) || (hi == -1 && r < 0) ? ToyInt.of(r) : null;
            }
            case 2: // //
                return b == 0 || (a == Long.MIN_VALUE && b == -1) ? null : ToyInt.of(Math.floorDiv(a, b));
            case 6: // %
                return b == 0 ? null : ToyInt.of(Math.floorMod(a, b));
            default:
                return null;
        }
    }

    static ToyObject binaryOp(int arg, ToyObject a, ToyObject b) {
        return arg >= INPLACE ? Ops.binaryInPlace(BinaryOp.of(arg - INPLACE), a, b) : Ops.binary(BinaryOp.of(arg), a, b);
    }

    static boolean compareLongs(int op, long a, long b) {
        switch (op) {
            case 0: return a < b;
            case 1: return a <= b;
            case 2: return a == b;
            case 3: return a != b;
            case 4: return a > b;
            default: return a >= b;
        }
    }

    // ---- the eval breaker --------------------------------------------------------------------

    /**
     * CPython's {@code _Py_HandlePending}, in its order: a GIL drop request first (give the GIL to
     * the thread that asked and take it back), then Ctrl-C, which only the main thread raises.
     */
    static void handleBreaker(ThreadState ts) {
        EvalBreaker breaker = ts.interp().breaker();
        int pending = breaker.pending();
        if ((pending & EvalBreaker.GIL_BITS) != 0) ts.interp().gil().yieldIfRequested(ts);
        if ((pending & EvalBreaker.KEYBOARD_INTERRUPT) != 0 && ts.isMain() && breaker.take(EvalBreaker.KEYBOARD_INTERRUPT)) {
            throw new ToyError(new ToyException(ExceptionTypes.KEYBOARD_INTERRUPT, ToyTuple.EMPTY));
        }
    }

    // ---- exceptions --------------------------------------------------------------------------

    /**
     * Finds where {@code error} is handled: in {@code f}'s exception table, or in a caller's,
     * popping frames (and adding their traceback lines) on the way. Returns the frame to go on
     * in, positioned at its handler; rethrows once the loop's entry frame (the one without a
     * caller) has been left.
     */
    /** RecursionError for a Java stack overflow, MemoryError for a full heap (see {@link MemoryErrors}). */
    static ToyError resourceError(VirtualMachineError e) {
        return e instanceof OutOfMemoryError oom ? MemoryErrors.from(oom) : Errors.recursionError();
    }

    static Frame unwind(ThreadState ts, Frame f, ToyError error) {
        ToyException exc = error.exception;
        boolean reraise = ts.reraising;
        ts.reraising = false;
        if (!reraise && exc.context() == null && ts.handledException != null && ts.handledException != exc) {
            exc.setContext(ts.handledException);
        }
        while (true) {
            if (!reraise) exc.addTraceback(new ToyException.Entry(f.code.source, f.line(), f.code.name));
            reraise = false;
            ExceptionTable table = f.code.exceptionTable;
            int h = table.find(f.ip - 1);
            if (h >= 0) {
                if (exc.type() == ExceptionTypes.MEMORY_ERROR) MemoryErrors.rearm();   // it is being handled
                int depth = f.code.slotCount() + table.depth(h);
                Arrays.fill(f.slots, depth, f.slots.length, null);
                f.slots[depth] = exc;
                f.sp = depth + 1;
                f.ip = table.target(h);
                return f;
            }
            ts.depth--;
            if (f.back == null) throw error; // the frame this dispatch loop was entered with
            f = f.back;
        }
    }

    /** The exception a {@code raise X} statement raises: X itself, or an instance of the class X. */
    private static ToyException exceptionFrom(ThreadState ts, ToyObject x, boolean cause) {
        if (x instanceof ToyException e) return e;
        if (x instanceof ToyType t && t.isSubtypeOf(ExceptionTypes.BASE_EXCEPTION)) {
            ToyObject made = t.call(ts, ToyObject.NO_ARGS, ToyObject.NO_KEYWORDS);
            if (made instanceof ToyException e) return e;
            throw Errors.typeError("calling " + t.repr() + " should have returned an instance of BaseException, not "
                    + made.type().name());
        }
        throw Errors.typeError(cause ? "exception causes must derive from BaseException"
                : "exceptions must derive from BaseException");
    }

    private static boolean exceptionMatches(ToyException exc, ToyObject type) {
        if (type instanceof ToyTuple t) {
            for (ToyObject item : t.items) if (exceptionMatches(exc, item)) return true;
            return false;
        }
        if (type instanceof ToyType t && t.isSubtypeOf(ExceptionTypes.BASE_EXCEPTION)) return exc.isInstance(t);
        throw Errors.typeError("catching classes that do not inherit from BaseException is not allowed");
    }

    // ---- the rarer opcodes -------------------------------------------------------------------

    /** Executes one instruction that is not inline in the loop; returns the new stack pointer. */
    static int execute(ThreadState ts, Frame f, int word, int sp) {
        ts.callerFrame = f; // a with-statement's __enter__ may block (the deadlock report's stack)
        int arg = word >>> 8;
        ToyObject[] s = f.slots;
        switch (word & 0xFF) {
            case BUILD_TUPLE: {
                ToyObject[] items = Arrays.copyOfRange(s, sp - arg, sp);
                Arrays.fill(s, sp - arg, sp, null);
                sp -= arg;
                s[sp++] = ToyTuple.of(items);
                return sp;
            }
            case BUILD_LIST: {
                ToyObject[] items = Arrays.copyOfRange(s, sp - arg, sp);
                Arrays.fill(s, sp - arg, sp, null);
                sp -= arg;
                s[sp++] = new ToyList(items);
                return sp;
            }
            case BUILD_SET: {
                ToySet set = new ToySet();
                for (int i = sp - arg; i < sp; i++) set.add(s[i]);
                Arrays.fill(s, sp - arg, sp, null);
                sp -= arg;
                s[sp++] = set;
                return sp;
            }
            case BUILD_MAP: {
                ToyDict d = new ToyDict();
                for (int i = sp - 2 * arg; i < sp; i += 2) d.put(s[i], s[i + 1]);
                Arrays.fill(s, sp - 2 * arg, sp, null);
                sp -= 2 * arg;
                s[sp++] = d;
                return sp;
            }
            case BUILD_STRING: {
                StringBuilder b = new StringBuilder();
                for (int i = sp - arg; i < sp; i++) b.append(((ToyStr) s[i]).value);
                Arrays.fill(s, sp - arg, sp, null);
                sp -= arg;
                s[sp++] = ToyStr.of(b.toString());
                return sp;
            }
            case BUILD_SLICE: {
                ToyObject step = arg == 3 ? s[--sp] : ToyNone.NONE;
                ToyObject stop = s[--sp];
                ToyObject start = s[sp - 1];
                s[sp] = null;
                s[sp - 1] = new ToySlice(start, stop, step);
                return sp;
            }
            case LIST_APPEND:
                ((ToyList) s[sp - 1 - arg]).append(s[--sp]);
                s[sp] = null;
                return sp;
            case SET_ADD:
                ((ToySet) s[sp - 1 - arg]).add(s[--sp]);
                s[sp] = null;
                return sp;
            case MAP_ADD: {
                ToyObject value = s[--sp];
                ToyObject key = s[--sp];
                ((ToyDict) s[sp - arg]).put(key, value);
                s[sp] = s[sp + 1] = null;
                return sp;
            }
            case LIST_EXTEND: {
                ToyObject iterable = s[--sp];
                s[sp] = null;
                ToyList list = (ToyList) s[sp - arg];
                ToyObject it = iterableOrError(iterable, "Value after * must be an iterable, not ");
                for (ToyObject v = it.next(); v != null; v = it.next()) list.append(v);
                return sp;
            }
            case SET_UPDATE: {
                ToyObject iterable = s[--sp];
                s[sp] = null;
                ((ToySet) s[sp - arg]).update(iterable);
                return sp;
            }
            case DICT_UPDATE: {
                ToyObject mapping = s[--sp];
                s[sp] = null;
                if (!(mapping instanceof ToyDict m)) {
                    throw Errors.typeError("'" + mapping.type().name() + "' object is not a mapping");
                }
                ((ToyDict) s[sp - arg]).map.putAll(m.map);
                return sp;
            }
            case DICT_MERGE: {
                ToyObject mapping = s[--sp];
                s[sp] = null;
                ToyDict target = (ToyDict) s[sp - arg];
                String fname = functionName(s[sp - arg - 2]);
                if (!(mapping instanceof ToyDict m)) {
                    throw Errors.typeError(fname + " argument after ** must be a mapping, not " + mapping.type().name());
                }
                for (var e : m.map.entrySet()) {
                    if (!(e.getKey() instanceof ToyStr)) throw Errors.typeError("keywords must be strings");
                    if (target.map.containsKey(e.getKey())) {
                        throw Errors.typeError(fname + " got multiple values for keyword argument '" + e.getKey().str()
                                + "'");
                    }
                    target.put(e.getKey(), e.getValue());
                }
                return sp;
            }
            case LIST_TO_TUPLE:
                s[sp - 1] = ToyTuple.of(((ToyList) s[sp - 1]).toArray());
                return sp;
            case FORMAT_VALUE: {
                ToyObject spec = (arg & 4) != 0 ? s[--sp] : null;
                ToyObject v = s[sp - 1];
                s[sp] = null;
                switch (arg & 3) {
                    case 1 -> v = ToyStr.of(v.str());
                    case 2 -> v = ToyStr.of(Ops.repr(v));
                    case 3 -> v = ToyStr.of(org.toy.runtime.Strings.ascii(Ops.repr(v)));
                    default -> { }
                }
                String text = spec == null && v instanceof ToyStr str ? str.value : v.format(spec == null ? "" : spec.str());
                s[sp - 1] = ToyStr.of(text);
                return sp;
            }
            case UNPACK_SEQUENCE:
                return unpack(s, sp, arg);
            case UNPACK_EX:
                return unpackEx(s, sp, arg & 0xFF, arg >> 8);
            case CALL_FUNCTION_EX: {
                ToyDict kwargs = (arg & 1) != 0 ? (ToyDict) s[--sp] : null;
                ToyTuple args = (ToyTuple) s[--sp];
                ToyObject fn = s[--sp];
                s[sp + 1] = s[sp + 2] = null;
                s[sp] = null;
                sp--; // the NULL below the callable
                String[] names = ToyObject.NO_KEYWORDS;
                ToyObject[] all = args.items;
                if (kwargs != null && kwargs.len() > 0) {
                    names = new String[kwargs.len()];
                    all = Arrays.copyOf(args.items, args.items.length + names.length);
                    int i = 0;
                    for (var e : kwargs.map.entrySet()) {
                        names[i] = e.getKey().str();
                        all[args.items.length + i] = e.getValue();
                        i++;
                    }
                }
                ts.callerFrame = f;
                ToyObject result = fn.call(ts, all, names);
                s[sp++] = result;
                return sp;
            }
            case MAKE_FUNCTION: {
                Code code = (Code) s[--sp];
                ToyCell[] closure = new ToyCell[0];
                ToyDict kwDefaults = null;
                ToyObject[] defaults = ToyObject.NO_ARGS;
                if ((arg & FN_CLOSURE) != 0) {
                    ToyObject[] cells = ((ToyTuple) s[--sp]).items;
                    closure = Arrays.copyOf(cells, cells.length, ToyCell[].class);
                }
                if ((arg & FN_KWDEFAULTS) != 0) kwDefaults = (ToyDict) s[--sp];
                if ((arg & FN_DEFAULTS) != 0) defaults = ((ToyTuple) s[--sp]).items;
                Arrays.fill(s, sp, sp + 4 > s.length ? s.length : sp + 4, null);
                s[sp++] = new ToyFunction(code, f.globals, defaults, kwDefaults, closure);
                return sp;
            }
            case RAISE_VARARGS: {
                if (arg == 0) {
                    ToyException handled = ts.handledException;
                    if (handled == null) throw Errors.runtimeError("No active exception to reraise");
                    ts.reraising = true;
                    throw new ToyError(handled);
                }
                ToyObject causeValue = arg == 2 ? s[--sp] : null;
                ToyException exc = exceptionFrom(ts, s[--sp], false);
                if (causeValue != null) {
                    exc.setCause(causeValue == ToyNone.NONE ? null : exceptionFrom(ts, causeValue, true));
                }
                throw new ToyError(exc);
            }
            case RERAISE: {
                ToyException exc = (ToyException) s[--sp];
                ts.reraising = true;
                throw new ToyError(exc);
            }
            case PUSH_EXC_INFO: {
                ToyObject exc = s[sp - 1];
                ToyException prev = ts.handledException;
                s[sp - 1] = prev == null ? ToyNone.NONE : prev;
                s[sp++] = exc;
                ts.handledException = (ToyException) exc;
                return sp;
            }
            case POP_EXCEPT: {
                ToyObject prev = s[--sp];
                s[sp] = null;
                ts.handledException = prev == ToyNone.NONE ? null : (ToyException) prev;
                return sp;
            }
            case CHECK_EXC_MATCH: {
                ToyObject type = s[sp - 1];
                s[sp - 1] = ToyBool.of(exceptionMatches((ToyException) s[sp - 2], type));
                return sp;
            }
            case DELETE_NAME:
                deleteName(f, arg);
                return sp;
            case LOAD_BUILD_CLASS: {
                ToyObject build = f.builtins.map.get(ToyStr.intern("__build_class__"));
                if (build == null) throw Errors.nameError("__build_class__");
                s[sp++] = build;
                return sp;
            }
            case LOAD_ASSERTION_ERROR:
                s[sp++] = ExceptionTypes.ASSERTION_ERROR;
                return sp;
            case BEFORE_WITH: {
                ToyObject manager = s[sp - 1];
                ToyObject enter;
                ToyObject exit;
                try {
                    enter = manager.getAttr("__enter__");
                    exit = manager.getAttr("__exit__");
                } catch (ToyError e) {
                    if (!e.exception.isInstance(ExceptionTypes.ATTRIBUTE_ERROR)) throw e;
                    throw Errors.typeError("'" + manager.type().name()
                            + "' object does not support the context manager protocol");
                }
                s[sp - 1] = exit;
                s[sp++] = enter.call(ts, ToyObject.NO_ARGS, ToyObject.NO_KEYWORDS);
                return sp;
            }
            case WITH_EXCEPT_START: {
                ToyException exc = (ToyException) s[sp - 1];
                ToyObject exit = s[sp - 3];
                s[sp++] = exit.call(ts, new ToyObject[] {exc.type(), exc, ToyNone.NONE}, ToyObject.NO_KEYWORDS);
                return sp;
            }
            case IMPORT_NAME: {
                ToyObject fromList = s[sp - 1];
                s[sp - 1] = Importer.importName(ts, f, f.code.names[arg], fromList);
                return sp;
            }
            case IMPORT_FROM:
                s[sp] = Importer.importFrom((ToyModule) s[sp - 1], f.code.names[arg]);
                return sp + 1;
            case IMPORT_STAR: {
                ToyModule m = (ToyModule) s[--sp];
                s[sp] = null;
                for (var e : m.globals().map.entrySet()) {
                    if (!e.getKey().str().startsWith("_")) f.globals.put(e.getKey(), e.getValue());
                }
                return sp;
            }
            case PRINT_EXPR: {
                ToyObject v = s[--sp];
                s[sp] = null;
                if (v != ToyNone.NONE) {
                    ts.interp().stdout().println(Ops.repr(v));
                    ts.interp().builtinsDict().put(ToyStr.of("_"), v);
                }
                return sp;
            }
            default:
                throw new IllegalStateException("unknown opcode " + (word & 0xFF) + " at " + (f.ip - 1) + " in "
                        + f.code.qualName);
        }
    }

    private static String functionName(ToyObject fn) {
        if (fn instanceof ToyFunction t) return t.qualName() + "()";
        if (fn instanceof BuiltinFunction b) return b.name() + "()";
        return fn.type().name() + " object";
    }

    private static ToyObject iterableOrError(ToyObject o, String message) {
        try {
            return o.iter();
        } catch (ToyError e) {
            if (e.exception.isInstance(ExceptionTypes.TYPE_ERROR)) throw Errors.typeError(message + o.type().name());
            throw e;
        }
    }

    /** UNPACK_SEQUENCE: the n items of the sequence on top, the first ending on top. */
    private static int unpack(ToyObject[] s, int sp, int n) {
        ToyObject seq = s[--sp];
        ToyObject[] items;
        if (seq instanceof ToyTuple t) {
            items = t.items;
        } else if (seq instanceof ToyList l) {
            items = l.toArray();
        } else {
            items = collect(seq, n + 1);
        }
        if (items.length != n) {
            if (items.length > n) throw Errors.valueError("too many values to unpack (expected " + n + ")");
            throw Errors.valueError("not enough values to unpack (expected " + n + ", got " + items.length + ")");
        }
        for (int i = 0; i < n; i++) s[sp + n - 1 - i] = items[i];
        return sp + n;
    }

    private static int unpackEx(ToyObject[] s, int sp, int before, int after) {
        ToyObject seq = s[--sp];
        ToyObject[] items = seq instanceof ToyTuple t ? t.items : seq instanceof ToyList l ? l.toArray()
                : collect(seq, Integer.MAX_VALUE);
        if (items.length < before + after) {
            throw Errors.valueError("not enough values to unpack (expected at least " + (before + after) + ", got "
                    + items.length + ")");
        }
        int total = before + 1 + after;
        ToyObject[] out = new ToyObject[total];
        System.arraycopy(items, 0, out, 0, before);
        out[before] = new ToyList(Arrays.copyOfRange(items, before, items.length - after));
        System.arraycopy(items, items.length - after, out, before + 1, after);
        for (int i = 0; i < total; i++) s[sp + total - 1 - i] = out[i];
        return sp + total;
    }

    /** Up to {@code limit} items of any iterable (enough to know whether there are too many). */
    private static ToyObject[] collect(ToyObject seq, int limit) {
        ToyObject it;
        try {
            it = seq.iter();
        } catch (ToyError e) {
            if (e.exception.isInstance(ExceptionTypes.TYPE_ERROR)) {
                throw Errors.typeError("cannot unpack non-iterable " + seq.type().name() + " object");
            }
            throw e;
        }
        ToyList out = new ToyList();
        for (ToyObject v = it.next(); v != null && out.size < limit; v = it.next()) out.append(v);
        return out.toArray();
    }
}
