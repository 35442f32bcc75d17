package org.toy.builtins;

import org.toy.runtime.Ops;
import org.toy.runtime.ToyObject;

/**
 * A stable merge sort that compares only with {@code <}, as CPython's list.sort promises. Java's
 * own TimSort is not used: it needs a consistent three-way comparator, and Python values need not
 * provide one (NaN, user classes), where TimSort would throw "Comparison method violates its contract".
 */
public final class Sorting {
    private Sorting() {}

    private static final int INSERTION_LIMIT = 16;

    /**
     * Sorts {@code values} by {@code keys} (the same array when there is no key function), stably.
     * {@code reverse} keeps equal items in their original order, as Python's {@code reverse=True} does.
     */
    public static void sort(ToyObject[] keys, ToyObject[] values, boolean reverse) {
        if (reverse) {
            reverseInPlace(keys, values);
        }
        ToyObject[] tmpKeys = keys.clone();
        ToyObject[] tmpValues = keys == values ? tmpKeys : values.clone();
        mergeSort(keys, values, tmpKeys, tmpValues, 0, keys.length);
        if (reverse) {
            reverseInPlace(keys, values);
        }
    }

    private static void reverseInPlace(ToyObject[] keys, ToyObject[] values) {
        reverse(keys);
        if (values != keys) reverse(values);
    }

    private static void reverse(ToyObject[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            ToyObject t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static void mergeSort(ToyObject[] k, ToyObject[] v, ToyObject[] tk, ToyObject[] tv, int lo, int hi) {
        if (hi - lo <= INSERTION_LIMIT) {
            insertionSort(k, v, lo, hi);
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(k, v, tk, tv, lo, mid);
        mergeSort(k, v, tk, tv, mid, hi);
        if (!Ops.lessThan(k[mid], k[mid - 1])) return; // already in order
        System.arraycopy(k, lo, tk, lo, hi - lo);
        if (v != k) System.arraycopy(v, lo, tv, lo, hi - lo);
        int i = lo, j = mid, out = lo;
        while (i < mid && j < hi) {
            // Take from the right run only when strictly less: equal items keep their order.
            if (Ops.lessThan(tk[j], tk[i])) {
                v[out] = tv[j];
                k[out++] = tk[j++];
            } else {
                v[out] = tv[i];
                k[out++] = tk[i++];
            }
        }
        while (i < mid) {
            v[out] = tv[i];
            k[out++] = tk[i++];
        }
        while (j < hi) {
            v[out] = tv[j];
            k[out++] = tk[j++];
        }
    }

    private static void insertionSort(ToyObject[] k, ToyObject[] v, int lo, int hi) {
        for (int i = lo + 1; i < hi; i++) {
            ToyObject key = k[i], value = v[i];
            int j = i;
            while (j > lo && Ops.lessThan(key, k[j - 1])) {
                k[j] = k[j - 1];
                v[j] = v[j - 1];
                j--;
            }
            k[j] = key;
            v[j] = value;
        }
    }
}
