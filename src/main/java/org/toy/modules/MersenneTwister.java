package org.toy.modules;

import java.math.BigInteger;

/**
 * MT19937, the generator behind CPython's {@code random} ({@code Modules/_randommodule.c}), seeded
 * the same way ({@code init_by_array} over the seed's 32-bit words), so a Toy program seeded with an
 * int draws the same numbers as CPython does from {@code random()}, {@code getrandbits()} and what is
 * built on them.
 */
final class MersenneTwister {
    private static final int N = 624, M = 397;
    private static final int MATRIX_A = 0x9908b0df, UPPER_MASK = 0x80000000, LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int index = N + 1;

    /** CPython's {@code random_seed} for a non-negative int: the key is its 32-bit words, least significant first. */
    void seed(BigInteger n) {
        int words = Math.max(1, (n.bitLength() + 31) / 32);
        int[] key = new int[words];
        for (int i = 0; i < words; i++) key[i] = n.shiftRight(32 * i).intValue();
        initByArray(key);
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1, j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) j = 0;
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
        index = N;
    }

    /** The next 32 random bits (as an unsigned value in an int). */
    int nextInt() {
        if (index >= N) twist();
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twist() {
        if (index == N + 1) initGenrand(5489);
        for (int k = 0; k < N; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
            mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        index = 0;
    }

    /** {@code random()}: 53 random bits as a float in [0, 1). */
    double nextDouble() {
        long a = Integer.toUnsignedLong(nextInt()) >>> 5, b = Integer.toUnsignedLong(nextInt()) >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /** {@code getrandbits(k)}: the words are filled least significant first, as CPython does. */
    BigInteger bits(int k) {
        if (k == 0) return BigInteger.ZERO;
        if (k <= 32) return BigInteger.valueOf(Integer.toUnsignedLong(nextInt()) >>> (32 - k));
        int words = (k - 1) / 32 + 1;
        BigInteger r = BigInteger.ZERO;
        for (int i = 0; i < words; i++, k -= 32) {
            long word = Integer.toUnsignedLong(nextInt());
            if (k < 32) word >>>= 32 - k;
            r = r.or(BigInteger.valueOf(word).shiftLeft(32 * i));
        }
        return r;
    }

    /** {@code _randbelow(n)} for n > 0: rejection sampling on {@code n.bit_length()} bits. */
    BigInteger below(BigInteger n) {
        int k = n.bitLength();
        BigInteger r = bits(k);
        while (r.compareTo(n) >= 0) r = bits(k);
        return r;
    }

    /** The same, for small bounds without BigInteger. */
    int below(int n) {
        int k = 32 - Integer.numberOfLeadingZeros(n);
        long r = Integer.toUnsignedLong(nextInt()) >>> (32 - k);
        while (r >= n) r = Integer.toUnsignedLong(nextInt()) >>> (32 - k);
        return (int) r;
    }
}
