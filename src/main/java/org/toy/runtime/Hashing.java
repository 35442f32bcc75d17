package org.toy.runtime;

import java.math.BigInteger;

/** CPython's numeric hash (Python/pyhash.c, Objects/longobject.c): equal numbers hash equal across types. */
public final class Hashing {
    private Hashing() {}

    /** 2**61 - 1, {@code sys.hash_info.modulus} on 64-bit CPython. */
    public static final long MODULUS = (1L << 61) - 1;
    private static final BigInteger BIG_MODULUS = BigInteger.valueOf(MODULUS);

    static long hashBig(BigInteger v) {
        long h = v.abs().mod(BIG_MODULUS).longValue();
        if (v.signum() < 0) h = -h;
        return h == -1 ? -2 : h;
    }
}
