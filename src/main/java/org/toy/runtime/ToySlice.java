package org.toy.runtime;

import org.toy.ast.CompareOp;

/** A slice object, {@code slice(1, 2, None)}: the VM builds one for {@code a[i:j:k]}. */
public final class ToySlice extends ToyObject {
    public static final ToyType TYPE = new ToyType("slice", ToyType.OBJECT);

    static {
        TYPE.setConstructor((ts, type, args, kw) -> {
            Args.noKeywords("slice", kw);
            int n = Args.range("slice", args, kw, 0, 1, 3);
            if (n == 1) return new ToySlice(ToyNone.NONE, args[0], ToyNone.NONE);
            return new ToySlice(args[0], args[1], n == 3 ? args[2] : ToyNone.NONE);
        });
        TYPE.method("indices", (ts, args, kw) -> {
            Args.one("indices", args, kw, 1);
            long len = Args.toLong(args[1]);
            if (len < 0) throw Errors.valueError("length should not be negative");
            Slices.Bounds b = Slices.adjust((ToySlice) args[0], (int) Math.min(len, Integer.MAX_VALUE));
            return ToyTuple.of(ToyInt.of(b.start()), ToyInt.of(b.stop()), ToyInt.of(b.step()));
        });
    }

    public final ToyObject start;
    public final ToyObject stop;
    public final ToyObject step;

    public ToySlice(ToyObject start, ToyObject stop, ToyObject step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() {
        return "slice(" + Ops.repr(start) + ", " + Ops.repr(stop) + ", " + Ops.repr(step) + ")";
    }

    /** Slices are unhashable in 3.11 (they became hashable in 3.12). */
    @Override public long hash() { throw Errors.unhashable(this); }

    private ToyTuple asTuple() { return ToyTuple.of(start, stop, step); }

    @Override
    public boolean eq(ToyObject other) { return other instanceof ToySlice s && asTuple().eq(s.asTuple()); }

    @Override
    public ToyObject compare(CompareOp op, ToyObject other) {
        if (!(other instanceof ToySlice s)) return NotImplemented.NOT_IMPLEMENTED;
        return asTuple().compare(op, s.asTuple());
    }

    @Override
    public ToyObject getAttr(String name) {
        switch (name) {
            case "start": return start;
            case "stop": return stop;
            case "step": return step;
            default: return super.getAttr(name);
        }
    }
}
