package org.toy.runtime;

import java.math.BigDecimal;

/** Numeric helpers shared by int and float: mixed comparison, float repr and float hashing. */
public final class Numbers {
    private Numbers() {}

    /** Compares an int with a double exactly (no rounding of big ints), as CPython's float_richcompare. */
    public static int compareIntFloat(ToyInt i, double d) {
        if (Double.isNaN(d)) return 2; // unordered: never equal
        if (Double.isInfinite(d)) return d > 0 ? -1 : 1;
        if (i.isSmall() && Math.abs(i.value) < (1L << 53)) return Double.compare((double) i.value, d) ;
        return new BigDecimal(i.toBig()).compareTo(new BigDecimal(d));
    }

    /** repr(float): the shortest string that round-trips, in Python's notation. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        String digits;
        int exponent;
        // Shortest round-tripping digits: BigDecimal rounding at increasing precision.
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shortest = null;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new java.math.MathContext(p, java.math.RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) { shortest = r; break; }
        }
        if (shortest == null) shortest = exact;
        BigDecimal stripped = shortest.stripTrailingZeros();
        digits = stripped.unscaledValue().abs().toString();
        exponent = digits.length() - 1 - stripped.scale(); // decimal exponent of the first digit
        String sign = d < 0 ? "-" : "";
        if (exponent >= 16 || exponent < -4) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                    + Math.abs(exponent);
        }
        if (exponent < 0) return sign + "0." + "0".repeat(-exponent - 1) + digits;
        if (digits.length() <= exponent + 1) return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }

    /** hash(float): equal to the int hash when the float is integral, as CPython's _Py_HashDouble. */
    public static long hashFloat(double d) {
        if (Double.isNaN(d)) return 0;
        if (Double.isInfinite(d)) return d > 0 ? 314159 : -314159;
        if (d == Math.rint(d) && Math.abs(d) < 9.2e18) return ToyInt.of((long) d).hash();
        // CPython's algorithm: reduce the mantissa modulo 2**61-1, 28 bits at a time.
        int[] e = new int[1];
        double m = frexp(d, e);
        int sign = 1;
        if (m < 0) { sign = -1; m = -m; }
        long x = 0;
        int exp = e[0];
        while (m != 0) {
            x = ((x << 28) & Hashing.MODULUS) | x >>> (61 - 28);
            m *= 268435456.0;
            exp -= 28;
            long y = (long) m;
            m -= y;
            x += y;
            if (x >= Hashing.MODULUS) x -= Hashing.MODULUS;
        }
        exp = exp >= 0 ? exp % 61 : 61 - 1 - ((-1 - exp) % 61);
        x = ((x << exp) & Hashing.MODULUS) | x >>> (61 - exp);
        x = x * sign;
        return x == -1 ? -2 : x;
    }

    private static double frexp(double d, int[] exp) {
        if (d == 0) { exp[0] = 0; return 0; }
        int e = Math.getExponent(d) + 1;
        double m = d / Math.scalb(1.0, e);
        if (Math.abs(m) >= 1.0) { m /= 2; e++; }
        if (Math.abs(m) < 0.5) { m *= 2; e--; }
        exp[0] = e;
        return m;
    }
}
