package org.toy.ipc;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.toy.bytecode.Code;
import org.toy.bytecode.ExceptionTable;
import org.toy.bytecode.OpInfo;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.ClassFactory;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyBytes;
import org.toy.runtime.ToyCell;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyFloat;
import org.toy.runtime.ToyFunction;
import org.toy.runtime.ToyInstance;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyClassMethod;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyProperty;
import org.toy.runtime.ToyStaticMethod;
import org.toy.runtime.ToySet;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.source.Source;

/**
 * Toy's pickle: the binary form in which values cross from one Toy interpreter to another
 * (a child's start-up state, its target and arguments, queue and pipe items, results).
 *
 * <h2>Why not Java serialization</h2>
 * Java serialization revives any class on the classpath from bytes and has a long record of
 * gadget-chain exploits; it also ties the format to Java field layouts. The codec below knows
 * exactly the Toy value kinds it supports, writes them with explicit tags, and refuses
 * everything else with CPython's message ({@code cannot pickle '_thread.lock' object}).
 *
 * <h2>The format</h2>
 * A message is the magic {@code 'T' 'y'}, a version byte (1), then one value. A value is a tag
 * byte and its payload. Lengths and counts are unsigned LEB128 varints; small ints are zig-zag
 * varints; floats are 8 bytes IEEE-754 big-endian; strings are UTF-8 with a byte length.
 * <pre>
 *   N / T / F             None / True / False
 *   i zigzag              int that fits in a long        I n bytes   big int, two's complement, big-endian
 *   f 8 bytes             float                          s n utf8    str           b n bytes   bytes
 *   l n v*                list       t n v*  tuple       d n (k v)*  dict          S n v* / z n v*  set / frozenset
 *   r k                   the k-th memoised object (shared references and cycles)
 *   c v                   a closure cell                 X name text   a source file (for tracebacks)
 *   C ...                 a code object: name, qualname, source, first line, instructions, lines,
 *                         consts, names, varnames, cellvars, freevars, argcount, kwonly, flags,
 *                         maxstack, exception table
 *   L code globals name qualname defaults kwdefaults closure     a function by value
 *   G module file qualname   an object by reference (a module-level function, a built-in,
 *                         a function of a built-in module such as multiprocessing.pool.worker)
 *   M name file           a module by reference          E type args traceback   an exception
 *   g k                   the k-th "globals subset" (below)
 *   O class dict          an instance of a user class     e class args traceback dict   a user exception
 *   K name qualname module base n (key value)*   a class by value
 *   W s|c|p ...           a staticmethod / classmethod (function) / property (fget fset fdel doc)
 *   A kind state          in a fork state only: what fork() leaves of a Lock or a Thread (ForkCopies)
 * </pre>
 * Every object except None, bools, ints and floats is memoised in the order its tag is read,
 * on both sides, and a container is memoised before its items, so a list that contains itself,
 * or two references to one dict, come out the same shape. A tuple under construction may be
 * referred to only from a list, a dict value or a cell (the only legal paths back to it), so a
 * hostile tuple can never contain itself nor be hashed half-built.
 *
 * <h2>Functions</h2>
 * As CPython's {@code reduction}: a module-level function travels by reference (module name,
 * the module's file and the qualified name; the receiver imports the module and looks the name
 * up). Under the {@code fork} start method the whole {@code __main__} namespace travels by value
 * and its functions with it (their globals are that very dict, so identity survives). A
 * function that cannot be found by name and whose module has no file (typed at the REPL or
 * given with {@code -c}) travels by value, as cloudpickle does: its code, defaults, closure and
 * only the globals its code reads. Those globals are collected into a "subset" dict per source
 * namespace, written after the value itself as a trailer of (subset, name, value) entries until
 * no entry adds a new name, so functions that call each other share one namespace.
 *
 * <h2>Classes and instances</h2>
 * As pickle's default protocol for plain objects: an instance of a user class travels as its
 * class and its {@code __dict__}; the receiver makes a bare instance (no {@code __init__}) and
 * fills the dict, so shared references and cycles through attributes survive. The class goes by
 * reference (module, file, qualified name), looked up in the namespace of the module that defined
 * it, with pickle's refusals: {@code Can't pickle local object 'f.<locals>.C'}, {@code attribute
 * lookup C on M failed}, {@code it's not the same object as M.C}. It goes by value exactly where
 * functions do — {@code __main__}'s classes under fork, and classes of a namespace without a file
 * (the REPL, {@code -c}) — as its name, module, base and class dict, the class memoised before its
 * dict so that its methods' {@code __class__} cells point back at it. User exceptions carry their
 * class the same way; a {@code multiprocessing.Process} subclass's instance travels as a handle
 * whose state includes its class and attributes.
 *
 * <h2>Hostile bytes</h2>
 * The decoder trusts nothing: every length is checked against the bytes left (an element
 * takes at least one byte, so no allocation is larger than the input justifies), nesting is
 * limited to {@link #MAX_DEPTH}, memo references must point backwards, the work of hashing set
 * items and dict keys is bounded by the message's size (shared references can make a tuple whose
 * expansion is exponential in a few hundred bytes), code objects are
 * checked for consistent array sizes and in-range operands of the exception table, and any
 * other failure while rebuilding (an unhashable key) becomes a {@link MalformedException}.
 * Code objects are otherwise trusted: channels are private to the user (inherited pipes,
 * sockets in a 0700 directory), as CPython trusts pickles on its own connections.
 */
public final class Codec {
    private Codec() {}

    public static final int MAX_DEPTH = 1000;
    /** The decoder's hashing budget: this many units of work per message byte, plus a fixed allowance. */
    static final long HASH_WORK_PER_BYTE = 64;
    static final long HASH_WORK_FIXED = 1 << 20;
    private static final byte MAGIC0 = 'T';
    private static final byte MAGIC1 = 'y';
    private static final byte VERSION = 1;

    /** CPython's {@code _pickle.PicklingError}. */
    public static final ToyType PICKLING_ERROR = new ToyType("_pickle.PicklingError", ExceptionTypes.EXCEPTION);

