package org.toy.runtime;

/**
 * The hash table behind set and frozenset, a transcription of CPython 3.11's
 * {@code Objects/setobject.c} so that iteration order matches CPython's for the same operations
 * (printing {@code {3, 1, 2}} gives {@code {1, 2, 3}}).
 *
 * <p>Open addressing: a key's first slot is {@code hash & mask}; each probe inspects that slot
 * and up to {@link #LINEAR_PROBES} neighbours (cache-friendly), then jumps with
 * {@code i = i*5 + 1 + perturb}, where {@code perturb} feeds in the high bits of the hash.
 * Deleted keys leave a {@link #DUMMY} so probe chains stay unbroken; {@code fill} counts active
 * plus dummy slots, {@code used} only active ones. When {@code fill*5 >= mask*3} the table is
 * rebuilt at four times the used count (twice, beyond 50000), which also drops the dummies.
 */
final class SetTable {
    static final int MIN_SIZE = 8;
    private static final int LINEAR_PROBES = 9;
    private static final int PERTURB_SHIFT = 5;

    /** Marks a deleted slot; its hash is -1, which no real hash is. */
    private static final ToyObject DUMMY = new ToyObject() {
        @Override public ToyType type() { return ToyType.OBJECT; }
    };

    ToyObject[] keys = new ToyObject[MIN_SIZE];
    long[] hashes = new long[MIN_SIZE];
    int mask = MIN_SIZE - 1;
    int fill;
    int used;
    /** Where pop() resumes its search. */
    private int finger;

    /** True when slot i holds a live key. */
    boolean active(int i) { return keys[i] != null && keys[i] != DUMMY; }

    private static boolean same(ToyObject stored, ToyObject key) {
        return stored == key || Ops.eq(stored, key);
    }

    /** The slot holding key, or -1 (set_lookkey). */
    int find(ToyObject key, long hash) {
        int i = (int) (hash & mask);
        long perturb = hash;
        while (true) {
            int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
            int j = i;
            do {
                ToyObject k = keys[j];
                if (k == null) return -1;
                if (hashes[j] == hash && k != DUMMY && same(k, key)) return j;
                j++;
            } while (probes-- > 0);
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    /** Adds key unless present (set_add_entry); true if it was added. */
    boolean add(ToyObject key, long hash) {
        int i = (int) (hash & mask);
        long perturb = hash;
        int freeSlot = -1;
        while (true) {
            int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
            int j = i;
            do {
                ToyObject k = keys[j];
                if (k == null) {
                    if (freeSlot >= 0) { // reuse the first dummy met on the way
                        keys[freeSlot] = key;
                        hashes[freeSlot] = hash;
                        used++;
                        return true;
                    }
                    keys[j] = key;
                    hashes[j] = hash;
                    fill++;
                    used++;
                    if ((long) fill * 5 >= (long) mask * 3) resize(used > 50000 ? used * 2 : used * 4);
                    return true;
                }
                if (k == DUMMY) {
                    if (freeSlot < 0) freeSlot = j;
                } else if (hashes[j] == hash && same(k, key)) {
                    return false;
                }
                j++;
            } while (probes-- > 0);
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    /** Removes key if present (set_discard_entry); true if it was there. */
    boolean discard(ToyObject key, long hash) {
        int i = find(key, hash);
        if (i < 0) return false;
        keys[i] = DUMMY;
        hashes[i] = -1;
        used--;
        return true;
    }

    /** Rebuilds the table at the smallest power of two above minUsed, dropping dummies (set_table_resize). */
    void resize(int minUsed) {
        int size = MIN_SIZE;
        while (size <= minUsed) size <<= 1;
        ToyObject[] oldKeys = keys;
        long[] oldHashes = hashes;
        keys = new ToyObject[size];
        hashes = new long[size];
        mask = size - 1;
        fill = used;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null && oldKeys[i] != DUMMY) insertClean(oldKeys[i], oldHashes[i]);
        }
    }

    /** Places a key known to be absent into a table without dummies (set_insert_clean). */
    private void insertClean(ToyObject key, long hash) {
        int i = (int) (hash & mask);
        long perturb = hash;
        while (true) {
            if (keys[i] == null) break;
            if (i + LINEAR_PROBES <= mask) {
                int j = 1;
                for (; j <= LINEAR_PROBES && keys[i + j] != null; j++) { }
                if (j <= LINEAR_PROBES) {
                    i += j;
                    break;
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
        keys[i] = key;
        hashes[i] = hash;
    }

    /** Adds every key of other (set_merge), with its shortcuts that decide the resulting order. */
    void merge(SetTable other) {
        if (other == this || other.used == 0) return;
        if ((long) (fill + other.used) * 5 >= (long) mask * 3) resize((used + other.used) * 2);
        if (fill == 0 && mask == other.mask && other.fill == other.used) {
            System.arraycopy(other.keys, 0, keys, 0, keys.length);
            System.arraycopy(other.hashes, 0, hashes, 0, hashes.length);
            fill = other.fill;
            used = other.used;
            return;
        }
        if (fill == 0) {
            fill = other.used;
            used = other.used;
            for (int i = 0; i <= other.mask; i++) {
                if (other.active(i)) insertClean(other.keys[i], other.hashes[i]);
            }
            return;
        }
        for (int i = 0; i <= other.mask; i++) {
            if (other.active(i)) add(other.keys[i], other.hashes[i]);
        }
    }

    /** Removes and returns an arbitrary key (set_pop), or null when empty. */
    ToyObject pop() {
        if (used == 0) return null;
        int i = finger & mask;
        while (!active(i)) i = i == mask ? 0 : i + 1;
        ToyObject key = keys[i];
        keys[i] = DUMMY;
        hashes[i] = -1;
        used--;
        finger = i + 1;
        return key;
    }

    void clear() {
        keys = new ToyObject[MIN_SIZE];
        hashes = new long[MIN_SIZE];
        mask = MIN_SIZE - 1;
        fill = 0;
        used = 0;
    }

    /** Takes over another table's contents (set_swap_bodies, as used by intersection_update). */
    void takeFrom(SetTable other) {
        keys = other.keys;
        hashes = other.hashes;
        mask = other.mask;
        fill = other.fill;
        used = other.used;
        finger = 0;
    }
}
