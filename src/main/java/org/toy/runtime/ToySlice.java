package org.toy.runtime;

/** A slice object (placeholder shape; the values work completes it). */
public final class ToySlice extends ToyObject {
    public static final ToyType TYPE = new ToyType("slice", ToyType.OBJECT);

    public final ToyObject start;
    public final ToyObject stop;
    public final ToyObject step;

    public ToySlice(ToyObject start, ToyObject stop, ToyObject step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    @Override public ToyType type() { return TYPE; }
}