    /**
     * An object that belongs to the process that made it (a pool, an executor, a future): it
     * never travels in a message, and in a child's fork state it reads as None, as the pool
     * copied into a forked CPython child is a dead copy that the child must not use.
     */
    public interface ProcessLocal {}

    /** Exception types of built-in modules that cross by name, beside the built-in ones. */
    private static final Map<String, ToyType> MODULE_EXCEPTIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Registers {@code t} (e.g. {@code multiprocessing.pool.MaybeEncodingError}) to cross by its name. */
    public static ToyType exceptionType(ToyType t) {
        MODULE_EXCEPTIONS.put(t.name(), t);
        return t;
    }

    /** The bytes were not a well-formed message. */
    public static final class MalformedException extends RuntimeException {
        public MalformedException(String message) { super(message, null, false, false); }
    }

    /** How the receiver finds modules named in a message (imports them if needed). */
    @FunctionalInterface
    public interface Resolver {
        /** The module {@code name} ({@code file} is its path, or null); null if it cannot be found. */
        ToyModule module(String name, String file);
    }

    /**
     * Encoding options: whether {@code __main__}'s functions travel by value (the fork start
     * method), and a namespace whose entries that cannot be encoded are left out rather than
     * failing the message (a pool worker's fork state: a lock or a class among the globals
     * must not stop the pool; the worker lacks those names).
     */
    public record Options(boolean mainByValue, ToyDict skipUnsendable) {
        public static final Options MESSAGE = new Options(false, null);
        public static final Options FORK = new Options(true, null);

        /** The fork state with {@code namespace}'s unsendable entries left out. */
        public static Options forkSkipping(ToyDict namespace) { return new Options(true, namespace); }
    }

    /** Thrown out of an attempt when an entry of the skipping namespace cannot be encoded. */
    private static final class SkipEntry extends RuntimeException {
        final ToyObject key;

        SkipEntry(ToyObject key) {
            super(null, null, false, false);
            this.key = key;
        }
    }

    public static byte[] encode(ToyObject value) { return encode(value, Options.MESSAGE); }

    public static byte[] encode(ToyObject value, Options options) {
        // Each entry of the skipping namespace that fails is left out and the message started
        // again (the memo of a failed attempt cannot be trusted); at most one retry per entry.
        Set<ToyObject> skipped = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        while (true) {
            List<Runnable> copies = Handle.CHILD_COPIES.get();
            int mark = copies == null ? 0 : copies.size();
            Encoder e = new Encoder(options, skipped);
            try {
                e.out.put(MAGIC0);
                e.out.put(MAGIC1);
                e.out.put(VERSION);
                e.value(value, 0);
                e.trailer();
                return e.out.toArray();
            } catch (SkipEntry skip) {
                skipped.add(skip.key);
                // the pipe ends counted for the child during the failed attempt are given back
                while (copies != null && copies.size() > mark) copies.remove(copies.size() - 1).run();
            }
        }
    }

    public static ToyObject decode(byte[] bytes, Resolver resolver) { return decode(bytes, 0, bytes.length, resolver); }

    public static ToyObject decode(byte[] bytes, int offset, int length, Resolver resolver) {
        if (offset < 0 || length < 0 || offset + length > bytes.length) throw new MalformedException("bad bounds");
        Decoder d = new Decoder(bytes, offset, offset + length, resolver);
        try {
            if (length < 3 || bytes[offset] != MAGIC0 || bytes[offset + 1] != MAGIC1) throw new MalformedException("not a Toy message");
            if (bytes[offset + 2] != VERSION) throw new MalformedException("unknown codec version " + bytes[offset + 2]);
            d.pos = offset + 3;
            ToyObject v = d.value(0, false);
            d.trailer();
            if (d.pos != d.end) throw new MalformedException("trailing bytes after the value");
            return v;
        } catch (MalformedException e) {
            throw e;
        } catch (ToyError e) {
            throw new MalformedException("invalid value: " + e.exception.str());
        } catch (RuntimeException | StackOverflowError e) {
            throw new MalformedException("invalid value: " + e);
        }
    }

    /** {@code A.B} in a module namespace: the global, then attributes; null if absent. */
    static ToyObject lookupQualified(ToyDict globals, String qual) {
        String[] parts = qual.split("\\.", -1);
        ToyObject v = globals.get(ToyStr.of(parts[0]));
        for (int i = 1; i < parts.length && v != null; i++) {
            try {
                v = v.getAttr(parts[i]);
            } catch (ToyError e) {
                return null;
            }
        }
        return v;
    }

    /**
     * threading's and queue's classes are Python code in CPython that holds a lock, and pickle
     * trips over the lock: their refusal names it. Keyed by the built-in type's name.
     */
    private static final Map<String, String> HOLDS_A_LOCK = Map.ofEntries(
            Map.entry("Thread", "_thread.lock"), Map.entry("_MainThread", "_thread.lock"), Map.entry("Timer", "_thread.lock"),
            Map.entry("Event", "_thread.lock"), Map.entry("Semaphore", "_thread.lock"),
            Map.entry("BoundedSemaphore", "_thread.lock"), Map.entry("Barrier", "_thread.lock"),
            Map.entry("Condition", "_thread.RLock"), Map.entry("Queue", "_thread.lock"), Map.entry("LifoQueue", "_thread.lock"));

    /** The message CPython gives for an object pickle refuses. */
    public static ToyError cannotPickle(ToyObject o) {
        ToyType builtin = o.type();
        while (builtin.isHeap()) builtin = builtin.base();   // a user subclass of Thread refuses as Thread does
        String name = HOLDS_A_LOCK.getOrDefault(builtin.name(), o.type().name());
        return Errors.typeError("cannot pickle '" + name + "' object");
    }

    // ---- a growable byte buffer --------------------------------------------------------------

    static final class Bytes {
        byte[] buf = new byte[64];
        int len;

