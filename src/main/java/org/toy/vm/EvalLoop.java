package org.toy.vm;

import static org.toy.bytecode.Opcode.*;
import static org.toy.bytecode.Superinstructions.*;

import org.toy.ast.BinaryOp;
import org.toy.ast.CompareOp;
import org.toy.bytecode.Code;
import org.toy.gil.EvalBreaker;
import org.toy.runtime.BoundMethod;
import org.toy.runtime.Errors;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyCell;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyFunction;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyRange;

/**
 * The dispatch loop: fetch an instruction, switch on its opcode, repeat (clox's {@code run()},
 * CPython's {@code _PyEval_EvalFrameDefault}).
 *
 * <p>Design points, each for speed or for correctness under the GIL:
 * <ul>
 *   <li>The hot state — instructions, slots, {@code ip}, {@code sp} — lives in Java locals and is
 *       written back to the {@link Frame} only around calls and exceptions (Wren's
 *       STORE_FRAME/LOAD_FRAME), so the JIT can keep it in registers.</li>
 *   <li>A Toy→Toy call does not recurse in Java: the callee's frame replaces the current one in
 *       this same loop, and {@code RETURN_VALUE} switches back. Depth is counted exactly, so
 *       {@code RecursionError} comes at {@code sys.getrecursionlimit()}, never a
 *       {@code StackOverflowError}. Built-ins that call back into Toy enter a nested loop
 *       through {@link #callFunction}.</li>
 *   <li>Only the common cases are inline (small-int arithmetic and comparison, truth tests,
 *       locals); everything else calls out to {@link Ops} or {@link SlowPaths}, keeping this
 *       method well under HotSpot's 8000-byte limit for compiling a method.</li>
 *   <li>The eval breaker is polled only at {@code JUMP_BACKWARD}, {@code RESUME} and after a
 *       call returns to this loop, as in CPython 3.10+.</li>
 *   <li>Exceptions are Java {@link ToyError}s caught once around the loop; the handler looks
 *       up the code's exception table (zero-cost try, as CPython 3.11) or unwinds the frame.</li>
 * </ul>
 */
public final class EvalLoop {
    private EvalLoop() {}

    /** Calls a Toy function from Java and runs it to completion in a nested loop. */
    public static ToyObject callFunction(ThreadState ts, ToyFunction fn, ToyObject[] args, String[] kwNames) {
        Frame frame = Calls.newFrame(ts, fn, args, 0, args.length, kwNames);
        return run(ts, frame);
    }

    /** Runs {@code entry} (and whatever it calls) until it returns; its exceptions propagate. */
    public static ToyObject run(ThreadState ts, Frame entry) {
        ThreadState previous = ThreadState.bind(ts);
        try {
            return dispatch(ts, entry);
        } finally {
            ThreadState.unbind(ts, previous);
        }
    }

