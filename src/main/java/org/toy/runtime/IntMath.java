package org.toy.runtime;

import java.math.BigInteger;
import org.toy.ast.BinaryOp;

/**
 * Arithmetic on Python ints ({@code Objects/longobject.c}). Each operation has a {@code long} fast
 * path that detects overflow without exceptions and falls back to {@link BigInteger}; results go
 * through {@link ToyInt#of}, which normalises and reuses the small-int cache.
 */
public final class IntMath {
    private IntMath() {}

    /** {@code a OP b} for two ints; NOT_IMPLEMENTED for operators ints do not define ({@code @}). */
    public static ToyObject binary(BinaryOp op, ToyInt a, ToyInt b) {
        switch (op) {
            case ADD: return add(a, b);
            case SUBTRACT: return subtract(a, b);
            case MULTIPLY: return multiply(a, b);
            case FLOOR_DIVIDE: return floorDivide(a, b);
            case REMAINDER: return remainder(a, b);
            case TRUE_DIVIDE: return ToyFloat.of(trueDivide(a, b));
            case POWER: return power(a, b);
            case LSHIFT: return shiftLeft(a, b);
            case RSHIFT: return shiftRight(a, b);
            case AND:
                if (a.isSmall() && b.isSmall()) return ToyInt.of(a.value & b.value);
                return ToyInt.of(a.toBig().and(b.toBig()));
            case OR:
                if (a.isSmall() && b.isSmall()) return ToyInt.of(a.value | b.value);
                return ToyInt.of(a.toBig().or(b.toBig()));
            case XOR:
                if (a.isSmall() && b.isSmall()) return ToyInt.of(a.value ^ b.value);
                return ToyInt.of(a.toBig().xor(b.toBig()));
            default: return NotImplemented.NOT_IMPLEMENTED;
        }
    }

    public static ToyInt add(ToyInt a, ToyInt b) {
        if (a.isSmall() && b.isSmall()) {
            long x = a.value, y = b.value, r = x + y;
            // Overflow iff both operands have the sign opposite to the result's (Hacker's Delight 2-13).
            if (((x ^ r) & (y ^ r)) >= 0) return ToyInt.of(r);
        }
        return ToyInt.of(a.toBig().add(b.toBig()));
    }

    public static ToyInt subtract(ToyInt a, ToyInt b) {
        if (a.isSmall() && b.isSmall()) {
            long x = a.value, y = b.value, r = x - y;
            if (((x ^ y) & (x ^ r)) >= 0) return ToyInt.of(r);
        }
        return ToyInt.of(a.toBig().subtract(b.toBig()));
    }

    public static ToyInt multiply(ToyInt a, ToyInt b) {
        if (a.isSmall() && b.isSmall()) {
            long x = a.value, y = b.value, lo = x * y, hi = Math.multiplyHigh(x, y);
            // The product fits when the high word is just the sign extension of the low word.
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return ToyInt.of(lo);
        }
        return ToyInt.of(a.toBig().multiply(b.toBig()));
    }

    public static ToyInt negate(ToyInt a) {
        if (a.isSmall() && a.value != Long.MIN_VALUE) return ToyInt.of(-a.value);
        return ToyInt.of(a.toBig().negate());
    }

    /** {@code a // b}, rounding toward negative infinity. */
    public static ToyInt floorDivide(ToyInt a, ToyInt b) {
        if (b.isSmall() && b.value == 0) throw Errors.zeroDivision("integer division or modulo by zero");
        if (a.isSmall() && b.isSmall() && !(a.value == Long.MIN_VALUE && b.value == -1)) {
            return ToyInt.of(Math.floorDiv(a.value, b.value));
        }
        return ToyInt.of(bigFloorDivMod(a.toBig(), b.toBig())[0]);
    }

    /** {@code a % b}, taking the sign of the divisor. */
    public static ToyInt remainder(ToyInt a, ToyInt b) {
        if (b.isSmall() && b.value == 0) throw Errors.zeroDivision("integer modulo by zero");
        if (a.isSmall() && b.isSmall()) return ToyInt.of(Math.floorMod(a.value, b.value));
        return ToyInt.of(bigFloorDivMod(a.toBig(), b.toBig())[1]);
    }

    /** {@code divmod(a, b)} for ints. */
    public static ToyTuple divmod(ToyInt a, ToyInt b) {
        if (b.isSmall() && b.value == 0) throw Errors.zeroDivision("integer division or modulo by zero");
        return ToyTuple.of(floorDivide(a, b), remainder(a, b));
    }

    private static BigInteger[] bigFloorDivMod(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        // Java truncates toward zero; Python floors, so a remainder whose sign differs from b's is adjusted.
        if (qr[1].signum() != 0 && qr[1].signum() != b.signum()) {
            qr[0] = qr[0].subtract(BigInteger.ONE);
            qr[1] = qr[1].add(b);
        }
        return qr;
    }

