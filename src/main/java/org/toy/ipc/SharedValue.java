package org.toy.ipc;

import java.util.List;
import org.toy.runtime.Args;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyFloat;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToySlice;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/**
 * {@code multiprocessing.Value(typecode, value)} and {@code Array(typecode, size_or_list)}: ctypes
 * numbers in {@link SharedMemory}, visible to every process that holds a copy, with
 * {@code get_lock()} returning a lock that works across processes. Integer typecodes wrap at
 * their C width on store, as ctypes does.
 */
public final class SharedValue extends ToyObject implements Handle {
    public static final ToyType VALUE = new ToyType("Synchronized", ToyType.OBJECT);
    public static final ToyType ARRAY = new ToyType("SynchronizedArray", ToyType.OBJECT);
    public static final ToyType LOCK = new ToyType("RLock", ToyType.OBJECT);

    private static final String CODES = "bBhHiIlLqQfd";

    private final boolean array;
    private final char code;
    private final SharedMemory mem;
    private final ToyObject lock;

    private SharedValue(boolean array, char code, SharedMemory mem) {
        this.array = array;
        this.code = code;
        this.mem = mem;
        this.lock = new Lock(mem);
    }

    static {
        Handle.register("SharedValue", SharedValue::revive);
    }

    @Override public String handleKind() { return "SharedValue"; }

    @Override
    public ToyObject handleState() {
        return ToyTuple.of(ToyStr.of(mem.path), ToyBool.of(array), ToyStr.of(String.valueOf(code)), ToyInt.of(mem.slots));
    }

    private static ToyObject revive(ToyObject state) {
        ToyTuple t = (ToyTuple) state;
        String code = t.get(2).str();
        if (code.length() != 1 || CODES.indexOf(code.charAt(0)) < 0) throw Errors.valueError("bad typecode");
        long n = ((ToyInt) t.get(3)).value;
        if (n < 0 || n > Integer.MAX_VALUE / 8 - 1) throw Errors.valueError("bad size");
        return new SharedValue(t.get(1).isTrue(), code.charAt(0), SharedMemory.attach(t.get(0).str(), (int) n));
    }

    private static char typecode(ToyObject o) {
        String s = o instanceof ToyStr str ? str.value : "";
        if (s.length() != 1 || CODES.indexOf(s.charAt(0)) < 0) {
            throw Errors.typeError("this type has no size");
        }
        return s.charAt(0);
    }

    private boolean isFloat() { return code == 'f' || code == 'd'; }

    private long store(ToyObject v) {
        if (isFloat()) {
            double d;
            if (v instanceof ToyFloat f) d = f.value;
            else if (v instanceof ToyInt i) d = i.toBig().doubleValue();
            else throw Errors.typeError("must be real number, not " + v.type().name());
            if (code == 'f') d = (float) d;
            return Double.doubleToRawLongBits(d);
        }
        if (!(v instanceof ToyInt i)) throw Errors.typeError("an integer is required (got type " + v.type().name() + ")");
        long x = i.toBig().longValue();
        return switch (code) {
            case 'b' -> (byte) x;
            case 'B' -> x & 0xFF;
            case 'h' -> (short) x;
            case 'H' -> x & 0xFFFF;
            case 'i' -> (int) x;
            case 'I' -> x & 0xFFFFFFFFL;
            default -> x;
        };
    }

    private ToyObject load(long bits) {
        if (isFloat()) return ToyFloat.of(Double.longBitsToDouble(bits));
        if (code == 'L' || code == 'Q') return ToyInt.of(new java.math.BigInteger(Long.toUnsignedString(bits)));
        return ToyInt.of(bits);
    }

    private static String ctype(char c) {
        return switch (c) {
            case 'b' -> "c_byte"; case 'B' -> "c_ubyte"; case 'h' -> "c_short"; case 'H' -> "c_ushort";
            case 'i' -> "c_int"; case 'I' -> "c_uint"; case 'l' -> "c_long"; case 'L' -> "c_ulong";
            case 'q' -> "c_long"; case 'Q' -> "c_ulong"; case 'f' -> "c_float"; default -> "c_double";
        };
    }

    @Override public ToyType type() { return array ? ARRAY : VALUE; }

    @Override
    public String repr() {
        if (!array) return "<Synchronized wrapper for " + ctype(code) + "(" + load(mem.get(0)).repr() + ")>";
        return "<SynchronizedArray wrapper for <multiprocessing.sharedctypes." + ctype(code) + "_Array_" + mem.slots
                + " object at 0x" + Long.toHexString(Ops.id(this)) + ">>";
    }

    @Override
    public ToyObject getAttr(String name) {
        if (!array && name.equals("value")) return load(mem.get(0));
        return super.getAttr(name);
    }

    @Override
    public void setAttr(String name, ToyObject value) {
        if (!array && name.equals("value") && value != null) {
            mem.set(0, store(value));
            return;
        }
        super.setAttr(name, value);
    }

    @Override
    public int len() {
        if (!array) return super.len();
        return mem.slots;
    }

