package org.toy.runtime;

import org.toy.vm.ThreadState;

/**
 * The stable sort behind {@code list.sort} and {@code sorted}: a merge sort that, like CPython's
 * timsort, only ever asks {@code a < b}, so any type with {@code __lt__} sorts, a comparison
 * that raises propagates, and an inconsistent {@code __lt__} cannot break the algorithm.
 * Presorted runs cost one comparison per merge, so sorted input is linear.
 */
public final class Sorting {
    private Sorting() {}

    private static final int INSERTION_LIMIT = 12;

    /**
     * Sorts {@code items[0, n)} in place. {@code key} (or None) is called once per item;
     * {@code reverse} keeps equal items in their original order, as Python's does.
     */
    public static void sort(ThreadState ts, ToyObject[] items, int n, ToyObject key, boolean reverse) {
        if (n < 2) return;
        if (reverse) reverseRange(items, n);
        if (key == null || key == ToyNone.NONE) {
            mergeSort(items, items.clone(), 0, n);
        } else {
            // Sort the keys, carrying each one's original position, then permute the items.
            ToyObject[] keys = new ToyObject[n];
            for (int i = 0; i < n; i++) keys[i] = ts.call(key, items[i]);
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) perm[i] = i;
            mergeSortKeyed(keys, keys.clone(), perm, new int[n], 0, n);
            ToyObject[] copy = items.clone();
            for (int i = 0; i < n; i++) items[i] = copy[perm[i]];
        }
        if (reverse) reverseRange(items, n);
    }

    private static void reverseRange(ToyObject[] a, int n) {
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            ToyObject t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** {@code a < b}, with the common homogeneous cases compared without dispatch. */
    static boolean less(ToyObject a, ToyObject b) {
        if (a instanceof ToyInt x && b instanceof ToyInt y && x.big == null && y.big == null) return x.value < y.value;
        if (a instanceof ToyStr x && b instanceof ToyStr y) return x.value.compareTo(y.value) < 0;
        if (a instanceof ToyFloat x && b instanceof ToyFloat y) return x.value < y.value;
        return Ops.lessThan(a, b);
    }

    /** Sorts a[lo, hi) using tmp as scratch. */
    private static void mergeSort(ToyObject[] a, ToyObject[] tmp, int lo, int hi) {
        if (hi - lo <= INSERTION_LIMIT) {
            for (int i = lo + 1; i < hi; i++) {
                ToyObject x = a[i];
                int j = i;
                while (j > lo && less(x, a[j - 1])) {
                    a[j] = a[j - 1];
                    j--;
                }
                a[j] = x;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid);
        mergeSort(a, tmp, mid, hi);
        if (!less(a[mid], a[mid - 1])) return; // already in order
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi) a[k++] = less(tmp[j], tmp[i]) ? tmp[j++] : tmp[i++];
        while (i < mid) a[k++] = tmp[i++];
        while (j < hi) a[k++] = tmp[j++];
    }

    /** The same merge sort on keys, carrying the original positions in perm. */
    private static void mergeSortKeyed(ToyObject[] a, ToyObject[] tmp, int[] perm, int[] ptmp, int lo, int hi) {
        if (hi - lo <= INSERTION_LIMIT) {
            for (int i = lo + 1; i < hi; i++) {
                ToyObject x = a[i];
                int p = perm[i];
                int j = i;
                while (j > lo && less(x, a[j - 1])) {
                    a[j] = a[j - 1];
                    perm[j] = perm[j - 1];
                    j--;
                }
                a[j] = x;
                perm[j] = p;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSortKeyed(a, tmp, perm, ptmp, lo, mid);
        mergeSortKeyed(a, tmp, perm, ptmp, mid, hi);
        if (!less(a[mid], a[mid - 1])) return;
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        System.arraycopy(perm, lo, ptmp, lo, hi - lo);
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi) {
            if (less(tmp[j], tmp[i])) {
                perm[k] = ptmp[j];
                a[k++] = tmp[j++];
            } else {
                perm[k] = ptmp[i];
                a[k++] = tmp[i++];
            }
        }
        while (i < mid) { perm[k] = ptmp[i]; a[k++] = tmp[i++]; }
        while (j < hi) { perm[k] = ptmp[j]; a[k++] = tmp[j++]; }
    }
}
