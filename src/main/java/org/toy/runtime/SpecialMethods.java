package org.toy.runtime;

import org.toy.vm.ThreadState;

/**
 * Finding and calling the special methods a user class defines ({@code __repr__}, {@code __add__},
 * {@code __len__} ...). Like CPython's slot wrappers, each is looked up on the type, never on the
 * instance, and a Toy function found there is called with the instance as its first argument.
 *
 * <p>The {@link ToyObject} virtuals that reach here take no thread state, so the call runs on
 * {@link ThreadState#current()}: the state the dispatch loop bound to this Java thread.
 */
public final class SpecialMethods {
    private SpecialMethods() {}

    /** The user-defined special method {@code name} for {@code self}, or null. */
    public static ToyObject find(ToyObject self, String name) {
        return self.type().lookupOverride(name);
    }

    /** Calls {@code method} (found on self's type) as {@code self.method(args...)}. */
    public static ToyObject call(ToyObject self, ToyObject method, ToyObject... args) {
        ThreadState ts = ThreadState.current();
        if (method instanceof ToyFunction) {
            ToyObject[] withSelf = new ToyObject[args.length + 1];
            withSelf[0] = self;
            System.arraycopy(args, 0, withSelf, 1, args.length);
            return ts.call(method, withSelf);
        }
        if (method == ToyNone.NONE) throw Errors.typeError("'NoneType' object is not callable");
        return ts.call(Attributes.bind(method, self, self.type()), args);
    }

    /** Calls {@code self.name(args...)} if the user class defines it; null otherwise. */
    public static ToyObject callIfDefined(ToyObject self, String name, ToyObject... args) {
        ToyObject m = find(self, name);
        return m == null ? null : call(self, m, args);
    }

    /** {@code __repr__}/{@code __str__}/{@code __format__} results must be str. */
    public static String string(ToyObject result, String method) {
        if (result instanceof ToyStr s) return s.value;
        throw Errors.typeError(method + " returned non-string (type " + result.type().name() + ")");
    }

    /** {@code <__main__.A object at 0x...>}: object's repr for an instance of a user class. */
    static String defaultRepr(ToyObject self) {
        return "<" + self.type().fullName() + " object at 0x" + Long.toHexString(Ops.id(self)) + ">";
    }
}
