package org.toy.manager;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.toy.gil.Gil;
import org.toy.ipc.Handle;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.Errors;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToySlice;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/**
 * A proxy for an object held by a manager ({@code managers.BaseProxy}): the manager's address,
 * the referent's typeid and id. Exposed methods, item access, {@code len}, {@code in},
 * iteration and {@code str} become calls on the referent (see {@link ManagerServer}); {@code repr}
 * is the proxy's own, as CPython's. A proxy crosses into other processes (as an argument, inside
 * a message, with the fork state) and keeps working there: it is only an address and an id.
 */
final class Proxy extends ToyObject implements Handle {
    /** A proxy class: its name and the methods it forwards (CPython's {@code _exposed_}). */
    record Kind(ToyType type, Set<String> exposed) {
        Kind(String name, String... exposed) { this(new ToyType(name, ToyType.OBJECT), Set.of(exposed)); }
    }

    private static final Kind DICT = new Kind("DictProxy", "__contains__", "__delitem__", "__getitem__", "__iter__", "__len__",
            "__setitem__", "clear", "copy", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values");
    private static final Kind LIST = new Kind("ListProxy", "__add__", "__contains__", "__delitem__", "__getitem__", "__len__",
            "__mul__", "__reversed__", "__rmul__", "__setitem__", "append", "count", "extend", "index", "insert", "pop",
            "remove", "reverse", "sort", "__imul__");
    private static final Kind NAMESPACE = new Kind("NamespaceProxy", "__getattribute__", "__setattr__", "__delattr__");
    private static final Kind VALUE = new Kind("ValueProxy", "get", "set");
    private static final Kind ACQUIRER = new Kind("AcquirerProxy", "acquire", "release");
    private static final Kind EVENT = new Kind("EventProxy", "is_set", "set", "clear", "wait");
    private static final Kind CONDITION = new Kind("ConditionProxy", "acquire", "release", "wait", "notify", "notify_all");
    private static final Kind QUEUE = new Kind("AutoProxy[Queue]", "empty", "full", "get", "get_nowait", "join", "put",
            "put_nowait", "qsize", "task_done");

    /** The proxy class of each typeid a {@code SyncManager} serves. */
    static final Map<String, Kind> KINDS = Map.ofEntries(Map.entry("dict", DICT), Map.entry("list", LIST),
            Map.entry("Namespace", NAMESPACE), Map.entry("Value", VALUE), Map.entry("Lock", ACQUIRER),
            Map.entry("RLock", ACQUIRER), Map.entry("Semaphore", ACQUIRER), Map.entry("BoundedSemaphore", ACQUIRER),
            Map.entry("Event", EVENT), Map.entry("Condition", CONDITION), Map.entry("Queue", QUEUE),
            Map.entry("JoinableQueue", QUEUE));

    private final String address;
    private final String typeid;
    private final long id;
    private final Kind kind;

    Proxy(String address, String typeid, long id) {
        this.address = address;
        this.typeid = typeid;
        this.id = id;
        this.kind = KINDS.get(typeid);
    }

    static {
        Handle.register("Proxy", Proxy::revive);
    }

    @Override public String handleKind() { return "Proxy"; }

    @Override
    public ToyObject handleState() { return ToyTuple.of(ToyStr.of(address), ToyStr.of(typeid), ToyInt.of(id)); }

    private static ToyObject revive(ToyObject state) {
        if (!(state instanceof ToyTuple t) || t.len() != 3 || !KINDS.containsKey(t.get(1).str())) throw Errors.valueError("bad proxy state");
        return new Proxy(t.get(0).str(), t.get(1).str(), ((ToyInt) t.get(2)).value);
    }

    @Override public ToyType type() { return kind.type(); }

    /** {@code _callmethod(name, args, kwds)}. */
    ToyObject callMethod(ThreadState ts, String method, ToyObject[] args, String[] kwNames) {
        int n = args.length - kwNames.length;
        ToyDict kw = new ToyDict();
        for (int i = 0; i < kwNames.length; i++) kw.put(ToyStr.of(kwNames[i]), args[n + i]);
        ToyTuple positional = ToyTuple.of(java.util.Arrays.copyOf(args, n));
        return ManagerConnection.request(ts, address, ToyTuple.of(ToyStr.of("call"), ToyInt.of(id), ToyStr.of(method), positional, kw));
    }

    private ToyObject call(String method, ToyObject... args) {
        ThreadState ts = Gil.currentThreadState();
        return callMethod(ts, method, args, NO_KEYWORDS);
    }

    @Override
    public String repr() { return "<" + kind.type().name() + " object, typeid " + ToyStr.of(typeid).repr() + " at 0x" + Long.toHexString(Ops.id(this)) + ">"; }

    @Override
    public String str() {
        try {
            return call("__str__").str();
        } catch (org.toy.runtime.ToyError e) {
            return repr() + "; '__str__()' failed>";
        }
    }

    private boolean exposes(String name) { return kind.exposed().contains(name); }

    @Override
    public ToyObject getAttr(String name) {
        if (kind == NAMESPACE && !name.startsWith("_")) return call("__getattribute__", ToyStr.of(name));
        if (kind == VALUE && name.equals("value")) return call("get");
        if (name.equals("_typeid")) return ToyStr.of(typeid);
        if (exposes(name) && !name.startsWith("__")) {
            return BuiltinFunction.function(name, (ts, a, kw) -> callMethod(ts, name, a, kw));
        }
        return super.getAttr(name);
    }

    @Override
    public void setAttr(String name, ToyObject value) {
        if (kind == NAMESPACE && !name.startsWith("_")) {
            call(value == null ? "__delattr__" : "__setattr__", value == null ? new ToyObject[] {ToyStr.of(name)} : new ToyObject[] {ToyStr.of(name), value});
            return;
        }
        if (kind == VALUE && name.equals("value") && value != null) {
            call("set", value);
            return;
        }
        super.setAttr(name, value);
    }

    @Override
    public ToyObject getItem(ToyObject key) {
        if (!exposes("__getitem__")) return super.getItem(key);
        // a slice does not cross the codec: its three parts do
        if (key instanceof ToySlice sl) return call("__getslice__", sl.start, sl.stop, sl.step);
        return call("__getitem__", key);
    }

    @Override
    public void setItem(ToyObject key, ToyObject value) {
        if (!exposes("__setitem__")) {
            super.setItem(key, value);
            return;
        }
        call("__setitem__", key, value);
    }

    @Override
    public void delItem(ToyObject key) {
        if (!exposes("__delitem__")) {
            super.delItem(key);
            return;
        }
        call("__delitem__", key);
    }

    @Override
    public int len() {
        if (!exposes("__len__")) return super.len();
        return (int) ((ToyInt) call("__len__")).value;
    }

    @Override
    public boolean isTrue() { return !exposes("__len__") || len() > 0; }

    @Override
    public boolean contains(ToyObject item) {
        if (!exposes("__contains__")) return super.contains(item);
        return call("__contains__", item).isTrue();
    }

    /** Iteration works on a snapshot of the referent (one round trip, not one per item). */
    @Override
    public ToyObject iter() {
        if (kind != DICT && kind != LIST) return super.iter();
        return call("__iter__").iter();
    }

    @Override
    public ToyObject binaryInPlace(org.toy.ast.BinaryOp op, ToyObject other) {
        if (kind == LIST && op == org.toy.ast.BinaryOp.ADD) {
            call("__iadd__", other);
            return this;
        }
        return super.binaryInPlace(op, other);
    }

    private static double seconds(ToyObject t) {
        if (t instanceof org.toy.runtime.ToyFloat f) return f.value;
        if (t instanceof ToyInt i) return org.toy.runtime.IntMath.toDouble(i);
        throw Errors.typeError("'" + t.type().name() + "' object cannot be interpreted as a float");
    }

    /** {@code ConditionProxy.wait_for}: the predicate runs here, each wait is a call on the referent. */
    private ToyObject waitFor(ThreadState ts, ToyObject predicate, ToyObject timeout) {
        ToyObject result = ts.call(predicate);
        if (result.isTrue()) return result;
        boolean timed = timeout != null && timeout != ToyNone.NONE;
        double end = timed ? System.nanoTime() / 1e9 + seconds(timeout) : 0;
        while (!result.isTrue()) {
            ToyObject wait = ToyNone.NONE;
            if (timed) {
                double left = end - System.nanoTime() / 1e9;
                if (left <= 0) break;
                wait = org.toy.runtime.ToyFloat.of(left);
            }
            callMethod(ts, "wait", new ToyObject[] {wait}, NO_KEYWORDS);
            result = ts.call(predicate);
        }
        return result;
    }

    static {
        CONDITION.type().method("wait_for", (ts, a, kw) -> {
            ToyObject[] p = org.toy.runtime.Args.bind("wait_for", a, kw, 1, 1, "predicate", "timeout");
            return ((Proxy) a[0]).waitFor(ts, p[0], p[1]);
        });
        // context managers: AcquirerProxy and ConditionProxy acquire on enter and release on exit
        for (Kind k : List.of(ACQUIRER, CONDITION)) {
            k.type().method("__enter__", (ts, a, kw) -> ((Proxy) a[0]).callMethod(ts, "acquire", NO_ARGS, NO_KEYWORDS));
            k.type().method("__exit__", (ts, a, kw) -> {
                ((Proxy) a[0]).callMethod(ts, "release", NO_ARGS, NO_KEYWORDS);
                return ToyNone.NONE;
            });
        }
    }
}