    private static ToyObject dispatch(ThreadState ts, Frame entry) {
        if (++ts.depth > ts.interp().recursionLimit()) {
            ts.depth--;
            throw Errors.recursionError();
        }
        // The entry frame is the one with no caller in this loop: RETURN_VALUE leaves the loop there.
        entry.back = null;
        Frame f = entry;
        EvalBreaker breaker = ts.interp().breaker();
        while (true) {
            // Few live locals, so the JIT can keep them all in registers.
            int[] ins = f.code.quickened;
            ToyObject[] s = f.slots;
            int ip = f.ip;
            int sp = f.sp;
            try {
                while (true) {
                    int word = ins[ip++];
                    int arg = word >>> 8;
                    switch (word & 0xFF) {
                        case NOP:
                            break;
                        case RESUME:
                            if (breaker.pending() != 0) {
                                f.ip = ip;
                                SlowPaths.handleBreaker(ts);
                            }
                            break;
                        case POP_TOP:
                            s[--sp] = null;
                            break;
                        case PUSH_NULL:
                            s[sp++] = null;
                            break;
                        case COPY:
                            s[sp] = s[sp - arg];
                            sp++;
                            break;
                        case SWAP: {
                            ToyObject t = s[sp - 1];
                            s[sp - 1] = s[sp - arg];
                            s[sp - arg] = t;
                            break;
                        }
                        case LOAD_CONST:
                            s[sp++] = f.code.consts[arg];
                            break;
                        case LOAD_FAST: {
                            ToyObject v = s[arg];
                            if (v == null) throw SlowPaths.unboundLocal(f.code, arg);
                            s[sp++] = v;
                            break;
                        }
                        case STORE_FAST:
                            // Values left above sp are dead; they are overwritten by the next push
                            // and die with the frame, so the hottest pops skip clearing them.
                            s[arg] = s[--sp];
                            break;
                        // The superinstructions: the second half's argument is in the next word,
                        // which is then skipped (see Superinstructions).
                        case LOAD_FAST__LOAD_FAST: {
                            ToyObject v = s[arg];
                            if (v == null) throw SlowPaths.unboundLocal(f.code, arg);
                            int second = ins[ip] >>> 8;
                            ToyObject w = s[second];
                            if (w == null) throw SlowPaths.unboundLocal(f.code, second);
                            ip++;
                            s[sp++] = v;
                            s[sp++] = w;
                            break;
                        }
                        case STORE_FAST__LOAD_FAST: {
                            s[arg] = s[sp - 1];
                            int second = ins[ip] >>> 8;
                            ToyObject v = s[second];
                            if (v == null) {
                                sp--;
                                throw SlowPaths.unboundLocal(f.code, second);
                            }
                            ip++;
                            s[sp - 1] = v;
                            break;
                        }
                        case PUSH_NULL__LOAD_GLOBAL:
                            s[sp++] = null;
                            s[sp++] = SlowPaths.loadGlobal(f, ins[ip++] >>> 8);
                            break;
                        case DELETE_FAST:
                            if (s[arg] == null) throw SlowPaths.unboundLocal(f.code, arg);
                            s[arg] = null;
                            break;
                        case LOAD_GLOBAL:
                            s[sp++] = SlowPaths.loadGlobal(f, arg);
                            break;
                        case LOAD_NAME:
                            s[sp++] = SlowPaths.loadName(f, arg);
                            break;
                        case STORE_GLOBAL:
                            f.globals.map.put(f.code.nameKeys[arg], s[--sp]);
                            s[sp] = null;
                            break;
                        case STORE_NAME:
                            SlowPaths.storeName(f, arg, s[--sp]);
                            s[sp] = null;
                            break;
                        case DELETE_GLOBAL:
                            SlowPaths.deleteGlobal(f, arg);
                            break;
                        case LOAD_DEREF: {
                            ToyObject v = ((ToyCell) s[f.code.varNames.length + arg]).value;
                            if (v == null) throw SlowPaths.unboundDeref(f.code, arg);
                            s[sp++] = v;
                            break;
                        }
                        case STORE_DEREF:
                            ((ToyCell) s[f.code.varNames.length + arg]).value = s[--sp];
                            s[sp] = null;
                            break;
                        case DELETE_DEREF: {
                            ToyCell cell = (ToyCell) s[f.code.varNames.length + arg];
                            if (cell.value == null) throw SlowPaths.unboundDeref(f.code, arg);
                            cell.value = null;
                            break;
                        }
                        case LOAD_CLOSURE:
                            s[sp++] = s[f.code.varNames.length + arg];
                            break;
                        case LOAD_ATTR:
                            s[sp - 1] = SlowPaths.loadAttr(s[sp - 1], f.code, arg);
                            break;
                        case STORE_ATTR:
                            SlowPaths.storeAttr(s[sp - 1], f.code, arg, s[sp - 2]);
                            sp -= 2;
                            s[sp] = s[sp + 1] = null;
                            break;
                        case DELETE_ATTR:
                            s[--sp].delAttr(f.code.names[arg]);
                            s[sp] = null;
                            break;
                        case LOAD_METHOD: {
                            ToyObject self = s[sp - 1];
                            ToyObject method = SlowPaths.methodFor(self, f.code, arg);
                            if (method != null) {
                                s[sp - 1] = method;
                                s[sp++] = self;
                            } else {
                                s[sp - 1] = null;
                                s[sp++] = self.getAttr(f.code.names[arg]);
                            }
                            break;
                        }
                        case BINARY_OP: {
                            ToyObject b = s[--sp];
                            ToyObject a = s[sp - 1];
                            ToyObject r = null;
                            if (a instanceof ToyInt x && b instanceof ToyInt y && x.big == null && y.big == null) {
                                r = SlowPaths.smallIntOp(arg, x.value, y.value);
                            }
                            s[sp - 1] = r != null ? r : SlowPaths.binaryOp(arg, a, b);
                            break;
                        }
                        case COMPARE_OP: {
                            ToyObject b = s[--sp];
                            ToyObject a = s[sp - 1];
                            if (a instanceof ToyInt x && b instanceof ToyInt y && x.big == null && y.big == null) {
                                boolean result = SlowPaths.compareLongs(arg, x.value, y.value);
                                // CPython 3.11's COMPARE_OP_INT_JUMP: a test followed by its jump
                                // branches at once, with no bool pushed and popped in between.
                                int next = ins[ip];
                                if ((next & 0xFF) == POP_JUMP_IF_FALSE) {
                                    sp--;
                                    ip = result ? ip + 1 : next >>> 8;
                                } else if ((next & 0xFF) == POP_JUMP_IF_TRUE) {
                                    sp--;
                                    ip = result ? next >>> 8 : ip + 1;
                                } else {
                                    s[sp - 1] = result ? ToyBool.TRUE : ToyBool.FALSE;
                                }
                            } else {
                                s[sp - 1] = Ops.compare(CompareOp.of(arg), a, b);
                            }
                            break;
                        }
                        case IS_OP: {
                            ToyObject b = s[--sp];
                            s[sp] = null;
                            s[sp - 1] = ToyBool.of((s[sp - 1] == b) ^ (arg == 1));
                            break;
                        }
                        case CONTAINS_OP: {
                            ToyObject container = s[--sp];
                            s[sp] = null;
                            s[sp - 1] = ToyBool.of(container.contains(s[sp - 1]) ^ (arg == 1));
                            break;
                        }
                        case UNARY_NEGATIVE:
                            s[sp - 1] = s[sp - 1].negative();
                            break;
                        case UNARY_POSITIVE:
                            s[sp - 1] = s[sp - 1].positive();
                            break;
                        case UNARY_INVERT:
                            s[sp - 1] = s[sp - 1].invert();
                            break;
                        case UNARY_NOT:
                            s[sp - 1] = ToyBool.of(!s[sp - 1].isTrue());
                            break;
                        case BINARY_SUBSCR: {
                            ToyObject key = s[--sp];
                            s[sp] = null;
                            ToyObject container = s[sp - 1];
                            if (container instanceof ToyList list && key instanceof ToyInt i && i.big == null
                                    && i.value >= 0 && i.value < list.size) {
                                s[sp - 1] = list.items[(int) i.value];
                            } else {
                                s[sp - 1] = container.getItem(key);
                            }
                            break;
                        }
                        case STORE_SUBSCR:
                            if (s[sp - 2] instanceof ToyList list && s[sp - 1] instanceof ToyInt i && i.big == null
                                    && i.value >= 0 && i.value < list.size) {
                                list.items[(int) i.value] = s[sp - 3];
                            } else {
                                s[sp - 2].setItem(s[sp - 1], s[sp - 3]);
                            }
                            sp -= 3;
                            s[sp] = s[sp + 1] = s[sp + 2] = null;
                            break;
                        case DELETE_SUBSCR:
                            s[sp - 2].delItem(s[sp - 1]);
                            sp -= 2;
                            s[sp] = s[sp + 1] = null;
                            break;
                        case JUMP_FORWARD:
                            ip = arg;
                            break;
                        case JUMP_BACKWARD:
                            ip = arg;
                            if (breaker.pending() != 0) {
                                f.ip = ip;
                                SlowPaths.handleBreaker(ts);
                            }
                            break;
                        case POP_JUMP_IF_FALSE: {
                            ToyObject c = s[--sp];
                            if (c == ToyBool.FALSE || c != ToyBool.TRUE && !c.isTrue()) ip = arg;
                            break;
                        }
                        case POP_JUMP_IF_TRUE: {
                            ToyObject c = s[--sp];
                            if (c == ToyBool.TRUE || c != ToyBool.FALSE && c.isTrue()) ip = arg;
                            break;
                        }
                        case JUMP_IF_FALSE_OR_POP:
                            if (!s[sp - 1].isTrue()) ip = arg;
                            else s[--sp] = null;
                            break;
                        case JUMP_IF_TRUE_OR_POP:
                            if (s[sp - 1].isTrue()) ip = arg;
                            else s[--sp] = null;
                            break;
                        case GET_ITER:
                            s[sp - 1] = s[sp - 1].iter();
                            break;
                        case FOR_ITER: {
                            // CPython's FOR_ITER_RANGE: a range iterator's next() is called
                            // directly, so no tier of the JIT needs a virtual call for it.
                            ToyObject iterator = s[sp - 1];
                            ToyObject next = iterator instanceof ToyRange.Iter range ? range.next() : iterator.next();
                            if (next != null) {
                                s[sp++] = next;
                            } else {
                                s[--sp] = null;
                                ip = arg;
                            }
                            break;
                        }
                        case FOR_ITER__STORE_FAST: {
                            ToyObject iterator = s[sp - 1];
                            ToyObject next = iterator instanceof ToyRange.Iter range ? range.next() : iterator.next();
                            if (next != null) {
                                s[ins[ip++] >>> 8] = next;
                            } else {
                                s[--sp] = null;
                                ip = arg;
                            }
                            break;
                        }
                        case KW_NAMES:
                            ts.kwNames = f.code.keywordNames(arg);
                            break;
                        case CALL: {
                            int base = sp - arg - 2;
                            ToyObject callable = s[base];
                            int first = base + 1;
                            int argc = arg + 1;
                            if (callable == null) {
                                callable = s[base + 1];
                                first = base + 2;
                                argc = arg;
                                if (callable instanceof BoundMethod m && m.function instanceof ToyFunction) {
                                    // obj.method(...) through a bound method: call the function
                                    // with self in the callable's slot, with no Java recursion.
                                    callable = SlowPaths.spreadBoundMethod(s, base, m);
                                    first = base + 1;
                                    argc = arg + 1;
                                }
                            }
                            String[] kw = ts.kwNames;
                            if (kw.length != 0) ts.kwNames = ToyObject.NO_KEYWORDS;
                            f.ip = ip;
                            if (callable instanceof ToyFunction fn) {
                                Frame callee = Calls.newFrame(ts, fn, s, first, argc, kw);
                                if (++ts.depth > ts.interp().recursionLimit()) {
                                    ts.depth--;
                                    throw Errors.recursionError();
                                }
                                // The arguments left in the caller's stack are dead (its next push
                                // overwrites them), as after STORE_FAST: not cleared, for speed.
                                f.sp = base;
                                callee.back = f;
                                f = callee;
                                ins = f.code.quickened;
                                s = f.slots;
                                ip = 0;
                                sp = f.sp;
                                break;
                            }
                            f.sp = sp;
                            ts.callerFrame = f;
                            ToyObject result = callable.call(ts, java.util.Arrays.copyOfRange(s, first, first + argc), kw);
                            java.util.Arrays.fill(s, base, sp, null);
                            sp = base;
                            s[sp++] = result;
                            if (breaker.pending() != 0) SlowPaths.handleBreaker(ts);
                            break;
                        }
                        case RETURN_VALUE: {
                            ToyObject result = s[--sp];
                            ts.depth--;
                            if (f.back == null) return result;
                            f = f.back;
                            ins = f.code.quickened;
                            s = f.slots;
                            ip = f.ip;
                            sp = f.sp;
                            s[sp++] = result;
                            if (breaker.pending() != 0) SlowPaths.handleBreaker(ts);
                            break;
                        }
                        default:
                            f.ip = ip;
                            sp = SlowPaths.execute(ts, f, word, sp);
                            ip = f.ip;
                            break;
                    }
                }
            } catch (ToyError e) {
                f.ip = ip;
                ts.kwNames = ToyObject.NO_KEYWORDS;
                f = SlowPaths.unwind(ts, f, e);
            } catch (StackOverflowError | OutOfMemoryError e) {
                f.ip = ip;
                ts.kwNames = ToyObject.NO_KEYWORDS;
                f = SlowPaths.unwind(ts, f, SlowPaths.resourceError(e));
            }
        }
    }
}