    private int index(ToyObject key) {
        long i = key.index().toBig().longValue();
        if (i < 0) i += mem.slots;
        if (i < 0 || i >= mem.slots) throw Errors.indexError("invalid index");
        return (int) i;
    }

    private List<ToyObject> all() {
        ToyObject[] items = new ToyObject[mem.slots];
        for (int i = 0; i < items.length; i++) items[i] = load(mem.get(i));
        return List.of(items);
    }

    @Override
    public ToyObject getItem(ToyObject key) {
        if (!array) return super.getItem(key);
        if (key instanceof ToySlice) return new ToyList(all().toArray(new ToyObject[0])).getItem(key);
        return load(mem.get(index(key)));
    }

    @Override
    public void setItem(ToyObject key, ToyObject value) {
        if (!array) {
            super.setItem(key, value);
            return;
        }
        if (key instanceof ToySlice s && s.start == ToyNone.NONE && s.stop == ToyNone.NONE && s.step == ToyNone.NONE) {
            ToyObject[] items = org.toy.process.ToyProcessAccess.sequence(value);
            if (items.length != mem.slots) throw Errors.valueError("Can only assign sequence of same size");
            for (int i = 0; i < items.length; i++) mem.set(i, store(items[i]));
            return;
        }
        mem.set(index(key), store(value));
    }

    @Override
    public ToyObject iter() {
        if (!array) return super.iter();
        return new ToyList(all().toArray(new ToyObject[0])).iter();
    }

    /** The cross-process lock of a Value or Array ({@code get_lock()}); recursive, as CPython's default RLock. */
    static final class Lock extends ToyObject {
        private final SharedMemory mem;

        Lock(SharedMemory mem) { this.mem = mem; }

        @Override public ToyType type() { return LOCK; }

        @Override
        public String repr() { return "<RLock(SharedMemory, " + ((long) 0) + ")>"; }

        boolean acquire(ThreadState ts, boolean blocking, double timeout) {
            if (mem.lock(false, 0)) return true;
            if (!blocking) return false;
            try (var released = ts.interp().gil().release(ts, "shared lock acquire")) {
                return mem.lock(true, timeout < 0 ? -1 : (long) (timeout * 1e9));
            }
        }

        void release() {
            if (!mem.unlock()) throw Errors.of(ExceptionTypes.ASSERTION_ERROR, "attempt to release recursive lock not owned by thread");
        }
    }

    private static Lock lockOf(ToyObject o) {
        if (!(o instanceof Lock l)) throw Errors.typeError("descriptor requires an 'RLock' object");
        return l;
    }

    static {
        for (String n : new String[] {"acquire", "__enter__"}) {
            LOCK.method(n, (ts, a, kw) -> {
                ToyObject[] p = Args.bind(n, a, kw, 1, 0, "block", "timeout");
                boolean block = p[0] == null || p[0].isTrue();
                double t = p[1] == null || p[1] == ToyNone.NONE ? -1 : Connection.seconds(p[1]);
                return ToyBool.of(lockOf(a[0]).acquire(ts, block, t));
            });
        }
        LOCK.method("release", (ts, a, kw) -> {
            Args.none("release", a, kw, 1);
            lockOf(a[0]).release();
            return ToyNone.NONE;
        });
        LOCK.method("__exit__", (ts, a, kw) -> {
            lockOf(a[0]).release();
            return ToyNone.NONE;
        });
        for (ToyType t : new ToyType[] {VALUE, ARRAY}) {
            t.method("get_lock", (ts, a, kw) -> {
                Args.none("get_lock", a, kw, 1);
                return ((SharedValue) a[0]).lock;
            });
            t.method("get_obj", (ts, a, kw) -> {
                Args.none("get_obj", a, kw, 1);
                return a[0];
            });
        }
    }

    /** {@code Value(typecode, *args, lock=True)}. */
    public static BuiltinFunction valueFunction() {
        return BuiltinFunction.function("Value", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("Value", a, kw, 0, 1, "typecode_or_type", "value", "lock");
            char c = typecode(p[0]);
            SharedValue v = new SharedValue(false, c, SharedMemory.create(1));
            if (p[1] != null) v.mem.set(0, v.store(p[1]));
            return v;
        });
    }

    /** {@code Array(typecode, size_or_initializer, lock=True)}. */
    public static BuiltinFunction arrayFunction() {
        return BuiltinFunction.function("Array", (ts, a, kw) -> {
            ToyObject[] p = Args.bind("Array", a, kw, 0, 2, "typecode_or_type", "size_or_initializer", "lock");
            char c = typecode(p[0]);
            ToyObject[] init = null;
            long n;
            if (p[1] instanceof ToyInt i) {
                n = i.toBig().longValue();
                if (n < 0) throw Errors.valueError("Array length must be >= 0");
            } else {
                init = org.toy.process.ToyProcessAccess.sequence(p[1]);
                n = init.length;
            }
            if (n > (1 << 27)) throw Errors.of(ExceptionTypes.MEMORY_ERROR, "");
            SharedValue v = new SharedValue(true, c, SharedMemory.create((int) n));
            if (init != null) for (int k = 0; k < init.length; k++) v.mem.set(k, v.store(init[k]));
            return v;
        });
    }
}
