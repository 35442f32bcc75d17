package org.toy.runtime;

/**
 * Turns a slice into concrete bounds for a sequence of a given length, as CPython's
 * {@code PySlice_Unpack} followed by {@code PySlice_AdjustIndices}. Every sequence type slices
 * through here, so {@code s[::-1]} behaves the same on str, list, tuple, bytes and range.
 */
public final class Slices {
    private Slices() {}

    /** The adjusted slice: the first index, the bound, the step and the number of items selected. */
    public record Bounds(int start, int stop, int step, int length) {}

    public static Bounds adjust(ToySlice slice, int length) {
        long step = slice.step == ToyNone.NONE ? 1 : sliceIndex(slice.step);
        if (step == 0) throw Errors.valueError("slice step cannot be zero");
        long start = slice.start == ToyNone.NONE ? (step < 0 ? Long.MAX_VALUE : 0) : sliceIndex(slice.start);
        long stop = slice.stop == ToyNone.NONE ? (step < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sliceIndex(slice.stop);
        start = clamp(start, length, step);
        stop = clamp(stop, length, step);
        long count;
        if (step < 0) {
            count = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
        } else {
            count = start < stop ? (stop - start - 1) / step + 1 : 0;
        }
        // A step beyond int range selects at most one item; clamping keeps the arithmetic in int.
        int istep = (int) Math.max(Math.min(step, Integer.MAX_VALUE), -Integer.MAX_VALUE);
        return new Bounds((int) start, (int) stop, istep, (int) count);
    }

    /** A negative index counts from the end; out-of-range indices are pulled back to the edges. */
    private static long clamp(long index, int length, long step) {
        if (index < 0) {
            index += length;
            if (index < 0) index = step < 0 ? -1 : 0;
        } else if (index >= length) {
            index = step < 0 ? length - 1 : length;
        }
        return index;
    }

    /** {@code _PyEval_SliceIndex}: an int (huge ones saturate), else TypeError. */
    static long sliceIndex(ToyObject o) {
        if (o instanceof ToyInstance) o = o.index(); // a user class with __index__
        if (!(o instanceof ToyInt i)) {
            throw Errors.typeError("slice indices must be integers or None or have an __index__ method");
        }
        if (i.isSmall()) return i.value;
        return i.big.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    /**
     * A sequence index: negative counts from the end; out of range raises IndexError with
     * {@code message} ("list index out of range").
     */
    public static int index(ToyInt key, int length, String message) {
        if (!key.isSmall()) throw Errors.indexError("cannot fit 'int' into an index-sized integer");
        long i = key.value;
        if (i < 0) i += length;
        if (i < 0 || i >= length) throw Errors.indexError(message);
        return (int) i;
    }
}