        void ensure(int extra) {
            if (len + extra > buf.length) {
                long want = Math.max((long) buf.length * 2, (long) len + extra);
                if (want > Integer.MAX_VALUE - 16) throw Errors.of(ExceptionTypes.MEMORY_ERROR, "message too large");
                buf = java.util.Arrays.copyOf(buf, (int) want);
            }
        }

        void put(byte b) {
            ensure(1);
            buf[len++] = b;
        }

        void put(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        void varint(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[len++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[len++] = (byte) v;
        }

        void longBE(long v) {
            ensure(8);
            for (int i = 7; i >= 0; i--) buf[len++] = (byte) (v >>> (8 * i));
        }

        byte[] toArray() { return java.util.Arrays.copyOf(buf, len); }
    }

    // ---- encoding ----------------------------------------------------------------------------

    private static final class Encoder {
        final Bytes out = new Bytes();
        final Options options;
        final IdentityHashMap<Object, Integer> memo = new IdentityHashMap<>();
        /** Globals subsets of by-value functions: source namespace -> subset index. */
        final IdentityHashMap<ToyDict, Integer> subsets = new IdentityHashMap<>();
        final List<ToyDict> subsetSources = new ArrayList<>();
        final List<Set<String>> subsetNames = new ArrayList<>();
        final ArrayDeque<int[]> pending = new ArrayDeque<>();
        final List<List<String>> pendingNames = new ArrayList<>();

        final Set<ToyObject> skipped;

        Encoder(Options options, Set<ToyObject> skipped) {
            this.options = options;
            this.skipped = skipped;
        }

        boolean memoised(Object o) {
            Integer k = memo.get(o);
            if (k == null) return false;
            out.put((byte) 'r');
            out.varint(k);
            return true;
        }

        void remember(Object o) { memo.put(o, memo.size()); }

        void str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.varint(b.length);
            out.put(b);
        }

        void value(ToyObject v, int depth) {
            if (depth > MAX_DEPTH) throw Errors.of(ExceptionTypes.RECURSION_ERROR, "maximum recursion depth exceeded while pickling an object");
            if (v == ToyNone.NONE) { out.put((byte) 'N'); return; }
            Class<?> k = v.getClass();
            if (k == ToyBool.class) { out.put((byte) (v == ToyBool.TRUE ? 'T' : 'F')); return; }
            if (k == ToyInt.class) {
                ToyInt i = (ToyInt) v;
                if (i.isSmall()) {
                    out.put((byte) 'i');
                    out.varint((i.value << 1) ^ (i.value >> 63));
                } else {
                    byte[] b = i.big.toByteArray();
                    out.put((byte) 'I');
                    out.varint(b.length);
                    out.put(b);
                }
                return;
            }
            if (k == ToyFloat.class) {
                out.put((byte) 'f');
                out.longBE(Double.doubleToRawLongBits(((ToyFloat) v).value));
                return;
            }
            if (memoised(v)) return;
            if (k == ToyStr.class) {
                remember(v);
                out.put((byte) 's');
                str(((ToyStr) v).value);
            } else if (k == ToyBytes.class) {
                remember(v);
                byte[] b = ((ToyBytes) v).value;
                out.put((byte) 'b');
                out.varint(b.length);
                out.put(b);
            } else if (k == ToyList.class) {
                remember(v);
                ToyList l = (ToyList) v;
                ToyObject[] items = l.toArray();
                out.put((byte) 'l');
                out.varint(items.length);
                for (ToyObject x : items) value(x, depth + 1);
            } else if (k == ToyTuple.class) {
                remember(v);
                ToyObject[] items = ((ToyTuple) v).items;
                out.put((byte) 't');
                out.varint(items.length);
                for (ToyObject x : items) value(x, depth + 1);
            } else if (k == ToyDict.class) {
                remember(v);
                ToyDict d = (ToyDict) v;
                Object[] entries = d.map.entrySet().toArray();
                boolean skipping = d == options.skipUnsendable();
                int n = entries.length;
                if (skipping) for (Object o : entries) if (skipped.contains(((Map.Entry<?, ?>) o).getKey())) n--;
                out.put((byte) 'd');
                out.varint(n);
                for (Object o : entries) {
                    @SuppressWarnings("unchecked") Map.Entry<ToyObject, ToyObject> e = (Map.Entry<ToyObject, ToyObject>) o;
                    if (!skipping) {
                        value(e.getKey(), depth + 1);
                        value(e.getValue(), depth + 1);
                    } else if (!skipped.contains(e.getKey())) {
                        try {
                            value(e.getKey(), depth + 1);
                            value(e.getValue(), depth + 1);
                        } catch (ToyError err) {
                            throw new SkipEntry(e.getKey());
                        }
                    }
                }
            } else if (k == ToySet.class) {
                remember(v);
                ToySet s = (ToySet) v;
                ToyObject[] items = s.toArray();
                out.put((byte) (s.frozen ? 'z' : 'S'));
                out.varint(items.length);
                for (ToyObject x : items) value(x, depth + 1);
            } else if (k == ToyCell.class) {
                remember(v);
                out.put((byte) 'c');
                ToyObject inner = ((ToyCell) v).value;
                if (inner == null) out.put((byte) '0');
                else value(inner, depth + 1);
            } else if (k == ToyInstance.class) {
                instance((ToyInstance) v, depth);
            } else if (v instanceof ToyType t && (t.isHeap() || t.home() != null)) {
                type(t, depth);
            } else if (k == ToyStaticMethod.class || k == ToyClassMethod.class || k == ToyProperty.class) {
                descriptor(v, depth);
            } else if (k == ToyException.class) {
                exception((ToyException) v, depth);
            } else if (k == ToyFunction.class) {
                function((ToyFunction) v, depth);
            } else if (k == Code.class) {
                code((Code) v, depth);
            } else if (k == ToyModule.class) {
                remember(v);
                ToyModule m = (ToyModule) v;
                out.put((byte) 'M');
                str(m.name());
                ToyObject file = m.globals().get(ToyStr.of("__file__"));
                if (file instanceof ToyStr f) { out.put((byte) 1); str(f.value); } else out.put((byte) 0);
            } else if (v instanceof Handle h) {
                remember(v);
                out.put((byte) 'H');
                str(h.handleKind());
                value(h.handleState(), depth + 1);
            } else if (v instanceof BuiltinFunction f && f.module() != null) {
                remember(v);
                out.put((byte) 'G');
                str(f.module());
                out.put((byte) 0);
                str(f.name());
            } else if (options.mainByValue() && org.toy.threads.ForkCopies.kindOf(v) != null) {
                // a Lock or a Thread in a fork state: what fork() would leave of it in the child
                String kind = org.toy.threads.ForkCopies.kindOf(v);
                remember(v);
                out.put((byte) 'A');
                str(kind);
                value(org.toy.threads.ForkCopies.state(kind, v), depth + 1);
            } else if (v instanceof ProcessLocal && options.mainByValue()) {
                out.put((byte) 'N');
            } else if (builtinName(v) != null) {
                remember(v);
                out.put((byte) 'G');
                str("builtins");
                out.put((byte) 0);
                str(builtinName(v));
            } else if (v instanceof ToyType t && t.homeModule() != null) {
                remember(v);
                out.put((byte) 'G');
                str(t.homeModule());
                out.put((byte) 0);
                str(t.homeName());
            } else {
                throw cannotPickle(v);
            }
        }

        private static final Map<ToyObject, String> BUILTIN_NAMES = new IdentityHashMap<>();

        static String builtinName(ToyObject v) {
            if (v instanceof ToyType t) {
                if (t.isSubtypeOf(ExceptionTypes.BASE_EXCEPTION) && ExceptionTypes.all().contains(t)) return t.name();
                for (ToyType b : new ToyType[] {ToyType.OBJECT, ToyInt.TYPE, ToyFloat.TYPE, ToyStr.TYPE, ToyBytes.TYPE, ToyList.TYPE,
                        ToyTuple.TYPE, ToyDict.TYPE, ToySet.SET_TYPE, ToySet.FROZENSET_TYPE, ToyBool.TYPE}) {
                    if (b == t) return t.name();
                }
                return null;
            }
            if (v instanceof BuiltinFunction f && !f.isMethod()) return "builtin:" + f.name();
            if (v == org.toy.runtime.NotImplemented.NOT_IMPLEMENTED) return "NotImplemented";
            return null;
        }

        void exception(ToyException e, int depth) {
            remember(e);
            if (e.type().isHeap()) {
                // a user exception: its class as a value (by reference or by value), then its attributes
                out.put((byte) 'e');
                value(e.type(), depth + 1);
                value(e.args(), depth + 1);
                str(tracebackText(e));
                value(e.getAttr("__dict__"), depth + 1);
                return;
            }
            out.put((byte) 'E');
            str(e.type().name());
            value(e.args(), depth + 1);
            str(tracebackText(e));
        }

        private static String tracebackText(ToyException e) {
            try {
                return org.toy.vm.Traceback.format(e);
            } catch (RuntimeException ex) {
                return org.toy.vm.Traceback.lastLine(e) + "\n";
            }
        }

        /** An instance of a user class: its class, then its {@code __dict__} (pickle's default state). */
        void instance(ToyInstance o, int depth) {
            remember(o);
            out.put((byte) 'O');
            value(o.type(), depth + 1);
            value(o.dict, depth + 1);
        }

        /**
         * A class. As pickle's {@code save_global}: by reference (module, its file, qualified name),
         * which the receiver looks up; by value where functions go by value too — {@code __main__}'s
         * classes under fork (they come with the state) and classes of a namespace with no file
         * (the REPL, {@code -c}): name, qualified name, module, base and the class dict.
         */
        void type(ToyType t, int depth) {
            remember(t);
            if (!t.isHeap()) {
                out.put((byte) 'G');
                str(t.home());
                out.put((byte) 0);
                str(t.name());
                return;
            }
            String module = t.module();
            ToyDict g = t.definingGlobals() != null ? t.definingGlobals() : moduleGlobals(module);
            String qual = t.qualName();
            ToyObject file = g == null ? null : g.get(ToyStr.of("__file__"));
            boolean local = qual.contains("<");
            if (options.mainByValue() && module.equals("__main__") || g != null && file == null) {
                out.put((byte) 'K');
                str(t.name());
                str(qual);
                str(module);
                value(t.base(), depth + 1);
                Object[] entries = t.dict().entrySet().toArray();
                out.varint(entries.length);
                for (Object o : entries) {
                    @SuppressWarnings("unchecked") Map.Entry<String, ToyObject> e = (Map.Entry<String, ToyObject>) o;
                    str(e.getKey());
                    value(e.getValue(), depth + 1);
                }
                return;
            }
            if (local) throw Errors.attributeError("Can't pickle local object '" + qual + "'");
            if (g == null || file == null || lookupQualified(g, qual) != t) throw notFound(t, g, module, qual);
            out.put((byte) 'G');
            str(module);
            out.put((byte) 1);
            str(((ToyStr) file).value);
            str(qual);
        }

        /**
         * The globals of the module named {@code module} in this thread's interpreter, or null: where
         * a class without functions (which would name their globals) is looked up, as pickle looks
         * in {@code sys.modules[cls.__module__]} — a class that came by value, say.
         */
        private static ToyDict moduleGlobals(String module) {
            try {
                org.toy.runtime.ToyModule m = org.toy.vm.ThreadState.current().interp().modules().get(module);
                return m == null ? null : m.globals();
            } catch (IllegalStateException e) {
                return null;   // not a Toy thread: nothing to look in
            }
        }

        /** {@code staticmethod}, {@code classmethod} and {@code property} objects of a class sent by value. */
        void descriptor(ToyObject d, int depth) {
            remember(d);
            out.put((byte) 'W');
            if (d instanceof ToyStaticMethod m) {
                out.put((byte) 's');
                value(m.function, depth + 1);
            } else if (d instanceof ToyClassMethod m) {
                out.put((byte) 'c');
                value(m.function, depth + 1);
            } else {
                out.put((byte) 'p');
                for (ToyObject part : ((ToyProperty) d).parts()) value(part, depth + 1);
            }
        }

        void source(Source s) {
            if (memoised(s)) return;
            remember(s);
            out.put((byte) 'X');
            str(s.name());
            str(s.text());
        }

        void code(Code c, int depth) {
            remember(c);
            out.put((byte) 'C');
            str(c.name);
            str(c.qualName);
            source(c.source);
            out.varint(c.firstLine);
            ints(c.instructions);
            ints(c.lines);
            out.varint(c.consts.length);
            for (ToyObject x : c.consts) value(x, depth + 1);
            strings(c.names);
            strings(c.varNames);
            strings(c.cellVars);
            strings(c.freeVars);
            out.varint(c.argCount);
            out.varint(c.kwOnlyCount);
            out.varint(c.flags);
            out.varint(c.maxStack);
            int n = c.exceptionTable.size();
            out.varint(n);
            for (int i = 0; i < n; i++) {
                out.varint(c.exceptionTable.start(i));
                out.varint(c.exceptionTable.end(i));
                out.varint(c.exceptionTable.target(i));
                out.varint(c.exceptionTable.depth(i));
            }
        }

        void ints(int[] a) {
            out.varint(a.length);
            for (int x : a) out.varint(x & 0xFFFFFFFFL);
        }

        void strings(String[] a) {
            out.varint(a.length);
            for (String s : a) str(s);
        }

        void function(ToyFunction f, int depth) {
            ToyObject modName = f.globals.get(ToyStr.of("__name__"));
            String module = modName instanceof ToyStr s ? s.value : "__main__";
            ToyObject file = f.globals.get(ToyStr.of("__file__"));
            if (options.mainByValue() && module.equals("__main__")) {
                remember(f);
                out.put((byte) 'L');
                value(f.code, depth + 1);
                value(f.globals, depth + 1);
                functionRest(f, depth);
                return;
            }
            String qual = f.qualName();
            boolean local = qual.contains("<");
            if (file != null && !local && f.globals.get(ToyStr.of(qual)) == f) {
                remember(f);
                out.put((byte) 'G');
                str(module);
                if (file instanceof ToyStr fs) { out.put((byte) 1); str(fs.value); } else out.put((byte) 0);
                str(qual);
                return;
            }
            if (file == null) {
                remember(f);
                out.put((byte) 'L');
                value(f.code, depth + 1);
                out.put((byte) 'g');
                out.varint(subset(f.globals, f.code));
                functionRest(f, depth);
                return;
            }
            if (local && !qual.startsWith("<lambda>")) {
                throw Errors.attributeError("Can't pickle local object '" + qual + "'");
            }
            throw notFound(f, f.globals, module, qual);
        }

        /** pickle's two refusals of an object it cannot find again by name (save_global). */
        static ToyError notFound(ToyObject o, ToyDict globals, String module, String qual) {
            boolean other = globals != null && lookupQualified(globals, qual) != null;
            return Errors.of(PICKLING_ERROR, "Can't pickle " + o.repr() + ": " + (other
                    ? "it's not the same object as " + module + "." + qual
                    : "attribute lookup " + qual + " on " + module + " failed"));
        }

        void functionRest(ToyFunction f, int depth) {
            str(f.name());
            str(f.qualName());
            out.varint(f.defaults.length);
            for (ToyObject x : f.defaults) value(x, depth + 1);
            value(f.kwDefaults == null ? ToyNone.NONE : f.kwDefaults, depth + 1);
            out.varint(f.closure.length);
            for (ToyCell c : f.closure) value(c, depth + 1);
        }

        /** The subset index for {@code globals}; queues the names {@code code} reads from it. */
        int subset(ToyDict globals, Code code) {
            Integer k = subsets.get(globals);
            if (k == null) {
                k = subsetSources.size();
                subsets.put(globals, k);
                subsetSources.add(globals);
                subsetNames.add(new LinkedHashSet<>());
                pendingNames.add(new ArrayList<>());
                for (String always : new String[] {"__name__", "__builtins__"}) request(k, always);
            }
            requestNames(k, code);
            return k;
        }

        void requestNames(int k, Code code) {
            for (String n : code.names) request(k, n);
            for (ToyObject c : code.consts) if (c instanceof Code nested) requestNames(k, nested);
        }

        void request(int k, String name) {
            if (subsetSources.get(k).get(ToyStr.of(name)) == null) return;
            if (!subsetNames.get(k).add(name)) return;
            pending.add(new int[] {k, pendingNames.get(k).size()});
            pendingNames.get(k).add(name);
        }

        /** After the value: (subset+1, name, value)* then 0. */
        void trailer() {
            while (!pending.isEmpty()) {
                int[] p = pending.poll();
                String name = pendingNames.get(p[0]).get(p[1]);
                out.varint(p[0] + 1L);
                str(name);
                value(subsetSources.get(p[0]).get(ToyStr.of(name)), 0);
            }
            out.varint(0);
        }
    }