    /** {@code a ** b}: a negative exponent gives a float, as in Python. */
    public static ToyObject power(ToyInt a, ToyInt b) {
        if (b.isSmall() ? b.value < 0 : b.big.signum() < 0) {
            return ToyFloat.of(FloatMath.power(toDouble(a), toDouble(b)));
        }
        if (a.isSmall()) {
            long base = a.value;
            if (base == 0 || base == 1) return ToyInt.of(b.isSmall() && b.value == 0 ? 1 : base); // never the bool itself
            if (base == -1) return (b.isSmall() ? (b.value & 1) == 0 : !b.big.testBit(0)) ? ToyInt.of(1) : a;
        }
        if (!b.isSmall() || b.value > Integer.MAX_VALUE) throw MemoryErrors.raise();
        long e = b.value;
        if (a.isSmall()) {
            // Square-and-multiply on longs while the values stay exact.
            long result = 1, base = a.value;
            boolean fits = true;
            while (e > 0) {
                if ((e & 1) != 0) {
                    long hi = Math.multiplyHigh(result, base), lo = result * base;
                    if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) { fits = false; break; }
                    result = lo;
                }
                e >>= 1;
                if (e == 0) break;
                long hi = Math.multiplyHigh(base, base), lo = base * base;
                if (!(hi == 0 && lo >= 0)) { fits = false; break; }
                base = lo;
            }
            if (fits) return ToyInt.of(result);
        }
        return ToyInt.of(a.toBig().pow((int) b.value));
    }

    public static ToyInt shiftLeft(ToyInt a, ToyInt b) {
        long n = shiftCount(b);
        if (!a.isTrue()) return ToyInt.of(0);   // not `a`: False << 1 is the int 0
        if (a.isSmall() && n < 63) {
            long r = a.value << n;
            if (r >> n == a.value) return ToyInt.of(r);
        }
        if (n > Integer.MAX_VALUE) throw Errors.overflow("too many digits in integer");
        return ToyInt.of(a.toBig().shiftLeft((int) n));
    }

    public static ToyInt shiftRight(ToyInt a, ToyInt b) {
        long n = shiftCount(b);
        if (a.isSmall()) return ToyInt.of(a.value >> Math.min(n, 63));
        if (n > Integer.MAX_VALUE) return ToyInt.of(a.big.signum() < 0 ? -1 : 0);
        return ToyInt.of(a.big.shiftRight((int) n));
    }

    private static long shiftCount(ToyInt b) {
        if (b.isSmall() ? b.value < 0 : b.big.signum() < 0) throw Errors.valueError("negative shift count");
        return b.isSmall() ? b.value : Long.MAX_VALUE;
    }

    public static ToyInt invert(ToyInt a) {
        if (a.isSmall()) return ToyInt.of(~a.value);
        return ToyInt.of(a.big.not());
    }

    /** {@code float(a)}: correctly rounded; too big raises OverflowError. */
    public static double toDouble(ToyInt a) {
        if (a.isSmall()) return (double) a.value;
        double d = a.big.doubleValue();
        if (Double.isInfinite(d)) throw Errors.overflow("int too large to convert to float");
        return d;
    }

    /**
     * {@code a / b} correctly rounded to the nearest double, as CPython's long_true_divide: for
     * big operands the quotient is computed to 55+ bits with a sticky bit, then rounded once.
     */
    public static double trueDivide(ToyInt a, ToyInt b) {
        if (!b.isTrue()) throw Errors.zeroDivision("division by zero");
        if (a.isSmall() && b.isSmall() && Math.abs(a.value) <= (1L << 53) && Math.abs(b.value) <= (1L << 53)) {
            return (double) a.value / (double) b.value; // both exact as doubles: IEEE division rounds once
        }
        BigInteger x = a.toBig(), y = b.toBig();
        boolean negative = (x.signum() < 0) != (y.signum() < 0); // 0 / -big is -0.0, as in CPython
        x = x.abs();
        y = y.abs();
        if (x.signum() == 0) return negative ? -0.0 : 0.0;
        int e = x.bitLength() - y.bitLength(); // the quotient lies in [2**(e-1), 2**(e+1))
        if (e > 1025) throw Errors.overflow("integer division result too large for a float");
        if (e < -1077) return negative ? -0.0 : 0.0;
        int shift = 55 - e;
        BigInteger[] qr = shift >= 0 ? x.shiftLeft(shift).divideAndRemainder(y)
                : x.divideAndRemainder(y.shiftLeft(-shift));
        long q = qr[0].longValueExact();
        if (qr[1].signum() != 0) q |= 1; // sticky: the quotient was inexact
        double result = roundScaled(q, shift);
        if (Double.isInfinite(result)) throw Errors.overflow("integer division result too large for a float");
        return negative ? -result : result;
    }

    /** {@code q * 2**-shift} rounded half-even once, keeping 53 bits or down to the subnormal ulp. */
    private static double roundScaled(long q, int shift) {
        int qbits = 64 - Long.numberOfLeadingZeros(q);
        int exp = qbits - shift; // the value lies in [2**(exp-1), 2**exp)
        int keep = Math.min(53, exp + 1074);
        int drop = qbits - keep;
        if (drop >= 63) return 0.0;
        long m = q >>> drop;
        long rest = q & ((1L << drop) - 1);
        long half = 1L << (drop - 1);
        if (rest > half || (rest == half && (m & 1) != 0)) m++;
        return Math.scalb((double) m, drop - shift);
    }
}
