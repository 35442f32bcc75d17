package org.toy.runtime;

import java.util.ArrayList;
import java.util.List;
import org.toy.source.Source;

/**
 * An exception value ({@code BaseException} and its subclasses). The traceback is a list of
 * {@link Entry}s appended by the VM as the exception unwinds frames, innermost last, as
 * Python prints it. {@code cause} is set by {@code raise ... from ...}; {@code context} is the
 * exception that was being handled when this one was raised.
 */
public final class ToyException extends ToyObject {
    /** One line of a traceback: {@code File "x.toy", line 3, in f}. */
    public record Entry(Source source, int line, String function) {}

    private final ToyType type;
    private ToyTuple args;
    private final List<Entry> traceback = new ArrayList<>();
    private ToyException cause;
    private ToyException context;
    private boolean suppressContext;
    /** {@code e.__dict__}, made on first use: attributes a user exception's {@code __init__} sets. */
    private ToyDict dict;

    public ToyException(ToyType type, ToyTuple args) {
        this.type = type;
        this.args = args;
    }

    public static ToyException of(ToyType type, String message) {
        return new ToyException(type, ToyTuple.of(ToyStr.of(message)));
    }

    @Override public ToyType type() { return type; }

    public ToyTuple args() { return args; }

    public void setArgs(ToyTuple args) { this.args = args; }

    public boolean isInstance(ToyType t) { return type.isSubtypeOf(t); }

    public List<Entry> traceback() { return traceback; }

    public void addTraceback(Entry e) { traceback.add(0, e); }

    public ToyException cause() { return cause; }

    public void setCause(ToyException cause) {
        this.cause = cause;
        this.suppressContext = true;
    }

    public ToyException context() { return context; }

    public void setContext(ToyException context) { this.context = context; }

    public boolean suppressContext() { return suppressContext; }

    /** str(e): a user class's {@code __str__}, else the built-in message. */
    @Override
    public String str() {
        ToyObject m = type.isHeap() ? type.lookupOverride("__str__") : null;
        if (m == null) return builtinStr();
        return SpecialMethods.string(SpecialMethods.call(this, m), "__str__");
    }

    @Override
    public String repr() {
        ToyObject m = type.isHeap() ? type.lookupOverride("__repr__") : null;
        if (m == null) return builtinRepr();
        return SpecialMethods.string(SpecialMethods.call(this, m), "__repr__");
    }

    /** BaseException's str: the message; KeyError shows its key's repr, as CPython does. */
    public String builtinStr() {
        int n = args.len();
        if (n == 0) return "";
        if (n == 1) {
            ToyObject only = args.get(0);
            return type.isSubtypeOf(ExceptionTypes.KEY_ERROR) ? only.repr() : only.str();
        }
        return args.repr();
    }

    /** BaseException's repr: {@code ValueError('msg')}. */
    public String builtinRepr() {
        int n = args.len();
        return type.shortName() + (n == 1 ? "(" + args.get(0).repr() + ")" : args.repr());
    }

    @Override
    public ToyObject getAttr(String name) {
        switch (name) {
            case "args": return args;
            case "__cause__": return cause == null ? ToyNone.NONE : cause;
            case "__context__": return context == null ? ToyNone.NONE : context;
            case "__class__": return type;
            case "__suppress_context__": return ToyBool.of(suppressContext);
            default:
        }
        if (name.equals("code") && type.isSubtypeOf(ExceptionTypes.SYSTEM_EXIT)
                && (dict == null || dict.get(ToyStr.of(name)) == null)) {
            return args.len() == 0 ? ToyNone.NONE : args.len() == 1 ? args.get(0) : args;
        }
        if (name.equals("__dict__")) return dict();
        return Attributes.get(this, dict, name, null);
    }

    private ToyDict dict() {
        if (dict == null) dict = new ToyDict();
        return dict;
    }

    @Override
    public void setAttr(String name, ToyObject value) {
        switch (name) {
            case "__cause__" -> cause = value instanceof ToyException e ? e : null;
            case "__context__" -> context = value instanceof ToyException e ? e : null;
            case "args" -> args = value instanceof ToyTuple t ? t : ToyTuple.of(Sequences.toArray(value));
            default -> {
                ToyObject hook = type.isHeap() ? type.lookupOverride("__setattr__") : null;
                if (hook != null && value != null) {
                    SpecialMethods.call(this, hook, ToyStr.of(name), value);
                } else {
                    Attributes.set(this, dict(), name, null, value);
                }
            }
        }
    }
}