    // ---- decoding ----------------------------------------------------------------------------

    private static final class Decoder {
        final byte[] in;
        int pos;
        final int end;
        final Resolver resolver;
        final List<Object> memo = new ArrayList<>();
        final IdentityHashMap<Object, Boolean> incomplete = new IdentityHashMap<>();
        final List<ToyDict> subsets = new ArrayList<>();
        /** Hashing work done so far and allowed in all (see {@link #hashable}). */
        long hashWork;
        final long hashBudget;
        final IdentityHashMap<Object, Long> weights = new IdentityHashMap<>();

        Decoder(byte[] in, int pos, int end, Resolver resolver) {
            this.in = in;
            this.pos = pos;
            this.end = end;
            this.resolver = resolver;
            this.hashBudget = HASH_WORK_PER_BYTE * (long) (end - pos) + HASH_WORK_FIXED;
        }

        MalformedException bad(String why) { return new MalformedException(why + " at byte " + pos); }

        int u8() {
            if (pos >= end) throw bad("truncated message");
            return in[pos++] & 0xFF;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = u8();
                if (shift == 63 && (b & 0x7E) != 0) throw bad("varint overflow");
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) return v;
            }
            throw bad("varint too long");
        }

        /** A count of elements that each take at least {@code minBytes} bytes. */
        int count(int minBytes) {
            long n = varint();
            if (n < 0 || n > (long) (end - pos) / minBytes) throw bad("length " + n + " exceeds the message");
            return (int) n;
        }

