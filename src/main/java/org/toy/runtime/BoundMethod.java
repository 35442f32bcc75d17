package org.toy.runtime;

import org.toy.vm.ThreadState;

/** {@code obj.method}: a callable that remembers its receiver and passes it as the first argument. */
public final class BoundMethod extends ToyObject {
    public static final ToyType TYPE = new ToyType("method", ToyType.OBJECT);

    public final ToyObject self;
    public final ToyObject function;

    public BoundMethod(ToyObject self, ToyObject function) {
        this.self = self;
        this.function = function;
    }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() {
        if (function instanceof BuiltinFunction f) {
            return "<built-in method " + f.name() + " of " + self.type().name() + " object at 0x"
                    + Long.toHexString(Ops.id(self)) + ">";
        }
        return "<bound method " + function.getAttr("__qualname__").str() + " of " + self.repr() + ">";
    }

    @Override
    public ToyObject call(ThreadState ts, ToyObject[] args, String[] kwNames) {
        ToyObject[] withSelf = new ToyObject[args.length + 1];
        withSelf[0] = self;
        System.arraycopy(args, 0, withSelf, 1, args.length);
        return function.call(ts, withSelf, kwNames);
    }

    @Override
    public ToyObject getAttr(String name) {
        switch (name) {
            case "__self__": return self;
            case "__func__": return function;
            case "__name__", "__qualname__", "__doc__", "__module__": return function.getAttr(name);
            default: return super.getAttr(name);
        }
    }

    @Override
    public boolean eq(ToyObject other) {
        return other instanceof BoundMethod m && m.self == self && m.function == function;
    }

    @Override
    public long hash() { return Ops.id(self) * 31 + Ops.id(function); }
}