        int smallInt() {
            long n = varint();
            if (n > Integer.MAX_VALUE) throw bad("number out of range");
            return (int) n;
        }

        String str() {
            int n = count(1);
            String s = new String(in, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        String[] strings() {
            String[] a = new String[count(1)];
            for (int i = 0; i < a.length; i++) a[i] = str();
            return a;
        }

        int[] ints() {
            int[] a = new int[count(1)];
            for (int i = 0; i < a.length; i++) {
                long v = varint();
                if (v > 0xFFFFFFFFL) throw bad("int out of range");
                a[i] = (int) v;
            }
            return a;
        }

        <T> T remember(T o) {
            memo.add(o);
            return o;
        }

        /** A memo slot for an object whose parts come before it is made (so they may refer to it); filled by memo.set. */
        int reserveSlot() {
            memo.add(null);
            return memo.size() - 1;
        }

        ToyObject value(int depth, boolean mayBeIncomplete) {
            if (depth > MAX_DEPTH) throw bad("nesting deeper than " + MAX_DEPTH);
            int tag = u8();
            switch (tag) {
                case 'N': return ToyNone.NONE;
                case 'T': return ToyBool.TRUE;
                case 'F': return ToyBool.FALSE;
                case 'i': {
                    long z = varint();
                    return ToyInt.of((z >>> 1) ^ -(z & 1));
                }
                case 'I': {
                    int n = count(1);
                    if (n == 0) throw bad("empty big int");
                    BigInteger b = new BigInteger(java.util.Arrays.copyOfRange(in, pos, pos + n));
                    pos += n;
                    return ToyInt.of(b);
                }
                case 'f': {
                    if (end - pos < 8) throw bad("truncated float");
                    long bits = 0;
                    for (int i = 0; i < 8; i++) bits = (bits << 8) | (in[pos++] & 0xFF);
                    return ToyFloat.of(Double.longBitsToDouble(bits));
                }
                case 's': return remember(ToyStr.of(str()));
                case 'b': {
                    int n = count(1);
                    byte[] b = java.util.Arrays.copyOfRange(in, pos, pos + n);
                    pos += n;
                    return remember(new ToyBytes(b));
                }
                case 'l': {
                    int n = count(1);
                    ToyList l = remember(new ToyList());
                    for (int i = 0; i < n; i++) l.append(value(depth + 1, true));
                    return l;
                }
                case 't': {
                    int n = count(1);
                    if (n == 0) return remember(ToyTuple.EMPTY);
                    ToyObject[] items = new ToyObject[n];
                    ToyTuple t = remember(ToyTuple.of(items));
                    incomplete.put(t, Boolean.TRUE);
                    for (int i = 0; i < n; i++) items[i] = value(depth + 1, false);
                    incomplete.remove(t);
                    return t;
                }
                case 'd': {
                    int n = count(2);
                    ToyDict d = remember(new ToyDict());
                    for (int i = 0; i < n; i++) {
                        ToyObject key = hashable(value(depth + 1, false));
                        d.setItem(key, value(depth + 1, true));
                    }
                    return d;
                }
                case 'S': case 'z': {
                    int n = count(1);
                    ToySet s = remember(new ToySet(tag == 'z'));
                    for (int i = 0; i < n; i++) s.add(hashable(value(depth + 1, false)));
                    return s;
                }
                case 'c': {
                    ToyCell c = remember(new ToyCell(null));
                    if (pos < end && in[pos] == '0') pos++;
                    else c.value = value(depth + 1, true);
                    return c;
                }
                case 'r': {
                    long k = varint();
                    if (k >= memo.size()) throw bad("reference to an object not yet defined");
                    Object o = memo.get((int) k);
                    if (!(o instanceof ToyObject t)) throw bad("reference to a non-value");
                    if (!mayBeIncomplete && incomplete.containsKey(o)) throw bad("a tuple that contains itself");
                    return t;
                }
                case 'E': return exception(depth);
                case 'e': return userException(depth);
                case 'O': return instance(depth);
                case 'K': return classByValue(depth);
                case 'W': return descriptor(depth);
                case 'C': return code(depth);
                case 'L': return function(depth);
                case 'G': {
                    String module = str();
                    String file = u8() == 1 ? str() : null;
                    String qual = str();
                    return remember(global(module, file, qual));
                }
                case 'M': {
                    String name = str();
                    String file = u8() == 1 ? str() : null;
                    ToyModule m = resolver == null ? null : resolver.module(name, file);
                    if (m == null) throw Errors.of(ExceptionTypes.MODULE_NOT_FOUND_ERROR, "No module named '" + name + "'");
                    return remember(m);
                }
                case 'A': {
                    int index = memo.size();
                    memo.add(null);
                    String kind = str();
                    ToyObject copy;
                    try {
                        copy = org.toy.threads.ForkCopies.blank(kind);
                    } catch (IllegalArgumentException | IllegalStateException e) {
                        throw bad("a fork copy of an unknown kind or outside an interpreter: " + kind);
                    }
                    memo.set(index, copy);
                    if (!org.toy.threads.ForkCopies.fill(kind, copy, value(depth + 1, false))) throw bad("a malformed " + kind + " copy");
                    return copy;
                }
                case 'H': {
                    int index = memo.size();
                    memo.add(null);
                    String kind = str();
                    ToyObject state = value(depth + 1, false);
                    ToyObject h = Handle.revive(kind, state);
                    memo.set(index, h);
                    return h;
                }
                default: throw bad("unknown tag " + tag);
            }
        }

        /**
         * A set item or dict key, hashed here: first its hashing work is charged against the
         * message's budget, since shared references let a few bytes describe a tuple whose
         * expansion (what hashing and comparing visit) is exponential in its depth.
         */
        ToyObject hashable(ToyObject v) {
            hashWork += weight(v);
            if (hashWork > hashBudget) throw bad("hashing the keys would take more work than the message justifies");
            v.hash();
            return v;
        }

        /** What hashing {@code v} visits: its expanded size, shared parts counted every time (saturating). */
        long weight(ToyObject v) {
            if (v instanceof ToyStr s) return 1 + s.value.length() / 16;
            if (v instanceof ToyBytes b) return 1 + b.value.length / 16;
            if (v instanceof ToyInt i) return i.isSmall() ? 1 : 1 + i.big.bitLength() / 128;
            if (!(v instanceof ToyTuple) && !(v instanceof ToySet)) return 1;
            Long known = weights.get(v);
            if (known != null) return known;
            weights.put(v, Long.MAX_VALUE / 2);   // a cycle (only through unhashable parts) costs the most
            long w = 1;
            for (ToyObject x : v instanceof ToyTuple t ? t.items : ((ToySet) v).toArray()) {
                if (x != null) w = Math.min(Long.MAX_VALUE / 2, w + weight(x));
            }
            weights.put(v, w);
            return w;
        }

        ToyObject global(String module, String file, String qual) {
            if (module.equals("builtins")) {
                ToyObject b = builtin(qual);
                if (b == null) throw bad("unknown built-in " + qual);
                return b;
            }
            ToyModule m = resolver == null ? null : resolver.module(module, file);
            if (m == null) throw Errors.of(ExceptionTypes.MODULE_NOT_FOUND_ERROR, "No module named '" + module + "'");
            ToyObject v = lookupQualified(m.globals(), qual);
            if (v == null) throw Errors.attributeError("Can't get attribute '" + qual + "' on " + m.repr());
            return v;
        }

        /** An instance of a user class: a bare instance (no __init__, as pickle), then its attributes. */
        ToyObject instance(int depth) {
            int index = reserveSlot();
            if (!(value(depth + 1, false) instanceof ToyType t) || !t.isHeap() || t.builtinAllocator() != null
                    || t.isSubtypeOf(ExceptionTypes.BASE_EXCEPTION)) {
                throw bad("an instance of something that is not a plain class");
            }
            ToyInstance o = new ToyInstance(t);
            memo.set(index, o);
            attributes(o.dict, value(depth + 1, true));
            return o;
        }

        /** Copies a decoded {@code __dict__} into {@code into}; its keys must be strs. */
        void attributes(ToyDict into, ToyObject state) {
            if (!(state instanceof ToyDict d)) throw bad("instance state is not a dict");
            for (Map.Entry<ToyObject, ToyObject> e : d.map.entrySet()) {
                if (!(e.getKey() instanceof ToyStr k)) throw bad("attribute name is not a str");
                into.put(ToyStr.intern(k.value), e.getValue());
            }
        }

        ToyObject userException(int depth) {
            int index = reserveSlot();
            if (!(value(depth + 1, false) instanceof ToyType t) || !t.isHeap() || !t.isSubtypeOf(ExceptionTypes.BASE_EXCEPTION)) {
                throw bad("a user exception whose class is not an exception class");
            }
            if (!(value(depth + 1, false) instanceof ToyTuple args)) throw bad("exception arguments are not a tuple");
            String tb = str();
            ToyException e = new ToyException(t, args);
            memo.set(index, e);
            ToyObject state = value(depth + 1, true);
            if (!(state instanceof ToyDict d)) throw bad("exception state is not a dict");
            for (Map.Entry<ToyObject, ToyObject> x : d.map.entrySet()) e.setAttr(x.getKey().str(), x.getValue());
            e.setAttr("__toy_traceback__", ToyStr.of(tb));
            return e;
        }

        /** A class sent by value: made first (so its methods' {@code __class__} cells can point back), then filled. */
        ToyObject classByValue(int depth) {
            int index = reserveSlot();
            String name = str();
            String qual = str();
            String module = str();
            ToyType cls = ClassFactory.revive(name, qual, module, value(depth + 1, false));
            memo.set(index, cls);
            int n = count(2);
            for (int i = 0; i < n; i++) {
                String key = str();
                ToyObject v = value(depth + 1, true);
                cls.dict().put(key, v);
                if (cls.definingGlobals() == null && v instanceof ToyFunction f) cls.setDefiningGlobals(f.globals);
            }
            ToyType.changed();
            return cls;
        }

        ToyObject descriptor(int depth) {
            int index = reserveSlot();
            ToyObject d = switch (u8()) {
                case 's' -> new ToyStaticMethod(value(depth + 1, false));
                case 'c' -> new ToyClassMethod(value(depth + 1, false));
                case 'p' -> new ToyProperty(value(depth + 1, false), value(depth + 1, false), value(depth + 1, false),
                        value(depth + 1, false));
                default -> throw bad("unknown descriptor");
            };
            memo.set(index, d);
            return d;
        }

        ToyObject builtin(String name) {
            if (name.startsWith("builtin:")) {
                ToyModule b = resolver == null ? null : resolver.module("builtins", null);
                ToyObject f = b == null ? null : b.globals().get(ToyStr.of(name.substring(8)));
                return f instanceof BuiltinFunction ? f : null;
            }
            if (name.equals("NotImplemented")) return org.toy.runtime.NotImplemented.NOT_IMPLEMENTED;
            for (ToyType t : new ToyType[] {ToyType.OBJECT, ToyInt.TYPE, ToyFloat.TYPE, ToyStr.TYPE, ToyBytes.TYPE, ToyList.TYPE,
                    ToyTuple.TYPE, ToyDict.TYPE, ToySet.SET_TYPE, ToySet.FROZENSET_TYPE, ToyBool.TYPE}) {
                if (t.name().equals(name)) return t;
            }
            for (ToyType t : ExceptionTypes.all()) if (t.name().equals(name)) return t;
            return null;
        }

        ToyObject exception(int depth) {
            int index = reserveSlot();
            String type = str();
            ToyObject args = value(depth + 1, false);
            String tb = str();
            ToyType t = null;
            for (ToyType x : ExceptionTypes.all()) if (x.name().equals(type)) t = x;
            if (type.equals(PICKLING_ERROR.name())) t = PICKLING_ERROR;
            if (t == null) t = MODULE_EXCEPTIONS.get(type);
            for (ToyType x : new ToyType[] {org.toy.threads.ToyQueue.EMPTY, org.toy.threads.ToyQueue.FULL}) if (x.name().equals(type)) t = x;
            if (t == null) t = ExceptionTypes.EXCEPTION;
            if (!(args instanceof ToyTuple a)) throw bad("exception arguments are not a tuple");
            ToyException e = new ToyException(t, a);
            e.setAttr("__toy_traceback__", ToyStr.of(tb));
            memo.set(index, e);
            return e;
        }

        Source source() {
            int tag = u8();
            if (tag == 'r') {
                long k = varint();
                if (k >= memo.size() || !(memo.get((int) k) instanceof Source s)) throw bad("bad source reference");
                return s;
            }
            if (tag != 'X') throw bad("expected a source");
            String name = str();
            return remember(new Source(name, str()));
        }

        Code code(int depth) {
            int index = reserveSlot();
            String name = str();
            String qual = str();
            Source source = source();
            int firstLine = smallInt();
            int[] instructions = ints();
            int[] lines = ints();
            if (lines.length != instructions.length) throw bad("line table does not match the instructions");
            ToyObject[] consts = new ToyObject[count(1)];
            for (int i = 0; i < consts.length; i++) consts[i] = value(depth + 1, false);
            String[] names = strings();
            String[] varNames = strings();
            String[] cellVars = strings();
            String[] freeVars = strings();
            int argCount = smallInt();
            int kwOnly = smallInt();
            int flags = smallInt();
            int maxStack = smallInt();
            int params = argCount + kwOnly + ((flags & Code.VARARGS) != 0 ? 1 : 0) + ((flags & Code.VARKEYWORDS) != 0 ? 1 : 0);
            if (params < 0 || params > varNames.length) throw bad("more parameters than local variables");
            if (maxStack > 1 << 20) throw bad("stack too deep");
            int n = count(4);
            int[] table = new int[4 * n];
            for (int i = 0; i < table.length; i++) table[i] = smallInt();
            for (int i = 0; i < n; i++) {
                if (table[4 * i] > table[4 * i + 1] || table[4 * i + 1] > instructions.length
                        || table[4 * i + 2] >= instructions.length || table[4 * i + 3] > maxStack) {
                    throw bad("exception table entry out of range");
                }
            }
            int slots = varNames.length + cellVars.length + freeVars.length;
            for (int ins : instructions) {
                int op = ins & 0xFF;
                int arg = ins >>> 8;
                if (!OpInfo.exists(op)) throw bad("unknown opcode " + op);
                boolean ok = switch (OpInfo.argKind(op)) {
                    case CONST -> arg < consts.length;
                    case LOCAL -> arg < slots;
                    case DEREF -> arg < cellVars.length + freeVars.length;
                    case JUMP -> arg <= instructions.length;
                    default -> true;
                };
                if (!ok) throw bad("operand out of range for " + OpInfo.name(op));
            }
            Code c = new Code(name, qual, source, firstLine, instructions, lines, consts, names, varNames, cellVars,
                    freeVars, argCount, kwOnly, flags, maxStack, n == 0 ? ExceptionTable.EMPTY : new ExceptionTable(table));
            memo.set(index, c);
            return c;
        }

        ToyFunction function(int depth) {
            int index = reserveSlot();
            if (!(value(depth + 1, false) instanceof Code code)) throw bad("a function without code");
            ToyDict globals;
            int tag = u8();
            if (tag == 'g') {
                int k = smallInt();
                if (k > subsets.size() || k > end - pos) throw bad("bad globals subset");
                if (k == subsets.size()) subsets.add(new ToyDict());
                globals = subsets.get(k);
            } else {
                pos--;
                if (!(value(depth + 1, true) instanceof ToyDict d)) throw bad("function globals are not a dict");
                globals = d;
            }
            String name = str();
            String qual = str();
            ToyObject[] defaults = new ToyObject[count(1)];
            for (int i = 0; i < defaults.length; i++) defaults[i] = value(depth + 1, true);
            ToyObject kw = value(depth + 1, true);
            if (kw != ToyNone.NONE && !(kw instanceof ToyDict)) throw bad("keyword defaults are not a dict");
            ToyCell[] closure = new ToyCell[count(1)];
            for (int i = 0; i < closure.length; i++) {
                if (!(value(depth + 1, true) instanceof ToyCell c)) throw bad("closure item is not a cell");
                closure[i] = c;
            }
            if (closure.length != code.freeVars.length) throw bad("closure does not match the free variables");
            ToyFunction f = new ToyFunction(code, globals, defaults, kw == ToyNone.NONE ? null : (ToyDict) kw, closure);
            if (!name.equals(code.name)) f.setAttr("__name__", ToyStr.of(name));
            if (!qual.equals(code.qualName)) f.setAttr("__qualname__", ToyStr.of(qual));
            memo.set(index, f);
            return f;
        }

        void trailer() {
            while (true) {
                long k = varint();
                if (k == 0) break;
                if (k > subsets.size()) throw bad("bad globals subset");
                String name = str();
                ToyObject v = value(0, true);
                ToyDict d = subsets.get((int) (k - 1));
                if (name.equals("__builtins__")) continue;   // the receiver's own builtins
                d.put(ToyStr.of(name), v);
            }
            if (resolver != null) {
                for (ToyDict d : subsets) {
                    ToyModule b = resolver.module("builtins", null);
                    if (b != null) d.put(ToyStr.of("__builtins__"), b);
                }
            }
        }
    }
}
